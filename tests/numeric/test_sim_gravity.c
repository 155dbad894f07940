/* Gravity on simulated trade recovers the elasticities put in (docs/references.md C3, E5).
 *
 * The shipped default world (data/world/world.csv, 60 states) is simulated 10 years
 * with the baseline camps; the trade of the final year is regressed by OLS (GSL,
 * mp_sim_fit_gravity) on ln Y_i + ln Y_j, ln distance, contiguity, same camp, ideal-point
 * distance and sanctions. The dyad residuals are N(0, trade.resid_sd = 1) drawn once, so
 * OLS is unbiased; with ~1,770 dyads and sd(ln D) ~ 0.9 the standard error of the
 * distance elasticity is ~0.03. Tolerance: 4 standard errors of each coefficient, and
 * an absolute 0.15. Run twice: the default elasticity -0.89 (Head & Mayer 2014) and
 * -1.4, to show the fit follows the input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/sim.h"

static void fit(double dist_el, double gdp_el)
{
	mp_ctx *ctx;
	mp_poles *poles;
	mp_world *w;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_poles_load(ctx, NULL, &poles), MP_OK);
	assert_int_equal(mp_world_load_default(ctx, NULL, poles, &w), MP_OK);
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_sim_params_set(&p, "trade.elasticity_distance", dist_el);
	mp_sim_params_set(&p, "trade.elasticity_gdp", gdp_el);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	o.poles = poles;
	o.seed = 11;
	mp_sim *s;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	for (int t = 0; t < 10; t++)
		assert_int_equal(mp_sim_step(ctx, s), MP_OK);
	double c[7], se[7];
	size_t m;
	assert_int_equal(mp_sim_fit_gravity(ctx, s, c, se, &m), MP_OK);
	print_message("dyads %zu: gdp %.4f (%.4f), distance %.4f (%.4f), contiguity %.3f, camp %.3f, ip %.3f\n", m,
		      c[1], se[1], c[2], se[2], c[3], c[4], c[5]);
	assert_true(m > 1500);
	assert_true(se[2] > 0 && se[2] < 0.06);
	assert_near(c[2], dist_el, fmin(0.15, 4 * se[2]));
	assert_near(c[1], gdp_el, fmin(0.15, 4 * se[1]));
	mp_sim_free(s);
	mp_world_free(w);
	mp_poles_free(poles);
	mp_ctx_free(ctx);
}

static void test_default_elasticity(void **state)
{
	(void)state;
	fit(-0.89, 0.9);
}

static void test_other_elasticity(void **state)
{
	(void)state;
	fit(-1.4, 1.1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_elasticity),
		cmocka_unit_test(test_other_elasticity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
