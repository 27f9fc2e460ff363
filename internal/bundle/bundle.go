// Package bundle packs cgcheck's policies, as a run of `cgcheck check` would
// use them (built-in and custom policies, parameters, frameworks, disabled
// rules, the as-of date), with the descriptor schema and a generated
// entrypoint, data.cgcheck.main.report, into an OPA bundle that stock
// `opa run --server` and OPA's bundle service serve unchanged.
package bundle

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/storage"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/schemas"
)

// The files of a bundle that are not policies.
const (
	ManifestPath = ".manifest"
	DataPath     = "data.json"
	// SchemaPath holds the descriptor schema, byte for byte: as a data
	// file of its folder it is data.cgcheck.schema, which the entrypoint
	// validates input against.
	SchemaPath = "cgcheck/schema/data.json"
	// MainPath is the generated entrypoint, package cgcheck.main.
	MainPath = "cgcheck/main/main.rego"
	// Entrypoint is the rule a portal queries, as an OPA data path.
	Entrypoint = "cgcheck/main/report"
)

// DecisionTime is the manifest's today when the bundle was built without
// one: each decision is made as of the date it is made (UTC).
const DecisionTime = "the date of each decision (UTC)"

// Options are what goes into a bundle.
type Options struct {
	// Policies are the loaded policies, built-in and custom.
	Policies *engine.Policies
	// Settings are the run's, as `cgcheck check` would use them; Timeout
	// is not used.
	Settings engine.Settings
	// TodayPinned keeps Settings.Today in the bundle. Otherwise the bundle
	// holds no date and the entrypoint judges as of the date of each
	// decision, so a bundle served for months does not judge dates as of
	// the day it was built.
	TodayPinned bool
	// CatalogueVersion and Version (cgcheck's) go into the manifest.
	CatalogueVersion string
	Version          string
}

// File is one file of a bundle.
type File struct {
	Path string
	Data []byte
}

// Manifest is the bundle's .manifest.
type Manifest struct {
	Revision    string         `json:"revision"`
	Roots       []string       `json:"roots"`
	RegoVersion int            `json:"rego_version"`
	Metadata    map[string]any `json:"metadata"`
}

// Bundle is a built bundle: its files, sorted by path, the manifest first.
type Bundle struct {
	Files    []File
	Manifest Manifest
	// Rules counts the rules the entrypoint reports on.
	Rules int
}

// Build assembles the bundle's files.
func Build(o Options) (*Bundle, error) {
	if o.Policies == nil {
		return nil, errors.New("bundle: no policies")
	}
	validator, err := schema.New()
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	data := o.Policies.Data(o.Settings)
	doc := data["cgcheck"].(map[string]any)
	today := o.Settings.Today
	if !o.TodayPinned {
		delete(doc, "today")
		today = DecisionTime
	} else if _, err := time.Parse(time.DateOnly, today); err != nil {
		return nil, fmt.Errorf("bundle: today must be a date YYYY-MM-DD, not %q", today)
	}
	dataJSON, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("bundle: data: %w", err)
	}
	main, rules, err := generateMain(o, validator)
	if err != nil {
		return nil, err
	}
	files := []File{
		{Path: DataPath, Data: append(dataJSON, '\n')},
		{Path: SchemaPath, Data: schemas.PartnershipV1},
		{Path: MainPath, Data: main},
	}
	var packages [][]string
	for _, src := range o.Policies.Sources() {
		files = append(files, File{Path: policyPath(src), Data: src.Text})
		p, err := storage.NewPathForRef(src.Package)
		if err != nil {
			return nil, fmt.Errorf("bundle: %s: package %s: %w", src.Name, src.Package, err)
		}
		packages = append(packages, p)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("bundle: two files would be %s", files[i].Path)
		}
	}
	m := Manifest{
		Revision:    o.CatalogueVersion + "-" + contentHash(files),
		Roots:       roots(packages),
		RegoVersion: 1,
		Metadata: map[string]any{
			"cgcheck_version":   o.Version,
			"catalogue_version": o.CatalogueVersion,
			"today":             today,
			"entrypoint":        Entrypoint,
		},
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("bundle: manifest: %w", err)
	}
	files = append([]File{{Path: ManifestPath, Data: append(manifest, '\n')}}, files...)
	return &Bundle{Files: files, Manifest: m, Rules: rules}, nil
}

// policyPath is where a policy file goes in the bundle: a built-in one
// where it is under policies/ (cgcheck/...), a custom one under
// custom/<folder number>/, so that two folders' files never collide and the
// bundle does not depend on where the folders are. (OPA places a module by
// its package, not its path; roots limit packages, not paths.)
func policyPath(src engine.Source) string {
	if src.Folder == 0 {
		return src.Rel
	}
	return path.Join("custom", strconv.Itoa(src.Folder), src.Rel)
}

// roots are the bundle's manifest roots: "cgcheck" (the built-in policies,
// the data, the schema and the entrypoint) and each custom package's path,
// leaving out a path inside another, since OPA refuses roots that overlap.
func roots(packages [][]string) []string {
	all := [][]string{{"cgcheck"}}
	for _, p := range packages {
		if len(p) > 0 && p[0] != "cgcheck" {
			all = append(all, p)
		}
	}
	// Shorter paths first, so a package inside another's root finds it.
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) < len(all[j]) })
	var kept [][]string
	for _, p := range all {
		covered := false
		for _, k := range kept {
			if len(k) <= len(p) && slices.Equal(k, p[:len(k)]) {
				covered = true
				break
			}
		}
		if !covered {
			kept = append(kept, p)
		}
	}
	out := make([]string, len(kept))
	for i, k := range kept {
		out[i] = strings.Join(k, "/")
	}
	sort.Strings(out)
	return out
}

// contentHash is a short SHA-256 of every file's path and bytes.
func contentHash(files []File) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s%d:", len(f.Path), f.Path, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// epoch is every file's modification time: the same inputs give the same
// bytes, whenever they are built.
var epoch = time.Unix(0, 0).UTC()

// WriteTo writes the bundle as a gzipped tarball, OPA's bundle format.
// The bytes depend only on the files: entries in path order, fixed times,
// owners and modes, and a gzip header with neither name nor time.
func (b *Bundle) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	tw := tar.NewWriter(zw)
	for _, f := range b.Files {
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     f.Path,
			Size:     int64(len(f.Data)),
			Mode:     0o644,
			ModTime:  epoch,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return 0, fmt.Errorf("bundle: %s: %w", f.Path, err)
		}
		if _, err := tw.Write(f.Data); err != nil {
			return 0, fmt.Errorf("bundle: %s: %w", f.Path, err)
		}
	}
	if err := tw.Close(); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}
