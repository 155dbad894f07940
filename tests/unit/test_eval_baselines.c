/* Unit tests of the evaluation's baselines (src/lib/eval/baselines.c) on a synthetic
 * panel whose answers are known in closed form, and the no-leak property: the baselines
 * of an origin are identical whatever the panel holds after it, and refuse a history that
 * runs past the origin. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"
#include "mp_test.h"
#include "multipolar/stats.h"

enum { A = 2, B = 200, C = 365 };
#define Y0 1940

/* Years 1900..last. Shares sum to 1 every year: A 0.4, B 0.1 + 0.002 k, C 0.5 - 0.002 k
 * (k = year - 1900), so each share is a line. Population A 100 e^{0.02 k}, B 50 e^{0.01 k},
 * C 80; milex = cinc. A at war in 1910, 1911 and 1930. */
static void make_panel(ev_panel *p, int last)
{
	assert_int_equal(ev_panel_alloc(NULL, p, 1900, last), MP_OK);
	p->war_first = 1900;
	p->war_last = last;
	p->has_gdp = 1;
	for (int y = 1900; y <= last; y++) {
		double k = y - 1900;
		const int cc[3] = { A, B, C };
		const double cinc[3] = { 0.4, 0.1 + 0.002 * k, 0.5 - 0.002 * k };
		const double pop[3] = { 100 * exp(0.02 * k), 50 * exp(0.01 * k), 80 };
		for (int i = 0; i < 3; i++) {
			size_t at = ev_at(p, y, cc[i]);
			p->present[at] = 1;
			p->cinc[at] = cinc[i];
			p->milex[at] = cinc[i];
			p->tpop[at] = pop[i];
			p->gdp[at] = 10 * pop[i];
			p->war[at] = cc[i] == A && (y == 1910 || y == 1911 || y == 1930);
		}
	}
}

static const int horizons[2] = { 5, 10 };
static int ccodes[3] = { A, B, C };
static size_t actors[3] = { 0, 1, 2 };
static int poles[3] = { -1, -1, -1 };
static int top[3] = { C, A, B };

static ev_origin origin(unsigned vars)
{
	ev_origin og;
	memset(&og, 0, sizeof og);
	og.year = Y0;
	og.hmax = 10;
	og.horizons = horizons;
	og.nh = 2;
	og.vars = vars;
	og.ns = 3;
	og.ccode = ccodes;
	og.actor = actors;
	og.pole_of = poles;
	og.ntop = 3;
	og.top = top;
	return og;
}

static const ev_baseline_opts bo = { 10, 20, 2 };

static double value(const ev_fcset *f, int var, int year, int unit, int method)
{
	const ev_fc *fc = ev_fc_find(f, var, year, unit, method);
	assert_non_null(fc);
	return f->buf[fc->off];
}

static void test_known_answers(void **state)
{
	(void)state;
	ev_panel full, h;
	ev_fcset f;
	memset(&f, 0, sizeof f);
	make_panel(&full, 1960);
	assert_int_equal(ev_panel_cut(NULL, &full, Y0, &h), MP_OK);
	ev_origin og = origin((1u << MP_EVAL_CINC_SHARE) | (1u << MP_EVAL_POP) | (1u << MP_EVAL_WAR) |
			      (1u << MP_EVAL_WAR_ONSET) | (1u << MP_EVAL_WAR_FREQ));
	assert_int_equal(ev_baselines(NULL, &og, &h, &bo, &f), MP_OK);
	ev_fc_index(&f);
	/* shares: B is 0.18 in 1940; its line gives 0.19 in 1945 and 0.20 in 1950 */
	assert_near(value(&f, MP_EVAL_CINC_SHARE, 1945, B, EV_M_PERSISTENCE), 0.18, 1e-12);
	assert_near(value(&f, MP_EVAL_CINC_SHARE, 1945, B, EV_M_TREND), 0.19, 1e-12);
	assert_near(value(&f, MP_EVAL_CINC_SHARE, 1950, B, EV_M_TREND), 0.20, 1e-12);
	/* drift from 1930 (0.16) to 1940 (0.18): 0.18 (0.18 / 0.16)^(h / 10) */
	assert_near(value(&f, MP_EVAL_CINC_SHARE, 1945, B, EV_M_RW_DRIFT), 0.18 * sqrt(0.18 / 0.16), 1e-12);
	assert_near(value(&f, MP_EVAL_CINC_SHARE, 1950, B, EV_M_RW_DRIFT), 0.18 * 0.18 / 0.16, 1e-12);
	/* population growth: persistence 0, trend and drift 0.02 for A, world mean (0.02 + 0.01 + 0) / 3 */
	assert_near(value(&f, MP_EVAL_POP, 1950, A, EV_M_PERSISTENCE), 0, 0);
	assert_near(value(&f, MP_EVAL_POP, 1950, A, EV_M_TREND), 0.02, 1e-12);
	assert_near(value(&f, MP_EVAL_POP, 1945, A, EV_M_RW_DRIFT), 0.02, 1e-12);
	assert_near(value(&f, MP_EVAL_POP, 1945, B, EV_M_TREND), 0.01, 1e-12);
	assert_near(value(&f, MP_EVAL_POP, 1945, C, EV_M_WORLD_MEAN), 0.01, 1e-12);
	/* the spread baseline's median is persistence */
	const ev_fc *sp = ev_fc_find(&f, MP_EVAL_CINC_SHARE, 1950, B, EV_M_SPREAD);
	assert_non_null(sp);
	double *m = malloc(sp->m * sizeof *m);
	memcpy(m, f.buf + sp->off, sp->m * sizeof *m);
	mp_sort_doubles(m, sp->m);
	assert_near(mp_quantile_sorted(m, sp->m, 0.5), value(&f, MP_EVAL_CINC_SHARE, 1950, B, EV_M_PERSISTENCE), 1e-15);
	assert_int_equal(sp->m, 20 * 2); /* 20 windows x 2 analogs */
	free(m);
	/* own rates, Jeffreys: A fought in 3 of the 41 years 1900-1940, entered wars twice */
	assert_near(value(&f, MP_EVAL_WAR, 1941, A, EV_M_OWN_RATE), 3.5 / 42, 1e-15);
	assert_near(value(&f, MP_EVAL_WAR_ONSET, 1941, A, EV_M_OWN_RATE), 2.5 / 42, 1e-15);
	assert_near(value(&f, MP_EVAL_WAR, 1950, B, EV_M_OWN_RATE), 0.5 / 42, 1e-15);
	/* war_freq: Binomial(h, p) / h quantile members have mean close to p */
	const ev_fc *wf = ev_fc_find(&f, MP_EVAL_WAR_FREQ, 1950, A, EV_M_OWN_RATE);
	assert_non_null(wf);
	double mean = 0;
	for (size_t j = 0; j < wf->m; j++)
		mean += f.buf[wf->off + j] / (double)wf->m;
	assert_near(mean, 3.5 / 42, 0.01);
	ev_fcset_free(&f);
	ev_panel_free(&h);
	ev_panel_free(&full);
}

