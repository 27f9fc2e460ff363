package check

import (
	"context"
	"fmt"
	"sort"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
)

// summarize completes a document's registry summary with its file and the
// line and column of every pointer it carries, so registry findings can name
// a line in each file long after the document itself is gone.
func summarize(summary map[string]any, file string, parsed *descriptor.Document) map[string]any {
	if summary == nil {
		return nil
	}
	positions := map[string]any{}
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			if p, ok := t["pointer"].(string); ok {
				pos := parsed.Locate(p)
				positions[p] = []any{pos.Line, pos.Column}
			}
			for _, child := range t {
				walk(child)
			}
		case []any:
			for _, child := range t {
				walk(child)
			}
		}
	}
	walk(summary)
	for _, p := range []string{"", "/id", "/area", "/status"} {
		pos := parsed.Locate(p)
		positions[p] = []any{pos.Line, pos.Column}
	}
	summary["file"] = file
	summary["positions"] = positions
	return summary
}

// Registry runs the registry rules over the summaries of the documents of a
// run (in run order) and turns their findings into the report's registry
// section. Rules run only when at least two documents were checked.
func (c *Checker) Registry(ctx context.Context, documents int, summaries []map[string]any) (finding.Registry, error) {
	reg := finding.Registry{Status: finding.Pass, Findings: []finding.RegistryFinding{}}
	if documents < 2 || len(c.Evaluator.RegistryRules()) == 0 {
		return reg, nil
	}
	input := make([]any, len(summaries))
	for i, s := range summaries {
		s["index"] = i
		input[i] = s
	}
	outcomes, err := c.Evaluator.EvaluateRegistry(ctx, input)
	if err != nil {
		return reg, fmt.Errorf("registry rules: %w", err)
	}
	for _, o := range outcomes {
		add := func(status finding.Status, m engine.RegistryMessage) {
			f := finding.RegistryFinding{
				Rule: o.Rule.ID, Status: status, Message: m.Msg,
				Section: o.Rule.Section, Quote: o.Rule.Quote, Remediation: o.Rule.Remediation,
				Files: []string{}, Locations: []finding.Location{},
			}
			seen := map[string]bool{}
			for _, l := range m.Locations {
				if l.Index < 0 || l.Index >= len(summaries) {
					continue
				}
				s := summaries[l.Index]
				file, _ := s["file"].(string)
				loc := finding.Location{File: file}
				if pos, ok := s["positions"].(map[string]any)[l.Pointer].([]any); ok && len(pos) == 2 {
					loc.Line, _ = pos[0].(int)
					loc.Column, _ = pos[1].(int)
				}
				f.Locations = append(f.Locations, loc)
				if !seen[file] {
					seen[file] = true
					f.Files = append(f.Files, file)
				}
			}
			sort.Strings(f.Files)
			reg.Findings = append(reg.Findings, f)
			reg.Status = finding.Worst(reg.Status, status)
		}
		for _, m := range o.Deny {
			add(finding.Fail, m)
		}
		for _, m := range o.Warn {
			add(finding.Warn, m)
		}
	}
	return reg, nil
}
