# blocs --basis rollcall on the 2016 roll calls (docs/panels.md "Camps from roll calls"):
# the plausibility assertions justified there: the US, the UK and France share a camp, as
# do Germany, Japan and Australia with them; China and Russia share a camp that is not the
# US's; the roll-call basis is the default once the votes are imported; reproducible.
set -e
source "$MP_SRC/tests/lib.bash"
F="states2016.csv NMC-60-abridged.csv unga_idealpoints_july2025.csv"
need_shared $F unvotes/un_votes.csv unvotes/un_roll_calls.csv unvotes/un_roll_call_issues.csv
for f in $F unvotes/un_votes.csv unvotes/un_roll_calls.csv unvotes/un_roll_call_issues.csv; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" > /dev/null
expect_exit 0 "$MP" blocs --year 2016 --format csv
cp "$T/out" "$T/default.csv"
grep -q 'blocs 2016: 19[0-9] states' "$T/err" || fail "summary line: $(cat "$T/err")"
expect_exit 0 "$MP" blocs --year 2016 --basis rollcall --format csv --quiet
cmp -s "$T/out" "$T/default.csv" || fail "rollcall is not the default with the votes imported"
bloc() { awk -F, -v s="$1" '$3 == s { print $4 }' "$T/default.csv"; }
usa=$(bloc USA)
[ -n "$usa" ] && [ "$usa" -gt 0 ] || fail "USA has no camp"
for s in UKG FRN GMY JPN AUL; do [ "$(bloc $s)" = "$usa" ] || fail "$s not in the US camp ($(bloc $s) vs $usa)"; done
[ "$(bloc CHN)" = "$(bloc RUS)" ] || fail "China and Russia in different camps"
[ "$(bloc CHN)" != "$usa" ] || fail "China in the US camp"
# one issue family (human rights) still splits the US and China
expect_exit 0 "$MP" blocs --year 2016 --issue hr --format csv --quiet
[ "$(awk -F, '$3 == "USA" { print $4 }' "$T/out")" != "$(awk -F, '$3 == "CHN" { print $4 }' "$T/out")" ] || fail "hr: USA and CHN together"
expect_exit 2 "$MP" blocs --year 2016 --issue trade
grep -q "expected all, me, nu, di, hr, co or ec" "$T/err" || fail "bad issue message"
expect_exit 2 "$MP" blocs --year 2030 --basis rollcall
grep -q "the roll calls (un_rollcalls) covers" "$T/err" || fail "year message: $(cat "$T/err")"
# the report's agreement chart: China with Russia, the West and the US per year, the same
# agreement as 'dyad' (CHN-RUS 2016: 0.806 over 108 roll calls; CHN-USA 2016: 0.40625, panels_known.sh)
expect_exit 0 "$MP" report --output "$T/r.html" --quiet
row=$(sed -n '/id="rel-agree"/,/<\/table>/p' "$T/r.html" | grep -o '<tr><th scope="row">2016</th>.*</tr>')
[ "$row" = '<tr><th scope="row">2016</th><td>0.806</td><td>0.625</td><td>0.406</td></tr>' ] || fail "report agreement 2016: $row"
expect_exit 0 "$MP" dyad CHN RUS --from 2016 --to 2016 --format csv --quiet
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "agree") c = i; next } { if ($c < 0.8055 || $c > 0.8056) exit 1 }' "$T/out" ||
	fail "dyad CHN RUS agree 2016: $(cat "$T/out")"
echo ok
