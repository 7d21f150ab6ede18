#!/usr/bin/env bash
# Counts, rather than times, what a cold `bounceview index` does beyond a
# cold `notmuch new` of the same Maildir: user-space instructions
# (valgrind --tool=callgrind) and system calls (strace -f), which do not
# depend on the machine's load.  Each tool runs on a fresh copy of the
# Maildir with a database of its own (as bench/index.sh runs them).
#
# Prints the instructions of both and their ratio, the system calls of
# both by name, the opens of mail files, and the inclusive instructions of
# bounceview's own index functions (callgrind_annotate --inclusive=yes).
# The callgrind files stay in WORK (printed) for callgrind_annotate.
#
# Under callgrind a 2,000-message index takes some 50 times as long as
# without (several minutes); 10,000 messages about five times that.
#
# usage: bench/index-count.sh [BUILD_DIR] [N]     (defaults: build, 2000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-2000}
bin=$(cd "$build" && pwd)/cli/bounceview
base=${BENCH_DIR:-/tmp/bounceview-bench}
mkdir -p "$base"
src=$base/maildir-$n
if [ ! -d "$src/cur" ]; then
	echo "bench: writing $n messages to $src" >&2
	python3 "$here/make-maildir.py" "$src" "$n" >/dev/null
fi
# A fixed-length name: the paths end up in notmuch's terms, and a longer
# path is a few more instructions.
work=$base/count-$n
rm -rf "$work"
mkdir -p "$work"
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
printf '[database]\npath=%s\n' "$work/nm" >"$work/notmuch-config"

copy() { # a copy of the Maildir without any database
	rm -rf "$work/$1"
	mkdir "$work/$1"
	cp -r "$src/cur" "$src/new" "$src/tmp" "$work/$1/"
}
nm() { NOTMUCH_CONFIG=$work/notmuch-config "$@" notmuch new --quiet; }
bv() { NOTMUCH_CONFIG=$work/none "$@" "$bin" index --maildir "$work/bv" >/dev/null; }

for t in nm bv; do
	copy "$t"
	$t strace -f -o "$work/strace.$t"
	copy "$t"
	$t valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$t" --log-file="$work/valgrind.$t"
done

python3 - "$work" <<'PY'
import collections, re, subprocess, sys
work = sys.argv[1]
def instructions(t):
    for line in open(f"{work}/valgrind.{t}"):
        m = re.search(r"Collected : (\d+)", line)
        if m:
            return int(m.group(1))
def syscalls(t):
    calls, mail = collections.Counter(), 0
    for line in open(f"{work}/strace.{t}"):
        m = re.match(r"\d+\s+(\w+)\(", line)
        if m:
            calls[m.group(1)] += 1
            mail += m.group(1) == "openat" and re.search(r'/(cur|new)/[^"]*"', line) is not None
    return calls, mail
ins = {t: instructions(t) for t in ("nm", "bv")}
print(f"instructions: notmuch new {ins['nm']:,}, bounceview index {ins['bv']:,}, "
      f"ratio {ins['bv'] / ins['nm']:.3f} (+{ins['bv'] - ins['nm']:,})")
sc = {t: syscalls(t) for t in ("nm", "bv")}
names = sorted(set(sc["nm"][0]) | set(sc["bv"][0]), key=lambda k: -max(sc["nm"][0][k], sc["bv"][0][k]))
print(f"system calls: notmuch new {sum(sc['nm'][0].values()):,}, bounceview index {sum(sc['bv'][0].values()):,}; "
      f"opens of mail files {sc['nm'][1]:,} and {sc['bv'][1]:,}")
for k in names[:16]:
    print(f"  {k:12} {sc['nm'][0][k]:8,} {sc['bv'][0][k]:8,}")
out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", f"{work}/callgrind.bv"],
                     capture_output=True, text=True).stdout
print("bounceview index, inclusive instructions of its own index functions and of notmuch's calls:")
seen = set()
for line in out.splitlines():
    line = re.sub(r"\s+\[.*\]$", "", re.sub(r"\S*\.\./", "", line.strip()))
    name = line.split("  ")[-1]
    if "=>" in line or name in seen or len(seen) >= 30:
        continue
    if re.search(r"index/\w+\.cc?:|:(notmuch_database_index_file|notmuch_database_close|bv_report_parse|"
                 r"bv_triage|notmuch_message_thaw|notmuch_message_get_message_id)$", line):
        print("  " + line)
        seen.add(name)
print(f"callgrind files: {work}/callgrind.nm, {work}/callgrind.bv")
PY
