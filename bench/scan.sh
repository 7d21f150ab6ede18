#!/usr/bin/env bash
# Benchmark of `bounceview scan`: builds a synthetic Maildir (10% bounces)
# once, then reports messages per second (hyperfine, warm page cache, one
# core) and peak memory (GNU time), for N messages (default 10000).
#
# usage: bench/scan.sh [BINARY] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cli/bounceview}
n=${2:-10000}
dir=${BENCH_DIR:-/tmp/bounceview-bench}/maildir-$n

if [ ! -d "$dir/cur" ]; then
	echo "bench: writing $n messages to $dir"
	python3 "$here/make-maildir.py" "$dir" "$n"
fi

json=$(mktemp)
trap 'rm -f "$json"' EXIT
taskset -c 0 hyperfine --warmup 1 --runs 5 --export-json "$json" \
	"$bin scan --format=jsonl $dir >/dev/null" >&2
mean=$(python3 -c "import json,sys; print(json.load(open('$json'))['results'][0]['mean'])")
rss=$( { /usr/bin/time -f '%M' "$bin" scan --format=jsonl "$dir" >/dev/null; } 2>&1 | tail -1)
python3 - "$n" "$mean" "$rss" <<'PY'
import sys
n, mean, rss = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"scan: {n} messages in {mean:.3f} s = {n / mean:,.0f} messages/s; peak RSS {rss / 1024:.1f} MiB")
PY
