//go:build !unix

package check

import (
	"io/fs"
	"os"
)

// openNonBlocking opens a file for reading; systems without named pipes in
// the file system need no care.
func openNonBlocking(path string) (fs.File, error) { return os.Open(path) }
