/* Kernels of the panels (docs/panels.md): the one peace-years rule, roll-call agreement
 * (Voeten's index, S over votes, Haege's kappa, a pole's mean position), and the ISO2 codes
 * of dissolved states in the crosswalk. Expected values worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/crosswalk.h"
#include "multipolar/relations.h"
#include "multipolar/world.h"

static void test_peace_years(void **state)
{
	(void)state;
	/* no onset yet: years since the pair entered (1946) */
	assert_int_equal(mp_world_peace_years(1950, 1946, 0), 4);
	/* the year after an onset is 0; the onset year itself carries the spell it ends */
	assert_int_equal(mp_world_peace_years(1961, 1946, 1960), 0);
	assert_int_equal(mp_world_peace_years(1965, 1946, 1960), 4);
	/* an onset before the pair's (re-)entry counts from the entry: FRN-GMY 2000 */
	assert_int_equal(mp_world_peace_years(2000, 1990, 1944), 10);
	/* the first year observed */
	assert_int_equal(mp_world_peace_years(1990, 1990, 0), 0);
}

static void test_agreement(void **state)
{
	(void)state;
	/* yes/yes, yes/abstain, yes/no, no/no, one absent: |d| = 0, .5, 1, 0 over 4 votes */
	const double x[] = { 1, 1, 1, 0, 1 }, y[] = { 1, 0.5, 0, 0, MP_NA };
	mp_rel_agree a;
	mp_rel_vote_agree(x, y, 5, &a);
	assert_int_equal(a.n, 4);
	assert_near(a.agree, 1 - 1.5 / 4, 1e-15);
	assert_near(a.s, 2 * a.agree - 1, 1e-15);
	mp_rel_vote_agree(x, y, 0, &a);
	assert_int_equal(a.n, 0);
	assert_true(isnan(a.agree));
}

static void test_rollcall_groups(void **state)
{
	(void)state;
	/* 3 states x 4 roll calls: 1 yes, 2 abstain, 3 no, 0 absent */
	int cc[3] = { 2, 200, 710 }, rcid[4] = { 1, 2, 3, 4 };
	unsigned char issues[4] = { MP_VOTE_HR, 0, MP_VOTE_HR, 0 }, imp[4] = { 0 };
	unsigned char vote[12] = { 1, 1, 3, 1, /* USA */ 1, 2, 3, 1, /* UKG */ 3, 3, 1, 0 /* CHN */ };
	mp_world_votes v = { 2016, 3, 4, cc, rcid, issues, imp, vote, 0 };
	mp_rel_agree a;
	int usa = 2, ukg = 200, chn = 710, west[2] = { 2, 200 };
	assert_int_equal(mp_rel_rollcall_dyad(&v, &usa, 1, &ukg, 1, 0, &a), MP_OK);
	/* |d| = 0, .5, 0, 0: agree 1 - .5/4 */
	assert_int_equal(a.n, 4);
	assert_near(a.agree, 0.875, 1e-15);
	/* USA-CHN on 3 common calls: |d| = 1, 1, 1 */
	assert_int_equal(mp_rel_rollcall_dyad(&v, &usa, 1, &chn, 1, 0, &a), MP_OK);
	assert_int_equal(a.n, 3);
	assert_near(a.agree, 0, 1e-15);
	assert_near(a.s, -1, 1e-15);
	/* the West's mean positions 1, .75, 0, 1 against China's 0, 0, 1, -: |d| = 1, .75, 1 */
	assert_int_equal(mp_rel_rollcall_dyad(&v, &chn, 1, west, 2, 0, &a), MP_OK);
	assert_int_equal(a.n, 3);
	assert_near(a.agree, 1 - 2.75 / 3, 1e-15);
	/* human-rights calls only (1 and 3): USA-UKG agree on both */
	assert_int_equal(mp_rel_rollcall_dyad(&v, &usa, 1, &ukg, 1, MP_VOTE_HR, &a), MP_OK);
	assert_int_equal(a.n, 2);
	assert_near(a.agree, 1, 1e-15);
	assert_int_equal(mp_world_vote_issue("hr"), MP_VOTE_HR);
	assert_int_equal(mp_world_vote_issue("all"), 0);
	assert_int_equal(mp_world_vote_issue("trade"), -1);
}

static void test_iso2_states(void **state)
{
	(void)state;
	assert_int_equal(mp_country_state_of_iso2("US", "United States"), 2);
	assert_int_equal(mp_country_state_of_iso2("CS", "Czechoslovakia"), 315);
	assert_int_equal(mp_country_state_of_iso2("DD", ""), 265);
	assert_int_equal(mp_country_state_of_iso2("YU", NULL), 345);
	assert_int_equal(mp_country_state_of_iso2("", "Federal Republic of Germany"), 260);
	assert_int_equal(mp_country_state_of_iso2("", "Yemen Arab Republic"), 678);
	assert_int_equal(mp_country_state_of_iso2("", "Atlantis"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peace_years),
		cmocka_unit_test(test_agreement),
		cmocka_unit_test(test_rollcall_groups),
		cmocka_unit_test(test_iso2_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
