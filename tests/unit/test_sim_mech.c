/* Mechanisms of the simulation, each against a hand calculation (values from python3,
 * written beside each assertion), plus the start-year consistency with the data. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "multipolar/metrics.h"
#include "mp_test.h"
#include "sim/sim_internal.h"

/* A world of n actors; actor i gets the given population (thousands) and GDP pc ($). */
static mp_world *make_world(size_t n, const double *pop, const double *gdppc)
{
	mp_world *w = calloc(1, sizeof *w);
	w->n = n;
	w->year = 2020;
	w->actors = calloc(n, sizeof *w->actors);
	for (size_t i = 0; i < n; i++) {
		mp_actor *a = &w->actors[i];
		a->ccode = (int)(100 + i);
		snprintf(a->stateabb, sizeof a->stateabb, "S%u", (unsigned)(i % 1000));
		snprintf(a->name, sizeof a->name, "State %zu", i);
		double gdp = pop[i] * gdppc[i] / 1000.0;
		a->gdp = gdp;
		a->gdp_mer = gdp;
		a->comp[MP_TPOP] = pop[i];
		a->comp[MP_UPOP] = 0.3 * pop[i];
		a->comp[MP_MILEX] = 0.02 * gdp * 1000.0;
		a->comp[MP_MILPER] = 0.005 * pop[i];
		a->comp[MP_IRST] = 0.01 * gdp;
		a->comp[MP_PEC] = 0.05 * gdp;
		a->pole = MP_POLE_NONE;
		a->ideal_point = (double)i;
		a->lat = 10.0 * (double)i;
		a->lng = 20.0 * (double)i;
		a->cinc_published = MP_NA;
	}
	return w;
}

static void only(mp_sim_params *p, const char *mech)
{
	static const char *const all[] = { "demography", "economy",  "military", "trade",
					   "alignment",  "strategy", "conflict" };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "%s.enabled", all[i]);
		assert_int_equal(mp_sim_params_set(p, key, mech && !strcmp(mech, all[i]) ? 1 : 0), MP_OK);
	}
}

static void test_demography(void **state)
{
	(void)state;
	const double pop[2] = { 10000, 20000 }, pc[2] = { 10000, 10000 };
	mp_world *w = make_world(2, pop, pc);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "demography");
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	mp_sim *s;
	assert_int_equal(mp_sim_new(NULL, w, &o, &s), MP_OK);
	/* n0 = 0.076 - 0.0066 ln(10000) = 0.0152117535; n1 = n0 + 0.03 (-0.002 - n0);
	 * P1 = 10000 (1 + n1) = 10146.954009386085, P2 = 10290.985342894866;
	 * u1 = 0.3 + 0.02 * 0.3 * (1 - 0.3/0.7) = 0.30342857, upop1 = 3078.875759419435. */
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	assert_int_equal(mp_sim_year(s), 2021);
	assert_near(mp_sim_world(s)->actors[0].comp[MP_TPOP], 10146.954009386085, 1e-8);
	assert_near(mp_sim_world(s)->actors[0].comp[MP_UPOP], 3078.875759419435, 1e-8);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	assert_near(mp_sim_world(s)->actors[0].comp[MP_TPOP], 10290.985342894866, 1e-8);
	mp_sim_free(s);
	mp_world_free(w);
}

