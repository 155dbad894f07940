# An import killed part-way leaves no half-written dataset: the file's rows and its
# provenance record are either all there or not at all, and importing again works.
source "$MP_SRC/tests/lib.bash"
need_shared cow_trade_dyadic_4.0_ndy.csv NMC-60-abridged.csv
DB="$T/i.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" || fail "first import"
for sig in INT KILL; do
	$MP import --quiet --db "$DB" "$SHARED/cow_trade_dyadic_4.0_ndy.csv" &
	pid=$!
	sleep 0.3
	kill -$sig $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	n=$(sqlite3 "$DB" "SELECT count(*) FROM datasets WHERE family='trade_dyadic'")
	rows=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name='trade_dyadic'" )
	if [ "$rows" = 1 ]; then rows=$(sqlite3 "$DB" "SELECT count(*) FROM trade_dyadic"); fi
	case "$n:$rows" in
	0:0) echo "SIG$sig: interrupted, nothing kept" ;;
	1:673654) echo "SIG$sig: finished before the signal (complete)"; sqlite3 "$DB" "DELETE FROM trade_dyadic; DELETE FROM datasets WHERE family='trade_dyadic'" ;;
	*) fail "after SIG$sig: $n provenance rows and $rows data rows (half-written)" ;;
	esac
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM nmc")" = 15951 ] || fail "earlier dataset damaged"
	sqlite3 "$DB" "PRAGMA integrity_check" | grep -qx ok || fail "integrity check"
done
$MP import --quiet --db "$DB" "$SHARED/cow_trade_dyadic_4.0_ndy.csv" || fail "import after interruption"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM trade_dyadic")" = 673654 ] || fail "rows after re-import"
echo "interrupted import: ok"
