package check

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/discover"
)

// A run that checks a few files against a whole registry (check --registry)
// needs every other descriptor's registry facts. With the cache warm, each
// used to cost reading and hashing the file and one cache read, which on a
// 10,000-file registry was most of a second: too slow for a commit hook. So
// such a run also keeps, in one cache entry, a context index: for each
// context file, its file system stamp (device, inode, size, modification
// and change times) and its cached facts. A file whose stamp is unchanged is
// not read at all; any other is read, hashed and looked up as before.
//
// The stamp stands in for the file's content only when that is safe. The
// change time cannot be set by a user and moves on every write, so a file
// with the same stamp has not been written since, unless it was written
// twice within one tick of the file system's clock. That is why (as git
// does with its index) a file changed less than racyWindow before it was
// read is left out of the index: a later write will fall in a later tick.
// Systems without change times and inodes in their stat (see stamp_*.go)
// keep no index.

// racyWindow is how long after a file last changed its stamp is trusted (a
// variable for tests, whose files are always new).
var racyWindow = 2 * time.Second

// stamp is what identifies a file's version without reading it.
type stamp struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64 // nanoseconds
	mode         uint32
}

// contextIndex is the index of one run: the entries read from the cache and
// those the run records. It is safe for concurrent use.
type contextIndex struct {
	key  cache.Key
	old  map[string]indexEntry // as loaded; read-only during the run
	mu   sync.Mutex
	next map[string]indexEntry // what the run found, to be saved
	// dirty: next differs from old (a file read afresh, one gone).
	dirty bool
}

// indexEntry is one file's stamp and its facts cache entry (encodeEntry).
type indexEntry struct {
	stamp stamp
	entry []byte
}

// openIndex loads the context index for sources, or returns nil when there
// is none to keep: no cache, no context files, or no stamps on this system.
// The index is keyed by the run key and the folder that holds every context
// file, which stays the same from one commit to the next however the named
// files change.
func (c *Checker) openIndex(sources []Input) *contextIndex {
	if c.Cache == nil || !stampsWork {
		return nil
	}
	root := ""
	n := 0
	for _, s := range sources {
		if !s.FactsOnly {
			continue
		}
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return nil
		}
		dir := filepath.Dir(abs)
		if n == 0 {
			root = dir
		} else {
			root = commonDir(root, dir)
		}
		n++
	}
	if n == 0 {
		return nil
	}
	idx := &contextIndex{
		key:  cache.NewKey(c.RunKey, []byte("context index"), []byte(root)),
		next: map[string]indexEntry{},
	}
	if data, ok := c.Cache.Get(idx.key); ok {
		idx.old, _ = decodeIndex(data) // a damaged index is no index
	}
	return idx
}

// commonDir is the deepest folder that holds both a and b.
func commonDir(a, b string) string {
	for a != b && !strings.HasPrefix(b, a+string(filepath.Separator)) {
		parent := filepath.Dir(a)
		if parent == a {
			return a
		}
		a = parent
	}
	return a
}

// lookup returns the facts cache entry of a context file whose stamp is
// the one indexed, and keeps it for the next index.
func (x *contextIndex) lookup(path string) ([]byte, bool) {
	e, ok := x.old[path]
	if !ok {
		return nil, false
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, false
	}
	s, ok := stampOf(info)
	if !ok || s != e.stamp {
		return nil, false
	}
	x.mu.Lock()
	x.next[path] = e
	x.mu.Unlock()
	return e.entry, true
}

// record keeps a context file's facts cache entry, as read at the stamp of
// the file that was opened, unless the file changed too lately to trust it.
func (x *contextIndex) record(path string, s stamp, entry []byte, readAt time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dirty = true
	if readAt.UnixNano()-max(s.mtime, s.ctime) < int64(racyWindow) {
		return
	}
	x.next[path] = indexEntry{stamp: s, entry: entry}
}

// save writes the index the run found, when it differs from the one loaded.
// Named files keep their old entries (they were not consulted, and are
// context again in a later run); files no longer in the run drop out.
func (x *contextIndex) save(c *Checker, sources []Input) {
	for _, s := range sources {
		if s.Path == discover.Stdin {
			continue
		}
		path := absolute(s.Path)
		if s.FactsOnly {
			if _, ok := x.next[path]; !ok {
				x.dirty = true // read afresh and racy, or unreadable
			}
			continue
		}
		if e, ok := x.old[path]; ok {
			x.next[path] = e
		}
	}
	if len(x.next) != len(x.old) {
		x.dirty = true
	}
	if !x.dirty {
		return
	}
	// A cache that cannot be written makes the next run slower, not wrong.
	_ = c.Cache.Put(x.key, encodeIndex(x.next))
}

// indexMagic starts an encoded index; a different one is no index.
const indexMagic = "cgcheck context index 1\n"

func encodeIndex(entries map[string]indexEntry) []byte {
	b := []byte(indexMagic)
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for path, e := range entries {
		b = appendString(b, path)
		for _, v := range []uint64{e.stamp.dev, e.stamp.ino, uint64(e.stamp.size), uint64(e.stamp.mtime), uint64(e.stamp.ctime), uint64(e.stamp.mode)} {
			b = binary.AppendUvarint(b, v)
		}
		b = appendString(b, string(e.entry))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errIndex = errors.New("the context index does not read back")

func decodeIndex(data []byte) (map[string]indexEntry, error) {
	if !strings.HasPrefix(string(data), indexMagic) {
		return nil, errIndex
	}
	b := data[len(indexMagic):]
	num := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	bytes := func() ([]byte, bool) {
		n, ok := num()
		if !ok || n > uint64(len(b)) {
			return nil, false
		}
		v := b[:n:n]
		b = b[n:]
		return v, true
	}
	count, ok := num()
	if !ok || count > uint64(len(b)) {
		return nil, errIndex
	}
	out := make(map[string]indexEntry, count)
	for range count {
		path, ok := bytes()
		if !ok {
			return nil, errIndex
		}
		var v [6]uint64
		for i := range v {
			if v[i], ok = num(); !ok {
				return nil, errIndex
			}
		}
		entry, ok := bytes()
		if !ok {
			return nil, errIndex
		}
		out[string(path)] = indexEntry{
			stamp: stamp{dev: v[0], ino: v[1], size: int64(v[2]), mtime: int64(v[3]), ctime: int64(v[4]), mode: uint32(v[5])},
			entry: entry,
		}
	}
	if len(b) != 0 {
		return nil, errIndex
	}
	return out, nil
}
