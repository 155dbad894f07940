# Issue 15, item 5, and issue 16, items 7 and 10: files and folders. Outputs honour the
# umask; `import DIR` imports the datasets in it and skips the rest with a note; a folder
# with no dataset (like /tmp) and a bad file are clear errors, --keep-going goes on past
# the bad file and ends with a summary and exit 2; an output path that is the database is
# refused and the database left as it was.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv majors2016.csv states2016.csv SOURCES.md wpp2017/tfr.txt
set -e
cd "$T"
unset MULTIPOLAR_DB
# 1. modes: 0644 under umask 022, 0640 under 027 (--output, report, run's report)
umask 022
expect_exit 0 "$MP" capabilities --top 3 --output cap.txt
[ "$(stat -c %a cap.txt)" = 644 ] || fail "--output mode $(stat -c %a cap.txt) under umask 022"
umask 027
expect_exit 0 "$MP" polarity --format csv -o pol.csv
[ "$(stat -c %a pol.csv)" = 640 ] || fail "--output mode $(stat -c %a pol.csv) under umask 027"
expect_exit 0 "$MP" run baseline --runs 2 --quiet --report r.html
[ "$(stat -c %a r.html)" = 640 ] || fail "run's report mode $(stat -c %a r.html) under umask 027"
umask 022
expect_exit 0 "$MP" report --output r2.html --quiet
[ "$(stat -c %a r2.html)" = 644 ] || fail "report mode $(stat -c %a r2.html) under umask 022"
ls ./*.tmp* > /dev/null 2>&1 && fail "a temporary file was left"

# 2. import DIR: a folder of datasets and other files
mkdir d d/sub
cp "$SHARED/NMC-60-abridged.csv" "$SHARED/majors2016.csv" "$SHARED/SOURCES.md" "$SHARED/wpp2017/tfr.txt" d/
printf 'a,b\n1,2\n' > d/other.csv
head -c 2000 /bin/ls > d/binary.dat
expect_exit 0 "$MP" import --db i.db d/
grep -q "NMC-60-abridged.csv: COW National Material Capabilities 6.0 (nmc): 15951 rows" "$T/err" || fail "NMC not imported from the folder"
grep -q "majors2016.csv: COW Major Powers" "$T/err" || fail "majors not imported from the folder"
# a WPP file (tab-separated, its own reader) is a dataset of the folder too
grep -q "tfr.txt: UN WPP total fertility (tfr) 2017 (wpp_tfr)" "$T/err" || fail "WPP file not imported from the folder"
grep -q "note: skipped, not a dataset: d/SOURCES.md:1:1: header does not match any known dataset" "$T/err" || fail "SOURCES.md not skipped with a note"
grep -q "note: skipped, not a dataset: d/binary.dat:1:[0-9]*: NUL byte" "$T/err" || fail "binary file not skipped"
grep -q "note: d/sub: skipped: a folder" "$T/err" || fail "subfolder not skipped"
grep -q "^import: 3 files imported, 4 skipped, 0 failed" "$T/err" || fail "summary: $(tail -n 1 "$T/err")"
[ "$(sqlite3 i.db 'SELECT count(*) FROM datasets')" = 3 ] || fail "datasets imported from the folder"
# the shell's glob of the folder does the same (it stopped at SOURCES.md)
expect_exit 0 "$MP" import --db g.db d/*
[ "$(sqlite3 g.db 'SELECT count(*) FROM datasets')" = 3 ] || fail "import d/* stopped early"
# a folder with no dataset in it: exit 2, no "out of memory"
mkdir junk
printf 'hello\n' > junk/notes.txt
expect_exit 2 "$MP" import --db j.db junk
grep -q "nothing imported: junk/notes.txt:1:1: header does not match any known dataset" "$T/err" || fail "junk folder: $(cat "$T/err")"
grep -q "out of memory" "$T/err" && fail "out of memory on a folder"
expect_exit 2 "$MP" import --db j.db /proc/self
grep -q "out of memory" "$T/err" && fail "out of memory on /proc/self"

# 3. a bad dataset file: stops at it; with --keep-going the rest is imported, exit 2 at the end
{ head -n 5 "$SHARED/NMC-60-abridged.csv"; printf 'USA,2,1999,n/a,1,1,1,1,1,0.1,2021\n'; } > bad.csv
expect_exit 2 "$MP" import --db k.db bad.csv "$SHARED/states2016.csv"
grep -q "bad.csv:6:12: column 'milex': expected a number" "$T/err" || fail "bad file message"
[ "$(sqlite3 k.db 'SELECT count(*) FROM datasets')" = 0 ] || fail "import went on past the bad file"
expect_exit 2 "$MP" import --db k.db --keep-going bad.csv "$SHARED/states2016.csv" "$SHARED/SOURCES.md"
grep -q "bad.csv:6:12: column 'milex': expected a number" "$T/err" || fail "--keep-going: bad file not named"
grep -q "states2016.csv: COW State System Membership 2016 (states): 243 rows" "$T/err" || fail "--keep-going did not go on"
grep -q "^import: 1 file imported, 1 skipped, 1 failed" "$T/err" || fail "--keep-going summary: $(cat "$T/err")"
grep -q "1 of 2 files failed to import" "$T/err" || fail "--keep-going final error"
[ "$(sqlite3 k.db "SELECT group_concat(family) FROM datasets")" = states ] || fail "--keep-going kept a partial file"

# 4. an output that is the database is refused; the database stays as it was
sum=$(sha256sum i.db)
expect_exit 2 "$MP" capabilities --db i.db --output i.db
grep -q -- "--output i.db is the database (--db i.db): writing it would destroy the data" "$T/err" || fail "--output = --db: $(cat "$T/err")"
expect_exit 2 "$MP" report --db i.db --output ./i.db
expect_exit 2 "$MP" run --db i.db --runs 2 --report i.db
expect_exit 2 "$MP" calibrate --db i.db --until 2000 --params i.db
[ "$(sha256sum i.db)" = "$sum" ] || fail "the database changed"
MULTIPOLAR_DB=i.db expect_exit 2 "$MP" polarity -o i.db
[ "$(sha256sum i.db)" = "$sum" ] || fail "the database changed (MULTIPOLAR_DB)"

# 5. years outside 1816-2300 and before the start: usage errors, not "out of memory"
expect_exit 2 "$MP" run --until 100000 --runs 2 --no-store
grep -q -- "--until 100000: the last simulated year must be after the start (2023) and at most 2300" "$T/err" || fail "--until 100000"
expect_exit 2 "$MP" simulate --until -5 --no-store
grep -q -- "--until -5: the last simulated year must be after the start" "$T/err" || fail "--until -5 ignored"
echo "files: ok"
