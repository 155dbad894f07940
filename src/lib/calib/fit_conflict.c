/*
 * Calibration of the conflict mechanism (docs/conflict.md): the MID-onset and escalation
 * logits on politically relevant dyad-years, the course and costs of war on COW wars, and
 * the parameter rows they give the simulation (conflict.onset_*, conflict.esc_*, ...).
 */
#include "calib_internal.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SRC "fit_conflict.c"

/* Cluster-robust (sandwich) standard errors of a logit at its estimate b (White 1980;
 * Liang & Zeger 1986): V = H^-1 (sum_g u_g u_g') H^-1 * G/(G-1) * (n-1)/(n-p), with
 * H = X'WX and u_g the sum of the scores x_i (y_i - mu_i) of cluster g (the small-sample
 * factor is Stata's). cluster[i] in [0, ncl). */
static int cluster_se(mp_ctx *ctx, const double *X, const double *y, size_t n, size_t p, const double *b,
		      const size_t *cluster, size_t ncl, double *se)
{
	int rc = MP_OK;
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	gsl_matrix *H = gsl_matrix_calloc(p, p), *B = gsl_matrix_calloc(p, p), *T = gsl_matrix_alloc(p, p);
	double *u = calloc(ncl * p, sizeof *u);
	if (!H || !B || !T || !u) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const double *xi = X + i * p;
		double eta = 0;
		for (size_t j = 0; j < p; j++)
			eta += xi[j] * b[j];
		double mu = 1.0 / (1.0 + exp(-eta)), w = mu * (1.0 - mu), r = y[i] - mu;
		double *ug = u + cluster[i] * p;
		for (size_t j = 0; j < p; j++) {
			ug[j] += xi[j] * r;
			for (size_t k = 0; k <= j; k++)
				*gsl_matrix_ptr(H, j, k) += w * xi[j] * xi[k];
		}
	}
	for (size_t g = 0; g < ncl; g++) {
		const double *ug = u + g * p;
		for (size_t j = 0; j < p; j++)
			for (size_t k = 0; k <= j; k++)
				*gsl_matrix_ptr(B, j, k) += ug[j] * ug[k];
	}
	for (size_t j = 0; j < p; j++)
		for (size_t k = 0; k < j; k++) {
			gsl_matrix_set(H, k, j, gsl_matrix_get(H, j, k));
			gsl_matrix_set(B, k, j, gsl_matrix_get(B, j, k));
		}
	if (gsl_linalg_cholesky_decomp1(H) != GSL_SUCCESS || gsl_linalg_cholesky_invert(H) != GSL_SUCCESS) {
		rc = mp_error_set(ctx, MP_ERANGE, SRC ": clustered s.e.: singular information");
		goto done;
	}
	/* T = H^-1 B, then V = T H^-1 (diagonal only) */
	for (size_t j = 0; j < p; j++)
		for (size_t k = 0; k < p; k++) {
			double acc = 0;
			for (size_t l = 0; l < p; l++)
				acc += gsl_matrix_get(H, j, l) * gsl_matrix_get(B, l, k);
			gsl_matrix_set(T, j, k, acc);
		}
	double f = ncl > 1 && n > p ? (double)ncl / (double)(ncl - 1) * (double)(n - 1) / (double)(n - p) : 1.0;
	for (size_t j = 0; j < p; j++) {
		double v = 0;
		for (size_t l = 0; l < p; l++)
			v += gsl_matrix_get(T, j, l) * gsl_matrix_get(H, l, j);
		se[j] = sqrt(v * f);
	}
done:
	gsl_set_error_handler(old);
	gsl_matrix_free(H);
	gsl_matrix_free(B);
	gsl_matrix_free(T);
	free(u);
	return rc;
}

/* Fits the logit on the columns of X (n x p) that vary (column 0, the constant, always
 * stays): a term whose data are not imported is all zeros and cannot be estimated. The
 * left-out terms get coefficient and s.e. NaN (the calibration then keeps the sim's
 * default for them). X is compacted in place. */
static int fit_varying(mp_ctx *ctx, double *X, const double *y, size_t n, size_t p, const size_t *cl, size_t ncl,
		       mp_logit_fit *f, double *se_cl)
{
	size_t keep[MP_CALIB_MAXP], q = 0;
	for (size_t j = 0; j < p; j++) {
		int varies = j == 0;
		for (size_t i = 1; i < n && !varies; i++)
			varies = X[i * p + j] != X[j];
		if (varies)
			keep[q++] = j;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < q; k++)
			X[i * q + k] = X[i * p + keep[k]];
	mp_logit_fit g;
	double se[MP_CALIB_MAXP];
	int rc = mp_calib_logit(ctx, X, y, n, q, &g);
	if (rc == MP_OK)
		rc = cluster_se(ctx, X, y, n, q, g.coef, cl, ncl, se);
	if (rc != MP_OK)
		return rc;
	*f = g;
	for (size_t j = 0; j < p; j++)
		f->coef[j] = f->se[j] = se_cl[j] = MP_NA;
	for (size_t k = 0; k < q; k++) {
		f->coef[keep[k]] = g.coef[k];
		f->se[keep[k]] = g.se[k];
		se_cl[keep[k]] = se[k];
	}
	f->p = p;
	return MP_OK;
}

