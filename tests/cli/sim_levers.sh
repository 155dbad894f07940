# Names in levers are checked against the start world (docs/scenarios.md, "Names in
# levers"): a state that the shipped world holds only inside a remainder row cannot join a
# camp (exit 2, the row named), an unknown name is an error with the file, line and column
# and the nearest names, and the shipped scenarios all run.
source "$MP_SRC/tests/lib.bash"
set -e
cat > "$T/blr.yaml" <<'Y'
base: baseline.yaml
levers:
  - { type: join, state: BLR, camp: China, from: 2026 }
Y
cp "$MP_SRC/data/scenarios/baseline.yaml" "$T/"
expect_exit 2 "$MP" simulate "$T/blr.yaml" --runs 2 --no-store --quiet
grep -q "blr.yaml:3:26: state 'BLR' (Belarus) is not listed in this world" "$T/err" || fail "BLR: $(cat "$T/err")"
grep -q "remainder row XRUS (Rest of Russia pole)" "$T/err" || fail "BLR row: $(cat "$T/err")"
# a typo in a sanctioning camp and in a target state
printf 'base: baseline.yaml\nlevers:\n  - { type: sanctions, by: Wset, on: RUS }\n' > "$T/typo.yaml"
expect_exit 2 "$MP" simulate "$T/typo.yaml" --runs 2 --no-store --quiet
grep -q "typo.yaml:3:28: unknown state, camp or pole 'Wset' in a \`sanctions\` lever; did you mean West" "$T/err" ||
	fail "typo: $(cat "$T/err")"
printf 'base: baseline.yaml\nlevers:\n  - { type: sanctions, by: West, on: [RUS, IRQQ] }\n' > "$T/typo2.yaml"
expect_exit 2 "$MP" simulate "$T/typo2.yaml" --runs 2 --no-store --quiet
grep -q "typo2.yaml:3:44: unknown state, camp or pole 'IRQQ'.*did you mean IRQ" "$T/err" || fail "typo2: $(cat "$T/err")"
# a remainder row itself may be sanctioned, but not moved into a camp
printf 'base: baseline.yaml\nlevers:\n  - { type: sanctions, by: West, on: XRUS }\n' > "$T/row.yaml"
expect_exit 0 "$MP" simulate "$T/row.yaml" --runs 2 --until 2026 --no-store --quiet
printf 'base: baseline.yaml\nlevers:\n  - { type: join, state: XRUS, camp: China }\n' > "$T/row2.yaml"
expect_exit 2 "$MP" simulate "$T/row2.yaml" --runs 2 --no-store --quiet
grep -q "'XRUS' is the remainder row XRUS (Rest of Russia pole), an aggregate of states: it cannot join a camp" \
	"$T/err" || fail "row2: $(cat "$T/err")"
# issue 16 item 8: out-of-range values, unknown keys and names in camps, each an error with
# the file, line and column and what was expected (exit 2)
check() { # FILE-BODY EXPECTED-MESSAGE
	printf 'base: baseline.yaml\n%b' "$1" > "$T/bad.yaml"
	expect_exit 2 "$MP" simulate "$T/bad.yaml" --runs 2 --until 2026 --no-store --quiet
	grep -qF "$2" "$T/err" || fail "$1: $(cat "$T/err")"
}
check 'levers:\n  - { type: growth, state: CHN, value: 1e300 }\n' \
	"bad.yaml:3:40: key 'value': expected a number in [-1, 1]"
check 'shocks:\n  - { type: gdp, state: CHN, value: -2, year: 2030 }\n' \
	"bad.yaml:3:37: key 'value': expected a number in [-0.9, 10]"
check 'levers:\n  - { type: growth, state: CHN, value: .nan }\n' "bad.yaml:3:40: key 'value': expected a number"
check 'levers:\n  - { type: growth, state: CHN, value: 0x10 }\n' "bad.yaml:3:40: key 'value': expected a number"
check 'levers:\n  - { type: growth, state: CHN, valu: 0.01 }\n' \
	"bad.yaml:3:33: key 'valu': unknown key for a \`growth\` lever (expected type, state, camp, value, from or to)"
check 'levers:\n  - { type: growth, state: CHN, value: 0.01, value: 0.02 }\n' "bad.yaml:3:46: key 'value' appears twice"
check 'levers:\n  - { type: growth, state: CHN, value: 0.01, from: 2030, to: 2020 }\n' \
	"bad.yaml:3:62: key 'to': ends before \`from\`"
check 'levers:\n  - { type: growth, state: [CHN, chn], value: 0.01 }\n' \
	"bad.yaml:3:34: key 'state': 'chn' is listed twice (first at line 3, column 29)"
check 'levers:\n  - { type: sanctions, by: West, on: West }\n' "bad.yaml:3:38: key 'on': 'West' is listed twice"
check 'levers:\n  - { type: fertility, state: RUS, value: 9 }\n' \
	"bad.yaml:3:43: key 'value': expected a number in [-4, 4]"
check 'levers:\n  - { type: mortality, state: RUS, value: 10, ages: [50, 20] }\n' \
	"bad.yaml:3:53: key 'ages': expected [FROM, TO] with FROM <= TO"
check 'levers:\n  - { type: aid, donor: West, recipient: RUS, share: 0.01 }\n' \
	"bad.yaml:3:25: 'West' is a camp: an \`aid\` lever names one state here"
check 'camps:\n  West: { leaders: [USAA] }\n' \
	"bad.yaml:3:21: unknown state 'USAA' as a leader of camp West (a stateabb or name of the start world, 2023); did you mean USA"
check 'camps:\n  West: { leaders: [USA], members: [UKG, FRNN] }\n' \
	"bad.yaml:3:42: unknown state 'FRNN' as a member of camp West"
check 'camps:\n  West: { leaders: [USA], members: [BLR] }\n' \
	"bad.yaml:3:37: state 'BLR' (Belarus), a member of camp West, is not listed in this world: it is part of the remainder row XRUS"
check 'camps:\n  West: { leaders: [USA], pole: Wset }\n' \
	"bad.yaml:3:33: unknown pole 'Wset' for camp West (expected a pole of the membership table); did you mean West?"
# every shipped scenario runs
for s in baseline decoupling sino-russian-axis russian-breakthrough multipolar-club china-supports-russia \
	china-supports-russia-secondary; do
	expect_exit 0 "$MP" simulate "$s" --runs 2 --until 2027 --no-store --quiet --format csv
done
echo ok
