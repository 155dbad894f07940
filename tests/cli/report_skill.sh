# The report's Forecast skill section (report_skill.c): a note when no evaluation is
# stored; after `multipolar evaluate`, skill against every baseline, coverage against
# nominal, PIT histograms and war reliability diagrams, with the stored values.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_war_inter.csv
DB="$T/r.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/mpd2023.csv" \
	"$SHARED/country_code_crosswalk.csv" "$SHARED/cow_war_inter.csv" || fail "import"
expect_exit 0 $MP report --db "$DB" --output "$T/none.html" --quiet
grep -q '<section id="skill">' "$T/none.html" || fail "no skill section"
grep -q "No evaluation is stored in this database" "$T/none.html" || fail "no note without an evaluation"
grep -q 'href="#skill"' "$T/none.html" || fail "no navigation entry"
expect_exit 0 $MP evaluate --db "$DB" --origins 1980:1990:10 --horizons 5,10 --runs 6 --uncalibrated --quiet
expect_exit 0 $MP report --db "$DB" --output "$T/r.html" --quiet
H="$T/r.html"
grep -q "No evaluation is stored" "$H" && fail "the note stays after an evaluation"
for id in skill-cinc_share skill-gdp skill-war coverage50 coverage90 pit-cinc_share-10 pit-pop-10 \
	reliability-war-10 reliability-war_onset-10; do
	grep -q "id=\"$id\"" "$H" || fail "no chart $id"
done
grep -q "pooled over origins 1980&#8211;1990" "$H" || fail "pool not described"
# the table shows the stored pooled CRPS of the model's world shares at 10 years
v=$(sqlite3 "$DB" "SELECT printf('%.5g', value) FROM eval_score WHERE origin IS NULL AND unit = 'all'
	AND variable = 'cinc_share' AND horizon = 10 AND method = 'model' AND metric = 'crps'")
[ -n "$v" ] || fail "no stored score"
grep -q "<td>$v</td>" "$H" || fail "stored CRPS $v not in the table"
# the report stays deterministic
expect_exit 0 $MP report --db "$DB" --output "$T/r2.html" --quiet
cmp -s "$H" "$T/r2.html" || fail "two reports of the same database differ"
exit 0
