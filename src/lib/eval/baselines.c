/*
 * The baselines of the evaluation (docs/evaluate.md, "Baselines"), each fitted on the
 * history known at the origin Y0 only: the panel passed in holds no year after Y0.
 *
 *  persistence         x(Y1) = x(Y0) (growth: g = 0)
 *  trend               OLS line over Y0-T..Y0 (shares on the share, GDP and population on
 *                      the log level) evaluated at Y1
 *  rw_drift            random walk with drift: x(Y0) exp(h g), g = own mean log growth
 *                      over Y0-T..Y0 (0 without a value in Y0-T: persistence)
 * Share forecasts are kept in [0, 1].
 *  world_mean          GDP and population: the cross-country mean growth over Y0-T..Y0
 *                      (Pritchett & Summers 2014, regression to the mean)
 *  persistence_spread  persistence as the median, with the spread of past h-year log
 *                      changes (ending in the last S years up to Y0) of the A states
 *                      nearest in size at the start of each window: an analog ensemble
 *                      (Delle Monache et al. 2013) centred on persistence
 *  own_rate            war: the state's own participation (or onset) rate up to Y0,
 *                      (k + 1/2) / (n + 1), the posterior mean under Jeffreys' Beta(1/2, 1/2)
 *                      prior (Jeffreys 1946; Brown, Cai & DasGupta 2001): never 0 or 1
 *  size_logit          war: logit of participation (onset) on ln CINC over every
 *                      state-year up to Y0 (mp_calib_logit), at the state's Y0 CINC
 * For war_freq the war baselines' probability p gives the distribution Binomial(h, p) / h,
 * represented by its quantiles at levels (m + 1/2) / M, m < M = EV_BINOM_MEMBERS.
 */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"
#include "multipolar/stats.h"

#define SRC "baselines.c"

static int is_growth(int var)
{
	return var == MP_EVAL_GDP || var == MP_EVAL_POP;
}

/* Unit ids of a variable's series: states 1..999, and poles for cinc_share. */
#define NU (EV_POLE0 + EV_MAXPOLES)

/* The series of variable `var` for years [t0, Y0] (rows) and every unit (columns):
 * world shares (over every state of the year), shares among the top K, or levels. */
static void series(const ev_origin *og, const ev_panel *h, int var, int t0, double *X)
{
	const int Y0 = og->year;
	for (int t = t0; t <= Y0; t++) {
		double *row = X + (size_t)(t - t0) * NU;
		for (int u = 0; u < NU; u++)
			row[u] = MP_NA;
		double tot = 0;
		if (var == MP_EVAL_CINC_SHARE || var == MP_EVAL_MILEX_SHARE) {
			const double *x = var == MP_EVAL_CINC_SHARE ? h->cinc : h->milex;
			for (int c = 1; c < EV_NC; c++)
				if (h->present[ev_at(h, t, c)] && isfinite(x[ev_at(h, t, c)]))
					tot += x[ev_at(h, t, c)];
			for (int c = 1; c < EV_NC && tot > 0; c++)
				if (h->present[ev_at(h, t, c)] && isfinite(x[ev_at(h, t, c)]))
					row[c] = x[ev_at(h, t, c)] / tot;
			if (var == MP_EVAL_CINC_SHARE)
				for (size_t i = 0; i < og->ns; i++) {
					int p = og->pole_of[i], c = og->ccode[i];
					if (p < 0 || !isfinite(row[c]))
						continue;
					double *pr = &row[EV_POLE0 + p];
					*pr = isfinite(*pr) ? *pr + row[c] : row[c];
				}
		} else if (var == MP_EVAL_CINC_SHARE_TOP) {
			for (size_t k = 0; k < og->ntop; k++) {
				double c = h->cinc[ev_at(h, t, og->top[k])];
				if (h->present[ev_at(h, t, og->top[k])] && isfinite(c))
					tot += c;
			}
			for (size_t k = 0; k < og->ntop && tot > 0; k++) {
				double c = h->cinc[ev_at(h, t, og->top[k])];
				if (h->present[ev_at(h, t, og->top[k])] && isfinite(c))
					row[og->top[k]] = c / tot;
			}
		} else {
			const double *x = var == MP_EVAL_GDP ? h->gdp : h->tpop;
			for (int c = 1; c < EV_NC; c++)
				if (h->present[ev_at(h, t, c)])
					row[c] = x[ev_at(h, t, c)];
		}
	}
}

/* The units forecast for a variable: the origin's states (the top K for the top share),
 * and the poles for cinc_share. */
