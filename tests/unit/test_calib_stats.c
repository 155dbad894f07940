/* Unit tests of the calibration's statistical kernels (src/lib/calib/calib_stats.c).
 * Expected values were computed independently with numpy (python3), as written beside
 * each test; tolerances are stated per check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "multipolar/calib.h"
#include "multipolar/rng.h"

#include <stdlib.h>

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* numpy: X = [1, x1, x2], b = solve(X'X, X'y), s2 = e'e/(n-p), se = sqrt(diag(s2 inv(X'X))):
 * b = (1.67797619, 1.60654762, -0.34583333), se = (0.3363622, 0.16922463, 0.15166896),
 * R2 = 0.9862699991710188, sigma = 0.3971625551812449. */
static void test_ols_known(void **state)
{
	(void)state;
	const double x1[7] = { 1, 2, 3, 4, 5, 6, 7 }, x2[7] = { 2, 1, 4, 3, 6, 5, 8 };
	const double y[7] = { 3.1, 4.2, 4.8, 7.1, 7.4, 9.9, 10.2 };
	double X[21];
	for (int i = 0; i < 7; i++) {
		X[3 * i] = 1;
		X[3 * i + 1] = x1[i];
		X[3 * i + 2] = x2[i];
	}
	mp_ols_fit f;
	assert_int_equal(mp_calib_ols(NULL, X, y, 7, 3, &f), MP_OK);
	NEAR(f.coef[0], 1.67797619, 1e-8);
	NEAR(f.coef[1], 1.60654762, 1e-8);
	NEAR(f.coef[2], -0.34583333, 1e-8);
	NEAR(f.se[0], 0.3363622, 1e-7);
	NEAR(f.se[1], 0.16922463, 1e-8);
	NEAR(f.se[2], 0.15166896, 1e-8);
	NEAR(f.r2, 0.9862699991710188, 1e-12);
	NEAR(f.sigma, 0.3971625551812449, 1e-12);
	/* n <= p is an input error. */
	assert_int_equal(mp_calib_ols(NULL, X, y, 3, 3, &f), MP_EINPUT);
}

/* numpy Newton iterations on y ~ 1 + x: b = (-2.99033193, 1.08739343),
 * se = (2.00949382, 0.6723286), loglik = -4.941579983434301, loglik0 = 10 ln 0.5. */
static void test_logit_known(void **state)
{
	(void)state;
	const double x[10] = { 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0 };
	const double y[10] = { 0, 0, 1, 0, 0, 1, 0, 1, 1, 1 };
	double X[20];
	for (int i = 0; i < 10; i++) {
		X[2 * i] = 1;
		X[2 * i + 1] = x[i];
	}
	mp_logit_fit f;
	assert_int_equal(mp_calib_logit(NULL, X, y, 10, 2, &f), MP_OK);
	assert_true(f.converged);
	NEAR(f.coef[0], -2.99033193, 1e-7);
	NEAR(f.coef[1], 1.08739343, 1e-7);
	NEAR(f.se[0], 2.00949382, 1e-7);
	NEAR(f.se[1], 0.6723286, 1e-7);
	NEAR(f.loglik, -4.941579983434301, 1e-10);
	NEAR(f.loglik0, 10 * log(0.5), 1e-12);
	/* All-zero outcome cannot be fitted. */
	const double z[10] = { 0 };
	assert_int_equal(mp_calib_logit(NULL, X, z, 10, 2, &f), MP_ERANGE);
}

/* Large synthetic sample with known coefficients (-1, 0.8, -0.5): the estimates must be
 * within 4 standard errors of the truth. */
static void test_logit_synthetic(void **state)
{
	(void)state;
	const size_t n = 20000;
	double *X = malloc(3 * n * sizeof *X), *y = malloc(n * sizeof *y);
	assert_non_null(X);
	assert_non_null(y);
	mp_rng r;
	mp_rng_init(&r, 42, 0, 0);
	for (size_t i = 0; i < n; i++) {
		double a = mp_rng_normal(&r), b = mp_rng_uniform(&r) < 0.3;
		X[3 * i] = 1;
		X[3 * i + 1] = a;
		X[3 * i + 2] = b;
		double p = 1 / (1 + exp(-(-1 + 0.8 * a - 0.5 * b)));
		y[i] = mp_rng_uniform(&r) < p;
	}
	mp_logit_fit f;
	assert_int_equal(mp_calib_logit(NULL, X, y, n, 3, &f), MP_OK);
	NEAR(f.coef[0], -1.0, 4 * f.se[0]);
	NEAR(f.coef[1], 0.8, 4 * f.se[1]);
	NEAR(f.coef[2], -0.5, 4 * f.se[2]);
	assert_true(f.loglik > f.loglik0);
	free(X);
	free(y);
}

/* By hand: ranks of b = (1, 2, 3.5, 5, 3.5); rho = 8 / sqrt(10 * 9.5) = 0.820782681668123. */
static void test_spearman(void **state)
{
	(void)state;
	const double a[5] = { 1, 2, 3, 4, 5 }, b[5] = { 5, 6, 7, 8, 7 }, c[5] = { 5, 4, 3, 2, 1 };
	double rho;
	assert_int_equal(mp_calib_spearman(NULL, a, b, 5, &rho), MP_OK);
	NEAR(rho, 0.820782681668123, 1e-14);
	assert_int_equal(mp_calib_spearman(NULL, a, c, 5, &rho), MP_OK);
	NEAR(rho, -1.0, 1e-15);
	const double k[5] = { 2, 2, 2, 2, 2 };
	assert_int_equal(mp_calib_spearman(NULL, a, k, 5, &rho), MP_OK);
	assert_true(isnan(rho));
}

static void test_trend(void **state)
{
	(void)state;
	/* Points on y = 1 + 2x (and one NaN, skipped): the line at x = 3 is 7. */
	const double x[4] = { 0, 1, 2, 5 }, y[4] = { 1, 3, 5, MP_NA };
	double p;
	assert_int_equal(mp_calib_trend_at(NULL, x, y, 4, 3, &p), MP_OK);
	NEAR(p, 7.0, 1e-12);
	assert_int_equal(mp_calib_trend_at(NULL, x, y, 1, 3, &p), MP_EINPUT);
}

/* python3 haversine with R = 6371.0088: (0,0)-(0,90) = 10007.55722101796 km (a quarter
 * of the circumference); Washington (38.8950368, -77.0365427) - Beijing (39.9057136,
 * 116.3912972) = 11147.028152869623 km. */
static void test_distance(void **state)
{
	(void)state;
	NEAR(mp_calib_distance_km(0, 0, 0, 90), 10007.55722101796, 1e-8);
	NEAR(mp_calib_distance_km(38.8950368, -77.0365427, 39.9057136, 116.3912972), 11147.028152869623, 1e-7);
	NEAR(mp_calib_distance_km(10, 20, 10, 20), 0.0, 1e-12);
}

/* b = -(1 - e^{-0.02*10})/10 must give beta = 0.02 back. */
static void test_beta_from_slope(void **state)
{
	(void)state;
	double b = -(1 - exp(-0.2)) / 10;
	NEAR(mp_calib_beta_from_slope(b, 10), 0.02, 1e-15);
	assert_true(isnan(mp_calib_beta_from_slope(-0.2, 10)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ols_known),       cmocka_unit_test(test_logit_known),
		cmocka_unit_test(test_logit_synthetic), cmocka_unit_test(test_spearman),
		cmocka_unit_test(test_trend),           cmocka_unit_test(test_distance),
		cmocka_unit_test(test_beta_from_slope),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
