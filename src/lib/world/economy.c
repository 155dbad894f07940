/*
 * Economy start data of a world (docs/economy.md, "Start data"): each actor's capital-output
 * ratio, investment share and price level, from the store's Penn World Table rows up to the
 * world's year or from the shipped derived file data/world/economy.csv (built by
 * data/world/build_economy.py from PWT 11.0's latest year, 2016).
 */
#include "multipolar/world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/q_calib.h"
#include "multipolar/crosswalk.h"
#include "util/csv.h"

#define SRC "world/economy.c"
#define LOOKBACK 10 /* years: the latest value within them is the start value */

/* The actor a PWT country-year stands for: the state as it existed in the year, by the
 * one crosswalk (docs/crosswalk.md: unified Germany's data serve West Germany, COW 260,
 * in 1955-1990); -1 when the world has none. */
static int world_index(const mp_world *w, const char *iso3, int year)
{
	int cc[2], k = mp_country_state_of_iso3(iso3, year, cc);
	for (int j = 0; j < k; j++) {
		int i = mp_world_find(w, cc[j]);
		if (i >= 0)
			return i;
	}
	return -1;
}

double mp_world_invest_rate(double ky, double ky_next, double scale)
{
	if (!(ky > 0) || !(ky_next > 0) || !(scale > 0))
		return MP_NA;
	return (ky_next - (1.0 - MP_ECON_PIM_DEPRECIATION) * ky) * scale;
}

int mp_world_economy_from_store(mp_ctx *ctx, mp_store *s, mp_world *w)
{
	mp_dataset_info d;
	if (mp_store_dataset_pick(NULL, s, "pwt", NULL, &d) != MP_OK)
		return MP_OK; /* PWT not imported: the fields stay unknown */
	mp_store_calib_rows rows = { 0 }, gdp = { 0 };
	int rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_PWT, w->year - LOOKBACK, w->year, &rows);
	if (rc != MP_OK)
		return rc;
	/* the US's price level by year (the numeraire) */
	double qus[LOOKBACK + 1];
	for (int k = 0; k <= LOOKBACK; k++)
		qus[k] = MP_NA;
	for (size_t k = 0; k < rows.n; k++)
		if (!strcmp(rows.v[k].txt, "USA") && rows.v[k].i[1] >= w->year - LOOKBACK)
			qus[rows.v[k].i[1] - (w->year - LOOKBACK)] = rows.v[k].r[0];
	for (size_t k = 0; k < rows.n; k++) { /* sorted by country, year: later rows win */
		const mp_store_calib_row *r = &rows.v[k];
		int i = world_index(w, r->txt, r->i[1]);
		if (i < 0)
			continue;
		mp_actor *a = &w->actors[i];
		if (r->r[1] > 0)
			a->econ.capital_output = r->r[1];
		double qu = qus[r->i[1] - (w->year - LOOKBACK)];
		if (r->r[0] > 0 && qu > 0)
			a->econ.price_level = r->r[0] / qu;
		/* once per country (its first row): the investment rate of the latest year with
		   next year's capital, at the ratio of current-PPP to constant-price capital-output
		   of the latest year with both (docs/economy.md, "Production") */
		if (k > 0 && !strcmp(rows.v[k - 1].txt, r->txt))
			continue;
		size_t end = k;
		while (end + 1 < rows.n && !strcmp(rows.v[end + 1].txt, r->txt))
			end++;
		double f = MP_NA, sv = MP_NA;
		for (size_t j = k; j <= end; j++) {
			const mp_store_calib_row *q = &rows.v[j];
			if (q->r[1] > 0 && q->r[2] > 0)
				f = q->r[1] / q->r[2];
			double se = mp_world_invest_rate(q->r[2], q->r[3], 1.0);
			if (isfinite(se))
				sv = se;
		}
		double sq = sv * f;
		if (isfinite(sq) && sq > 0 && sq < 1)
			a->econ.invest_share = sq;
	}
	/* GDP at market exchange rates where the world has none: PPP GDP x price level x the
	   US deflator of the year (the US's current-dollar GDP from SIPRI over its PPP GDP). */
	int us = mp_world_find(w, 2);
	if (us >= 0 && w->actors[us].gdp > 0 && mp_store_dataset_pick(NULL, s, "sipri", NULL, &d) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_SIPRI_GDP, w->year, w->year, &gdp)) == MP_OK) {
		double usd = MP_NA;
		for (size_t k = 0; k < gdp.n; k++)
			if (gdp.v[k].i[0] == 2)
				usd = gdp.v[k].r[0];
		double defl = usd > 0 ? usd / w->actors[us].gdp : MP_NA;
		for (size_t i = 0; isfinite(defl) && i < w->n; i++) {
			mp_actor *a = &w->actors[i];
			if (!(a->gdp_mer > 0) && a->gdp > 0 && a->econ.price_level > 0)
				a->gdp_mer = a->gdp * a->econ.price_level * defl;
		}
	}
	rc = MP_OK;
	mp_store__calib_rows_free(&rows);
	mp_store__calib_rows_free(&gdp);
	return rc;
}

