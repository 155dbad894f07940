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
		print_message("lambda %.4f (se %.4f) tau2 %.4f omega2 %.4f rmse %.4f vs %.4f\n", f.lambda,
			      f.lambda_se, f.tau2, f.omega2, f.cv_rmse, f.cv_rmse_zero);
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
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 0.5, 1, mu, sd, nw, &tau2, &omega2), MP_OK);
	assert_near(tau2, 0.0625, 1e-12);
	assert_near(omega2, 0.0625, 1e-12);
	assert_near(mu[0], 2.4166666666666665, 1e-12);
	assert_near(mu[1], 0.0, 1e-12);
	assert_near(mu[2], 2.0833333333333335, 1e-12);
	assert_near(sd[0], 0.14433756729740646, 1e-12);
	assert_int_equal(nw[0], 2);
	/* a lambda outside (0, 1) is an input error */
	assert_int_equal(mp_econ_gaps_at(NULL, &p, 2002, 1.5, 1, mu, sd, nw, NULL, NULL), MP_EINPUT);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gaps_recover_speed), cmocka_unit_test(test_gaps_hand),
		cmocka_unit_test(test_shocks),             cmocka_unit_test(test_momentum_short_panel),
		cmocka_unit_test(test_student),
		cmocka_unit_test(test_reversion),          cmocka_unit_test(test_unit_median),
		cmocka_unit_test(test_price_level),        cmocka_unit_test(test_capital_steady_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
