/* Unit tests of the cohort-component engine (src/lib/demog/): life tables, splitting
 * groups, survival, births, ageing and migration of one step against hand calculations,
 * non-negativity, and a closed population at replacement converging to the stationary
 * one. Hand values: Preston, Heuveline & Guillot (2001) eqs. 3.5, 6.1-6.5 worked on a
 * calculator (python3 as the calculator, the numbers in the comments). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mp_test.h"
#include "multipolar/demog.h"

/* Female, 1m0 = 0.05, 4m1 = 0.004, 0.02 at every older age:
 *   1a0 = 0.053 + 2.8 x 0.05 = 0.193, 4a1 = 1.522 - 1.518 x 0.05 = 1.4461
 *   1q0 = 0.05 / (1 + 0.807 x 0.05) = 0.048060748786466, l1 = 0.951939251213534
 *   4q1 = 0.016 / (1 + 2.5539 x 0.004) = 0.015838203250870, l5 = 0.936862243870333
 *   5L0 = l1 + a0 (1 - l1) + 4 l5 + a1 (l1 - l5) = 4.730466811529657
 *   5a5 (Greville, k = 0.1 ln(0.02/0.004)) = 2.793632898423771, 5q5 = 0.095773758596756,
 *   l10 = 0.847135425487480, 5L5 = 4.486340919142632
 *   5a10 = 2.5 - 25/12 x 0.02 = 2.458333333, 5q10 = 0.095162569389374 */
static void test_lifetable(void **state)
{
	(void)state;
	double mx[MP_DEMOG_NMX], L[MP_DEMOG_GROUPS], lx[MP_DEMOG_NMX];
	mx[0] = 0.05;
	mx[1] = 0.004;
	for (int i = 2; i < MP_DEMOG_NMX; i++)
		mx[i] = 0.02;
	double e0 = mp_demog_lt5(MP_DEMOG_F, mx, L, lx);
	assert_near(lx[1], 0.951939251213534, 1e-12);
	assert_near(lx[2], 0.936862243870333, 1e-12);
	assert_near(L[0], 4.730466811529657, 1e-12);
	assert_near(lx[3], 0.847135425487480, 1e-12);
	assert_near(L[1], 4.486340919142632, 1e-12);
	assert_near(lx[4], lx[3] * (1 - 0.095162569389374), 1e-12);
	/* e0 is the sum of the L; the single-year table meets the abridged one */
	double s = 0;
	for (int a = 0; a < MP_DEMOG_GROUPS; a++)
		s += L[a];
	assert_near(e0, s, 1e-12);
	double L1[MP_DEMOG_AGES];
	double e1 = mp_demog_lt1(MP_DEMOG_F, mx, L1);
	assert_near(e1, e0, 0.05);
	double l5sum = 0;
	for (int a = 5; a < 10; a++)
		l5sum += L1[a];
	/* l(10) is the same; the person-years differ by the within-group assumption
	   (Greville's nax vs constant force): 0.3% in this steep example */
	assert_near(l5sum, L[1], 0.02);
	/* survival ratios of a five-year step */
	double sx[MP_DEMOG_GROUPS];
	mp_demog_survival(L, MP_DEMOG_GROUPS, 5, sx);
	assert_near(sx[0], L[0] / 5, 1e-15);
	assert_near(sx[1], L[1] / L[0], 1e-15);
	assert_near(sx[20], L[20] / (L[19] + L[20]), 1e-15);
}

/* Splitting keeps every group's total and, for counts, stays non-negative. */
static void test_split(void **state)
{
	(void)state;
	double g[MP_DEMOG_GROUPS] = { 500, 480, 470, 460, 420, 300, 200, 150, 120, 100, 90,
				      80,  60,  40,  20,  10,  4,   1,   0.2, 0,   0 };
	double p[MP_DEMOG_AGES], back[MP_DEMOG_GROUPS];
	mp_demog_pop_to_single(g, p);
	mp_demog_pop_to_groups(p, back);
	for (int k = 0; k < MP_DEMOG_GROUPS; k++)
		assert_near(back[k], g[k], 1e-9);
	for (int a = 0; a < MP_DEMOG_AGES; a++)
		assert_true(p[a] >= 0);
	/* a linear age profile is split exactly (the cumulative is quadratic in the interior) */
	double lin[4] = { 5 * 10 - 10, 5 * 10 - 35, 5 * 10 - 60, 5 * 10 - 85 }, one[20];
	mp_demog_split5(lin, 4, 0, one);
	for (int a = 6; a < 14; a++)
		assert_near(one[a], 10 - a, 1e-9);
	/* yearly arrivals keep the period total */
	double m5[MP_DEMOG_GROUPS] = { 10, 20, -5, 40, 80, 60, 20, -10, -20, 0 }, m1[MP_DEMOG_AGES];
	mp_demog_mig_annual(m5, m1);
	double t5 = 0, t1 = 0;
	for (int k = 0; k < MP_DEMOG_GROUPS; k++)
		t5 += m5[k];
	for (int a = 0; a < MP_DEMOG_AGES; a++)
		t1 += 5 * m1[a];
	assert_near(t1, t5, 1e-9);
}