static size_t units_of(const ev_origin *og, int var, int *u)
{
	size_t n = 0;
	if (var == MP_EVAL_CINC_SHARE_TOP) {
		for (size_t k = 0; k < og->ntop; k++)
			u[n++] = og->top[k];
		return n;
	}
	for (size_t i = 0; i < og->ns; i++)
		u[n++] = og->ccode[i];
	if (var == MP_EVAL_CINC_SHARE)
		for (int p = 0; p < og->npoles; p++)
			u[n++] = EV_POLE0 + p;
	return n;
}

typedef struct {
	double dist;
	int c;
} analog;

static int cmp_analog(const void *a, const void *b)
{
	const analog *x = a, *y = b;
	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	return (x->c > y->c) - (x->c < y->c);
}

/* The analog pool of log changes over h years for a unit of size x0 (> 0): windows
 * [t - h, t] with t in [Y0 - S + 1, Y0] and t - h >= t0; per window, the A states nearest
 * in ln size at t - h. Returns the pool size (d must hold S * A values). */
static size_t analog_pool(const double *X, int t0, int Y0, int hz, int S, int A, double x0, int growth, analog *work,
			  double *d)
{
	size_t n = 0;
	double l0 = log(x0);
	for (int t = Y0 - S + 1; t <= Y0; t++) {
		if (t - hz < t0)
			continue;
		const double *a = X + (size_t)(t - hz - t0) * NU, *b = X + (size_t)(t - t0) * NU;
		size_t nc = 0;
		for (int c = 1; c < EV_NC; c++)
			if (a[c] > 0 && b[c] > 0 && isfinite(a[c]) && isfinite(b[c]))
				work[nc++] = (analog){ fabs(log(a[c]) - l0), c };
		qsort(work, nc, sizeof *work, cmp_analog);
		for (size_t k = 0; k < nc && k < (size_t)A; k++) {
			int c = work[k].c;
			double ch = log(b[c] / a[c]);
			d[n++] = growth ? ch / hz : ch;
		}
	}
	return n;
}

/* Continuous variables: persistence, trend, rw_drift, world_mean, persistence_spread. */
static int continuous(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, const ev_baseline_opts *bo, int var,
		      ev_fcset *f)
{
	const int Y0 = og->year, T = bo->trend_years, S = bo->spread_years, A = bo->spread_analogs;
	const int span = T > S + og->hmax ? T : S + og->hmax;
	const int t0 = Y0 - span > h->first ? Y0 - span : h->first;
	const int growth = is_growth(var);
	const size_t ny = (size_t)(Y0 - t0 + 1);
	double *X = malloc(ny * NU * sizeof *X), *d = malloc(((size_t)S * (size_t)A + 1) * sizeof *d);
	double *tx = malloc((size_t)(T + 1) * 2 * sizeof *tx), *mem = NULL;
	analog *work = malloc(EV_NC * sizeof *work);
	int *units = malloc((og->ns + EV_MAXPOLES + og->ntop + 1) * sizeof *units);
	int rc = MP_OK;
	if (!X || !d || !tx || !work || !units) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	series(og, h, var, t0, X);
	const double *now = X + (ny - 1) * NU;
	/* world_mean: the mean over states of the annual log growth over Y0-T..Y0 */
	double wm = 0;
	size_t nwm = 0;
	if (growth && Y0 - T >= t0) {
		const double *then = X + (size_t)(Y0 - T - t0) * NU;
		for (int c = 1; c < EV_NC; c++)
			if (then[c] > 0 && now[c] > 0 && isfinite(then[c]) && isfinite(now[c])) {
				wm += log(now[c] / then[c]) / T;
				nwm++;
			}
	}
	wm = nwm ? wm / (double)nwm : 0.0;
	size_t nu = units_of(og, var, units);
	for (size_t k = 0; k < nu && rc == MP_OK; k++) {
		const int u = units[k];
		const double x0 = now[u];
		if (!isfinite(x0) || (growth && !(x0 > 0)))
			continue;
		/* trend points and the drift's first year */
		size_t np = 0;
		int ta = 0;
		for (int t = Y0 - T; t <= Y0; t++) {
			double x = t >= t0 ? X[(size_t)(t - t0) * NU + (size_t)u] : MP_NA;
			if (!isfinite(x) || (growth && !(x > 0)))
				continue;
			tx[np] = t;
			tx[T + 1 + np] = growth ? log(x) : x;
			np++;
			if (t == Y0 - T && x > 0)
				ta = t;
		}
		for (size_t hi = 0; hi < og->nh && rc == MP_OK; hi++) {
			const int hz = og->horizons[hi], Y1 = Y0 + hz;
			double pers = growth ? 0.0 : x0, trend = pers, drift = pers;
			if (np >= 2 && (rc = mp_calib_trend_at(ctx, tx, tx + T + 1, np, Y1, &trend)) != MP_OK)
				goto done;
			if (growth)
				trend = np >= 2 ? (trend - log(x0)) / hz : 0.0;
			else if (trend < 0)
				trend = 0;
			if (ta && x0 > 0) {
				double g = log(x0 / X[(size_t)(ta - t0) * NU + (size_t)u]) / (Y0 - ta);
				drift = growth ? g : fmin(1.0, x0 * exp(hz * g));
			}
			if (!growth && trend > 1)
				trend = 1;
			if (!ev_fc_add(f, var, Y1, u, EV_M_PERSISTENCE, EV_POINT, 0, &pers, 1) ||
			    !ev_fc_add(f, var, Y1, u, EV_M_TREND, EV_POINT, 0, &trend, 1) ||
			    !ev_fc_add(f, var, Y1, u, EV_M_RW_DRIFT, EV_POINT, 0, &drift, 1) ||
			    (growth && !ev_fc_add(f, var, Y1, u, EV_M_WORLD_MEAN, EV_POINT, 0, &wm, 1))) {
				rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
				goto done;
			}
			/* persistence_spread: the analog pool's changes, centred on their median */
			size_t m = x0 > 0 ? analog_pool(X, t0, Y0, hz, S, A, x0, growth, work, d) : 0;
			if (m == 0) {
				d[0] = 0;
				m = 1;
			}
			if (!(mem = ev_fc_add(f, var, Y1, u, EV_M_SPREAD, EV_ENS, 0, NULL, m))) {
				rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
				goto done;
			}
			/* centred so that the members' median (Hyndman & Fan 7) is persistence: growth
			   d - median(d); shares x0 e^d / median(e^d) (e^d is monotone in d) */
			mp_sort_doubles(d, m);
			for (size_t j = 0; !growth && j < m; j++)
				d[j] = exp(d[j]);
			double med = mp_quantile_sorted(d, m, 0.5);
			for (size_t j = 0; j < m; j++)
				mem[j] = growth ? d[j] - med : x0 * (d[j] / med);
		}
	}
done:
	free(X);
	free(d);
	free(tx);
	free(work);
	free(units);
	return rc;
}

