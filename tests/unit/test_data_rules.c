/* The import key set (data/rules.c) against a brute-force check: sorted, unsorted and
 * mixed key streams, duplicates found with the line that had the key first; and the
 * checked double -> integer conversion (util/num.h) at and past its bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/rules.h"
#include "util/num.h"

/* Keys k[0..n) (as 4-byte big-endian ints), lines i+1: every answer checked by brute force. */
static void run(const uint32_t *k, size_t n)
{
	mp_keyset *ks = NULL;
	assert_int_equal(mp_data__keyset_new(&ks, 0), 0);
	for (size_t i = 0; i < n; i++) {
		unsigned char b[4] = { (unsigned char)(k[i] >> 24), (unsigned char)(k[i] >> 16),
				       (unsigned char)(k[i] >> 8), (unsigned char)k[i] };
		size_t first = 0, want = 0;
		for (size_t j = 0; j < i && !want; j++)
			if (k[j] == k[i])
				want = j + 1;
		int r = mp_data__keyset_add(ks, b, 4, i + 1, &first);
		if (want) {
			assert_int_equal(r, 1);
			assert_int_equal(first, want);
			/* a refused row ends the import; go on with the rest as a new stream */
			mp_data__keyset_free(ks);
			ks = NULL;
			assert_int_equal(mp_data__keyset_new(&ks, 0), 0);
			for (size_t j = 0; j <= i; j++)
				if (k[j] != k[i] || j == want - 1) {
					unsigned char c[4] = { (unsigned char)(k[j] >> 24), (unsigned char)(k[j] >> 16),
							       (unsigned char)(k[j] >> 8), (unsigned char)k[j] };
					size_t f;
					(void)mp_data__keyset_add(ks, c, 4, j + 1, &f);
				}
		} else
			assert_int_equal(r, 0);
	}
	mp_data__keyset_free(ks);
}

static void test_sorted(void **state)
{
	(void)state;
	uint32_t k[3000];
	for (size_t i = 0; i < 3000; i++)
		k[i] = (uint32_t)(2 * i);
	run(k, 3000);
	k[1500] = k[1499]; /* adjacent duplicate: the sorted path */
	run(k, 3000);
}

static void test_unsorted(void **state)
{
	(void)state;
	enum { N = 3000 };
	uint32_t *k = malloc(N * sizeof *k);
	assert_non_null(k);
	uint64_t x = 88172645463325252ULL;
	for (size_t i = 0; i < N; i++) {
		/* xorshift64 (Marsaglia 2003), values in [0, 4000): duplicates on purpose */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		k[i] = (uint32_t)(x % 4000);
	}
	run(k, 200);
	for (size_t i = 0; i < N; i++)
		k[i] = i < N / 2 ? (uint32_t)i : (uint32_t)(N - i); /* sorted, then a break back to old keys */
	run(k, N);
	free(k);
}

static void test_lengths(void **state)
{
	(void)state;
	mp_keyset *ks = NULL;
	size_t f = 0;
	assert_int_equal(mp_data__keyset_new(&ks, 0), 0);
	assert_int_equal(mp_data__keyset_add(ks, "ab", 3, 1, &f), 0);
	assert_int_equal(mp_data__keyset_add(ks, "abc", 4, 2, &f), 0); /* longer, after its prefix */
	assert_int_equal(mp_data__keyset_add(ks, "a", 2, 3, &f), 0);   /* out of order */
	assert_int_equal(mp_data__keyset_add(ks, "ab", 3, 4, &f), 1);
	assert_int_equal(f, 1);
	mp_data__keyset_free(ks);
}

static void test_num(void **state)
{
	(void)state;
	int64_t v = 0;
	int i = 0;
	assert_true(mp_num__to_int64(2.0, -10, 10, &v) && v == 2);
	assert_true(mp_num__to_int64(-9e15, -9000000000000000LL, 9000000000000000LL, &v) && v == -9000000000000000LL);
	assert_false(mp_num__to_int64(9.5e15, -9000000000000000LL, 9000000000000000LL, &v));
	assert_false(mp_num__to_int64(1e20, -9000000000000000LL, 9000000000000000LL, &v));
	assert_false(mp_num__to_int64(-1e300, -9000000000000000LL, 9000000000000000LL, &v));
	assert_false(mp_num__to_int64(2.5, -10, 10, &v));
	assert_false(mp_num__to_int64(NAN, -10, 10, &v));
	assert_false(mp_num__to_int64(INFINITY, -10, 10, &v));
	assert_true(mp_num__to_int(2147483647.0, -2147483647, 2147483647, &i) && i == 2147483647);
	assert_false(mp_num__to_int(2147483648.0, -2147483647, 2147483647, &i));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sorted),
		cmocka_unit_test(test_unsorted),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_num),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
