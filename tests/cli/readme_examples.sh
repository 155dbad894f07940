# The README's Quick start, then every example command of the README in order, runs and
# exits 0 (docs are executable; jq's man.test habit), as on a fresh clone: a scratch folder
# laid out like the repository beside ../shared, with a fresh copy of data/ and no
# database. The Quick start's multipolar commands (scripts/quickstart.sh, after its
# install and build steps) run first, so the examples meet the ./multipolar.db that `run`
# created (issue 15: it used to break the next command). No shipped file may change. Not
# run: the install and build scripts, mpirun (tests/mpi covers it) and examples marked as
# needing files that are not in ../shared/data. Normal build only: under the sanitizers it
# would take minutes.
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
# the Quick start: the multipolar commands of scripts/quickstart.sh, as the script runs them
grep -E '^\./build/multipolar ' "$MP_SRC/scripts/quickstart.sh" | sed 's|^\./build/multipolar|multipolar|' > "$T/examples"
[ "$(wc -l < "$T/examples")" -ge 2 ] || fail "no multipolar command found in scripts/quickstart.sh"
awk '/^```sh/{f=1; next} /^```/{f=0} f' "$MP_SRC/README.md" | sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' >> "$T/examples"
while IFS= read -r line; do
	case "$line" in
	./scripts/*|mpirun*|cmake*) continue ;;
	esac
	grep -F -- "$line" "$MP_SRC/README.md" | grep -q "not in ../shared/data" && continue
	n=$((n + 1))
	t0=$(date +%s.%N)
	if ! bash -c "$line" > "$T/out" 2> "$T/err" < /dev/null; then
		cat "$T/err" >&2
		fail "README example failed: $line"
	fi
	echo "$(echo "$(date +%s.%N) - $t0" | bc) $line" >> "$T/times"
done < "$T/examples"
[ "$n" -ge 30 ] || fail "only $n README examples found"
# the examples' files came out as described
[ -s report.html ] && [ -s multipolar-report.html ] && [ -s cinc.csv ] && [ -s majors.csv ] && [ -s decoupling.csv ] \
	|| fail "an example's output file is missing"
grep -q '^\.TH MULTIPOLAR 1' multipolar.1 || fail "man page"
# shipped files are read-only to the program: the copy of data/ is as shipped
diff -r "$MP_SRC/data" "$T/repo/data" > "$T/diff" || { cat "$T/diff" >&2; fail "an example changed a shipped file"; }
# the outputs honour the umask (files are not 0600)
umask_mode=$(printf '%o' $((0666 & ~$(umask))))
[ "$(stat -c %a report.html)" = "$umask_mode" ] || fail "report.html mode $(stat -c %a report.html), umask gives $umask_mode"
echo "README examples: $n ran; the slowest (seconds):"
sort -rn "$T/times" | head -n 5
