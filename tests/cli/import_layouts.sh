# The producers' own file layouts (docs/data.md "Get the data"), on small fixtures written
# from their codebooks: COW Direct Contiguity contdir.csv (spells, YYYYMM) and contdird.csv
# (directed dyad-years), COW alliance_v4.1_by_dyad_yearly.csv, ATOP atop5_1ddyr.csv, COW
# Inter-StateWarData_v4.0.csv, GML MIDB 2.2.1, unvotes. Header variants (case), COW's -9 and
# -8, CRLF line endings; the imported rows reach the dyad-year panel; near misses name the
# header expected. Expected values are worked out by hand in the comments.
set -e
source "$MP_SRC/tests/lib.bash"
cd "$T"
printf 'stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\nUSA,2,United States of America,1816,1,1,2016,12,31,2016\nCAN,20,Canada,1920,1,10,2016,12,31,2016\nMEX,70,Mexico,1831,1,1,2016,12,31,2016\n' > states.csv
# contdir: non-directed spells, begin/end as YYYYMM
printf 'dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes,version\n2020,2,"USA",20,"CAN",1,192001,201612,"x",3.2\n2070,2,"USA",70,"MEX",1,183101,201612,"",3.2\n' > contdir.csv
# war participants, CRLF, -8 (not applicable) and -9 (missing battle deaths)
printf 'WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version\r\n7,Mexican-American,1,2,United States of America,1,5,12,1846,2,2,1848,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,-9,4\r\n7,Mexican-American,1,70,Mexico,2,5,12,1846,2,2,1848,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,6000,4\r\n' > Inter-StateWarData_v4.0.csv
# MIDB participants (-9 day and fatality)
printf 'dispnum,stabb,ccode,stday,stmon,styear,endday,endmon,endyear,sidea,revstate,revtype1,revtype2,fatality,fatalpre,hiact,hostlev,orig,version\n9001,USA,2,-9,7,1900,24,1,1901,1,1,1,-9,-9,-9,7,3,1,2.2\n9001,MEX,70,-9,7,1900,24,1,1901,0,0,0,-9,0,0,0,1,1,2.2\n' > gml-midb-2.2.1.csv
# ATOP directed dyad-years, lower-case header as Stata exports write it
printf 'dyad,statea,stateb,year,atopally,defense,offense,neutral,nonagg,consul,shareob,bilatno,multino,asymm\n2020,2,20,2000,1,1,0,0,1,1,1,0,1,0\n20002,20,2,2000,1,1,0,0,1,1,1,0,1,0\n' > atop5_1ddyr.csv
# COW alliances dyad-yearly: one row per alliance, dyad and year (not directed)
printf 'version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,asymmetric,version,year\n1,2,United States of America,70,Mexico,1,1,1900,,,,0,0,0,0,1,1,0,4.1,1900\n' > alliance_v4.1_by_dyad_yearly.csv
expect_exit 0 "$MP" import --db fx.db states.csv contdir.csv Inter-StateWarData_v4.0.csv gml-midb-2.2.1.csv atop5_1ddyr.csv alliance_v4.1_by_dyad_yearly.csv
cat "$T/out" "$T/err" > imp.txt
grep -q 'contdir.csv: COW Direct Contiguity 3.2 (contiguity): 2 rows, 1831-2016' imp.txt || fail "contdir: $(cat imp.txt)"
grep -q '(war_part): 2 rows, 1846-1848' imp.txt || fail "war participants: $(cat imp.txt)"
grep -q '(mid_part): 2 rows, 1900-1901' imp.txt || fail "MIDB: $(cat imp.txt)"
grep -q '(atop_dyad): 2 rows, 2000-2000' imp.txt || fail "ATOP: $(cat imp.txt)"
grep -q '(alliance_dyad): 1 rows, 1900-1900' imp.txt || fail "COW alliances: $(cat imp.txt)"

