/* Unit tests of the concentration and polarity measures: docs/references.md E4 test vectors and
 * hand calculations. Tolerance 1e-5 on the published 5-digit values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "mp_test.h"

#include "multipolar/metrics.h"

static void test_e4_vectors(void **state)
{
	(void)state;
	/* docs/references.md E4: shares (0.5, 0.3, 0.2) -> H 0.38, CON 0.26458, N_eff 2.6316 */
	double s[] = { 0.5, 0.3, 0.2 };
	assert_near(mp_hhi(s, 3), 0.38, 1e-12);
	assert_near(mp_con(s, 3), 0.26458, 1e-5);
	assert_near(mp_n_eff(s, 3), 2.6316, 1e-4);
	/* (1, 0, 0) -> CON 1 */
	double u[] = { 1, 0, 0 };
	assert_near(mp_con(u, 3), 1.0, 1e-12);
	/* identity H = CON^2 (1 - 1/N) + 1/N */
	double c = mp_con(s, 3);
	assert_near(mp_hhi(s, 3), c * c * (1 - 1.0 / 3) + 1.0 / 3, 1e-12);
}

static void test_renormalises_and_skips_missing(void **state)
{
	(void)state;
	/* capabilities on any scale, NaN = not a member: (5, 3, NaN, 2) == (0.5, 0.3, 0.2) */
	double s[] = { 5, 3, MP_NA, 2 };
	assert_near(mp_con(s, 4), 0.26458, 1e-5);
	/* CON is undefined for one unit */
	double one[] = { 1 };
	assert_true(mp_is_na(mp_con(one, 1)));
}

static void test_golosov(void **state)
{
	(void)state;
	/* Hand calculation for (0.5, 0.3, 0.2), s1 = 0.5:
	 * 0.5/(0.5) + 0.3/(0.3+0.25-0.09) + 0.2/(0.2+0.25-0.04) = 1 + 0.652174 + 0.487805 = 2.139979 */
	double s[] = { 0.5, 0.3, 0.2 };
	assert_near(mp_n_golosov(s, 3), 2.139979, 1e-6);
	/* equal shares: N_G = N */
	double e[] = { 0.25, 0.25, 0.25, 0.25 };
	assert_near(mp_n_golosov(e, 4), 4.0, 1e-12);
}

static void test_classifiers(void **state)
{
	(void)state;
	mp_polarity p;
	mp_polarity_opts o = MP_POLARITY_OPTS_INIT;
	double uni[] = { 0.6, 0.3, 0.1 }, bi[] = { 0.35, 0.3, 0.2, 0.15 }, multi[] = { 0.3, 0.2, 0.2, 0.15, 0.15 };
	assert_int_equal(mp_polarity_compute(NULL, uni, 3, &o, &p), MP_OK);
	assert_string_equal(p.cls, "unipolar");
	assert_int_equal(p.leader, 0);
	assert_int_equal(p.runner_up, 1);
	assert_near(p.lead_ratio, 2.0, 1e-12);
	mp_polarity_compute(NULL, bi, 4, &o, &p);
	assert_string_equal(p.cls, "bipolar");
	mp_polarity_compute(NULL, multi, 5, &o, &p);
	assert_string_equal(p.cls, "multipolar");
	/* Wayman: the top two of `multi` hold exactly 0.5 -> bipolar */
	o.classifier = MP_CLASSIFY_WAYMAN;
	mp_polarity_compute(NULL, multi, 5, &o, &p);
	assert_string_equal(p.cls, "bipolar");
	/* threshold tau 0.2: three units hold >= 0.2 */
	o.classifier = MP_CLASSIFY_THRESHOLD;
	o.tau = 0.2;
	mp_polarity_compute(NULL, multi, 5, &o, &p);
	assert_int_equal(p.poles, 3);
	assert_string_equal(p.cls, "multipolar");
	/* options struct version is checked */
	o.version = 99;
	assert_int_equal(mp_polarity_compute(NULL, multi, 5, &o, &p), MP_EUSAGE);
}

static void test_cinc_available_components(void **state)
{
	(void)state;
	/* Two states; B lacks milex. Shares: milex A=1; others split as given.
	 * A: (1 + 0.75 + 0.5 + 0.5 + 0.25 + 0.5)/6 = 0.58333; B: (0.25+0.5+0.5+0.75+0.5)/5 = 0.5 */
	mp_actor a[2] = { 0 };
	double ca[MP_NCOMP] = { 10, 3, 1, 2, 1, 4 }, cb[MP_NCOMP] = { MP_NA, 1, 1, 2, 3, 4 };
	for (int c = 0; c < MP_NCOMP; c++) {
		a[0].comp[c] = ca[c];
		a[1].comp[c] = cb[c];
	}
	mp_world w = { .year = 2000, .n = 2, .actors = a, .source = "test" };
	double cinc[2], share[2 * MP_NCOMP];
	mp_capabilities(&w, NULL, MP_CINC_COW, share, cinc);
	assert_near(cinc[0], 3.5 / 6, 1e-15);
	assert_near(cinc[1], 2.5 / 5, 1e-15);
	assert_true(mp_is_na(share[1 * MP_NCOMP + MP_MILEX]));
	mp_capabilities(&w, NULL, MP_CINC_RENORM, NULL, cinc);
	assert_near(cinc[0] + cinc[1], 1.0, 1e-15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_e4_vectors),
		cmocka_unit_test(test_renormalises_and_skips_missing),
		cmocka_unit_test(test_golosov),
		cmocka_unit_test(test_classifiers),
		cmocka_unit_test(test_cinc_available_components),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
