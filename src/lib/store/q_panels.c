/* Store queries of the panels (see q_panels.h). */
#include "store/q_panels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/vec.h"

/* Prepares `sql` with ?1 = dsid of `family` and ?2.. = ints. *st is NULL (MP_OK) when the
 * family is not imported. */
static int start(mp_ctx *ctx, mp_store *s, const char *family, const char *sql, const int *ints, int nint,
		 sqlite3_stmt **st)
{
	*st = NULL;
	if (!mp_store_has(s, family))
		return MP_OK;
	int64_t dsid = 0;
	int rc = mp_store__dsid(ctx, s, family, NULL, &dsid);
	if (rc == MP_OK)
		rc = mp_store__prepare(ctx, s, sql, st);
	if (rc != MP_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_int64(*st, 1, dsid);
	for (int i = 0; i < nint; i++)
		sqlite3_bind_int(*st, i + 2, ints[i]);
	return MP_OK;
}

static int finish(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, int r, const char *what)
{
	int rc = r == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, what);
	sqlite3_reset(st);
	return rc;
}

static int oom(mp_ctx *ctx, sqlite3_stmt *st)
{
	if (st)
		sqlite3_reset(st);
	return mp_error_set(ctx, MP_ENOMEM, "out of memory");
}

int mp_store__panel_events(mp_ctx *ctx, mp_store *s, const char *family, mp_store_event_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* family names are this module's fixed strings */
	const char *sql = !strcmp(family, "war_inter")
				  ? "SELECT ccode1, ccode2, year, MAX(COALESCE(cowinteronset, 0)) FROM war_inter"
				    " WHERE dsid = ?1 GROUP BY ccode1, ccode2, year"
				  : "SELECT ccode1, ccode2, year, MAX(COALESCE(gmlmidonset, 0)) FROM mid_dyad"
				    " WHERE dsid = ?1 GROUP BY ccode1, ccode2, year";
	sqlite3_stmt *st;
	int rc = start(ctx, s, family, sql, NULL, 0, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 1024))
			return oom(ctx, st);
		mp_store_event_row *e = &(*out)[(*n)++];
		e->ccode1 = sqlite3_column_int(st, 0);
		e->ccode2 = sqlite3_column_int(st, 1);
		e->year = sqlite3_column_int(st, 2);
		e->onset = sqlite3_column_int(st, 3) > 0;
	}
	return finish(ctx, s, st, r, family);
}

int mp_store__panel_participants(mp_ctx *ctx, mp_store *s, const char *family, mp_store_participant_row **out,
				 size_t *n)
{
	*out = NULL;
	*n = 0;
	/* a war participant may have two periods (StartYear2/EndYear2; -8 = not applicable) */
	const char *sql = !strcmp(family, "war_part")
				  ? "SELECT warnum, ccode, side, startyear1, endyear1 FROM war_part WHERE dsid = ?1"
				    " UNION ALL SELECT warnum, ccode, side, startyear2, endyear2 FROM war_part"
				    " WHERE dsid = ?1 AND startyear2 > 0"
				  : "SELECT dispnum, ccode, sidea, styear, endyear FROM mid_part WHERE dsid = ?1";
	sqlite3_stmt *st;
	int rc = start(ctx, s, family, sql, NULL, 0, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 256))
			return oom(ctx, st);
		mp_store_participant_row *p = &(*out)[(*n)++];
		p->event = sqlite3_column_int(st, 0);
		p->ccode = sqlite3_column_int(st, 1);
		p->side = sqlite3_column_int(st, 2);
		p->styear = mp_store__int(st, 3, 0);
		p->endyear = mp_store__int(st, 4, 0);
		if (p->styear < 0)
			p->styear = 0;
		if (p->endyear < 0)
			p->endyear = 0;
	}
	return finish(ctx, s, st, r, family);
}

int mp_store__panel_sipri(mp_ctx *ctx, mp_store *s, int from, int to, mp_store_sy_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int ints[2] = { from, to };
	sqlite3_stmt *st;
	int rc = start(ctx, s, "sipri",
		       "SELECT ccode, year, milex_const2022_usd_m, milex_share_gdp, milex_current_usd_m FROM sipri"
		       " WHERE dsid = ?1 AND ccode IS NOT NULL AND year >= ?2 AND year <= ?3 ORDER BY ccode, year",
		       ints, 2, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 1024))
			return oom(ctx, st);
		mp_store_sy_row *x = &(*out)[(*n)++];
		x->ccode = sqlite3_column_int(st, 0);
		x->year = sqlite3_column_int(st, 1);
		for (int k = 0; k < 3; k++)
			x->v[k] = mp_store__real(st, 2 + k);
		x->v[3] = MP_NA;
	}
	return finish(ctx, s, st, r, "sipri");
}

