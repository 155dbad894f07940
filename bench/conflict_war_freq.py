#!/usr/bin/env python3
"""Simulated decade war frequency against history (issue 13's third check; docs/conflict.md,
"Skill"). Reads the forecasts CSV of

    multipolar evaluate --origins 1970:1993:1 --horizons 10 --variables war_freq \
        --runs 100 --forecasts FC.csv

and the COW inter-state war file (Sarkees & Wayman 2010): a state is at war in a year when
it has a row of war_inter that year (cowinterongoing = 1), as in `evaluate`'s truth. For
each origin Y0 and state, the simulated frequency is the model's mean share of the years
Y0+1..Y0+10 at war, the observed one the share of those years with a war row. Prints the
Pearson correlation across origins of the summed frequencies (the system's decade war
level) and across all state-origins pooled. Only origins whose decade the war data cover
(Y0 + 10 <= 2003) count.

Usage: conflict_war_freq.py FC.csv [SHARED_DATA_DIR]
"""
import csv
import math
import os
import sys


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def main():
    fc_path = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else os.environ.get(
        "MULTIPOLAR_SHARED_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    abb = {}
    with open(os.path.join(data, "NMC-60-abridged.csv"), newline="") as f:
        for r in csv.DictReader(f):
            abb[r["stateabb"]] = int(r["ccode"])
    at_war = set()
    last = 0
    with open(os.path.join(data, "cow_war_inter.csv"), newline="") as f:
        for r in csv.DictReader(f):
            y = int(r["year"])
            last = max(last, y)
            if r["cowinterongoing"] == "1":
                at_war.add((int(r["ccode1"]), y))
    sim = {}
    with open(fc_path, newline="") as f:
        for r in csv.DictReader(f):
            if r["variable"] == "war_freq" and r["method"] == "model" and r["stat"] == "mean":
                sim[(int(r["origin"]), r["unit"])] = float(r["value"])
    by_origin = {}
    xs, ys = [], []
    for (y0, unit), p in sim.items():
        if y0 + 10 > last or unit not in abb:
            continue
        c = abb[unit]
        obs = sum((c, y) in at_war for y in range(y0 + 1, y0 + 11)) / 10.0
        xs.append(p)
        ys.append(obs)
        s = by_origin.setdefault(y0, [0.0, 0.0])
        s[0] += p
        s[1] += obs
    origins = sorted(by_origin)
    print("origin  simulated  observed  (summed decade frequency: states at war a year)")
    for y0 in origins:
        print(f"{y0}  {by_origin[y0][0]:9.2f}  {by_origin[y0][1]:8.2f}")
    print(f"correlation across {len(origins)} origins: "
          f"{pearson([by_origin[o][0] for o in origins], [by_origin[o][1] for o in origins]):+.2f}")
    print(f"correlation over {len(xs)} state-origins: {pearson(xs, ys):+.2f}")


if __name__ == "__main__":
    main()
