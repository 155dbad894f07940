/*
 * Estimators of the economy and military mechanisms (docs/economy.md) on plain dense
 * panels: conditional convergence of productivity with empirical-Bayes steady-state gaps,
 * fat-tailed growth shocks, the Balassa-Samuelson price level, mean reversion of a
 * persistent share (investment, military burden, personnel) with covariates, and
 * intensity trends (steel, energy). fit_economy.c holds the estimators, fit_economy_data.c
 * and fit_military.c assemble their panels from the store and add the calibration rows.
 */
#ifndef MP_CALIB_FIT_ECONOMY_H
#define MP_CALIB_FIT_ECONOMY_H

#include <stddef.h>

#include "multipolar/calib.h"

/* A dense unit x year panel: v[u * ny + (t - first)], NaN = missing. */
typedef struct mp_econ_panel {
	size_t nu;
	int first, ny;
	int ngroups;
	int *group; /* [nu] conditioning group (region) 0..ngroups-1, or -1 */
	int *ccode; /* [nu] COW code (0 = none) */
	double *v;  /* [nu * ny] */
} mp_econ_panel;

#define MP_EP(p, u, t) ((p)->v[(size_t)(u) * (size_t)(p)->ny + (size_t)((t) - (p)->first)])

/* Allocates a panel of nu units over [first, last], all NaN, groups -1, ccodes 0. */
int mp_econ_panel_new(mp_ctx *ctx, size_t nu, int first, int last, mp_econ_panel *out);
/* A panel with the same units and years, all NaN. */
int mp_econ_panel_like(mp_ctx *ctx, const mp_econ_panel *p, mp_econ_panel *out);
void mp_econ_panel_free(mp_econ_panel *p);
/* Value at (u, t), NaN outside the panel's years. */
double mp_econ_at(const mp_econ_panel *p, size_t u, int t);

/* ---- 1. conditional convergence with empirical-Bayes gaps ------------------------------ */

typedef struct mp_gap_fit {
	double lambda, lambda_se; /* annual speed of x_t+1 - mu = (1 - lambda)(x_t - mu) */
	double slope, slope_se;   /* the prior line's slope b in x at the origin (0: the
				      group's mean gap, 1: today's distance from it kept) */
	double cv_rmse_slope1;    /* the RMSE of the best lambda with the slope held at 1 */
	size_t n_forecasts;       /* (unit, origin) pairs scored at the chosen lambda */
	double cv_rmse;           /* RMSE of the h-year forecasts of x at lambda */
	double cv_rmse_zero;      /* the same for the no-change forecast x_t+h = x_t */
	double tau2, omega2;      /* between-unit and window variance of the implied gaps
				      at `until` */
	double shrink_slope;      /* OLS slope through the origin of mu_i on x_i,until: the
				      share of the gap that is structural, for unfitted units */
	double *mu, *mu_sd;       /* [nu] posterior mean and s.d. of each unit's gap at
				      `until` (NaN when the unit has no value in `until`) */
	int *nwin;                /* [nu] windows behind each posterior */
} mp_gap_fit;

/* The steady-state gaps mu_i of x_it (log productivity relative to the frontier) under
 *   x_i,t+1 - mu_i = (1 - lambda) (x_it - mu_i) + u_it         (Barro & Sala-i-Martin 1992)
 * Each non-overlapping `window`-year span [a, a+W] ending at or before an origin gives an
 * implied gap m_iw = (x_a+W - r^W x_a) / (1 - r^W), r = 1 - lambda. The m_iw are
 * m_iw = mu_i + e_iw with mu_i ~ N(M_i, tau^2) around its prior, the group's line
 * M_i = mbar_g + b (x_i,origin - xbar_g), and e_iw ~ (0, omega^2); tau^2 is the covariance
 * of the same unit's non-adjacent windows (no shared endpoints), omega^2 the rest of the
 * variance; the posterior mean is M_i + B (mean_w m_iw - M_i), B = tau^2 / (tau^2 +
 * omega^2 / K) (Efron & Morris 1975; Morris 1983, parametric empirical Bayes). lambda and
 * the slope b (grids 0.0025..0.15 and 0..1) minimise the squared error of the
 * `horizon`-year forecasts mu + r^h (x_t - mu) over origins t in [first + W, until - h],
 * each with gaps estimated from data <= t only (a rolling-origin fit, Tashman 2000);
 * their s.e. are the s.d. of the choice over `boot` bootstrap resamples of units (Efron &
 * Tibshirani 1993, ch. 6), seeded by `seed`. The out arrays are malloc'd: free with
 * mp_gap_fit_free. */
