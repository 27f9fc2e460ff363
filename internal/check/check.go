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
	"regexp"
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
	// Timeout is the time allowed for each document, from reading it to the
	// last policy (--eval-timeout); zero means engine.DefaultTimeout. A
	// document past it gets a timeout finding and the run goes on.
	Timeout time.Duration

	// slow, when not nil, is called at the start of each phase a document
	// goes through apart from evaluation (which has its own tests): tests
	// make a phase slow with it to see the limit cover that phase.
	slow func(phase string)
}

// The phases of checking one document, as a message about a document that
// ran out of time names them.
const (
	phaseRead   = "reading the file"
	phaseParse  = "reading it as JSON or YAML"
	phaseSchema = "checking it against the schema"
	phaseEval   = "evaluating the policies"
)

// timeout is the time allowed for each document.
func (c *Checker) timeout() time.Duration {
	if c.Timeout <= 0 {
		return engine.DefaultTimeout
	}
	return c.Timeout
}

// Checked is one finished document and, when registry rules run, each
// registry rule's facts of it, located (nil for a document whose policies
// did not run: unreadable, unparsable, off-schema, or failed to evaluate).
type Checked struct {
	Doc   *finding.Document
	Facts [][]registry.Fact
	// FactsOnly is the Input's: the document was read for its facts alone.
	FactsOnly bool
	// Skipped, when not empty, says why the file is not a cgcheck
	// descriptor (notADescriptor): it is neither reported as a document
	// nor judged, and Doc holds only its name.
	Skipped string

	// busy, when not nil, closes when a phase left running past the
	// document's deadline ends (within): its worker waits for it before
	// taking another document, so abandoned work never piles up beyond
	// one phase per worker.
	busy <-chan struct{}
}

