package check

import (
	"slices"
	"strings"

	"example.org/cgcheck/internal/finding"
)

// partnershipOf reads what a descriptor says of itself that a report's
// reader knows it by (name, areas, status, type, lead). It takes each field
// only when it has the shape the schema gives it, ignores the rest (the
// schema's findings report those), and returns nil when nothing is known.
func partnershipOf(obj map[string]any) *finding.Partnership {
	p := &finding.Partnership{
		Name:   text(obj["name"]),
		Areas:  areas(obj["area"]),
		Status: text(obj["status"]),
		Type:   text(obj["type"]),
	}
	if lead, ok := obj["lead"].(map[string]any); ok {
		l := &finding.Lead{Partner: text(lead["partner"]), Person: text(lead["person"])}
		if l.Partner != "" {
			l.Organisation = partnerName(obj["partners"], l.Partner)
		}
		if *l != (finding.Lead{}) {
			p.Lead = l
		}
	}
	if p.Name == "" && len(p.Areas) == 0 && p.Status == "" && p.Type == "" && p.Lead == nil {
		return nil
	}
	return p
}

// text is v with surrounding white space trimmed when it is a string, else
// "".
func text(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// areas reads area: one string, or (descriptor revision 2) a list of
// strings; blank entries and repeats are left out.
func areas(v any) []string {
	var out []string
	add := func(a any) {
		if s := text(a); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	switch v := v.(type) {
	case string:
		add(v)
	case []any:
		for _, a := range v {
			add(a)
		}
	}
	return out
}

// partnerName is the name of the first partner with that id, or "" when no
// partner has it or the partner has no name.
func partnerName(partners any, id string) string {
	list, _ := partners.([]any)
	for _, p := range list {
		if m, ok := p.(map[string]any); ok && text(m["id"]) == id {
			return text(m["name"])
		}
	}
	return ""
}
