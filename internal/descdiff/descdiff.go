// Package descdiff says, in plain English, what changed between two
// versions of one partnership descriptor: partners added, removed or
// changing role; contributions, baselines and targets changed (a target
// made less ambitious is called out); dates moved; and the lead, status
// and scope. It is what a board member asks of a revised proposal: what is
// different from the one we saw?
package descdiff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"example.org/cgcheck/internal/plainwords"
	"example.org/cgcheck/internal/values"
)

// Change is one difference, in words, with the place in the new version it
// is about (a JSON pointer; in the old version for something removed).
type Change struct {
	// Section groups changes for reading: "Partnership", "Partners",
	// "Contributions", "Measures and targets", "Dates".
	Section string `json:"section"`
	Text    string `json:"text"`
	Pointer string `json:"pointer"`
	// Weaker is true for a change a board should look at twice: a target
	// made less ambitious, a contribution cut, a partner leaving the core
	// group, authority withdrawn.
	Weaker bool `json:"weaker,omitempty"`
}

// Sections lists the sections in the order they are shown.
var Sections = []string{"Partnership", "Governance", "Partners", "Contributions", "Funding", "Measures and targets", "Risks", "Exceptions (waivers)", "Dates"}

// Diff compares two descriptors (as parsed: maps, lists, strings,
// json.Number). Fields of the wrong shape are passed over: the schema's
// findings report them.
func Diff(old, cur map[string]any) []Change {
	d := &differ{}
	d.partnership(old, cur)
	d.governance(old, cur)
	d.partners(old, cur)
	d.funding(old, cur)
	d.measures(old, cur)
	d.listed("Risks", "/risks", "Risk", list(old["risks"]), list(cur["risks"]), "risk", true)
	d.waivers(old, cur)
	d.dates(old, cur)
	return d.out
}

type differ struct{ out []Change }

func (d *differ) add(section, pointer, text string, weaker bool) {
	d.out = append(d.out, Change{Section: section, Text: text, Pointer: pointer, Weaker: weaker})
}

func (d *differ) partnership(old, cur map[string]any) {
	for _, f := range []struct{ key, label string }{{"name", "Name"}, {"status", "Status"}, {"type", "Type of collaboration"}, {"scale", "Scale"}} {
		if a, b := str(old[f.key]), str(cur[f.key]); a != b {
			d.add("Partnership", "/"+f.key, fmt.Sprintf("%s changed from %s to %s", f.label, quoteOrNone(words(a)), quoteOrNone(words(b))), false)
		}
	}
	if a, b := strings.Join(values.Strs(old["area"]), ", "), strings.Join(values.Strs(cur["area"]), ", "); a != b {
		d.add("Partnership", "/area", fmt.Sprintf("Area changed from %s to %s", quoteOrNone(a), quoteOrNone(b)), false)
	}
	for _, f := range []struct{ path, label string }{{"purpose/task", "The task"}, {"purpose/why_partnership", "Why a partnership"}} {
		if a, b := str(at(old, f.path)), str(at(cur, f.path)); a != b {
			d.add("Partnership", "/"+f.path, fmt.Sprintf("%s changed from %s to %s", f.label, quoteOrNone(a), quoteOrNone(b)), false)
		}
	}
	oldLead, newLead := obj(old["lead"]), obj(cur["lead"])
	if a, b := str(oldLead["partner"]), str(newLead["partner"]); a != b {
		d.add("Partnership", "/lead/partner", fmt.Sprintf("The lead organisation changed from %s to %s", partnerLabel(old, a), partnerLabel(cur, b)), false)
	}
	if a, b := str(oldLead["person"]), str(newLead["person"]); a != b {
		d.add("Partnership", "/lead/person", fmt.Sprintf("The lead person changed from %s to %s", quoteOrNone(a), quoteOrNone(b)), false)
	}
}

// governance compares whom the group reports to and its senior sponsors.
func (d *differ) governance(old, cur map[string]any) {
	a, b := strings.Join(values.Strs(at(old, "governance/reports_to")), ", "), strings.Join(values.Strs(at(cur, "governance/reports_to")), ", ")
	if a != b {
		d.add("Governance", "/governance/reports_to", fmt.Sprintf("It now reports to %s (before: %s)", quoteOrNone(b), quoteOrNone(a)), b == "")
	}
	sponsor := func(desc map[string]any, x any) string {
		o := obj(x)
		return fmt.Sprintf("%s of %s (%s)", str(o["post"]), partnerLabel(desc, str(o["partner"])), words(str(o["kind"])))
	}
	before := map[string]bool{}
	for _, x := range list(at(old, "governance/senior_sponsors")) {
		before[sponsor(old, x)] = true
	}
	now := map[string]bool{}
	for _, x := range list(at(cur, "governance/senior_sponsors")) {
		k := sponsor(cur, x)
		now[k] = true
		if !before[k] {
			d.add("Governance", "/governance/senior_sponsors", "Senior sponsor added: "+k, false)
		}
	}
	for _, x := range list(at(old, "governance/senior_sponsors")) {
		if k := sponsor(old, x); !now[k] {
			d.add("Governance", "/governance/senior_sponsors", "Senior sponsor no longer named: "+k, true)
		}
	}
}

