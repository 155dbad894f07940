#!/bin/bash
# Issue 15.3: negotiate answers first. The default view is the forecast per dimension with
# the nearest mark and the scale's meanings (not 632 lines of positions); --show positions
# keeps the round table; illustrative inputs are labelled in the terminal and the report;
# KTAB's XML scenarios are read, or refused naming the format; --sensitivity --store keeps
# the quantiles and the report shows them.
. "$(dirname "$0")/../lib.bash"
need_shared bargaining/ktab/dummyData_3Dim.xml bargaining/ktab/dummyData_3Dim.csv bargaining/ktab/smpExample.xml \
	bargaining/ktab/smpExample-fixed.xml bargaining/ktab/dummy3__positions.csv
D=${MP_SRC:?}/data/scenarios/negotiation
K=$SHARED/bargaining/ktab
U=$D/ukraine_settlement_2023.yaml

# the default view: a short answer, per dimension, with the marks' text and the meanings
expect_exit 0 "$MP" negotiate "$U"
[ "$(wc -l < "$T/out")" -lt 30 ] || fail "default view has $(wc -l < "$T/out") lines"
grep -q '^territory: forecast 18\.40 (weighted median' "$T/out" || fail "territory forecast: $(cat "$T/out")"
grep -q 'nearest mark 20: return to the lines of 23 February 2022' "$T/out" || fail "nearest mark text"
grep -q '0 means: Ukraine restored to its 1991 borders' "$T/out" || fail "low_means"
grep -q '100 means: Ukraine neutral, demilitarised' "$T/out" || fail "high_means of security"
grep -q '^ILLUSTRATIVE INPUT, NOT DATA' "$T/out" || fail "illustrative not labelled in the terminal"
expect_exit 0 "$MP" negotiate "$U" --quiet
grep -q '^ILLUSTRATIVE INPUT, NOT DATA' "$T/out" || fail "--quiet drops the label from the answer"
# machine formats carry the same summary
expect_exit 0 "$MP" negotiate "$U" --format csv
head -1 "$T/out" | grep -q '^model,actors,rounds,stopped_by,dim,weighted_mean,weighted_median,low,high,nearest_mark,nearest_mark_means,low_means,high_means,illustrative$' \
	|| fail "summary header: $(head -1 "$T/out")"
grep -q '^smp,15,[0-9]*,KTAB convergence,territory,.*,20,"return to the lines' "$T/out" || fail "csv summary: $(cat "$T/out")"
grep -q "ILLUSTRATIVE INPUT, NOT DATA" "$T/err" || fail "illustrative not noted on stderr with --format csv"
expect_exit 0 "$MP" negotiate "$U" --format csv --quiet
[ ! -s "$T/err" ] || fail "--quiet still notes: $(cat "$T/err")"
# --show positions keeps today's table
expect_exit 0 "$MP" negotiate "$U" --show positions --format csv
head -1 "$T/out" | grep -qx 'round,actor,dim,position' || fail "positions header"
[ "$(wc -l < "$T/out")" -gt 300 ] || fail "positions table too short"

# KTAB XML: dummyData_3Dim.xml is dummyData_3Dim.csv in KTAB's XML schema: same run
expect_exit 0 "$MP" negotiate "$K/dummyData_3Dim.xml" --show positions --format csv
cp "$T/out" "$T/xml.csv"
expect_exit 0 "$MP" negotiate "$K/dummyData_3Dim.csv" --show positions --format csv
cmp -s "$T/out" "$T/xml.csv" || fail "KTAB XML and CSV of dummyData_3Dim differ"
# ... and matches KTAB's smpc reference positions (2 decimals)
awk -F, 'NR==FNR { if (FNR > 1) ref[$1 "," $2 "," $3] = $4; next }
	FNR > 1 { k = $1 "," $2 "," $3; d = $4 - ref[k]; if (d < 0) d = -d;
		if (!(k in ref) || d > 0.005 + 1e-9) { print k, $4, ref[k]; bad = 1 } }
	END { exit bad }' "$K/dummy3__positions.csv" "$T/xml.csv" || fail "XML positions differ from KTAB's"
# the XML's <ModelParameters> become settings; its seed is kept
cat > "$T/params.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<Scenario>
  <name>P</name><desc>d</desc><prngSeed>42</prngSeed>
  <ModelParameters>
    <VictoryProbModel>Square</VictoryProbModel><PCEModel>MarkovUniform</PCEModel>
    <StateTransitions>Deterministic</StateTransitions><VotingRule>PropCbc</VotingRule>
    <BigRAdjust>Half</BigRAdjust><BigRRange>Max</BigRRange><ThirdPartyCommit>FullCommit</ThirdPartyCommit>
    <InterVecBrgn>S1P1</InterVecBrgn><BargnModel>PWCompInterp</BargnModel>
  </ModelParameters>
  <Dimensions><dName>x</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description/><capability>10</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
    <Actor><name>B</name><description/><capability>20</capability><Position><dCoord>60</dCoord></Position><Salience><dSal>40</dSal></Salience></Actor>
    <Actor><name>C</name><description/><capability>30</capability><Position><dCoord>90</dCoord></Position><Salience><dSal>30</dSal></Salience></Actor>
  </Actors>
