#!/usr/bin/env bash
# Benchmark of `bounceview index` and of the model's start (index/).
#
# For a synthetic Maildir of N messages (10% bounces, bench/make-maildir.py):
#   - cold `notmuch new` on one copy and cold `bounceview index` on another
#     (each with a database of its own; same files, warm page cache);
#   - warm start with nothing new: `bounceview index` again, then the model
#     opened and grouped by cause (index-helper time), which is what the UI
#     does before the first screen; the first open after indexing reads
#     notmuch and is shown apart, later ones read the snapshot;
#   - peak resident memory of each (GNU time).
#
# usage: bench/index.sh [BUILD_DIR] [N]      (defaults: build, 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-10000}
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
# Copies without any database a previous run left in the source.
for copy in nm bv; do
	mkdir "$work/$copy"
	cp -r "$src/cur" "$src/new" "$src/tmp" "$work/$copy/"
done
# Warm the page cache the same way for both.
cat "$src"/cur/* "$src"/new/* >/dev/null 2>&1 || true

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
printf '[database]\npath=%s\n' "$work/nm" >"$work/notmuch-config"

measure() { # prints "seconds peak-KiB" of the command
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1
	cat "$work/time"
}

read -r nm_s nm_kb < <(NOTMUCH_CONFIG=$work/notmuch-config measure notmuch new --quiet)
read -r bv_s bv_kb < <(NOTMUCH_CONFIG=$work/none measure "$bin" index --maildir "$work/bv")
read -r warm_s warm_kb < <(NOTMUCH_CONFIG=$work/none measure "$bin" index --maildir "$work/bv")
export XDG_CACHE_HOME=$work/cache
# The first open after indexing reads notmuch and leaves the snapshot that
# every later start (the warm start) reads.
read -r first_s _ _ < <(NOTMUCH_CONFIG=$work/none "$helper" time "$work/bv")
read -r model_s bounces groups < <(NOTMUCH_CONFIG=$work/none "$helper" time "$work/bv")
read -r _ model_kb < <(NOTMUCH_CONFIG=$work/none measure "$helper" time "$work/bv")

python3 - "$n" "$nm_s" "$nm_kb" "$bv_s" "$bv_kb" "$warm_s" "$warm_kb" "$model_s" "$model_kb" "$first_s" "$bounces" "$groups" <<'PY'
import sys
n = int(sys.argv[1])
nm_s, nm_kb, bv_s, bv_kb, warm_s, warm_kb, model_s, model_kb, first_s = map(float, sys.argv[2:11])
bounces, groups = sys.argv[11:13]
print(f"index, {n} messages ({bounces} bounced recipients, {groups} cause groups):")
print(f"  cold notmuch new        {nm_s:8.2f} s   peak {nm_kb / 1024:6.1f} MiB")
print(f"  cold bounceview index   {bv_s:8.2f} s   peak {bv_kb / 1024:6.1f} MiB   ratio {bv_s / nm_s:.2f}x (target <= 1.15x)")
print(f"  warm bounceview index   {warm_s:8.3f} s   peak {warm_kb / 1024:6.1f} MiB")
print(f"  first open after index  {first_s:8.3f} s   (reads notmuch, writes the snapshot)")
print(f"  model open + groups     {model_s:8.3f} s   peak {model_kb / 1024:6.1f} MiB")
print(f"  warm start to groups    {warm_s + model_s:8.3f} s (target < 0.3 s at 100,000)")
PY
