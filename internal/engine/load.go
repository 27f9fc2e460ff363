// Package engine loads the embedded and custom Rego policies once, compiles
// them inside a sandbox, and evaluates many descriptors concurrently with one
// prepared query.
package engine

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/types"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/safeio"
	"example.org/cgcheck/policies"
)

// Policies are the compiled built-in and custom policies with their catalogue.
type Policies struct {
	compiler    *ast.Compiler
	catalogue   *catalogue.Catalogue
	hasWaivers  bool
	moduleCount int
	digest      [sha256.Size]byte
	sources     []Source // every module's file, in Sources' order (sources.go)
}

// Digest identifies the policies' sources: it differs whenever a policy
// file's name or text does (the built-in ones or a custom one), so results
// worked out under other policies are never taken for these.
func (p *Policies) Digest() [sha256.Size]byte { return p.digest }

// Catalogue returns the rules the policies declare.
func (p *Policies) Catalogue() *catalogue.Catalogue { return p.catalogue }

// PolicyError is a policy that cannot be used: it does not parse or compile,
// lacks required METADATA, clashes with a built-in rule, or calls a builtin
// the sandbox forbids. It names the file, line and column.
type PolicyError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *PolicyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// PolicyErrors lists every problem found while loading policies.
type PolicyErrors []*PolicyError

func (e PolicyErrors) Error() string {
	msgs := make([]string, len(e))
	for i, pe := range e {
		msgs[i] = pe.Error()
	}
	return strings.Join(msgs, "\n")
}

// Rego's time builtins read the local time zone ("Local" in time.clock,
// time.date and time.weekday; zone abbreviations in time.parse_ns), which
// comes from the TZ environment: the same policy gave pass, warn or fail
// by TZ. Evaluation must not depend on the environment, so in cgcheck local
// time is UTC.
func init() { time.Local = time.UTC }

// sameDir is a folder's identity for telling two names of it apart: its
// absolute path with links followed, as far as they can be.
func sameDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// builtinPrefix is the package namespace reserved for cgcheck's own policies;
// a custom policy may not add rules to it (it could change a built-in rule).
const builtinPrefix = "data.cgcheck"

