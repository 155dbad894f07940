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
echo ok
