/* The evaluation's outputs: the tidy score CSV, score lookups, the summary and goal
 * tables, and storage in the database (docs/evaluate.md, "Output"). */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "store/q_eval.h"

#define SRC "output.c"

static int origin_of(const mp_eval_result *r, uint64_t key)
{
	int slot = ev_key_slot(key);
	return slot == EV_SLOT_ALL ? 0 : r->origins[slot];
}

int mp_eval_write_scores(mp_ctx *ctx, const mp_eval_result *r, FILE *f)
{
	char unit[48], num[32];
	fputs("origin,horizon,variable,unit,method,metric,value\n", f);
	for (size_t i = 0; i < r->nrows; i++) {
		const ev_row *w = &r->rows[i];
		int origin = origin_of(r, w->key);
		mp_format_real(num, sizeof num, w->value);
		if (origin)
			fprintf(f, "%d,", origin);
		else
			fputs("all,", f);
		fprintf(f, "%d,%s,%s,%s,%s,%s\n", r->horizons[ev_key_h(w->key)],
			mp_eval_var_name((mp_eval_var)ev_key_var(w->key)),
			ev_unit_name(r, ev_key_unit(w->key), unit, sizeof unit), r->methods[ev_key_method(w->key)],
			ev_metric_names[w->metric], num);
	}
	return ferror(f) ? mp_error_set(ctx, MP_EIO, "cannot write the scores") : MP_OK;
}

/* The row of (key, metric) by binary search (rows are sorted by key, then metric). */
static const ev_row *find_row(const mp_eval_result *r, uint64_t key, int metric)
{
	size_t lo = 0, hi = r->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const ev_row *w = &r->rows[mid];
		if (w->key < key || (w->key == key && w->metric < metric))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->nrows && r->rows[lo].key == key && r->rows[lo].metric == metric ? &r->rows[lo] : NULL;
}

static const ev_row *lookup(const mp_eval_result *r, int origin, int horizon, const char *variable, const char *unit,
			    const char *method, const char *metric)
{
	int slot = -1, hi = -1, unit_id = -1, m = -1, k = -1;
	mp_eval_var v;
	if (mp_eval_var_parse(variable, &v) != MP_OK)
		return NULL;
	if (!origin)
		slot = EV_SLOT_ALL;
	for (size_t i = 0; origin && i < r->norigins; i++)
		if (r->origins[i] == origin)
			slot = (int)i;
	for (size_t i = 0; i < r->nh; i++)
		if (r->horizons[i] == horizon)
			hi = (int)i;
	for (int i = 0; i < r->nmethods; i++)
		if (!strcmp(r->methods[i], method))
			m = i;
	for (int i = 0; i < EV_NMETRICS; i++)
		if (!strcmp(ev_metric_names[i], metric))
			k = i;
	if (!strcmp(unit, "all"))
		unit_id = EV_UNIT_ALL;
	for (int p = 0; unit_id < 0 && p < r->npoles; p++)
		if (!strcmp(r->poles[p], unit))
			unit_id = EV_POLE0 + p;
	for (int c = 1; unit_id < 0 && c < EV_NC; c++)
		if (!strcmp(r->abb[c], unit))
			unit_id = c;
	if (slot < 0 || hi < 0 || unit_id < 0 || m < 0 || k < 0)
		return NULL;
	return find_row(r, ev_key(slot, hi, (int)v, unit_id, m), k);
}

double mp_eval_get(const mp_eval_result *r, int origin, int horizon, const char *variable, const char *unit,
		   const char *method, const char *metric)
{
	const ev_row *w = lookup(r, origin, horizon, variable, unit, method, metric);
	return w ? w->value : MP_NA;
}

int64_t mp_eval_get_n(const mp_eval_result *r, int origin, int horizon, const char *variable, const char *unit,
		      const char *method, const char *metric)
{
	const ev_row *w = lookup(r, origin, horizon, variable, unit, method, metric);
	return w ? w->n : 0;
}

/* A pooled score (origins of the pool, unit "all") by indices. */
static double pooled(const mp_eval_result *r, int hi, int var, int method, int metric)
{
	const ev_row *w = find_row(r, ev_key(EV_SLOT_ALL, hi, var, EV_UNIT_ALL, method), metric);
	return w ? w->value : MP_NA;
}

static int is_war(int var)
{
	return var == MP_EVAL_WAR || var == MP_EVAL_WAR_ONSET || var == MP_EVAL_WAR_FREQ;
}

