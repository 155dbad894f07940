/* A run recorded as tables, one row per round and unit (what `multipolar negotiate --show`
 * prints and `--store` keeps): positions, risk attitudes, offers, the EU pair table,
 * per-round forecasts, SMP position probabilities, and the summary per dimension with the
 * scale's meanings and the mark nearest to the forecast (docs/bargaining.md "Output"). */
#include "bargain/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const mp_column cols_summary[] = { { "model", MP_COL_TEXT, 0 },
					  { "actors", MP_COL_INT, 0 },
					  { "rounds", MP_COL_INT, 0 },
					  { "stopped_by", MP_COL_TEXT, 0 },
					  { "dim", MP_COL_TEXT, 0 },
					  { "weighted_mean", MP_COL_REAL, 4 },
					  { "weighted_median", MP_COL_REAL, 4 },
					  { "low", MP_COL_REAL, 4 },
					  { "high", MP_COL_REAL, 4 },
					  { "nearest_mark", MP_COL_REAL, 4 },
					  { "nearest_mark_means", MP_COL_TEXT, 0 },
					  { "low_means", MP_COL_TEXT, 0 },
					  { "high_means", MP_COL_TEXT, 0 },
					  { "illustrative", MP_COL_INT, 0 } };
static const mp_column cols_pos[] = { { "round", MP_COL_INT, 0 },
				      { "actor", MP_COL_TEXT, 0 },
				      { "dim", MP_COL_TEXT, 0 },
				      { "position", MP_COL_REAL, 4 } };
static const mp_column cols_risk[] = { { "round", MP_COL_INT, 0 },
				       { "actor", MP_COL_TEXT, 0 },
				       { "risk", MP_COL_REAL, 5 } };
static const mp_column cols_eu_offers[] = { { "round", MP_COL_INT, 0 },
					    { "actor", MP_COL_TEXT, 0 },
					    { "counterpart", MP_COL_TEXT, 0 },
					    { "kind", MP_COL_TEXT, 0 },
					    { "eu_actor_challenges_counterpart", MP_COL_REAL, 5 },
					    { "eu_counterpart_challenges_actor", MP_COL_REAL, 5 },
					    { "new_x", MP_COL_REAL, 5 } };
static const mp_column cols_smp_offers[] = { { "round", MP_COL_INT, 0 },
					     { "actor", MP_COL_TEXT, 0 },
					     { "target", MP_COL_TEXT, 0 },
					     { "expected_gain", MP_COL_REAL, 6 },
					     { "p_actor_prevails", MP_COL_REAL, 5 } };
static const mp_column cols_pairs[] = { { "round", MP_COL_INT, 0 },
					{ "actor", MP_COL_TEXT, 0 },
					{ "counterpart", MP_COL_TEXT, 0 },
					{ "p_actor_beats_counterpart", MP_COL_REAL, 5 },
					{ "p_counterpart_beats_actor", MP_COL_REAL, 5 },
					{ "eu_actor_challenges_counterpart", MP_COL_REAL, 5 },
					{ "eu_counterpart_challenges_actor", MP_COL_REAL, 5 },
					{ "offer_kind", MP_COL_TEXT, 0 } };
static const mp_column cols_fc[] = { { "round", MP_COL_INT, 0 },
				     { "dim", MP_COL_TEXT, 0 },
				     { "weighted_mean", MP_COL_REAL, 4 },
				     { "weighted_median", MP_COL_REAL, 4 } };
static const mp_column cols_prob[] = { { "round", MP_COL_INT, 0 },
				       { "actor", MP_COL_TEXT, 0 },
				       { "probability", MP_COL_REAL, 5 } };
#define NCOL(a) (sizeof(a) / sizeof((a)[0]))

static const char *const tab_names[MP_BARGAIN_TAB_N] = { "summary", "positions", "risk",         "offers",
							 "pairs",   "forecast",  "probabilities" };

const char *mp_bargain_tab_name(mp_bargain_tab t)
{
	return (unsigned)t < MP_BARGAIN_TAB_N ? tab_names[t] : "?";
}

int mp_bargain_tab_parse(const char *name)
{
	for (int t = 0; t < MP_BARGAIN_TAB_N; t++)
		if (!strcmp(name, tab_names[t]))
			return t;
	return -1;
}

/* A row being written: errors are collected once (the first one wins). */
typedef struct {
	mp_table *t;
	size_t r;
	int rc;
} row;

static int row_new(mp_table *t, row *w)
{
	w->t = t;
	w->rc = mp_table_add_row(t, &w->r);
	return w->rc;
}
static void put_i(row *w, size_t c, int64_t v)
{
	mp_table_set_int(w->t, w->r, c, v);
}
static void put_r(row *w, size_t c, double v)
{
	mp_table_set_real(w->t, w->r, c, v);
}
static void put_s(row *w, size_t c, const char *v)
{
	if (!w->rc && v)
		w->rc = mp_table_set_text(w->t, w->r, c, v);
}

