#!/usr/bin/env bash
# Simulation throughput (state-years per second per core) without and with strategic
# lookahead, scaling from 1 to 2 threads and 1 to 2 MPI ranks, and peak memory for 100
# vs 2,000 runs. Usage: MP_BIN=build/multipolar MP_SRC=. bash bench/bench_simulate.sh
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
SRC=${MP_SRC:-.}
export MULTIPOLAR_DATA=${MULTIPOLAR_DATA:-$SRC/data}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
RUNS=${RUNS:-1000}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
actors=$(($(wc -l < "$MULTIPOLAR_DATA/world/world.csv") - 1))
years=27 # 2023 -> 2050 steps
printf 'base: baseline.yaml\nname: nolook\noverrides:\n  strategy.enabled: 0\n' > "$T/nolook.yaml"
printf 'base: baseline.yaml\nname: look5\n' > "$T/look5.yaml"
printf 'base: baseline.yaml\nname: look1\noverrides:\n  strategy.every: 1\n' > "$T/look1.yaml"

# time_run LABEL CMD...: prints wall and user+sys seconds and peak RSS (KB)
time_run() {
	local label=$1; shift
	/usr/bin/time -f "%e %U %S %M" -o "$T/time" "$@" > /dev/null
	read -r wall user sys rss < "$T/time"
	echo "$label $wall $user $sys $rss"
}

echo
echo "throughput, 1 thread, $RUNS runs x $years years x $actors actors = $((RUNS * years * actors)) state-years"
printf '%-34s %8s %8s %14s %14s\n' case wall_s cpu_s "state-yr/s" "state-yr/s/cpu"
for s in nolook look5 look1; do
	read -r _ wall user sys rss < <(time_run "$s" "$MP" simulate "$T/$s.yaml" --runs "$RUNS" --threads 1 --no-store --quiet --format csv)
	sy=$((RUNS * years * actors))
	awk -v l="$s" -v w="$wall" -v u="$user" -v s="$sys" -v n="$sy" \
		'BEGIN { printf "%-34s %8.2f %8.2f %14.0f %14.0f\n", l, w, u + s, n / w, n / (u + s) }'
done
echo "(nolook: strategy off; look5: great powers plan every 5 years, the default; look1: every year)"

echo
echo "scaling, baseline (look5), $RUNS runs (speedup = wall time of 1 thread / wall time; a busy"
echo "machine shows in cpu_s/wall_s below the number of workers)"
printf '%-34s %8s %8s %8s\n' case wall_s cpu_s speedup
read -r _ w1 u1 s1 _ < <(time_run t1 "$MP" simulate "$T/look5.yaml" --runs "$RUNS" --threads 1 --no-store --quiet --format csv)
read -r _ w2 u2 s2 _ < <(time_run t2 "$MP" simulate "$T/look5.yaml" --runs "$RUNS" --threads 2 --no-store --quiet --format csv)
awk -v a="$w1" -v ca="$u1" -v sa="$s1" -v b="$w2" -v cb="$u2" -v sb="$s2" 'BEGIN {
	printf "%-34s %8.2f %8.2f %8.2f\n%-34s %8.2f %8.2f %8.2f\n", "1 thread", a, ca + sa, 1, "2 threads", b, cb + sb, a / b }'
if command -v mpirun > /dev/null; then
	# mpirun's own start-up (~1 s) is included; time -f reports the launcher's children
	read -r _ r2 ur sr _ < <(time_run r2 mpirun --allow-run-as-root --oversubscribe -np 2 "$MP" simulate "$T/look5.yaml" \
		--runs "$RUNS" --threads 1 --no-store --quiet --format csv)
	read -r _ r1 ur1 sr1 _ < <(time_run r1 mpirun --allow-run-as-root --oversubscribe -np 1 "$MP" simulate "$T/look5.yaml" \
		--runs "$RUNS" --threads 1 --no-store --quiet --format csv)
	awk -v a="$r1" -v ca="$ur1" -v sa="$sr1" -v b="$r2" -v cb="$ur" -v sb="$sr" 'BEGIN {
		printf "%-34s %8.2f %8.2f %8.2f\n%-34s %8.2f %8.2f %8.2f\n", "1 MPI rank x 1 thread", a, ca + sa, 1,
		"2 MPI ranks x 1 thread", b, cb + sb, a / b }'
fi

echo
echo "peak memory (maximum resident set size), baseline, 2 threads"
printf '%-34s %8s %10s\n' case wall_s peak_MB
for n in 100 2000; do
	read -r _ w _ _ rss < <(time_run m "$MP" simulate "$T/look5.yaml" --runs "$n" --threads 2 --no-store --quiet --format csv)
	awk -v l="$n runs" -v w="$w" -v r="$rss" 'BEGIN { printf "%-34s %8.2f %10.1f\n", l, w, r / 1024 }'
done

echo
echo "multipolar run (5 scenarios x 200 runs to 2050, stored), 2 threads"
read -r _ w _ _ rss < <(time_run run "$MP" run --db "$T/run.db" --threads 2 --quiet)
awk -v w="$w" -v r="$rss" 'BEGIN { printf "%-34s %8.2f s %8.1f MB\n", "multipolar run", w, r / 1024 }'
