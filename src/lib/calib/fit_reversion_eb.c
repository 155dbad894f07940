/*
 * Per-unit persistence and level uncertainty of a mean-reverting log share (the military
 * burden; fit_economy.h, section 3b; docs/economy.md, "Military"):
 *
 * 1. Each unit's reversion speed k_i by OLS through 0 of y_it = Delta v_it - c_it on
 *    -(v_i,t-1 - m_i) (c: the pooled fit's covariate terms, held fixed), shrunk toward the
 *    pooled speed by normal-normal empirical Bayes (Efron & Morris 1975; Morris 1983):
 *    k_i* = (k_i / s_i^2 + k / t^2) / (1 / s_i^2 + 1 / t^2), with t^2 = var(k_i) - mean
 *    s_i^2 over units with >= 10 years (method of moments, floor 1e-4).
 * 2. The level's uncertainty tau_i: at each origin t (t + h <= until) the h-year forecast
 *    error of a second, measured series w (the NMC burden that is scored) under the sim's
 *    mean dynamics, e = w_t+h - w_t - (1 - r^h)(m_i,t - w_t), r = 1 - k_i*, has variance
 *    (1 - r^h)^2 tau_i^2 + sd_i^2 (1 - r^2h) / (1 - r^2) when the level is m_i + tau_i z;
 *    tau^2 is solved from a robust error s.d.: pooled, the one that reproduces the errors'
 *    own 5-95% range ((q95 - q05) / 3.29, so that the 90% band is calibrated: the errors
 *    have fat tails from data breaks); per unit, 1.4826 x its median absolute deviation
 *    (Hampel 1974), shrunk toward the pooled value with n0 pseudo-origins (as the shock
 *    s.d.'s prior, Gelman et al. 2013 sec. 2.6); floor 0. m_i,t is the median of v over the 25 years up to t (>= 5 values), the level
 *    the calibration of year t gives. The sim draws the level once per run.
 */
#include "calib/fit_economy.h"

#include <stdlib.h>
#include <string.h>

