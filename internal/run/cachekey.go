package run

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/schemas"
)

// CacheKey is the part of every cache key that the run, rather than a
// document, decides: which cgcheck judged (BuildID), under which policies and
// schema, with which settings (as-of date, parameters, frameworks, disabled
// rules) and input limits. A cached result is used only when every part is
// the same. The evaluation timeout is left out because a document whose
// evaluation ran out of time is never cached.
func CacheKey(build string, p *engine.Policies, s engine.Settings, limits descriptor.Limits) ([]byte, error) {
	settings, err := json.Marshal(struct {
		Today      string
		Params     map[string]map[string]any
		Frameworks map[string]any
		Disabled   map[string]bool
		Limits     descriptor.Limits
	}{s.Today, s.Params, s.Frameworks, s.Disabled, limits})
	if err != nil {
		return nil, fmt.Errorf("cache key: %w", err)
	}
	digest := p.Digest()
	key := cache.NewKey([]byte(build), digest[:], schemas.PartnershipV1, settings)
	return key[:], nil
}

// BuildID names the cgcheck binary that is running, for CacheKey: its
// version and, from the build information Go records, the commit it was
// built from. A build from a tree with uncommitted changes, or one with no
// commit recorded (go run, go test), adds the executable's size and
// modification time, so that results a changed program might judge
// differently are never read back under a version number that did not
// change.
func BuildID(version string) string {
	id := version + " " + runtime.Version()
	revision, modified := "", true
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	id += " " + revision
	if revision == "" || modified {
		exe, err := os.Executable()
		if err != nil {
			return id + " unknown executable"
		}
		info, err := os.Stat(exe)
		if err != nil {
			return id + " unknown executable"
		}
		id += fmt.Sprintf(" %s %d %d", exe, info.Size(), info.ModTime().UnixNano())
	}
	return id
}
