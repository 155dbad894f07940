# Issue 16 items 1 and 5: rows an import must refuse (exit 2, file:line:column, database
# unchanged) instead of storing them: a repeated (ccode, year), a year outside the
# family's documented span, a ccode of 1e20 (a double too large for an integer: the range
# is checked before any cast), a stateabb longer than multipolar keeps. Provenance's
# year_min/year_max then hold for every stored row.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv
NMC="$SHARED/NMC-60-abridged.csv"
DB="$T/rows.db"
$MP import --quiet --db "$DB" "$SHARED/states2016.csv" || fail "good import failed"
snapshot() { sqlite3 "$DB" "SELECT count(*) FROM datasets; SELECT group_concat(name) FROM sqlite_master;"; }
before=$(snapshot)
case_bad() {
	local file=$1 pattern=$2
	expect_exit 2 $MP import --quiet --db "$DB" "$file"
	grep -qE -- "$pattern" "$T/err" || { cat "$T/err" >&2; fail "$file: message does not match '$pattern'"; }
	[ "$(snapshot)" = "$before" ] || fail "$file: database changed after a failed import"
}
usa2016=$(grep '^USA,2,2016,' "$NMC")
[ -n "$usa2016" ] || fail "no USA 2016 row in $NMC"
line=$(grep -n '^USA,2,2016,' "$NMC" | cut -d: -f1)
n=$(wc -l < "$NMC")

# 1a. the issue's reproducer: the whole file plus a second USA 2016 row
{ cat "$NMC"; echo; echo "$usa2016"; } > "$T/dup.csv"
last=$(wc -l < "$T/dup.csv")
case_bad "$T/dup.csv" "dup.csv:$last:1: duplicate row: ccode 2, year 2016 is also on line $line \(COW National Material Capabilities has one row per ccode, year\)"

# 1a'. the same row twice in a row (the key set's sorted path) and out of order in a
# spell family keyed by text (capitals: ccode, stdate)
{ head -n 3 "$NMC"; sed -n 3p "$NMC"; } > "$T/adj.csv"
case_bad "$T/adj.csv" "adj.csv:4:1: duplicate row: ccode 2, year 1817 is also on line 3"
if [ -e "$SHARED/cow_capitals.csv" ]; then
	{ cat "$SHARED/cow_capitals.csv"; sed -n 2p "$SHARED/cow_capitals.csv"; } > "$T/cap.csv"
	case_bad "$T/cap.csv" "cap.csv:[0-9]+:1: duplicate row: ccode 2, stdate '1816-01-01' is also on line 2"
fi

# 1b. one row of year 3000 (it made the file the default NMC before)
{ cat "$NMC"; echo; echo "$usa2016" | sed 's/,2016,/,3000,/'; } > "$T/y3000.csv"
case_bad "$T/y3000.csv" "y3000.csv:[0-9]+:7: column 'year': year 3000 is outside the years of COW National Material Capabilities \(1816-[0-9]{4}\)"

# 1c. year 100000 (stored before, while provenance said year_max 1816)
{ head -n 2 "$NMC"; echo "$usa2016" | sed 's/,2016,/,100000,/'; } > "$T/y1e5.csv"
case_bad "$T/y1e5.csv" "y1e5.csv:3:7: column 'year': year 100000 is outside"

# 1d. a spell family: a state system entry year before 1816
{ head -n 1 "$SHARED/states2016.csv"; echo "USA,2,United States of America,1700,1,1,2016,12,31,2016"; } > "$T/st.csv"
case_bad "$T/st.csv" "st.csv:2:[0-9]+: column 'styear': year 1700 is outside the years of COW State System Membership"

# 5. a ccode of 1e20: refused as not a whole number in range (was undefined behaviour)
for v in 1e20 -1e300 9.5e15 2.5; do
	{ head -n 1 "$NMC"; echo "$usa2016" | sed "s/^USA,2,/USA,$v,/"; } > "$T/big.csv"
	case_bad "$T/big.csv" "big.csv:2:5: column 'ccode': expected a whole number, got \"$v\""
done
# a whole number written as a real is still accepted
{ head -n 1 "$NMC"; echo "$usa2016" | sed "s/^USA,2,/USA,2.0e0,/"; } > "$T/real.csv"
$MP import --quiet --db "$T/real.db" "$T/real.csv" || fail "2.0e0 refused as a ccode"
[ "$(sqlite3 "$T/real.db" "SELECT ccode FROM nmc")" = 2 ] || fail "2.0e0 not stored as 2"

# 9. stateabb longer than multipolar keeps (it was cut to 7 bytes)
{ head -n 1 "$NMC"; echo "$usa2016" | sed 's/^USA,/USAMERICA,/'; } > "$T/abb.csv"
case_bad "$T/abb.csv" "abb.csv:2:1: column 'stateabb': \"USAMERICA\" is 9 bytes long; multipolar keeps at most 7"

# 7. a column named twice in the header (was "duplicate column name", exit 1)
{ echo "$(head -n 1 "$NMC" | tr -d '\r'),x,X"; echo "$usa2016" | tr -d '\r' | sed 's/$/,1,2/'; } > "$T/hdr.csv"
case_bad "$T/hdr.csv" "hdr.csv:1:[0-9]+: column 'X' appears twice in the header \(fields 12 and 13\)"

# provenance is true: year_min/year_max are the stored rows' own
$MP import --quiet --db "$DB" "$NMC" || fail "NMC import failed"
[ "$(sqlite3 "$DB" "SELECT d.year_min = min(n.year) AND d.year_max = max(n.year) FROM datasets d JOIN nmc n ON n.dsid = d.id WHERE d.family = 'nmc'")" = 1 ] ||
	fail "provenance years differ from the rows"
echo "ok: duplicate keys, years outside the span, 1e20 and long names are refused ($n-line NMC)"
