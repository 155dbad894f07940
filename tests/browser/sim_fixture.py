#!/usr/bin/env python3
"""Writes SQL that stores simulation summaries in the layout of docs/sim.md
(sim_summary(run_id, scenario, year, unit, variable, q05, q25, q50, q75, q95, mean)), for
the report tests while no scenario is run in them. The values follow simple closed forms so
the tests can check them by hand:

  scenario baseline (run 2), decoupling (run 3); an older baseline run 1 with q50 = 0.9
  that the report must not show (it shows the newest run of each scenario).
  cinc_share of pole P in year y (t = y - 2017, years 2017..2050):
      West   0.30 - 0.002 t      China 0.25 + 0.002 t (decoupling: + 0.001 t)
      Russia 0.05                India 0.08 + 0.001 t
  cinc_share of state USA 0.14 - 0.001 t, CHN 0.23 + 0.001 t
  quantiles: q05 = q50 - 0.04, q25 = q50 - 0.015, q75 = q50 + 0.015, q95 = q50 + 0.04,
  mean = q50.  Unit "system" (as the simulation stores it): n_eff 4.0 + 0.01 t (decoupling
  4.0 + 0.02 t), bands +-0.2/0.5; con 0.30 - 0.001 t, bands +-0.01/0.03; multipolar (0/1
  per run) with mean 0.6 (baseline) and 0.8 (decoupling), quantiles 0 or 1.
So in 2050 (t = 33): West q50 = 0.234, baseline China 0.316, decoupling China 0.283,
baseline n_eff 4.33 (q05 3.83, q95 4.83).
"""
import sys

def rows():
    out = []
    def add(run, scen, y, unit, var, q50, w1, w2):
        out.append((run, scen, y, unit, var, q50 - w2, q50 - w1, q50, q50 + w1, q50 + w2, q50))
    for y in range(2017, 2051):
        add(1, "baseline", y, "West", "cinc_share", 0.9, 0.015, 0.04)
    for run, scen, china in ((2, "baseline", 0.002), (3, "decoupling", 0.001)):
        for y in range(2017, 2051):
            t = y - 2017
            add(run, scen, y, "West", "cinc_share", 0.30 - 0.002 * t, 0.015, 0.04)
            add(run, scen, y, "China", "cinc_share", 0.25 + china * t, 0.015, 0.04)
            add(run, scen, y, "Russia", "cinc_share", 0.05, 0.015, 0.04)
            add(run, scen, y, "India", "cinc_share", 0.08 + 0.001 * t, 0.015, 0.04)
            add(run, scen, y, "USA", "cinc_share", 0.14 - 0.001 * t, 0.015, 0.04)
            add(run, scen, y, "CHN", "cinc_share", 0.23 + 0.001 * t, 0.015, 0.04)
            add(run, scen, y, "system", "n_eff", 4.0 + (0.01 if run == 2 else 0.02) * t, 0.2, 0.5)
            add(run, scen, y, "system", "con", 0.30 - 0.001 * t, 0.01, 0.03)
            p = 0.6 if run == 2 else 0.8
            out.append((run, scen, y, "system", "multipolar", 0.0, 0.0, 1.0, 1.0, 1.0, p))
    return out

def main():
    w = sys.stdout.write
    w("BEGIN;\nCREATE TABLE IF NOT EXISTS sim_summary(run_id INTEGER, scenario TEXT, year INTEGER, "
      "unit TEXT, variable TEXT, q05 REAL, q25 REAL, q50 REAL, q75 REAL, q95 REAL, mean REAL);\n")
    for r in rows():
        w("INSERT INTO sim_summary VALUES(%d,'%s',%d,'%s','%s',%r,%r,%r,%r,%r,%r);\n" % r)
    w("COMMIT;\n")

main()
