# Issue 16 items 2, 6 (busy) and 7 (foreign database): database errors are errors. A damaged
# page under the dyads the simulation reads (contiguity, trade) makes `run` fail with
# SQLite's message instead of exit 0 with other forecasts; a lock held by another process
# past the busy timeout names the file; a SQLite file of another program is refused, not
# converted.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv cow_contdir.csv cow_trade_dyadic_4.0_ndy.csv states2016.csv
DB="$T/c.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/cow_contdir.csv" \
	"$SHARED/cow_trade_dyadic_4.0_ndy.csv" || fail "import failed"
sqlite3 "$DB" "PRAGMA journal_mode=DELETE" >/dev/null
expect_exit 0 $MP run baseline --start 2016 --runs 2 --until 2018 --no-report --threads 1 --quiet --db "$DB"

# 2. one page of a table's b-tree overwritten: the run reading it must fail
for tb in contiguity trade_dyadic; do
	cp "$DB" "$T/bad.db"
	ps=$(sqlite3 "$T/bad.db" "PRAGMA page_size")
	rp=$(sqlite3 "$T/bad.db" "SELECT rootpage FROM sqlite_master WHERE name = '$tb'")
	python3 -c "
f = open('$T/bad.db', 'r+b'); f.seek(($rp - 1) * $ps); f.write(b'\xff' * $ps)"
	expect_exit 1 $MP run baseline --start 2016 --runs 2 --until 2018 --no-report --threads 1 --quiet --db "$T/bad.db"
	grep -q "bad.db: .*: database disk image is malformed" "$T/err" ||
		{ cat "$T/err" >&2; fail "$tb: damaged page not reported"; }
done

# 6. a lock held past the busy timeout: exit 1, the file named, what to do
python3 - "$T/c.db" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
open(sys.argv[1] + ".locked", "w").close()
time.sleep(2)
con.execute("ROLLBACK")
PY
locker=$!
for i in $(seq 1 50); do [ -e "$T/c.db.locked" ] && break; sleep 0.1; done
MULTIPOLAR_BUSY_TIMEOUT=0.5 expect_exit 1 $MP import --quiet --db "$DB" "$SHARED/states2016.csv"
grep -q "c.db: .*another process holds the database's lock (waited 0.5 s" "$T/err" ||
	{ cat "$T/err" >&2; fail "busy message does not name the file"; }
wait "$locker"

# 7. a SQLite file of another program: refused (exit 2) by every command, never converted
sqlite3 "$T/foreign.db" "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'x');"
before=$(sqlite3 "$T/foreign.db" ".schema"; sqlite3 "$T/foreign.db" "PRAGMA user_version")
expect_exit 2 $MP datasets --db "$T/foreign.db"
grep -q "foreign.db: not a multipolar database: it holds 1 table or index of another program" "$T/err" ||
	{ cat "$T/err" >&2; fail "datasets on a foreign database"; }
expect_exit 2 $MP import --quiet --db "$T/foreign.db" "$SHARED/cow_contdir.csv"
[ "$(sqlite3 "$T/foreign.db" ".schema"; sqlite3 "$T/foreign.db" "PRAGMA user_version")" = "$before" ] ||
	fail "the foreign database was changed"
echo "ok: damaged pages, locks and foreign databases are errors"
