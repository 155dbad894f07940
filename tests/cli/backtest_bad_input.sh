# Bad input to `multipolar backtest`: exit 2 with a message naming what is wrong
# (the dataset and its coverage for years outside it).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv
DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" || fail "import"
check() { # check PATTERN CMD...
	local pattern=$1; shift
	expect_exit 2 "$@"
	grep -qE -- "$pattern" "$T/err" || { cat "$T/err" >&2; fail "'$*': message does not match '$pattern'"; }
}
check "expected --start < --end, got 2016 >= 2006" $MP backtest --db "$DB" --start 2016 --end 2006
check "expected --start < --end, got 2006 >= 2006" $MP backtest --db "$DB" --start 2006 --end 2006
check "--start and --end Y1 are required|--start Y0 and --end Y1 are required" $MP backtest --db "$DB" --end 2016
check "--start 1700 is outside the coverage of NMC 6.0 in the database \(1816-2016" \
	$MP backtest --db "$DB" --start 1700 --end 2016
check "--start 1820 is outside the coverage of NMC 6.0" $MP backtest --db "$DB" --start 1820 --end 2016
check "--end 2030 is outside the coverage of NMC 6.0 in the database \(1816-2016\)" \
	$MP backtest --db "$DB" --start 2006 --end 2030
check "--end 2030 is outside the coverage of NMC 6.0 in .*NMC-60-abridged.csv \(1816-2016\)" \
	$MP backtest --db "$DB" --start 2006 --end 2030 --truth "$SHARED/NMC-60-abridged.csv"
check "expected an NMC file for --truth, got Maddison" \
	$MP backtest --db "$DB" --start 2006 --end 2016 --truth "$SHARED/mpd2023.csv"
check "expected --top >= 2" $MP backtest --db "$DB" --start 2006 --end 2016 --top 1
exit 0
