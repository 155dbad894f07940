/* Known-answer tests of the economy and military estimators (src/lib/calib/fit_economy.c)
 * and of the economy's equations (src/lib/sim/econ_model.h): simulated panels with known
 * parameters (mp_rng, fixed seeds) and hand calculations (values worked out beside each
 * assertion). Tolerances are stated with their reason. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "calib/fit_economy.h"
#include "multipolar/rng.h"
#include "multipolar/sim.h"
#include "multipolar/world.h"
#include "mp_test.h"
#include "sim/econ_model.h"

/* A panel of `nu` units in 3 groups over [1950, 2016]: x_t+1 = mu_i + r (x_t - mu_i) + u,
 * mu_i = M_g + tau z_i, u ~ N(0, sd^2), x_1950 = mu_i + 1.5 z'_i (far from the steady state). */
static void simulate(mp_econ_panel *p, size_t nu, double lambda, double tau, double sd, uint64_t seed)
{
	assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, 2016, p), MP_OK);
	p->ngroups = 3;
	const double M[3] = { -0.2, -0.8, -1.5 };
	mp_rng r;
	mp_rng_init(&r, seed, 0, 1);
	for (size_t u = 0; u < nu; u++) {
		p->group[u] = (int)(u % 3);
		double mu = M[u % 3] + tau * mp_rng_normal(&r);
		double x = mu + 1.5 * mp_rng_normal(&r);
		for (int t = 1950; t <= 2016; t++) {
			MP_EP(p, u, t) = x;
			x = mu + (1.0 - lambda) * (x - mu) + sd * mp_rng_normal(&r);
		}
	}
}

/* The rolling-origin choice of lambda recovers the speed put in. With 300 units, 27
 * origins and sd 0.03 the grid's 0.0025 step and the bootstrap s.e. (~0.003) set the
 * tolerance: 0.01. */
static void test_gaps_recover_speed(void **state)
{
	(void)state;
	const double lambdas[2] = { 0.03, 0.06 };
	for (int k = 0; k < 2; k++) {
		mp_econ_panel p;
		simulate(&p, 300, lambdas[k], 0.3, 0.03, 11 + (uint64_t)k);
		mp_gap_fit f;
		assert_int_equal(mp_fit_gaps(NULL, &p, 2016, 10, 10, 50, 1, &f), MP_OK);
		print_message("lambda %.4f (se %.4f) tau2 %.4f omega2 %.4f rmse %.4f vs %.4f\n", f.lambda, f.lambda_se,
			      f.tau2, f.omega2, f.cv_rmse, f.cv_rmse_zero);
		assert_near(f.lambda, lambdas[k], 0.01);
		assert_true(f.lambda_se > 0 && f.lambda_se < 0.01);
		assert_true(f.cv_rmse < f.cv_rmse_zero);
		/* the between-unit variance left after the prior line in x at the origin (tau^2 =
		   0.09 put in; at the end of the panel x is close to mu, so the line explains most
		   of it) is non-negative and below the variance put in, within sampling error */
		assert_true(f.tau2 >= 1e-4 && f.tau2 < 0.12);
		/* the posterior means are closer to the true gaps than the group means */
		mp_rng r;
		mp_rng_init(&r, 11 + (uint64_t)k, 0, 1);
		const double M[3] = { -0.2, -0.8, -1.5 };
		double e_post = 0, e_prior = 0;
		for (size_t u = 0; u < p.nu; u++) {
			double mu = M[u % 3] + 0.3 * mp_rng_normal(&r);
			(void)mp_rng_normal(&r);
			for (int t = 1950; t <= 2016; t++)
				(void)mp_rng_normal(&r);
			e_post += (f.mu[u] - mu) * (f.mu[u] - mu);
			e_prior += (M[u % 3] - mu) * (M[u % 3] - mu);
		}
		assert_true(e_post < e_prior);
		mp_gap_fit_free(&f);
		mp_econ_panel_free(&p);
	}
}

