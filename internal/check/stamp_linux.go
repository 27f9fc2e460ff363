package check

import (
	"io/fs"
	"syscall"
)

// stampsWork: Linux's stat gives the device, inode and change time a stamp
// needs.
const stampsWork = true

// stampOf reads a file's stamp from its stat.
func stampOf(info fs.FileInfo) (stamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}, false
	}
	return stamp{
		dev: uint64(st.Dev), ino: uint64(st.Ino), size: st.Size,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(), mode: uint32(st.Mode),
	}, true
}
