/* The demography estimators (calib/fit_demography_models.c) recover known parameters from
 * panels simulated with them: total fertility (Alkema et al. 2011 decrement, country
 * scales, phase III AR(1)), female life expectancy (Raftery et al. 2013 gain, AR(1)
 * residuals, the male gap) and migration rates (AR(1) around levels). Tolerances are set
 * from the sampling error of these panel sizes; the test passes for the 20 seed shifts
 * MP_TEST_SEED=100, 200, ..., 2000 as well as the default. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mp_test.h"
#include "multipolar/calib.h"
#include "multipolar/rng.h"

static mp_ctx *ctx;
static uint64_t seed0; /* $MP_TEST_SEED shifts the seeds (robustness checks) */

static void panel_alloc(mp_demog_panel *p, size_t nu, int nt, int step)
{
	p->nunits = nu;
	p->nt = nt;
	p->step = step;
	p->first = 1950 + step;
	p->ccode = calloc(nu, sizeof *p->ccode);
	p->v = calloc(nu * (size_t)nt, sizeof *p->v);
	assert_non_null(p->ccode);
	assert_non_null(p->v);
	for (size_t u = 0; u < nu; u++)
		p->ccode[u] = (int)u + 1;
}

static void test_tfr(void **state)
{
	(void)state;
	mp_demog_tfr_model m;
	mp_demog_tfr_model_default(&m);
	m.D[0] = 2.0, m.D[1] = 1.0, m.D[2] = 1.5, m.D[3] = 1.6, m.d = 1.0;
	m.sd_a = 0.05, m.sd_b = 0.02, m.mu = 1.8, m.rho = 0.8, m.sd3 = 0.08;
	mp_demog_panel P = { 0 };
	const size_t U = 300;
	const int T = 14;
	panel_alloc(&P, U, T, 5);
	mp_rng r;
	mp_rng_init(&r, seed0 + 11, 0, 1);
	for (size_t u = 0; u < U; u++) {
		double s = 1 + 0.2 * mp_rng_normal(&r), f = 5.8 + 1.5 * mp_rng_uniform(&r);
		int phase3 = 0;
		for (int t = 0; t < T; t++) {
			P.v[u * T + (size_t)t] = f;
			if (phase3)
				f = m.mu + m.rho * (f - m.mu) + m.sd3 * mp_rng_normal(&r);
			else {
				f = f - s * mp_demog_tfr_decrement(&m, f) + (m.sd_a + m.sd_b * f) * mp_rng_normal(&r);
				phase3 = f < 2.0;
			}
		}
	}
	mp_tfr_fit fit;
	assert_int_equal(mp_calib_tfr(ctx, &P, &fit), MP_OK);
	assert_true(fit.n2 > 1000 && fit.n3 > 100);
	/* the curve, where the data are */
	for (double f = 2.5; f <= 6.0; f += 0.5)
		assert_near(mp_demog_tfr_decrement(&fit.m, f), mp_demog_tfr_decrement(&m, f), 0.12);
	assert_near(fit.m.mu, m.mu, 0.2);
	assert_near(fit.m.rho, m.rho, 0.12);
	assert_near(fit.m.sd3, m.sd3, 0.03);
	assert_near(fit.tau, 0.2, 0.1);
	/* shrunk scales follow the true ones: mean near 1 */
	double ms = 0;
	for (size_t u = 0; u < U; u++)
		ms += fit.scale[u] / U;
	assert_near(ms, 1.0, 0.1);
	mp_tfr_fit_free(&fit);
	mp_demog_panel_free(&P);
}

