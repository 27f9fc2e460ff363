package webform

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Section is one part of the form as the page shows it: a heading and the
// fields under it.
type Section struct {
	ID, Title, Help string
	Fields          []*Field
}

// Sections groups the descriptor's fields as the template does: the
// partnership's own fields (id, name, area and so on) first, then one
// section for each group or list, in the schema's order.
func Sections(root *Field) []Section {
	about := Section{ID: "about", Title: "The partnership", Help: "Who the partnership is, where it works and how far it has got."}
	out := []Section{about}
	for _, f := range root.Fields {
		if f.Kind == Object || f.Kind == List {
			out = append(out, Section{ID: f.Key, Title: f.Title, Help: f.Help, Fields: []*Field{f}})
			continue
		}
		out[0].Fields = append(out[0].Fields, f)
	}
	return out
}

// WriteHTML writes the form's sections as HTML for cgcheck serve's page.
// Every text comes from the schema and is escaped.
func WriteHTML(w io.Writer, root *Field) error {
	ids := 0
	t, err := template.New("form").Funcs(template.FuncMap{
		"id": func() string {
			ids++
			return fmt.Sprintf("f%d", ids)
		},
		"noun":   func(f *Field) string { return strings.ToLower(f.Title) },
		"repeat": func(n int) []int { return make([]int, n) },
		// oneText is one entry of a text that may be a list: a line of
		// text under the field's title, with no key of its own.
		"oneText": func(f *Field) *Field { return &Field{Title: f.Title, Kind: Text} },
	}).Parse(formSource)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "sections", Sections(root))
}

// formSource is the form. Help goes with its input through
// aria-describedby; the page's script gives the inputs of each entry it adds
// ids of their own.
const formSource = `
{{- define "sections" -}}
{{- range .}}
<section class="form-section" id="section-{{.ID}}" aria-labelledby="section-{{.ID}}-title">
<h3 id="section-{{.ID}}-title">{{.Title}}</h3>
{{- if and .Help (ne .ID "about") (not (eq (len .Fields) 1))}}
<p class="help">{{.Help}}</p>
{{- end}}
{{- if eq .ID "about"}}
<p class="help">{{.Help}}</p>
{{- end}}
{{- range .Fields}}{{template "field" .}}{{end}}
</section>
{{- end}}
{{- end}}

{{- define "label"}}{{.Title}}{{if .Required}} <span class="req">(required)</span>{{end}}{{end}}

{{- define "field"}}
{{- if eq .Kind "const"}}
<input type="hidden" data-kind="const" data-key="{{.Key}}" value="{{.Const}}">
{{- else if eq .Kind "object"}}
{{- $help := id}}
<fieldset class="group" data-kind="object"{{if .Key}} data-key="{{.Key}}"{{end}}{{if .Help}} aria-describedby="{{$help}}"{{end}}>
<legend>{{template "label" .}}</legend>
{{- if .Help}}
<p class="help" id="{{$help}}">{{.Help}}</p>
{{- end}}
{{- range .Fields}}{{template "field" .}}{{end}}
</fieldset>
{{- else if or (eq .Kind "list") (eq .Kind "oneormore")}}
{{- $help := id}}
<fieldset class="list" data-kind="{{.Kind}}" data-key="{{.Key}}"{{if .Help}} aria-describedby="{{$help}}"{{end}}>
<legend>{{template "label" .}}</legend>
{{- if .Help}}
<p class="help" id="{{$help}}">{{.Help}}</p>
{{- end}}
{{- $item := .Item}}
{{- if not $item}}{{$item = .}}{{end}}
<ol class="items">
{{- range repeat .MinItems}}
{{template "item" $item}}
{{- end}}
</ol>
<template>{{template "item" $item}}</template>
<button type="button" class="add" data-action="add">Add {{if .Item}}{{noun .Item}}{{else}}another{{end}}</button>
</fieldset>
{{- else}}
{{- template "input" .}}
{{- end}}
{{- end}}

{{- define "item"}}
<li class="item" data-kind="item">
{{- if eq .Kind "oneormore"}}
{{- template "input" (oneText .)}}
{{- else}}
{{- template "field" .}}
{{- end}}
<button type="button" class="remove" data-action="remove">Remove this {{if eq .Kind "oneormore"}}entry{{else}}{{noun .}}{{end}}</button>
</li>
{{- end}}

{{- define "input"}}
{{- $id := id}}{{$help := id}}
<div class="field">
<label for="{{$id}}">{{template "label" .}}</label>
{{- if .Help}}
<p class="help" id="{{$help}}">{{.Help}}</p>
{{- end}}
{{- if eq .Kind "longtext"}}
<textarea id="{{$id}}" data-kind="text"{{if .Key}} data-key="{{.Key}}"{{end}} rows="3"{{if .Help}} aria-describedby="{{$help}}"{{end}}></textarea>
{{- else if eq .Kind "choice"}}
<select id="{{$id}}" data-kind="text"{{if .Key}} data-key="{{.Key}}"{{end}}{{if .Help}} aria-describedby="{{$help}}"{{end}}>
<option value="">(not chosen)</option>
{{- range .Choices}}
<option>{{.}}</option>
{{- end}}
</select>
{{- else if eq .Kind "yesno"}}
<select id="{{$id}}" data-kind="yesno"{{if .Key}} data-key="{{.Key}}"{{end}}{{if .Help}} aria-describedby="{{$help}}"{{end}}>
<option value="">(not stated)</option>
<option value="true">Yes</option>
<option value="false">No</option>
</select>
{{- else if eq .Kind "number"}}
<input id="{{$id}}" type="number" step="any" inputmode="decimal" data-kind="number"{{if .Key}} data-key="{{.Key}}"{{end}}{{with .Minimum}} min="{{.}}"{{end}}{{if .Help}} aria-describedby="{{$help}}"{{end}}>
{{- else if eq .Kind "date"}}
<input id="{{$id}}" type="date" data-kind="text"{{if .Key}} data-key="{{.Key}}"{{end}}{{if .Help}} aria-describedby="{{$help}}"{{end}}>
{{- else}}
<input id="{{$id}}" type="text" data-kind="text"{{if .Key}} data-key="{{.Key}}"{{end}} autocomplete="off"{{if .Help}} aria-describedby="{{$help}}"{{end}}>
{{- end}}
</div>
{{- end}}
`