/* Hand calculation of the empirical-Bayes step (python3 beside): one group, three units,
 * two windows of W = 1 year, lambda = 0.5 (r^W = 0.5). Implied gaps m = (x1 - 0.5 x0) / 0.5:
 * unit 0: x = (0, 1, 2) -> windows [1,2]: 3, [0,1]: 2; unit 1: x = (0, 0, 0) -> 0, 0;
 * unit 2: x = (2, 2, 2) -> 2, 2. Prior line in x at the origin (2, 0, 2): means over the 6
 * windows mbar = 1.5, xbar = 4/3, slope b = 6.0 / 5.3333 = 1.125, so M = (2.25, 0, 2.25).
 * Residuals (0.75, -0.25), (0, 0), (-0.25, -0.25): V = 0.75 / 6 = 0.125; no pair of windows
 * two apart: tau^2 = V / 2 = 0.0625 = omega^2. K = 2: B = 0.0625 / (0.0625 + 0.03125) = 2/3.
 * Unit 0: 2.25 + (2/3)(2.5 - 2.25) = 2.41667; unit 1: 0; unit 2: 2.25 + (2/3)(2 - 2.25) =
 * 2.08333; s.d. sqrt((1/3) 0.0625) = 0.1443376. */
static void test_gaps_hand(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 3, 2000, 2002, &p), MP_OK);
	p.ngroups = 1;
	const double x[3][3] = { { 0, 1, 2 }, { 0, 0, 0 }, { 2, 2, 2 } };
	for (size_t u = 0; u < 3; u++) {
		p.group[u] = 0;
		for (int t = 0; t < 3; t++)
			MP_EP(&p, u, 2000 + t) = x[u][t];
	}
	double mu[3], sd[3], tau2, omega2;
	int nw[3];
	/* the group has 6 windows (>= 5): its own line is the prior */
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 0.5, MP_NA, 1, mu, sd, nw, &tau2, &omega2), MP_OK);
	assert_near(tau2, 0.0625, 1e-12);
	assert_near(omega2, 0.0625, 1e-12);
	assert_near(mu[0], 2.4166666666666665, 1e-12);
	assert_near(mu[1], 0.0, 1e-12);
	assert_near(mu[2], 2.0833333333333335, 1e-12);
	assert_near(sd[0], 0.14433756729740646, 1e-12);
	assert_int_equal(nw[0], 2);
	/* a lambda outside (0, 1) is an input error */
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 1.5, MP_NA, 1, mu, sd, nw, NULL, NULL), MP_EINPUT);
	mp_econ_panel_free(&p);
}

/* Shocks: AR(1) deviations with Student-t(6) innovations (excess kurtosis 3 -> df 6); the
 * AR coefficient is recovered within 3 s.e., the s.d. within 3%, and the df from the
 * sample kurtosis within a wide band (its sampling error is large: [4.5, 12]). */
static void test_shocks(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 400, 1950, 2016, &p), MP_OK);
	mp_rng r;
	mp_rng_init(&r, 3, 0, 2);
	for (size_t u = 0; u < p.nu; u++) {
		double d = 0;
		for (int t = 1950; t <= 2016; t++) {
			d = 0.3 * d + 0.02 * mp_econ_student(&r, 6.0);
			MP_EP(&p, u, t) = d;
		}
	}
	mp_shock_fit f;
	assert_int_equal(mp_fit_shocks(NULL, &p, 1950, 2016, 0, NULL, &f), MP_OK);
	print_message("rho %.4f (se %.4f) sd %.5f kurt %.3f df %.2f\n", f.rho, f.rho_se, f.sd, f.kurtosis, f.df);
	assert_near(f.rho, 0.3, 3 * f.rho_se);
	assert_near(f.sd, 0.02, 0.03 * 0.02);
	assert_true(f.df >= 4.5 && f.df <= 12);
	/* each unit's s.d. is near the common one (65 residuals + 10 pseudo-years) */
	print_message("unit 0 sd %.5f\n", f.unit_sd[0]);
	assert_true(f.unit_sd[0] > 0.012 && f.unit_sd[0] < 0.03);
	mp_shock_fit_free(&f);
	mp_econ_panel_free(&p);
	/* df from kurtosis: 6 / (df - 4) = k: k = 1 -> 10, k = 3 -> 6; k <= 0 -> 100 */
	assert_near(mp_econ_t_df(1.0), 10.0, 1e-12);
	assert_near(mp_econ_t_df(3.0), 6.0, 1e-12);
	assert_near(mp_econ_t_df(-0.5), 100.0, 0);
	assert_near(mp_econ_t_df(50.0), 4.5, 0);
}

