package values

import (
	"encoding/json"
	"testing"
)

func TestReadersTakeOnlyTheirShape(t *testing.T) {
	doc := map[string]any{"a": map[string]any{"b": " x "}, "n": json.Number("2.5"), "l": []any{"p", " ", 3}, "s": "one"}
	if Str(At(doc, "a/b")) != "x" || Str(doc["n"]) != "" || Str(At(doc, "a/missing/deeper")) != "" {
		t.Error("Str")
	}
	if n, ok := Num(doc["n"]); !ok || n != 2.5 {
		t.Error("Num")
	}
	if _, ok := Num(doc["s"]); ok {
		t.Error("Num of a string")
	}
	if got := Strs(doc["l"]); len(got) != 1 || got[0] != "p" {
		t.Errorf("Strs(list) = %q", got)
	}
	if got := Strs(doc["s"]); len(got) != 1 || got[0] != "one" {
		t.Errorf("Strs(string) = %q", got)
	}
	if Obj(doc["s"]) != nil || List(doc["a"]) != nil {
		t.Error("Obj or List of another shape")
	}
}

func TestByIDTakesTheFirstOfARepeatedID(t *testing.T) {
	items := []any{map[string]any{"id": "a", "n": 1}, "x", map[string]any{"id": " "}, map[string]any{"id": "a", "n": 2}, map[string]any{"id": "b"}}
	m, idx := ByID(items)
	if len(m) != 2 || m["a"]["n"] != 1 || idx["a"] != 0 || idx["b"] != 4 {
		t.Errorf("ByID = %v, %v", m, idx)
	}
}
