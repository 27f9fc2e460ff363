package catalogue_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"example.org/cgcheck/internal/catalogue"
)

func TestConvertParam(t *testing.T) {
	t.Parallel()
	integer := catalogue.Param{Name: "n", Type: "integer"}
	number := catalogue.Param{Name: "x", Type: "number"}
	boolean := catalogue.Param{Name: "b", Type: "boolean"}
	zero := 0.0
	cases := []struct {
		p       catalogue.Param
		in      any
		want    any
		wantErr bool
	}{
		{integer, 12, int64(12), false},
		{integer, "13", int64(13), false},
		{integer, float64(14), int64(14), false},
		{integer, json.Number("15"), int64(15), false},
		{integer, 1.5, nil, true},
		{integer, "ten", nil, true},
		{integer, true, nil, true},
		{number, "2.5", 2.5, false},
		{number, 3, float64(3), false},
		{number, "NaN", nil, true},
		{boolean, "true", true, false},
		{boolean, "maybe", nil, true},
		{catalogue.Param{Type: "string"}, "s", "s", false},
		{catalogue.Param{Type: "string"}, 3, nil, true},
		{catalogue.Param{Type: "integer", Minimum: &zero}, "-5", nil, true},
		{catalogue.Param{Type: "integer", Minimum: &zero}, "0", int64(0), false},
	}
	for _, tc := range cases {
		got, err := catalogue.ConvertParam(tc.p, tc.in)
		if (err != nil) != tc.wantErr || (!tc.wantErr && got != tc.want) {
			t.Errorf("ConvertParam(%s, %#v) = %#v, %v; want %#v (error %v)", tc.p.Type, tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestConvertListParam(t *testing.T) {
	t.Parallel()
	list := catalogue.Param{Name: "phrases", Type: "list"}
	cases := []struct {
		in      any
		want    string
		wantErr bool
	}{
		{[]any{"for all", "quality of life"}, "[for all quality of life]", false},
		{[]string{"a"}, "[a]", false},
		{"tbc, to be confirmed", "[tbc to be confirmed]", false},
		{`["a, b", c]`, "[a, b c]", false},
		{"", "[]", false},
		{[]any{"a", 3}, "", true},
		{3, "", true},
		{"[unclosed", "", true},
	}
	for _, tc := range cases {
		got, err := catalogue.ConvertParam(list, tc.in)
		if (err != nil) != tc.wantErr || (!tc.wantErr && fmt.Sprint(got) != tc.want) {
			t.Errorf("ConvertParam(list, %#v) = %v, %v; want %s (error %v)", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}