</Scenario>
X
expect_exit 0 "$MP" negotiate "$T/params.xml" --show settings --format csv
for kv in model,smp seed,42 vpm,square pce,markov-uniform voting,propcbc risk-adjust,half risk-range,max commit,full \
	interpolation,s1p1 bargain,pw-comp; do
	grep -q "^$kv," "$T/out" || fail "XML parameter $kv not applied: $(cat "$T/out")"
done
# KTAB's own examples that this SMP cannot run are refused, naming the format and the place
expect_exit 2 "$MP" negotiate "$K/smpExample.xml"
grep -q 'smpExample.xml:32:9: KTAB XML: <dCoord>: expected a decimal number' "$T/err" || fail "empty dCoord: $(cat "$T/err")"
expect_exit 2 "$MP" negotiate "$K/smpExample-fixed.xml"
grep -q 'smpExample-fixed.xml:111:5: KTAB XML: <IdealAdjustment> is not the identity' "$T/err" || fail "ideal adjustment: $(cat "$T/err")"
printf '<?xml version="1.0"?>\n<Scenario><name>x</name><Actorz/></Scenario>\n' > "$T/bad.xml"
expect_exit 2 "$MP" negotiate "$T/bad.xml"
grep -q "bad.xml:2:25: KTAB XML: unexpected element <Actorz> in <Scenario>; did you mean 'Actors'?" "$T/err" || fail "unknown element: $(cat "$T/err")"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<Scenario/>\n' > "$T/dtd.xml"
expect_exit 2 "$MP" negotiate "$T/dtd.xml"
grep -q "DOCTYPE is not accepted" "$T/err" || fail "DOCTYPE: $(cat "$T/err")"
printf '<html><body>not a scenario</body></html>\n' > "$T/page.xml"
expect_exit 2 "$MP" negotiate "$T/page.xml"
grep -q "expected a KTAB SMP scenario (root element <Scenario>), got <html>" "$T/err" || fail "root: $(cat "$T/err")"

# --sensitivity in text says what its quantiles are of, with the label in the answer
expect_exit 0 "$MP" negotiate "$U" --sensitivity 4 --seed 3 --threads 1 --quiet
head -1 "$T/out" | grep -q "^ukraine-settlement-2023: quantiles of the final forecast over 4 perturbed replicates of KTAB's Spatial Model of Politics (seed 3; noise: capability log-SD 0.1" \
	|| fail "sensitivity text: $(head -2 "$T/out")"
grep -q '^ILLUSTRATIVE INPUT, NOT DATA' "$T/out" || fail "sensitivity text lacks the label"
grep -q '^territory  *weighted_median  *4 ' "$T/out" || fail "sensitivity table: $(cat "$T/out")"

# --sensitivity --store keeps the quantiles; the report shows them and the caveat
DB=$T/n.db
expect_exit 0 "$MP" negotiate "$U" --sensitivity 8 --seed 3 --threads 2 --store --db "$DB" --format csv
cp "$T/out" "$T/sens.csv"
grep -q "stored as negotiation 1" "$T/err" || fail "no store message: $(cat "$T/err")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM bargain_quantiles WHERE run_id = 1")" = 4 ] || fail "quantile rows"
sqlite3 -csv "$DB" "SELECT dim, statistic, replicates, q05, q50, q95 FROM bargain_quantiles ORDER BY rowid" > "$T/q.csv"
tail -n +2 "$T/sens.csv" | awk -F, '{ printf "%s,%s,%s,%.6f,%.6f,%.6f\n", $1, $2, $3, $4, $6, $8 }' > "$T/a"
awk -F, '{ printf "%s,%s,%s,%.6f,%.6f,%.6f\n", $1, $2, $3, $4, $5, $6 }' "$T/q.csv" > "$T/b"
cmp -s "$T/a" "$T/b" || fail "stored quantiles differ from the printed ones"
[ "$(sqlite3 "$DB" "SELECT illustrative FROM bargain_settings WHERE run_id = 1")" = 1 ] || fail "illustrative not stored"
sqlite3 "$DB" "SELECT settings FROM bargain_settings" | grep -q '^model=smp rounds=50 stop=rounds,ktab seed=3 .*sensitivity=8 noise-cap=0.1' \
	|| fail "settings: $(sqlite3 "$DB" "SELECT settings FROM bargain_settings")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM bargain_positions WHERE run_id = 1")" -gt 0 ] || fail "base run not stored"
"$MP" report --quiet --db "$DB" --output "$T/r.html" || fail "report"
grep -q 'class="nodata caveat"><strong>Illustrative input, not data.</strong>' "$T/r.html" || fail "report lacks the caveat"
grep -q 'class="negotiation-quantiles"' "$T/r.html" || fail "report lacks the quantiles"
q50=$(awk -F, 'NR == 2 { printf "%.2f", $6 }' "$T/sens.csv")
grep -q "<td>$q50</td>" "$T/r.html" || fail "report lacks the median quantile $q50"
grep -q 'nearest mark 20: &ldquo;return to the lines of 23 February 2022' "$T/r.html" || fail "report lacks the nearest mark"
grep -q '100 means &ldquo;Russia keeps and is recognised' "$T/r.html" || fail "report lacks high_means"
echo ok
