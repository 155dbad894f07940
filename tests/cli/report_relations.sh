# The relations section of multipolar report with the COW trade data imported: trade
# dependence of the default dyads both ways (Barbieri 1996 shares). Known answer, by hand
# from the CSV rows: USA-CHN 2014, flows 472525 + 183283 = 655808 (cow_trade_dyadic_4.0);
# USA total 2345185.753472 + 1623420.67519 and CHN total 2519304.5 + 2818426.75
# (National_COW_4.0): USA on CHN 655808 / 3968606.43 = 0.1652, CHN on USA
# 655808 / 5337731.25 = 0.1229.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv unga_idealpoints_july2025.csv \
	cow_trade_dyadic_4.0_ndy.csv National_COW_4.0.csv
set -e
DB="$T/t.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" \
	"$SHARED/unga_idealpoints_july2025.csv" "$SHARED/cow_trade_dyadic_4.0_ndy.csv" \
	"$SHARED/National_COW_4.0.csv" || fail "import failed"
expect_exit 0 $MP report --db "$DB" --output "$T/t.html"
H="$T/t.html"
grep -q '<figure class="chart" id="rel-trade">' "$H" || fail "trade chart missing"
for s in "CHN on RUS" "RUS on CHN" "USA on CHN" "CHN on USA"; do
	grep -q "<th scope=\"col\">$s</th>" "$H" || fail "series '$s' missing"
done
# the 2014 row of the trade table: CHN on RUS, RUS on CHN, USA on CHN, CHN on USA
awk '/id="rel-trade"/,/<\/figure>/' "$H" > "$T/trade.html"
grep -q '<tr><th scope="row">2014</th><td>[0-9.]*</td><td>[0-9.]*</td><td>0.1652</td><td>0.1229</td></tr>' "$T/trade.html" \
	|| fail "USA-CHN 2014 trade shares differ from the hand computation"
# shares are fractions of one: nothing above 1 is drawn
python3 - "$T/trade.html" <<'PY' || fail "a trade share above 1 reached the table"
import re, sys
vals = [float(v) for v in re.findall(r"<td>([0-9.]+)</td>", open(sys.argv[1]).read())]
assert vals and max(vals) <= 1.0, max(vals)
PY
# blocs of the latest UNGA year, with their members listed
grep -q '<figure class="chart" id="rel-blocs">' "$H" || fail "bloc chart missing"
grep -q '<summary>Members of each bloc</summary>' "$H" || fail "bloc members missing"
tidy -errors -quiet "$H" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy found problems"; }
# interrupted (SIGTERM while the trade years load): no report at the target path, or, if
# the run had already finished, a complete one; never a half-written file
$MP report --quiet --db "$DB" --output "$T/int.html" &
pid=$!
sleep 0.4
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ -e "$T/int.html" ]; then
	tail -n 1 "$T/int.html" | grep -q '^</html>$' || fail "an interrupted run left a half-written report"
fi
echo ok
