#!/bin/bash
# The whole default evaluation grid (issue 9): origins 1960:2006:2, horizons 5 and 10, 200
# runs, every variable, pooled over origins 1970-2006 for the skill table and the goals.
# Prints the machine, the wall and CPU time and peak memory of the one evaluate process,
# the summary table (Markdown, for bench/RESULTS.md) and the goal checks.
# Usage: MP_BIN=build/multipolar MP_SRC=. bash bench/bench_evaluate.sh [extra evaluate options]
# (e.g. --without conflict for an ablation, --threads 1).
set -eu
MP=${MP_BIN:-build/multipolar}
SRC=${MP_SRC:-.}
SHARED=${MULTIPOLAR_SHARED_DATA:-$SRC/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$SRC/bench/machine.sh"
mp_machine
DB="$T/e.db"
# every dataset the model reads: the CSVs, UN WPP (the cohort model), PWT (the economy)
$MP import --quiet --db "$DB" "$SHARED" "$SHARED"/wpp2017 "$SHARED"/wpp2024 "$SHARED"/pwt
/usr/bin/time -f "%e %U %S %M" -o "$T/time" $MP evaluate --db "$DB" --origins 1960:2006:2 --horizons 5,10 \
	--runs 200 --pool 1970:2006 --scores "$T/scores.csv" --summary "$T/summary.csv" --check --format csv \
	--quiet "$@" > "$T/checks.csv"
read -r wall user sys rss < "$T/time"
echo "evaluate, default grid (24 origins x 2 horizons, 200 runs, $(nproc) threads): wall $wall s," \
	"CPU $(echo "$user + $sys" | bc) s (user $user, sys $sys), peak RSS $((rss / 1024)) MiB," \
	"$(($(wc -l < "$T/scores.csv") - 1)) score rows"
echo
echo "Skill table, pooled over origins 1970-2006 and over states (unit all):"
echo
awk -F, 'NR == 1 { printf "| variable | h | method | n | mae | rmse | crps | cov50 | cov90 | brier | log | auc | skill_mae | skill_crps | skill_brier | d_auc |\n"
		   printf "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"; next }
	function f(x, d) { return x == "" ? "" : sprintf("%." d "g", x) }
	{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		$1, $2, $3, $4, f($5, 4), f($6, 4), f($7, 4), f($8, 3), f($9, 3), f($10, 4), f($11, 4), f($12, 3),
		f($13, 3), f($14, 3), f($15, 3), f($16, 3) }' "$T/summary.csv"
echo
echo "Goals of issue 9 (pooled over origins 1970-2006, 10 years):"
echo
awk -F, 'NR == 1 { print "| goal | variable | h | model | reference | value | target | status |"; print "|---|---|---|---|---|---|---|---|"; next }
	{ printf "| %s | %s | %s | %.5g | %s %.5g | %.4g | %s | **%s** |\n", $1, $2, $3, $5, $4, $6, $7, $8, $9 }' "$T/checks.csv"
