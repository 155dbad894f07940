/* Queries of the WPP demography tables (see q_demog.h). */
#include "q_demog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

void mp_store__wpp_rows_free(mp_wpp_rows *r)
{
	if (!r)
		return;
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* The newest revision of a family (largest version string: "2024" > "2017"). */
static int newest(mp_ctx *ctx, mp_store *s, const char *family, char *out, size_t size)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "SELECT MAX(version) FROM datasets WHERE family = ?1", &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_TRANSIENT);
	const unsigned char *v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (v)
		snprintf(out, size, "%s", (const char *)v);
	sqlite3_reset(st);
	if (!v)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "no %s data in the database: import the UN WPP files (multipolar import "
				    "../shared/data/wpp2017/*.txt ../shared/data/wpp2024/*.txt)",
				    family);
	return MP_OK;
}

int mp_store__wpp_has(mp_store *s, const char *family, const char *version)
{
	sqlite3_stmt *st;
	if (mp_store__prepare(NULL, s,
			      "SELECT 1 FROM datasets WHERE family = ?1 AND (?2 IS NULL OR version = ?2) LIMIT 1",
			      &st) != MP_OK)
		return 0;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_TRANSIENT);
	if (version)
		sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	int has = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return has;
}

int mp_store__wpp_fetch(mp_ctx *ctx, mp_store *s, const mp_wpp_query *q, mp_wpp_rows *out)
{
	memset(out, 0, sizeof *out);
	char version[32], sql[768];
	int rc;
	if (q->version)
		snprintf(version, sizeof version, "%s", q->version);
	else if ((rc = newest(ctx, s, q->family, version, sizeof version)) != MP_OK)
		return rc;
	if (!mp_store__wpp_has(s, q->family, version))
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "no %s data of WPP %s in the database: import the UN WPP files (multipolar import "
				    "../shared/data/wpp2017/*.txt ../shared/data/wpp2024/*.txt)",
				    q->family, version);
	/* the family is a table name from our own spec list (data/datasets.c), never input;
	 * only the clauses in use are written, so SQLite can use the (dsid, code, year) index */
	size_t o = (size_t)snprintf(
		sql, sizeof sql,
		"SELECT country_code, COALESCE(age, -1), COALESCE(age_span, 0), year, span, value"
		" FROM %s WHERE dsid IN (SELECT id FROM datasets WHERE family = ?1 AND version = ?2)",
		q->family);
	if (q->code)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND country_code = ?6");
	if (q->indicator)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND indicator = ?3");
	if (q->sex)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND sex = ?4");
	if (q->variant)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND (variant = ?5 OR variant = ?9)");
	if (q->from)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND year >= ?7");
	if (q->until)
		o += (size_t)snprintf(sql + o, sizeof sql - o,
				      " AND (CASE WHEN span >= 2 THEN year + span ELSE year END) <= ?8");
	snprintf(sql + o, sizeof sql - o, " ORDER BY country_code, year, age");
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(ctx, s, sql, &st)) != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, q->family, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
	const char *txt[3] = { q->indicator, q->sex, q->variant };
	for (int k = 0; k < 3; k++)
		if (txt[k])
			sqlite3_bind_text(st, 3 + k, txt[k], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, q->code);
	sqlite3_bind_int(st, 7, q->from);
	sqlite3_bind_int(st, 8, q->until);
	if (q->variant)
		sqlite3_bind_text(st, 9, q->variant2 ? q->variant2 : q->variant, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 4096;
			mp_wpp_row *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(st);
				mp_store__wpp_rows_free(out);
				return mp_error_set(ctx, MP_ENOMEM, "q_demog.c: out of memory");
			}
			out->v = v;
		}
		mp_wpp_row *r = &out->v[out->n++];
		r->code = sqlite3_column_int(st, 0);
		r->age = sqlite3_column_int(st, 1);
		r->age_span = sqlite3_column_int(st, 2);
		r->year = sqlite3_column_int(st, 3);
		r->span = sqlite3_column_int(st, 4);
		r->value = sqlite3_column_double(st, 5);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		mp_store__wpp_rows_free(out);
		return mp_store__error(ctx, s, "demography query");
	}
	return MP_OK;
}

int mp_store__wpp_locations(mp_ctx *ctx, mp_store *s, mp_wpp_location **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char version[32];
	int rc = newest(ctx, s, "wpp_locations", version, sizeof version);
	if (rc != MP_OK)
		return rc;
	sqlite3_stmt *st;
	rc = mp_store__prepare(
		ctx, s,
		"SELECT country_code, COALESCE(reg_code, 0), COALESCE(area_code, 0), location_type"
		" FROM wpp_locations WHERE dsid IN (SELECT id FROM datasets WHERE family = 'wpp_locations'"
		" AND version = ?1) ORDER BY country_code",
		&st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, version, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 512;
			mp_wpp_location *v = realloc(*out, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(st);
				free(*out);
				*out = NULL;
				return mp_error_set(ctx, MP_ENOMEM, "q_demog.c: out of memory");
			}
			*out = v;
		}
		mp_wpp_location *l = &(*out)[(*n)++];
		l->code = sqlite3_column_int(st, 0);
		l->reg_code = sqlite3_column_int(st, 1);
		l->area_code = sqlite3_column_int(st, 2);
		l->type = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return mp_store__error(ctx, s, "locations query");
	}
	return MP_OK;
}

int mp_store__nmc_pop(mp_ctx *ctx, mp_store *s, int from, int until, mp_nmc_pop **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int64_t dsid;
	int rc = mp_store__dsid(ctx, s, "nmc", NULL, &dsid);
	if (rc != MP_OK)
		return rc;
	sqlite3_stmt *st;
	rc = mp_store__prepare(ctx, s,
			       "SELECT ccode, year, tpop, upop FROM nmc WHERE dsid = ?1 AND year >= ?2 AND year <= ?3"
			       " AND tpop IS NOT NULL ORDER BY ccode, year",
			       &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, from);
	sqlite3_bind_int(st, 3, until);
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4096;
			mp_nmc_pop *v = realloc(*out, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return mp_error_set(ctx, MP_ENOMEM, "q_demog.c: out of memory");
			}
			*out = v;
		}
		mp_nmc_pop *r = &(*out)[(*n)++];
		r->ccode = sqlite3_column_int(st, 0);
		r->year = sqlite3_column_int(st, 1);
		r->tpop = mp_store__real(st, 2);
		r->upop = mp_store__real(st, 3);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return mp_store__error(ctx, s, "NMC population query");
	}
	return MP_OK;
}
