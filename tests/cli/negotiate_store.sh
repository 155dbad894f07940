# negotiate --store keeps positions, forecasts and the summary in the database (one
# transaction); report draws them, with names escaped and the forecast of the last round
# equal to what `--show summary` prints.
source "$MP_SRC/tests/lib.bash"
need_shared bargaining/eu/eu_emissions_bdm1994.csv
DB="$T/n.db"
IN="$SHARED/bargaining/eu/eu_emissions_bdm1994.csv"
$MP negotiate "$IN" --store --db "$DB" --name '<script>alert(1)</script>' --show positions --format csv > "$T/pos.csv" 2> "$T/err" || fail "negotiate --store"
grep -q "stored as negotiation 1" "$T/err" || fail "no store message"
# the stored positions are the printed ones: 10 actors x 11 rounds (0..10)
[ "$(sqlite3 "$DB" "SELECT count(*) FROM bargain_positions WHERE run_id = 1")" = 110 ] || fail "positions rows"
[ "$(($(wc -l < "$T/pos.csv") - 1))" = 110 ] || fail "printed rows"
sqlite3 -csv "$DB" "SELECT round, actor, dim, position FROM bargain_positions ORDER BY rowid" > "$T/stored.csv"
tail -n +2 "$T/pos.csv" | awk -F, '{printf "%s,%s,%s,%.6f\n", $1, $2, $3, $4}' > "$T/a"
awk -F, '{printf "%s,%s,%s,%.6f\n", $1, $2, $3, $4}' "$T/stored.csv" > "$T/b"
cmp -s "$T/a" "$T/b" || fail "stored positions differ from the printed ones"
[ "$(sqlite3 "$DB" "SELECT model || ' ' || actors || ' ' || rounds || ' ' || stopped_by FROM bargain_runs")" = "eu 10 10 round limit" ] || fail "run row: $(sqlite3 "$DB" "SELECT * FROM bargain_runs")"
# the report shows it, escaped, with the summary's forecast
want=$($MP negotiate "$IN" --show summary --format csv | tail -n 1 | cut -d, -f7)
$MP report --quiet --db "$DB" --output "$T/r.html" || fail "report"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/r.html" || fail "name not escaped as text"
! grep -q '<script>alert' "$T/r.html" || fail "raw script tag in the report"
printf -v w2 '%.2f' "$want"
grep -q "dimension 1</strong>: forecast $w2 (weighted median" "$T/r.html" || fail "forecast $w2 not in the report"
grep -q 'id="neg-1-1"' "$T/r.html" || fail "no negotiation chart"
# a failed store (read-only database file) keeps nothing and exits 1
chmod a-w "$T"
if [ "$(id -u)" != 0 ]; then
	expect_exit 1 $MP negotiate "$IN" --store --db "$T/new.db"
fi
chmod u+w "$T"
# 16.4, 16.10: a foreign SQLite file is never converted; an output that is the database
# is refused before anything is written
sqlite3 "$T/foreign.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T/foreign.sqlite" "$T/foreign.orig"
expect_exit 2 $MP negotiate "$IN" --store --db "$T/foreign.sqlite"
grep -q "foreign.sqlite: not a multipolar database" "$T/err" || fail "foreign database: $(cat "$T/err")"
cmp -s "$T/foreign.sqlite" "$T/foreign.orig" || fail "the foreign database changed"
expect_exit 2 $MP negotiate "$IN" --store --db "$T/same.db" --output "$T/same.db"
grep -q -- "--output .*same.db is the database" "$T/err" || fail "output = db: $(cat "$T/err")"
[ ! -e "$T/same.db" ] || fail "output = db: a file was written"
echo "negotiate --store: ok"
