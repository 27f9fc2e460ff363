package check

import (
	"encoding/binary"
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
	// The bytes are hashed once; each entry's key is derived from that.
	content := cache.NewKey(c.RunKey, []byte{byte(format)}, data)
	return cacheKeys{
		document: cache.NewKey(content[:], []byte("document")),
		facts:    cache.NewKey(content[:], []byte("facts")),
	}
}

// cachedDocument is what the cache keeps of a document, as JSON. The file
// name is left out: the same bytes give the same results under any name. An
// entry is this JSON's length (a uvarint), the JSON, and then, when the
// policies ran, the facts as registry.EncodeFacts writes them.
type cachedDocument struct {
	ID          string               `json:"id,omitempty"`
	Partnership *finding.Partnership `json:"partnership,omitempty"`
	Findings    []finding.Finding    `json:"findings,omitempty"`
	// Ran is true when the policies ran on the document (and gave facts).
	Ran bool `json:"ran"`
}

func encodeEntry(cd cachedDocument, facts []byte) ([]byte, error) {
	head, err := json.Marshal(cd)
	if err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(make([]byte, 0, len(head)+len(facts)+4), uint64(len(head)))
	b = append(b, head...)
	return append(b, facts...), nil
}

func decodeEntry(b []byte) (cachedDocument, []byte, bool) {
	var cd cachedDocument
	n, size := binary.Uvarint(b)
	if size <= 0 || n > uint64(len(b)-size) {
		return cd, nil, false
	}
	b = b[size:]
	if err := json.Unmarshal(b[:n], &cd); err != nil {
		return cd, nil, false
	}
	return cd, b[n:], true
}

// fromCache fills doc from the cache and returns its facts and the entry
// read, when the cache holds an entry for these keys that reads back whole;
// anything else (no entry, another version's, a damaged one) is a miss, and
// the document is judged afresh and the entry rewritten.
func (c *Checker) fromCache(keys cacheKeys, factsOnly bool, doc *finding.Document) ([][]registry.Fact, []byte, bool) {
	if c.Cache == nil {
		return nil, nil, false
	}
	key := keys.document
	if factsOnly {
		key = keys.facts
	}
	data, ok := c.Cache.Get(key)
	if !ok {
		return nil, nil, false
	}
	facts, ok := c.fromEntry(data, factsOnly, doc)
	return facts, data, ok
}

// fromEntry fills doc from a cache entry and returns its facts; false when
// the entry does not read back whole (or, for a reported document, holds no
// findings).
func (c *Checker) fromEntry(data []byte, factsOnly bool, doc *finding.Document) ([][]registry.Fact, bool) {
	cd, encoded, ok := decodeEntry(data)
	if !ok || (!factsOnly && len(cd.Findings) == 0) {
		return nil, false
	}
	var facts [][]registry.Fact
	if cd.Ran {
		var err error
		if facts, err = registry.DecodeFacts(encoded, len(c.Registry.Catalogue())); err != nil {
			return nil, false
		}
	} else if len(encoded) > 0 {
		return nil, false
	}
	doc.ID, doc.Partnership, doc.Findings = cd.ID, cd.Partnership, cd.Findings
	return facts, true
}

// toCache writes both entries of a judged document and returns the facts
// entry (nil when there is no cache or it could not be encoded). A cache
// that cannot be written is no reason to fail a run: the next run judges
// the file again.
func (c *Checker) toCache(keys cacheKeys, doc *finding.Document, facts [][]registry.Fact) []byte {
	if c.Cache == nil {
		return nil
	}
	cd := cachedDocument{ID: doc.ID, Partnership: doc.Partnership, Ran: facts != nil}
	var encoded []byte
	if facts != nil {
		var err error
		if encoded, err = registry.EncodeFacts(facts); err != nil {
			return nil
		}
	}
	factsEntry, err := encodeEntry(cd, encoded)
	if err != nil {
		return nil
	}
	_ = c.Cache.Put(keys.facts, factsEntry)
	cd.Findings = doc.Findings
	if data, err := encodeEntry(cd, encoded); err == nil {
		_ = c.Cache.Put(keys.document, data)
	}
	return factsEntry
}
