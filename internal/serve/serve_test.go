package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/serve"
	"example.org/cgcheck/internal/testtool"
)

// prepare makes checkers of the built-in policies as the command line
// does, counting how many it made.
func prepare(t testing.TB, made *atomic.Int32) func(context.Context, string) (*check.Checker, error) {
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	validator := fixture.Validator(t)
	return func(ctx context.Context, today string) (*check.Checker, error) {
		if made != nil {
			made.Add(1)
		}
		s := engine.Settings{Today: today}
		rules, err := registry.Prepare(ctx, p, s)
		if err != nil {
			return nil, err
		}
		ev, err := p.Prepare(ctx, s, rules.Reads()...)
		if err != nil {
			return nil, err
		}
		return &check.Checker{Schema: validator, Evaluator: ev, Registry: rules}, nil
	}
}

type testServer struct {
	*httptest.Server
	log *testtool.SyncBuffer
}

func start(t *testing.T, opts serve.Options) *testServer {
	t.Helper()
	log := &testtool.SyncBuffer{}
	if opts.Prepare == nil {
		opts.Prepare = prepare(t, nil)
	}
	if opts.MaxChecks == 0 {
		opts.MaxChecks = 4
	}
	opts.Log = log
	opts.Header = report.Run{ToolName: "cgcheck", ToolVersion: "test"}
	srv, err := serve.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, log: log}
}

func (ts *testServer) post(t *testing.T, path, contentType string, body []byte) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Post(ts.URL+path, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, out
}

func (ts *testServer) get(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res, out
}

func example(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

type jsonReport struct {
	Documents []struct {
		File     string `json:"file"`
		Status   string `json:"status"`
		Findings []struct {
			Rule, Status, Message, Pointer string
			Line, Column                   int
		} `json:"findings"`
	} `json:"documents"`
}

// TestCheckAnswersAsTheCheckerDoes sends every example and compares the
// answer with the checker's own findings for the file (same rules,
// statuses, messages, pointers, lines and columns).
func TestCheckAnswersAsTheCheckerDoes(t *testing.T) {
	ts := start(t, serve.Options{})
	checker, err := prepare(t, nil)(context.Background(), "2008-10-01")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", "*.*"))
	n := 0
	for _, path := range files {
		if filepath.Ext(path) == ".md" {
			continue
		}
		n++
		data, _ := os.ReadFile(path)
		ct := "application/yaml"
		if filepath.Ext(path) == ".json" {
			ct = "application/json"
		}
		res, body := ts.post(t, "/v1/check?today=2008-10-01&format=json", ct, data)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, body)
		}
		var got jsonReport
		if err := json.Unmarshal(body, &got); err != nil || len(got.Documents) != 1 {
			t.Fatalf("%s: %v %s", path, err, body)
		}
		want := checker.Check(context.Background(), discoverSource(path))
		doc := got.Documents[0]
		if doc.Status != string(want.Status) || res.Header.Get("Cgcheck-Status") != string(want.Status) {
			t.Errorf("%s: status %s (header %s), the checker says %s", path, doc.Status, res.Header.Get("Cgcheck-Status"), want.Status)
		}
		if len(doc.Findings) != len(want.Findings) {
			t.Errorf("%s: %d findings, the checker %d", path, len(doc.Findings), len(want.Findings))
			continue
		}
		for i, f := range want.Findings {
			g := doc.Findings[i]
			if g.Rule != f.Rule || g.Status != string(f.Status) || g.Message != f.Message || g.Pointer != f.PointerValue() || g.Line != f.Line || g.Column != f.Column {
				t.Errorf("%s: finding %d is %+v, the checker's %+v", path, i, g, f)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d examples", n)
	}
}

// TestEveryFormat asks for each report format and checks its media type
// and that it holds the document.
func TestEveryFormat(t *testing.T) {
	ts := start(t, serve.Options{})
	data := example(t, "no-lead.yaml")
	for _, format := range report.Formats() {
		res, body := ts.post(t, "/v1/check?today=2008-10-01&format="+format, "application/yaml", data)
		if res.StatusCode != 200 || len(body) == 0 {
			t.Errorf("%s: %d, %d bytes", format, res.StatusCode, len(body))
			continue
		}
		if ct := res.Header.Get("Content-Type"); ct == "" || strings.HasPrefix(ct, "text/plain") && format != "text" && format != "github" {
			t.Errorf("%s: Content-Type %q", format, ct)
		}
		if format != "xlsx" && !bytes.Contains(body, []byte("single-lead")) {
			t.Errorf("%s: the report does not name the failing rule single-lead", format)
		}
		if res.Header.Get("Cgcheck-Status") != "fail" {
			t.Errorf("%s: Cgcheck-Status %q", format, res.Header.Get("Cgcheck-Status"))
		}
	}
}

// TestBadRequestsSayWhatToDo covers the answers that are not a report:
// each has the right status and a message saying what to do.
func TestBadRequestsSayWhatToDo(t *testing.T) {
	ts := start(t, serve.Options{MaxBytes: 4096})
	ok := example(t, "no-lead.yaml")[:100]
	for _, tc := range []struct {
		name, method, path, ctype string
		body                      []byte
		status                    int
		says                      string
	}{
		{"too large", "POST", "/v1/check", "application/yaml", bytes.Repeat([]byte("a"), 5000), 413, "larger than this server accepts"},
		{"a form upload", "POST", "/v1/check", "multipart/form-data; boundary=x", ok, 415, "application/json or application/yaml"},
		{"a bad date", "POST", "/v1/check?today=2008-13-01", "application/yaml", ok, 400, "YYYY-MM-DD"},
		{"an unknown format", "POST", "/v1/check?format=pdf", "application/yaml", ok, 400, "not a report format"},
		{"a GET of check", "GET", "/v1/check", "", nil, 405, ""},
		{"no such page", "GET", "/etc/passwd", "", nil, 404, ""},
		{"no such asset", "GET", "/assets/..%2f..%2fgo.mod", "", nil, 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, bytes.NewReader(tc.body))
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.status || !strings.Contains(string(body), tc.says) {
				t.Errorf("%d %s; want %d saying %q", res.StatusCode, body, tc.status, tc.says)
			}
		})
	}
	// Chunked, with no Content-Length: the limit still holds.
	req, _ := http.NewRequest("POST", ts.URL+"/v1/check", io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("# x\n"), 2000))))
	req.Header.Set("Content-Type", "application/yaml")
	req.ContentLength = -1
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 413 {
		t.Errorf("a chunked body over the limit: %d, want 413", res.StatusCode)
	}
}

