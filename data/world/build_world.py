#!/usr/bin/env python3
"""Build data/world/world.csv (the shipped default world, year 2023).

Python 3 standard library only.  Usage (from the repository root):

    python3 data/world/build_world.py [--shared DIR] [--report]

Inputs
  * the transcribed 2023 figures in TABLE below (sources and quality grades:
    data/world/SOURCES.md);
  * data/poles/poles.csv (pole of each state in 2023);
  * from DIR (default /work/shared/data or $MP_SHARED; read only, never copied):
    NMC-60-abridged.csv (2016 values of unlisted states and COW-definition
    urban population), unga_idealpoints_july2025.csv (idealpointfp 2023),
    cow_capitals.csv (capital coordinates), mpd2023.csv and
    country_code_crosswalk.csv (2016 GDP weights for remainder rows).

--report prints the sanity tables used in data/world/README.md.
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
YEAR = 2023
EJ_TO_KTCE = 1e18 / 29.3076e9 / 1e3   # 1 EJ = 34,120.8 thousand tce (1 tce = 29.3076 GJ)

# Transcribed 2023 values.  Units here are the units of the source tables:
# gdp_ppp: billions of current international $ (IMF WEO Oct 2024)
# gdp_mer: billions of current US$ (IMF WEO Oct 2024)
# tpop:    thousands (UN WPP 2024, 1 July 2023)
# milex:   millions of current US$ (SIPRI 2024 release); '' = no SIPRI figure
# milper:  thousands of active personnel (IISS Military Balance 2024)
# steel:   million tonnes of crude steel (worldsteel, World Steel in Figures 2024)
# energy:  exajoules of primary energy (Energy Institute Statistical Review 2024)
# Quality grades per cell are listed in SOURCES.md.
TABLE = """\
abb,gdp_ppp,gdp_mer,tpop,milex,milper,steel,energy
CHN,34660,17795,1422585,296439,2035,1019.1,170.7
USA,27721,27721,343477,916015,1328,81.4,94.3
IND,14594,3568,1438070,83575,1475,140.8,39.0
JPN,6570,4213,124370,50161,247,87.0,17.4
RUS,6450,2021,145440,109454,1100,76.0,31.3
GMY,5690,4526,84548,66830,181,35.4,11.5
INS,4390,1371,281190,8860,404,16.8,10.0
BRA,4270,2174,211140,22881,367,32.0,13.2
FRN,3990,3052,66440,61301,203,10.0,8.6
UKG,3870,3340,68680,74943,144,5.6,6.8
TUR,3440,1108,87270,15827,355,33.7,6.6
ITA,3250,2255,59500,35531,161,21.1,5.8
MEX,3190,1789,129740,11844,216,16.4,8.4
ROK,2940,1713,51750,47925,500,66.7,12.6
SPN,2410,1581,47910,23707,122,11.4,5.2
CAN,2400,2142,39300,27202,63,12.2,14.2
SAU,2300,1068,33260,75813,257,10.0,11.6
EGY,1930,396,114540,4000,439,10.4,4.0
AUL,1790,1728,26450,32340,58,5.5,6.0
TAW,1790,756,23320,16559,169,19.1,4.4
POL,1770,811,38760,31631,164,6.4,4.2
IRN,1740,404,90610,10300,610,30.7,12.6
THI,1640,515,71700,5800,361,4.3,5.0
BNG,1530,437,171470,4400,163,6.0,1.9
PAK,1510,338,247500,8500,654,5.0,3.5
DRV,1450,430,100350,7600,450,19.2,4.2
NIG,1390,363,227880,3200,143,2.0,1.0
ARG,1330,641,45540,2600,72,5.1,3.6
NTH,1300,1118,18090,16633,34,6.0,3.3
PHI,1290,437,114890,4300,146,1.4,2.1
MAL,1270,400,35130,4000,113,10.0,4.2
COL,1010,364,52320,10600,293,1.2,1.9
SAF,990,381,63210,2900,74,4.9,5.0
UAE,870,514,10640,20000,63,3.0,4.9
SWZ,830,885,8850,6000,20,1.1,1.0
ROM,800,351,19120,8500,71,2.6,1.3
BEL,760,632,11820,7900,23,6.9,2.3
SIN,760,501,5790,13000,51,0.5,3.6
ALG,740,247,46160,18264,139,4.2,2.8
SWD,720,584,10550,8700,15,4.4,2.2
KZK,690,262,20330,1800,39,4.1,3.0
IRE,680,551,5200,1300,8,0.0,0.65
AUS,620,516,9130,4500,23,7.4,1.3
CHL,610,335,19660,5900,69,1.1,1.7
IRQ,600,251,45070,7000,193,1.2,2.4
UKR,560,179,37730,64753,800,6.2,2.7
PER,560,268,34350,2900,81,1.3,1.2
CZR,560,343,10810,5100,28,3.5,1.6
NOR,560,485,5520,8740,25,0.6,1.8
ISR,540,513,9260,27500,170,0.3,1.2
POR,480,288,10430,4500,27,2.0,0.9
DEN,470,404,5950,8100,15,0.0,0.7
HUN,440,212,9690,4600,32,0.9,0.9
GRC,420,243,10240,8000,132,1.4,0.95
ETH,420,160,128690,1000,503,0.0,0.3
UZB,400,101,35650,1500,48,1.3,2.1
MOR,400,144,37710,5200,196,0.6,0.9
QAT,360,213,2980,10000,17,0.8,1.9
FIN,350,300,5580,7300,24,3.5,1.1
KEN,340,108,55340,1200,24,0.05,0.3
"""

# World totals 2023 used to size the remainder rows (same sources).
WORLD = {
    "gdp_ppp": 185000,     # bn int$, IMF WEO Oct 2024 (approx.)
    "gdp_mer": 105400,     # bn US$, IMF WEO Oct 2024 (approx.)
    "tpop": 8091735,       # thousands, UN WPP 2024
    "milex": 2443000,      # m US$, SIPRI 2024 release
    "steel": 1892.0,       # Mt, World Steel in Figures 2024
    "energy": 620.0,       # EJ, EI Statistical Review 2024
}
# 2016 -> 2023 growth of world totals (for milper, which has no world total,
# and for upop): active forces ~flat; population growth applied to upop.
MILPER_GROWTH = 1.0
# Prior 2016->2023 population growth of the unlisted members by pole (rough UN
# WPP 2024 regional growth); the remainder rows are then rescaled together so
# that the file's population total equals the WPP 2024 world total.
POP_PRIOR = {"Africa": 1.19, "Islamic": 1.15, "LatinAmerica": 1.06, "West": 1.02,
             "Russia": 1.08, "China": 1.03, "India": 1.06, "unassigned": 1.04}

POLE_CODE = {"West": ("XWST", "Rest of West"), "China": ("XCHN", "Rest of China pole"),
             "Russia": ("XRUS", "Rest of Russia pole"), "India": ("XIND", "Rest of India pole"),
             "Islamic": ("XISL", "Rest of Islamic pole"), "Africa": ("XAFR", "Rest of Africa"),
             "LatinAmerica": ("XLAM", "Rest of Latin America"),
             "unassigned": ("XUNA", "Rest of world (unassigned)")}
POLE_ORDER = list(POLE_CODE)
HEADER = ["ccode", "stateabb", "name", "pole", "year", "gdp_ppp", "gdp_mer", "tpop", "upop",
          "milex", "milper", "irst", "pec", "ideal_point", "lat", "lng"]
COMPONENTS = ["milex", "milper", "irst", "pec", "tpop", "upop"]


def rd(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fmt(v, nd=0):
    if v is None:
        return ""
    if nd == 0:
        return str(int(round(v)))
    return f"{v:.{nd}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("MP_SHARED", "/work/shared/data"))
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()
    S = lambda f: os.path.join(a.shared, f)

    names, abb2c = {}, {}
    for r in rd(S("states2016.csv")):
        names[int(r["ccode"])] = r["statenme"]
        abb2c[r["stateabb"]] = int(r["ccode"])
    pole = {}
    for r in rd(os.path.join(ROOT, "data/poles/poles.csv")):
        if int(r["from_year"]) <= YEAR <= int(r["to_year"]):
            pole[int(r["ccode"])] = r["pole"]
    nmc = {}
    for r in rd(S("NMC-60-abridged.csv")):
        if r["year"] == "2016":
            nmc[int(r["ccode"])] = {k: (float(r[k]) if float(r[k]) >= 0 else None)
                                    for k in COMPONENTS}
    ideal = {int(r["ccode"]): float(r["idealpointfp"])
             for r in rd(S("unga_idealpoints_july2025.csv"))
             if r["year"] == str(YEAR) and r["idealpointfp"] not in ("", "NA")}
    cap = {}
    for r in rd(S("cow_capitals.csv")):
        if r["stdate"][:4] <= str(YEAR) <= r["enddate"][:4]:
            cap[int(r["ccode"])] = (float(r["lat"]), float(r["lng"]))
    iso2cow = {r["iso3c"]: int(r["cown"]) for r in rd(S("country_code_crosswalk.csv"))
               if r["cown"] not in ("", "NA")}
    iso2cow["TWN"] = 713
    gdp16 = {}
    for r in rd(S("mpd2023.csv")):
        if r["year"] == "2016" and r["gdppc"] and r["pop"] and r["countrycode"] in iso2cow:
            gdp16[iso2cow[r["countrycode"]]] = float(r["gdppc"]) * float(r["pop"])

    rows = []
    listed = set()
    for r in csv.DictReader(TABLE.splitlines()):
        c = abb2c[r["abb"]]
        listed.add(c)
        tpop = float(r["tpop"])
        n16 = nmc[c]
        upop = n16["upop"] * tpop / n16["tpop"]      # COW definition, scaled by population
        rows.append({
            "ccode": c, "stateabb": r["abb"], "name": names[c],
            "pole": pole.get(c, "unassigned"), "year": YEAR,
            "gdp_ppp": float(r["gdp_ppp"]) * 1000, "gdp_mer": float(r["gdp_mer"]) * 1000,
            "tpop": tpop, "upop": upop,
            "milex": float(r["milex"]) * 1000 if r["milex"] else None,
            "milper": float(r["milper"]),
            "irst": float(r["steel"]) * 1000,
            "pec": float(r["energy"]) * EJ_TO_KTCE,
            "ideal_point": ideal.get(c), "lat": cap.get(c, (None, None))[0],
            "lng": cap.get(c, (None, None))[1]})

    # Remainder rows: unlisted states existing in 2023 (COW members at end of 2016),
    # grouped by 2023 pole.  Weights: 2016 NMC values (and Maddison 2016 GDP);
    # scaled so that listed + remainder = the 2023 world total where one is known.
    alive = {int(r["ccode"]) for r in rd(S("states2016.csv")) if r["endyear"] == "2016"}
    rest = [c for c in alive if c not in listed]
    w = defaultdict(lambda: defaultdict(float))
    for c in rest:
        p = pole.get(c, "unassigned")
        for k in ("milex", "milper", "irst", "pec", "tpop", "upop"):
            v = nmc.get(c, {}).get(k)
            if v is not None:
                w[p][k] += v * (POP_PRIOR[p] if k in ("tpop", "upop") else 1.0)
                w[p]["has_" + k] = 1
        w[p]["gdp"] += gdp16.get(c, 0.0)
        w[p]["n"] += 1
    def listed_sum(k):
        return sum(r[k] for r in rows if r[k] is not None)
    target = {
        "gdp_ppp": WORLD["gdp_ppp"] * 1000 - listed_sum("gdp_ppp"),
        "gdp_mer": WORLD["gdp_mer"] * 1000 - listed_sum("gdp_mer"),
        "tpop": WORLD["tpop"] - listed_sum("tpop"),
        "milex": WORLD["milex"] * 1000 - listed_sum("milex"),
        "irst": WORLD["steel"] * 1000 - listed_sum("irst"),
        "pec": WORLD["energy"] * EJ_TO_KTCE - listed_sum("pec"),
    }
    wkey = {"gdp_ppp": "gdp", "gdp_mer": "gdp", "tpop": "tpop", "milex": "milex",
            "irst": "irst", "pec": "pec"}
    scale = {}
    for k, t in target.items():
        tot = sum(w[p][wkey[k]] for p in w)
        scale[k] = t / tot
        if t <= 0:
            sys.exit(f"remainder for {k} is not positive: {t}")
    for p in POLE_ORDER:
        if p not in w:
            continue
        code, nm = POLE_CODE[p]
        tpop = w[p]["tpop"] * scale["tpop"]
        upop = w[p]["upop"] * scale["tpop"]
        rows.append({
            "ccode": None, "stateabb": code, "name": nm, "pole": p, "year": YEAR,
            "gdp_ppp": w[p]["gdp"] * scale["gdp_ppp"],
            "gdp_mer": w[p]["gdp"] * scale["gdp_mer"],
            "tpop": tpop, "upop": upop,
            "milex": w[p]["milex"] * scale["milex"] if w[p]["has_milex"] else None,
            "milper": w[p]["milper"] * MILPER_GROWTH if w[p]["has_milper"] else None,
            "irst": w[p]["irst"] * scale["irst"] if w[p]["has_irst"] else None,
            "pec": w[p]["pec"] * scale["pec"] if w[p]["has_pec"] else None,
            "ideal_point": None, "lat": None, "lng": None, "_n": int(w[p]["n"])})

    with open(os.path.join(HERE, "world.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(HEADER)
        for r in rows:
            wr.writerow([
                "" if r["ccode"] is None else r["ccode"], r["stateabb"], r["name"], r["pole"],
                r["year"], fmt(r["gdp_ppp"]), fmt(r["gdp_mer"]), fmt(r["tpop"]),
                fmt(r["upop"]), fmt(r["milex"]), fmt(r["milper"]), fmt(r["irst"]),
                fmt(r["pec"]),
                "" if r["ideal_point"] is None else f"{r['ideal_point']:.4f}",
                "" if r["lat"] is None else f"{r['lat']:.4f}",
                "" if r["lng"] is None else f"{r['lng']:.4f}"])
    print(f"world.csv: {len(rows)} rows", file=sys.stderr)
    print("remainder scale factors (2023 residual / 2016 weights): "
          + ", ".join(f"{k}={v:.3f}" for k, v in scale.items()), file=sys.stderr)
    if a.report:
        report(os.path.join(HERE, "world.csv"), {p: int(w[p]["n"]) for p in w})


def report(path, nrest):
    rows = rd(path)
    tot = {k: sum(float(r[k]) for r in rows if r[k]) for k in COMPONENTS}
    for r in rows:
        sh = [float(r[k]) / tot[k] for k in COMPONENTS if r[k]]
        r["_cinc"] = sum(sh) / len(sh)
    print("\nTop 10 by CINC (2023, this file)")
    print("| rank | state | pole | CINC |")
    print("| ---: | --- | --- | ---: |")
    st = sorted((r for r in rows if r["ccode"]), key=lambda r: -r["_cinc"])
    for i, r in enumerate(st[:10], 1):
        print(f"| {i} | {r['stateabb']} | {r['pole']} | {r['_cinc']:.4f} |")
    print("\nPole shares (listed members + remainder row)")
    print("| pole | CINC | listed | remainder states | GDP PPP share | GDP MER share |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    g1 = sum(float(r["gdp_ppp"]) for r in rows)
    g2 = sum(float(r["gdp_mer"]) for r in rows)
    for p in POLE_ORDER:
        rr = [r for r in rows if r["pole"] == p]
        print(f"| {p} | {sum(r['_cinc'] for r in rr):.4f} | {sum(1 for r in rr if r['ccode'])} "
              f"| {nrest.get(p, 0)} | {sum(float(r['gdp_ppp']) for r in rr)/g1:.4f} "
              f"| {sum(float(r['gdp_mer']) for r in rr)/g2:.4f} |")
    print(f"\ncolumn totals: " + ", ".join(f"{k}={v:,.0f}" for k, v in tot.items()))


if __name__ == "__main__":
    main()
