# Issue 16 item 3: kill -9 at random points of `multipolar run`, a few trials (the bench
# script bench/bench_crash.sh runs 20+): the database passes integrity_check and the report
# never shows a partial job (tests/support/crash_run.bash).
source "$MP_SRC/tests/lib.bash"
source "$MP_SRC/tests/support/crash_run.bash"
crash_trials "${MP_CRASH_TRIALS:-4}"
