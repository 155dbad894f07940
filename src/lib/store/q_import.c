/* Store side of dataset import (see q_import.h). */
#include "q_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/vec.h"

/* Rows are inserted BATCH at a time by one multi-row INSERT (fewer statement executions:
 * measured 1.70 s -> see bench/RESULTS.md), the remainder one row at a time. Text values are
 * bound SQLITE_STATIC: the caller's buffers must live until mp_store__inserter_flush. */
#define BATCH 64

struct mp_store_inserter {
	mp_store *s;
	sqlite3_stmt *st;        /* one row */
	sqlite3_stmt *batch;     /* BATCH rows, or NULL */
	int pending;             /* rows bound into batch */
	mp_store_sql_value *buf; /* their values, BATCH x ncols, for the flush */
	size_t ncols;
	int64_t dsid;
	mp_store_sql_type *types;
};

int mp_store__dataset_by_sha(mp_ctx *ctx, mp_store *s, const char *sha256, mp_dataset_info *out, int *found)
{
	mp_dataset_info *all = NULL;
	size_t n = 0;
	int rc = mp_store_datasets(ctx, s, &all, &n);
	*found = 0;
	for (size_t i = 0; rc == MP_OK && i < n; i++)
		if (!strcmp(all[i].sha256, sha256)) {
			*out = all[i];
			*found = 1;
			break;
		}
	free(all);
	return rc;
}

int mp_store__dataset_add(mp_ctx *ctx, mp_store *s, const mp_dataset_info *d, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
		"INSERT INTO datasets(family, name, version, sha256, file, imported_at, rows, year_min,"
		" year_max, citation) VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
		" 0, NULL, NULL, ?6)",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, d->family, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, d->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, d->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, d->sha256, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, d->file, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, d->citation, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		return mp_store__error(ctx, s, "record dataset");
	*id = sqlite3_last_insert_rowid(mp_store__db(s));
	return MP_OK;
}

int mp_store__dataset_version(mp_ctx *ctx, mp_store *s, int64_t id, const char *version)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "UPDATE datasets SET version = ?1 WHERE id = ?2", &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return mp_store__error(ctx, s, "record dataset");
	return MP_OK;
}

int mp_store__dataset_finish(mp_ctx *ctx, mp_store *s, int64_t id, int64_t rows, int year_min, int year_max)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "UPDATE datasets SET rows = ?1, year_min = ?2, year_max = ?3 WHERE id = ?4",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, rows);
	if (year_min)
		sqlite3_bind_int(st, 2, year_min);
	if (year_max)
		sqlite3_bind_int(st, 3, year_max);
	sqlite3_bind_int64(st, 4, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return mp_store__error(ctx, s, "record dataset");
	return MP_OK;
}

static const char *sql_type(mp_store_sql_type t)
{
	return t == MP_STORE_SQL_INT ? "INTEGER" : t == MP_STORE_SQL_REAL ? "REAL" : "TEXT";
}

/* Appends to a growing string; returns 0 on allocation failure. */
static int cat(mp_buf *b, const char *s)
{
	return mp_buf_puts(b, s) == MP_OK;
}

/* Quoted SQL identifier (column names like "country.name.en"). */
static void ident(char *out, size_t size, const char *name)
{
	size_t o = 0;
	out[o++] = '"';
	for (; *name && o + 3 < size; name++) {
		if (*name == '"')
			out[o++] = '"';
		out[o++] = *name;
	}
	out[o++] = '"';
	out[o] = '\0';
}

