// Package cache is cgcheck's on-disk store for the expensive results of
// checking a descriptor (its per-document findings, its registry facts), so
// that a run reuses them while nothing that determines them has changed. It
// is what lets a pre-commit hook check one changed file against a
// 10,000-file registry quickly: on a warm cache every other file costs a
// stat and its share of one index entry (see package check's index.go).
//
// # Keys
//
// The caller builds a Key with NewKey or a Hasher from everything that
// determines an entry: the file's content, the policies, parameters,
// frameworks, as-of date, cgcheck's version, and which kind of result the
// entry holds. The cache's promise is narrower and absolute: Get returns
// only bytes that Put stored under exactly the requested key, intact.
//
// # Layout
//
// An entry for key k lives at <dir>/<first 2 hex digits of k>/<64 hex
// digits of k>, so 100,000 entries spread to about 400 per directory. Each
// file holds a header (magic, format version, the full key, payload length,
// CRC-32C) and the payload; see entry.go. Files named tmp-* are entries
// being written; trim.txt records when the cache was last trimmed.
//
// # Failures
//
// Get never fails: a missing, truncated, corrupt or foreign file is a miss,
// and the caller recomputes and Puts, which replaces it. Put writes a
// temporary file beside the entry and renames it into place, so readers in
// this or any other process see the old entry, the new one, or none, never
// half of one. Put and Trim return errors for logging only; a cache that
// cannot be written (read-only, disk full) makes runs slower, not wrong.
//
// # Size
//
// Trim keeps the total size under the bound given to Open by removing the
// least recently used entries, using each file's modification time as its
// last use. It scans the whole cache, so it is rate-limited: see Trim.
//
// # Turning the cache off
//
// A nil *Cache is a valid cache that holds nothing: Get misses, Put and
// Trim do nothing and return nil. Callers run with --no-cache by passing
// nil, with no branches of their own.
//
// # Why not github.com/rogpeppe/go-internal/cache
//
// That package (Go's build cache, exported) trims by age only, removing
// entries unused for five days, and never bounds the total size; a registry
// whose policies change often would grow it without limit. Its entries are
// also action/output pairs shaped for the go command. What cgcheck needs —
// one validated blob per key, under a size bound — fits in a few hundred
// lines of the standard library, borrowing that cache's ideas (sharded
// layout, mtime as last use refreshed at most hourly, a trim stamp file).
package cache

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxBytes is the size bound callers use unless told otherwise:
// 256 MiB. Assuming a few KiB per entry (not yet measured) and two entries
// per descriptor, one full check of a 10,000-file registry stores of the
// order of 100 MiB, so the bound holds a whole registry's results with room
// for a second set (the old one lingers until trimmed after policies or
// cgcheck change, and other checkouts share the cache), while staying small
// beside other caches in the user's cache directory.
const DefaultMaxBytes = 256 << 20

const (
	// refreshInterval is how stale an entry's modification time may get
	// before Get brings it up to date. Trim orders entries by a time that is
	// at most this much out of date, which is fine for least-recently-used;
	// in exchange a warm run only reads, instead of writing every file's
	// metadata. Go's build cache makes the same trade.
	refreshInterval = time.Hour

	// tmpPrefix starts the names of files being written. Entry names are
	// pure hex, so the two can never be confused.
	tmpPrefix = "tmp-"
)

// Cache is an on-disk cache in one directory, shared safely by many
// goroutines and by several processes. Create one with Open; a nil *Cache
// is an empty cache that stores nothing.
type Cache struct {
	dir      string
	maxBytes int64

	// now is time.Now, replaced in tests to step over the trim and refresh
	// intervals without waiting.
	now func() time.Time

	// written counts the bytes this process has Put since it last trimmed,
	// so that a run that adds a lot trims even if another run trimmed
	// recently.
	written atomic.Int64

	// trimMu keeps two goroutines of one process from scanning at once;
	// two processes trimming together is harmless, just wasted work.
	trimMu sync.Mutex

	// afterScan, set only by tests, runs between Trim's scan and its
	// removals, so that a test can have another process's trim remove
	// the same files first.
	afterScan func()
}

// Dir returns the default cache directory, cgcheck inside the user's cache
// directory (os.UserCacheDir), or an error when the system defines none.
func Dir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("locate cache directory: %w", err)
	}
	return filepath.Join(base, "cgcheck"), nil
}

