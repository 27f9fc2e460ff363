// Package synth generates synthetic registries of partnership descriptors for
// benchmarks and load tests of cgcheck: realistic files (Scottish council
// areas with their NHS boards, police forces, fire and rescue services,
// colleges and voluntary organisations; client groups; links to the 15
// national outcomes of 2007 and to the National Performance Framework;
// measures with baselines, trends and targets at both levels; risks and how
// lessons are shared; dates around 2005-2010) that exercise every rule of
// catalogue v2 when checked as of Today (2008-10-01). They follow descriptor
// revision 2: a few partnerships span two council areas (area is then a
// list) or report to two boards (governance.reports_to a list).
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
// waivers). Clean means substance as well as filled fields: a task of six
// words or more with no wide-agenda phrase, a stated mandate and no-gain
// areas, each core partner's own interest, representatives who may commit
// what their partner contributes (a community member who brings only lived
// experience needs no financial authority), a stated size for some
// contribution, risks owned by partners, measures at the strategic and the
// programme level, and no placeholder text anywhere. A scenario then departs from the clean descriptor in one way
// that makes one rule give one level, e.g. "core-13" (13 core partners:
// group-size fails), "monitoring-grace" (monitoring designed 1-90 days
// after the start: monitoring-at-outset warns) or "placeholder-lead" (lead
// person "TBC": placeholder-text fails); its prep step shapes the plan first
// where the finding needs it (an active partnership that started long enough
// ago, or within the last two years, a proposed one, a programme, a third
// core partner). The scenarios cover
// every level of every built-in rule that a schema-valid descriptor can
// reach, and clean variants (an active programme with workstreams, a valid
// unexpired waiver) make the rules that often skip pass somewhere.
//
// Valid descriptors take their scenario from a schedule: a shuffled cycle
// holding every scenario once and the clean variants a few times (about a
// quarter of files are clean), refilled when used up. Any run of about a
// hundred files shows every scenario, so a registry of a few hundred shows
// each several times, whatever the seed. About a third of the damaged descriptors
// also get a second, common shortfall (no efficiencies, an overdue action, a
// missing trend, no risks recorded) that cannot undo the first.
//
// File.Shows records the findings each file is there to give; the tests run
// the real pipeline and check them, and that clean files give nothing worse
// than waived.
//
// # Registry rules
//
// Apart from deliberate plants (and unless it is overlap-heavy, below), a
// registry is clean: ids are unique; client group names are unique in
// every area among open partnerships (localities,
// then a group number, tell them apart; a partnership spanning two areas
// checks both, and a deliberately generic name such as "All residents" is
// used once per area); nobody represents a partner on
// more than three open partnerships; and a descriptor's reports_to names
// another descriptor's id (as a text or as one entry of a list) only when
// that one was generated earlier, so reporting lines cannot form a cycle. Then, once per 2,000 files (and at
// least once), the generator plants a case of each registry rule among valid
// descriptors: a copy that kept its template's id (unique-ids), two open
// partnerships in one area, usually of one theme, serving the same client
// group spelt differently towards the same outcome (overlapping-partnerships),
// an officer on five or six open partnerships (representative-overload), and
// two or three partnerships reporting to each other (reporting-cycle).
// File.Registry names the rules each file is planted for.
//
// # Overlap-heavy registries
//
// A clean registry never shows the registry rules' worst case, which a real
// Community Planning landscape does: many partnerships in the same areas
// serve the same client groups towards the same outcomes, the same officers
// sit on many of them, and groups report to one another. Options.Overlap
// (cgcheck-synth -overlap) generates that landscape, so that benchmarks
// expose any rule whose cost grows faster than the registry:
//
//   - Areas: the six council areas of NHS Greater Glasgow and Clyde,
//     Glasgow City about half the files; 15% of partnerships span two of
//     them (area as a list).
//   - Client groups and outcome links: each descriptor's first client group
//     is one of its theme's three, in one of its area's two main towns, and
//     its first outcome link one of its theme's 2007 national outcomes or
//     NPF outcomes (refs the built-in frameworks define), all drawn with a
//     skew towards the first, so most open descriptors share an area, a
//     client group and an outcome link with others: in 1,000 files about
//     70% of the open ones, a dozen or so on one key, a hundred in 10,000.
//   - Officers: a pool of one officer per 25 files (at least 8) sits on core
//     partners of 60% of the open descriptors, skewed, so nearly every
//     officer of the pool is on more than four open partnerships and the
//     busiest on about fifty in 1,000 files.
//   - Reporting lines: 85% of the open descriptors that report somewhere
//     form chains of 6 to 21 within an area, each reporting to the one
//     before it by id (5 to 20 steps deep), the first to a board by name;
//     12% also report to the head of another chain (reports_to a list); one
//     chain per 500 files (at least one) is closed into a cycle of two to
//     five.
//
// Descriptors whose scenario lives in a field this changes (no client
// groups or outcome links, a generic or vague client group, a bad outcome
// reference, a blank reporting line) keep it as it was, so File.Shows still
// holds. The plants above are made as well, among the descriptors no
// reporting line links; File.Registry names only them, though most files
// take part in registry findings. Without Options.Overlap none of this
// runs, and a registry is byte-identical to one made before the option.
//
// # Size and broken files
//
// Valid files are MinBytes to MaxBytes (2-6 KiB), like the hand-written
// examples: optional detail that no rule looks at is left out, in a fixed
// order, until a file fits (writing it as YAML, then more tersely, if need
// be), or added until it is large enough; neither changes what any rule
// finds. A file with a long partner or measure list
// (File.Long: the group-size and proportionate-monitoring scenarios) may
// take up to MaxLongBytes (7 KiB): thirteen core partners each with a
// remit, an interest and a representative's authority do not fit in 6 KiB. Options.Broken of the files (1% by
// default on the command line) are broken on purpose, in turn by a syntax
// error, an unknown property and an impossible or non-ISO date; File.Broken
// says which.
package synth
