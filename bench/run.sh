#!/usr/bin/env bash
# Times whole runs of cgcheck against stock conftest on the same policies,
# the same synthetic registries and the same machine, and writes
# BENCHMARKS.md. Runs are interleaved in rounds: each round runs every
# registry once, in size order, cgcheck and then conftest where it is
# measured, so drift in the machine's speed affects both tools and
# neighbouring sizes alike; every figure is a median over the rounds.
#
# Three measurements:
#
#   plain registry    cgcheck-synth's default, a national registry that hardly
#                     overlaps: SIZES with both tools, cgcheck alone on BIG.
#   overlap-heavy     cgcheck-synth -overlap, the registry rules' worst case (six
#                     council areas, client groups, outcomes and officers shared
#                     by many partnerships, reporting chains and cycles):
#                     OVERLAP_SIZES, mostly doublings, so that growth per
#                     doubling shows any cost that grows faster than the
#                     registry;
#                     conftest as well at OVERLAP_CONFTEST (it is slow, about
#                     20 s per 1,000 files).
#   one changed file  `cgcheck check --registry DIR FILE` after FILE was edited,
#                     in an overlap-heavy registry of ONE_CHANGED files, with
#                     the cache warm: what an editor or a pre-commit hook runs.
#
#   bash bench/run.sh     # everything: well over an hour
#   RUNS=1 SIZES=1000 OVERLAP_SIZES="1000 2000" OVERLAP_CONFTEST=1000 BIG=0 \
#     ONE_CHANGED=1000 OUT=/tmp/bench.md bash bench/run.sh     # minutes
#
# Whole runs are timed with --no-cache: otherwise each run after the first
# would be served from the cache the first one wrote. Registry findings are
# counted in cgcheck's JSON report (.registry.findings) by bench/count.
# Growth per doubling between two overlap-heavy sizes a < b, with b at
# least 2a, is (value at b / value at a) ^ (1 / log2(b / a)), so sizes that
# are not exact doublings of another (10,000, 100,000) compare too: cost
# linear in the registry gives 2.0× (less while start-up still counts), cost
# in its square 4.0×.
#
# Needs Go; installs conftest v0.71.1 into .ci/bin and GNU time if missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"1 1000 10000"}
BIG=${BIG:-100000} # 0: no cgcheck-alone run on the plain registry
# Empty OVERLAP_SIZES: no overlap-heavy registry; empty OVERLAP_CONFTEST: no
# conftest on it.
OVERLAP_SIZES=${OVERLAP_SIZES-"1000 2000 4000 8000 10000 16000 32000 64000 100000"}
OVERLAP_CONFTEST=${OVERLAP_CONFTEST-"1000 10000"}
ONE_CHANGED=${ONE_CHANGED:-10000} # 0: no one-changed-file measurement
SEED=${SEED:-1}
TODAY=2008-10-01
WORK=${WORK:-$(mktemp -d /tmp/cgcheck-bench.XXXXXX)}
OUT=${OUT:-BENCHMARKS.md}

# Targets (see the end of this script, which prints each one beside its
# result).
TARGET_SPEEDUP=20     # × conftest's files per second, 10,000 overlap-heavy files
TARGET_GROWTH=2.2     # × per doubling, time and registry findings
TARGET_PEAK_MIB=256   # peak RSS on 100,000 files
TARGET_ONE_CHANGED=1  # seconds for one changed file in 10,000

mkdir -p .ci/bin "$WORK"
if [ ! -x .ci/bin/conftest ]; then
  GOBIN="$PWD/.ci/bin" go install github.com/open-policy-agent/conftest@v0.71.1
fi
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
go build -o "$WORK/cgcheck" ./cmd/cgcheck
go build -o "$WORK/cgcheck-synth" ./cmd/cgcheck-synth
go build -o "$WORK/count" ./bench/count
CGCHECK="$WORK/cgcheck"
CONFTEST="$PWD/.ci/bin/conftest"
"$CGCHECK" data --today "$TODAY" > "$WORK/data.json"

# measure CMD...: prints "seconds peak_kib" for one run, output discarded.
measure() {
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    rc=$?
    # Exit 1 means findings, which a registry has; anything else is a failure.
    if [ "$rc" -ne 1 ]; then echo "failed ($rc): $*" >&2; cat "$WORK/stderr.txt" >&2; exit 1; fi
  }
  tail -n 1 "$WORK/time.txt"
}

