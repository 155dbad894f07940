/* Scenario files: the shipped scenarios load as deltas over the baseline; bad files
 * report the file, line and key. */
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

static mp_ctx *ctx;
static mp_scenario sc;

static void test_shipped(void **state)
{
	(void)state;
	static const char *const names[] = { "baseline",
					     "decoupling",
					     "sino-russian-axis",
					     "russian-breakthrough",
					     "multipolar-club",
					     "china-supports-russia",
					     "china-supports-russia-secondary" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_int_equal(mp_scenario_load(ctx, names[i], &sc), MP_OK);
		assert_string_equal(sc.name, names[i]);
		assert_int_equal(sc.start, 0);
		assert_int_equal(sc.horizon, 2050);
		assert_int_equal(sc.runs, 200);
		assert_int_equal((int)sc.ncamps, 4);
		/* every scenario keeps the baseline's sanctions on Russia as its first lever */
		assert_true(sc.nlevers >= 1);
		assert_int_equal(sc.levers[0].kind, MP_LEVER_SANCTIONS);
		assert_string_equal(sc.levers[0].a, "West");
		assert_string_equal(sc.levers[0].b, "RUS");
		assert_near(sc.levers[0].value, 0.7, 0);
		assert_int_equal(sc.levers[0].from, 0); /* in force from the start world on */
	}
	assert_int_equal(mp_scenario_load(ctx, "decoupling", &sc), MP_OK);
	assert_int_equal((int)sc.nlevers, 3);
	assert_int_equal(sc.levers[2].from, 2030);
	assert_int_equal(sc.levers[2].to, 0);
	assert_int_equal(mp_scenario_load(ctx, "china-supports-russia-secondary", &sc), MP_OK);
	assert_int_equal((int)sc.nlevers, 3);
	assert_int_equal(sc.levers[1].kind, MP_LEVER_SUPPORT);
	assert_near(sc.levers[2].secondary, 0.5, 0);
	assert_int_equal(mp_scenario_load(ctx, "multipolar-club", &sc), MP_OK);
	assert_int_equal(sc.levers[1].kind, MP_LEVER_JOIN);
	assert_int_equal(sc.levers[1].nside[0], 10);
	assert_int_equal(mp_scenario_load(ctx, "russian-breakthrough", &sc), MP_OK);
	assert_int_equal(sc.levers[1].kind, MP_LEVER_GROWTH);
	assert_near(sc.levers[1].value, 0.015, 0);
	assert_int_equal(sc.levers[1].to, 2040);
}

