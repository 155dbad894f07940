# Issue 15, item 2: calibrate writes to the database (or --params FILE), never a shipped
# file; run and simulate then use the newest stored calibration fitted on data up to their
# start, else the shipped data/params/calibrated.yaml, and say which; --output is the
# printed table, as everywhere.
source "$MP_SRC/tests/lib.bash"
FILES="NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv cow_capitals.csv
cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv majors2016.csv
sipri_milex_1949_2023.csv td_rivalries.csv unga_idealpoints_july2025.csv"
need_shared $FILES
set -e
# a copy of the shipped data, so a write to it would show (and nothing in the tree changes)
cp -r "$MP_SRC/data" "$T/data"
export MULTIPOLAR_DATA="$T/data"
before=$(sha256sum "$T/data/params/calibrated.yaml")
DB="$T/c.db"
for f in $FILES; do $MP import --quiet --db "$DB" "$SHARED/$f" || fail "import $f"; done
# before any calibration: the shipped one, stated
expect_exit 0 "$MP" simulate --db "$DB" --list-params --format csv
grep -q "^note: Parameters of scenario baseline: the shipped calibration $T/data/params/calibrated.yaml ([0-9]* set by it)" "$T/err" \
	|| fail "shipped calibration not stated: $(cat "$T/err")"
ship_beta=$(sed -n 's/^economy.beta: //p' "$T/data/params/calibrated.yaml")
grep -q "^economy.beta,$ship_beta,calibration,0.02," "$T/out" || fail "baseline beta: $(grep beta "$T/out")"

expect_exit 0 "$MP" calibrate --db "$DB" --until 2006 --output "$T/fit.txt" --params "$T/p2006.yaml"
[ "$(sha256sum "$T/data/params/calibrated.yaml")" = "$before" ] || fail "calibrate rewrote the shipped calibrated.yaml"
head -n 1 "$T/fit.txt" | grep -q "^Calibration 1 on data up to 2006, stored in $DB" || fail "--output is not the table: $(head -n 2 "$T/fit.txt")"
beta2006=$(sed -n 's/^economy.beta: //p' "$T/p2006.yaml")
grep -q "^economy.beta  *${beta2006:0:7}" "$T/fit.txt" || fail "fit table in --output"
[ "$(sqlite3 "$DB" 'SELECT until FROM calib_run')" = 2006 ] || fail "calibration not stored"
# simulate from 2023 uses it (fitted on data up to 2006 <= 2023) ...
expect_exit 0 "$MP" simulate --db "$DB" --list-params --format csv
grep -q "^economy.beta,$beta2006," "$T/out" || fail "stored calibration not used: $(grep beta "$T/out")"
grep -q "Parameters of scenario baseline: calibration 1 of c.db (data up to 2006, made " "$T/err" || fail "stored calibration not stated"
# ... a start before 2006 does not (it would see later data): the shipped one, with a caveat
expect_exit 0 "$MP" simulate --db "$DB" --start 2000 --list-params --format csv
grep -q "^economy.beta,$ship_beta," "$T/out" || fail "start 2000 used a 2006 calibration"
grep -q "fitted on data up to 2016, after the start 2000 (for an out-of-sample start: multipolar calibrate --until 2000)" "$T/err" \
	|| fail "no caveat for the shipped calibration before its data: $(cat "$T/err")"
# --params FILE: written by calibrate, read by run and simulate before anything else
expect_exit 0 "$MP" calibrate --db "$DB" --until 2010 --params "$T/p2010.yaml" --no-save --quiet --format csv
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM calib_run')" = 1 ] || fail "--no-save stored a calibration"
grep -qE '^economy.beta: 0\.00[0-9]+$' "$T/p2010.yaml" || fail "--params YAML"
[ "$(stat -c %a "$T/p2010.yaml")" = "$(printf '%o' $((0666 & ~$(umask))))" ] || fail "--params file mode ignores the umask"
expect_exit 0 "$MP" simulate --db "$DB" --params "$T/p2010.yaml" --list-params --format csv
grep -q "Parameters of scenario baseline: the parameter file $T/p2010.yaml (--params)" "$T/err" || fail "--params not stated"
want=$(sed -n 's/^economy.beta: //p' "$T/p2010.yaml")
grep -q "^economy.beta,$want,calibration," "$T/out" || fail "--params not used"
# a scenario's own keys stay over any calibration
printf 'base: baseline.yaml\nname: own\noverrides:\n  economy.beta: 0.031\n' > "$T/own.yaml"
expect_exit 0 "$MP" simulate "$T/own.yaml" --db "$DB" --params "$T/p2010.yaml" --list-params --format csv
grep -q '^economy.beta,0.031,scenario,' "$T/out" || fail "the scenario's own key was replaced"
expect_exit 0 "$MP" run --db "$DB" --runs 2 --no-report
grep -q "^Parameters: calibration 1 of c.db (data up to 2006" "$T/out" || fail "run does not state its parameters"
[ "$(sha256sum "$T/data/params/calibrated.yaml")" = "$before" ] || fail "a shipped file changed"
expect_exit 2 "$MP" calibrate --db "$DB" --until 100000
echo "calibrate: ok"
