// Command count reads cgcheck's JSON report and prints how many documents
// it covers and how many registry findings it has, separated by a space:
//
//	cgcheck check -o json DIR > report.json; go run ./bench/count report.json
//
// bench/run.sh uses it to check that a run covered every file and to count
// the registry findings whose growth it reports; a Go program, because the
// machines it runs on may have Go and nothing else (no jq, no Python).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: count REPORT.json")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "count:", err)
		os.Exit(1)
	}
	defer f.Close()
	docs, findings, err := count(f)
	if err != nil {
		fmt.Fprintf(os.Stderr, "count: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Println(docs, findings)
}

// report is the part of cgcheck's JSON report that is counted. Entries
// stay raw: only their number matters, and a 100,000-file report is large.
type report struct {
	Documents []json.RawMessage `json:"documents"`
	Registry  *struct {
		Findings []json.RawMessage `json:"findings"`
	} `json:"registry"`
}

// count returns the number of documents and of registry findings in a JSON
// report. A report without a registry section (one file checked alone) has
// no registry findings; one without a documents list is not a report.
func count(r io.Reader) (docs, findings int, err error) {
	var rep report
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return 0, 0, err
	}
	if rep.Documents == nil {
		return 0, 0, fmt.Errorf("no documents list: not a cgcheck JSON report")
	}
	if rep.Registry != nil {
		findings = len(rep.Registry.Findings)
	}
	return len(rep.Documents), findings, nil
}
