/* Agreement of labelings (igraph NMI/ARI) and stable relabelling across years. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "multipolar/relations.h"

/* p = (1,1,1,2,2,2,3,3), q = (1,1,2,2,2,2,3,3). Expected from a python3 script written from
 * the definitions (Hubert & Arabie 1985 ARI from the contingency table; Danon et al. 2005
 * NMI = 2 I(p;q) / (H(p) + H(q))): ARI 0.5454545454545454 (= 6/11), NMI 0.755004292485672. */
static void test_compare(void **state)
{
	(void)state;
	const int p[] = { 1, 1, 1, 2, 2, 2, 3, 3 }, q[] = { 1, 1, 2, 2, 2, 2, 3, 3 };
	double nmi, ari;
	assert_int_equal(mp_rel_compare(NULL, p, q, 8, &nmi, &ari), MP_OK);
	assert_true(fabs(ari - 6.0 / 11.0) < 1e-12);
	assert_true(fabs(nmi - 0.755004292485672) < 1e-12);
	/* identical up to renaming: both 1 */
	const int r[] = { 7, 7, 7, 5, 5, 5, 9, 9 };
	assert_int_equal(mp_rel_compare(NULL, p, r, 8, &nmi, &ari), MP_OK);
	assert_true(fabs(ari - 1) < 1e-12 && fabs(nmi - 1) < 1e-12);
	/* entries < 0 are left out: only the first four count, p=(1,1,1,2), q=(1,1,2,2) */
	const int s[] = { 1, 1, 2, 2, -1, -1, -1, -1 };
	assert_int_equal(mp_rel_compare(NULL, p, s, 8, &nmi, &ari), MP_OK);
	/* ARI of (1,1,1,2) vs (1,1,2,2): sum C(nij,2) = 1, a: 3, b: 2, C(4,2) = 6:
	 * (1 - 3*2/6) / ((3+2)/2 - 1) = 0 */
	assert_true(fabs(ari) < 1e-12);
}

/* Year 1 blocs: A,B,C in 1; D,E in 2. Year 2 (labels from detection): D,E,F in 1; A,B in 2;
 * G,H in 3. Greedy overlap: cur 1 ~ prev 2 (2 states), cur 2 ~ prev 1 (2 states); cur 3 is
 * new -> next label 3. Non-aligned 0 and no-data -1 stay. */
static void test_relabel(void **state)
{
	(void)state;
	const int pcc[] = { 10, 20, 30, 40, 50 }, prev[] = { 1, 1, 1, 2, 2 };
	const int cc[] = { 10, 20, 40, 50, 60, 70, 80, 90, 95 };
	int cur[] = { 2, 2, 1, 1, 1, 3, 3, 0, -1 };
	int next = 3;
	assert_int_equal(mp_rel_relabel(pcc, prev, 5, cc, cur, 9, &next), MP_OK);
	const int want[] = { 1, 1, 2, 2, 2, 3, 3, 0, -1 };
	for (int i = 0; i < 9; i++)
		assert_int_equal(cur[i], want[i]);
	assert_int_equal(next, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_relabel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
