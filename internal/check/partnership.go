package check

import (
	"slices"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/values"
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

// text reads a string field, trimmed ("" for any other shape).
var text = values.Str

// areas reads area: one string, or (descriptor revision 2) a list of
// strings; blank entries and repeats are left out.
func areas(v any) []string {
	var out []string
	for _, a := range values.Strs(v) {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// partnerName is the name of the partner with that id (the first, when
// several share it, as references mean), or "" when no partner has it or
// it has no name.
func partnerName(partners any, id string) string {
	// A scan that stops at the first match: this runs for every document
	// checked, where building values.ByID's index would cost more.
	for _, p := range values.List(partners) {
		if m := values.Obj(p); text(m["id"]) == id {
			return text(m["name"])
		}
	}
	return ""
}
