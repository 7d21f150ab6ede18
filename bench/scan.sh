#!/usr/bin/env bash
# Benchmark of `bounceview scan` on a synthetic Maildir (10% bounces, built
# once by make-maildir.py) of N messages (default 10000), with a warm page
# cache:
#   - on one core (taskset): `scan --jobs 1` against `cat` reading the same
#     files, and on JOBS cores (default: all): `scan --jobs JOBS` against
#     JOBS `cat` processes sharing the files (`xargs -P JOBS`);
#   - ROUNDS rounds (default 3), each running every command 3 times after a
#     warm-up (hyperfine), so that a change in the machine's load hits all
#     of them alike; medians over all runs, of wall time and of CPU time
#     (user + system, which the load of a shared machine disturbs less);
#   - peak resident memory of `scan --jobs JOBS` (GNU time);
#   - the load average before and after, to say how busy the machine was.
#
# usage: bench/scan.sh [BINARY] [N] [JOBS] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cli/bounceview}
n=${2:-10000}
jobs=${3:-$(nproc)}
rounds=${4:-3}
dir=${BENCH_DIR:-/tmp/bounceview-bench}/maildir-$n

if [ ! -d "$dir/cur" ]; then
	echo "bench: writing $n messages to $dir" >&2
	python3 "$here/make-maildir.py" "$dir" "$n"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The files scan reads, in its order (new/ then cur/, names sorted).
for sub in new cur; do
	[ -d "$dir/$sub" ] && find "$dir/$sub" -maxdepth 1 -type f | LC_ALL=C sort
done >"$work/files"
per_cat=$(( (n + jobs - 1) / jobs ))

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
	hyperfine --warmup 1 --runs 3 --export-json "$work/round-$r.json" \
		-n cat-1core "taskset -c 0 xargs -a $work/files cat >/dev/null" \
		-n scan-1core "taskset -c 0 $bin scan --jobs 1 --format=jsonl $dir >/dev/null" \
		-n cat-jobs "xargs -a $work/files -P $jobs -n $per_cat cat >/dev/null" \
		-n scan-jobs "$bin scan --jobs $jobs --format=jsonl $dir >/dev/null" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rss=$( { /usr/bin/time -f '%M' "$bin" scan --jobs "$jobs" --format=jsonl "$dir" >/dev/null; } 2>&1 | tail -1)

python3 - "$work" "$rounds" "$n" "$jobs" "$rss" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
work, rounds, n, jobs, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
wall, cpu = {}, {}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{work}/round-{r}.json"))["results"]:
        wall.setdefault(res["command"], []).extend(res["times"])
        # hyperfine gives user and system time as means per command.
        cpu.setdefault(res["command"], []).append(res["user"] + res["system"])
w = {k: statistics.median(v) for k, v in wall.items()}
c = {k: statistics.median(v) for k, v in cpu.items()}
for k in ("cat-1core", "scan-1core", "cat-jobs", "scan-jobs"):
    print(f"{k:11} wall {w[k]:.3f} s (median of {len(wall[k])}), cpu {c[k]:.3f} s")
print(f"scan --jobs 1: {n / w['scan-1core']:,.0f} messages/s on one core, "
      f"{w['scan-1core'] / w['cat-1core']:.2f}x cat on one core")
print(f"scan --jobs {jobs}: {n / w['scan-jobs']:,.0f} messages/s, "
      f"{w['scan-1core'] / w['scan-jobs']:.2f}x faster than --jobs 1, "
      f"{w['scan-jobs'] / w['cat-jobs']:.2f}x {jobs} cats; peak RSS {rss / 1024:.1f} MiB")
print(f"load average: {sys.argv[6]} before, {sys.argv[7]} after ({jobs} jobs on "
      f"{__import__('os').cpu_count()} CPUs)")
PY
