/*
 * mp_calibrate: fits the sim's parameters on the store's data up to a year, and writes
 * them as a flat YAML file (the format of mp_sim_params_load) and into the database.
 * The estimators and their sources: calib_models.c, docs/calibration.md.
 */
#include "calib_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/output.h"
#include "multipolar/sim.h"
#include "world/world_internal.h"

#define SRC "calib.c"

static int add(mp_ctx *ctx, mp_calib_result *r, const char *key, double est, double se, size_t n, const char *stat_name,
	       double stat, const char *method)
{
	return mp_calib__add(ctx, r, 0, key, est, se, n, stat_name, stat, method);
}

int mp_calib__add(mp_ctx *ctx, mp_calib_result *r, int ccode, const char *key, double est, double se, size_t n,
		  const char *stat_name, double stat, const char *method)
{
	mp_calib_param *v = realloc(r->params, (r->n + 1) * sizeof *v);
	if (!v)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	r->params = v;
	mp_calib_param *p = &v[r->n++];
	memset(p, 0, sizeof *p);
	snprintf(p->key, sizeof p->key, "%s", key);
	p->ccode = ccode;
	p->estimate = est;
	p->se = se;
	p->n = (int64_t)n;
	snprintf(p->stat_name, sizeof p->stat_name, "%s", stat_name);
	p->stat = stat;
	snprintf(p->method, sizeof p->method, "%s", method);
	return MP_OK;
}

void mp_calib_result_free(mp_calib_result *r)
{
	if (!r)
		return;
	free(r->params);
	free(r);
}

const mp_calib_param *mp_calib_find(const mp_calib_result *r, const char *key)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (r->params[i].ccode == 0 && !strcmp(r->params[i].key, key))
			return &r->params[i];
	return NULL;
}

int mp_calib_apply(mp_ctx *ctx, const mp_calib_result *r, mp_sim_params *p, mp_sim_unit_params *units)
{
	for (size_t i = 0; r && i < r->n; i++) {
		const mp_calib_param *cp = &r->params[i];
		if (!isfinite(cp->estimate))
			continue;
		int rc = MP_OK;
		if (cp->ccode == 0 && mp_sim_params_find(cp->key))
			rc = mp_sim_params_set(p, cp->key, cp->estimate);
		else if (cp->ccode != 0 && units)
			rc = mp_sim_units_set(units, cp->ccode, cp->key, cp->estimate);
		if (rc != MP_OK)
			return mp_error_set(ctx, MP_EINPUT, SRC ": parameter %s (ccode %d) = %g rejected by the sim",
					    cp->key, cp->ccode, cp->estimate);
	}
	return MP_OK;
}

static int fit_economy(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_store_calib_rows rows = { 0 };
	mp_calib_panel p = { 0 };
	int rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_INCOME, o->first_year, o->until, &rows);
	mp_world__series_codes(&rows, 1); /* one territory per series (docs/crosswalk.md) */
	if (rc == MP_OK)
		rc = mp_calib__panel(ctx, &rows, &p);
	mp_convergence_fit c;
	if (rc == MP_OK)
		rc = mp_calib_convergence(ctx, p.income, p.n, p.ngroups, o->first_year, o->until, o->window, p.frontier,
					  &c);
	char m[192];
	if (rc == MP_OK) {
		snprintf(m, sizeof m,
			 "Barro regression, %d-yr windows %d-%d, window+region FE, Maddison 2023 "
			 "(Barro & Sala-i-Martin 1992 eq. 12)",
			 o->window, o->until - (o->until - o->first_year) / o->window * o->window, o->until);
		/* The sim's discrete form x_t+1 = (1 - beta) x_t (mech_economy.c): beta_d = 1 - e^-beta. */
		rc = add(ctx, r, "economy.beta", 1.0 - exp(-c.beta), c.beta_se * exp(-c.beta), c.n, "R2", c.r2, m);
	}
	if (rc == MP_OK) {
		snprintf(m, sizeof m, "mean annual log growth of US GDP per capita %d-%d, Maddison 2023", o->first_year,
			 o->until);
		rc = add(ctx, r, "economy.frontier_growth", c.frontier_growth, c.frontier_growth_se, c.frontier_n, "",
			 MP_NA, m);
	}
	if (rc == MP_OK)
		rc = add(ctx, r, "economy.momentum", c.momentum, c.momentum_se, c.momentum_n, "R2", c.momentum_r2,
			 "AR(1) of annual growth deviations from the fitted convergence path");
	if (rc == MP_OK) {
		snprintf(m, sizeof m, "median country's s.d. of the AR(1) innovations (pooled s.d. %.4f)",
			 c.shock_sd_pooled);
		rc = add(ctx, r, "economy.shock_sd", c.shock_sd, MP_NA, c.momentum_n, "", MP_NA, m);
	}
	if (rc == MP_OK) {
		/* In the sim, growth = gF - beta (x - s x_0): the unconditional convergence speed is
		   beta (1 - s), so s = 1 - beta_uncond / beta (clamped to [0, 1]). */
		double sgap = c.beta > 0 ? 1.0 - c.beta_uncond / c.beta : 1.0;
		if (sgap < 0)
			sgap = 0;
		if (sgap > 1)
			sgap = 1;
		snprintf(m, sizeof m,
			 "1 - beta_uncond/beta, clamped to [0,1]; beta_uncond %.5f (s.e. %.5f) "
			 "without region FE",
			 c.beta_uncond, c.beta_uncond_se);
		rc = add(ctx, r, "economy.structural_gap", sgap, MP_NA, c.n, "", MP_NA, m);
	}
	/* Population (the sim's demography: n_0 = n_a + n_b ln y, then n -> n_LR at speed
	   `transition`; the long-run rate stays the documented default). */
	mp_sim_params def;
	mp_sim_params_default(&def);
	mp_population_fit d;
	if (rc == MP_OK)
		rc = mp_calib_population(ctx, p.pop, p.gdppc, p.n, o->first_year, o->until, o->window,
					 def.demography_n_longrun, &d);
	if (rc == MP_OK) {
		snprintf(m, sizeof m, "OLS of mean pop growth %d-%d on ln GDP pc %d, Maddison 2023",
			 o->until - o->window, o->until, o->until - o->window);
		rc = add(ctx, r, "demography.n_a", d.n_a, d.n_a_se, d.n, "R2", d.r2, m);
		if (rc == MP_OK)
			rc = add(ctx, r, "demography.n_b", d.n_b, d.n_b_se, d.n, "R2", d.r2, m);
		if (rc == MP_OK) {
			snprintf(m, sizeof m,
				 "decay of %d-yr mean pop growth toward n_LR=%g between windows "
				 "%d-%d",
				 o->window, def.demography_n_longrun, o->first_year, o->until);
			rc = add(ctx, r, "demography.transition", d.transition, d.transition_se, d.transition_n, "R2",
				 d.transition_r2, m);
		}
	}
	mp_calib__panel_free(&p);
	mp_store__calib_rows_free(&rows);
	return rc;
}

