/* Negotiation results in the store: bargain_runs, bargain_positions, bargain_forecast,
 * and (added with the settings and the sensitivity analysis) bargain_settings,
 * bargain_summary, bargain_quantiles. New tables rather than new columns, so databases
 * written before keep working unchanged; all of them are made by the migrations. */
#include "q_bargain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/vec.h"

/* The tables are created by the store's migrations (store.c: versions 3 and 4). */

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

/* The column of t named `name`, or (size_t)-1. */
static size_t col_of(const mp_table *t, const char *name)
{
	for (size_t c = 0; c < mp_table_cols(t); c++)
		if (!strcmp(mp_table_col_name(t, c), name))
			return c;
	return (size_t)-1;
}

/* Inserts every row of t after run_id: the columns named in `cols` (comma-separated, in
 * the order of the statement), with their types; a column t lacks is stored as NULL. */
static int insert_rows(mp_ctx *ctx, mp_store *s, const char *sql, int64_t run_id, const mp_table *t, const char *cols,
		       const mp_col_type *types, size_t ncols)
{
	sqlite3_stmt *st;
	size_t at[16];
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	if (ncols > 16)
		return mp_error_set(ctx, MP_ERROR, "store negotiation: too many columns");
	const char *p = cols;
	for (size_t c = 0; c < ncols; c++) {
		char name[64];
		size_t l = strcspn(p, ",");
		snprintf(name, sizeof name, "%.*s", (int)l, p);
		at[c] = col_of(t, name);
		p += l + (p[l] == ',');
	}
	for (size_t r = 0; r < mp_table_rows(t); r++) {
		sqlite3_bind_int64(st, 1, run_id);
		for (size_t c = 0; c < ncols; c++)
			if (at[c] == (size_t)-1)
				sqlite3_bind_null(st, (int)c + 2);
			else
				bind_cell(st, (int)c + 2, t, r, at[c], types[c]);
		if ((rc = mp_store__step_done(ctx, s, st, "store negotiation")) != MP_OK)
			return rc;
	}
	return MP_OK;
}

int mp_store_bargain_save(mp_ctx *ctx, mp_store *s, const mp_bargain_record *rec, int64_t *run_id)
{
	static const mp_col_type pos_types[] = { MP_COL_INT, MP_COL_TEXT, MP_COL_TEXT, MP_COL_REAL };
	static const mp_col_type fc_types[] = { MP_COL_INT, MP_COL_TEXT, MP_COL_REAL, MP_COL_REAL };
	static const mp_col_type sum_types[] = { MP_COL_TEXT, MP_COL_REAL, MP_COL_REAL, MP_COL_REAL, MP_COL_REAL,
						 MP_COL_REAL, MP_COL_TEXT, MP_COL_TEXT, MP_COL_TEXT };
	static const mp_col_type q_types[] = { MP_COL_TEXT, MP_COL_TEXT, MP_COL_INT,  MP_COL_REAL,
					       MP_COL_REAL, MP_COL_REAL, MP_COL_REAL, MP_COL_REAL };
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
	/* summary: actors, rounds, stopped_by (first row) */
	if (rec->summary && mp_table_rows(rec->summary) > 0) {
		static const char *const run_cols[] = { "actors", "rounds", "stopped_by" };
		static const mp_col_type run_types[] = { MP_COL_INT, MP_COL_INT, MP_COL_TEXT };
		for (int k = 0; k < 3; k++) {
			size_t c = col_of(rec->summary, run_cols[k]);
			if (c != (size_t)-1)
				bind_cell(st, 4 + k, rec->summary, 0, c, run_types[k]);
		}
	}
	if ((rc = mp_store__step_done(ctx, s, st, "store negotiation")) != MP_OK)
		goto done;
	id = sqlite3_last_insert_rowid(mp_store__db(s));
	if (rec->positions && (rc = insert_rows(ctx, s, "INSERT INTO bargain_positions VALUES (?1, ?2, ?3, ?4, ?5)", id,
						rec->positions, "round,actor,dim,position", pos_types, 4)) != MP_OK)
		goto done;
	if (rec->forecast &&
	    (rc = insert_rows(ctx, s, "INSERT INTO bargain_forecast VALUES (?1, ?2, ?3, ?4, ?5)", id, rec->forecast,
			      "round,dim,weighted_mean,weighted_median", fc_types, 4)) != MP_OK)
		goto done;
	if (rec->summary &&
	    (rc = insert_rows(
		     ctx, s,
		     "INSERT INTO bargain_summary(run_id, dim, weighted_mean, weighted_median, low, high,"
		     " nearest_mark, nearest_mark_means, low_means, high_means)"
		     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
		     id, rec->summary,
		     "dim,weighted_mean,weighted_median,low,high,nearest_mark,nearest_mark_means,low_means,high_means",
		     sum_types, 9)) != MP_OK)
		goto done;
	if (rec->quantiles &&
	    (rc = insert_rows(ctx, s, "INSERT INTO bargain_quantiles VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", id,
			      rec->quantiles, "dim,statistic,replicates,q05,q25,q50,q75,q95", q_types, 8)) != MP_OK)
		goto done;
	if ((rc = mp_store__prepare(ctx, s,
				    "INSERT INTO bargain_settings(run_id, illustrative, description, settings)"
				    " VALUES (?1, ?2, ?3, ?4)",
				    &st)) != MP_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, rec->illustrative != 0);
	if (rec->description)
		sqlite3_bind_text(st, 3, rec->description, -1, SQLITE_TRANSIENT);
	if (rec->settings)
		sqlite3_bind_text(st, 4, rec->settings, -1, SQLITE_TRANSIENT);
	if ((rc = mp_store__step_done(ctx, s, st, "store negotiation")) != MP_OK)
		goto done;
	rc = mp_store_commit(ctx, s);
done:
	if (rc != MP_OK)
		mp_store_rollback(s);
	else if (run_id)
		*run_id = id;
	return rc;
}

