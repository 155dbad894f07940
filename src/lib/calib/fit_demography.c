/* The demography calibration on the store (docs/demography.md, "Calibration"): panels of
 * total fertility, life expectancy and net migration rates of the COW states of `until`
 * from UN WPP estimates up to `until` (WPP 2024's annual series when imported, in
 * five-year means ending at `until`; else WPP 2017's periods ending by then), the
 * estimators of fit_demography_models.c, and the urban share's logistic on NMC. Historical
 * COW states are the population-weighted means of their WPP locations (world/ages.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calib_internal.h"
#include "store/q_demog.h"
#include "world/ages_internal.h"

#define SRC "fit_demography.c"
#define FIRST 1950
#define MAXMEM 16

static int add_row(mp_ctx *ctx, mp_calib_result *r, const char *key, int ccode, double est, double se, size_t n,
		   const char *stat_name, double stat, const char *method)
{
	return mp_calib__add(ctx, r, ccode, key, est, se, n, stat_name, stat, method);
}

/* One location's values by year (annual 1950..until), NaN where missing. */
typedef struct series {
	int code;
	double *v; /* until - FIRST + 1 */
} series;

static int cmp_series(const void *a, const void *b)
{
	const series *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

typedef struct table {
	series *s;
	size_t n;
	int ny;
} table;

static void table_free(table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->s[i].v);
	free(t->s);
	memset(t, 0, sizeof *t);
}

static const series *table_find(const table *t, int code)
{
	series key = { code, NULL };
	return t->n ? bsearch(&key, t->s, t->n, sizeof *t->s, cmp_series) : NULL;
}

/* Rows of a query into annual series: a five-year period's value is its every year's
 * (WPP 2017), an annual one its own year. `scale` multiplies the values. */
static int load_table(mp_ctx *ctx, mp_store *s, const mp_wpp_query *q, int until, double scale, table *t)
{
	memset(t, 0, sizeof *t);
	t->ny = until - FIRST + 1;
	mp_wpp_rows rows;
	int rc = mp_store__wpp_fetch(ctx, s, q, &rows);
	if (rc != MP_OK)
		return rc;
	size_t cap = 0;
	for (size_t i = 0; i < rows.n && rc == MP_OK; i++) {
		const mp_wpp_row *w = &rows.v[i];
		if (w->age >= 0)
			continue;
		if (!t->n || t->s[t->n - 1].code != w->code) {
			if (t->n == cap) {
				cap = cap ? 2 * cap : 256;
				series *ns = realloc(t->s, cap * sizeof *ns);
				if (!ns) {
					rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
					break;
				}
				t->s = ns;
			}
			series *z = &t->s[t->n];
			z->code = w->code;
			if (!(z->v = malloc((size_t)t->ny * sizeof *z->v))) {
				rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
				break;
			}
			for (int k = 0; k < t->ny; k++)
				z->v[k] = NAN;
			t->n++;
		}
		series *z = &t->s[t->n - 1];
		int y0 = w->year, y1 = w->span >= 2 ? w->year + w->span - 1 : w->year;
		for (int y = y0; y <= y1; y++)
			if (y >= FIRST && y <= until)
				z->v[y - FIRST] = scale * w->value;
	}
	mp_store__wpp_rows_free(&rows);
	if (rc != MP_OK)
		table_free(t);
	return rc;
}

/* The newest revision of a family that has the indicator (2024's annual, else 2017). */
static int load_best(mp_ctx *ctx, mp_store *s, const char *family, const char *ind, const char *sex, int until,
		     double scale, table *t, const char **rev)
{
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = family;
	q.indicator = ind;
	q.sex = sex;
	q.variant = "estimate";
	q.until = until;
	q.from = FIRST;
	*rev = mp_store__wpp_has(s, family, "2024") ? "2024" : "2017";
	q.version = *rev;
	return load_table(ctx, s, &q, until, scale, t);
}

/* The panel of the units: five-year means ending at `until` (step 5) or yearly values
 * (step 1), members weighted by w. */
