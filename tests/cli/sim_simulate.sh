# multipolar simulate: the CSV contract, reproducibility across threads, stored results
# and scenario errors (exit 2 with file:line and key).
source "$MP_SRC/tests/lib.bash"
set -e

expect_exit 0 "$MP" simulate decoupling --runs 12 --seed 5 --threads 1 --format csv --quiet --db "$T/a.db"
cp "$T/out" "$T/t1.csv"
[ "$(head -1 "$T/t1.csv")" = "scenario,year,unit,variable,q05,q25,q50,q75,q95,mean,ccode" ] || fail "header: $(head -1 "$T/t1.csv")"
for v in USA,cinc_share USA,gdp_share USA,pop USA,milex_share USA,ideal_point USA,camp_West USA,camp_nonaligned \
	 China,cinc_share West,gdp_share system,con system,n_eff system,war system,gp_war system,multipolar; do
	grep -q "^decoupling,2050,$v," "$T/t1.csv" || fail "no row for 2050 $v"
done
# the start year is the shipped world's: no spread across runs
grep "^decoupling,2023,USA,pop," "$T/t1.csv" | awk -F, '{ if ($5 != $9 || $5 != 343477) exit 1 }' || fail "start year"
# quantiles are ordered
awk -F, 'NR > 1 && $5 != "" && !($5 <= $6 && $6 <= $7 && $7 <= $8 && $8 <= $9) { print; bad = 1 } END { exit bad }' "$T/t1.csv" \
	|| fail "unordered quantiles"
# camp probabilities of a state sum to one
grep '^decoupling,2040,IND,camp_' "$T/t1.csv" | awk -F, '{ s += $10 } END { if (s < 0.999999 || s > 1.000001) exit 1 }' \
	|| fail "camp probabilities of India do not sum to 1"

# bit-identical for 1 and 2 threads, and with the seed given in another way
expect_exit 0 "$MP" simulate decoupling --runs 12 --seed 5 --threads 2 --format csv --quiet --no-store
cmp "$T/t1.csv" "$T/out" || fail "--threads 2 differs from --threads 1"
# a different seed gives a different ensemble
expect_exit 0 "$MP" simulate decoupling --runs 12 --seed 6 --threads 2 --format csv --quiet --no-store
cmp -s "$T/t1.csv" "$T/out" && fail "--seed 6 gives the same output as --seed 5"

# results stored: one run with its summary rows
[ "$(sqlite3 "$T/a.db" "SELECT scenario, seed, runs, start, horizon FROM sim_runs")" = "decoupling|5|12|2023|2050" ] \
	|| fail "sim_runs: $(sqlite3 "$T/a.db" 'SELECT * FROM sim_runs')"
rows=$(sqlite3 "$T/a.db" "SELECT count(*) FROM sim_summary WHERE run_id = 1")
[ "$rows" -eq "$(($(wc -l < "$T/t1.csv") - 1))" ] || fail "sim_summary has $rows rows"
q=$(sqlite3 "$T/a.db" "SELECT q50 FROM sim_summary WHERE year = 2050 AND unit = 'system' AND variable = 'n_eff'")
want=$(grep '^decoupling,2050,system,n_eff,' "$T/t1.csv" | cut -d, -f7)
awk -v a="$q" -v b="$want" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 1e-12) }' || fail "stored q50 $q != $want"

# --until shortens the horizon
expect_exit 0 "$MP" simulate --runs 3 --until 2026 --format csv --quiet --no-store
[ "$(tail -n +2 "$T/out" | cut -d, -f2 | sort -u | tail -1)" = "2026" ] || fail "--until 2026"

# bad scenarios: exit 2, message with file:line and key
printf 'base: baseline.yaml\nhorizon: 2040\nrunz: 10\n' > "$T/bad.yaml"
expect_exit 2 "$MP" simulate "$T/bad.yaml" --no-store
grep -q "$T/bad.yaml:3:1: key 'runz'" "$T/err" || fail "message: $(cat "$T/err")"
printf 'levers:\n  - { type: growth, state: RUS, value: lots }\n' > "$T/bad2.yaml"
expect_exit 2 "$MP" simulate "$T/bad2.yaml" --no-store
grep -q "$T/bad2.yaml:2:.*key 'value': expected a number" "$T/err" || fail "message: $(cat "$T/err")"
expect_exit 2 "$MP" simulate no-such-scenario --no-store
expect_exit 2 "$MP" simulate --runs -1 --no-store
# a historical start without a database
printf 'start: 2000\nhorizon: 2005\n' > "$T/hist.yaml"
expect_exit 2 "$MP" simulate "$T/hist.yaml" --db "$T/none.db" --no-store
echo ok
