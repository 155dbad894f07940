# multipolar report on the real NMC, states, majors and UNGA data: one self-contained,
# well-formed HTML file (tidy on the page, xmllint on every SVG), deterministic, under
# 2 MB, with every name escaped (a pole named <script>alert(1)</script> shows as text),
# written atomically (a failing run leaves the previous report untouched), exit codes.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv majors2016.csv unga_idealpoints_july2025.csv
set -e
DB="$T/r.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" \
	"$SHARED/majors2016.csv" "$SHARED/unga_idealpoints_july2025.csv" || fail "import failed"

# 1. the report: path printed, sections and charts present
expect_exit 0 $MP report --db "$DB" --output "$T/a.html"
grep -qx "$T/a.html ([0-9]* bytes)" "$T/out" || fail "path not printed: $(cat "$T/out")"
H="$T/a.html"
size=$(stat -c %s "$H")
[ "$size" -lt 2000000 ] || fail "report is $size bytes (limit 2 MB)"
for id in history forecast relations negotiation sources; do
	grep -q "<section id=\"$id\">" "$H" || fail "section $id missing"
done
for id in hist-states hist-poles hist-con hist-neff rel-ratio rel-ideal rel-camps rel-blocs; do
	grep -q "<figure class=\"chart\" id=\"$id\">" "$H" || fail "chart $id missing"
done
[ "$(grep -c '<details><summary>Data table</summary>' "$H")" -eq 8 ] || fail "expected 8 data tables"
# no trade data imported: the trade chart is left out, saying why
grep -q 'Trade dependence needs the COW trade data' "$H" || fail "missing trade data not explained"
# no forecast stored: the section says so instead of a broken chart
grep -q 'No simulation results are stored' "$H" || fail "empty forecast section not explained"
# self-contained: no scripts, no external resources
if grep -Eiq '<script|<img|<iframe|<link rel="stylesheet"|src="http|href="http|@import|url\(http' "$H"; then
	fail "report refers to something outside the file"