/* The momentum regression over origins: a deviation d_t+1 = 0.5 d_t + e, so the next 10
 * years' mean deviation regresses on the last 10 years' with a positive slope; a panel
 * too short for 10 unit-origins (16 years, PASTW 10 + horizon 10) gives no momentum:
 * beta_m = 0 exactly, no s.e., every start value 0 (the model without momentum). */
static void test_momentum_short_panel(void **state)
{
	(void)state;
	mp_econ_panel p;
	const size_t nu = 50;
	double mu[50] = { 0 };
	for (int span = 0; span < 2; span++) {
		const int until = span ? 2016 : 1965;
		assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, until, &p), MP_OK);
		mp_rng r;
		mp_rng_init(&r, 11, 0, 3);
		for (size_t u = 0; u < nu; u++) {
			double x = 0, d = 0;
			for (int t = 1950; t <= until; t++) {
				d = 0.5 * d + 0.02 * mp_rng_normal(&r);
				x += d;
				MP_EP(&p, u, t) = x;
			}
		}
		mp_shock_fit f = { 0 };
		assert_int_equal(mp_fit_momentum(NULL, &p, 1950, until, 0, mu, 10, &f), MP_OK);
		if (span) {
			assert_true(f.beta_m > 0 && isfinite(f.beta_m_se));
		} else {
			assert_true(f.beta_m == 0 && isnan(f.beta_m_se));
			for (size_t u = 0; u < nu; u++)
				assert_true(f.dev0[u] == 0);
		}
		mp_shock_fit_free(&f);
		mp_econ_panel_free(&p);
	}
}

/* The unit-variance Student draw: variance 1 within 3% at df = 8 (sample variance of a
 * t(5) is too noisy for that) and at df = 8 excess kurtosis 6 / (8 - 4) = 1.5 within 0.5
 * (its sampling error with 2e5 draws); at df = 5 fat tails (> 2). */
static void test_student(void **state)
{
	(void)state;
	mp_rng r;
	mp_rng_init(&r, 5, 0, 9);
	const int n = 200000;
	for (int k = 0; k < 2; k++) {
		double df = k ? 5.0 : 8.0, s2 = 0, s4 = 0;
		for (int i = 0; i < n; i++) {
			double z = mp_econ_student(&r, df);
			s2 += z * z;
			s4 += z * z * z * z;
		}
		s2 /= n;
		s4 /= n;
		print_message("df %g: var %.4f kurt %.3f\n", df, s2, s4 / (s2 * s2) - 3);
		if (k == 0) {
			assert_near(s2, 1.0, 0.03);
			assert_near(s4 / (s2 * s2) - 3, 1.5, 0.5);
		} else {
			assert_true(s4 / (s2 * s2) - 3 > 2.0);
		}
	}
}

/* Reversion: v_t - v_t-1 = -0.15 (v_t-1 - m_i) + 0.4 z_t + e, z = 0/1 war years (10%),
 * e ~ N(0, 0.05^2); OLS recovers kappa and the war effect within 4 s.e. */