// funding compares the funding sources (by who provides them) and the
// plan for when start-up funding ends; and the savings expected.
func (d *differ) funding(old, cur map[string]any) {
	source := func(x any) string {
		o := obj(x)
		s := words(str(o["kind"]))
		if v, ok := num(o["amount_gbp"]); ok {
			s += ", " + pounds(v)
		}
		if e := str(o["ends"]); e != "" {
			s += ", ending " + e
		}
		return s
	}
	before := map[string]any{}
	for _, x := range list(at(old, "funding/sources")) {
		before[strings.ToLower(str(obj(x)["from"]))] = x
	}
	seen := map[string]bool{}
	for i, x := range list(at(cur, "funding/sources")) {
		from := str(obj(x)["from"])
		k := strings.ToLower(from)
		seen[k] = true
		ptr := fmt.Sprintf("/funding/sources/%d", i)
		was, ok := before[k]
		switch {
		case !ok:
			d.add("Funding", ptr, fmt.Sprintf("New funding from %s: %s", from, source(x)), str(obj(x)["kind"]) == "pump_priming")
		case source(was) != source(x):
			wa, _ := num(obj(was)["amount_gbp"])
			na, _ := num(obj(x)["amount_gbp"])
			d.add("Funding", ptr, fmt.Sprintf("Funding from %s changes from %s to %s", from, source(was), source(x)),
				na < wa || (str(obj(x)["kind"]) == "pump_priming" && str(obj(was)["kind"]) != "pump_priming"))
		}
	}
	for _, x := range list(at(old, "funding/sources")) {
		if from := str(obj(x)["from"]); !seen[strings.ToLower(from)] {
			d.add("Funding", "/funding/sources", fmt.Sprintf("Funding from %s no longer listed (it was %s)", from, source(x)), true)
		}
	}
	if a, b := str(at(old, "funding/sustainability_plan")), str(at(cur, "funding/sustainability_plan")); a != b {
		d.add("Funding", "/funding/sustainability_plan", fmt.Sprintf("The plan for when start-up funding ends changed from %s to %s", quoteOrNone(a), quoteOrNone(b)), b == "")
	}
	saving := func(x any) string {
		o := obj(obj(x)["saving_gbp"])
		lo, lok := num(o["min"])
		hi, hok := num(o["max"])
		switch {
		case lok && hok:
			return pounds(lo) + " to " + pounds(hi)
		case lok:
			return "at least " + pounds(lo)
		case hok:
			return "up to " + pounds(hi)
		}
		return "no amount given"
	}
	d.listed("Funding", "/monitoring/efficiencies", "Expected saving", list(at(old, "monitoring/efficiencies")), list(at(cur, "monitoring/efficiencies")), "description", true)
	prev := map[string]any{}
	for _, x := range list(at(old, "monitoring/efficiencies")) {
		prev[strings.ToLower(str(obj(x)["description"]))] = x
	}
	for i, x := range list(at(cur, "monitoring/efficiencies")) {
		if was, ok := prev[strings.ToLower(str(obj(x)["description"]))]; ok && saving(was) != saving(x) {
			wmin, _ := num(obj(obj(was)["saving_gbp"])["min"])
			nmin, _ := num(obj(obj(x)["saving_gbp"])["min"])
			d.add("Funding", fmt.Sprintf("/monitoring/efficiencies/%d/saving_gbp", i), fmt.Sprintf("The saving expected from %q changes from %s to %s", str(obj(x)["description"]), saving(was), saving(x)), nmin < wmin)
		}
	}
}

