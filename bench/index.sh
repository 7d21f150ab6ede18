#!/usr/bin/env bash
# Benchmark of `bounceview index` and of the model's start (index/).
#
# For a synthetic Maildir of N messages (10% bounces, bench/make-maildir.py),
# ROUNDS times (default 3), in alternating order so that a change in the
# machine's load hits both alike:
#   - cold `notmuch new` on one copy and cold `bounceview index` on another
#     (each with a database of its own; same files, warm page cache): wall
#     time, CPU time (user + system) and peak memory (GNU time);
# then, on the last round's copy:
#   - warm start with nothing new: `bounceview index` again, then the model
#     opened and grouped by cause (index-helper time), which is what the UI
#     does before the first screen;
#   - the first open after indexing (no snapshot yet: every bounce read out
#     of notmuch), and the first open after a change: 1% more messages
#     delivered and indexed, the model reading its old snapshot and only
#     the changed messages.
# Medians of the rounds; the ratio is of the medians.  The load average is
# printed before and after.
#
# usage: bench/index.sh [BUILD_DIR] [N] [ROUNDS]     (defaults: build, 10000, 3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-10000}
rounds=${3:-3}
bin=$build/cli/bounceview
helper=$build/tests/index/index-helper
base=${BENCH_DIR:-/tmp/bounceview-bench}
mkdir -p "$base"
src=$base/maildir-$n
work=$(mktemp -d "$base/index-XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ ! -d "$src/cur" ]; then
	echo "bench: writing $n messages to $src" >&2
	python3 "$here/make-maildir.py" "$src" "$n"
fi
# 1% more mail, for the open after a change (other Message-IDs: another seed).
extra=$base/extra-$n
if [ ! -d "$extra/cur" ]; then
	python3 "$here/make-maildir.py" "$extra" $((n / 100 > 0 ? n / 100 : 1)) --seed 99 >/dev/null
fi

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
measure() { # prints "wall-seconds cpu-seconds peak-KiB" of the command
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>&1
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}
fresh_copy() { # a copy of the Maildir without any database
	rm -rf "$work/$1"
	mkdir "$work/$1"
	cp -r "$src/cur" "$src/new" "$src/tmp" "$work/$1/"
	# Warm the page cache the same way for both.
	cat "$work/$1"/cur/* >/dev/null 2>&1 || true
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/runs"
for r in $(seq "$rounds"); do
	order="nm bv"
	[ $((r % 2)) -eq 0 ] && order="bv nm"
	for tool in $order; do
		fresh_copy "$tool"
		if [ "$tool" = nm ]; then
			printf '[database]\npath=%s\n' "$work/nm" >"$work/notmuch-config"
			echo "nm $(NOTMUCH_CONFIG=$work/notmuch-config measure notmuch new --quiet)" >>"$work/runs"
		else
			echo "bv $(NOTMUCH_CONFIG=$work/none measure "$bin" index --maildir "$work/bv")" >>"$work/runs"
		fi
	done
done
export NOTMUCH_CONFIG=$work/none
read -r warm_s _ warm_kb < <(measure "$bin" index --maildir "$work/bv")
# The first open after indexing reads notmuch and leaves the snapshot that
# every later start (the warm start) reads.
read -r first_s _ _ < <("$helper" time "$work/bv")
read -r model_s bounces groups < <("$helper" time "$work/bv")
read -r _ _ model_kb < <(measure "$helper" time "$work/bv")
# New mail arrives and is indexed: the next open is the first after a change.
for f in "$extra"/cur/*; do cp "$f" "$work/bv/new/extra.$(basename "$f")"; done
"$bin" index --maildir "$work/bv" >/dev/null
read -r changed_s changed_bounces _ < <("$helper" time "$work/bv")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$n" "$work/runs" "$warm_s" "$warm_kb" "$model_s" "$model_kb" "$first_s" "$bounces" "$groups" \
	"$changed_s" "$changed_bounces" "$load_before" "$load_after" <<'PY'
import statistics, sys
n, runs = int(sys.argv[1]), sys.argv[2]
warm_s, warm_kb, model_s, model_kb, first_s = map(float, sys.argv[3:8])
bounces, groups = sys.argv[8:10]
changed_s, changed_bounces = float(sys.argv[10]), sys.argv[11]
r = {"nm": [], "bv": []}
for line in open(runs):
    tool, wall, cpu, kb = line.split()
    r[tool].append((float(wall), float(cpu), int(kb)))
med = {t: [statistics.median(x[i] for x in v) for i in range(3)] for t, v in r.items()}
print(f"index, {n} messages ({bounces} bounced recipients, {groups} cause groups), "
      f"median of {len(r['bv'])} interleaved rounds:")
for t, name in (("nm", "cold notmuch new"), ("bv", "cold bounceview index")):
    w, c, kb = med[t]
    print(f"  {name:23} {w:8.2f} s wall  {c:8.2f} s cpu  peak {kb / 1024:6.1f} MiB  "
          f"(walls: {', '.join(f'{x[0]:.1f}' for x in r[t])}; cpus: {', '.join(f'{x[1]:.2f}' for x in r[t])})")
print(f"  ratio bounceview/notmuch  {med['bv'][0] / med['nm'][0]:.2f}x wall, "
      f"{med['bv'][1] / med['nm'][1]:.2f}x cpu (target <= 1.10x; per round: "
      f"{', '.join(f'{b[1] / a[1]:.2f}x' for a, b in zip(r['nm'], r['bv']))})")
print(f"  warm bounceview index   {warm_s:8.3f} s   peak {warm_kb / 1024:6.1f} MiB")
print(f"  first open after index  {first_s:8.3f} s   (no snapshot: every bounce read out of notmuch)")
print(f"  first open after change {changed_s:8.3f} s   (1% new mail indexed; {changed_bounces} bounced "
      f"recipients; target < 0.3 s at 100,000)")
print(f"  model open + groups     {model_s:8.3f} s   peak {model_kb / 1024:6.1f} MiB")
print(f"  warm start to groups    {warm_s + model_s:8.3f} s (target < 0.3 s at 100,000)")
print(f"  load average: {sys.argv[12]} before, {sys.argv[13]} after")
PY