static void test_reversion(void **state)
{
	(void)state;
	mp_econ_panel v, z;
	assert_int_equal(mp_econ_panel_new(NULL, 150, 1950, 2016, &v), MP_OK);
	assert_int_equal(mp_econ_panel_like(NULL, &v, &z), MP_OK);
	double *m = malloc(v.nu * sizeof *m);
	mp_rng r;
	mp_rng_init(&r, 8, 0, 3);
	for (size_t u = 0; u < v.nu; u++) {
		m[u] = -4.0 + mp_rng_normal(&r);
		double x = m[u];
		for (int t = 1950; t <= 2016; t++) {
			double w = mp_rng_uniform(&r) < 0.1 ? 1.0 : 0.0;
			MP_EP(&z, u, t) = w;
			if (t > 1950)
				x += -0.15 * (x - m[u]) + 0.4 * w + 0.05 * mp_rng_normal(&r);
			MP_EP(&v, u, t) = x;
		}
	}
	const mp_econ_panel *ex[1] = { &z };
	const int lag[1] = { 0 };
	const double clamp[1] = { 0 };
	mp_reversion_fit f;
	assert_int_equal(mp_fit_reversion(NULL, &v, m, 1, ex, lag, clamp, 1950, 2016, &f), MP_OK);
	print_message("kappa %.4f (%.4f) war %.4f (%.4f) sigma %.4f\n", f.kappa, f.kappa_se, f.coef[0], f.se[0],
		      f.sigma);
	assert_near(f.kappa, 0.15, 4 * f.kappa_se);
	assert_near(f.coef[0], 0.4, 4 * f.se[0]);
	assert_near(f.sigma, 0.05, 0.003);
	mp_reversion_fit_free(&f);
	free(m);
	mp_econ_panel_free(&v);
	mp_econ_panel_free(&z);
}

/* Medians and quantiles (type 7) by hand: values 1..5 -> median 3, q05 = 1 + 0.2 (2 - 1)
 * = 1.2, q95 = 4 + 0.8 (5 - 4) = 4.8; fewer than minobs values -> NaN. */
static void test_unit_median(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 2, 2000, 2004, &p), MP_OK);
	for (int t = 0; t < 5; t++)
		MP_EP(&p, 0, 2000 + t) = (double)(5 - t);
	MP_EP(&p, 1, 2000) = 1.0;
	double md[2], lo[2], hi[2];
	assert_int_equal(mp_econ_unit_median(NULL, &p, 2000, 2004, 3, md, lo, hi), MP_OK);
	assert_near(md[0], 3.0, 1e-12);
	assert_near(lo[0], 1.2, 1e-12);
	assert_near(hi[0], 4.8, 1e-12);
	assert_true(isnan(md[1]));
	mp_econ_panel_free(&p);
}

/* The price-level model by hand: the line fitted on noiseless data is exact, and
 * q = exp(c + theta x + r) with c = -0.2, theta = 0.3, x = ln(0.25) = -1.386294, r = 0.1:
 * exp(-0.2 - 0.415888 + 0.1) = exp(-0.515888) = 0.596970 (python3: math.exp). The AR(1) of
 * noiseless deviations r_t = 0.8 r_t-1 is recovered exactly. */
static void test_price_level(void **state)
{
	(void)state;
	assert_near(mp_econ_price_level(-0.2, 0.3, log(0.25), 0.1), 0.5969700655308845, 1e-12);
	mp_econ_panel y, x, d;
	assert_int_equal(mp_econ_panel_new(NULL, 20, 1990, 2000, &y), MP_OK);
	assert_int_equal(mp_econ_panel_like(NULL, &y, &x), MP_OK);
	assert_int_equal(mp_econ_panel_like(NULL, &y, &d), MP_OK);
	for (size_t u = 0; u < y.nu; u++)
		for (int t = 1990; t <= 2000; t++) {
			double xi = -3.0 + 0.15 * (double)u + 0.01 * (t - 1990);
			MP_EP(&x, u, t) = xi;
			MP_EP(&y, u, t) = -0.2 + 0.3 * xi;
			MP_EP(&d, u, t) = (0.1 + 0.01 * (double)u) * pow(0.8, t - 1990);
		}
	mp_line_fit f;
	assert_int_equal(mp_fit_line(NULL, &y, &x, 1990, 2000, 0, &f), MP_OK);
	assert_near(f.a, -0.2, 1e-10);
	assert_near(f.b, 0.3, 1e-10);
	assert_int_equal(f.n, 220);
	mp_shock_fit s;
	assert_int_equal(mp_fit_shocks(NULL, &d, 1990, 2000, 0, NULL, &s), MP_OK);
	assert_near(s.rho, 0.8, 1e-10);
	mp_shock_fit_free(&s);
	/* the intensity form: Delta y = a + b x_t-1 on y_t = y_t-1 + 0.01 - 0.02 x_t-1 */
	for (size_t u = 0; u < y.nu; u++)
		for (int t = 1991; t <= 2000; t++)
			MP_EP(&y, u, t) = MP_EP(&y, u, t - 1) + 0.01 - 0.02 * MP_EP(&x, u, t - 1);
	assert_int_equal(mp_fit_line(NULL, &y, &x, 1990, 2000, 1, &f), MP_OK);
	assert_near(f.a, 0.01, 1e-10);
	assert_near(f.b, -0.02, 1e-10);
	mp_econ_panel_free(&y);
	mp_econ_panel_free(&x);
	mp_econ_panel_free(&d);
}

