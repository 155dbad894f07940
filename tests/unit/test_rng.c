/* Philox4x32-10 against the known-answer vectors of Random123 (kat_vectors,
 * "philox4x32 10"), and stream independence/reproducibility. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "mp_test.h"
#include <math.h>

#include "multipolar/rng.h"

static void kat(const uint32_t ctr[4], const uint32_t key[2], const uint32_t want[4])
{
	uint32_t out[4];
	mp_rng_philox4x32(ctr, key, out);
	for (int i = 0; i < 4; i++)
		assert_int_equal(out[i], want[i]);
}

static void test_philox_kat(void **state)
{
	(void)state;
	const uint32_t z[4] = { 0, 0, 0, 0 }, zk[2] = { 0, 0 };
	const uint32_t w0[4] = { 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 };
	kat(z, zk, w0);
	const uint32_t f[4] = { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff }, fk[2] = { 0xffffffff, 0xffffffff };
	const uint32_t w1[4] = { 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd };
	kat(f, fk, w1);
	const uint32_t p[4] = { 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344 }, pk[2] = { 0xa4093822, 0x299f31d0 };
	const uint32_t w2[4] = { 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1 };
	kat(p, pk, w2);
}

static void test_streams(void **state)
{
	(void)state;
	mp_rng a, b, c;
	mp_rng_init(&a, 42, 7, 3);
	mp_rng_init(&b, 42, 7, 3);
	mp_rng_init(&c, 42, 8, 3);
	int same = 0;
	for (int i = 0; i < 1000; i++) {
		uint32_t x = mp_rng_u32(&a);
		assert_int_equal(x, mp_rng_u32(&b));
		same += x == mp_rng_u32(&c);
	}
	assert_true(same < 3);
}

static void test_distributions(void **state)
{
	(void)state;
	/* mean and variance of 200k draws: uniform 1/2, 1/12; normal 0, 1 (tolerance ~5 s.e.) */
	mp_rng r;
	mp_rng_init(&r, 1, 0, 0);
	double su = 0, su2 = 0, sn = 0, sn2 = 0;
	const int n = 200000;
	for (int i = 0; i < n; i++) {
		double u = mp_rng_uniform(&r), z = mp_rng_normal(&r);
		assert_true(u >= 0.0 && u < 1.0);
		su += u;
		su2 += u * u;
		sn += z;
		sn2 += z * z;
	}
	assert_near(su / n, 0.5, 5 * sqrt(1.0 / 12 / n));
	assert_near(su2 / n - (su / n) * (su / n), 1.0 / 12, 0.002);
	assert_near(sn / n, 0.0, 5 / sqrt(n));
	assert_near(sn2 / n, 1.0, 0.02);
	for (int i = 0; i < 1000; i++)
		assert_true(mp_rng_below(&r, 7) < 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_philox_kat),
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_distributions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