static int build_panel(mp_ctx *ctx, const table *t, const int *cc, size_t nu, const int (*mem)[MAXMEM], const int *nmem,
		       const table *wpop, int until, int step, mp_demog_panel *P)
{
	memset(P, 0, sizeof *P);
	int ny = until - FIRST + 1;
	P->nunits = nu;
	P->step = step;
	P->nt = step == 5 ? ny / 5 : ny;
	P->first = until - step * (P->nt - 1);
	P->ccode = malloc((nu ? nu : 1) * sizeof *P->ccode);
	P->v = malloc((nu * (size_t)P->nt + 1) * sizeof *P->v);
	if (!P->ccode || !P->v) {
		mp_demog_panel_free(P);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (size_t u = 0; u < nu; u++) {
		P->ccode[u] = cc[u];
		for (int k = 0; k < P->nt; k++) {
			int end = P->first + step * k, start = end - step + 1;
			double sw = 0, sv = 0;
			for (int m = 0; m < nmem[u]; m++) {
				const series *z = table_find(t, mem[u][m]);
				const series *pw = table_find(wpop, mem[u][m]);
				if (!z)
					continue;
				double w = pw && isfinite(pw->v[until - FIRST]) ? pw->v[until - FIRST] : 1;
				double s = 0;
				int c = 0;
				for (int y = start; y <= end; y++)
					if (y >= FIRST && isfinite(z->v[y - FIRST]))
						s += z->v[y - FIRST], c++;
				if (c == end - start + 1) {
					sv += w * s / c;
					sw += w;
				}
			}
			P->v[u * (size_t)P->nt + (size_t)k] = sw > 0 ? sv / sw : NAN;
		}
	}
	return MP_OK;
}

/* The urban share's logistic, u(t+5)/u(t) growth on u (NMC 1950..until, both present). */
static int fit_urban(mp_ctx *ctx, mp_store *s, int until, mp_calib_result *r)
{
	mp_nmc_pop *v = NULL;
	size_t n = 0;
	int rc = mp_store__nmc_pop(ctx, s, FIRST, until, &v, &n);
	if (rc != MP_OK)
		return rc;
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	size_t m = 0;
	for (size_t i = 0; i + 5 < n; i++) {
		const mp_nmc_pop *a = &v[i], *b = &v[i + 5];
		if (b->ccode != a->ccode || b->year != a->year + 5 || a->year % 5)
			continue;
		double ua = a->upop / a->tpop, ub = b->upop / b->tpop;
		if (!(ua > 0.01) || !(ub > 0.01) || ua >= 1 || ub >= 1)
			continue;
		double g = pow(ub / ua, 0.2) - 1;
		sx += ua, sy += g, sxx += ua * ua, sxy += ua * g, m++;
	}
	free(v);
	double d = m * sxx - sx * sx;
	if (m < 30 || d <= 0)
		return MP_OK;
	double b = (m * sxy - sx * sy) / d, a = (sy - b * sx) / m;
	if (!(a > 0) || !(b < 0))
		return MP_OK; /* no saturation in the data: keep the documented defaults */
	char meth[192];
	snprintf(meth, sizeof meth,
		 "OLS of yearly growth of COW upop/tpop over 5 years on the share, NMC %d-%d: "
		 "g = k (1 - u/u_max) (UN WUP 2018 logistic)",
		 FIRST, until);
	rc = add_row(ctx, r, "demography.urban_speed", 0, a, MP_NA, m, "", MP_NA, meth);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.urban_max", 0, -a / b, MP_NA, m, "", MP_NA, meth);
	return rc;
}

/* The inputs of the demographic fits: the units (NMC states of the last NMC year <= until,
 * each the WPP locations it stands for) and the WPP tables they are built from. */
typedef struct demog_in {
	int until;
	size_t nu;
	int *cc, (*mem)[MAXMEM], *nmem;
	double *usize; /* nu: NMC tpop (thousands), for the migration sd by size */
	table tfr, ef, em, mig, wpop, cbr, cdr;
	const char *rev_t, *rev_e, *rev_m;
	int nmc_resid; /* cbr and cdr loaded: migration errors from NMC's residual growth */
} demog_in;

static void demog_in_free(demog_in *d)
{
	table *ts[] = { &d->tfr, &d->ef, &d->em, &d->mig, &d->wpop, &d->cbr, &d->cdr };
	for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++)
		table_free(ts[k]);
	free(d->cc);
	free(d->usize);
	free(d->mem);
	free(d->nmem);
}