/* Capital accumulation reaches its analytic steady state: constant A = 1, labour growing
 * 1%/yr, s = 0.25, delta = 0.05, alpha = 0.35: K/Y -> s / (n + delta) = 0.25 / 0.06 =
 * 4.1667 and k = K/L -> (s / (n + delta))^(1/(1-alpha)) = 4.1667^(1/0.65) = 8.9851
 * (python3: (0.25/0.06)**(1/0.65)), from a start 10 times below; 3000 years. */
static void test_capital_steady_state(void **state)
{
	(void)state;
	const double s = 0.25, delta = 0.05, alpha = 0.35, n = 0.01;
	double K = 0.9, L = 1.0;
	for (int t = 0; t < 3000; t++) {
		double Y = mp_econ_output(0.0, K, L, alpha);
		K = mp_econ_capital_next(K, Y, s, delta);
		L *= 1.0 + n;
		K /= 1.0 + n; /* per unit of labour, keeps the numbers finite */
		L /= 1.0 + n;
	}
	double Y = mp_econ_output(0.0, K, L, alpha);
	assert_near(K / Y, mp_econ_ky_steady(s, n, delta), 1e-9);
	assert_near(K / Y, 0.25 / 0.06, 1e-9);
	assert_near(K / L, 8.98506382810548, 1e-8);
	/* TFP from output and inputs inverts the production function */
	assert_near(mp_econ_lntfp(mp_econ_output(0.3, 2.0, 5.0, alpha), 2.0, 5.0, alpha), 0.3, 1e-12);
	/* one convergence step by hand: x = -1, mu = -0.2, lambda = 0.02: -1 + 0.016 = -0.984 */
	assert_near(mp_econ_tfp_next(-1.0, -0.2, 0.02, 0.0), -0.984, 1e-15);
}

/* The same hand panel with the prior slope fixed at 0 (club convergence: the prior is the
 * group's mean implied gap, mbar = 1.5, for every unit): residuals (1.5, 0.5), (-1.5, -1.5),
 * (0.5, 0.5); V = 7.5 / 6 = 1.25, tau^2 = omega^2 = 0.625, K = 2: B = 2/3. Unit 0: 1.5 +
 * (2/3)(2.5 - 1.5) = 2.16667; unit 1: 1.5 + (2/3)(0 - 1.5) = 0.5; unit 2: 1.5 + (2/3)(2 -
 * 1.5) = 1.83333; s.d. sqrt(0.625 / 3) = 0.4564355. */
static void test_gaps_slope_hand(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 3, 2000, 2002, &p), MP_OK);
	p.ngroups = 1;
	const double x[3][3] = { { 0, 1, 2 }, { 0, 0, 0 }, { 2, 2, 2 } };
	for (size_t u = 0; u < 3; u++) {
		p.group[u] = 0;
		for (int t = 0; t < 3; t++)
			MP_EP(&p, u, 2000 + t) = x[u][t];
	}
	double mu[3], sd[3], tau2, omega2;
	int nw[3];
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 0.5, 0.0, 1, mu, sd, nw, &tau2, &omega2), MP_OK);
	assert_near(tau2, 0.625, 1e-12);
	assert_near(omega2, 0.625, 1e-12);
	assert_near(mu[0], 2.1666666666666665, 1e-12);
	assert_near(mu[1], 0.5, 1e-12);
	assert_near(mu[2], 1.8333333333333333, 1e-12);
	assert_near(sd[0], 0.45643546458763845, 1e-12);
	/* slope 1.125 (the OLS slope of this panel) gives the first hand calculation back */
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 0.5, 1.125, 1, mu, sd, nw, NULL, NULL), MP_OK);
	assert_near(mu[0], 2.4166666666666665, 1e-12);
	mp_econ_panel_free(&p);
}

