/* Known-answer tests of the EU model against the reference run of the BDM (1994) EC
 * emission-standards example (shared/data/bargaining/eu/: jmckib's algorithm through
 * dmasad/bdm-scholz-expected-utility-model d7c7bbab; Scholz et al. 2011). Tolerance 1e-9. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/bargain.h"
#include "shared_data.h"

#define TOL 1e-9

typedef struct {
	char f[8][64];
	int nf;
} row;

/* Reads a small CSV (no quotes) into rows; returns the count (header skipped). */
static int read_rows(const char *rel, row *rows, int max)
{
	FILE *f = fopen(mp_test_shared_path(rel), "r");
	assert_non_null(f);
	char line[1024];
	int n = -1;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (n >= 0 && n < max) {
			row *r = &rows[n];
			r->nf = 0;
			char *p = line;
			for (;;) {
				char *c = strchr(p, ',');
				if (c)
					*c = 0;
				snprintf(r->f[r->nf++], 64, "%.63s", p);
				if (!c || r->nf == 8)
					break;
				p = c + 1;
			}
		}
		n++;
	}
	fclose(f);
	return n;
}

static size_t actor_index(const mp_bargain_input *in, const char *name)
{
	for (size_t i = 0; i < in->n; i++)
		if (!strcmp(in->actor[i], name))
			return i;
	fail_msg("unknown actor %s", name);
	return 0;
}

static mp_bargain_input *load(mp_ctx *ctx)
{
	mp_bargain_input *in = NULL;
	int rc = mp_bargain_input_read_csv(ctx, mp_test_shared_path("bargaining/eu/eu_emissions_bdm1994.csv"), 0, &in);
	if (rc)
		fail_msg("%s", mp_error_message(ctx));
	return in;
}

static void test_positions_risk_summary(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = load(ctx);
	static row pos[200], risk[200], sum[20], mov[50];
	int np = read_rows("bargaining/eu/eu_emissions_10rounds__positions.csv", pos, 200);
	int nr = read_rows("bargaining/eu/eu_emissions_10rounds__risk.csv", risk, 200);
	int ns = read_rows("bargaining/eu/eu_emissions_10rounds__summary.csv", sum, 20);
	int nm = read_rows("bargaining/eu/eu_emissions_10rounds__moves.csv", mov, 50);
	assert_int_equal(np, 110);
	assert_int_equal(nr, 100);
	mp_bargain_eu *m = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, NULL, &m), 0);
	int checked = 0, mchecked = 0;
	double maxerr = 0;
	for (int round = 0; round <= 10; round++) {
		if (round > 0) {
			size_t moved;
			assert_int_equal(mp_bargain_eu_step(m, &moved), 0);
			assert_int_equal((int)moved, atoi(sum[round].f[3]));
			for (int t = 0; t < nr; t++)
				if (atoi(risk[t].f[0]) == round) {
					double e = fabs(mp_bargain_eu_risk(m)[actor_index(in, risk[t].f[1])] -
							atof(risk[t].f[2]));
					maxerr = e > maxerr ? e : maxerr;
					assert_true(e < TOL);
					checked++;
				}
			size_t nmv;
			const mp_bargain_eu_move *mv = mp_bargain_eu_moves(m, &nmv);
			for (int t = 0; t < nm; t++) {
				if (atoi(mov[t].f[0]) != round)
					continue;
				size_t a = actor_index(in, mov[t].f[1]);
				int found = 0;
				for (size_t q = 0; q < nmv; q++)
					if (mv[q].actor == a) {
						found = 1;
						assert_string_equal(in->actor[mv[q].counterpart], mov[t].f[2]);
						assert_string_equal(mp_eu_offer_name(mv[q].kind), mov[t].f[3]);
						assert_true(fabs(mv[q].eu_ij - atof(mov[t].f[4])) < TOL);
						assert_true(fabs(mv[q].eu_ji - atof(mov[t].f[5])) < TOL);
						assert_true(fabs(mv[q].new_x - atof(mov[t].f[6])) < TOL);
						mchecked++;
					}
				assert_true(found);
			}
		}
		for (int t = 0; t < np; t++)
			if (atoi(pos[t].f[0]) == round) {
				double e = fabs(mp_bargain_eu_positions(m)[actor_index(in, pos[t].f[1])] -
						atof(pos[t].f[2]));
				maxerr = e > maxerr ? e : maxerr;
				if (e >= TOL)
					fail_msg("round %d actor %s: %.17g vs %s", round, pos[t].f[1],
						 mp_bargain_eu_positions(m)[actor_index(in, pos[t].f[1])], pos[t].f[2]);
				checked++;
			}
		double mean, median;
		mp_bargain_eu_forecast(m, &mean, &median);
		assert_int_equal(atoi(sum[round].f[0]), round);
		assert_true(fabs(mean - atof(sum[round].f[1])) < TOL);
		if (fabs(median - atof(sum[round].f[2])) >= TOL)
			fail_msg("round %d median %.17g vs %s", round, median, sum[round].f[2]);
	}
	assert_int_equal(ns, 11);
	assert_int_equal(checked, 210);
	assert_int_equal(mchecked, nm);
	print_message("EU reference: 210 values, max abs error %.3g\n", maxerr);
	mp_bargain_eu_free(m);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

