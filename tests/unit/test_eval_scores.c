/* Unit tests of the evaluation's score kernels (src/lib/eval/scores.c) and of the group
 * accumulation (accum.c) against hand computations written beside each test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"
#include "mp_test.h"
#include "multipolar/stats.h"

/* Hyndman & Fan type 7 on 1..4 (R: quantile(1:4, c(.05, .25, .5, .75, .95)) gives
 * 1.15 1.75 2.50 3.25 3.85). */
static void test_quantile_type7(void **state)
{
	(void)state;
	const double x[4] = { 1, 2, 3, 4 };
	assert_near(mp_quantile_sorted(x, 4, 0.05), 1.15, 1e-12);
	assert_near(mp_quantile_sorted(x, 4, 0.25), 1.75, 1e-12);
	assert_near(mp_quantile_sorted(x, 4, 0.5), 2.5, 1e-12);
	assert_near(mp_quantile_sorted(x, 4, 0.75), 3.25, 1e-12);
	assert_near(mp_quantile_sorted(x, 4, 0.95), 3.85, 1e-12);
	assert_near(mp_quantile_sorted(x, 4, 0), 1, 0);
	assert_near(mp_quantile_sorted(x, 4, 1), 4, 0);
	assert_true(isnan(mp_quantile_sorted(x, 0, 0.5)));
}

/* CRPS of {1,2,3,4}: by the integral of (F(x) - 1{x >= y})^2 with F the step function of
 * the members, y = 2.5: 0.25^2 + 0.5^2 * 0.5 + 0.5^2 * 0.5 + 0.25^2 = 0.375; y = 0:
 * 1 + 0.5625 + 0.25 + 0.0625 = 1.875; y = 7: 0.0625 + 0.25 + 0.5625 + 3 = 3.875. One member:
 * |x - y|. */
static void test_crps_known(void **state)
{
	(void)state;
	const double x[4] = { 1, 2, 3, 4 };
	assert_near(mp_eval_crps(x, 4, 2.5), 0.375, 1e-15);
	assert_near(mp_eval_crps(x, 4, 0), 1.875, 1e-15);
	assert_near(mp_eval_crps(x, 4, 7), 3.875, 1e-15); /* (6 + 5 + 4 + 3) / 4 - 20 / 32 */
	const double one[1] = { 0.3 };
	assert_near(mp_eval_crps(one, 1, 0.8), 0.5, 1e-15);
}

/* The energy form against the integral definition (Matheson & Winkler 1976) by the
 * midpoint rule on a fine grid, for a random ensemble: an independent computation. */
static void test_crps_integral(void **state)
{
	(void)state;
	enum { M = 37 };
	double x[M];
	uint64_t s = 12345;
	for (int i = 0; i < M; i++) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		x[i] = (double)(s >> 11) / 9007199254740992.0 * 4 - 1;
	}
	mp_sort_doubles(x, M);
	for (double y = -2; y <= 4; y += 0.75) {
		double lo = fmin(x[0], y) - 1, hi = fmax(x[M - 1], y) + 1, dx = 1e-5, integral = 0;
		for (double t = lo + dx / 2; t < hi; t += dx) {
			int k = 0;
			while (k < M && x[k] <= t)
				k++;
			double F = (double)k / M, H = t >= y ? 1 : 0;
			integral += (F - H) * (F - H) * dx;
		}
		assert_near(mp_eval_crps(x, M, y), integral, 2e-4);
	}
}

/* Central bands of {1,2,3,4}: 50% = [1.75, 3.25], 90% = [1.15, 3.85]. */
static void test_coverage(void **state)
{
	(void)state;
	const double x[4] = { 1, 2, 3, 4 };
	assert_int_equal(mp_eval_covered(x, 4, 1.5, 0.5), 0);
	assert_int_equal(mp_eval_covered(x, 4, 2.0, 0.5), 1);
	assert_int_equal(mp_eval_covered(x, 4, 3.25, 0.5), 1);
	assert_int_equal(mp_eval_covered(x, 4, 1.5, 0.9), 1);
	assert_int_equal(mp_eval_covered(x, 4, 3.9, 0.9), 0);
}

/* PIT of the rank: {1,2,3,4}, y = 2.5 -> uniform on [2/5, 3/5]: bins 5 and 6 get 0.5;
 * y = 0 -> [0, 1/5]: bins 1, 2; ties {0,0,0,1}, y = 0 -> a = 0, b = 3, [0, 4/5]: bins
 * 1..8 get 1/8; y = 5 -> [4/5, 1]: bins 9, 10. */
