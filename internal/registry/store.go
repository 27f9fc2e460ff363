package registry

import "github.com/open-policy-agent/opa/v1/ast"

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

// values numbers the distinct field objects of facts, so a value that many
// documents give (the same area and outcome, the same person) is held once.
// Number 0 is "no fields".
type values struct {
	byHash map[int][]uint32
	list   []ast.Object
}

func (v *values) id(obj ast.Object) uint32 {
	if obj == nil {
		return 0
	}
	if v.byHash == nil {
		v.byHash = map[int][]uint32{}
		v.list = []ast.Object{nil}
	}
	h := obj.Hash()
	for _, id := range v.byHash[h] {
		if v.list[id].Compare(obj) == 0 {
			return id
		}
	}
	id := uint32(len(v.list))
	v.list = append(v.list, obj)
	v.byHash[h] = append(v.byHash[h], id)
	return id
}

func (v *values) get(id uint32) ast.Object {
	if id == 0 {
		return nil
	}
	return v.list[id]
}
