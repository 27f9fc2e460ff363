package cache_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cache"
)

// openTemp opens a cache in a fresh temporary directory.
func openTemp(t *testing.T, maxBytes int64) (*cache.Cache, string) {
	t.Helper()
	dir := t.TempDir()
	c, err := cache.Open(dir, maxBytes)
	if err != nil {
		t.Fatal(err)
	}
	return c, dir
}

// key returns a distinct key for each i.
func key(i int) cache.Key {
	return cache.NewKey([]byte("test key"), fmt.Appendf(nil, "%d", i))
}

// payload returns n bytes that depend on seed, so that an entry read back
// can be told apart from every other test entry.
func payload(seed, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(seed*31 + i*7)
	}
	return b
}

func mustPut(t *testing.T, c *cache.Cache, k cache.Key, data []byte) {
	t.Helper()
	if err := c.Put(k, data); err != nil {
		t.Fatalf("Put(%s): %v", k, err)
	}
}

// wantHit fails the test unless c holds want under k.
func wantHit(t *testing.T, c *cache.Cache, k cache.Key, want []byte) {
	t.Helper()
	got, ok := c.Get(k)
	if !ok {
		t.Fatalf("Get(%s) missed, want a hit", k)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%s) = %d bytes %q..., want %d bytes %q...", k, len(got), head(got), len(want), head(want))
	}
}

// wantMiss fails the test if c has an entry under k.
func wantMiss(t *testing.T, c *cache.Cache, k cache.Key) {
	t.Helper()
	if got, ok := c.Get(k); ok {
		t.Fatalf("Get(%s) hit with %d bytes, want a miss", k, len(got))
	}
}

func head(b []byte) []byte { return b[:min(len(b), 16)] }

// filesIn lists, relative to dir, every file below it whose base name
// satisfies keep.
func filesIn(t *testing.T, dir string, keep func(name string) bool) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && keep(d.Name()) {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

func isTemp(name string) bool { return strings.HasPrefix(name, "tmp-") }

// entryNames lists the entry files in dir by key, sorted.
func entryNames(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	for _, p := range filesIn(t, dir, func(name string) bool { return len(name) == 64 }) {
		names = append(names, filepath.Base(p))
	}
	slices.Sort(names)
	return names
}

// keyNames returns the file names of the given keys' entries, sorted.
func keyNames(ids ...int) []string {
	var names []string
	for _, i := range ids {
		names = append(names, key(i).String())
	}
	slices.Sort(names)
	return names
}

// totalSize sums the sizes of the entry files in dir.
func totalSize(t *testing.T, dir string) int64 {
	t.Helper()
	var total int64
	for _, p := range filesIn(t, dir, func(name string) bool { return len(name) == 64 }) {
		info, err := os.Stat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		total += info.Size()
	}
	return total
}

func setMtime(t *testing.T, path string, mtime time.Time) {
	t.Helper()
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func mtimeOf(t *testing.T, path string) time.Time {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 100, 1 << 20} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			c, dir := openTemp(t, cache.DefaultMaxBytes)
			k, data := key(n), payload(n, n)
			mustPut(t, c, k, data)
			wantHit(t, c, k, data)

			// Another Cache on the same directory, as another process
			// would open it, sees the same entry.
			other, err := cache.Open(dir, cache.DefaultMaxBytes)
			if err != nil {
				t.Fatal(err)
			}
			wantHit(t, other, k, data)

			if tmp := filesIn(t, dir, isTemp); len(tmp) > 0 {
				t.Errorf("temporary files left after Put: %v", tmp)
			}
		})
	}
}

func TestGetReturnsACopy(t *testing.T) {
	t.Parallel()
	c, _ := openTemp(t, cache.DefaultMaxBytes)
	data := payload(1, 64)
	mustPut(t, c, key(1), data)
	data[0]++ // the caller reusing its buffer must not change the entry
	got, _ := c.Get(key(1))
	got[1]++ // nor must changing what Get returned
	wantHit(t, c, key(1), payload(1, 64))
}

