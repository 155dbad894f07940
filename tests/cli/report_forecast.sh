# The forecast section of multipolar report from stored simulation summaries (layout of
# docs/sim.md; values from tests/browser/sim_fixture.py, closed forms checked by hand):
# one fan panel per scenario (newest run only), the scenario comparison, --scenario.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
set -e
DB="$T/f.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" || fail "import failed"
python3 "$MP_SRC/tests/browser/sim_fixture.py" | sqlite3 "$DB" || fail "fixture failed"

expect_exit 0 $MP report --db "$DB" --output "$T/f.html"
H="$T/f.html"
grep -q '<h3>Scenario: baseline</h3>' "$H" || fail "baseline panel missing"
grep -q '<h3>Scenario: decoupling</h3>' "$H" || fail "decoupling panel missing"
grep -q 'Run 2, from the world of 2017 to 2050' "$H" || fail "newest baseline run (2) not shown"
grep -q '<td>0.9000</td>' "$H" && fail "the older baseline run 1 is shown"
# per scenario: poles, leading states, n_eff and con panels (fan charts: 90% and 50% bands
# and the median); 4 poles + 2 states + n_eff + con per scenario, and the comparison's
# n_eff: 2 x (4 + 2 + 1 + 1) + 2 = 18 bands
for id in fc-0-0 fc-0-1 fc-0-2 fc-0-3 fc-1-0 fc-1-1 fc-1-2 fc-1-3 cmp-neff cmp-poles cmp-multipolar; do
	grep -q "<figure class=\"chart\" id=\"$id\">" "$H" || fail "chart $id missing"
done
[ "$(grep -c 'class="b90"' "$H")" -eq 18 ] || fail "expected 18 90% bands, got $(grep -c 'class="b90"' "$H")"
grep -q 'class="b50"' "$H" || fail "50% bands missing"
# West in 2050: q05 0.194, q25 0.219, median 0.234, q75 0.249, q95 0.274 (0.30 - 0.002*33)
grep -q '<tr><th scope="row">2050</th><td>0.1940</td><td>0.2190</td><td>0.2340</td><td>0.2490</td><td>0.2740</td>' "$H" \
	|| fail "West 2050 quantiles wrong"
# observed pole shares drawn before the forecast
grep -q 'West (observed)' "$H" || fail "observed history line missing"
# the summary line: baseline n_eff 4.33 (4.0 + 0.01*33), 90% 3.83-4.83; 60% multipolar
grep -q 'In 2050 the median effective number of poles is 4.33 (90% of runs: 3.83&#8211;4.83). 60% of runs end with a multipolar system.' "$H" \
	|| fail "baseline summary line wrong"
# comparison: n_eff as fans by scenario, pole shares as bars of 2050 medians, multipolar share
grep -q 'Effective number of poles by scenario' "$H" || fail "n_eff comparison missing"
grep -q 'CINC shares of the poles in 2050 by scenario (median of runs)' "$H" || fail "share comparison missing"
grep -q '<tr><th scope="row">decoupling</th><td>0.8000</td></tr>' "$H" || fail "multipolar share wrong"
# bars table, poles in the order of data/poles/poles.csv: China 0.316 (baseline) and
# 0.283 (decoupling)
grep -q '<tr><th scope="row">China</th><td>0.3160</td><td>0.2830</td></tr>' "$H" || fail "China 2050 medians wrong"
tidy -errors -quiet "$H" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy found problems"; }

# one scenario: its panel only, and the comparison says there is nothing to compare
expect_exit 0 $MP report --db "$DB" --scenario decoupling --output "$T/d.html"
grep -q '<h3>Scenario: baseline</h3>' "$T/d.html" && fail "--scenario decoupling shows baseline"
grep -q '<h3>Scenario: decoupling</h3>' "$T/d.html" || fail "--scenario decoupling missing"
grep -q 'Only one scenario is stored' "$T/d.html" || fail "single-scenario note missing"
# three scenarios: the n_eff comparison shows medians only (three sets of bands would hide
# each other); a copy of decoupling stored as run 4 "club"
sqlite3 "$DB" "INSERT INTO sim_summary SELECT 4, 'club', year, unit, variable, q05, q25, q50, q75, q95, mean
	FROM sim_summary WHERE run_id = 3" || fail "third scenario"
expect_exit 0 $MP report --db "$DB" --output "$T/c.html"
awk '/id="cmp-neff"/,/<\/figure>/' "$T/c.html" > "$T/cmp.html"
grep -q 'Effective number of poles by scenario (median of runs)' "$T/cmp.html" || fail "medians-only comparison missing"
grep -q 'class="b90"' "$T/cmp.html" && fail "bands drawn in a three-scenario comparison"
[ "$(grep -c 'class="line"' "$T/cmp.html")" -eq 3 ] || fail "expected three median lines"
echo ok
