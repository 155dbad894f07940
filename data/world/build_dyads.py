#!/usr/bin/env python3
"""Build data/world/dyads.csv and data/world/remainders.csv for the shipped default world.

Python 3 standard library only.  Usage (from the repository root):

    python3 data/world/build_dyads.py [--shared DIR]

dyads.csv: one row per pair of listed states (ccode1 < ccode2) of data/world/world.csv with
anything to say, the latest value each source has (docs/conflict.md, "The default world"):
  conttype  lowest COW direct-contiguity type of the pair at the end of cow_contdir.csv
            (2016; 1 land, 2-5 water up to 12/24/150/400 miles), empty = none
  defense   1 if an ATOP 5.1 defence pact is in force in 2018 (its last year)
  rivalry   1 if a Thompson-Dreyer strategic rivalry is active at the end of the data (2010)
  last_mid  last year of a GML MID of the pair (data end in 2010), empty = none since 1816
remainders.csv: the COW states alive at the end of 2016 that world.csv does not list, with
the remainder row (by their 2023 pole in data/poles/poles.csv) that holds them, so that a
lever naming one of them can say where it is.

Inputs from DIR (default /work/shared/data or $MP_SHARED; read only, never copied):
cow_contdir.csv, atop5.1_dyad_year.csv, td_rivalries.csv, gml_mid_ddydisps.csv,
states2016.csv.
"""
import argparse
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
YEAR = 2023
REMAINDER = {"West": "XWST", "China": "XCHN", "Russia": "XRUS", "India": "XIND",
             "Islamic": "XISL", "Africa": "XAFR", "LatinAmerica": "XLAM", "unassigned": "XUNA"}


def rd(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("MP_SHARED", "/work/shared/data"))
    a = ap.parse_args()
    S = lambda f: os.path.join(a.shared, f)
    world = rd(os.path.join(HERE, "world.csv"))
    listed = {int(r["ccode"]) for r in world if r["ccode"]}
    key = lambda x, y: (min(x, y), max(x, y))
    pairs = {}

    def row(k):
        return pairs.setdefault(k, {"conttype": None, "defense": 0, "rivalry": 0, "last_mid": None})

    for r in rd(S("cow_contdir.csv")):
        c1, c2, t = int(r["ccode1"]), int(r["ccode2"]), int(r["conttype"])
        if c1 in listed and c2 in listed and c1 != c2 and 1 <= t <= 5 and r["enddate"][:4] == "2016":
            p = row(key(c1, c2))
            p["conttype"] = t if p["conttype"] is None else min(p["conttype"], t)
    for r in rd(S("atop5.1_dyad_year.csv")):
        c1, c2 = int(r["ccode1"]), int(r["ccode2"])
        if r["year"] == "2018" and r["atop_defense"] == "1" and c1 in listed and c2 in listed:
            row(key(c1, c2))["defense"] = 1
    for r in rd(S("td_rivalries.csv")):
        c1, c2 = int(r["ccode1"]), int(r["ccode2"])
        if c1 in listed and c2 in listed and (r["endyear"] in ("", "NA") or int(r["endyear"]) >= 2010):
            row(key(c1, c2))["rivalry"] = 1
    for r in rd(S("gml_mid_ddydisps.csv")):
        c1, c2, y = int(r["ccode1"]), int(r["ccode2"]), int(r["year"])
        if c1 in listed and c2 in listed:
            p = row(key(c1, c2))
            p["last_mid"] = y if p["last_mid"] is None else max(p["last_mid"], y)
    with open(os.path.join(HERE, "dyads.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ccode1", "ccode2", "conttype", "defense", "rivalry", "last_mid"])
        for (c1, c2) in sorted(pairs):
            p = pairs[(c1, c2)]
            w.writerow([c1, c2, "" if p["conttype"] is None else p["conttype"], p["defense"], p["rivalry"],
                        "" if p["last_mid"] is None else p["last_mid"]])
    pole = {}
    for r in rd(os.path.join(ROOT, "data/poles/poles.csv")):
        if int(r["from_year"]) <= YEAR <= int(r["to_year"]):
            pole[int(r["ccode"])] = r["pole"]
    rest = [r for r in rd(S("states2016.csv")) if r["endyear"] == "2016" and int(r["ccode"]) not in listed]
    with open(os.path.join(HERE, "remainders.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ccode", "stateabb", "name", "remainder"])
        for r in sorted(rest, key=lambda r: int(r["ccode"])):
            c = int(r["ccode"])
            w.writerow([c, r["stateabb"], r["statenme"], REMAINDER[pole.get(c, "unassigned")]])
    print(f"dyads.csv: {len(pairs)} pairs; remainders.csv: {len(rest)} states")


if __name__ == "__main__":
    main()
