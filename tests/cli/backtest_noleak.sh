# No leak from the future: a backtest from 2006 (and a calibration --until 2006) must
# give byte-identical output on the full database and on a copy from which every row
# after 2006 was deleted (year > 2006; spells starting after 2006) and every spell end was
# clamped to 2006. The truth comes from the NMC CSV (--truth) in both cases.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
Y0=2006
FULL="$T/full.db"
CUT="$T/cut.db"
$MP import --quiet --db "$FULL" "$SHARED"/*.csv || fail "import"
# Truncate every imported table of the copy at Y0.
cut_db "$FULL" $Y0 "$CUT"

for db in "$FULL" "$CUT"; do
	tag=$(basename "$db" .db)
	expect_exit 0 $MP backtest --format csv --db "$db" --start $Y0 --end 2016 --runs 12 --seed 7 \
		--truth "$SHARED/NMC-60-abridged.csv" --quiet
	cp "$T/out" "$T/bt_$tag.csv"
	expect_exit 0 $MP backtest --format csv --db "$db" --start $Y0 --end 2016 --runs 12 --seed 7 \
		--truth "$SHARED/NMC-60-abridged.csv" --quiet --detail
	cp "$T/out" "$T/detail_$tag.csv"
	expect_exit 0 $MP calibrate --db "$db" --until $Y0 --no-save --format csv --params "$T/p_$tag.yaml" --quiet
	cp "$T/out" "$T/fit_$tag.csv"
done
cmp "$T/bt_full.csv" "$T/bt_cut.csv" || fail "backtest scores depend on data after $Y0"
cmp "$T/detail_full.csv" "$T/detail_cut.csv" || fail "backtest forecasts depend on data after $Y0"
cmp "$T/fit_full.csv" "$T/fit_cut.csv" || fail "calibration table depends on data after $Y0"
cmp "$T/p_full.yaml" "$T/p_cut.yaml" || fail "calibrated parameters depend on data after $Y0"
[ "$(wc -l < "$T/bt_full.csv")" = 4 ] || fail "expected 3 score rows"
# The check can fail: a calibration that reads 2007 changes.
expect_exit 0 $MP calibrate --db "$FULL" --until 2007 --no-save --format csv --params "$T/p_2007.yaml" --quiet
cmp -s "$T/out" "$T/fit_full.csv" && fail "calibrating to 2007 should differ from 2006"
exit 0