/* Position, risk, forecast and probability rows shared by both models. */
typedef struct {
	mp_ctx *ctx;
	const mp_bargain_input *in;
	mp_table **tab;
	double *xs;  /* 2n: positions on the input's scale, weights */
	size_t *idx; /* n */
} run_ctx;

/* Weighted mean and median of dimension k of the SMP positions x (on [0,1], n x m),
 * mapped to the input's scale, weights c_i s_ik (as run.c's final forecast). */
static void smp_forecast(run_ctx *c, size_t k, const double *x, double *mean, double *median)
{
	const mp_bargain_input *in = c->in;
	size_t n = in->n, m = in->m;
	double lo = in->scale_lo[k], hi = in->scale_hi[k];
	for (size_t i = 0; i < n; i++) {
		c->xs[i] = lo + (hi - lo) * x[i * m + k];
		c->xs[n + i] = in->cap[i] * in->sal[i * m + k];
	}
	mp_bargain_forecast(n, c->xs, 1, c->xs + n, c->idx, mean, median);
}

static int forecast_row(run_ctx *c, int round, size_t k, double mean, double median)
{
	row w;
	if (!c->tab[MP_BARGAIN_TAB_FORECAST])
		return MP_OK;
	if (row_new(c->tab[MP_BARGAIN_TAB_FORECAST], &w))
		return w.rc;
	put_i(&w, 0, round);
	put_s(&w, 1, c->in->dim[k]);
	put_r(&w, 2, mean);
	put_r(&w, 3, median);
	return w.rc;
}

static int per_actor_rows(run_ctx *c, mp_bargain_tab t, int round, const double *v)
{
	row w;
	for (size_t i = 0; c->tab[t] && i < c->in->n; i++) {
		if (row_new(c->tab[t], &w))
			return w.rc;
		put_i(&w, 0, round);
		put_s(&w, 1, c->in->actor[i]);
		put_r(&w, 2, v[i]);
		if (w.rc)
			return w.rc;
	}
	return MP_OK;
}

/* EU positions (already on the input's scale) of dimension k. */
static int position_rows(run_ctx *c, int round, size_t k, const double *x, size_t stride)
{
	row w;
	for (size_t i = 0; c->tab[MP_BARGAIN_TAB_POSITIONS] && i < c->in->n; i++) {
		if (row_new(c->tab[MP_BARGAIN_TAB_POSITIONS], &w))
			return w.rc;
		put_i(&w, 0, round);
		put_s(&w, 1, c->in->actor[i]);
		put_s(&w, 2, c->in->dim[k]);
		put_r(&w, 3, x[i * stride]);
		if (w.rc)
			return w.rc;
	}
	return MP_OK;
}

/* One summary row: the final forecast of dimension k with its scale and nearest mark. */
static int summary_row(run_ctx *c, const char *model, int rounds, mp_bargain_stop st, size_t k, double mean,
		       double median)
{
	const mp_bargain_input *in = c->in;
	row w;
	if (!c->tab[MP_BARGAIN_TAB_SUMMARY] || row_new(c->tab[MP_BARGAIN_TAB_SUMMARY], &w))
		return c->tab[MP_BARGAIN_TAB_SUMMARY] ? w.rc : MP_OK;
	put_s(&w, 0, model);
	put_i(&w, 1, (int64_t)in->n);
	put_i(&w, 2, rounds);
	put_s(&w, 3, mp_bargain_stop_name(st));
	put_s(&w, 4, in->dim[k]);
	put_r(&w, 5, mean);
	put_r(&w, 6, median);
	put_r(&w, 7, in->scale_lo[k]);
	put_r(&w, 8, in->scale_hi[k]);
	long mk = mp_bargain_nearest_mark(in, k, median);
	if (mk >= 0) {
		put_r(&w, 9, in->marks[k][mk].at);
		put_s(&w, 10, in->marks[k][mk].means);
	}
	put_s(&w, 11, in->dim_lo[k]);
	put_s(&w, 12, in->dim_hi[k]);
	put_i(&w, 13, in->illustrative);
	return w.rc;
}

