#!/usr/bin/env bash
# Quick start, step 2: the whole test suite. Builds and runs every CTest test (unit,
# known-answer numeric tests on ../shared/data, CLI end-to-end, MPI, browser, fuzz corpus
# replay) twice: a normal build in build/, then an ASan+UBSan build in build-san/; then the
# clang build of the fuzz targets (build-fuzz/: corpus replay and 15 s of libFuzzer per
# target, scripts/fuzz.sh; MP_FUZZ_SECONDS overrides).
#   --fast   only the normal build
# Tests that need ../shared/data (or $MULTIPOLAR_SHARED_DATA) skip when it is missing, and
# fail instead under CI=true.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
fast=0
[ "${1:-}" = "--fast" ] && fast=1
jobs=$(nproc)
[ -d tests/browser ] && [ -f scripts/setup-browser-test.sh ] && bash scripts/setup-browser-test.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
if [ "$fast" -eq 0 ]; then
	cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DMP_SANITIZE=ON >/dev/null
	cmake --build build-san -j"$jobs"
	# Open MPI's own allocations are reported as leaks by LeakSanitizer: suppressed by library.
	export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
	(cd build-san && ctest --output-on-failure -j"$jobs" -LE browser)
	bash scripts/fuzz.sh "${MP_FUZZ_SECONDS:-15}"
fi
