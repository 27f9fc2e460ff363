// Package serve is cgcheck's web front end and HTTP API (cgcheck serve): a
// page where a person pastes, uploads or fills in a descriptor and sees it
// checked, and endpoints a portal calls to check one descriptor at a time.
//
// It checks exactly as cgcheck check does, through package run, with the
// same policies, schema, configuration and parameters. It is stateless: a
// descriptor lives only as long as its request, is never written anywhere
// and never logged (a request's log line holds no content), so several
// servers can run behind a load balancer. No request can name a file or a
// policy.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/frameworks"
	"example.org/cgcheck/internal/report"
)

// Options configure a Server.
type Options struct {
	// Prepare makes the checker for one as-of date (YYYY-MM-DD), with the
	// policies, schema, parameters and limits of the command line and
	// config file. The server keeps a few, by date.
	Prepare func(ctx context.Context, today string) (*check.Checker, error)
	// Today, when set (--today), is the as-of date of every check; when
	// empty each check is as of its request's ?today= or, without it, the
	// current date in UTC.
	Today string
	// Header is what every report is started with (tool, version, the
	// configuration in force); Today and Started are set per request.
	Header report.Run
	// Rules is the whole catalogue (GET /v1/rules) and Frameworks the
	// outcome frameworks in force (GET /v1/frameworks).
	Rules      []*catalogue.Rule
	Frameworks []frameworks.Framework
	// MaxBytes is the largest request body accepted (--max-file-bytes):
	// 413 beyond.
	MaxBytes int64
	// Limits are the parse limits of --max-depth and the like, which the
	// YAML download holds to as the checks do.
	Limits descriptor.Limits
	// MaxChecks is the number of checks run at once; a request beyond it
	// waits a little for a place, then is answered 503 with Retry-After
	// (slot).
	MaxChecks int
	// EvalTimeout is the time allowed for each document (--eval-timeout);
	// the write timeout allows for it.
	EvalTimeout time.Duration
	// Log receives one line per request (method, path, status, sizes,
	// time) and never a descriptor's content. Nil: no log.
	Log io.Writer
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server answers the page and the API. Its zero value is not usable: make
// one with New.
type Server struct {
	opts     Options
	checkers *dayCheckers
	slots    chan struct{}
	waiting  atomic.Int64 // checks waiting for a place
	log      *slog.Logger
	page     []byte // the page, rendered once: it depends on nothing a request says
	mux      *http.ServeMux
}

// New makes a Server.
func New(opts Options) (*Server, error) {
	if opts.Prepare == nil {
		return nil, errors.New("serve: no way to prepare a checker")
	}
	if opts.MaxChecks <= 0 {
		opts.MaxChecks = 1
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 2 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{opts: opts, checkers: newDayCheckers(opts.Prepare, maxDays), slots: make(chan struct{}, opts.MaxChecks)}
	if opts.Log != nil {
		s.log = slog.New(slog.NewTextHandler(opts.Log, nil))
	}
	page, err := renderPage(opts)
	if err != nil {
		return nil, err
	}
	s.page = page
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", s.handlePage)
	s.mux.HandleFunc("GET /assets/{name}", s.handleAsset)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET /v1/rules", s.handleRules)
	s.mux.HandleFunc("GET /v1/frameworks", s.handleFrameworks)
	s.mux.HandleFunc("POST /v1/check", s.handleCheck)
	s.mux.HandleFunc("POST /v1/paper", s.handlePaper)
	s.mux.HandleFunc("POST /v1/yaml", s.handleYAML)
	s.mux.HandleFunc("POST /ui/check", s.handleUICheck)
	return s, nil
}

// maxDays is how many as-of dates keep a prepared checker: today, and a few
// others a portal or a reviewer asks for.
const maxDays = 4

// Handler returns the server's handler: every route, behind the headers
// every response carries, the request log and a guard that turns a panic
// into a plain 500.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.opts.Now()
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		defer func() {
			if p := recover(); p != nil {
				// Never a stack trace, and never the descriptor: one line
				// that something went wrong inside cgcheck.
				if !rec.wrote {
					writeError(rec, http.StatusInternalServerError, "cgcheck failed inside while answering this request; nothing was kept. Try again, and report it if it happens again.")
				}
				if s.log != nil {
					s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "error", fmt.Sprint(p))
				}
			}
			if s.log != nil {
				s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
					"bytes_in", r.ContentLength, "bytes_out", rec.bytes, "ms", s.opts.Now().Sub(start).Milliseconds())
			}
		}()
		s.mux.ServeHTTP(rec, r)
	})
}

