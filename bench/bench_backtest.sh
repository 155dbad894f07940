#!/bin/bash
# Backtest figures: the 2006->2016 scores (model, persistence, trend) for several seeds and
# ensemble sizes, and the wall time of calibrate and backtest. Prints the machine first.
# Usage: MP_BIN=build/multipolar MP_SRC=. bash bench/bench_backtest.sh
set -eu
MP=${MP_BIN:-build/multipolar}
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SRC:-.}/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED"/*.csv
now() { date +%s.%N; }
t0=$(now); $MP calibrate --db "$DB" --until 2006 --no-save --output "$T/p.yaml" --quiet >/dev/null; t1=$(now)
echo "calibrate --until 2006: $(echo "$t1 - $t0" | bc) s"
for runs in 50 200; do
	t0=$(now); $MP backtest --db "$DB" --start 2006 --end 2016 --runs $runs --quiet > "$T/s.csv"; t1=$(now)
	echo "backtest 2006->2016 --runs $runs (seed 1): $(echo "$t1 - $t0" | bc) s"
	sed 's/^/  /' "$T/s.csv"
done
echo "model MAE by seed (--runs 200, the default): persistence $(awk -F, '$1=="persistence"{print $3}' "$T/s.csv"), trend $(awk -F, '$1=="trend"{print $3}' "$T/s.csv")"
for seed in 1 2 3 4 5 6 7 8 9 10; do
	$MP backtest --db "$DB" --start 2006 --end 2016 --seed $seed --quiet | awk -F, -v s=$seed '$1=="model"{printf "  seed %d: mae %.6f rmse %.6f rank_corr %.4f\n", s, $3, $4, $5}'
done
echo "other windows (--runs 200, seed 1):"
for w in "1996 2006" "1986 1996" "2001 2011"; do
	set -- $w
	$MP backtest --db "$DB" --start $1 --end $2 --quiet | awk -F, -v w="$1->$2" 'NR>1{printf "  %s %-11s mae %.6f rmse %.6f rank_corr %.4f\n", w, $1, $3, $4, $5}'
done
echo "ablation, 2006->2016 with the sim's default parameters (--uncalibrated, --runs 200, seed 1):"
$MP backtest --db "$DB" --start 2006 --end 2016 --uncalibrated --quiet | awk -F, 'NR==2{printf "  model mae %.6f rmse %.6f rank_corr %.4f\n", $3, $4, $5}'
