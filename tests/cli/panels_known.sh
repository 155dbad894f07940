# Known answers for the dyad-year panel on the real data (../shared/data), each computed
# independently here from the raw CSV files with Python's csv module (docs/panels.md):
#  - capdist: haversine from cow_capitals.csv (the capital in force in the year), R = 6371.0088
#    km, every dyad of 2000: within 1e-6 km;
#  - conttype: the COW contiguity spell in force (cow_contdir.csv; the closer type when two
#    spells meet in a year), every dyad of 1990 and 2000: exact;
#  - gmlmidonset / gmlmidongoing: any row of the pair-year in gml_mid_ddydisps.csv: exact;
#  - gmlmidspell (peace years): years since the later of 1816 (the data's first year), the
#    pair's joint entry into the state system, and the year after its last onset: exact,
#    every dyad of 2000, and four pairs worked by hand (below and in docs/panels.md);
#  - agree: Voeten's agreement index of USA-CHN 2016 from un_votes.csv: within 1e-12.
set -e
source "$MP_SRC/tests/lib.bash"
F="states2016.csv NMC-60-abridged.csv majors2016.csv cow_capitals.csv cow_contdir.csv gml_mid_ddydisps.csv cow_war_inter.csv td_rivalries.csv"
need_shared $F unvotes/un_votes.csv unvotes/un_roll_calls.csv unvotes/un_roll_call_issues.csv
for f in $F unvotes/un_votes.csv unvotes/un_roll_calls.csv unvotes/un_roll_call_issues.csv; do set -- "$@" "$SHARED/$f"; done
"$MP" import --quiet "$@" > /dev/null
"$MP" dyads --year 1990 --format csv --quiet > "$T/d1990.csv"
"$MP" dyads --year 2000 --format csv --quiet > "$T/d2000.csv"
"$MP" dyad USA CHN --from 2016 --to 2016 --format csv --quiet > "$T/uc.csv"
python3 - "$SHARED" "$T" <<'PY'
import csv, math, sys
shared, T = sys.argv[1], sys.argv[2]
def rows(f): return list(csv.DictReader(open(f, newline="")))
def yr(d): return int(d[:4])
cap = {}
for r in sorted(rows(f"{shared}/cow_capitals.csv"), key=lambda r: r["stdate"]):
    cap.setdefault(int(r["ccode"]), []).append(r)
def capital(c, y):
    best = None
    for r in cap.get(c, []):
        if yr(r["stdate"]) <= y <= yr(r["enddate"]) and r["lat"] != "NA":
            best = (float(r["lat"]), float(r["lng"]))
    return best
def hav(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))
cont = {}
for r in rows(f"{shared}/cow_contdir.csv"):
    cont.setdefault(frozenset((int(r["ccode1"]), int(r["ccode2"]))), []).append(r)
def conttype(a, b, y):
    t = 0
    for r in cont.get(frozenset((a, b)), []):
        if yr(r["stdate"]) <= y <= yr(r["enddate"]):
            k = int(r["conttype"])
            t = k if t == 0 or k < t else t
    return t
mid = {}
for r in rows(f"{shared}/gml_mid_ddydisps.csv"):
    k = (min(int(r["ccode1"]), int(r["ccode2"])), max(int(r["ccode1"]), int(r["ccode2"])), int(r["year"]))
    mid[k] = max(mid.get(k, 0), 2 if r["gmlmidonset"] == "1" else 1)
onsets = {}
for (a, b, y), v in mid.items():
    if v == 2: onsets.setdefault((a, b), []).append(y)
states = {}
for r in rows(f"{shared}/states2016.csv"):
    states.setdefault(int(r["ccode"]), []).append(r)
last_end = max(int(r["endyear"]) for v in states.values() for r in v)
def entry(c, y):
    for r in states.get(c, []):
        if int(r["styear"]) <= y and (int(r["endyear"]) >= y or int(r["endyear"]) == last_end):
            return int(r["styear"])
    return y
def spell(a, b, y):
    since = max(1816, entry(a, y), entry(b, y))
    prev = [o for o in onsets.get((min(a, b), max(a, b)), []) if o < y]
    if prev: since = max(since, max(prev) + 1)
    return y - since
bad = 0
for year in (1990, 2000):
    for r in rows(f"{T}/d{year}.csv"):
        a, b = int(r["ccode1"]), int(r["ccode2"])
        if int(r["conttype"]) != conttype(a, b, year):
            print("conttype", a, b, year, r["conttype"], conttype(a, b, year)); bad += 1
        if year != 2000: continue
        ca, cb = capital(a, year), capital(b, year)
        if ca and cb:
            if abs(float(r["capdist"]) - hav(ca, cb)) > 1e-6: print("capdist", a, b, r["capdist"], hav(ca, cb)); bad += 1
        elif r["capdist"] != "": print("capdist not empty", a, b); bad += 1
        m = mid.get((a, b, year), 0)
        if (int(r["gmlmidonset"]), int(r["gmlmidongoing"])) != (int(m == 2), int(m > 0)):
            print("mid", a, b, r["gmlmidonset"], r["gmlmidongoing"], m); bad += 1
        if int(r["gmlmidspell"]) != spell(a, b, year):
            print("spell", a, b, r["gmlmidspell"], spell(a, b, year)); bad += 1
# the hand-worked cases of docs/panels.md
# USA-CAN: last onset 1997 -> 2000 - 1998 = 2; UKG-FRN: last onset 1940, France back in the
# system in 1944 -> 56; FRN-GMY: Germany back in 1990 -> 10; USA-MEX: last onset 1919 -> 80,
# last war (cowinterspell) 1846 -> 153
hand = {(2, 20): (2, None), (200, 220): (56, None), (220, 255): (10, None), (2, 70): (80, 153)}
d2000 = {(int(r["ccode1"]), int(r["ccode2"])): r for r in rows(f"{T}/d2000.csv")}
for (a, b), (mid_want, war_want) in hand.items():
    got = d2000[(a, b)]
    if int(got["gmlmidspell"]) != mid_want or (war_want is not None and int(got["cowinterspell"]) != war_want):
        print("hand-worked peace years", a, b, got["gmlmidspell"], got["cowinterspell"]); bad += 1
# Voeten agreement, USA-CHN 2016
calls = {r["rcid"] for r in rows(f"{shared}/unvotes/un_roll_calls.csv") if r["date"][:4] == "2016"}
pos = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
v = {"US": {}, "CN": {}}
for r in rows(f"{shared}/unvotes/un_votes.csv"):
    if r["rcid"] in calls and r["country_code"] in v: v[r["country_code"]][r["rcid"]] = pos[r["vote"]]
common = set(v["US"]) & set(v["CN"])
agree = 1 - sum(abs(v["US"][k] - v["CN"][k]) for k in common) / len(common)
got = rows(f"{T}/uc.csv")[0]
if abs(float(got["agree"]) - agree) > 1e-12 or int(got["nvotes"]) != len(common):
    print("agree USA-CHN 2016", got["agree"], got["nvotes"], agree, len(common)); bad += 1
print(f"USA-CHN 2016 agreement {agree:.6f} over {len(common)} roll calls")
sys.exit(1 if bad else 0)
PY
echo ok