static int run_eu(run_ctx *c, const mp_bargain_settings *s, int limit, int rules)
{
	mp_table **tab = c->tab;
	const mp_bargain_input *in = c->in;
	mp_bargain_eu_options eo = s->run.eu;
	eo.record_pairs = tab[MP_BARGAIN_TAB_PAIRS] != NULL;
	mp_bargain_eu *m = NULL;
	int rc = mp_bargain_eu_new(c->ctx, in, &eo, &m);
	if (rc)
		return rc;
	size_t n = in->n, k = eo.dim;
	const char *const *actor = (const char *const *)in->actor;
	mp_bargain_stop st;
	row w;
	for (;;) {
		int round = mp_bargain_eu_round(m);
		const double *x = mp_bargain_eu_positions(m);
		double mean, median;
		mp_bargain_eu_forecast(m, &mean, &median);
		if ((rc = position_rows(c, round, k, x, 1)) || (rc = forecast_row(c, round, k, mean, median)) ||
		    (round > 0 && (rc = per_actor_rows(c, MP_BARGAIN_TAB_RISK, round, mp_bargain_eu_risk(m)))))
			goto done;
		size_t nm;
		const mp_bargain_eu_move *mv = mp_bargain_eu_moves(m, &nm);
		for (size_t q = 0; round > 0 && tab[MP_BARGAIN_TAB_OFFERS] && q < nm; q++) {
			if ((rc = row_new(tab[MP_BARGAIN_TAB_OFFERS], &w)))
				goto done;
			put_i(&w, 0, round);
			put_s(&w, 1, actor[mv[q].actor]);
			put_s(&w, 2, actor[mv[q].counterpart]);
			put_s(&w, 3, mp_eu_offer_name(mv[q].kind));
			put_r(&w, 4, mv[q].eu_ij);
			put_r(&w, 5, mv[q].eu_ji);
			put_r(&w, 6, mv[q].new_x);
			if ((rc = w.rc))
				goto done;
		}
		const mp_bargain_eu_pair *P = round > 0 && tab[MP_BARGAIN_TAB_PAIRS] ? mp_bargain_eu_pairs(m) : NULL;
		for (size_t i = 0; P && i < n; i++)
			for (size_t j = 0; j < n; j++) {
				if (i == j)
					continue;
				const mp_bargain_eu_pair *p = &P[i * n + j];
				if ((rc = row_new(tab[MP_BARGAIN_TAB_PAIRS], &w)))
					goto done;
				put_i(&w, 0, round);
				put_s(&w, 1, actor[i]);
				put_s(&w, 2, actor[j]);
				put_r(&w, 3, p->p_ij);
				put_r(&w, 4, p->p_ji);
				put_r(&w, 5, p->eu_ij);
				put_r(&w, 6, p->eu_ji);
				put_s(&w, 7, mp_eu_offer_name(p->kind));
				if ((rc = w.rc))
					goto done;
			}
		mp_progress(c->ctx, "negotiate", round, limit);
		if ((st = mp_bargain_eu_status(m, rules, limit)) != MP_BARGAIN_RUNNING)
			break;
		mp_bargain__eu_progress(m, "negotiate", round, limit);
		if ((rc = mp_bargain_eu_step(m, NULL)))
			goto done;
	}
	double mean, median;
	mp_bargain_eu_forecast(m, &mean, &median);
	rc = summary_row(c, "eu", mp_bargain_eu_round(m), st, k, mean, median);
	if (mp_bargain_eu_round(m) < limit) /* stopped early: close the bar */
		mp_progress(c->ctx, "negotiate", limit, limit);
done:
	mp_bargain_eu_free(m);
	return rc;
}

