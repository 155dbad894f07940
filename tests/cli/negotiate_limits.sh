#!/bin/bash
# Issue 16.4 and 16.11: a negotiation file cannot name a database or an output, nor switch
# storing on; every numeric setting has a documented bound checked in one place (no
# wrap-around); inputs, devices and models have size limits with clear messages and exit 2.
. "$(dirname "$0")/../lib.bash"
scenario() { # scenario FILE OPTIONS: a three-actor YAML scenario with an options block
	cat > "$1" <<Y
options: {$2}
dimensions:
  - {name: d, low: 0, high: 10}
actors:
  - {name: A, capability: 1, position: 2, salience: 0.5}
  - {name: B, capability: 1, position: 3, salience: 0.5}
  - {name: C, capability: 2, position: 8, salience: 0.2}
Y
}
refuse() { # refuse OPTIONS PATTERN: the scenario is refused with exit 2 and PATTERN
	scenario "$T/s.yaml" "$1"
	expect_exit 2 "$MP" negotiate "$T/s.yaml" --db "$T/mine.db"
	grep -q -- "$2" "$T/err" || fail "options {$1}: message '$(cat "$T/err")' lacks '$2'"
}
# a scenario never chooses the database, an output or storing
refuse "db: $T/foreign.sqlite, store: true" "s.yaml:1:11: options: 'db' cannot be set in a scenario file"
[ ! -e "$T/foreign.sqlite" ] || fail "the scenario's database was created"
refuse "store: true" "s.yaml:1:11: options: 'store' cannot be set in a scenario file"
refuse "output: $T/x.csv" "'output' cannot be set in a scenario file"
refuse "format: json" "'format' cannot be set in a scenario file"
refuse "name: x" "'name' cannot be set in a scenario file"
[ ! -e "$T/mine.db" ] && [ ! -e "$T/x.csv" ] || fail "a refused scenario wrote a file"
# a foreign SQLite file given as the scenario's database is left alone
sqlite3 "$T/foreign.sqlite" "CREATE TABLE t(x); PRAGMA user_version = 7;"
cp "$T/foreign.sqlite" "$T/foreign.orig"
refuse "db: $T/foreign.sqlite, store: true" "'db' cannot be set"
cmp -s "$T/foreign.sqlite" "$T/foreign.orig" || fail "the foreign database changed"
# bounds, in the file (with line:column) and on the command line
refuse "sensitivity: 2000000000" "s.yaml:1:24: options: sensitivity: expected a whole number from 0 to 100000, got '2000000000'"
refuse "rounds: 100000000" "s.yaml:1:19: options: rounds: expected a whole number from 0 to 1000, got '100000000'"
refuse "rounds: 4294967298" "rounds: expected a whole number from 0 to 1000, got '4294967298'"
refuse "rounds: 0x10" "rounds: expected a whole number from 0 to 1000, got '0x10'"
refuse "threads: -5" "s.yaml:1:11: options: 'threads' cannot be set in a scenario file"
refuse "noise-cap: 1e400" "noise-cap: expected a decimal number in \[0, 2\], got '1e400'"
refuse "q: 1.5" "q: expected a decimal number in \[0, 1\]"
refuse "seed: 18446744073709551616" "seed: expected a whole number from 0 to 18446744073709551615"
refuse "roundz: 5" "s.yaml:1:11: options: unknown setting 'roundz'; did you mean 'rounds'?"
refuse "dim: e" "dim: no dimension 'e' in the input"
scenario "$T/ok.yaml" "rounds: 3, seed: 18446744073709551615"
expect_exit 0 "$MP" negotiate "$T/ok.yaml" --format csv
grep -q '^eu,3,3,' "$T/out" || fail "rounds 3 from the scenario: $(cat "$T/out")"
cli_refuse() { # cli_refuse PATTERN ARGS...
	local pat=$1; shift
	expect_exit 2 "$MP" negotiate "$T/ok.yaml" "$@"
	grep -q -- "$pat" "$T/err" || fail "$*: message '$(cat "$T/err")' lacks '$pat'"
}
cli_refuse "--rounds: expected a whole number from 0 to 1000, got '4294967298'" --rounds 4294967298
cli_refuse "--rounds: expected a whole number from 0 to 1000, got '-1'" --rounds -1
cli_refuse "--threads: expected a whole number from 0 to 256, got '-5'" --threads -5 --sensitivity 4
cli_refuse "--threads: expected a whole number from 0 to 256, got '1000'" --threads 1000 --sensitivity 4
cli_refuse "--sensitivity: expected a whole number from 0 to 100000, got '2000000000'" --sensitivity 2000000000
cli_refuse "--noise-pos: expected a decimal number in \[0, 1\], got 'nan'" --noise-pos nan --sensitivity 2
# the bound in --help and --show settings is the one enforced
"$MP" negotiate --help > "$T/help" || fail "help"
grep -q -- "round limit, 0 to 1000" "$T/help" || fail "--help lacks the rounds bound"
grep -q -- "threads for --sensitivity, 0 to 256" "$T/help" || fail "--help lacks the threads bound"
expect_exit 0 "$MP" negotiate "$T/ok.yaml" --sensitivity 2 --show settings --format csv
grep -qx 'rounds,3,0 to 1000' "$T/out" || fail "settings: $(cat "$T/out")"
grep -qx 'threads,0,0 to 256' "$T/out" || fail "settings threads: $(cat "$T/out")"
# many threads asked for: clamped to the cores and replicates, same result as one thread
expect_exit 0 "$MP" negotiate "$T/ok.yaml" --sensitivity 4 --threads 256 --format csv
cp "$T/out" "$T/t256"
expect_exit 0 "$MP" negotiate "$T/ok.yaml" --sensitivity 4 --threads 1 --format csv
cmp -s "$T/out" "$T/t256" || fail "--threads 256 and 1 differ"

