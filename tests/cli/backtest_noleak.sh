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
sqlite3 "$FULL" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$FULL" "$CUT"
# Truncate every imported table of the copy at Y0.
later=0
for t in $(sqlite3 "$CUT" "SELECT DISTINCT family FROM datasets"); do
	cols=$(sqlite3 "$CUT" "SELECT group_concat(name, ' ') FROM pragma_table_info('$t')")
	has() { case " $cols " in *" $1 "*) return 0;; esac; return 1; }
	sql=""
	if has year; then
		later=$((later + $(sqlite3 "$CUT" "SELECT count(*) FROM \"$t\" WHERE year > $Y0")))
		sql="DELETE FROM \"$t\" WHERE year > $Y0;"
	fi
	has styear && sql="$sql DELETE FROM \"$t\" WHERE styear > $Y0;"
	has endyear && sql="$sql UPDATE \"$t\" SET endyear = $Y0 WHERE endyear > $Y0;"
	has stdate && sql="$sql DELETE FROM \"$t\" WHERE CAST(substr(stdate, 1, 4) AS INTEGER) > $Y0;"
	has enddate && sql="$sql UPDATE \"$t\" SET enddate = '$Y0-12-31' WHERE enddate > '$Y0-12-31';"
	[ -n "$sql" ] && { sqlite3 "$CUT" "$sql" || fail "truncating $t"; }
done
[ "$later" -gt 10000 ] || fail "the full database should hold rows after $Y0 (found $later)"
[ "$(sqlite3 "$CUT" "SELECT max(year) FROM nmc")" = "$Y0" ] || fail "the copy still has NMC after $Y0"
[ "$(sqlite3 "$CUT" "SELECT count(*) FROM maddison WHERE year > $Y0")" = 0 ] || fail "maddison not cut"

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
