# Issue 16 item 3: kill -9 at random points of `multipolar run`, a few trials (the bench
# script bench/bench_crash.sh runs 20+): the database passes integrity_check and the report
# never shows a partial job (tests/support/crash_run.bash).
source "$MP_SRC/tests/lib.bash"
source "$MP_SRC/tests/support/crash_run.bash"
crash_trials "${MP_CRASH_TRIALS:-4}"
# runs of two jobs in one report are said, not mixed in silently
"$MP" simulate decoupling --quiet --db "$T/crash.db" --runs 4 --seed 9 --until 2030 --threads 1 >/dev/null ||
	fail "simulate failed"
"$MP" report --quiet --db "$T/crash.db" --output "$T/mixed.html" || fail "report failed"
grep -q "These scenarios come from 2 separate jobs" "$T/mixed.html" || fail "no note on runs of two jobs"
"$MP" report --quiet --db "$T/timing.db" --output "$T/one.html" || fail "report failed"
grep -q "separate jobs" "$T/one.html" && fail "a note on separate jobs for one job"
echo "ok"