/* The methods of a variable, in table order: model, ablations, baselines. */
static int methods_of(const mp_eval_result *r, int var, int *m)
{
	int n = 0;
	m[n++] = EV_M_MODEL;
	for (int k = EV_M_FIXED; k < r->nmethods; k++)
		m[n++] = k;
	if (is_war(var)) {
		m[n++] = EV_M_OWN_RATE;
		m[n++] = EV_M_SIZE_LOGIT;
		return n;
	}
	m[n++] = EV_M_PERSISTENCE;
	m[n++] = EV_M_TREND;
	m[n++] = EV_M_RW_DRIFT;
	if (var == MP_EVAL_GDP || var == MP_EVAL_POP)
		m[n++] = EV_M_WORLD_MEAN;
	m[n++] = EV_M_SPREAD;
	return n;
}

/* Skill score of the model against a reference forecast for a loss S: 1 - S_model / S_ref
 * (Murphy 1988, "Skill scores based on the mean square error", MWR 116:2417). */
static double skill(double model, double ref)
{
	return isfinite(model) && isfinite(ref) && ref > 0 ? 1.0 - model / ref : MP_NA;
}

int mp_eval_summary(mp_ctx *ctx, const mp_eval_result *r, mp_table **out)
{
	static const mp_column cols[] = {
		{ "variable", MP_COL_TEXT, 0 },  { "horizon", MP_COL_INT, 0 },     { "method", MP_COL_TEXT, 0 },
		{ "n", MP_COL_INT, 0 },          { "mae", MP_COL_REAL, 5 },        { "rmse", MP_COL_REAL, 5 },
		{ "crps", MP_COL_REAL, 5 },      { "coverage50", MP_COL_REAL, 3 }, { "coverage90", MP_COL_REAL, 3 },
		{ "brier", MP_COL_REAL, 4 },     { "log_score", MP_COL_REAL, 4 },  { "auc", MP_COL_REAL, 3 },
		{ "skill_mae", MP_COL_REAL, 3 }, { "skill_crps", MP_COL_REAL, 3 }, { "skill_brier", MP_COL_REAL, 3 },
		{ "d_auc", MP_COL_REAL, 3 },
	};
	static const int metric_col[][2] = { { EV_MAE, 4 },   { EV_RMSE, 5 },  { EV_CRPS, 6 }, { EV_COV50, 7 },
					     { EV_COV90, 8 }, { EV_BRIER, 9 }, { EV_LOG, 10 }, { EV_AUC, 11 } };
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0]);
	for (int var = 0; var < MP_EVAL_NVARS && rc == MP_OK; var++) {
		if (!(r->vars & (1u << var)))
			continue;
		int m[EV_MAXMETHODS], nm = methods_of(r, var, m);
		for (size_t hi = 0; hi < r->nh && rc == MP_OK; hi++) {
			const ev_row *n0 = NULL;
			for (int k = 0; k < EV_NMETRICS && !n0; k++)
				n0 = find_row(r, ev_key(EV_SLOT_ALL, (int)hi, var, EV_UNIT_ALL, EV_M_MODEL), k);
			if (!n0)
				continue; /* nothing scored at this horizon (no truth) */
			for (int j = 0; j < nm && rc == MP_OK; j++) {
				size_t row;
				if ((rc = mp_table_add_row(t, &row)) != MP_OK)
					break;
				mp_table_set_text(t, row, 0, mp_eval_var_name((mp_eval_var)var));
				mp_table_set_int(t, row, 1, r->horizons[hi]);
				rc = mp_table_set_text(t, row, 2, r->methods[m[j]]);
				int64_t n = 0;
				for (size_t c = 0; c < sizeof metric_col / sizeof metric_col[0]; c++) {
					const ev_row *w = find_row(r,
								   ev_key(EV_SLOT_ALL, (int)hi, var, EV_UNIT_ALL, m[j]),
								   metric_col[c][0]);
					if (w) {
						mp_table_set_real(t, row, (size_t)metric_col[c][1], w->value);
						n = w->n;
					}
				}
				mp_table_set_int(t, row, 3, n);
				if (m[j] == EV_M_MODEL)
					continue;
				const int h = (int)hi;
				mp_table_set_real(t, row, 12,
						  skill(pooled(r, h, var, 0, EV_MAE), pooled(r, h, var, m[j], EV_MAE)));
				mp_table_set_real(
					t, row, 13,
					skill(pooled(r, h, var, 0, EV_CRPS), pooled(r, h, var, m[j], EV_CRPS)));
				mp_table_set_real(
					t, row, 14,
					skill(pooled(r, h, var, 0, EV_BRIER), pooled(r, h, var, m[j], EV_BRIER)));
				mp_table_set_real(t, row, 15,
						  pooled(r, h, var, 0, EV_AUC) - pooled(r, h, var, m[j], EV_AUC));
			}
		}
	}
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": cannot build the summary");
	}
	*out = t;
	return MP_OK;
}

