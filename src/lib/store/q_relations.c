/* Store queries of the relations module (see q_relations.h). */
#include "store/q_relations.h"

#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* Binds ?1 = dsid of `family` and the ints that follow (count nint), steps through the
 * rows and hands each statement row to `row`. */
typedef void (*row_fn)(sqlite3_stmt *st, void *u);

static int run(mp_ctx *ctx, mp_store *s, const char *family, const char *sql, const int *ints, int nint, row_fn row,
	       void *u)
{
	int64_t dsid = 0;
	sqlite3_stmt *st = NULL;
	int rc = mp_store__dsid(ctx, s, family, NULL, &dsid);
	if (rc)
		return rc;
	rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc)
		return rc;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_int64(st, 1, dsid);
	for (int i = 0; i < nint; i++)
		sqlite3_bind_int(st, i + 2, ints[i]);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		row(st, u);
	rc = r == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, family);
	sqlite3_reset(st);
	return rc;
}

int mp_store__rel_coverage(mp_ctx *ctx, mp_store *s, const char *family, int *present, int *first, int *last)
{
	*present = 0;
	*first = *last = 0;
	if (!mp_store_has(s, family))
		return MP_OK;
	int64_t dsid = 0;
	int rc = mp_store__dsid(ctx, s, family, NULL, &dsid);
	if (rc)
		return rc;
	char sql[256];
	int spells = !strcmp(family, "states") || !strcmp(family, "majors");
	/* family names are fixed strings of this module, never user input */
	if (spells)
		snprintf(sql, sizeof sql, "SELECT MIN(styear), MAX(endyear) FROM %s WHERE dsid = ?1", family);
	else if (!strcmp(family, "unga"))
		snprintf(sql, sizeof sql,
			 "SELECT MIN(year), MAX(year) FROM unga WHERE dsid = ?1 AND idealpointfp IS NOT NULL");
	else
		snprintf(sql, sizeof sql, "SELECT MIN(year), MAX(year) FROM %s WHERE dsid = ?1", family);
	sqlite3_stmt *st = NULL;
	rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc)
		return rc;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, dsid);
	int r = mp_store__step(ctx, s, st, family);
	if (r < 0)
		return r;
	if (r == 1 && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*present = 1;
		*first = sqlite3_column_int(st, 0);
		*last = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return MP_OK;
}

typedef struct {
	mp_store_rel_state_fn fn;
	void *u;
	int nv;
	int text; /* columns 1, 2 are stateabb and name */
} state_ctx;

static void state_row(sqlite3_stmt *st, void *u)
{
	state_ctx *c = u;
	double v[4] = { MP_NA, MP_NA, MP_NA, MP_NA };
	int off = c->text ? 3 : 1;
	for (int i = 0; i < c->nv; i++)
		v[i] = mp_store__real(st, off + i);
	const char *abb = c->text ? (const char *)sqlite3_column_text(st, 1) : NULL;
	const char *name = c->text ? (const char *)sqlite3_column_text(st, 2) : NULL;
	c->fn(c->u, sqlite3_column_int(st, 0), abb ? abb : "", name ? name : "", v);
}

int mp_store__rel_members(mp_ctx *ctx, mp_store *s, int year, int last, mp_store_rel_state_fn fn, void *u)
{
	state_ctx c = { fn, u, 0, 1 };
	int ints[2] = { year, last };
	return run(ctx, s, "states",
		   "SELECT ccode, MIN(stateabb), MIN(statenme) FROM states WHERE dsid = ?1 AND styear <= ?2"
		   " AND (endyear >= ?2 OR (endyear >= ?3 AND ?2 > ?3)) GROUP BY ccode ORDER BY ccode",
		   ints, 2, state_row, &c);
}

int mp_store__rel_majors(mp_ctx *ctx, mp_store *s, int year, int last, mp_store_rel_state_fn fn, void *u)
{
	state_ctx c = { fn, u, 0, 1 };
	int ints[2] = { year, last };
	return run(ctx, s, "majors",
		   "SELECT ccode, MIN(stateabb), '' FROM majors WHERE dsid = ?1 AND styear <= ?2"
		   " AND (endyear >= ?2 OR (endyear >= ?3 AND ?2 > ?3)) GROUP BY ccode ORDER BY ccode",
		   ints, 2, state_row, &c);
}

int mp_store__rel_cinc(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u)
{
	state_ctx c = { fn, u, 1, 0 };
	return run(ctx, s, "nmc", "SELECT ccode, cinc FROM nmc WHERE dsid = ?1 AND year = ?2", &year, 1, state_row, &c);
}

int mp_store__rel_ideal(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u)
{
	state_ctx c = { fn, u, 1, 0 };
	return run(ctx, s, "unga",
		   "SELECT ccode, idealpointfp FROM unga WHERE dsid = ?1 AND year = ?2"
		   " AND idealpointfp IS NOT NULL",
		   &year, 1, state_row, &c);
}

int mp_store__rel_trade_totals(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u)
{
	state_ctx c = { fn, u, 1, 0 };
	return run(ctx, s, "trade_national",
		   "SELECT ccode, imports + exports FROM trade_national WHERE dsid = ?1 AND year = ?2", &year, 1,
		   state_row, &c);
}

typedef struct {
	mp_store_rel_dyad_fn fn;
	void *u;
	int nv;
} dyad_ctx;

