#!/usr/bin/env bash
# Relations benchmarks: all dyads of one year (every S variant, tau-b, kappa, ideal points,
# trade) and the 1946-2016 major-power panel; beside the same alliance-similarity work in
# python3-pandas/numpy. Prints the figures recorded in bench/RESULTS.md.
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
SRC=${MP_SRC:-.}
DATA=${MULTIPOLAR_SHARED_DATA:-$SRC/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MULTIPOLAR_DB="$T/bench.db"
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$MP" import --quiet "$DATA"/{NMC-60-abridged,states2016,majors2016,atop5.1_dyad_year,cow_alliance_v4.1_dyad_year,unga_idealpoints_july2025,mpd2023,country_code_crosswalk,cow_trade_dyadic_4.0_ndy,National_COW_4.0}.csv
"$MP" dyads --year 2010 --format csv --quiet >"$T/d.csv"
echo "dyads 2010: $(( $(wc -l <"$T/d.csv") - 1 )) rows"
hyperfine -N --warmup 1 --runs 10 --style basic \
	"$MP dyads --year 2010 --format csv --quiet --output $T/o1.csv" \
	"$MP dyads --year 1946 --to 2016 --set majors --format csv --quiet --output $T/o2.csv" \
	"$MP dyad USA CHN --format csv --quiet --output $T/o3.csv" \
	"$MP transitions --format csv --quiet --output $T/o4.csv" \
	"$MP blocs --year 2016 --basis both --format csv --quiet --output $T/o5.csv" 2>&1 | grep -E "Benchmark|Time"
for i in 1 2 3; do /usr/bin/python3 "$SRC/bench/bench_relations_pandas.py" "$DATA" 2010; done
