#!/bin/bash
# negotiate --model eu reproduces the reference run of the BDM (1994) example
# (shared/data/bargaining/eu, jmckib's algorithm): positions of every round and the
# risk exponents to 1e-9, the moves of every round, and the round-by-round summary.
. "$(dirname "$0")/../lib.bash"
need_shared bargaining/eu/eu_emissions_bdm1994.csv bargaining/eu/eu_emissions_10rounds__positions.csv \
	bargaining/eu/eu_emissions_10rounds__risk.csv bargaining/eu/eu_emissions_10rounds__moves.csv
E=$SHARED/bargaining/eu
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --rounds 10 --show positions --format csv
head -1 "$T/out" | grep -qx 'round,actor,dim,position' || fail "header: $(head -1 "$T/out")"
[ "$(wc -l < "$T/out")" -eq 111 ] || fail "expected 110 rows"
# join on (round, actor) and compare numerically
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2] = $3; next }
	FNR > 1 { k = $1 "," $2; if (!(k in ref)) { print "missing " k; bad = 1; next }
		d = $4 - ref[k]; if (d < 0) d = -d; if (d > 1e-9) { print k, $4, ref[k]; bad = 1 } n++ }
	END { if (n != 110) bad = 1; exit bad }' "$E/eu_emissions_10rounds__positions.csv" "$T/out" || fail "positions differ"
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --show risk --format csv
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2] = $3; next }
	FNR > 1 { k = $1 "," $2; d = $3 - ref[k]; if (d < 0) d = -d; if (!(k in ref) || d > 1e-9) bad = 1; n++ }
	END { if (n != 100) bad = 1; exit bad }' "$E/eu_emissions_10rounds__risk.csv" "$T/out" || fail "risk differs"
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --show offers --format csv
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2] = $3 "," $4 "," $7; next }
	FNR > 1 { k = $1 "," $2; split(ref[k], r, ","); d = $7 - r[3]; if (d < 0) d = -d;
		if (r[1] != $3 || r[2] != $4 || d > 1e-9) { print k; bad = 1 } n++ }
	END { if (n != 30) bad = 1; exit bad }' "$E/eu_emissions_10rounds__moves.csv" "$T/out" || fail "moves differ"
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --show summary --format csv
grep -q '^eu,10,10,round limit,1,7.24213' "$T/out" || fail "summary: $(cat "$T/out")"
# The sultan input is a fixed point: with --stop fixed the run ends after round 1.
expect_exit 0 "$MP" negotiate "$E/sultan.csv" --stop fixed --show summary --format csv
grep -q ',1,fixed point,' "$T/out" || fail "sultan: $(cat "$T/out")"
# leastmove changes the round-4 mean to about 7.604 (docs/bargaining.md A.7)
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --compromise leastmove --show forecast --format csv
awk -F, '$1 == 4 { d = $3 - 7.604; if (d < 0) d = -d; exit !(d < 5e-4) }' "$T/out" || fail "leastmove round 4"
# pairwise: converges to 7.0 in 3 rounds, then a fixed point
expect_exit 0 "$MP" negotiate "$E/eu_emissions_bdm1994.csv" --probability pairwise --stop all --show summary --format csv
grep -Eq '^eu,10,4,fixed point,1,7(\.0000000000000[0-9]*)?,7,' "$T/out" || fail "pairwise: $(cat "$T/out")"
echo ok
