# No leak from the future, for several origins: evaluate's forecasts (every method,
# variable, unit and target year, written by --forecasts) from origin Y0 must be
# byte-identical on the full database and on a copy from which every row after Y0 was
# deleted from every dataset table (year > Y0; spells starting after Y0) and every spell
# end was clamped to Y0 (cut_db, tests/lib.bash). The scores differ (the copy has no truth), the forecasts may not.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
FULL="$T/full.db"
$MP import --quiet --db "$FULL" "$SHARED"/*.csv || fail "import"
ev() { # ev DB Y0 TAG: forecasts of origin Y0 into $T/fc_TAG.csv
	expect_exit 0 $MP evaluate --db "$1" --origins "$2" --horizons 5,10 --runs 8 --seed 3 --no-store --quiet \
		--forecasts "$T/fc_$3.csv"
}
for y0 in 1980 1994 2006; do
	cut_db "$FULL" $y0 "$T/cut.db"
	ev "$FULL" $y0 full
	ev "$T/cut.db" $y0 cut
	[ "$(wc -l < "$T/fc_full.csv")" -gt 1000 ] || fail "too few forecasts from $y0"
	for m in model persistence trend rw_drift world_mean persistence_spread; do
		grep -q ",$m," "$T/fc_full.csv" || fail "no $m forecasts from $y0"
	done
	if [ $y0 -le 1994 ]; then
		for m in own_rate size_logit; do grep -q ",war,.*,$m," "$T/fc_full.csv" || fail "no war $m from $y0"; done
	fi
	cmp "$T/fc_full.csv" "$T/fc_cut.csv" || fail "forecasts from $y0 depend on data after $y0"
done
# The check can fail: changing one value of the origin year changes the forecasts.
cp "$T/cut.db" "$T/changed.db"
sqlite3 "$T/changed.db" "UPDATE nmc SET milex = milex * 2 WHERE year = 2006 AND ccode = 710" || fail "update"
ev "$T/changed.db" 2006 changed
cmp -s "$T/fc_cut.csv" "$T/fc_changed.csv" && fail "a change in 2006 should change the forecasts from 2006"
exit 0
