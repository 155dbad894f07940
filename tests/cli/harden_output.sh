# Issue 16 item 9: output hygiene. CSV text cells a spreadsheet would run as a formula
# (=, +, -, @, tab, CR first) are written as "'..." unless --raw; numbers stay as they are;
# control characters are escaped (\xHH) in text tables and in messages on stderr.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
NMC="$SHARED/NMC-60-abridged.csv"
{
	head -n 1 "$NMC"
	grep ',2016,' "$NMC" | head -n 4 | sed '1s/^[A-Z]*,/=1+2,/; 2s/^[A-Z]*,/-AB,/; 3s/^[A-Z]*,/@SUM(1),/'
	printf 'E\033[2J\a,999,2016,1,1,1,1,1,1,0.1,2021\n'
} > "$T/f.csv"
DB="$T/f.db"
$MP import --quiet --db "$DB" "$T/f.csv" || fail "import failed"

expect_exit 0 $MP capabilities --db "$DB" --year 2016 --format csv
grep -q "^2016,2,\"'=1+2\",West," "$T/out" || fail "=1+2 not guarded: $(cat "$T/out")"
grep -q "^2016,20,\"'-AB\",West," "$T/out" || fail "-AB not guarded"
grep -q "^2016,[0-9]*,\"'@SUM(1)\"," "$T/out" || fail "@SUM(1) not guarded"
# numbers are data: negative and exponent forms in numeric columns are never prefixed
grep -q "'[0-9-]" <(cut -d, -f5- "$T/out") && fail "a numeric cell was prefixed"
expect_exit 0 $MP capabilities --db "$DB" --year 2016 --format csv --raw
grep -q "^2016,2,=1+2,West," "$T/out" || fail "--raw did not write the cell as stored"

# text table: ESC and BEL shown as \x1B and \x07, never sent to the terminal
expect_exit 0 $MP capabilities --db "$DB" --year 2016
grep -q $'\033' "$T/out" && fail "ESC reached the text table"
grep -qF 'E\x1B[2J\x07' "$T/out" || fail "escaped name missing: $(cat "$T/out")"

# messages on stderr: a path with control characters is escaped
expect_exit 2 $MP capabilities --db "$T/x"$'\033[31m\a'"y.db"
grep -q $'\033' "$T/err" && fail "ESC reached stderr"
grep -qF 'x\x1B[31m\x07y.db' "$T/err" || fail "escaped path missing: $(cat "$T/err")"

# JSON keeps the names whole and valid
expect_exit 0 $MP capabilities --db "$DB" --year 2016 --format json
grep -qF '"stateabb": "=1+2"' "$T/out" || grep -qF '"stateabb":"=1+2"' "$T/out" || fail "JSON name changed: $(head -c 300 "$T/out")"
echo "ok: formula cells guarded, --raw, control characters escaped"
