package registry

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestSpillReadsBackWhatWasWritten: records of every size, from empty to
// larger than the read window, read back intact in the order written,
// whether the spill stays in memory or moves to a file, and when most
// records are skipped.
func TestSpillReadsBackWhatWasWritten(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var records [][]byte
	for i := range 3000 {
		n := rng.IntN(200)
		switch i % 500 {
		case 7:
			n = 0
		case 11:
			n = 300 << 10 // more than the read window
		}
		rec := make([]byte, n)
		for j := range rec {
			rec[j] = byte(rng.IntN(256))
		}
		records = append(records, rec)
	}
	for _, limit := range []int{1 << 30, 0, 64 << 10} {
		for _, every := range []int{1, 17} {
			s := spill{limit: limit}
			at := make([]uint64, len(records))
			for i, rec := range records {
				at[i] = s.add(rec)
			}
			if onFile := s.file != nil; onFile != (limit < 1<<30) {
				t.Errorf("limit %d: records in a file: %v", limit, onFile)
			}
			for i := 0; i < len(records); i += every {
				got, err := s.read(at[i])
				if err != nil {
					t.Fatalf("limit %d, record %d: %v", limit, i, err)
				}
				if !bytes.Equal(got, records[i]) {
					t.Fatalf("limit %d, record %d: %d bytes back, %d written", limit, i, len(got), len(records[i]))
				}
			}
			if err := s.close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestRecordsRoundTrip: a fact's key and fields read back as they were
// given: string fields as strings, any others as the very object kept in
// memory; a damaged record is an error, never a panic.
func TestRecordsRoundTrip(t *testing.T) {
	var objects []ast.Object
	strs := ast.MustParseTerm(`{"area": "Glasgow", "group": "Young carers"}`).Value.(ast.Object)
	other := ast.MustParseTerm(`{"seats": 3, "roles": {"chair"}}`).Value.(ast.Object)
	for _, c := range []struct {
		key    string
		fields ast.Object
	}{{"k", nil}, {"", strs}, {"glasgow\nyoung carers", strs}, {"x", other}} {
		rec := appendRecord(nil, c.key, c.fields, &objects)
		key, fs, err := decodeRecord(rec, objects)
		if err != nil {
			t.Fatal(err)
		}
		if key != c.key {
			t.Errorf("key %q back, %q given", key, c.key)
		}
		if got := fs.object(); (got == nil) != (c.fields == nil) || (got != nil && got.Compare(c.fields) != 0) {
			t.Errorf("fields %v back, %v given", got, c.fields)
		}
		for n := range rec {
			if _, _, err := decodeRecord(rec[:n], objects); err == nil {
				t.Errorf("record cut at %d of %d read back without error", n, len(rec))
			}
		}
	}
}
