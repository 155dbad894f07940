/* The one country-code crosswalk: lookups by each code, the year rules of
 * docs/crosswalk.md, and names on a command line with near-match suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "multipolar/crosswalk.h"

static void test_lookups(void **state)
{
	(void)state;
	const mp_country *c = mp_country_by_ccode(2);
	assert_non_null(c);
	assert_string_equal(c->iso3, "USA");
	assert_int_equal(c->m49, 840);
	c = mp_country_by_iso3("gbr");
	assert_non_null(c);
	assert_int_equal(c->ccode, 200);
	assert_string_equal(c->cowc, "UKG");
	assert_ptr_equal(mp_country_by_cowc("UKG"), c);
	assert_ptr_equal(mp_country_by_iso2("GB"), c);
	assert_ptr_equal(mp_country_by_m49(826), c);
	/* COW letters and ISO3 clash: CZE is Czechoslovakia for COW, Czechia for ISO */
	assert_int_equal(mp_country_by_cowc("CZE")->ccode, 315);
	assert_int_equal(mp_country_by_iso3("CZE")->ccode, 316);
	/* the two COW states the countrycode list lacks */
	assert_string_equal(mp_country_by_ccode(260)->cowc, "GFR");
	assert_string_equal(mp_country_by_ccode(730)->cowc, "KOR");
	/* ISO numeric 260 is the French Southern Territories, not COW 260 */
	assert_string_equal(mp_country_by_m49(260)->iso3, "ATF");
	assert_null(mp_country_by_ccode(1));
	assert_null(mp_country_by_iso3("XXX"));
	assert_null(mp_country_by_iso3(""));
	assert_null(mp_country_by_iso3(NULL));
	assert_true(mp_country_count() >= 294);
	assert_non_null(mp_country_at(0));
	assert_null(mp_country_at(mp_country_count()));
}

static int state(const char *iso, int year, int *second)
{
	int cc[2] = { 0, 0 };
	int k = mp_country_state_of_iso3(iso, year, cc);
	*second = k > 1 ? cc[1] : 0;
	return k ? cc[0] : 0;
}

static void test_state_rules(void **state_)
{
	(void)state_;
	int s2;
	assert_int_equal(state("SUN", 1991, &s2), 365);
	assert_int_equal(state("SUN", 1992, &s2), 0);
	assert_int_equal(state("RUS", 1991, &s2), 0);
	assert_int_equal(state("RUS", 1992, &s2), 365);
	assert_int_equal(state("CSK", 1992, &s2), 315);
	assert_int_equal(state("CSK", 1993, &s2), 0);
	assert_int_equal(state("CZE", 1992, &s2), 0);
	assert_int_equal(state("CZE", 1993, &s2), 316);
	assert_int_equal(state("YUG", 1991, &s2), 345);
	assert_int_equal(state("YUG", 1992, &s2), 0);
	assert_int_equal(state("SRB", 1991, &s2), 0);
	assert_int_equal(state("SRB", 1992, &s2), 345);
	assert_int_equal(state("DEU", 1954, &s2), 255);
	assert_int_equal(state("DEU", 1955, &s2), 260);
	assert_int_equal(state("DEU", 1990, &s2), 260);
	assert_int_equal(state("DEU", 1991, &s2), 255);
	assert_int_equal(state("USA", 1900, &s2), 2);
	assert_int_equal(state("HKG", 2000, &s2), 0); /* no COW state */
	assert_int_equal(state("", 2000, &s2), 0);
	/* one territory per series */
	assert_int_equal(mp_country_series_of_iso3("RUS"), 365);
	assert_int_equal(mp_country_series_of_iso3("SRB"), 345);
	assert_int_equal(mp_country_series_of_iso3("DEU"), 255);
	assert_int_equal(mp_country_series_of_iso3("SUN"), -1);
	assert_int_equal(mp_country_series_of_iso3("CSK"), -1);
	assert_int_equal(mp_country_series_of_iso3("YUG"), -1);
	assert_int_equal(mp_country_series_of_iso3("HKG"), 0);
}

static void test_find(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	const mp_country *c;
	assert_int_equal(mp_country_find(ctx, "710", &c), MP_OK);
	assert_string_equal(c->iso3, "CHN");
	assert_int_equal(mp_country_find(ctx, "gmy", &c), MP_OK);
	assert_int_equal(c->ccode, 255);
	assert_int_equal(mp_country_find(ctx, "DEU", &c), MP_OK);
	assert_int_equal(c->ccode, 255);
	assert_int_equal(mp_country_find(ctx, "CZE", &c), MP_OK); /* COW letters first */
	assert_int_equal(c->ccode, 315);
	assert_int_equal(mp_country_find(ctx, "united kingdom", &c), MP_OK);
	assert_int_equal(c->ccode, 200);
	assert_int_equal(mp_country_find(ctx, "Grmany", &c), MP_ENOTFOUND);
	assert_null(c);
	assert_non_null(strstr(mp_error_message(ctx), "'Grmany': no such country"));
	assert_non_null(strstr(mp_error_message(ctx), "did you mean Germany (GMY, 255)"));
	assert_int_equal(mp_country_find(ctx, "Qqqqqqqqqq", &c), MP_ENOTFOUND);
	assert_null(strstr(mp_error_message(ctx), "did you mean"));
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_state_rules),
		cmocka_unit_test(test_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
