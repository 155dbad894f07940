# blocs: reproducible with a seed, plausible camps, agreement statistics, stable labels.
set -e
source "$MP_SRC/tests/lib.bash"
F="NMC-60-abridged.csv states2016.csv atop5.1_dyad_year.csv unga_idealpoints_july2025.csv"
need_shared $F
for f in $F; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" >/dev/null

for m in louvain leiden; do
	"$MP" blocs --year 2016 --basis both --method $m --format csv --quiet >"$T/a.csv"
	"$MP" blocs --year 2016 --basis both --method $m --format csv --quiet >"$T/b.csv"
	cmp -s "$T/a.csv" "$T/b.csv" || fail "$m: not reproducible"
	head -1 "$T/a.csv" | grep -qx 'year,ccode,stateabb,bloc,pole' || fail "header"
done
bloc_of() { awk -F, -v s="$2" '$3 == s { print $4 }' "$1"; }
# alliances 2016 (ATOP portfolios): the European NATO core together; the US portfolio is
# dominated by the Rio Treaty, so it groups with the Americas (USA with MEX and BRA)
"$MP" blocs --year 2016 --basis alliances --format csv --quiet >"$T/al.csv"
[ "$(bloc_of "$T/al.csv" UKG)" = "$(bloc_of "$T/al.csv" FRN)" ] || fail "UKG and FRN apart"
[ "$(bloc_of "$T/al.csv" UKG)" = "$(bloc_of "$T/al.csv" GMY)" ] || fail "UKG and GMY apart"
[ "$(bloc_of "$T/al.csv" USA)" = "$(bloc_of "$T/al.csv" MEX)" ] || fail "USA and MEX apart"
[ "$(bloc_of "$T/al.csv" USA)" = "$(bloc_of "$T/al.csv" BRA)" ] || fail "USA and BRA apart"
[ "$(bloc_of "$T/al.csv" USA)" != "$(bloc_of "$T/al.csv" CHN)" ] || fail "USA and CHN together"
# votes 2016: the US and Cuba/Iran in different blocs
"$MP" blocs --year 2016 --basis votes --format csv --quiet >"$T/v.csv"
[ "$(bloc_of "$T/v.csv" USA)" != "$(bloc_of "$T/v.csv" CUB)" ] || fail "USA and CUB together"
# summary: modularity in (0, 1], NMI and ARI in [-1, 1]
expect_exit 0 "$MP" blocs --from 2000 --to 2002 --basis both --summary --format csv
awk -F, 'NR > 1 { if (!($5 > 0 && $5 <= 1 && $6 >= 0 && $6 <= 1 && $7 >= -1 && $7 <= 1)) exit 1 } END { if (NR != 4) exit 1 }' "$T/out" \
	|| fail "summary: $(cat "$T/out")"
# tracked labels: the US keeps its bloc label from year to year when its camp persists
"$MP" blocs --from 2000 --to 2004 --basis alliances --format csv --quiet >"$T/tr.csv"
[ "$(awk -F, '$3 == "USA" { print $4 }' "$T/tr.csv" | sort -u | wc -l)" -eq 1 ] || fail "USA label changes: $(grep ',USA,' "$T/tr.csv")"
echo ok
