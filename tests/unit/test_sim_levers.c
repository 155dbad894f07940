/* Levers that behave (docs/conflict.md, "Levers"): the cost of sanctions through the
 * trade network against the closed form of two symmetric states (Arkolakis, Costinot &
 * Rodriguez-Clare 2012), diversion to a third state, the sanctions a scenario sets
 * whatever camps states join, aid and support costing the donor, and the errors of names
 * that are not in the world. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/ensemble.h"
#include "sim/sim_internal.h"

static mp_world *make_world(size_t n)
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
		double pop = 50000, gdp = pop * 20000 / 1000.0;
		a->gdp = a->gdp_mer = gdp;
		a->comp[MP_TPOP] = pop;
		a->comp[MP_UPOP] = 0.3 * pop;
		a->comp[MP_MILEX] = 0.02 * gdp * 1000.0;
		a->comp[MP_MILPER] = 0.005 * pop;
		a->comp[MP_IRST] = 0.01 * gdp;
		a->comp[MP_PEC] = 0.05 * gdp;
		a->pole = MP_POLE_NONE;
		a->ideal_point = 0;
		a->lat = 0;
		a->lng = 40.0 * (double)i; /* the same distance between neighbours */
		a->cinc_published = MP_NA;
	}
	return w;
}

/* Every mechanism off but `keep` (a comma-separated list). */
static void only(mp_sim_params *p, const char *keep)
{
	static const char *const all[] = { "demography", "economy",  "military", "trade",
					   "alignment",  "strategy", "conflict" };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "%s.enabled", all[i]);
		assert_int_equal(mp_sim_params_set(p, key, strstr(keep, all[i]) ? 1 : 0), MP_OK);
	}
}

static void add_lever(mp_scenario *sc, mp_lever_kind kind, const char *a, const char *b, double value, int from)
{
	mp_lever *l = &sc->levers[sc->nlevers++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->value = value;
	l->from = from;
	l->file = -1;
	l->line = l->col = 1;
	snprintf(l->side[0][0].name, sizeof l->side[0][0].name, "%s", a);
	l->nside[0] = 1;
	if (b) {
		snprintf(l->side[1][0].name, sizeof l->side[1][0].name, "%s", b);
		l->nside[1] = 1;
	}
}

static mp_sim *new_sim(const mp_world *w, const mp_scenario *sc, const mp_sim_params *p)
{
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = p;
	o.scenario = sc;
	mp_sim *s = NULL;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	int rc = mp_sim_new(ctx, w, &o, &s);
	if (rc != MP_OK)
		fail_msg("mp_sim_new: %s", mp_error_message(ctx));
	mp_ctx_free(ctx);
	return s;
}

/* Two symmetric states sanction each other fully from 2021: w = 1 by symmetry, so each
 * keeps lambda' = lambda / (lambda + (1 - lambda) t) of its spending at home and its real
 * income changes by W = (lambda + (1 - lambda) t)^(1/e), t = exp(trade.sanction). */
static void test_two_states_closed_form(void **state)
{
	(void)state;
	mp_world *w = make_world(2);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "trade");
	mp_scenario sc;
	mp_scenario_default(&sc);
	add_lever(&sc, MP_LEVER_SANCTIONS, "S0", "S1", 1.0, 2021);
	mp_sim *s = new_sim(w, &sc, &p);
	double x0 = s->trade[1], y0 = s->gdp[0], g0 = s->gdppc[0];
	assert_true(x0 > 0);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	const double lam = 1.0 - 0.5 * x0 / y0, t = exp(p.trade_sanction);
	const double D = lam + (1.0 - lam) * t;
	assert_near(s->level[0], log(D) / p.trade_elasticity, 1e-10);
	assert_near(s->level[1], s->level[0], 1e-12);
	assert_near(s->gdppc[0] / g0, pow(D, 1.0 / p.trade_elasticity), 1e-10);
	/* the pair's flow: X' = X t / D (each side's spending share on the other) */
	assert_near(s->trade[1] / x0, t / D, 1e-9);
	/* bounded by autarky: W >= lambda^(1/e) */
	assert_true(s->gdppc[0] / g0 >= pow(lam, 1.0 / p.trade_elasticity));
	mp_sim_free(s);
	mp_world_free(w);
}

