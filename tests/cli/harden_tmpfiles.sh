# Issue 16 item 10 (first half): an interrupted report or --output leaves no FILE.tmpXXXXXX,
# whether it is stopped by SIGINT, SIGTERM or SIGHUP, or fails; the old file stays whole.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv states2016.csv majors2016.csv
DB="$T/r.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/states2016.csv" "$SHARED/majors2016.csv" ||
	fail "import failed"
echo "old report" > "$T/r.html"
left=0 signalled=0
for sig in INT TERM HUP INT TERM HUP; do
	for delay in 0.05 0.15 0.3; do
		$MP report --quiet --db "$DB" --output "$T/r.html" &
		pid=$!
		sleep "$delay"
		kill -s "$sig" "$pid" 2>/dev/null && signalled=$((signalled + 1))
		wait "$pid" 2>/dev/null
		if ls "$T"/r.html.tmp* >/dev/null 2>&1; then left=$((left + 1)); rm -f "$T"/r.html.tmp*; fi
		# the destination is the old file or a complete new report, never a part
		if ! grep -q "old report" "$T/r.html"; then
			tail -c 20 "$T/r.html" | grep -q "</html>" || fail "r.html is a partial report after SIG$sig"
		fi
	done
done
[ "$left" -eq 0 ] || fail "$left of 18 interrupted reports left a temporary file ($signalled signalled)"
# a table written with --output, stopped the same way
for sig in INT TERM; do
	$MP capabilities --quiet --db "$DB" --from 1816 --to 2016 --format csv --output "$T/c.csv" &
	pid=$!
	sleep 0.1
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ls "$T"/c.csv.tmp* >/dev/null 2>&1 && fail "capabilities --output left a temporary file after SIG$sig"
done
# a failed write removes its temporary file too (the report of a database that is not one)
echo "not a database" > "$T/bad.db"
expect_exit 2 $MP report --db "$T/bad.db" --output "$T/r.html"
ls "$T"/r.html.tmp* >/dev/null 2>&1 && fail "a failed report left a temporary file"
echo "ok: no temporary file after $signalled signals"
