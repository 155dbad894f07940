/*
 * Estimators of the economy and military mechanisms on dense panels (fit_economy.h;
 * every formula's source is cited there and in docs/economy.md).
 */
#include "calib/fit_economy.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/rng.h"

#define SRC "fit_economy.c"

static int oom(mp_ctx *ctx, const char *what)
{
	return mp_error_set(ctx, MP_ENOMEM, SRC ": %s: out of memory", what);
}

/* ---- panels ------------------------------------------------------------------------------ */

int mp_econ_panel_new(mp_ctx *ctx, size_t nu, int first, int last, mp_econ_panel *out)
{
	memset(out, 0, sizeof *out);
	if (last < first)
		return mp_error_set(ctx, MP_EINPUT, SRC ": panel: expected first <= last, got %d-%d", first, last);
	out->nu = nu;
	out->first = first;
	out->ny = last - first + 1;
	out->group = malloc((nu + 1) * sizeof *out->group);
	out->ccode = calloc(nu + 1, sizeof *out->ccode);
	out->v = malloc((nu * (size_t)out->ny + 1) * sizeof *out->v);
	if (!out->group || !out->ccode || !out->v) {
		mp_econ_panel_free(out);
		return oom(ctx, "panel");
	}
	for (size_t u = 0; u < nu; u++)
		out->group[u] = -1;
	for (size_t k = 0; k < nu * (size_t)out->ny; k++)
		out->v[k] = MP_NA;
	return MP_OK;
}

int mp_econ_panel_like(mp_ctx *ctx, const mp_econ_panel *p, mp_econ_panel *out)
{
	int rc = mp_econ_panel_new(ctx, p->nu, p->first, p->first + p->ny - 1, out);
	if (rc != MP_OK)
		return rc;
	out->ngroups = p->ngroups;
	memcpy(out->group, p->group, p->nu * sizeof *p->group);
	memcpy(out->ccode, p->ccode, p->nu * sizeof *p->ccode);
	return MP_OK;
}

void mp_econ_panel_free(mp_econ_panel *p)
{
	if (!p)
		return;
	free(p->group);
	free(p->ccode);
	free(p->v);
	memset(p, 0, sizeof *p);
}

