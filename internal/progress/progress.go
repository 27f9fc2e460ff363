// Package progress shows how far a long run has got — files done of the
// total, and the rate — on standard error, only on a terminal and only once
// the run has taken long enough for a person to wonder.
package progress

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// DefaultDelay is how long a run goes before the bar appears: the
// pre-commit case (one file, a fraction of a second) never shows one.
const DefaultDelay = 2 * time.Second

// Bar counts finished files. Its methods are called from one goroutine.
type Bar struct {
	w       io.Writer
	total   int
	done    int
	enabled bool
	delay   time.Duration
	start   time.Time
	bar     *progressbar.ProgressBar
}

// New returns a bar for total files writing to w; a disabled bar (standard
// error is not a terminal, or --quiet) does nothing.
func New(w io.Writer, total int, enabled bool, delay time.Duration) *Bar {
	return &Bar{w: w, total: total, enabled: enabled && total > 0, delay: delay, start: time.Now()}
}

// Add records n more finished files.
func (b *Bar) Add(n int) {
	if !b.enabled {
		return
	}
	b.done += n
	if b.bar == nil {
		if time.Since(b.start) < b.delay {
			return
		}
		b.bar = progressbar.NewOptions(b.total,
			progressbar.OptionSetWriter(b.w),
			progressbar.OptionSetDescription("checking"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		_ = b.bar.Set(b.done)
		return
	}
	_ = b.bar.Add(n)
}

// Finish clears the bar, so the terminal shows only the results.
func (b *Bar) Finish() {
	if b.bar != nil {
		_ = b.bar.Finish()
		_ = b.bar.Clear()
	}
}
