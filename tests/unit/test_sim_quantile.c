/* Streaming quantiles of the ensemble: exact up to 64 runs, extended P-square beyond. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "ensemble/quantile.h"
#include "mp_test.h"
#include "multipolar/rng.h"

static void test_exact(void **state)
{
	(void)state;
	mp_qsum s;
	mp_qsum_init(&s);
	/* 1..10 added in a scrambled order. Type-7 quantiles by hand (h = 9p):
	 * q05 = 1 + 0.45 = 1.45, q25 = 3.25, q50 = 5.5, q75 = 7.75, q95 = 9.55; mean 5.5
	 * (python3: numpy-free: sorted(x)[floor(h)] + frac(h) * diff). */
	static const double x[] = { 7, 3, 10, 1, 5, 9, 2, 8, 6, 4 };
	for (int i = 0; i < 10; i++)
		mp_qsum_add(&s, x[i]);
	mp_qsum_add(&s, NAN); /* ignored */
	double q[5], mean;
	mp_qsum_result(&s, q, &mean);
	assert_near(q[0], 1.45, 1e-12);
	assert_near(q[1], 3.25, 1e-12);
	assert_near(q[2], 5.5, 1e-12);
	assert_near(q[3], 7.75, 1e-12);
	assert_near(q[4], 9.55, 1e-12);
	assert_near(mean, 5.5, 1e-12);

	mp_qsum_init(&s);
	mp_qsum_result(&s, q, &mean);
	assert_true(isnan(q[2]) && isnan(mean));
	mp_qsum_add(&s, 2.5);
	mp_qsum_result(&s, q, &mean);
	assert_near(q[0], 2.5, 0);
	assert_near(q[4], 2.5, 0);
}

static void test_p2_uniform_and_normal(void **state)
{
	(void)state;
	/* 20,000 U(0,1) draws: the quantiles are p; 20,000 N(0,1) draws: 0, +-0.6745,
	 * +-1.6449. Sampling sd of a quantile estimate is sqrt(p(1-p)/n)/f(x_p) <= 0.012 for
	 * the normal tails; the P2 approximation adds little (Jain & Chlamtac 1985 report
	 * errors below 1% of the range). Tolerance 0.03. */
	mp_rng r;
	mp_rng_init(&r, 42, 0, 0);
	mp_qsum u, z;
	mp_qsum_init(&u);
	mp_qsum_init(&z);
	for (int i = 0; i < 20000; i++) {
		mp_qsum_add(&u, mp_rng_uniform(&r));
		mp_qsum_add(&z, mp_rng_normal(&r));
	}
	double q[5], mean;
	mp_qsum_result(&u, q, &mean);
	for (int k = 0; k < 5; k++)
		assert_near(q[k], mp_q_probs[k], 0.01);
	assert_near(mean, 0.5, 0.01);
	static const double zq[5] = { -1.6448536, -0.6744898, 0.0, 0.6744898, 1.6448536 };
	mp_qsum_result(&z, q, &mean);
	for (int k = 0; k < 5; k++)
		assert_near(q[k], zq[k], 0.03);
	/* Monotone markers. */
	for (int k = 1; k < 5; k++)
		assert_true(q[k] >= q[k - 1]);
}

static void test_binary(void **state)
{
	(void)state;
	/* 3 ones among 10: sorted 0 x7, 1 x3; type 7 by hand: q05 (h 0.45) = 0, q25 (2.25) = 0,
	 * q50 (4.5) = 0, q75 (6.75) = 0 + 0.75 (1 - 0) = 0.75, q95 (8.55) = 1; mean 0.3.
	 * The same as the exact path fed the same values. */
	mp_qsum b, e;
	mp_qsum_init_binary(&b);
	mp_qsum_init(&e);
	static const double x[] = { 0, 1, 0, 0, 1, 0, 0, 0, 1, 0 };
	for (int i = 0; i < 10; i++) {
		mp_qsum_add(&b, x[i]);
		mp_qsum_add(&e, x[i]);
	}
	double qb[5], qe[5], mb, me;
	mp_qsum_result(&b, qb, &mb);
	mp_qsum_result(&e, qe, &me);
	static const double want[5] = { 0, 0, 0, 0.75, 1 };
	for (int k = 0; k < 5; k++) {
		assert_near(qb[k], want[k], 1e-12);
		assert_near(qe[k], want[k], 1e-12);
	}
	assert_near(mb, 0.3, 1e-12);
}

static void test_order_matters_only_by_run(void **state)
{
	(void)state;
	/* The same sequence gives the same bits (what the ensemble relies on). */
	mp_qsum a, b;
	mp_qsum_init(&a);
	mp_qsum_init(&b);
	mp_rng r1, r2;
	mp_rng_init(&r1, 7, 3, 1);
	mp_rng_init(&r2, 7, 3, 1);
	for (int i = 0; i < 500; i++) {
		mp_qsum_add(&a, mp_rng_normal(&r1));
		mp_qsum_add(&b, mp_rng_normal(&r2));
	}
	double qa[5], qb[5], ma, mb;
	mp_qsum_result(&a, qa, &ma);
	mp_qsum_result(&b, qb, &mb);
	assert_memory_equal(qa, qb, sizeof qa);
	assert_memory_equal(&ma, &mb, sizeof ma);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_p2_uniform_and_normal),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_order_matters_only_by_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