// Load parses and compiles the embedded policies plus every *.rego file
// (tests excluded) under the custom directories.
func Load(customDirs []string) (*Policies, error) {
	modules := map[string]*ast.Module{}
	var errs PolicyErrors
	sources := sha256.New()
	builtinTexts := map[string][]byte{}
	readBuiltin := keepText(func(p string) ([]byte, error) { return fs.ReadFile(policies.FS, p) }, builtinTexts)
	if err := parseFS(policies.FS, ".", "policies", readBuiltin, modules, sources, &errs); err != nil {
		return nil, fmt.Errorf("load built-in policies: %w", err)
	}
	if len(errs) > 0 {
		return nil, errs // a broken build, not a user error
	}
	builtin := map[string]bool{}
	var files []Source
	for name, m := range modules {
		builtin[name] = true
		rel := strings.TrimPrefix(name, "policies/")
		files = append(files, Source{Name: name, Rel: rel, Package: m.Package.Path, Text: builtinTexts[rel]})
	}
	seenDirs := map[string]bool{}
	for folder, dir := range customDirs {
		// A folder named twice (in the config file and on the command
		// line, or as dir and ./dir/) is loaded once: its packages would
		// otherwise be declared twice.
		same := sameDir(dir)
		if seenDirs[same] {
			continue
		}
		seenDirs[same] = true
		info, err := os.Stat(dir)
		if err != nil {
			return nil, PolicyErrors{{File: dir, Msg: "policy directory cannot be read: " + reason(err)}}
		}
		if !info.IsDir() {
			return nil, PolicyErrors{{File: dir, Msg: "--policy takes a directory of .rego files"}}
		}
		custom := map[string]*ast.Module{}
		prefix := filepath.ToSlash(filepath.Clean(dir))
		// Files are read without waiting: a named pipe called x.rego is
		// refused, not waited on for ever.
		texts := map[string][]byte{}
		read := keepText(func(p string) ([]byte, error) {
			return safeio.ReadRegular(filepath.Join(dir, filepath.FromSlash(p)), maxPolicyBytes)
		}, texts)
		if err := parseFS(os.DirFS(dir), ".", prefix, read, custom, sources, &errs); err != nil {
			return nil, PolicyErrors{{File: dir, Msg: reason(err)}}
		}
		// A custom module is known by its path as the user gave it, which
		// can be a built-in module's ("--policy policies" from a checkout
		// of cgcheck): it then goes by its absolute path, so it can never
		// take a built-in module's place. Its messages still name the path
		// as given. A folder given twice is loaded once.
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, PolicyErrors{{File: dir, Msg: reason(err)}}
		}
		for name, m := range custom {
			rel := strings.TrimPrefix(name, prefix+"/")
			if _, taken := modules[name]; taken {
				name = path.Join(filepath.ToSlash(abs), rel)
			}
			if _, taken := modules[name]; taken {
				continue
			}
			modules[name] = m
			files = append(files, Source{Name: name, Folder: folder + 1, Rel: rel, Package: m.Package.Path, Text: texts[rel]})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for name, m := range modules {
		if builtin[name] {
			continue
		}
		if p := m.Package.Path.String(); p == builtinPrefix || strings.HasPrefix(p, builtinPrefix+".") {
			errs = append(errs, errorAt(m.Package.Location, name,
				fmt.Sprintf("package %s is in cgcheck's own namespace; give custom policies a package of their own (e.g. package custom.my_rule)", strings.TrimPrefix(p, "data."))))
		}
		errs = append(errs, checkParamAccess(name, m)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	compiler := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(false)
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, compileErrors(compiler.Errors)
	}

	var rules []*catalogue.Rule
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	// Built-in modules first, so a custom rule that reuses a built-in id is
	// the one reported, at its own METADATA, whatever its directory is called.
	sort.Slice(names, func(i, j int) bool {
		if builtin[names[i]] != builtin[names[j]] {
			return builtin[names[i]]
		}
		return names[i] < names[j]
	})
	seen := map[string]*catalogue.Rule{}
	hasWaivers := false
	for _, name := range names {
		m := modules[name]
		if m.Package.Path.String() == "data.cgcheck.waivers" {
			hasWaivers = true
		}
		r, err := catalogue.FromModule(m, builtin[name])
		if err != nil {
			var me *catalogue.MetadataError
			if errors.As(err, &me) {
				errs = append(errs, &PolicyError{File: me.File, Line: me.Line, Column: me.Column, Msg: me.Msg})
				continue
			}
			return nil, err
		}
		if r == nil {
			if !builtin[name] && definesFindings(m) {
				errs = append(errs, errorAt(m.Package.Location, name,
					"package defines deny/warn rules but no METADATA with custom.id; add a package METADATA block (title, description, custom.id, theme, severity, remediation)"))
			}
			continue
		}
		if !builtin[name] && finding.ToolRule(r.ID) {
			errs = append(errs, errorAt(packageAnnotationLocation(m), name,
				fmt.Sprintf("rule id %q is cgcheck's own (it reports files that cannot be read, break the schema or cannot be evaluated); give this rule an id of its own", r.ID)))
			continue
		}
		if prev, ok := seen[r.ID]; ok {
			owner := "the custom rule in " + prev.File
			if prev.Builtin {
				owner = "a built-in rule (" + prev.File + ")"
			}
			errs = append(errs, errorAt(packageAnnotationLocation(m), name,
				fmt.Sprintf("rule id %q is already used by %s; give this rule an id of its own", r.ID, owner)))
			continue
		}
		seen[r.ID] = r
		rules = append(rules, r)
		if !builtin[name] {
			errs = append(errs, scalarSets(compiler, r)...)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	cat, err := catalogue.New(rules)
	if err != nil {
		return nil, PolicyErrors{{File: "policies", Msg: err.Error()}}
	}
	sortSources(files)
	pol := &Policies{compiler: compiler, catalogue: cat, hasWaivers: hasWaivers, moduleCount: len(modules), sources: files}
	copy(pol.digest[:], sources.Sum(nil))
	return pol, nil
}

// scalarSets finds a custom rule's deny, warn or skip defined as a value
// that can never hold messages (deny := true), and names it at its own line:
// read as a set, such a value would mean "no findings", a silent pass. What
// the type checker cannot tell at load (deny := input.x) is checked for each
// document (Evaluator.members).
func scalarSets(compiler *ast.Compiler, r *catalogue.Rule) PolicyErrors {
	var out PolicyErrors
	for _, set := range []string{"deny", "warn", "skip"} {
		ref, err := ast.ParseRef(r.Package + "." + set)
		if err != nil {
			continue
		}
		defs := compiler.GetRulesExact(ref)
		if len(defs) == 0 {
			continue
		}
		switch t := compiler.TypeEnv.Get(ref); t.(type) {
		case types.Boolean, types.Number, types.String, types.Null:
			out = append(out, errorAt(defs[0].Location, r.File,
				fmt.Sprintf("%s gives a %s, but it must be a set of messages, as in `%s contains msg if { ... }`", set, types.Sprint(t), set)))
		}
	}
	return out
}

// maxPolicyBytes bounds one custom policy file.
const maxPolicyBytes = 4 << 20

// parseFS parses every non-test .rego file under root of fsys, reading each
// with read (nil: fs.ReadFile of fsys). Files are named prefix/relative-path
// in messages. Each file's name and text are added to sources, in the walk's
// (lexical) order.
func parseFS(fsys fs.FS, root, prefix string, read func(string) ([]byte, error), modules map[string]*ast.Module, sources hash.Hash, errs *PolicyErrors) error {
	if read == nil {
		read = func(p string) ([]byte, error) { return fs.ReadFile(fsys, p) }
	}
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		src, err := read(p)
		if err != nil {
			return err
		}
		name := path.Join(prefix, p)
		fmt.Fprintf(sources, "%d:%s%d:", len(name), name, len(src))
		sources.Write(src)
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
			ProcessAnnotation: true,
			RegoVersion:       ast.RegoV1,
		})
		if err != nil {
			*errs = append(*errs, compileErrors(err)...)
			return nil
		}
		modules[name] = m
		return nil
	})
}