/* The rolling-origin fit chooses the prior slope the data call for: with every unit of a
 * group sharing its group's steady state (tau = 0) and starting far from it, convergence
 * toward the group is what forecasts (slope <= 0.3); with steady states that differ a lot
 * within groups (tau = 0.6) and start values at them, today's distance from the group is
 * structural (slope >= 0.7). The grid's step is 0.1; the bounds leave room for sampling. */
static void test_gaps_choose_slope(void **state)
{
	(void)state;
	mp_econ_panel p;
	mp_gap_fit f;
	simulate(&p, 300, 0.04, 0.0, 0.02, 21);
	assert_int_equal(mp_fit_gaps(NULL, &p, 2016, 10, 10, 20, 1, &f), MP_OK);
	print_message("club: lambda %.4f slope %.2f (se %.2f)\n", f.lambda, f.slope, f.slope_se);
	assert_true(f.slope <= 0.3 + 1e-9);
	assert_true(f.cv_rmse <= f.cv_rmse_slope1);
	mp_gap_fit_free(&f);
	mp_econ_panel_free(&p);
	/* heterogeneous steady states, each unit starting at its own */
	assert_int_equal(mp_econ_panel_new(NULL, 300, 1950, 2016, &p), MP_OK);
	p.ngroups = 3;
	mp_rng r;
	mp_rng_init(&r, 22, 0, 1);
	for (size_t u = 0; u < p.nu; u++) {
		p.group[u] = (int)(u % 3);
		double mu = -0.8 + 0.6 * mp_rng_normal(&r), x = mu;
		for (int t = 1950; t <= 2016; t++) {
			MP_EP(&p, u, t) = x;
			x = mu + 0.96 * (x - mu) + 0.02 * mp_rng_normal(&r);
		}
	}
	assert_int_equal(mp_fit_gaps(NULL, &p, 2016, 10, 10, 20, 1, &f), MP_OK);
	print_message("structural: lambda %.4f slope %.2f (se %.2f)\n", f.lambda, f.slope, f.slope_se);
	assert_true(f.slope >= 0.7 - 1e-9);
	mp_gap_fit_free(&f);
	mp_econ_panel_free(&p);
}

/* The investment speed's rolling-origin fit on a hand panel (python3 beside): 10 identical
 * units, 0.2 in 2000-2008, 0.4 in 2009, then 0.28926258 in 2010-2019: one origin (2010), the
 * 10-year median m = 0.2 and start s_0 = 0.4. The sim's path s_h+1 = s_h + k (m - s_h) has
 * mean m + (s_0 - m)(1 - (1 - k)^10) / (10 k) over h = 0..9: at k = 0.2, 0.2 + 0.2 x
 * 0.4463129 = 0.28926258, the future's mean, so the fit picks 0.20 with zero error; with no
 * adjustment (k = 0) the error is 0.4 - 0.28926258 = 0.11073742. */
