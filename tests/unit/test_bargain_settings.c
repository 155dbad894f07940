/* Unit tests of the negotiation settings (bargain/settings.c: names, defaults, bounds,
 * scopes, the one check), the strict readers' helpers (decimal numbers, names,
 * suggestions) and the KTAB XML reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bargain/internal.h"

static const char *bdm = "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.4\nC,2,8,0.2\n";

static void test_model_defaults(void **state)
{
	(void)state;
	/* one truth: INIT leaves rounds and stop rules to the model */
	mp_bargain_run_options ro = MP_BARGAIN_RUN_OPTIONS_INIT;
	assert_int_equal(mp_bargain_run_rounds(&ro), 10);
	assert_int_equal(mp_bargain_run_stop_rules(&ro), 0);
	ro.model = MP_BARGAIN_MODEL_SMP;
	assert_int_equal(mp_bargain_run_rounds(&ro), 100);
	assert_int_equal(mp_bargain_run_stop_rules(&ro), MP_BARGAIN_STOPRULE_KTAB);
	ro.rounds = 0;
	ro.stop_rules = MP_BARGAIN_STOPRULE_FIXED;
	assert_int_equal(mp_bargain_run_rounds(&ro), 0);
	assert_int_equal(mp_bargain_run_stop_rules(&ro), MP_BARGAIN_STOPRULE_FIXED);
}

