package check

import (
	"encoding/json"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/registry"
)

// A document's results are cached twice over: in full (its findings and
// facts), for a file that is reported, and as its facts alone, for a file read
// only for the registry rules (check --registry), which is then a small read.
// Both are written whenever a document is judged, so a file that is context
// in one run and named in the next is still found.

// cacheKeys are the two cache keys of one document's bytes.
type cacheKeys struct {
	document, facts cache.Key
}

func (c *Checker) cacheKeys(format descriptor.Format, data []byte) cacheKeys {
	if c.Cache == nil {
		return cacheKeys{}
	}
	f := []byte{byte(format)}
	return cacheKeys{
		document: cache.NewKey(c.RunKey, []byte("document"), f, data),
		facts:    cache.NewKey(c.RunKey, []byte("facts"), f, data),
	}
}

// cachedDocument is a document as the cache keeps it. The file name is left
// out: the same bytes give the same results under any name.
type cachedDocument struct {
	ID       string            `json:"id,omitempty"`
	Findings []finding.Finding `json:"findings,omitempty"`
	// Ran is true when the policies ran on the document; Facts are then
	// registry.EncodeFacts's.
	Ran   bool            `json:"ran"`
	Facts json.RawMessage `json:"facts,omitempty"`
}

// fromCache fills doc from the cache and returns its facts, when the cache
// holds an entry for these keys that reads back whole; anything else (no
// entry, another version's, a damaged one) is a miss, and the document is
// judged afresh and the entry rewritten.
func (c *Checker) fromCache(keys cacheKeys, factsOnly bool, doc *finding.Document) ([][]registry.Fact, bool) {
	if c.Cache == nil {
		return nil, false
	}
	key := keys.document
	if factsOnly {
		key = keys.facts
	}
	data, ok := c.Cache.Get(key)
	if !ok {
		return nil, false
	}
	var cd cachedDocument
	if err := json.Unmarshal(data, &cd); err != nil || (!factsOnly && len(cd.Findings) == 0) {
		return nil, false
	}
	var facts [][]registry.Fact
	if cd.Ran {
		var err error
		if facts, err = registry.DecodeFacts(cd.Facts, len(c.Registry.Catalogue())); err != nil {
			return nil, false
		}
	}
	doc.ID, doc.Findings = cd.ID, cd.Findings
	return facts, true
}

// toCache writes both entries of a judged document. A cache that cannot be
// written is no reason to fail a run: the next run judges the file again.
func (c *Checker) toCache(keys cacheKeys, doc *finding.Document, facts [][]registry.Fact) {
	if c.Cache == nil {
		return
	}
	cd := cachedDocument{ID: doc.ID, Ran: facts != nil}
	if facts != nil {
		encoded, err := registry.EncodeFacts(facts)
		if err != nil {
			return
		}
		cd.Facts = encoded
	}
	if data, err := json.Marshal(cd); err == nil {
		_ = c.Cache.Put(keys.facts, data)
	}
	cd.Findings = doc.Findings
	if data, err := json.Marshal(cd); err == nil {
		_ = c.Cache.Put(keys.document, data)
	}
}
