package registry

import (
	"encoding/binary"
	"maps"
	"slices"
)

// A registry rule sees every group of facts at once only when it must. On a
// large registry where many partnerships overlap, one input holding every
// shared key was a few hundred MiB of OPA values: the peak of the whole run,
// and the garbage collector's busiest time. So a rule whose findings are
// each about a part of its groups that can be told in advance is judged a
// batch of such parts at a time:
//
//   - per_key := true: every finding is drawn from keys whose facts come
//     from exactly the same documents (its "members"). The keys are parted by
//     their set of members; no finding spans two parts.
//   - find_cycles := true: every finding is about one cycle. Cycles are
//     strongly connected components, so they never share a document; each
//     part is one cycle with the facts of its own documents.
//
// Parts are put together into batches of about batchFacts facts, never
// splitting a part, so the rules are judged a few hundred times on the
// largest registry rather than once per part.

// batchFacts is about how many facts a batch holds: a few MiB of OPA values.
const batchFacts = 4096

// batch is the groups (key to facts, in run order) and cycles one
// evaluation of a rule is given.
type batch struct {
	groups map[string][]*kept
	cycles []cycle
}

// kept is a fact under a key that could make a finding, read back from the
// spill.
type kept struct {
	*record
	doc          int32
	shape        uint32
	line, column int32
}

// record is a fact's key and fields. Facts that read back the same share one
// (on an overlap-heavy registry, most of those kept), which keeps the end
// of a large run small.
type record struct {
	key    string
	fields fieldSet
}

// grouped returns the i-th rule's facts by key, keeping the keys its
// Grouping allows (and, in a partial run of a per_key rule, only those that
// hold a named document's fact), each key's facts in run order.
func (c *Collector) grouped(i int) (map[string][]*kept, error) {
	r := c.rules.rules[i]
	g := r.grouping
	t := &c.tables[i]

	// How many facts, and which of the required kinds, a key has, and
	// whether a named document gave one.
	type tally struct {
		facts int32
		kinds uint64 // bit k: a fact of RequireKinds[k]
		named bool
	}
	need := uint64(1)<<len(g.RequireKinds) - 1
	kindBit := map[string]uint64{}
	for k, kind := range g.RequireKinds {
		kindBit[kind] = 1 << k
	}
	onlyNamed := c.partial && r.perKey
	keep := func(tl tally) bool {
		return int(tl.facts) >= g.MinGroup && tl.kinds&need == need && (tl.named || !onlyNamed)
	}
	count := func(tl tally, f *stored) tally {
		tl.facts++
		tl.kinds |= kindBit[c.shapes.kind(f.shape)]
		tl.named = tl.named || !c.docs[f.doc].Context
		return tl
	}

	// First pass: tallies by key hash. Two keys that share a hash only add
	// to each other's tallies, so every key that could be kept is.
	byHash := map[uint64]tally{}
	t.each(func(f *stored) { byHash[f.hash] = count(byHash[f.hash], f) })

	// Second pass: the facts under those hashes, read back with their keys,
	// in run order; then the tallies again, by key.
	groups := map[string][]*kept{}
	byKey := map[string]tally{}
	records := map[string]*record{}
	var err error
	t.each(func(f *stored) {
		if err != nil || !keep(byHash[f.hash]) {
			return
		}
		var rec []byte
		if rec, err = c.spill.read(f.record); err != nil {
			return
		}
		r, ok := records[string(rec)] // (no copy: Go looks the bytes up as they are)
		if !ok {
			r = &record{}
			if r.key, r.fields, err = decodeRecord(rec, c.objects); err != nil {
				return
			}
			records[string(rec)] = r
		}
		k := &kept{record: r, doc: f.doc, shape: f.shape, line: f.line, column: f.column}
		groups[k.key] = append(groups[k.key], k)
		byKey[k.key] = count(byKey[k.key], f)
	})
	if err != nil {
		return nil, err
	}
	for key, tl := range byKey {
		if !keep(tl) {
			delete(groups, key)
		}
	}
	return groups, nil
}

// batches parts the i-th rule's kept groups as its declarations allow and
// puts the parts together into batches of about size facts, in an order
// that is the same on every run. A rule that declares neither per_key nor
// find_cycles gets one batch of everything, as does a rule with nothing to
// judge (it is still asked, with empty groups).
func (c *Collector) batches(i, size int) ([]batch, error) {
	r := c.rules.rules[i]
	groups, err := c.grouped(i)
	if err != nil {
		return nil, err
	}
	var parts []batch
	switch {
	case r.findCycles:
		parts = c.cycleParts(groups)
	case r.perKey:
		parts = memberParts(groups)
	default:
		return []batch{{groups: groups}}, nil
	}
	if len(parts) == 0 {
		b := batch{groups: map[string][]*kept{}}
		return []batch{b}, nil
	}
	var out []batch
	var cur batch
	n := 0
	flush := func() {
		if cur.groups != nil {
			out = append(out, cur)
		}
		cur, n = batch{}, 0
	}
	for _, p := range parts {
		if cur.groups == nil {
			cur.groups = map[string][]*kept{}
		}
		for key, facts := range p.groups {
			// Two cycles may each hold facts under one key (two documents
			// reporting to the same id from different cycles): merged
			// back in run order.
			if have, ok := cur.groups[key]; ok {
				facts = append(append([]*kept{}, have...), facts...)
				slices.SortStableFunc(facts, func(a, b *kept) int { return int(a.doc - b.doc) })
			}
			cur.groups[key] = facts
			n += len(p.groups[key])
		}
		cur.cycles = append(cur.cycles, p.cycles...)
		if n >= size {
			flush()
		}
	}
	flush()
	return out, nil
}

// memberParts parts groups by their set of members (the documents their
// facts come from): the keys with the same members make one part. Parts
// come in the order of their first key.
func memberParts(groups map[string][]*kept) []batch {
	var parts []batch
	index := map[string]int{} // members, encoded, to part
	var sig []byte
	var docs []int32
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		docs = docs[:0]
		for _, f := range groups[key] {
			docs = append(docs, f.doc)
		}
		slices.Sort(docs)
		docs = slices.Compact(docs)
		sig = sig[:0]
		for _, d := range docs {
			sig = binary.AppendUvarint(sig, uint64(d))
		}
		p, ok := index[string(sig)]
		if !ok {
			p = len(parts)
			index[string(sig)] = p
			parts = append(parts, batch{groups: map[string][]*kept{}})
		}
		parts[p].groups[key] = groups[key]
	}
	return parts
}

// cycleParts makes one part of each cycle in groups: the cycle and the facts
// its own documents gave. A document on no cycle contributes nothing.
func (c *Collector) cycleParts(groups map[string][]*kept) []batch {
	cycles := c.cyclesOf(groups)
	part := map[int32]int{} // document to its cycle's part
	parts := make([]batch, len(cycles))
	for p, cy := range cycles {
		parts[p] = batch{groups: map[string][]*kept{}, cycles: []cycle{cy}}
		for _, d := range cy.members {
			part[d] = p
		}
	}
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		for _, f := range groups[key] {
			if p, ok := part[f.doc]; ok {
				parts[p].groups[key] = append(parts[p].groups[key], f)
			}
		}
	}
	return parts
}
