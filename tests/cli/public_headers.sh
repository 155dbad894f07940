# Each public header compiles on its own (it includes what it uses), as C99 and as C++,
# with warnings as errors: clients may be C99 programs or C++.
source "$MP_SRC/tests/lib.bash"
CC=${CC:-cc}
CXX=${CXX:-c++}
command -v "$CXX" > /dev/null || fail "a C++ compiler ($CXX) is needed (Debian package g++)"
n=0
for h in "$MP_SRC"/include/multipolar/*.h; do
	name=$(basename "$h")
	printf '#include <multipolar/%s>\n#include <multipolar/%s>\nint main(void) { return 0; }\n' "$name" "$name" > "$T/t.c"
	"$CC" -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only -I "$MP_SRC/include" "$T/t.c" 2> "$T/err" \
		|| { cat "$T/err" >&2; fail "$name does not compile alone as C99"; }
	printf '#include <multipolar/%s>\n#include <multipolar/%s>\nint main() { return 0; }\n' "$name" "$name" > "$T/t.cpp"
	"$CXX" -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I "$MP_SRC/include" "$T/t.cpp" 2> "$T/err" \
		|| { cat "$T/err" >&2; fail "$name does not compile alone as C++"; }
	n=$((n + 1))
done
[ "$n" -ge 15 ] || fail "only $n public headers"
echo "public headers: $n compile alone as C99 and C++"