/* The logit of the event on ln CINC over every state-year up to Y0: p at each state's
 * Y0 CINC (p[i] for og->ccode[i]). Without a fit (no events, separation) p is the
 * pooled rate. */
static int size_logit(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, int onset, double *p)
{
	size_t cap = 0, n = 0, ev = 0;
	const int tw = h->war_first > h->first ? h->war_first : h->first;
	for (int t = tw; t <= h->last; t++)
		for (int c = 1; c < EV_NC; c++)
			cap += h->present[ev_at(h, t, c)];
	double *X = malloc((2 * cap + 2) * sizeof *X), *y = malloc((cap + 1) * sizeof *y), cmin = INFINITY;
	if (!X || !y) {
		free(X);
		free(y);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (int t = tw; t <= h->last; t++)
		for (int c = 1; c < EV_NC; c++) {
			double ci = h->cinc[ev_at(h, t, c)];
			int e = ev_war_event(h, c, t, onset);
			if (e < 0 || !(ci > 0))
				continue;
			X[2 * n] = 1;
			X[2 * n + 1] = log(ci);
			y[n] = e;
			ev += (size_t)e;
			n++;
			if (ci < cmin)
				cmin = ci;
		}
	mp_logit_fit fit;
	int ok = n > 2 && ev > 0 && ev < n && mp_calib_logit(NULL, X, y, n, 2, &fit) == MP_OK && fit.converged;
	double rate = ((double)ev + 0.5) / ((double)n + 1);
	for (size_t i = 0; i < og->ns; i++) {
		double ci = h->cinc[ev_at(h, og->year, og->ccode[i])];
		if (!(ci > 0))
			ci = cmin;
		double z = ok ? fit.coef[0] + fit.coef[1] * log(ci) : 0;
		p[i] = ok ? 1.0 / (1.0 + exp(-z)) : rate;
	}
	free(X);
	free(y);
	return MP_OK;
}

/* Quantile members of Binomial(h, p) / h at levels (m + 1/2) / M, 0 < p < 1: the pmf by
 * the recursion P(k+1) = P(k) (h - k) / (k + 1) p / (1 - p). */
static void binomial_members(int hz, double p, double *out, size_t M)
{
	double pk = pow(1 - p, hz), cdf = pk;
	int k = 0;
	for (size_t m = 0; m < M; m++) {
		double lev = ((double)m + 0.5) / (double)M;
		while (k < hz && cdf < lev) {
			pk *= (double)(hz - k) / (double)(k + 1) * p / (1 - p);
			k++;
			cdf += pk;
		}
		out[m] = (double)k / hz;
	}
}

static int war_baselines(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, ev_fcset *f)
{
	const int Y0 = og->year;
	double *p = malloc((4 * og->ns + 1) * sizeof *p), *mem;
	if (!p)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	double *own = p + og->ns, *pl_on = own + og->ns, *own_on = pl_on + og->ns;
	int rc = size_logit(ctx, og, h, 0, p);
	if (rc == MP_OK)
		rc = size_logit(ctx, og, h, 1, pl_on);
	for (size_t i = 0; i < og->ns; i++) {
		int n = 0, k = 0, kon = 0;
		for (int t = h->war_first > h->first ? h->war_first : h->first; t <= Y0; t++) {
			int e = ev_war_event(h, og->ccode[i], t, 0);
			if (e < 0)
				continue;
			n++;
			k += e;
			kon += ev_war_event(h, og->ccode[i], t, 1);
		}
		own[i] = (k + 0.5) / (n + 1.0);
		own_on[i] = (kon + 0.5) / (n + 1.0);
	}
	for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
		const int c = og->ccode[i];
		for (int t = Y0 + 1; t <= Y0 + og->hmax && rc == MP_OK; t++) {
			if ((og->vars & (1u << MP_EVAL_WAR)) &&
			    (!ev_fc_add(f, MP_EVAL_WAR, t, c, EV_M_OWN_RATE, EV_PROB, 0, &own[i], 1) ||
			     !ev_fc_add(f, MP_EVAL_WAR, t, c, EV_M_SIZE_LOGIT, EV_PROB, 0, &p[i], 1)))
				rc = MP_ENOMEM;
			if ((og->vars & (1u << MP_EVAL_WAR_ONSET)) &&
			    (!ev_fc_add(f, MP_EVAL_WAR_ONSET, t, c, EV_M_OWN_RATE, EV_PROB, 0, &own_on[i], 1) ||
			     !ev_fc_add(f, MP_EVAL_WAR_ONSET, t, c, EV_M_SIZE_LOGIT, EV_PROB, 0, &pl_on[i], 1)))
				rc = MP_ENOMEM;
		}
		for (size_t hi = 0; hi < og->nh && rc == MP_OK && (og->vars & (1u << MP_EVAL_WAR_FREQ)); hi++) {
			const int hz = og->horizons[hi];
			const double q[2] = { own[i], p[i] };
			for (int j = 0; j < 2 && rc == MP_OK; j++) {
				if (!(mem = ev_fc_add(f, MP_EVAL_WAR_FREQ, Y0 + hz, c,
						      j ? EV_M_SIZE_LOGIT : EV_M_OWN_RATE, EV_ENS, 0, NULL,
						      EV_BINOM_MEMBERS)))
					rc = MP_ENOMEM;
				else
					binomial_members(hz, q[j], mem, EV_BINOM_MEMBERS);
			}
		}
	}
	free(p);
	if (rc == MP_ENOMEM)
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	return rc;
}

int ev_baselines(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, const ev_baseline_opts *bo, ev_fcset *f)
{
	/* the history ends at the origin: nothing later can reach a baseline */
	if (h->last != og->year)
		return mp_error_set(ctx, MP_ERROR, SRC ": the history must end at the origin %d (ends %d)", og->year,
				    h->last);
	int rc = MP_OK;
	static const int cont[] = { MP_EVAL_CINC_SHARE, MP_EVAL_CINC_SHARE_TOP, MP_EVAL_GDP, MP_EVAL_POP,
				    MP_EVAL_MILEX_SHARE };
	for (size_t k = 0; k < sizeof cont / sizeof cont[0] && rc == MP_OK; k++)
		if (og->vars & (1u << cont[k]))
			rc = continuous(ctx, og, h, bo, cont[k], f);
	if (rc == MP_OK && (og->vars & ((1u << MP_EVAL_WAR) | (1u << MP_EVAL_WAR_ONSET) | (1u << MP_EVAL_WAR_FREQ))))
		rc = war_baselines(ctx, og, h, f);
	return rc;
}
