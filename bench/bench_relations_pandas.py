#!/usr/bin/python3
"""The same work as 'multipolar dyads --year Y' (alliance part: ATOP valued portfolios over
all system members; S absolute/weighted/squared, tau-b, kappa for every undirected dyad),
written the way a pandas/numpy user would. Prints seconds for loading and for computing.
Usage: bench_relations_pandas.py DATA_DIR YEAR"""
import sys, time
import numpy as np
import pandas as pd

D, year = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
states = pd.read_csv(f"{D}/states2016.csv")
atop = pd.read_csv(f"{D}/atop5.1_dyad_year.csv")
nmc = pd.read_csv(f"{D}/NMC-60-abridged.csv")
t1 = time.perf_counter()
m = np.array(sorted(set(states[(states.styear <= year) & (states.endyear >= year)].ccode)))
n = len(m)
pos = {c: i for i, c in enumerate(m)}
a = atop[atop.year == year]
tie = np.select([(a.atop_defense > 0) | (a.atop_offense > 0), (a.atop_neutral > 0) | (a.atop_consul > 0), a.atop_nonagg > 0], [3, 2, 1], 0)
A = np.zeros((n, n), dtype=np.int64)
for c1, c2, t in zip(a.ccode1, a.ccode2, tie):
    if c1 in pos and c2 in pos:
        A[pos[c1], pos[c2]] = max(A[pos[c1], pos[c2]], t)
np.fill_diagonal(A, 3)
w = nmc[nmc.year == year].set_index("ccode").cinc.reindex(m).to_numpy()
iu, ju = np.triu_indices(n, 1)
# S variants, vectorised over all dyads
d = np.abs(A[iu] - A[ju]) / 3.0
s_abs = 1 - 2 * d.mean(axis=1)
s_w = 1 - 2 * (d * w).sum(axis=1) / w.sum()
s_sq = 1 - 2 * (d ** 2).mean(axis=1)
# tau-b and kappa from the 4x4 contingency table of each dyad
codes = A[iu] * 4 + A[ju]
taub = np.empty(len(iu)); kap = np.empty(len(iu))
L = np.arange(4)
W = (np.abs(L[:, None] - L[None, :]) / 3.0) ** 2
conc = np.array([[1 if (a2 > a1 and b2 > b1) else 0 for a2 in L for b2 in L] for a1 in L for b1 in L])
disc = np.array([[1 if (a2 > a1 and b2 < b1) else 0 for a2 in L for b2 in L] for a1 in L for b1 in L])
for k in range(len(iu)):
    T = np.bincount(codes[k], minlength=16).astype(float)
    nc = T @ conc @ T; nd = T @ disc @ T
    T2 = T.reshape(4, 4); r = T2.sum(1); c = T2.sum(0)
    n0 = n * (n - 1) / 2; n1 = (r * (r - 1) / 2).sum(); n2 = (c * (c - 1) / 2).sum()
    taub[k] = (nc - nd) / np.sqrt((n0 - n1) * (n0 - n2))
    P = T2 / n
    kap[k] = 1 - (W * P).sum() / (W * np.outer(P.sum(1), P.sum(0))).sum()
t2 = time.perf_counter()
print(f"pandas: {len(iu)} dyads, load {t1 - t0:.3f} s, compute {t2 - t1:.3f} s")
