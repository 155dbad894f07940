# `cmake --install` installs the library, headers, pkg-config file, CLI, man page and the
# documentation, and the installed --help points to the installed documentation; a
# program using the public API builds against the installed copy with pkg-config alone.
source "$MP_SRC/tests/lib.bash"
cmake --install "$MP_BUILD" --prefix "$T/inst" > /dev/null || fail "cmake --install"
for f in bin/multipolar include/multipolar/multipolar.h share/man/man1/multipolar.1 share/multipolar/poles/poles.csv \
	share/multipolar/world/world.csv share/doc/multipolar/cli.md share/doc/multipolar/calibration.md \
	share/doc/multipolar/models.md share/doc/multipolar/README.md; do
	[ -e "$T/inst/$f" ] || fail "not installed: $f"
done
pc=$(find "$T/inst" -name multipolar.pc | head -n 1)
[ -n "$pc" ] || fail "no multipolar.pc"
cat > "$T/use.c" <<'C'
#include <multipolar/multipolar.h>
#include <stdio.h>
int main(void)
{
	double s[] = { 0.5, 0.3, 0.2 };
	printf("%s %.5f\n", mp_version(), mp_con(s, 3));
	return 0;
}
C
export PKG_CONFIG_PATH=$(dirname "$pc")
san=""
"$MP" version --build-options | grep -q sanitize && san="-fsanitize=address,undefined"
cc -std=c17 -Wall -Werror $san "$T/use.c" -o "$T/use" $(pkg-config --cflags --libs multipolar) || fail "build against the installed library"
out=$(LD_LIBRARY_PATH="$T/inst/lib:$(dirname "$(find "$T/inst" -name 'libmultipolar.so' | head -n 1)")" "$T/use")
[ "$out" = "$("$MP" version | cut -d' ' -f2) 0.26458" ] || fail "installed library answered '$out'"
MULTIPOLAR_DATA="$T/inst/share/multipolar" "$T/inst/bin/multipolar" capabilities --world default --top 1 --format csv | grep -q CHN || fail "installed CLI on installed data"
# every --help names documentation that exists, in the installation
for c in $("$T/inst/bin/multipolar" help | awk 'NR > 1 {print $1}'); do
	MULTIPOLAR_DATA="$T/inst/share/multipolar" "$T/inst/bin/multipolar" "$c" --help > "$T/help.txt" || fail "$c --help"
	grep -q "documentation: $T/inst/share/doc/multipolar/\$" "$T/help.txt" || fail "$c --help: $(tail -n 1 "$T/help.txt")"
	for d in $(grep -o "$T/inst/share/doc/multipolar/[A-Za-z_]*\.md" "$T/help.txt"); do
		[ -f "$d" ] || fail "$c --help names $d, which is not installed"
	done
	grep -q "$MP_SRC/docs" "$T/help.txt" && fail "$c --help names the source tree"
done
grep -q "^\.SH EXAMPLES" "$T/inst/share/man/man1/multipolar.1" || fail "installed man page lacks EXAMPLES"
echo "install + pkg-config: ok"