/* The units: NMC states of the last NMC year <= until with WPP locations. */
static int load_units(mp_ctx *ctx, mp_store *s, const mp_world_xwalk *x, demog_in *d)
{
	mp_nmc_pop *nmc = NULL;
	size_t nn = 0;
	int rc = mp_store__nmc_pop(ctx, s, d->until - 10, d->until, &nmc, &nn);
	if (rc != MP_OK)
		return rc;
	int ylast = 0;
	for (size_t i = 0; i < nn; i++)
		ylast = nmc[i].year > ylast ? nmc[i].year : ylast;
	d->cc = malloc((nn + 1) * sizeof *d->cc);
	d->usize = malloc((nn + 1) * sizeof *d->usize);
	d->mem = malloc((nn + 1) * sizeof *d->mem);
	d->nmem = malloc((nn + 1) * sizeof *d->nmem);
	if (!d->cc || !d->mem || !d->nmem || !d->usize) {
		free(nmc);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (size_t i = 0; i < nn; i++)
		if (nmc[i].year == ylast) {
			int k = mp_world__members(x, nmc[i].ccode, d->until, d->mem[d->nu], MAXMEM);
			if (k > 0) {
				d->cc[d->nu] = nmc[i].ccode;
				d->usize[d->nu] = nmc[i].tpop;
				d->nmem[d->nu++] = k;
			}
		}
	free(nmc);
	return MP_OK;
}

/* TFR, e0 and migration rates: WPP 2024's crude net migration rate (per 1,000), else
 * 2017's period migrants (made rates in load_weights); crude birth and death rates when
 * WPP 2024 has them. */
static int load_rates(mp_ctx *ctx, mp_store *s, demog_in *d)
{
	const int until = d->until;
	int rc;
	if ((rc = load_best(ctx, s, "wpp_tfr", "tfr", "F", until, 1, &d->tfr, &d->rev_t)) != MP_OK ||
	    (rc = load_best(ctx, s, "wpp_e0", "e0", "F", until, 1, &d->ef, &d->rev_e)) != MP_OK ||
	    (rc = load_best(ctx, s, "wpp_e0", "e0", "M", until, 1, &d->em, &d->rev_e)) != MP_OK)
		return rc;
	if (!mp_store__wpp_has(s, "wpp_vital", "2024")) {
		rc = load_best(ctx, s, "wpp_mig", "mig", "B", until, 0.2, &d->mig, &d->rev_m);
		d->rev_m = "2017 period migrants / 5 / population";
		return rc;
	}
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = "wpp_vital";
	q.version = "2024";
	q.variant = "estimate";
	q.from = FIRST;
	q.until = until;
	q.indicator = "cnmr";
	d->rev_m = "2024 cnmr";
	if ((rc = load_table(ctx, s, &q, until, 0.001, &d->mig)) != MP_OK)
		return rc;
	/* The migration rates the simulation's net migrants follow are fitted on what NMC's
	   population growth has beyond WPP's natural increase: r(t) = ln(tpop(t)/tpop(t-1))
	   - (cbr(t) - cdr(t))/1000, NMC to `until` (the variable the evaluation scores), so
	   their levels and spread include the revisions, border changes and crises in NMC's
	   series; WPP's own migration rates where NMC or the rates are missing. */
	q.indicator = "cbr";
	if ((rc = load_table(ctx, s, &q, until, 0.001, &d->cbr)) != MP_OK)
		return rc;
	q.indicator = "cdr";
	if ((rc = load_table(ctx, s, &q, until, 0.001, &d->cdr)) != MP_OK)
		return rc;
	d->nmc_resid = 1;
	return MP_OK;
}

/* The members' weights: WPP 2017 population at the last five-year point <= until; WPP
 * 2017's migrants become rates over it. */
static int load_weights(mp_ctx *ctx, mp_store *s, demog_in *d)
{
	const int until = d->until;
	table *wp = &d->wpop;
	int rc = MP_OK;
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = "wpp_pop";
	q.version = "2017";
	q.variant = "estimate";
	int P = until / 5 * 5 > 2015 ? 2015 : until / 5 * 5;
	q.from = P < FIRST ? FIRST : P;
	q.until = q.from;
	mp_wpp_rows rows;
	if ((rc = mp_store__wpp_fetch(ctx, s, &q, &rows)) != MP_OK)
		return rc;
	wp->ny = until - FIRST + 1;
	/* sum the ages of each code into a one-year "series" at until */
	size_t cap = 0;
	for (size_t i = 0; i < rows.n && rc == MP_OK; i++) {
		if (!wp->n || wp->s[wp->n - 1].code != rows.v[i].code) {
			if (wp->n == cap) {
				cap = cap ? 2 * cap : 256;
				series *ns = realloc(wp->s, cap * sizeof *ns);
				if (!ns) {
					rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
					break;
				}
				wp->s = ns;
			}
			wp->s[wp->n].code = rows.v[i].code;
			if (!(wp->s[wp->n].v = calloc((size_t)wp->ny, sizeof(double)))) {
				rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
				break;
			}
			wp->n++;
		}
		wp->s[wp->n - 1].v[until - FIRST] += rows.v[i].value;
	}
	mp_store__wpp_rows_free(&rows);
	if (rc != MP_OK || d->nmc_resid || mp_store__wpp_has(s, "wpp_vital", "2024"))
		return rc;
	for (size_t i = 0; i < d->mig.n; i++) { /* thousands a year over the population at the last point */
		const series *pw = table_find(wp, d->mig.s[i].code);
		double pp = pw ? pw->v[until - FIRST] : NAN;
		for (int k = 0; k < d->mig.ny; k++)
			d->mig.s[i].v[k] = pp > 0 ? d->mig.s[i].v[k] / pp : NAN;
	}
	return MP_OK;
}

/* A panel of the units from a table (build_panel over d's units). */
static int unit_panel(mp_ctx *ctx, const demog_in *d, const table *t, int step, mp_demog_panel *out)
{
	return build_panel(ctx, t, d->cc, d->nu, (const int(*)[MAXMEM])d->mem, d->nmem, &d->wpop, d->until, step, out);
}

/* The migration panels: Pg the rates whose errors are fitted, Pw the levels (empty when
 * they are Pg's). With WPP 2024's vital rates, the errors are NMC's residual growth and the
 * levels WPP's rates. */
static int migration_panels(mp_ctx *ctx, mp_store *s, demog_in *d, mp_demog_panel *Pg, mp_demog_panel *Pw)
{
	const int until = d->until;
	const size_t nu = d->nu;
	const int *cc = d->cc;
	int rc = unit_panel(ctx, d, &d->mig, 1, Pg);
	if (rc != MP_OK || !d->nmc_resid)
		return rc;
	mp_nmc_pop *all = NULL;
	size_t na = 0;
	if ((rc = mp_store__nmc_pop(ctx, s, FIRST, until, &all, &na)) != MP_OK)
		return rc;
	mp_demog_panel Pn = { 0 }, Pc = { 0 }, Pd = { 0 };
	if ((rc = unit_panel(ctx, d, &d->cbr, 1, &Pc)) == MP_OK && (rc = unit_panel(ctx, d, &d->cdr, 1, &Pd)) == MP_OK)
		rc = unit_panel(ctx, d, &d->cbr, 1, &Pn);
	size_t used = 0;
	for (size_t u = 0; rc == MP_OK && u < nu; u++) {
		double *row = Pn.v + u * (size_t)Pn.nt;
		for (int k = 0; k < Pn.nt; k++)
			row[k] = NAN;
		for (size_t i = 1; i < na; i++) {
			if (all[i].ccode != cc[u] || all[i - 1].ccode != cc[u] || all[i].year != all[i - 1].year + 1)
				continue;
			int k = all[i].year - Pn.first;
			if (k < 0 || k >= Pn.nt || !(all[i].tpop > 0) || !(all[i - 1].tpop > 0))
				continue;
			double ni = Pc.v[u * (size_t)Pn.nt + (size_t)k] - Pd.v[u * (size_t)Pn.nt + (size_t)k];
			if (!isfinite(ni))
				continue;
			row[k] = log(all[i].tpop / all[i - 1].tpop) - ni;
			used++;
		}
		/* where NMC has no series, WPP's own rates */
		int any = 0;
		for (int k = 0; k < Pn.nt; k++)
			any |= isfinite(row[k]);
		if (!any)
			memcpy(row, Pg->v + u * (size_t)Pg->nt, (size_t)Pg->nt * sizeof *row);
	}
	free(all);
	mp_demog_panel_free(&Pc);
	mp_demog_panel_free(&Pd);
	if (rc != MP_OK || used == 0) {
		mp_demog_panel_free(&Pn);
		return rc;
	}
	/* the levels are WPP's (its smooth estimates forecast better); the errors of that
	   forecast are measured on NMC's residual growth */
	*Pw = *Pg;
	*Pg = Pn;
	d->rev_m = "levels: WPP 2024 net migration; errors: NMC tpop growth less WPP natural increase";
	return MP_OK;
}

static int add_tfr_rows(mp_ctx *ctx, mp_calib_result *r, const mp_tfr_fit *f, const demog_in *d)
{
	const mp_tfr_fit ft = *f;
	const int until = d->until;
	const char *rev_t = d->rev_t;
	int rc = MP_OK;
	char m[192];
	snprintf(m, sizeof m,
		 "NLS of 5-yr TFR decrements on the Alkema et al. 2011 double logistic, WPP %s %d-%d, %zu "
		 "decrements of %zu countries",
		 rev_t, FIRST, until, ft.n2, ft.nunits2);
	static const char *tk[5] = { "demography.tfr_d1", "demography.tfr_d2", "demography.tfr_d3", "demography.tfr_d4",
				     "demography.tfr_dmax" };
	double tv[5] = { ft.m.D[0], ft.m.D[1], ft.m.D[2], ft.m.D[3], ft.m.d };
	for (int k = 0; k < 5 && rc == MP_OK; k++)
		rc = add_row(ctx, r, tk[k], 0, tv[k], MP_NA, ft.n2, "R2", ft.r2, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_sd_a", 0, ft.m.sd_a, MP_NA, ft.n2, "", MP_NA,
			     "OLS of |TFR residual| sqrt(pi/2) on TFR: phase II sd = a + b TFR");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_sd_b", 0, ft.m.sd_b, MP_NA, ft.n2, "", MP_NA,
			     "OLS of |TFR residual| sqrt(pi/2) on TFR: phase II sd = a + b TFR");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_scale_sd", 0, ft.tau > 0 ? ft.tau : 0.3, MP_NA, ft.nunits2, "",
			     MP_NA, "sd of the countries' decrement scales (method of moments; Efron & Morris 1975)");
	snprintf(m, sizeof m, "phase III AR(1) by OLS on %zu 5-yr pairs after the first rise below 2%s", ft.n3,
		 ft.n3 >= 20 ? "" : " (too few: Raftery et al. 2014 values kept)");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_mu", 0, ft.m.mu, MP_NA, ft.n3, "", MP_NA, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_rho", 0, ft.m.rho, MP_NA, ft.n3, "", MP_NA, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.tfr_sd3", 0, ft.m.sd3, MP_NA, ft.n3, "", MP_NA, m);
	return rc;
}

