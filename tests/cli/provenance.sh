# Provenance of stored runs (docs/panels.md section 6): a simulation and two negotiations
# record the version, the git commit the binary was built from, the command line, seed,
# runs, parameters or switches, and the SHA-256 of every input (scenario, default world,
# poles, negotiation input, imported datasets), equal to sha256sum of the files; the report's
# "How this was made" box prints them and the default world's sources; two negotiations of
# one file with different switches get different titles. Also: states named on the command
# line through the crosswalk (COW letters, COW number, ISO3, English name; near matches).
set -e
source "$MP_SRC/tests/lib.bash"
cd "$T"
DB="$T/p.db"
printf 'stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\nUSA,2,United States of America,1816,1,1,2016,12,31,2016\nCHN,710,China,1950,1,1,2016,12,31,2016\nGMY,255,Germany,1990,10,3,2016,12,31,2016\n' > states.csv
printf 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\nUSA,2,2000,301697000,1456,101824,3288840,282496,224185,0.144,6\nCHN,710,2000,41658000,2470,128500,1386710,1262640,476000,0.1,6\nGMY,255,2000,28150000,221,46376,464940,82212,72000,0.03,6\n' > nmc.csv
expect_exit 0 "$MP" import --db "$DB" --quiet states.csv
expect_exit 0 "$MP" simulate --db "$DB" baseline --runs 4 --seed 7 --until 2026 --quiet --format csv
q() { sqlite3 "$DB" "$1"; }
[ "$(q "SELECT count(*) FROM run_provenance WHERE kind = 'sim'")" = 1 ] || fail "one sim provenance row"
[ "$(q "SELECT version FROM run_provenance WHERE kind = 'sim'")" = "$("$MP" version | cut -d' ' -f2)" ] || fail "version"
q "SELECT git_commit FROM run_provenance WHERE kind = 'sim'" | grep -Eqx '[0-9a-f]{40}(-dirty)?|unknown' || fail "git commit"
q "SELECT command_line FROM run_provenance WHERE kind = 'sim'" | grep -q 'simulate --db .* baseline --runs 4 --seed 7 --until 2026' ||
	fail "command line: $(q "SELECT command_line FROM run_provenance")"
[ "$(q "SELECT seed || ',' || runs FROM run_provenance WHERE kind = 'sim'")" = 7,4 ] || fail "seed and runs"
[ -n "$(q "SELECT params FROM run_provenance WHERE kind = 'sim'")" ] || fail "parameters"
# every input's SHA-256 is that of the file (the scenario, world and poles by path)
q "SELECT params FROM run_provenance WHERE kind = 'sim'" | grep -q '^the shipped calibration .*calibrated.yaml; the values: sim_runs.params of run 1$' ||
	fail "parameters: $(q "SELECT params FROM run_provenance WHERE kind = 'sim'")"
for role in scenario world poles params; do
	row=$(q "SELECT name || '|' || sha256 FROM run_inputs WHERE kind = 'sim' AND role = '$role'")
	[ -n "$row" ] || fail "no $role input"
	[ "$(sha256sum "${row%%|*}" | cut -d' ' -f1)" = "${row##*|}" ] || fail "$role SHA-256: $row"
done
[ "$(q "SELECT sha256 FROM run_inputs WHERE kind = 'sim' AND role = 'dataset'")" = "$(sha256sum states.csv | cut -d' ' -f1)" ] ||
	fail "dataset SHA-256"

# run: one job of two scenarios, a record for each stored run with its own scenario file
expect_exit 0 "$MP" run baseline decoupling --db "$T/run.db" --runs 2 --seed 3 --until 2025 --no-report --quiet --format csv
[ "$(sqlite3 "$T/run.db" "SELECT group_concat(seed || '/' || runs, ' ') FROM run_provenance WHERE kind = 'sim'")" = "3/2 3/2" ] ||
	fail "run: provenance rows"
