# Known answers for dyad/dyads/transitions on the real data (shared/data).
# Expected values: docs/references.md E3 (ideal-point distances, to 0.01) and the output of
# tests/numeric/relations_expected.py, an independent pandas computation from the raw CSVs
# (run: /usr/bin/python3 tests/numeric/relations_expected.py ../shared/data):
#   2-365 2000: n=191 S_abs=0.3577661431064576 S_w=0.012092188722366837 S_sq=0.47876672484002347
#               taub=0.320072844375783 kappa=0.1505043284886035
#   365-710 2014: n=195 S_abs=0.6717948717948721 S_w=0.5680227426269604 S_sq=0.8313390313390314
#               taub=0.37176983899009414 kappa=0.37304483837330493
#   2-200 1950: n=75 S_abs=0.33333333333333337 S_w=0.535080008381358 S_sq=0.33333333333333337
#               taub=0.30563446323082116 kappa=0.27522226517201354
#   USA-CHN parity spells [(1975, 1988), (1991, 2006)] crossings [1995]
#   USA-CHN 2014: T=655808 barbieri=0.1364487981862102 dep_ab=0.0397668630150406
#               dep_ba=0.03834249188893981
set -e
source "$MP_SRC/tests/lib.bash"
F="NMC-60-abridged.csv states2016.csv majors2016.csv atop5.1_dyad_year.csv cow_alliance_v4.1_dyad_year.csv unga_idealpoints_july2025.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv National_COW_4.0.csv"
need_shared $F
for f in $F; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" >/dev/null

# near FILE COLUMN EXPECTED TOL [ROW]: value of a CSV column (row 1 by default) within tol
near() {
	awk -F, -v col="$2" -v want="$3" -v tol="$4" -v row="${5:-1}" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		NR == row + 1 { v = $c; d = v - want; if (d < 0) d = -d;
			if (c == 0 || v == "" || d > tol) { printf "%s = \"%s\", expected %s +- %s\n", col, v, want, tol; exit 1 } }
	' "$1" || fail "$1: column $2"
}

# header exactly as specified
expect_exit 0 "$MP" dyad USA CHN --from 2014 --to 2014 --format csv
head -1 "$T/out" | grep -qx 'ccode1,ccode2,stateabb1,stateabb2,year,cap_share_a,cap_ratio,parity,atop_tie,cow_tie,s_unweighted,s_weighted,s_squared,tau_b,kappa,ideal_distance,trade,dep_ab,dep_ba,barbieri,junior_index,agree,s_votes,kappa_votes,nvotes,agree_me,agree_nu,agree_di,agree_hr,agree_co,agree_ec' || fail "dyad header: $(head -1 "$T/out")"

# S, tau-b, kappa on real ATOP rows (pandas, above); tolerance 1e-12
check_sim() { # A B YEAR S_abs S_w S_sq taub kappa
	"$MP" dyad "$1" "$2" --from "$3" --to "$3" --format csv >"$T/s.csv"
	near "$T/s.csv" s_unweighted "$4" 1e-12; near "$T/s.csv" s_weighted "$5" 1e-12
	near "$T/s.csv" s_squared "$6" 1e-12; near "$T/s.csv" tau_b "$7" 1e-12; near "$T/s.csv" kappa "$8" 1e-12
}
check_sim USA RUS 2000 0.3577661431064576 0.012092188722366837 0.47876672484002347 0.320072844375783 0.1505043284886035
check_sim RUS CHN 2014 0.6717948717948721 0.5680227426269604 0.8313390313390314 0.37176983899009414 0.37304483837330493
check_sim 2 200 1950 0.33333333333333337 0.535080008381358 0.33333333333333337 0.30563446323082116 0.27522226517201354

# trade, Barbieri and dependence on the hand-checked dyad USA-CHN 2014 (flows 472,525 + 183,283)
"$MP" dyad "United States of America" China --from 2014 --to 2014 --format csv >"$T/t.csv"
near "$T/t.csv" trade 655808 0
near "$T/t.csv" barbieri 0.1364487981862102 1e-12
near "$T/t.csv" dep_ab 0.0397668630150406 1e-12
near "$T/t.csv" dep_ba 0.03834249188893981 1e-12
grep -q '^2,710,USA,CHN,2014,.*,b_preponderant,1,,' "$T/t.csv" || fail "USA-CHN 2014: parity/ties: $(tail -1 "$T/t.csv")"

