package engine

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbiddenBuiltins are refused in every policy, with the reason users see.
// Policies judge the descriptor they are given and nothing else: results
// must not depend on the network, the machine or the moment they run.
// Capabilities also drops every other builtin OPA marks non-deterministic.
var forbiddenBuiltins = map[string]string{
	"http.send":            "policies may not reach the network",
	"opa.runtime":          "policies may not read the environment or OPA's configuration",
	"time.now_ns":          "policies may not read the clock; use data.cgcheck.today (set with --today) so results are reproducible",
	"rand.intn":            "policies must be deterministic",
	"uuid.rfc4122":         "policies must be deterministic",
	"io.jwt.decode_verify": "it reads the clock; policies must be reproducible",
	"trace":                "tracing is not available in cgcheck",
	// A single call of these can run past every limit: a template's range
	// or nesting runs inside one call, where no timeout reaches it, and all
	// paths of a graph grow exponentially with its size.
	"strings.render_template": "it runs Go templates, whose loops and nesting no time limit can stop; build text with sprintf and concat",
	"graph.reachable_paths":   "it lists every path, which grows exponentially with the graph; use graph.reachable",
	// Without a time in the options, verification checks expiry against the
	// clock; OPA does not mark these non-deterministic.
	"crypto.x509.parse_and_verify_certificates":              "it reads the clock (certificates expire); policies must be reproducible",
	"crypto.x509.parse_and_verify_certificates_with_options": "it reads the clock (certificates expire); policies must be reproducible",
}

// forbidden reports whether policies may not call the builtin b, and why.
func forbidden(b *ast.Builtin) (string, bool) {
	if why, ok := forbiddenBuiltins[b.Name]; ok {
		return why, true
	}
	if strings.HasPrefix(b.Name, "net.") {
		return "policies may not reach the network", true
	}
	if b.Nondeterministic {
		return "policies must be deterministic", true
	}
	return "", false
}

// Capabilities returns the builtins policies may use: OPA's own, less
// network access, the runtime environment, every non-deterministic builtin
// (which includes the clock) and the certificate checks that read the
// clock. Tests of the Rego use the same capabilities, so nothing passes
// there that production would refuse.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := make([]*ast.Builtin, 0, len(caps.Builtins))
	for _, b := range caps.Builtins {
		if _, no := forbidden(b); !no {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// forbiddenReason explains why a builtin named in a compile error is missing,
// or returns false when it is not one the sandbox removed.
func forbiddenReason(name string) (string, bool) {
	if b, ok := ast.BuiltinMap[name]; ok {
		return forbidden(b)
	}
	return "", false
}