/* A and B sanction each other; C trades with both: both lose, C gains trade with each
 * and real income (its terms of trade improve), world output falls. */
static void test_diversion_to_third(void **state)
{
	(void)state;
	mp_world *w = make_world(3);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "trade");
	mp_scenario sc, none;
	mp_scenario_default(&sc);
	mp_scenario_default(&none);
	add_lever(&sc, MP_LEVER_SANCTIONS, "S0", "S1", 1.0, 2021);
	mp_sim *s = new_sim(w, &sc, &p), *b = new_sim(w, &none, &p);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);
	assert_int_equal(mp_sim_step(NULL, b), MP_OK);
	const size_t n = 3;
	assert_true(s->trade[0 * n + 1] < 0.3 * b->trade[0 * n + 1]);
	assert_true(s->trade[0 * n + 2] > b->trade[0 * n + 2]);
	assert_true(s->trade[1 * n + 2] > b->trade[1 * n + 2]);
	assert_true(s->level[0] < 0 && s->level[1] < 0);
	assert_true(s->level[2] > 0);
	double ws = 0, wb = 0;
	for (size_t i = 0; i < n; i++) {
		ws += s->gdp[i];
		wb += b->gdp[i];
	}
	assert_true(ws < wb);
	mp_sim_free(s);
	mp_sim_free(b);
	mp_world_free(w);
}

/* The sanctions of a camp are the scenario's: a state that leaves the camp on its own
 * keeps sanctioning, one the scenario moves by `join` stops; camps of the target do not
 * matter. */
static void test_sanctions_are_the_scenarios(void **state)
{
	(void)state;
	mp_world *w = make_world(4);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "trade");
	mp_scenario sc;
	mp_scenario_default(&sc);
	snprintf(sc.camps[0].members[0], sizeof sc.camps[0].members[0], "S0");
	snprintf(sc.camps[0].members[1], sizeof sc.camps[0].members[1], "S1");
	sc.camps[0].nmembers = 2; /* West: S0, S1 */
	add_lever(&sc, MP_LEVER_SANCTIONS, "West", "S3", 0.7, 0);
	add_lever(&sc, MP_LEVER_JOIN, "S1", "nonaligned", 0, 2023);
	add_lever(&sc, MP_LEVER_JOIN, "S3", "West", 0, 2022); /* the target joins the sanctioners */
	mp_sim *s = new_sim(w, &sc, &p);
	const size_t n = 4;
	assert_near(s->sanct[0 * n + 3], 0.7, 0);
	assert_near(s->sanct[1 * n + 3], 0.7, 0);
	assert_near(s->sanct[2 * n + 3], 0.0, 0);
	/* S0 leaves the camp by its own choice: the scenario's sanctions stay */
	s->camp[0] = -1;
	assert_int_equal(mp_sim_step(NULL, s), MP_OK); /* 2021 */
	assert_near(s->sanct[0 * n + 3], 0.7, 0);
	assert_near(s->sanct[1 * n + 3], 0.7, 0);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK);  /* 2022: S3 in West by the scenario */
	assert_near(mp_sim__sanction(s, 0, 3), 0.0, 0); /* a camp does not sanction its own */
	mp_sim_free(s);
	mp_scenario_default(&sc);
	sc.camps[0].nmembers = 2;
	snprintf(sc.camps[0].members[0], sizeof sc.camps[0].members[0], "S0");
	snprintf(sc.camps[0].members[1], sizeof sc.camps[0].members[1], "S1");
	add_lever(&sc, MP_LEVER_SANCTIONS, "West", "S3", 0.7, 0);
	add_lever(&sc, MP_LEVER_JOIN, "S1", "nonaligned", 0, 2022);
	s = new_sim(w, &sc, &p);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK); /* 2021 */
	assert_near(s->sanct[1 * n + 3], 0.7, 0);
	assert_int_equal(mp_sim_step(NULL, s), MP_OK); /* 2022: the scenario took S1 out of West */
	assert_near(s->sanct[1 * n + 3], 0.0, 0);
	assert_near(s->sanct[0 * n + 3], 0.7, 0);
	mp_sim_free(s);
	mp_world_free(w);
}