/* Four five-year groups (0-4, 5-9, 10-14, 15+), s = (0.9, 0.98, 0.97, 0.8) for both
 * sexes, fertility 0.5 and 0.2 births per woman per step at 10-14 and 15+, SRB 1.05:
 *   F: 100, 90, 80, 50 -> 98, 87.3, 0.8 x 130 = 104
 *   births = (0.5 x 80 + 0.2 x 50 + 0.5 x 87.3 + 0.2 x 104) / 2 = 57.225
 *   girls 57.225 / 2.05 = 27.9146, first group 0.9 x 27.9146 = 25.1232
 *   M: 105, 88, 79, 40 -> 102.9, 85.36, 95.2, boys 29.3104 -> 26.3793 */
static void test_step(void **state)
{
	(void)state;
	double s[4] = { 0.9, 0.98, 0.97, 0.8 }, fx[4] = { 0, 0, 0.5, 0.2 };
	double f[4] = { 100, 90, 80, 50 }, m[4] = { 105, 88, 79, 40 };
	mp_demog_rates r = { 5, 4, { s, s }, fx, 2, 2, 1.05, { NULL, NULL }, MP_DEMOG_MIG_HALF };
	mp_demog_events ev;
	mp_demog_step(&r, f, m, &ev);
	assert_near(f[1], 98, 1e-12);
	assert_near(f[2], 87.3, 1e-12);
	assert_near(f[3], 104, 1e-12);
	assert_near(ev.births[0] + ev.births[1], 57.225, 1e-12);
	assert_near(f[0], 0.9 * 57.225 / 2.05, 1e-12);
	assert_near(m[1], 102.9, 1e-12);
	assert_near(m[2], 85.36, 1e-12);
	assert_near(m[3], 95.2, 1e-12);
	assert_near(m[0], 0.9 * 57.225 * 1.05 / 2.05, 1e-12);
	/* deaths close the account */
	assert_near(ev.deaths[0], 320 + ev.births[0] - (f[0] + f[1] + f[2] + f[3]), 1e-9);
	assert_near(ev.migrants[0], 0, 1e-15);
}

/* Migrants half at the start, half at the end: F net migrants (10, -20, 5, 0):
 *   15+: 0.8 (80 + 50 + 2.5) = 106;  10-14: 0.97 (90 - 10) + 2.5 = 80.1
 *   5-9: 0.98 (100 + 5) - 10 = 92.9
 *   births (50 + 0.5 x 80.1 + 0.2 x 106) / 2 = 55.625, 0-4: 0.9 x 55.625 / 2.05 + 5 */
static void test_migration(void **state)
{
	(void)state;
	double s[4] = { 0.9, 0.98, 0.97, 0.8 }, fx[4] = { 0, 0, 0.5, 0.2 }, mg[4] = { 10, -20, 5, 0 };
	double f[4] = { 100, 90, 80, 50 }, m[4] = { 105, 88, 79, 40 };
	mp_demog_rates r = { 5, 4, { s, s }, fx, 2, 2, 1.05, { mg, NULL }, MP_DEMOG_MIG_HALF };
	mp_demog_events ev;
	mp_demog_step(&r, f, m, &ev);
	assert_near(f[3], 106, 1e-12);
	assert_near(f[2], 80.1, 1e-12);
	assert_near(f[1], 92.9, 1e-12);
	assert_near(f[0], 0.9 * 55.625 / 2.05 + 5, 1e-12);
	assert_near(ev.migrants[0], -5, 1e-12);
	/* all at the end */
	double f2[4] = { 100, 90, 80, 50 };
	r.mig_timing = MP_DEMOG_MIG_END;
	mp_demog_step(&r, f2, m, NULL);
	assert_near(f2[1], 98 - 20, 1e-12);
	assert_near(f2[2], 87.3 + 5, 1e-12);
}

