#!/bin/bash
# Issue 16.7, 16.8, 16.9 for negotiation inputs: nothing is accepted silently. Unknown or
# misspelled keys (with the nearest key suggested), repeated keys, a second YAML document,
# rows after a KTAB file's declared actors, hex numbers, invalid UTF-8 and control
# characters in names are errors with file:line:column and exit 2; names keep their full
# length up to 256 bytes or are refused naming the limit; model errors name the file.
. "$(dirname "$0")/../lib.bash"
check() { # check FILE PATTERN [options...]
	local f=$1 pat=$2; shift 2
	expect_exit 2 "$MP" negotiate "$f" "$@"
	grep -q -- "$pat" "$T/err" || fail "$f: message '$(cat "$T/err")' lacks '$pat'"
}
head3='dimensions:
  - {name: d, low: 0, high: 10}
actors:'
# misspelled and unknown keys, at every level
printf '%s\n  - {name: A, capabilty: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/k1.yaml"
check "$T/k1.yaml" "k1.yaml:4:15: actor: unknown key 'capabilty'; did you mean 'capability'?"
printf 'nmae: x\n%s\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/k2.yaml"
check "$T/k2.yaml" "k2.yaml:1:1: scenario: unknown key 'nmae'; did you mean 'name'?"
printf 'dimensions:\n  - {name: d, lwo: 0, high: 10}\nactors:\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' > "$T/k3.yaml"
check "$T/k3.yaml" "k3.yaml:2:15: dimension: unknown key 'lwo'; did you mean 'low'?"
printf 'colour: red\n%s\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/k4.yaml"
check "$T/k4.yaml" "k4.yaml:1:1: scenario: unknown key 'colour'$"
# repeated keys (last did win), a second document
printf '%s\n  - {name: A, capability: 1, capability: 9, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/d1.yaml"
check "$T/d1.yaml" "d1.yaml:4:30: key 'capability' appears twice in this mapping (first on line 4)"
printf 'options:\n  rounds: 3\n  rounds: 5\n%s\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/d2.yaml"
check "$T/d2.yaml" "d2.yaml:3:3: key 'rounds' appears twice in this mapping (first on line 2)"
printf '%s\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n---\nname: second\n' "$head3" > "$T/doc.yaml"
check "$T/doc.yaml" "doc.yaml:8:1: a second YAML document"
# hex and other non-decimal numbers, in every format
printf '%s\n  - {name: A, capability: 0xC8, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/h1.yaml"
check "$T/h1.yaml" "h1.yaml:4:27: 'capability': expected a finite decimal number, got \"0xC8\""
printf 'Actor,Capability,Position,Salience\nA,0x10,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' > "$T/h2.csv"
check "$T/h2.csv" "h2.csv:2:3: column 'Capability': expected a finite decimal number, got \"0x10\""
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,inf,0.4\nC,1,4,0.2\n' > "$T/h3.csv"
check "$T/h3.csv" "h3.csv:3:5: column 'Position': expected a finite decimal number, got \"inf\""
printf 'S,d,3,1\nActor,Desc,Power,P,S\nA,a,10,0x14,50\nB,b,10,20,50\nC,c,10,30,50\n' > "$T/h4.csv"
check "$T/h4.csv" "h4.csv:3:8: column 'Position': expected a finite decimal number, got \"0x14\""
# a KTAB file with more rows than it declares
printf 'S,desc,3,1,\nActor,Desc,Power,Pos,Sal,\nA,a,10,20,50,\nB,b,10,30,50,\nC,c,10,40,50,\nD,d,10,50,50,\n' > "$T/extra.csv"
check "$T/extra.csv" "extra.csv:6:1: KTAB layout: a row after the 3 actors the first line declares"
# a BDM header naming a column twice, a KTAB header shorter than its declared dimensions
printf 'Actor,Capability,Actor,Position,Salience\nA,1,x,2,0.5\nB,1,y,3,0.4\nC,1,z,4,0.2\n' > "$T/dh.csv"
check "$T/dh.csv" "dh.csv:1:18: column 'Actor' appears twice in the header (first at column 1)"
printf 'S,d,3,2\nActor,Desc,Power,P1,S1,P2\nA,a,10,20,50,1,1\nB,b,10,20,50,1,1\nC,c,10,30,50,1,1\n' > "$T/kh.csv"
check "$T/kh.csv" "kh.csv:2:26: KTAB layout: the column header has 6 fields, expected 7"
# names: invalid UTF-8 and control characters refused where they are read
printf 'Actor,Capability,Position,Salience\nA\xff,1,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' > "$T/u1.csv"
check "$T/u1.csv" "u1.csv:2:2: invalid UTF-8 byte 0xFF"
printf '%s\n  - {name: "A\xc3", capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/u2.yaml"
check "$T/u2.yaml" "u2.yaml:.*YAML syntax: invalid"
printf '<?xml version="1.0"?><Scenario><name>x</name><desc/><prngSeed>1</prngSeed><Dimensions><dName>d</dName></Dimensions><Actors><Actor><name>A\xe9</name></Actor></Actors></Scenario>\n' > "$T/u3.xml"
check "$T/u3.xml" "u3.xml:1:.*XML: not well-formed"
printf 'Actor,Capability,Position,Salience\n"A\x1b[31mred",1,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' > "$T/c1.csv"
check "$T/c1.csv" "c1.csv:2:1: column 'Actor': a control character"
printf '%s\n  - {name: "A\\u0007", capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 1, position: 4, salience: 0.2}\n' "$head3" > "$T/c2.yaml"
check "$T/c2.yaml" "c2.yaml:4:12: 'name': a control character"
# names keep their full length up to 256 bytes (also in JSON and in the store) ...
long=$(printf 'N%.0s' $(seq 256))
printf 'Actor,Capability,Position,Salience\n%s,1,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' "$long" > "$T/l1.csv"
expect_exit 0 "$MP" negotiate "$T/l1.csv" --show positions --format json --store --db "$T/l.db"
grep -q "\"actor\": \"$long\"" "$T/out" || fail "a 256-byte name was not kept in JSON"
[ "$(sqlite3 "$T/l.db" "SELECT max(length(actor)) FROM bargain_positions")" = 256 ] || fail "a 256-byte name was cut in the store"
"$MP" report --quiet --db "$T/l.db" --output "$T/r.html" || fail "report"
grep -q "$long" "$T/r.html" || fail "a 256-byte name was cut in the report"
# ... or are refused naming the limit
printf 'Actor,Capability,Position,Salience\n%sX,1,2,0.5\nB,1,3,0.4\nC,1,4,0.2\n' "$long" > "$T/l2.csv"
check "$T/l2.csv" "l2.csv:2:1: column 'Actor': name longer than 256 bytes (the limit)"
# a model's own errors name the file, line and column
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0\nC,1,4,0.2\n' > "$T/s0.csv"
check "$T/s0.csv" "s0.csv:3:1: SMP: actor \"B\": saliences must sum to a number in (0,1], got 0" --model smp
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,2,0.1\nC,1,2,0.2\n' > "$T/same.csv"
check "$T/same.csv" "same.csv: EU model: all actors hold the same position"
# output hygiene (16.9): names a spreadsheet would run as formulas are prefixed in CSV
# (OWASP "CSV Injection"), in the positions and in the summary; --raw writes them as read
printf 'Actor,Capability,Position,Salience\n=SUM(1),1,2,0.5\n+B,1,3,0.4\n@C,1,4,0.2\n' > "$T/f.csv"
expect_exit 0 "$MP" negotiate "$T/f.csv" --show positions --format csv
grep -qx "0,\"'=SUM(1)\",1,2" "$T/out" || fail "formula name not prefixed: $(head -3 "$T/out")"
grep -qx "0,\"'@C\",1,4" "$T/out" || fail "@ name not prefixed: $(head -4 "$T/out")"
expect_exit 0 "$MP" negotiate "$T/f.csv" --show positions --format csv --raw
grep -qx "0,=SUM(1),1,2" "$T/out" || fail "--raw: $(head -3 "$T/out")"
printf 'dimensions:\n  - {name: "=d", low: 0, high: 10, low_means: "-x"}\nactors:\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 2, position: 8, salience: 0.2}\n' > "$T/f.yaml"
expect_exit 0 "$MP" negotiate "$T/f.yaml" --format csv
grep -q "^eu,3,10,round limit,\"'=d\",.*,\"'-x\",,0$" "$T/out" || fail "summary cells not prefixed: $(cat "$T/out")"
# control characters in scale meanings and marks are refused, so none reaches the terminal
printf 'dimensions:\n  - {name: d, low: 0, high: 10, marks: {5: "a\\u001b[2Jb"}}\nactors:\n  - {name: A, capability: 1, position: 2, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n  - {name: C, capability: 2, position: 8, salience: 0.2}\n' > "$T/esc.yaml"
check "$T/esc.yaml" "esc.yaml:2:44: 'marks': a control character"
echo ok