// Open returns the cache stored in dir, creating dir (mode 0o700, since
// entries describe the user's files) if it is missing. maxBytes bounds the
// total size of the entries, as kept by Trim; it must be positive.
//
// Open does not check that dir is writable: a read-only cache still serves
// hits, and Put reports the failure when it happens.
func Open(dir string, maxBytes int64) (*Cache, error) {
	if maxBytes <= 0 {
		return nil, fmt.Errorf("open cache: size limit must be positive, got %d bytes", maxBytes)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open cache: %w", err)
	}
	return &Cache{dir: dir, maxBytes: maxBytes, now: time.Now}, nil
}

// Get returns the data stored under k, and false if there is no valid entry
// for exactly k: a missing, truncated or corrupt file, a file of another
// format, or an entry written for another key all miss. A hit also marks
// the entry as used, for Trim.
func (c *Cache) Get(k Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	path := c.entryPath(k)
	data, mtime, ok := readEntry(path, k)
	if !ok {
		return nil, false
	}
	c.markUsed(path, mtime)
	return data, true
}

// Put stores data under k, replacing any entry there. The entry appears
// whole or not at all, for readers in any process. An error means the entry
// was not stored (and nothing was left under its name); callers may ignore
// it, since the next run will simply recompute.
func (c *Cache) Put(k Key, data []byte) error {
	if c == nil {
		return nil
	}
	entry := encodeEntry(k, data)
	if err := writeFileAtomic(c.shardDir(k), k.String(), entry); err != nil {
		return fmt.Errorf("write cache entry: %w", err)
	}
	c.written.Add(int64(len(entry)))
	return nil
}

// shardDir is the directory that holds k's entry: spreading entries over
// 256 directories by their first byte keeps each directory small.
func (c *Cache) shardDir(k Key) string {
	return filepath.Join(c.dir, k.String()[:2])
}

// entryPath is the file that holds k's entry.
func (c *Cache) entryPath(k Key) string {
	return filepath.Join(c.shardDir(k), k.String())
}

// readEntry reads the entry file at path and returns its payload and
// modification time if it is a valid entry for k. The header is read and
// checked before the payload, so a large file that is not an entry costs
// no more than a small one.
func readEntry(path string, k Key) ([]byte, time.Time, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(headerSize) {
		return nil, time.Time{}, false
	}
	var hb [headerSize]byte
	if _, err := io.ReadFull(f, hb[:]); err != nil {
		return nil, time.Time{}, false
	}
	h, ok := decodeHeader(hb[:], k)
	// Comparing the length with the file's size rejects truncated and
	// padded files before allocating a buffer of the header's length.
	if !ok || h.length != uint64(info.Size()-int64(headerSize)) {
		return nil, time.Time{}, false
	}
	payload := make([]byte, h.length)
	if _, err := io.ReadFull(f, payload); err != nil || !h.validPayload(payload) {
		return nil, time.Time{}, false
	}
	return payload, info.ModTime(), true
}

// markUsed records that the entry at path, last marked at mtime, was just
// used. It touches the file at most once per refreshInterval so that a warm
// run stays read-only; if touching fails (a read-only cache), Trim's order
// is merely a little stale.
func (c *Cache) markUsed(path string, mtime time.Time) {
	now := c.now()
	if now.Sub(mtime) < refreshInterval {
		return
	}
	_ = os.Chtimes(path, now, now)
}

// writeFileAtomic writes b to dir/name by writing a temporary file in dir
// and renaming it over name; rename within one directory is atomic, so a
// reader sees the old file or the new one, never a mix. On failure the
// temporary file is removed and nothing is left under name.
//
// It does not fsync: an entry lost or zeroed by a power cut fails its
// header or checksum and becomes a miss, while an fsync per entry would cost
// a cold run over a large registry seconds.
func writeFileAtomic(dir, name string, b []byte) error {
	f, err := createTemp(dir)
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// createTemp creates a temporary file in dir, making dir first if it does
// not exist. Shard directories are made on first use, rather than all 256
// at Open, so that opening the cache costs nothing.
func createTemp(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, tmpPrefix+"*")
	if !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	// Another process may make the directory at the same moment; that is
	// as good as making it ourselves.
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	return os.CreateTemp(dir, tmpPrefix+"*")
}
