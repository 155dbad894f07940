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
# every shipped scenario runs
for s in baseline decoupling sino-russian-axis russian-breakthrough multipolar-club china-supports-russia \
	china-supports-russia-secondary; do
	expect_exit 0 "$MP" simulate "$s" --runs 2 --until 2027 --no-store --quiet --format csv
done
echo ok