/* One goal row: value vs target, status met / missed / n/a. */
static int goal(mp_table *t, const char *name, int var, int horizon, const char *reference, double model, double ref,
		double value, const char *target, int met)
{
	size_t row;
	int rc = mp_table_add_row(t, &row);
	if (rc != MP_OK)
		return rc;
	mp_table_set_text(t, row, 0, name);
	mp_table_set_text(t, row, 1, mp_eval_var_name((mp_eval_var)var));
	mp_table_set_int(t, row, 2, horizon);
	mp_table_set_text(t, row, 3, reference);
	mp_table_set_real(t, row, 4, model);
	mp_table_set_real(t, row, 5, ref);
	mp_table_set_real(t, row, 6, value);
	mp_table_set_text(t, row, 7, target);
	return mp_table_set_text(t, row, 8, !isfinite(value) ? "n/a" : met ? "met" : "missed");
}

int mp_eval_checks(mp_ctx *ctx, const mp_eval_result *r, mp_table **out)
{
	static const mp_column cols[] = {
		{ "goal", MP_COL_TEXT, 0 },      { "variable", MP_COL_TEXT, 0 }, { "horizon", MP_COL_INT, 0 },
		{ "reference", MP_COL_TEXT, 0 }, { "model", MP_COL_REAL, 5 },    { "ref_value", MP_COL_REAL, 5 },
		{ "value", MP_COL_REAL, 3 },     { "target", MP_COL_TEXT, 0 },   { "status", MP_COL_TEXT, 0 },
	};
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0]);
	/* issue 9: pooled over the origins (1970-2006 in the bench), at 10 years */
	int hi = -1;
	for (size_t i = 0; i < r->nh; i++)
		if (r->horizons[i] == 10)
			hi = (int)i;
	const int H = 10;
#define P(var, m, k) (hi >= 0 ? pooled(r, hi, var, m, k) : MP_NA)
	if (rc == MP_OK && (r->vars & (1u << MP_EVAL_CINC_SHARE))) {
		double a = P(MP_EVAL_CINC_SHARE, EV_M_MODEL, EV_MAE),
		       b = P(MP_EVAL_CINC_SHARE, EV_M_PERSISTENCE, EV_MAE);
		double v = isfinite(a) && isfinite(b) && b > 0 ? a / b : MP_NA;
		rc = goal(t, "mae ratio to persistence (world shares)", MP_EVAL_CINC_SHARE, H, "persistence", a, b, v,
			  "<= 0.80", v <= 0.8);
	}
	/* the continuous variables (war_freq is mostly a point mass at 0: its bands are
	   not a calibration check) */
	static const int cont[] = { MP_EVAL_CINC_SHARE, MP_EVAL_CINC_SHARE_TOP, MP_EVAL_GDP, MP_EVAL_POP,
				    MP_EVAL_MILEX_SHARE };
	for (size_t k = 0; k < sizeof cont / sizeof cont[0] && rc == MP_OK; k++) {
		int var = cont[k];
		if (!(r->vars & (1u << var)))
			continue;
		double c50 = P(var, EV_M_MODEL, EV_COV50), c90 = P(var, EV_M_MODEL, EV_COV90);
		rc = goal(t, "coverage50 within 7 points of 0.50", var, H, "nominal", c50, 0.5, c50, "0.43-0.57",
			  fabs(c50 - 0.5) <= 0.07 + 1e-12);
		if (rc == MP_OK)
			rc = goal(t, "coverage90 within 7 points of 0.90", var, H, "nominal", c90, 0.9, c90,
				  "0.83-0.97", fabs(c90 - 0.9) <= 0.07 + 1e-12);
		if (rc == MP_OK) {
			double a = P(var, EV_M_MODEL, EV_CRPS), b = P(var, EV_M_SPREAD, EV_CRPS), v = skill(a, b);
			rc = goal(t, "crps skill against persistence_spread", var, H, "persistence_spread", a, b, v,
				  "> 0", v > 0);
		}
	}
	static const int wars[] = { MP_EVAL_WAR, MP_EVAL_WAR_ONSET };
	for (size_t k = 0; k < 2 && rc == MP_OK; k++) {
		if (!(r->vars & (1u << wars[k])))
			continue;
		double a = P(wars[k], EV_M_MODEL, EV_AUC), b = P(wars[k], EV_M_SIZE_LOGIT, EV_AUC);
		double v = isfinite(a) && isfinite(b) ? a - b : MP_NA;
		rc = goal(t, "auc above the capability-size logit", wars[k], H, "size_logit", a, b, v, "> 0", v > 0);
	}
