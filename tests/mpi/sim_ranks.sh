# The ensemble is bit-identical on 1 and 2 MPI ranks (and on 2 threads per rank).
source "$MP_SRC/tests/lib.bash"
set -e
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# Open MPI's dlopened MCA components leak at MPI_Finalize (not our allocations: the same
# code paths run leak-checked in tests/cli/sim_simulate.sh), so LeakSanitizer is off here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
command -v mpirun >/dev/null || { echo "SKIP: no mpirun" >&2; exit 77; }
expect_exit 0 "$MP" simulate sino-russian-axis --runs 9 --seed 3 --threads 1 --format csv --quiet --no-store
cp "$T/out" "$T/one.csv"
expect_exit 0 mpirun --allow-run-as-root --oversubscribe -np 2 "$MP" simulate sino-russian-axis --runs 9 --seed 3 \
	--threads 1 --format csv --quiet --db "$T/m.db"
cmp "$T/one.csv" "$T/out" || fail "2 ranks differ from 1"
expect_exit 0 mpirun --allow-run-as-root --oversubscribe -np 2 "$MP" simulate sino-russian-axis --runs 9 --seed 3 \
	--threads 2 --format csv --quiet --no-store
cmp "$T/one.csv" "$T/out" || fail "2 ranks x 2 threads differ from 1"
# only rank 0 stores: one run in the database
[ "$(sqlite3 "$T/m.db" "SELECT count(*) FROM sim_runs")" = 1 ] || fail "stored by more than one rank"
echo ok