int mp_calib_onset(mp_ctx *ctx, const mp_onset_obs *obs, size_t n, mp_onset_fit *out)
{
	memset(out, 0, sizeof *out);
	const size_t P = MP_ONSET_NX, Q = MP_ESC_NX;
	double *X = malloc((n + 1) * P * sizeof *X), *y = malloc((n + 1) * sizeof *y);
	size_t *cl = malloc((n + 1) * sizeof *cl), *ids = malloc((size_t)1000 * 1000 * sizeof *ids);
	int rc = MP_OK;
	if (!X || !y || !cl || !ids) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": onset: out of memory");
		goto done;
	}
	/* clusters: one per dyad */
	for (size_t k = 0; k < (size_t)1000 * 1000; k++)
		ids[k] = (size_t)-1;
	size_t ncl = 0, m = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_onset_obs *o = &obs[i];
		if (o->mid < 0)
			continue;
		if (o->ccode1 <= 0 || o->ccode1 >= 1000 || o->ccode2 <= 0 || o->ccode2 >= 1000) {
			rc = mp_error_set(ctx, MP_EINPUT, SRC ": onset: observation %zu: COW codes %d, %d out of range",
					  i, o->ccode1, o->ccode2);
			goto done;
		}
		size_t *id = &ids[(size_t)o->ccode1 * 1000 + (size_t)o->ccode2];
		if (*id == (size_t)-1)
			*id = ncl++;
		mp_sim_onset_x(&o->cov, X + m * P);
		y[m] = o->mid;
		cl[m] = *id;
		out->n_mid_events += o->mid == 1;
		m++;
		/* the historical benchmark of war inside alliances (any covered year) */
		if (o->cov.ally && (o->mid == 0 || o->war >= 0)) {
			out->n_allied++;
			out->n_allied_war += o->war == 1;
		}
	}
	out->n_mid = m;
	out->n_dyads = ncl;
	if ((rc = fit_varying(ctx, X, y, m, P, cl, ncl, &out->mid, out->mid_se_dyad)) != MP_OK)
		goto done;
	/* escalation: the MID onsets inside the war data's years */
	size_t e = 0, wars = 0;
	for (size_t k = 0; k < (size_t)1000 * 1000; k++)
		ids[k] = (size_t)-1;
	ncl = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_onset_obs *o = &obs[i];
		if (o->mid != 1 || o->war < 0)
			continue;
		size_t *id = &ids[(size_t)o->ccode1 * 1000 + (size_t)o->ccode2];
		if (*id == (size_t)-1)
			*id = ncl++;
		mp_sim_escalation_x(&o->cov, X + e * Q);
		y[e] = o->war;
		cl[e] = *id;
		wars += o->war == 1;
		e++;
	}
	out->n_esc = e;
	out->n_esc_events = wars;
	if ((rc = fit_varying(ctx, X, y, e, Q, cl, ncl, &out->esc, out->esc_se_dyad)) != MP_OK)
		goto done;
	/* war onsets per dyad-year: allied and all (mid >= 0 rows cover the MID years; a war
	   is counted through its MID) */
	size_t all = 0, all_war = 0;
	for (size_t i = 0; i < n; i++)
		if (obs[i].mid >= 0 && (obs[i].mid == 0 || obs[i].war >= 0)) {
			all++;
			all_war += obs[i].war == 1;
		}
	out->war_rate_all = all ? (double)all_war / (double)all : MP_NA;
	out->war_rate_allied = out->n_allied ? (double)out->n_allied_war / (double)out->n_allied : MP_NA;
done:
	free(X);
	free(y);
	free(cl);
	free(ids);
	return rc;
}

/* ---- the calibration's rows ------------------------------------------------------------ */

int mp_calib__fit_conflict(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_onset_obs *obs = NULL;
	size_t n = 0;
	mp_onset_fit f;
	char m[192], key[48];
	int rc = mp_calib_onset_sample(ctx, s, o->hazard_first, o->until, &obs, &n);
	if (rc == MP_OK)
		rc = mp_calib_onset(ctx, obs, n, &f);
	free(obs);
	if (rc != MP_OK)
		return rc;
	snprintf(m, sizeof m,
		 "logit of GML MID onset, politically relevant dyad-years %d-%d (%zu onsets); "
		 "se clustered by dyad (%zu)",
		 o->hazard_first, o->until, f.n_mid_events, f.n_dyads);
	for (size_t k = 0; rc == MP_OK && k < MP_ONSET_NX; k++) {
		snprintf(key, sizeof key, "conflict.onset_%s", mp_sim_onset_term(k));
		rc = mp_calib__add(ctx, r, 0, key, f.mid.coef[k], f.mid_se_dyad[k], f.n_mid, "loglik", f.mid.loglik, m);
	}
	snprintf(m, sizeof m,
		 "logit of COW war onset (same or next year) given a MID onset, %zu MIDs, %zu wars; "
		 "se clustered by dyad",
		 f.n_esc, f.n_esc_events);
	for (size_t k = 0; rc == MP_OK && k < MP_ESC_NX; k++) {
		snprintf(key, sizeof key, "conflict.esc_%s", mp_sim_escalation_term(k));
		rc = mp_calib__add(ctx, r, 0, key, f.esc.coef[k], f.esc_se_dyad[k], f.n_esc, "loglik", f.esc.loglik, m);
	}
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "fit.war_rate_allied", f.war_rate_allied, MP_NA, f.n_allied, "", MP_NA,
				   "war onsets per allied (ATOP defence pact) relevant dyad-year");
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "fit.war_rate_relevant", f.war_rate_all, MP_NA, f.n_mid, "", MP_NA,
				   "war onsets per politically relevant dyad-year");
	if (rc != MP_OK)
		return rc;
	return mp_calib__fit_war(ctx, s, o, r);
}
