# Bad input to `multipolar evaluate`: exit 2 and a message naming what is wrong.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv
DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" || fail "import"
check() { # check PATTERN CMD...
	local pattern=$1; shift
	expect_exit 2 "$@"
	grep -qE -- "$pattern" "$T/err" || { cat "$T/err" >&2; fail "'$*': message does not match '$pattern'"; }
}
E="$MP evaluate --db $DB --runs 4 --no-store"
check "--origins 'abc': expected whole numbers, got 'abc'" $E --origins abc
check "--origins '2000:1990': expected FROM <= TO and STEP >= 1" $E --origins 2000:1990
check "--origins '1990:2000:0': expected FROM <= TO and STEP >= 1" $E --origins 1990:2000:0
check "--horizons '5:10': expected whole numbers separated by commas" $E --origins 1990 --horizons 5:10
check "--horizons: expected years in 1-50, got 0" $E --origins 1990 --horizons 0
check "origin 1800 is outside the coverage of NMC 6.0 in the database \(1816-2016; the trend baseline needs 10 earlier years, so origins must be in 1826-2016\)" \
	$E --origins 1800
check "origin 2020 is outside the coverage of NMC 6.0" $E --origins 2020
check "--variables: unknown variable 'gpd' \(expected cinc_share" $E --origins 1990 --variables cinc_share,gpd
check "--without 'diplomacy': expected a mechanism \(demography, economy, military, trade, alignment, strategy, conflict" \
	$E --origins 1990 --without diplomacy
check "--runs must be at least 2" $E --origins 1990 --runs 1
check "--top must be at least 2" $E --origins 1990 --top 1
check "expected an NMC file for --truth, got COW State System Membership" \
	$E --origins 1990 --truth "$SHARED/states2016.csv"
check "variable gdp needs Maddison" $E --origins 1990 --variables gdp
check "the war variables need the COW inter-state war data" $E --origins 1990 --variables war
check "--pool 2000:1990: expected FROM <= TO|--pool '2000:1990': expected FROM <= TO" $E --origins 1990 --pool 2000:1990
check "evaluate takes no arguments" $E --origins 1990 extra
check "unknown option '--origin'" $E --origin 1990
exit 0