static void text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

/* A malloc'd copy of a text column, NULL for SQL NULL (or when out of memory). */
static char *dup_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return NULL;
	size_t l = (size_t)sqlite3_column_bytes(st, col);
	char *d = malloc(l + 1);
	if (d) {
		memcpy(d, t, l);
		d[l] = '\0';
	}
	return d;
}

/* Reads every row of `sql` (one parameter, `key`: a run id or a limit) into a growing array
 * of `size`-byte rows, zeroed, then filled by fill(); fill returns 0, or -1 when out of
 * memory. */
typedef int (*fill_fn)(sqlite3_stmt *st, void *row);

static int select_rows(mp_ctx *ctx, mp_store *s, const char *sql, int64_t key, size_t size, fill_fn fill, void **out,
		       size_t *n, const char *what)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, key);
	size_t cap = 0;
	int got;
	while ((got = mp_store__step(ctx, s, st, what)) == 1) {
		if (mp_vec__reserve(out, &cap, *n + 1, size, 64)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		void *row = (char *)*out + (*n)++ * size;
		memset(row, 0, size);
		if (fill(st, row)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
	}
	sqlite3_reset(st);
	return got < 0 ? got : MP_OK;
}

static int fill_run(sqlite3_stmt *st, void *row)
{
	mp_store_bargain_run *r = row;
	r->run_id = sqlite3_column_int64(st, 0);
	text(r->name, sizeof r->name, st, 1);
	text(r->model, sizeof r->model, st, 2);
	r->actors = sqlite3_column_int(st, 3);
	r->rounds = sqlite3_column_int(st, 4);
	text(r->stopped_by, sizeof r->stopped_by, st, 5);
	text(r->created, sizeof r->created, st, 6);
	return 0;
}

int mp_store__bargain_runs(mp_ctx *ctx, mp_store *s, size_t max, mp_store_bargain_run **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "bargain_runs"))
		return MP_OK;
	int rc = select_rows(ctx, s,
			     "SELECT run_id, name, model, actors, rounds, stopped_by, created FROM bargain_runs"
			     " ORDER BY run_id DESC LIMIT ?1",
			     (int64_t)max, sizeof **out, fill_run, (void **)out, n, "read negotiations");
	if (rc != MP_OK || !mp_store__has_table(s, "bargain_settings"))
		return rc;
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(
		     ctx, s, "SELECT illustrative, description, settings FROM bargain_settings WHERE run_id = ?1",
		     &st)) != MP_OK)
		return rc;
	for (size_t i = 0; i < *n; i++) {
		mp_store_bargain_run *r = &(*out)[i];
		sqlite3_bind_int64(st, 1, r->run_id);
		int got = mp_store__step(ctx, s, st, "read negotiation settings");
		if (got < 0)
			return got;
		if (got == 1) {
			r->illustrative = sqlite3_column_int(st, 0);
			r->description = dup_text(st, 1);
			r->settings = dup_text(st, 2);
			if ((sqlite3_column_type(st, 1) != SQLITE_NULL && !r->description) ||
			    (sqlite3_column_type(st, 2) != SQLITE_NULL && !r->settings)) {
				sqlite3_reset(st);
				return mp_error_set(ctx, MP_ENOMEM, "out of memory");
			}
		}
		sqlite3_reset(st);
	}
	return MP_OK;
}