static void test_economy(void **state)
{
	(void)state;
	/* A: frontier (30 million people, $50,000); B: $5,000 with 25 million people. No PWT
	 * data: K/Y = s / (0.03 + d) = 0.22 / 0.08, investment share 0.22 (economy.invest_default);
	 * labour = population (no ages); shocks off. Hand calculation (python3, docs/economy.md):
	 * ln A_i = ln Y - 0.35 ln K - 0.65 ln L; x_B = ln A_B - ln A_A, mu_B = 0.8 x_B;
	 * per year: ln A_F += 0.011, x += 0.02 (mu - x), Y = A K^0.35 L^0.65, K = 0.95 K + 0.22 Y;
	 * price level: r_0 = ln(mer/mer_A) - 0.3 (ln y - ln y_F), r *= 0.9,
	 * ln q = 0.3 (ln y - ln y_F,t) + r with ln y_F,t = ln 50000 + (ln A_F,t - ln A_F,0) / 0.65,
	 * mer_B = exp(ln q_B - ln q_A). */
	const double pop[2] = { 30000, 25000 }, pc[2] = { 50000, 5000 };
	mp_world *w = make_world(2, pop, pc);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "economy");
	mp_sim_params_set(&p, "economy.tfp_persist_sd", 0);
	mp_sim_params_set(&p, "economy.tfp_noise_sd", 0);
	mp_sim_params_set(&p, "economy.frontier_shock_sd", 0);
	mp_sim_params_set(&p, "economy.price_shock_sd", 0);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	mp_sim *s;
	assert_int_equal(mp_sim_new(NULL, w, &o, &s), MP_OK);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	assert_near(mp_sim_world(s)->actors[0].gdp, 1516591.0836670792, 1e-6);
	assert_near(mp_sim_world(s)->actors[1].gdp, 127141.47699851349, 1e-6);
	assert_near(mp_sim_world(s)->actors[1].gdp_mer / mp_sim_world(s)->actors[1].gdp, 0.9349319468899244, 1e-12);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	assert_near(mp_sim_world(s)->actors[0].gdp, 1549777.2945076851, 1e-6);
	assert_near(mp_sim_world(s)->actors[1].gdp, 130709.6480040756, 1e-6);
	assert_near(mp_sim_world(s)->actors[1].gdp_mer / mp_sim_world(s)->actors[1].gdp, 0.88016861650463, 1e-12);
	/* the frontier's numeraire price level stays at its start */
	assert_near(mp_sim_world(s)->actors[0].gdp_mer / mp_sim_world(s)->actors[0].gdp, 1.0, 1e-15);
	mp_sim_free(s);
	mp_world_free(w);
}

/* Steel and energy intensities (docs/economy.md "Steel and energy"): two equal actors at
 * the frontier (z = 0), GDP frozen (every other mechanism off). With the shocks off,
 * ln(irst/GDP) after 10 years is ln 0.01 + 10 tau_s exactly; with s.d. 0.1 it is a random
 * walk: over 400 runs x 2 actors the s.d. of the 10-year change is 0.1 sqrt(10) = 0.3162
 * within 10% (the sampling error of an s.d. from 800 draws is ~2.5%) and its mean is the
 * drift within 0.05 (3 x 0.3162 / sqrt(800) = 0.034). */
static void test_capabilities_walk(void **state)
{
	(void)state;
	const double pop[2] = { 10000, 10000 }, pc[2] = { 20000, 20000 };
	mp_world *w = make_world(2, pop, pc);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, NULL);
	const double tau = p.capabilities_steel_trend;
	for (int noisy = 0; noisy < 2; noisy++) {
		mp_sim_params_set(&p, "capabilities.steel_shock_sd", noisy ? 0.1 : 0.0);
		mp_sim_opts o = MP_SIM_OPTS_INIT;
		o.params = &p;
		mp_sim *s;
		assert_int_equal(mp_sim_new(NULL, w, &o, &s), MP_OK);
		double sum = 0, ss = 0;
		const int runs = noisy ? 400 : 1;
		for (int r = 0; r < runs; r++) {
			mp_sim_reset(s, (uint32_t)r);
			for (int y = 0; y < 10; y++)
				assert_int_equal(mp_sim_step(NULL, s), MP_OK);
			for (size_t i = 0; i < 2; i++) {
				const mp_actor *a = &mp_sim_world(s)->actors[i];
				double d = log(a->comp[MP_IRST] / a->gdp) - log(0.01);
				if (!noisy)
					assert_near(d, 10 * tau, 1e-12);
				sum += d;
				ss += d * d;
			}
		}
		if (noisy) {
			const double m = sum / 800, sd = sqrt(ss / 800 - m * m);
			print_message("10-year change of ln(irst/GDP): mean %.4f (drift %.4f), s.d. %.4f\n", m,
				      10 * tau, sd);
			assert_near(m, 10 * tau, 0.05);
			assert_near(sd, 0.1 * sqrt(10.0), 0.1 * 0.1 * sqrt(10.0));
		}
		mp_sim_free(s);
	}
	mp_world_free(w);
}

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* The war probability of a relevant pair is the fitted MID logit times the escalation
 * logit on the pair's covariates, written out here from the coefficients. */