static int add_e0_rows(mp_ctx *ctx, mp_calib_result *r, const mp_e0_fit *f, const demog_in *d)
{
	const mp_e0_fit fe = *f;
	const int until = d->until;
	const char *rev_e = d->rev_e;
	int rc = MP_OK;
	char m[192];
	snprintf(m, sizeof m,
		 "NLS of 5-yr female e0 gains on the Raftery et al. 2013 double logistic, WPP %s %d-%d, "
		 "%zu gains",
		 rev_e, FIRST, until, fe.n);
	static const char *ek[6] = { "demography.e0_d1", "demography.e0_d2", "demography.e0_d3",
				     "demography.e0_d4", "demography.e0_k",  "demography.e0_z" };
	double ev[6] = { fe.m.D[0], fe.m.D[1], fe.m.D[2], fe.m.D[3], fe.m.k, fe.m.z };
	for (int k = 0; k < 6 && rc == MP_OK; k++)
		rc = add_row(ctx, r, ek[k], 0, ev[k], MP_NA, fe.n, "R2", fe.r2, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.e0_sd_a", 0, fe.m.sd_a, MP_NA, fe.n, "", MP_NA,
			     "OLS of |e0 residual| sqrt(pi/2) on e0: sd = a + b e0");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.e0_sd_b", 0, fe.m.sd_b, MP_NA, fe.n, "", MP_NA,
			     "OLS of |e0 residual| sqrt(pi/2) on e0: sd = a + b e0");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.e0_rho", 0, fe.m.rho, MP_NA, fe.n, "", MP_NA,
			     "pooled OLS of a 5-yr e0 gain residual on the previous one (AR(1) persistence)");
	snprintf(m, sizeof m,
		 "OLS of the 5-yr-ahead male gap on the gap and (e0F-75)+ (Raftery, Lalic & Gerland 2014 "
		 "form), %zu pairs",
		 fe.ngap);
	static const char *gk[4] = { "demography.gap_0", "demography.gap_1", "demography.gap_2", "demography.gap_sd" };
	double gv[4] = { fe.m.gap0, fe.m.gap1, fe.m.gap2, fe.m.gap_sd };
	for (int k = 0; k < 4 && rc == MP_OK; k++)
		rc = add_row(ctx, r, gk[k], 0, gv[k], MP_NA, fe.ngap, "R2", fe.gap_r2, m);
	return rc;
}

