#!/bin/bash
# docs/bargaining.md "Settings" lists every setting of the library's table with the bound the
# library enforces (`--show settings`), and --help offers each one: the three stay in step.
. "$(dirname "$0")/../lib.bash"
DOC=${MP_SRC:?}/docs/bargaining.md
awk '/^## Settings/ { f = 1; next } /^## / { f = 0 } f && /^\| `/' "$DOC" > "$T/rows"
[ -s "$T/rows" ] || fail "no settings table in docs/bargaining.md"
printf 'Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.4\nC,2,8,0.2\n' > "$T/in.csv"
"$MP" negotiate --help > "$T/help" || fail "help"
n=0
for model in eu smp; do
	"$MP" negotiate "$T/in.csv" --model $model --sensitivity 2 --show settings --format csv > "$T/set.csv" || fail "settings $model"
	while IFS=, read -r name value allowed; do
		[ "$name" = setting ] && continue
		row=$(grep -F "\`$name\`" "$T/rows" | head -1)
		[ -n "$row" ] || fail "docs/bargaining.md Settings lacks '$name'"
		grep -q -- "--$name " "$T/help" || fail "--help lacks --$name"
		case "$allowed" in
		[0-9]*" to "[0-9]*)
			# whole and decimal numbers: the documented bound is the enforced one
			col=$(printf '%s\n' "$row" | awk -F'|' '{ print $4 }' | sed 's/^ *//')
			case "$col" in
			"$allowed"*) ;;
			*) fail "docs bound of '$name' is '$col', the library enforces '$allowed'" ;;
			esac ;;
		esac
		n=$((n + 1))
	done < "$T/set.csv"
done
[ "$n" -ge 30 ] || fail "only $n settings checked"
echo ok
