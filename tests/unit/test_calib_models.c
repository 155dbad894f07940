/* Unit tests of the model estimators (src/lib/calib/calib_models.c) on synthetic data
 * generated here with known coefficients (mp_rng, fixed seeds). Tolerances: 4 standard
 * errors of the estimate unless stated; where the estimator approximates the generating
 * process the stated tolerance says why. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "multipolar/calib.h"
#include "multipolar/rng.h"

#include <stdlib.h>

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* Convergence: ln y_it = ln y_i,t-1 + gF + (1 - e^-beta)(ln y*_g,t-1 - ln y_i,t-1) + d_it,
 * d_it = rho d_i,t-1 + sigma e_it, group steady states 8 + {0, -0.7, -1.4} + gF (t - 1950).
 * The T-year map is exact: slope = -(1 - e^{-beta T})/T, so beta is recovered; momentum
 * and shock s.d. are measured from the fitted T-year path, which differs from the annual
 * one by (1 - e^-beta) - (1 - e^{-beta T})/T = 0.0017 per log point of gap: tolerance 0.06
 * on rho and 10% on sigma. */
static void test_convergence(void **state)
{
	(void)state;
	const int units = 300, y0 = 1950, y1 = 2010;
	const double beta = 0.02, gF = 0.02, rho = 0.3, sigma = 0.02;
	const double off[3] = { 0, -0.7, -1.4 };
	size_t n = (size_t)units * (size_t)(y1 - y0 + 1), k = 0;
	mp_panel_obs *obs = malloc(n * sizeof *obs);
	assert_non_null(obs);
	mp_rng r;
	mp_rng_init(&r, 7, 0, 1);
	for (int u = 0; u < units; u++) {
		int g = u % 3;
		double ly = 8 + off[g] + (u == 0 ? 0 : -2.0 + 2.5 * mp_rng_uniform(&r)), d = 0;
		for (int t = y0; t <= y1; t++) {
			if (t > y0) {
				double star = 8 + off[g] + gF * (t - 1 - y0);
				d = u == 0 ? 0 : rho * d + sigma * mp_rng_normal(&r);
				ly += gF + (1 - exp(-beta)) * (star - ly) + d;
			}
			obs[k++] = (mp_panel_obs){ .unit = u, .group = g, .year = t, .value = exp(ly) };
		}
	}
	mp_convergence_fit f;
	assert_int_equal(mp_calib_convergence(NULL, obs, n, 3, y0, y1, 10, 0, &f), MP_OK);
	print_message("beta %.5f (se %.5f) momentum %.4f shock_sd %.5f\n", f.beta, f.beta_se, f.momentum, f.shock_sd);
	assert_int_equal(f.n, (size_t)units * 6);
	NEAR(f.beta, beta, 0.002);
	assert_true(f.beta_se > 0 && f.beta_se < 0.001);
	NEAR(f.frontier_growth, gF, 1e-12); /* the frontier unit has no shocks */
	NEAR(f.momentum, rho, 0.06);
	NEAR(f.shock_sd, sigma, 0.1 * sigma);
	NEAR(f.shock_sd_pooled, sigma, 0.1 * sigma);
	/* Without the group effects the regions' different steady states hide convergence. */
	assert_true(f.beta_uncond < f.beta - 0.005);
	/* Unsorted panels are rejected. */
	mp_panel_obs tmp = obs[1];
	obs[1] = obs[2];
	obs[2] = tmp;
	assert_int_equal(mp_calib_convergence(NULL, obs, n, 3, y0, y1, 10, 0, &f), MP_EINPUT);
	free(obs);
}

/* Population: P_t = P_t-1 exp(n_t), n_t = n_LR + (n_0 - n_LR)(1 - lambda)^(t - 1951),
 * n_0 = 0.05 - 0.004 ln y. Window means are then exactly nbar = n_LR + (n_0 - n_LR) A_w with
 * A_w = (1/T) sum_{t=a+1..a+T} (1 - lambda)^(t - 1951), so lambda is recovered exactly and
 * the last window's cross-section has slope -0.004 A and intercept n_LR (1 - A) + 0.05 A
 * (tolerance 1e-9, rounding only). */