static int fit_trade(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_gravity_obs *obs = NULL;
	size_t n = 0;
	int from = o->until - o->gravity_years + 1;
	int rc = mp_calib__gravity_obs(ctx, s, from, o->until, &obs, &n);
	mp_gravity_fit g;
	if (rc == MP_OK)
		rc = mp_calib_gravity(ctx, obs, n, &g);
	int y0 = o->until, y1 = from;
	for (size_t i = 0; i < n; i++) {
		if (obs[i].year < y0)
			y0 = obs[i].year;
		if (obs[i].year > y1)
			y1 = obs[i].year;
	}
	char m[192];
	snprintf(m, sizeof m,
		 "log-linear gravity with year FE, COW trade %d-%d, positive flows "
		 "(Head & Mayer 2014)",
		 y0, y1);
	if (rc == MP_OK)
		rc = add(ctx, r, "trade.elasticity_gdp", g.elasticity_gdp, g.elasticity_gdp_se, g.n, "R2", g.r2, m);
	if (rc == MP_OK)
		rc = add(ctx, r, "trade.elasticity_distance", g.elasticity_distance, g.elasticity_distance_se, g.n,
			 "R2", g.r2, m);
	if (rc == MP_OK)
		rc = add(ctx, r, "trade.contiguity", g.contiguity, g.contiguity_se, g.n, "R2", g.r2, m);
	free(obs);
	return rc;
}

