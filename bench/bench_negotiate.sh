#!/bin/bash
# Negotiation benchmarks (issue 4): prints figures; results go to bench/RESULTS.md.
#  1. EU model, 100 random actors x 10 rounds, whole process (target < 10 ms; the Python
#     replication needs 19.7 s even with caching).
#  2. EU per-round cost as n grows (default code-form votes, and paper-form raw votes whose
#     probabilities use the O(n^2 log n) prefix-sum path).
#  3. SMP on KTAB's SOE-Pol-Comp.csv (KTAB smpc: 0.94 s) and Synthetic-100.csv (KTAB:
#     1,028 s for 27 turns, about 38 s per turn); target >= 1000x faster.
# Needs ../shared/data/bargaining for part 3 (skipped without it). Uses hyperfine if present.
set -u
MP=${MP_BIN:-build/multipolar}
SHARED=${MULTIPOLAR_SHARED_DATA:-${MP_SRC:-.}/../shared/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "os: $(. /etc/os-release; echo "$PRETTY_NAME"), compiler: $(cc --version | head -1)"
gen() { # gen N SEED FILE: N random actors (positions 0..100)
	awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); print "Actor,Capability,Position,Salience";
		for (i = 0; i < n; i++) printf "A%05d,%.4f,%.4f,%.4f\n", i, 0.01 + rand(), 100 * rand(), 0.05 + 0.95 * rand() }' > "$3"
}
# secs CMD...: sets WALL_S and USER_S (seconds) of one run
secs() {
	/usr/bin/time -o "$T/time" -f "%e %U" "$@" > /dev/null 2>&1
	read -r WALL_S USER_S < "$T/time"
}
gen 100 20261129 "$T/r100.csv"
echo
echo "== 1. EU model, 100 random actors x 10 rounds (whole process)"
if command -v hyperfine > /dev/null; then
	hyperfine -N --warmup 5 --runs 100 --style basic \
		"$MP version" "$MP negotiate $T/r100.csv --rounds 10 --show positions --format csv --output $T/o.csv" 2>&1 |
		grep -E 'Benchmark|Time'
else
	for i in 1 2 3; do secs "$MP" negotiate "$T/r100.csv" --rounds 10 --show positions; echo "wall $WALL_S s, user $USER_S s"; done
fi
echo
echo "== 2. EU cost of one round (time of --rounds 1 minus --rounds 0), OMP_NUM_THREADS=${OMP_NUM_THREADS:-all}"
printf '%-8s %-11s %12s %12s\n' n votes wall_s user_s
for spec in "100 normalised" "200 normalised" "500 normalised" "1000 normalised" "2000 normalised" \
	"1000 raw" "2000 raw" "5000 raw" "10000 raw"; do
	set -- $spec
	gen "$1" 7 "$T/n.csv"
	secs "$MP" negotiate "$T/n.csv" --rounds 0 --vote "$2" --show summary; w0=$WALL_S; u0=$USER_S
	secs "$MP" negotiate "$T/n.csv" --rounds 1 --vote "$2" --show summary; w1=$WALL_S; u1=$USER_S
	printf '%-8s %-11s %12.3f %12.3f\n' "$1" "$2" "$(echo "$w1 - $w0" | bc -l)" "$(echo "$u1 - $u0" | bc -l)"
done
echo
echo "== 3. SMP"
K=$SHARED/bargaining/ktab
if [ -e "$K/SOE-Pol-Comp.csv" ]; then
	if command -v hyperfine > /dev/null; then
		hyperfine -N --warmup 3 --runs 30 --style basic \
			"$MP negotiate $K/SOE-Pol-Comp.csv --show positions --format csv --output $T/o.csv" \
			"$MP negotiate $K/Synthetic-100.csv --show positions --format csv --output $T/o.csv" 2>&1 | grep -E 'Benchmark|Time'
	fi
	secs "$MP" negotiate "$K/Synthetic-100.csv" --show summary
	turns=$("$MP" negotiate "$K/Synthetic-100.csv" --show summary --format csv | awk -F, 'NR == 2 { print $3 }')
	echo "Synthetic-100: $turns turns, wall $WALL_S s, user $USER_S s; per turn $(echo "$USER_S / $turns" | bc -l | cut -c1-6) s CPU (KTAB about 38 s)"
else
	echo "skipped: $K missing"
fi
echo
echo "== 4. 10,000 actors: reading (CSV and YAML) and the EU model (10 rounds); SMP cost per turn"
gen 10000 11 "$T/n10k.csv"
awk -F, 'NR == 1 { print "dimensions:\n  - {name: d, low: 0, high: 100}\nactors:"; next }
	{ printf "  - {name: %s, capability: %s, position: %s, salience: %s}\n", $1, $2, $3, $4 }' "$T/n10k.csv" > "$T/n10k.yaml"
for f in "$T/n10k.csv" "$T/n10k.yaml"; do
	secs "$MP" negotiate "$f" --rounds 0
	echo "read $(basename "$f"): wall $WALL_S s, user $USER_S s"
done
/usr/bin/time -f "EU 10,000 actors x 10 rounds: wall %e s, user %U s, max RSS %M KB" "$MP" negotiate "$T/n10k.csv" > /dev/null
for n in 250 500 1000; do
	awk -v n=$n 'BEGIN { srand(2); printf "Syn,synthetic,%d,2,\nActor,Desc,Power,P1,S1,P2,S2,\n", n;
		for (i = 0; i < n; i++) printf "A%d,d,%.2f,%.2f,%.2f,%.2f,%.2f,\n", i, 1+99*rand(), 100*rand(), 10+40*rand(), 100*rand(), 10+40*rand() }' > "$T/s.csv"
	secs "$MP" negotiate "$T/s.csv" --rounds 0; u0=$USER_S
	secs "$MP" negotiate "$T/s.csv" --rounds 1; u1=$USER_S
	echo "SMP $n actors: turn 0 (set-up) $u0 s CPU, one turn $(echo "$u1 - $u0" | bc -l) s CPU"
done
