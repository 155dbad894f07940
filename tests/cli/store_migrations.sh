# The store's schema comes from the versioned migrations of store.c alone: a new database
# has every result table at the newest version; a version-1 database (result tables made
# by the query files of old, sim_runs without `job`) is brought
# up to date in one transaction with its rows kept; a newer schema is refused.
source "$MP_SRC/tests/lib.bash"
need_shared majors2016.csv
DB="$T/new.db"
$MP import --quiet --db "$DB" "$SHARED/majors2016.csv" || fail "import"
V=5 # the number of entries of migrations[] in src/lib/store/store.c
[ "$(sqlite3 "$DB" "PRAGMA user_version")" = $V ] || fail "new database: version $(sqlite3 "$DB" "PRAGMA user_version")"
for t in datasets eval_run eval_score eval_reliability sim_runs sim_summary calib_run calib_fit calib_unit bargain_runs bargain_positions bargain_forecast bargain_settings bargain_summary bargain_quantiles run_provenance run_inputs; do
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='$t'")" = 1 ] || fail "table $t missing"
done
sqlite3 "$DB" "SELECT ccode FROM calib_unit LIMIT 0" || fail "calib_unit.ccode"
# a version-1 database as the previous release left it
OLD="$T/old.db"
sqlite3 "$OLD" <<'SQL'
CREATE TABLE datasets (id INTEGER PRIMARY KEY, family TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
 sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, imported_at TEXT NOT NULL, rows INTEGER NOT NULL,
 year_min INTEGER, year_max INTEGER, citation TEXT NOT NULL);
CREATE INDEX datasets_family ON datasets(family, year_max, id);
CREATE TABLE sim_runs (run_id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, scenario_path TEXT,
 seed INTEGER NOT NULL, runs INTEGER NOT NULL, start INTEGER NOT NULL, horizon INTEGER NOT NULL,
 world TEXT, params TEXT, created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
INSERT INTO sim_runs (scenario, seed, runs, start, horizon) VALUES ('baseline', 7, 10, 2016, 2050);
CREATE TABLE calib_run (id INTEGER PRIMARY KEY, until INTEGER NOT NULL,
 created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), notes TEXT);
CREATE TABLE calib_fit (run INTEGER NOT NULL REFERENCES calib_run(id), param TEXT NOT NULL, estimate REAL,
 se REAL, n INTEGER, stat_name TEXT, stat REAL, method TEXT, PRIMARY KEY (run, param));
INSERT INTO calib_run (until) VALUES (2006);
INSERT INTO calib_fit VALUES (1, 'economy.beta', 0.0064, 0.001, 779, 'R2', 0.5, 'Barro');
PRAGMA user_version = 1;
SQL
$MP import --quiet --db "$OLD" "$SHARED/majors2016.csv" || fail "import into a version-1 database"
[ "$(sqlite3 "$OLD" "PRAGMA user_version")" = $V ] || fail "old database not migrated"
[ "$(sqlite3 "$OLD" "SELECT count(*) FROM eval_run")" = 0 ] || fail "eval tables in the old database"
[ "$(sqlite3 "$OLD" "SELECT scenario || ' ' || seed || ' ' || IFNULL(job, 'null') FROM sim_runs")" = "baseline 7 null" ] \
	|| fail "sim_runs row or job column: $(sqlite3 "$OLD" "SELECT * FROM sim_runs")"
[ "$(sqlite3 "$OLD" "SELECT param || ' ' || estimate || ' ' || n FROM calib_fit")" = "economy.beta 0.0064 779" ] \
	|| fail "calib_fit row: $(sqlite3 "$OLD" "SELECT * FROM calib_fit")"
[ "$(sqlite3 "$OLD" "SELECT count(*) FROM bargain_runs")" = 0 ] || fail "bargain tables in the old database"
# opening it again changes nothing (the version is current)
before=$(sqlite3 "$OLD" "SELECT group_concat(sql, ';') FROM sqlite_master")
$MP import --quiet --db "$OLD" "$SHARED/majors2016.csv" || fail "second import"
[ "$before" = "$(sqlite3 "$OLD" "SELECT group_concat(sql, ';') FROM sqlite_master")" ] || fail "schema changed on reopen"
# a version-4 database of a panels-branch build (provenance tables, no bargain_settings):
# migration 4 -> 5 makes the negotiation tables of 3 -> 4 too
P4="$T/panels4.db"
$MP import --quiet --db "$P4" "$SHARED/majors2016.csv" || fail "import"
sqlite3 "$P4" "DROP TABLE bargain_settings; DROP TABLE bargain_summary; DROP TABLE bargain_quantiles; PRAGMA user_version = 4"
$MP import --quiet --db "$P4" "$SHARED/states2016.csv" || fail "import into a panels version-4 database"
for t in bargain_settings bargain_summary bargain_quantiles run_provenance; do
	[ "$(sqlite3 "$P4" "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='$t'")" = 1 ] || fail "panels v4: $t missing"
done
# a schema newer than this build: refused, the file untouched
sqlite3 "$OLD" "PRAGMA user_version = 99"
expect_exit 1 $MP import --quiet --db "$OLD" "$SHARED/majors2016.csv"
grep -q "schema version 99 is newer than this multipolar ($V)" "$T/err" || fail "newer schema message: $(cat "$T/err")"
echo "store migrations: ok"
