/* Parameters of the simulation: table, by-name access, flat YAML files and their errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/sim.h"

static void test_defaults_and_keys(void **state)
{
	(void)state;
	mp_sim_params p;
	mp_sim_params_default(&p);
	/* The defaults documented in the table (sim.h / docs/sim.md). */
	assert_near(p.economy_beta, 0.02, 0);
	assert_near(p.trade_elasticity_distance, -0.89, 0);
	/* Every key the calibration may set exists (brief of issue 5 / calib helper). */
	static const char *const calib_keys[] = { "economy.beta",
						  "economy.shock_sd",
						  "economy.momentum",
						  "economy.frontier_growth",
						  "trade.elasticity_gdp",
						  "trade.elasticity_distance",
						  "conflict.onset_const",
						  "conflict.onset_peace1",
						  "conflict.esc_major2",
						  "alignment.exit_values",
						  "military.reversion",
						  "military.war_effect",
						  "economy.tfp_speed",
						  "economy.price_elasticity",
						  "capabilities.energy_trend",
						  "demography.transition" };
	for (size_t i = 0; i < sizeof calib_keys / sizeof calib_keys[0]; i++) {
		double v;
		assert_int_equal(mp_sim_params_get(&p, calib_keys[i], &v), MP_OK);
		assert_non_null(mp_sim_params_find(calib_keys[i]));
	}
	/* Keys are unique and every row documents a unit and a source. */
	for (size_t i = 0; i < mp_sim_params_count(); i++) {
		const mp_sim_param_info *a = mp_sim_params_info(i);
		assert_true(strlen(a->unit) > 0 && strlen(a->source) > 5);
		for (size_t j = i + 1; j < mp_sim_params_count(); j++)
			assert_string_not_equal(a->key, mp_sim_params_info(j)->key);
	}
	assert_null(mp_sim_params_info(mp_sim_params_count()));
}

static void test_set_get(void **state)
{
	(void)state;
	mp_sim_params p;
	mp_sim_params_default(&p);
	assert_int_equal(mp_sim_params_set(&p, "economy.beta", 0.031), MP_OK);
	assert_near(p.economy_beta, 0.031, 0);
	double v = 0;
	assert_int_equal(mp_sim_params_get(&p, "economy.beta", &v), MP_OK);
	assert_near(v, 0.031, 0);
	assert_int_equal(mp_sim_params_set(&p, "economy.betta", 1), MP_ENOTFOUND);
	assert_int_equal(mp_sim_params_set(&p, "strategy.rollouts", -1), MP_ERANGE);
	assert_int_equal(mp_sim_params_set(&p, "economy.beta", NAN), MP_ERANGE);
	assert_near(p.economy_beta, 0.031, 0); /* unchanged by the failed sets */
}

static char *write_tmp(const char *text)
{
	char *path = strdup("/tmp/mp_test_params_XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_load(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_sim_params p;
	mp_sim_params_default(&p);
	char *f = write_tmp("# calibrated\neconomy.beta: 0.025\ntrade.elasticity_distance: -1.1 # H&M structural\n");
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_OK);
	assert_near(p.economy_beta, 0.025, 0);
	assert_near(p.trade_elasticity_distance, -1.1, 0);
	unlink(f);
	free(f);

	/* Nested under `params:` is accepted too. */
	f = write_tmp("params:\n  economy.momentum: 0.4\n");
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_OK);
	assert_near(p.economy_momentum, 0.4, 0);
	unlink(f);
	free(f);

	/* An unknown key: error with file, line 3 and the key; nothing applied. */
	f = write_tmp("economy.beta: 0.5\n\nconflict.hazard_bse: 0.1\n");
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_EINPUT);
	char want[128];
	snprintf(want, sizeof want, "%s:3:1: key 'conflict.hazard_bse'", f);
	assert_non_null(strstr(mp_error_message(ctx), want));
	assert_near(p.economy_beta, 0.025, 0);
	unlink(f);
	free(f);

	/* A value that is not a number: line 2, column of the value. */
	f = write_tmp("economy.beta: 0.02\neconomy.shock_sd: high\n");
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_EINPUT);
	snprintf(want, sizeof want, "%s:2:19: key 'economy.shock_sd': expected a number", f);
	assert_non_null(strstr(mp_error_message(ctx), want));
	unlink(f);
	free(f);
	mp_ctx_free(ctx);
}

