/* Known answers of the conflict and alignment estimators (docs/conflict.md): on panels
 * simulated with known coefficients the fits recover them (within 4 standard errors), the
 * dyad-clustered standard errors match the conventional ones when the dyad-years are
 * independent, and the regressors of a hand-made dyad are the ones written out below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/calib.h"
#include "multipolar/rng.h"

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

static void within(double est, double truth, double se, const char *what)
{
	if (!(fabs(est - truth) <= 4.0 * se))
		fail_msg("%s: estimate %g, truth %g, se %g", what, est, truth, se);
}

/* The regressors of one dyad written out by hand. */
static void test_design(void **state)
{
	(void)state;
	mp_dyad_cov c = { .peace = 25,
			  .contig = 1,
			  .ln_dist = log(1000.0),
			  .lncinc1 = log(0.1),
			  .lncinc2 = log(0.02),
			  .majors = 1,
			  .ally = 1,
			  .rival = 0,
			  .ideal_dist = 1.5,
			  .trade_share = 0.05 };
	double x[MP_ONSET_NX], e[MP_ESC_NX];
	mp_sim_onset_x(&c, x);
	const double want[MP_ONSET_NX] = { 1, 2.5, 6.25, 15.625, 1,   log(1000.0), log(5.0), 0,
					   1, 0,   1,    0,      1.5, 0,           0.05,     0 };
	for (int k = 0; k < MP_ONSET_NX; k++)
		assert_near(x[k], want[k], 1e-15);
	mp_sim_escalation_x(&c, e);
	const double we[MP_ESC_NX] = { 1, log(5.0), 0, 1, 1, 0, 0, 1, 1.5, 0 };
	for (int k = 0; k < MP_ESC_NX; k++)
		assert_near(e[k], we[k], 1e-15);
	/* capped peace years, parity at 0.8, missing ideal points and trade */
	c.peace = 150;
	c.lncinc2 = log(0.09); /* weaker / stronger = 0.9: parity */
	c.ideal_dist = MP_NA;
	c.trade_share = MP_NA;
	c.majors = 2;
	mp_sim_onset_x(&c, x);
	assert_near(x[1], 10, 0);
	assert_near(x[3], 1000, 0);
	assert_near(x[7], 1, 0);
	assert_near(x[11], 1, 0);
	assert_near(x[10], 0, 0);
	assert_near(x[12], 0, 0);
	assert_near(x[13], 1, 0);
	assert_near(x[15], 1, 0);
	assert_string_equal(mp_sim_onset_term(1), "peace1");
	assert_null(mp_sim_onset_term(MP_ONSET_NX));
	assert_string_equal(mp_sim_escalation_term(9), "ideal_missing");
}

static const double beta[MP_ONSET_NX] = { -1.5, -0.8, 0.15, -0.01, 0.7, -0.1, -0.2, 0.3,
					  -0.3, 1.3,  0.3,  0.5,   0.2, 0.3,  -2.0, -0.3 };
static const double gam[MP_ESC_NX] = { -1.0, -0.2, 0.4, 0.3, 0.6, 0.8, 0.5, -0.4, -0.3, 1.0 };

