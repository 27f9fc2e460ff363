package registry

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"

	"github.com/open-policy-agent/opa/v1/ast"
)

// How the collector keeps facts. A 100,000-file registry gives more than
// half a million facts; held as Go strings and field sets they were about
// 2 KiB a document, most of the run's live heap, and the garbage collector's
// work grew with them, which made a run's time grow faster than its size.
// Only a few facts end up in a finding (most people sit on one
// partnership; most ids are unique), and which ones is known only at the
// end. So in memory each fact is 32 bytes: a hash of its key, where it is
// and its document, and where its key and fields were written in the
// collector's spill, an append-only temporary file. At the end the facts are
// counted by key hash, and only those under a key that could make a finding
// are read back (with their real keys, so two keys that share a hash are
// told apart again).

// stored is one fact as the collector keeps it in memory.
type stored struct {
	hash   uint64 // of its key (keyHash)
	record uint64 // offset of its key and fields in the spill
	doc    int32
	shape  uint32 // its kind and pointer (shapes)
	line   int32
	column int32
}

// chunkFacts is the number of facts per chunk of a table. Chunks, unlike one
// growing slice, never copy what they hold and never leave half their
// capacity unused, which matters at a million facts.
const chunkFacts = 4096

// table holds one registry rule's facts in run order.
type table struct {
	chunks [][]stored
}

func (t *table) add(f stored) {
	if n := len(t.chunks); n == 0 || len(t.chunks[n-1]) == chunkFacts {
		t.chunks = append(t.chunks, make([]stored, 0, chunkFacts))
	}
	last := &t.chunks[len(t.chunks)-1]
	*last = append(*last, f)
}

func (t *table) each(fn func(*stored)) {
	for _, chunk := range t.chunks {
		for i := range chunk {
			fn(&chunk[i])
		}
	}
}

// shapes numbers the distinct (kind, pointer) pairs of facts, which take few
// values.
type shapes struct {
	ids  map[[2]string]uint32
	list [][2]string
}

func (s *shapes) id(kind, pointer string) uint32 {
	k := [2]string{kind, pointer}
	if id, ok := s.ids[k]; ok {
		return id
	}
	if s.ids == nil {
		s.ids = map[[2]string]uint32{}
	}
	id := uint32(len(s.list))
	s.ids[k] = id
	s.list = append(s.list, k)
	return id
}

func (s *shapes) kind(id uint32) string    { return s.list[id][0] }
func (s *shapes) pointer(id uint32) string { return s.list[id][1] }

// keySeed hashes keys the same way for the life of the process.
var keySeed = maphash.MakeSeed()

// keyHash hashes a fact's key (a variable so that tests can make every key
// collide).
var keyHash = func(key string) uint64 { return maphash.String(keySeed, key) }

// Record tags: what follows a fact's key in the spill.
const (
	noFields     = 0 // nothing
	stringFields = 1 // a count, then that many name and value pairs
	otherFields  = 2 // the number of an object kept in memory (Collector.objects)
)

// appendRecord encodes a fact's key and fields. Fields whose values are all
// strings, as in every built-in rule, are written out; any others (a custom
// rule's numbers, lists or sets) stay in memory as OPA values, numbered in
// objects, so that nothing is turned to text and back.
func appendRecord(b []byte, key string, fields ast.Object, objects *[]ast.Object) []byte {
	b = appendString(b, key)
	if fields == nil {
		return append(b, noFields)
	}
	strs := true
	fields.Foreach(func(k, v *ast.Term) {
		_, nameOK := k.Value.(ast.String)
		_, valOK := v.Value.(ast.String)
		strs = strs && nameOK && valOK
	})
	if !strs {
		b = append(b, otherFields)
		b = binary.AppendUvarint(b, uint64(len(*objects)))
		*objects = append(*objects, fields)
		return b
	}
	b = append(b, stringFields)
	b = binary.AppendUvarint(b, uint64(fields.Len()))
	fields.Foreach(func(k, v *ast.Term) {
		b = appendString(b, string(k.Value.(ast.String)))
		b = appendString(b, string(v.Value.(ast.String)))
	})
	return b
}

// fieldSet is a kept fact's other fields: name and value pairs of strings,
// or an object.
type fieldSet struct {
	pairs []string // name, value, name, value, ... in key order
	obj   ast.Object
}

// object returns the fields as an OPA object (nil for none).
func (fs fieldSet) object() ast.Object {
	if fs.obj != nil {
		return fs.obj
	}
	if len(fs.pairs) == 0 {
		return nil
	}
	pairs := make([][2]*ast.Term, 0, len(fs.pairs)/2)
	for i := 0; i < len(fs.pairs); i += 2 {
		pairs = append(pairs, [2]*ast.Term{ast.StringTerm(fs.pairs[i]), ast.StringTerm(fs.pairs[i+1])})
	}
	return ast.NewObject(pairs...)
}

var errBadRecord = errors.New("a registry fact kept on disk reads back damaged")

