package catalogue

import "example.org/cgcheck/internal/finding"

// ToolRules describe the checks cgcheck makes itself rather than through a
// policy: a file it cannot read as a descriptor (finding.RuleParse), a
// descriptor that breaks the schema (finding.RuleSchema), policies that
// could not be evaluated (finding.RuleEvaluation), and a document not
// finished in the time allowed for each (finding.RuleTimeout). Their findings name them
// by id like any other, so reporters find their title and remediation the
// same way as a policy's.
//
// They live here, beside the Rule type, because this package is where rule
// metadata is kept and every reporter already reads it; they are kept out of
// the Catalogue (New) on purpose, so `cgcheck rules`, the rules docs and
// config's rule ids stay the policies' alone. Each call returns fresh
// values, so no caller can change another's.
func ToolRules() []*Rule {
	tool := func(id, title, description, remediation string) *Rule {
		return &Rule{
			ID: id, Theme: "integrity", Severity: "fail", Levels: []string{"fail"}, Builtin: true,
			Title: title, Description: description, Remediation: remediation,
		}
	}
	return []*Rule{
		tool(finding.RuleParse, "Readable descriptor",
			"The file is one well-formed JSON or YAML descriptor in UTF-8. A file that cannot be read as one is a failure, and none of the study's rules can be checked on it.",
			// One remediation for both ways a file fails to be read, since
			// the finding's message already says which it is: cannot be
			// opened (a folder, a pipe, no permission, gone) or is not a
			// descriptor's text. Written for the people who keep the
			// descriptors, not for programmers.
			"Make sure this is an ordinary file (not a folder) that the person running cgcheck is allowed to open, "+
				"and that it holds one complete descriptor written in JSON or YAML and saved as UTF-8 text; the message says which of these is wrong. "+
				"If the file is not a descriptor, leave it out of the paths checked. The other files are checked regardless."),
		tool(finding.RuleSchema, "Descriptor matches the schema",
			"The descriptor matches the descriptor format's JSON Schema (format v1). Each violation is a failure, and the study's rules are skipped until the descriptor matches.",
			"Correct this field so the descriptor matches format v1 (descriptor.md; `cgcheck schema` prints the JSON Schema). The study's rules are checked once it does."),
		tool(finding.RuleEvaluation, "Policies evaluated",
			"The policies could be evaluated on the descriptor. When they cannot (a custom policy failing), the study's rules are skipped and the document fails.",
			"If a custom policy is involved, fix or remove it; the message names it. Otherwise report this as a bug in cgcheck."),
		tool(finding.RuleTimeout, "Finished in time",
			"The descriptor was read, parsed, checked against the schema and judged by the policies within the time allowed for each document (--eval-timeout, 10 seconds unless set). A document that takes longer is stopped and fails, its rules are skipped, and the other documents are checked regardless.",
			"A descriptor of ordinary size takes well under a second. If this file is very large, check that it holds one partnership's descriptor and nothing else; if a custom policy is involved, it may be too slow. "+
				"If the file is right as it is, allow more time for each document with --eval-timeout (or eval-timeout in the configuration file)."),
	}
}
