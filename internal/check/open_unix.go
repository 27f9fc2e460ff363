//go:build unix

package check

import (
	"io/fs"
	"os"
	"syscall"
)

// openNonBlocking opens a file for reading without waiting: should a named
// pipe take a descriptor's place after it was checked, the open returns at
// once instead of waiting for a writer forever.
func openNonBlocking(path string) (fs.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