static void test_conflict_war_prob(void **state)
{
	(void)state;
	const double pop[3] = { 10000, 10000, 1000 }, pc[3] = { 10000, 10000, 10000 };
	mp_world *w = make_world(3, pop, pc);
	w->actors[0].ideal_point = 2.0;
	w->actors[1].ideal_point = -1.5;
	w->actors[2].ideal_point = 2.0;
	w->actors[0].major = 1; /* pairs 0-1 and 0-2 are relevant (a major power); 1-2 is not */
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	mp_sim *s;
	assert_int_equal(mp_sim_new(NULL, w, &o, &s), MP_OK);
	/* pair 0-1 at parity (CINC 0.1 each): no dispute on record (peace years at the cap,
	 * 100: t = 10 decades), no contiguity (capitals 2,480 km apart), one major power,
	 * ideal-point distance 3.5, the trade share of the run's gravity flows */
	double share = fmin(s->trade[1] / s->tsum[0], s->trade[1] / s->tsum[1]);
	double z = p.conflict_onset_const + 10 * p.conflict_onset_peace1 + 100 * p.conflict_onset_peace2 +
		   1000 * p.conflict_onset_peace3 + s->lndist[1] * p.conflict_onset_ln_dist + p.conflict_onset_parity +
		   p.conflict_onset_major1 + 3.5 * p.conflict_onset_ideal + share * p.conflict_onset_trade;
	double e = p.conflict_esc_const + p.conflict_esc_parity + p.conflict_esc_major1 + 3.5 * p.conflict_esc_ideal;
	assert_near(mp_sim__war_prob(s, 0, 1, 0.1, 0.1), logistic(z) * logistic(e), 1e-15);
	assert_near(mp_sim__war_prob(s, 1, 0, 0.1, 0.1), logistic(z) * logistic(e), 1e-15);
	/* ten times stronger: ln ratio ln 10 and no parity */
	z += log(10.0) * p.conflict_onset_ln_ratio - p.conflict_onset_parity;
	e += log(10.0) * p.conflict_esc_ln_ratio - p.conflict_esc_parity;
	assert_near(mp_sim__war_prob(s, 0, 1, 1.0, 0.1), logistic(z) * logistic(e), 1e-15);
	assert_near(mp_sim__war_prob(s, 1, 2, 0.1, 0.1), 0.0, 0);
	assert_true(mp_sim__war_prob(s, 0, 2, 0.1, 0.1) > 0);
	mp_sim_free(s);
	mp_world_free(w);
}

static void test_reproducible(void **state)
{
	(void)state;
	const double pop[4] = { 300000, 1400000, 140000, 50000 }, pc[4] = { 70000, 20000, 30000, 15000 };
	mp_world *w = make_world(4, pop, pc);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.seed = 99;
	mp_sim *a, *b, *c;
	assert_int_equal(mp_sim_new(NULL, w, &o, &a), MP_OK);
	assert_int_equal(mp_sim_clone(a, &b), MP_OK);
	assert_int_equal(mp_sim_clone(a, &c), MP_OK);
	mp_sim_reset(c, 1);
	/* b runs another run first, then is reset to run 0: it must match a exactly. */
	mp_sim_reset(b, 5);
	for (int t = 0; t < 8; t++)
		assert_int_equal(mp_sim_step(NULL, b), MP_OK);
	mp_sim_reset(b, 0);
	for (int t = 0; t < 10; t++) {
		assert_int_equal(mp_sim_step(NULL, a), MP_OK);
		assert_int_equal(mp_sim_step(NULL, b), MP_OK);
		assert_int_equal(mp_sim_step(NULL, c), MP_OK);
	}
	assert_memory_equal(mp_sim_cinc(a), mp_sim_cinc(b), 4 * sizeof(double));
	assert_true(memcmp(mp_sim_cinc(a), mp_sim_cinc(c), 4 * sizeof(double)) != 0);
	double sum = 0;
	for (int i = 0; i < 4; i++)
		sum += mp_sim_cinc(a)[i];
	assert_near(sum, 1.0, 1e-12);
	mp_sim_free(a);
	mp_sim_free(b);
	mp_sim_free(c);
	mp_world_free(w);
}

/* The mechanism table: every row is named and steps; a mechanism switched off leaves its
 * blackboard outputs at their start values while the others move them. */
