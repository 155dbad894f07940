#!/usr/bin/env bash
# The clang build: the library under ASan + UBSan + float-cast-overflow with libFuzzer
# coverage, the fuzz targets of tests/fuzz as libFuzzer binaries; each target replays its
# corpus and then fuzzes for a bounded time (docs/fuzzing.md). New inputs go to a scratch
# copy of the corpus, never into the repository; a crash fails the script and leaves its
# input in build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 20; 0 = corpus replay only)
# Prints one line per target: execs, seconds, new corpus inputs, findings.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
secs=${1:-20}
cc=${MP_FUZZ_CC:-$(command -v clang-14 || command -v clang || true)}
[ -n "$cc" ] || { echo "fuzz.sh: clang not found (Debian clang-14, libclang-rt-14-dev)" >&2; exit 1; }
B=build-fuzz
CC=$cc cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Debug -DMP_SANITIZE=ON -DMP_FUZZ=ON -DMP_WITH_OPENMP=OFF \
	-DMP_WITH_MPI=OFF >/dev/null
targets=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
cmake --build "$B" -j"$(nproc)" --target $targets
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
export MULTIPOLAR_DATA="$here/data"
mkdir -p "$B/findings"
status=0
for t in $targets; do
	corpus="$here/tests/fuzz/corpus/$t"
	work="$B/corpus/$t"
	rm -rf "$work"
	mkdir -p "$work"
	cp "$corpus"/* "$work"/
	n0=$(ls "$work" | wc -l)
	# replay: every corpus file once
	if ! "$B/tests/$t" -runs=0 -artifact_prefix="$B/findings/$t-" "$work" >"$B/$t.replay.log" 2>&1; then
		echo "$t: corpus replay FAILED (see $B/$t.replay.log)"
		status=1
		continue
	fi
	if [ "$secs" -eq 0 ]; then
		echo "$t: replayed $n0 corpus files"
		continue
	fi
	set +e
	"$B/tests/$t" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$B/findings/$t-" "$work" >"$B/$t.log" 2>&1
	rc=$?
	set -e
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$B/$t.log" | grep -o '[0-9]*$' || echo "?")
	new=$(( $(ls "$work" | wc -l) - n0 ))
	found=$(ls "$B/findings" | grep -c "^$t-" || true)
	echo "$t: $execs execs in ${secs} s, $new new corpus inputs, $found findings"
	if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
		grep -E "ERROR|SUMMARY|runtime error" "$B/$t.log" | head -n 5
		status=1
	fi
done
exit "$status"
