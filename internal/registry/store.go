package registry

import (
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"
)

// stored is one fact as the collector keeps it: about 40 bytes plus its key.
// The kind and pointer, which take few distinct values, are one shared shape
// number, and the fields, which repeat across documents (the same person,
// area or outcome), one shared value number.
type stored struct {
	key    string
	fields uint32
	shape  uint32
	doc    int32
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

// shapes numbers the distinct (kind, pointer) pairs of facts.
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

// values numbers the distinct field sets of facts, so a value that many
// documents give (the same area and outcome, the same person) is held once.
// Number 0 is "no fields".
type values struct {
	index map[string]uint32
	list  []fieldSet
}

// fieldSet is a fact's other fields as the collector keeps them. When every
// value is a string, as in every built-in rule, they are name and value
// pairs of Go strings: an OPA object costs several hundred bytes more, and a
// 100,000-file registry holds a few hundred thousand distinct field sets
// (most of them people on one partnership, who never make a finding), which
// must stay well inside the memory limit. Any other fields are kept as the
// object itself.
type fieldSet struct {
	pairs []string // name, value, name, value, ... in key order
	obj   ast.Object
}

func (v *values) id(obj ast.Object) uint32 {
	if obj == nil {
		return 0
	}
	if v.index == nil {
		v.index = map[string]uint32{}
		v.list = []fieldSet{{}}
	}
	var fs fieldSet
	var key []byte
	var spans [][2]int // where each name and value lies in key
	strs := true
	obj.Foreach(func(k, e *ast.Term) {
		name, nameOK := k.Value.(ast.String)
		val, valOK := e.Value.(ast.String)
		if !nameOK || !valOK {
			strs = false
			return
		}
		// Length-prefixed, so no two different sets share a key.
		for _, part := range []string{string(name), string(val)} {
			key = strconv.AppendInt(key, int64(len(part)), 10)
			key = append(key, ':')
			spans = append(spans, [2]int{len(key), len(key) + len(part)})
			key = append(key, part...)
		}
	})
	if !strs {
		fs = fieldSet{obj: obj}
		// "\x00" is never the start of a pairs key, which is a digit.
		key = append([]byte{0}, obj.String()...)
	}
	if id, ok := v.index[string(key)]; ok { // (no copy: Go looks the bytes up as they are)
		return id
	}
	k := string(key)
	if strs {
		// The names and values are slices of the map's key: held once.
		for _, sp := range spans {
			fs.pairs = append(fs.pairs, k[sp[0]:sp[1]])
		}
	}
	id := uint32(len(v.list))
	v.list = append(v.list, fs)
	v.index[k] = id
	return id
}

// get returns the fields numbered id as an OPA object (nil for none).
func (v *values) get(id uint32) ast.Object {
	if id == 0 {
		return nil
	}
	fs := v.list[id]
	if fs.obj != nil {
		return fs.obj
	}
	pairs := make([][2]*ast.Term, 0, len(fs.pairs)/2)
	for i := 0; i < len(fs.pairs); i += 2 {
		pairs = append(pairs, [2]*ast.Term{ast.StringTerm(fs.pairs[i]), ast.StringTerm(fs.pairs[i+1])})
	}
	return ast.NewObject(pairs...)
}
