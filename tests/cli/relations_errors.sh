# Bad input to dyad/dyads/transitions/blocs: clear message, exit 2.
set -e
source "$MP_SRC/tests/lib.bash"
F="NMC-60-abridged.csv states2016.csv majors2016.csv atop5.1_dyad_year.csv unga_idealpoints_july2025.csv"
need_shared $F
for f in $F; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" >/dev/null

expect_exit 2 "$MP" dyad USA XYZ
grep -q "'XYZ': expected a state" "$T/err" || fail "unknown state message: $(cat "$T/err")"
expect_exit 2 "$MP" dyad USA
expect_exit 2 "$MP" dyad USA USA
# years no dataset covers: the message names the datasets and their ranges
expect_exit 2 "$MP" dyad USA CHN --from 2030 --to 2031
grep -q "no imported dataset covers" "$T/err" && grep -q "nmc 1816-2016" "$T/err" && grep -q "atop_dyad 1815-2018" "$T/err" \
	|| fail "coverage message: $(cat "$T/err")"
expect_exit 2 "$MP" dyad USA CHN --from 1700 --to 1710
# before the states existed together
expect_exit 2 "$MP" dyad USA CHN --from 1816 --to 1820
grep -q "never both present" "$T/err" || fail "membership message: $(cat "$T/err")"
# a pole with no members in a year asked for (India pole: from 1947)
expect_exit 2 "$MP" dyad pole:India USA --from 1900 --to 1900
grep -q "pole 'India' has no members in 1900" "$T/err" || fail "empty pole message: $(cat "$T/err")"
expect_exit 2 "$MP" dyad pole:Atlantis USA
expect_exit 2 "$MP" dyads --year 2010 --set friends
expect_exit 2 "$MP" dyads
expect_exit 2 "$MP" transitions --from 1700
grep -q "nmc covers 1816-2016" "$T/err" || fail "transitions range message: $(cat "$T/err")"
# past the data: cut with a note, as polarity and dyad do
expect_exit 0 "$MP" transitions --from 2010 --to 2030
grep -q "note: nmc covers 1816-2016: years 2017-2030 are left out" "$T/err" || fail "transitions edge: $(cat "$T/err")"
expect_exit 0 "$MP" blocs --from 2023 --to 2030 --summary
grep -q "note: unga covers 1946-2024: years 2025-2030 are left out" "$T/err" || fail "blocs edge: $(cat "$T/err")"
expect_exit 2 "$MP" blocs --year 1930
grep -q "unga" "$T/err" || fail "blocs coverage message: $(cat "$T/err")"
expect_exit 2 "$MP" blocs --year 2010 --method kmeans
# trade not imported: cells empty, not an error
expect_exit 0 "$MP" dyad USA CHN --from 2010 --to 2010 --format csv
tail -1 "$T/out" | grep -q ',,,,,$' || fail "missing trade should be empty: $(tail -1 "$T/out")"
echo ok