/* The size logit with two capability levels is saturated: its fitted probabilities are
 * the two groups' frequencies (A: 10 war years of 41, cinc 0.4; C: 2 of 41, cinc 0.1). */
static void test_size_logit_saturated(void **state)
{
	(void)state;
	ev_panel h;
	ev_fcset f;
	memset(&f, 0, sizeof f);
	assert_int_equal(ev_panel_alloc(NULL, &h, 1900, Y0), MP_OK);
	h.war_first = 1900;
	h.war_last = Y0;
	for (int y = 1900; y <= Y0; y++) {
		size_t a = ev_at(&h, y, A), c = ev_at(&h, y, C);
		h.present[a] = h.present[c] = 1;
		h.cinc[a] = 0.4;
		h.cinc[c] = 0.1;
		h.war[a] = y % 4 == 0 && y < 1940; /* 1900, 1904, ..., 1936: 10 years */
		h.war[c] = y == 1905 || y == 1925;
	}
	static int cc[2] = { A, C };
	ev_origin og = origin(1u << MP_EVAL_WAR);
	og.ns = 2;
	og.ccode = cc;
	og.ntop = 0;
	assert_int_equal(ev_baselines(NULL, &og, &h, &bo, &f), MP_OK);
	ev_fc_index(&f);
	assert_near(value(&f, MP_EVAL_WAR, 1941, A, EV_M_SIZE_LOGIT), 10.0 / 41, 1e-8);
	assert_near(value(&f, MP_EVAL_WAR, 1941, C, EV_M_SIZE_LOGIT), 2.0 / 41, 1e-8);
	ev_fcset_free(&f);
	ev_panel_free(&h);
}

/* Changing every value after the origin changes no baseline; a history that runs past
 * the origin is refused. */
static void test_no_leak(void **state)
{
	(void)state;
	ev_panel a, b, ha, hb;
	ev_fcset fa, fb;
	memset(&fa, 0, sizeof fa);
	memset(&fb, 0, sizeof fb);
	make_panel(&a, 1960);
	make_panel(&b, 1960);
	for (int y = Y0 + 1; y <= 1960; y++)
		for (int c = 1; c < EV_NC; c++) {
			size_t at = ev_at(&b, y, c);
			b.present[at] = c % 3 == 0;
			b.cinc[at] = b.tpop[at] = b.milex[at] = b.gdp[at] = 1000.0 + y + c;
			b.war[at] = 1;
		}
	unsigned all = (1u << MP_EVAL_NVARS) - 1;
	ev_origin og = origin(all);
	assert_int_equal(ev_panel_cut(NULL, &a, Y0, &ha), MP_OK);
	assert_int_equal(ev_panel_cut(NULL, &b, Y0, &hb), MP_OK);
	assert_int_equal(ev_baselines(NULL, &og, &ha, &bo, &fa), MP_OK);
	assert_int_equal(ev_baselines(NULL, &og, &hb, &bo, &fb), MP_OK);
	assert_true(fa.n > 0);
	assert_int_equal(fa.n, fb.n);
	assert_int_equal(fa.nbuf, fb.nbuf);
	assert_memory_equal(fa.v, fb.v, fa.n * sizeof *fa.v);
	assert_memory_equal(fa.buf, fb.buf, fa.nbuf * sizeof *fa.buf);
	/* the check can fail: a change at the origin itself changes the baselines */
	hb.cinc[ev_at(&hb, Y0, B)] += 0.01;
	ev_fcset_clear(&fb);
	assert_int_equal(ev_baselines(NULL, &og, &hb, &bo, &fb), MP_OK);
	assert_true(fa.nbuf != fb.nbuf || memcmp(fa.buf, fb.buf, fa.nbuf * sizeof *fa.buf) != 0);
	/* the uncut panel holds later years: refused */
	ev_fcset_clear(&fb);
	assert_int_equal(ev_baselines(NULL, &og, &a, &bo, &fb), MP_ERROR);
	ev_fcset_free(&fa);
	ev_fcset_free(&fb);
	ev_panel_free(&a);
	ev_panel_free(&b);
	ev_panel_free(&ha);
	ev_panel_free(&hb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_answers),
		cmocka_unit_test(test_size_logit_saturated),
		cmocka_unit_test(test_no_leak),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
