/* Queries of the evaluation and of the report's Forecast skill section (q_eval.h). */
#include "q_eval.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define SRC "q_eval.c"

int mp_q_eval_war_years(mp_ctx *ctx, mp_store *s, int from, int until, int **cy, size_t *n, int *first, int *last)
{
	*cy = NULL;
	*n = 0;
	mp_dataset_info d;
	int rc = mp_store_dataset_pick(ctx, s, "war_inter", NULL, &d);
	if (rc != MP_OK)
		return rc;
	*first = d.year_min;
	*last = d.year_max;
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(ctx, s,
				    "SELECT DISTINCT ccode1, year FROM war_inter WHERE dsid = ?1 AND year >= ?2"
				    " AND year <= ?3 AND ccode1 IS NOT NULL ORDER BY ccode1, year",
				    &st)) != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, d.id);
	sqlite3_bind_int(st, 2, from);
	sqlite3_bind_int(st, 3, until);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 512;
			int *v = realloc(*cy, 2 * cap * sizeof *v);
			if (!v) {
				sqlite3_reset(st);
				free(*cy);
				*cy = NULL;
				return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
			}
			*cy = v;
		}
		(*cy)[2 * *n] = sqlite3_column_int(st, 0);
		(*cy)[2 * *n + 1] = sqlite3_column_int(st, 1);
		(*n)++;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(*cy);
		*cy = NULL;
		*n = 0;
		return mp_store__error(ctx, s, "read war_inter");
	}
	return MP_OK;
}

static void bind_real(sqlite3_stmt *st, int col, double v)
{
	if (mp_is_na(v) || !isfinite(v))
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_double(st, col, v);
}

static void bind_origin(sqlite3_stmt *st, int col, int origin)
{
	if (origin)
		sqlite3_bind_int(st, col, origin);
	else
		sqlite3_bind_null(st, col);
}

static int step_done(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, what);
	sqlite3_reset(st);
	return rc;
}

int mp_q_eval_insert_run(mp_ctx *ctx, mp_store *s, const mp_q_eval_run *r, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"INSERT INTO eval_run (version, origins, horizons, variables, methods, runs, seed, top,"
		" pool_from, pool_to, truth, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, r->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, r->origins, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r->horizons, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, r->variables, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, r->methods, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, r->runs);
	sqlite3_bind_int64(st, 7, r->seed);
	sqlite3_bind_int(st, 8, r->top);
	sqlite3_bind_int(st, 9, r->pool_from);
	sqlite3_bind_int(st, 10, r->pool_to);
	sqlite3_bind_text(st, 11, r->truth, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, r->notes, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(ctx, s, st, "save evaluation run")) == MP_OK)
		*id = sqlite3_last_insert_rowid(mp_store__db(s));
	return rc;
}

int mp_q_eval_insert_score(mp_ctx *ctx, mp_store *s, int64_t run, int origin, int horizon, const char *variable,
			   const char *unit, const char *method, const char *metric, double value, int64_t n)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"INSERT INTO eval_score (run, origin, horizon, variable, unit, method, metric, value, n)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run);
	bind_origin(st, 2, origin);
	sqlite3_bind_int(st, 3, horizon);
	sqlite3_bind_text(st, 4, variable, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, method, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, metric, -1, SQLITE_STATIC);
	bind_real(st, 8, value);
	sqlite3_bind_int64(st, 9, n);
	return step_done(ctx, s, st, "save evaluation score");
}

int mp_q_eval_insert_rel(mp_ctx *ctx, mp_store *s, int64_t run, int origin, int horizon, const char *variable,
			 const char *method, int bin, int64_t n, double mean_p, double freq)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"INSERT INTO eval_reliability (run, origin, horizon, variable, method, bin, n, mean_p, freq)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run);
	bind_origin(st, 2, origin);
	sqlite3_bind_int(st, 3, horizon);
	sqlite3_bind_text(st, 4, variable, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, method, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, bin);
	sqlite3_bind_int64(st, 7, n);
	bind_real(st, 8, mean_p);
	bind_real(st, 9, freq);
	return step_done(ctx, s, st, "save evaluation reliability");
}