static int column_exists(mp_store *s, const char *table, const char *col)
{
	char sql[256];
	sqlite3_stmt *st = NULL;
	snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = ?1", table);
	if (sqlite3_prepare_v2(mp_store__db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, col, -1, SQLITE_TRANSIENT);
	int found = sqlite3_step(st) == SQLITE_ROW; /* else: the ALTER TABLE that follows reports it */
	sqlite3_finalize(st);
	return found;
}

int mp_store__inserter_new(mp_ctx *ctx, mp_store *s, const char *table, const mp_store_sql_col *cols, size_t ncols,
			   int64_t dsid, mp_store_inserter **out)
{
	char id[160];
	mp_buf sql = MP_BUF_INIT;
	int rc = MP_OK;
	mp_store_inserter *ins = NULL;
	int ok = cat(&sql, "CREATE TABLE IF NOT EXISTS ") && cat(&sql, table) &&
		 cat(&sql, " (dsid INTEGER NOT NULL REFERENCES datasets(id)");
	for (size_t i = 0; ok && i < ncols; i++) {
		ident(id, sizeof id, cols[i].name);
		ok = cat(&sql, ", ") && cat(&sql, id) && cat(&sql, " ") && cat(&sql, sql_type(cols[i].type));
	}
	ok = ok && cat(&sql, ")");
	if (!ok) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = mp_store__exec(ctx, s, sql.s)) != MP_OK)
		goto done;
	/* a table made by an earlier import may lack columns of this file (dynamic families) */
	for (size_t i = 0; i < ncols; i++)
		if (!column_exists(s, table, cols[i].name)) {
			char alter[512];
			ident(id, sizeof id, cols[i].name);
			snprintf(alter, sizeof alter, "ALTER TABLE %s ADD COLUMN %s %s", table, id,
				 sql_type(cols[i].type));
			if ((rc = mp_store__exec(ctx, s, alter)) != MP_OK)
				goto done;
		}
	mp_buf_reset(&sql);
	ok = cat(&sql, "INSERT INTO ") && cat(&sql, table) && cat(&sql, " (dsid");
	for (size_t i = 0; ok && i < ncols; i++) {
		ident(id, sizeof id, cols[i].name);
		ok = cat(&sql, ", ") && cat(&sql, id);
	}
	ok = ok && cat(&sql, ") VALUES (?");
	for (size_t i = 0; ok && i < ncols; i++)
		ok = cat(&sql, ", ?");
	ok = ok && cat(&sql, ")");
	if (!ok || !(ins = calloc(1, sizeof *ins))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if (sqlite3_prepare_v2(mp_store__db(s), sql.s, -1, &ins->st, NULL) != SQLITE_OK) {
		rc = mp_store__error(ctx, s, "prepare insert");
		goto done;
	}
	if ((ncols + 1) * BATCH < 30000) {
		/* the same statement with BATCH value tuples */
		char *vals = strstr(sql.s, ") VALUES (");
		size_t head = (size_t)(vals - sql.s) + 8; /* through "VALUES " */
		size_t tuple_len = sql.len - head;
		char *tuple = malloc(tuple_len + 1);
		if (!tuple) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		memcpy(tuple, sql.s + head, tuple_len + 1);
		ok = 1;
		for (int b = 1; ok && b < BATCH; b++)
			ok = cat(&sql, ",") && cat(&sql, tuple);
		free(tuple);
		if (!ok) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		if (!(ins->buf = malloc(BATCH * ncols * sizeof *ins->buf))) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		if (sqlite3_prepare_v2(mp_store__db(s), sql.s, -1, &ins->batch, NULL) != SQLITE_OK) {
			rc = mp_store__error(ctx, s, "prepare insert");
			goto done;
		}
	}
	if (!(ins->types = malloc(ncols * sizeof *ins->types))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < ncols; i++)
		ins->types[i] = cols[i].type;
	ins->s = s;
	ins->ncols = ncols;
	ins->dsid = dsid;
	*out = ins;
	ins = NULL;
done:
	mp_store__inserter_free(ins);
	mp_buf_free(&sql);
	return rc;
}

static void bind_row(mp_store_inserter *ins, sqlite3_stmt *st, int base, const mp_store_sql_value *vals)
{
	sqlite3_bind_int64(st, base + 1, ins->dsid);
	for (size_t i = 0; i < ins->ncols; i++) {
		int k = base + (int)i + 2;
		const mp_store_sql_value *v = &vals[i];
		if (v->null)
			sqlite3_bind_null(st, k);
		else if (ins->types[i] == MP_STORE_SQL_TEXT)
			sqlite3_bind_text(st, k, v->s, -1, SQLITE_STATIC);
		else if (ins->types[i] == MP_STORE_SQL_INT)
			sqlite3_bind_int64(st, k, v->i);
		else
			sqlite3_bind_double(st, k, v->r);
	}
}

static int step(mp_ctx *ctx, mp_store_inserter *ins, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MP_OK : mp_store__error(ctx, ins->s, "insert");
}

int mp_store__insert(mp_ctx *ctx, mp_store_inserter *ins, const mp_store_sql_value *vals)
{
	if (!ins->batch) {
		bind_row(ins, ins->st, 0, vals);
		return step(ctx, ins, ins->st);
	}
	memcpy(&ins->buf[(size_t)ins->pending * ins->ncols], vals, ins->ncols * sizeof *vals);
	bind_row(ins, ins->batch, ins->pending * (int)(ins->ncols + 1), vals);
	if (++ins->pending < BATCH)
		return MP_OK;
	ins->pending = 0;
	return step(ctx, ins, ins->batch);
}

int mp_store__inserter_flush(mp_ctx *ctx, mp_store_inserter *ins)
{
	/* rows bound into an unfinished batch go in one at a time */
	int n = ins->pending;
	ins->pending = 0;
	if (ins->batch)
		sqlite3_clear_bindings(ins->batch);
	for (int i = 0; i < n; i++) {
		bind_row(ins, ins->st, 0, &ins->buf[(size_t)i * ins->ncols]);
		int rc = step(ctx, ins, ins->st);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

void mp_store__inserter_free(mp_store_inserter *ins)
{
	if (!ins)
		return;
	sqlite3_finalize(ins->st);
	sqlite3_finalize(ins->batch);
	free(ins->buf);
	free(ins->types);
	free(ins);
}

int mp_store__index(mp_ctx *ctx, mp_store *s, const char *table, const char *lists)
{
	char buf[128], sql[1024], name[320];
	const char *p = lists;
	while (p && *p) {
		const char *e = strchr(p, ';');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l >= sizeof buf)
			l = sizeof buf - 1;
		memcpy(buf, p, l);
		buf[l] = '\0';
		snprintf(name, sizeof name, "%s_%s", table, buf);
		for (char *c = name; *c; c++)
			if (*c == ',')
				*c = '_';
		snprintf(sql, sizeof sql, "CREATE INDEX IF NOT EXISTS %s ON %s(%s)", name, table, buf);
		int rc = mp_store__exec(ctx, s, sql);
		if (rc != MP_OK)
			return rc;
		p = e ? e + 1 : NULL;
	}
	return MP_OK;
}