col() { # FILE ROWKEY COLUMN: the value of COLUMN in the row starting with ROWKEY
	awk -F, -v key="$2" -v col="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		index($0, key) == 1 { print $c; exit }' "$1"
}
# the Mexican-American war (1846-1848): onset 1846, ongoing to 1848; peace years count the
# years since the war data's first year (1846) or the year after the last onset: 0, 0, 1
"$MP" dyads --db fx.db --year 1845 --to 1849 --format csv --quiet > w.csv
[ "$(col w.csv 2,70,USA,MEX,1846 cowinteronset)$(col w.csv 2,70,USA,MEX,1847 cowinteronset)" = 10 ] || fail "war onset"
[ "$(col w.csv 2,70,USA,MEX,1848 cowinterongoing)" = 1 ] || fail "war ongoing 1848"
[ "$(col w.csv 2,70,USA,MEX,1848 cowinterspell)" = 1 ] || fail "war peace years 1848"
[ "$(col w.csv 2,70,USA,MEX,1845 cowinteronset)" = "" ] || fail "1845 is outside the war data: empty"
# contiguity spell 1831-2016 (land): type 1 in every year; CAN joins in 1920
[ "$(col w.csv 2,70,USA,MEX,1845 conttype)" = 1 ] || fail "contiguity"
"$MP" dyads --db fx.db --year 1900 --to 1901 --format csv --quiet > m.csv
[ "$(col m.csv 2,70,USA,MEX,1900 gmlmidonset)$(col m.csv 2,70,USA,MEX,1901 gmlmidonset)$(col m.csv 2,70,USA,MEX,1901 gmlmidongoing)" = 101 ] || fail "MID"
# COW entente + non-aggression: valued tie 2 (mp_world_tie_cow)
[ "$(col m.csv 2,70,USA,MEX,1900 cow_tie)" = 2 ] || fail "COW alliance tie"
"$MP" dyads --db fx.db --year 2000 --format csv --quiet > a.csv
[ "$(col a.csv 2,20,USA,CAN,2000 atop_tie)$(col a.csv 2,20,USA,CAN,2000 defence)" = 31 ] || fail "ATOP defence"
[ "$(col a.csv 20,70,CAN,MEX,2000 conttype)" = 0 ] || fail "no spell: conttype 0"

# every column of the panel is documented with its source (docs/panels.md)
for c in $(head -1 a.csv | tr , ' '); do
	grep -q "\`$c\`" "$MP_SRC/docs/panels.md" || fail "dyads column $c is not in docs/panels.md"
done

# contdird: directed dyad-years (a second database)
printf 'dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\r\n2020,2,USA,20,CAN,1995,1,3.2\r\n2002,20,CAN,2,USA,1995,1,3.2\r\n' > contdird.csv
expect_exit 0 "$MP" import --db d.db states.csv contdird.csv
"$MP" dyads --db d.db --year 1995 --to 1996 --format csv --quiet > d.csv
[ "$(col d.csv 2,20,USA,CAN,1995 conttype)$(col d.csv 2,20,USA,CAN,1996 conttype)" = 10 ] || fail "contdird"

# unvotes: ISO2 codes (and a blank one resolved by name) reach the agreement columns
printf '"rcid","session","importantvote","date","unres","amend","para","short","descr"\n1,55,0,"2000-10-01","R/55/1",0,0,"x","y"\n2,55,0,"2000-11-01","R/55/2",0,0,"x","y"\n' > un_roll_calls.csv
printf '"rcid","country","country_code","vote"\n1,"United States","US","yes"\n1,"Canada","CA","yes"\n1,"Mexico","MX","no"\n2,"United States","US","yes"\n2,"Canada","CA","abstain"\n2,"Mexico","","no"\n' > un_votes.csv
printf '"rcid","short_name","issue"\n1,"hr","Human rights"\n' > un_roll_call_issues.csv
expect_exit 0 "$MP" import --db fx.db un_roll_calls.csv un_votes.csv un_roll_call_issues.csv
# USA-CAN: agree on 1, half on 2: agree = 0.75, S = 2*0.75-1 = 0.5; USA-MEX: 0
"$MP" dyads --db fx.db --year 2000 --format csv --quiet > v.csv
[ "$(col v.csv 2,20,USA,CAN,2000 agree)$(col v.csv 2,20,USA,CAN,2000 s_votes)" = 0.750.5 ] || fail "agree USA-CAN: $(grep '^2,20' v.csv)"
[ "$(col v.csv 2,70,USA,MEX,2000 agree)$(col v.csv 2,70,USA,MEX,2000 nvotes)" = 02 ] || fail "agree USA-MEX (MEX by name on call 2)"
"$MP" dyad --db fx.db USA CAN --from 2000 --to 2000 --format csv --quiet > i.csv
[ "$(col i.csv 2,20,USA,CAN,2000 agree_hr)" = 1 ] || fail "agreement on the human-rights roll call"

