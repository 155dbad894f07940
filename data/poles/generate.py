#!/usr/bin/env python3
"""Build data/poles/poles.csv from the readable rule tables in data/poles/rules/.

Python 3 standard library only.  Usage (from the repository root):

    python3 data/poles/generate.py [--states PATH] [--nmc PATH] [--report]

--states  COW State System Membership v2016 (states2016.csv); needed to know
          which years each ccode is a system member.  Default:
          /work/shared/data/states2016.csv or $MP_STATES.
--nmc     COW NMC v6.0 abridged CSV; only used with --report.  Default:
          /work/shared/data/NMC-60-abridged.csv or $MP_NMC.
--report  print pole CINC shares and member counts for 1950, 1990, 2016 for
          both variants (the tables in data/poles/README.md come from this).

Outputs (written next to this script):
    poles.csv            default variant ("regional": African and Latin American
                         OIC members that are not Arab League members go to
                         Africa / LatinAmerica)
    poles_oic_first.csv  variant: every OIC member goes to Islamic (Islamic
                         strictly before Africa and LatinAmerica)

Algorithm: for every ccode and every year it is a COW system member (and, for
states still members at the end of 2016, every year up to 2100), walk the
precedence tiers in order and take the first rule row whose [from_year,
to_year] covers the year; within a tier the first matching row in file order
wins (this only chooses the `rule` label).  Consecutive years with the same
(pole, rule) are merged into one spell.  Years with no match are unassigned
and get no row.  The result is validated (no overlap, known ccodes, valid
pole names) before it is written.
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "rules")
POLES = ["West", "China", "Russia", "India", "Islamic", "Africa", "LatinAmerica"]
OPEN_END = 2100          # open-ended spells run to this year
LAST_COW_YEAR = 2016     # end of states2016.csv
HEADER = ["ccode", "stateabb", "pole", "from_year", "to_year", "rule"]


def read_states(path):
    """ccode -> (stateabb, set of member years)."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = int(r["ccode"])
            y0, y1 = int(r["styear"]), int(r["endyear"])
            if y1 >= LAST_COW_YEAR:
                y1 = OPEN_END
            abb, years = out.setdefault(c, (r["stateabb"], set()))
            years.update(range(y0, y1 + 1))
    return out


def read_rules(name, states):
    rows = []
    with open(os.path.join(RULES, name), newline="", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            c = int(r["ccode"])
            if c not in states:
                sys.exit(f"{name}:{i}: ccode {c} not in states2016")
            if r["stateabb"] != states[c][0]:
                sys.exit(f"{name}:{i}: stateabb {r['stateabb']} != {states[c][0]} for {c}")
            y0 = int(r["from_year"]) if r["from_year"] else 0
            y1 = int(r["to_year"]) if r["to_year"] else OPEN_END
            if y1 < y0:
                sys.exit(f"{name}:{i}: to_year < from_year")
            rows.append((c, y0, y1, r["rule"]))
    return rows


def tiers(states, variant):
    west = read_rules("west.csv", states)
    russia = read_rules("russia.csv", states)
    china = read_rules("china.csv", states)
    india = read_rules("india.csv", states)
    oic = read_rules("oic.csv", states)
    arab = read_rules("arab_league.csv", states)
    africa = read_rules("africa.csv", states)
    latam = read_rules("latin_america.csv", states)
    arab_set = {r[0] for r in arab}
    regional = ({r[0] for r in africa} | {r[0] for r in latam}) - arab_set
    if variant == "regional":
        oic_hi = [r for r in oic if r[0] not in regional]
        oic_lo = [r for r in oic if r[0] in regional]
    elif variant == "oic-first":
        oic_hi, oic_lo = oic, []
    else:
        raise ValueError(variant)
    return [
        ("West", west),
        ("Russia", russia),
        ("China", china),
        ("India", india),
        ("Islamic", oic_hi + arab),
        ("Africa", africa),
        ("LatinAmerica", latam),
        ("Islamic", oic_lo),
    ]


def build(states, variant):
    tl = tiers(states, variant)
    index = []  # per tier: ccode -> rows
    for pole, rows in tl:
        d = defaultdict(list)
        for r in rows:
            d[r[0]].append(r)
        index.append((pole, d))
    spells = []
    for c in sorted(states):
        abb, years = states[c]
        cur = None  # [pole, rule, y0, y1]
        for y in sorted(years):
            hit = None
            for pole, d in index:
                for (_, y0, y1, rule) in d.get(c, ()):
                    if y0 <= y <= y1:
                        hit = (pole, rule)
                        break
                if hit:
                    break
            if cur and hit and (cur[0], cur[1]) == hit and cur[3] == y - 1:
                cur[3] = y
                continue
            if cur:
                spells.append((c, abb, cur[0], cur[2], cur[3], cur[1]))
                cur = None
            if hit:
                cur = [hit[0], hit[1], y, y]
        if cur:
            spells.append((c, abb, cur[0], cur[2], cur[3], cur[1]))
    return spells


def validate(spells, states):
    by = defaultdict(list)
    for s in spells:
        c, abb, pole, y0, y1, rule = s
        assert c in states and states[c][0] == abb, s
        assert pole in POLES, s
        assert y0 <= y1 <= OPEN_END, s
        assert rule and "," not in rule, s
        by[c].append((y0, y1))
    for c, sp in by.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            assert a[1] < b[0], f"overlap for {c}: {a} {b}"


def write(spells, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for s in spells:
            w.writerow(s)


def pole_of(spells, year):
    out = {}
    for c, abb, pole, y0, y1, rule in spells:
        if y0 <= year <= y1:
            out[c] = pole
    return out


def report(variants, nmc_path):
    cinc = defaultdict(dict)
    with open(nmc_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cinc[int(r["year"])][int(r["ccode"])] = float(r["cinc"])
    for name, spells in variants:
        print(f"\nvariant: {name}")
        print("| pole | " + " | ".join(f"{y} CINC | {y} N" for y in (1950, 1990, 2016)) + " |")
        print("| --- |" + " ---: | ---: |" * 3)
        table = {}
        for y in (1950, 1990, 2016):
            po = pole_of(spells, y)
            for c, v in cinc[y].items():
                p = po.get(c, "unassigned")
                t = table.setdefault((p, y), [0.0, 0])
                t[0] += v
                t[1] += 1
        for p in POLES + ["unassigned"]:
            cells = []
            for y in (1950, 1990, 2016):
                v, n = table.get((p, y), [0.0, 0])
                cells.append(f"{v:.4f} | {n}")
            print(f"| {p} | " + " | ".join(cells) + " |")
        cells = []
        for y in (1950, 1990, 2016):
            cells.append(f"{sum(cinc[y].values()):.4f} | {len(cinc[y])}")
        print("| total | " + " | ".join(cells) + " |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--states", default=os.environ.get(
        "MP_STATES", "/work/shared/data/states2016.csv"))
    ap.add_argument("--nmc", default=os.environ.get(
        "MP_NMC", "/work/shared/data/NMC-60-abridged.csv"))
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()
    states = read_states(a.states)
    out = []
    for variant, fname in (("regional", "poles.csv"), ("oic-first", "poles_oic_first.csv")):
        spells = build(states, variant)
        validate(spells, states)
        write(spells, os.path.join(HERE, fname))
        out.append((variant, spells))
        print(f"{fname}: {len(spells)} spells, {len({s[0] for s in spells})} states",
              file=sys.stderr)
    if a.report:
        report(out, a.nmc)


if __name__ == "__main__":
    main()