void mp_store__bargain_runs_free(mp_store_bargain_run *runs, size_t n)
{
	for (size_t i = 0; runs && i < n; i++) {
		free(runs[i].description);
		free(runs[i].settings);
	}
	free(runs);
}

static int fill_pos(sqlite3_stmt *st, void *row)
{
	mp_store_bargain_pos *p = row;
	p->round = sqlite3_column_int(st, 0);
	text(p->actor, sizeof p->actor, st, 1);
	text(p->dim, sizeof p->dim, st, 2);
	p->position = mp_store__real(st, 3);
	return 0;
}

int mp_store__bargain_positions(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_pos **out, size_t *n)
{
	/* rowid order within (dim, actor) keeps the input's actor order stable */
	return select_rows(ctx, s,
			   "SELECT round, actor, dim, position FROM bargain_positions WHERE run_id = ?1"
			   " ORDER BY dim, actor, round",
			   run_id, sizeof **out, fill_pos, (void **)out, n, "read negotiation positions");
}

static int fill_fc(sqlite3_stmt *st, void *row)
{
	mp_store_bargain_fc *f = row;
	f->round = sqlite3_column_int(st, 0);
	text(f->dim, sizeof f->dim, st, 1);
	f->mean = mp_store__real(st, 2);
	f->median = mp_store__real(st, 3);
	return 0;
}

int mp_store__bargain_forecast(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_fc **out, size_t *n)
{
	return select_rows(ctx, s,
			   "SELECT round, dim, weighted_mean, weighted_median FROM bargain_forecast"
			   " WHERE run_id = ?1 ORDER BY dim, round",
			   run_id, sizeof **out, fill_fc, (void **)out, n, "read negotiation forecasts");
}

void mp_store__bargain_dims_free(mp_store_bargain_dim *d, size_t n)
{
	for (size_t i = 0; d && i < n; i++) {
		free(d[i].mark_means);
		free(d[i].low_means);
		free(d[i].high_means);
	}
	free(d);
}

static int fill_dim(sqlite3_stmt *st, void *row)
{
	mp_store_bargain_dim *d = row;
	text(d->dim, sizeof d->dim, st, 0);
	d->mean = mp_store__real(st, 1);
	d->median = mp_store__real(st, 2);
	d->low = mp_store__real(st, 3);
	d->high = mp_store__real(st, 4);
	d->mark = mp_store__real(st, 5);
	char **t[3] = { &d->mark_means, &d->low_means, &d->high_means };
	for (int k = 0; k < 3; k++)
		if (!(*t[k] = dup_text(st, 6 + k)) && sqlite3_column_type(st, 6 + k) != SQLITE_NULL)
			return -1;
	return 0;
}

int mp_store__bargain_dims(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_dim **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "bargain_summary"))
		return MP_OK;
	return select_rows(ctx, s,
			   "SELECT dim, weighted_mean, weighted_median, low, high, nearest_mark, nearest_mark_means,"
			   " low_means, high_means FROM bargain_summary WHERE run_id = ?1 ORDER BY rowid",
			   run_id, sizeof **out, fill_dim, (void **)out, n, "read negotiation summary");
}

static int fill_q(sqlite3_stmt *st, void *row)
{
	mp_store_bargain_q *q = row;
	text(q->dim, sizeof q->dim, st, 0);
	text(q->statistic, sizeof q->statistic, st, 1);
	q->replicates = sqlite3_column_int(st, 2);
	for (int k = 0; k < 5; k++)
		q->q[k] = mp_store__real(st, 3 + k);
	return 0;
}

int mp_store__bargain_quantiles(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_q **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "bargain_quantiles"))
		return MP_OK;
	return select_rows(ctx, s,
			   "SELECT dim, statistic, replicates, q05, q25, q50, q75, q95 FROM bargain_quantiles"
			   " WHERE run_id = ?1 ORDER BY rowid",
			   run_id, sizeof **out, fill_q, (void **)out, n, "read negotiation quantiles");
}
