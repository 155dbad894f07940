# multipolar run: the five scenarios stored and compared (2035 and 2050).
source "$MP_SRC/tests/lib.bash"
set -e
expect_exit 0 "$MP" run --runs 8 --db "$T/r.db" --quiet --format csv
[ "$(head -1 "$T/out")" = "scenario,start,year,West,China,Russia,India,n_eff,p_multipolar,p_war,p_gp_war" ] || fail "header"
for s in baseline decoupling sino-russian-axis russian-breakthrough multipolar-club; do
	for y in 2035 2050; do
		grep -q "^$s,2023,$y," "$T/out" || fail "no $s $y"
	done
done
[ "$(sqlite3 "$T/r.db" "SELECT count(*) FROM sim_runs")" = 5 ] || fail "sim_runs"
# the five belong to one job (the first run's id), for the report
[ "$(sqlite3 "$T/r.db" "SELECT count(DISTINCT job), min(job) FROM sim_runs")" = "1|1" ] || fail "job column"
# shares are shares
awk -F, 'NR > 1 { for (i = 4; i <= 7; i++) if ($i < 0 || $i > 1) exit 1 }' "$T/out" || fail "share out of [0,1]"
# text output for people
expect_exit 0 "$MP" run baseline --runs 4 --no-store
grep -q "^baseline  *2023  *2050 " "$T/out" || fail "text table: $(cat "$T/out")"
grep -q "^Median CINC share" "$T/out" || fail "text table: no explanation"
grep -q "^war between great powers in that year. Start: the shipped default world of 2023." "$T/out" || fail "start not stated"
echo ok