static void test_table_switches(void **state)
{
	(void)state;
	const mp_sim_mech *const rows[MP_SIM_NMECH] = {
		&mp_sim__mech_levers,       &mp_sim__mech_strategy,  &mp_sim__mech_demography,
		&mp_sim__mech_economy,      &mp_sim__mech_trade,     &mp_sim__mech_military,
		&mp_sim__mech_capabilities, &mp_sim__mech_alignment, &mp_sim__mech_conflict,
	};
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		assert_non_null(rows[m]->name);
		assert_non_null(rows[m]->step);
		assert_true(!rows[m]->layout == !rows[m]->state_size);
	}
	const double pop[4] = { 300000, 1400000, 140000, 50000 }, pc[4] = { 70000, 20000, 30000, 15000 };
	mp_world *w = make_world(4, pop, pc);
	/* name of the switch, blackboard output it freezes */
	static const char *const off[] = { "demography", "economy", "military", "alignment" };
	for (size_t k = 0; k < sizeof off / sizeof off[0]; k++) {
		mp_sim_params p;
		mp_sim_params_default(&p);
		char key[64];
		snprintf(key, sizeof key, "%s.enabled", off[k]);
		assert_int_equal(mp_sim_params_set(&p, key, 0), MP_OK);
		mp_sim_opts o = MP_SIM_OPTS_INIT;
		o.params = &p;
		o.seed = 3;
		mp_sim *s;
		assert_int_equal(mp_sim_new(NULL, w, &o, &s), MP_OK);
		double before[3][4];
		for (size_t i = 0; i < 4; i++) {
			before[0][i] = s->pop[i];
			before[1][i] = s->gdppc[i];
			before[2][i] = k == 2 ? s->burden[i] : s->ip[i];
		}
		for (int t = 0; t < 5; t++)
			assert_int_equal(mp_sim_step(NULL, s), MP_OK);
		int moved_pop = 0, moved_pc = 0, moved_x = 0;
		for (size_t i = 0; i < 4; i++) {
			moved_pop |= s->pop[i] != before[0][i];
			moved_pc |= s->gdppc[i] != before[1][i];
			moved_x |= (k == 2 ? s->burden[i] : s->ip[i]) != before[2][i];
		}
		assert_int_equal(moved_pop, k != 0);
		assert_int_equal(moved_pc, k != 1);
		if (k >= 2)
			assert_int_equal(moved_x, 0);
		mp_sim_free(s);
	}
	mp_world_free(w);
}

/* The start year reproduces the shipped world's components and its CINC. */
static void test_start_matches_data(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_poles *poles;
	mp_world *w;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_poles_load(ctx, NULL, &poles), MP_OK);
	assert_int_equal(mp_world_load_default(ctx, NULL, poles, &w), MP_OK);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.poles = poles;
	mp_sim *s;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	const mp_world *sw = mp_sim_world(s);
	size_t checked = 0;
	for (size_t i = 0; i < w->n; i++)
		for (int c = 0; c < MP_NCOMP; c++) {
			double x = w->actors[i].comp[c];
			if (!isfinite(x) || x <= 0)
				continue;
			assert_near(sw->actors[i].comp[c] / x, 1.0, 1e-9);
			checked++;
		}
	assert_true(checked > 300);
	double *cinc = calloc(w->n, sizeof *cinc);
	assert_int_equal(mp_capabilities(w, NULL, MP_CINC_COW, NULL, cinc), MP_OK);
	for (size_t i = 0; i < w->n; i++) {
		int complete = 1;
		for (int c = 0; c < MP_NCOMP; c++)
			complete &= isfinite(w->actors[i].comp[c]);
		if (complete)
			assert_near(mp_sim_cinc(s)[i], cinc[i], 0.002);
	}
	/* Camps: the leaders are in their camps (baseline camps). */
	int usa = mp_world_find_name(w, "USA"), chn = mp_world_find_name(w, "CHN");
	assert_string_equal(mp_sim_camp_name(s, (size_t)mp_sim_camps(s)[usa]), "West");
	assert_string_equal(mp_sim_camp_name(s, (size_t)mp_sim_camps(s)[chn]), "China");
	free(cinc);
	mp_sim_free(s);
	mp_world_free(w);
	mp_poles_free(poles);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demography),         cmocka_unit_test(test_economy),
		cmocka_unit_test(test_conflict_war_prob),  cmocka_unit_test(test_capabilities_walk),
		cmocka_unit_test(test_reproducible),       cmocka_unit_test(test_table_switches),
		cmocka_unit_test(test_start_matches_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