static void test_e0(void **state)
{
	(void)state;
	mp_demog_e0_model m;
	mp_demog_e0_model_default(&m);
	m.rho = 0.5;
	m.sd_a = 0.8, m.sd_b = -0.006;
	m.gap0 = 1.0, m.gap1 = 0.85, m.gap2 = -0.05, m.gap_sd = 0.3;
	mp_demog_panel F = { 0 }, M = { 0 };
	const size_t U = 250;
	const int T = 14;
	panel_alloc(&F, U, T, 5);
	panel_alloc(&M, U, T, 5);
	mp_rng r;
	mp_rng_init(&r, seed0 + 12, 0, 1);
	for (size_t u = 0; u < U; u++) {
		double e = 35 + 40 * mp_rng_uniform(&r), res = 0, gap = 4 + 2 * mp_rng_uniform(&r);
		for (int t = 0; t < T; t++) {
			F.v[u * T + (size_t)t] = e;
			M.v[u * T + (size_t)t] = e - gap;
			res = m.rho * res + (m.sd_a + m.sd_b * e) * mp_rng_normal(&r);
			double over = e > 75 ? e - 75 : 0;
			gap = m.gap0 + m.gap1 * gap + m.gap2 * over + m.gap_sd * mp_rng_normal(&r);
			e += mp_demog_e0_gain(&m, e) + res;
		}
	}
	mp_e0_fit fit;
	assert_int_equal(mp_calib_e0(ctx, &F, &M, &fit), MP_OK);
	for (double e = 45; e <= 80; e += 5)
		assert_near(mp_demog_e0_gain(&fit.m, e), mp_demog_e0_gain(&m, e), 0.35);
	assert_near(fit.m.rho, m.rho, 0.15);
	assert_near(fit.m.gap1, m.gap1, 0.05);
	assert_near(fit.m.gap_sd, m.gap_sd, 0.05);
	mp_e0_fit_free(&fit);
	mp_demog_panel_free(&F);
	mp_demog_panel_free(&M);
}

/* Yearly rates whose five-year means deviate from a fixed level by an AR(1) across
 * blocks (rho 0.5), with small yearly noise; the innovations normal, or a scale mixture
 * with 5% of them 4 times wider. The estimator measures deviations from the 20 years
 * before each block (what the simulation's forecast misses), so its rho is that of those
 * errors: 0.30-0.39 for this process (10 seeds), not 0.5; the mixture is found by the EM
 * fit of its tails: normal innovations give a kurtosis of 3.0-3.5 and a second component
 * hardly wider than the core (k 1.2-1.6), the mixture a kurtosis of 5-11, p 0.05-0.13 and
 * k 2.2-3.4 (the level's errors dilute the true p 0.05, k 4). */
static void mig_panel(mp_demog_panel *P, double tail_p, uint64_t seed)
{
	const size_t U = 200;
	const int T = 60;
	panel_alloc(P, U, T, 1);
	mp_rng r;
	mp_rng_init(&r, seed, 0, 1);
	const double rho = 0.5, sd = 0.002;
	for (size_t u = 0; u < U; u++) {
		double lev = 0.004 * mp_rng_normal(&r), dev = 0;
		for (int t = 0; t < T; t++) {
			if (t % 5 == 0) {
				double w = mp_rng_uniform(&r) < tail_p ? 4 : 1;
				dev = rho * dev + w * sd * mp_rng_normal(&r);
			}
			P->v[u * T + (size_t)t] = lev + dev + 0.0005 * mp_rng_normal(&r);
		}
	}
}

static void test_migration(void **state)
{
	(void)state;
	mp_demog_panel P = { 0 }, Q = { 0 };
	mig_panel(&P, 0, seed0 + 13);
	mig_panel(&Q, 0.05, seed0 + 14);
	mp_mig_fit fit, fq;
	assert_int_equal(mp_calib_migration(ctx, &P, NULL, NULL, 20, &fit), MP_OK);
	assert_int_equal(mp_calib_migration(ctx, &Q, NULL, NULL, 20, &fq), MP_OK);
	assert_true(fit.rho > 0.25 && fit.rho < 0.45);
	/* the error of a block: its own innovation plus the moving level's */
	assert_near(fit.sd_pooled, 0.0023, 0.0005);
	assert_true(fit.kurtosis < 4.2 && fit.tail_k < 1.8);
	assert_true(fq.kurtosis > 4.8 && fq.tail_k > 2.0 && fq.tail_p > 0.03 && fq.tail_p < 0.2);
	for (size_t u = 0; u < P.nunits; u++)
		assert_near(fit.level[u] + fit.dev[u], 0, 0.02);
	mp_mig_fit_free(&fit);
	mp_mig_fit_free(&fq);
	mp_demog_panel_free(&P);
	mp_demog_panel_free(&Q);
}

static int setup(void **state)
{
	(void)state;
	seed0 = getenv("MP_TEST_SEED") ? strtoull(getenv("MP_TEST_SEED"), NULL, 10) : 0;
	return mp_ctx_new(&ctx) == MP_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	mp_ctx_free(ctx);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tfr),
		cmocka_unit_test(test_e0),
		cmocka_unit_test(test_migration),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
