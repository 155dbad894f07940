# Truth from a later NMC release the database does not hold (--truth): an origin in the
# database's last year is scored against the file's later years. The file here is a
# stand-in built by the test (NMC 6.0's 2012-2016 rows relabelled 2017-2021, the US
# population raised by 10%), so the scores can be checked; a later release never enters
# the database.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv
DB="$T/t.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/mpd2023.csv" \
	"$SHARED/country_code_crosswalk.csv" || fail "import"
NEW="$T/NMC-later.csv"
awk -F, -v OFS=, 'NR == 1 { print; next } $3 >= 2012 { $3 += 5; if ($2 == 2) $8 = $8 * 1.1; print }' \
	"$SHARED/NMC-60-abridged.csv" > "$NEW"
E="$MP evaluate --db $DB --runs 6 --uncalibrated --no-store --variables cinc_share,pop,milex_share"
expect_exit 0 $E --origins 2016 --horizons 5 --truth "$NEW" --scores "$T/s.csv"
grep -q "truth NMC to-2021 (NMC-later.csv)" "$T/err" || { cat "$T/err"; fail "truth source not named"; }
grep -q "^2016,5,cinc_share,all,model,crps," "$T/s.csv" || fail "no scores of 2016 -> 2021"
grep -q "^2016,5,pop,USA,persistence,mae," "$T/s.csv" || fail "no population scores"
# persistence of US population growth: 0 against the truth ln(1.1 tpop 2016 / tpop 2016) / 5
# (the stand-in's 2021 row is NMC's 2016 row, raised by 10%; the start is the database's)
want=$(awk 'BEGIN { printf "%.12f", log(1.1) / 5 }')
got=$(awk -F, '$1 == 2016 && $3 == "pop" && $4 == "USA" && $5 == "persistence" && $6 == "mae" { printf "%.12f", $7 }' "$T/s.csv")
[ "$want" = "$got" ] || fail "US population persistence error $got, expected $want"
# without the file the origin has no truth: forecasts but no scores
expect_exit 0 $E --origins 2016 --horizons 5 --scores "$T/none.csv"
[ "$(wc -l < "$T/none.csv")" = 1 ] || fail "scores without a truth for 2021"
exit 0
