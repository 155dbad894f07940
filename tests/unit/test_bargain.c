/* Unit tests of the bargaining module: the fast EU probability paths against the direct
 * formulas of docs/bargaining.md A.3 (jmckib BDMScholzModel.probability), the weighted median,
 * and the CSV/YAML readers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "bargain/internal.h"
#include "multipolar/rng.h"

/* Direct O(n^3) probability: numerator sum_k max(0, v_k(i,j)), denominators per form. */
static double direct_prob(size_t n, const double *x, const double *w, const double *r, double delta, int raw,
			  mp_eu_prob form, size_t i, size_t j, double gden)
{
	if (x[i] == x[j])
		return 0.0;
#define G(k, y) (raw ? fabs(x[k] - (y)) : pow(fabs(x[k] - (y)) / delta, r ? r[k] : 1.0))
	double pos = 0, neg = 0;
	for (size_t k = 0; k < n; k++) {
		double v = w[k] * (G(k, x[j]) - G(k, x[i]));
		if (v > 0)
			pos += v;
		else
			neg -= v;
	}
	if (form == MP_EU_PROB_GLOBAL) {
		return pos / gden;
	}
	if (form == MP_EU_PROB_PAIRWISE)
		return pos + neg > 0 ? pos / (pos + neg) : 0.5;
	double net = pos - neg;
	return pos + neg > 0 ? (net > 0 ? net : 0) / (pos + neg) : 0.5;
#undef G
}

static void random_actors(mp_rng *g, size_t n, double *x, double *c, double *s, double *r, int dups)
{
	for (size_t i = 0; i < n; i++) {
		x[i] = dups ? (double)mp_rng_below(g, 5) * 2.5 : 100 * mp_rng_uniform(g);
		c[i] = 0.01 + mp_rng_uniform(g);
		s[i] = 0.05 + 0.95 * mp_rng_uniform(g);
		r[i] = 0.5 + 1.5 * mp_rng_uniform(g);
	}
	x[0] = 0; /* keep a non-zero range */
	x[1] = 10;
}

static void test_prob_fast_equals_direct(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_rng g;
	mp_rng_init(&g, 42, 0, 0);
	enum { N = 37 };
	double x[N], c[N], s[N], r[N], w[N], P[N * N];
	double maxrel = 0;
	for (int trial = 0; trial < 12; trial++) {
		random_actors(&g, N, x, c, s, r, trial % 2);
		double lo = x[0], hi = x[0];
		for (size_t i = 0; i < N; i++) {
			w[i] = c[i] * s[i];
			lo = x[i] < lo ? x[i] : lo;
			hi = x[i] > hi ? x[i] : hi;
		}
		for (int form = 0; form < 3; form++)
			for (int raw = 0; raw < 2; raw++)
				for (int ones = 0; ones < 2; ones++) {
					mp_bargain_eu_options o = MP_BARGAIN_EU_OPTIONS_INIT;
					o.prob = (mp_eu_prob)form;
					o.vote = raw ? MP_EU_VOTE_RAW : MP_EU_VOTE_NORMALISED;
					const double *rr = ones ? NULL : r;
					assert_int_equal(mp_bargain__eu_prob_table(ctx, N, x, c, s, rr, &o, P), 0);
					double gden = mp_bargain_eu_global_denominator_direct(N, x, w, raw ? NULL : rr,
											      hi - lo, raw);
					for (size_t i = 0; i < N; i++)
						for (size_t j = 0; j < N; j++) {
							double d = direct_prob(N, x, w, raw ? NULL : rr, hi - lo, raw,
									       (mp_eu_prob)form, i, j, gden);
							double e = fabs(P[i * N + j] - d) /
								   (fabs(d) > 1e-300 ? fabs(d) : 1);
							maxrel = e > maxrel ? e : maxrel;
							if (e > 1e-9)
								fail_msg(
									"form %d raw %d ones %d (%zu,%zu): %.17g vs %.17g",
									form, raw, ones, i, j, P[i * N + j], d);
						}
				}
	}
	print_message("fast vs direct probabilities: max relative difference %.3g\n", maxrel);
	mp_ctx_free(ctx);
}

