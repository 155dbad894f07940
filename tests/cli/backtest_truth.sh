# --truth FILE is read by the importer itself: NMC layout variants (LF endings, leading-dot
# and lower-case-exponent numbers, reordered columns) give byte-identical scores; a
# top-20 state missing from the truth year is dropped from every method (n = 19).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED"/*.csv || fail "import"
bt() { expect_exit 0 $MP backtest --format csv --db "$DB" --start 2006 --end 2016 --runs 6 --quiet "$@"; }
bt
cp "$T/out" "$T/db.csv"
bt --truth "$SHARED/NMC-60-abridged.csv"
cmp "$T/out" "$T/db.csv" || fail "--truth with the same file differs from the database's NMC"
tr -d '\r' < "$SHARED/NMC-60-abridged.csv" | sed -e 's/,0\./,./g' -e 's/E-/e-/g' > "$T/nmc_lf.csv"
awk -F, 'BEGIN{OFS=","} {print $3,$1,$2,$10,$4,$5,$6,$7,$8,$9,$11}' "$T/nmc_lf.csv" > "$T/nmc_reordered.csv"
for v in nmc_lf nmc_reordered; do
	bt --truth "$T/$v.csv"
	cmp "$T/out" "$T/db.csv" || fail "--truth $v.csv gives other scores"
done
# Drop Iran (630, in the 2006 top 20) from 2016: 19 states scored by every method.
grep -v '^IRN,630,2016,' "$SHARED/NMC-60-abridged.csv" > "$T/nmc_noirn.csv"
bt --truth "$T/nmc_noirn.csv"
[ "$(cut -d, -f2 "$T/out" | tail -n 3 | sort -u)" = 19 ] || fail "expected n = 19: $(cat "$T/out")"
bt --truth "$T/nmc_noirn.csv" --detail
grep -q '^630,' "$T/out" && fail "Iran still scored"
[ "$(wc -l < "$T/out")" = 20 ] || fail "detail rows"
exit 0