double mp_econ_at(const mp_econ_panel *p, size_t u, int t)
{
	if (u >= p->nu || t < p->first || t >= p->first + p->ny)
		return MP_NA;
	return MP_EP(p, u, t);
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* ---- 1. empirical-Bayes gaps ------------------------------------------------------------- */

/* Implied gap of the window [a, a + W] of unit u, or NaN. */
static double implied_gap(const mp_econ_panel *x, size_t u, int a, int W, double rW)
{
	double x0 = mp_econ_at(x, u, a), x1 = mp_econ_at(x, u, a + W);
	if (!isfinite(x0) || !isfinite(x1))
		return MP_NA;
	return (x1 - rW * x0) / (1.0 - rW);
}

int mp_econ_gaps_at(mp_ctx *ctx, const mp_econ_panel *x, int origin, double lambda, double slope, int window,
		    double *mu, double *sd, int *nwin, double *tau2_out, double *omega2_out)
{
	const size_t nu = x->nu;
	const int W = window;
	int nw = (origin - x->first) / W;
	if (nw < 1 || lambda <= 0 || lambda >= 1)
		return mp_error_set(ctx, MP_EINPUT,
				    SRC ": gaps: expected a %d-year window before %d and lambda in (0, 1), got %g", W,
				    origin, lambda);
	double rW = pow(1.0 - lambda, W);
	int ng = x->ngroups > 0 ? x->ngroups : 1;
	double *m = malloc((nu * (size_t)nw + 1) * sizeof *m);
	double *gs = calloc((size_t)ng * 2 + 2, sizeof *gs);
	if (!m || !gs) {
		free(m);
		free(gs);
		return oom(ctx, "gaps");
	}
	double *gn = gs + ng + 1;
	/* implied gaps; window k ends at origin - k W */
	double all = 0, alln = 0;
	for (size_t u = 0; u < nu; u++)
		for (int k = 0; k < nw; k++) {
			double g = implied_gap(x, u, origin - (k + 1) * W, W, rW);
			m[u * (size_t)nw + (size_t)k] = g;
			if (!isfinite(g))
				continue;
			all += g;
			alln += 1;
			int gr = x->group[u];
			if (gr >= 0 && gr < ng) {
				gs[gr] += g;
				gn[gr] += 1;
			}
		}
	double gmean_all = alln > 0 ? all / alln : 0.0;
	/* The prior mean of unit u's gap: its group's line in the unit's own value at the
	   origin, M_u = mbar_g + b (x_u,origin - xbar_g): b = 1 keeps each unit's distance
	   from its group (steady states differ with today's incomes, Mankiw, Romer & Weil
	   1992), b = 0 is convergence to the group's mean gap (club convergence, Quah 1996;
	   Barro & Sala-i-Martin 1992 on regions). b is `slope` when finite (the rolling-origin
	   fit chooses it), else the pooled within-group OLS slope of the implied gaps on x at
	   the origin. Thin groups (< 5 windows) use the overall means; units without a value
	   at the origin, mbar_g. */
	double *xg = calloc((size_t)ng * 3 + 3, sizeof *xg); /* sum m, sum x, count per group */
	if (!xg) {
		free(m);
		free(gs);
		return oom(ctx, "gaps");
	}
	double tm = 0, tx = 0, tn = 0;
	for (size_t u = 0; u < nu; u++) {
		double xo = mp_econ_at(x, u, origin);
		int gr = x->group[u];
		for (int k = 0; k < nw && isfinite(xo); k++) {
			double a = m[u * (size_t)nw + (size_t)k];
			if (!isfinite(a))
				continue;
			tm += a;
			tx += xo;
			tn += 1;
			if (gr >= 0 && gr < ng) {
				xg[3 * gr] += a;
				xg[3 * gr + 1] += xo;
				xg[3 * gr + 2] += 1;
			}
		}
	}
	for (int g = 0; g < ng; g++) {
		int thin = xg[3 * g + 2] < 5;
		xg[3 * g] = thin ? (tn > 0 ? tm / tn : gmean_all) : xg[3 * g] / xg[3 * g + 2];
		xg[3 * g + 1] = thin ? (tn > 0 ? tx / tn : 0.0) : xg[3 * g + 1] / xg[3 * g + 2];
	}
	double sxy = 0, sxx = 0;
	for (size_t u = 0; u < nu; u++) {
		double xo = mp_econ_at(x, u, origin);
		int gr = x->group[u];
		double mg = gr >= 0 && gr < ng ? xg[3 * gr] : (tn > 0 ? tm / tn : gmean_all);
		double xgm = gr >= 0 && gr < ng ? xg[3 * gr + 1] : (tn > 0 ? tx / tn : 0.0);
		for (int k = 0; k < nw && isfinite(xo); k++) {
			double a = m[u * (size_t)nw + (size_t)k];
			if (isfinite(a)) {
				sxy += (a - mg) * (xo - xgm);
				sxx += (xo - xgm) * (xo - xgm);
			}
		}
	}
	double bslope = isfinite(slope) ? slope : (sxx > 0 ? sxy / sxx : 0.0);
	free(gs); /* the group sums are done with */
	double *prior = malloc((nu + 1) * sizeof *prior);
	if (!prior) {
		free(m);
		free(xg);
		return oom(ctx, "gaps");
	}
	for (size_t u = 0; u < nu; u++) {
		double xo = mp_econ_at(x, u, origin);
		int gr = x->group[u];
		double mg = gr >= 0 && gr < ng ? xg[3 * gr] : (tn > 0 ? tm / tn : gmean_all);
		double xgm = gr >= 0 && gr < ng ? xg[3 * gr + 1] : (tn > 0 ? tx / tn : 0.0);
		prior[u] = isfinite(xo) ? mg + bslope * (xo - xgm) : mg;
	}
	free(xg);
	/* variance components: V = E (m - M)^2, tau^2 = E (m_k - M)(m_j - M), |k - j| >= 2 */
	double v = 0, vn = 0, c = 0, cn = 0;
	for (size_t u = 0; u < nu; u++) {
		double M = prior[u];
		for (int k = 0; k < nw; k++) {
			double a = m[u * (size_t)nw + (size_t)k];
			if (!isfinite(a))
				continue;
			v += (a - M) * (a - M);
			vn += 1;
			for (int j = k + 2; j < nw; j++) {
				double b = m[u * (size_t)nw + (size_t)j];
				if (isfinite(b)) {
					c += (a - M) * (b - M);
					cn += 1;
				}
			}
		}
	}
	double V = vn > 1 ? v / vn : 1.0;
	double tau2 = cn > 0 ? c / cn : 0.5 * V;
	if (tau2 < 1e-4)
		tau2 = 1e-4;
	if (tau2 > V)
		tau2 = V;
	double omega2 = V - tau2 > 1e-4 ? V - tau2 : 1e-4;
	for (size_t u = 0; u < nu; u++) {
		double M = prior[u];
		double s = 0;
		int K = 0;
		for (int k = 0; k < nw; k++) {
			double a = m[u * (size_t)nw + (size_t)k];
			if (isfinite(a)) {
				s += a;
				K++;
			}
		}
		if (K == 0) {
			mu[u] = M;
			sd[u] = sqrt(tau2);
		} else {
			double B = tau2 / (tau2 + omega2 / K);
			mu[u] = M + B * (s / K - M);
			sd[u] = sqrt((1.0 - B) * tau2);
		}
		if (nwin)
			nwin[u] = K;
	}
	if (tau2_out)
		*tau2_out = tau2;
	if (omega2_out)
		*omega2_out = omega2;
	free(m);
	free(prior);
	return MP_OK;
}

void mp_gap_fit_free(mp_gap_fit *f)
{
	if (!f)
		return;
	free(f->mu);
	free(f->mu_sd);
	free(f->nwin);
	f->mu = f->mu_sd = NULL;
	f->nwin = NULL;
}

#define NLAM 60 /* lambda grid 0.0025, 0.005, ..., 0.15 */
#define NB 11   /* prior-slope grid 0, 0.1, ..., 1 */
static double lam_at(int k)
{
	return 0.0025 * (k + 1);
}
static double slope_at(int j)
{
	return 0.1 * j;
}

int mp_fit_gaps(mp_ctx *ctx, const mp_econ_panel *x, int until, int window, int horizon, int boot, uint64_t seed,
		mp_gap_fit *out)
{
	return mp_fit_gaps_weighted(ctx, x, NULL, until, window, horizon, boot, seed, out);
}

/* The (lambda, slope) cell of the smallest total in tot[NLAM * NB]. */
static int grid_best(const double *tot)
{
	int best = 0;
	for (int k = 1; k < NLAM * NB; k++)
		if (tot[k] < tot[best])
			best = k;
	return best;
}

int mp_fit_gaps_weighted(mp_ctx *ctx, const mp_econ_panel *x, const mp_econ_panel *weight, int until, int window,
			 int horizon, int boot, uint64_t seed, mp_gap_fit *out)
{
	memset(out, 0, sizeof *out);
	const size_t nu = x->nu, G = (size_t)NLAM * NB;
	const int t0 = x->first + window, t1 = until - horizon;
	if (window < 2 || horizon < 1 || t1 < t0)
		return mp_error_set(ctx, MP_EINPUT,
				    SRC ": gaps: expected origins in [%d, %d] (a %d-year window, then %d years "
					"to score), got none",
				    t0, t1, window, horizon);
	int rc = MP_OK;
	/* sse[u * G + cell], cell = k * NB + j (lambda k, slope j); cnt[u] */
	double *sse = calloc(nu * G + 1, sizeof *sse), *cnt = calloc(nu + 1, sizeof *cnt);
	double *mu = malloc((nu + 1) * sizeof *mu), *sd = malloc((nu + 1) * sizeof *sd);
	double *sse0 = calloc(nu + 1, sizeof *sse0), *cw = calloc(nu + 1, sizeof *cw);
	double *tot = calloc(G, sizeof *tot);
	if (!sse || !cnt || !mu || !sd || !sse0 || !cw || !tot) {
		rc = oom(ctx, "gaps");
		goto done;
	}
	for (int k = 0; k < NLAM; k++) {
		double lam = lam_at(k), rh = pow(1.0 - lam, horizon);
		for (int j = 0; j < NB; j++) {
			const size_t cell = (size_t)k * NB + (size_t)j;
			for (int t = t0; t <= t1; t++) {
				if ((rc = mp_econ_gaps_at(ctx, x, t, lam, slope_at(j), window, mu, sd, NULL, NULL,
							  NULL)) != MP_OK)
					goto done;
				for (size_t u = 0; u < nu; u++) {
					double a = mp_econ_at(x, u, t), b = mp_econ_at(x, u, t + horizon);
					if (!isfinite(a) || !isfinite(b))
						continue;
					double wt = weight ? mp_econ_at(weight, u, t) : 1.0;
					if (!(wt > 0))
						continue;
					double f = mu[u] + rh * (a - mu[u]);
					sse[u * G + cell] += wt * (b - f) * (b - f);
					if (cell == 0) {
						cnt[u] += 1;
						cw[u] += wt;
						sse0[u] += wt * (b - a) * (b - a);
					}
				}
			}
		}
	}
	/* the choice on the full sample and on bootstrap resamples of units */
	double n = 0, s0 = 0, wsum = 0;
	for (size_t u = 0; u < nu; u++) {
		for (size_t c = 0; c < G; c++)
			tot[c] += sse[u * G + c];
		n += cnt[u];
		wsum += cw[u];
		s0 += sse0[u];
	}
	if (n < 10) {
		rc = mp_error_set(ctx, MP_EINPUT, SRC ": gaps: %g forecasts to score; expected at least 10", n);
		goto done;
	}
	int best = grid_best(tot);
	out->lambda = lam_at(best / NB);
	out->slope = slope_at(best % NB);
	out->n_forecasts = (size_t)n;
	out->cv_rmse = sqrt(tot[best] / wsum);
	out->cv_rmse_zero = sqrt(s0 / wsum);
	/* the same with the slope held at 1 (no convergence toward the group), for the docs */
	int b1 = NB - 1;
	for (int k = 0; k < NLAM; k++)
		if (tot[(size_t)k * NB + NB - 1] < tot[(size_t)b1])
			b1 = k * NB + NB - 1;
	out->cv_rmse_slope1 = sqrt(tot[b1] / wsum);
	mp_rng r;
	mp_rng_init(&r, seed, 0, 0x6761);
	double s1 = 0, s2 = 0, q1 = 0, q2 = 0;
	for (int b = 0; b < boot; b++) {
		memset(tot, 0, G * sizeof *tot);
		for (size_t i = 0; i < nu; i++) {
			size_t u = mp_rng_below(&r, (uint32_t)nu);
			for (size_t c = 0; c < G; c++)
				tot[c] += sse[u * G + c];
		}
		int bb = grid_best(tot);
		s1 += lam_at(bb / NB);
		s2 += lam_at(bb / NB) * lam_at(bb / NB);
		q1 += slope_at(bb % NB);
		q2 += slope_at(bb % NB) * slope_at(bb % NB);
	}
	out->lambda_se = boot > 1 ? sqrt(fmax(0.0, (s2 - s1 * s1 / boot) / (boot - 1))) : MP_NA;
	out->slope_se = boot > 1 ? sqrt(fmax(0.0, (q2 - q1 * q1 / boot) / (boot - 1))) : MP_NA;
	/* the gaps at `until` */
	out->mu = malloc((nu + 1) * sizeof *out->mu);
	out->mu_sd = malloc((nu + 1) * sizeof *out->mu_sd);
	out->nwin = malloc((nu + 1) * sizeof *out->nwin);
	if (!out->mu || !out->mu_sd || !out->nwin) {
		rc = oom(ctx, "gaps");
		goto done;
	}
	if ((rc = mp_econ_gaps_at(ctx, x, until, out->lambda, out->slope, window, out->mu, out->mu_sd, out->nwin,
				  &out->tau2, &out->omega2)) != MP_OK)
		goto done;
	double sxy = 0, sxx = 0;
	for (size_t u = 0; u < nu; u++) {
		double a = mp_econ_at(x, u, until);
		if (!isfinite(a)) {
			out->mu[u] = out->mu_sd[u] = MP_NA;
			continue;
		}
		sxy += a * out->mu[u];
		sxx += a * a;
	}
	out->shrink_slope = sxx > 0 ? sxy / sxx : MP_NA;
done:
	free(sse);
	free(cnt);
	free(mu);
	free(sd);
	free(sse0);
	free(cw);
	free(tot);
	if (rc != MP_OK)
		mp_gap_fit_free(out);
	return rc;
}

/* ---- 2. shocks ------------------------------------------------------------------------- */

double mp_econ_t_df(double k)
{
	if (!(k > 6.0 / 96.0))
		return 100.0;
	double df = 4.0 + 6.0 / k;
	return df < 4.5 ? 4.5 : (df > 100.0 ? 100.0 : df);
}

void mp_shock_fit_free(mp_shock_fit *f)
{
	if (f) {
		free(f->unit_sd);
		free(f->dev0);
		f->unit_sd = f->dev0 = NULL;
	}
}

/* Deviation of unit u in year t from the convergence path, or NaN. */
static double deviation(const mp_econ_panel *x, size_t u, int t, double lambda, const double *mu)
{
	double a = mp_econ_at(x, u, t - 1), b = mp_econ_at(x, u, t);
	if (!isfinite(a) || !isfinite(b) || !isfinite(mu[u]))
		return MP_NA;
	return b - a - lambda * (mu[u] - a);
}

/* Mean deviation over [a, b] (all present), or NaN. */
static double mean_dev(const mp_econ_panel *x, size_t u, int a, int b, double lambda, const double *mu)
{
	double s = 0;
	for (int t = a; t <= b; t++) {
		double d = deviation(x, u, t, lambda, mu);
		if (!isfinite(d))
			return MP_NA;
		s += d;
	}
	return s / (b - a + 1);
}

/* Years of the recent mean deviation behind the momentum (10: bench/econ_check gave MAE
 * 0.01781 against 0.01788 with 5, origins 1970-2006). */
#define PASTW 10
int mp_fit_momentum(mp_ctx *ctx, const mp_econ_panel *x, int first, int until, double lambda, const double *mu,
		    int horizon, mp_shock_fit *out)
{
	const size_t nu = x->nu;
	double g[3] = { 0, 0, 0 }, gn[3] = { 0, 0, 0 };
	for (size_t u = 0; u < nu; u++)
		for (int t = first + 1; t <= until; t++) {
			double d0 = deviation(x, u, t, lambda, mu);
			if (!isfinite(d0))
				continue;
			for (int k = 0; k < 3; k++) {
				double dk = deviation(x, u, t - k, lambda, mu);
				if (t - k > first && isfinite(dk)) {
					g[k] += d0 * dk;
					gn[k] += 1;
				}
			}
		}
	for (int k = 0; k < 3; k++)
		g[k] = gn[k] > 0 ? g[k] / gn[k] : MP_NA;
	out->g0 = g[0];
	out->g1 = g[1];
	out->g2 = g[2];
	double rv = g[1] > 0 && g[2] > 0 ? g[2] / g[1] : 0.0;
	if (rv > 0.98)
		rv = 0.98;
	double varv = rv > 0 ? g[1] / rv : 0.0;
	if (varv > g[0])
		varv = g[0];
	out->rho_v = rv;
	out->sd_v = sqrt(varv * (1.0 - rv * rv));
	out->sd_w = sqrt(g[0] - varv > 0 ? g[0] - varv : 0.0);
	/* the momentum regression over origins */
	double sxy = 0, sxx = 0, syy = 0;
	size_t n = 0;
	for (size_t u = 0; u < nu; u++)
		for (int t = first + PASTW; t <= until - horizon; t++) {
			double past = mean_dev(x, u, t - PASTW + 1, t, lambda, mu);
			double fut = mean_dev(x, u, t + 1, t + horizon, lambda, mu);
			if (!isfinite(past) || !isfinite(fut))
				continue;
			sxy += past * fut;
			sxx += past * past;
			syy += fut * fut;
			n++;
		}
	/* Fewer than 10 unit-origins (an early calibration year: PWT starts in 1950, and the
	   regression needs PASTW + horizon years): no momentum, beta_m = 0 with no s.e., so
	   the deviations start at 0 as in the model without momentum (docs/economy.md). */
	const int fitted = n >= 10 && sxx > 0;
	double b = fitted ? sxy / sxx : 0.0;
	/* overlapping origins: the s.e. treats each unit-origin as one observation (a lower
	   bound; reported as such in docs/economy.md) */
	double rss = syy - b * sxy;
	out->beta_m = b;
	out->beta_m_se = fitted && n > 1 ? sqrt(rss / (double)(n - 1) / sxx) : MP_NA;
	out->beta_m_n = n;
	double mk = 0;
	for (int k = 1; k <= horizon; k++)
		mk += pow(rv, k);
	mk /= horizon;
	out->dev0 = malloc((nu + 1) * sizeof *out->dev0);
	if (!out->dev0)
		return oom(ctx, "momentum");
	for (size_t u = 0; u < nu; u++) {
		double past = mean_dev(x, u, until - PASTW + 1, until, lambda, mu);
		out->dev0[u] = isfinite(past) && mk > 0 ? b * past / mk : MP_NA;
	}
	return MP_OK;
}

/* Kurtosis, df, the median unit's s.d. and each unit's shrunk s.d. from residuals e[k] of
 * units uid[k]. */
static int residual_stats(mp_ctx *ctx, const double *e, const size_t *uid, size_t k, size_t nu, double *sdm,
			  double *kurt, double *df, double **unit_sd)
{
	double m2 = 0, m4 = 0;
	for (size_t i = 0; i < k; i++) {
		m2 += e[i] * e[i];
		m4 += e[i] * e[i] * e[i] * e[i];
	}
	m2 /= (double)k;
	m4 /= (double)k;
	*kurt = m4 / (m2 * m2) - 3.0;
	*df = mp_econ_t_df(*kurt);
	double *us = malloc((nu + 1) * sizeof *us), *ss = calloc(2 * nu + 2, sizeof *ss);
	if (!us || !ss) {
		free(us);
		free(ss);
		return oom(ctx, "shocks");
	}
	for (size_t i = 0; i < k; i++) {
		ss[2 * uid[i]] += e[i] * e[i];
		ss[2 * uid[i] + 1] += 1;
	}
	/* the median unit's own s.d. (units with >= 10 residuals; none: the pooled s.d.) */
	size_t m = 0;
	for (size_t u = 0; u < nu; u++)
		if (ss[2 * u + 1] >= 10)
			us[m++] = sqrt(ss[2 * u] / ss[2 * u + 1]);
	double sd = sqrt(m2);
	if (m > 0) {
		qsort(us, m, sizeof *us, cmp_dbl);
		sd = m % 2 ? us[m / 2] : 0.5 * (us[m / 2 - 1] + us[m / 2]);
	}
	*sdm = sd;
	const double nu0 = 10.0;
	for (size_t u = 0; u < nu; u++)
		us[u] = ss[2 * u + 1] > 0 ? sqrt((nu0 * sd * sd + ss[2 * u]) / (nu0 + ss[2 * u + 1])) : MP_NA;
	free(ss);
	*unit_sd = us;
	return MP_OK;
}

int mp_fit_shocks(mp_ctx *ctx, const mp_econ_panel *x, int first, int until, double lambda, const double *mu,
		  mp_shock_fit *out)
{
	memset(out, 0, sizeof *out);
	out->prior_df = 10.0;
	const size_t nu = x->nu;
	size_t cap = nu * (size_t)x->ny + 1, k = 0;
	double *X = malloc(cap * sizeof *X), *y = malloc(cap * sizeof *y);
	size_t *uid = malloc(cap * sizeof *uid);
	int rc = MP_OK;
	if (!X || !y || !uid) {
		rc = oom(ctx, "shocks");
		goto done;
	}
	for (size_t u = 0; u < nu; u++) {
		if (mu && !isfinite(mu[u]))
			continue;
		for (int t = first + (mu ? 2 : 1); t <= until; t++) {
			/* with mu = NULL the panel holds the deviations d themselves */
			double a = mu ? mp_econ_at(x, u, t - 2) : 0.0, b = mp_econ_at(x, u, t - 1);
			double c = mp_econ_at(x, u, t);
			if (!isfinite(a) || !isfinite(b) || !isfinite(c))
				continue;
			double dp = mu ? b - a - lambda * (mu[u] - a) : b;
			double dc = mu ? c - b - lambda * (mu[u] - b) : c;
			X[k] = dp;
			y[k] = dc;
			uid[k] = u;
			k++;
		}
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, 1, &f)) != MP_OK)
		goto done;
	out->rho = f.coef[0];
	out->rho_se = f.se[0];
	out->sd = f.sigma;
	out->n = k;
	for (size_t i = 0; i < k; i++)
		y[i] -= f.coef[0] * X[i];
	if ((rc = residual_stats(ctx, y, uid, k, nu, &out->sd_median, &out->kurtosis, &out->df, &out->unit_sd)) !=
	    MP_OK)
		goto done;
	/* delta method: d df / d k = -6 / k^2, var(k) ~ 24 / n (normal reference) */
	out->df_se = out->kurtosis > 0 && out->df < 100 ? 6.0 / (out->kurtosis * out->kurtosis) * sqrt(24.0 / k)
							: MP_NA;
