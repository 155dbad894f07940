/* Queries of the calibration and the backtest: every one bounded by `year <= until`. */
#include "q_calib.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

typedef struct {
	const char *family;
	const char *sql; /* ?1 dsid, ?2 from, ?3 until */
	int ni, nr, txt;
} qspec;

static const qspec specs[MP_STORE_CALIB_COUNT] = {
	[MP_STORE_CALIB_INCOME] = { "maddison",
				    "SELECT 0, m.year, m.gdppc, m.pop, m.countrycode || '|' || COALESCE(m.region, '')"
				    " FROM maddison m WHERE m.dsid = ?1 AND m.year >= ?2 AND m.year <= ?3"
				    " ORDER BY m.countrycode, m.year",
				    2, 2, 1 },
	[MP_STORE_CALIB_NMC] = { "nmc",
				 "SELECT ccode, year, cinc, milex, tpop FROM nmc WHERE dsid = ?1 AND year >= ?2 AND year <= ?3"
				 " ORDER BY ccode, year",
				 2, 3, 0 },
	[MP_STORE_CALIB_TRADE] = { "trade_dyadic",
				   "SELECT ccode1, ccode2, year, flow1, flow2 FROM trade_dyadic"
				   " WHERE dsid = ?1 AND year >= ?2 AND year <= ?3 ORDER BY year, ccode1, ccode2",
				   3, 2, 0 },
	[MP_STORE_CALIB_CAPITALS] = { "capitals",
				      "SELECT ccode, CAST(substr(stdate, 1, 4) AS INTEGER), CAST(substr(enddate, 1, 4) AS INTEGER),"
				      " lat, lng FROM capitals WHERE dsid = ?1 AND ?2 <= ?3"
				      " AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?3 ORDER BY ccode, stdate",
				      3, 2, 0 },
	[MP_STORE_CALIB_CONTIGUITY] = { "contiguity",
					"SELECT ccode1, ccode2, conttype, CAST(substr(stdate, 1, 4) AS INTEGER),"
					" CAST(substr(enddate, 1, 4) AS INTEGER) FROM contiguity WHERE dsid = ?1 AND ?2 <= ?3"
					" AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?3 ORDER BY ccode1, ccode2, stdate",
					4, 1, 0 },
	[MP_STORE_CALIB_MID_ONSETS] = { "mid_dyad",
					"SELECT DISTINCT ccode1, ccode2, year FROM mid_dyad WHERE dsid = ?1 AND gmlmidonset = 1"
					" AND year >= ?2 AND year <= ?3 ORDER BY year, ccode1, ccode2",
					3, 0, 0 },
	[MP_STORE_CALIB_WAR_ONSETS] = { "war_inter",
					"SELECT DISTINCT ccode1, ccode2, year FROM war_inter WHERE dsid = ?1 AND cowinteronset = 1"
					" AND year >= ?2 AND year <= ?3 ORDER BY year, ccode1, ccode2",
					3, 0, 0 },
	[MP_STORE_CALIB_ALLIANCES] = { "alliance_dyad",
				       "SELECT ccode1, ccode2, year FROM alliance_dyad WHERE dsid = ?1 AND year >= ?2 AND year <= ?3"
				       " ORDER BY year, ccode1, ccode2",
				       3, 0, 0 },
	[MP_STORE_CALIB_RIVALRIES] = { "rivalries",
				       "SELECT ccode1, ccode2, styear, endyear FROM rivalries WHERE dsid = ?1 AND ?2 <= ?3"
				       " AND styear <= ?3 ORDER BY rivalryno",
				       4, 0, 0 },
	[MP_STORE_CALIB_MAJORS] = { "majors",
				    "SELECT ccode, styear, endyear FROM majors WHERE dsid = ?1 AND ?2 <= ?3 AND styear <= ?3"
				    " ORDER BY ccode, styear",
				    3, 0, 0 },
	[MP_STORE_CALIB_SIPRI] = { "sipri",
				   "SELECT ccode, year, milex_const2022_usd_m, milex_share_gdp FROM sipri"
				   " WHERE dsid = ?1 AND ccode IS NOT NULL AND year >= ?2 AND year <= ?3 ORDER BY ccode, year",
				   2, 2, 0 },
	[MP_STORE_CALIB_IDEAL] = { "unga",
				   "SELECT ccode, year, idealpointfp FROM unga WHERE dsid = ?1 AND idealpointfp IS NOT NULL"
				   " AND year >= ?2 AND year <= ?3 ORDER BY ccode, year",
				   2, 1, 0 },
	[MP_STORE_CALIB_PWT] = { "pwt",
				 "SELECT 0, p.year,"
				 " p.csh_c * p.pl_c + p.csh_i * p.pl_i + p.csh_g * p.pl_g + p.csh_x * p.pl_x + p.csh_m * p.pl_m,"
				 " CASE WHEN p.cgdpo > 0 THEN p.cn / p.cgdpo END, CASE WHEN p.rgdpna > 0 THEN p.rnna / p.rgdpna END,"
				 " CASE WHEN p.rgdpna > 0 THEN n.rnna / p.rgdpna END, p.countrycode"
				 " FROM pwt p LEFT JOIN pwt n ON n.dsid = p.dsid AND n.countrycode = p.countrycode"
				 " AND n.year = p.year + 1 AND n.year <= ?3"
				 " WHERE p.dsid = ?1 AND p.year >= ?2 AND p.year <= ?3"
				 " ORDER BY p.countrycode, p.year",
				 2, 4, 1 },
	[MP_STORE_CALIB_NMC_COMP] = { "nmc",
				      "SELECT ccode, year, milper, irst, pec, tpop FROM nmc WHERE dsid = ?1 AND year >= ?2"
				      " AND year <= ?3 ORDER BY ccode, year",
				      2, 4, 0 },
	[MP_STORE_CALIB_WAR_YEARS] = { "war_inter",
				       "SELECT ccode1, year, warnum, MAX(batdeath1) FROM war_inter WHERE dsid = ?1"
				       " AND cowinterongoing = 1 AND year >= ?2 AND year <= ?3 GROUP BY ccode1, year, warnum"
				       " ORDER BY ccode1, year, warnum",
				       3, 1, 0 },
	[MP_STORE_CALIB_MID_YEARS] = { "mid_dyad",
				       "SELECT ccode1, year, MAX(hostlev1) FROM mid_dyad WHERE dsid = ?1 AND gmlmidongoing = 1"
				       " AND year >= ?2 AND year <= ?3 GROUP BY ccode1, year ORDER BY ccode1, year",
				       3, 0, 0 },
	[MP_STORE_CALIB_SIPRI_GDP] = { "sipri",
				       "SELECT ccode, year, milex_current_usd_m / milex_share_gdp FROM sipri WHERE dsid = ?1"
				       " AND ccode IS NOT NULL AND milex_share_gdp > 0 AND milex_current_usd_m > 0"
				       " AND year >= ?2 AND year <= ?3 ORDER BY ccode, year",
				       2, 1, 0 },
	/* conflict and alignment (src/lib/calib/fit_conflict*.c, fit_alignment*.c) */
	[MP_STORE_CALIB_MID_DYAD_YEARS] = { "mid_dyad",
					    "SELECT ccode1, ccode2, year, max(gmlmidonset), max(hostlev) FROM mid_dyad WHERE dsid = ?1"
					    " AND ccode1 < ccode2 AND year >= ?2 AND year <= ?3 GROUP BY ccode1, ccode2, year"
					    " ORDER BY year, ccode1, ccode2",
					    4, 1, 0 },
	[MP_STORE_CALIB_WAR_DYAD_YEARS] = { "war_inter",
					    "SELECT ccode1, ccode2, year, warnum, cowinteronset, outcome1, batdeath1 FROM war_inter"
					    " WHERE dsid = ?1 AND year >= ?2 AND year <= ?3 ORDER BY warnum, ccode1, ccode2, year",
					    4, 3, 0 },
	[MP_STORE_CALIB_DEFENSE] = { "atop_dyad",
				     "SELECT ccode1, ccode2, year FROM atop_dyad WHERE dsid = ?1 AND atop_defense = 1"
				     " AND ccode1 < ccode2 AND year >= ?2 AND year <= ?3 ORDER BY year, ccode1, ccode2",
				     3, 0, 0 },
};