int mp_store__panel_votes(mp_ctx *ctx, mp_store *s, int year, mp_store_vote_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store_has(s, "un_votes") || !mp_store_has(s, "un_rollcalls"))
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "UN roll-call votes are not imported: run 'multipolar import' "
				    "with unvotes/un_votes.csv and unvotes/un_roll_calls.csv");
	int64_t rc_dsid = 0;
	int rc = mp_store__dsid(ctx, s, "un_rollcalls", NULL, &rc_dsid);
	if (rc != MP_OK)
		return rc;
	int ints[2] = { year, (int)rc_dsid };
	sqlite3_stmt *st;
	rc = start(ctx, s, "un_votes",
		   "SELECT v.rcid, v.country_code, v.country, v.vote FROM un_votes v"
		   " WHERE v.dsid = ?1 AND v.rcid IN (SELECT rcid FROM un_rollcalls WHERE dsid = ?3"
		   " AND CAST(substr(date, 1, 4) AS INTEGER) = ?2) ORDER BY v.rcid",
		   ints, 2, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 3);
		int code = !v ? 0 : !strcmp(v, "yes") ? 1 : !strcmp(v, "abstain") ? 2 : !strcmp(v, "no") ? 3 : 0;
		if (!code)
			continue;
		if (mp_vec_reserve(out, &cap, *n + 1, 4096))
			return oom(ctx, st);
		mp_store_vote_row *x = &(*out)[(*n)++];
		x->rcid = sqlite3_column_int(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1),
			   *nm = (const char *)sqlite3_column_text(st, 2);
		snprintf(x->iso2, sizeof x->iso2, "%s", c ? c : "");
		snprintf(x->name, sizeof x->name, "%s", nm ? nm : "");
		x->vote = code;
	}
	return finish(ctx, s, st, r, "un_votes");
}

int mp_store__panel_rollcalls(mp_ctx *ctx, mp_store *s, int year, mp_store_rollcall_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int64_t is_dsid = 0;
	int have_issues = mp_store_has(s, "un_issues");
	int rc = have_issues ? mp_store__dsid(ctx, s, "un_issues", NULL, &is_dsid) : MP_OK;
	if (rc != MP_OK)
		return rc;
	int ints[2] = { year, (int)is_dsid };
	sqlite3_stmt *st;
	rc = start(
		ctx, s, "un_rollcalls",
		"SELECT r.rcid, COALESCE(r.importantvote, 0),"
		" (SELECT group_concat(i.short_name) FROM un_issues i WHERE i.dsid = ?3 AND i.rcid = r.rcid)"
		" FROM un_rollcalls r WHERE r.dsid = ?1 AND CAST(substr(r.date, 1, 4) AS INTEGER) = ?2 ORDER BY r.rcid",
		ints, 2, &st);
	if (rc == MP_OK && st && !have_issues) {
		sqlite3_reset(st);
		st = NULL;
		rc = start(ctx, s, "un_rollcalls",
			   "SELECT r.rcid, COALESCE(r.importantvote, 0), NULL FROM un_rollcalls r"
			   " WHERE r.dsid = ?1 AND CAST(substr(r.date, 1, 4) AS INTEGER) = ?2 ORDER BY r.rcid",
			   ints, 1, &st);
	}
	if (rc != MP_OK || !st)
		return rc;
	static const char *const fam[6] = { "me", "nu", "di", "hr", "co", "ec" };
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 256))
			return oom(ctx, st);
		mp_store_rollcall_row *x = &(*out)[(*n)++];
		x->rcid = sqlite3_column_int(st, 0);
		x->important = sqlite3_column_int(st, 1) > 0;
		x->issues = 0;
		const char *is = (const char *)sqlite3_column_text(st, 2);
		for (int k = 0; is && k < 6; k++)
			if (strstr(is, fam[k]))
				x->issues |= 1 << k;
	}
	return finish(ctx, s, st, r, "un_rollcalls");
}

int mp_store__panel_vote_years(mp_ctx *ctx, mp_store *s, int *first, int *last)
{
	*first = *last = 0;
	sqlite3_stmt *st;
	int rc = start(ctx, s, "un_rollcalls",
		       "SELECT MIN(CAST(substr(date, 1, 4) AS INTEGER)), MAX(CAST(substr(date, 1, 4) AS INTEGER))"
		       " FROM un_rollcalls WHERE dsid = ?1",
		       NULL, 0, &st);
	if (rc != MP_OK || !st)
		return rc;
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		*first = mp_store__int(st, 0, 0);
		*last = mp_store__int(st, 1, 0);
		r = sqlite3_step(st);
	}
	return finish(ctx, s, st, r, "un_rollcalls");
}

int mp_store__panel_spells(mp_ctx *ctx, mp_store *s, mp_store_spell_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = start(ctx, s, "states",
		       "SELECT ccode, styear, endyear, endyear = (SELECT MAX(endyear) FROM states WHERE dsid = ?1)"
		       " FROM states WHERE dsid = ?1 ORDER BY ccode, styear",
		       NULL, 0, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 256))
			return oom(ctx, st);
		mp_store_spell_row *x = &(*out)[(*n)++];
		x->ccode = sqlite3_column_int(st, 0);
		x->styear = sqlite3_column_int(st, 1);
		x->endyear = sqlite3_column_int(st, 2);
		x->open = sqlite3_column_int(st, 3);
	}
	return finish(ctx, s, st, r, "states");
}

int mp_store__panel_pwt(mp_ctx *ctx, mp_store *s, int from, int to, mp_store_iso_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int ints[2] = { from, to };
	sqlite3_stmt *st;
	int rc = start(ctx, s, "pwt",
		       "SELECT countrycode, year, rgdpe FROM pwt WHERE dsid = ?1 AND year >= ?2 AND year <= ?3"
		       " AND rgdpe IS NOT NULL ORDER BY countrycode, year",
		       ints, 2, &st);
	if (rc != MP_OK || !st)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(out, &cap, *n + 1, 1024))
			return oom(ctx, st);
		mp_store_iso_row *x = &(*out)[(*n)++];
		const char *c = (const char *)sqlite3_column_text(st, 0);
		snprintf(x->iso3, sizeof x->iso3, "%s", c ? c : "");
		x->year = sqlite3_column_int(st, 1);
		x->v = mp_store__real(st, 2);
	}
	return finish(ctx, s, st, r, "pwt");
}
