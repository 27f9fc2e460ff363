// Package check runs the per-document pipeline — read, parse with positions,
// schema, policies, waivers — over many files concurrently, handing finished
// documents to the caller in path order whatever the number of workers.
package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/schema"
)

// Checker checks documents; it is safe for concurrent use.
type Checker struct {
	Schema    *schema.Validator
	Evaluator *engine.Evaluator
	// Registry, when not nil, are the registry rules whose facts each
	// document's evaluation also gives (the Evaluator must have been
	// prepared with Registry.Reads()).
	Registry *registry.Rules
	Limits   descriptor.Limits
	// Stdin is read for the source "-".
	Stdin io.Reader
	// Cache, when not nil, keeps each document's results between runs,
	// keyed by its bytes and format and by RunKey.
	Cache *cache.Cache
	// RunKey holds everything besides a document's bytes that decides its
	// results: cgcheck's build, the policies, the settings, the limits (see
	// package run). It must change whenever any of them does.
	RunKey []byte
	// Open opens a descriptor file for reading; nil means the operating
	// system's, without blocking. Tests set it to make reading fail as a
	// revoked permission or a failing disk would.
	Open func(path string) (fs.File, error)
}

// Checked is one finished document and, when registry rules run, each
// registry rule's facts of it, located (nil for a document whose policies
// did not run: unreadable, unparsable, off-schema, or failed to evaluate).
type Checked struct {
	Doc   *finding.Document
	Facts [][]registry.Fact
	// FactsOnly is the Input's: the document was read for its facts alone.
	FactsOnly bool
}

// Input is one source of a run. FactsOnly marks a source read only for the
// registry rules (check --registry): its findings are not reported, so a
// cached copy of its registry facts is all it needs.
type Input struct {
	discover.Source
	FactsOnly bool
}

// Inputs makes each source an Input that is checked in full.
func Inputs(sources []discover.Source) []Input {
	out := make([]Input, len(sources))
	for i, s := range sources {
		out[i] = Input{Source: s}
	}
	return out
}

