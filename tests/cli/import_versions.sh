# Import semantics: every shared CSV imports; the same file again changes nothing; NMC
# layouts (LF/CRLF, .0397 vs 0.0397, e-06 vs E-06, last line with or without newline,
# reordered columns) read identically; a second NMC version is kept beside the first
# and --nmc-version selects it (the newest is the default).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv majors2016.csv
DB="$T/v.db"
shopt -s nullglob
files=("$SHARED"/*.csv)
[ ${#files[@]} -ge 20 ] || fail "expected the 20 shared CSV files, found ${#files[@]}"
$MP import --quiet --db "$DB" "${files[@]}" || fail "importing all shared files failed"
n=$(sqlite3 "$DB" "SELECT count(*) FROM datasets")
[ "$n" -eq ${#files[@]} ] || fail "expected ${#files[@]} datasets, got $n"
# provenance: the NMC SHA-256 recorded equals the file's
want=$(sha256sum "$SHARED/NMC-60-abridged.csv" | cut -d' ' -f1)
got=$(sqlite3 "$DB" "SELECT sha256 FROM datasets WHERE family='nmc'")
[ "$want" = "$got" ] || fail "sha256 $got != $want"
[ "$(sqlite3 "$DB" "SELECT rows||' '||year_min||' '||year_max||' '||version FROM datasets WHERE family='nmc'")" = "15951 1816 2016 6.0" ] || fail "nmc provenance"
# -9 became NULL (the NMC v6.0 file has 2,217 -9 values in milex: awk -F, '$4 == -9' counts them)
[ "$(sqlite3 "$DB" "SELECT count(*) FROM nmc WHERE milex IS NULL")" = 2217 ] || fail "milex -9 count"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM nmc WHERE milex = -9")" = 0 ] || fail "-9 left in nmc"

# re-import: nothing changes
before=$(sqlite3 "$DB" "SELECT count(*) FROM nmc; SELECT count(*) FROM datasets")
$MP import --db "$DB" "$SHARED/NMC-60-abridged.csv" 2> "$T/again" || fail "re-import failed"
grep -q "already imported, unchanged" "$T/again" || fail "re-import not reported as unchanged"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM nmc; SELECT count(*) FROM datasets")" = "$before" ] || fail "re-import changed the database"

# layout variants: LF endings, leading-dot cinc, lower-case exponent, trailing newline, columns reordered
tr -d '\r' < "$SHARED/NMC-60-abridged.csv" | sed -e 's/,0\./,./g' -e 's/E-/e-/g' > "$T/nmc_lf.csv"
echo >> "$T/nmc_lf.csv"
awk -F, 'BEGIN{OFS=","} {print $3,$1,$2,$10,$4,$5,$6,$7,$8,$9,$11}' "$T/nmc_lf.csv" > "$T/nmc_reordered.csv"
# the supplemented NMC layout: extra source/note columns are kept as text, values unchanged
awk -F, 'BEGIN{OFS=","} NR==1{print $0",milexsource,milexnote"; next} {print $0",SIPRI,\"a, note\""}' "$T/nmc_lf.csv" > "$T/nmc_suppl.csv"
for v in nmc_lf nmc_reordered nmc_suppl; do
	D="$T/$v.db"
	$MP import --quiet --db "$D" "$T/$v.csv" "$SHARED/majors2016.csv" || fail "$v import"
	for y in 1816 1900 2016; do
		$MP capabilities --db "$DB" --year $y --format csv > "$T/a.csv" || fail "capabilities"
		$MP capabilities --db "$D" --year $y --format csv > "$T/b.csv" || fail "capabilities $v"
		cmp -s "$T/a.csv" "$T/b.csv" || fail "$v: capabilities $y differ from the original layout"
	done
done

# a second version (NMC rows up to 2012 = release 5.0 by coverage) beside 6.0
awk -F, 'NR==1 || $3 <= 2012' "$SHARED/NMC-60-abridged.csv" > "$T/nmc_v5.csv"
$MP import --quiet --db "$DB" "$T/nmc_v5.csv" || fail "second version import"
[ "$(sqlite3 "$DB" "SELECT group_concat(version) FROM (SELECT version FROM datasets WHERE family='nmc' ORDER BY id)")" = "6.0,5.0" ] || fail "versions not kept side by side"
$MP polarity --db "$DB" --from 2000 --format csv | tail -n 1 | grep -q "^2016," || fail "default should be the newest (6.0, to 2016)"
$MP polarity --db "$DB" --nmc-version 5.0 --from 2000 --format csv | tail -n 1 | grep -q "^2012," || fail "--version 5.0 should end in 2012"
expect_exit 2 $MP polarity --db "$DB" --nmc-version 9.9
grep -q "no 'nmc' dataset of version 9.9" "$T/err" || fail "unknown version message"

# datasets and cite
$MP datasets --db "$DB" --format csv > "$T/ds.csv" || fail "datasets"
[ "$(head -n 1 "$T/ds.csv")" = "id,family,name,version,rows,year_min,year_max,file,sha256,imported_at" ] || fail "datasets header"
$MP cite --db "$DB" nmc | grep -q "Singer, J. David, Stuart Bremer, and John Stuckey. 1972" || fail "cite nmc"
$MP cite --db "$DB" | grep -q "Bailey, Michael A., Anton Strezhnev, and Erik Voeten" || fail "cite unga"
echo "import versions: ok"
