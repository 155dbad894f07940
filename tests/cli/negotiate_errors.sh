#!/bin/bash
# Bad inputs: exit 2 with file, line and column in the message.
. "$(dirname "$0")/../lib.bash"
check() { # check FILE PATTERN [options...]
	local f=$1 pat=$2; shift 2
	expect_exit 2 "$MP" negotiate "$f" "$@"
	grep -q -- "$pat" "$T/err" || fail "$f: message '$(cat "$T/err")' lacks '$pat'"
}
printf 'Actor,Capability,Position\nA,1,2\nB,1,3\nC,1,4\n' > "$T/nocol.csv"
check "$T/nocol.csv" "nocol.csv:1:1: missing column 'Salience'"
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,1.5\nC,1,4,0.2\n' > "$T/range.csv"
check "$T/range.csv" "range.csv:3:7: column 'Salience': expected a number in \[0,1\]"
printf 'Actor,Capability,Position,Salience\nA,1,2,50\nB,1,3,150\nC,1,4,20\n' > "$T/pct.csv"
check "$T/pct.csv" "pct.csv:3:7: column 'Salience': expected a number in \[0,100\]" --salience-percent
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.4\n' > "$T/two.csv"
check "$T/two.csv" "two.csv:4:1: expected at least 3 actors, found 2"
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,nan,0.4\nC,1,4,0.2\n' > "$T/nan.csv"
check "$T/nan.csv" "nan.csv:3:5: column 'Position': expected a finite decimal number, got \"nan\""
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,x,3,0.4\nC,1,4,0.2\n' > "$T/abc.csv"
check "$T/abc.csv" "abc.csv:3:3: column 'Capability': expected a finite decimal number, got \"x\""
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.4\nA,1,4,0.2\n' > "$T/dup.csv"
check "$T/dup.csv" "dup.csv:4:1: column 'Actor': actor \"A\" is duplicated (first on line 2)"
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3\nC,1,4,0.2\n' > "$T/short.csv"
check "$T/short.csv" "short.csv:3:6: column 'Salience' is missing"
# KTAB layout
printf 'S,desc,3,1,\nActor,Desc,Power,Pos,Sal,\nA,a,10,20,50,\nB,b,10,120,50,\nC,c,10,30,50,\n' > "$T/k1.csv"
check "$T/k1.csv" "k1.csv:4:8: column 'Position': expected a number in \[0,100\]"
printf 'S,desc,3,1,\nActor,Desc,Power,Pos,Sal,\nA,a,10,20,50,\nB,b,10,20,50,\n' > "$T/k2.csv"
check "$T/k2.csv" "k2.csv:5:1: expected 3 actors (first line), found 2"
printf 'S,desc,2,1,\nActor,Desc,Power,Pos,Sal,\nA,a,10,20,50,\nB,b,10,20,50,\n' > "$T/k3.csv"
check "$T/k3.csv" "k3.csv:1:8: number of actors: expected a whole number >= 3"
printf 'S,desc,3,2,\nActor,Desc,Power,P1,S1,P2,S2\nA,a,10,20,50,30,60\nB,b,10,20,50,30,40\nC,c,10,20,50,30,40\n' > "$T/k4.csv"
check "$T/k4.csv" "k4.csv:3:11: column 'Salience': the saliences of actor \"A\" sum to 110"
# YAML
cat > "$T/bad.yaml" <<'Y'
name: t
dimensions:
  - {name: d, low: 0, high: 10}
actors:
  - {name: A, capability: 1, positions: [2], saliences: [0.5]}
  - {name: B, capability: 1, positions: [3], saliences: [1.5]}
  - {name: C, capability: 1, positions: [4], saliences: [0.2]}
Y
check "$T/bad.yaml" "bad.yaml:6:58: 'saliences': expected a number in \[0,1\]"
cat > "$T/dup.yaml" <<'Y'
dimensions:
  - {name: d, low: 0, high: 10}
actors:
  - {name: A, capability: 1, position: 2, salience: 0.5}
  - {name: B, capability: 1, position: 3, salience: 0.5}
  - {name: A, capability: 1, position: 4, salience: 0.2}
Y
check "$T/dup.yaml" "dup.yaml:6:12: actor \"A\" is duplicated"
printf 'dimensions: [\n' > "$T/syntax.yaml"
check "$T/syntax.yaml" "syntax.yaml:2:1: YAML syntax:"
# usage errors
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' > "$T/good.csv"
check "$T/good.csv" "unknown value 'bogus'" --model bogus
check "$T/good.csv" "unknown rule in 'never'" --stop never
check "$T/good.csv" "are for the SMP" --show probabilities
expect_exit 0 "$MP" negotiate "$T/good.csv"
expect_exit 2 "$MP" negotiate
echo ok