// TestTypoGivesLineAndColumn pastes YAML with a mistake.
func TestTypoGivesLineAndColumn(t *testing.T) {
	ts := start(t, serve.Options{})
	body := []byte("schema: cgcheck/partnership/v1\nid: x\nname: [unclosed\nstatus: active\n")
	res, out := ts.post(t, "/ui/check?today=2008-10-01", "application/yaml", body)
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, out)
	}
	var a struct {
		Status   string
		HTML     string
		Findings []struct {
			Rule         string
			Line, Column int
		}
	}
	if err := json.Unmarshal(out, &a); err != nil {
		t.Fatal(err)
	}
	if a.Status != "fail" || len(a.Findings) == 0 || a.Findings[0].Rule != "parse" || a.Findings[0].Line < 3 {
		t.Fatalf("%+v", a)
	}
	where := fmt.Sprintf("descriptor.yaml:%d:%d", a.Findings[0].Line, a.Findings[0].Column)
	if !strings.Contains(a.HTML, where) {
		t.Errorf("the report's section does not say where: %s not in %s", where, a.HTML)
	}
}

// TestNothingKeptOrLogged checks a descriptor's content never reaches the
// log, which holds a line per request.
func TestNothingKeptOrLogged(t *testing.T) {
	ts := start(t, serve.Options{})
	secret := "Zebedee-Confidential-4471"
	data := bytes.Replace(example(t, "no-lead.yaml"), []byte("name: "), []byte("name: "+secret+" "), 1)
	for _, path := range []string{"/v1/check?format=html", "/ui/check", "/v1/paper", "/v1/yaml"} {
		res, body := ts.post(t, path, "application/yaml", data)
		if res.StatusCode != 200 || !bytes.Contains(body, []byte(secret)) {
			t.Errorf("%s: %d, the answer does not hold the name sent", path, res.StatusCode)
		}
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", path, res.Header.Get("Cache-Control"))
		}
	}
	ts.post(t, "/v1/check?today=not-a-date", "application/yaml", data)
	log := ts.log.String()
	if strings.Contains(log, secret) || strings.Contains(log, "partnership/v1") {
		t.Errorf("the log holds the descriptor:\n%s", log)
	}
	if n := strings.Count(log, "msg=request"); n != 5 {
		t.Errorf("%d request lines, want 5:\n%s", n, log)
	}
}