done:
	free(X);
	free(y);
	free(uid);
	return rc;
}

/* ---- 3. reversion ------------------------------------------------------------------------ */

void mp_reversion_fit_free(mp_reversion_fit *f)
{
	if (f) {
		free(f->unit_sd);
		f->unit_sd = NULL;
	}
}

int mp_fit_reversion(mp_ctx *ctx, const mp_econ_panel *v, const double *m, size_t nextra,
		     const mp_econ_panel *const *extra, const int *lag, const double *clamp, int from, int until,
		     mp_reversion_fit *out)
{
	memset(out, 0, sizeof *out);
	if (nextra > MP_REV_MAXX)
		return mp_error_set(ctx, MP_EINPUT, SRC ": reversion: at most %d covariates, got %zu", MP_REV_MAXX,
				    nextra);
	const size_t nu = v->nu, p = 1 + nextra;
	size_t cap = nu * (size_t)v->ny + 1, k = 0;
	double *X = malloc(cap * p * sizeof *X), *y = malloc(cap * sizeof *y);
	size_t *uid = malloc(cap * sizeof *uid);
	int rc = MP_OK;
	if (!X || !y || !uid) {
		rc = oom(ctx, "reversion");
		goto done;
	}
	for (size_t u = 0; u < nu; u++) {
		if (!isfinite(m[u]))
			continue;
		for (int t = from + 1; t <= until; t++) {
			double a = mp_econ_at(v, u, t - 1), b = mp_econ_at(v, u, t);
			if (!isfinite(a) || !isfinite(b))
				continue;
			double *xr = X + k * p;
			xr[0] = -(a - m[u]);
			int ok = 1;
			for (size_t j = 0; j < nextra && ok; j++) {
				double z = mp_econ_at(extra[j], u, t + lag[j]);
				if (!isfinite(z))
					ok = 0;
				else if (clamp[j] > 0)
					z = z > clamp[j] ? clamp[j] : (z < -clamp[j] ? -clamp[j] : z);
				xr[1 + j] = z;
			}
			if (!ok)
				continue;
			y[k] = b - a;
			uid[k] = u;
			k++;
		}
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, p, &f)) != MP_OK)
		goto done;
	out->kappa = f.coef[0];
	out->kappa_se = f.se[0];
	for (size_t j = 0; j < nextra; j++) {
		out->coef[j] = f.coef[1 + j];
		out->se[j] = f.se[1 + j];
	}
	out->sigma = f.sigma;
	out->r2 = f.r2;
	out->n = k;
	for (size_t i = 0; i < k; i++) {
		double fit = 0;
		for (size_t j = 0; j < p; j++)
			fit += f.coef[j] * X[i * p + j];
		y[i] -= fit;
	}
	rc = residual_stats(ctx, y, uid, k, nu, &out->sd_median, &out->kurtosis, &out->df, &out->unit_sd);
