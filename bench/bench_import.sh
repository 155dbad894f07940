# Benchmark: import of every top-level CSV in ../shared/data into a fresh database, with
# validation and provenance (targets: <= 0.7 s wall, <= 50 MiB peak RSS; issue 10), beside
# the same files loaded by Debian's python3-pandas (read_csv + to_sql into SQLite, one
# transaction, a year index; no validation). Whole processes, fresh database each run:
# hyperfine for the wall time, then /usr/bin/time for CPU seconds and peak RSS of each.
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
for tool in multipolar pandas; do
	rm -f "$T"/mp.db* "$T/pd.db"
	if [ "$tool" = multipolar ]; then
		/usr/bin/time -f "$tool: %U s user + %S s system, %e s wall, peak RSS %M KiB" \
			$MP import --quiet --db "$T/mp.db" "$SHARED"/*.csv
	else
		/usr/bin/time -f "$tool: %U s user + %S s system, %e s wall, peak RSS %M KiB" \
			/usr/bin/python3 "$T/pandas_import.py" "$SHARED" "$T/pd.db"
	fi
done