// Run checks every input with jobs workers (0: one per CPU) and calls emit
// with each finished document, in the order of inputs. It stops at the first
// error emit returns or when ctx is cancelled.
func (c *Checker) Run(ctx context.Context, sources []Input, jobs int, emit func(Checked) error) error {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		index int
		doc   Checked
	}
	// A window of in-flight documents bounds memory: a slow file holds back
	// at most window finished ones, never the whole registry.
	window := jobs * 4
	tokens := make(chan struct{}, window)
	work := make(chan int)
	results := make(chan result, window)

	go func() {
		defer close(work)
		for i := range sources {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	index := c.openIndex(sources)
	done := make(chan struct{})
	for w := 0; w < jobs; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range work {
				doc := c.checkInput(ctx, sources[i], index)
				select {
				case results <- result{i, doc}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for w := 0; w < jobs; w++ {
			<-done
		}
		close(results)
	}()

	pending := map[int]Checked{}
	next := 0
	for r := range results {
		pending[r.index] = r.doc
		for {
			doc, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if err := emit(doc); err != nil {
				cancel()
				return err
			}
		}
	}
	if next < len(sources) {
		if err := ctx.Err(); err != nil {
			return err
		}
		return errors.New("check: stopped before every file was checked")
	}
	if index != nil {
		index.save(c, sources)
	}
	return nil
}

// Check runs the pipeline on one source. Every problem becomes a finding of
// the returned document; it never fails as a whole.
func (c *Checker) Check(ctx context.Context, src discover.Source) *finding.Document {
	return c.CheckWithFacts(ctx, src).Doc
}

// CheckWithFacts is Check, also returning the document's registry facts.
func (c *Checker) CheckWithFacts(ctx context.Context, src discover.Source) Checked {
	return c.checkInput(ctx, Input{Source: src}, nil)
}

// checkInput checks one input. A context file (FactsOnly) whose stamp the
// run's index holds is not read at all (index.go).
func (c *Checker) checkInput(ctx context.Context, in Input, index *contextIndex) Checked {
	name := in.Path
	if in.Path == discover.Stdin {
		name = "<stdin>"
	}
	doc := &finding.Document{File: name}
	defer doc.Finish(catalogue.Themes)
	done := func(facts [][]registry.Fact) Checked {
		return Checked{Doc: doc, Facts: facts, FactsOnly: in.FactsOnly}
	}

	if !in.FactsOnly || in.Path == discover.Stdin {
		index = nil
	}
	var abs string
	if index != nil {
		abs = absolute(in.Path)
		if entry, ok := index.lookup(abs); ok {
			if facts, ok := c.fromEntry(entry, true, doc); ok {
				return done(facts)
			}
		}
	}
	readAt := time.Now()
	data, format, opened, err := c.read(ctx, in.Source)
	if err != nil {
		doc.Findings = append(doc.Findings, parseFinding(err.Error(), nil))
		return done(nil)
	}
	keys := c.cacheKeys(format, data)
	facts, entry, ok := c.fromCache(keys, in.FactsOnly, doc)
	if !ok {
		var complete bool
		facts, complete = c.judge(ctx, doc, data, format)
		if !complete {
			return done(facts)
		}
		entry = c.toCache(keys, doc, facts)
	}
	if index != nil && entry != nil {
		if s, ok := stampOf(opened); ok {
			index.record(abs, s, entry, readAt)
		}
	}
	return done(facts)
}

// absolute is path made absolute, or path itself when that fails.
func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// judge parses, validates and evaluates one descriptor's bytes, adding its
// findings to doc, and returns its registry facts (nil when the policies did
// not run) and whether the result is complete, as opposed to cut short by an
// evaluation that failed or ran out of time (which a later run may not
// repeat, so it is not cached).
func (c *Checker) judge(ctx context.Context, doc *finding.Document, data []byte, format descriptor.Format) ([][]registry.Fact, bool) {
	parsed, err := descriptor.ParseWithLimits(data, format, c.Limits)
	if err != nil {
		var se *descriptor.SyntaxError
		if errors.As(err, &se) {
			doc.Findings = append(doc.Findings, parseFinding(se.Msg, &se.Position))
		} else {
			doc.Findings = append(doc.Findings, parseFinding(err.Error(), nil))
		}
		return nil, true
	}
	if obj, ok := parsed.Value.(map[string]any); ok {
		if id, ok := obj["id"].(string); ok {
			doc.ID = id
		}
	}

	if violations := c.Schema.Validate(parsed.Value); len(violations) > 0 {
		for _, v := range violations {
			pos := parsed.Locate(v.Pointer)
			if v.AtKey {
				pos = parsed.LocateKey(v.Pointer)
			}
			doc.Findings = append(doc.Findings, finding.Finding{
				Rule: finding.RuleSchema, Theme: "integrity", Status: finding.Fail,
				Message: v.Message, Pointer: finding.Ptr(v.Pointer), Line: pos.Line, Column: pos.Column,
			})
		}
		c.skipAll(doc, parsed, "not checked: the descriptor does not match the schema")
		return nil, true
	}

	res, err := c.Evaluator.Evaluate(ctx, parsed.Value)
	var facts [][]registry.Fact
	if err == nil {
		facts, err = c.Registry.Facts(res, func(pointer string) (int, int) {
			pos := parsed.Locate(pointer)
			return pos.Line, pos.Column
		})
	}
	if err != nil {
		root := parsed.Locate("")
		doc.Findings = append(doc.Findings, finding.Finding{
			Rule: finding.RuleEvaluation, Theme: "integrity", Status: finding.Fail,
			Message: "the policies could not be evaluated: " + err.Error(),
			Pointer: finding.Ptr(""), Line: root.Line, Column: root.Column,
		})
		c.skipAll(doc, parsed, "not checked: the policies could not be evaluated")
		return nil, false
	}
	doc.Findings = append(doc.Findings, findings(res, parsed)...)
	return facts, true
}

// read returns the bytes of a source, the format to read them in and, for a
// file, what its stat said once it was open (nil for standard input).
func (c *Checker) read(ctx context.Context, src discover.Source) ([]byte, descriptor.Format, fs.FileInfo, error) {
	limits := c.Limits
	if limits.MaxBytes <= 0 {
		limits.MaxBytes = descriptor.DefaultLimits.MaxBytes
	}
	if src.Path == discover.Stdin {
		if c.Stdin == nil {
			return nil, 0, nil, errors.New("cannot read standard input")
		}
		// Standard input may never end (a writer holding the pipe open):
		// read it aside, so that Ctrl-C still stops the run.
		type read struct {
			data []byte
			err  error
		}
		done := make(chan read, 1)
		go func() {
			data, err := io.ReadAll(io.LimitReader(c.Stdin, int64(limits.MaxBytes)+1))
			done <- read{data, err}
		}()
		var r read
		select {
		case r = <-done:
		case <-ctx.Done():
			return nil, 0, nil, fmt.Errorf("cannot read standard input: %w", ctx.Err())
		}
		if r.err != nil {
			return nil, 0, nil, fmt.Errorf("cannot read standard input: %w", r.err)
		}
		return r.data, descriptor.SniffFormat(r.data), nil, nil
	}
	format, ok := descriptor.FormatForPath(src.Path)
	if !ok {
		// A file named explicitly with another extension: guess as for stdin.
		format = 0
	}
	// Only a regular file is opened: opening a named pipe waits for a
	// writer, and opening a device can act on it.
	info, err := os.Stat(src.Path)
	if err != nil {
		return nil, 0, nil, readError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, 0, nil, notRegular(info.Mode())
	}
	open := c.Open
	if open == nil {
		open = openNonBlocking
	}
	f, err := open(src.Path)
	if err != nil {
		return nil, 0, nil, readError(err)
	}
	defer f.Close()
	// The path may name something else by now: check what was opened.
	if info, err = f.Stat(); err != nil {
		return nil, 0, nil, readError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, 0, nil, notRegular(info.Mode())
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limits.MaxBytes)+1))
	if err != nil {
		return nil, 0, nil, readError(err)
	}
	if format == 0 {
		format = descriptor.SniffFormat(data)
	}
	return data, format, info, nil
}

