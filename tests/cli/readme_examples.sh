# Every example command of the README runs and exits 0 (docs are executable; jq's
# man.test habit). Run in a scratch folder laid out like the repository beside ../shared,
# with a copy of data/ so nothing in the source tree changes. Not run: the Quick start
# scripts, mpirun (tests/mpi covers it) and examples marked as needing files that are
# not in ../shared/data. Normal build only: under the sanitizers it would take minutes.
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv bargaining/eu/eu_emissions_bdm1994.csv
if "$MP" version --build-options | grep -q sanitize; then
	echo "SKIP: README examples run in the normal build only" >&2
	exit 77
fi
mkdir -p "$T/repo"
cp -r "$MP_SRC/data" "$T/repo/data"
ln -s "$(cd "$SHARED/.." && pwd)" "$T/shared"
cd "$T/repo"
unset MULTIPOLAR_DB
export MULTIPOLAR_DATA="$T/repo/data"
mkdir -p "$T/bin"
ln -s "$MP" "$T/bin/multipolar"
export PATH="$T/bin:$PATH"
n=0
awk '/^```sh/{f=1; next} /^```/{f=0} f' "$MP_SRC/README.md" | sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' > "$T/examples"
while IFS= read -r line; do
	case "$line" in
	./scripts/*|mpirun*|cmake*) continue ;;
	esac
	grep -F -- "$line" "$MP_SRC/README.md" | grep -q "not in ../shared/data" && continue
	n=$((n + 1))
	if ! bash -c "$line" > "$T/out" 2> "$T/err" < /dev/null; then
		cat "$T/err" >&2
		fail "README example failed: $line"
	fi
done < "$T/examples"
[ "$n" -ge 30 ] || fail "only $n README examples found"
# the examples' files came out as described
[ -s report.html ] && [ -s multipolar-report.html ] && [ -s cinc.csv ] && [ -s majors.csv ] && [ -s decoupling.csv ] \
	|| fail "an example's output file is missing"
grep -q '^\.TH MULTIPOLAR 1' multipolar.1 || fail "man page"
cmp -s "$MP_SRC/data/params/calibrated.yaml" "$T/repo/data/params/calibrated.yaml" || echo "note: calibrate rewrote the copy of data/params/calibrated.yaml"
echo "README examples: $n ran"