static void test_population(void **state)
{
	(void)state;
	const int units = 50, y0 = 1950, y1 = 2010;
	const double lam = 0.03, nlr = -0.002;
	size_t n = (size_t)units * (size_t)(y1 - y0 + 1), k = 0;
	mp_panel_obs *obs = malloc(n * sizeof *obs);
	double *inc = malloc(n * sizeof *inc);
	assert_non_null(obs);
	assert_non_null(inc);
	mp_rng r;
	mp_rng_init(&r, 11, 0, 2);
	for (int u = 0; u < units; u++) {
		double ly = 6 + 5 * mp_rng_uniform(&r), n0 = 0.05 - 0.004 * ly, lp = 8;
		for (int t = y0; t <= y1; t++) {
			if (t > y0)
				lp += nlr + (n0 - nlr) * pow(1 - lam, t - 1951);
			obs[k] = (mp_panel_obs){ .unit = u, .group = 0, .year = t, .value = exp(lp) };
			inc[k++] = exp(ly);
		}
	}
	double A = 0;
	for (int t = 2001; t <= 2010; t++)
		A += pow(1 - lam, t - 1951) / 10;
	mp_population_fit f;
	assert_int_equal(mp_calib_population(NULL, obs, inc, n, y0, y1, 10, nlr, &f), MP_OK);
	assert_int_equal(f.n, (size_t)units);
	assert_int_equal(f.transition_n, (size_t)units * 5);
	NEAR(f.transition, lam, 1e-9);
	NEAR(f.n_b, -0.004 * A, 1e-9);
	NEAR(f.n_a, nlr * (1 - A) + 0.05 * A, 1e-9);
	/* A wrong long-run rate must move lambda away from the truth. */
	assert_int_equal(mp_calib_population(NULL, obs, inc, n, y0, y1, 10, 0.01, &f), MP_OK);
	assert_true(fabs(f.transition - lam) > 1e-3);
	free(obs);
	free(inc);
}

/* Gravity: ln X = a_t + 0.95 ln(Yo Yd) - 1.1 ln D + 0.6 contig + 0.5 e, 40 countries,
 * 5 years, both directions; one zero flow and one missing GDP must be skipped. */
static void test_gravity(void **state)
{
	(void)state;
	enum { C = 40, Y = 5 };
	double lat[C], lng[C], lgdp[C];
	mp_rng r;
	mp_rng_init(&r, 3, 0, 3);
	for (int i = 0; i < C; i++) {
		lat[i] = -60 + 120 * mp_rng_uniform(&r);
		lng[i] = -180 + 360 * mp_rng_uniform(&r);
		lgdp[i] = 10 + 2 * mp_rng_normal(&r);
	}
	mp_gravity_obs *obs = malloc(C * C * Y * sizeof *obs);
	assert_non_null(obs);
	size_t k = 0;
	for (int t = 0; t < Y; t++)
		for (int i = 0; i < C; i++)
			for (int j = 0; j < C; j++) {
				if (i == j)
					continue;
				double D = mp_calib_distance_km(lat[i], lng[i], lat[j], lng[j]);
				int contig = ((i + j) % 7) == 0;
				double lx = -20 + 0.1 * t + 0.95 * (lgdp[i] + lgdp[j]) - 1.1 * log(D) + 0.6 * contig +
					    0.5 * mp_rng_normal(&r);
				obs[k++] = (mp_gravity_obs){ 2000 + t, exp(lx), exp(lgdp[i]), exp(lgdp[j]), D, contig };
			}
	obs[0].flow = 0;
	obs[1].gdp_o = MP_NA;
	mp_gravity_fit f;
	assert_int_equal(mp_calib_gravity(NULL, obs, k, &f), MP_OK);
	assert_int_equal(f.n, k - 2);
	NEAR(f.elasticity_gdp, 0.95, 4 * f.elasticity_gdp_se);
	NEAR(f.elasticity_distance, -1.1, 4 * f.elasticity_distance_se);
	NEAR(f.contiguity, 0.6, 4 * f.contiguity_se);
	assert_true(f.r2 > 0.5 && f.r2 < 1);
	free(obs);
}