int mp_world_economy_from_file(mp_ctx *ctx, const char *path, mp_world *w)
{
	char *shipped = NULL;
	int rc;
	if (!path) {
		if ((rc = mp_data_path(ctx, "world/economy.csv", &shipped)) != MP_OK)
			return rc;
		path = shipped;
	}
	enum { NCOL = 9 };
	static const char *const cols[NCOL] = { "ccode",        "capital_output",  "invest_share",
						"tfp_gap",      "tfp_gap_sd",      "tfp_shock_sd",
						"burden_level", "burden_shock_sd", "personnel_rate" };
	mp_csv csv;
	if ((rc = mp_csv_open(ctx, path, &csv)) != MP_OK) {
		free(shipped);
		return rc;
	}
	if ((rc = mp_csv_next(ctx, &csv)) <= 0) {
		rc = rc == 0 ? mp_error_set(ctx, MP_EINPUT, "%s: empty file", path) : rc;
		goto done;
	}
	for (int f = 0; f < NCOL; f++)
		if ((size_t)f >= csv.nfields || strcasecmp(csv.fields[f], cols[f])) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:1:%d: expected column '%s' (header: ccode,capital_output,"
					  "invest_share,tfp_gap,tfp_gap_sd,tfp_shock_sd,burden_level,burden_shock_sd,"
					  "personnel_rate)",
					  path, f + 1, cols[f]);
			goto done;
		}
	while ((rc = mp_csv_next(ctx, &csv)) == 1) {
		if (csv.nfields != NCOL) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu: expected %d fields, got %zu", path, csv.record_line,
					  NCOL, csv.nfields);
			goto done;
		}
		double v[NCOL];
		for (int f = 0; f < NCOL; f++) {
			char *end;
			v[f] = *csv.fields[f] ? strtod(csv.fields[f], &end) : MP_NA;
			if (*csv.fields[f] && (*end || v[f] != v[f])) {
				rc = mp_error_set(ctx, MP_EINPUT,
						  "%s:%zu:%zu: column '%s': expected a number, got \"%s\"", path,
						  csv.record_line, csv.cols[f], cols[f], csv.fields[f]);
				goto done;
			}
		}
		int i = mp_world_find(w, (int)v[0]);
		if (i < 0)
			continue;
		mp_actor_econ *e = &w->actors[i].econ;
		e->capital_output = v[1];
		e->invest_share = v[2];
		e->tfp_gap = v[3];
		e->tfp_gap_sd = v[4];
		e->tfp_shock_sd = v[5];
		e->burden_level = v[6];
		e->burden_shock_sd = v[7];
		e->personnel_rate = v[8];
	}
	if (rc < 0)
		goto done;
	rc = MP_OK;
	/* the default world's price level: its own MER / PPP ratio relative to the US */
	int us = mp_world_find(w, 2);
	double qus = us >= 0 && w->actors[us].gdp > 0 ? w->actors[us].gdp_mer / w->actors[us].gdp : MP_NA;
	for (size_t i = 0; qus > 0 && i < w->n; i++) {
		mp_actor *a = &w->actors[i];
		if (a->gdp > 0 && a->gdp_mer > 0)
			a->econ.price_level = a->gdp_mer / a->gdp / qus;
	}
done:
	mp_csv_close(&csv);
	free(shipped);
	return rc;
}