static int add_mig_rows(mp_ctx *ctx, mp_calib_result *r, const mp_mig_fit *f, const demog_in *d)
{
	const mp_mig_fit fm = *f;
	const int until = d->until;
	const char *rev_m = d->rev_m;
	int rc = MP_OK;
	char m[192];
	snprintf(m, sizeof m,
		 "pooled AR(1) of 5-yr mean net migration rates' deviations from the 20 years "
		 "before, %s to %d",
		 rev_m, until);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_rho", 0, fm.rho, MP_NA, fm.n, "", MP_NA, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_sd", 0, fm.sd_pooled, MP_NA, fm.n, "", MP_NA,
			     "root mean country variance of the AR(1) innovations of 5-yr mean migration rates");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_sd_a", 0, fm.sd_a, MP_NA, fm.n, "", MP_NA,
			     "the innovation sd by size: ln sd = a + b ln(tpop, thousands), OLS over countries");
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_sd_b", 0, fm.sd_b, MP_NA, fm.n, "", MP_NA,
			     "the innovation sd by size: ln sd = a + b ln(tpop, thousands), OLS over countries");
	snprintf(m, sizeof m,
		 "two-component normal scale mixture by EM on the leave-one-out standardised "
		 "migration innovations (kurtosis %.1f)",
		 fm.kurtosis);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_tail_p", 0, fm.tail_p, MP_NA, fm.n, "kurtosis", fm.kurtosis, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_tail_k", 0, fm.tail_k, MP_NA, fm.n, "kurtosis", fm.kurtosis, m);
	if (rc == MP_OK)
		rc = add_row(ctx, r, "demography.mig_core", 0, fm.core, MP_NA, fm.n, "kurtosis", fm.kurtosis, m);
	return rc;
}

