# multipolar report on real simulation output: two scenarios simulated by `multipolar
# simulate` (stored in sim_runs/sim_summary), then the report. The numbers in the report's
# data tables are compared with simulate's own CSV output, rounded to the 4 decimals the
# tables show (python3 does the rounding independently of the C formatting).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv
set -e
DB="$T/s.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" || fail "import failed"
for sc in baseline decoupling; do
	$MP simulate "$sc" --runs 20 --until 2030 --threads 1 --quiet --db "$DB" --format csv > "$T/$sc.csv" \
		|| fail "simulate $sc failed"
done
expect_exit 0 $MP report --db "$DB" --output "$T/s.html"
H="$T/s.html"
grep -q '<h3>Scenario: baseline</h3>' "$H" || fail "baseline panel missing"
grep -q '<h3>Scenario: decoupling</h3>' "$H" || fail "decoupling panel missing"
for id in fc-0-0 fc-0-2 fc-1-0 fc-1-2 cmp-neff cmp-poles; do
	grep -q "<figure class=\"chart\" id=\"$id\">" "$H" || fail "chart $id missing"
done
# West's 2030 quantiles of cinc_share and the system's n_eff, as simulate printed them
row() { python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["year"] == "2030" and r["unit"] == sys.argv[2] and r["variable"] == sys.argv[3]:
        print("".join("<td>%.4f</td>" % float(r[q]) for q in ("q05", "q25", "q50", "q75", "q95")))
PY
}
west=$(row "$T/baseline.csv" West cinc_share)
[ -n "$west" ] || fail "simulate printed no West cinc_share for 2030"
grep -q "<tr><th scope=\"row\">2030</th>$west" "$H" || fail "West 2030 quantiles differ from simulate: $west"
neff=$(row "$T/decoupling.csv" system n_eff)
grep -q "<tr><th scope=\"row\">2030</th>$neff" "$H" || fail "decoupling n_eff 2030 differs from simulate: $neff"
tidy -errors -quiet "$H" > "$T/tidy.txt" 2>&1 || { cat "$T/tidy.txt" >&2; fail "tidy found problems"; }
size=$(stat -c %s "$H")
[ "$size" -lt 2000000 ] || fail "report is $size bytes (limit 2 MB)"
echo ok
