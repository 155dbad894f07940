# Issue 15, item 6: the paper cuts, each from the command that showed it.
source "$MP_SRC/tests/lib.bash"
FILES="NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_trade_dyadic_4.0_ndy.csv cow_capitals.csv
cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv cow_alliance_v4.1_dyad_year.csv majors2016.csv states2016.csv
sipri_milex_1949_2023.csv td_rivalries.csv unga_idealpoints_july2025.csv"
need_shared $FILES
set -e
cd "$T"
unset MULTIPOLAR_DB
DB="$T/p.db"
for f in $FILES; do $MP import --quiet --db "$DB" "$SHARED/$f" || fail "import $f"; done

# short options for the common flags, in the option tables (help and man page show them)
expect_exit 0 "$MP" capabilities -d "$DB" -y 2016 -f csv -o top.csv -q
[ "$(sed -n 2p top.csv | cut -d, -f1-3)" = "2016,710,CHN" ] || fail "-d -y -f -o"
expect_exit 0 "$MP" simulate -n 3 -s 9 -j 1 -qf csv --no-store
[ "$(tail -n +2 "$T/out" | head -n 1 | cut -d, -f1)" = baseline ] || fail "-n -s -j and grouped -qf"
expect_exit 0 "$MP" polarity -h
grep -q "^  -o, --output FILE" "$T/out" || fail "help lacks -o"
grep -q "^  -q, --quiet" "$T/out" || fail "help lacks -q"
grep -q "^  -h, --help" "$T/out" || fail "help lacks -h"
expect_exit 0 "$MP" run --help
grep -q "^  -n, --runs N" "$T/out" || fail "run help lacks -n"
expect_exit 0 "$MP" help --man
grep -q '^\.B \\-n, \\-\\-runs' "$T/out" || fail "man page lacks -n"
expect_exit 2 "$MP" polarity -x
grep -q "unknown option '-x'" "$T/err" || fail "-x message"

# --format CSV (any case)
expect_exit 0 "$MP" polarity --db "$DB" --from 2016 --format CSV
[ "$(head -n 1 "$T/out")" = "year,set,n,con,n_eff,n_golosov,leader,leader_share,runner_up,runner_up_share,lead_ratio,class,leader_ccode,runner_up_ccode" ] || fail "--format CSV"
expect_exit 0 "$MP" polarity --db "$DB" --from 2016 --format Json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out" || fail "--format Json"

# errors name the command once
expect_exit 2 "$MP" capabilities --bogus
grep -q "^multipolar capabilities: unknown option '--bogus'" "$T/err" || fail "message: $(cat "$T/err")"
grep -q "capabilities: capabilities:" "$T/err" && fail "the command is repeated"
expect_exit 2 "$MP" run --runs -2
grep -q "^multipolar run: --runs must be at least 1, not -2" "$T/err" || fail "run message: $(cat "$T/err")"
expect_exit 2 "$MP" dyad --db "$DB" USA
grep -q "dyad: dyad:" "$T/err" && fail "dyad is repeated"

# run decoupling --no-store prints its years right (it printed "2023-20500")
expect_exit 0 "$MP" run decoupling --runs 2 --no-store
grep -q "^run: decoupling  *2 runs 2023-2050$" "$T/err" || fail "run --no-store line: $(cat "$T/err")"

# --runs 0 is an error, not the default
expect_exit 2 "$MP" run --runs 0
grep -q -- "--runs must be at least 1, not 0" "$T/err" || fail "--runs 0"
expect_exit 2 "$MP" simulate --runs 0 --no-store
expect_exit 2 "$MP" simulate --threads 0 --no-store
expect_exit 2 "$MP" simulate --seed -3 --no-store

# backtest prints text by default, like every other command
expect_exit 0 "$MP" backtest --db "$DB" --start 2006 --end 2016 --runs 4 --top 8 --quiet
grep -q "^method  *n  *mae  *rmse  *rank_corr$" "$T/out" || fail "backtest default is not text: $(head -n 2 "$T/out")"
expect_exit 0 "$MP" backtest --db "$DB" --start 2006 --end 2016 --runs 4 --top 8 --quiet --format csv
[ "$(head -n 1 "$T/out")" = "method,n,mae,rmse,rank_corr" ] || fail "backtest --format csv"

