#!/usr/bin/env bash
# Report benchmark: the time `multipolar report` takes to write the HTML file, its size,
# and the render time of the page in headless Chromium (Navigation Timing: load event end),
# for a database with the real capability, membership, UN vote and trade data and two
# simulated scenarios. Prints the figures recorded in bench/RESULTS.md ("Report").
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
SRC=${MP_SRC:-.}
DATA=${MULTIPOLAR_SHARED_DATA:-$SRC/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MULTIPOLAR_DB="$T/bench.db"
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$MP" import --quiet "$DATA"/{NMC-60-abridged,states2016,majors2016,unga_idealpoints_july2025,cow_trade_dyadic_4.0_ndy,National_COW_4.0}.csv
for sc in baseline decoupling; do
	"$MP" simulate "$sc" --runs 100 --quiet --format csv >/dev/null
done
"$MP" report --quiet --output "$T/full.html"
echo "report (history, 2 scenarios, relations with trade): $(stat -c %s "$T/full.html") bytes"
# without the trade years (the relations module loads each trade year in full)
"$MP" import --quiet --db "$T/small.db" "$DATA"/{NMC-60-abridged,states2016,majors2016,unga_idealpoints_july2025}.csv
hyperfine -N --warmup 1 --runs 10 --style basic \
	"$MP report --quiet --output $T/r1.html" \
	"$MP report --quiet --db $T/small.db --output $T/r2.html" 2>&1 | grep -E "Benchmark|Time"
if [ -d "$SRC/tests/browser/node_modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
	for i in 1 2 3; do
		NODE_PATH="$SRC/tests/browser/node_modules" node "$SRC/tests/browser/report_browser.js" \
			"$T/full.html" "$T/shots" | grep '^render'
	done
else
	echo "browser render: skipped (run scripts/setup-browser-test.sh)"
fi
