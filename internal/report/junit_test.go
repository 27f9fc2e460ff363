package report_test

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/testtool"
)

// junitDoc is a JUnit report read back.
type junitDoc struct {
	XMLName xml.Name   `xml:"testsuites"`
	Attrs   []xml.Attr `xml:",any,attr"`
	Suites  []struct {
		ID        int         `xml:"id,attr"`
		Name      string      `xml:"name,attr"`
		Tests     int         `xml:"tests,attr"`
		Failures  int         `xml:"failures,attr"`
		Errors    int         `xml:"errors,attr"`
		Skipped   int         `xml:"skipped,attr"`
		Timestamp string      `xml:"timestamp,attr"`
		Cases     []junitCase `xml:"testcase"`
		SystemOut string      `xml:"system-out"`
	} `xml:"testsuite"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitProblem `xml:"skipped"`
}

// outcome names how a testcase ended: pass, skipped, failure:TYPE or
// error:TYPE.
func (c junitCase) outcome() string {
	switch {
	case c.Failure != nil:
		return "failure:" + c.Failure.Type
	case c.Error != nil:
		return "error:" + c.Error.Type
	case c.Skipped != nil:
		return "skipped"
	}
	return "pass"
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

func readJUnit(t *testing.T, out []byte) junitDoc {
	t.Helper()
	var d junitDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("output is not XML: %v\n%s", err, out)
	}
	return d
}

// TestJUnitMatchesSchema validates JUnit output with xmllint against the
// Ant JUnit schema from ../shared, for the sample run (both --fail-on), a
// run of names and messages that need escaping, and a run with nothing.
func TestJUnitMatchesSchema(t *testing.T) {
	t.Parallel()
	xmllint := testtool.Look(t, "xmllint", "apt-get install libxml2-utils")
	xsd := testtool.SharedFile(t, "schemas/junit.xsd")
	failOnWarn := sampleRun()
	failOnWarn.FailOn = finding.Warn
	hdocs, hs, hreg := hostile()
	cases := map[string][]byte{
		"sample":       render(t, "junit", sampleRun()),
		"fail-on-warn": render(t, "junit", failOnWarn),
		"hostile":      renderDocs(t, "junit", sampleRun(), hdocs, hs, hreg),
		"empty":        renderDocs(t, "junit", report.Run{Today: "2008-10-01"}, nil, finding.Summary{}, finding.Registry{Status: finding.Pass}),
		"no today":     renderDocs(t, "junit", report.Run{}, hdocs, hs, hreg),
	}
	dir := t.TempDir()
	for name, out := range cases {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".xml")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, path)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: xmllint: %v\n%s\n%s", name, err, msg, out)
		}
	}
}

// TestJUnitCounts: the counts of each suite are those of its testcases, a
// rule is one testcase however many findings it has, and the statuses map
// to failure, error, skipped or a pass as --fail-on says.
func TestJUnitCounts(t *testing.T) {
	t.Parallel()
	type kase struct{ name, classname, outcome string }
	type suite struct {
		name  string
		cases []kase
	}
	failOnWarn := sampleRun()
	failOnWarn.FailOn = finding.Warn
	hdocs, hs, hreg := hostile()
	for _, tc := range []struct {
		name string
		out  []byte
		want []suite
	}{
		{"fail-on fail", render(t, "junit", sampleRun()), []suite{
			{"registry/civic.yaml", []kase{{"single-lead", "governance", "pass"}, {"structure-review", "governance", "skipped"}, {"outcome-link", "purpose", "pass"}}},
			{"registry/korsakoff.yaml", []kase{{"single-lead", "governance", "failure:fail"}, {"evidence-base", "evidence", "pass"}, {"group-size", "governance", "pass"}}},
			{"registry/broken.json", []kase{{"parse", "integrity", "error:parse"}}},
			{"registry", []kase{{"unique-ids", "registry", "failure:fail"}, {"shared-people", "registry", "pass"}}},
		}},
		{"fail-on warn", render(t, "junit", failOnWarn), []suite{
			{"registry/civic.yaml", []kase{{"single-lead", "governance", "pass"}, {"structure-review", "governance", "skipped"}, {"outcome-link", "purpose", "pass"}}},
			{"registry/korsakoff.yaml", []kase{{"single-lead", "governance", "failure:fail"}, {"evidence-base", "evidence", "failure:warn"}, {"group-size", "governance", "pass"}}},
			{"registry/broken.json", []kase{{"parse", "integrity", "error:parse"}}},
			{"registry", []kase{{"unique-ids", "registry", "failure:fail"}, {"shared-people", "registry", "failure:warn"}}},
		}},
		{"hostile", renderDocs(t, "junit", sampleRun(), hdocs, hs, hreg), []suite{
			{"./my docs/Dún Éideann, 50%: <draft>.yaml", []kase{{"single-lead", "governance", "failure:fail"}, {"custom-check", "action", "pass"}}},
			{"/abs/path/b c.json", []kase{{"schema", "integrity", "error:schema"}, {"single-lead", "governance", "skipped"}}},
			{"odd:name.yaml", []kase{{"parse", "integrity", "error:parse"}}},
			{"registry", []kase{{"unique-ids", "registry", "pass"}, {"shared-people", "registry", "pass"}}},
		}},
		{"no registry rules", renderDocs(t, "junit", report.Run{Today: "2008-10-01"}, hdocs[:1], hs, finding.Registry{Status: finding.Pass}), []suite{
			{"./my docs/Dún Éideann, 50%: <draft>.yaml", []kase{{"single-lead", "governance", "failure:fail"}, {"custom-check", "action", "pass"}}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := readJUnit(t, tc.out)
			var got []suite
			for i, s := range d.Suites {
				if s.ID != i {
					t.Errorf("suite %q has id %d, want %d", s.Name, s.ID, i)
				}
				if s.Timestamp != "2008-10-01T00:00:00" {
					t.Errorf("suite %q timestamp %q, want the run's date", s.Name, s.Timestamp)
				}
				gs := suite{name: s.Name}
				var failures, errs, skipped int
				for _, c := range s.Cases {
					o := c.outcome()
					gs.cases = append(gs.cases, kase{c.Name, c.Classname, o})
					switch {
					case strings.HasPrefix(o, "failure"):
						failures++
					case strings.HasPrefix(o, "error"):
						errs++
					case o == "skipped":
						skipped++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != failures || s.Errors != errs || s.Skipped != skipped {
					t.Errorf("suite %q says tests=%d failures=%d errors=%d skipped=%d; its testcases give %d %d %d %d",
						s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), failures, errs, skipped)
				}
				got = append(got, gs)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(suite{}, kase{})); diff != "" {
				t.Errorf("suites (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJUnitKeepsWhatItDoesNotFail: a rule's several findings are joined in
// its one testcase with their places; warnings below --fail-on and waivers
// stay in the suite's output; text survives escaping.
func TestJUnitKeepsWhatItDoesNotFail(t *testing.T) {
	t.Parallel()
	hdocs, hs, hreg := hostile()
	d := readJUnit(t, renderDocs(t, "junit", sampleRun(), hdocs, hs, hreg))
	schema := d.Suites[1].Cases[0].Error
	for _, want := range []string{
		"/abs/path/b c.json:4:3: /lead: missing property 'person'",
		"/abs/path/b c.json:9:10: /start: 'soon' is not a date",
	} {
		if !strings.Contains(schema.Body, want) {
			t.Errorf("schema error body lacks %q:\n%s", want, schema.Body)
		}
	}
	if want := "/lead: missing property 'person'; /start: 'soon' is not a date"; schema.Message != want {
		t.Errorf("schema error message = %q, want %q", schema.Message, want)
	}
	lead := d.Suites[0].Cases[0].Failure
	// The control character cannot be written in XML: it is replaced.
	wantMsg := "lead \"a, b\": 50% <unclear> & ]]> \uFFFDbell\r\nsecond line::error::injected"
	if lead.Message != wantMsg {
		t.Errorf("failure message = %q, want %q", lead.Message, wantMsg)
	}
	if !strings.Contains(d.Suites[0].SystemOut, "WARN  ./my docs/Dún Éideann, 50%: <draft>.yaml:1:1  custom-check  from a custom policy") {
		t.Errorf("the warning is not in system-out: %q", d.Suites[0].SystemOut)
	}
	if got := d.Suites[3].SystemOut; !strings.Contains(got, `WARN  ./my docs/Dún Éideann, 50%: <draft>.yaml, /abs/path/b c.json  shared-people  a person, "J. Smith", leads 3 partnerships`) {
		t.Errorf("the registry warning is not in system-out: %q", got)
	}

	s := readJUnit(t, render(t, "junit", sampleRun()))
	if got := s.Suites[0].SystemOut; !strings.Contains(got, "WAIVED  registry/civic.yaml:7:3  outcome-link") || !strings.Contains(got, "approved by CPP Board, expires 2009-03-31") {
		t.Errorf("the waiver is not in system-out: %q", got)
	}
	if len(s.Attrs) != 0 {
		t.Errorf("<testsuites> has attributes %v, which junit.xsd does not allow", s.Attrs)
	}
}