# docs/references.md E3: ideal-point distances (idealpointfp, July 2025 release), to 0.01
while read -r yr uc ur ui cr; do
	for p in "USA CHN $uc" "USA RUS $ur" "USA IND $ui" "CHN RUS $cr"; do
		set -- $p
		"$MP" dyad "$1" "$2" --from "$yr" --to "$yr" --format csv --quiet >"$T/e3.csv"
		near "$T/e3.csv" ideal_distance "$3" 0.0051
	done
done <<'E3'
1980 2.38 4.29 2.85 1.91
1990 3.11 3.06 3.79 0.05
2000 3.28 2.37 3.15 0.90
2010 3.22 2.40 2.95 0.81
2020 3.09 2.50 2.66 0.59
2022 3.50 2.96 2.54 0.54
2024 3.06 2.80 2.41 0.26
E3
# years after NMC: capability cells empty, never 0
"$MP" dyad USA CHN --from 2024 --to 2024 --format csv --quiet >"$T/e.csv"
tail -1 "$T/e.csv" | grep -q '^2,710,USA,CHN,2024,,,,,,,,,,,3\.[0-9]*,,,,,,,,,,,,,,,$' || fail "2024 row: $(tail -1 "$T/e.csv")"

# the docs/relations.md section 4 example: RUS-CHN 2014 junior-index components
"$MP" dyad RUS CHN --from 2014 --to 2014 --components --format csv >"$T/j.csv"
near "$T/j.csv" cap_asym 0.71 0.005; near "$T/j.csv" dep_asym 0.74 0.005
near "$T/j.csv" alignment 0.74 0.005; near "$T/j.csv" junior_index 0.54 0.005
# JSON: missing cells are null, never 0
"$MP" dyad USA CHN --from 2024 --to 2024 --format json >"$T/j.json"
grep -q '"cap_share_a": *null' "$T/j.json" || fail "json null: $(cat "$T/j.json")"

# China-US parity spells and the overtaking year (NMC v6, both COW majors from 1950)
expect_exit 0 "$MP" transitions --set majors --format csv
grep -q '^USA,CHN,parity,1975,1988,' "$T/out" || fail "USA-CHN spell 1975-1988 missing"
grep -q '^USA,CHN,parity,1991,2006,' "$T/out" || fail "USA-CHN spell 1991-2006 missing"
grep -q '^USA,CHN,overtake,1995,1995,.*,CHN,2,710$' "$T/out" || fail "USA-CHN overtaking 1995 missing"
[ "$(grep -c '^USA,CHN,' "$T/out")" -eq 3 ] || fail "USA-CHN: expected exactly 3 events"

# the panel: all dyads of 2014 = n(n-1)/2 of the 195 members (NMC 2016: 195 states; 2014: 195)
expect_exit 0 "$MP" dyads --year 2014 --format csv
n=$(( $(wc -l <"$T/out") - 1 ))
[ "$n" -eq $((195 * 194 / 2)) ] || fail "dyads 2014: $n rows"
# the panel row equals the dyad row on the columns they share
python3 - "$T/out" "$T/t.csv" <<'PY' || fail "dyads and dyad disagree on USA-CHN 2014"
import csv, sys
p = [r for r in csv.DictReader(open(sys.argv[1])) if r["ccode1"] == "2" and r["ccode2"] == "710"]
d = list(csv.DictReader(open(sys.argv[2])))
assert len(p) == 1 and len(d) == 1, (len(p), len(d))
for c in ("ccode1", "ccode2", "stateabb1", "stateabb2", "year", "cap_ratio", "parity", "atop_tie", "s_unweighted",
          "s_weighted", "s_squared", "tau_b", "kappa", "ideal_distance", "trade", "dep_ab", "dep_ba", "barbieri",
          "junior_index", "agree", "s_votes", "kappa_votes", "nvotes"):
    assert p[0][c] == d[0][c], (c, p[0][c], d[0][c])
PY
expect_exit 0 "$MP" dyads --year 2014 --set majors --directed --format csv
[ $(( $(wc -l <"$T/out") - 1 )) -eq 42 ] || fail "7 majors directed: expected 42 rows"
echo ok
