/*
 * Calibration of the alignment mechanism (docs/conflict.md, "Alignment"): ideal-point
 * dynamics by OLS and camp exits and entries by logit, and the parameter rows they give
 * the simulation (alignment.*).
 */
#include "calib_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SRC "fit_alignment.c"

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median over states (runs of equal ccode in e's order given by id, >= 10 values) of
 * the residual s.d.; NaN when none qualifies. */
static double median_state_sd(const double *e, const int *id, size_t n)
{
	double *sd = malloc((n + 1) * sizeof *sd);
	if (!sd)
		return MP_NA;
	/* ids are not sorted (rows are by year): accumulate per ccode */
	double s1[1000] = { 0 }, s2[1000] = { 0 }, cnt[1000] = { 0 };
	for (size_t i = 0; i < n; i++)
		if (id[i] > 0 && id[i] < 1000) {
			s1[id[i]] += e[i];
			s2[id[i]] += e[i] * e[i];
			cnt[id[i]] += 1;
		}
	size_t m = 0;
	for (int c = 1; c < 1000; c++)
		if (cnt[c] >= 10)
			sd[m++] = sqrt((s2[c] - s1[c] * s1[c] / cnt[c]) / (cnt[c] - 1));
	double med = MP_NA;
	if (m) {
		qsort(sd, m, sizeof *sd, cmp_dbl);
		med = m % 2 ? sd[m / 2] : 0.5 * (sd[m / 2 - 1] + sd[m / 2]);
	}
	free(sd);
	return med;
}

int mp_calib_alignment(mp_ctx *ctx, const mp_ideal_obs *ideal, size_t ni, const mp_camp_obs *camps, size_t nc,
		       mp_alignment_fit *out)
{
	memset(out, 0, sizeof *out);
	size_t cap = (ni > nc ? ni : nc) + 1;
	double *X = calloc(5 * cap, sizeof *X), *y = calloc(cap, sizeof *y);
	int *id = calloc(cap, sizeof *id);
	int rc = MP_OK;
	if (!X || !y || !id) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < ni; i++) {
		const mp_ideal_obs *o = &ideal[i];
		double *x = X + 5 * i;
		x[0] = 1.0;
		x[1] = o->trade_gap;
		x[2] = o->leader_gap;
		x[3] = o->ally_gap;
		x[4] = o->world_gap;
		y[i] = o->dip;
		id[i] = o->ccode;
	}
	if ((rc = mp_calib_ols(ctx, X, y, ni, 5, &out->ideal)) != MP_OK)
		goto done;
	for (size_t i = 0; i < ni; i++) {
		double f = 0;
		for (int j = 0; j < 5; j++)
			f += X[5 * i + j] * out->ideal.coef[j];
		y[i] -= f;
	}
	out->ideal_sd_median = median_state_sd(y, id, ni);
	for (int pass = 1; pass >= 0; pass--) {
		size_t k = 0, ev = 0;
		for (size_t i = 0; i < nc; i++) {
			const mp_camp_obs *o = &camps[i];
			if (o->exit != pass)
				continue;
			double *x = X + 4 * k;
			x[0] = 1.0;
			x[1] = o->value_dist;
			x[2] = o->trade_share;
			x[3] = o->cap_share;
			y[k++] = o->y;
			ev += o->y != 0;
		}
		mp_logit_fit *f = pass ? &out->exit : &out->entry;
		if (pass) {
			out->n_exit = k;
			out->n_exits = ev;
		} else {
			out->n_entry = k;
			out->n_entries = ev;
		}
		if ((rc = mp_calib_logit(ctx, X, y, k, 4, f)) != MP_OK)
			goto done;
	}
done:
	free(X);
	free(y);
	free(id);
	return rc;
}

int mp_calib__fit_alignment(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_ideal_obs *io = NULL;
	mp_camp_obs *co = NULL;
	size_t ni = 0, nc = 0;
	mp_alignment_fit f;
	char m[192];
	/* without alliances or ideal points the documented defaults stay (docs/conflict.md) */
	if (!mp_store_has(s, "atop_dyad") || !mp_store_has(s, "unga") || o->until < 1960)
		return MP_OK;
	int rc = mp_calib_alignment_sample(ctx, s, o->until, &io, &ni, &co, &nc);
	if (rc == MP_OK)
		rc = mp_calib_alignment(ctx, io, ni, co, nc, &f);
	free(io);
	free(co);
	if (rc != MP_OK)
		return rc;
	static const char *const ip_keys[5] = { "alignment.ip_trend", "alignment.drift", "alignment.camp_pull",
						"alignment.ally_pull", "alignment.world_pull" };
	snprintf(m, sizeof m,
		 "OLS of the yearly change of UNGA ideal points on the gaps to trade partners, camp "
		 "leader, allies, world mean, 1947-%d",
		 o->until);
	for (int k = 0; rc == MP_OK && k < 5; k++)
		rc = mp_calib__add(ctx, r, 0, ip_keys[k], f.ideal.coef[k], f.ideal.se[k], f.ideal.n, "R2", f.ideal.r2,
				   m);
	snprintf(m, sizeof m, "median state's s.d. of the ideal-point residuals (pooled %.4f)", f.ideal.sigma);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "alignment.noise_sd", f.ideal_sd_median, MP_NA, f.ideal.n, "", MP_NA, m);
	static const char *const terms[4] = { "const", "values", "trade", "security" };
	char key[48];
	for (int pass = 0; pass < 2 && rc == MP_OK; pass++) {
		const mp_logit_fit *l = pass ? &f.entry : &f.exit;
		snprintf(m, sizeof m,
			 "logit of %s a camp (ATOP defence pact with USA/USSR-Russia/China) on value "
			 "distance, trade share, camp CINC share; %zu of %zu state-years 1947-%d",
			 pass ? "joining" : "leaving", pass ? f.n_entries : f.n_exits, pass ? f.n_entry : f.n_exit,
			 o->until);
		for (int k = 0; k < 4 && rc == MP_OK; k++) {
			snprintf(key, sizeof key, "alignment.%s_%s", pass ? "join" : "exit", terms[k]);
			rc = mp_calib__add(ctx, r, 0, key, l->coef[k], l->se[k], l->n, "loglik", l->loglik, m);
		}
	}
	return rc;
}
