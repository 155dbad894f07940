/* Reading a stored calibration back (tables calib_run, calib_fit and, when present,
 * calib_unit, written by mp_store__calib_save): the newest one fitted on data up to a year,
 * as plain rows (q_calib.h); calib/calib_load.c makes the mp_calib_result. */
#include <stdlib.h>
#include <string.h>

#include "q_calib.h"
#include "store_internal.h"
#include "util/vec.h"

static void text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, size, "%s", t ? (const char *)t : "");
}

/* Appends the rows of a prepared statement (run bound) to r: calib_fit has no ccode
 * (column -1), calib_unit no statistic. */
static int rows(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, int unit, mp_store_calib_run *r, size_t *cap)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&r->v, cap, r->n + 1, 64)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory reading a calibration");
		}
		mp_store_calib_param *p = &r->v[r->n++];
		memset(p, 0, sizeof *p);
		int c = 0;
		p->ccode = unit ? mp_store__int(st, c++, 0) : 0;
		text(st, c++, p->param, sizeof p->param);
		p->estimate = mp_store__real(st, c++);
		p->se = mp_store__real(st, c++);
		p->n = sqlite3_column_int64(st, c++);
		if (!unit) {
			text(st, c++, p->stat_name, sizeof p->stat_name);
			p->stat = mp_store__real(st, c++);
		} else
			p->stat = MP_NA;
		text(st, c, p->method, sizeof p->method);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "read calibration");
}

void mp_store__calib_run_free(mp_store_calib_run *r)
{
	if (!r)
		return;
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

int mp_store__calib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_store_calib_run *r)
{
	memset(r, 0, sizeof *r);
	if (!mp_store__has_table(s, "calib_run") || !mp_store__has_table(s, "calib_fit"))
		return mp_error_set(ctx, MP_ENOTFOUND, "no calibration is stored in the database");
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s, "SELECT id, until, created_at, notes FROM calib_run WHERE until <= ?1 ORDER BY id DESC LIMIT 1",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int(st, 1, max_until);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		sqlite3_reset(st);
		if (step != SQLITE_DONE)
			return mp_store__error(ctx, s, "read calibration");
		return mp_error_set(ctx, MP_ENOTFOUND, "no calibration fitted on data up to %d is stored", max_until);
	}
	r->run_id = sqlite3_column_int64(st, 0);
	r->until = sqlite3_column_int(st, 1);
	text(st, 2, r->created, sizeof r->created);
	text(st, 3, r->notes, sizeof r->notes);
	sqlite3_reset(st);
	size_t cap = 0;
	rc = mp_store__prepare(ctx, s,
			       "SELECT param, estimate, se, n, stat_name, stat, method FROM calib_fit WHERE run = ?1"
			       " ORDER BY rowid",
			       &st);
	if (rc == MP_OK) {
		sqlite3_bind_int64(st, 1, r->run_id);
		rc = rows(ctx, s, st, 0, r, &cap);
	}
	if (rc == MP_OK && mp_store__has_table(s, "calib_unit")) {
		rc = mp_store__prepare(ctx, s,
				       "SELECT ccode, param, estimate, se, n, method FROM calib_unit WHERE run = ?1"
				       " ORDER BY ccode, param",
				       &st);
		if (rc == MP_OK) {
			sqlite3_bind_int64(st, 1, r->run_id);
			rc = rows(ctx, s, st, 1, r, &cap);
		}
	}
	if (rc != MP_OK)
		mp_store__calib_run_free(r);
	return rc;
}