/* A panel of independent dyad-years drawn with the coefficients above. */
static void test_onset_recovers(void **state)
{
	(void)state;
	const size_t n = 150000;
	mp_onset_obs *o = calloc(n, sizeof *o);
	assert_non_null(o);
	mp_rng r;
	mp_rng_init(&r, 7, 0, 1);
	for (size_t i = 0; i < n; i++) {
		mp_dyad_cov *c = &o[i].cov;
		o[i].year = 2000;
		o[i].ccode1 = 1 + (int)(i % 400);
		o[i].ccode2 = 401 + (int)(i / 400 % 500);
		c->peace = floor(80 * mp_rng_uniform(&r));
		c->contig = mp_rng_uniform(&r) < 0.5;
		c->ln_dist = 6 + 2.5 * mp_rng_uniform(&r);
		c->lncinc1 = -6 * mp_rng_uniform(&r);
		c->lncinc2 = mp_rng_uniform(&r) < 0.15 ? c->lncinc1 + log(0.8 + 0.4 * mp_rng_uniform(&r))
						       : -6 * mp_rng_uniform(&r);
		c->majors = (int)mp_rng_below(&r, 3);
		c->ally = mp_rng_uniform(&r) < 0.2;
		c->rival = mp_rng_uniform(&r) < 0.08;
		c->ideal_dist = mp_rng_uniform(&r) < 0.3 ? MP_NA : 3 * mp_rng_uniform(&r);
		c->trade_share = mp_rng_uniform(&r) < 0.2 ? MP_NA : 0.2 * mp_rng_uniform(&r);
		double x[MP_ONSET_NX], e[MP_ESC_NX], z = 0, w = 0;
		mp_sim_onset_x(c, x);
		mp_sim_escalation_x(c, e);
		for (int k = 0; k < MP_ONSET_NX; k++)
			z += beta[k] * x[k];
		for (int k = 0; k < MP_ESC_NX; k++)
			w += gam[k] * e[k];
		o[i].mid = mp_rng_uniform(&r) < logistic(z);
		o[i].war = o[i].mid ? mp_rng_uniform(&r) < logistic(w) : 0;
	}
	mp_onset_fit f;
	assert_int_equal(mp_calib_onset(NULL, o, n, &f), MP_OK);
	assert_int_equal((int)f.n_mid, (int)n);
	if (f.n_mid_events < 5000)
		fail_msg("only %zu MID onsets", f.n_mid_events);
	for (int k = 0; k < MP_ONSET_NX; k++) {
		within(f.mid.coef[k], beta[k], f.mid_se_dyad[k], mp_sim_onset_term((size_t)k));
		/* independent dyad-years: the clustered s.e. is the conventional one */
		double q = f.mid_se_dyad[k] / f.mid.se[k];
		if (!(q > 0.85 && q < 1.15))
			fail_msg("%s: clustered/conventional s.e. %g", mp_sim_onset_term((size_t)k), q);
	}
	assert_true(f.n_esc == f.n_mid_events);
	for (int k = 0; k < MP_ESC_NX; k++)
		within(f.esc.coef[k], gam[k], f.esc_se_dyad[k], mp_sim_escalation_term((size_t)k));
	/* allied benchmark: war onsets per allied dyad-year, counted directly */
	size_t al = 0, alw = 0;
	for (size_t i = 0; i < n; i++)
		if (o[i].cov.ally) {
			al++;
			alw += o[i].war == 1;
		}
	assert_int_equal((int)f.n_allied, (int)al);
	assert_near(f.war_rate_allied, (double)alw / (double)al, 1e-15);
	/* a term without variation (no alliance data) is left out, the rest still fits */
	for (size_t i = 0; i < n; i++)
		o[i].cov.ally = 0;
	assert_int_equal(mp_calib_onset(NULL, o, n, &f), MP_OK);
	assert_true(isnan(f.mid.coef[8]) && isnan(f.esc.coef[7]));
	assert_true(fabs(f.mid.coef[9] - beta[9]) < 0.3);
	free(o);
}

/* Wars drawn with a known ending hazard, outcome slope, deaths and growth costs. */
static void test_war_recovers(void **state)
{
	(void)state;
	const size_t nd = 3000, ns = 3000, nc = 40000;
	mp_war_dyad_obs *d = calloc(nd, sizeof *d);
	mp_war_state_obs *st = calloc(ns, sizeof *st);
	mp_war_cost_obs *co = calloc(nc, sizeof *co);
	mp_rng r;
	mp_rng_init(&r, 11, 0, 2);
	const double e0 = -0.5, e1 = 0.3, w1 = 0.6, a = -9.5, b = -0.5, sd = 2.0, g = -0.02, bu = 0.006, gl = -0.05;
	for (size_t i = 0; i < nd; i++) {
		double lr = 3 * (2 * mp_rng_uniform(&r) - 1);
		int t = 1900;
		while (mp_rng_uniform(&r) >= logistic(e0 + e1 * fabs(lr)))
			t++;
		int oc = mp_rng_uniform(&r) < 0.15 ? 3 : (mp_rng_uniform(&r) < logistic(w1 * lr) ? 1 : 2);
		d[i] = (mp_war_dyad_obs){ (int)i, 1, 2, 1900, t, 1, oc, lr, lr };
	}
	for (size_t i = 0; i < ns; i++) {
		double lr = 3 * (2 * mp_rng_uniform(&r) - 1);
		int years = 1 + (int)mp_rng_below(&r, 4);
		double pop = 1000 + 99000 * mp_rng_uniform(&r);
		double deaths = exp(a + b * lr + sd * mp_rng_normal(&r)) * years * pop * 1000;
		st[i] = (mp_war_state_obs){ (int)i, 1, years, deaths, pop, lr };
	}
	for (size_t i = 0; i < nc; i++) {
		int year = 1950 + (int)(i % 60), war = mp_rng_uniform(&r) < 0.05;
		int lost = war && mp_rng_uniform(&r) < 0.3;
		double ye = 0.01 * sin((double)year);
		co[i] = (mp_war_cost_obs){ (int)(i / 60),
					   year,
					   war,
					   lost,
					   ye + g * war + gl * lost + 0.03 * mp_rng_normal(&r),
					   0.001 * ye + bu * war + 0.004 * mp_rng_normal(&r) };
	}
	mp_war_fit f;
	assert_int_equal(mp_calib_war(NULL, d, nd, st, ns, co, nc, &f), MP_OK);
	within(f.end.coef[0], e0, f.end.se[0], "end const");
	within(f.end.coef[1], e1, f.end.se[1], "end ln ratio");
	within(f.win.coef[0], w1, f.win.se[0], "win");
	assert_true(fabs(f.decisive - 0.85) < 0.03);
	within(f.deaths.coef[0], a, f.deaths.se[0], "deaths const");
	within(f.deaths.coef[1], b, f.deaths.se[1], "deaths slope");
	assert_true(fabs(f.deaths.sigma - sd) < 0.1);
	within(f.gdp, g, f.gdp_se, "war gdp");
	within(f.lost, gl, f.lost_se, "lost gdp");
	within(f.burden, bu, f.burden_se, "war burden");
	assert_int_equal((int)f.gdp_n, (int)nc);
	free(d);
	free(st);
	free(co);
}

