/* Simulated conditional convergence recovers the beta put in (docs/references.md C1, E5).
 *
 * 200 synthetic states with ln GDP pc spread evenly over [ln 1000, ln 60000], common
 * steady state (economy.gap_share = 0, so conditional = unconditional), TFP shocks
 * N(0, 0.02) a year, no momentum, capital share 0 (output = TFP x labour, so the gap of
 * ln GDP per head is the TFP gap x_t+1 = (1 - lambda) x_t + e, docs/economy.md); only the
 * economy runs. After T = 30 years the Barro
 * (1991) cross-section regression of average growth on ln y_0 has slope
 *   b = -(1 - (1 - beta)^T) / T   =>   beta_hat = 1 - (1 + b T)^(1/T).
 * With beta = 0.02: b = -(1 - 0.98^30)/30 = -0.015152 (python3: -(1-0.98**30)/30).
 * Sampling error: the shock part of average growth has sd <= 0.02 sqrt(30)/30 = 0.0037,
 * ln y_0 has sd ~1.18, so se(b) ~ 0.0037 / (1.18 sqrt(200)) = 0.00022 and se(beta_hat)
 * ~ 0.0005: tolerance 0.002 (4 se). A second run with beta = 0.04 must give 0.04. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/sim.h"

#define N 200
#define T 30

static double estimate_beta(double beta_in, uint64_t seed)
{
	mp_world w = { 0 };
	w.n = N + 1;
	w.year = 2000;
	w.actors = calloc(w.n, sizeof *w.actors);
	for (size_t i = 0; i <= N; i++) {
		mp_actor *a = &w.actors[i];
		a->ccode = (int)(10 + i);
		snprintf(a->stateabb, sizeof a->stateabb, "S%zu", i);
		/* actor N is the frontier: the richest with >= 20 million people */
		double lpc = i == N ? log(60000.0) : log(1000.0) + (log(60000.0) - log(1000.0)) * (double)i / N;
		double pop = i == N ? 50000 : 10000;
		a->comp[MP_TPOP] = pop;
		a->comp[MP_UPOP] = 0.3 * pop;
		a->gdp = a->gdp_mer = exp(lpc) * pop / 1000.0;
		a->comp[MP_MILEX] = 0.02 * a->gdp * 1000;
		a->comp[MP_MILPER] = 0.005 * pop;
		a->comp[MP_IRST] = a->comp[MP_PEC] = 0.01 * a->gdp;
		a->pole = MP_POLE_NONE;
		a->ideal_point = 0;
		a->lat = a->lng = 0;
	}
	mp_sim_params p;
	mp_sim_params_default(&p);
	static const char *const off[] = { "demography.enabled", "military.enabled", "trade.enabled",
					   "alignment.enabled",  "strategy.enabled", "conflict.enabled" };
	for (size_t k = 0; k < sizeof off / sizeof off[0]; k++)
		mp_sim_params_set(&p, off[k], 0);
	/* capital share 0: output per head = TFP, so the output gap follows the TFP gap exactly */
	mp_sim_params_set(&p, "economy.capital_share", 0);
	mp_sim_params_set(&p, "economy.tfp_speed", beta_in);
	mp_sim_params_set(&p, "economy.gap_share", 0);
	mp_sim_params_set(&p, "economy.tfp_momentum", 0);
	mp_sim_params_set(&p, "economy.tfp_shock_sd", 0.02);
	mp_sim_params_set(&p, "economy.tfp_shock_df", 100); /* normal shocks */
	mp_sim_params_set(&p, "economy.frontier_shock_sd", 0);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	o.seed = seed;
	mp_sim *s;
	assert_int_equal(mp_sim_new(NULL, &w, &o, &s), MP_OK);
	double y0[N];
	for (size_t i = 0; i < N; i++)
		y0[i] = log(w.actors[i].gdp / w.actors[i].comp[MP_TPOP]);
	for (int t = 0; t < T; t++)
		assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	/* OLS of g_i = (ln y_T - ln y_0) / T on ln y_0 (frontier excluded). */
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (size_t i = 0; i < N; i++) {
		const mp_actor *a = &mp_sim_world(s)->actors[i];
		double g = (log(a->gdp / a->comp[MP_TPOP]) - y0[i]) / T;
		sx += y0[i];
		sy += g;
		sxx += y0[i] * y0[i];
		sxy += y0[i] * g;
	}
	double b = (N * sxy - sx * sy) / (N * sxx - sx * sx);
	mp_sim_free(s);
	free(w.actors);
	return 1.0 - pow(1.0 + b * T, 1.0 / T);
}

static void test_beta_002(void **state)
{
	(void)state;
	double beta = estimate_beta(0.02, 1);
	print_message("beta_hat = %.5f (in 0.02)\n", beta);
	assert_near(beta, 0.02, 0.002);
}

static void test_beta_004(void **state)
{
	(void)state;
	double beta = estimate_beta(0.04, 2);
	print_message("beta_hat = %.5f (in 0.04)\n", beta);
	assert_near(beta, 0.04, 0.003);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_beta_002),
		cmocka_unit_test(test_beta_004),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
