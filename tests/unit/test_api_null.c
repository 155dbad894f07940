/* Every _free and _clear of the public API accepts NULL (docs/api.md, "Ownership"), and
 * every versioned option struct is checked at its entry point. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "multipolar/multipolar.h"

static void test_free_null(void **state)
{
	(void)state;
	mp_bargain_input_free(NULL);
	mp_bargain_eu_free(NULL);
	mp_bargain_smp_free(NULL);
	mp_calib_result_free(NULL);
	mp_backtest_result_free(NULL);
	mp_ctx_free(NULL);
	mp_error_clear(NULL);
	mp_ensemble_free(NULL);
	mp_units_clear(NULL);
	mp_poles_free(NULL);
	mp_rel_year_free(NULL);
	mp_sim_units_clear(NULL);
	mp_sim_free(NULL);
	mp_store_free(NULL);
	mp_table_free(NULL);
	mp_world_free(NULL);
	mp_world_dyads_free(NULL);
	/* and a cleared value may be cleared again */
	mp_units u = { 0 };
	mp_units_clear(&u);
	mp_units_clear(&u);
}

static void test_versions(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_calib_options co = MP_CALIB_OPTIONS_INIT;
	co.version = 99;
	mp_calib_result *cr = NULL;
	assert_int_equal(mp_calibrate(ctx, NULL, &co, &cr), MP_EUSAGE);
	assert_null(cr);
	mp_backtest_options bo = MP_BACKTEST_OPTIONS_INIT;
	bo.version = 99;
	mp_backtest_result *br = NULL;
	assert_int_equal(mp_backtest(ctx, NULL, &bo, &br), MP_EUSAGE);
	mp_bloc_opts lo = MP_BLOC_OPTS_INIT;
	lo.version = 99;
	int bloc[1];
	assert_int_equal(mp_rel_blocs(ctx, NULL, &lo, bloc, NULL), MP_EUSAGE);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_versions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
