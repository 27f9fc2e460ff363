package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io"
)

// Key names a cache entry: the SHA-256 of everything that determines the
// entry's content. Build one with NewKey or a Hasher; two keys are equal only
// when every part that went into them was equal.
type Key [sha256.Size]byte

// String returns the key as 64 lowercase hex digits, the entry's file name.
func (k Key) String() string {
	return hex.EncodeToString(k[:])
}

// NewKey hashes parts into a Key. Each part is length-prefixed, so the parts
// are never run together: NewKey([]byte("ab"), []byte("c")) differs from
// NewKey([]byte("a"), []byte("bc")), and a trailing empty part counts.
func NewKey(parts ...[]byte) Key {
	h := NewHasher()
	for _, p := range parts {
		h.Add(p)
	}
	return h.Key()
}

// Hasher builds a Key from parts added one at a time, for callers that
// gather the parts in several places (a file's bytes, then policy digests,
// then parameters). Adding the same parts in the same order as NewKey gives
// the same Key. A Hasher is not safe for concurrent use.
type Hasher struct {
	h hash.Hash
}

// NewHasher returns an empty Hasher.
func NewHasher() *Hasher {
	return &Hasher{h: sha256.New()}
}

// Add adds one part.
func (h *Hasher) Add(part []byte) {
	h.writeLen(len(part))
	h.h.Write(part) // hash.Hash.Write never returns an error
}

// AddString adds one part given as a string; it is the same part as
// Add([]byte(part)).
func (h *Hasher) AddString(part string) {
	h.writeLen(len(part))
	io.WriteString(h.h, part) // hash.Hash.Write never returns an error
}

// Key returns the Key of the parts added so far. More parts may be added
// afterwards; they extend the same sequence.
func (h *Hasher) Key() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

// writeLen writes the length prefix that keeps parts apart. A fixed-width
// prefix makes the encoding of a sequence of parts prefix-free, which is what
// makes it unambiguous.
func (h *Hasher) writeLen(n int) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	h.h.Write(b[:])
}