// definesFindings reports whether a module has rules conftest and cgcheck
// would read as findings.
func definesFindings(m *ast.Module) bool {
	for _, r := range m.Rules {
		switch r.Head.Name.String() {
		case "deny", "warn":
			return true
		}
	}
	return false
}

// packageAnnotationLocation is where a module's package METADATA starts, or
// its package clause when it has none.
func packageAnnotationLocation(m *ast.Module) *ast.Location {
	for _, a := range m.Annotations {
		if a.Scope == "package" && a.Location != nil {
			return a.Location
		}
	}
	return m.Package.Location
}

func errorAt(loc *ast.Location, file, msg string) *PolicyError {
	pe := &PolicyError{File: file, Msg: msg}
	if loc != nil {
		pe.File, pe.Line, pe.Column = loc.File, loc.Row, loc.Col
	}
	return pe
}

// compileErrors converts OPA's parse and compile errors, explaining the ones
// the sandbox causes.
func compileErrors(err error) PolicyErrors {
	var astErrs ast.Errors
	if !errors.As(err, &astErrs) {
		return PolicyErrors{{File: "policies", Msg: err.Error()}}
	}
	var out PolicyErrors
	for _, e := range astErrs {
		msg := e.Message
		if name, ok := strings.CutPrefix(msg, "undefined function "); ok {
			if why, ok := forbiddenReason(name); ok {
				msg = fmt.Sprintf("builtin %s is not allowed in cgcheck policies: %s", name, why)
			}
		}
		pe := &PolicyError{File: "policies", Msg: msg}
		if e.Location != nil {
			pe.File, pe.Line, pe.Column = e.Location.File, e.Location.Row, e.Location.Col
		}
		out = append(out, pe)
	}
	return out
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