// Input is one source of a run. FactsOnly marks a source read only for the
// registry rules (check --registry): its findings are not reported, so a
// cached copy of its registry facts is all it needs.
type Input struct {
	discover.Source
	FactsOnly bool
	// Data, when not nil, are the document's bytes, already in memory (a
	// request to cgcheck serve): nothing is read from disk, and Path only
	// names the document, its extension saying whether to read it as JSON or
	// YAML (anything else is sniffed, as standard input is). Such a document
	// is always checked in full, as a file named on the command line is.
	Data []byte
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
				if ctx.Err() != nil {
					// The run is stopping: a document cut short by it is
					// no result.
					return
				}
				select {
				case results <- result{i, doc}:
				case <-ctx.Done():
					return
				}
				if doc.busy != nil {
					// The document is reported; its abandoned phase still
					// runs. Wait for it before the next document, unless
					// the run is stopping.
					select {
					case <-doc.busy:
					case <-ctx.Done():
						return
					}
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
	// A run stopped (Ctrl-C, --timeout) says so even when its last
	// documents made it out: they may have been cut short by the stop.
	if err := ctx.Err(); err != nil {
		return err
	}
	if next < len(sources) {
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
	var busy <-chan struct{}
	done := func(facts [][]registry.Fact) Checked {
		return Checked{Doc: doc, Facts: facts, FactsOnly: in.FactsOnly, busy: busy}
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
	// One deadline covers every phase of the document, so that neither a
	// huge file nor a slow policy holds up the run.
	dctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	phase := func(name string, f func()) error {
		b, err := c.within(dctx, name, f)
		if err != nil {
			busy = b
		}
		return err
	}
	readAt := time.Now()
	var (
		data   []byte
		format descriptor.Format
		opened fs.FileInfo
		err    error
	)
	read := func() { data, format, opened, err = c.read(dctx, in.Source) }
	if in.Data != nil {
		read = func() { data, format = in.Data, descriptor.FormatOf(in.Path, in.Data) }
	}
	if phase(phaseRead, read) != nil || dctx.Err() != nil {
		c.cutShort(ctx, doc, nil, phaseRead)
		return done(nil)
	}
	if err != nil {
		doc.Findings = append(doc.Findings, parseFinding(err.Error(), nil))
		return done(nil)
	}
	if maybeNot(in.Source, data) {
		// Found in a walk with no schema line to be seen: parse it to
		// know. The cache is passed by, since the same bytes named on the
		// command line give another result.
		facts, _, why := c.judge(ctx, dctx, phase, doc, data, format, true)
		if why != "" {
			return Checked{Doc: doc, FactsOnly: in.FactsOnly, Skipped: why}
		}
		return done(facts)
	}
	keys := c.cacheKeys(format, data)
	facts, entry, ok := c.fromCache(keys, in.FactsOnly, doc)
	if !ok {
		var complete bool
		facts, complete, _ = c.judge(ctx, dctx, phase, doc, data, format, false)
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

// cgcheckSchema finds a schema key whose value starts "cgcheck/", in YAML
// (block or flow) or JSON, quoted or not.
var cgcheckSchema = regexp.MustCompile(`(?m)(?:^|[{,\s])["']?schema["']?[ \t]*:[ \t]*["']?cgcheck/`)

// looksLikeOne finds the top-level keys every descriptor has, in YAML or
// JSON, for the hint given when the schema line is missing.
var looksLikeOne = regexp.MustCompile(`(?m)(?:^|[{,]\s*)["']?partners["']?\s*:`)

// maybeNot reports whether a file may not be a cgcheck descriptor at all
// (a registry folder also holds mkdocs.yml, CI files and the like): it was
// found in a folder walk, and its text shows no schema key naming a cgcheck
// format. Such a file is parsed to know (notADescriptor). A file named on
// the command line, or standard input, is always checked in full, so a
// descriptor that lost its schema line fails there; so is a UTF-16 file,
// whose text this test cannot read and whose parse finding says to save it
// as UTF-8.
func maybeNot(src discover.Source, data []byte) bool {
	return !src.Explicit && src.Path != discover.Stdin && !cgcheckSchema.Match(data) && !utf16(data)
}

// notADescriptor says why a document that parsed is not a cgcheck
// descriptor, or "" when it is one: its top level is no mapping with a
// schema key naming a cgcheck format. A file that does not parse is never
// passed over this way: a broken descriptor fails where everyone sees it.
func notADescriptor(value any, data []byte) string {
	if obj, ok := value.(map[string]any); ok {
		if s, ok := obj["schema"].(string); ok && strings.HasPrefix(s, "cgcheck/") {
			return ""
		}
	}
	why := "not a cgcheck descriptor: it has no \"schema: cgcheck/partnership/v1\" line, so it was not checked"
	if looksLikeOne.Match(data) {
		why += " (it lists partners, as a descriptor does: if it is one, add that line at the top)"
	}
	return why
}

// utf16 reports whether data looks like UTF-16 text (a byte order mark, or
// a NUL in every other byte of its start), which the test for a schema line
// cannot read: such a file is checked, and its parse finding says to save it
// as UTF-8.
func utf16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return true
	}
	n := min(len(data), 64)
	nul := 0
	for _, b := range data[:n] {
		if b == 0 {
			nul++
		}
	}
	return n >= 4 && nul*3 >= n
}

// absolute is path made absolute, or path itself when that fails.
func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// judge parses, validates and evaluates one descriptor's bytes within the
// document's deadline dctx (run is the run's own context; phase runs a step
// that cannot be interrupted, under dctx), adding its
// findings to doc, and returns its registry facts (nil when the policies did
// not run) and whether the result is complete, as opposed to cut short by an
// evaluation that failed or ran out of time (which a later run may not
// repeat, so it is not cached). With onlyDescriptors, a document that
// parses but is not a cgcheck descriptor is not judged, and the reason is
// returned instead (notADescriptor).
func (c *Checker) judge(run, dctx context.Context, phase func(string, func()) error, doc *finding.Document, data []byte, format descriptor.Format, onlyDescriptors bool) ([][]registry.Fact, bool, string) {
	var (
		parsed *descriptor.Document
		err    error
	)
	if phase(phaseParse, func() { parsed, err = descriptor.ParseWithLimits(data, format, c.Limits) }) != nil {
		c.cutShort(run, doc, nil, phaseParse)
		return nil, false, ""
	}
	if err != nil {
		var se *descriptor.SyntaxError
		if errors.As(err, &se) {
			doc.Findings = append(doc.Findings, parseFinding(se.Msg, &se.Position))
		} else {
			doc.Findings = append(doc.Findings, parseFinding(err.Error(), nil))
		}
		return nil, true, ""
	}
	if onlyDescriptors {
		if why := notADescriptor(parsed.Value, data); why != "" {
			return nil, true, why
		}
	}
	if obj, ok := parsed.Value.(map[string]any); ok {
		if id, ok := obj["id"].(string); ok {
			doc.ID = id
		}
		doc.Partnership = partnershipOf(obj)
	}

	var violations []schema.Violation
	if phase(phaseSchema, func() { violations = c.Schema.Validate(parsed.Value) }) != nil {
		c.cutShort(run, doc, parsed, phaseSchema)
		return nil, false, ""
	}
	if len(violations) > 0 {
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
		return nil, true, ""
	}

	res, err := c.Evaluator.Evaluate(dctx, parsed.Value)
	if err != nil && (dctx.Err() != nil || errors.Is(err, engine.ErrTimeout)) {
		c.cutShort(run, doc, parsed, phaseEval)
		return nil, false, ""
	}
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
		return nil, false, ""
	}
	doc.Findings = append(doc.Findings, findings(res, parsed)...)
	return facts, true, ""
}

// within runs phase f and waits for it until ctx is done, returning ctx's
// error then, with a channel that closes when f ends. Parsing and schema
// validation cannot be interrupted from outside, so a phase past the
// deadline is left to finish on its own (the parse limits bound its work)
// and its results are never read: the caller must return as soon as within
// fails.
func (c *Checker) within(ctx context.Context, phase string, f func()) (<-chan struct{}, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if c.slow != nil {
			c.slow(phase)
		}
		f()
	}()
	select {
	case <-done:
		return nil, nil
	case <-ctx.Done():
		return done, ctx.Err()
	}
}

// cutShort records a document stopped before it was finished, while in
// phase: by the time allowed for each document (a timeout finding; the run
// goes on with the others) or because the run itself was stopped (Ctrl-C,
// --timeout), which the run reports as such. parsed is nil before the
// document was parsed; after, its rules are recorded as skipped, so the
// checklist stays whole.
func (c *Checker) cutShort(run context.Context, doc *finding.Document, parsed *descriptor.Document, phase string) {
	f := finding.Finding{Rule: finding.RuleTimeout, Theme: "integrity", Status: finding.Fail}
	reason := "not checked: the document ran out of time"
	if run.Err() != nil {
		f.Message = "not finished: the run was stopped while " + phase
		reason = "not checked: the run was stopped"
	} else {
		f.Message = fmt.Sprintf("not finished within the time allowed for each document (%s): cgcheck stopped while %s; the other documents are checked regardless", c.timeout(), phase)
	}
	if parsed == nil {
		doc.Findings = append(doc.Findings, f)
		return
	}
	root := parsed.Locate("")
	f.Pointer, f.Line, f.Column = finding.Ptr(""), root.Line, root.Column
	doc.Findings = append(doc.Findings, f)
	c.skipAll(doc, parsed, reason)
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
	// A file named explicitly with another extension is guessed at as
	// standard input is.
	return data, descriptor.FormatOf(src.Path, data), info, nil
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

// unusedWaiver notes, on the finding of a rule that neither fails nor warns,
// that the waiver of it waives nothing, and points at the waiver. The status
// stays as the rule gave it (rules.md: a waiver turns a warn or fail into
// waived, nothing else), but a waiver kept "just in case" would waive a
// later failure without anyone looking at it afresh, which is what comply or
// explain is for; every format shows the note (text shows a pass that
// points anywhere but the whole document).
func unusedWaiver(f *finding.Finding, w engine.Waiver, parsed *descriptor.Document) {
	what := "passes"
	if f.Status == finding.Skip {
		what = "is skipped (" + f.Message + ")"
	}
	f.Message = fmt.Sprintf("%s. But waivers[%d] waives this rule, which %s for this descriptor, so the waiver waives nothing: remove it, so that a later failure of %s is seen and explained afresh rather than waived unseen",
		strings.TrimSuffix(f.Message, "."), w.Index, what, f.Rule)
	pointer := fmt.Sprintf("/waivers/%d", w.Index)
	pos := parsed.Locate(pointer)
	f.Pointer, f.Line, f.Column = finding.Ptr(pointer), pos.Line, pos.Column
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
			if w, ok := waivers[r.ID]; ok {
				unusedWaiver(&f, w, parsed)
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