static void test_pit(void **state)
{
	(void)state;
	const double x[4] = { 1, 2, 3, 4 }, t[4] = { 0, 0, 0, 1 };
	double b[MP_EVAL_PIT_BINS] = { 0 };
	mp_eval_pit(x, 4, 2.5, b);
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
		assert_near(b[k], k == 4 || k == 5 ? 0.5 : 0, 1e-12);
	memset(b, 0, sizeof b);
	mp_eval_pit(x, 4, 0, b);
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
		assert_near(b[k], k < 2 ? 0.5 : 0, 1e-12);
	memset(b, 0, sizeof b);
	mp_eval_pit(t, 4, 0, b);
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
		assert_near(b[k], k < 8 ? 0.125 : 0, 1e-12);
	memset(b, 0, sizeof b);
	mp_eval_pit(t, 4, 5, b);
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
		assert_near(b[k], k >= 8 ? 0.5 : 0, 1e-12);
}

/* A calibrated ensemble has a flat PIT: members 1..99 and outcomes 0.5, 1.5, ..., 99.5
 * (each rank once) give exactly 0.1 per bin. */
static void test_pit_uniform(void **state)
{
	(void)state;
	double x[99], b[MP_EVAL_PIT_BINS] = { 0 };
	for (int i = 0; i < 99; i++)
		x[i] = i + 1;
	for (int r = 0; r <= 99; r++)
		mp_eval_pit(x, 99, r + 0.5, b);
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
		assert_near(b[k] / 100, 0.1, 1e-12);
}

/* Brier: (0.7 - 1)^2 = 0.09, (0.7 - 0)^2 = 0.49. Log: -ln 0.7 = 0.35667494393873245,
 * -ln 0.3 = 1.2039728043259361; p = 0 for an event is clamped: ln 1000 = 6.907755278982137. */
static void test_brier_log(void **state)
{
	(void)state;
	assert_near(mp_eval_brier(0.7, 1), 0.09, 1e-15);
	assert_near(mp_eval_brier(0.7, 0), 0.49, 1e-15);
	assert_near(mp_eval_log_score(0.7, 1), 0.35667494393873245, 1e-15);
	assert_near(mp_eval_log_score(0.7, 0), 1.2039728043259361, 1e-15);
	assert_near(mp_eval_log_score(0, 1), 6.907755278982137, 1e-12);
	assert_near(mp_eval_log_score(1, 0), 6.907755278982137, 1e-12);
}

/* AUC with ties: positives {0.35, 0.8, 0.4}, negatives {0.1, 0.4}; the pairs give
 * 1 + 0 + 1 + 1 + 1 + 1/2 = 4.5 of 6: 0.75. All tied: 0.5. One class: NaN. */
static void test_auc_ties(void **state)
{
	(void)state;
	const double p[5] = { 0.1, 0.4, 0.35, 0.8, 0.4 };
	const unsigned char y[5] = { 0, 0, 1, 1, 1 };
	double auc;
	assert_int_equal(mp_eval_auc(NULL, p, y, 5, &auc), MP_OK);
	assert_near(auc, 0.75, 1e-15);
	const double same[4] = { 0.2, 0.2, 0.2, 0.2 };
	const unsigned char y2[4] = { 1, 0, 1, 0 };
	assert_int_equal(mp_eval_auc(NULL, same, y2, 4, &auc), MP_OK);
	assert_near(auc, 0.5, 1e-15);
	const unsigned char y3[4] = { 1, 1, 1, 1 };
	assert_int_equal(mp_eval_auc(NULL, same, y3, 4, &auc), MP_OK);
	assert_true(isnan(auc));
	/* perfect separation */
	const double q[4] = { 0.1, 0.2, 0.3, 0.9 };
	const unsigned char y4[4] = { 0, 0, 1, 1 };
	assert_int_equal(mp_eval_auc(NULL, q, y4, 4, &auc), MP_OK);
	assert_near(auc, 1.0, 1e-15);
}

/* Groups: two ensemble cases (errors 1 and 3, CRPS 0.2 and 0.4, one inside the 50% band)
 * and a point case in another group; mae = 2, rmse = sqrt(5), crps = 0.3,
 * coverage50 = 0.5; probability cases give the Brier mean and AUC. */
