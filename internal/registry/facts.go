package registry

import (
	"encoding/json"
	"errors"
	"fmt"

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
	f := Fact{Key: key}
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
				f.Kind = string(s)
			} else {
				f.Pointer = engine.CleanPointer(string(s))
			}
		default:
			rest = append(rest, [2]*ast.Term{k, v})
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

func stringAt(obj ast.Object, k *ast.Term) (string, bool) {
	v := obj.Get(k)
	if v == nil {
		return "", false
	}
	s, ok := v.Value.(ast.String)
	return string(s), ok
}

// cachedFact is a fact as the cache keeps it. Fields are written in Rego
// syntax, the one text form that reads back to exactly the same value
// (JSON would turn a set into an array).
type cachedFact struct {
	Key     string `json:"k"`
	Kind    string `json:"i,omitempty"`
	Pointer string `json:"p,omitempty"`
	Fields  string `json:"f,omitempty"`
	Line    int    `json:"l,omitempty"`
	Column  int    `json:"c,omitempty"`
}

// EncodeFacts writes one document's facts (as Facts gives them) for the
// cache.
func EncodeFacts(facts [][]Fact) ([]byte, error) {
	out := make([][]cachedFact, len(facts))
	for i, list := range facts {
		out[i] = make([]cachedFact, len(list))
		for j, f := range list {
			c := cachedFact{Key: f.Key, Kind: f.Kind, Pointer: f.Pointer, Line: f.Line, Column: f.Column}
			if f.Fields != nil {
				c.Fields = f.Fields.String()
			}
			out[i][j] = c
		}
	}
	return json.Marshal(out)
}

// errCachedFacts is an entry that does not read back as facts; the caller
// treats it as a miss.
var errCachedFacts = errors.New("cached facts do not read back")

// DecodeFacts reads what EncodeFacts wrote, for n rules. Anything else is an
// error, and the caller works the facts out afresh.
func DecodeFacts(data []byte, n int) ([][]Fact, error) {
	var in [][]cachedFact
	if err := json.Unmarshal(data, &in); err != nil || len(in) != n {
		return nil, errCachedFacts
	}
	out := make([][]Fact, n)
	for i, list := range in {
		out[i] = make([]Fact, len(list))
		for j, c := range list {
			f := Fact{Key: c.Key, Kind: c.Kind, Pointer: c.Pointer, Line: c.Line, Column: c.Column}
			if c.Fields != "" {
				t, err := ast.ParseTerm(c.Fields)
				if err != nil {
					return nil, errCachedFacts
				}
				obj, ok := t.Value.(ast.Object)
				if !ok {
					return nil, errCachedFacts
				}
				f.Fields = obj
			}
			out[i][j] = f
		}
	}
	return out, nil
}
