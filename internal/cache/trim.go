package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	// trimInterval is how often Trim scans the cache when this process has
	// not written much. A scan of a cache holding a 10,000-file registry's
	// results takes some tens of milliseconds; once an hour keeps that off
	// almost every pre-commit run while keeping the size bound tight.
	// (Go's build cache trims daily, but it bounds age, not size.)
	trimInterval = time.Hour

	// staleTemp is how old a temporary file must be before Trim takes it
	// for the leftover of a process that died between writing and
	// renaming. No Put takes anywhere near this long.
	staleTemp = time.Hour

	// trimStamp is the file, in the cache directory, that holds the Unix
	// time of the last trim, shared by every process using the cache.
	trimStamp = "trim.txt"
)

// Trim keeps the cache within its size bound. When the entries total more
// than the bound it removes the least recently used (by modification time,
// which Get refreshes) until they total at most three quarters of it, so
// that the next runs have room to write before the bound is reached again.
//
// Trim scans every shard directory, so it only does so when it is due: when
// no process has trimmed this cache in the last trimInterval (recorded in
// trim.txt), or when this process has written more than a quarter of the
// bound since it last trimmed — as much as the headroom the last trim left,
// so the cache may now be over. Otherwise Trim costs one small file read.
// Callers call it once at the end of a run; a long run may call it more
// often.
//
// Between trims the cache can exceed its bound by what the runs in between
// wrote. Two processes trimming at once is harmless: a file the other
// removed first is simply skipped. Trim's error is for logging only.
func (c *Cache) Trim() error {
	if c == nil {
		return nil
	}
	c.trimMu.Lock()
	defer c.trimMu.Unlock()

	now := c.now()
	written := c.written.Load()
	if !c.trimDue(now, written) {
		return nil
	}
	// Stamp before scanning, so a process that looks now skips instead of
	// repeating the scan. If the stamp cannot be written the cache is
	// probably read-only; scanning anyway would make every run pay for a
	// scan that can remove nothing.
	stamp := strconv.FormatInt(now.Unix(), 10) + "\n"
	if err := writeFileAtomic(c.dir, trimStamp, []byte(stamp)); err != nil {
		return fmt.Errorf("trim cache: %w", err)
	}
	c.written.Add(-written)
	if err := c.trim(now); err != nil {
		return fmt.Errorf("trim cache: %w", err)
	}
	return nil
}

// trimDue reports whether Trim should scan, given the current time and the
// bytes this process has written since it last trimmed.
func (c *Cache) trimDue(now time.Time, written int64) bool {
	if written > c.maxBytes/4 {
		return true
	}
	last, ok := c.lastTrim()
	if !ok {
		return true
	}
	// A stamp in the future means the clock was set back; trimming now is
	// better than waiting for the clock to catch up.
	age := now.Sub(last)
	return age < 0 || age >= trimInterval
}

// lastTrim reads the time of the last trim from the stamp file. A missing
// or unreadable stamp (never trimmed, or torn by a crash) reports false.
func (c *Cache) lastTrim() (time.Time, bool) {
	b, err := os.ReadFile(filepath.Join(c.dir, trimStamp))
	if err != nil {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(sec, 0), true
}

// entryFile is what trimming needs to know about one entry file.
type entryFile struct {
	path  string
	size  int64
	mtime time.Time
}

// trim removes the least recently used entries if the entries total more
// than the bound, down to three quarters of it.
func (c *Cache) trim(now time.Time) error {
	entries, err := c.scan(now)
	if err != nil {
		return err
	}
	var total int64
	for _, e := range entries {
		total += e.size
	}
	if total <= c.maxBytes {
		return nil
	}
	if c.afterScan != nil {
		c.afterScan()
	}
	slices.SortFunc(entries, func(a, b entryFile) int { return a.mtime.Compare(b.mtime) })
	target := c.maxBytes / 4 * 3
	var firstErr error
	for _, e := range entries {
		if total <= target {
			break
		}
		err := os.Remove(e.path)
		switch {
		case err == nil, errors.Is(err, fs.ErrNotExist):
			// A file another process removed first counts as removed.
			total -= e.size
		case firstErr == nil:
			// Keep going: removing others may still reach the bound.
			firstErr = err
		}
	}
	return firstErr
}

// scan lists the entry files in every shard directory, and removes stale
// temporary files on the way.
func (c *Cache) scan(now time.Time) ([]entryFile, error) {
	shards, err := os.ReadDir(c.dir)
	if err != nil {
		return nil, err
	}
	var entries []entryFile
	for _, s := range shards {
		if s.IsDir() && isHex(s.Name(), 2) {
			entries = scanShard(filepath.Join(c.dir, s.Name()), now, entries)
		}
	}
	return entries, nil
}

// scanShard appends the entry files in one shard directory to entries and
// removes its stale temporary files. Files that vanish while it looks (a
// concurrent trim) are skipped; so is a shard it cannot read, which leaves
// nothing there that Trim could remove anyway.
func scanShard(dir string, now time.Time, entries []entryFile) []entryFile {
	files, err := os.ReadDir(dir)
	if err != nil {
		return entries
	}
	for _, f := range files {
		info, err := f.Info()
		if err != nil {
			continue
		}
		name := f.Name()
		path := filepath.Join(dir, name)
		switch {
		case isHex(name, 2*len(Key{})) && info.Mode().IsRegular():
			entries = append(entries, entryFile{path: path, size: info.Size(), mtime: info.ModTime()})
		case strings.HasPrefix(name, tmpPrefix) && now.Sub(info.ModTime()) > staleTemp:
			_ = os.Remove(path)
		}
	}
	return entries
}

// isHex reports whether s is n lowercase hex digits, the form of shard and
// entry names. Anything else in the cache directory is left alone.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
