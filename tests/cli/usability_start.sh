# Issue 15, item 1: where the world comes from. The Quick start's `run` creates
# ./multipolar.db; the measuring commands then still work on the shipped world (the database
# holds no NMC data), and every command names the world it used. With NMC imported, one
# --start (a year, default or latest) picks the world of run, simulate, capabilities and
# polarity, with the same default (latest: the shipped 2023 world, newer than NMC's 2016);
# the report labels each scenario with its start and compares only scenarios of one start.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
set -e
cd "$T"
unset MULTIPOLAR_DB
# the Quick start: run creates ./multipolar.db (simulation results only)
expect_exit 0 "$MP" run --runs 4 --quiet
[ -f multipolar.db ] || fail "run did not create ./multipolar.db"
# ... and the next command works on the shipped world, saying so
expect_exit 0 "$MP" capabilities --top 10
grep -q "^World: the shipped default world (data/world/world.csv), 2023 (the database holds no NMC data" "$T/out" \
	|| fail "capabilities after run: $(head -n 2 "$T/out")"
grep -q "^2023    710  CHN" "$T/out" || fail "no 2023 table after run"
expect_exit 0 "$MP" polarity --set poles
grep -q "^2023  poles" "$T/out" || fail "polarity after run"
# a year the shipped world does not have: exit 2, saying what to import
expect_exit 2 "$MP" capabilities --year 2016 --top 10
grep -q "no world for 2016: the shipped default world (data/world/world.csv) covers only 2023; import COW NMC data" "$T/err" \
	|| fail "--year 2016 without NMC: $(cat "$T/err")"

# with NMC imported: the same default (the newest world, 2023) everywhere, and --start
expect_exit 0 "$MP" import --quiet "$SHARED/NMC-60-abridged.csv"
expect_exit 0 "$MP" capabilities --top 3 --format csv
[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = 2023 ] || fail "capabilities default is not the newest world"
grep -q "note: World: the shipped default world (data/world/world.csv), 2023 (the newest; NMC 6.0 in multipolar.db covers 1816-2016)" "$T/err" \
	|| fail "CSV: world not stated on stderr: $(cat "$T/err")"
expect_exit 0 "$MP" capabilities --start 2016 --top 3 --format csv
[ "$(sed -n 2p "$T/out" | cut -d, -f1-3)" = "2016,710,CHN" ] || fail "--start 2016"
expect_exit 0 "$MP" polarity --start 2016 --format csv
[ "$(tail -n 1 "$T/out" | cut -d, -f1)" = 2016 ] || fail "polarity --start 2016"
expect_exit 0 "$MP" polarity --start default --format csv
[ "$(tail -n 1 "$T/out" | cut -d, -f1)" = 2023 ] || fail "polarity --start default"
expect_exit 0 "$MP" capabilities --world default --top 1 --format csv   # the old spelling still works
[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = 2023 ] || fail "--world default"
expect_exit 2 "$MP" capabilities --start 1700
grep -q -- "--start 1700 is outside 1816-2300" "$T/err" || fail "--start 1700: $(cat "$T/err")"
expect_exit 2 "$MP" capabilities --start yesterday
grep -q -- "--start expects a year, 'default' (the shipped world) or 'latest'" "$T/err" || fail "--start yesterday"
expect_exit 2 "$MP" capabilities --start 2016 --year 2016
# simulate and run: the same default, and --start
expect_exit 0 "$MP" simulate baseline --runs 4 --format csv --no-store
grep -q "^start: the shipped default world of 2023 (the newest; NMC 6.0 in multipolar.db covers 1816-2016)" "$T/err" \
	|| fail "simulate does not state its start: $(cat "$T/err")"
grep -q '^baseline,2023,USA,' "$T/out" || fail "simulate default start"
expect_exit 0 "$MP" simulate baseline --runs 4 --start 2016 --until 2020 --format csv --no-store
grep -q '^baseline,2016,USA,' "$T/out" || fail "simulate --start 2016"
expect_exit 2 "$MP" simulate baseline --start 1990 --until 1980 --no-store
expect_exit 2 "$MP" run --start 2030 --runs 2
grep -q "no start world for 2030: NMC 6.0 in multipolar.db covers 1816-2016 and the shipped default world is 2023" "$T/err" \
	|| fail "run --start 2030: $(cat "$T/err")"

# the report: a 2016 start beside the 2023 starts is labelled and compared apart
expect_exit 0 "$MP" simulate decoupling --runs 4 --start 2016 --quiet --format csv
expect_exit 0 "$MP" report --output r.html --quiet
grep -q "Run [0-9]*, from the world of 2016 to 2050" r.html || fail "2016 start not labelled"
grep -q "Run [0-9]*, from the world of 2023 to 2050" r.html || fail "2023 start not labelled"
grep -q "The stored scenarios start from different years, so each is compared only with those of its start year: 2016: decoupling; 2023: baseline, multipolar-club, russian-breakthrough, sino-russian-axis." r.html \
	|| fail "mixed starts not explained"
grep -q '<figure class="chart" id="cmp-neff-2023">' r.html || fail "no comparison of the 2023 starts"
grep -q 'id="cmp-neff-2016"' r.html && fail "a lone 2016 scenario was compared"
grep -q 'Only one scenario starts in this year' r.html || fail "lone start year not explained"
echo "start: ok"
