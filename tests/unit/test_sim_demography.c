/* The demography mechanism (sim/mech_demography.c) on the shipped default world with its
 * age structures (data/world/ages.csv): the start matches the world's tpop, cohorts stay
 * non-negative, runs are reproducible and differ between run indices, and the levers act
 * through the cohorts: a fertility change raises births at once and the working-age
 * population only once its children reach 15; a migration lever adds its migrants;
 * excess deaths fall on the ages and sex named. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mp_test.h"
#include "multipolar/sim.h"
#include "multipolar/world.h"
#include "sim/sim_internal.h"

static mp_ctx *ctx;
static mp_world *w;

static int setup(void **state)
{
	(void)state;
	if (mp_ctx_new(&ctx) != MP_OK || mp_world_load_default(ctx, NULL, NULL, &w) != MP_OK)
		return -1;
	return w->demog ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	mp_world_free(w);
	mp_ctx_free(ctx);
	return 0;
}

/* A simulation with only demography stepping (and levers), optionally with a scenario. */
static mp_sim *make(const mp_scenario *sc, int uncertainty)
{
	static mp_sim_params p;
	mp_sim_params_default(&p);
	p.demography_uncertainty = uncertainty;
	p.economy_enabled = p.military_enabled = p.trade_enabled = p.alignment_enabled = 0;
	p.strategy_enabled = p.conflict_enabled = 0;
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &p;
	o.scenario = sc;
	o.seed = 42;
	mp_sim *s = NULL;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	return s;
}

static void test_start_and_bounds(void **state)
{
	(void)state;
	mp_sim *s = make(NULL, 1);
	int i = mp_world_find(w, 365);
	mp_sim_demog d;
	assert_int_equal(mp_sim_demography(s, (size_t)i, &d), MP_OK);
	assert_near(d.total, w->actors[i].comp[MP_TPOP], 1e-6 * d.total);
	assert_true(d.age15_64 < d.total && d.military < d.age15_64);
	for (int y = 0; y < 30; y++) {
		assert_int_equal(mp_sim_step(ctx, s), MP_OK);
		for (size_t k = 0; k < w->n; k++) {
			assert_int_equal(mp_sim_demography(s, k, &d), MP_OK);
			for (int a = 0; a < MP_DEMOG_AGES; a++)
				assert_true(d.pop_f[a] >= 0 && d.pop_m[a] >= 0);
			assert_true(d.tfr >= 0 && d.e0f > 15 && d.e0m > 15);
			assert_near(d.total, d.age0_14 + d.age15_64 + d.age65p, 1e-6 * d.total);
		}
	}
	mp_sim_free(s);
}

static double pop_of(mp_sim *s, int ccode, double *working, double *births)
{
	mp_sim_demog d;
	assert_int_equal(mp_sim_demography(s, (size_t)mp_world_find(w, ccode), &d), MP_OK);
	if (working)
		*working = d.age15_64;
	if (births)
		*births = d.births;
	return d.total;
}

static void test_reproducible(void **state)
{
	(void)state;
	mp_sim *a = make(NULL, 1), *b = make(NULL, 1), *c = NULL;
	assert_int_equal(mp_sim_clone(a, &c), MP_OK);
	mp_sim_reset(a, 3);
	mp_sim_reset(b, 3);
	mp_sim_reset(c, 4);
	for (int y = 0; y < 20; y++) {
		mp_sim_step(ctx, a);
		mp_sim_step(ctx, b);
		mp_sim_step(ctx, c);
	}
	assert_true(pop_of(a, 710, NULL, NULL) == pop_of(b, 710, NULL, NULL));
	assert_true(pop_of(a, 710, NULL, NULL) != pop_of(c, 710, NULL, NULL));
	mp_sim_reset(c, 3);
	for (int y = 0; y < 20; y++)
		mp_sim_step(ctx, c);
	assert_true(pop_of(a, 710, NULL, NULL) == pop_of(c, 710, NULL, NULL));
	mp_sim_free(a);
	mp_sim_free(b);
	mp_sim_free(c);
}

static void lever_scenario(mp_scenario *sc, mp_lever_kind kind, double value)
{
	mp_scenario_default(sc);
	sc->nlevers = 1;
	mp_lever *l = &sc->levers[0];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	snprintf(l->a, sizeof l->a, "RUS");
	l->value = value;
	l->from = w->year + 2;
	l->to = 0;
	l->age_lo = 0;
	l->age_hi = 100;
	l->sex = -1;
}

