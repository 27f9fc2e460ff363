package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/descdiff"
)

// DescriptorDiff is what changed between two versions of one descriptor:
// the changes in what it says, and the findings that changed with them.
type DescriptorDiff struct {
	Old     string            `json:"old"`
	New     string            `json:"new"`
	Name    string            `json:"name,omitempty"`
	Changes []descdiff.Change `json:"changes"`
	// Findings are the warn and fail findings new, resolved, persisting
	// and not judged between the two versions, as compare gives them.
	Findings compare.Changes `json:"findings"`
}

// DiffFormats are the formats `cgcheck diff` writes.
var DiffFormats = []string{"text", "json", "markdown"}

// WriteDescriptorDiff writes a descriptor diff in one of DiffFormats.
func WriteDescriptorDiff(w io.Writer, format string, d DescriptorDiff) error {
	switch format {
	case "json":
		b, err := marshal(d, "")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "text", "markdown":
		return descriptorDiffLines(w, format == "markdown", d)
	}
	return fmt.Errorf("unknown format %q for diff; use %s", format, strings.Join(DiffFormats, ", "))
}

// descriptorDiffLines writes the text and Markdown forms, which differ only
// in their headings and escaping. A change to look at twice (a target
// made less ambitious, a contribution cut) is marked "!".
func descriptorDiffLines(w io.Writer, md bool, d DescriptorDiff) error {
	esc, heading, item := safeText, "%s\n", "  %s%s\n"
	if md {
		esc, heading, item = mdText, "\n## %s\n\n", "- %s%s\n"
	}
	bw := bufio.NewWriter(w)
	title := fmt.Sprintf("Changes from %s to %s", d.Old, d.New)
	if d.Name != "" {
		title += ": " + d.Name
	}
	if md {
		fmt.Fprintf(bw, "# %s\n", esc(title))
	} else {
		fmt.Fprintln(bw, esc(title))
	}
	weaker := 0
	for _, section := range descdiff.Sections {
		first := true
		for _, c := range d.Changes {
			if c.Section != section {
				continue
			}
			if first {
				fmt.Fprintf(bw, heading, section)
				first = false
			}
			if c.Weaker {
				weaker++
			}
			fmt.Fprintf(bw, item, changeMark(md, c.Weaker), esc(c.Text))
		}
	}
	if len(d.Changes) == 0 {
		fmt.Fprintf(bw, heading, "No change in what the descriptor says")
	}
	if n := len(d.Findings.New) + len(d.Findings.Resolved) + len(d.Findings.NotChecked); n > 0 {
		fmt.Fprintf(bw, heading, "Findings that changed")
		for _, part := range []struct {
			label string
			items []compare.Item
		}{{"NEW", d.Findings.New}, {"RESOLVED", d.Findings.Resolved}, {"NOT CHECKED NOW", d.Findings.NotChecked}} {
			for _, it := range part.items {
				fmt.Fprintf(bw, item, part.label+" ", esc(itemText(it)))
			}
		}
	}
	summary := fmt.Sprintf("%d %s (%d to look at again); findings: %d new, %d resolved, %d persisting",
		len(d.Changes), plural(len(d.Changes), "change", "changes"), weaker, len(d.Findings.New), len(d.Findings.Resolved), len(d.Findings.Persisting))
	if n := len(d.Findings.NotChecked); n > 0 {
		summary += fmt.Sprintf(", %d not checked now (the new version does not pass the schema, so its rules did not run)", n)
	}
	if md {
		fmt.Fprintf(bw, "\n**%s**\n", esc(summary))
	} else {
		fmt.Fprintln(bw, summary)
	}
	return bw.Flush()
}

// changeMark begins a change's line: "! " (text) or "**Look again:** "
// (Markdown) for one to look at twice, else "- " (text) or nothing (the
// Markdown list item has its own mark).
func changeMark(md, weaker bool) string {
	switch {
	case md && weaker:
		return "**Look again:** "
	case md:
		return ""
	case weaker:
		return "! "
	}
	return "- "
}
