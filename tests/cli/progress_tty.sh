# Long commands show a progress bar with rate and ETA on a terminal, nothing when stderr is
# not a terminal, and nothing with --quiet (a pseudo-terminal from util-linux `script`).
source "$MP_SRC/tests/lib.bash"
command -v script > /dev/null || { echo "SKIP: no 'script' (util-linux) for a pseudo-terminal" >&2; exit 77; }
cd "$T"
script -qec "$MP simulate baseline --runs 100 --no-store --format csv --output $T/o.csv" "$T/tty.log" > /dev/null || fail "simulate on a tty"
grep -q "ETA" "$T/tty.log" || fail "no progress bar on a terminal"
grep -q "/s" "$T/tty.log" || fail "no rate in the progress bar"
script -qec "$MP simulate baseline --runs 100 --no-store --quiet --format csv --output $T/o.csv" "$T/quiet.log" > /dev/null || fail "simulate --quiet"
! grep -q "ETA" "$T/quiet.log" || fail "--quiet still shows progress"
$MP simulate baseline --runs 100 --no-store --format csv --output "$T/o.csv" 2> "$T/piped.err" || fail "simulate piped"
# piped: the notes (start world, parameters) but no bar
! grep -q "ETA" "$T/piped.err" || fail "progress written when stderr is not a terminal: $(head -c 200 "$T/piped.err")"
! grep -q $'\r' "$T/piped.err" || fail "a carriage return (progress bar) in piped stderr"
grep -q "^start: " "$T/piped.err" || fail "the start world is not stated"
echo "progress: ok"
