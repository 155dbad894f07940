# Simulating from a year of imported NMC data; `run --start 2016` from the database's
# last NMC year, and `run` without --start from the newest world (the shipped 2023 one).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
set -e
expect_exit 0 "$MP" import --db "$T/h.db" --quiet "$SHARED/NMC-60-abridged.csv"
printf 'base: baseline.yaml\nname: from2000\nstart: 2000\nhorizon: 2006\nruns: 6\n' > "$T/h.yaml"
expect_exit 0 "$MP" simulate "$T/h.yaml" --db "$T/h.db" --format csv --quiet
# the start year reproduces NMC 2000: US population 278,357 thousand (NMC v6 tpop, USA 2000)
grep -q '^from2000,2000,USA,pop,278357,' "$T/out" || fail "start: $(grep '^from2000,2000,USA,pop,' "$T/out")"
grep -q '^from2000,2006,system,n_eff,' "$T/out" || fail "no 2006 rows"
expect_exit 0 "$MP" run baseline --runs 4 --start 2016 --until 2020 --db "$T/h.db" --quiet --format csv
[ "$(sqlite3 "$T/h.db" "SELECT start FROM sim_runs WHERE scenario = 'baseline'")" = 2016 ] || fail "run did not start in 2016"
grep -q '^baseline,2016,' "$T/out" && fail "no 2035/2050 rows expected before 2020"
expect_exit 0 "$MP" run baseline --runs 4 --db "$T/h.db" --no-report --format csv
grep -q '^baseline,2023,2035,' "$T/out" || fail "run without --start: $(cat "$T/out")"
grep -q "start the shipped default world of 2023 (the newest; NMC 6.0 in h.db covers 1816-2016)" "$T/err" \
	|| fail "the start world is not stated: $(cat "$T/err")"
echo ok