int mp_fit_gaps(mp_ctx *ctx, const mp_econ_panel *x, int until, int window, int horizon, int boot, uint64_t seed,
		mp_gap_fit *out);
/* The same with each forecast's squared error weighted by weight(u, origin) (NULL: 1;
 * missing weights count 0): the economy weighs errors by GDP, since the model is for the
 * distribution of power (weighted least squares, Gauss-Markov with known weights). */
int mp_fit_gaps_weighted(mp_ctx *ctx, const mp_econ_panel *x, const mp_econ_panel *weight, int until, int window,
			 int horizon, int boot, uint64_t seed, mp_gap_fit *out);
void mp_gap_fit_free(mp_gap_fit *f);
/* The empirical-Bayes gaps at one origin for a given lambda and prior slope (NaN: the
 * pooled within-group OLS slope of the implied gaps on x at the origin), the inner step of
 * mp_fit_gaps. mu, sd, nwin: [nu]; *tau2, *omega2 may be NULL. */
int mp_econ_gaps_at(mp_ctx *ctx, const mp_econ_panel *x, int origin, double lambda, double slope, int window,
		    double *mu, double *sd, int *nwin, double *tau2, double *omega2);

/* ---- 2. shocks ------------------------------------------------------------------------- */

typedef struct mp_shock_fit {
	double rho, rho_se; /* AR(1) of the deviations d_it = e_it + rho d_i,t-1 */
	double sd;          /* pooled s.d. of the innovations e */
	double sd_median;   /* median over units (>= 10 values) of their own s.d.: the
				      robust typical value (the pooled one is dominated by a few
				      volatile units) and the scale of the units' prior */
	double kurtosis;    /* their excess kurtosis */
	double df;          /* Student-t degrees of freedom 4 + 6 / kurtosis, in [4.5, 100] */
	double df_se;       /* delta method with var(kurtosis) = 24 / n */
	size_t n;
	double *unit_sd; /* [nu] posterior s.d. per unit (NaN: no data) */
	double prior_df; /* the inverse-gamma prior's weight nu_0 (10 pseudo-years) */
	/* The deviations as a persistent AR(1) component plus white noise, d = v + w,
	   v_t = rho_v v_t-1 + e_v (Harvey 1989, local-level/AR(1)-plus-noise), by the method
	   of moments on the pooled autocovariances g_k of d: rho_v = g_2 / g_1,
	   var(v) = g_1 / rho_v, sd_v^2 = var(v) (1 - rho_v^2), sd_w^2 = g_0 - var(v). */
	double g0, g1, g2;
	double rho_v, sd_v, sd_w;
	/* Momentum at an origin: OLS through 0 of the mean deviation of the next `horizon`
	   years on the mean of the last 10 (pooled over units and origins; Pritchett &
	   Summers 2014: growth regresses to the mean), and the start value of v that gives
	   it, dev0 = beta_m mean10 / mean_{k=1..h} rho_v^k, at `until` per unit; beta_m = 0
	   (no s.e.) when fewer than 10 unit-origins can be fitted. */
	double beta_m, beta_m_se;
	size_t beta_m_n;
	double *dev0; /* [nu] (NaN: fewer than 5 deviations before until) */
} mp_shock_fit;