done:
	free(X);
	free(y);
	free(uid);
	return rc;
}

/* Median of unit u's values over [a, b] (NaN with fewer than minobs); tmp holds b - a + 1. */
static double window_median(const mp_econ_panel *v, size_t u, int a, int b, size_t minobs, double *tmp)
{
	size_t m = 0;
	for (int t = a; t <= b; t++) {
		double z = mp_econ_at(v, u, t);
		if (isfinite(z))
			tmp[m++] = z;
	}
	if (m < minobs || m == 0)
		return MP_NA;
	qsort(tmp, m, sizeof *tmp, cmp_dbl);
	return m % 2 ? tmp[m / 2] : 0.5 * (tmp[m / 2 - 1] + tmp[m / 2]);
}

#define NK 51 /* speed grid 0, 0.01, ..., 0.5 */
#define NW 11 /* weight of the unit's own median: 0, 0.1, ..., 1 */
int mp_fit_partial_rolling(mp_ctx *ctx, const mp_econ_panel *v, const mp_econ_panel *weight, int from, int until,
			   int window, int horizon, int boot, uint64_t seed, mp_partial_fit *out)
{
	memset(out, 0, sizeof *out);
	const size_t nu = v->nu, G = (size_t)NK * NW;
	double *sse = calloc(nu * G + 1, sizeof *sse), *tot = calloc(G, sizeof *tot);
	double *tmp = malloc(((size_t)window + nu + 1) * sizeof *tmp), *med = malloc((nu + 1) * sizeof *med);
	double wsum = 0;
	int rc = MP_OK;
	if (!sse || !tot || !tmp || !med) {
		rc = oom(ctx, "partial adjustment");
		goto done;
	}
	for (int t0 = from + window; t0 + horizon - 1 <= until; t0++) {
		/* every unit's median of the `window` years before t0, and their median (the world's) */
		size_t nm = 0;
		for (size_t u = 0; u < nu; u++) {
			med[u] = window_median(v, u, t0 - window, t0 - 1, 5, tmp);
			if (isfinite(med[u]))
				tmp[window + nm++] = med[u];
		}
		if (nm == 0)
			continue;
		qsort(tmp + window, nm, sizeof *tmp, cmp_dbl);
		const double mw = nm % 2 ? tmp[window + nm / 2]
					 : 0.5 * (tmp[window + nm / 2 - 1] + tmp[window + nm / 2]);
		for (size_t u = 0; u < nu; u++) {
			double s0 = mp_econ_at(v, u, t0 - 1), wt = weight ? mp_econ_at(weight, u, t0) : 1.0;
			if (!isfinite(med[u]) || !isfinite(s0) || !(wt > 0))
				continue;
			double fut = 0;
			int ok = 1;
			for (int h = 0; h < horizon && ok; h++) {
				double z = mp_econ_at(v, u, t0 + h);
				ok = isfinite(z);
				fut += z;
			}
			if (!ok)
				continue;
			fut /= horizon;
			for (int k = 0; k < NK; k++)
				for (int j = 0; j < NW; j++) {
					/* the sim's path: year h uses s_h, s_h+1 = s_h + k (m - s_h), m = w m_u + (1 - w) m_world */
					double kk = 0.01 * k, m = 0.1 * j * med[u] + (1.0 - 0.1 * j) * mw, sh = s0,
					       mean = 0;
					for (int h = 0; h < horizon; h++) {
						mean += sh;
						sh += kk * (m - sh);
					}
					mean /= horizon;
					sse[u * G + (size_t)k * NW + (size_t)j] += wt * (mean - fut) * (mean - fut);
				}
			out->n++;
			wsum += wt;
		}
	}
	if (out->n < 10) {
		rc = mp_error_set(ctx, MP_EINPUT,
				  SRC ": partial adjustment: %zu forecasts to score; expected at least 10", out->n);
		goto done;
	}
	for (size_t u = 0; u < nu; u++)
		for (size_t c = 0; c < G; c++)
			tot[c] += sse[u * G + c];
	size_t best = 0, own = NW - 1; /* the best cell; the best with the unit's own median alone */
	for (size_t c = 1; c < G; c++) {
		if (tot[c] < tot[best])
			best = c;
		if (c % NW == NW - 1 && tot[c] < tot[own])
			own = c;
	}
	out->speed = 0.01 * (double)(best / NW);
	out->own_weight = 0.1 * (double)(best % NW);
	out->rmse = sqrt(tot[best] / wsum);
	out->rmse_still = sqrt(tot[0] / wsum);
	out->rmse_own = sqrt(tot[own] / wsum);
	mp_rng r;
	mp_rng_init(&r, seed, 0, 0x7061);
	double s1 = 0, s2 = 0, q1 = 0, q2 = 0;
	for (int b = 0; b < boot; b++) {
		memset(tot, 0, G * sizeof *tot);
		for (size_t i = 0; i < nu; i++) {
			size_t u = mp_rng_below(&r, (uint32_t)nu);
			for (size_t c = 0; c < G; c++)
				tot[c] += sse[u * G + c];
		}
		size_t bb = 0;
		for (size_t c = 1; c < G; c++)
			if (tot[c] < tot[bb])
				bb = c;
		double k = 0.01 * (double)(bb / NW), w = 0.1 * (double)(bb % NW);
		s1 += k;
		s2 += k * k;
		q1 += w;
		q2 += w * w;
	}
	out->speed_se = boot > 1 ? sqrt(fmax(0.0, (s2 - s1 * s1 / boot) / (boot - 1))) : MP_NA;
	out->own_weight_se = boot > 1 ? sqrt(fmax(0.0, (q2 - q1 * q1 / boot) / (boot - 1))) : MP_NA;
done:
	free(sse);
	free(tot);
	free(tmp);
	free(med);
	return rc;
}

