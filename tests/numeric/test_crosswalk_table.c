/* The crosswalk compiled into the library (src/lib/world/countries.inc) is the countrycode
 * crosswalk in ../shared/data, row for row: every code column and the English name
 * (scripts/gen-countries.py regenerates it when the file changes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "multipolar/crosswalk.h"
#include "shared_data.h"
#include "util/csv.h"

static int col(const mp_csv *csv, const char *const *header, size_t nh, const char *name)
{
	for (size_t i = 0; i < nh; i++)
		if (!strcmp(header[i], name))
			return (int)i;
	(void)csv;
	fail_msg("column %s missing", name);
	return -1;
}

static void test_table_is_the_file(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_csv csv;
	assert_int_equal(mp_csv_open(ctx, mp_test_shared_path("country_code_crosswalk.csv"), &csv), MP_OK);
	assert_int_equal(mp_csv_next(ctx, &csv), 1);
	char *header[32];
	size_t nh = csv.nfields < 32 ? csv.nfields : 32;
	for (size_t i = 0; i < nh; i++)
		header[i] = strdup(csv.fields[i]);
	const char *const *h = (const char *const *)header;
	int cn = col(&csv, h, nh, "country_name"), ci3 = col(&csv, h, nh, "iso3c"), ci2 = col(&csv, h, nh, "iso2c"),
	    cnum = col(&csv, h, nh, "iso3n"), ccow = col(&csv, h, nh, "cown"), ccowc = col(&csv, h, nh, "cowc"),
	    cun = col(&csv, h, nh, "un");
	size_t row = 0;
	while (mp_csv_next(ctx, &csv) == 1) {
		const mp_country *c = mp_country_at(row);
		assert_non_null(c);
		assert_string_equal(c->name, csv.fields[cn]);
		assert_string_equal(c->iso3, csv.fields[ci3]);
		assert_string_equal(c->iso2, csv.fields[ci2]);
		assert_string_equal(c->cowc, csv.fields[ccowc]);
		assert_int_equal(c->iso_num, atoi(csv.fields[cnum]));
		assert_int_equal(c->ccode, atoi(csv.fields[ccow]));
		assert_int_equal(c->m49, atoi(csv.fields[cun]));
		/* and each code finds its row */
		if (c->iso3[0])
			assert_ptr_equal(mp_country_by_iso3(c->iso3), c);
		if (c->ccode)
			assert_ptr_equal(mp_country_by_ccode(c->ccode), c);
		row++;
	}
	/* 292 rows in the file (docs/crosswalk.md), then the two added COW states */
	assert_int_equal(row, 292);
	assert_int_equal(mp_country_count(), row + 2);
	for (size_t i = 0; i < nh; i++)
		free(header[i]);
	mp_csv_close(&csv);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_the_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