// openNonBlocking opens a file for reading. Should a named pipe have taken
// the file's place since it was found, O_NONBLOCK makes the open return at
// once instead of waiting for a writer; it does not change how a regular
// file reads.

// readError is the parse finding's message for a file that could not be
// read: what went wrong, without the path the finding already names.
func readError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("cannot read file: it no longer exists (removed or renamed while cgcheck ran)")
	}
	return fmt.Errorf("cannot read file: %v", pathErr(err))
}

func notRegular(m fs.FileMode) error {
	return fmt.Errorf("not a regular file (%s); descriptors are plain files", kindOf(m))
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return strings.TrimSpace(m.Type().String())
}

// parseFinding is the finding of a file that could not be read or parsed:
// the message says which, and the parse rule's one remediation
// (catalogue.ToolRules) covers both.
func parseFinding(msg string, pos *descriptor.Position) finding.Finding {
	f := finding.Finding{Rule: finding.RuleParse, Theme: "integrity", Status: finding.Fail, Message: msg}
	if pos != nil {
		f.Line, f.Column = pos.Line, pos.Column
	}
	return f
}

// skipAll records every enabled rule as skipped, so the checklist stays whole.
func (c *Checker) skipAll(doc *finding.Document, parsed *descriptor.Document, reason string) {
	root := parsed.Locate("")
	for _, r := range c.Evaluator.Rules() {
		doc.Findings = append(doc.Findings, finding.Finding{
			Rule: r.ID, Theme: r.Theme, Status: finding.Skip, Message: reason,
			Pointer: finding.Ptr(""), Line: root.Line, Column: root.Column,
		})
	}
}

// findings turns rule outcomes into findings, applying waivers.
func findings(res *engine.Result, parsed *descriptor.Document) []finding.Finding {
	waivers := map[string]engine.Waiver{}
	for _, w := range res.Waivers {
		if _, dup := waivers[w.Rule]; !dup {
			waivers[w.Rule] = w // the first waiver of a rule applies
		}
	}
	var out []finding.Finding
	for _, o := range res.Outcomes {
		r := o.Rule
		base := finding.Finding{Rule: r.ID, Theme: r.Theme}
		if len(o.Deny)+len(o.Warn) == 0 {
			f := base
			root := parsed.Locate("")
			f.Pointer, f.Line, f.Column = finding.Ptr(""), root.Line, root.Column
			if len(o.Skip) > 0 {
				f.Status, f.Message = finding.Skip, strings.Join(o.Skip, "; ")
			} else {
				f.Status, f.Message = finding.Pass, r.Title
			}
			out = append(out, f)
			continue
		}
		add := func(status finding.Status, m engine.Message) {
			f := base
			pos := parsed.Locate(m.Pointer)
			f.Status, f.Message = status, m.Msg
			f.Pointer, f.Line, f.Column = finding.Ptr(m.Pointer), pos.Line, pos.Column
			if w, ok := waivers[r.ID]; ok {
				f.Status = finding.Waived
				f.Waiver = &finding.Waiver{Justification: w.Justification, ApprovedBy: w.ApprovedBy, Expires: w.Expires, Waives: status}
			}
			out = append(out, f)
		}
		for _, m := range o.Deny {
			add(finding.Fail, m)
		}
		for _, m := range o.Warn {
			add(finding.Warn, m)
		}
	}
	return out
}
