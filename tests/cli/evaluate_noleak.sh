# No leak from the future, for several origins: evaluate's forecasts (every method,
# variable, unit and target year, written by --forecasts) from origin Y0 must be
# byte-identical on the full database and on a copy from which every row after Y0 was
# deleted from every dataset table (year > Y0; spells starting after Y0) and every spell
# end was clamped to Y0. The scores differ (the copy has no truth), the forecasts may not.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
FULL="$T/full.db"
$MP import --quiet --db "$FULL" "$SHARED"/*.csv || fail "import"
sqlite3 "$FULL" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
# cut DB Y0 OUT: a copy of the full database truncated at Y0
cut() {
	local y0=$1 out=$2 later=0
	cp "$FULL" "$out"
	for t in $(sqlite3 "$out" "SELECT DISTINCT family FROM datasets"); do
		cols=$(sqlite3 "$out" "SELECT group_concat(name, ' ') FROM pragma_table_info('$t')")
		has() { case " $cols " in *" $1 "*) return 0;; esac; return 1; }
		sql=""
		if has year; then
			later=$((later + $(sqlite3 "$out" "SELECT count(*) FROM \"$t\" WHERE year > $y0")))
			sql="DELETE FROM \"$t\" WHERE year > $y0;"
		fi
		has styear && sql="$sql DELETE FROM \"$t\" WHERE styear > $y0;"
		has endyear && sql="$sql UPDATE \"$t\" SET endyear = $y0 WHERE endyear > $y0;"
		has stdate && sql="$sql DELETE FROM \"$t\" WHERE CAST(substr(stdate, 1, 4) AS INTEGER) > $y0;"
		has enddate && sql="$sql UPDATE \"$t\" SET enddate = '$y0-12-31' WHERE enddate > '$y0-12-31';"
		[ -n "$sql" ] && { sqlite3 "$out" "$sql" || fail "truncating $t at $y0"; }
	done
	[ "$later" -gt 1000 ] || fail "the full database should hold rows after $y0 (found $later)"
	[ "$(sqlite3 "$out" "SELECT max(year) FROM nmc")" = "$y0" ] || fail "the copy still has NMC after $y0"
	[ "$(sqlite3 "$out" "SELECT count(*) FROM maddison WHERE year > $y0")" = 0 ] || fail "maddison not cut at $y0"
}
ev() { # ev DB Y0 TAG: forecasts of origin Y0 into $T/fc_TAG.csv
	expect_exit 0 $MP evaluate --db "$1" --origins "$2" --horizons 5,10 --runs 8 --seed 3 --no-store --quiet \
		--forecasts "$T/fc_$3.csv"
}
for y0 in 1980 1994 2006; do
	cut $y0 "$T/cut.db"
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
