#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (clang, -Dfuzzers=true, in build-fuzz/) and
# fuzzes each for SECONDS.  Usage:
#
#   tests/fuzz/run.sh SECONDS [TARGET...]     (TARGET: message, dsn, codes, ...)
#
# Each target grows its own corpus in build-fuzz/tests/fuzz/work/TARGET/corpus
# (kept between runs, never committed), starting from the seeds (built from
# tests/corpora/ and make-seeds.py), regressions/TARGET/ and known-bugs/TARGET/.
# libFuzzer runs in fork mode and goes on after a crash, so one bug does not
# hide the next.  At the end every crash, hang, leak or out-of-memory input
# is replayed to get its signature (the broken promise, or the sanitizer's
# error and the first engine function on the stack); a signature that a file
# in known-bugs/ also has is a known bug.  Exit status: 0 when nothing new was
# found, 1 when something was (the inputs are listed, with how to reproduce
# them), 2 on a usage or build error.
#
# Environment: BV_FUZZ_BUILD (build directory, default build-fuzz),
# BV_FUZZ_JOBS (parallel fuzzing processes per target, default 1).
set -euo pipefail

usage() {
	echo "usage: $0 SECONDS [TARGET...]" >&2
	exit 2
}
[ $# -ge 1 ] || usage
secs=$1
shift
[[ $secs =~ ^[0-9]+$ ]] && [ "$secs" -gt 0 ] || usage

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BV_FUZZ_BUILD:-$root/build-fuzz}
jobs=${BV_FUZZ_JOBS:-1}
src=$root/tests/fuzz
all_targets=(message dsn codes address classify text)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
	[ -f "$src/fuzz-$t.c" ] || { echo "run.sh: no target '$t' (have: ${all_targets[*]})" >&2; exit 2; }
done

command -v clang >/dev/null || { echo "run.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" -Dfuzzers=true >/dev/null || exit 2
else
	meson configure "$build" -Dfuzzers=true >/dev/null || exit 2
fi
ninja -C "$build" tests/fuzz/seeds.stamp $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >/dev/null || {
	echo "run.sh: the fuzz targets did not build" >&2
	exit 2
}
bin=$build/tests/fuzz

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_DEBUG=fatal-criticals LC_ALL=C.UTF-8

# The signature of a crashing input: what went wrong and where in the engine.
# The parser named in a broken promise is left out: one root cause shows up
# in every format parser that shares the helper.
signature() {
	local target=$1 input=$2 out
	out=$(timeout 60 "$bin/fuzz-$target" -runs=1 "$input" 2>&1 || true)
	local what where
	what=$(grep -m1 -oE 'broken promise: [^(]*|ERROR: (AddressSanitizer|LeakSanitizer): [a-z-]+|runtime error: [^0-9]*|ERROR: libFuzzer: [a-z-]+|ALARM: working on the last Unit|out-of-memory' <<<"$out" || true)
	where=$(grep -oE ' in [a-z_0-9]+ [^ ]*/(parsers|cli)/' <<<"$out" | grep -v 'bv_fuzz' | head -1 | awk '{print $2}' || true)
	[ -n "$what" ] || what="no crash on replay (flaky, or depends on earlier inputs)"
	echo "${what% } @ ${where:-?}"
}

status=0
summary=()
for t in "${targets[@]}"; do
	work=$bin/work/$t
	mkdir -p "$work/corpus" "$work/artifacts"
	rm -f "$work/artifacts/"*
	corpora=("$work/corpus" "$bin/seeds/$t")
	for d in "$src/regressions/$t"; do
		[ -d "$d" ] && corpora+=("$d")
	done
	opts=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048
	      -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
	      -artifact_prefix="$work/artifacts/")
	if [ "$t" = message ]; then
		opts+=(-max_len=65536 -dict="$src/message.dict")
	else
		opts+=(-max_len=8192)
	fi
	echo "== fuzz-$t: ${secs}s"
	"$bin/fuzz-$t" "${opts[@]}" "${corpora[@]}" >"$work/log" 2>&1 || true
	execs=$(grep -oE '^#[0-9]+' "$work/log" | tail -1 | tr -d '#')
	corpus=$(find "$work/corpus" -type f | wc -l)

	# Known signatures, from the inputs that reproduce open bugs.
	declare -A known=()
	if [ -d "$src/known-bugs/$t" ]; then
		for k in "$src/known-bugs/$t"/*; do
			known["$(signature "$t" "$k")"]=$(basename "$k")
		done
	fi
	new=0
	old=0
	for a in "$work/artifacts"/*; do
		[ -f "$a" ] || continue
		sig=$(signature "$t" "$a")
		if [ -n "${known[$sig]:-}" ]; then
			old=$((old + 1))
			echo "   known bug (known-bugs/$t/${known[$sig]}): $sig"
		else
			new=$((new + 1))
			echo "   NEW: $sig"
			echo "        input: $a"
			echo "        reproduce: $bin/fuzz-$t $a"
			echo "        minimise:  $bin/fuzz-$t -minimize_crash=1 -max_total_time=60 $a"
		fi
	done
	unset known
	[ $new -eq 0 ] || status=1
	summary+=("$(printf '%-9s %6ss %12s runs %6s corpus %3s new %3s known' "$t" "$secs" "${execs:-?}" "$corpus" "$new" "$old")")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
	echo "run.sh: new crashes found: minimise each, add it to tests/fuzz/regressions/TARGET/ with the fix" \
	     "(or to known-bugs/ with an expected-to-fail test while the fix is pending)"
fi
exit $status