func TestMiss(t *testing.T) {
	t.Parallel()
	c, _ := openTemp(t, cache.DefaultMaxBytes)
	wantMiss(t, c, key(1))
	mustPut(t, c, key(2), payload(2, 10))
	wantMiss(t, c, key(1))
}

func TestDifferentKeys(t *testing.T) {
	t.Parallel()
	c, _ := openTemp(t, cache.DefaultMaxBytes)
	mustPut(t, c, key(1), payload(1, 50))
	mustPut(t, c, key(2), payload(2, 50))
	wantHit(t, c, key(1), payload(1, 50))
	wantHit(t, c, key(2), payload(2, 50))

	// Replacing one entry leaves the other alone.
	mustPut(t, c, key(1), payload(3, 70))
	wantHit(t, c, key(1), payload(3, 70))
	wantHit(t, c, key(2), payload(2, 50))
}

func TestNewKeyUnambiguous(t *testing.T) {
	t.Parallel()
	parts := func(ss ...string) [][]byte {
		var ps [][]byte
		for _, s := range ss {
			ps = append(ps, []byte(s))
		}
		return ps
	}
	cases := []struct {
		name string
		a, b [][]byte
	}{
		{"boundary moved", parts("ab", "c"), parts("a", "bc")},
		{"trailing empty part", parts("a"), parts("a", "")},
		{"no parts or one empty part", parts(), parts("")},
		{"empty part moved", parts("", "a"), parts("a", "")},
		{"order", parts("a", "b"), parts("b", "a")},
		{"part looks like a length prefix", parts("\x00\x00\x00\x00\x00\x00\x00\x01a"), parts("a")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if cache.NewKey(tc.a...) == cache.NewKey(tc.b...) {
				t.Errorf("NewKey(%q) == NewKey(%q)", tc.a, tc.b)
			}
		})
	}
}

func TestNewKeyDeterministic(t *testing.T) {
	t.Parallel()
	a := cache.NewKey([]byte("file"), []byte("policies"))
	b := cache.NewKey([]byte("file"), []byte("policies"))
	if a != b {
		t.Errorf("NewKey differs for equal parts: %s, %s", a, b)
	}
}

func TestHasherMatchesNewKey(t *testing.T) {
	t.Parallel()
	h := cache.NewHasher()
	h.Add([]byte("descriptor bytes"))
	h.AddString("policy digest")
	h.AddString("")
	want := cache.NewKey([]byte("descriptor bytes"), []byte("policy digest"), nil)
	if got := h.Key(); got != want {
		t.Errorf("Hasher key %s, NewKey %s", got, want)
	}

	// Adding after Key extends the same sequence of parts.
	h.Add([]byte("more"))
	want = cache.NewKey([]byte("descriptor bytes"), []byte("policy digest"), nil, []byte("more"))
	if got := h.Key(); got != want {
		t.Errorf("Hasher key after more parts %s, NewKey %s", got, want)
	}
}

func TestKeyString(t *testing.T) {
	t.Parallel()
	var k cache.Key
	k[0], k[31] = 0xab, 0x01
	want := "ab" + strings.Repeat("00", 30) + "01"
	if got := k.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// flip returns a change to an entry file that inverts the byte at off.
func flip(off int) func([]byte) []byte {
	return func(b []byte) []byte {
		b[off] ^= 0xff
		return b
	}
}

func TestCorruptEntryMisses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		corrupt func([]byte) []byte
	}{
		{"magic", flip(0)},
		{"version", flip(cache.OffVersion + 3)},
		{"key", flip(cache.OffKey + 5)},
		{"length", flip(cache.OffLength + 7)},
		{"checksum", flip(cache.OffChecksum)},
		{"first payload byte", flip(cache.HeaderSize)},
		{"last payload byte", func(b []byte) []byte { return flip(len(b) - 1)(b) }},
		{"truncated payload", func(b []byte) []byte { return b[:len(b)-1] }},
		{"truncated header", func(b []byte) []byte { return b[:cache.HeaderSize-1] }},
		{"header only", func(b []byte) []byte { return b[:cache.HeaderSize] }},
		{"empty", func([]byte) []byte { return nil }},
		{"trailing byte", func(b []byte) []byte { return append(b, 0) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := openTemp(t, cache.DefaultMaxBytes)
			k, data := key(1), payload(1, 100)
			mustPut(t, c, k, data)
			path := cache.EntryPath(c, k)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.corrupt(b), 0o600); err != nil {
				t.Fatal(err)
			}
			wantMiss(t, c, k)

			// The caller's recovery: recompute, Put, and hit again.
			mustPut(t, c, k, data)
			wantHit(t, c, k, data)
		})
	}
}

