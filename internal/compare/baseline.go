package compare

import (
	"example.org/cgcheck/internal/finding"
)

// Baseline marks a run's findings against an earlier report (check
// --baseline): each warn and fail finding new or persisting, and each
// document given the findings it has resolved since. Documents are matched
// as Compare matches them. Mark and MarkRegistry are called from one
// goroutine, in the run's document order.
type Baseline struct {
	file     string
	docs     map[string]*Document
	order    []string
	seen     map[string]*Document
	matched  map[string]bool
	registry []finding.RegistryFinding
	counts   finding.BaselineCounts
}

// NewBaseline indexes the report read from file.
func NewBaseline(file string, r *Report) *Baseline {
	b := &Baseline{file: file, docs: map[string]*Document{}, seen: map[string]*Document{}, matched: map[string]bool{},
		registry: r.Registry.Findings, counts: finding.BaselineCounts{File: file}}
	for i := range r.Documents {
		k := docKey(&r.Documents[i], b.docs)
		b.docs[k] = &r.Documents[i]
		b.order = append(b.order, k)
	}
	return b
}

// Mark marks doc's open findings and lists what it resolved. A document
// the baseline does not hold has only new findings.
func (b *Baseline) Mark(doc *finding.Document) {
	d := &Document{File: doc.File, ID: doc.ID}
	k := docKey(d, b.seen)
	b.seen[k] = d
	var before []finding.Finding
	if was := b.docs[k]; was != nil {
		b.matched[k] = true
		before = was.Findings
	}
	m := match(before, doc.Findings)
	for i := range doc.Findings {
		f := &doc.Findings[i]
		if !open(f.Status) {
			continue
		}
		if _, ok := m.was[i]; ok {
			f.Baseline = finding.ChangePersisting
			b.counts.Persisting++
		} else {
			f.Baseline = finding.ChangeNew
			b.counts.New++
		}
	}
	for _, i := range m.resolved {
		f := before[i]
		f.Baseline = finding.ChangeResolved
		if m.waived[i] {
			f.Baseline = finding.ChangeWaived
		}
		doc.Resolved = append(doc.Resolved, f)
		b.counts.Resolved++
	}
	// Findings whose rule did not run now (the document broke the schema)
	// are neither resolved nor new: counted, so the totals say so.
	b.counts.Unjudged += len(m.unchecked)
}

// MarkRegistry marks the registry's open findings and lists those of the
// baseline it no longer has.
func (b *Baseline) MarkRegistry(reg *finding.Registry) {
	persists, gone := matchRegistry(b.registry, reg.Findings)
	for i := range reg.Findings {
		f := &reg.Findings[i]
		switch {
		case !open(f.Status):
		case persists[i]:
			f.Baseline = finding.ChangePersisting
			b.counts.Persisting++
		default:
			f.Baseline = finding.ChangeNew
			b.counts.New++
		}
	}
	for _, i := range gone {
		f := b.registry[i]
		f.Baseline = finding.ChangeResolved
		reg.Resolved = append(reg.Resolved, f)
		b.counts.Resolved++
	}
}

// Counts are the totals so far, with the baseline's documents this run did
// not check.
func (b *Baseline) Counts() *finding.BaselineCounts {
	c := b.counts
	for _, k := range b.order {
		if !b.matched[k] {
			c.Gone++
			c.GoneFiles = append(c.GoneFiles, b.docs[k].File)
		}
	}
	return &c
}