#undef P
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": cannot build the goal table");
	}
	*out = t;
	return MP_OK;
}

static void join_ints(char *buf, size_t size, const int *v, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%d", i ? "," : "", v[i]);
}

int mp_eval_save(mp_ctx *ctx, mp_store *s, const mp_eval_result *r, int64_t *run_id)
{
	mp_q_eval_run run;
	memset(&run, 0, sizeof run);
	snprintf(run.version, sizeof run.version, "%s", mp_version());
	join_ints(run.origins, sizeof run.origins, r->origins, r->norigins);
	join_ints(run.horizons, sizeof run.horizons, r->horizons, r->nh);
	size_t len = 0;
	for (int v = 0; v < MP_EVAL_NVARS && len < sizeof run.variables; v++)
		if (r->vars & (1u << v))
			len += (size_t)snprintf(run.variables + len, sizeof run.variables - len, "%s%s", len ? "," : "",
						mp_eval_var_name((mp_eval_var)v));
	len = 0;
	for (int m = 0; m < r->nmethods && len < sizeof run.methods; m++)
		len += (size_t)snprintf(run.methods + len, sizeof run.methods - len, "%s%s", m ? "," : "",
					r->methods[m]);
	run.runs = r->runs;
	run.seed = (int64_t)r->seed;
	run.top = r->top;
	run.pool_from = r->pool_from;
	run.pool_to = r->pool_to;
	snprintf(run.truth, sizeof run.truth, "%s", r->truth);
	snprintf(run.notes, sizeof run.notes, "%.*s", (int)sizeof run.notes - 1, r->describe);
	int64_t id = 0;
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK)
		return rc;
	rc = mp_q_eval_insert_run(ctx, s, &run, &id);
	char unit[48];
	for (size_t i = 0; i < r->nrows && rc == MP_OK; i++) {
		const ev_row *w = &r->rows[i];
		/* per state and origin (one case each) only in the CSV: the database keeps the
		   pooled rows (over states, over origins, or both) */
		if (ev_key_slot(w->key) != EV_SLOT_ALL && ev_key_unit(w->key) != EV_UNIT_ALL)
			continue;
		rc = mp_q_eval_insert_score(ctx, s, id, origin_of(r, w->key), r->horizons[ev_key_h(w->key)],
					    mp_eval_var_name((mp_eval_var)ev_key_var(w->key)),
					    ev_unit_name(r, ev_key_unit(w->key), unit, sizeof unit),
					    r->methods[ev_key_method(w->key)], ev_metric_names[w->metric], w->value,
					    w->n);
		if (rc == MP_OK && (i & 0xffff) == 0)
			mp_progress(ctx, "store", (double)i, (double)r->nrows);
	}
	for (size_t i = 0; i < r->nrel && rc == MP_OK; i++) {
		const ev_rel *b = &r->rel[i];
		rc = mp_q_eval_insert_rel(ctx, s, id, origin_of(r, b->key), r->horizons[ev_key_h(b->key)],
					  mp_eval_var_name((mp_eval_var)ev_key_var(b->key)),
					  r->methods[ev_key_method(b->key)], b->bin, b->n, b->mean_p, b->freq);
	}
	if (rc == MP_OK)
		rc = mp_store_commit(ctx, s);
	if (rc != MP_OK) {
		mp_store_rollback(s);
		return rc;
	}
	mp_progress(ctx, "store", (double)r->nrows, (double)r->nrows);
	if (run_id)
		*run_id = id;
	return MP_OK;
}