static char *write_tmp(const char *text)
{
	char *path = strdup("/tmp/mp_test_scenario_XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void expect_error(const char *text, int line, const char *key)
{
	char *f = write_tmp(text);
	assert_int_equal(mp_scenario_load(ctx, f, &sc), MP_EINPUT);
	char want[160];
	snprintf(want, sizeof want, "%s:%d:", f, line);
	const char *msg = mp_error_message(ctx);
	if (!strstr(msg, want) || !strstr(msg, key))
		fail_msg("message '%s' lacks '%s' or key '%s'", msg, want, key);
	unlink(f);
	free(f);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("horizon: 2040\nrunz: 10\n", 2, "'runz'");
	expect_error("horizon: twenty\n", 1, "'horizon'");
	expect_error("levers:\n  - { type: sanctions, between: [West] }\n", 2, "'between'");
	expect_error("levers:\n  - type: growth\n    value: 0.01\n", 2, "'state'");
	expect_error("levers:\n  - { type: teleport, state: USA }\n", 2, "'type'");
	expect_error("levers:\n  - { type: sanctions, by: West, on: RUS, strength: 1.5 }\n", 2, "'strength'");
	expect_error("levers:\n  - { type: sanctions, by: West }\n", 2, "'on'");
	expect_error("levers:\n  - { type: sanctions, by: West, on: RUS, secondary: -1 }\n", 2, "'secondary'");
	expect_error("levers:\n  - { type: aid, donor: [CHN, IND], recipient: RUS, share: 0.01 }\n", 2, "'donor'");
	expect_error("levers:\n  - { type: join, state: RUS, camp: [China, club] }\n", 2, "'camp'");
	expect_error("levers:\n  - { type: support, donor: CHN, recipient: RUS, secondary: 1 }\n", 2, "'secondary'");
	expect_error("shocks:\n  - { type: gdp, state: RUS, value: -0.1 }\n", 2, "'year'");
	expect_error("overrides:\n  economy.beta: 0.03\n  economy.bta: 0.03\n", 3, "'economy.bta'");
	expect_error("camps:\n  West: { leader: [USA] }\n", 2, "'leader'");
	expect_error("horizon: [2050\n", 2, "YAML syntax"); /* libyaml reports the end of the flow */
	expect_error("base: no-such-file.yaml\n", 1, "'base'");
}

/* Lever sets, secondary sanctions and support parse with each name's line and column. */
static void test_lever_sets(void **state)
{
	(void)state;
	char *f = write_tmp("levers:\n"
			    "  - { type: sanctions, by: [West, JPN], on: RUS, strength: 0.7, secondary: 0.4 }\n"
			    "  - type: support\n"
			    "    donor: CHN\n"
			    "    recipient: RUS\n"
			    "    share: 0.002\n"
			    "    trade: 0.5\n"
			    "    dual_use: 0.25\n"
			    "  - { type: join, state: [IND, BRA], camp: club, from: 2030 }\n");
	assert_int_equal(mp_scenario_load(ctx, f, &sc), MP_OK);
	assert_int_equal((int)sc.nlevers, 3);
	const mp_lever *l = &sc.levers[0];
	assert_int_equal(l->kind, MP_LEVER_SANCTIONS);
	assert_int_equal(l->nside[0], 2);
	assert_int_equal(l->nside[1], 1);
	assert_string_equal(l->side[0][1].name, "JPN");
	assert_int_equal(l->side[0][1].line, 2);
	assert_int_equal(l->side[0][1].col, 35);
	assert_string_equal(l->a, "West");
	assert_string_equal(l->b, "RUS");
	assert_near(l->secondary, 0.4, 0);
	assert_string_equal(sc.files[l->file], f);
	l = &sc.levers[1];
	assert_int_equal(l->kind, MP_LEVER_SUPPORT);
	assert_near(l->value, 0.002, 0);
	assert_near(l->trade, 0.5, 0);
	assert_near(l->dual_use, 0.25, 0);
	assert_int_equal(l->line, 3);
	l = &sc.levers[2];
	assert_int_equal(l->kind, MP_LEVER_JOIN);
	assert_int_equal(l->nside[0], 2);
	assert_string_equal(l->b, "club");
	assert_int_equal(l->from, 2030);
	unlink(f);
	free(f);
}

static void test_overrides_and_params(void **state)
{
	(void)state;
	char *pf = write_tmp("economy.beta: 0.03\nconflict.onset_const: -2.5\n");
	char text[512];
	snprintf(
		text, sizeof text,
		"base: baseline.yaml\nname: t\nstart: 2000\nhorizon: 2010\nparams: %s\noverrides:\n  economy.beta: 0.025\n",
		pf);
	/* base resolves against the data directory when not beside the file */
	char *f = write_tmp(text);
	assert_int_equal(mp_scenario_load(ctx, f, &sc), MP_OK);
	assert_near(sc.params.economy_beta, 0.025, 0);
	assert_near(sc.params.conflict_onset_const, -2.5, 0);
	assert_int_equal(sc.start, 2000);
	assert_string_equal(sc.name, "t");
	unlink(f);
	unlink(pf);
	free(f);
	free(pf);
}

static int setup(void **state)
{
	(void)state;
	return mp_ctx_new(&ctx);
}

static int teardown(void **state)
{
	(void)state;
	mp_ctx_free(ctx);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_lever_sets),
		cmocka_unit_test(test_overrides_and_params),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