// TestBusyServerAsksToRetry fills every place for a check: a request that
// comes meanwhile waits, and is served once a place is free; one that waits
// too long is turned away with 503 and Retry-After. The checker of each date
// is prepared only when a release channel lets it, which holds a place.
func TestBusyServerAsksToRetry(t *testing.T) {
	inner := prepare(t, nil)
	var mu sync.Mutex
	gates := map[string]chan struct{}{}
	gate := func(day string) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if gates[day] == nil {
			gates[day] = make(chan struct{})
		}
		return gates[day]
	}
	ts := start(t, serve.Options{MaxChecks: 1, Prepare: func(ctx context.Context, today string) (*check.Checker, error) {
		<-gate(today)
		return inner(ctx, today)
	}})
	data := example(t, "no-lead.yaml")
	send := func(day string) chan *http.Response {
		out := make(chan *http.Response, 1)
		go func() {
			res, err := http.Post(ts.URL+"/v1/check?today="+day, "application/yaml", bytes.NewReader(data))
			if err != nil {
				t.Error(err)
				out <- nil
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			out <- res
		}()
		return out
	}
	// One holds the place; another waits for it and is served.
	first := send("2008-10-01")
	time.Sleep(200 * time.Millisecond)
	waiting := send("2008-10-01")
	time.Sleep(300 * time.Millisecond)
	close(gate("2008-10-01"))
	for _, c := range []chan *http.Response{first, waiting} {
		if res := <-c; res == nil || res.StatusCode != 200 {
			t.Errorf("a request that waited briefly: %v", res)
		}
	}
	// One holds the place past the other's wait: 503, Retry-After.
	held := send("2009-01-01")
	time.Sleep(200 * time.Millisecond)
	res, body := ts.post(t, "/v1/check?today=2009-01-01", "application/yaml", data)
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "try again") {
		t.Errorf("with the place held too long: %d, Retry-After %q, %s", res.StatusCode, res.Header.Get("Retry-After"), body)
	}
	close(gate("2009-01-01"))
	if res := <-held; res == nil || res.StatusCode != 200 {
		t.Errorf("the request that held the place: %v", res)
	}
}

// TestToday covers the as-of date: the request's, the current one, and a
// pinned one a request may not change; checkers are prepared once per date.
func TestToday(t *testing.T) {
	var made atomic.Int32
	now := time.Date(2031, 5, 6, 23, 30, 0, 0, time.FixedZone("x", -3*3600))
	ts := start(t, serve.Options{Prepare: prepare(t, &made), Now: func() time.Time { return now }})
	data := example(t, "no-lead.yaml")
	for range 3 {
		_, body := ts.post(t, "/v1/check", "application/yaml", data)
		if !bytes.Contains(body, []byte(`"today": "2031-05-07"`)) {
			t.Fatalf("without ?today= the date is not UTC's: %s", body[:200])
		}
	}
	_, body := ts.post(t, "/v1/check?today=2008-10-01", "application/yaml", data)
	if !bytes.Contains(body, []byte(`"today": "2008-10-01"`)) {
		t.Errorf("?today= not used")
	}
	if made.Load() != 2 {
		t.Errorf("%d checkers prepared for two dates", made.Load())
	}
	pinned := start(t, serve.Options{Today: "2008-10-01"})
	if res, body := pinned.post(t, "/v1/check?today=2009-01-01", "application/yaml", data); res.StatusCode != 400 || !strings.Contains(string(body), "--today") {
		t.Errorf("a pinned date changed by a request: %d %s", res.StatusCode, body)
	}
	if res, _ := pinned.post(t, "/v1/check?today=2008-10-01", "application/yaml", data); res.StatusCode != 200 {
		t.Errorf("the pinned date asked for: %d", res.StatusCode)
	}
}