// listed reports entries of a list added and removed, matched by the text
// of one field (a risk by its wording, a saving by its description).
func (d *differ) listed(section, pointer, what string, old, cur []any, field string, removalWeakens bool) {
	before, now := map[string]bool{}, map[string]bool{}
	for _, x := range old {
		before[strings.ToLower(str(obj(x)[field]))] = true
	}
	for i, x := range cur {
		text := str(obj(x)[field])
		now[strings.ToLower(text)] = true
		if !before[strings.ToLower(text)] {
			d.add(section, fmt.Sprintf("%s/%d", pointer, i), fmt.Sprintf("%s added: %s", what, quoteOrNone(text)), false)
		}
	}
	for _, x := range old {
		if text := str(obj(x)[field]); !now[strings.ToLower(text)] {
			d.add(section, pointer, fmt.Sprintf("%s removed: %s", what, quoteOrNone(text)), removalWeakens)
		}
	}
}

// waivers compares the exceptions the partners ask the board to note, by
// the rule each waives.
func (d *differ) waivers(old, cur map[string]any) {
	key := func(x any) string { return str(obj(x)["rule"]) }
	show := func(x any) string {
		o := obj(x)
		return fmt.Sprintf("%s, approved by %s until %s", quoteOrNone(str(o["justification"])), quoteOrNone(str(o["approved_by"])), quoteOrNone(str(o["expires"])))
	}
	before := map[string]any{}
	for _, x := range list(old["waivers"]) {
		before[key(x)] = x
	}
	seen := map[string]bool{}
	for i, x := range list(cur["waivers"]) {
		k := key(x)
		seen[k] = true
		ptr := fmt.Sprintf("/waivers/%d", i)
		was, ok := before[k]
		switch {
		case !ok:
			d.add("Exceptions (waivers)", ptr, fmt.Sprintf("New exception asked for rule %s: %s", k, show(x)), true)
		case show(was) != show(x):
			d.add("Exceptions (waivers)", ptr, fmt.Sprintf("The exception for rule %s changes from %s to %s", k, show(was), show(x)), false)
		}
	}
	for _, x := range list(old["waivers"]) {
		if k := key(x); !seen[k] {
			d.add("Exceptions (waivers)", "/waivers", fmt.Sprintf("The exception for rule %s is withdrawn (it was %s)", k, show(x)), false)
		}
	}
}

// partners compares partners by id: joining, leaving, changing role, and
// their representatives' authority; then what each contributes.
func (d *differ) partners(old, cur map[string]any) {
	olds, oldIdx := byID(list(old["partners"]))
	news, newIdx := byID(list(cur["partners"]))
	for _, id := range sortedKeys(news) {
		p := news[id]
		ptr := fmt.Sprintf("/partners/%d", newIdx[id])
		was, ok := olds[id]
		if !ok {
			d.add("Partners", ptr, fmt.Sprintf("%s joins as %s", label(p), role(p)), false)
			for _, c := range list(p["contributes"]) {
				d.add("Contributions", ptr+"/contributes", fmt.Sprintf("%s contributes %s", label(p), contribution(obj(c))), false)
			}
			continue
		}
		if a, b := str(was["role"]), str(p["role"]); a != b {
			d.add("Partners", ptr+"/role", fmt.Sprintf("%s changes role from %s to %s", label(p), words(a), words(b)), a == "core")
		}
		oldAuth, newAuth := obj(obj(was["representative"])["authority"]), obj(obj(p["representative"])["authority"])
		for _, power := range []string{"finance", "staff", "policy"} {
			a, b := oldAuth[power] == true, newAuth[power] == true
			switch {
			case a && !b:
				d.add("Partners", ptr+"/representative/authority/"+power, fmt.Sprintf("The representative of %s no longer has delegated authority over %s", label(p), power), true)
			case !a && b:
				d.add("Partners", ptr+"/representative/authority/"+power, fmt.Sprintf("The representative of %s now has delegated authority over %s", label(p), power), false)
			}
		}
		d.contributions(ptr, p, was)
	}
	for _, id := range sortedKeys(olds) {
		if _, ok := news[id]; !ok {
			p := olds[id]
			d.add("Partners", fmt.Sprintf("/partners/%d", oldIdx[id]), fmt.Sprintf("%s leaves (it was %s)", label(p), role(p)), str(p["role"]) == "core")
		}
	}
	oldMoney, oldStaff := totals(old)
	newMoney, newStaff := totals(cur)
	if oldMoney != newMoney || oldStaff != newStaff {
		d.add("Contributions", "/partners", fmt.Sprintf("In all, partners now put in %s and %s of staff time (before: %s and %s)",
			pounds(newMoney), fte(newStaff), pounds(oldMoney), fte(oldStaff)), newMoney < oldMoney || newStaff < oldStaff)
	}
}

