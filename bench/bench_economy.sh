#!/bin/bash
# Economy and military skill (docs/economy.md, "Checks"), until `multipolar evaluate` scores
# them: bench/econ_check over origins 1970-2006 (every 2 years, 100 runs, the 30 largest
# economies of each origin), and the 2050 baseline's GDP top ten. Prints the machine first.
# Usage: MP_BIN=build/multipolar MP_BUILD=build MP_SRC=. bash bench/bench_economy.sh
set -eu
MP=${MP_BIN:-build/multipolar}
CHECK=${MP_BUILD:-build}/bench/econ_check
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SRC:-.}/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
DB="$T/e.db"
$MP import --quiet --db "$DB" "$SHARED"/*.csv "$SHARED/pwt/pwt110_1950_2016.csv"
t0=$(date +%s.%N)
"$CHECK" "$DB" 1970 2006 2 100 | tee "$T/check.csv"
t1=$(date +%s.%N)
echo "econ_check: $(echo "$t1 - $t0" | bc) s"
echo "2050 baseline (200 runs), GDP medians, trillions:"
$MP simulate baseline --runs 200 --no-store --quiet --format csv > "$T/base.csv"
for v in gdp_ppp gdp_mer; do
	awk -F, -v v=$v '$2 == 2050 && $4 == v && length($3) == 3 { printf "%s %s %.1f\n", v, $3, $7 / 1e6 }' \
		"$T/base.csv" | sort -k3,3gr | head -10
done
