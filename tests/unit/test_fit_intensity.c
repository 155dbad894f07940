/* Known-answer tests of the intensity lines' spread (src/lib/calib/fit_intensity.c): a
 * hand-computed panel for the formula and a simulated panel with known s.d.s for the
 * recovery, with tolerances stated beside each assertion. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "calib/fit_intensity.h"
#include "multipolar/rng.h"
#include "mp_test.h"

/* Three units over 2000-2005, line a = 0.1, b = 0, x = 0: unit u's level rises by
 * 0.1 + r_t with residuals r = (+d, -d, +d, -d, +d), so v_u = d^2 exactly (5 residuals).
 * d = 0.1, 0.2, 0.3: the median unit's s.d. is 0.2; shrunk with 10 pseudo-residuals:
 * sqrt((5 d^2 + 10 * 0.04) / 15) = 0.173205 (d = 0.1), 0.2, 0.238048 (d = 0.3). */
static void test_spread_hand(void **state)
{
	(void)state;
	mp_econ_panel y, x;
	assert_int_equal(mp_econ_panel_new(NULL, 3, 2000, 2005, &y), MP_OK);
	assert_int_equal(mp_econ_panel_new(NULL, 3, 2000, 2005, &x), MP_OK);
	for (size_t u = 0; u < 3; u++) {
		double d = 0.1 * (double)(u + 1), v = 1.0;
		for (int t = 2000; t <= 2005; t++) {
			MP_EP(&y, u, t) = v;
			MP_EP(&x, u, t) = 0.0;
			v += 0.1 + ((t - 2000) % 2 ? -d : d);
		}
	}
	mp_line_fit f = { .a = 0.1, .b = 0.0 };
	mp_line_spread s;
	assert_int_equal(mp_fit_line_spread(NULL, &y, &x, 2000, 2005, &f, 10.0, &s), MP_OK);
	assert_int_equal(s.n, 15);
	assert_int_equal(s.nunits, 3);
	assert_near(s.sd_median, 0.2, 1e-12);
	assert_near(s.unit_sd[0], 0.173205, 1e-6);
	assert_near(s.unit_sd[1], 0.2, 1e-12);
	assert_near(s.unit_sd[2], 0.238048, 1e-6);
	mp_line_spread_free(&s);
	/* too few units with 5 residuals: an error, not a guess */
	assert_int_equal(mp_fit_line_spread(NULL, &y, &x, 2000, 2003, &f, 10.0, &s), MP_EINPUT);
	mp_econ_panel_free(&y);
	mp_econ_panel_free(&x);
}

/* 60 random walks over 1950-2016 around a drift a + b x (b = -0.01, x ~ N(0, 1) fixed per
 * unit), half with s.d. 0.05 and half 0.2. The median unit's s.d. s0 lies between the
 * groups; a unit's shrunk s.d. is expected at sqrt((66 sd^2 + 10 s0^2) / 76). The mean of
 * each group's shrunk s.d.s is within 5% of that: one s.d. from 66 residuals has a
 * sampling error of ~1 / sqrt(132) = 8.7%, the mean of 30 of them ~1.6% (5% is 3 of those). */
static void test_spread_recovers(void **state)
{
	(void)state;
	const size_t nu = 60;
	mp_econ_panel y, x;
	assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, 2016, &y), MP_OK);
	assert_int_equal(mp_econ_panel_new(NULL, nu, 1950, 2016, &x), MP_OK);
	mp_rng r;
	mp_rng_init(&r, 5, 0, 1);
	for (size_t u = 0; u < nu; u++) {
		double sd = u % 2 ? 0.2 : 0.05, z = mp_rng_normal(&r), v = 0;
		for (int t = 1950; t <= 2016; t++) {
			MP_EP(&y, u, t) = v;
			MP_EP(&x, u, t) = z;
			v += -0.02 - 0.01 * z + sd * mp_rng_normal(&r);
		}
	}
	mp_line_fit f;
	assert_int_equal(mp_fit_line(NULL, &y, &x, 1950, 2016, 1, &f), MP_OK);
	mp_line_spread s;
	assert_int_equal(mp_fit_line_spread(NULL, &y, &x, 1950, 2016, &f, 10.0, &s), MP_OK);
	const double s0 = s.sd_median;
	print_message("s0 %.4f\n", s0);
	assert_true(s0 > 0.05 && s0 < 0.2);
	for (int g = 0; g < 2; g++) {
		const double sd = g ? 0.2 : 0.05, want = sqrt((66 * sd * sd + 10 * s0 * s0) / 76);
		double sum = 0;
		for (size_t u = (size_t)g; u < nu; u += 2)
			sum += s.unit_sd[u];
		print_message("group sd %.2f: mean shrunk %.4f, expected %.4f\n", sd, sum / 30, want);
		assert_true(fabs(sum / 30 / want - 1) < 0.05);
	}
	mp_line_spread_free(&s);
	mp_econ_panel_free(&y);
	mp_econ_panel_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_spread_hand),
					    cmocka_unit_test(test_spread_recovers) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
