package webform_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"example.org/cgcheck/internal/webform"
	"example.org/cgcheck/schemas"
)

// TestFormCoversTheSchema holds the form to the schema: every field the
// schema defines, at every depth, has an input (or group) with its key, in
// the schema's order, so a field added to the schema appears on the page.
func TestFormCoversTheSchema(t *testing.T) {
	root, err := webform.FromSchema(schemas.PartnershipV1)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(schemas.PartnershipV1, &raw); err != nil {
		t.Fatal(err)
	}
	defs := raw["$defs"].(map[string]any)
	var want []string
	var walk func(path string, n map[string]any)
	walk = func(path string, n map[string]any) {
		if ref, ok := n["$ref"].(string); ok {
			n = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		if props, ok := n["properties"].(map[string]any); ok {
			for k, v := range props {
				want = append(want, path+"/"+k)
				walk(path+"/"+k, v.(map[string]any))
			}
		}
		if items, ok := n["items"].(map[string]any); ok {
			walk(path+"/*", items)
		}
	}
	walk("", raw)
	got := map[string]*webform.Field{}
	var visit func(path string, f *webform.Field)
	visit = func(path string, f *webform.Field) {
		for _, c := range f.Fields {
			got[path+"/"+c.Key] = c
			visit(path+"/"+c.Key, c)
		}
		if f.Item != nil {
			visit(path+"/*", f.Item)
		}
	}
	visit("", root)
	for _, p := range want {
		f, ok := got[p]
		if !ok {
			t.Errorf("the form has no field for %s", p)
			continue
		}
		if f.Title == "" {
			t.Errorf("%s has no title to label it", p)
		}
	}
	if len(got) != len(want) {
		t.Errorf("the form has %d fields, the schema %d", len(got), len(want))
	}
	// Kinds that decide how a field is typed in.
	for path, kind := range map[string]webform.Kind{
		"/schema": webform.Const, "/name": webform.Text, "/area": webform.OneOrMore,
		"/status": webform.Choice, "/lifecycle/expires": webform.Date, "/partners": webform.List,
		"/partners/*/contributes/*/value_gbp": webform.Number, "/purpose/task": webform.LongText,
		"/partners/*/representative/authority/finance": webform.YesNo, "/governance/reports_to": webform.OneOrMore,
		"/purpose/added_value": webform.List,
	} {
		if got[path] == nil || got[path].Kind != kind {
			t.Errorf("%s: kind %v, want %s", path, got[path], kind)
		}
	}
	if root.Fields[0].Key != "schema" || got["/partners"].MinItems != 1 {
		t.Errorf("order or minimum entries lost: first field %q, partners shown %d", root.Fields[0].Key, got["/partners"].MinItems)
	}
}

// TestFormHTML checks the HTML: every input is labelled by an id that is
// unique on the page, help is tied to its input, and lists carry a
// template entry and an add button.
func TestFormHTML(t *testing.T) {
	root, err := webform.FromSchema(schemas.PartnershipV1)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := webform.WriteHTML(&b, root); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(`(?: for|aria-describedby)="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("%s refers to no element", m[0])
		}
	}
	inputs := len(regexp.MustCompile(`<(?:input|select|textarea) id=`).FindAllString(page, -1))
	labels := len(regexp.MustCompile(`<label for=`).FindAllString(page, -1))
	if inputs == 0 || inputs != labels {
		t.Errorf("%d inputs and %d labels", inputs, labels)
	}
	for _, want := range []string{
		`data-kind="list" data-key="partners"`, `<button type="button" class="add" data-action="add">Add partner</button>`,
		`<input type="hidden" data-kind="const" data-key="schema" value="cgcheck/partnership/v1">`,
		`type="date" data-kind="text" data-key="expires"`, `<template>`,
		`<legend>Partners <span class="req">(required)</span></legend>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
}
