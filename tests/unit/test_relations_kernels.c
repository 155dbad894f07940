/* Known answers for the relations kernels (docs/references.md E4 and hand/python computations). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "multipolar/relations.h"

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* docs/references.md E4 (Signorino's S.g documentation): x=(3,3,2,2), y=(2,2,3,3),
 * w=(.5,.3,.1,.1), delta=3: every |x-y|/3 = 1/3, so S_abs = 1 - 2/3 = 1/3 (weighted or
 * not); squared: 1 - 2/9 = 0.7778; tau-b = -1 (all 4 untied pairs discordant). */
static void test_e4_vectors(void **state)
{
	(void)state;
	const double x[] = { 3, 3, 2, 2 }, y[] = { 2, 2, 3, 3 }, w[] = { .5, .3, .1, .1 };
	NEAR(mp_rel_s(x, y, w, 4, 3, 0), 1.0 / 3.0, 1e-12);
	NEAR(mp_rel_s(x, y, NULL, 4, 3, 0), 1.0 / 3.0, 1e-12);
	NEAR(mp_rel_s(x, y, w, 4, 3, 1), 7.0 / 9.0, 1e-12);
	NEAR(mp_rel_s(x, y, w, 4, 3, 1), 0.7778, 5e-5);
	NEAR(mp_rel_taub(x, y, 4), -1.0, 1e-12);
	NEAR(mp_rel_taub_levels(x, y, 4, 4), -1.0, 1e-12);
	/* kappa: python3 /tmp/kap.py (Cohen weighted kappa written out from the definition,
	 * fpsim::cohenk with levels 0:3) prints -1.0 for squared and absolute weights. */
	NEAR(mp_rel_kappa_levels(x, y, 4, 4, 2), -1.0, 1e-12);
	NEAR(mp_rel_kappa_levels(x, y, 4, 4, 1), -1.0, 1e-12);
}

/* A 12-dimension valued portfolio pair with ties and all four levels. Expected values from
 * an independent python3 script (pairwise tau-b loop; kappa from the crosstab):
 *   kappa squared 0.3999999999999999, absolute 0.4130434782608694,
 *   tau-b 0.3579145664532706.
 * S by hand: |x-y| = 0,3,0,1,0,0,3,1,0,1,0,0 -> sum 9; S_abs = 1 - 2*(9/3)/12 = 0.5;
 * squared: sum d^2 = 9+1+9+1+1 = 21 -> 1 - 2*(21/9)/12 = 0.6111... */
static void test_valued_pair(void **state)
{
	(void)state;
	const double x[] = { 3, 0, 0, 1, 2, 0, 3, 0, 0, 2, 1, 0 };
	const double y[] = { 3, 3, 0, 0, 2, 0, 0, 1, 0, 3, 1, 0 };
	NEAR(mp_rel_kappa_levels(x, y, 12, 4, 2), 0.3999999999999999, 1e-12);
	NEAR(mp_rel_kappa_levels(x, y, 12, 4, 1), 0.4130434782608694, 1e-12);
	NEAR(mp_rel_taub(x, y, 12), 0.3579145664532706, 1e-12);
	NEAR(mp_rel_taub_levels(x, y, 12, 4), 0.3579145664532706, 1e-12);
	NEAR(mp_rel_s(x, y, NULL, 12, 3, 0), 0.5, 1e-12);
	NEAR(mp_rel_s(x, y, NULL, 12, 3, 1), 1.0 - 2.0 * (21.0 / 9.0) / 12.0, 1e-12);
}

/* The O(n) contingency-table tau-b equals the O(n^2) pairwise one on pseudo-random
 * valued vectors (a linear congruential sequence, fixed). */
static void test_taub_levels_agree(void **state)
{
	(void)state;
	double x[200], y[200];
	unsigned v = 12345u;
	for (int k = 0; k < 200; k++) {
		v = v * 1103515245u + 12345u;
		x[k] = (v >> 16) % 4;
		v = v * 1103515245u + 12345u;
		y[k] = (k % 3 == 0) ? x[k] : (v >> 16) % 4;
	}
	NEAR(mp_rel_taub_levels(x, y, 200, 4), mp_rel_taub(x, y, 200), 1e-12);
	/* constant vector: undefined */
	double z[5] = { 1, 1, 1, 1, 1 };
	assert_true(isnan(mp_rel_taub(z, x, 5)));
	assert_true(isnan(mp_rel_taub_levels(z, x, 5, 4)));
	/* a non-level value */
	double h[2] = { 0.5, 1 };
	assert_true(isnan(mp_rel_taub_levels(h, x, 2, 4)));
}