static void test_set_and_bounds(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = NULL;
	assert_int_equal(mp_bargain_input_parse_csv(ctx, "b.csv", bdm, strlen(bdm), 0, &in), 0);
	mp_bargain_settings s = MP_BARGAIN_SETTINGS_INIT;
	assert_int_equal(mp_bargain_settings_from_input(ctx, in, &s), 0);
	assert_int_equal(s.run.model, MP_BARGAIN_MODEL_EU);
	const mp_bargain_setting_scope cmd = MP_BARGAIN_SCOPE_COMMAND, file = MP_BARGAIN_SCOPE_SCENARIO;
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "vote", "raw", cmd, "--"), 0);
	assert_int_equal(s.run.eu.vote, MP_EU_VOTE_RAW);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "vote", "normalized", cmd, "--"), 0);
	assert_int_equal(s.run.eu.vote, MP_EU_VOTE_NORMALISED);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "rounds", "1000", cmd, "--"), 0);
	assert_int_equal(s.run.rounds, 1000);
	/* bounds, no wrap-around, no hex */
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "rounds", "1001", cmd, "--"), MP_EUSAGE);
	assert_string_equal(mp_error_message(ctx), "--rounds: expected a whole number from 0 to 1000, got '1001'");
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "rounds", "4294967298", file, "f:1:2: "), MP_EINPUT);
	assert_int_equal(s.run.rounds, 1000);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "rounds", "0x10", cmd, NULL), MP_EUSAGE);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "sensitivity", "2000000000", cmd, NULL), MP_EUSAGE);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "q", "1.5", cmd, NULL), MP_EUSAGE);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "q", "0.25", cmd, NULL), 0);
	assert_true(s.run.eu.q == 0.25);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "seed", "18446744073709551615", cmd, NULL), 0);
	assert_true(s.seed == UINT64_MAX);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "seed", "18446744073709551616", cmd, NULL), MP_EUSAGE);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "stop", "fixed,cycle", cmd, NULL), 0);
	assert_int_equal(s.run.stop_rules, MP_BARGAIN_STOPRULE_FIXED | MP_BARGAIN_STOPRULE_CYCLE);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "dim", "1", cmd, NULL), 0);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "dim", "2", cmd, NULL), MP_EUSAGE);
	/* scopes: threads and where results go are the command line's */
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "threads", "2", file, ""), MP_EINPUT);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "threads", "2", cmd, ""), 0);
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "db", "/x.sqlite", file, ""), MP_EINPUT);
	assert_non_null(strstr(mp_error_message(ctx), "'db' cannot be set in a scenario file"));
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "capabilty", "1", file, ""), MP_EINPUT);
	assert_string_equal(mp_error_message(ctx), "unknown setting 'capabilty'");
	assert_int_equal(mp_bargain_settings_set(ctx, &s, in, "sensitivty", "1", file, ""), MP_EINPUT);
	assert_string_equal(mp_error_message(ctx), "unknown setting 'sensitivty'; did you mean 'sensitivity'?");
	/* the one check: also what the library's run functions call */
	assert_int_equal(mp_bargain_settings_check(ctx, &s, in), 0);
	mp_bargain_settings bad = s;
	bad.threads = 1000;
	assert_int_equal(mp_bargain_settings_check(ctx, &bad, in), MP_ERANGE);
	bad = s;
	bad.replicates = 2000000000;
	assert_int_equal(mp_bargain_settings_check(ctx, &bad, in), MP_ERANGE);
	bad = s;
	bad.run.rounds = 100000000;
	assert_int_equal(mp_bargain_settings_check(ctx, &bad, in), MP_ERANGE);
	bad = s;
	bad.noise.pos_sd = -1;
	assert_int_equal(mp_bargain_settings_check(ctx, &bad, in), MP_ERANGE);
	double mean[4], median[4];
	mp_bargain_noise nz = MP_BARGAIN_NOISE_INIT;
	assert_int_equal(mp_bargain_sensitivity(ctx, in, &s.run, &nz, 1, 4, 1000, mean, median), MP_ERANGE);
	assert_int_equal(mp_bargain_sensitivity(ctx, in, &s.run, &nz, 1, 4, -5, mean, median), MP_ERANGE);
	/* the noise struct's version and bounds are checked where it enters */
	mp_bargain_noise bad_nz = nz;
	bad_nz.version = 0;
	assert_int_equal(mp_bargain_sensitivity(ctx, in, &s.run, &bad_nz, 1, 4, 1, mean, median), MP_EUSAGE);
	bad_nz = nz;
	bad_nz.cap_logsd = NAN;
	assert_int_equal(mp_bargain_sensitivity(ctx, in, &s.run, &bad_nz, 1, 4, 1, mean, median), MP_ERANGE);
	assert_non_null(strstr(mp_error_message(ctx), "noise-cap"));
	mp_bargain_input *pc = NULL;
	bad_nz = nz;
	bad_nz.pos_sd = 3;
	assert_int_equal(mp_bargain_perturb(ctx, in, &bad_nz, 1, 0, &pc), MP_ERANGE);
	assert_null(pc);
	s.run.rounds = 3;
	assert_int_equal(mp_bargain_sensitivity(ctx, in, &s.run, &nz, 1, 4, 256, mean, median), 0);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_describe(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = NULL;
	assert_int_equal(mp_bargain_input_parse_csv(ctx, "b.csv", bdm, strlen(bdm), 0, &in), 0);
	mp_bargain_settings s = MP_BARGAIN_SETTINGS_INIT;
	assert_int_equal(mp_bargain_settings_from_input(ctx, in, &s), 0);
	char buf[1024];
	size_t need = mp_bargain_settings_describe(&s, in, buf, sizeof buf);
	assert_int_equal(need, strlen(buf));
	assert_string_equal(buf, "model=eu rounds=10 stop=rounds seed=1 dim=1 vote=normalised probability=global "
				 "capitulation=compat compromise=scholz risk-update=simultaneous q=1 t=1 delta=initial "
				 "sensitivity=0");
	assert_int_equal(mp_bargain_settings_describe(&s, in, buf, 10), need); /* truncated, like snprintf */
	assert_int_equal(strlen(buf), 9);
	s.run.model = MP_BARGAIN_MODEL_SMP;
	s.replicates = 5;
	mp_bargain_settings_describe(&s, in, buf, sizeof buf);
	assert_non_null(strstr(buf, "model=smp rounds=100 stop=rounds,ktab seed=1 vpm=linear"));
	assert_non_null(strstr(buf, "sensitivity=5 noise-cap=0.1 noise-sal=0.05 noise-pos=0.05"));
	assert_null(strstr(buf, "vote="));
	mp_table *t = NULL;
	assert_int_equal(mp_bargain_settings_table(ctx, &s, in, &t), 0);
	assert_string_equal(mp_table_get_text(t, 1, 0), "rounds");
	assert_string_equal(mp_table_get_text(t, 1, 2), "0 to 1000");
	mp_table_free(t);
	/* the settings table is the CLI's and the docs' single source */
	for (int i = 0; i < MP_BARGAIN_SET_N; i++) {
		const mp_bargain_setting_info *info = mp_bargain_setting_get((mp_bargain_setting)i);
		assert_int_equal(mp_bargain_setting_find(info->name), i);
		assert_true((info->kind == MP_BARGAIN_SK_ENUM) ==
			    (mp_bargain_setting_values((mp_bargain_setting)i) != NULL));
	}
	assert_null(mp_bargain_setting_get(MP_BARGAIN_SET_N));
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_strict_helpers(void **state)
{
	(void)state;
	double x;
	long long n;
	static const char *const bad[] = { "0xC8", "inf", "nan", "-", "1e", " 1", "1 ", "", "1,5", "0x1p3", NULL };
	for (size_t i = 0; bad[i]; i++)
		assert_int_not_equal(mp_bargain__parse_real(bad[i], &x), 0);
	assert_int_equal(mp_bargain__parse_real("1e400", &x), MP_BARGAIN_NUM_RANGE);
	static const char *const good[] = { "1", "-2.5", "+3", ".5", "5.", "1e3", "2E-2", NULL };
	static const double want[] = { 1, -2.5, 3, 0.5, 5, 1000, 0.02 };
	for (size_t i = 0; good[i]; i++) {
		assert_int_equal(mp_bargain__parse_real(good[i], &x), 0);
		assert_true(x == want[i]);
	}
	assert_int_equal(mp_bargain__parse_int("9223372036854775807", &n), 0);
	assert_int_not_equal(mp_bargain__parse_int("9223372036854775808", &n), 0);
	assert_int_not_equal(mp_bargain__parse_int("1.0", &n), 0);
	assert_int_equal(mp_bargain__parse_int("-5", &n), 0);
	assert_true(n == -5);
	/* names */
	assert_null(mp_bargain__check_text("Côte d'Ivoire", MP_BARGAIN_NAME_MAX, 1));
	assert_string_equal(mp_bargain__check_text("A\xff", MP_BARGAIN_NAME_MAX, 1), "invalid UTF-8");
	assert_string_equal(mp_bargain__check_text("A\xc3", MP_BARGAIN_NAME_MAX, 1), "invalid UTF-8");
	assert_string_equal(mp_bargain__check_text("A\x1b[0m", MP_BARGAIN_NAME_MAX, 1), "a control character");
	assert_null(mp_bargain__check_text("two\nlines", MP_BARGAIN_TEXT_MAX, 0));
	assert_string_equal(mp_bargain__check_text("", MP_BARGAIN_NAME_MAX, 1), "empty name");
	char longname[MP_BARGAIN_NAME_MAX + 2];
	memset(longname, 'x', sizeof longname - 1);
	longname[MP_BARGAIN_NAME_MAX] = '\0';
	assert_null(mp_bargain__check_text(longname, MP_BARGAIN_NAME_MAX, 1));
	longname[MP_BARGAIN_NAME_MAX] = 'x';
	longname[MP_BARGAIN_NAME_MAX + 1] = '\0';
	assert_non_null(mp_bargain__check_text(longname, MP_BARGAIN_NAME_MAX, 1));
	/* suggestions */
	static const char *const keys[] = { "name", "capability", "position", "positions", "salience", NULL };
	assert_string_equal(mp_bargain__suggest("capabilty", keys, MP_BARGAIN_ALL), "capability");
	assert_string_equal(mp_bargain__suggest("nmae", keys, MP_BARGAIN_ALL), "name");
	assert_string_equal(mp_bargain__suggest("positons", keys, MP_BARGAIN_ALL), "positions");
	assert_null(mp_bargain__suggest("colour", keys, MP_BARGAIN_ALL));
}

static void test_xml(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	const char *x =
		"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Scenario xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
		"<name>S</name><desc>A test</desc><prngSeed>0042</prngSeed>\n"
		"<ModelParameters><VotingRule>Proportional</VotingRule><BigRAdjust>No</BigRAdjust></ModelParameters>\n"
		"<Dimensions><dName>p</dName><dName>q</dName></Dimensions><Actors>\n"
		"<Actor><name>A</name><description>a</description><capability>10</capability>\n"
		"<Position><dCoord>10</dCoord><dCoord>90</dCoord></Position><Salience><dSal>50</dSal><dSal>25</dSal></Salience></Actor>\n"
		"<Actor><name>B</name><description/><capability>20</capability>\n"
		"<Position><dCoord>60</dCoord><dCoord>0</dCoord></Position><Salience><dSal>40</dSal><dSal>40</dSal></Salience></Actor>\n"
		"<Actor><name>C</name><description/><capability>30</capability>\n"
		"<Position><dCoord>90</dCoord><dCoord>50</dCoord></Position><Salience><dSal>30</dSal><dSal>10</dSal></Salience></Actor>\n"
		"</Actors><IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos>"
		"<adjust>1</adjust></iaPair></IdealAdjustment></Scenario>\n";
	mp_bargain_input *in = NULL;
	int rc = mp_bargain_input_parse(ctx, "s.xml", x, strlen(x), 0, &in);
	if (rc)
		fail_msg("%s", mp_error_message(ctx));
	assert_int_equal(in->source, MP_BARGAIN_SRC_KTAB_XML);
	assert_int_equal(in->n, 3);
	assert_int_equal(in->m, 2);
	assert_string_equal(in->name, "S");
	assert_string_equal(in->dim[1], "q");
	assert_string_equal(in->actor_desc[1], "");
	assert_true(in->pos[1] == 90 && in->sal[1] == 0.25 && in->cap[2] == 30 && in->scale_hi[1] == 100);
	assert_int_equal(in->actor_line[1], 8);
	mp_bargain_settings s = MP_BARGAIN_SETTINGS_INIT;
	assert_int_equal(mp_bargain_settings_from_input(ctx, in, &s), 0);
	assert_int_equal(s.run.model, MP_BARGAIN_MODEL_SMP);
	assert_true(s.seed == 42);
	assert_int_equal(s.run.smp.vr, MP_SMP_VR_PROP);
	assert_int_equal(s.run.smp.radj, MP_SMP_RADJ_NONE);
	mp_bargain_input_free(in);
	in = NULL;
	/* errors name the element and its place */
	const char *y = "<Scenario><name>S</name><Dimensions><dName>p</dName></Dimensions><Actors>\n"
			"<Actor><name>A</name><capability>-1</capability></Actor></Actors></Scenario>";
	assert_int_equal(mp_bargain_input_parse_xml(ctx, "e.xml", y, strlen(y), &in), MP_EINPUT);
	assert_string_equal(mp_error_message(ctx),
			    "e.xml:2:22: KTAB XML: <capability>: expected a number > 0, got \"-1\"");
	const char *z = "<Scenario><Dimensions><dName>p</dName></Dimensions><Actors>"
			"<Actor><name>A</name><capability>1</capability><Position><dCoord>1</dCoord><dCoord>2</dCoord>"
			"</Position></Actor></Actors></Scenario>";
	assert_int_equal(mp_bargain_input_parse_xml(ctx, "z.xml", z, strlen(z), &in), MP_EINPUT);
	assert_non_null(strstr(mp_error_message(ctx), "<dCoord>: more values than the 1 dimensions"));
	mp_ctx_free(ctx);
}

static void test_nearest_mark(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	const char *y = "dimensions:\n  - {name: d, marks: {60: high, 20: low, 40: middle}}\n"
			"actors:\n  - {name: A, capability: 1, position: 10, salience: 0.5}\n"
			"  - {name: B, capability: 1, position: 50, salience: 0.5}\n"
			"  - {name: C, capability: 1, position: 90, salience: 0.5}\n";
	mp_bargain_input *in = NULL;
	int rc = mp_bargain_input_parse_yaml(ctx, "m.yaml", y, strlen(y), &in);
	if (rc)
		fail_msg("%s", mp_error_message(ctx));
	assert_int_equal(in->nmarks[0], 3);
	assert_true(in->marks[0][0].at == 20 && in->marks[0][2].at == 60); /* sorted */
	assert_int_equal(mp_bargain_nearest_mark(in, 0, 0), 0);
	assert_int_equal(mp_bargain_nearest_mark(in, 0, 30), 0); /* a tie: the lower */
	assert_int_equal(mp_bargain_nearest_mark(in, 0, 51), 2);
	assert_int_equal(mp_bargain_nearest_mark(in, 1, 51), -1);
	mp_bargain_input *cp = NULL;
	assert_int_equal(mp_bargain_input_copy(ctx, in, &cp), 0);
	assert_string_equal(cp->marks[0][1].means, "middle");
	assert_string_equal(cp->path, "m.yaml");
	assert_int_equal(cp->actor_line[2], 6);
	mp_bargain_input_free(cp);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_defaults),
		cmocka_unit_test(test_set_and_bounds),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_strict_helpers),
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_nearest_mark),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
