// Package synth generates synthetic registries of partnership descriptors for
// benchmarks and load tests of cgcheck: realistic files (Scottish council
// areas with their NHS boards, police forces, fire and rescue services,
// colleges and voluntary organisations; client groups; links to the 15
// national outcomes; measures with baselines, trends and targets; dates
// around 2005-2010) that exercise every rule when checked as of Today
// (2008-10-01).
//
// # Determinism
//
// Generate draws every choice, in a fixed order, from one
// math/rand/v2 PCG source seeded with Options.Seed; it never uses the global
// source or the iteration order of a map, and it writes YAML and JSON with
// its own encoders (members in the order of descriptor.md, YAML dates plain
// YYYY-MM-DD). The same Options therefore give byte-identical files, and a
// different seed gives a different registry.
//
// # How every per-document rule passes and fires
//
// Each descriptor is first built clean: it passes every per-document rule
// (or skips those that do not apply, such as the waiver rules when it has no
// waivers). A scenario then departs from the clean descriptor in one way
// that makes one rule give one level, e.g. "core-13" (13 core partners:
// group-size fails) or "monitoring-grace" (monitoring designed 1-90 days
// after the start: monitoring-at-outset warns); its prep step shapes the
// plan first where the finding needs it (an active partnership that started
// long enough ago, a programme, a third core partner). The scenarios cover
// every level of every built-in rule that a schema-valid descriptor can
// reach, and clean variants (an active programme with workstreams, a valid
// unexpired waiver) make the rules that often skip pass somewhere.
//
// Valid descriptors take their scenario from a schedule: a shuffled cycle
// holding every scenario once and the clean variants a few times (about a
// quarter of files are clean), refilled when used up. Any run of a few dozen
// files shows every scenario, so a registry of a few hundred shows each
// several times, whatever the seed. About a third of the damaged descriptors
// also get a second, common shortfall (no efficiencies, an overdue action, a
// missing trend) that cannot undo the first.
//
// File.Shows records the findings each file is there to give; the tests run
// the real pipeline and check them, and that clean files give nothing worse
// than waived.
//
// # Registry rules
//
// Apart from deliberate plants, a registry is clean: ids are unique; client
// group names are unique per area among open partnerships (localities, then
// the partnership's name, tell them apart); nobody represents a partner on
// more than three open partnerships; and a descriptor's reports_to names
// another descriptor's id only when that one was generated earlier, so
// reporting lines cannot form a cycle. Then, once per 2,000 files (and at
// least once), the generator plants a case of each registry rule among valid
// descriptors: a copy that kept its template's id (unique-ids), two open
// partnerships in one area, usually of one theme, serving the same client
// group spelt differently towards the same outcome (overlapping-partnerships),
// an officer on five or six open partnerships (representative-overload), and
// two or three partnerships reporting to each other (reporting-cycle).
// File.Registry names the rules each file is planted for.
//
// # Size and broken files
//
// Valid files are MinBytes to MaxBytes (2-6 KiB), like the hand-written
// examples: optional detail that no rule looks at is left out, in a fixed
// order, until a file fits (writing it as YAML, then more tersely, if need
// be), or added until it is large enough. Options.Broken of the files (1% by
// default on the command line) are broken on purpose, in turn by a syntax
// error, an unknown property and an impossible or non-ISO date; File.Broken
// says which.
package synth