func TestForeignFileMisses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		content []byte
	}{
		{"short text", []byte("hello\n")},
		{"long text", bytes.Repeat([]byte("not a cache entry\n"), 1000)},
		{"zeros", make([]byte, cache.HeaderSize+100)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := openTemp(t, cache.DefaultMaxBytes)
			k := key(1)
			path := cache.EntryPath(c, k)
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.content, 0o600); err != nil {
				t.Fatal(err)
			}
			wantMiss(t, c, k)
			mustPut(t, c, k, payload(1, 10))
			wantHit(t, c, k, payload(1, 10))
		})
	}
}

func TestEntryCopiedToAnotherKeyMisses(t *testing.T) {
	t.Parallel()
	c, _ := openTemp(t, cache.DefaultMaxBytes)
	from, to := key(1), key(2)
	mustPut(t, c, from, payload(1, 100))
	b, err := os.ReadFile(cache.EntryPath(c, from))
	if err != nil {
		t.Fatal(err)
	}
	dst := cache.EntryPath(c, to)
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	wantMiss(t, c, to)
	wantHit(t, c, from, payload(1, 100))
}

func TestConcurrentPutGet(t *testing.T) {
	t.Parallel()
	// Two Cache values on one directory stand in for two processes; the
	// goroutines share keys so that Puts of one key race with each other
	// and with Gets of it.
	c1, dir := openTemp(t, cache.DefaultMaxBytes)
	c2, err := cache.Open(dir, cache.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	caches := []*cache.Cache{c1, c2}
	const (
		goroutines = 16
		rounds     = 50
		keys       = 8
		size       = 16 << 10 // several pages, so a write is not a single block
	)
	// Made once, not per round: under -race, building them dominates.
	payloads := make([][]byte, keys)
	for i := range payloads {
		payloads[i] = payload(i, size)
	}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			c := caches[g%len(caches)]
			for r := range rounds {
				put, get := (g+r)%keys, (g*3+r)%keys
				if err := c.Put(key(put), payloads[put]); err != nil {
					t.Errorf("Put(%d): %v", put, err)
					return
				}
				// A Get may miss (not yet written) but a hit must be
				// exactly what was Put under that key.
				if got, ok := c.Get(key(get)); ok && !bytes.Equal(got, payloads[get]) {
					t.Errorf("Get(%d) returned data that was never Put under it", get)
					return
				}
			}
		})
	}
	wg.Wait()
	for i := range keys {
		wantHit(t, c1, key(i), payload(i, size))
	}
	if tmp := filesIn(t, dir, isTemp); len(tmp) > 0 {
		t.Errorf("temporary files left after Puts: %v", tmp)
	}
}

func TestPutIntoReadOnlyDirectory(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("running as root, which writes to read-only directories regardless of their permissions")
	}
	if runtime.GOOS == "windows" {
		t.Skip("directory permission bits do not stop writes on Windows")
	}
	cases := []struct {
		name string
		// shardExists says whether another entry already lives in the
		// shard directory of the entry being Put. If so, that shard is
		// made read-only; if not, the cache directory is, so the shard
		// cannot be created.
		shardExists bool
	}{
		{"cache directory", false},
		{"shard directory", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, dir := openTemp(t, cache.DefaultMaxBytes)
			k := key(1)
			ro := dir
			// A neighbour shares k's first byte, so it shares k's shard.
			var neighbour cache.Key
			neighbour[0] = k[0]
			if tc.shardExists {
				mustPut(t, c, neighbour, payload(0, 10))
				ro = filepath.Dir(cache.EntryPath(c, k))
			}
			if err := os.Chmod(ro, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(ro, 0o700) })

			if err := c.Put(k, payload(1, 10)); err == nil {
				t.Fatal("Put into a read-only directory succeeded, want an error")
			}
			if _, err := os.Lstat(cache.EntryPath(c, k)); err == nil {
				t.Error("failed Put left a file under the entry's name")
			}
			if tmp := filesIn(t, dir, isTemp); len(tmp) > 0 {
				t.Errorf("failed Put left temporary files: %v", tmp)
			}
			wantMiss(t, c, k)
			if tc.shardExists {
				// A read-only cache still serves what it holds.
				wantHit(t, c, neighbour, payload(0, 10))
			}
		})
	}
}