static void dyad_row(sqlite3_stmt *st, void *u)
{
	dyad_ctx *c = u;
	double v[5];
	for (int i = 0; i < c->nv; i++)
		v[i] = mp_store__real(st, 2 + i);
	c->fn(c->u, sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), v);
}

int mp_store__rel_atop(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 5 };
	return run(ctx, s, "atop_dyad",
		   "SELECT ccode1, ccode2, atop_defense, atop_offense, atop_neutral, atop_nonagg,"
		   " atop_consul FROM atop_dyad WHERE dsid = ?1 AND year = ?2",
		   &year, 1, dyad_row, &c);
}

int mp_store__rel_cow_alliance(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 4 };
	return run(ctx, s, "alliance_dyad",
		   "SELECT ccode1, ccode2, cow_defense, cow_neutral, cow_nonagg, cow_entente"
		   " FROM alliance_dyad WHERE dsid = ?1 AND year = ?2",
		   &year, 1, dyad_row, &c);
}

int mp_store__rel_trade(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 2 };
	return run(ctx, s, "trade_dyadic",
		   "SELECT ccode1, ccode2, flow1, flow2 FROM trade_dyadic WHERE dsid = ?1 AND year = ?2", &year, 1,
		   dyad_row, &c);
}

int mp_store__rel_trade_pair(mp_ctx *ctx, mp_store *s, int year, int c1, int c2, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 2 };
	int ints[3] = { year, c1 < c2 ? c1 : c2, c1 < c2 ? c2 : c1 };
	return run(ctx, s, "trade_dyadic",
		   "SELECT ccode1, ccode2, flow1, flow2 FROM trade_dyadic WHERE dsid = ?1 AND year = ?2"
		   " AND ccode1 = ?3 AND ccode2 = ?4",
		   ints, 3, dyad_row, &c);
}

int mp_store__rel_contiguity(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 1 };
	return run(ctx, s, "contiguity",
		   "SELECT ccode1, ccode2, conttype FROM contiguity WHERE dsid = ?1"
		   " AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?2 AND CAST(substr(enddate, 1, 4) AS INTEGER) >= ?2",
		   &year, 1, dyad_row, &c);
}

int mp_store__rel_rivalries(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u)
{
	dyad_ctx c = { fn, u, 0 };
	return run(ctx, s, "rivalries",
		   "SELECT ccode1, ccode2 FROM rivalries WHERE dsid = ?1 AND styear <= ?2"
		   " AND (endyear IS NULL OR endyear >= ?2)",
		   &year, 1, dyad_row, &c);
}

int mp_store__rel_newest_year(mp_ctx *ctx, mp_store *s, const char *family, int year, int within, int *out)
{
	*out = 0;
	if (!mp_store_has(s, family))
		return MP_OK;
	int64_t dsid = 0;
	int rc = mp_store__dsid(ctx, s, family, NULL, &dsid);
	if (rc)
		return rc;
	char sql[160];
	/* family names are fixed strings of the library, never user input */
	snprintf(sql, sizeof sql, "SELECT max(year) FROM %s WHERE dsid = ?1 AND year <= ?2 AND year >= ?3", family);
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(ctx, s, sql, &st)) != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, year - within);
	int r = mp_store__step(ctx, s, st, family);
	if (r < 0)
		return r;
	if (r == 1 && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return MP_OK;
}

typedef struct {
	mp_store_rel_gdp_fn fn;
	void *u;
} gdp_ctx;

static void gdp_row(sqlite3_stmt *st, void *u)
{
	gdp_ctx *c = u;
	const char *iso = (const char *)sqlite3_column_text(st, 0);
	/* Maddison: gdppc in 2011 int$, pop in thousands -> GDP = gdppc*pop*1000 $,
	 * i.e. gdppc*pop/1000 millions (docs/data.md, Maddison Project Database 2023). */
	double gdp = mp_store__real(st, 2) * mp_store__real(st, 3) / 1000.0;
	c->fn(c->u, iso ? iso : "", gdp);
}

int mp_store__rel_gdp(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_gdp_fn fn, void *u)
{
	gdp_ctx c = { fn, u };
	return run(ctx, s, "maddison",
		   "SELECT countrycode, NULL, gdppc, pop FROM maddison WHERE dsid = ?1 AND year = ?2", &year, 1,
		   gdp_row, &c);
}

int mp_store__rel_find_state(mp_ctx *ctx, mp_store *s, const char *text, int *ccode, char *abb)
{
	int64_t dsid = 0;
	sqlite3_stmt *st = NULL;
	*ccode = 0;
	abb[0] = '\0';
	int rc = mp_store__dsid(ctx, s, "states", NULL, &dsid);
	if (rc)
		return rc;
	rc = mp_store__prepare(ctx, s,
			       "SELECT ccode, stateabb FROM states WHERE dsid = ?1 AND (CAST(ccode AS TEXT) = ?2"
			       " OR stateabb = ?2 COLLATE NOCASE OR statenme = ?2 COLLATE NOCASE)"
			       " ORDER BY endyear DESC LIMIT 1",
			       &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		*ccode = sqlite3_column_int(st, 0);
		const char *a = (const char *)sqlite3_column_text(st, 1);
		snprintf(abb, 8, "%s", a ? a : "");
	} else if (r != SQLITE_DONE) {
		rc = mp_store__error(ctx, s, "states");
	}
	sqlite3_reset(st);
	return rc;
}
