# No blow-ups (issue 12, docs/economy.md "Military"): in the shipped baseline without
# levers, every state's median military burden in 2050 lies within its own historical
# 5%-95% range of SIPRI burdens (the 25 years 1992-2016 the calibration's levels use;
# quantiles type 7, Hyndman & Fan 1996), widened by 10% of the range's width for the
# ensemble median's sampling error (200 runs). States with fewer than 5 SIPRI years are
# not checked. Also: the burden outputs exist for every state and pole.
source "$MP_SRC/tests/lib.bash"
need_shared sipri_milex_1949_2023.csv
set -e
expect_exit 0 "$MP" simulate baseline --runs 200 --no-store --quiet --format csv
awk -F, '$2 == 2050 && $4 == "burden" { print $3 "," $7 }' "$T/out" | sort > "$T/median.csv"
[ "$(wc -l < "$T/median.csv")" -gt 50 ] || fail "expected a burden median for every state and pole"
awk -F, 'NR > 1 && $1 != "" { print $2 "," $1 }' "$MP_SRC/data/world/world.csv" | sort > "$T/abb.csv"
# SIPRI burdens 1992-2016 by ccode (column 7 = milex_share_gdp; quoted country names, which
# may hold commas, are emptied first so the columns stay in place)
sed -E 's/"[^"]*"//g' "$SHARED/sipri_milex_1949_2023.csv" |
	awk -F, 'NR > 1 && $4 >= 1992 && $4 <= 2016 && $2 != "" && $7 != "" { print $2, $7 }' |
	sort -k1,1n -k2,2g > "$T/sipri.txt"
awk 'function q(p,  h, f) { h = (n - 1) * p; f = int(h); return f + 1 < n ? v[f] + (h - f) * (v[f + 1] - v[f]) : v[n - 1] }
	function flush() { if (n >= 5) print c "," q(0.05) "," q(0.95) }
	$1 != c { flush(); c = $1; n = 0 } { v[n++] = $2 } END { flush() }' "$T/sipri.txt" | sort > "$T/range.csv"
checked=0
while IFS=, read -r abb ccode; do
	med=$(awk -F, -v a="$abb" '$1 == a { print $2 }' "$T/median.csv")
	rng=$(awk -F, -v c="$ccode" '$1 == c { print $2 "," $3 }' "$T/range.csv")
	[ -n "$med" ] && [ -n "$rng" ] || continue
	lo=${rng%,*}
	hi=${rng#*,}
	awk -v m="$med" -v lo="$lo" -v hi="$hi" 'BEGIN { w = 0.1 * (hi - lo); exit !(m >= lo - w && m <= hi + w) }' ||
		fail "$abb: median burden $med in 2050 outside its 1992-2016 range [$lo, $hi]"
	checked=$((checked + 1))
done < "$T/abb.csv"
[ "$checked" -ge 40 ] || fail "only $checked states checked"
echo "ok: $checked states within their own range"