/* Per-country parameters: sorted set with replace-on-add; lookups fall back to the default. */
static void test_units(void **state)
{
	(void)state;
	mp_sim_unit_params u = MP_SIM_UNIT_PARAMS_INIT;
	assert_near(mp_sim_units_get(NULL, 2, "economy.gap", -1.5), -1.5, 0);
	assert_near(mp_sim_units_get(&u, 2, "economy.gap", -1.5), -1.5, 0);
	/* inserted out of order, over a growth of the array */
	for (int c = 200; c > 0; c--)
		assert_int_equal(mp_sim_units_set(&u, c * 5, "economy.gap", -0.01 * c), MP_OK);
	assert_int_equal(mp_sim_units_set(&u, 710, "demography.tfr_lr", 1.7), MP_OK);
	assert_int_equal(mp_sim_units_set(&u, 710, "economy.gap", 0.25), MP_OK); /* replaces */
	assert_int_equal((int)u.n, 201);
	for (size_t i = 1; i < u.n; i++)
		assert_true(u.v[i - 1].ccode < u.v[i].ccode ||
			    (u.v[i - 1].ccode == u.v[i].ccode && strcmp(u.v[i - 1].key, u.v[i].key) < 0));
	assert_near(mp_sim_units_get(&u, 710, "economy.gap", 0), 0.25, 0);
	assert_near(mp_sim_units_get(&u, 710, "demography.tfr_lr", 0), 1.7, 0);
	assert_near(mp_sim_units_get(&u, 5, "economy.gap", 0), -0.01, 1e-15);
	assert_near(mp_sim_units_get(&u, 7, "economy.gap", 9), 9, 0);
	assert_int_equal(mp_sim_units_set(&u, 2, "", 1), MP_EINPUT);
	assert_int_equal(mp_sim_units_set(&u, 2, "k", NAN), MP_EINPUT);
	mp_sim_units_clear(&u);
	assert_int_equal((int)u.n, 0);
	mp_sim_units_clear(NULL);
}

/* A parameter file's `units:` mapping (COW code: {key: value}): mp_sim_units_load reads the
 * rows, mp_sim_params_load the flat keys beside them; bad rows name file, line and column. */
static void test_units_file(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_sim_unit_params u = MP_SIM_UNIT_PARAMS_INIT;
	char *f = write_tmp("economy.tfp_speed: 0.07\nunits:\n  710:\n    economy.tfp_gap: -0.96\n"
			    "    military.level_sd: 0.5\n  2:\n    economy.tfp_gap: 0\n");
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_OK);
	assert_near(p.economy_tfp_speed, 0.07, 0);
	assert_int_equal(mp_sim_units_load(ctx, f, &u), MP_OK);
	assert_int_equal((int)u.n, 3);
	assert_near(mp_sim_units_get(&u, 710, "economy.tfp_gap", 9), -0.96, 0);
	assert_near(mp_sim_units_get(&u, 710, "military.level_sd", 9), 0.5, 0);
	assert_near(mp_sim_units_get(&u, 2, "economy.tfp_gap", 9), 0, 0);
	unlink(f);
	free(f);
	/* a flat file has no rows */
	f = write_tmp("economy.beta: 0.02\n");
	assert_int_equal(mp_sim_units_load(ctx, f, &u), MP_OK);
	assert_int_equal((int)u.n, 3);
	unlink(f);
	free(f);
	/* a code that is not a COW code: line 2, column 3; the set is unchanged */
	f = write_tmp("units:\n  CHN:\n    economy.tfp_gap: -0.9\n");
	assert_int_equal(mp_sim_units_load(ctx, f, &u), MP_EINPUT);
	char want[160];
	snprintf(want, sizeof want, "%s:2:3: units: expected a COW code", f);
	assert_non_null(strstr(mp_error_message(ctx), want));
	/* the flat loader rejects the same file: a bad file fails whichever loader reads it */
	assert_int_equal(mp_sim_params_load(ctx, f, &p), MP_EINPUT);
	unlink(f);
	free(f);
	/* a value that is not a number: line 3, column of the value */
	f = write_tmp("units:\n  710:\n    economy.tfp_gap: low\n");
	assert_int_equal(mp_sim_units_load(ctx, f, &u), MP_EINPUT);
	snprintf(want, sizeof want, "%s:3:22: units: 710: key 'economy.tfp_gap': expected a number", f);
	assert_non_null(strstr(mp_error_message(ctx), want));
	assert_int_equal((int)u.n, 3);
	unlink(f);
	free(f);
	mp_sim_units_clear(&u);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_keys),
		cmocka_unit_test(test_set_get),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_units_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