int mp_econ_unit_median(mp_ctx *ctx, const mp_econ_panel *v, int from, int until, size_t minobs, double *median,
			double *q05, double *q95)
{
	double *tmp = malloc(((size_t)v->ny + 1) * sizeof *tmp);
	if (!tmp)
		return oom(ctx, "medians");
	for (size_t u = 0; u < v->nu; u++) {
		size_t m = 0;
		for (int t = from; t <= until; t++) {
			double a = mp_econ_at(v, u, t);
			if (isfinite(a))
				tmp[m++] = a;
		}
		double md = MP_NA, lo = MP_NA, hi = MP_NA;
		if (m >= minobs && m > 0) {
			qsort(tmp, m, sizeof *tmp, cmp_dbl);
			/* type 7: h = (m - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) */
			double q[3] = { 0.5, 0.05, 0.95 }, r[3];
			for (int j = 0; j < 3; j++) {
				double h = (double)(m - 1) * q[j];
				size_t f = (size_t)floor(h);
				r[j] = f + 1 < m ? tmp[f] + (h - (double)f) * (tmp[f + 1] - tmp[f]) : tmp[m - 1];
			}
			md = r[0];
			lo = r[1];
			hi = r[2];
		}
		median[u] = md;
		if (q05)
			q05[u] = lo;
		if (q95)
			q95[u] = hi;
	}
	free(tmp);
	return MP_OK;
}