static void test_global_denominator(void **state)
{
	(void)state;
	mp_rng g;
	mp_rng_init(&g, 7, 0, 0);
	enum { N = 60 };
	double x[N], c[N], s[N], r[N], w[N], ws[2 * N];
	size_t iws[2 * N];
	for (int trial = 0; trial < 6; trial++) {
		random_actors(&g, N, x, c, s, r, trial % 2);
		for (size_t i = 0; i < N; i++)
			w[i] = c[i] * s[i];
		for (int raw = 0; raw < 2; raw++)
			for (int ones = 0; ones < 2; ones++) {
				const double *rr = ones ? NULL : r;
				double a = mp_bargain_eu_global_denominator_direct(N, x, w, rr, 10.0, raw);
				double b = mp_bargain_eu_global_denominator(N, x, w, rr, 10.0, raw, ws, iws);
				assert_true(fabs(a - b) <= 1e-12 * fabs(a));
			}
	}
}

static void test_forecast(void **state)
{
	(void)state;
	/* weights 1,1,1,1 at 1,2,3,4: half (2) is reached at 2 */
	double x[4] = { 4, 1, 3, 2 }, w[4] = { 1, 1, 1, 1 };
	size_t idx[4];
	double mean, median;
	mp_bargain_forecast(4, x, 1, w, idx, &mean, &median);
	assert_true(fabs(mean - 2.5) < 1e-15);
	assert_true(median == 2);
	double w2[4] = { 10, 1, 1, 1 };
	mp_bargain_forecast(4, x, 1, w2, idx, &mean, &median);
	assert_true(median == 4);
}

