# The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core
# (pinned in tests/browser/package-lock.json; install with scripts/setup-browser-test.sh).
# The report is written from the real NMC, states, majors and UNGA data plus two scenarios
# run by `multipolar simulate`, with a pole named <script>alert(1)</script>; report_browser.js checks console errors, failed or outside
# requests, every chart's SVG and paths, the <details> tables, the escaped pole name as
# text, one colour per entity across all charts (data-entity), direct labels or distinct
# colours beyond eight lines, the parity band, every chart's SVG and CSV download (saved by
# the browser, then parsed: a valid SVG document; CSV records as wide as the table, as many
# rows, the same first row), the render time (< 1 s, Navigation Timing) and phone-width
# layout, and writes screenshots to $MP_BUILD/tests/browser/. Skips (77) without node, node_modules or
# Chromium; under CI=true they are required.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv majors2016.csv unga_idealpoints_july2025.csv
set -e
HERE="$MP_SRC/tests/browser"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
missing=""
command -v node >/dev/null 2>&1 || missing="node"
[ -d "$HERE/node_modules/playwright-core" ] || missing="$missing tests/browser/node_modules (run scripts/setup-browser-test.sh)"
[ -x "$CHROMIUM" ] || missing="$missing $CHROMIUM"
if [ -n "$missing" ]; then
	[ "${CI:-}" = "true" ] && fail "browser test needs: $missing (CI=true: required)"
	echo "SKIP: browser test needs: $missing" >&2
	exit 77
fi

DB="$T/b.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" \
	"$SHARED/majors2016.csv" "$SHARED/unga_idealpoints_july2025.csv" || fail "import failed"
for sc in baseline decoupling; do
	$MP simulate "$sc" --runs 40 --until 2050 --threads 2 --quiet --db "$DB" --format csv > /dev/null \
		|| fail "simulate $sc failed"
done
# a stored negotiation, so the negotiation panel is drawn too
$MP negotiate "$MP_SRC/data/scenarios/negotiation/ukraine_settlement_2023.yaml" --store --quiet --db "$DB" \
	--format csv > /dev/null || fail "negotiate --store failed"
sed 's/,West,/,<script>alert(1)<\/script>,/' "$MP_SRC/data/poles/poles.csv" > "$T/poles.csv"
$MP report --quiet --db "$DB" --poles "$T/poles.csv" --output "$T/report.html" || fail "report failed"
size=$(stat -c %s "$T/report.html")
echo "report: $size bytes"
[ "$size" -lt 2000000 ] || fail "report is $size bytes (limit 2 MB)"
OUT="${MP_BUILD:-.}/tests/browser"
mkdir -p "$OUT"
cp "$T/report.html" "$OUT/report.html"
CHROMIUM="$CHROMIUM" NODE_PATH="$HERE/node_modules" node "$HERE/report_browser.js" "$T/report.html" "$OUT" \
	'<script>alert(1)</script>' || fail "browser checks failed"