fi
# known values: China's 2016 CINC (NMC 6.0 row CHN,710,2016: published cinc 0.23061772,
# shown as 23.1%; the USA's 0.13305758 is second) and the 2016 row of the tables
grep -q 'largest CINC share was held by China (CHN) (23.1%)' "$H" || fail "2016 leader summary wrong"
grep -q '<tr><th scope="row">2016</th>' "$H" || fail "2016 row missing from the tables"
# N and CON of all states, recomputed here by python3 from the published cinc column
# renormalised to sum to 1 (docs/references.md A1-A3): N = 1/sum s^2, CON = sqrt((H - 1/n)/(1 - 1/n));
# the report recomputes CINC from the six components, which reproduces the published
# column to 2.5e-8, far below the 3-4 decimals shown. (2016: N 11.847, CON 0.2823)
for y in 1816 1913 2016; do
	want=$(python3 - "$SHARED/NMC-60-abridged.csv" "$y" <<'PY'
import csv, sys
c = [float(r["cinc"]) for r in csv.DictReader(open(sys.argv[1]))
     if r["year"] == sys.argv[2] and r["cinc"] not in ("", "-9")]
s = [x / sum(c) for x in c]
h = sum(x * x for x in s)
n = len(s)
print("%.3f %.4f" % (1 / h, ((h - 1 / n) / (1 - 1 / n)) ** 0.5))
PY
)
	neff=${want% *} con=${want#* }
	awk '/id="hist-neff"/,/<\/figure>/' "$H" | grep -q "<tr><th scope=\"row\">$y</th><td>$neff</td>" \
		|| fail "$y: N of states is not $neff"
	awk '/id="hist-con"/,/<\/figure>/' "$H" | grep -q "<tr><th scope=\"row\">$y</th><td>$con</td>" \
		|| fail "$y: CON of states is not $con"
done

# 2. well-formed: tidy reports no errors or warnings; every SVG is well-formed XML
tidy -errors -quiet "$H" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy found problems"; }
python3 - "$H" "$T/svg" <<'PY' || fail "cannot extract the SVG parts"
import os, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
os.makedirs(sys.argv[2], exist_ok=True)
svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
assert len(svgs) >= 8, len(svgs)
for i, s in enumerate(svgs):
    open(os.path.join(sys.argv[2], "%02d.svg" % i), "w", encoding="utf-8").write(s)
PY
xmllint --noout "$T"/svg/*.svg || fail "an SVG part is not well-formed XML"

# 3. deterministic: the same database gives the same bytes
expect_exit 0 $MP report --db "$DB" --output "$T/b.html"
cmp -s "$T/a.html" "$T/b.html" || fail "two runs differ"
expect_exit 0 $MP report --db "$DB" --output -
cmp -s "$T/a.html" "$T/out" || fail "--output - differs from the file"

# 4. escaping: a pole named <script>alert(1)</script> (from --poles) is shown as text
sed 's/,West,/,<script>alert(1)<\/script>,/' "$MP_SRC/data/poles/poles.csv" > "$T/poles.csv"
expect_exit 0 $MP report --db "$DB" --poles "$T/poles.csv" --output "$T/x.html"
grep -qi '<script' "$T/x.html" && fail "a <script> tag reached the HTML"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/x.html" || fail "the pole name is not shown escaped"
tidy -errors -quiet "$T/x.html" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy: escaped report"; }

# 5. atomic: a failing run leaves the previous report as it was and no temporary file
cp "$T/a.html" "$T/keep.html"
expect_exit 2 $MP report --db "$DB" --scenario no-such-scenario --output "$T/a.html"
grep -q "scenario 'no-such-scenario' has no stored simulation results" "$T/err" || fail "unknown scenario message"
cmp -s "$T/a.html" "$T/keep.html" || fail "a failed run changed the report"
ls "$T" | grep -q 'tmp' && fail "temporary file left behind: $(ls "$T")"

# 6. usage and runtime errors
expect_exit 2 $MP report --db "$T/missing.db" --output "$T/m.html"
grep -q 'no such database' "$T/err" || fail "missing database message"
[ -e "$T/m.html" ] && fail "report written for a missing database"
expect_exit 2 $MP report --db "$DB" --dyad 710-710 --output "$T/d.html"
expect_exit 2 $MP report --db "$DB" --dyad atlantis-RUS --output "$T/d.html"
grep -q "'atlantis' is not a COW code, abbreviation or state name" "$T/err" || fail "unknown dyad side message"
expect_exit 2 $MP report --db "$DB" --dyad 710 --output "$T/d.html"
expect_exit 2 $MP report --db "$DB" --dyad 1234-2 --output "$T/d.html"
expect_exit 2 $MP report --db "$DB" extra-argument
expect_exit 1 $MP report --db "$DB" --output "$T/no/such/dir/r.html"
# other dyads (codes and abbreviations) and a year range
expect_exit 0 $MP report --db "$DB" --dyad 2-365 UKG-GMY --from 1946 --to 1991 --output "$T/d.html"
grep -q 'USA / RUS' "$T/d.html" || fail "chosen dyad missing"
grep -q 'UKG / GMY' "$T/d.html" || fail "dyad given by abbreviations missing"
grep -q '<tr><th scope="row">1945</th>' "$T/d.html" && fail "--from 1946 not applied"
grep -q '<tr><th scope="row">1991</th>' "$T/d.html" || fail "--to 1991 not applied"
# 7. a database without capability data (the first run): History and Relations show what
# the shipped default world of 2023 supports, and say what to import; the page stays valid
$MP import --quiet --db "$T/e.db" "$SHARED/majors2016.csv" || fail "import majors failed"
expect_exit 0 $MP report --db "$T/e.db" --output "$T/e.html"
grep -q 'No COW National Material Capabilities data is imported' "$T/e.html" || fail "empty history not explained"
for id in hist-shipped-states hist-shipped-poles rel-shipped-camps; do
	grep -q "<figure class=\"chart\" id=\"$id\">" "$T/e.html" || fail "first-run chart $id missing"
done
grep -q 'largest CINC share is held by China (23.7%)' "$T/e.html" || fail "shipped-world leader sentence"
grep -q 'For the history, import the COW data' "$T/e.html" || fail "what to import for the history"
grep -q 'For the relations over time, import:' "$T/e.html" || fail "what to import for the relations"
grep -q 'NMC-60-abridged.csv (COW National Material Capabilities 6.0)' "$T/e.html" || fail "NMC named"
grep -q 'id="hist-states"' "$T/e.html" && fail "a history chart was drawn without history"
tidy -errors -quiet "$T/e.html" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy: empty report"; }
echo ok
