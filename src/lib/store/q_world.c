/* Queries that build an mp_world for one year (see q_world.h). */
#include "q_world.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

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
	const mp_actor *x = a, *y = b;
	return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

int mp_store__world_nmc(mp_ctx *ctx, mp_store *s, int64_t dsid, int year, mp_world *w)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT ccode, stateabb, milex, milper, irst, pec, tpop, upop, cinc FROM nmc"
				   " WHERE dsid = ?1 AND year = ?2",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	size_t cap = 0;
	int step;
	w->n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (w->n == cap) {
			cap = cap ? cap * 2 : 256;
			mp_actor *na = realloc(w->actors, cap * sizeof *na);
			if (!na) {
				sqlite3_reset(st);
				return mp_error_set(ctx, MP_ENOMEM, "out of memory");
			}
			w->actors = na;
		}
		mp_actor *a = &w->actors[w->n++];
		memset(a, 0, sizeof *a);
		a->ccode = sqlite3_column_int(st, 0);
		const unsigned char *abb = sqlite3_column_text(st, 1);
		snprintf(a->stateabb, sizeof a->stateabb, "%s", abb ? (const char *)abb : "");
		snprintf(a->name, sizeof a->name, "%s", a->stateabb);
		for (int c = 0; c < MP_NCOMP; c++)
			a->comp[c] = mp_store__real(st, 2 + c);
		a->cinc_published = mp_store__real(st, 8);
		a->pole = -1;
		a->gdp = a->gdp_mer = a->ideal_point = a->lat = a->lng = MP_NA;
		a->econ = (mp_actor_econ)MP_ACTOR_ECON_UNKNOWN;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		return mp_store__error(ctx, s, "read NMC");
	/* sorted here: an ORDER BY lets SQLite pick the (dsid, ccode, year) index and scan
	 * every year's rows (measured: 40x slower without ANALYZE statistics) */
	qsort(w->actors, w->n, sizeof *w->actors, by_ccode);
	return MP_OK;
}

/* Runs a (ccode, value...) query for the world's year and hands each row to fn. */
typedef void (*row_fn)(mp_actor *a, sqlite3_stmt *st);

static int join(mp_ctx *ctx, mp_store *s, mp_world *w, const char *family, const char *sql, row_fn fn)
{
	int64_t dsid;
	sqlite3_stmt *st;
	if (!mp_store_has(s, family))
		return MP_OK;
	int rc = mp_store__dsid(ctx, s, family, NULL, &dsid);
	if (rc == MP_OK)
		rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, w->year);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int i = mp_world_find(w, sqlite3_column_int(st, 0));
		if (i >= 0)
			fn(&w->actors[i], st);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, family);
}

static void set_name(mp_actor *a, sqlite3_stmt *st)
{
	const unsigned char *t = sqlite3_column_text(st, 1);
	if (t)
		snprintf(a->name, sizeof a->name, "%s", (const char *)t);
}
static void set_major(mp_actor *a, sqlite3_stmt *st) { (void)st; a->major = 1; }
static void set_gdp(mp_actor *a, sqlite3_stmt *st) { a->gdp = mp_store__real(st, 1); }
static void set_ideal(mp_actor *a, sqlite3_stmt *st) { a->ideal_point = mp_store__real(st, 1); }
static void set_capital(mp_actor *a, sqlite3_stmt *st)
{
	a->lat = mp_store__real(st, 1);
	a->lng = mp_store__real(st, 2);
}

int mp_store__world_join(mp_ctx *ctx, mp_store *s, mp_world *w, unsigned attrs)
{
	int rc;
	/* the name of the membership spell that covers the year, else the latest */
	if ((attrs & MP_WORLD_NAMES) && (rc = join(ctx, s, w, "states",
		       "SELECT ccode, statenme FROM states WHERE dsid = ?1 ORDER BY (styear <= ?2) , styear", set_name)))
		return rc;
	/* COW major powers: any part of the year within a spell (majors2016) */
	if ((attrs & MP_WORLD_MAJORS) && (rc = join(ctx, s, w, "majors",
		       "SELECT DISTINCT ccode FROM majors WHERE dsid = ?1 AND styear <= ?2 AND endyear >= ?2", set_major)))
		return rc;
	w->has_majors = (attrs & MP_WORLD_MAJORS) && mp_store_has(s, "majors");
	/* Maddison GDP = gdppc (2011 int$) x pop (thousands) / 1000 = millions of 2011 int$.
	 * ISO3 -> COW through the countrycode crosswalk; Germany (DEU) serves COW 255 and 260. */
	if ((attrs & MP_WORLD_GDP) && mp_store_has(s, "crosswalk") &&
	    (rc = join(ctx, s, w, "maddison",
		       "SELECT CASE WHEN m.countrycode = 'DEU' AND ?2 BETWEEN 1955 AND 1990 THEN 260 ELSE c.cown END,"
		       " m.gdppc * m.pop / 1000.0 FROM maddison m JOIN crosswalk c ON c.iso3c = m.countrycode"
		       " AND c.dsid = (SELECT max(id) FROM datasets WHERE family = 'crosswalk')"
		       " WHERE m.dsid = ?1 AND m.year = ?2 AND c.cown IS NOT NULL",
		       set_gdp)))
		return rc;
	if ((attrs & MP_WORLD_IDEAL) && (rc = join(ctx, s, w, "unga", "SELECT ccode, idealpointfp FROM unga WHERE dsid = ?1 AND year = ?2",
		       set_ideal)))
		return rc;
	if ((attrs & MP_WORLD_CAPITALS) && (rc = join(ctx, s, w, "capitals",
		       "SELECT ccode, lat, lng FROM capitals WHERE dsid = ?1 AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?2"
		       " AND CAST(substr(enddate, 1, 4) AS INTEGER) >= ?2 ORDER BY stdate",
		       set_capital)))
		return rc;
	return MP_OK;
}
