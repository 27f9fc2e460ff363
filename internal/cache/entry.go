package cache

import (
	"encoding/binary"
	"hash/crc32"
)

// An entry file is a fixed header followed by the payload:
//
//	offset  size  field
//	0       8     magic "cgcache\x00"
//	8       4     format version, big-endian
//	12      32    the entry's Key
//	44      8     payload length, big-endian
//	52      4     CRC-32C (Castagnoli) of the payload, big-endian
//	56      n     payload
//
// Every header field is checked on read: the magic and version reject files
// that are not entries of this format, the key rejects an entry copied or
// renamed to another key's name, the length rejects truncated and padded
// files, and the checksum rejects a damaged payload. A damaged checksum field
// fails the checksum, so no byte of the file goes unchecked.
//
// Why CRC-32C and not SHA-256: the checksum guards against accidents (a torn
// write after a crash, a flipped bit), not against an attacker. Anyone who
// can write to the cache directory can write a valid entry whatever the
// checksum, so a cryptographic hash would buy nothing. CRC-32C detects every
// burst error up to 32 bits and runs at memory speed with the CPU's crc32
// instruction, where SHA-256 without SHA extensions costs a noticeable part
// of the one-second budget when a warm run reads every entry of a
// 10,000-file registry.
const (
	magic         = "cgcache\x00"
	formatVersion = 1

	offVersion  = len(magic)
	offKey      = offVersion + 4
	offLength   = offKey + len(Key{})
	offChecksum = offLength + 8
	headerSize  = offChecksum + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeEntry returns the whole entry file for data stored under k, header
// and payload in one buffer so that Put writes it with a single call.
func encodeEntry(k Key, data []byte) []byte {
	b := make([]byte, headerSize, headerSize+len(data))
	copy(b, magic)
	binary.BigEndian.PutUint32(b[offVersion:], formatVersion)
	copy(b[offKey:], k[:])
	binary.BigEndian.PutUint64(b[offLength:], uint64(len(data)))
	binary.BigEndian.PutUint32(b[offChecksum:], crc32.Checksum(data, castagnoli))
	return append(b, data...)
}

// header is a decoded entry header that belongs to the requested key.
type header struct {
	length   uint64
	checksum uint32
}

// decodeHeader checks the first headerSize bytes of an entry file against
// the format and the requested key. It reports false for anything that is
// not an entry of this format written for exactly want.
func decodeHeader(b []byte, want Key) (header, bool) {
	if len(b) < headerSize ||
		string(b[:len(magic)]) != magic ||
		binary.BigEndian.Uint32(b[offVersion:]) != formatVersion ||
		Key(b[offKey:offLength]) != want {
		return header{}, false
	}
	return header{
		length:   binary.BigEndian.Uint64(b[offLength:]),
		checksum: binary.BigEndian.Uint32(b[offChecksum:]),
	}, true
}

// validPayload reports whether payload is what the header describes.
func (h header) validPayload(payload []byte) bool {
	return uint64(len(payload)) == h.length && crc32.Checksum(payload, castagnoli) == h.checksum
}
