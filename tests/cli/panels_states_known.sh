# Known answers for the state-year panel (multipolar states, docs/panels.md section 2) on
# the real data, computed independently from the raw files with Python's csv module, every
# state of 1995 and 2010:
#  - milex, milper, irst, pec, tpop, upop, cinc: NMC's own values, exact (-9 is empty);
#  - cowmaj: 1 exactly when a majors2016.csv spell covers the year;
#  - gdp: Maddison gdppc * pop / 1000 (millions of 2011 $), for the states one ISO3 code of
#    the countrycode crosswalk file maps to by its cown column (the crosswalk's special
#    rules for dissolved and divided states are tested in test_crosswalk.c): relative 1e-9;
#  - pwt_rgdpe: PWT 11.0's rgdpe of the same ISO3 code, relative 1e-9;
#  - sipri_milex, sipri_milex_gdp: SIPRI's row of the ccode and year, relative 1e-9;
#  - ideal_point: the UNGA file's idealpointfp of the ccode and year, within 1e-9;
#  - keys: one row per ccode and year, every state of the NMC year present.
set -e
source "$MP_SRC/tests/lib.bash"
F="states2016.csv NMC-60-abridged.csv majors2016.csv mpd2023.csv country_code_crosswalk.csv sipri_milex_1949_2023.csv unga_idealpoints_july2025.csv pwt/pwt110_1950_2016.csv"
need_shared $F
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
for f in $F; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" > /dev/null
"$MP" states --from 1995 --to 2010 --format csv --output "$T/states.csv" --quiet
SHARED="$SHARED" T="$T" "$PY" - <<'PY'
import csv, os
S, T = os.environ["SHARED"], os.environ["T"]
def rows(f):
    with open(os.path.join(S, f), newline="", encoding="utf-8-sig") as h:
        return list(csv.DictReader(h))
def num(x):
    return None if x in ("", "NA", "-9") else float(x)
def close(a, b, rel=1e-9, ab=0.0):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(ab, rel * max(abs(a), abs(b)))
with open(os.path.join(T, "states.csv"), newline="") as h:
    out = list(csv.DictReader(h))
years = (1995, 2010)
got = {(int(r["ccode"]), int(r["year"])): r for r in out if int(r["year"]) in years}
assert len(got) == sum(1 for r in out if int(r["year"]) in years), "duplicate ccode, year"
nmc = {(int(r["ccode"]), int(r["year"])): r for r in rows("NMC-60-abridged.csv") if int(r["year"]) in years}
assert set(nmc) == set(got), (set(nmc) ^ set(got))
bad = []
for k, r in nmc.items():
    for c in ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc"):
        if not close(num(got[k][c]), num(r[c]), 1e-12):
            bad.append((k, c, got[k][c], r[c]))
maj = rows("majors2016.csv")
for (cc, y), r in got.items():
    m = any(int(s["ccode"]) == cc and int(s["styear"]) <= y <= int(s["endyear"]) for s in maj)
    if int(r["cowmaj"]) != int(m):
        bad.append(((cc, y), "cowmaj", r["cowmaj"], m))
# ISO3 -> cown, used only where exactly one ISO3 code maps to the ccode
iso = {}
for r in rows("country_code_crosswalk.csv"):
    if r["iso3c"] and r["cown"]:
        iso.setdefault(int(float(r["cown"])), []).append(r["iso3c"])
one = {cc: v[0] for cc, v in iso.items() if len(v) == 1}
mad = {(r["countrycode"], int(r["year"])): r for r in rows("mpd2023.csv") if int(r["year"]) in years}
pwt = {(r["countrycode"], int(r["year"])): r for r in rows("pwt/pwt110_1950_2016.csv") if int(r["year"]) in years}
ng = npw = 0
for (cc, y), r in got.items():
    i3 = one.get(cc)
    if not i3:
        continue
    m = mad.get((i3, y))
    want = num(m["gdppc"]) * num(m["pop"]) / 1000 if m and num(m["gdppc"]) and num(m["pop"]) else None
    if want is not None or r["gdp"] == "":
        ng += want is not None
        if not close(num(r["gdp"]), want):
            bad.append(((cc, y), "gdp", r["gdp"], want))
    p = pwt.get((i3, y))
    want = num(p["rgdpe"]) if p else None
    if want is not None or r["pwt_rgdpe"] == "":
        npw += want is not None
        if not close(num(r["pwt_rgdpe"]), want):
            bad.append(((cc, y), "pwt_rgdpe", r["pwt_rgdpe"], want))
sip = {(int(r["ccode"]), int(r["year"])): r for r in rows("sipri_milex_1949_2023.csv") if r["ccode"] and int(r["year"]) in years}
for k, r in got.items():
    s = sip.get(k)
    for c, sc in (("sipri_milex", "milex_const2022_usd_m"), ("sipri_milex_gdp", "milex_share_gdp")):
        if not close(num(r[c]), num(s[sc]) if s else None):
            bad.append((k, c, r[c], s[sc] if s else None))
un = {(int(r["ccode"]), int(r["year"])): r for r in rows("unga_idealpoints_july2025.csv") if r["ccode"] and int(r["year"]) in years}
for k, r in got.items():
    u = un.get(k)
    if not close(num(r["ideal_point"]), num(u["idealpointfp"]) if u else None, 0, 1e-9):
        bad.append((k, "ideal_point", r["ideal_point"], u["idealpointfp"] if u else None))
assert not bad, bad[:10]
assert ng > 250 and npw > 250, (ng, npw)
print("states known answers ok:", len(got), "state-years,", ng, "GDP and", npw, "PWT values checked")
PY
echo ok