// recorder notes the status and size of a response, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// ListenAndServe serves on addr until ctx is cancelled (Ctrl-C, SIGTERM),
// then stops taking requests and lets those under way finish (up to
// shutdownGrace). ready, when not nil, is called with the address listened
// on once requests can be made.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// A body of --max-file-bytes over a slow link, with room to spare.
		ReadTimeout: 60 * time.Second,
		// The check itself is bounded by the per-document time limit.
		WriteTimeout:   s.opts.EvalTimeout + 60*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		// net/http's own messages (a broken connection, a bad TLS hello)
		// go to the request log's writer, without stack traces.
		ErrorLog: nil,
		BaseContext: func(net.Listener) context.Context {
			return context.WithoutCancel(ctx)
		},
	}
	if s.log != nil {
		srv.ErrorLog = slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	if ready != nil {
		ready(l.Addr())
	}
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
		return fmt.Errorf("stopped with requests still under way after %s: %w", shutdownGrace, err)
	}
	return nil
}

// shutdownGrace is how long requests under way may take to finish once the
// server is told to stop.
const shutdownGrace = 30 * time.Second

// IsLoopback reports whether addr (host:port) listens on this machine alone.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.opts.Header.ToolVersion})
}

func (s *Server) handleRules(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Rules []*catalogue.Rule `json:"rules"`
	}{s.opts.Rules})
}

func (s *Server) handleFrameworks(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Frameworks []frameworks.Framework `json:"frameworks"`
	}{s.opts.Frameworks})
}

// today is a request's as-of date: --today when the server was started
// with one (a request may not change it), else ?today=, else the current
// date in UTC.
func (s *Server) today(r *http.Request) (string, error) {
	asked := r.URL.Query().Get("today")
	if s.opts.Today != "" {
		if asked != "" && asked != s.opts.Today {
			return "", fmt.Errorf("this server checks everything as of %s (it was started with --today); leave ?today= out, or ask for %s", s.opts.Today, s.opts.Today)
		}
		return s.opts.Today, nil
	}
	if asked == "" {
		return s.opts.Now().UTC().Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, asked); err != nil {
		return "", fmt.Errorf("?today=%s is not a date: write it YYYY-MM-DD, e.g. ?today=2008-10-01", asked)
	}
	return asked, nil
}

// body reads a request's descriptor: at most MaxBytes (413 beyond), as JSON
// or YAML by its Content-Type (415 for anything else). It returns the name
// the document goes by in reports, whose extension says how to read it.
func (s *Server) body(w http.ResponseWriter, r *http.Request) (string, []byte, bool) {
	name, err := nameFor(r.Header.Get("Content-Type"))
	if err != nil {
		writeError(w, http.StatusUnsupportedMediaType, err.Error())
		return "", nil, false
	}
	if r.ContentLength > s.opts.MaxBytes {
		writeError(w, http.StatusRequestEntityTooLarge, tooLarge(s.opts.MaxBytes))
		return "", nil, false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, tooLarge(s.opts.MaxBytes))
			return "", nil, false
		}
		writeError(w, http.StatusBadRequest, "the descriptor could not be read from the request: "+err.Error())
		return "", nil, false
	}
	return name, data, true
}

func tooLarge(max int64) string {
	return fmt.Sprintf("the descriptor is larger than this server accepts (%d bytes, --max-file-bytes); a partnership descriptor is normally a few kilobytes: check that the right file was sent", max)
}

// nameFor maps a request's Content-Type to the name its document goes by:
// descriptor.json is read as JSON, descriptor.yaml as YAML, and plain text
// (or no type) is sniffed as standard input is.
func nameFor(contentType string) (string, error) {
	if contentType == "" {
		return "descriptor", nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("Content-Type %q cannot be read; send application/json or application/yaml", contentType)
	}
	switch mt {
	case "application/json":
		return "descriptor.json", nil
	case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
		return "descriptor.yaml", nil
	case "text/plain":
		return "descriptor", nil
	}
	if mt == "application/x-www-form-urlencoded" {
		// curl --data-binary sends this unless told otherwise.
		return "", fmt.Errorf("Content-Type %s is a web form, not a descriptor; send the descriptor as application/json or application/yaml (with curl: -H 'Content-Type: application/yaml')", mt)
	}
	return "", fmt.Errorf("Content-Type %s is not a descriptor; send the descriptor itself as application/json or application/yaml (not a form or a file upload)", mt)
}

