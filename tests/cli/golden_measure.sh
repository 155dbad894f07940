# Safety net of the restructuring (issue 10): the README's measuring examples give the same
# bytes as the reference outputs in tests/cli/golden/ (made from main before the change).
# Every top-level ../shared/data/*.csv is imported into one database; each example of
# golden/examples.txt runs on it (or on the shipped default world) and its stdout, then its
# stderr, is compared with golden/NAME.out, or for outputs over 64 KiB with the SHA-256 in
# golden/SHA256SUMS. Import timestamps are masked. MP_GOLDEN_UPDATE=1 rewrites the golden
# files instead (review the diff: a change there is a change of behaviour). Simulation outputs
# are not pinned here: the model changes by design. Normal build only (minutes under ASan).
source "$MP_SRC/tests/lib.bash"
need_shared NMC-60-abridged.csv atop5.1_dyad_year.csv unga_idealpoints_july2025.csv
if "$MP" version --build-options | grep -q sanitize; then
	echo "SKIP: golden outputs are compared in the normal build only" >&2
	exit 77
fi
G="$MP_SRC/tests/cli/golden"
update=${MP_GOLDEN_UPDATE:-0}
cd "$T"
unset MULTIPOLAR_DB
"$MP" import --db "$T/full.db" "$SHARED"/*.csv > /dev/null 2> "$T/import.err" || { cat "$T/import.err" >&2; fail "import of the shared data"; }
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIMESTAMP/g'; }
limit=65536
[ "$update" = 1 ] && : > "$T/sums"
n=0 bad=0
while IFS=$'\t' read -r name args; do
	case "$name" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	# shellcheck disable=SC2086 # the arguments are words without spaces
	set -- ${args//DB/$T/full.db}
	"$MP" "$@" > "$T/o" 2> "$T/e"; rc=$?
	{ mask < "$T/o"; echo "--- stderr (exit $rc)"; mask < "$T/e"; } > "$T/got"
	size=$(wc -c < "$T/got")
	if [ "$update" = 1 ]; then
		rm -f "$G/$name.out"
		if [ "$size" -gt "$limit" ]; then
			echo "$(sha256sum < "$T/got" | cut -d' ' -f1)  $name" >> "$T/sums"
		else
			cp "$T/got" "$G/$name.out"
		fi
		continue
	fi
	if [ -f "$G/$name.out" ]; then
		if ! cmp -s "$G/$name.out" "$T/got"; then
			echo "golden mismatch: $name: multipolar $args" >&2
			diff "$G/$name.out" "$T/got" | head -n 20 >&2
			bad=$((bad + 1))
		fi
	else
		want=$(awk -v n="$name" '$2 == n {print $1}' "$G/SHA256SUMS")
		[ -n "$want" ] || fail "no golden output for $name (run with MP_GOLDEN_UPDATE=1)"
		got=$(sha256sum < "$T/got" | cut -d' ' -f1)
		if [ "$got" != "$want" ]; then
			echo "golden mismatch: $name: multipolar $args (sha256 $got, want $want; first lines:)" >&2
			head -n 5 "$T/got" >&2
			bad=$((bad + 1))
		fi
	fi
done < "$G/examples.txt"
if [ "$update" = 1 ]; then
	cp "$T/sums" "$G/SHA256SUMS"
	echo "golden outputs rewritten: $n examples in $G"
	exit 0
fi
[ "$n" -ge 30 ] || fail "only $n golden examples"
[ "$bad" -eq 0 ] || fail "$bad of $n examples differ from their golden output"
echo "golden outputs: $n examples identical"