static void test_csv_layouts(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = NULL;
	const char *bdm = "\xEF\xBB\xBFSalience,Actor,Note,Position,Capability\r\n0.5,\"A, Inc.\",x,1,2\r\n"
			  "\n40e-2,B,,2,3\r\n1,\"C \"\"c\"\"\",y,3,0\r\n";
	assert_int_equal(mp_bargain_input_parse_csv(ctx, "t.csv", bdm, strlen(bdm), 0, &in), 0);
	assert_int_equal(in->n, 3);
	assert_int_equal(in->m, 1);
	assert_string_equal(in->actor[0], "A, Inc.");
	assert_string_equal(in->actor[2], "C \"c\"");
	assert_string_equal(in->dim[0], "1");
	assert_true(in->sal[1] == 0.4 && in->cap[1] == 3 && in->pos[2] == 3);
	mp_bargain_input_free(in);
	in = NULL;
	const char *pct = "Actor,Capability,Position,Salience\nA,1,1,50\nB,1,2,100\nC,1,3,0\n";
	assert_int_equal(
		mp_bargain_input_parse_csv(ctx, "p.csv", pct, strlen(pct), MP_BARGAIN_READ_SALIENCE_PERCENT, &in), 0);
	assert_true(in->sal[0] == 0.5 && in->sal[1] == 1.0);
	mp_bargain_input_free(in);
	in = NULL;
	const char *kt = "Name, \"Desc, with comma\", 3, 2, \nA,D,Pow,P1,S1,P2,S2,\nX, x, 10, 20, 30, 40, 50,\n"
			 "Y, y, 20, 0, 10, 100, 0,\nZ, z, 5, 100, 0, 50, 50,\n";
	assert_int_equal(mp_bargain_input_parse_csv(ctx, "k.csv", kt, strlen(kt), 0, &in), 0);
	assert_int_equal(in->source, MP_BARGAIN_SRC_KTAB);
	assert_int_equal(in->n, 3);
	assert_int_equal(in->m, 2);
	assert_string_equal(in->dim[1], "P2");
	assert_string_equal(in->description, "Desc, with comma");
	assert_true(in->pos[1] == 40 && in->sal[1] == 0.5 && in->scale_hi[0] == 100);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_yaml(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	const char *y =
		"name: t\nmodel: smp\noptions:\n  rounds: 5\n  vpm: square\n"
		"dimensions:\n  - name: a\n    low: -1\n    high: 1\n    low_means: no\n    high_means: yes\n"
		"    marks: {0: neutral}\n  - name: b\n"
		"actors:\n  - name: X\n    capability: 2\n    positions: {a: 0.5, b: 10}\n    saliences: [0.25, 0.25]\n"
		"  - {name: Y, capability: 1, positions: [-1, 20], saliences: {a: 0.5, b: 0.5}}\n"
		"  - {name: Z, capability: 3, positions: [1, 30], saliences: [0.1, 0.0]}\n";
	mp_bargain_input *in = NULL;
	int rc = mp_bargain_input_parse_yaml(ctx, "t.yaml", y, strlen(y), &in);
	if (rc)
		fail_msg("%s", mp_error_message(ctx));
	assert_int_equal(in->n, 3);
	assert_int_equal(in->m, 2);
	assert_string_equal(in->model, "smp");
	assert_int_equal(in->nopt, 2);
	assert_string_equal(in->opt_key[1], "vpm");
	assert_true(in->pos[0] == 0.5 && in->pos[1] == 10 && in->pos[2] == -1);
	assert_true(in->scale_lo[0] == -1 && in->scale_hi[1] == 100);
	assert_string_equal(in->dim_hi[0], "yes");
	mp_bargain_input *cp = NULL;
	assert_int_equal(mp_bargain_input_copy(ctx, in, &cp), 0);
	assert_memory_equal(cp->pos, in->pos, 6 * sizeof(double));
	mp_bargain_input_free(cp);
	/* SMP maps positions onto [0,1] with the scale */
	mp_bargain_smp *s = NULL;
	assert_int_equal(mp_bargain_smp_new(ctx, in, NULL, &s), 0);
	assert_true(fabs(mp_bargain_smp_positions(s)[0] - 0.75) < 1e-15);
	assert_int_equal(mp_bargain_smp_step(s), 0);
	mp_bargain_smp_free(s);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_perturb_reproducible(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	const char *csv = "Actor,Capability,Position,Salience\nA,1,0,0.5\nB,2,5,0.9\nC,1,10,0.2\nD,3,7,1\n";
	mp_bargain_input *in = NULL, *a = NULL, *b = NULL, *c = NULL;
	assert_int_equal(mp_bargain_input_parse_csv(ctx, "x.csv", csv, strlen(csv), 0, &in), 0);
	mp_bargain_noise nz = MP_BARGAIN_NOISE_INIT;
	assert_int_equal(mp_bargain_perturb(ctx, in, &nz, 9, 3, &a), 0);
	assert_int_equal(mp_bargain_perturb(ctx, in, &nz, 9, 3, &b), 0);
	assert_int_equal(mp_bargain_perturb(ctx, in, &nz, 9, 4, &c), 0);
	assert_memory_equal(a->pos, b->pos, 4 * sizeof(double));
	assert_memory_equal(a->sal, b->sal, 4 * sizeof(double));
	assert_true(memcmp(a->cap, c->cap, 4 * sizeof(double)) != 0);
	for (size_t i = 0; i < 4; i++) {
		assert_true(a->pos[i] >= 0 && a->pos[i] <= 10);
		assert_true(a->sal[i] >= 0 && a->sal[i] <= 1);
	}
	mp_bargain_input_free(a);
	mp_bargain_input_free(b);
	mp_bargain_input_free(c);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prob_fast_equals_direct),
		cmocka_unit_test(test_global_denominator),
		cmocka_unit_test(test_forecast),
		cmocka_unit_test(test_csv_layouts),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_perturb_reproducible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
