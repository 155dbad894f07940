#!/bin/bash
# Sensitivity ensembles are identical run to run and for any thread count.
. "$(dirname "$0")/../lib.bash"
need_shared bargaining/eu/eu_emissions_bdm1994.csv bargaining/ktab/dummyData_3Dim.csv
E=$SHARED/bargaining/eu/eu_emissions_bdm1994.csv
K=$SHARED/bargaining/ktab/dummyData_3Dim.csv
"$MP" negotiate "$E" --sensitivity 64 --seed 7 --threads 1 --format csv > "$T/a" || fail "threads 1"
"$MP" negotiate "$E" --sensitivity 64 --seed 7 --threads 2 --format csv > "$T/b" || fail "threads 2"
"$MP" negotiate "$E" --sensitivity 64 --seed 7 --threads 2 --format csv > "$T/c" || fail "threads 2 again"
cmp -s "$T/a" "$T/b" || fail "EU: --threads 1 and 2 differ"
cmp -s "$T/b" "$T/c" || fail "EU: two runs differ"
head -1 "$T/a" | grep -qx 'dim,statistic,replicates,q05,q25,q50,q75,q95' || fail "header"
[ "$(wc -l < "$T/a")" -eq 3 ] || fail "EU: expected 2 rows"
"$MP" negotiate "$E" --sensitivity 64 --seed 8 --threads 2 --format csv > "$T/d" || fail "seed 8"
cmp -s "$T/a" "$T/d" && fail "a different seed gives the same result"
"$MP" negotiate "$K" --sensitivity 16 --seed 3 --threads 1 --format csv > "$T/e" || fail "smp threads 1"
"$MP" negotiate "$K" --sensitivity 16 --seed 3 --threads 2 --format csv > "$T/f" || fail "smp threads 2"
cmp -s "$T/e" "$T/f" || fail "SMP: --threads 1 and 2 differ"
[ "$(wc -l < "$T/e")" -eq 7 ] || fail "SMP: expected 6 rows"
# a stochastic SMP run is reproducible for a given seed
"$MP" negotiate "$K" --transitions stochastic --seed 5 --format csv > "$T/g" || fail "stochastic"
"$MP" negotiate "$K" --transitions stochastic --seed 5 --format csv > "$T/h" || fail "stochastic again"
cmp -s "$T/g" "$T/h" || fail "stochastic runs differ for one seed"
echo ok
