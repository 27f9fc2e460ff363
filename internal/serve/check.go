package serve

import (
	"bytes"
	"io"
	"net/http"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/run"
)

// checked is one request's document, checked, and the report written of it.
type checked struct {
	today   string
	name    string
	data    []byte
	doc     *finding.Document
	checker *check.Checker
	out     bytes.Buffer
}

// check reads a request's descriptor and checks it as cgcheck check checks
// a file named on the command line, writing the report newReporter makes.
// On any failure it has answered the request itself and returns false.
func (s *Server) check(w http.ResponseWriter, r *http.Request, newReporter func(io.Writer) (report.Reporter, error)) (*checked, bool) {
	today, err := s.today(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return nil, false
	}
	release, ok := s.slot(w, r)
	if !ok {
		return nil, false
	}
	defer release()
	name, data, ok := s.body(w, r)
	if !ok {
		return nil, false
	}
	ctx := r.Context()
	checker, err := s.checkers.get(ctx, today)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false // the client has gone
		}
		writeError(w, http.StatusInternalServerError, "the policies could not be prepared: "+err.Error())
		return nil, false
	}
	res := &checked{today: today, name: name, data: data, checker: checker}
	rep, err := newReporter(&res.out)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return nil, false
	}
	keep := &keepDoc{Reporter: rep}
	header := s.opts.Header
	header.Today, header.Started = today, s.opts.Now()
	in := &run.Inputs{List: []check.Input{{Source: discover.Source{Path: name, Explicit: true}, Data: data}}}
	_, err = run.Run(ctx, in, run.Options{Checker: checker, Reporter: keep, Header: header, Jobs: 1, FailOn: finding.Fail})
	if err != nil {
		if ctx.Err() != nil {
			return nil, false
		}
		writeError(w, http.StatusInternalServerError, "the report could not be written: "+err.Error())
		return nil, false
	}
	if keep.doc == nil {
		// A request is checked in full whatever it holds, so this cannot
		// happen; should it, say so rather than answer with nothing.
		writeError(w, http.StatusInternalServerError, "the descriptor was not checked")
		return nil, false
	}
	res.doc = keep.doc
	w.Header().Set("Cache-Control", "no-store")
	return res, true
}

// keepDoc passes a run to its reporter and keeps the document checked.
type keepDoc struct {
	report.Reporter
	doc *finding.Document
}

func (k *keepDoc) Document(doc *finding.Document) error {
	k.doc = doc
	return k.Reporter.Document(doc)
}

// discard is a reporter that writes nothing, for checks whose answer is not
// a report (the page's, the board paper's).
type discard struct{}

func (discard) Start(report.Run) error                         { return nil }
func (discard) Document(*finding.Document) error               { return nil }
func (discard) Finish(finding.Summary, finding.Registry) error { return nil }
func discardReporter(io.Writer) (report.Reporter, error)       { return discard{}, nil }
