// Package chromium runs the browser tests' headless Chromium: it starts the
// browser (skipping the test, or failing it when CGCHECK_REQUIRE_TOOLS=1,
// when Chromium is missing), opens pages in tabs whose every request and
// error is logged, and keeps what a test leaves for people to look at.
// Only tests import it.
package chromium

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"example.org/cgcheck/internal/testtool"
)

// Artifacts is the folder for what a browser test leaves for people to look
// at (pages, screenshots, PDFs): $CGCHECK_ARTIFACTS, or a temporary folder.
func Artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CGCHECK_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("artefacts in %s", dir)
	return dir
}

// Start starts headless Chromium with a fresh profile and nothing that
// talks to the network on its own (background networking, component
// updates, sync), and returns a context for its first tab. The browser
// stops when the test ends, or after three minutes.
func Start(t *testing.T) context.Context {
	t.Helper()
	path := testtool.Look(t, "chromium", "apt-get install chromium")
	var output bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // as root in a container there is no sandbox to use
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&output),
	)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start chromium: %v\n%s", err, output.String())
	}
	return tab
}

// Log records, in a tab, every request and response and every console
// error, uncaught exception and browser-log error (a Content-Security-Policy
// refusal is one).
type Log struct {
	mu        sync.Mutex
	requests  []string
	responses []Response
	errors    []string
	ids       map[network.RequestID]string
	blocked   map[string]network.BlockedReason // URL -> why the browser refused it
	done      map[string]int                   // URL -> requests finished or failed
}

// Response is a response a tab received.
type Response struct {
	URL    string
	Status int64
}

// Listen is the tab's event listener (chromedp.WithListener).
func (l *Log) Listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ids == nil {
		l.ids = map[network.RequestID]string{}
		l.blocked = map[string]network.BlockedReason{}
		l.done = map[string]int{}
	}
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		l.requests = append(l.requests, ev.Request.URL)
		l.ids[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		l.responses = append(l.responses, Response{URL: ev.Response.URL, Status: ev.Response.Status})
	case *network.EventLoadingFinished:
		l.done[l.ids[ev.RequestID]]++
	case *network.EventLoadingFailed:
		l.done[l.ids[ev.RequestID]]++
		if ev.BlockedReason != "" {
			l.blocked[l.ids[ev.RequestID]] = ev.BlockedReason
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			args := make([]string, len(ev.Args))
			for i, a := range ev.Args {
				args[i] = a.Description
				if len(a.Value) > 0 {
					args[i] = string(a.Value)
				}
			}
			l.errors = append(l.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		l.errors = append(l.errors, "exception: "+ev.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			l.errors = append(l.errors, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// BlockedBy says why the browser refused to load url, if it did.
func (l *Log) BlockedBy(url string) network.BlockedReason {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.blocked[url]
}

// Finished is how many requests for url have finished or failed.
func (l *Log) Finished(url string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.done[url]
}

// Result is every request made and every error logged so far.
func (l *Log) Result() (requests, errors []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.requests...), append([]string(nil), l.errors...)
}

// Responses is every response received so far.
func (l *Log) Responses() []Response {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Response(nil), l.responses...)
}

// Open loads url in a new tab of the browser, recording its log from the
// first event.
func Open(t *testing.T, parent context.Context, url string) (context.Context, *Log) {
	t.Helper()
	l := &Log{}
	tab, cancel := chromedp.NewContext(parent, chromedp.WithListener(l.Listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("load %s: %v", url, err)
	}
	return tab, l
}

// Run runs an action in a tab, failing the test if it fails.
func Run[T any](t testing.TB, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// Write writes a file into dir, saying where.
func Write(t testing.TB, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", p)
}

// WaitFor waits up to ten seconds for done, and reports whether it came.
func WaitFor(done func() bool) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if done() {
			return true
		}
	}
	return done()
}
