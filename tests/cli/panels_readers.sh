# pandas and R read the panels (states, dyads) and the simulation output with the right
# types and unique keys: what a researcher does first with them. Both readers run here;
# under CI=true a missing one fails the test (python3-pandas and r-base-core are in
# deps/debian-packages.txt).
set -e
source "$MP_SRC/tests/lib.bash"
F="states2016.csv NMC-60-abridged.csv majors2016.csv mpd2023.csv country_code_crosswalk.csv sipri_milex_1949_2023.csv unga_idealpoints_july2025.csv cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv atop5.1_dyad_year.csv"
need_shared $F
# Debian's python3 (with python3-pandas), not another one first on PATH
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
for tool in "$PY" Rscript; do
	if ! command -v "$tool" > /dev/null; then
		[ "${CI:-}" = "true" ] && fail "$tool missing (CI=true: required)"
		echo "SKIP: $tool missing" >&2; exit 77
	fi
done
"$PY" -c 'import pandas' 2> /dev/null || { [ "${CI:-}" = "true" ] && fail "pandas missing"; echo "SKIP: pandas" >&2; exit 77; }
for f in $F; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" > /dev/null
cd "$T"
"$MP" states --from 1990 --to 2016 --format csv --output states.csv --quiet
"$MP" dyads --year 2009 --to 2010 --format csv --output dyads.csv --quiet
"$MP" simulate --runs 3 --seed 1 --until 2026 --no-store --format csv --output sim.csv --quiet
"$PY" - <<'PY'
import pandas as pd
s = pd.read_csv("states.csv")
assert str(s.ccode.dtype) == "int64" and str(s.year.dtype) == "int64", s.dtypes
assert s.stateabb.dtype == object and s.pole.dtype == object
# measures are numbers (whole-numbered components without a missing value read as int64)
for c in ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc", "gdp", "sipri_milex", "ideal_point"):
    assert pd.api.types.is_numeric_dtype(s[c]), (c, s[c].dtype)
assert s.cinc.dtype == "float64" and s.ideal_point.dtype == "float64"
assert str(s.cowmaj.dtype) == "int64"
assert not s.duplicated(["ccode", "year"]).any(), "states: duplicate keys"
assert len(s) > 4500 and s.cinc.notna().all(), len(s)
d = pd.read_csv("dyads.csv")
for c in ("ccode1", "ccode2", "year", "conttype", "cowmaj1", "cowmaj2", "gmlmidonset", "gmlmidspell"):
    assert str(d[c].dtype) == "int64", (c, d[c].dtype)
assert d.stateabb1.dtype == object and d.capdist.dtype == "float64" and d.cinc1.dtype == "float64"
assert not d.duplicated(["ccode1", "ccode2", "year"]).any(), "dyads: duplicate keys"
assert (d.ccode1 < d.ccode2).all()
m = pd.read_csv("sim.csv")
assert str(m.year.dtype) == "int64" and m.q50.dtype == "float64" and m.ccode.dtype == "float64"
assert not m.duplicated(["scenario", "year", "unit", "variable"]).any(), "simulate: duplicate keys"
assert (m[m.unit == "USA"].ccode == 2).all()
print("pandas ok:", len(s), "state-years,", len(d), "dyad-years,", len(m), "simulation rows")
PY
Rscript --vanilla - <<'R'
s <- read.csv("states.csv")
stopifnot(is.integer(s$ccode), is.integer(s$year), is.character(s$stateabb), is.numeric(s$cinc),
          is.numeric(s$milex), is.integer(s$cowmaj), anyDuplicated(s[c("ccode", "year")]) == 0)
d <- read.csv("dyads.csv")
stopifnot(is.integer(d$ccode1), is.integer(d$ccode2), is.integer(d$year), is.integer(d$conttype),
          is.numeric(d$capdist), is.character(d$stateabb2), anyDuplicated(d[c("ccode1", "ccode2", "year")]) == 0)
m <- read.csv("sim.csv")
stopifnot(is.integer(m$year), is.numeric(m$q50), anyDuplicated(m[c("scenario", "year", "unit", "variable")]) == 0,
          all(m$ccode[m$unit == "USA"] == 2))
cat("R ok:", nrow(s), "state-years,", nrow(d), "dyad-years,", nrow(m), "simulation rows\n")
R
echo ok
