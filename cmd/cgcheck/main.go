// Command cgcheck checks partnership descriptors against the findings of the
// Collaborative Gain Research Study. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"example.org/cgcheck/internal/cli"
)

// Garbage collection: cgcheck keeps little alive (tens of MiB, plus about
// 1 KiB per document for the registry rules), while evaluating the policies
// makes a great deal of short-lived garbage for every document. Collecting
// less often (GOGC 400 rather than Go's 100) made whole runs about 20%
// faster (BENCHMARKS.md); the soft limit then keeps the peak of a
// 100,000-file registry near 200 MiB by collecting more often as it nears
// the limit. GOGC and GOMEMLIMIT, when set, are left to decide.
const (
	gcPercent   = 400
	memoryLimit = 192 << 20
)

func main() {
	// Go samples one allocation in every 512 KiB for heap profiles, and each
	// sample unwinds the stack: OPA's evaluation recurses deeply, so the
	// sampling alone cost about 1% of a registry run. Nothing reads those
	// samples unless the hidden --memprofile flag asks, which turns sampling
	// back on.
	runtime.MemProfileRate = 0
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx := interruptible()
	code := cli.Main(ctx, os.Args[1:], cli.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	os.Exit(code)
}

// interruptible returns a context cancelled by the first Ctrl-C or SIGTERM,
// which stops the run cleanly (no half-written report). The signals are
// then handed back to the system, so a second Ctrl-C ends cgcheck at once,
// whatever it is doing: with signal.NotifyContext the second one was
// swallowed.
func interruptible() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-signals
		signal.Reset(os.Interrupt, syscall.SIGTERM)
		cancel()
	}()
	return ctx
}
