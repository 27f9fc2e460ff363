package registry

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/engine"
)

// Fact is one entry of a registry rule's facts for one document: the key
// that relates it to other documents' facts, its kind (empty when it has
// none), the pointer to the field it comes from with that field's line and
// column, and the rule's other fields as given.
type Fact struct {
	Key          string
	Kind         string
	Pointer      string
	Fields       ast.Object // nil when there are none
	Line, Column int
}

// Facts reads each rule's facts of one document from its evaluation, one
// list per rule (in the order of Catalogue), locating each fact's pointer
// with locate while the parsed document is at hand: registry findings name a
// line in each file long after the documents themselves are gone. A fact
// that is not an object with a string key, or whose kind or pointer is not a
// string, is an error naming the rule.
func (rs *Rules) Facts(res *engine.Result, locate func(pointer string) (line, column int)) ([][]Fact, error) {
	if rs == nil || len(rs.rules) == 0 {
		return nil, nil
	}
	out := make([][]Fact, len(rs.rules))
	for i, r := range rs.rules {
		items := res.Reads[r.binding]
		list := make([]Fact, 0, len(items))
		for _, item := range items {
			f, err := decodeFact(item)
			if err != nil {
				return nil, fmt.Errorf("registry rule %s: %w", r.meta.ID, err)
			}
			f.Line, f.Column = locate(f.Pointer)
			list = append(list, f)
		}
		out[i] = list
	}
	return out, nil
}

var (
	keyTerm     = ast.StringTerm("key")
	kindTerm    = ast.StringTerm("kind")
	pointerTerm = ast.StringTerm("pointer")
)

func decodeFact(item *ast.Term) (Fact, error) {
	obj, ok := item.Value.(ast.Object)
	if !ok {
		return Fact{}, fmt.Errorf("a fact must be an object with a string key, not %v", item)
	}
	key, ok := stringAt(obj, keyTerm)
	if !ok {
		return Fact{}, fmt.Errorf("a fact must have a string key: %v", item)
	}
	// Everything kept is copied out of the evaluation's values: OPA lays
	// out the terms of an object side by side, so holding one field of the
	// input would hold the whole descriptor, about 40 KiB, for the rest of
	// the run.
	f := Fact{Key: strings.Clone(key)}
	var bad error
	var rest [][2]*ast.Term
	obj.Foreach(func(k, v *ast.Term) {
		switch {
		case k.Equal(keyTerm):
		case k.Equal(kindTerm) || k.Equal(pointerTerm):
			s, ok := v.Value.(ast.String)
			if !ok {
				bad = fmt.Errorf("a fact's %v must be a string: %v", k, item)
			}
			if k.Equal(kindTerm) {
				f.Kind = strings.Clone(string(s))
			} else {
				f.Pointer = strings.Clone(engine.CleanPointer(string(s)))
			}
		default:
			rest = append(rest, [2]*ast.Term{detach(k), detach(v)})
		}
	})
	if bad != nil {
		return Fact{}, bad
	}
	if len(rest) > 0 {
		f.Fields = ast.NewObject(rest...)
	}
	return f, nil
}

// detach copies a value into terms of its own, strings included, so that
// keeping it keeps nothing else alive.
func detach(t *ast.Term) *ast.Term {
	switch v := t.Value.(type) {
	case ast.String:
		return ast.StringTerm(strings.Clone(string(v)))
	case ast.Number, ast.Boolean, ast.Null:
		return ast.NewTerm(v)
	case *ast.Array:
		elems := make([]*ast.Term, v.Len())
		for i := range elems {
			elems[i] = detach(v.Elem(i))
		}
		return ast.ArrayTerm(elems...)
	case ast.Set:
		elems := make([]*ast.Term, 0, v.Len())
		v.Foreach(func(e *ast.Term) { elems = append(elems, detach(e)) })
		return ast.SetTerm(elems...)
	case ast.Object:
		pairs := make([][2]*ast.Term, 0, v.Len())
		v.Foreach(func(k, e *ast.Term) { pairs = append(pairs, [2]*ast.Term{detach(k), detach(e)}) })
		return ast.ObjectTerm(pairs...)
	}
	return t.Copy()
}

