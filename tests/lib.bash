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