const char *mp_store__calib_family(mp_store_calib_query q)
{
	return q < MP_STORE_CALIB_COUNT ? specs[q].family : "";
}

void mp_store__calib_rows_free(mp_store_calib_rows *r)
{
	if (!r)
		return;
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

static int collect(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, int ni, int nr, int txt, mp_store_calib_rows *out)
{
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 1024;
			mp_store_calib_row *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(st);
				mp_store__calib_rows_free(out);
				return mp_error_set(ctx, MP_ENOMEM, "q_calib.c: out of memory");
			}
			out->v = v;
		}
		mp_store_calib_row *r = &out->v[out->n++];
		memset(r, 0, sizeof *r);
		for (int k = 0; k < ni; k++)
			r->i[k] = mp_store__int(st, k, 0);
		for (int k = 0; k < nr; k++)
			r->r[k] = mp_store__real(st, ni + k);
		if (txt) {
			const unsigned char *t = sqlite3_column_text(st, ni + nr);
			snprintf(r->txt, sizeof r->txt, "%s", t ? (const char *)t : "");
		}
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE) {
		mp_store__calib_rows_free(out);
		return mp_store__error(ctx, s, "calibration query");
	}
	return MP_OK;
}

int mp_store__calib_fetch(mp_ctx *ctx, mp_store *s, mp_store_calib_query q, int from, int until,
			  mp_store_calib_rows *out)
{
	memset(out, 0, sizeof *out);
	if (q >= MP_STORE_CALIB_COUNT)
		return mp_error_set(ctx, MP_EINPUT, "q_calib.c: unknown query %d", (int)q);
	const qspec *sp = &specs[q];
	int64_t dsid = 0;
	int rc = mp_store__dsid(ctx, s, sp->family, NULL, &dsid);
	if (rc != MP_OK)
		return rc;
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(ctx, s, sp->sql, &st)) != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, from);
	sqlite3_bind_int(st, 3, until);
	return collect(ctx, s, st, sp->ni, sp->nr, sp->txt, out);
}

