/* Queries of one year for the world layer (see q_world.h). */
#include "q_world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/vec.h"

int mp_store__nmc_years(mp_ctx *ctx, mp_store *s, int64_t dsid, int *first, int *last)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "SELECT min(year), max(year) FROM nmc WHERE dsid = ?1", &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	int r = mp_store__step(ctx, s, st, "read NMC years");
	if (r < 0)
		return r;
	if (r == 0 || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_reset(st);
		return mp_error_set(ctx, MP_ENOTFOUND, "%s: the NMC dataset has no rows", mp_store_path(s));
	}
	*first = sqlite3_column_int(st, 0);
	*last = sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	return MP_OK;
}

static int by_ccode(const void *a, const void *b)
{
	const mp_store_nmc_row *x = a, *y = b;
	return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

int mp_store__nmc_year(mp_ctx *ctx, mp_store *s, int64_t dsid, int year, mp_store_nmc_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT ccode, stateabb, milex, milper, irst, pec, tpop, upop, cinc FROM nmc"
				   " WHERE dsid = ?1 AND year = ?2",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	mp_store_nmc_row *v = NULL;
	size_t cap = 0, k = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&v, &cap, k + 1, 256)) {
			sqlite3_reset(st);
			free(v);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		mp_store_nmc_row *r = &v[k++];
		memset(r, 0, sizeof *r);
		r->ccode = sqlite3_column_int(st, 0);
		const unsigned char *abb = sqlite3_column_text(st, 1);
		snprintf(r->stateabb, sizeof r->stateabb, "%s", abb ? (const char *)abb : "");
		for (int c = 0; c < 6; c++)
			r->comp[c] = mp_store__real(st, 2 + c);
		r->cinc = mp_store__real(st, 8);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(v);
		return mp_store__error(ctx, s, "read NMC");
	}
	/* sorted here: an ORDER BY lets SQLite pick the (dsid, ccode, year) index and scan
	 * every year's rows (measured: 40x slower without ANALYZE statistics) */
	if (k > 1)
		qsort(v, k, sizeof *v, by_ccode);
	*out = v;
	*n = k;
	return MP_OK;
}

/* ?1 dsid, ?2 year. Columns: ccode, code, v0, v1, text (absent ones NULL). */
static const struct {
	const char *family, *sql;
} attr_sql[MP_STORE_ATTR_COUNT] = {
	/* the name of the membership spell that covers the year, else the latest */
	[MP_STORE_ATTR_NAMES] = { "states", "SELECT ccode, NULL, NULL, NULL, statenme FROM states WHERE dsid = ?1"
					    " ORDER BY (styear <= ?2) , styear" },
	/* COW major powers: any part of the year within a spell (majors2016) */
	[MP_STORE_ATTR_MAJORS] = { "majors", "SELECT DISTINCT ccode, NULL, NULL, NULL, NULL FROM majors"
					     " WHERE dsid = ?1 AND styear <= ?2 AND endyear >= ?2" },
	[MP_STORE_ATTR_GDP] = { "maddison", "SELECT 0, countrycode, gdppc, pop, NULL FROM maddison"
					    " WHERE dsid = ?1 AND year = ?2" },
	[MP_STORE_ATTR_IDEAL] = { "unga", "SELECT ccode, NULL, idealpointfp, NULL, NULL FROM unga"
					  " WHERE dsid = ?1 AND year = ?2" },
	[MP_STORE_ATTR_CAPITALS] = { "capitals", "SELECT ccode, NULL, lat, lng, NULL FROM capitals WHERE dsid = ?1"
						 " AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?2"
						 " AND CAST(substr(enddate, 1, 4) AS INTEGER) >= ?2 ORDER BY stdate" },
};

const char *mp_store__attr_family(mp_store_attr a)
{
	return a < MP_STORE_ATTR_COUNT ? attr_sql[a].family : "";
}

static void copy_text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

int mp_store__year_attr(mp_ctx *ctx, mp_store *s, mp_store_attr a, int year, mp_store_attr_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (a >= MP_STORE_ATTR_COUNT)
		return mp_error_set(ctx, MP_EINPUT, "q_world.c: unknown attribute %d", (int)a);
	if (!mp_store_has(s, attr_sql[a].family))
		return MP_OK;
	int64_t dsid;
	sqlite3_stmt *st;
	int rc = mp_store__dsid(ctx, s, attr_sql[a].family, NULL, &dsid);
	if (rc == MP_OK)
		rc = mp_store__prepare(ctx, s, attr_sql[a].sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	mp_store_attr_row *v = NULL;
	size_t cap = 0, k = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&v, &cap, k + 1, 256)) {
			sqlite3_reset(st);
			free(v);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		mp_store_attr_row *r = &v[k++];
		r->ccode = mp_store__int(st, 0, 0);
		copy_text(r->code, sizeof r->code, st, 1);
		r->v[0] = mp_store__real(st, 2);
		r->v[1] = mp_store__real(st, 3);
		copy_text(r->text, sizeof r->text, st, 4);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(v);
		return mp_store__error(ctx, s, attr_sql[a].family);
	}
	*out = v;
	*n = k;
	return MP_OK;
}
