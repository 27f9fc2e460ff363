//go:build unix

package discover

import (
	"io/fs"
	"syscall"
)

// identity is a file's device and inode: the same for every name it has.
func identity(info fs.FileInfo) (any, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil, false
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}, true //nolint:unconvert // Dev's type differs by system
}