/* Emigration larger than the people there: groups stop at zero and the account holds. */
static void test_non_negative(void **state)
{
	(void)state;
	double s[4] = { 0.9, 0.98, 0.97, 0.8 }, fx[4] = { 0, 0, 0.5, 0.2 }, mg[4] = { -400, -500, 5, -900 };
	double f[4] = { 100, 90, 80, 50 }, m[4] = { 105, 88, 79, 40 };
	mp_demog_rates r = { 5, 4, { s, s }, fx, 2, 2, 1.05, { mg, mg }, MP_DEMOG_MIG_HALF };
	for (int k = 0; k < 20; k++) {
		double before = 0, after = 0;
		for (int a = 0; a < 4; a++)
			before += f[a];
		mp_demog_events ev;
		mp_demog_step(&r, f, m, &ev);
		for (int a = 0; a < 4; a++) {
			assert_true(f[a] >= 0 && m[a] >= 0);
			after += f[a];
		}
		assert_near(after, before + ev.births[0] - ev.deaths[0] + ev.migrants[0], 1e-9);
		assert_true(ev.deaths[0] >= 0);
	}
}

/* A closed population with constant mortality and fertility at replacement
 * (NRR = sum_a f_a L_a / (1 + SRB) = 1 for the female radix) converges to the stationary
 * population: no growth, and age shares proportional to L_a (Preston et al. 2001,
 * ch. 3.6 and 7). */
static void test_stationary(void **state)
{
	(void)state;
	double mx[MP_DEMOG_NMX], L[2][MP_DEMOG_AGES], sx[2][MP_DEMOG_AGES], fx[MP_DEMOG_AGES] = { 0 };
	for (int x = 0; x < 2; x++) {
		/* Gompertz above childhood (Gompertz 1825) plus infant and child mortality */
		mx[0] = 0.03;
		mx[1] = 0.002;
		for (int i = 2; i < MP_DEMOG_NMX; i++)
			mx[i] = (x ? 0.0003 : 0.0002) * exp(0.09 * (5 * (i - 1) + 2.5));
		mp_demog_lt1(x, mx, L[x]);
		mp_demog_survival(L[x], MP_DEMOG_AGES, 1, sx[x]);
	}
	const double srb = 1.05;
	double nrr = 0;
	for (int a = 15; a < 50; a++) {
		fx[a] = exp(-0.5 * ((a - 28.0) / 6.0) * ((a - 28.0) / 6.0));
		nrr += fx[a] * L[0][a] / (1 + srb);
	}
	for (int a = 15; a < 50; a++)
		fx[a] /= nrr;
	double f[MP_DEMOG_AGES], m[MP_DEMOG_AGES];
	for (int a = 0; a < MP_DEMOG_AGES; a++)
		f[a] = m[a] = a < 40 ? 1000 : 100; /* far from stationary */
	mp_demog_rates r = { 1, MP_DEMOG_AGES, { sx[0], sx[1] }, fx, 15, 35, srb, { NULL, NULL }, MP_DEMOG_MIG_HALF };
	double prev = 0;
	for (int y = 0; y < 1500; y++) {
		mp_demog_step(&r, f, m, NULL);
		if (y == 1498)
			for (int a = 0; a < MP_DEMOG_AGES; a++)
				prev += f[a] + m[a];
	}
	double tot = 0, tf = 0, Lf = 0;
	for (int a = 0; a < MP_DEMOG_AGES; a++) {
		tot += f[a] + m[a];
		tf += f[a];
		Lf += L[0][a];
	}
	assert_near(tot / prev - 1, 0, 1e-7);
	for (int a = 0; a < MP_DEMOG_AGES; a++)
		assert_near(f[a] / tf, L[0][a] / Lf, 1e-6);
	/* median age and dependency of the stationary population */
	mp_demog_summary sm;
	mp_demog_summarise(f, m, MP_DEMOG_AGES, 1, &sm);
	assert_near(sm.total, tot, 1e-6 * tot);
	assert_true(sm.median_age > 30 && sm.median_age < 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifetable),    cmocka_unit_test(test_split),
		cmocka_unit_test(test_step),         cmocka_unit_test(test_migration),
		cmocka_unit_test(test_non_negative), cmocka_unit_test(test_stationary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
