# libmultipolar.so exports exactly the public API: every dynamic symbol it defines is
# declared in a header of include/multipolar/ (hidden visibility, MP_EXTERN), none is an
# internal `__` name, and every MP_EXTERN function of the headers is exported.
source "$MP_SRC/tests/lib.bash"
LIB="$MP_BUILD/libmultipolar.so"
[ -e "$LIB" ] || fail "$LIB not built"
command -v nm > /dev/null || fail "nm (binutils) is needed"
# (.gomp_critical_user_* are the locks GCC makes for named OpenMP critical sections: the
# OpenMP ABI needs them global)
nm -D --defined-only "$LIB" | awk '$2 ~ /^[TDRBV]$/ {print $3}' | grep -v '^_' | grep -v '^\.gomp_critical_user_' \
	| sort -u > "$T/exported"
[ -s "$T/exported" ] || fail "no exported symbols"
# names the headers declare (any mp_ identifier of include/multipolar/)
cat "$MP_SRC"/include/multipolar/*.h | grep -o '\bmp_[A-Za-z0-9_]*' | sort -u > "$T/declared"
comm -23 "$T/exported" "$T/declared" > "$T/extra"
if [ -s "$T/extra" ]; then
	cat "$T/extra" >&2
	fail "$(wc -l < "$T/extra") exported symbols are not declared in include/multipolar/"
fi
grep '__' "$T/exported" && fail "internal (__) symbols are exported"
# every function declared with MP_EXTERN is exported
tr '\n' ' ' < <(ls "$MP_SRC"/include/multipolar/*.h | grep -v /export.h | xargs cat) | grep -o 'MP_EXTERN [^;(]*(' | grep -o 'mp_[A-Za-z0-9_]*($' \
	| tr -d '(' | sort -u > "$T/extern"
comm -23 "$T/extern" "$T/exported" > "$T/missing"
if [ -s "$T/missing" ]; then
	cat "$T/missing" >&2
	fail "$(wc -l < "$T/missing") MP_EXTERN functions are not exported (undefined or hidden)"
fi
# and other dynamic symbols (not mp_) are not ours to export
nm -D --defined-only "$LIB" | awk '$2 ~ /^[TDRB]$/ {print $3}' | grep -v '^mp_' | grep -v '^_' \
	| grep -v '^\.gomp_critical_user_' > "$T/other" || true
if [ -s "$T/other" ]; then
	cat "$T/other" >&2
	fail "symbols without the mp_ prefix are exported"
fi
echo "exported symbols: $(wc -l < "$T/exported"), all declared in include/multipolar/"
