# Crash consistency of `multipolar run` (issue 16 item 3), shared by the CI test
# (tests/cli/harden_crash_run.sh, a few trials) and the benchmark (bench/bench_crash.sh,
# >= 20): kill -9 at a random point of `run` (simulating, storing, or writing the report),
# then check that the database passes PRAGMA integrity_check, that every stored job has all
# of its scenarios, and that the report shows runs of one complete job only.
# Needs: MP (the binary), T (a scratch directory), fail(). Usage: crash_trials N.
crash_check() {
	local db=$1 what=$2
	[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "$what: integrity_check failed"
	local partial
	partial=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT job FROM sim_runs GROUP BY job HAVING count(*) != 5)")
	[ "$partial" = 0 ] || fail "$what: $partial stored job(s) lack some of the 5 scenarios"
	local empty
	empty=$(sqlite3 "$db" "SELECT count(*) FROM sim_runs r WHERE NOT EXISTS (SELECT 1 FROM sim_summary m WHERE m.run_id = r.run_id)")
	[ "$empty" = 0 ] || fail "$what: $empty stored run(s) without summary rows"
	"$MP" report --quiet --db "$db" --output "$T/check.html" || fail "$what: report failed"
	local ids
	ids=$(grep -oE 'Run [0-9]+, (years|from)' "$T/check.html" | grep -o '[0-9]*' | sort -u | paste -sd, -)
	[ -n "$ids" ] || fail "$what: the report shows no run"
	local jobs
	jobs=$(sqlite3 "$db" "SELECT count(DISTINCT job) || ' ' || count(*) FROM sim_runs WHERE run_id IN ($ids)")
	[ "$jobs" = "1 5" ] || fail "$what: the report shows runs $ids from $jobs (jobs, runs): a mixed or partial job"
}

crash_trials() {
	local n=$1 db="$T/crash.db" killed=0 finished=0
	rm -f "$db" "$db"-wal "$db"-shm
	"$MP" run --quiet --db "$db" --runs 4 --seed 1 --until 2030 --threads 1 --report "$T/run.html" >/dev/null ||
		fail "first run failed"
	crash_check "$db" "after the first run"
	# how long a run takes here, to spread the kills over it
	local t0 t1 dur
	t0=$(date +%s%N)
	"$MP" run --quiet --db "$T/timing.db" --runs 6 --seed 2 --until 2050 --threads 1 --report "$T/t.html" >/dev/null ||
		fail "timing run failed"
	t1=$(date +%s%N)
	dur=$(( (t1 - t0) / 1000000 ))
	for i in $(seq 1 "$n"); do
		local until=$(( i % 2 ? 2040 : 2050 )) ms=$(( RANDOM % (dur + 50) ))
		"$MP" run --quiet --db "$db" --runs 6 --seed $((i + 1)) --until $until --threads 1 --report "$T/run.html" \
			>/dev/null 2>&1 &
		local pid=$!
		sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
		if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
		wait "$pid" 2>/dev/null || true
		crash_check "$db" "trial $i (kill -9 after ${ms} ms of ~${dur} ms)"
	done
	echo "crash: $n trials ($killed killed mid-run, $finished finished first; run takes ~${dur} ms): integrity ok, no partial job"
}
