package progress_test

import (
	"bytes"
	"strings"
	"testing"

	"example.org/cgcheck/internal/progress"
)

func TestBarShowsCountAfterDelay(t *testing.T) {
	var buf bytes.Buffer
	b := progress.New(&buf, 3, true, 0)
	b.Add(1)
	b.Add(2)
	b.Finish()
	if !strings.Contains(buf.String(), "/3,") || !strings.Contains(buf.String(), "files/s") {
		t.Errorf("bar output %q lacks the count or rate", buf.String())
	}
}

func TestDisabledOrShortRunsShowNothing(t *testing.T) {
	var buf bytes.Buffer
	off := progress.New(&buf, 3, false, 0)
	off.Add(3)
	off.Finish()
	quick := progress.New(&buf, 3, true, progress.DefaultDelay)
	quick.Add(3)
	quick.Finish()
	if buf.Len() != 0 {
		t.Errorf("wrote %q; want nothing", buf.String())
	}
}
