package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/synth"
	"example.org/cgcheck/internal/testtool"
)

// TestTemplateInYAMLLanguageServer opens the template `cgcheck init` writes
// in a real yaml-language-server, the server VS Code's YAML extension and
// other editors run, with no network: the template's first line points at
// the schema init put beside it, so a misspelt field and a value of the
// wrong type are flagged with the schema's messages as the officer types,
// and hovering a field shows the schema's description of it. Before, the
// first line named a web address that serves nothing, and the editor
// validated nothing.
func TestTemplateInYAMLLanguageServer(t *testing.T) {
	server := testtool.Look(t, "yaml-language-server", "npm install yaml-language-server; .ci/run installs it into .ci/bin")
	dir := t.TempDir()
	var stderr bytes.Buffer
	if code := cli.Main(context.Background(), []string{"init", "--today", synth.Today, "p.yaml"}, cli.Streams{
		Stdout: io.Discard, Stderr: &stderr, Dir: dir, Getenv: func(string) string { return "" },
	}); code != 0 {
		t.Fatalf("cgcheck init: exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "p.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	// A slip in a field name, and a list where a text belongs.
	for old, slip := range map[string]string{
		"\n  person: \"REPLACE: the one named lead":                                   "\n  persn: \"REPLACE: the one named lead",
		"\n  task: \"REPLACE: the specific, achievable task or main target outcome\"": "\n  task: [1, 2]",
	} {
		if !strings.Contains(text, old) {
			t.Fatalf("the template has no %q to change", old)
		}
		text = strings.Replace(text, old, slip, 1)
	}
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	lsp := startLSP(t, server)
	root := fileURL(dir)
	docURI := fileURL(path)
	lsp.call(t, "initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": root,
		"workspaceFolders": []map[string]string{{"uri": root, "name": "registry"}},
		"capabilities": map[string]any{
			"workspace":    map[string]any{"configuration": true},
			"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}}, "publishDiagnostics": map[string]any{}},
		},
	})
	lsp.notify(t, "initialized", map[string]any{})
	lsp.notify(t, "workspace/didChangeConfiguration", map[string]any{"settings": yamlSettings})
	lsp.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": docURI, "languageId": "yaml", "version": 1, "text": text,
	}})

	diags := lsp.diagnostics(t, docURI, func(ds []lspDiagnostic) bool { return len(ds) >= 2 })
	var all []string
	for _, d := range diags {
		all = append(all, fmt.Sprintf("%d:%d %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Message))
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"persn", `Expected "string"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("no diagnostic mentions %q; the server said:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "Unable to load schema") {
		t.Errorf("the server could not load the schema:\n%s", joined)
	}

	// Hover over the key "why_partnership" shows the schema's description.
	line, col := position(t, text, "\n  why_partnership:")
	var hover struct {
		Contents any `json:"contents"`
	}
	lsp.request(t, "textDocument/hover", map[string]any{
		"textDocument": map[string]string{"uri": docURI},
		"position":     map[string]int{"line": line, "character": col + 3},
	}, &hover)
	if shown := fmt.Sprint(hover.Contents); !strings.Contains(shown, "The added value over single-agency working") {
		t.Errorf("hover over why_partnership shows %q, not the schema's description", shown)
	}
}

// yamlSettings are the editor's settings: validation and hover on, and no
// schema store (which would reach the network).
var yamlSettings = map[string]any{"yaml": map[string]any{
	"validate": true, "hover": true, "completion": true,
	"schemaStore": map[string]any{"enable": false},
}}

// position is the 0-based line and column of the line after the newline
// that starts marker in text.
func position(t *testing.T, text, marker string) (int, int) {
	t.Helper()
	i := strings.Index(text, marker)
	if i < 0 {
		t.Fatalf("the template has no %q", marker)
	}
	return strings.Count(text[:i+1], "\n"), 0
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

type lspDiagnostic struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
	} `json:"range"`
	Message string `json:"message"`
}

// lspClient speaks the Language Server Protocol to a server on its standard
// input and output: enough of it for one document.
type lspClient struct {
	in      io.Writer
	mu      sync.Mutex
	nextID  int
	replies map[int]chan json.RawMessage
	diags   chan lspPublish
}

type lspPublish struct {
	URI         string          `json:"uri"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
}

func startLSP(t *testing.T, server string) *lspClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, server, "--stdio")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("yaml-language-server's own output:\n%s", logs.String())
		}
	})
	c := &lspClient{in: in, replies: map[int]chan json.RawMessage{}, diags: make(chan lspPublish, 16)}
	go c.read(bufio.NewReader(out))
	return c
}