# one vote per roll call and voter (rules.c): a repeated one is refused, naming both lines
printf '"rcid","country","country_code","vote"\n1,"Canada","CA","yes"\n1,"Canada","CA","no"\n' > dupvotes.csv
expect_exit 2 "$MP" import --db dv.db dupvotes.csv
grep -q 'dupvotes.csv:3:.*duplicate row: rcid 1, country .Canada. is also on line 2' "$T/err" || fail "duplicate vote: $(cat "$T/err")"

# near misses: the header expected is named
printf 'dyad,statelno,statelab,statehno,statehab,conttype,beginn,end,version\n1,2,USA,20,CAN,1,181601,201612,3.2\n' > near.csv
expect_exit 2 "$MP" import --db n.db near.csv
grep -q "lacks column 'begin'; expected a header with statelno,statehno,conttype,begin,end" "$T/err" || fail "near miss: $(cat "$T/err")"
printf 'dyad,stateA,stateB,yr,defense,offense,neutral,nonagg,consul\n1,2,20,2000,1,0,0,0,0\n' > near2.csv
expect_exit 2 "$MP" import --db n.db near2.csv
grep -q "lacks column 'year'" "$T/err" || fail "near miss ATOP: $(cat "$T/err")"
# GML's dispute-level file (gml-mida-2.2.1.csv, as COW's MIDA): the mid_disp family, -9 day
printf 'dispnum,stday,stmon,styear,endday,endmon,endyear,outcome,settle,fatality,fatalpre,maxdur,mindur,hiact,hostlev,recip,numa,numb,link1,link2,link3,ongo2010,version\r\n9001,-9,7,1900,24,1,1901,5,3,0,0,208,178,7,3,0,1,1,0,0,0,0,2.2\r\n' > gml-mida-2.2.1.csv
expect_exit 0 "$MP" import --db n.db gml-mida-2.2.1.csv
grep -q '(mid_disp): 1 rows, 1900-1900' "$T/err" "$T/out" || fail "MIDA: $(cat "$T/err" "$T/out")"
# a sheet of SIPRI's workbook saved as CSV (title lines, one column per year): refused with
# the long header it needs, with or without the title lines
printf 'Military expenditure by country, in constant (2022) US$ m., 1949-2023 \xc2\xa9 SIPRI 2024\n\nCountry,,Notes,1949,1950,1951,1952,1953\nAlgeria,,,xxx,xxx,xxx,xxx,xxx\n' > sipri_sheet.csv
printf 'Country,Notes,1949,1950,1951,1952,1953\r\nAlgeria,,xxx,xxx,xxx,xxx,xxx\r\n' > sipri_sheet2.csv
for f in sipri_sheet.csv sipri_sheet2.csv; do
	expect_exit 2 "$MP" import --db n.db "$f"
	grep -q "sheet of SIPRI's Milex workbook.*header country,ccode,iso3c,year,milex_const2022_usd_m" "$T/err" || fail "SIPRI sheet $f: $(cat "$T/err")"
done
# datasets --known lists every layout with its header and download page
expect_exit 0 "$MP" datasets --known --format csv
grep -q '^contiguity,"COW contdir.csv' "$T/out" || fail "--known: contdir"
grep -q '^war_part,.*Inter-StateWarData_v4.0.csv,"warnum,' "$T/out" || fail "--known: war participants"
grep -q '^pwt,.*,https://www.rug.nl/ggdc/productivity/pwt/,' "$T/out" || fail "--known: PWT"
grep -q '^wpp_pop,.*2017 or 2024 (from the file),.*tab-separated: country_code.*,https://population.un.org/wpp/,' "$T/out" || fail "--known: WPP"
grep -q '^mid_disp,.*gml-mida-2.2.1.csv' "$T/out" || fail "--known: MIDA"
# a folder: the known files are imported, the others named as skipped
mkdir dir
cp states.csv contdir.csv dir/
printf 'foo,bar\n1,2\n' > dir/notes.csv
expect_exit 0 "$MP" import --db dir.db dir
grep -q "notes.csv" "$T/err" || fail "folder: the skipped file is not named: $(cat "$T/err")"
grep -q "2 files imported, 1 skipped" "$T/err" || fail "folder summary: $(cat "$T/err")"
echo ok
