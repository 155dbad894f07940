# Sourced by the shell tests (tests/cli, tests/mpi, tests/browser).
set -u
MP=${MP_BIN:?MP_BIN not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SHARED_DATA_DEFAULT:-../shared/data}}
export MULTIPOLAR_DB="$T/default.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
need_shared() {
	for f in "$@"; do
		if [ ! -e "$SHARED/$f" ]; then
			if [ "${CI:-}" = "true" ]; then fail "shared data $SHARED/$f missing (CI=true: required)"; fi
			echo "SKIP: shared data $SHARED/$f missing; set MULTIPOLAR_SHARED_DATA" >&2; exit 77
		fi
	done
}
# expect_exit CODE CMD... : run CMD, capture stdout in $T/out and stderr in $T/err.
expect_exit() {
	local want=$1; shift
	set +e; "$@" >"$T/out" 2>"$T/err"; local got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$T/err" >&2; fail "'$*' exited $got, expected $want"; }
}
# cut_db IN Y0 OUT: a copy of database IN as known in Y0 (the no-leak tests): every row
# after Y0 deleted from every imported table (year > Y0; spells starting after Y0) and
# every spell end clamped to Y0. Fails unless IN held more than 1000 later rows.
cut_db() {
	local in=$1 y0=$2 out=$3 later=0 t cols sql
	sqlite3 "$in" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	cp "$in" "$out"
	for t in $(sqlite3 "$out" "SELECT DISTINCT family FROM datasets"); do
		cols=" $(sqlite3 "$out" "SELECT group_concat(name, ' ') FROM pragma_table_info('$t')") "
		sql=""
		if [[ $cols == *" year "* ]]; then
			later=$((later + $(sqlite3 "$out" "SELECT count(*) FROM \"$t\" WHERE year > $y0")))
			sql="DELETE FROM \"$t\" WHERE year > $y0;"
		fi
		[[ $cols == *" styear "* ]] && sql="$sql DELETE FROM \"$t\" WHERE styear > $y0;"
		[[ $cols == *" endyear "* ]] && sql="$sql UPDATE \"$t\" SET endyear = $y0 WHERE endyear > $y0;"
		[[ $cols == *" stdate "* ]] && sql="$sql DELETE FROM \"$t\" WHERE CAST(substr(stdate, 1, 4) AS INTEGER) > $y0;"
		[[ $cols == *" enddate "* ]] && sql="$sql UPDATE \"$t\" SET enddate = '$y0-12-31' WHERE enddate > '$y0-12-31';"
		[ -n "$sql" ] && { sqlite3 "$out" "$sql" || fail "truncating $t at $y0"; }
	done
	[ "$later" -gt 1000 ] || fail "the database should hold rows after $y0 (found $later)"
	[ "$(sqlite3 "$out" "SELECT max(year) FROM nmc")" = "$y0" ] || fail "the copy still has NMC after $y0"
	[ "$(sqlite3 "$out" "SELECT count(*) FROM maddison WHERE year > $y0")" = 0 ] || fail "maddison not cut at $y0"
}
