# Issue 15, item 4: the report explains itself. One colour per entity in every chart
# (data-entity), direct labels or distinct colours beyond eight lines, the parity band
# drawn, and under every chart its SVG and CSV as downloads that are valid files (checked
# here with python3's XML and CSV readers; the browser test saves them through Chromium).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv majors2016.csv unga_idealpoints_july2025.csv
set -e
DB="$T/r.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" "$SHARED/majors2016.csv" \
	"$SHARED/unga_idealpoints_july2025.csv" || fail "import"
for sc in baseline decoupling; do
	$MP simulate "$sc" --runs 8 --quiet --db "$DB" --format csv > /dev/null || fail "simulate $sc"
done
$MP negotiate "$MP_SRC/data/scenarios/negotiation/ukraine_settlement_2023.yaml" --store --quiet --db "$DB" \
	--format csv > /dev/null || fail "negotiate --store"
expect_exit 0 $MP report --db "$DB" --output "$T/r.html" --quiet
python3 - "$T/r.html" <<'PY' || fail "report checks"
import base64, csv, io, re, sys
import xml.etree.ElementTree as ET
html = open(sys.argv[1], encoding="utf-8").read()
figs = re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', html, re.S)
assert len(figs) >= 15, len(figs)
bad = []
colours = {}   # entity -> {colour: set(charts)}
for fid, body in figs:
    # downloads: a standalone SVG and the table as CSV
    m = re.search(r'download="%s\.svg" type="image/svg\+xml" href="data:image/svg\+xml;base64,([^"]+)"' % re.escape(fid), body)
    c = re.search(r'download="%s\.csv" type="text/csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"' % re.escape(fid), body)
    if not m or not c:
        bad.append(fid + ": no SVG or CSV download"); continue
    svg = base64.b64decode(m.group(1)).decode("utf-8")
    root = ET.fromstring(svg.split("?>", 1)[1])
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        bad.append(fid + ": downloaded SVG root " + root.tag)
    if root.find("{http://www.w3.org/2000/svg}style") is None:
        bad.append(fid + ": downloaded SVG without its style sheet")
    rows = list(csv.reader(io.StringIO(base64.b64decode(c.group(1)).decode("utf-8"), newline="")))
    head = re.findall(r"<th scope=\"col\">(.*?)</th>", body)
    trs = re.findall(r"<tr><th scope=\"row\">", body)
    if len(rows) != len(trs) + 1 or any(len(r) != len(rows[0]) for r in rows) or len(rows[0]) != len(head):
        bad.append("%s: CSV %d x %d, table %d x %d" % (fid, len(rows), len(rows[0]), len(trs) + 1, len(head)))
    # entity colours
    legend = re.findall(r'data-entity="([^"]+)" style="--c:(#[0-9A-Fa-f]{6})"', body)
    drawn = [(e, s) for s, e in re.findall(r'(?:stroke|fill)="(#[0-9A-Fa-f]{6})"[^>]*? data-entity="([^"]+)"', body)]
    for ent, col in legend + drawn:
        colours.setdefault(ent, {}).setdefault(col.upper(), set()).add(fid)
    # beyond eight lines: distinct colours or a direct label per line
    lines = re.findall(r'<path class="line" stroke="(#[0-9A-Fa-f]{6})"( stroke-dasharray="[^"]*")?', body.split('<g class="lines">', 1)[-1].split("</g>", 1)[0]) if '<g class="lines">' in body else []
    if len(lines) > 8 and len(set(lines)) < len(lines) and body.count('class="dlabel"') < len(lines):
        bad.append("%s: %d lines, %d styles, %d labels" % (fid, len(lines), len(set(lines)), body.count('class="dlabel"')))
for ent, cols in colours.items():
    if len(cols) != 1:
        bad.append("entity %s has colours %s" % (ent, {k: sorted(v) for k, v in cols.items()}))
china = set().union(*colours.get("China", {}).values()) if "China" in colours else set()
if len(china) < 3:
    bad.append("China appears in only %d charts: %s" % (len(china), sorted(china)))
if not re.search(r'<figure class="chart" id="rel-ratio">.*?<rect class="band"', html, re.S):
    bad.append("rel-ratio: no parity band")
if 'parity band 0.8-1.2 (Organski &amp; Kugler 1980)' not in html:
    bad.append("the parity band is not in the legend")
if not any(b.count('class="dlabel"') >= 15 for f, b in figs if f.startswith("neg-")):
    bad.append("the 15-actor negotiation charts have no direct labels")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
print("report: %d charts, %d entities with one colour each, China in %d charts" % (len(figs), len(colours), len(china)))
sys.exit(1 if bad else 0)
PY
echo "report: ok"
