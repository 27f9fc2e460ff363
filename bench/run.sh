#!/usr/bin/env bash
# Times whole runs of cgcheck against stock conftest on the same policies,
# the same synthetic registries and the same machine, and writes
# BENCHMARKS.md. Runs are interleaved (cgcheck, conftest, cgcheck, ...) so
# drift in the machine's load affects both alike.
#
#   bash bench/run.sh            # 1, 1,000 and 10,000 files; cgcheck alone on 100,000
#   RUNS=5 SIZES="1 1000" BIG=0 bash bench/run.sh   # quicker
#
# Needs Go; installs conftest v0.71.1 into .ci/bin and GNU time if missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"1 1000 10000"}
BIG=${BIG:-100000}
SEED=${SEED:-1}
TODAY=2008-10-01
WORK=${WORK:-$(mktemp -d /tmp/cgcheck-bench.XXXXXX)}
OUT=${OUT:-BENCHMARKS.md}

mkdir -p .ci/bin "$WORK"
if [ ! -x .ci/bin/conftest ]; then
  GOBIN="$PWD/.ci/bin" go install github.com/open-policy-agent/conftest@v0.71.1
fi
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
go build -o "$WORK/cgcheck" ./cmd/cgcheck
go build -o "$WORK/cgcheck-synth" ./cmd/cgcheck-synth
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

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cgcheck_cmd()  { echo "$CGCHECK check --quiet --today $TODAY -o json $1"; }
conftest_cmd() { echo "$CONFTEST test --all-namespaces --no-color --policy policies --data $WORK/data.json -o json $1"; }

declare -A CG_T CG_M CF_T CF_M
for n in $SIZES; do
  dir="$WORK/registry-$n"
  # No deliberately broken files: conftest stops its whole run at the first
  # file it cannot parse, and would then be timed doing nothing.
  [ -d "$dir" ] || "$WORK/cgcheck-synth" -n "$n" -seed "$SEED" -broken 0 -out "$dir" >/dev/null
  target="$dir"
  if [ "$n" = 1 ]; then target=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.json' \) | sort | head -n 1); fi
  # Both tools must really check every file, or the timing means nothing.
  got=$($CONFTEST test --all-namespaces --no-color --policy policies --data "$WORK/data.json" -o json "$target" 2>/dev/null \
    | grep -o '"filename": *"[^"]*"' | sort -u | wc -l || true)
  if [ "$got" -ne "$n" ]; then echo "conftest reported $got of $n files; not timing it" >&2; exit 1; fi
  : > "$WORK/cg-$n.txt"; : > "$WORK/cf-$n.txt"
  echo "== $n file(s): $RUNS interleaved runs each" >&2
  for ((i = 1; i <= RUNS; i++)); do
    # shellcheck disable=SC2046
    measure $(cgcheck_cmd "$target") >> "$WORK/cg-$n.txt"
    # shellcheck disable=SC2046
    measure $(conftest_cmd "$target") >> "$WORK/cf-$n.txt"
  done
  CG_T[$n]=$(cut -d' ' -f1 "$WORK/cg-$n.txt" | median)
  CG_M[$n]=$(cut -d' ' -f2 "$WORK/cg-$n.txt" | median)
  CF_T[$n]=$(cut -d' ' -f1 "$WORK/cf-$n.txt" | median)
  CF_M[$n]=$(cut -d' ' -f2 "$WORK/cf-$n.txt" | median)
  echo "   cgcheck ${CG_T[$n]} s, conftest ${CF_T[$n]} s" >&2
done

BIG_T="" BIG_M=""
if [ "$BIG" != 0 ]; then
  dir="$WORK/registry-$BIG"
  [ -d "$dir" ] || "$WORK/cgcheck-synth" -n "$BIG" -seed "$SEED" -broken 0 -out "$dir" >/dev/null
  echo "== cgcheck alone on $BIG files" >&2
  : > "$WORK/big.txt"
  for ((i = 1; i <= 3; i++)); do
    # shellcheck disable=SC2046
    measure $(cgcheck_cmd "$dir") >> "$WORK/big.txt"
  done
  BIG_T=$(cut -d' ' -f1 "$WORK/big.txt" | median)
  BIG_M=$(cut -d' ' -f2 "$WORK/big.txt" | median)
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f", a / b }'; }
fps() { awk -v n="$1" -v t="$2" 'BEGIN { if (t == 0) print "n/a"; else printf "%.0f", n / t }'; }

{
  echo "# Benchmarks"
  echo
  echo "<!-- Written by bench/run.sh; the analysis sections below the results table are kept by hand in bench/ANALYSIS.md and appended. -->"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(go version | cut -d' ' -f3)."
  echo "Date: $(date -u +%Y-%m-%d). conftest v0.71.1 ($("$CONFTEST" --version | tr '\n' ' '))."
  echo
  echo "Registries: \`go run ./cmd/cgcheck-synth -n N -seed $SEED -broken 0\` (2–6 KB descriptors, about 80% YAML; no broken files, because conftest stops at the first file it cannot parse)."
  echo "Both tools run the same policies (\`policies/\`) with the same data (\`cgcheck data --today $TODAY\`), JSON output to /dev/null; medians of $RUNS interleaved runs; wall-clock seconds and peak RSS from GNU time."
  echo
  echo "Commands:"
  echo
  echo '```sh'
  echo "cgcheck check --quiet --today $TODAY -o json DIR"
  echo "conftest test --all-namespaces --no-color --policy policies --data data.json -o json DIR"
  echo '```'
  echo
  echo "| files | cgcheck s | conftest s | cgcheck files/s | conftest files/s | speed-up | cgcheck peak MiB | conftest peak MiB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in $SIZES; do
    echo "| $n | ${CG_T[$n]} | ${CF_T[$n]} | $(fps "$n" "${CG_T[$n]}") | $(fps "$n" "${CF_T[$n]}") | $(ratio "${CF_T[$n]}" "${CG_T[$n]}")× | $((CG_M[$n] / 1024)) | $((CF_M[$n] / 1024)) |"
  done
  if [ -n "$BIG_T" ]; then
    echo "| $BIG | $BIG_T | — | $(fps "$BIG" "$BIG_T") | — | — | $((BIG_M / 1024)) | — |"
  fi
  echo
  if [ -f bench/ANALYSIS.md ]; then cat bench/ANALYSIS.md; fi
} > "$OUT"
echo "wrote $OUT (work files in $WORK)" >&2
