package report

import (
	"bytes"
	"io"
	"os"
)

// spool holds output that must wait for the end of a run (the JSON summary
// comes before the documents) without keeping a large registry in memory:
// it buffers in memory up to a limit, then moves to a temporary file.
type spool struct {
	limit int
	buf   bytes.Buffer
	file  *os.File
	err   error
}

// spoolMemoryLimit is how much a spool keeps in memory before it moves to
// disk; a few hundred documents' worth.
const spoolMemoryLimit = 4 << 20

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
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