func TestPutFailingAtRenameRemovesTemp(t *testing.T) {
	t.Parallel()
	// A non-empty directory under the entry's name makes the final rename
	// fail after the temporary file is written, whoever runs the test.
	c, dir := openTemp(t, cache.DefaultMaxBytes)
	k := key(1)
	blocker := cache.EntryPath(c, k)
	if err := os.MkdirAll(filepath.Join(blocker, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := c.Put(k, payload(1, 10)); err == nil {
		t.Fatal("Put over a directory succeeded, want an error")
	}
	if tmp := filesIn(t, dir, isTemp); len(tmp) > 0 {
		t.Errorf("failed Put left temporary files: %v", tmp)
	}
	if info, err := os.Stat(blocker); err != nil || !info.IsDir() {
		t.Errorf("the directory under the entry's name was replaced: %v, %v", info, err)
	}
	wantMiss(t, c, k)
}

func TestGetRefreshesModTimeAtMostHourly(t *testing.T) {
	t.Parallel()
	c, _ := openTemp(t, cache.DefaultMaxBytes)
	now := time.Now().Truncate(time.Second)
	cache.SetNow(c, func() time.Time { return now })
	cases := []struct {
		name  string
		mtime time.Time
		want  time.Time
	}{
		{"stale entry is refreshed", now.Add(-cache.RefreshInterval - time.Minute), now},
		{"recent entry is left alone", now.Add(-cache.RefreshInterval + time.Minute), now.Add(-cache.RefreshInterval + time.Minute)},
	}
	for i, tc := range cases {
		k := key(i)
		mustPut(t, c, k, payload(i, 10))
		setMtime(t, cache.EntryPath(c, k), tc.mtime)
		wantHit(t, c, k, payload(i, 10))
		if got := mtimeOf(t, cache.EntryPath(c, k)); !got.Equal(tc.want) {
			t.Errorf("%s: mtime after Get = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// entrySize is the size of a test entry file of payload n.
func entrySize(n int) int64 { return int64(cache.HeaderSize + n) }

func TestTrimRemovesLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	const n = 1000
	es := entrySize(n)
	c, dir := openTemp(t, 8*es)
	// Ten entries last used an hour apart, oldest first; then a Get of
	// the oldest makes it the most recently used.
	old := time.Now().Add(-24 * time.Hour)
	for i := range 10 {
		mustPut(t, c, key(i), payload(i, n))
		setMtime(t, cache.EntryPath(c, key(i)), old.Add(time.Duration(i)*time.Hour))
	}
	wantHit(t, c, key(0), payload(0, n))

	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	// Over the bound of 8 entries, Trim keeps 3/4 of it: the 6 most
	// recently used, which are entry 0 and entries 5 to 9.
	if diff := cmp.Diff(keyNames(0, 5, 6, 7, 8, 9), entryNames(t, dir)); diff != "" {
		t.Errorf("entries after Trim (-want +got):\n%s", diff)
	}
	if total, bound := totalSize(t, dir), 8*es/4*3; total > bound {
		t.Errorf("entries total %d bytes after Trim, want at most %d", total, bound)
	}
}

func TestTrimUnderBoundRemovesNothing(t *testing.T) {
	t.Parallel()
	c, dir := openTemp(t, 8*entrySize(100))
	for i := range 8 {
		mustPut(t, c, key(i), payload(i, 100))
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 8 {
		t.Errorf("%d entries after Trim of a cache at its bound, want 8", got)
	}
}

func TestTrimInterval(t *testing.T) {
	t.Parallel()
	const n = 100
	es := entrySize(n)
	c, dir := openTemp(t, 4*es)
	now := time.Now()
	clock := now
	cache.SetNow(c, func() time.Time { return clock })
	if err := c.Trim(); err != nil { // the first trim: no stamp yet
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, cache.TrimStamp)); err != nil {
		t.Fatalf("Trim left no stamp: %v", err)
	}

	// Another process, with a bound so large its own writes never make it
	// trim, fills the cache past c's bound.
	writer, err := cache.Open(dir, 1<<40)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		mustPut(t, writer, key(i), payload(i, n))
	}

	clock = now.Add(cache.TrimInterval - time.Minute)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 8 {
		t.Fatalf("Trim within the interval of the last one removed entries: %d left, want 8", got)
	}

	clock = now.Add(cache.TrimInterval)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 3 {
		t.Errorf("Trim after the interval left %d entries, want 3 (3/4 of a 4-entry bound)", got)
	}
}

func TestTrimAfterWritingAQuarterOfTheBound(t *testing.T) {
	t.Parallel()
	const n = 100
	es := entrySize(n)
	c, dir := openTemp(t, 8*es)
	if err := c.Trim(); err != nil { // stamp now, so only writing can make Trim due
		t.Fatal(err)
	}
	// Two entries are exactly a quarter of the bound: not more, so not due.
	writer, err := cache.Open(dir, 8*es)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 7 {
		mustPut(t, writer, key(i), payload(i, n))
	}
	for i := 7; i < 9; i++ {
		mustPut(t, c, key(i), payload(i, n))
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 9 {
		t.Fatalf("Trim after writing a quarter of the bound removed entries: %d left, want 9", got)
	}

	mustPut(t, c, key(9), payload(9, n))
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 6 {
		t.Fatalf("Trim after writing over a quarter of the bound left %d entries, want 6", got)
	}

	// That trim started the count again: what c wrote before it does not
	// make the next Trim due.
	for i := 10; i < 15; i++ {
		mustPut(t, writer, key(i), payload(i, n))
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 11 {
		t.Errorf("second Trim with nothing new written by c removed entries: %d left, want 11", got)
	}
}

func TestTrimAfterClockSetBack(t *testing.T) {
	t.Parallel()
	const n = 100
	es := entrySize(n)
	c, dir := openTemp(t, 4*es)
	now := time.Now()
	clock := now.Add(24 * time.Hour)
	cache.SetNow(c, func() time.Time { return clock })
	if err := c.Trim(); err != nil { // stamps a day ahead
		t.Fatal(err)
	}
	writer, err := cache.Open(dir, 1<<40)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		mustPut(t, writer, key(i), payload(i, n))
	}
	// With the clock back to now, the stamp is in the future. Waiting for
	// the clock to pass it would leave the cache untrimmed for a day.
	clock = now
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if got := len(entryNames(t, dir)); got != 3 {
		t.Errorf("Trim with a stamp in the future left %d entries, want 3", got)
	}
}

func TestTrimRemovesStaleTemporaryFiles(t *testing.T) {
	t.Parallel()
	c, dir := openTemp(t, cache.DefaultMaxBytes)
	shard := filepath.Join(dir, "ab")
	if err := os.Mkdir(shard, 0o700); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	files := map[string]time.Time{
		"tmp-stale": now.Add(-cache.StaleTemp - time.Minute), // a crashed Put's leftover
		"tmp-fresh": now,                                     // a Put in progress
		"notes.txt": now.Add(-48 * time.Hour),                // not ours to judge
	}
	for name, mtime := range files {
		path := filepath.Join(shard, name)
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		setMtime(t, path, mtime)
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	got := filesIn(t, shard, func(string) bool { return true })
	if diff := cmp.Diff([]string{"notes.txt", "tmp-fresh"}, got); diff != "" {
		t.Errorf("files after Trim (-want +got):\n%s", diff)
	}
}

func TestTrimSkipsFilesAnotherTrimRemoved(t *testing.T) {
	t.Parallel()
	// Two processes both find the cache over its bound. The second trims
	// completely between the first's scan and its removals, so every file
	// the first tries to remove is already gone; that must count as
	// removed, neither failing nor making it remove newer entries.
	const n = 100
	es := entrySize(n)
	first, dir := openTemp(t, 8*es)
	second, err := cache.Open(dir, 8*es)
	if err != nil {
		t.Fatal(err)
	}
	// Each has written more than a quarter of the bound, so each trims
	// even though the other has just stamped.
	old := time.Now().Add(-24 * time.Hour)
	for i := range 13 {
		c := first
		if i >= 10 {
			c = second
		}
		mustPut(t, c, key(i), payload(i, n))
		setMtime(t, cache.EntryPath(c, key(i)), old.Add(time.Duration(i)*time.Minute))
	}
	var secondErr error
	cache.SetAfterScan(first, func() { secondErr = second.Trim() })
	if err := first.Trim(); err != nil {
		t.Errorf("first Trim: %v", err)
	}
	if secondErr != nil {
		t.Errorf("second Trim: %v", secondErr)
	}
	if diff := cmp.Diff(keyNames(7, 8, 9, 10, 11, 12), entryNames(t, dir)); diff != "" {
		t.Errorf("entries after both trims (-want +got):\n%s", diff)
	}
}

func TestConcurrentTrims(t *testing.T) {
	t.Parallel()
	// Eight "processes" each write past a quarter of the bound and then
	// trim at once, so they remove the same files; the ones that find a
	// file already gone must not fail.
	const (
		n          = 100
		processes  = 8
		perProcess = 4
	)
	es := entrySize(n)
	bound := 8 * es
	dir := t.TempDir()
	caches := make([]*cache.Cache, processes)
	for p := range caches {
		c, err := cache.Open(dir, bound)
		if err != nil {
			t.Fatal(err)
		}
		for i := range perProcess {
			id := p*perProcess + i
			mustPut(t, c, key(id), payload(id, n))
		}
		caches[p] = c
	}
	var wg sync.WaitGroup
	for _, c := range caches {
		wg.Go(func() {
			if err := c.Trim(); err != nil {
				t.Errorf("concurrent Trim: %v", err)
			}
		})
	}
	wg.Wait()
	if total := totalSize(t, dir); total > bound/4*3 {
		t.Errorf("entries total %d bytes after concurrent trims, want at most %d", total, bound/4*3)
	}
}

func TestNilCache(t *testing.T) {
	t.Parallel()
	var c *cache.Cache
	if err := c.Put(key(1), payload(1, 10)); err != nil {
		t.Errorf("nil Put: %v", err)
	}
	wantMiss(t, c, key(1))
	if err := c.Trim(); err != nil {
		t.Errorf("nil Trim: %v", err)
	}
}

func TestOpen(t *testing.T) {
	t.Parallel()
	t.Run("creates a private directory", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "a", "cgcheck")
		if _, err := cache.Open(dir, cache.DefaultMaxBytes); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("cache directory mode %v, want no access for group or others", info.Mode().Perm())
		}
	})
	t.Run("rejects a non-positive bound", func(t *testing.T) {
		t.Parallel()
		for _, max := range []int64{0, -1} {
			if _, err := cache.Open(t.TempDir(), max); err == nil {
				t.Errorf("Open with bound %d succeeded, want an error", max)
			}
		}
	})
	t.Run("fails on a file", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := cache.Open(path, cache.DefaultMaxBytes); err == nil {
			t.Error("Open on a regular file succeeded, want an error")
		}
	})
}

// TestDir is not parallel: it changes the environment.
func TestDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the test sets Linux's cache directory variables")
	}
	base := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", base)
	got, err := cache.Dir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(base, "cgcheck"); got != want {
		t.Errorf("Dir() = %q, want %q", got, want)
	}

	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	if got, err := cache.Dir(); err == nil {
		t.Errorf("Dir() with no cache directory = %q, want an error", got)
	}
}