[ "$(sqlite3 "$T/run.db" "SELECT count(DISTINCT name) FROM run_inputs WHERE role = 'scenario'")" = 2 ] || fail "run: scenario files"
# --params FILE: its SHA-256 is an input and the source is named
printf 'conflict.onset_const: -2.6\n' > p.yaml
expect_exit 0 "$MP" simulate baseline --db "$T/run.db" --runs 2 --seed 3 --until 2025 --params p.yaml --quiet --format csv
[ "$(sqlite3 "$T/run.db" "SELECT sha256 FROM run_inputs WHERE role = 'params' AND name = 'p.yaml'")" = "$(sha256sum p.yaml | cut -d' ' -f1)" ] ||
	fail "--params file: $(sqlite3 "$T/run.db" "SELECT * FROM run_inputs WHERE role = 'params'")"
sqlite3 "$T/run.db" "SELECT params FROM run_provenance ORDER BY run_id DESC LIMIT 1" | grep -q '^the parameter file p.yaml (--params)' ||
	fail "--params source"

# negotiations: the switches are stored and title the runs
IN="$MP_SRC/data/scenarios/negotiation/ukraine_settlement_2023.yaml"
expect_exit 0 "$MP" negotiate "$IN" --store --quiet --db "$DB" --format csv
expect_exit 0 "$MP" negotiate "$IN" --store --quiet --db "$DB" --pce markov-uniform --format csv
[ "$(q "SELECT count(DISTINCT switches) FROM run_provenance WHERE kind = 'bargain'")" = 2 ] || fail "switches of two runs"
q "SELECT switches FROM run_provenance WHERE kind = 'bargain' ORDER BY run_id DESC LIMIT 1" | grep -q 'pce=markov-uniform' ||
	fail "switches: $(q "SELECT switches FROM run_provenance")"
[ "$(q "SELECT sha256 FROM run_inputs WHERE kind = 'bargain' AND role = 'input' LIMIT 1")" = "$(sha256sum "$IN" | cut -d' ' -f1)" ] ||
	fail "negotiation input SHA-256"

expect_exit 0 "$MP" report --db "$DB" --output r.html --quiet
box=$(sed -n '/id="provenance"/,/id="sources"\|Data and sources/p' r.html)
[ -n "$box" ] || fail "no How this was made section"
for want in 'How this was made' 'seed' '>7<' "$(q "SELECT git_commit FROM run_provenance WHERE kind = 'sim'")" \
	'pce=markov-uniform' 'data/world/SOURCES.md' 'SIPRI Military Expenditure Database'; do
	grep -qF -- "$want" <<< "$box" || fail "report box lacks '$want'"
done
grep -q 'ukraine_settlement_2023.yaml <small>(model=smp [^)]*pce=markov-uniform' r.html || fail "negotiation title by its switches"

# names on the command line: COW letters, COW number, ISO3, English name, near matches (a
# small NMC file gives the dyads)
expect_exit 0 "$MP" import --db "$DB" --quiet nmc.csv
for a in CHN 710 China; do
	expect_exit 0 "$MP" dyad --db "$DB" USA "$a" --from 2000 --to 2000 --format csv --quiet
	grep -q '^2,710,USA,CHN,2000' "$T/out" || fail "dyad USA $a: $(cat "$T/out")"
done
expect_exit 0 "$MP" dyad --db "$DB" "United States" DEU --from 2000 --to 2000 --format csv --quiet
grep -q '^2,255,USA,GMY,2000' "$T/out" || fail "dyad 'United States' DEU: $(cat "$T/out")"
expect_exit 2 "$MP" dyad --db "$DB" USA Grmany
grep -q 'did you mean Germany (GMY, 255)' "$T/err" || fail "near match: $(cat "$T/err")"
# population: the same names (the start world's states), the crosswalk's near matches
expect_exit 0 "$MP" population "United States" --runs 2 --to 2024 --format csv
sed -n 2p "$T/out" | grep -q '^USA,2,' || fail "population 'United States': $(head -2 "$T/out")"
expect_exit 0 "$MP" population DEU --runs 2 --to 2024 --format csv
sed -n 2p "$T/out" | grep -q '^GMY,255,' || fail "population DEU"
expect_exit 2 "$MP" population Grmany --runs 2 --to 2024
grep -q 'did you mean Germany (GMY, 255)' "$T/err" || fail "population near match: $(cat "$T/err")"
echo ok
