# Bad input to `multipolar import`: each case exits 2, names file:line:column and what was
# expected, and leaves the database exactly as it was (one transaction per file).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
DB="$T/bad.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" || fail "good import failed"
snapshot() { sqlite3 "$DB" "SELECT count(*) FROM datasets; SELECT count(*) FROM nmc; SELECT group_concat(name) FROM sqlite_master;"; }
before=$(snapshot)

# case FILE PATTERN: import must exit 2 with PATTERN in the message, database unchanged
case_bad() {
	local file=$1 pattern=$2
	expect_exit 2 $MP import --quiet --db "$DB" "$file"
	grep -qE -- "$pattern" "$T/err" || { cat "$T/err" >&2; fail "$file: message does not match '$pattern'"; }
	[ "$(snapshot)" = "$before" ] || fail "$file: database changed after a failed import"
}

# 1. wrong header
printf 'foo,bar,baz\n1,2,3\n' > "$T/header.csv"
case_bad "$T/header.csv" "header.csv:1:1: header does not match any known dataset"

# 2. a non-number, after 2000 good rows (so a partial import would show)
head -n 2001 "$SHARED/NMC-60-abridged.csv" > "$T/nonnum.csv"
printf 'USA,2,1999,n/a,1,1,1,1,1,0.1,2021\r\n' >> "$T/nonnum.csv"
case_bad "$T/nonnum.csv" "nonnum.csv:2002:12: column 'milex': expected a number, got \"n/a\""

# 3. a truncated last line
head -c 50000 "$SHARED/NMC-60-abridged.csv" > "$T/trunc.csv"
case_bad "$T/trunc.csv" "trunc.csv:[0-9]+:[0-9]+: expected 11 fields as in the header, got [0-9]+ \(truncated line\?\)"

# 4. a bad UTF-8 byte
{ head -n 10 "$SHARED/NMC-60-abridged.csv"; printf 'US\xffA,2,1999,1,1,1,1,1,1,0.1,2021\n'; } > "$T/utf8.csv"
case_bad "$T/utf8.csv" "utf8.csv:11:3: invalid UTF-8 byte 0xFF"

# 5. an empty file
: > "$T/empty.csv"
case_bad "$T/empty.csv" "empty.csv: empty file"

# 6. a file that is not CSV (binary)
head -c 4096 /bin/ls > "$T/binary.csv"
case_bad "$T/binary.csv" "binary.csv:1:[0-9]+: (NUL byte: not a text CSV file|invalid UTF-8 byte)"

# 7. a header with no rows
head -n 1 "$SHARED/NMC-60-abridged.csv" > "$T/noheader.csv"
case_bad "$T/noheader.csv" "noheader.csv:2:1: no data rows"

# 8. an unterminated quote
printf 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\n"USA,2,1999,1,1,1,1,1,1,0.1,2021\n' > "$T/quote.csv"
case_bad "$T/quote.csv" "quote.csv:2:1: unterminated quoted field"

# a missing file is an input error too; a usage error is 2
expect_exit 2 $MP import --quiet --db "$DB" "$T/does-not-exist.csv"
grep -q "does-not-exist.csv: cannot open" "$T/err" || fail "missing file message"
expect_exit 2 $MP import --db "$DB"
# a device is skipped before anything is read (not 2^63 bytes of malloc; the file
# reader's own refusal of directories and devices: tests/unit/test_util.c), and an empty
# directory imports nothing
mkdir -p "$T/adir"
expect_exit 2 $MP import --quiet --db "$DB" "$T/adir"
grep -q "nothing imported" "$T/err" || fail "empty directory message"
expect_exit 2 $MP import --db "$DB" /dev/null
grep -q "/dev/null: skipped: not a regular file" "$T/err" || fail "device message: $(cat "$T/err")"
expect_exit 2 $MP import --nonsense "$T/header.csv"
echo "import bad input: ok"