/* Aid and support cost the donor what they give the recipient's growth (at the same
 * return), and support's trade promotion raises the pair's trade. */
static void test_aid_support_cost_donor(void **state)
{
	(void)state;
	mp_world *w = make_world(3);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "economy,trade");
	mp_sim_params_set(&p, "economy.shock_sd", 0);
	mp_sim_params_set(&p, "economy.momentum", 0);
	for (int kind = 0; kind < 2; kind++) {
		mp_scenario sc, none;
		mp_scenario_default(&sc);
		mp_scenario_default(&none);
		add_lever(&sc, kind ? MP_LEVER_SUPPORT : MP_LEVER_AID, "S0", "S1", 0.01, 2021);
		if (kind) {
			sc.levers[0].trade = 0.5;
			sc.levers[0].dual_use = 0.25;
		}
		mp_sim *s = new_sim(w, &sc, &p), *b = new_sim(w, &none, &p);
		const double gdp0 = s->gdp[0];
		assert_int_equal(mp_sim_step(NULL, s), MP_OK);
		assert_int_equal(mp_sim_step(NULL, b), MP_OK);
		/* donor: growth lower by aid_return * share (trade promotion aside: its level) */
		double donor = log(s->gdppc[0] / b->gdppc[0]) - s->level[0];
		assert_near(donor, -p.economy_aid_return * 0.01, 1e-12);
		double civil = kind ? 0.75 : 1.0;
		double recip = log(s->gdppc[1] / b->gdppc[1]) - s->level[1];
		assert_near(recip, p.economy_aid_return * civil * 0.01, 1e-12);
		if (kind) {
			assert_true(s->trade[0 * 3 + 1] > b->trade[0 * 3 + 1]);
			/* a quarter of 1% of the donor's GDP (at its exchange rate, thousands of $) */
			assert_near(s->milex_add[1], 0.25 * 0.01 * gdp0 * s->mer[0] * 1000.0, 1e-6);
			assert_true(s->milex_add[0] == 0);
		}
		mp_sim_free(s);
		mp_sim_free(b);
	}
	mp_world_free(w);
}

static void expect_name_error(mp_lever_kind kind, const char *a, const char *b, const char *want)
{
	mp_world *w = make_world(3);
	mp_scenario sc;
	mp_scenario_default(&sc);
	snprintf(sc.files[0], sizeof sc.files[0], "levers.yaml");
	sc.nfiles = 1;
	add_lever(&sc, kind, a, b, 0.5, 2021);
	sc.levers[0].file = 0;
	sc.levers[0].side[0][0].line = 7;
	sc.levers[0].side[0][0].col = 22;
	sc.levers[0].side[1][0].line = 7;
	sc.levers[0].side[1][0].col = 30;
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.scenario = &sc;
	mp_ctx *ctx;
	mp_sim *s = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_EINPUT);
	if (!strstr(mp_error_message(ctx), want))
		fail_msg("message '%s' lacks '%s'", mp_error_message(ctx), want);
	mp_ctx_free(ctx);
	mp_world_free(w);
}

static void test_name_errors(void **state)
{
	(void)state;
	expect_name_error(MP_LEVER_SANCTIONS, "S7", "S1", "levers.yaml:7:22: unknown state, camp or pole 'S7'");
	expect_name_error(MP_LEVER_SANCTIONS, "Wset", "S1", "did you mean West");
	expect_name_error(MP_LEVER_SANCTIONS, "S0", "State 3", "did you mean State 0, State 1, State 2?");
	expect_name_error(MP_LEVER_JOIN, "S0", "Chna", "levers.yaml:7:30: unknown camp 'Chna'");
	expect_name_error(MP_LEVER_AID, "West", "S1", "'West' is a camp");
	expect_name_error(MP_LEVER_AID, "S1", "S1", "the recipient is the donor");
	/* one state by two names on both sides of sanctions: no silent no-op */
	expect_name_error(MP_LEVER_SANCTIONS, "S1", "State 1",
			  "levers.yaml:7:30: S1 is on both sides of a `sanctions` lever");
	expect_name_error(MP_LEVER_SANCTIONS, "West", "west", "a camp is on both sides");
}

