# A small evaluation grid end to end: the tidy CSV has exactly the issue's columns and
# the expected methods and metrics; pooled rows (origin all, unit all) exist; results are
# identical for 1 and 2 threads; an ablation adds model_without_<mechanism>; the scores
# are stored (eval_run, eval_score, eval_reliability); --check prints the goals; --truth
# with the same NMC release as the database gives the same scores.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv \
	cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv \
	majors2016.csv sipri_milex_1949_2023.csv td_rivalries.csv states2016.csv unga_idealpoints_july2025.csv
DB="$T/e.db"
$MP import --quiet --db "$DB" "$SHARED"/*.csv || fail "import"
grid="--origins 1984:1990:6 --horizons 5,10 --runs 12 --seed 5"
expect_exit 0 $MP evaluate --db "$DB" $grid --threads 1 --scores "$T/s1.csv" --format csv
cp "$T/out" "$T/summary1.csv"
grep -q "stored as evaluation run 1" "$T/err" || { cat "$T/err"; fail "no storage note"; }
expect_exit 0 $MP evaluate --db "$DB" $grid --threads 2 --scores "$T/s2.csv" --no-store --quiet --format csv
cmp "$T/s1.csv" "$T/s2.csv" || fail "scores differ between 1 and 2 threads"
cmp "$T/summary1.csv" "$T/out" || fail "summaries differ between 1 and 2 threads"
S="$T/s1.csv"
head -n 1 "$S" | grep -qx "origin,horizon,variable,unit,method,metric,value" || fail "header: $(head -n 1 "$S")"
awk -F, 'NR > 1 && NF != 7 { exit 1 }' "$S" || fail "every row has 7 fields"
for v in cinc_share cinc_share_top gdp pop milex_share war war_onset war_freq; do
	grep -q "^all,10,$v,all,model," "$S" || fail "no pooled model row for $v"
done
for m in persistence trend rw_drift persistence_spread; do
	grep -q "^1984,5,cinc_share,all,$m,mae," "$S" || fail "no $m row"
done
grep -q "^all,10,gdp,all,world_mean,mae," "$S" || fail "no world_mean for gdp"
grep -q ",cinc_share,all,world_mean," "$S" && fail "world_mean is for gdp and pop only"
for m in own_rate size_logit; do grep -q "^all,10,war,all,$m,auc," "$S" || fail "no war $m auc"; done
for k in mae rmse crps coverage50 coverage90 pit01 pit10; do
	grep -q "^all,10,cinc_share,all,model,$k," "$S" || fail "no $k"
done
for k in brier log_score auc; do grep -q "^1984,10,war,all,model,$k," "$S" || fail "no war $k"; done
grep -q "^1990,5,cinc_share,USA,model,crps," "$S" || fail "no per-state row"
grep -q "^all,5,cinc_share,West,model,crps," "$S" || fail "no pole row"
grep -q "^1990,5,cinc_share,all,model,pit" "$S" || fail "no per-origin PIT"
grep -q ",USA,model,pit" "$S" && fail "PIT is for pooled units only"
# PIT bins sum to 1, coverages are fractions
awk -F, '$1 == "all" && $4 == "all" && $5 == "model" && $6 ~ /^pit/ { s[$2 $3] += $7 }
	END { for (k in s) if (s[k] < 0.999999 || s[k] > 1.000001) exit 1 }' "$S" || fail "PIT bins must sum to 1"
awk -F, '$6 ~ /^coverage/ && ($7 < 0 || $7 > 1) { exit 1 }' "$S" || fail "coverage outside [0, 1]"
# the 1990 origin scores 2000 at h=10; war truth ends in 2003, so no war scores from 1990 at h = 10 beyond it
[ "$(sqlite3 "$DB" "SELECT count(*) FROM eval_run")" = 1 ] || fail "eval_run"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM eval_score WHERE run = 1 AND origin IS NULL AND unit = 'all'")" -gt 100 ] ||
	fail "pooled scores not stored"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM eval_reliability WHERE run = 1 AND variable = 'war'")" -gt 0 ] ||
	fail "reliability bins not stored"
v=$(sqlite3 "$DB" "SELECT value FROM eval_score WHERE run = 1 AND origin IS NULL AND unit = 'all' AND horizon = 10
	AND variable = 'cinc_share' AND method = 'model' AND metric = 'crps'")
c=$(awk -F, '$1 == "all" && $2 == 10 && $3 == "cinc_share" && $4 == "all" && $5 == "model" && $6 == "crps" { print $7 }' "$S")
awk -v a="$v" -v b="$c" 'BEGIN { d = a - b; exit !(d < 1e-15 && d > -1e-15) }' || fail "stored $v != csv $c"
# summary: one row per variable x horizon x method, skill columns
head -n 1 "$T/summary1.csv" | grep -q "^variable,horizon,method,n,mae,rmse,crps,coverage50,coverage90,brier,log_score,auc,skill_mae" ||
	fail "summary header: $(head -n 1 "$T/summary1.csv")"
grep -q "^cinc_share,10,persistence," "$T/summary1.csv" || fail "summary rows"
# ablation
expect_exit 0 $MP evaluate --db "$DB" --origins 1990 --horizons 5 --runs 12 --seed 5 --variables cinc_share,war \
	--without conflict --scores "$T/abl.csv" --no-store --quiet
grep -q "^all,5,cinc_share,all,model_without_conflict,crps," "$T/abl.csv" || fail "no ablation rows"
grep -q ",gdp," "$T/abl.csv" && fail "--variables not honoured"
# goals
expect_exit 0 $MP evaluate --db "$DB" $grid --check --no-store --quiet --format csv
head -n 1 "$T/out" | grep -qx "goal,variable,horizon,reference,model,ref_value,value,target,status" || fail "check header"
grep -q "mae ratio to persistence (world shares),cinc_share,10,persistence," "$T/out" || fail "mae goal"
grep -qE ",(met|missed)$" "$T/out" || fail "goal status"
# truth from a file holding the same release: same scores
expect_exit 0 $MP evaluate --db "$DB" $grid --threads 1 --truth "$SHARED/NMC-60-abridged.csv" --scores "$T/s3.csv" \
	--no-store
grep -q "truth NMC 6.0 (NMC-60-abridged.csv)" "$T/err" || { cat "$T/err"; fail "truth source not named"; }
cmp "$T/s1.csv" "$T/s3.csv" || fail "the same NMC release as truth file changes the scores"
exit 0