/* Shocks of a mean-reverting process: d_it = x_it - x_i,t-1 - lambda (mu_i - x_i,t-1)
 * (lambda, mu from mp_fit_gaps; or any residual panel when lambda = 0 and mu = NULL is
 * passed with x holding residuals: then d = x itself), years (first, until]. AR(1) without
 * constant by OLS; Student-t degrees of freedom by the method of moments from the excess
 * kurtosis 6 / (df - 4) (Student 1908; Johnson, Kotz & Balakrishnan 1995, ch. 28); each
 * unit's s.d. shrunk toward the median unit's s.d. s_m with a scaled-inverse-chi^2 prior of
 * nu_0 = 10 pseudo-observations (Gelman et al. 2013, sec. 2.6):
 * s_i^2 = (nu_0 s_m^2 + SS_i) / (nu_0 + n_i). */
int mp_fit_shocks(mp_ctx *ctx, const mp_econ_panel *x, int first, int until, double lambda, const double *mu,
		  mp_shock_fit *out);
/* The AR(1)-plus-noise split and the origin momentum (fields g0 .. dev0 above) of the
 * deviations of mp_fit_shocks, with origins in [first + 10, until - horizon]. */
int mp_fit_momentum(mp_ctx *ctx, const mp_econ_panel *x, int first, int until, double lambda, const double *mu,
		    int horizon, mp_shock_fit *out);
void mp_shock_fit_free(mp_shock_fit *f);

/* Student-t helpers shared with the tests: df from excess kurtosis (clamped to [4.5, 100]). */
double mp_econ_t_df(double excess_kurtosis);

/* ---- 3. reversion regressions ---------------------------------------------------------- */

#define MP_REV_MAXX 6

typedef struct mp_reversion_fit {
	double kappa, kappa_se;                    /* reversion speed: coefficient -kappa on v_t-1 - m_i */
	double coef[MP_REV_MAXX], se[MP_REV_MAXX]; /* of the extra regressors */
	double sigma, r2;
	size_t n;
	double sd_median; /* as in mp_shock_fit */
	double kurtosis, df;
	double *unit_sd; /* [nu] shrunk s.d. of the residuals (as above) */
} mp_reversion_fit;

/* OLS without constant (the target is m_i by construction) of
 *   v_it - v_i,t-1 = -kappa (v_i,t-1 - m_i) + sum_k c_k z_k,it + e_it,  t in (from, until]
 * over unit-years where v_t, v_t-1, m_i and every z are finite; z_k,it is extra[k] at
 * year t + lag[k] (lag 0 or -1), clamped to [-clamp[k], clamp[k]] when clamp[k] > 0
 * (bounded effects). The discrete form of an Ornstein-Uhlenbeck (partial adjustment)
 * process (Uhlenbeck & Ornstein 1930; Nerlove 1958). */
int mp_fit_reversion(mp_ctx *ctx, const mp_econ_panel *v, const double *m, size_t nextra,
		     const mp_econ_panel *const *extra, const int *lag, const double *clamp, int from, int until,
		     mp_reversion_fit *out);
void mp_reversion_fit_free(mp_reversion_fit *f);

/* Speed k of a share's partial adjustment toward a target between the unit's median of
 * its last `window` years and the world's, chosen by a rolling-origin fit of what the sim
 * does (Tashman 2000): at each origin t0 in [from + window, until - horizon + 1] the path
 * s_0 = v_t0-1, s_h+1 = s_h + k (m - s_h), m = w m_u + (1 - w) m_W (m_u the median of v
 * over [t0 - window, t0 - 1], >= 5 values; m_W the median of the units' m_u) forecasts the
 * mean of v over [t0, t0 + horizon - 1]; k (grid 0..0.5, step 0.01) and w (0..1, step 0.1;
 * ties: the lower) minimise the squared errors weighted by weight(u, t0) (NULL: 1). The
 * weight on the unit's own level is the shrinkage of a unit's level toward the cross-unit
 * one (Efron & Morris 1975), chosen by forecast skill. The s.e. are the s.d. of the choice
 * over `boot` bootstrap resamples of units (Efron & Tibshirani 1993). Partial adjustment:
 * Nerlove 1958. */