static int add_country_rows(mp_ctx *ctx, mp_calib_result *r, const mp_tfr_fit *f, const mp_e0_fit *g,
			    const mp_mig_fit *h, const demog_in *d)
{
	const mp_tfr_fit ft = *f;
	const mp_e0_fit fe = *g;
	const mp_mig_fit fm = *h;
	const size_t nu = d->nu;
	const int *cc = d->cc;
	int rc = MP_OK;
	for (size_t u = 0; u < nu && rc == MP_OK; u++) {
		int c = cc[u];
		rc = add_row(ctx, r, "demography.tfr_scale", c, ft.scale[u], ft.scale_se[u], ft.n2, "", MP_NA,
			     "country scale of the pooled TFR decrement, shrunk toward 1");
		if (rc == MP_OK)
			rc = add_row(ctx, r, "demography.tfr_scale_se", c, ft.scale_se[u], MP_NA, ft.n2, "", MP_NA,
				     "posterior sd of the country scale");
		if (rc == MP_OK)
			rc = add_row(ctx, r, "demography.tfr_phase3", c, ft.phase3[u], MP_NA, ft.n2, "", MP_NA,
				     "1: past the fertility transition at the last value (Alkema et al. 2011 rule)");
		if (rc == MP_OK)
			rc = add_row(ctx, r, "demography.e0_shift", c, fe.shift[u], MP_NA, fe.n, "", MP_NA,
				     "the country's last 5-yr e0 gain residual: the start of its AR(1) path");
		if (rc == MP_OK)
			rc = add_row(ctx, r, "demography.mig_mean", c, fm.level[u], MP_NA, fm.n, "", MP_NA,
				     "mean net migration rate of the last 20 years (WPP)");
		if (rc == MP_OK)
			rc = add_row(ctx, r, "demography.mig_dev", c, fm.dev[u], MP_NA, fm.n, "", MP_NA,
				     "the last 5 years' mean migration rate minus the level: the start of its AR(1)");
		if (rc == MP_OK)
			rc = add_row(
				ctx, r, "demography.mig_sd", c, fm.sd[u], MP_NA, fm.n, "", MP_NA,
				"sd of the country's 5-yr AR(1) innovations, shrunk (6 pseudo-blocks) to the size target");
	}
	return rc;
}