static int run_smp(run_ctx *c, const mp_bargain_settings *s, int limit, int rules)
{
	mp_table **tab = c->tab;
	const mp_bargain_input *in = c->in;
	size_t n = in->n, dm = in->m;
	mp_bargain_smp_options so = s->run.smp;
	so.seed = s->seed;
	mp_bargain_smp *sm = NULL;
	int rc = mp_bargain_smp_new(c->ctx, in, &so, &sm);
	mp_bargain_stop st;
	row w;
	if (rc)
		goto done;
	for (;;) {
		int turn = mp_bargain_smp_turn(sm);
		const double *x = mp_bargain_smp_positions(sm);
		/* positions per actor and dimension, on the input's scale */
		for (size_t i = 0; tab[MP_BARGAIN_TAB_POSITIONS] && i < n; i++)
			for (size_t k = 0; k < dm; k++) {
				if ((rc = row_new(tab[MP_BARGAIN_TAB_POSITIONS], &w)))
					goto done;
				put_i(&w, 0, turn);
				put_s(&w, 1, in->actor[i]);
				put_s(&w, 2, in->dim[k]);
				put_r(&w, 3, in->scale_lo[k] + (in->scale_hi[k] - in->scale_lo[k]) * x[i * dm + k]);
				if ((rc = w.rc))
					goto done;
			}
		for (size_t k = 0; tab[MP_BARGAIN_TAB_FORECAST] && k < dm; k++) {
			double mean, median;
			smp_forecast(c, k, x, &mean, &median);
			if ((rc = forecast_row(c, turn, k, mean, median)))
				goto done;
		}
		if ((rc = per_actor_rows(c, MP_BARGAIN_TAB_RISK, turn, mp_bargain_smp_risk(sm))) ||
		    (rc = per_actor_rows(c, MP_BARGAIN_TAB_PROBABILITIES, turn, mp_bargain_smp_position_prob(sm))))
			goto done;
		size_t nc;
		const mp_bargain_smp_challenge *ch = mp_bargain_smp_challenges(sm, &nc);
		for (size_t q = 0; turn > 0 && tab[MP_BARGAIN_TAB_OFFERS] && q < nc; q++) {
			if ((rc = row_new(tab[MP_BARGAIN_TAB_OFFERS], &w)))
				goto done;
			put_i(&w, 0, turn);
			put_s(&w, 1, in->actor[ch[q].init]);
			put_s(&w, 2, in->actor[ch[q].rcvr]);
			put_r(&w, 3, ch[q].gain);
			put_r(&w, 4, ch[q].prob);
			if ((rc = w.rc))
				goto done;
		}
		mp_progress(c->ctx, "negotiate", turn, limit);
		if ((st = mp_bargain_smp_status(sm, rules, limit)) != MP_BARGAIN_RUNNING)
			break;
		mp_bargain__smp_progress(sm, "negotiate", turn, limit);
		/* offers are the challenges made in the coming turn: step first */
		if ((rc = mp_bargain_smp_step(sm)))
			goto done;
	}
	const double *x = mp_bargain_smp_positions(sm);
	for (size_t k = 0; k < dm && rc == MP_OK; k++) {
		double mean, median;
		smp_forecast(c, k, x, &mean, &median);
		rc = summary_row(c, "smp", mp_bargain_smp_turn(sm), st, k, mean, median);
	}
	if (mp_bargain_smp_turn(sm) < limit) /* stopped early: close the bar */
		mp_progress(c->ctx, "negotiate", limit, limit);
done:
	mp_bargain_smp_free(sm);
	return rc;
}

int mp_bargain_run_tables(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_settings *s, const int *want,
			  mp_table **tabs)
{
	int eu = s->run.model == MP_BARGAIN_MODEL_EU, rc;
	for (int t = 0; t < MP_BARGAIN_TAB_N; t++)
		tabs[t] = NULL;
	mp_error_clear(ctx); /* so that a table's bare MP_ENOMEM below gets a message */
	if ((rc = mp_bargain_settings_check(ctx, s, in)) || (rc = mp_bargain__check_size(ctx, in, s->run.model)))
		return rc;
	if (want[MP_BARGAIN_TAB_PAIRS] && !eu)
		return mp_error_set(ctx, MP_EUSAGE, "the pair table (pairs) is for the EU model");
	if (want[MP_BARGAIN_TAB_PROBABILITIES] && eu)
		return mp_error_set(ctx, MP_EUSAGE,
				    "position probabilities (probabilities) are for the SMP (--model smp)");
	static const mp_column *const defs[MP_BARGAIN_TAB_N] = { cols_summary, cols_pos, cols_risk, NULL,
								 cols_pairs,   cols_fc,  cols_prob };
	static const size_t ndefs[MP_BARGAIN_TAB_N] = { NCOL(cols_summary), NCOL(cols_pos), NCOL(cols_risk), 0,
							NCOL(cols_pairs),   NCOL(cols_fc),  NCOL(cols_prob) };
	for (int t = 0; t < MP_BARGAIN_TAB_N && rc == MP_OK; t++) {
		if (!want[t])
			continue;
		if (t == MP_BARGAIN_TAB_OFFERS)
			rc = mp_table_new(&tabs[t], eu ? cols_eu_offers : cols_smp_offers,
					  eu ? NCOL(cols_eu_offers) : NCOL(cols_smp_offers));
		else
			rc = mp_table_new(&tabs[t], defs[t], ndefs[t]);
	}
	run_ctx c = { ctx, in, tabs, malloc(2 * (in->n ? in->n : 1) * sizeof(double)),
		      malloc((in->n ? in->n : 1) * sizeof(size_t)) };
	if (rc == MP_OK && (!c.xs || !c.idx))
		rc = MP_ENOMEM;
	int limit = mp_bargain_run_rounds(&s->run), rules = mp_bargain_run_stop_rules(&s->run);
	if (rc == MP_OK)
		rc = eu ? run_eu(&c, s, limit, rules) : run_smp(&c, s, limit, rules);
	free(c.xs);
	free(c.idx);
	if (rc == MP_ENOMEM && !*mp_error_message(ctx))
		rc = mp_error_set(ctx, rc, "out of memory");
	if (rc != MP_OK)
		for (int t = 0; t < MP_BARGAIN_TAB_N; t++) {
			mp_table_free(tabs[t]);
			tabs[t] = NULL;
		}
	return rc;
}