// read handles what the server sends: replies to our requests, published
// diagnostics, and its own requests (which it waits on, so each gets an
// answer: the settings for workspace/configuration, null otherwise).
func (c *lspClient) read(r *bufio.Reader) {
	for {
		body, err := readMessage(r)
		if err != nil {
			close(c.diags)
			return
		}
		var msg struct {
			ID     *json.RawMessage `json:"id"`
			Method string           `json:"method"`
			Params json.RawMessage  `json:"params"`
			Result json.RawMessage  `json:"result"`
		}
		if json.Unmarshal(body, &msg) != nil {
			continue
		}
		switch {
		case msg.Method == "textDocument/publishDiagnostics":
			var p lspPublish
			if json.Unmarshal(msg.Params, &p) == nil {
				c.diags <- p
			}
		case msg.Method != "" && msg.ID != nil:
			var result any
			if msg.Method == "workspace/configuration" {
				var p struct {
					Items []struct {
						Section string `json:"section"`
					} `json:"items"`
				}
				_ = json.Unmarshal(msg.Params, &p)
				answers := make([]any, len(p.Items))
				for i, item := range p.Items {
					answers[i] = yamlSettings["yaml"]
					if item.Section != "yaml" {
						answers[i] = map[string]any{}
					}
				}
				result = answers
			}
			_ = c.send(map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": result})
		case msg.ID != nil:
			id, err := strconv.Atoi(string(*msg.ID))
			if err != nil {
				continue
			}
			c.mu.Lock()
			ch := c.replies[id]
			c.mu.Unlock()
			if ch != nil {
				ch <- msg.Result
			}
		}
	}
}

func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			if length, err = strconv.Atoi(v); err != nil {
				return nil, err
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("message without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

func (c *lspClient) send(msg any) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err = fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *lspClient) notify(t *testing.T, method string, params any) {
	t.Helper()
	if err := c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params}); err != nil {
		t.Fatal(err)
	}
}

// request sends a request and decodes its result into out, waiting up to
// a minute (the server is slow to start on a loaded machine).
func (c *lspClient) request(t *testing.T, method string, params, out any) {
	t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan json.RawMessage, 1)
	c.replies[id] = ch
	c.mu.Unlock()
	if err := c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		t.Fatal(err)
	}
	select {
	case res := <-ch:
		if out != nil {
			if err := json.Unmarshal(res, out); err != nil {
				t.Fatalf("%s: %v: %s", method, err, res)
			}
		}
	case <-time.After(time.Minute):
		t.Fatalf("no answer to %s within a minute", method)
	}
}

func (c *lspClient) call(t *testing.T, method string, params any) {
	t.Helper()
	c.request(t, method, params, nil)
}

// diagnostics waits for the server to publish diagnostics of uri that
// satisfy done, and returns them.
func (c *lspClient) diagnostics(t *testing.T, uri string, done func([]lspDiagnostic) bool) []lspDiagnostic {
	t.Helper()
	deadline := time.After(time.Minute)
	var last []lspDiagnostic
	for {
		select {
		case p, ok := <-c.diags:
			if !ok {
				t.Fatalf("the server stopped; last diagnostics: %+v", last)
			}
			if p.URI != uri {
				continue
			}
			last = p.Diagnostics
			if done(last) {
				return last
			}
		case <-deadline:
			t.Fatalf("no diagnostics within a minute; last: %+v", last)
		}
	}
}