/* ---- 4. lines ----------------------------------------------------------------------------- */

int mp_fit_line(mp_ctx *ctx, const mp_econ_panel *y, const mp_econ_panel *x, int from, int until, int diff,
		mp_line_fit *out)
{
	memset(out, 0, sizeof *out);
	size_t cap = y->nu * (size_t)y->ny + 1, k = 0;
	double *X = malloc(2 * cap * sizeof *X), *Y = malloc(cap * sizeof *Y);
	int rc = MP_OK;
	if (!X || !Y) {
		rc = oom(ctx, "line");
		goto done;
	}
	for (size_t u = 0; u < y->nu; u++)
		for (int t = from + (diff ? 1 : 0); t <= until; t++) {
			double b = mp_econ_at(y, u, t), a = diff ? mp_econ_at(y, u, t - 1) : 0.0;
			double z = mp_econ_at(x, u, diff ? t - 1 : t);
			if (!isfinite(b) || !isfinite(a) || !isfinite(z))
				continue;
			X[2 * k] = 1.0;
			X[2 * k + 1] = z;
			Y[k++] = b - a;
		}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, Y, k, 2, &f)) != MP_OK)
		goto done;
	*out = (mp_line_fit){ f.coef[0], f.se[0], f.coef[1], f.se[1], f.sigma, f.r2, k };
done:
	free(X);
	free(Y);
	return rc;
}