/* Arms: x_t = x_t-1 + 0.002 + 0.1 y_t-1 - 0.15 x_t-1 + 0.003 e. */
static void test_arms(void **state)
{
	(void)state;
	const size_t n = 5000;
	mp_arms_obs *obs = malloc(n * sizeof *obs);
	assert_non_null(obs);
	mp_rng r;
	mp_rng_init(&r, 5, 0, 4);
	for (size_t i = 0; i < n; i++) {
		double x = 0.01 + 0.05 * mp_rng_uniform(&r), y = 0.01 + 0.05 * mp_rng_uniform(&r);
		obs[i] = (mp_arms_obs){ x + 0.002 + 0.1 * y - 0.15 * x + 0.003 * x * mp_rng_normal(&r), x, y,
					(int)(i / 100) };
	}
	mp_arms_fit f;
	assert_int_equal(mp_calib_arms(NULL, obs, n, &f), MP_OK);
	NEAR(f.reaction, 0.1, 4 * f.reaction_se);
	NEAR(f.fatigue, 0.15, 4 * f.fatigue_se);
	NEAR(f.grievance, 0.002, 4 * f.grievance_se);
	/* relative shocks e / x_t-1 have s.d. 0.003 in every state: median within 15% */
	NEAR(f.shock_sd, 0.003, 0.15 * 0.003);
	free(obs);
}

/* Hazard: MID onset from the logit (-3.5, 0.9, -0.2, 1.4, -0.3) on (1, parity,
 * ln(stronger/weaker), contig, ally); war onset from the sim's form, logit
 * (-4.5, 2.0, 0.8, -0.5) on (1, PAR x DIS, DIS, ally) with PAR = exp(-(ln r)^2/(2 0.2^2)),
 * DIS = min(1, ideal distance / 3); ideal points missing for 20% of the dyad-years
 * (those are left out of the sim-form fit only). */
static void test_hazard(void **state)
{
	(void)state;
	const size_t n = 200000;
	mp_dyad_obs *obs = malloc(n * sizeof *obs);
	assert_non_null(obs);
	mp_rng r;
	mp_rng_init(&r, 9, 0, 5);
	const double bm[5] = { -3.5, 0.9, -0.2, 1.4, -0.3 }, bw[4] = { -4.5, 2.0, 0.8, -0.5 };
	size_t with_ip = 0;
	for (size_t i = 0; i < n; i++) {
		double ratio = 0.02 + 0.98 * mp_rng_uniform(&r);
		int contig = mp_rng_uniform(&r) < 0.3, ally = mp_rng_uniform(&r) < 0.2;
		double dist = 4 * mp_rng_uniform(&r);
		int has_ip = mp_rng_uniform(&r) >= 0.2;
		double x[5] = { 1, ratio >= 0.8, -log(ratio), contig, ally }, em = 0;
		for (int j = 0; j < 5; j++)
			em += bm[j] * x[j];
		double lr = log(ratio), par = exp(-lr * lr / (2 * 0.2 * 0.2)), dis = dist / 3 > 1 ? 1 : dist / 3;
		double ew = bw[0] + bw[1] * par * dis + bw[2] * dis + bw[3] * ally;
		obs[i] = (mp_dyad_obs){ 2000,
					1,
					2,
					ratio,
					contig,
					ally,
					mp_rng_uniform(&r) < 1 / (1 + exp(-em)),
					mp_rng_uniform(&r) < 1 / (1 + exp(-ew)),
					has_ip ? dist : MP_NA };
		with_ip += (size_t)has_ip;
	}
	mp_hazard_fit f;
	assert_int_equal(mp_calib_hazard(NULL, obs, n, 0.2, 3.0, &f), MP_OK);
	for (int j = 0; j < 5; j++)
		NEAR(f.mid.coef[j], bm[j], 4 * f.mid.se[j]);
	assert_int_equal(f.n_kernel, with_ip);
	for (int j = 0; j < 4; j++)
		NEAR(f.war_kernel.coef[j], bw[j], 4 * f.war_kernel.se[j]);
	assert_true(f.war.converged);
	NEAR(f.mid_parity_or, exp(f.mid.coef[1]), 1e-12);
	assert_true(f.crisis_ratio > 0);
	assert_int_equal(f.n, n);
	assert_int_equal(f.n_war_sample, n);
	/* Years the war data do not cover (-1) leave the war fits only. */
	for (size_t i = 0; i < 1000; i++)
		obs[i].war_onset = -1;
	assert_int_equal(mp_calib_hazard(NULL, obs, n, 0.2, 3.0, &f), MP_OK);
	assert_int_equal(f.n, n);
	assert_int_equal(f.n_war_sample, n - 1000);
	assert_true(f.n_kernel < with_ip);
	assert_int_equal(mp_calib_hazard(NULL, obs, n, 0.2, 0, &f), MP_EINPUT);
	free(obs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_convergence), cmocka_unit_test(test_population), cmocka_unit_test(test_gravity),
		cmocka_unit_test(test_arms),        cmocka_unit_test(test_hazard),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