#define SRC "fit_reversion_eb.c"

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int mp_fit_unit_speeds(mp_ctx *ctx, const mp_econ_panel *v, const double *m, const mp_econ_panel *c, int from,
		       int until, double k_pool, double *k_out, double *k_se, double *t2_out)
{
	const size_t nu = v->nu;
	double *kr = malloc((nu + 1) * sizeof *kr), *sr = malloc((nu + 1) * sizeof *sr);
	if (!kr || !sr) {
		free(kr);
		free(sr);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	double mk = 0, mk2 = 0, ms = 0;
	size_t nk = 0;
	for (size_t u = 0; u < nu; u++) {
		kr[u] = sr[u] = MP_NA;
		if (!isfinite(m[u]))
			continue;
		double sxy = 0, sxx = 0, syy = 0;
		size_t n = 0;
		for (int t = from + 1; t <= until; t++) {
			double a = mp_econ_at(v, u, t - 1), b = mp_econ_at(v, u, t), z = c ? mp_econ_at(c, u, t) : 0.0;
			if (!isfinite(a) || !isfinite(b) || !isfinite(z))
				continue;
			double x = -(a - m[u]), y = b - a - z;
			sxy += x * y;
			sxx += x * x;
			syy += y * y;
			n++;
		}
		if (n < 10 || sxx <= 0)
			continue;
		double k = sxy / sxx, rss = syy - k * sxy;
		kr[u] = k;
		sr[u] = sqrt(fmax(rss, 0.0) / (double)(n - 1) / sxx);
		mk += k;
		mk2 += k * k;
		ms += sr[u] * sr[u];
		nk++;
	}
	double t2 = 1e-4;
	if (nk >= 3) {
		double var = (mk2 - mk * mk / (double)nk) / (double)(nk - 1);
		t2 = fmax(var - ms / (double)nk, 1e-4);
	}
	for (size_t u = 0; u < nu; u++) {
		if (!isfinite(kr[u]) || !(sr[u] > 0)) {
			k_out[u] = k_pool;
			if (k_se)
				k_se[u] = sqrt(t2);
			continue;
		}
		double w = 1.0 / (sr[u] * sr[u]), w0 = 1.0 / t2;
		double k = (w * kr[u] + w0 * k_pool) / (w + w0);
		/* a speed outside (0, 1) is no reversion the sim can run */
		k_out[u] = k < 0.005 ? 0.005 : (k > 0.95 ? 0.95 : k);
		if (k_se)
			k_se[u] = sqrt(1.0 / (w + w0));
	}
	if (t2_out)
		*t2_out = t2;
	free(kr);
	free(sr);
	return MP_OK;
}

/* Median of v(u, .) over [a, b] with >= 5 values, or NaN (tmp: b - a + 1). */
static double level_at(const mp_econ_panel *v, size_t u, int a, int b, double *tmp)
{
	size_t n = 0;
	for (int t = a; t <= b; t++) {
		double z = mp_econ_at(v, u, t);
		if (isfinite(z))
			tmp[n++] = z;
	}
	if (n < 5)
		return MP_NA;
	qsort(tmp, n, sizeof *tmp, cmp_dbl);
	return n % 2 ? tmp[n / 2] : 0.5 * (tmp[n / 2 - 1] + tmp[n / 2]);
}

/* Type-7 quantile of sorted x[0..n-1]. */
static double q7(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t f = (size_t)floor(h);
	return f + 1 < n ? x[f] + (h - (double)f) * (x[f + 1] - x[f]) : x[n - 1];
}

int mp_fit_level_sd(mp_ctx *ctx, const mp_econ_panel *v, const mp_econ_panel *w, const double *k, const double *sd,
		    int from, int until, int horizon, double n0, mp_level_fit *out)
{
	memset(out, 0, sizeof *out);
	const size_t nu = v->nu;
	const int L = 25;
	size_t cap = nu * (size_t)(until - from + 2) + 1, n = 0;
	double *tmp = malloc((size_t)(L + 1) * sizeof *tmp), *e = malloc(cap * sizeof *e);
	double *z = malloc(cap * sizeof *z), *vs = malloc((nu + 1) * sizeof *vs), *rh = malloc((nu + 1) * sizeof *rh);
	size_t *uid = malloc(cap * sizeof *uid);
	out->unit_sd = malloc((nu + 1) * sizeof *out->unit_sd);
	int rc = MP_OK;
	if (!tmp || !e || !z || !vs || !rh || !uid || !out->unit_sd) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t u = 0; u < nu; u++) {
		vs[u] = rh[u] = MP_NA;
		if (!isfinite(k[u]) || !isfinite(sd[u]))
			continue;
		const double r = 1.0 - k[u];
		rh[u] = pow(r, horizon);
		vs[u] = sd[u] * sd[u] * (1.0 - rh[u] * rh[u]) / (1.0 - r * r);
		for (int t = from; t + horizon <= until; t++) {
			double a = mp_econ_at(w, u, t), b = mp_econ_at(w, u, t + horizon);
			double mu = level_at(v, u, t - L + 1, t, tmp);
			if (!isfinite(a) || !isfinite(b) || !isfinite(mu))
				continue;
			e[n] = b - a - (1.0 - rh[u]) * (mu - a);
			uid[n++] = u;
		}
	}
	out->n = n;
	if (n < 10) {
		rc = mp_error_set(ctx, MP_EINPUT, SRC ": level s.d.: %zu forecasts to score; expected at least 10", n);
		goto done;
	}
	/* pooled: the error s.d. that gives the errors' own 90% range, (q95 - q05) / (2 z_.95),
	   robust to the data breaks that make the tails (excess kurtosis) */
	double m2 = 0, m4 = 0, vsm = 0, rhm = 0;
	for (size_t i = 0; i < n; i++) {
		z[i] = e[i];
		m2 += e[i] * e[i];
		m4 += e[i] * e[i] * e[i] * e[i];
		vsm += vs[uid[i]];
		rhm += 1.0 - rh[uid[i]];
	}
	m2 /= (double)n;
	out->kurtosis = m4 / (double)n / (m2 * m2) - 3.0;
	qsort(z, n, sizeof *z, cmp_dbl);
	const double z95 = 1.6448536269514722;
	double s90 = (q7(z, n, 0.95) - q7(z, n, 0.05)) / (2.0 * z95);
	vsm /= (double)n;
	rhm /= (double)n;
	double pooled = fmax(s90 * s90 - vsm, 0.0) / (rhm * rhm);
	out->sd = sqrt(pooled);
	/* each unit: its errors' median absolute deviation x 1.4826 (normal-consistent), the same
	   solution, n0 pseudo-origins of the pooled value */
	for (size_t u = 0; u < nu; u++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (uid[i] == u)
				z[m++] = e[i];
		out->unit_sd[u] = MP_NA;
		if (m == 0)
			continue;
		qsort(z, m, sizeof *z, cmp_dbl);
		double med = q7(z, m, 0.5);
		for (size_t i = 0; i < m; i++)
			z[i] = fabs(z[i] - med);
		qsort(z, m, sizeof *z, cmp_dbl);
		double s = 1.4826 * q7(z, m, 0.5);
		double t2 = fmax(s * s - vs[u], 0.0) / ((1.0 - rh[u]) * (1.0 - rh[u]));
		out->unit_sd[u] = sqrt(((double)m * t2 + n0 * pooled) / ((double)m + n0));
	}
done:
	free(tmp);
	free(e);
	free(z);
	free(vs);
	free(rh);
	free(uid);
	if (rc != MP_OK)
		mp_level_fit_free(out);
	return rc;
}

void mp_level_fit_free(mp_level_fit *f)
{
	if (f) {
		free(f->unit_sd);
		f->unit_sd = NULL;
	}
}