typedef struct mp_partial_fit {
	double speed, speed_se;
	double own_weight, own_weight_se;
	double rmse, rmse_still; /* at the chosen cell and at k = 0 (no adjustment) */
	double rmse_own;         /* the best speed with w = 1 (the unit's own median alone) */
	size_t n;                /* (unit, origin) forecasts scored */
} mp_partial_fit;
int mp_fit_partial_rolling(mp_ctx *ctx, const mp_econ_panel *v, const mp_econ_panel *weight, int from, int until,
			   int window, int horizon, int boot, uint64_t seed, mp_partial_fit *out);

/* ---- 3b. per-unit persistence and level uncertainty (fit_reversion_eb.c) ------------- */

/* Each unit's reversion speed of v toward m_i (OLS through 0 of Delta v_it - c_it on
 * -(v_i,t-1 - m_i), t in (from, until], >= 10 years; c = the pooled fit's covariate terms,
 * NULL: none), shrunk toward k_pool by normal-normal empirical Bayes with the between-unit
 * variance t^2 = var(k_i) - mean s.e.^2 (Efron & Morris 1975). k_out, k_se: [nu] (units
 * without a fit: k_pool and sqrt(t^2)); the speeds are kept in [0.005, 0.95]. */
int mp_fit_unit_speeds(mp_ctx *ctx, const mp_econ_panel *v, const double *m, const mp_econ_panel *c, int from,
		       int until, double k_pool, double *k_out, double *k_se, double *t2_out);

typedef struct mp_level_fit {
	double sd;       /* pooled s.d. tau of the level m_i + tau z */
	double kurtosis; /* excess kurtosis of the h-year errors */
	size_t n;        /* (unit, origin) forecasts */
	double *unit_sd; /* [nu] shrunk tau_i (NaN: no forecast) */
} mp_level_fit;

/* The s.d. of a unit's level behind the h-year forecast errors of the measured series w
 * (fit_reversion_eb.c): e = w_t+h - w_t - (1 - r^h)(m_i,t - w_t), r = 1 - k_i, m_i,t the
 * median of v over the 25 years up to t; tau_i^2 = (s_e^2 - sd_i^2 (1 - r^2h)/(1 - r^2))
 * / (1 - r^h)^2 with a robust error s.d. s_e (pooled: from the errors' 5-95% range; per
 * unit: 1.4826 MAD), shrunk toward the pooled value with n0 pseudo-origins, floor 0.
 * Origins t in [from, until - h]. Free with mp_level_fit_free. */
int mp_fit_level_sd(mp_ctx *ctx, const mp_econ_panel *v, const mp_econ_panel *w, const double *k, const double *sd,
		    int from, int until, int horizon, double n0, mp_level_fit *out);
void mp_level_fit_free(mp_level_fit *f);

/* Each unit's median of v over [from, until] (NaN with fewer than `minobs` values), and
 * optionally its 5% and 95% quantiles (linear interpolation, Hyndman & Fan 1996 type 7). */
int mp_econ_unit_median(mp_ctx *ctx, const mp_econ_panel *v, int from, int until, size_t minobs, double *median,
			double *q05, double *q95);

/* ---- 4. price level and intensity lines ------------------------------------------------- */

typedef struct mp_line_fit {
	double a, a_se, b, b_se, sigma, r2;
	size_t n;
} mp_line_fit;

/* Pooled OLS y_it = a + b x_it over unit-years in [from, until] with both finite (the
 * Balassa-Samuelson cross-section: ln price level on ln relative income; Balassa 1964,
 * Samuelson 1964, Rogoff 1996 fig. 1). With `diff` = 1: Delta y_it = a + b x_i,t-1 (an
 * intensity-of-use trend: Malenbaum 1978; Csereklyei, Rubio & Stern 2016). */
int mp_fit_line(mp_ctx *ctx, const mp_econ_panel *y, const mp_econ_panel *x, int from, int until, int diff,
		mp_line_fit *out);

#endif
