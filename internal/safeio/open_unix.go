//go:build unix

package safeio

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without waiting for a writer,
// should it be a named pipe. It does not change how a regular file reads.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