int mp_calibrate(mp_ctx *ctx, mp_store *s, const mp_calib_options *opt, mp_calib_result **out)
{
	*out = NULL;
	mp_calib_options o = MP_CALIB_OPTIONS_INIT;
	if (opt && opt->version != MP_CALIB_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_calib_options version %d is not %d (use MP_CALIB_OPTIONS_INIT)",
				    opt->version, MP_CALIB_OPTIONS_VERSION);
	if (opt)
		o = *opt;
	if (o.until - o.first_year < 2 * o.window || o.window < 1 || o.gravity_years < 1)
		return mp_error_set(ctx, MP_ERANGE,
				    SRC ": expected --until at least %d (two %d-year windows after %d), got %d",
				    o.first_year + 2 * o.window, o.window, o.first_year, o.until);
	/* The income panel anchors the windows at `until`: it must be inside Maddison. */
	mp_dataset_info mi;
	int rc = mp_store_dataset_pick(ctx, s, "maddison", NULL, &mi);
	if (rc != MP_OK)
		return rc;
	if (o.until > mi.year_max)
		return mp_error_set(ctx, MP_ERANGE, "--until %d is after the coverage of %s %s in the database (%d-%d)",
				    o.until, mi.name, mi.version, mi.year_min, mi.year_max);
	mp_calib_result *r = calloc(1, sizeof *r);
	if (!r)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	r->until = o.until;
	rc = fit_economy(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = fit_trade(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = mp_calib__fit_economy(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = mp_calib__fit_military(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = mp_calib__fit_conflict(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = mp_calib__fit_alignment(ctx, s, &o, r);
	if (rc == MP_OK)
		rc = mp_calib__fit_demography(ctx, s, &o, r);
	if (rc != MP_OK) {
		mp_calib_result_free(r);
		return rc;
	}
	*out = r;
	return MP_OK;
}

int mp_calib_table(mp_ctx *ctx, const mp_calib_result *r, mp_table **out)
{
	static const mp_column cols[] = {
		{ "parameter", MP_COL_TEXT, 0 }, { "estimate", MP_COL_REAL, 6 }, { "se", MP_COL_REAL, 6 },
		{ "n", MP_COL_INT, 0 },          { "stat", MP_COL_TEXT, 0 },     { "value", MP_COL_REAL, 4 },
		{ "method", MP_COL_TEXT, 0 },
	};
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; rc == MP_OK && i < r->n; i++) {
		const mp_calib_param *p = &r->params[i];
		size_t row;
		if (p->ccode != 0)
			continue; /* per-state rows: table calib_unit of the database (docs/economy.md) */
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			break;
		rc = mp_table_set_text(t, row, 0, p->key);
		mp_table_set_real(t, row, 1, p->estimate);
		mp_table_set_real(t, row, 2, p->se);
		mp_table_set_int(t, row, 3, p->n);
		if (rc == MP_OK)
			rc = mp_table_set_text(t, row, 4, *p->stat_name ? p->stat_name : NULL);
		mp_table_set_real(t, row, 5, p->stat);
		if (rc == MP_OK)
			rc = mp_table_set_text(t, row, 6, p->method);
	}
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, rc, SRC ": cannot build the fit table");
	}
	*out = t;
	return MP_OK;
}

static int cmp_unit_row(const void *a, const void *b)
{
	const mp_calib_param *x = *(const mp_calib_param *const *)a, *y = *(const mp_calib_param *const *)b;
	if (x->ccode != y->ccode)
		return x->ccode < y->ccode ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The per-country rows (ccode != 0) as a `units:` mapping, COW code: {key: value}, sorted by
 * code and key (mp_sim_units_load reads it). MP_ENOMEM only. */
static int write_units(FILE *f, const mp_calib_result *r)
{
	size_t k = 0;
	const mp_calib_param **v = malloc((r->n + 1) * sizeof *v);
	if (!v)
		return MP_ENOMEM;
	for (size_t i = 0; i < r->n; i++)
		if (r->params[i].ccode > 0 && isfinite(r->params[i].estimate))
			v[k++] = &r->params[i];
	qsort(v, k, sizeof *v, cmp_unit_row);
	if (k)
		fprintf(f, "# Per-country rows (COW code: {key: value}), applied as mp_sim_unit_params.\nunits:\n");
	for (size_t i = 0; i < k; i++) {
		if (i == 0 || v[i]->ccode != v[i - 1]->ccode)
			fprintf(f, "  %d:\n", v[i]->ccode);
		char num[32];
		mp_format_real(num, sizeof num, v[i]->estimate);
		fprintf(f, "    %s: %s\n", v[i]->key, num);
	}
	free(v);
	return MP_OK;
}

int mp_calib_write_yaml(mp_ctx *ctx, const mp_calib_result *r, const char *path)
{
	mp_output out; /* atomic, mode 0666 less the umask (multipolar/output.h) */
	int rc = mp_output_open(ctx, path, &out);
	if (rc != MP_OK)
		return rc;
	FILE *f = out.f;
	fprintf(f,
		"# Sim parameters calibrated on data up to %d by `multipolar calibrate --until %d`.\n"
		"# Methods, sources and standard errors: docs/calibration.md and the calib_fit table.\n",
		r->until, r->until);
	for (size_t i = 0; i < r->n; i++) {
		const mp_calib_param *p = &r->params[i];
		if (p->ccode != 0 || !mp_sim_params_find(p->key) || !isfinite(p->estimate))
			continue;
		char num[32];
		mp_format_real(num, sizeof num, p->estimate);
		fprintf(f, "%s: %s\n", p->key, num);
	}
	rc = write_units(f, r);
	if (rc != MP_OK)
		rc = mp_error_set(ctx, rc, "%s: out of memory", path);
	return mp_output_close(ctx, &out, rc);
}

int mp_calib_save(mp_ctx *ctx, mp_store *s, const mp_calib_result *r, int64_t *run_id)
{
	mp_store_calib_fit *f = calloc(r->n ? r->n : 1, sizeof *f);
	if (!f)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	for (size_t k = 0; k < r->n; k++) {
		const mp_calib_param *p = &r->params[k];
		f[k] = (mp_store_calib_fit){ p->key, p->ccode,     p->estimate, p->se,
					     p->n,   p->stat_name, p->stat,     p->method };
	}
	int rc = mp_store__calib_save(ctx, s, r->until, r->notes, f, r->n, run_id);
	free(f);
	return rc;
}
