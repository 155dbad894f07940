# Issue 16 item 8 (scenario files): a key given twice in one mapping (the last one won) and
# a second YAML document (ignored) are input errors with file:line:column, exit 2.
source "$MP_SRC/tests/lib.bash"
SC="$MP_SRC/data/scenarios/baseline.yaml"
{ cat "$SC"; printf 'runs: 3\nruns: 5\n'; } > "$T/dup.yaml"
expect_exit 2 $MP simulate "$T/dup.yaml" --runs 2 --until 2025 --quiet
line=$(grep -n '^runs: 3' "$T/dup.yaml" | cut -d: -f1)
grep -q "dup.yaml:$line:1: key 'runs' appears twice in this mapping" "$T/err" || { cat "$T/err" >&2; fail "duplicate key"; }
{ cat "$SC"; printf -- '---\nname: other\n'; } > "$T/two.yaml"
expect_exit 2 $MP simulate "$T/two.yaml" --runs 2 --until 2025 --quiet
grep -q "two.yaml:[0-9]*:1: a second YAML document" "$T/err" || { cat "$T/err" >&2; fail "second document"; }
# a nested mapping too (a lever's keys)
printf 'name: t\nbase: baseline.yaml\nlevers:\n  - type: growth\n    state: CHN\n    value: 0.01\n    value: 0.02\n    from: 2025\n' > "$T/lever.yaml"
cp "$SC" "$T/baseline.yaml"
expect_exit 2 $MP simulate "$T/lever.yaml" --runs 2 --until 2026 --quiet
grep -q "lever.yaml:7:5: key 'value' appears twice" "$T/err" || { cat "$T/err" >&2; fail "nested duplicate key"; }
# the shipped scenarios still load
for f in "$MP_SRC"/data/scenarios/*.yaml; do
	expect_exit 0 $MP simulate "$f" --runs 1 --until 2024 --quiet
done
echo "ok: duplicate keys and extra documents refused"