/* Ideal points adjusting toward known targets; camp exits and entries with known odds. */
static void test_alignment_recovers(void **state)
{
	(void)state;
	const size_t ni = 20000, nc = 60000;
	mp_ideal_obs *io = calloc(ni, sizeof *io);
	mp_camp_obs *co = calloc(nc, sizeof *co);
	mp_rng r;
	mp_rng_init(&r, 13, 0, 3);
	const double c[5] = { 0.01, 0.05, 0.1, 0.02, 0.03 };
	for (size_t i = 0; i < ni; i++) {
		mp_ideal_obs *o = &io[i];
		o->ccode = 1 + (int)(i % 150);
		o->year = 1950 + (int)(i / 150);
		o->trade_gap = 2 * mp_rng_normal(&r);
		o->leader_gap = mp_rng_uniform(&r) < 0.4 ? 2 * mp_rng_normal(&r) : 0;
		o->ally_gap = mp_rng_uniform(&r) < 0.3 ? mp_rng_normal(&r) : 0;
		o->world_gap = 1.5 * mp_rng_normal(&r);
		o->dip = c[0] + c[1] * o->trade_gap + c[2] * o->leader_gap + c[3] * o->ally_gap + c[4] * o->world_gap +
			 0.2 * mp_rng_normal(&r);
	}
	const double ex[4] = { -3.0, 0.6, -2.5, -4.0 }, jn[4] = { -5.0, -1.2, 2.0, 6.0 };
	for (size_t i = 0; i < nc; i++) {
		mp_camp_obs *o = &co[i];
		o->exit = i % 3 == 0;
		o->value_dist = 3 * mp_rng_uniform(&r);
		o->trade_share = 0.6 * mp_rng_uniform(&r);
		o->cap_share = 0.4 * mp_rng_uniform(&r);
		const double *q = o->exit ? ex : jn;
		o->y = mp_rng_uniform(&r) <
		       logistic(q[0] + q[1] * o->value_dist + q[2] * o->trade_share + q[3] * o->cap_share);
	}
	mp_alignment_fit f;
	assert_int_equal(mp_calib_alignment(NULL, io, ni, co, nc, &f), MP_OK);
	for (int k = 0; k < 5; k++)
		within(f.ideal.coef[k], c[k], f.ideal.se[k], "ideal");
	assert_true(fabs(f.ideal.sigma - 0.2) < 0.01);
	assert_true(fabs(f.ideal_sd_median - 0.2) < 0.02);
	for (int k = 0; k < 4; k++) {
		within(f.exit.coef[k], ex[k], f.exit.se[k], "exit");
		within(f.entry.coef[k], jn[k], f.entry.se[k], "entry");
	}
	assert_int_equal((int)f.n_exit, (int)(nc / 3));
	free(io);
	free(co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_design),
		cmocka_unit_test(test_onset_recovers),
		cmocka_unit_test(test_war_recovers),
		cmocka_unit_test(test_alignment_recovers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
