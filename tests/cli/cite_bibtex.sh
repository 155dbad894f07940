# cite --format bibtex: multipolar's own entry (version, git commit) and one entry per work of
# the imported datasets; every family known has one; braces balance and keys are unique.
set -e
source "$MP_SRC/tests/lib.bash"
printf 'stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\nUSA,2,United States of America,1816,1,1,2016,12,31,2016\n' > "$T/states.csv"
printf 'stateabb,ccode,styear,stmonth,stday,endyear,endmonth,endday,version\nUSA,2,1898,1,1,2016,12,31,2016\n' > "$T/majors.csv"
"$MP" import --quiet "$T/states.csv" "$T/majors.csv" > /dev/null
expect_exit 0 "$MP" cite --format bibtex
grep -q '^@software{multipolar,' "$T/out" || fail "no entry for multipolar"
grep -q "version = {$("$MP" version | cut -d' ' -f2)}" "$T/out" || fail "version"
grep -q 'note = {git commit [0-9a-f]\{40\}\(-dirty\)\?}\|note = {git commit unknown}' "$T/out" || fail "git commit"
[ "$(grep -c '^@misc{cow2017states,' "$T/out")" = 1 ] || fail "states and majors share one entry"
expect_exit 0 "$MP" cite --all --format bibtex
keys=$(grep -o '^@[a-z]*{[^,]*' "$T/out" | sed 's/.*{//')
[ "$(echo "$keys" | sort | uniq -d)" = "" ] || fail "duplicate keys: $(echo "$keys" | sort | uniq -d)"
for k in singer1972 gibler2009 leeds2002 bailey2017 bolt2024 sipri2024 barbieri2009 arelbundock2018 sarkees2010 gibler2016 stinnett2002 thompson2012 gibler2005 voeten2009 miller2022 feenstra2015 un2017wpp un2024wpp; do
	echo "$keys" | grep -qx "$k" || fail "--all: no $k"
done
open=$(tr -cd '{' < "$T/out" | wc -c); close=$(tr -cd '}' < "$T/out" | wc -c)
[ "$open" = "$close" ] || fail "braces: $open open, $close close"
# WPP: the entry of the imported revision (wpp.c takes it from the file's year columns)
mkdir -p "$T/w17" "$T/w24"
printf '"country_code"\t"name"\t"1950-1955"\t"1955-1960"\n900\t"WORLD"\t48.5\t51.0\n' > "$T/w17/e0F.txt"
printf 'country_code\tcountry\t1950\t1951\n900\tWorld\t48.4\t49.0\n' > "$T/w24/e0F.txt"
"$MP" import --quiet --db "$T/w.db" "$T/w17/e0F.txt" > /dev/null
expect_exit 0 "$MP" cite --db "$T/w.db" --format bibtex
grep -q '^@misc{un2017wpp,' "$T/out" && ! grep -q un2024wpp "$T/out" || fail "WPP 2017 entry: $(cat "$T/out")"
"$MP" import --quiet --db "$T/w.db" "$T/w24/e0F.txt" > /dev/null
expect_exit 0 "$MP" cite --db "$T/w.db" --format bibtex
grep -q '^@misc{un2024wpp,' "$T/out" && grep -q '^@misc{un2017wpp,' "$T/out" || fail "WPP 2017 and 2024 entries"
expect_exit 2 "$MP" cite --format ris
echo ok
