// Command serveload is the load test of cgcheck serve (bench/serve.sh runs
// it): C clients send N descriptors in all to POST /v1/check, each answer is
// held to the status cgcheck check gave the same file, and the latencies are
// summed up. A 503 is counted and retried after its Retry-After, as a
// well-behaved client would; its latency runs from the first attempt.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type example struct {
	name, contentType, status string
	data                      []byte
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server")
	n := flag.Int("n", 1000, "requests in all")
	c := flag.Int("c", 4, "clients at once")
	expect := flag.String("expect", "", "JSON report of cgcheck check over the examples (their expected statuses)")
	today := flag.String("today", "2008-10-01", "as-of date of the checks")
	flag.Parse()
	examples, err := load(*expect)
	if err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(2)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *c}, Timeout: 2 * time.Minute}
	var next, wrong, retried atomic.Int64
	latencies := make([]time.Duration, *n)
	var failures sync.Map
	var wg sync.WaitGroup
	start := time.Now()
	for range *c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= *n {
					return
				}
				ex := examples[i%len(examples)]
				began := time.Now()
				for {
					res, err := client.Post(*base+"/v1/check?format=json&today="+*today, ex.contentType, bytes.NewReader(ex.data))
					if err != nil {
						wrong.Add(1)
						failures.Store(ex.name, err.Error())
						break
					}
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					if res.StatusCode == http.StatusServiceUnavailable {
						retried.Add(1)
						wait, _ := strconv.Atoi(res.Header.Get("Retry-After"))
						time.Sleep(time.Duration(wait) * time.Second)
						continue
					}
					if !right(res, body, ex.status) {
						wrong.Add(1)
						failures.Store(ex.name, fmt.Sprintf("%d %s", res.StatusCode, res.Header.Get("Cgcheck-Status")))
					}
					break
				}
				latencies[i] = time.Since(began)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) string {
		return fmt.Sprintf("%.1f", float64(latencies[int(p*float64(len(latencies)-1))].Microseconds())/1000)
	}
	fmt.Printf("| %d | %d | %d | %d | %s | %s | %s | %s | %.0f |\n", *c, *n, int64(*n)-wrong.Load(), retried.Load(),
		pct(0.50), pct(0.90), pct(0.99), pct(1), float64(*n)/elapsed.Seconds())
	failures.Range(func(k, v any) bool {
		fmt.Fprintf(os.Stderr, "serveload: wrong answer for %s: %s\n", k, v)
		return true
	})
	if wrong.Load() > 0 {
		os.Exit(1)
	}
}

// right holds an answer to the status cgcheck check gave the file.
func right(res *http.Response, body []byte, want string) bool {
	if res.StatusCode != http.StatusOK || res.Header.Get("Cgcheck-Status") != want {
		return false
	}
	var rep struct {
		Documents []struct{ Status string } `json:"documents"`
	}
	return json.Unmarshal(body, &rep) == nil && len(rep.Documents) == 1 && rep.Documents[0].Status == want
}

// load reads the examples named in the check report, with their statuses.
func load(report string) ([]example, error) {
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, err
	}
	var rep struct {
		Documents []struct{ File, Status string } `json:"documents"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("%s: %w", report, err)
	}
	var out []example
	for _, d := range rep.Documents {
		b, err := os.ReadFile(d.File)
		if err != nil {
			return nil, err
		}
		ct := "application/yaml"
		if filepath.Ext(d.File) == ".json" {
			ct = "application/json"
		}
		out = append(out, example{name: d.File, contentType: ct, status: d.Status, data: b})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s names no documents", report)
	}
	return out, nil
}
