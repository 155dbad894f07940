# Benchmark: `polarity --set all` over 1816-2016 from the database, whole process (target
# < 50 ms), beside the same computation in python3-pandas reading the same database
# (CINC as mean of available component shares, renormalised, CON and N_eff per year).
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SRC:-.}/../shared/data}
source "$(dirname "$0")/machine.sh"
mp_machine
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
$MP import --quiet --db "$T/w.db" "$SHARED"/*.csv
cat > "$T/pandas_polarity.py" <<'PY'
import sqlite3, sys
import numpy as np, pandas as pd
con = sqlite3.connect(sys.argv[1])
d = pd.read_sql("SELECT ccode, year, milex, milper, irst, pec, tpop, upop FROM nmc", con)
comps = ["milex", "milper", "irst", "pec", "tpop", "upop"]
shares = d[comps] / d.groupby("year")[comps].transform("sum")
d["cinc"] = shares.mean(axis=1, skipna=True)
rows = []
for y, g in d.groupby("year"):
    s = g["cinc"].dropna(); s = s / s.sum(); n = len(s); h = (s ** 2).sum()
    rows.append((y, n, np.sqrt((h - 1 / n) / (1 - 1 / n)), 1 / h))
pd.DataFrame(rows, columns=["year", "n", "con", "n_eff"]).to_csv(sys.stdout, index=False)
PY
# same answers first
$MP polarity --db "$T/w.db" --set all --format csv | cut -d, -f1,3,4,5 > "$T/mp.csv"
/usr/bin/python3 "$T/pandas_polarity.py" "$T/w.db" > "$T/pd.csv"
paste -d, "$T/mp.csv" "$T/pd.csv" | awk -F, 'NR>1 { d=$3-$7; if (d<0) d=-d; if (d>m) m=d } END { printf "largest |CON difference| multipolar vs pandas: %.2g\n", m }'
hyperfine --warmup 3 --runs 30 --export-markdown "$T/pol.md" \
	-n multipolar "$MP polarity --db $T/w.db --set all --format csv" \
	-n pandas "/usr/bin/python3 $T/pandas_polarity.py $T/w.db"
cat "$T/pol.md"
