#!/usr/bin/env bash
# Load test of cgcheck serve on loopback: the server is started with its
# defaults (--max-checks = CPUs), then bench/serveload sends N requests
# with C clients at once, for several C, holding every answer to what
# cgcheck check says of the same file. Prints a Markdown table: latency
# percentiles in milliseconds (from the first attempt, so a 503's wait
# counts), throughput, 503s retried, and the server's resident memory
# (peak since start, and now) read from /proc after each row.
#
#   bash bench/serve.sh [N] [C...]      e.g. bash bench/serve.sh 2000 1 2 8 32 128
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
shift || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 2 8 32 128)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/cgcheck" ./cmd/cgcheck
go build -o "$work/serveload" ./bench/serveload
"$work/cgcheck" check --no-cache --quiet --today 2008-10-01 -o json testdata/examples > "$work/expect.json" || true
"$work/cgcheck" serve --addr 127.0.0.1:0 --today 2008-10-01 2> "$work/serve.log" &
pid=$!
for _ in $(seq 100); do
  url=$(sed -n 's/.*open \(http:[^ ]*\) in a browser.*/\1/p' "$work/serve.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
echo "Machine: $(nproc) cores; $(go version | cut -d' ' -f3); server --max-checks $(nproc) (the default); $n requests per row over the bundled examples (testdata/examples), in turn."
echo
echo "| clients | requests | right answers | 503s retried | p50 ms | p90 ms | p99 ms | max ms | requests/s | server peak MiB | server now MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in "${clients[@]}"; do
  row=$("$work/serveload" -url "$url" -n "$n" -c "$c" -expect "$work/expect.json")
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  echo "$row $hwm | $rss |"
done
kill -TERM "$pid"
wait "$pid" || true
grep -c 'msg=request' "$work/serve.log" | sed 's/^/requests logged: /' >&2
