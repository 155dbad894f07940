# capabilities, polarity and poles work with no database, on the shipped default world;
# output formats are tidy (csv header exactly as documented; JSON parses); errors exit 2.
source "$MP_SRC/tests/lib.bash"
cd "$T"   # no ./multipolar.db here
unset MULTIPOLAR_DB
$MP capabilities --top 5 --format csv > cap.csv || fail "capabilities on the default world"
[ "$(head -n 1 cap.csv)" = "year,ccode,stateabb,pole,milex_share,milper_share,irst_share,pec_share,tpop_share,upop_share,cinc,cinc_published" ] || fail "capabilities header"
[ "$(wc -l < cap.csv)" -eq 6 ] || fail "--top 5 gives 5 rows"
# CINC shares sum to the COW total; the top state of 2023 is China (data/world/README.md)
sed -n 2p cap.csv | cut -d, -f3 | grep -qx CHN || fail "top state should be CHN"
$MP polarity --set poles --format csv > pol.csv || fail "polarity on the default world"
[ "$(head -n 1 pol.csv)" = "year,set,n,con,n_eff,n_golosov,leader,leader_share,runner_up,runner_up_share,lead_ratio,class,leader_ccode,runner_up_ccode" ] || fail "polarity header"
$MP polarity --set majors --format json > pol.json || fail "polarity json"
python3 -c 'import json,sys; d=json.load(open("pol.json")); assert d[0]["set"]=="majors" and d[0]["n"]==7, d' || fail "json"
# by pole: the pole CINC shares add up to the world's COW total (all rows are in some pole)
$MP capabilities --by pole --format csv > bypole.csv || fail "by pole"
awk -F, 'NR>1 {s+=$10} END {exit !(s > 0.99 && s < 1.1)}' bypole.csv || fail "pole CINC sum"
$MP poles --year 2016 --format csv > poles.csv || fail "poles"
grep -q "^710,CHN,China," poles.csv || fail "China pole"
grep -q "^2,USA,West," poles.csv || fail "US in West"
# a user pole file replaces the shipped one everywhere
printf 'ccode,stateabb,pole,from_year,to_year,rule\n2,USA,Atlantic,1816,2100,test\n710,CHN,Pacific,1816,2100,test\n' > p.csv
$MP polarity --set poles --poles p.csv --format csv | tail -n 1 | grep -q ",2,.*,Pacific," || fail "user pole file"
# errors: exit 2 with a reason
expect_exit 2 $MP polarity --year 2000
grep -q "unknown option '--year'" "$T/err" || fail "unknown option message"
expect_exit 2 $MP capabilities --year 1990
grep -q "no world for 1990: the shipped default world (data/world/world.csv) covers only 2023; import COW NMC data" "$T/err" \
	|| fail "default world year message: $(cat "$T/err")"
expect_exit 2 $MP polarity --set everything
expect_exit 2 $MP capabilities --format xml
printf 'ccode,stateabb,pole,from_year,to_year,rule\n2,USA,West,1990,1980,x\n' > bad.csv
expect_exit 2 $MP poles --poles bad.csv
grep -q "bad.csv:2:.*to_year 1980 is before from_year 1990" "$T/err" || fail "bad pole file message"
# help and the manual come from the same option tables
$MP polarity --help | grep -q -- "--classifier NAME" || fail "help"
$MP help --man | grep -q '^.SS "polarity"' || fail "man page"
$MP version --build-options | grep -q "build options:" || fail "version"
expect_exit 2 $MP no-such-command
echo "measure default world: ok"
