# evaluate is identical on 1 and 2 MPI ranks (the ensemble members are split over the
# ranks and summed exactly); only rank 0 writes the scores and stores the run.
source "$MP_SRC/tests/lib.bash"
set -e
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
command -v mpirun >/dev/null || { echo "SKIP: no mpirun" >&2; exit 77; }
need_shared NMC-60-abridged.csv mpd2023.csv country_code_crosswalk.csv cow_war_inter.csv
DB="$T/m.db"
$MP import --quiet --db "$DB" "$SHARED/NMC-60-abridged.csv" "$SHARED/mpd2023.csv" \
	"$SHARED/country_code_crosswalk.csv" "$SHARED/cow_war_inter.csv" || fail "import"
args="--origins 1980:1990:10 --horizons 5 --runs 9 --seed 3 --uncalibrated --threads 1 --format csv --quiet"
expect_exit 0 "$MP" evaluate --db "$DB" $args --no-store --scores "$T/one.csv"
cp "$T/out" "$T/one_summary.csv"
expect_exit 0 mpirun --allow-run-as-root --oversubscribe -np 2 "$MP" evaluate --db "$DB" $args --scores "$T/two.csv"
cmp "$T/one.csv" "$T/two.csv" || fail "2 ranks differ from 1"
cmp "$T/one_summary.csv" "$T/out" || fail "the summary printed on 2 ranks differs"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM eval_run")" = 1 ] || fail "stored by more than one rank"
echo ok
