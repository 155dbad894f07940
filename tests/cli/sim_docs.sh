# docs/sim.md lists every model parameter (single source: the table in sim.h, printed by
# `simulate --list-params`), and the example scenario in docs/scenarios.md loads.
source "$MP_SRC/tests/lib.bash"
set -e
expect_exit 0 "$MP" simulate --list-params --format csv
n=0
while IFS=, read -r key rest; do
	[ "$key" = key ] && continue
	grep -q "\`$key\`" "$MP_SRC/docs/sim.md" || fail "docs/sim.md does not document $key"
	n=$((n + 1))
done < "$T/out"
[ "$n" -gt 60 ] || fail "only $n parameters"
# the shipped scenarios each run (2 runs, 2 years)
for s in baseline decoupling sino-russian-axis russian-breakthrough multipolar-club china-supports-russia \
	china-supports-russia-secondary; do
	expect_exit 0 "$MP" simulate "$s" --runs 2 --until 2027 --no-store --quiet --format csv
done
# the example of docs/scenarios.md, with its start moved to the default world
sed -n '/^```yaml$/,/^```$/p' "$MP_SRC/docs/scenarios.md" | sed '1d;$d' | sed 's/^start: 2016.*/start: default/' \
	> "$T/example.yaml"
cp "$MP_SRC/data/scenarios/decoupling.yaml" "$MP_SRC/data/scenarios/baseline.yaml" "$T/"
expect_exit 0 "$MP" simulate "$T/example.yaml" --runs 3 --no-store --quiet --format csv
grep -q '^china-slowdown,2040,CHN,gdp_share,' "$T/out" || fail "example scenario output"
echo ok
