/* Known-answer tests of the SMP against KTAB's smpc (lsyaseen/KTAB 3b5b063, CSV defaults)
 * on dummyData_3Dim.csv and SOE-Pol-Comp.csv (shared/data/bargaining/ktab/): the same
 * number of turns, positions equal at KTAB's printed precision (2 decimals on 0..100),
 * position probabilities and convergence ratios to 4 decimals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/bargain.h"
#include "shared_data.h"

typedef struct {
	char f[4][64];
} row;

static int read_rows(const char *rel, row *rows, int max)
{
	FILE *f = fopen(mp_test_shared_path(rel), "r");
	assert_non_null(f);
	char line[1024];
	int n = -1;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (n >= 0 && n < max) {
			int nf = 0;
			char *p = line;
			for (;;) {
				char *c = strchr(p, ',');
				if (c)
					*c = 0;
				snprintf(rows[n].f[nf++], 64, "%.63s", p);
				if (!c || nf == 4)
					break;
				p = c + 1;
			}
		}
		n++;
	}
	fclose(f);
	return n;
}

static long actor_of(const mp_bargain_input *in, const char *name)
{
	for (size_t i = 0; i < in->n; i++)
		if (!strcmp(in->actor[i], name))
			return (long)i;
	return -1;
}

static long dim_of(const mp_bargain_input *in, const char *name)
{
	for (size_t k = 0; k < in->m; k++)
		if (!strcmp(in->dim[k], name))
			return (long)k;
	return -1;
}

static void check(const char *input, const char *prefix)
{
	char p1[256], p2[256], p3[256];
	snprintf(p1, sizeof p1, "bargaining/ktab/%s__positions.csv", prefix);
	snprintf(p2, sizeof p2, "bargaining/ktab/%s__position_probabilities.csv", prefix);
	snprintf(p3, sizeof p3, "bargaining/ktab/%s__convergence.csv", prefix);
	static row pos[4000], prob[2000], conv[200];
	int np = read_rows(p1, pos, 4000), npr = read_rows(p2, prob, 2000), nc = read_rows(p3, conv, 200);
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = NULL;
	char path[512];
	snprintf(path, sizeof path, "bargaining/ktab/%s", input);
	if (mp_bargain_input_read_csv(ctx, mp_test_shared_path(path), 0, &in))
		fail_msg("%s", mp_error_message(ctx));
	mp_bargain_smp *s = NULL;
	assert_int_equal(mp_bargain_smp_new(ctx, in, NULL, &s), 0);
	size_t n = in->n, m = in->m;
	double maxpos = 0, maxprob = 0, maxconv = 0;
	int npc = 0, nprc = 0, turn = 0;
	for (;;) {
		turn = mp_bargain_smp_turn(s);
		const double *x = mp_bargain_smp_positions(s);
		const double *pp = mp_bargain_smp_position_prob(s);
		for (int t = 0; t < np; t++) {
			if (atoi(pos[t].f[0]) != turn)
				continue;
			long a = actor_of(in, pos[t].f[1]), k = dim_of(in, pos[t].f[2]);
			assert_true(a >= 0 && k >= 0);
			double v = 100 * x[(size_t)a * m + (size_t)k], ref = atof(pos[t].f[3]);
			double e = fabs(v - ref);
			maxpos = e > maxpos ? e : maxpos;
			if (e > 0.005 + 1e-9)
				fail_msg("%s turn %d %s %s: %.6f vs %s", prefix, turn, pos[t].f[1], pos[t].f[2], v,
					 pos[t].f[3]);
			npc++;
		}
		for (int t = 0; t < npr; t++) {
			if (atoi(prob[t].f[0]) != turn)
				continue;
			long a = actor_of(in, prob[t].f[1]);
			assert_true(a >= 0);
			double e = fabs(pp[a] - atof(prob[t].f[2]));
			maxprob = e > maxprob ? e : maxprob;
			if (e > 0.00005 + 1e-9)
				fail_msg("%s turn %d %s prob %.6f vs %s", prefix, turn, prob[t].f[1], pp[a],
					 prob[t].f[2]);
			nprc++;
		}
		if (turn > 0) {
			assert_true(turn <= nc);
			double e = fabs(mp_bargain_smp_change_ratio(s) - atof(conv[turn - 1].f[1]));
			maxconv = e > maxconv ? e : maxconv;
			if (e > 0.00005 + 1e-9)
				fail_msg("%s turn %d ratio %.6f vs %s", prefix, turn, mp_bargain_smp_change_ratio(s),
					 conv[turn - 1].f[1]);
		}
		mp_bargain_stop st = mp_bargain_smp_status(s, MP_BARGAIN_STOPRULE_KTAB, 100);
		if (st != MP_BARGAIN_RUNNING) {
			assert_int_equal(st, MP_BARGAIN_STOP_KTAB);
			break;
		}
		assert_int_equal(mp_bargain_smp_step(s), 0);
	}
	assert_int_equal(turn, nc);
	assert_int_equal(npc, np);
	assert_int_equal(nprc, npr);
	(void)n;
	print_message("%s: %d turns; max |position error| %.4g (0..100), probabilities %.3g, ratios %.3g\n", prefix,
		      turn, maxpos, maxprob, maxconv);
	mp_bargain_smp_free(s);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_dummy3(void **state)
{
	(void)state;
	check("dummyData_3Dim.csv", "dummy3");
}

static void test_soe_pol_comp(void **state)
{
	(void)state;
	check("SOE-Pol-Comp.csv", "soe_pol_comp");
}

int main(void)
{
	mp_test_shared_data("bargaining/ktab/dummyData_3Dim.csv");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dummy3),
		cmocka_unit_test(test_soe_pol_comp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
