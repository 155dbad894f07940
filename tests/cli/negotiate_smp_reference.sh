#!/bin/bash
# negotiate --model smp reproduces KTAB's smpc on SOE-Pol-Comp.csv: the same 27 turns,
# positions at KTAB's printed precision (2 decimals on 0..100), probabilities to 4 decimals.
. "$(dirname "$0")/../lib.bash"
need_shared bargaining/ktab/SOE-Pol-Comp.csv bargaining/ktab/soe_pol_comp__positions.csv \
	bargaining/ktab/soe_pol_comp__position_probabilities.csv
K=$SHARED/bargaining/ktab
expect_exit 0 "$MP" negotiate "$K/SOE-Pol-Comp.csv" --show positions --format csv
[ "$(wc -l < "$T/out")" -eq "$(wc -l < "$K/soe_pol_comp__positions.csv")" ] || fail "row count differs"
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2 "," $3] = $4; next }
	FNR > 1 { k = $1 "," $2 "," $3; d = $4 - ref[k]; if (d < 0) d = -d;
		if (!(k in ref) || d > 0.005 + 1e-9) { print k, $4, ref[k]; bad = 1 } }
	END { exit bad }' "$K/soe_pol_comp__positions.csv" "$T/out" || fail "positions differ"
expect_exit 0 "$MP" negotiate "$K/SOE-Pol-Comp.csv" --show probabilities --format csv
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2] = $3; next }
	FNR > 1 { k = $1 "," $2; d = $3 - ref[k]; if (d < 0) d = -d;
		if (!(k in ref) || d > 0.00005 + 1e-9) { print k, $3, ref[k]; bad = 1 } n++ }
	END { exit bad }' "$K/soe_pol_comp__position_probabilities.csv" "$T/out" || fail "probabilities differ"
expect_exit 0 "$MP" negotiate "$K/SOE-Pol-Comp.csv" --show summary --format csv
grep -q '^smp,13,27,KTAB convergence,' "$T/out" || fail "summary: $(cat "$T/out")"
echo ok