// contributions compares one partner's contributions, matched by kind and
// what.
func (d *differ) contributions(ptr string, p, was map[string]any) {
	key := func(c map[string]any) string { return str(c["kind"]) + "\x00" + strings.ToLower(str(c["what"])) }
	before := map[string]map[string]any{}
	for _, c := range list(was["contributes"]) {
		before[key(obj(c))] = obj(c)
	}
	seen := map[string]bool{}
	for i, c := range list(p["contributes"]) {
		c := obj(c)
		k := key(c)
		seen[k] = true
		cptr := fmt.Sprintf("%s/contributes/%d", ptr, i)
		b, ok := before[k]
		if !ok {
			d.add("Contributions", cptr, fmt.Sprintf("%s now contributes %s", label(p), contribution(c)), false)
			continue
		}
		for _, f := range []struct {
			key  string
			show func(float64) string
		}{{"value_gbp", pounds}, {"fte", fte}} {
			a, aok := num(b[f.key])
			n, nok := num(c[f.key])
			switch {
			case aok && nok && a != n:
				d.add("Contributions", cptr+"/"+f.key, fmt.Sprintf("%s: %s changes from %s to %s", label(p), quoteOrNone(str(c["what"])), f.show(a), f.show(n)), n < a)
			case aok && !nok:
				d.add("Contributions", cptr, fmt.Sprintf("%s: %s no longer has a value given (it was %s)", label(p), quoteOrNone(str(c["what"])), f.show(a)), true)
			case !aok && nok:
				d.add("Contributions", cptr+"/"+f.key, fmt.Sprintf("%s: %s is now valued at %s", label(p), quoteOrNone(str(c["what"])), f.show(n)), false)
			}
		}
	}
	for _, c := range list(was["contributes"]) {
		if c := obj(c); !seen[key(c)] {
			d.add("Contributions", ptr+"/contributes", fmt.Sprintf("%s no longer contributes %s", label(p), contribution(c)), true)
		}
	}
}

// measures compares monitoring measures by id: added and dropped, and
// their baselines and targets; a target moved against the measure's better
// direction is called out as less ambitious.
func (d *differ) measures(old, cur map[string]any) {
	olds, oldIdx := byID(list(at(old, "monitoring/measures")))
	news, newIdx := byID(list(at(cur, "monitoring/measures")))
	for _, id := range sortedKeys(news) {
		m := news[id]
		ptr := fmt.Sprintf("/monitoring/measures/%d", newIdx[id])
		was, ok := olds[id]
		if !ok {
			d.add("Measures and targets", ptr, fmt.Sprintf("Measure added: %s", measureLabel(m)), false)
			continue
		}
		higher := str(m["better"]) != "lower"
		for _, f := range []struct{ key, label string }{{"baseline", "baseline"}, {"isolation_target", "target working alone"}, {"collaborative_target", "target working together"}} {
			a, aok := num(obj(was[f.key])["value"])
			b, bok := num(obj(m[f.key])["value"])
			switch {
			case aok && bok && a != b:
				text := fmt.Sprintf("%s: the %s changes from %s to %s", measureLabel(m), f.label, trim(a), trim(b))
				worse := (higher && b < a) || (!higher && b > a)
				switch {
				case f.key == "collaborative_target" && worse:
					text += fmt.Sprintf(" (less ambitious: for this measure %s is better)", map[bool]string{true: "higher", false: "lower"}[higher])
				case f.key == "isolation_target" && worse:
					text += " (a lower expectation of working alone makes the gain claimed for working together look larger)"
				}
				d.add("Measures and targets", ptr+"/"+f.key+"/value", text, worse && f.key != "baseline")
			case aok && !bok:
				d.add("Measures and targets", ptr, fmt.Sprintf("%s: the %s (%s) is no longer given", measureLabel(m), f.label, trim(a)), f.key != "baseline")
			case !aok && bok:
				d.add("Measures and targets", ptr+"/"+f.key, fmt.Sprintf("%s: a %s of %s is now given", measureLabel(m), f.label, trim(b)), false)
			}
			if aok && bok {
				d.date(ptr+"/"+f.key+"/date", fmt.Sprintf("%s: the %s's date", measureLabel(m), f.label), str(obj(was[f.key])["date"]), str(obj(m[f.key])["date"]))
			}
		}
		a, aok := num(obj(was["pre_partnership_trend"])["per_year"])
		b, bok := num(obj(m["pre_partnership_trend"])["per_year"])
		if aok && bok && a != b {
			d.add("Measures and targets", ptr+"/pre_partnership_trend/per_year", fmt.Sprintf("%s: the trend before the partnership changes from %s to %s a year (it is what the gain is measured against)", measureLabel(m), trim(a), trim(b)), true)
		}
	}
	for _, id := range sortedKeys(olds) {
		if _, ok := news[id]; !ok {
			d.add("Measures and targets", fmt.Sprintf("/monitoring/measures/%d", oldIdx[id]), fmt.Sprintf("Measure dropped: %s", measureLabel(olds[id])), true)
		}
	}
}