static void test_partial_rolling(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 10, 2000, 2019, &p), MP_OK);
	const double fut = 0.2 + 0.2 * (1.0 - pow(0.8, 10)) / (10 * 0.2);
	assert_near(fut, 0.28926258176, 1e-11);
	for (size_t u = 0; u < p.nu; u++)
		for (int t = 2000; t <= 2019; t++)
			MP_EP(&p, u, t) = t < 2009 ? 0.2 : (t == 2009 ? 0.4 : fut);
	mp_partial_fit f;
	assert_int_equal(mp_fit_partial_rolling(NULL, &p, NULL, 2000, 2019, 10, 10, 20, 1, &f), MP_OK);
	assert_int_equal((int)f.n, 10);
	assert_near(f.speed, 0.20, 1e-12);
	assert_near(f.rmse, 0.0, 1e-12);
	assert_near(f.rmse_still, 0.4 - fut, 1e-12);
	assert_near(f.speed_se, 0.0, 1e-8); /* identical units: every resample chooses 0.20 (rounding) */
	/* identical units: the world's median is each unit's own, every weight ties, the lowest wins */
	assert_near(f.own_weight, 0.0, 1e-12);
	assert_near(f.rmse_own, 0.0, 1e-12);
	/* fewer than 10 forecasts: an input error */
	mp_econ_panel q;
	assert_int_equal(mp_econ_panel_new(NULL, 3, 2000, 2019, &q), MP_OK);
	for (size_t k = 0; k < 3 * 20; k++)
		q.v[k] = p.v[k];
	assert_int_equal(mp_fit_partial_rolling(NULL, &q, NULL, 2000, 2019, 10, 10, 20, 1, &f), MP_EINPUT);
	mp_econ_panel_free(&q);
	mp_econ_panel_free(&p);
}

/* The target's weight on the unit's own level: 5 units at 0.2 in 2000-2008 and 0.3 in 2009,
 * 5 at 0.4 and 0.5; medians 0.2 and 0.4, the world's (median of the medians) 0.3. With
 * k = 0.2 and w = 0.5 the targets are 0.25 and 0.35 and the paths' 10-year means m + (s_0 -
 * m) F, F = (1 - 0.8^10) / 2 = 0.4463129088: 0.27231564544 and 0.41694693632 (python3 beside;
 * a brute-force search of the grid finds the same cell, error 1.5e-32). Two groups, two
 * unknowns (w, F(k)): the fit recovers both exactly. */
static void test_partial_rolling_weight(void **state)
{
	(void)state;
	mp_econ_panel p;
	assert_int_equal(mp_econ_panel_new(NULL, 10, 2000, 2019, &p), MP_OK);
	const double F = (1.0 - pow(0.8, 10)) / 2.0;
	assert_near(F, 0.4463129088, 1e-12);
	for (size_t u = 0; u < p.nu; u++) {
		const double mu = u < 5 ? 0.2 : 0.4, target = 0.5 * mu + 0.5 * 0.3;
		const double fut = target + (mu + 0.1 - target) * F;
		for (int t = 2000; t <= 2019; t++)
			MP_EP(&p, u, t) = t < 2009 ? mu : (t == 2009 ? mu + 0.1 : fut);
	}
	assert_near(MP_EP(&p, 0, 2010), 0.27231564544, 1e-11);
	assert_near(MP_EP(&p, 9, 2010), 0.41694693632, 1e-11);
	mp_partial_fit f;
	assert_int_equal(mp_fit_partial_rolling(NULL, &p, NULL, 2000, 2019, 10, 10, 20, 1, &f), MP_OK);
	assert_int_equal((int)f.n, 10);
	assert_near(f.speed, 0.20, 1e-12);
	assert_near(f.own_weight, 0.5, 1e-12);
	assert_near(f.rmse, 0.0, 1e-12);
	assert_true(f.rmse_own > 0.01); /* the unit's own median alone misses both groups */
	mp_econ_panel_free(&p);
}

/* Investment rate from PWT's capital at constant prices (world.h): K/Y 3, next year's
 * capital over this year's output 3.2, d = 0.05: 3.2 - 0.95 x 3 = 0.35; at a current-PPP /
 * constant-price ratio of 0.8, 0.28. The rate's depreciation is the sim's default. */
static void test_invest_rate(void **state)
{
	(void)state;
	assert_near(mp_world_invest_rate(3.0, 3.2, 1.0), 0.35, 1e-12);
	assert_near(mp_world_invest_rate(3.0, 3.2, 0.8), 0.28, 1e-12);
	assert_true(isnan(mp_world_invest_rate(0.0, 3.2, 1.0)));
	assert_true(isnan(mp_world_invest_rate(3.0, NAN, 1.0)));
	mp_sim_params d;
	mp_sim_params_default(&d);
	assert_true(d.economy_depreciation == MP_ECON_PIM_DEPRECIATION);
}

