#!/usr/bin/env python3
"""Builds data/world/economy.csv: the default world's economy start data (docs/economy.md).

For each state of data/world/world.csv with Penn World Table 11.0 data, the latest year up
to 2016 (the shared copy's last year) of the capital-output ratio cn / cgdpo (both at
current PPPs) and the investment rate that grows capital at current PPPs as PWT's capital
at constant national prices grows (docs/economy.md, "Production"; world.h,
mp_world_invest_rate): (rnna_t+1 - 0.95 rnna_t) / rgdpna_t times the latest year's
(cn / cgdpo) / (rnna / rgdpna), the mean of its last five years (2011-2015), which smooths
the cycle. ISO3 -> COW through the countrycode crosswalk (SOURCES.md). With --db DB, the
state's fitted levels of the newest calibration stored in DB (table calib_unit, written by
`multipolar calibrate --until 2016`) are added: economy.tfp_gap (as the distance to the
steady state in 2016, economy.tfp_gap - fit.tfp_x), economy.tfp_gap_sd,
economy.tfp_shock_sd, military.burden_level, military.shock_sd, military.personnel_rate.
Remainder rows and
states without data are left out: the sim then uses its documented defaults.

Usage: python3 data/world/build_economy.py [--db DB] [SHARED_DATA_DIR]  (default ../shared/data)
stdlib only; reads the shared files, never copies them.
"""
import csv
import os
import sqlite3
import sys

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
db = None
if len(args) >= 2 and args[0] == '--db':
    db = args[1]
    args = args[2:]
shared = args[0] if args else os.path.join(here, '..', '..', '..', 'shared', 'data')
KEYS = ['economy.tfp_gap', 'economy.tfp_gap_sd', 'economy.tfp_shock_sd', 'military.burden_level',
        'military.shock_sd', 'military.personnel_rate']
fitted = {}
if db:
    con = sqlite3.connect(db)
    run, until = con.execute('SELECT id, until FROM calib_run ORDER BY id DESC LIMIT 1').fetchone()
    if until != 2016:
        sys.exit('build_economy.py: the newest calibration in %s is up to %d; expected 2016' % (db, until))
    for c, k, v in con.execute('SELECT ccode, param, estimate FROM calib_unit WHERE run = ?', (run,)):
        fitted.setdefault(c, {})[k] = v

iso2cow = {}
with open(os.path.join(shared, 'country_code_crosswalk.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['iso3c'] and r['cown']:
            iso2cow[r['iso3c']] = int(r['cown'])
iso2cow['SRB'] = 345

series = {}
with open(os.path.join(shared, 'pwt', 'pwt110_1950_2016.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        c = iso2cow.get(r['countrycode'])
        if c is None:
            continue
        try:
            ky = float(r['cn']) / float(r['cgdpo'])
        except (ValueError, ZeroDivisionError):
            ky = None
        try:
            kr = float(r['rnna']) / float(r['rgdpna'])
            rn, ry = float(r['rnna']), float(r['rgdpna'])
        except (ValueError, ZeroDivisionError):
            kr = rn = ry = None
        series.setdefault(c, []).append((int(r['year']), ky, kr, rn, ry))

D = 0.05  # MP_ECON_PIM_DEPRECIATION (world.h), the default of economy.depreciation

wanted = []
with open(os.path.join(here, 'world.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['ccode']:
            wanted.append(int(r['ccode']))

out = os.path.join(here, 'economy.csv')
tmp = out + '.tmp'
with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
    f.write('ccode,capital_output,invest_share,tfp_gap,tfp_gap_sd,tfp_shock_sd,burden_level,burden_shock_sd,personnel_rate\n')
    for c in sorted(wanted):
        rows = sorted(series.get(c, []))
        kys = [ky for (_, ky, _, _, _) in rows if ky and ky > 0]
        both = [ky / kr for (_, ky, kr, _, _) in rows if ky and kr and ky > 0 and kr > 0]
        sis = []
        for a, b in zip(rows, rows[1:]):
            if both and b[0] == a[0] + 1 and a[3] and b[3] and a[4]:
                si = (b[3] - (1 - D) * a[3]) / a[4] * both[-1]
                if 0 < si < 1:
                    sis.append(si)
        fit = fitted.get(c, {})
        if not kys and not sis and not fit:
            continue
        ky = '%.4f' % kys[-1] if kys else ''
        si = '%.4f' % (sum(sis[-5:]) / len(sis[-5:])) if sis else ''
        # the gap as a distance to the steady state in the calibration year (the sim adds it
        # to the start world's own gap: the default world starts in 2023, not 2016)
        if 'economy.tfp_gap' in fit and fit.get('fit.tfp_x') is not None:
            fit['economy.tfp_gap'] -= fit['fit.tfp_x']
        else:
            fit.pop('economy.tfp_gap', None)
        extra = ['%.6g' % fit[k] if k in fit and fit[k] is not None else '' for k in KEYS]
        f.write(','.join(['%d' % c, ky, si] + extra) + '\n')
os.replace(tmp, out)
print('wrote', out)