static void text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

int mp_q_eval_latest(mp_ctx *ctx, mp_store *s, mp_q_eval_run *out)
{
	memset(out, 0, sizeof *out);
	if (!mp_store__has_table(s, "eval_run") || !mp_store__has_table(s, "eval_score"))
		return MP_ENOTFOUND;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"SELECT id, created_at, version, origins, horizons, variables, methods, runs, seed, top,"
		" pool_from, pool_to, truth, notes FROM eval_run ORDER BY id DESC LIMIT 1",
		&st);
	if (rc != MP_OK)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		text(out->created_at, sizeof out->created_at, st, 1);
		text(out->version, sizeof out->version, st, 2);
		text(out->origins, sizeof out->origins, st, 3);
		text(out->horizons, sizeof out->horizons, st, 4);
		text(out->variables, sizeof out->variables, st, 5);
		text(out->methods, sizeof out->methods, st, 6);
		out->runs = sqlite3_column_int(st, 7);
		out->seed = sqlite3_column_int64(st, 8);
		out->top = sqlite3_column_int(st, 9);
		out->pool_from = sqlite3_column_int(st, 10);
		out->pool_to = sqlite3_column_int(st, 11);
		text(out->truth, sizeof out->truth, st, 12);
		text(out->notes, sizeof out->notes, st, 13);
	}
	sqlite3_reset(st);
	if (step == SQLITE_DONE)
		return MP_ENOTFOUND;
	return step == SQLITE_ROW ? MP_OK : mp_store__error(ctx, s, "read eval_run");
}

/* Collects rows of a prepared statement with fn, growing *out. */
typedef void (*read_fn)(void *row, sqlite3_stmt *st);

static int collect(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, size_t size, read_fn fn, void **out, size_t *n)
{
	size_t cap = 0;
	char *v = NULL;
	int step;
	*n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			char *nv = realloc(v, cap * size);
			if (!nv) {
				free(v);
				sqlite3_reset(st);
				return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
			}
			v = nv;
		}
		memset(v + *n * size, 0, size);
		fn(v + *n * size, st);
		(*n)++;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(v);
		*n = 0;
		return mp_store__error(ctx, s, "read evaluation results");
	}
	*out = v;
	return MP_OK;
}

static void read_score(void *vr, sqlite3_stmt *st)
{
	mp_q_eval_score *r = vr;
	r->horizon = sqlite3_column_int(st, 0);
	text(r->variable, sizeof r->variable, st, 1);
	text(r->method, sizeof r->method, st, 2);
	text(r->metric, sizeof r->metric, st, 3);
	r->value = mp_store__real(st, 4);
	r->n = sqlite3_column_int64(st, 5);
}

int mp_q_eval_pooled(mp_ctx *ctx, mp_store *s, int64_t run, mp_q_eval_score **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"SELECT horizon, variable, method, metric, value, n FROM eval_score"
		" WHERE run = ?1 AND unit = 'all' AND origin IS NULL ORDER BY variable, horizon, method, metric",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run);
	return collect(ctx, s, st, sizeof **out, read_score, (void **)out, n);
}

static void read_bin(void *vr, sqlite3_stmt *st)
{
	mp_q_eval_bin *b = vr;
	b->horizon = sqlite3_column_int(st, 0);
	text(b->variable, sizeof b->variable, st, 1);
	text(b->method, sizeof b->method, st, 2);
	b->bin = sqlite3_column_int(st, 3);
	b->n = sqlite3_column_int64(st, 4);
	b->mean_p = mp_store__real(st, 5);
	b->freq = mp_store__real(st, 6);
}

int mp_q_eval_bins(mp_ctx *ctx, mp_store *s, int64_t run, mp_q_eval_bin **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "eval_reliability"))
		return MP_OK;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT horizon, variable, method, bin, n, mean_p, freq FROM eval_reliability"
				   " WHERE run = ?1 AND origin IS NULL ORDER BY variable, horizon, method, bin",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run);
	return collect(ctx, s, st, sizeof **out, read_bin, (void **)out, n);
}
