#!/usr/bin/env bash
# Benchmark of the UI's start: the time from `bounceview MAILDIR` to the
# first screen of groups with a warm index (nothing new to index), for N
# messages (default: 10000 and 100000; 10% of them bounces).
#
# The UI runs on its virtual screen (BOUNCEVIEW_TUI_SCRIPT, see tui/screen.h)
# with an empty key script: it loads the model, draws the first screen and
# quits.
#
# usage: bench/ui-start.sh [BINARY] [N...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cli/bounceview}
shift || true
sizes=${*:-10000 100000}
work=${BENCH_DIR:-/tmp/bounceview-bench}
home=$work/ui-home
mkdir -p "$home/config" "$home/data"
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data NOTMUCH_CONFIG=$home/none
export BOUNCEVIEW_TUI_SIZE=120x40 LC_ALL=C.UTF-8

for n in $sizes; do
	dir=$work/maildir-$n
	if [ ! -d "$dir/cur" ]; then
		echo "bench: writing $n messages to $dir" >&2
		python3 "$here/make-maildir.py" "$dir" "$n"
	fi
	# The first start indexes (with the progress bar); the runs measured
	# after it find nothing new.
	BOUNCEVIEW_TUI_SCRIPT=/dev/null "$bin" "$dir"
	# With an index there already, the groups are drawn from it at once
	# and the check for new mail runs in a background thread.  A test
	# script waits for that thread before it ends (tui/app.c), so the
	# whole run is "first screen + background check"; --no-index is the
	# first screen alone.
	json=$(mktemp)
	BOUNCEVIEW_TUI_SCRIPT=/dev/null hyperfine -N --warmup 2 --runs 10 --export-json "$json" \
		"$bin --no-index $dir" "$bin $dir" >&2
	python3 - "$n" "$json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
first, whole = json.load(open(path))["results"]
print(f"ui start, warm index, {n} messages: first screen {first['mean']:.3f} s "
      f"(min {first['min']:.3f}); with the background check {whole['mean']:.3f} s")
PY
	rm -f "$json"
done
