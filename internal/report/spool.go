package report

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"

	"example.org/cgcheck/internal/finding"
)

// spool holds output that must wait for the end of a run (the JSON summary
// comes before the documents) without keeping a large registry in memory:
// it buffers in memory up to a limit, then moves to a temporary file.
type spool struct {
	limit int
	buf   bytes.Buffer
	file  *os.File
	err   error
	n     int64 // bytes written so far
}

// span is a stretch of a spool: what one document wrote to it.
type span struct{ from, to int64 }

// size is how much has been written: the start of the next span.
func (s *spool) size() int64 { return s.n }

// writeSpans copies the spans to w in the order given, then releases the
// spool: formats that show documents by area write them in that order.
func (s *spool) writeSpans(w io.Writer, spans []span) error {
	if s.err != nil {
		return s.err
	}
	defer s.Close()
	for _, sp := range spans {
		if s.file == nil {
			if _, err := w.Write(s.buf.Bytes()[sp.from:sp.to]); err != nil {
				return err
			}
			continue
		}
		if _, err := io.Copy(w, io.NewSectionReader(s.file, sp.from, sp.to-sp.from)); err != nil {
			return err
		}
	}
	return nil
}

// spoolMemoryLimit is how much a spool keeps in memory before it moves to
// disk; a few hundred documents' worth.
const spoolMemoryLimit = 4 << 20

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.n += int64(len(p))
	if s.file == nil && s.buf.Len()+len(p) > s.limit {
		f, err := os.CreateTemp("", "cgcheck-spool-*")
		if err != nil {
			// No temporary folder: keep going in memory rather than fail.
			return s.buf.Write(p)
		}
		// The name is not needed once the file is open; removing it now
		// means nothing is left behind if the run is interrupted.
		_ = os.Remove(f.Name())
		if _, err := f.Write(s.buf.Bytes()); err != nil {
			s.err = err
			return 0, err
		}
		// Spans are offsets in the file from now on, as they were in the
		// buffer.
		s.buf.Reset()
		s.file = f
	}
	if s.file != nil {
		n, err := s.file.Write(p)
		if err != nil {
			s.err = err
		}
		return n, err
	}
	return s.buf.Write(p)
}

// WriteTo copies everything spooled to w and releases the spool.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.file == nil {
		return s.buf.WriteTo(w)
	}
	defer s.Close()
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, s.file)
}

// Close releases the temporary file, if any.
func (s *spool) Close() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	s.file = nil
	return err
}

// areaOrder keeps each document's spans in several spools with the area
// it is sorted under, so that a format can write its documents grouped by
// area (sorted by name, case aside; documents with no area last), in
// arrival order within an area.
type areaOrder struct {
	keys  []string
	spans [][]span // per document, one span per spool
}

// areaKey is the area a document is sorted under: its first area.
func areaKey(doc *finding.Document) string {
	if doc.Partnership == nil || len(doc.Partnership.Areas) == 0 {
		return "\uffff" // after every name
	}
	return strings.ToLower(doc.Partnership.Areas[0])
}

// add records one document's spans (from, in the same order as the spools
// given to write).
func (o *areaOrder) add(doc *finding.Document, spans ...span) {
	o.keys = append(o.keys, areaKey(doc))
	o.spans = append(o.spans, spans)
}

// sorted returns the documents' spans in the i'th spool, by area.
func (o *areaOrder) sorted(i int) []span {
	idx := make([]int, len(o.keys))
	for j := range idx {
		idx[j] = j
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(o.keys[a], o.keys[b]) })
	out := make([]span, len(idx))
	for j, d := range idx {
		out[j] = o.spans[d][i]
	}
	return out
}

// write copies spool s (the i'th of each document's spans) to w: grouped
// by area when grouped, else as it came.
func (o *areaOrder) write(w io.Writer, grouped bool, s *spool, i int) error {
	if grouped {
		return s.writeSpans(w, o.sorted(i))
	}
	_, err := s.WriteTo(w)
	return err
}