// slot takes one of the MaxChecks places for a check. A burst waits for a
// place a short while (queueWait), so that a few people pressing Check at
// once are all served; beyond that, or with too many already waiting
// (maxWaiting per place), it answers 503 with Retry-After: a client told to
// come back soon is better served than one left in an unbounded queue,
// and the server's memory stays bounded however many ask.
func (s *Server) slot(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, true
	default:
	}
	if s.waiting.Add(1) > int64(maxWaiting*cap(s.slots)) {
		s.waiting.Add(-1)
		s.busy(w)
		return nil, false
	}
	defer s.waiting.Add(-1)
	timer := time.NewTimer(queueWait)
	defer timer.Stop()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, true
	case <-timer.C:
		s.busy(w)
	case <-r.Context().Done():
	}
	return nil, false
}

// queueWait is how long a check waits for a place; maxWaiting is how many
// may wait for each place.
const (
	queueWait  = 2 * time.Second
	maxWaiting = 8
)

func (s *Server) busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("this server is busy: it checks %d descriptors at once and others are waiting; try again in a second", cap(s.slots)))
}

// contentTypes are each report format's media type.
var contentTypes = map[string]string{
	"json":     "application/json",
	"sarif":    "application/sarif+json",
	"junit":    "application/xml",
	"html":     "text/html; charset=utf-8",
	"markdown": "text/markdown; charset=utf-8",
	"csv":      "text/csv; charset=utf-8",
	"xlsx":     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"text":     "text/plain; charset=utf-8",
	"github":   "text/plain; charset=utf-8",
}

// fileExtensions name a downloaded report.
var fileExtensions = map[string]string{"json": "json", "sarif": "sarif", "junit": "xml", "html": "html", "markdown": "md", "csv": "csv", "xlsx": "xlsx", "text": "txt", "github": "txt"}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	if !slices.Contains(report.Formats(), format) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("?format=%s is not a report format; use one of %s", format, strings.Join(report.Formats(), ", ")))
		return
	}
	res, ok := s.check(w, r, func(out io.Writer) (report.Reporter, error) { return report.New(format, out) })
	if !ok {
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentTypes[format])
	h.Set("Cgcheck-Status", string(res.doc.Status))
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="cgcheck-report.%s"`, fileExtensions[format]))
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(res.out.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		writeError(w, http.StatusInternalServerError, "cannot write the answer: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// writeError answers with a status and a message that says what is wrong
// and what to do, as JSON: {"error": "..."}.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": msg})
}

// dayCheckers keeps a prepared checker for each of the last few as-of
// dates asked for: preparing the policies takes a fraction of a second,
// checking one descriptor a few milliseconds.
type dayCheckers struct {
	prepare func(ctx context.Context, today string) (*check.Checker, error)
	max     int
	mu      sync.Mutex
	byDay   map[string]*dayChecker
	tick    int
}

type dayChecker struct {
	ready   chan struct{}
	checker *check.Checker
	err     error
	used    int
}

func newDayCheckers(prepare func(context.Context, string) (*check.Checker, error), max int) *dayCheckers {
	return &dayCheckers{prepare: prepare, max: max, byDay: map[string]*dayChecker{}}
}

// get returns the checker for today, preparing it once however many
// requests ask at the same time. A failure is not kept: the next request
// tries again.
func (d *dayCheckers) get(ctx context.Context, today string) (*check.Checker, error) {
	d.mu.Lock()
	d.tick++
	e, ok := d.byDay[today]
	if !ok {
		e = &dayChecker{ready: make(chan struct{}), used: d.tick}
		d.byDay[today] = e
		d.evict()
		go func() {
			// Prepared apart from the request that asked, so that a client
			// giving up does not spoil it for the others waiting.
			e.checker, e.err = d.prepare(context.WithoutCancel(ctx), today)
			if e.err != nil {
				d.mu.Lock()
				if d.byDay[today] == e {
					delete(d.byDay, today)
				}
				d.mu.Unlock()
			}
			close(e.ready)
		}()
	}
	e.used = d.tick
	d.mu.Unlock()
	select {
	case <-e.ready:
		return e.checker, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// evict drops the least recently used dates beyond max (d.mu held).
func (d *dayCheckers) evict() {
	for len(d.byDay) > d.max {
		oldest, at := "", d.tick+1
		for day, e := range d.byDay {
			if e.used < at {
				oldest, at = day, e.used
			}
		}
		delete(d.byDay, oldest)
	}
}
