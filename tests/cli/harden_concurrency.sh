# Issue 16 item 6: concurrent imports. Two imports into a new database (both used to race to
# create its tables: "table datasets already exists") and two imports of the same file (the
# second failed on "UNIQUE constraint failed: datasets.sha256") must both end with exit 0,
# the second saying "already imported"; never a raw SQLite error.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv majors2016.csv
trials=${MP_RACE_TRIALS:-6}
check() {
	local what=$1 a=$2 b=$3
	[ "$a" -eq 0 ] && [ "$b" -eq 0 ] || { cat "$T"/e1 "$T"/e2 >&2; fail "$what: exit codes $a and $b"; }
	if grep -qiE "constraint|already exists|locked|SQL" "$T/e1" "$T/e2"; then
		cat "$T"/e1 "$T"/e2 >&2
		fail "$what: a raw SQLite error"
	fi
}
for i in $(seq 1 "$trials"); do
	db="$T/new$i.db"
	$MP import --db "$db" "$SHARED/states2016.csv" 2>"$T/e1" & p1=$!
	$MP import --db "$db" "$SHARED/majors2016.csv" 2>"$T/e2" & p2=$!
	wait $p1; a=$?; wait $p2; b=$?
	check "two imports into a new database (trial $i)" $a $b
	[ "$(sqlite3 "$db" "SELECT count(*) FROM datasets")" = 2 ] || fail "new database $i: not both datasets stored"
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "new database $i: integrity_check"
done
for i in $(seq 1 "$trials"); do
	db="$T/same$i.db"
	$MP import --db "$db" "$SHARED/NMC-60-abridged.csv" 2>"$T/e1" & p1=$!
	$MP import --db "$db" "$SHARED/NMC-60-abridged.csv" 2>"$T/e2" & p2=$!
	wait $p1; a=$?; wait $p2; b=$?
	check "two imports of one file (trial $i)" $a $b
	[ "$(sqlite3 "$db" "SELECT count(*) FROM datasets")" = 1 ] || fail "same file $i: stored twice"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM nmc")" = 15951 ] || fail "same file $i: rows stored twice"
	cat "$T/e1" "$T/e2" | grep -q "already imported" || fail "same file $i: neither says 'already imported'"
done
echo "ok: $trials x 2 concurrent import pairs, all exit 0"