int mp_store__calib_nmc_range(mp_ctx *ctx, mp_store *s, int *first, int *last, char *version, size_t vsize)
{
	mp_dataset_info d;
	int rc = mp_store_dataset_pick(ctx, s, "nmc", NULL, &d);
	if (rc != MP_OK)
		return rc;
	*first = d.year_min;
	*last = d.year_max;
	if (version)
		snprintf(version, vsize, "%s", d.version);
	return MP_OK;
}

int mp_store__calib_nmc_year(mp_ctx *ctx, mp_store *s, int year, mp_store_calib_rows *out)
{
	memset(out, 0, sizeof *out);
	int64_t dsid;
	int rc = mp_store__dsid(ctx, s, "nmc", NULL, &dsid);
	if (rc != MP_OK)
		return rc;
	sqlite3_stmt *st;
	if ((rc = mp_store__prepare(ctx, s,
				    "SELECT ccode, year, cinc FROM nmc WHERE dsid = ?1 AND year = ?2 ORDER BY ccode",
				    &st)) != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	return collect(ctx, s, st, 2, 1, 0, out);
}

static void bind_real(sqlite3_stmt *st, int k, double v)
{
	if (mp_is_na(v))
		sqlite3_bind_null(st, k);
	else
		sqlite3_bind_double(st, k, v);
}

int mp_store__calib_save(mp_ctx *ctx, mp_store *s, int until, const char *notes, const mp_store_calib_fit *fits,
			 size_t n, int64_t *run_id)
{
	/* the tables: store.c, migration 2 -> 3 */
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK)
		return rc;
	sqlite3_stmt *st;
	rc = mp_store__prepare(ctx, s, "INSERT INTO calib_run (until, notes) VALUES (?1, ?2)", &st);
	if (rc == MP_OK) {
		sqlite3_bind_int(st, 1, until);
		sqlite3_bind_text(st, 2, notes, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = mp_store__error(ctx, s, "save calibration run");
		sqlite3_reset(st);
	}
	int64_t id = sqlite3_last_insert_rowid(mp_store__db(s));
	if (rc == MP_OK)
		rc = mp_store__prepare(ctx, s,
				       "INSERT INTO calib_fit (run, param, estimate, se, n, stat_name, stat, method)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				       &st);
	for (size_t k = 0; rc == MP_OK && k < n; k++) {
		const mp_store_calib_fit *p = &fits[k];
		if (p->ccode != 0)
			continue; /* per-state rows: calib_unit below */
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, p->param, -1, SQLITE_TRANSIENT);
		bind_real(st, 3, p->estimate);
		bind_real(st, 4, p->se);
		sqlite3_bind_int64(st, 5, p->n);
		sqlite3_bind_text(st, 6, p->stat_name, -1, SQLITE_TRANSIENT);
		bind_real(st, 7, p->stat);
		sqlite3_bind_text(st, 8, p->method, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = mp_store__error(ctx, s, "save calibration fit");
		sqlite3_reset(st);
	}
	/* Per-state rows (ccode != 0; economy, military): their own table, keyed by state. */
	if (rc == MP_OK)
		rc = mp_store__prepare(ctx, s,
				       "INSERT OR REPLACE INTO calib_unit (run, ccode, param, estimate, se, n, method)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				       &st);
	for (size_t k = 0; rc == MP_OK && k < n; k++) {
		const mp_store_calib_fit *p = &fits[k];
		if (p->ccode == 0)
			continue;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, p->ccode);
		sqlite3_bind_text(st, 3, p->param, -1, SQLITE_TRANSIENT);
		bind_real(st, 4, p->estimate);
		bind_real(st, 5, p->se);
		sqlite3_bind_int64(st, 6, p->n);
		sqlite3_bind_text(st, 7, p->method, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = mp_store__error(ctx, s, "save calibration unit row");
		sqlite3_reset(st);
	}
	if (rc == MP_OK)
		rc = mp_store_commit(ctx, s);
	if (rc != MP_OK) {
		mp_store_rollback(s);
		return rc;
	}
	if (run_id)
		*run_id = id;
	return MP_OK;
}
