package engine

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"example.org/cgcheck/internal/frameworks"
)

// builtinFrameworksRef is where the policies declare the outcome frameworks
// cgcheck knows without configuration. They are written once, in Rego, so
// that stock opa and conftest, which run the policies without cgcheck's
// data, judge outcome links the same way.
const builtinFrameworksRef = "data.cgcheck.lib.builtin_frameworks"

// BuiltinFrameworks reads the built-in outcome frameworks from the policies.
func (p *Policies) BuiltinFrameworks(ctx context.Context) ([]frameworks.Framework, error) {
	rs, err := rego.New(
		rego.Compiler(p.compiler),
		rego.Store(inmem.New()),
		rego.Query(builtinFrameworksRef),
		rego.Capabilities(Capabilities()),
		rego.StrictBuiltinErrors(true),
	).Eval(ctx)
	if err != nil {
		return nil, fmt.Errorf("read built-in frameworks: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, fmt.Errorf("read built-in frameworks: %s is not defined", builtinFrameworksRef)
	}
	return frameworks.FromData(rs[0].Expressions[0].Value, frameworks.Builtin)
}
