package check_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
)

// TestDeadlineCoversEveryPhase: the time allowed for each document covers
// reading, parsing and the schema as well as the policies. A document that
// stalls in any phase fails with rule timeout, naming the phase, at once
// rather than when the phase would have ended; the next document is checked
// as usual. Before, the limit bounded the policies alone.
func TestDeadlineCoversEveryPhase(t *testing.T) {
	t.Parallel()
	src := examples(t)
	stalled, next := src[0], src[1]
	for _, c := range []struct {
		phase, says string
		skips       bool // the rules are recorded as skipped (the document parsed)
	}{
		{"reading the file", "stopped while reading the file", false},
		{"reading it as JSON or YAML", "stopped while reading it as JSON or YAML", false},
		{"checking it against the schema", "stopped while checking it against the schema", true},
	} {
		t.Run(c.phase, func(t *testing.T) {
			t.Parallel()
			ch := newChecker(t)
			// Long enough for the next document's whole check under the
			// race detector, which slows evaluation tenfold.
			ch.Timeout = 3 * time.Second
			// The stalled phase waits until the document has been
			// reported: that it is reported at all shows the deadline cut
			// the phase short. A minute without it means it did not.
			release := make(chan struct{})
			var releaseOnce, stallOnce sync.Once
			let := func() { releaseOnce.Do(func() { close(release) }) }
			defer let()
			var stalledTooLong atomic.Bool
			check.SetSlow(ch, func(phase string) {
				if phase != c.phase {
					return
				}
				// Only the first document to reach this phase stalls (one
				// worker: the first file).
				stall := false
				stallOnce.Do(func() { stall = true })
				if stall {
					select {
					case <-release:
					case <-time.After(time.Minute):
						stalledTooLong.Store(true)
					}
				}
			})
			var docs []*finding.Document
			err := ch.Run(context.Background(), check.Inputs([]discover.Source{stalled, next}), 1, func(d check.Checked) error {
				docs = append(docs, d.Doc)
				let()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if stalledTooLong.Load() {
				t.Fatal("the stalled document was reported only when its phase ended: the deadline did not cut it short")
			}
			if len(docs) != 2 {
				t.Fatalf("%d documents, want 2", len(docs))
			}
			var timeout *finding.Finding
			skipped := 0
			for i, f := range docs[0].Findings {
				switch {
				case f.Rule == finding.RuleTimeout:
					timeout = &docs[0].Findings[i]
				case f.Status == finding.Skip && f.Message == "not checked: the document ran out of time":
					skipped++
				}
			}
			if timeout == nil || timeout.Status != finding.Fail || !strings.Contains(timeout.Message, c.says) || !strings.Contains(timeout.Message, "(3s)") {
				t.Fatalf("stalled document's findings: %+v", docs[0].Findings)
			}
			if (skipped > 0) != c.skips {
				t.Errorf("%d rules skipped; want skips %v", skipped, c.skips)
			}
			for _, f := range docs[1].Findings {
				if f.Rule == finding.RuleTimeout || f.Rule == finding.RuleParse {
					t.Errorf("the next document was not checked as usual: %+v", f)
				}
			}
		})
	}
}

// TestStopReachesEveryPhase: a run stopped (Ctrl-C) while a document is in
// a step that cannot be interrupted returns at once with the stop, and the
// document cut short is not reported as a result. Before, parsing held the
// run until it ended, and a document cut short could be reported with the
// rest of the run carrying on to a report.
func TestStopReachesEveryPhase(t *testing.T) {
	t.Parallel()
	src := examples(t)[:1]
	for _, phase := range []string{"reading the file", "reading it as JSON or YAML", "checking it against the schema"} {
		t.Run(phase, func(t *testing.T) {
			t.Parallel()
			ch := newChecker(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			release := make(chan struct{})
			defer close(release)
			check.SetSlow(ch, func(p string) {
				if p == phase {
					cancel() // Ctrl-C arrives while the step runs
					<-release
				}
			})
			var emitted int
			err := ch.Run(ctx, check.Inputs(src), 1, func(check.Checked) error {
				emitted++
				return nil
			})
			if !errors.Is(err, context.Canceled) || emitted != 0 {
				t.Fatalf("Run = %v with %d documents reported; want context.Canceled and none", err, emitted)
			}
		})
	}
}
