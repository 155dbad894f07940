/* Negotiation results in the store: bargain_runs, bargain_positions, bargain_forecast. */
#include "q_bargain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* The tables are created by the store's migrations (store.c, version 2). */

static void bind_cell(sqlite3_stmt *st, int k, const mp_table *t, size_t row, size_t col, mp_col_type type)
{
	int missing = 0;
	if (type == MP_COL_TEXT) {
		const char *v = mp_table_get_text(t, row, col);
		if (v)
			sqlite3_bind_text(st, k, v, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, k);
	} else if (type == MP_COL_INT) {
		int64_t v = mp_table_get_int(t, row, col, &missing);
		if (missing)
			sqlite3_bind_null(st, k);
		else
			sqlite3_bind_int64(st, k, v);
	} else {
		double v = mp_table_get_real(t, row, col);
		if (v != v)
			sqlite3_bind_null(st, k);
		else
			sqlite3_bind_double(st, k, v);
	}
}

/* Inserts every row of t (columns in order, with types) after run_id. */
static int insert_rows(mp_ctx *ctx, mp_store *s, const char *sql, int64_t run_id, const mp_table *t,
		       const mp_col_type *types, size_t ncols)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	if (mp_table_cols(t) != ncols)
		return mp_error_set(ctx, MP_ERROR, "negotiation table has %zu columns, expected %zu", mp_table_cols(t), ncols);
	for (size_t r = 0; r < mp_table_rows(t); r++) {
		sqlite3_bind_int64(st, 1, run_id);
		for (size_t c = 0; c < ncols; c++)
			bind_cell(st, (int)c + 2, t, r, c, types[c]);
		int step = sqlite3_step(st);
		sqlite3_reset(st);
		if (step != SQLITE_DONE)
			return mp_store__error(ctx, s, "store negotiation");
	}
	return MP_OK;
}

int mp_store_bargain_save(mp_ctx *ctx, mp_store *s, const mp_bargain_record *rec, int64_t *run_id)
{
	static const mp_col_type pos_types[] = { MP_COL_INT, MP_COL_TEXT, MP_COL_TEXT, MP_COL_REAL };
	static const mp_col_type fc_types[] = { MP_COL_INT, MP_COL_TEXT, MP_COL_REAL, MP_COL_REAL };
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK)
		return rc;
	if ((rc = mp_store__prepare(ctx, s,
				    "INSERT INTO bargain_runs(name, model, input, actors, rounds, stopped_by, created)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
				    &st)) != MP_OK)
		goto done;
	sqlite3_bind_text(st, 1, rec->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, rec->model, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, rec->input, -1, SQLITE_TRANSIENT);
	/* summary: model, actors, rounds, stopped_by, ... (first row) */
	if (rec->summary && mp_table_rows(rec->summary) > 0) {
		bind_cell(st, 4, rec->summary, 0, 1, MP_COL_INT);
		bind_cell(st, 5, rec->summary, 0, 2, MP_COL_INT);
		bind_cell(st, 6, rec->summary, 0, 3, MP_COL_TEXT);
	}
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		rc = mp_store__error(ctx, s, "store negotiation");
		goto done;
	}
	id = sqlite3_last_insert_rowid(mp_store__db(s));
	if (rec->positions &&
	    (rc = insert_rows(ctx, s, "INSERT INTO bargain_positions VALUES (?1, ?2, ?3, ?4, ?5)", id, rec->positions,
			      pos_types, 4)) != MP_OK)
		goto done;
	if (rec->forecast &&
	    (rc = insert_rows(ctx, s, "INSERT INTO bargain_forecast VALUES (?1, ?2, ?3, ?4, ?5)", id, rec->forecast,
			      fc_types, 4)) != MP_OK)
		goto done;
	rc = mp_store_commit(ctx, s);
done:
	if (rc != MP_OK)
		mp_store_rollback(s);
	else if (run_id)
		*run_id = id;
	return rc;
}

static int has_table(mp_store *s, const char *name)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(mp_store__db(s), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	sqlite3_finalize(st);
	/* -1 on an error: true, so the caller reads the table and reports the error there */
	return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

static void text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

/* Grows *v to hold one more element of `size` bytes. */
static void *grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return *v;
	size_t nc = *cap ? *cap * 2 : 64;
	void *nv = realloc(*v, nc * size);
	if (!nv)
		return NULL;
	*v = nv;
	*cap = nc;
	return nv;
}

int mp_store__bargain_runs(mp_ctx *ctx, mp_store *s, size_t max, mp_store_bargain_run **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!has_table(s, "bargain_runs"))
		return MP_OK;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT run_id, name, model, actors, rounds, stopped_by, created FROM bargain_runs"
				   " ORDER BY run_id DESC LIMIT ?1",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, (int64_t)max);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (!grow((void **)out, &cap, *n, sizeof **out)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		mp_store_bargain_run *r = &(*out)[(*n)++];
		r->run_id = sqlite3_column_int64(st, 0);
		text(r->name, sizeof r->name, st, 1);
		text(r->model, sizeof r->model, st, 2);
		r->actors = sqlite3_column_int(st, 3);
		r->rounds = sqlite3_column_int(st, 4);
		text(r->stopped_by, sizeof r->stopped_by, st, 5);
		text(r->created, sizeof r->created, st, 6);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "read negotiations");
}

int mp_store__bargain_positions(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_pos **out, size_t *n)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	/* rowid order within (dim, actor) keeps the input's actor order stable */
	int rc = mp_store__prepare(ctx, s,
				   "SELECT round, actor, dim, position FROM bargain_positions WHERE run_id = ?1"
				   " ORDER BY dim, actor, round",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (!grow((void **)out, &cap, *n, sizeof **out)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		mp_store_bargain_pos *p = &(*out)[(*n)++];
		p->round = sqlite3_column_int(st, 0);
		text(p->actor, sizeof p->actor, st, 1);
		text(p->dim, sizeof p->dim, st, 2);
		p->position = mp_store__real(st, 3);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "read negotiation positions");
}

int mp_store__bargain_forecast(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_fc **out, size_t *n)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT round, dim, weighted_mean, weighted_median FROM bargain_forecast"
				   " WHERE run_id = ?1 ORDER BY dim, round",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (!grow((void **)out, &cap, *n, sizeof **out)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		mp_store_bargain_fc *f = &(*out)[(*n)++];
		f->round = sqlite3_column_int(st, 0);
		text(f->dim, sizeof f->dim, st, 1);
		f->mean = mp_store__real(st, 2);
		f->median = mp_store__real(st, 3);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "read negotiation forecasts");
}