/* OU panels v_t+1 = v_t - k_i (v_t - m_i) + 0.1 e with k_i ~ N(0.2, 0.06^2), 300 units x 67
 * years: the between-unit variance of the speeds is recovered (0.0036 within 40%: about 300
 * noisy estimates) and the EB speeds are closer to the truth than the pooled speed. The
 * level's s.d.: w is the same process around m_i + 0.5 z_i, v around m_i; the 10-year
 * errors of w from v's 25-year median give tau back within 15% (its sampling error with
 * ~9000 overlapping forecasts of 300 units is about 5%). */
static void test_unit_speeds_and_level(void **state)
{
	(void)state;
	const size_t nu = 300;
	mp_econ_panel v, w;
	assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, 2016, &v), MP_OK);
	assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, 2016, &w), MP_OK);
	double *k = malloc(nu * sizeof *k), *m = malloc(nu * sizeof *m), *kt = malloc(nu * sizeof *kt);
	double *ke = malloc(nu * sizeof *ke), *sd = malloc(nu * sizeof *sd);
	mp_rng r;
	mp_rng_init(&r, 9, 0, 4);
	for (size_t u = 0; u < nu; u++) {
		kt[u] = 0.2 + 0.06 * mp_rng_normal(&r);
		m[u] = -4 + 0.5 * mp_rng_normal(&r);
		double lw = m[u] + 0.5 * mp_rng_normal(&r), a = m[u], b = lw;
		for (int t = 1950; t <= 2016; t++) {
			MP_EP(&v, u, t) = a;
			MP_EP(&w, u, t) = b;
			a += -kt[u] * (a - m[u]) + 0.1 * mp_rng_normal(&r);
			b += -kt[u] * (b - lw) + 0.1 * mp_rng_normal(&r);
		}
		sd[u] = 0.1;
	}
	double t2;
	assert_int_equal(mp_fit_unit_speeds(NULL, &v, m, NULL, 1950, 2016, 0.2, k, ke, &t2), MP_OK);
	double e_eb = 0, e_pool = 0;
	for (size_t u = 0; u < nu; u++) {
		e_eb += (k[u] - kt[u]) * (k[u] - kt[u]);
		e_pool += (0.2 - kt[u]) * (0.2 - kt[u]);
	}
	print_message("t2 %.5f, rmse EB %.4f pooled %.4f\n", t2, sqrt(e_eb / nu), sqrt(e_pool / nu));
	assert_near(t2, 0.0036, 0.4 * 0.0036);
	assert_true(e_eb < e_pool);
	mp_level_fit lf;
	assert_int_equal(mp_fit_level_sd(NULL, &v, &w, kt, sd, 1975, 2016, 10, 10.0, &lf), MP_OK);
	print_message("level sd %.4f (0.5 put in), n %zu, kurtosis %.2f, unit 0 %.4f\n", lf.sd, lf.n, lf.kurtosis,
		      lf.unit_sd[0]);
	assert_near(lf.sd, 0.5, 0.15 * 0.5);
	assert_true(lf.unit_sd[0] > 0);
	mp_level_fit_free(&lf);
	free(k);
	free(m);
	free(kt);
	free(ke);
	free(sd);
	mp_econ_panel_free(&v);
	mp_econ_panel_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gaps_recover_speed),
		cmocka_unit_test(test_gaps_hand),
		cmocka_unit_test(test_shocks),
		cmocka_unit_test(test_momentum_short_panel),
		cmocka_unit_test(test_student),
		cmocka_unit_test(test_reversion),
		cmocka_unit_test(test_unit_median),
		cmocka_unit_test(test_price_level),
		cmocka_unit_test(test_capital_steady_state),
		cmocka_unit_test(test_gaps_slope_hand),
		cmocka_unit_test(test_gaps_choose_slope),
		cmocka_unit_test(test_partial_rolling),
		cmocka_unit_test(test_partial_rolling_weight),
		cmocka_unit_test(test_invest_rate),
		cmocka_unit_test(test_unit_speeds_and_level),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