# polarity --to 2030 and dyad behave alike at the coverage edge: cut to the data, with a note
expect_exit 0 "$MP" polarity --db "$DB" --from 2010 --to 2030 --format csv
[ "$(tail -n 1 "$T/out" | cut -d, -f1)" = 2016 ] || fail "polarity not cut at 2016"
grep -q "note: NMC 6.0 in p.db covers 1816-2016: years 2017-2030 are left out" "$T/err" || fail "polarity note: $(cat "$T/err")"
expect_exit 0 "$MP" dyad --db "$DB" USA CHN --from 2010 --to 2030 --format csv
[ "$(tail -n 1 "$T/out" | cut -d, -f5)" = 2024 ] || fail "dyad not cut at the data's end"
grep -q "note: the dyadic data covers 1816-2024: years 2025-2030 are left out" "$T/err" || fail "dyad note: $(cat "$T/err")"
expect_exit 2 "$MP" polarity --db "$DB" --from 2030
grep -q -- "--from 2030 is after the data: NMC 6.0 in p.db covers 1816-2016" "$T/err" || fail "polarity --from 2030"
expect_exit 2 "$MP" dyad --db "$DB" USA CHN --from 2030
grep -q -- "--from 2030 is after the data (1816-2024)" "$T/err" || fail "dyad --from 2030"

# dyads has --from
expect_exit 0 "$MP" dyads --db "$DB" --set majors --from 2015 --to 2016 --format csv
[ "$(tail -n +2 "$T/out" | cut -d, -f5 | sort -u | tr '\n' ' ')" = "2015 2016 " ] || fail "dyads --from"
expect_exit 2 "$MP" dyads --db "$DB" --year 2015 --from 2015

# capabilities --version is no longer the dataset's version: --nmc-version, with a pointer
expect_exit 2 "$MP" capabilities --db "$DB" --version 6.0
grep -q "the NMC dataset's version is --nmc-version V; the program's version is 'multipolar version'" "$T/err" || fail "--version message"
expect_exit 0 "$MP" capabilities --db "$DB" --nmc-version 6.0 --year 2016 --top 1 --format csv
expect_exit 2 "$MP" capabilities --db "$DB" --nmc-version 9.9 --year 2016
grep -q "no 'nmc' dataset of version 9.9" "$T/err" || fail "--nmc-version 9.9: $(cat "$T/err")"

# simulate --list-params shows the values the baseline uses, beside the defaults
expect_exit 0 "$MP" simulate --list-params --format csv
[ "$(head -n 1 "$T/out")" = "key,value,from,default,unit,source" ] || fail "list-params header"
ship_beta=$(sed -n 's/^economy.beta: //p' "$MP_SRC/data/params/calibrated.yaml")
grep -q "^economy.beta,$ship_beta,calibration,0.02,1/yr," "$T/out" || fail "list-params: $(grep beta "$T/out")"
grep -q "^conflict.relevance_km,1500,default,1500," "$T/out" || fail "list-params default row"
grep -q "the shipped calibration" "$T/err" || fail "list-params does not say where the values come from"

# the man page has EXAMPLES, FILES and ENVIRONMENT; --help points to documentation that exists
expect_exit 0 "$MP" help --man
for sec in EXAMPLES FILES ENVIRONMENT "EXIT STATUS"; do
	grep -q "^\.SH $sec" "$T/out" || fail "man page lacks $sec"
done
grep -q "^\.B MULTIPOLAR_DB" "$T/out" || fail "ENVIRONMENT lacks MULTIPOLAR_DB"
grep -q "share/doc/multipolar" "$T/out" || fail "FILES lacks the installed documentation"
expect_exit 0 "$MP" calibrate --help
doc=$(grep -o '/[^ ]*/calibration\.md' "$T/out" | head -n 1)
[ -n "$doc" ] && [ -f "$doc" ] || fail "--help names no existing calibration.md: $(grep calibration.md "$T/out")"
grep -q "documentation: /.*/$" "$T/out" || fail "--help does not name the documentation folder"
echo "paper cuts: ok"