# inputs have a size limit, also devices and pipes (no reading until out of memory)
sanitized=0
"$MP" version --build-options | grep -q sanitize && sanitized=1
limit_mem() { # limit_mem CMD...: run with at most 800 MB of address space (normal builds)
	if [ "$sanitized" = 1 ]; then "$@"; else (ulimit -v 800000; exec "$@"); fi
}
set +e
limit_mem timeout 60 "$MP" negotiate /dev/zero > "$T/out" 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "/dev/zero: exit $rc: $(cat "$T/err")"
grep -q "/dev/zero: more than the 64 MiB limit for negotiation inputs" "$T/err" || fail "/dev/zero: $(cat "$T/err")"
# a 400 MB actor name through a pipe: refused at the limit, in bounded memory
set +e
{ printf 'Actor,Capability,Position,Salience\n'; head -c 400000000 /dev/zero | tr '\0' a; printf ',1,1,0.5\n'; } 2> /dev/null |
	limit_mem "$MP" negotiate /dev/stdin > "$T/out" 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "400 MB name: exit $rc: $(cat "$T/err")"
grep -q "more than the 64 MiB limit" "$T/err" || fail "400 MB name: $(cat "$T/err")"
# a regular file over the limit is refused before it is read
truncate -s 100M "$T/big.csv"
expect_exit 2 "$MP" negotiate "$T/big.csv"
grep -q "big.csv: 105 MB, larger than the 64 MiB limit" "$T/err" || fail "big file: $(cat "$T/err")"
expect_exit 2 "$MP" negotiate "$T"
grep -q "is a directory" "$T/err" || fail "directory: $(cat "$T/err")"

# models have actor limits: SMP on 10,000 actors is refused at once, naming the limit
awk 'BEGIN { print "Actor,Capability,Position,Salience"; srand(1);
	for (i = 0; i < 10000; i++) printf "A%05d,%.3f,%.2f,%.3f\n", i, 1 + 99 * rand(), 100 * rand(), 0.1 + 0.9 * rand() }' > "$T/n10k.csv"
set +e
limit_mem timeout 60 "$MP" negotiate "$T/n10k.csv" --model smp > "$T/out" 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "SMP on 10,000 actors: exit $rc: $(cat "$T/err")"
grep -q "n10k.csv: 10000 actors, more than the SMP's limit of 2000 (a turn costs O(n^3)" "$T/err" || fail "SMP 10k: $(cat "$T/err")"
grep -q "the EU model (--model eu) runs this input" "$T/err" || fail "SMP 10k: no hint: $(cat "$T/err")"
# the EU model runs them, with a progress bar on a terminal (pseudo-terminal from `script`)
if [ "$sanitized" = 0 ] && command -v script > /dev/null; then
	script -qec "$MP negotiate $T/n10k.csv --rounds 1 --format csv --output $T/o.csv" "$T/tty.log" > /dev/null ||
		fail "EU on 10,000 actors"
	grep -q "negotiate .*ETA" "$T/tty.log" || fail "no progress bar for the 10,000-actor EU run"
	[ "$(grep -c '^eu,10000,1,round limit' "$T/o.csv")" = 1 ] || fail "EU 10k summary: $(cat "$T/o.csv")"
fi
echo ok
