package descriptor_test

import (
	"bytes"
	"fmt"
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/synth"
)

// benchDocs returns the generated, valid descriptors of one format: 50 of
// them, so a run of 200 iterations parses each exactly four times.
func benchDocs(b *testing.B, format descriptor.Format) (docs [][]byte, meanBytes int64) {
	b.Helper()
	share := 0.0
	if format == descriptor.JSON {
		share = 1
	}
	files, err := synth.Generate(synth.Options{N: 80, Seed: 1, JSON: share})
	if err != nil {
		b.Fatal(err)
	}
	var total int
	for _, f := range files {
		if got, _ := descriptor.FormatForPath(f.Path); got == format && len(docs) < 50 {
			docs = append(docs, f.Data)
			total += len(f.Data)
		}
	}
	if len(docs) < 50 {
		b.Fatalf("only %d %s descriptors", len(docs), format)
	}
	return docs, int64(total / len(docs))
}

func benchmarkParse(b *testing.B, format descriptor.Format) {
	docs, mean := benchDocs(b, format)
	b.ReportAllocs()
	b.SetBytes(mean)
	for i := 0; b.Loop(); i++ {
		if _, err := descriptor.Parse(docs[i%len(docs)], format); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseYAML reads one realistic YAML descriptor (2-6 KB) with
// positions, per operation.
func BenchmarkParseYAML(b *testing.B) { benchmarkParse(b, descriptor.YAML) }

// BenchmarkParseJSON reads one realistic JSON descriptor with positions, per
// operation.
func BenchmarkParseJSON(b *testing.B) { benchmarkParse(b, descriptor.JSON) }

// longLineDoc is a descriptor-like mapping of about size bytes: one
// "evidence" list of entries with non-ASCII text, written on one line
// (minified, as exported registries are) or one entry per line.
func longLineDoc(size int, format descriptor.Format, oneLine bool) []byte {
	var buf bytes.Buffer
	sep := "\n"
	if oneLine {
		sep = " "
	}
	if format == descriptor.JSON {
		buf.WriteString(`{"id": "x", "evidence": [`)
		for i := 0; buf.Len() < size; i++ {
			if i > 0 {
				buf.WriteString(",")
			}
			fmt.Fprintf(&buf, `%s{"source": "Survey %d of Glasgow’s carers", "date": "2008-01-01"}`, sep, i)
		}
		buf.WriteString("]}\n")
		return buf.Bytes()
	}
	buf.WriteString("{id: x, evidence: [")
	for i := 0; buf.Len() < size; i++ {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(&buf, `%s{source: "Survey %d of Glasgow’s carers", date: "2008-01-01"}`, sep, i)
	}
	buf.WriteString("]}\n")
	return buf.Bytes()
}

// BenchmarkParseLongLines parses files of 10 KB to 10 MB written on one line
// and on many, in both formats. MB/s should not fall as files grow: before
// positions were indexed (issue #13), one line of 1.6 MB took two minutes.
//
//	go test ./internal/descriptor -run '^$' -bench ParseLongLines -benchtime 1x
func BenchmarkParseLongLines(b *testing.B) {
	limits := descriptor.Limits{MaxBytes: 64 << 20, MaxDepth: 64, MaxItems: 1 << 20, MaxString: 1 << 20}
	for _, format := range []descriptor.Format{descriptor.YAML, descriptor.JSON} {
		for _, lines := range []string{"one-line", "many-lines"} {
			for _, size := range []int{10 << 10, 100 << 10, 1 << 20, 10 << 20} {
				data := longLineDoc(size, format, lines == "one-line")
				b.Run(fmt.Sprintf("%s/%s/%dKB", format, lines, size>>10), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						if _, err := descriptor.ParseWithLimits(data, format, limits); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