static void test_accumulate(void **state)
{
	(void)state;
	ev_accset a;
	memset(&a, 0, sizeof a);
	mp_eval_result *r = calloc(1, sizeof *r);
	assert_non_null(r);
	const uint64_t k = ev_key(0, 0, MP_EVAL_GDP, EV_UNIT_ALL, EV_M_MODEL);
	const uint64_t kp = ev_key(0, 0, MP_EVAL_GDP, EV_UNIT_ALL, EV_M_PERSISTENCE);
	const uint64_t kw = ev_key(0, 0, MP_EVAL_WAR, EV_UNIT_ALL, EV_M_MODEL);
	ev_case c;
	memset(&c, 0, sizeof c);
	c.kind = EV_ENS;
	c.ae = 1;
	c.crps = 0.2;
	c.in50 = 1;
	c.in90 = 1;
	c.pit[3] = 1;
	assert_int_equal(ev_acc_add(NULL, &a, k, &c), MP_OK);
	c.ae = 3;
	c.crps = 0.4;
	c.in50 = 0;
	c.pit[3] = 0;
	c.pit[9] = 1;
	assert_int_equal(ev_acc_add(NULL, &a, k, &c), MP_OK);
	memset(&c, 0, sizeof c);
	c.kind = EV_POINT;
	c.ae = 0.5;
	assert_int_equal(ev_acc_add(NULL, &a, kp, &c), MP_OK);
	const double pp[4] = { 0.05, 0.6, 0.3, 0.95 };
	const int yy[4] = { 0, 1, 0, 1 };
	for (int i = 0; i < 4; i++) {
		memset(&c, 0, sizeof c);
		c.kind = EV_PROB;
		c.p = pp[i];
		c.y = yy[i];
		assert_int_equal(ev_acc_add(NULL, &a, kw, &c), MP_OK);
	}
	assert_int_equal(ev_acc_flush(NULL, &a, r), MP_OK);
	double got[EV_NMETRICS];
	for (int m = 0; m < EV_NMETRICS; m++)
		got[m] = NAN;
	int seen_p = 0, nrel = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].key == k)
			got[r->rows[i].metric] = r->rows[i].value;
		if (r->rows[i].key == kp && r->rows[i].metric == EV_MAE) {
			assert_near(r->rows[i].value, 0.5, 1e-15);
			seen_p = 1;
		}
		if (r->rows[i].key == kw && r->rows[i].metric == EV_BRIER)
			/* (0.05^2 + 0.4^2 + 0.3^2 + 0.05^2) / 4 */
			assert_near(r->rows[i].value, (0.0025 + 0.16 + 0.09 + 0.0025) / 4, 1e-15);
		if (r->rows[i].key == kw && r->rows[i].metric == EV_AUC)
			assert_near(r->rows[i].value, 1.0, 1e-15);
	}
	assert_true(seen_p);
	assert_near(got[EV_MAE], 2, 1e-15);
	assert_near(got[EV_RMSE], sqrt(5), 1e-15);
	assert_near(got[EV_CRPS], 0.3, 1e-15);
	assert_near(got[EV_COV50], 0.5, 1e-15);
	assert_near(got[EV_COV90], 1, 1e-15);
	assert_near(got[EV_PIT01 + 3], 0.5, 1e-15);
	assert_near(got[EV_PIT01 + 9], 0.5, 1e-15);
	for (size_t i = 0; i < r->nrel; i++)
		nrel += r->rel[i].key == kw;
	assert_int_equal(nrel, 4); /* bins 1, 4, 7 and 10 */
	/* rows come out sorted by key, then metric */
	for (size_t i = 1; i < r->nrows; i++)
		assert_true(r->rows[i - 1].key < r->rows[i].key ||
			    (r->rows[i - 1].key == r->rows[i].key && r->rows[i - 1].metric < r->rows[i].metric));
	ev_accset_free(&a);
	free(r->rows);
	free(r->rel);
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantile_type7),
		cmocka_unit_test(test_crps_known),
		cmocka_unit_test(test_crps_integral),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_pit),
		cmocka_unit_test(test_pit_uniform),
		cmocka_unit_test(test_brier_log),
		cmocka_unit_test(test_auc_ties),
		cmocka_unit_test(test_accumulate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