// decodeRecord reads a record back: its key and fields. The strings share
// one copy of the record's bytes.
func decodeRecord(rec []byte, objects []ast.Object) (string, fieldSet, error) {
	text := string(rec)
	pos := 0
	str := func() (string, bool) {
		n, size := binary.Uvarint(rec[pos:])
		if size <= 0 || n > uint64(len(rec)-pos-size) {
			return "", false
		}
		pos += size
		s := text[pos : pos+int(n)]
		pos += int(n)
		return s, true
	}
	key, ok := str()
	if !ok || pos >= len(rec) {
		return "", fieldSet{}, errBadRecord
	}
	tag := rec[pos]
	pos++
	var fs fieldSet
	switch tag {
	case noFields:
	case stringFields, otherFields:
		n, size := binary.Uvarint(rec[pos:])
		if size <= 0 {
			return "", fieldSet{}, errBadRecord
		}
		pos += size
		if tag == otherFields {
			if n >= uint64(len(objects)) {
				return "", fieldSet{}, errBadRecord
			}
			fs.obj = objects[n]
			break
		}
		if n > uint64(len(rec)) {
			return "", fieldSet{}, errBadRecord
		}
		fs.pairs = make([]string, 0, 2*n)
		for range 2 * n {
			s, ok := str()
			if !ok {
				return "", fieldSet{}, errBadRecord
			}
			fs.pairs = append(fs.pairs, s)
		}
	default:
		return "", fieldSet{}, errBadRecord
	}
	return key, fs, nil
}

// spill is an append-only store of records, each written once and read back
// at most once, in the order written. It holds the first spillMemory bytes in
// memory and moves to a temporary file past that (or stays in memory when no
// temporary file can be made), so small runs never touch the disk.
type spill struct {
	limit int
	mem   []byte
	file  *os.File
	w     *bufio.Writer
	size  uint64 // bytes written
	err   error

	// The read window: bytes [winAt, winAt+len(win)) of the file.
	win   []byte
	winAt uint64
}

// spillMemory is how much a spill keeps in memory before it moves to disk.
const spillMemory = 4 << 20

// add appends one record and returns where it starts. A write error is kept
// and reported by read.
func (s *spill) add(rec []byte) uint64 {
	at := s.size
	var head [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(head[:], uint64(len(rec)))
	s.size += uint64(n + len(rec))
	if s.err != nil {
		return at
	}
	if s.file == nil && len(s.mem)+n+len(rec) > s.limit {
		s.toFile()
	}
	if s.file == nil {
		s.mem = append(append(s.mem, head[:n]...), rec...)
		return at
	}
	if _, err := s.w.Write(head[:n]); err != nil {
		s.err = err
	} else if _, err := s.w.Write(rec); err != nil {
		s.err = err
	}
	return at
}

// toFile moves what is in memory to a new temporary file. Without one the
// spill stays in memory: slower to no one, only larger.
func (s *spill) toFile() {
	f, err := os.CreateTemp("", "cgcheck-facts-*")
	if err != nil {
		s.limit = int(^uint(0) >> 1)
		return
	}
	// The name is not needed once the file is open; removing it now means
	// nothing is left behind however the run ends.
	_ = os.Remove(f.Name())
	s.file, s.w = f, bufio.NewWriterSize(f, 256<<10)
	if _, err := s.w.Write(s.mem); err != nil {
		s.err = err
	}
	s.mem = nil
}

// read returns the record that starts at offset at. The slice is valid until
// the next read.
func (s *spill) read(at uint64) ([]byte, error) {
	if s.err != nil {
		return nil, fmt.Errorf("registry facts could not be kept in a temporary file: %w", s.err)
	}
	if s.file == nil {
		return recordAt(s.mem, at)
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			s.err = err
			return nil, fmt.Errorf("registry facts could not be kept in a temporary file: %w", err)
		}
	}
	// The length is at most MaxVarintLen64 bytes; then the record.
	if err := s.window(at, binary.MaxVarintLen64); err != nil {
		return nil, err
	}
	n, size := binary.Uvarint(s.win[at-s.winAt:])
	if size <= 0 || at+uint64(size)+n > s.size {
		return nil, errBadRecord
	}
	if err := s.window(at, uint64(size)+n); err != nil {
		return nil, err
	}
	start := at - s.winAt + uint64(size)
	return s.win[start : start+n], nil
}

// window makes the read window hold bytes [at, at+n) of the file, or up to
// its end.
func (s *spill) window(at, n uint64) error {
	end := min(at+n, s.size)
	if at >= s.winAt && end <= s.winAt+uint64(len(s.win)) {
		return nil
	}
	size := max(n, 256<<10)
	if cap(s.win) < int(size) {
		s.win = make([]byte, size)
	}
	s.win = s.win[:size]
	got, err := s.file.ReadAt(s.win, int64(at))
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("registry facts could not be read back from a temporary file: %w", err)
	}
	s.win, s.winAt = s.win[:got], at
	if end > at+uint64(got) {
		return errBadRecord
	}
	return nil
}

func recordAt(b []byte, at uint64) ([]byte, error) {
	if at >= uint64(len(b)) {
		return nil, errBadRecord
	}
	n, size := binary.Uvarint(b[at:])
	if size <= 0 || n > uint64(len(b))-at-uint64(size) {
		return nil, errBadRecord
	}
	start := at + uint64(size)
	return b[start : start+n], nil
}

// close releases the spill's file, if it has one.
func (s *spill) close() error {
	s.mem, s.win = nil, nil
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	s.file, s.w = nil, nil
	return err
}