// dates compares the descriptor's own dates, and each action's due date
// (actions matched by what they are).
func (d *differ) dates(old, cur map[string]any) {
	for _, f := range []struct{ path, label string }{
		{"lifecycle/start", "Start"}, {"lifecycle/expires", "End (expires)"}, {"lifecycle/next_review", "Next review"},
		{"lifecycle/last_structure_review", "Last review of structures"}, {"purpose/agreed_on", "Vision agreed"},
		{"monitoring/designed_on", "Monitoring agreed"},
	} {
		d.date("/"+f.path, f.label, str(at(old, f.path)), str(at(cur, f.path)))
	}
	before := map[string]string{}
	for _, a := range list(old["action_plan"]) {
		before[strings.ToLower(str(obj(a)["what"]))] = str(obj(a)["due"])
	}
	for i, a := range list(cur["action_plan"]) {
		a := obj(a)
		if due, ok := before[strings.ToLower(str(a["what"]))]; ok {
			d.date(fmt.Sprintf("/action_plan/%d/due", i), fmt.Sprintf("Action %s due", quoteOrNone(str(a["what"]))), due, str(a["due"]))
		}
	}
}

func (d *differ) date(pointer, label, a, b string) {
	if a == b {
		return
	}
	switch {
	case a == "":
		d.add("Dates", pointer, fmt.Sprintf("%s: %s (not given before)", label, b), false)
	case b == "":
		d.add("Dates", pointer, fmt.Sprintf("%s: no longer given (was %s)", label, a), false)
	default:
		text := fmt.Sprintf("%s moved from %s to %s", label, a, b)
		ta, errA := time.Parse(time.DateOnly, a)
		tb, errB := time.Parse(time.DateOnly, b)
		if errA == nil && errB == nil {
			days := int(tb.Sub(ta).Hours() / 24)
			if days > 0 {
				text += fmt.Sprintf(" (%d %s later)", days, plural(days, "day", "days"))
			} else {
				text += fmt.Sprintf(" (%d %s earlier)", -days, plural(-days, "day", "days"))
			}
		}
		d.add("Dates", pointer, text, false)
	}
}

// The readers of the parsed descriptor, by shape.
var (
	str  = values.Str
	obj  = values.Obj
	list = values.List
	num  = values.Num
	at   = values.At
	byID = values.ByID
)

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// label names a partner: its name and id.
func label(p map[string]any) string {
	if name := str(p["name"]); name != "" {
		return fmt.Sprintf("%s (%s)", name, str(p["id"]))
	}
	return str(p["id"])
}

func partnerLabel(desc map[string]any, id string) string {
	if id == "" {
		return "none"
	}
	if p, _ := byID(list(desc["partners"])); p[id] != nil {
		return label(p[id])
	}
	return id
}

func role(p map[string]any) string {
	if r := str(p["role"]); r != "" {
		return "a " + words(r) + " partner"
	}
	return "a partner"
}

func contribution(c map[string]any) string {
	s := words(str(c["kind"]))
	if what := str(c["what"]); what != "" {
		s += " (" + what + ")"
	}
	if v, ok := num(c["value_gbp"]); ok {
		s += ", " + pounds(v)
	}
	if v, ok := num(c["fte"]); ok {
		s += ", " + fte(v)
	}
	return s
}

func measureLabel(m map[string]any) string {
	if ind := str(m["indicator"]); ind != "" {
		return fmt.Sprintf("%q (%s)", ind, str(m["id"]))
	}
	return str(m["id"])
}

// totals adds up the money and staff time all partners contribute.
func totals(desc map[string]any) (money, staff float64) {
	for _, p := range list(desc["partners"]) {
		for _, c := range list(obj(p)["contributes"]) {
			if v, ok := num(obj(c)["value_gbp"]); ok {
				money += v
			}
			if v, ok := num(obj(c)["fte"]); ok {
				staff += v
			}
		}
	}
	return money, staff
}

// The words of amounts and enumerations, as plainwords writes them.
var (
	pounds = plainwords.Pounds
	fte    = plainwords.FTE
	trim   = plainwords.Number
	words  = plainwords.Words
	plural = plainwords.Plural
)

func quoteOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return strconv.Quote(s)
}
