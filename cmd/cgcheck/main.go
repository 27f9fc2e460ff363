// Command cgcheck checks partnership descriptors against the findings of the
// Collaborative Gain Research Study. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"example.org/cgcheck/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}
