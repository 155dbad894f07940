# `multipolar calibrate --until 2006`: the fit table (CSV header and the sim's keys), the
# flat YAML written atomically where --params says, the fit statistics in the database;
# a missing --until and a year too early for two convergence windows exit 2.
source "$MP_SRC/tests/lib.bash"
FILES="NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv cow_capitals.csv
cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv majors2016.csv
sipri_milex_1949_2023.csv td_rivalries.csv unga_idealpoints_july2025.csv"
need_shared $FILES
DB="$T/c.db"
for f in $FILES; do $MP import --quiet --db "$DB" "$SHARED/$f" || fail "import $f"; done

expect_exit 0 $MP calibrate --db "$DB" --until 2006 --params "$T/p.yaml" --format csv --quiet
head -n 1 "$T/out" | grep -qx "parameter,estimate,se,n,stat,value,method" || fail "fit table header: $(head -n 1 "$T/out")"
for k in economy.beta economy.frontier_growth economy.momentum economy.shock_sd demography.n_a demography.n_b \
	demography.transition trade.elasticity_gdp trade.elasticity_distance trade.contiguity military.reversion \
	military.war_effect military.shock_sd capabilities.steel_trend conflict.hazard_base conflict.parity_coef conflict.dissatisfaction_coef \
	conflict.same_camp conflict.crisis_ratio economy.structural_gap; do
	grep -q "^$k," "$T/out" || fail "fit table lacks $k"
	grep -qE "^$k: -?[0-9.e-]+$" "$T/p.yaml" || fail "YAML lacks $k"
done
# beta pinned to the independent python computation (tests/numeric/test_calib_real.c)
grep -q "^economy.beta: 0.00637240426145" "$T/p.yaml" || fail "economy.beta: $(grep beta "$T/p.yaml")"
# report-only rows are in the table but not in the sim's YAML
grep -q "^fit.war_parity_odds_ratio," "$T/out" || fail "no Lemke-Werner comparison row"
grep -q "^fit\." "$T/p.yaml" && fail "report-only keys leaked into the YAML"
ls "$T"/p.yaml.tmp* >/dev/null 2>&1 && fail "temporary file left beside the YAML"
# fit statistics stored, one run, as many rows as the table
n_table=$(($(wc -l < "$T/out") - 1))
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM calib_run')" = 1 ] || fail "calib_run rows"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM calib_fit')" = "$n_table" ] || fail "calib_fit rows != $n_table"
[ "$(sqlite3 "$DB" 'SELECT until FROM calib_run')" = 2006 ] || fail "calib_run.until"

expect_exit 2 $MP calibrate --db "$DB" --params "$T/q.yaml"
grep -q -- "--until Y is required" "$T/err" || fail "missing --until message: $(cat "$T/err")"
expect_exit 2 $MP calibrate --db "$DB" --until 1960 --params "$T/q.yaml"
grep -q "expected --until at least 1970" "$T/err" || fail "early --until message: $(cat "$T/err")"
expect_exit 2 $MP calibrate --db "$DB" --until 2030 --params "$T/q.yaml"
grep -q "until 2030 is after the coverage of Maddison Project Database 2023 in the database (1-2016)" "$T/err" ||
	fail "late --until message: $(cat "$T/err")"
[ -e "$T/q.yaml" ] && fail "a failed calibration wrote its YAML"
exit 0