func stringAt(obj ast.Object, k *ast.Term) (string, bool) {
	v := obj.Get(k)
	if v == nil {
		return "", false
	}
	s, ok := v.Value.(ast.String)
	return string(s), ok
}

// EncodeFacts writes one document's facts (as Facts gives them) for the
// cache, in a compact binary form: a warm run against a large registry reads
// every document's facts back, and decoding is most of its work, so the form
// is lengths and bytes rather than text to parse. Fields whose values are
// strings, nearly all of them, are written as they are; the rest of a fact's
// fields in Rego syntax, the one text form that reads back to exactly the
// same value (JSON would turn a set into an array).
func EncodeFacts(facts [][]Fact) ([]byte, error) {
	b := binary.AppendUvarint(nil, uint64(len(facts)))
	for _, list := range facts {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, f := range list {
			b = appendString(b, f.Key)
			b = appendString(b, f.Kind)
			b = appendString(b, f.Pointer)
			b = binary.AppendUvarint(b, uint64(max(f.Line, 0)))
			b = binary.AppendUvarint(b, uint64(max(f.Column, 0)))
			var strs [][2]string
			rest := ast.NewObject()
			if f.Fields != nil {
				f.Fields.Foreach(func(k, v *ast.Term) {
					key, keyOK := k.Value.(ast.String)
					val, valOK := v.Value.(ast.String)
					if keyOK && valOK {
						strs = append(strs, [2]string{string(key), string(val)})
					} else {
						rest.Insert(k, v)
					}
				})
			}
			b = binary.AppendUvarint(b, uint64(len(strs)))
			for _, kv := range strs {
				b = appendString(b, kv[0])
				b = appendString(b, kv[1])
			}
			regoText := ""
			if rest.Len() > 0 {
				regoText = rest.String()
			}
			b = appendString(b, regoText)
			// Whether the fact had fields at all: an empty object and none
			// differ.
			if f.Fields != nil {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
		}
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errCachedFacts is an entry that does not read back as facts; the caller
// treats it as a miss.
var errCachedFacts = errors.New("cached facts do not read back")

// DecodeFacts reads what EncodeFacts wrote, for n rules. Anything else is an
// error, and the caller works the facts out afresh.
func DecodeFacts(data []byte, n int) ([][]Fact, error) {
	r := factReader{data: data}
	if r.uint() != uint64(n) {
		return nil, errCachedFacts
	}
	out := make([][]Fact, n)
	for i := range out {
		count := r.uint()
		if r.bad || count > uint64(len(r.data)) {
			return nil, errCachedFacts
		}
		list := make([]Fact, 0, count)
		for range count {
			f := Fact{Key: r.string(), Kind: r.string(), Pointer: r.string(), Line: int(r.uint()), Column: int(r.uint())}
			strs := r.uint()
			if r.bad || strs > uint64(len(r.data)) {
				return nil, errCachedFacts
			}
			fields := ast.NewObject()
			for range strs {
				k, v := r.string(), r.string()
				fields.Insert(ast.StringTerm(k), ast.StringTerm(v))
			}
			if regoText := r.string(); regoText != "" {
				t, err := ast.ParseTerm(regoText)
				if err != nil {
					return nil, errCachedFacts
				}
				obj, ok := t.Value.(ast.Object)
				if !ok {
					return nil, errCachedFacts
				}
				obj.Foreach(func(k, v *ast.Term) { fields.Insert(k, v) })
			}
			if r.byte() == 1 {
				f.Fields = fields
			}
			list = append(list, f)
		}
		out[i] = list
	}
	if r.bad || len(r.data) != 0 {
		return nil, errCachedFacts
	}
	return out, nil
}

// factReader reads EncodeFacts's form; any read past the end sets bad.
type factReader struct {
	data []byte
	bad  bool
}

func (r *factReader) uint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *factReader) string() string {
	n := r.uint()
	if r.bad || n > uint64(len(r.data)) {
		r.bad = true
		return ""
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *factReader) byte() byte {
	if len(r.data) == 0 {
		r.bad = true
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}
