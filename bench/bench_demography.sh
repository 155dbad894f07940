#!/bin/bash
# Demography (docs/demography.md): the speed of the baseline ensemble with the cohort engine
# on and off, and the population skill through `multipolar evaluate` with WPP imported
# ("after": the cohort engine fitted on data <= each origin) and without it ("before": the
# reduced form). Prints the machine first. The known answer (WPP 2017's medium projection)
# and the interval comparison are CTest tests: numeric_test_demog_wpp2017,
# numeric_test_demog_intervals (their output has the tables of bench/RESULTS.md).
# Usage: MP_BIN=build/multipolar MP_SRC=. bash bench/bench_demography.sh [--no-eval]
set -eu
MP=${MP_BIN:-build/multipolar}
SRC=${MP_SRC:-.}
SHARED=${MULTIPOLAR_SHARED_DATA:-$SRC/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)"
export MULTIPOLAR_DATA=$SRC/data
# The baseline, 200 runs to 2050, one thread: the cohorts on (the shipped ages.csv) and off.
printf 'base: baseline.yaml\nname: nodem\noverrides:\n  demography.enabled: 0\n' > "$T/nodem.yaml"
for sc in "$SRC/data/scenarios/baseline.yaml" "$T/nodem.yaml"; do
	for k in 1 2 3; do
		/usr/bin/time -f "%e %U %S" -o "$T/t" "$MP" simulate "$sc" --runs 200 --threads 1 --no-store --quiet \
			--format csv > /dev/null
		read -r wall user sys < "$T/t"
		echo "$(basename "$sc") run $k: wall $wall s, CPU $(echo "$user + $sys" | bc) s"
	done
done
[ "${1:-}" = "--no-eval" ] && exit 0
# Evaluation: origins 1970-2010 every 2 years, horizons 5 and 10, 200 runs, population.
$MP import --quiet --db "$T/no.db" "$SHARED"/*.csv
cp "$T/no.db" "$T/wpp.db"
$MP import --quiet --db "$T/wpp.db" "$SHARED"/wpp2017/*.txt "$SHARED"/wpp2024/*.txt
for db in no wpp; do
	/usr/bin/time -f "%e %U %S" -o "$T/t" "$MP" evaluate --db "$T/$db.db" --origins 1970:2010:2 --horizons 5,10 \
		--runs 200 --variables pop --no-store --quiet --format csv --scores "$T/$db.scores.csv" > "$T/$db.csv"
	echo "evaluate ($db WPP): $(cat "$T/t") (wall, user, sys s)"
	cat "$T/$db.csv"
done
