// Package run carries out one whole check run: it checks every input,
// reports each named document as it is finished, collects the registry facts,
// runs the registry rules, and returns the totals and whether the run failed.
// The command line turns flags into Options and prints; everything between
// belongs here, so other front ends (a web page, a test) run checks the same
// way.
package run

import (
	"context"
	"errors"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/report"
)

// Options are what a run needs besides its inputs.
type Options struct {
	// Checker checks each document; its Registry, when not nil, are the
	// registry rules run at the end.
	Checker *check.Checker
	// Reporter receives the run; Header is what it is started with (Rules
	// is filled in from the Checker).
	Reporter report.Reporter
	Header   report.Run
	// Jobs is the number of files checked at once (0: one per CPU).
	Jobs int
	// FailOn is the lowest status that fails the run: fail or warn.
	FailOn finding.Status
	// Progress, when not nil, is called once for every input finished.
	Progress func()
	// Incomplete, when not nil, makes a run whose ctx passes its deadline
	// finish the report with the documents checked so far, marked with
	// the reason it returns (given how many of how many named documents
	// were checked). Without it such a run writes no report.
	Incomplete func(checked, named int) string
	// Baseline, when not nil, marks each document's findings against an
	// earlier report before the reporter sees them (check --baseline).
	Baseline *compare.Baseline
}

// Result is what a run found.
type Result struct {
	Summary  finding.Summary
	Registry finding.Registry
	// Failed is true when a named document or the registry has a finding at
	// or above FailOn.
	Failed bool
	// Checked counts the named documents finished, Named all of them: they
	// differ only when the run stopped early.
	Checked, Named int
	// Incomplete is true when the run ran out of time and the reporter was
	// given what was checked, marked incomplete (Options.Incomplete).
	Incomplete bool
}

// Run checks in. It returns an error, with the partial result, when the run
// stops early (ctx cancelled or past its deadline, a reporter failing, a
// registry rule failing); the reporter has then been given no Finish.
func Run(ctx context.Context, in *Inputs, opts Options) (*Result, error) {
	res := &Result{Named: len(in.Named())}
	header := opts.Header
	header.Rules = append(append([]*catalogue.Rule{}, opts.Checker.Evaluator.Rules()...), opts.Checker.Registry.Catalogue()...)
	header.FailOn = opts.FailOn
	if err := opts.Reporter.Start(header); err != nil {
		return res, err
	}
	threshold := finding.Fail.Severity()
	if opts.FailOn == finding.Warn {
		threshold = finding.Warn.Severity()
	}
	// Only each document's registry facts are kept; the documents themselves
	// go to the reporter as they are finished.
	facts := registry.NewCollector(opts.Checker.Registry)
	facts.Cache, facts.RunKey = opts.Checker.Cache, opts.Checker.RunKey
	err := opts.Checker.Run(ctx, in.List, opts.Jobs, func(c check.Checked) error {
		if opts.Progress != nil {
			opts.Progress()
		}
		if c.Skipped != "" {
			// Not a descriptor: listed in the report when it was found
			// under a PATH; a registry folder's other files are simply
			// not part of the registry.
			if !c.FactsOnly {
				res.Checked++
				res.Summary.Skipped = append(res.Summary.Skipped, finding.SkippedFile{File: c.Doc.File, Reason: c.Skipped})
			}
			return nil
		}
		facts.Add(registry.Document{File: c.Doc.File, ID: c.Doc.ID, Context: c.FactsOnly}, c.Facts)
		if c.FactsOnly {
			return nil
		}
		res.Checked++
		if opts.Baseline != nil {
			opts.Baseline.Mark(c.Doc)
		}
		res.Summary.Add(c.Doc)
		if c.Doc.Status.Severity() >= threshold {
			res.Failed = true
		}
		return opts.Reporter.Document(c.Doc)
	})
	if errors.Is(err, context.DeadlineExceeded) && opts.Incomplete != nil {
		// Out of time: report what was checked, marked incomplete. The
		// registry rules are not run on part of the registry, which could
		// only mislead.
		res.Summary.Incomplete = opts.Incomplete(res.Checked, res.Named)
		res.Registry = finding.Registry{Status: finding.Skip, Findings: []finding.RegistryFinding{}}
		res.Incomplete = true
		if opts.Baseline != nil {
			res.Summary.Baseline = opts.Baseline.Counts()
		}
		facts.Close()
		if ferr := opts.Reporter.Finish(res.Summary, res.Registry); ferr != nil {
			return res, ferr
		}
		return res, err
	}
	if err != nil {
		return res, err
	}
	if res.Registry, err = facts.Evaluate(ctx); err != nil {
		if errors.Is(err, context.DeadlineExceeded) && opts.Incomplete != nil {
			res.Summary.Incomplete = opts.Incomplete(res.Checked, res.Named)
			res.Registry = finding.Registry{Status: finding.Skip, Findings: []finding.RegistryFinding{}}
			res.Incomplete = true
			if ferr := opts.Reporter.Finish(res.Summary, res.Registry); ferr != nil {
				return res, ferr
			}
		}
		return res, err
	}
	if res.Registry.Status.Severity() >= threshold {
		res.Failed = true
	}
	if opts.Baseline != nil {
		opts.Baseline.MarkRegistry(&res.Registry)
		res.Summary.Baseline = opts.Baseline.Counts()
	}
	if err := opts.Reporter.Finish(res.Summary, res.Registry); err != nil {
		return res, err
	}
	return res, nil
}
