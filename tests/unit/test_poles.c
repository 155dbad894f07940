/* Pole membership lookups: several spells per state, gaps, unassigned rows, order of names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "multipolar/poles.h"

static void test_spells(void **state)
{
	(void)state;
	char path[] = "/tmp/mp_test_poles_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *csv = "ccode,stateabb,pole,from_year,to_year,rule\n"
			  "290,POL,Russia,1945,1990,Warsaw-Pact\n"
			  "2,USA,West,1816,2100,core\n"
			  "290,POL,West,1999,2100,NATO\n"
			  "290,POL,unassigned,1991,1998,none\n"
			  "710,CHN,China,1949,2100,core\n";
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	mp_ctx *ctx = NULL;
	mp_poles *p = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_poles_load(ctx, path, &p), MP_OK);
	unlink(path);
	assert_int_equal(mp_poles_count(p), 3); /* Russia, West, China: unassigned is no pole */
	assert_string_equal(mp_poles_name(p, 0), "Russia");
	assert_string_equal(mp_poles_name(p, mp_poles_of(p, 290, 1960)), "Russia");
	assert_int_equal(mp_poles_of(p, 290, 1995), MP_POLE_NONE);
	assert_string_equal(mp_poles_name(p, mp_poles_of(p, 290, 1999)), "West");
	assert_int_equal(mp_poles_of(p, 290, 1944), MP_POLE_NONE);
	assert_string_equal(mp_poles_name(p, mp_poles_of(p, 2, 1816)), "West");
	assert_int_equal(mp_poles_of(p, 710, 1948), MP_POLE_NONE);
	assert_int_equal(mp_poles_of(p, 999, 2000), MP_POLE_NONE);
	assert_int_equal(mp_poles_find(p, "china"), 2);
	assert_int_equal(mp_poles_spells(p), 5);
	mp_poles_free(p);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_spells) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