# median [FORMAT]: the median of the numbers on standard input, printed with
# FORMAT (seconds to the hundredth unless told; KiB are whole numbers).
median() { sort -g | awk -v f="${1:-%.2f}" '{a[NR]=$1} END {printf f "\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cgcheck_cmd()  { echo "$CGCHECK check --no-cache --quiet --today $TODAY -o json $1"; }
conftest_cmd() { echo "$CONFTEST test --all-namespaces --no-color --policy policies --data $WORK/data.json -o json $1"; }

# registry KIND N: the folder of a registry of N files, plain or overlap,
# generated on first use (into a temporary folder, so that an interrupted
# run leaves no half registry behind). No deliberately broken files: conftest
# stops its whole run at the first file it cannot parse, and would then be
# timed doing nothing.
registry() {
  local kind=$1 n=$2 dir="$WORK/$1-$2" flags=()
  if [ "$kind" = overlap ]; then flags=(-overlap); fi
  if [ ! -d "$dir" ]; then
    rm -rf "$dir.tmp"
    "$WORK/cgcheck-synth" -n "$n" -seed "$SEED" -broken 0 "${flags[@]}" -out "$dir.tmp" >/dev/null
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# first_yaml DIR: the first YAML descriptor under DIR, in path order. (awk
# reads to the end: head would stop sort with SIGPIPE, which pipefail turns
# into a failure on a large registry.)
first_yaml() { find "$1" -type f -name '*.yaml' | sort | awk 'NR == 1'; }

# report KEY N TIMES CMD...: runs cgcheck once, keeping its JSON report;
# checks that it covered N documents and prints its registry findings. When
# TIMES is a file, the run is timed and its "seconds peak_kib" appended to it
# (it is then the first of the timed runs: a run of 100,000 files takes
# minutes, too long to repeat only to count findings).
report() {
  local key=$1 n=$2 times=$3 counts docs findings
  shift 3
  if [ "$times" != - ]; then
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > "$WORK/report-$key.json" 2>"$WORK/stderr.txt" || [ $? -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
    tail -n 1 "$WORK/time.txt" >> "$times"
  else
    "$@" > "$WORK/report-$key.json" 2>"$WORK/stderr.txt" || [ $? -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
  fi
  counts=$("$WORK/count" "$WORK/report-$key.json")
  read -r docs findings <<< "$counts"
  if [ "$docs" -ne "$n" ]; then echo "cgcheck reported $docs of $n files ($key); not timing it" >&2; exit 1; fi
  echo "$findings"
}

# conftest_report KEY N TIMES TARGET: conftest's first timed run on TARGET,
# its "seconds peak_kib" appended to TIMES and its JSON report kept, to check
# that it covered all N files: conftest must really check every file, or its
# timing means nothing.
conftest_report() {
  local key=$1 n=$2 times=$3 target=$4 got
  # shellcheck disable=SC2046
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" $(conftest_cmd "$target") > "$WORK/conftest-$key.json" 2>"$WORK/stderr.txt" || [ $? -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
  tail -n 1 "$WORK/time.txt" >> "$times"
  got=$(grep -o '"filename": *"[^"]*"' "$WORK/conftest-$key.json" | sort -u | wc -l || true)
  if [ "$got" -ne "$n" ]; then echo "conftest reported $got of $n files ($key); not timing it" >&2; exit 1; fi
}

# The series, in size order: KEYS lists "plain-1000", "overlap-64000", ...;
# by key, the registry's kind, its number of files, whether conftest runs
# on it too, the folder (or, for one file, the file) checked, and how many
# rounds it takes part in.
declare -a KEYS=()
declare -A KIND SIZE WITH_CF TARGET ROUNDS
# Results by key (and "one-changed"): medians of cgcheck's and conftest's
# seconds and peak KiB, and registry findings.
declare -A CG_T CG_M CF_T CF_M FINDINGS

# add KIND N WITH_CONFTEST: one registry of the series, generated if new.
# cgcheck alone takes part in at most 3 rounds on more than 20,000 files,
# where a run takes minutes.
add() {
  local kind=$1 n=$2 key="$1-$2" dir
  if [ -n "${SIZE[$key]:-}" ]; then return; fi # named twice
  dir=$(registry "$kind" "$n")
  KEYS+=("$key")
  KIND[$key]=$kind SIZE[$key]=$n WITH_CF[$key]=$3 TARGET[$key]=$dir ROUNDS[$key]=$RUNS
  if [ "$n" = 1 ]; then TARGET[$key]=$(first_yaml "$dir"); fi
  if [ "$3" != yes ] && [ "$n" -gt 20000 ] && [ "$RUNS" -gt 3 ]; then ROUNDS[$key]=3; fi
  : > "$WORK/cg-$key.txt"; : > "$WORK/cf-$key.txt"
}

# round I: every registry of the series once, in size order: cgcheck, then
# conftest where it is measured. The first round keeps the reports, to
# count the registry findings and check that every file was covered.
# Interleaving whole rounds, rather than running each registry RUNS times
# in a row, is what makes neighbouring rows comparable: the machine's
# speed drifts by tens of percent over an hour, and a row measured half an
# hour after its neighbour would carry that drift into the growth figures.
round() {
  local i=$1 key n target
  echo "== round $i of $RUNS" >&2
  for key in "${KEYS[@]}"; do
    if [ "$i" -gt "${ROUNDS[$key]}" ]; then continue; fi
    n=${SIZE[$key]} target=${TARGET[$key]}
    if [ "$i" = 1 ]; then
      # shellcheck disable=SC2046
      FINDINGS[$key]=$(report "$key" "$n" "$WORK/cg-$key.txt" $(cgcheck_cmd "$target"))
    else
      # shellcheck disable=SC2046
      measure $(cgcheck_cmd "$target") >> "$WORK/cg-$key.txt"
    fi
    if [ "${WITH_CF[$key]}" = yes ]; then
      if [ "$i" = 1 ]; then
        conftest_report "$key" "$n" "$WORK/cf-$key.txt" "$target"
      else
        # shellcheck disable=SC2046
        measure $(conftest_cmd "$target") >> "$WORK/cf-$key.txt"
      fi
    fi
    local line="   $key: cgcheck $(tail -n 1 "$WORK/cg-$key.txt" | cut -d' ' -f1) s"
    if [ "${WITH_CF[$key]}" = yes ]; then line="$line, conftest $(tail -n 1 "$WORK/cf-$key.txt" | cut -d' ' -f1) s"; fi
    echo "$line" >&2
  done
}

# one_changed N: one edited file of an overlap-heavy registry of N files,
# checked with the registry as context and a warm cache. The registry is a
# copy, so the series above keeps its files as generated.
one_changed() {
  local n=$1 dir file cache="$WORK/cache-one-changed"
  dir="$WORK/one-changed-$n"
  rm -rf "$dir" "$cache"
  cp -r "$(registry overlap "$n")" "$dir"
  file=$(first_yaml "$dir")
  local cmd=("$CGCHECK" check --registry "$dir" --cache-dir "$cache" --quiet --today "$TODAY" -o json "$file")
  echo "== one changed file in an overlap-heavy registry of $n files: 1 run to warm the cache, $RUNS timed" >&2
  FINDINGS[one-changed]=$(report one-changed 1 - "${cmd[@]}")
  : > "$WORK/one-changed.txt"
  for ((i = 1; i <= RUNS; i++)); do
    # A comment changes the file's bytes, so its cache entry misses as after
    # a real edit, and changes no finding.
    echo "# edited for run $i" >> "$file"
    measure "${cmd[@]}" >> "$WORK/one-changed.txt"
  done
  CG_T[one-changed]=$(cut -d' ' -f1 "$WORK/one-changed.txt" | median)
  CG_M[one-changed]=$(cut -d' ' -f2 "$WORK/one-changed.txt" | median %.0f)
  echo "   ${CG_T[one-changed]} s" >&2
}

echo "== generating registries (cgcheck-synth -seed $SEED)" >&2
for n in $SIZES; do add plain "$n" yes; done
if [ "$BIG" != 0 ]; then add plain "$BIG" no; fi
for n in $OVERLAP_SIZES; do
  with_conftest=no
  for m in $OVERLAP_CONFTEST; do if [ "$m" = "$n" ]; then with_conftest=yes; fi; done
  add overlap "$n" "$with_conftest"
done
for ((i = 1; i <= RUNS; i++)); do round "$i"; done
for key in "${KEYS[@]}"; do
  CG_T[$key]=$(cut -d' ' -f1 "$WORK/cg-$key.txt" | median)
  CG_M[$key]=$(cut -d' ' -f2 "$WORK/cg-$key.txt" | median %.0f)
  if [ "${WITH_CF[$key]}" = yes ]; then
    CF_T[$key]=$(cut -d' ' -f1 "$WORK/cf-$key.txt" | median)
    CF_M[$key]=$(cut -d' ' -f2 "$WORK/cf-$key.txt" | median %.0f)
  fi
done
if [ "$ONE_CHANGED" != 0 ]; then one_changed "$ONE_CHANGED"; fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.1f×", a / b }'; }
fps() { awk -v n="$1" -v t="$2" 'BEGIN { if (t == "" || t == 0) print "—"; else printf "%.0f", n / t }'; }
mib() { if [ -n "$1" ]; then echo $(($1 / 1024)); else echo "—"; fi; }
# growth A B VA VB: the factor per doubling from VA at size A to VB at size B.
growth() {
  awk -v a="$1" -v b="$2" -v x="$3" -v y="$4" 'BEGIN {
    if (x <= 0 || y <= 0 || b <= a) print "—"; else printf "%.2f×", exp(log(y / x) * log(2) / log(b / a)) }'
}
# verdict VALUE OP LIMIT: "met" or "not met" (VALUE may carry a trailing ×).
verdict() {
  awk -v v="${1%×}" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "" || v == "—") print "not measured"
    else if ((op == "<" && v + 0 < l) || (op == "<=" && v + 0 <= l) || (op == ">=" && v + 0 >= l)) print "met"
    else print "not met" }'
}

# row KEY N [AGAINST TIME_GROWTH FINDINGS_GROWTH]: one table row.
row() {
  local k=$1 n=$2
  local cells="| $n | ${CG_T[$k]} | ${CF_T[$k]:-—} | $(fps "$n" "${CG_T[$k]}") | $(fps "$n" "${CF_T[$k]:-}") | $(ratio "${CF_T[$k]:-}" "${CG_T[$k]}") | $(mib "${CG_M[$k]}") | $(mib "${CF_M[$k]:-}") | ${FINDINGS[$k]} |"
  if [ $# -gt 2 ]; then cells="$cells $3 | $4 | $5 |"; fi
  echo "$cells"
}

# worst GROWTH...: the largest of the growth factors given, without its ×.
worst() { printf '%s\n' "$@" | awk '$1 ~ /^[0-9]/ { v = $1 + 0; if (!seen || v > m) m = v; seen = 1 } END { if (seen) printf "%.2f", m; else print "—" }'; }

# Growth per doubling along the overlap-heavy series: each size against the
# largest smaller size that is at most half of it (an exact doubling where
# the series has one: 8,000 against 4,000, 10,000 against 4,000, 16,000
# against 8,000), and the worst of it. A step shorter than a doubling is
# never used: its ratio would be raised to a power above 1 (3.1 for 8,000
# to 10,000), which magnifies the runs' own noise as much, so a 4% wobble
# between two rows would move the figure by 0.4.
declare -A GROW_T GROW_F GROW_FROM
for n in $OVERLAP_SIZES; do
  GROW_T[$n]="—" GROW_F[$n]="—" GROW_FROM[$n]="—"
  base=""
  for m in $OVERLAP_SIZES; do
    if [ $((2 * m)) -le "$n" ] && { [ -z "$base" ] || [ "$m" -gt "$base" ]; }; then base=$m; fi
  done
  if [ -n "$base" ]; then
    GROW_FROM[$n]=$base
    GROW_T[$n]=$(growth "$base" "$n" "${CG_T[overlap-$base]}" "${CG_T[overlap-$n]}")
    GROW_F[$n]=$(growth "$base" "$n" "${FINDINGS[overlap-$base]}" "${FINDINGS[overlap-$n]}")
  fi
done
worst_cell() { if [ "$1" = "—" ]; then echo "—"; else echo "worst $1×"; fi; }
worst_t=$(worst "${GROW_T[@]}")
worst_f=$(worst "${GROW_F[@]}")

table_head='| files | cgcheck s | conftest s | cgcheck files/s | conftest files/s | speed-up | cgcheck peak MiB | conftest peak MiB | registry findings |'
table_rule='|---:|---:|---:|---:|---:|---:|---:|---:|---:|'

{
  echo "# Benchmarks"
  echo
  echo "<!-- Written by bench/run.sh; the analysis sections below the results tables are kept by hand in bench/ANALYSIS.md and appended. -->"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(go version | cut -d' ' -f3)."
  echo "Date: $(date -u +%Y-%m-%d). conftest v0.71.1 ($("$CONFTEST" --version | tr '\n' ' '))."
  echo
  echo "Registries: \`go run ./cmd/cgcheck-synth -n N -seed $SEED -broken 0\` (2–6 KB descriptors, about 80% YAML; no broken files, because conftest stops at the first file it cannot parse), and the same with \`-overlap\`: an overlap-heavy registry, the registry rules' worst case (six council areas of one NHS board, client groups, outcome links and officers shared by many partnerships, reporting chains 5–20 deep with a few cycles)."
  echo "Both tools run the same policies (\`policies/\`) with the same data (\`cgcheck data --today $TODAY\`), JSON output to /dev/null; medians of $RUNS rounds, each running every registry once in size order, cgcheck and then conftest, so that neither the two tools nor neighbouring sizes are measured at different times (cgcheck alone on more than 20,000 files takes part in at most 3 rounds); wall-clock seconds and peak RSS from GNU time. Registry findings: \`.registry.findings | length\` of cgcheck's JSON report."
  echo
  echo "Commands:"
  echo
  echo '```sh'
  echo "cgcheck check --no-cache --quiet --today $TODAY -o json DIR"
  echo "conftest test --all-namespaces --no-color --policy policies --data data.json -o json DIR"
  if [ "$ONE_CHANGED" != 0 ]; then
    echo "cgcheck check --registry DIR --cache-dir CACHE --quiet --today $TODAY -o json DIR/FILE   # one changed file, cache warm"
  fi
  echo '```'
  echo
  echo "## Plain registry"
  echo
  echo "$table_head"
  echo "$table_rule"
  for n in $SIZES; do row "plain-$n" "$n"; done
  if [ "$BIG" != 0 ]; then row "plain-$BIG" "$BIG"; fi
  echo
  if [ -n "$OVERLAP_SIZES" ]; then
    echo "## Overlap-heavy registry"
    echo
    echo "Growth per doubling: each row against the largest row at most half its size (\"against\"), an exact doubling where the series has one; (ratio of the two rows) ^ (1 / log2 of the ratio of their sizes). Linear cost gives 2.0× (less while start-up still counts), quadratic 4.0×. A step shorter than a doubling (8,000 to 10,000) is not used: raising its ratio to a power above 1 would magnify the runs' noise as much."
    echo
    echo "${table_head} against | time × per doubling | findings × per doubling |"
    echo "${table_rule}---:|---:|---:|"
    for n in $OVERLAP_SIZES; do row "overlap-$n" "$n" "${GROW_FROM[$n]}" "${GROW_T[$n]}" "${GROW_F[$n]}"; done
    echo
  fi
  if [ "$ONE_CHANGED" != 0 ]; then
    echo "One changed file in an overlap-heavy registry of $ONE_CHANGED files, cache warm: ${CG_T[one-changed]} s, peak $(mib "${CG_M[one-changed]}") MiB; registry findings involving it: ${FINDINGS[one-changed]}."
    echo
  fi
  echo "## Targets"
  echo
  echo "| target | result | |"
  echo "|---|---|---|"
  speedup=$(ratio "${CF_T[overlap-10000]:-}" "${CG_T[overlap-10000]:-}")
  echo "| at least ${TARGET_SPEEDUP}× conftest's files per second on 10,000 overlap-heavy files | $speedup | $(verdict "$speedup" '>=' "$TARGET_SPEEDUP") |"
  echo "| growth per doubling at most ${TARGET_GROWTH}× in time | $(worst_cell "$worst_t") | $(verdict "$worst_t" '<=' "$TARGET_GROWTH") |"
  echo "| growth per doubling at most ${TARGET_GROWTH}× in registry findings | $(worst_cell "$worst_f") | $(verdict "$worst_f" '<=' "$TARGET_GROWTH") |"
  for k in plain-100000 overlap-100000; do
    if [ -n "${CG_M[$k]:-}" ]; then
      echo "| 100,000 files under ${TARGET_PEAK_MIB} MiB peak (${k%-*} registry) | $(mib "${CG_M[$k]}") MiB | $(verdict "$(mib "${CG_M[$k]}")" '<' "$TARGET_PEAK_MIB") |"
    fi
  done
  if [ "$ONE_CHANGED" = 10000 ]; then
    echo "| one changed file in a 10,000-file registry under ${TARGET_ONE_CHANGED} s | ${CG_T[one-changed]} s | $(verdict "${CG_T[one-changed]}" '<' "$TARGET_ONE_CHANGED") |"
  fi
  echo
  if [ -f bench/ANALYSIS.md ]; then cat bench/ANALYSIS.md; fi
} > "$OUT"
# The targets again on standard error: the table under "## Targets".
awk '/^## Targets/ {on = 1} on && /^\|/ {print; table = 1; next} table {exit}' "$OUT" >&2
echo "wrote $OUT (work files in $WORK)" >&2