/* A run whose output leaves the range of doubles stops with an input error naming the
 * state and the year, never inf or NaN cells (issue 16 item 8). */
static void test_non_finite_is_an_error(void **state)
{
	(void)state;
	mp_world *w = make_world(3);
	w->actors[1].gdp = w->actors[1].gdp_mer = 1e305;
	mp_scenario sc;
	mp_scenario_default(&sc);
	add_lever(&sc, MP_LEVER_GROWTH, "S1", NULL, 1.0, 2021);
	mp_sim_params p;
	mp_sim_params_default(&p);
	only(&p, "economy");
	mp_sim *s = new_sim(w, &sc, &p);
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	int rc = MP_OK;
	for (int y = 0; y < 40 && rc == MP_OK; y++)
		rc = mp_sim_step(ctx, s);
	assert_int_equal(rc, MP_EINPUT);
	if (!strstr(mp_error_message(ctx), "GDP per head of S1 is not finite"))
		fail_msg("message: %s", mp_error_message(ctx));
	mp_ctx_free(ctx);
	mp_sim_free(s);
	mp_world_free(w);
}

/* One shipped scenario's run 0 on the shipped world, stepped to `until`. */
static mp_sim *shipped(const char *name, int until, mp_world **wout)
{
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_scenario *sc = malloc(sizeof *sc);
	assert_int_equal(mp_scenario_load(ctx, name, sc), MP_OK);
	mp_poles *poles = NULL;
	mp_world *w = NULL;
	assert_int_equal(mp_ensemble_start_world(ctx, sc, NULL, &poles, &w), MP_OK);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &sc->params;
	o.scenario = sc;
	o.poles = poles;
	o.seed = sc->seed;
	mp_sim *s = NULL;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	while (mp_sim_year(s) < until)
		assert_int_equal(mp_sim_step(ctx, s), MP_OK);
	mp_poles_free(poles);
	free(sc);
	mp_ctx_free(ctx);
	*wout = w;
	return s;
}

/* Decoupling (data/scenarios/decoupling.yaml) costs both China and the USA output, third
 * countries gain some of the diverted trade with both, and the world loses output within
 * the range the IMF puts on fragmentation (SDN/2023/001: 0.2-7% of world output). */
static void test_decoupling_costs_both(void **state)
{
	(void)state;
	mp_world *wb, *wd;
	mp_sim *b = shipped("baseline", 2035, &wb), *d = shipped("decoupling", 2035, &wd);
	const size_t n = b->n;
	int chn = mp_world_find_name(wb, "CHN"), usa = mp_world_find_name(wb, "USA");
	assert_true(chn >= 0 && usa >= 0);
	assert_true(d->level[chn] < b->level[chn] - 0.005);
	assert_true(d->level[usa] < b->level[usa]);
	int gainers = 0;
	for (size_t k = 0; k < n; k++) {
		if ((int)k == chn || (int)k == usa || d->camp[k] == d->camp[usa] || d->camp[k] == d->camp[chn])
			continue;
		gainers += d->trade[k * n + (size_t)chn] > b->trade[k * n + (size_t)chn] &&
			   d->trade[k * n + (size_t)usa] > b->trade[k * n + (size_t)usa];
	}
	assert_true(gainers >= 3);
	double yb = 0, yd = 0;
	for (size_t k = 0; k < n; k++) {
		yb += b->gdp[k];
		yd += d->gdp[k];
	}
	double loss = 1.0 - yd / yb;
	if (!(loss > 0.002 && loss < 0.07))
		fail_msg("world output loss %g", loss);
	mp_sim_free(b);
	mp_sim_free(d);
	mp_world_free(wb);
	mp_world_free(wd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_states_closed_form),
		cmocka_unit_test(test_diversion_to_third),
		cmocka_unit_test(test_sanctions_are_the_scenarios),
		cmocka_unit_test(test_aid_support_cost_donor),
		cmocka_unit_test(test_name_errors),
		cmocka_unit_test(test_non_finite_is_an_error),
		cmocka_unit_test(test_decoupling_costs_both),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
