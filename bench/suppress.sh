#!/usr/bin/env bash
# Benchmark of the suppression store (index/suppress.h) at scale.
#
# A store of N marks (default 1,000,000, invented addresses) is written in
# the store's own format, then:
#   - `bounceview suppress add` and `suppress remove` of one address
#     (hyperfine; each add is prepared by a remove and the other way round,
#     so every timed run changes the store), first on the store as written
#     here (as if edited by hand: read whole), then after
#     `suppress compact` (the store bounceview writes: bisection);
#   - `bounceview suppress list`, which reads every mark (what opening the
#     UI costs for the marks);
#   - `m` in the UI: the model of the demo Maildir opened once with that
#     store, then one address marked and unmarked 20 times through
#     bv_model_mark()/bv_model_unmark() (index-helper mark).
# Nothing outside a temporary directory is read or written.
#
# usage: bench/suppress.sh [BUILD_DIR] [N]      (defaults: build, 1000000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-1000000}
bin=$(cd "$build" && pwd)/cli/bounceview
helper=$(cd "$build" && pwd)/tests/index/index-helper
work=$(mktemp -d "${TMPDIR:-/tmp}/bounceview-suppress-XXXXXX")
trap 'rm -rf "$work"' EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export NOTMUCH_CONFIG=$work/no-notmuch-config
unset NOTMUCH_PROFILE BOUNCEVIEW_CONFIG
store=$work/suppressions.tsv
export BOUNCEVIEW_SUPPRESSIONS=$store

python3 - "$store" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
causes = ["userunknown", "hostunknown", "mailboxfull", "filtered", "suspend"]
with open(path, "w") as f:
    f.write("# bounceview suppressions v1: address\tcause\tdate\tsource\tnote\n")
    lines = ("customer%07d@domain%d.example\t%s\t2026-%02d-%02dT10:00:00Z\t%s\t\n"
             % (i, i % 5000, causes[i % 5], 1 + i % 12, 1 + i % 28, "policy" if i % 3 else "hand")
             for i in range(n))
    f.writelines(sorted(lines))
PY
echo "bench: store of $n marks, $(du -h "$store" | cut -f1)" >&2

addr=benchmark@new.example
timed_changes() {
	hyperfine -N --warmup 3 --runs 30 \
		--prepare "$bin suppress remove $addr" -n "suppress add (1 address, $1)" "$bin suppress add $addr" \
		--prepare "$bin suppress add $addr" -n "suppress remove (1 address, $1)" "$bin suppress remove $addr"
}
timed_changes "store not written by bounceview"
hyperfine -N --runs 1 -n "suppress compact (fold the journal in, sort)" "$bin suppress compact"
timed_changes "store written by bounceview"
hyperfine --warmup 1 --runs 3 -n "suppress list (every mark)" "$bin suppress list --format=jsonl >/dev/null"
hyperfine -N --warmup 1 --runs 3 -n "suppress list of nothing but the header" \
	"$bin suppress list --store $work/empty.tsv"

maildir=$here/../demo/maildir
if [ -d "$maildir/cur" ]; then
	mkdir "$work/Maildir"
	cp -r "$maildir/cur" "$maildir/new" "$maildir/tmp" "$work/Maildir/" 2>/dev/null || true
	mkdir -p "$work/Maildir/tmp"
	"$bin" index --maildir "$work/Maildir" >/dev/null
	echo "bench: m in the UI (bv_model_mark/bv_model_unmark on the demo Maildir's model):"
	"$helper" mark "$work/Maildir" "$addr"
fi