static void test_pairs_round1(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = load(ctx);
	static row pr[120];
	int n = read_rows("bargaining/eu/eu_emissions_10rounds__pairs_round1.csv", pr, 120);
	assert_int_equal(n, 90);
	mp_bargain_eu_options o = MP_BARGAIN_EU_OPTIONS_INIT;
	o.record_pairs = 1;
	mp_bargain_eu *m = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, &o, &m), 0);
	assert_int_equal(mp_bargain_eu_step(m, NULL), 0);
	const mp_bargain_eu_pair *P = mp_bargain_eu_pairs(m);
	for (int t = 0; t < n; t++) {
		size_t i = actor_index(in, pr[t].f[1]), j = actor_index(in, pr[t].f[2]);
		const mp_bargain_eu_pair *p = &P[i * in->n + j];
		assert_string_equal(mp_eu_offer_name(p->kind), pr[t].f[7]);
		if (!pr[t].f[3][0])
			continue;
		assert_true(fabs(p->p_ij - atof(pr[t].f[3])) < TOL);
		assert_true(fabs(p->p_ji - atof(pr[t].f[4])) < TOL);
		assert_true(fabs(p->eu_ij - atof(pr[t].f[5])) < TOL);
		assert_true(fabs(p->eu_ji - atof(pr[t].f[6])) < TOL);
	}
	mp_bargain_eu_free(m);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

/* Runs `rounds` rounds with options o and returns the weighted mean of round `at`. */
static double mean_at(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_eu_options *o, int at)
{
	mp_bargain_eu *m = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, o, &m), 0);
	for (int r = 0; r < at; r++)
		assert_int_equal(mp_bargain_eu_step(m, NULL), 0);
	double mean, median;
	mp_bargain_eu_forecast(m, &mean, &median);
	mp_bargain_eu_free(m);
	return mean;
}

/* docs/bargaining.md A.7: the least-movement compromise rule changes the trajectory from
 * round 4 on (mean 7.604 instead of 7.358 in round 4); rounds 1-3 are unchanged. */
static void test_leastmove(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = load(ctx);
	mp_bargain_eu_options o = MP_BARGAIN_EU_OPTIONS_INIT;
	o.compromise = MP_EU_COMPROMISE_LEASTMOVE;
	assert_true(fabs(mean_at(ctx, in, &o, 3) - 7.590144997451547) < TOL);
	double m4 = mean_at(ctx, in, &o, 4);
	assert_true(fabs(m4 - 7.604) < 5e-4);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

/* A.9: with the paper's pairwise probability the example converges to one position
 * (7.0) in 3 rounds; A.6: the fixed capitulation test changes nothing in 10 rounds. */
static void test_pairwise_and_capitulation(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = load(ctx);
	mp_bargain_eu_options o = MP_BARGAIN_EU_OPTIONS_INIT;
	o.prob = MP_EU_PROB_PAIRWISE;
	mp_bargain_eu *m = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, &o, &m), 0);
	for (int r = 0; r < 3; r++)
		assert_int_equal(mp_bargain_eu_step(m, NULL), 0);
	for (size_t i = 0; i < in->n; i++)
		assert_true(fabs(mp_bargain_eu_positions(m)[i] - 7.0) < TOL);
	size_t moved;
	assert_int_equal(mp_bargain_eu_step(m, &moved), 0);
	assert_int_equal((int)moved, 0);
	assert_int_equal(mp_bargain_eu_status(m, MP_BARGAIN_STOPRULE_FIXED, 100), MP_BARGAIN_STOP_FIXED);
	mp_bargain_eu_free(m);

	mp_bargain_eu_options d = MP_BARGAIN_EU_OPTIONS_INIT, f = MP_BARGAIN_EU_OPTIONS_INIT;
	f.capitulation = MP_EU_CAPITULATION_FIXED;
	mp_bargain_eu *a = NULL, *b = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, &d, &a), 0);
	assert_int_equal(mp_bargain_eu_new(ctx, in, &f, &b), 0);
	for (int r = 0; r < 10; r++) {
		assert_int_equal(mp_bargain_eu_step(a, NULL), 0);
		assert_int_equal(mp_bargain_eu_step(b, NULL), 0);
		assert_memory_equal(mp_bargain_eu_positions(a), mp_bargain_eu_positions(b), in->n * sizeof(double));
	}
	mp_bargain_eu_free(a);
	mp_bargain_eu_free(b);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

/* C.2: the Sultan input is a fixed point from round 0 (mean 13.6199, median 13.9). */
static void test_sultan_fixed_point(void **state)
{
	(void)state;
	mp_ctx *ctx;
	mp_ctx_new(&ctx);
	mp_bargain_input *in = NULL;
	assert_int_equal(mp_bargain_input_read_csv(ctx, mp_test_shared_path("bargaining/eu/sultan.csv"), 0, &in), 0);
	mp_bargain_eu *m = NULL;
	assert_int_equal(mp_bargain_eu_new(ctx, in, NULL, &m), 0);
	size_t moved = 1;
	assert_int_equal(mp_bargain_eu_step(m, &moved), 0);
	assert_int_equal((int)moved, 0);
	double mean, median;
	mp_bargain_eu_forecast(m, &mean, &median);
	assert_true(fabs(mean - 13.6199) < 5e-5);
	assert_true(fabs(median - 13.9) < 1e-12);
	mp_bargain_eu_free(m);
	mp_bargain_input_free(in);
	mp_ctx_free(ctx);
}

int main(void)
{
	mp_test_shared_data("bargaining/eu/eu_emissions_bdm1994.csv");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions_risk_summary),
		cmocka_unit_test(test_pairs_round1),
		cmocka_unit_test(test_leastmove),
		cmocka_unit_test(test_pairwise_and_capitulation),
		cmocka_unit_test(test_sultan_fixed_point),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