static void test_fertility_lever(void **state)
{
	(void)state;
	mp_scenario *sc = malloc(sizeof *sc);
	lever_scenario(sc, MP_LEVER_FERTILITY, 0.5);
	mp_sim *base = make(NULL, 0), *pol = make(sc, 0);
	double wb = 0, wp = 0, bb = 0, bp = 0;
	for (int t = 1; t <= 40; t++) {
		mp_sim_step(ctx, base);
		mp_sim_step(ctx, pol);
		pop_of(base, 365, &wb, &bb);
		pop_of(pol, 365, &wp, &bp);
		if (t < 2)
			assert_true(bp == bb);
		if (t == 2) /* TFR +0.5 on about 1.45: births up by about a third at once */
			assert_true(bp / bb > 1.25 && bp / bb < 1.45);
		if (t >= 2 && t <= 16) /* the extra children are under 15 (migration scales a hair) */
			assert_near(wp / wb, 1.0, 0.002);
		if (t == 40)
			assert_true(wp / wb > 1.05);
	}
	mp_sim_free(base);
	mp_sim_free(pol);
	free(sc);
}

static void test_migration_and_mortality_levers(void **state)
{
	(void)state;
	mp_scenario *sc = malloc(sizeof *sc);
	lever_scenario(sc, MP_LEVER_MIGRATION, 100);
	mp_sim *base = make(NULL, 0), *mig = make(sc, 0);
	lever_scenario(sc, MP_LEVER_MORTALITY, 200);
	sc->levers[0].age_lo = 18;
	sc->levers[0].age_hi = 49;
	sc->levers[0].sex = MP_DEMOG_M;
	sc->levers[0].to = sc->levers[0].from;
	mp_sim *war = make(sc, 0);
	for (int t = 1; t <= 2; t++) {
		mp_sim_step(ctx, base);
		mp_sim_step(ctx, mig);
		mp_sim_step(ctx, war);
	}
	/* 200 thousand men 18-49 gone at the start of the year; after its ageing 31 of the 32
	   ages are still 18-49; women untouched; the total is 200 thousand smaller (less the
	   few of them who would have died that year) */
	mp_sim_demog a, b;
	mp_sim_demography(base, (size_t)mp_world_find(w, 365), &a);
	mp_sim_demography(war, (size_t)mp_world_find(w, 365), &b);
	assert_near(a.military - b.military, 200 * 31.0 / 32, 4);
	assert_near(a.total - b.total, 200, 3);
	double fa = 0, fb = 0;
	for (int k = 0; k < MP_DEMOG_AGES; k++)
		fa += a.pop_f[k], fb += b.pop_f[k];
	assert_near(fa, fb, 1e-6 * fa);
	mp_sim_step(ctx, base);
	mp_sim_step(ctx, mig);
	/* two years of +100 thousand (and their few births and deaths) */
	double d = pop_of(mig, 365, NULL, NULL) - pop_of(base, 365, NULL, NULL);
	assert_true(d > 190 && d < 210);
	mp_sim_free(base);
	mp_sim_free(mig);
	mp_sim_free(war);
	free(sc);
}

/* Battle deaths handed over by conflict (mp_sim__war_deaths) fall on men 18-49 at
 * demography's next step. */
static void test_war_deaths_entry(void **state)
{
	(void)state;
	mp_sim *base = make(NULL, 0), *war = make(NULL, 0);
	size_t i = (size_t)mp_world_find(w, 365);
	mp_sim__war_deaths(war, i, 100);
	mp_sim_step(ctx, base);
	mp_sim_step(ctx, war);
	mp_sim_demog a, b;
	mp_sim_demography(base, i, &a);
	mp_sim_demography(war, i, &b);
	assert_near(a.military - b.military, 100 * 31.0 / 32, 3);
	assert_near(a.total - b.total, 100, 2);
	mp_sim_free(base);
	mp_sim_free(war);
}

/* Without age structures the reduced form of the previous model runs. */
static void test_reduced_form(void **state)
{
	(void)state;
	mp_world *bare;
	assert_int_equal(mp_world_clone(w, &bare), MP_OK);
	free(bare->demog);
	bare->demog = NULL;
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	mp_sim *s = NULL;
	assert_int_equal(mp_sim_new(ctx, bare, &o, &s), MP_OK);
	mp_sim_demog d;
	assert_int_equal(mp_sim_demography(s, 0, &d), MP_ENOTFOUND);
	assert_int_equal(mp_sim_step(ctx, s), MP_OK);
	assert_true(mp_sim_world(s)->actors[0].comp[MP_TPOP] > 0);
	mp_sim_free(s);
	mp_world_free(bare);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_and_bounds), cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_fertility_lever),  cmocka_unit_test(test_migration_and_mortality_levers),
		cmocka_unit_test(test_war_deaths_entry), cmocka_unit_test(test_reduced_form),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
