#!/usr/bin/python3
"""Independent computation of the expected values in tests/cli/relations_known.sh.

Reads the raw CSVs of shared/data with pandas (not the multipolar store) and prints the
values the C implementation must reproduce. Run: python3 relations_expected.py DATA_DIR
"""
import itertools, math, sys
import pandas as pd

D = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
states = pd.read_csv(f"{D}/states2016.csv")
atop = pd.read_csv(f"{D}/atop5.1_dyad_year.csv")
nmc = pd.read_csv(f"{D}/NMC-60-abridged.csv")

def members(year):
    s = states[(states.styear <= year) & (states.endyear >= year)]
    return sorted(set(s.ccode))

def portfolios(year):
    m = members(year)
    a = atop[atop.year == year]
    tie = {}
    for r in a.itertuples():
        t = 3 if (r.atop_defense or r.atop_offense) else 2 if (r.atop_neutral or r.atop_consul) else 1 if r.atop_nonagg else 0
        tie[(r.ccode1, r.ccode2)] = max(tie.get((r.ccode1, r.ccode2), 0), t)
    def row(i):
        return [3 if k == i else tie.get((i, k), 0) for k in m]
    return m, row

def s_measure(x, y, w, delta, sq):
    num = sum(wk * ((abs(a - b) / delta) ** (2 if sq else 1)) for a, b, wk in zip(x, y, w))
    return 1 - 2 * num / sum(w)

def taub(x, y):
    nc = nd = n1 = n2 = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        n1 += dx == 0; n2 += dy == 0
        nc += dx * dy > 0; nd += dx * dy < 0
    n0 = len(x) * (len(x) - 1) / 2
    return (nc - nd) / math.sqrt((n0 - n1) * (n0 - n2))

def kappa(x, y, L=range(4), wexp=2):
    n = len(x)
    o = {(a, b): 0.0 for a in L for b in L}
    for a, b in zip(x, y): o[(a, b)] += 1 / n
    r = {a: sum(o[(a, b)] for b in L) for a in L}
    c = {b: sum(o[(a, b)] for a in L) for b in L}
    w = lambda a, b: (abs(a - b) / 3) ** wexp
    return 1 - sum(w(a, b) * o[(a, b)] for a in L for b in L) / sum(w(a, b) * r[a] * c[b] for a in L for b in L)

for (i, j, year) in [(2, 365, 2000), (365, 710, 2014), (2, 200, 1950)]:
    m, row = portfolios(year)
    x, y = row(i), row(j)
    cinc = nmc[nmc.year == year].set_index("ccode").cinc
    w = [cinc.get(k, float("nan")) for k in m]
    print(f"{i}-{j} {year}: n={len(m)} S_abs={s_measure(x, y, [1]*len(m), 3, False)!r} "
          f"S_w={s_measure(x, y, w, 3, False)!r} S_sq={s_measure(x, y, [1]*len(m), 3, True)!r} "
          f"taub={taub(x, y)!r} kappa={kappa(x, y)!r}")

# China-US CINC ratio while both are COW majors (China from 1950): parity spells and crossings
us = nmc[nmc.ccode == 2].set_index("year").cinc
cn = nmc[nmc.ccode == 710].set_index("year").cinc
yrs = [y for y in range(1950, 2017)]
r = [cn[y] / us[y] for y in yrs]
spells, cur = [], None
for y, v in zip(yrs, r):
    if 0.8 <= v <= 1.2:
        cur = [cur[0] if cur else y, y]
    elif cur:
        spells.append(tuple(cur)); cur = None
if cur: spells.append(tuple(cur))
cross = [y for k, y in enumerate(yrs) if k and (r[k-1] < 1) != (r[k] < 1)]
print("USA-CHN parity spells", spells, "crossings", cross)

# Barbieri and dependence, USA-CHN 2014
tr = pd.read_csv(f"{D}/cow_trade_dyadic_4.0_ndy.csv")
t = tr[(tr.ccode1 == 2) & (tr.ccode2 == 710) & (tr.year == 2014)].iloc[0]
T = t.flow1 + t.flow2
nat = pd.read_csv(f"{D}/National_COW_4.0.csv")
tot = lambda c: float((nat[(nat.ccode == c) & (nat.year == 2014)].imports + nat[(nat.ccode == c) & (nat.year == 2014)].exports).iloc[0])
sa, sb = T / tot(2), T / tot(710)
mad = pd.read_csv(f"{D}/mpd2023.csv")
def gdp(iso):
    r = mad[(mad.countrycode == iso) & (mad.year == 2014)].iloc[0]
    return r["gdppc"] * r["pop"] / 1000  # millions of 2011 int$
print(f"USA-CHN 2014: T={T} barbieri={math.sqrt(sa*sb)*(1-abs(sa-sb))!r} dep_ab={T/gdp('USA')!r} dep_ba={T/gdp('CHN')!r}")
