# The issue's backtest: calibrated on data up to 2006, the model forecasts the 2016 CINC
# shares of the top 20 states of 2006; three rows (model, persistence, trend) with the
# exact CSV columns; the model's MAE must be below persistence's (docs/backtest.md has
# the figures). Persistence and trend need no randomness: their rows are pinned to a
# python3 computation from NMC-60-abridged.csv (shares renormalised among the 20 states;
# trend = numpy.polyfit(years 1996..2006, shares, 1) at 2016, clamped at 0, renormalised):
# persistence MAE 0.009196470617441, trend MAE 0.007523599323809; Spearman with the truth
# (pandas rank().corr()) 0.8120300751879698 and 0.7924812030075187.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED"/*.csv || fail "import"
expect_exit 0 $MP backtest --format csv --db "$DB" --start 2006 --end 2016 --quiet
cp "$T/out" "$T/scores.csv"
cat "$T/scores.csv"
[ "$(wc -l < "$T/scores.csv")" = 4 ] || fail "expected a header and 3 rows"
head -n 1 "$T/scores.csv" | grep -qx "method,n,mae,rmse,rank_corr" || fail "header"
[ "$(cut -d, -f1 "$T/scores.csv" | tail -n 3 | tr '\n' ' ')" = "model persistence trend " ] || fail "row order"
[ "$(cut -d, -f2 "$T/scores.csv" | tail -n 3 | sort -u)" = 20 ] || fail "n must be 20 for every method"
mae() { awk -F, -v m="$1" '$1 == m { print $3 }' "$T/scores.csv"; }
awk -v p="$(mae persistence)" 'BEGIN { exit !(p > 0.0091964706174 && p < 0.0091964706175) }' || fail "persistence MAE $(mae persistence)"
awk -v p="$(mae trend)" 'BEGIN { exit !(p > 0.0075235993238 && p < 0.0075235993239) }' || fail "trend MAE $(mae trend)"
rho() { awk -F, -v m="$1" '$1 == m { print $5 }' "$T/scores.csv"; }
awk -v r="$(rho persistence)" 'BEGIN { exit !(r > 0.81203007518 && r < 0.81203007519) }' || fail "persistence rank_corr $(rho persistence)"
awk -v r="$(rho trend)" 'BEGIN { exit !(r > 0.79248120300 && r < 0.79248120301) }' || fail "trend rank_corr $(rho trend)"
awk -v m="$(mae model)" -v p="$(mae persistence)" 'BEGIN { exit !(m < p) }' ||
	fail "model MAE $(mae model) is not below persistence $(mae persistence)"
# Same seed, same numbers (Philox streams keyed by seed and run).
expect_exit 0 $MP backtest --format csv --db "$DB" --start 2006 --end 2016 --quiet
cmp -s "$T/out" "$T/scores.csv" || fail "two runs with the same seed differ"
exit 0
