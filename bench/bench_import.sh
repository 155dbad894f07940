# Benchmark: import of every CSV in ../shared/data into a fresh database (target < 2 s),
# beside the same work in Debian's python3-pandas (read_csv + to_sql into SQLite, one
# transaction, same indexes). Whole processes, hyperfine, fresh database each run.
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SRC:-.}/../shared/data}
source "$(dirname "$0")/machine.sh"
mp_machine
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat > "$T/pandas_import.py" <<'PY'
import glob, sqlite3, sys
import pandas as pd
shared, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
for i, f in enumerate(sorted(glob.glob(shared + "/*.csv"))):
    df = pd.read_csv(f, na_values=["NA"], low_memory=False)
    # COW convention: -9 is missing in the COW families
    if any(k in f for k in ("NMC", "trade", "war", "mid")):
        num = df.select_dtypes("number").columns.difference(["ccode", "ccode1", "ccode2", "year"])
        df[num] = df[num].mask(df[num] == -9)
    name = "t%d" % i
    df.to_sql(name, con, index=False, if_exists="replace")
    if "year" in df.columns:
        con.execute("CREATE INDEX i%d ON %s(year)" % (i, name))
con.commit()
PY
hyperfine --warmup 1 --runs 5 --export-markdown "$T/import.md" \
	--prepare "rm -f $T/mp.db $T/mp.db-wal $T/mp.db-shm $T/pd.db" \
	-n multipolar "$MP import --quiet --db $T/mp.db $SHARED/*.csv" \
	-n pandas "/usr/bin/python3 $T/pandas_import.py $SHARED $T/pd.db"
cat "$T/import.md"