// TestCatalogueAndHealth covers the GET endpoints.
func TestCatalogueAndHealth(t *testing.T) {
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := start(t, serve.Options{Rules: p.Catalogue().Rules()})
	res, body := ts.get(t, "/healthz")
	if res.StatusCode != 200 || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("healthz: %d %s", res.StatusCode, body)
	}
	res, body = ts.get(t, "/v1/rules")
	var rules struct{ Rules []struct{ ID string } }
	if err := json.Unmarshal(body, &rules); err != nil || res.StatusCode != 200 || len(rules.Rules) != len(p.Catalogue().Rules()) {
		t.Errorf("rules: %d %v, %d rules", res.StatusCode, err, len(rules.Rules))
	}
	if res, _ := ts.get(t, "/v1/frameworks"); res.StatusCode != 200 {
		t.Errorf("frameworks: %d", res.StatusCode)
	}
}

// TestPageStaysAtHome checks the page and its files: a strict policy,
// every file from this server, and the form generated from the schema.
func TestPageStaysAtHome(t *testing.T) {
	ts := start(t, serve.Options{})
	res, body := ts.get(t, "/")
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Fatalf("%d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	page := string(body)
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "/") && !strings.HasPrefix(m[1], "#") {
			t.Errorf("the page refers outside: %s", m[0])
		}
		if strings.HasPrefix(m[1], "/assets/") {
			if r, _ := ts.get(t, m[1]); r.StatusCode != 200 {
				t.Errorf("%s: %d", m[1], r.StatusCode)
			}
		}
	}
	for _, want := range []string{`data-key="partners"`, `id="paste"`, `<script src="/assets/app.js" defer>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script>") || strings.Contains(page, " style=") {
		t.Errorf("the page has inline script or style, which its policy forbids")
	}
}

// TestYAMLDownloadKeepsTheDescriptor turns the form's JSON into YAML and
// reads it back as the same descriptor, in the same order.
func TestYAMLDownloadKeepsTheDescriptor(t *testing.T) {
	ts := start(t, serve.Options{})
	in := `{"schema":"cgcheck/partnership/v1","id":"x","name":"Yes","area":"Inverclyde","lifecycle":{"start":"2008-10-01"},"partners":[{"id":"a","name":"0123","role":"core"}],"monitoring":{"measures":[{"id":"m","baseline":{"value":1.5,"date":"2008-01-01"}}]}}`
	res, out := ts.post(t, "/v1/yaml", "application/json", []byte(in))
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, out)
	}
	text := string(out)
	if strings.Contains(text, "{") || strings.Index(text, "schema:") > strings.Index(text, "partners:") {
		t.Errorf("not block YAML in the order given:\n%s", text)
	}
	a, err := descriptor.Parse([]byte(in), descriptor.JSON)
	if err != nil {
		t.Fatal(err)
	}
	b, err := descriptor.Parse(out, descriptor.YAML)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	ja, _ := json.Marshal(a.Value)
	jb, _ := json.Marshal(b.Value)
	if !bytes.Equal(ja, jb) {
		t.Errorf("the YAML reads as\n%s\nnot\n%s", jb, ja)
	}
}

// TestShutdownFinishesRequests stops the server while a check is under way:
// the check is answered, then the server returns.
func TestShutdownFinishesRequests(t *testing.T) {
	inner := prepare(t, nil)
	entered := make(chan struct{})
	release := make(chan struct{})
	srv, err := serve.New(serve.Options{MaxChecks: 2, Header: report.Run{ToolName: "cgcheck"}, Prepare: func(ctx context.Context, today string) (*check.Checker, error) {
		close(entered)
		<-release
		return inner(ctx, today)
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrs <- a }) }()
	addr := <-addrs
	answered := make(chan int, 1)
	go func() {
		res, err := http.Post("http://"+addr.String()+"/v1/check", "application/yaml", bytes.NewReader(example(t, "no-lead.yaml")))
		if err != nil {
			answered <- 0
			return
		}
		res.Body.Close()
		answered <- res.StatusCode
	}()
	<-entered
	cancel()
	time.Sleep(100 * time.Millisecond) // the server has stopped listening
	if _, err := http.Get("http://" + addr.String() + "/healthz"); err == nil {
		t.Errorf("a new request was taken after the stop")
	}
	close(release)
	if code := <-answered; code != 200 {
		t.Errorf("the request under way: %d", code)
	}
	if err := <-done; err != nil {
		t.Errorf("stopping: %v", err)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true, ":8080": false, "0.0.0.0:80": false, "192.168.1.4:80": false} {
		if serve.IsLoopback(addr) != want {
			t.Errorf("%s: %v", addr, !want)
		}
	}
}

func discoverSource(path string) discover.Source { return discover.Source{Path: path, Explicit: true} }