/* docs/references.md E4: Barbieri T=10, totals 100/50 -> shares 0.1/0.2, salience 0.14142,
 * symmetry 0.9, interdependence 0.12728. */
static void test_barbieri(void **state)
{
	(void)state;
	mp_barbieri b;
	mp_rel_barbieri(10, 100, 50, &b);
	NEAR(b.share_a, 0.1, 1e-15);
	NEAR(b.share_b, 0.2, 1e-15);
	NEAR(b.salience, 0.14142, 5e-6);
	NEAR(b.symmetry, 0.9, 1e-15);
	NEAR(b.interdependence, 0.12728, 5e-6);
	mp_rel_barbieri(MP_NA, 100, 50, &b);
	assert_true(isnan(b.interdependence));
	mp_rel_barbieri(10, 0, 50, &b);
	assert_true(isnan(b.interdependence));
}

static void test_parity(void **state)
{
	(void)state;
	assert_int_equal(mp_rel_parity(1.0, 1.0, .8, 1.2), MP_PARITY_EVEN);
	assert_int_equal(mp_rel_parity(0.8, 1.0, .8, 1.2), MP_PARITY_EVEN);
	assert_int_equal(mp_rel_parity(1.2, 1.0, .8, 1.2), MP_PARITY_EVEN);
	assert_int_equal(mp_rel_parity(0.79, 1.0, .8, 1.2), MP_PARITY_B);
	assert_int_equal(mp_rel_parity(1.21, 1.0, .8, 1.2), MP_PARITY_A);
	assert_int_equal(mp_rel_parity(MP_NA, 1.0, .8, 1.2), MP_PARITY_NA);
	assert_string_equal(mp_rel_parity_name(MP_PARITY_A), "a_preponderant");
	assert_null(mp_rel_parity_name(MP_PARITY_NA));
}

/* Junior index by hand: cap 0.1 vs 0.3 -> cap_asym 0.5; shares 0.2 vs 0.05 ->
 * dep_asym 0.15/0.25 = 0.6; tie 2 -> 2/3, closeness 0.8 -> alignment 0.7333...;
 * junior = 0.7333 * 0.55 = 0.40333... */
static void test_junior(void **state)
{
	(void)state;
	mp_junior j;
	mp_rel_junior(0.1, 0.3, 0.2, 0.05, 2, 0.8, &j);
	NEAR(j.cap_asym, 0.5, 1e-12);
	NEAR(j.dep_asym, 0.6, 1e-12);
	NEAR(j.alignment, (2.0 / 3.0 + 0.8) / 2.0, 1e-12);
	NEAR(j.junior, (2.0 / 3.0 + 0.8) / 2.0 * 0.55, 1e-12);
	mp_rel_junior(0.1, 0.3, MP_NA, 0.05, 2, 0.8, &j);
	assert_true(isnan(j.junior));
	NEAR(j.cap_asym, 0.5, 1e-12);
	mp_rel_junior(0.1, 0.3, 0.2, 0.05, -1, MP_NA, &j);
	assert_true(isnan(j.alignment) && isnan(j.junior));
}

/* Spells: r = .5 .85 .95 1.05 1.3 (gap) 1.1 0.9 -> parity 1991-1993 (overtake 1993),
 * parity 1996-1997 with a passing back in 1997. */
static void test_transitions(void **state)
{
	(void)state;
	const int yr[] = { 1990, 1991, 1992, 1993, 1994, 1996, 1997 };
	const double r[] = { .5, .85, .95, 1.05, 1.3, 1.1, 0.9 };
	mp_rel_event ev[8];
	size_t n = 0;
	assert_int_equal(mp_rel_transitions(yr, r, 7, .8, 1.2, ev, 8, &n), MP_OK);
	assert_int_equal(n, 4);
	assert_int_equal(ev[0].kind, 1);
	assert_int_equal(ev[0].from, 1993);
	assert_int_equal(ev[0].leader_after, 1);
	assert_int_equal(ev[1].kind, 0);
	assert_int_equal(ev[1].from, 1991);
	assert_int_equal(ev[1].to, 1993);
	assert_int_equal(ev[2].kind, 1);
	assert_int_equal(ev[2].from, 1997);
	assert_int_equal(ev[2].leader_after, 0);
	assert_int_equal(ev[3].kind, 0);
	assert_int_equal(ev[3].from, 1996);
	assert_int_equal(ev[3].to, 1997);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_e4_vectors),
		cmocka_unit_test(test_valued_pair),
		cmocka_unit_test(test_taub_levels_agree),
		cmocka_unit_test(test_barbieri),
		cmocka_unit_test(test_parity),
		cmocka_unit_test(test_junior),
		cmocka_unit_test(test_transitions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
