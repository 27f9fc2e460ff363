package engine_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/builtins.golden")

// outside are builtins (by name, or a prefix of their names) that reach
// beyond the descriptor a policy is given: the network (http.send, net.*),
// the environment (opa.runtime), the clock (time.now_ns, JWT and certificate
// verification, which check expiry against it) or chance (rand.*, UUIDs,
// signing with random nonces), plus schema matching, which may fetch remote
// $refs, and trace, which writes where policies may not.
var outside = []string{
	"http.", "net.", "opa.runtime", "time.now_ns", "rand.", "uuid.rfc4122",
	"io.jwt.decode_verify", "io.jwt.encode_sign", "crypto.x509.parse_and_verify_certificates",
	"json.match_schema", "json.verify_schema", "trace",
}

func kept() map[string]*ast.Builtin {
	out := map[string]*ast.Builtin{}
	for _, b := range engine.Capabilities().Builtins {
		out[b.Name] = b
	}
	return out
}

// TestCapabilitiesReachNothingOutside: no builtin policies may call reaches
// the network, the environment, the file system or the clock, or is
// non-deterministic; and policies may not name a host to reach.
//
// The list of builtins policies may call is also kept in
// testdata/builtins.golden, so that a new OPA's new builtins fail this test
// until someone has looked at each: one that can reach outside goes into
// forbiddenBuiltins in sandbox.go, the others into the golden file (go test
// -run TestCapabilitiesReachNothingOutside -update). The time.* builtins
// that take a time zone read the time zone database, which OPA embeds; they
// stay, as dates are what many rules are about.
func TestCapabilitiesReachNothingOutside(t *testing.T) {
	t.Parallel()
	caps := engine.Capabilities()
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %#v, want an empty list (no host at all)", caps.AllowNet)
	}
	var names []string
	for name, b := range kept() {
		names = append(names, name)
		if b.Nondeterministic {
			t.Errorf("builtin %s is non-deterministic but policies may call it", name)
		}
		for _, o := range outside {
			if strings.HasPrefix(name, o) {
				t.Errorf("builtin %s reaches outside the descriptor but policies may call it", name)
			}
		}
	}
	for _, o := range outside {
		if !strings.HasSuffix(o, ".") && ast.BuiltinMap[o] == nil {
			t.Errorf("%s is not an OPA builtin any more: is the list of forbidden builtins out of date?", o)
		}
	}

	slices.Sort(names)
	got := strings.Join(names, "\n") + "\n"
	golden := filepath.Join("testdata", "builtins.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("the builtins policies may call have changed (-before +now); "+
			"make sure none added can reach the network, the environment, the file system or the clock "+
			"(or forbid it in sandbox.go), then rerun with -update:\n%s", diff)
	}
}

// TestEveryRemovedBuiltinIsRefused: a custom policy calling any builtin the
// sandbox removes is refused at load, with a message naming the builtin and
// saying why.
func TestEveryRemovedBuiltinIsRefused(t *testing.T) {
	t.Parallel()
	allowed := kept()
	var removed []*ast.Builtin
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if allowed[b.Name] == nil {
			removed = append(removed, b)
		}
	}
	for _, name := range []string{"http.send", "opa.runtime", "time.now_ns", "net.lookup_ip_addr", "rand.intn", "uuid.rfc4122", "io.jwt.decode_verify", "crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options"} {
		if !slices.ContainsFunc(removed, func(b *ast.Builtin) bool { return b.Name == name }) {
			t.Errorf("%s is not removed from the sandbox", name)
		}
	}
	for _, b := range removed {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			var args []string
			for i := range b.Decl.FuncArgs().Args {
				args = append(args, fmt.Sprintf("input.a%d", i))
			}
			rule := fmt.Sprintf("deny contains \"x\" if { %s(%s) }\n", b.Name, strings.Join(args, ", "))
			_, err := engine.Load([]string{writePolicy(t, map[string]string{"bad.rego": customHeader + "\n" + rule})})
			if err == nil {
				t.Fatalf("a policy calling %s loaded; want it refused", b.Name)
			}
			want := "builtin " + b.Name + " is not allowed in cgcheck policies: "
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not contain %q", err, want)
			}
		})
	}
}