int mp_calib__fit_demography(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	const int until = o->until;
	if (!mp_store__wpp_has(s, "wpp_tfr", NULL) || !mp_store__wpp_has(s, "wpp_e0", NULL))
		return fit_urban(ctx, s, until, r); /* no WPP: only the urban share */
	mp_world_xwalk x;
	int rc = mp_world__xwalk_load(ctx, s, &x);
	if (rc != MP_OK)
		return rc;
	demog_in d = { .until = until };
	mp_demog_panel Pt = { 0 }, Pf = { 0 }, Pm = { 0 }, Pg = { 0 }, Pw = { 0 };
	mp_tfr_fit ft = { 0 };
	mp_e0_fit fe = { 0 };
	mp_mig_fit fm = { 0 };
	if ((rc = load_units(ctx, s, &x, &d)) != MP_OK || (rc = load_rates(ctx, s, &d)) != MP_OK ||
	    (rc = load_weights(ctx, s, &d)) != MP_OK)
		goto done;
	if ((rc = unit_panel(ctx, &d, &d.tfr, 5, &Pt)) != MP_OK || (rc = unit_panel(ctx, &d, &d.ef, 5, &Pf)) != MP_OK ||
	    (rc = unit_panel(ctx, &d, &d.em, 5, &Pm)) != MP_OK ||
	    (rc = migration_panels(ctx, s, &d, &Pg, &Pw)) != MP_OK)
		goto done;
	if ((rc = mp_calib_tfr(ctx, &Pt, &ft)) != MP_OK || (rc = mp_calib_e0(ctx, &Pf, &Pm, &fe)) != MP_OK ||
	    (rc = mp_calib_migration(ctx, &Pg, Pw.nunits ? &Pw : NULL, d.usize, 20, &fm)) != MP_OK)
		goto done;
	if ((rc = add_tfr_rows(ctx, r, &ft, &d)) == MP_OK && (rc = add_e0_rows(ctx, r, &fe, &d)) == MP_OK &&
	    (rc = add_mig_rows(ctx, r, &fm, &d)) == MP_OK &&
	    (rc = add_country_rows(ctx, r, &ft, &fe, &fm, &d)) == MP_OK)
		rc = fit_urban(ctx, s, until, r);
done:
	mp_tfr_fit_free(&ft);
	mp_e0_fit_free(&fe);
	mp_mig_fit_free(&fm);
	mp_demog_panel_free(&Pt);
	mp_demog_panel_free(&Pf);
	mp_demog_panel_free(&Pm);
	mp_demog_panel_free(&Pg);
	mp_demog_panel_free(&Pw);
	demog_in_free(&d);
	mp_world__xwalk_free(&x);
	return rc;
}
