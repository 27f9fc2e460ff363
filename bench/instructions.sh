#!/usr/bin/env bash
# Counts the instructions cgcheck executes, under valgrind's callgrind: a
# measure that, unlike seconds on a shared machine (which drift by ±10% over
# minutes), repeats to within a few tenths of a percent, so changes worth
# 1-3% can be seen. Garbage collection is turned off (GOGC=off), because when
# it runs varies from run to run; allocation itself is still counted. One
# worker (--jobs 1) and no asynchronous preemption (which valgrind cannot
# follow).
#
#   bash bench/instructions.sh run [DIR]     # one whole run (default: 200 synthetic files)
#   bash bench/instructions.sh rules [ID...] # per evaluation, each rule alone (default: every rule)
#
# "rules" runs BenchmarkEvaluateEachRule for 100 and for 300 evaluations and
# prints the difference divided by 200: the instructions of one evaluation,
# without the set-up. "(none)" is the fixed cost of an evaluation with every
# rule disabled; a rule's own cost is its figure minus that one.
#
# Needs valgrind (Debian: apt-get install valgrind). A developer's tool: the
# tests and .ci/run do not use it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }

WORK=${WORK:-$(mktemp -d /tmp/cgcheck-instructions.XXXXXX)}
callgrind() {
  GODEBUG=asyncpreemptoff=1 GOGC=off valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected/ {print $4}'
}

case "${1:-run}" in
run)
  dir=${2:-}
  go build -o "$WORK/cgcheck" ./cmd/cgcheck
  if [ -z "$dir" ]; then
    dir="$WORK/registry-200"
    [ -d "$dir" ] || go run ./cmd/cgcheck-synth -n 200 -seed 1 -broken 0 -out "$dir" >/dev/null
  fi
  echo "$(callgrind "$WORK/cgcheck" check --jobs 1 --quiet --today 2008-10-01 -o json "$dir") instructions: cgcheck check $dir"
  ;;
rules)
  shift
  go test -c -o "$WORK/engine.test" ./internal/engine
  ids=("$@")
  if [ ${#ids[@]} -eq 0 ]; then
    mapfile -t ids < <(printf '(none)\n'; grep -rh '^#   id:' policies --include='*.rego' | awk '{print $3}')
  fi
  cd internal/engine
  for id in "${ids[@]}"; do
    pattern="^$(printf '%s' "$id" | sed 's/[()]/\\&/g')\$"
    once() { callgrind "$WORK/engine.test" -test.run '^$' -test.bench "EvaluateEachRule/$pattern" -test.benchtime "${1}x" -test.cpu 1; }
    a=$(once 100) b=$(once 300)
    echo "$id $(((b - a) / 200))"
  done
  ;;
*)
  echo "usage: bash bench/instructions.sh run [DIR] | rules [ID...]" >&2
  exit 2
  ;;
esac
