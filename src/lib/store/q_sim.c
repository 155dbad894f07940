/* Queries of the simulation: start-year dyads and the run-result tables (q_sim.h). */
#include "q_sim.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Index of ccode in the sorted (ccode, index) pairs, or -1. */
static int find(const int *sorted, size_t n, int cc)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (sorted[2 * mid] < cc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < n && sorted[2 * lo] == cc) ? sorted[2 * lo + 1] : -1;
}

/* Marks pairs of a (ccode1, ccode2) query into m (symmetric); one int parameter: year. */
static int mark_pairs(mp_ctx *ctx, mp_store *s, const char *sql, int64_t dsid, int year, const int *idx, size_t n,
		      double *m)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	int r;
	while ((r = mp_store__step(ctx, s, st, "read dyads")) == 1) {
		int i = find(idx, n, sqlite3_column_int(st, 0)), j = find(idx, n, sqlite3_column_int(st, 1));
		if (i >= 0 && j >= 0 && i != j)
			m[(size_t)i * n + (size_t)j] = m[(size_t)j * n + (size_t)i] = 1;
	}
	if (r < 0)
		return r; /* a read error is an error, never fewer pairs */
	sqlite3_reset(st);
	return MP_OK;
}

/* Newest year <= year (within 5) of a dyad-year family, or 0. */
static int newest_year(mp_ctx *ctx, mp_store *s, const char *table, int64_t dsid, int year, int *out)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT max(year) FROM %s WHERE dsid = ?1 AND year <= ?2 AND year >= ?2 - 5", table);
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	*out = 0;
	int r = mp_store__step(ctx, s, st, table);
	if (r < 0)
		return r;
	if (r == 1 && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return MP_OK;
}

/* The dataset id of an imported family: *dsid = 0 when it is not imported; a database
 * error is returned, never taken for "not imported". */
static int family_dsid(mp_ctx *ctx, mp_store *s, const char *family, int64_t *dsid)
{
	*dsid = 0;
	int has = mp_store_has(s, family);
	if (has == 0)
		return MP_OK;
	return mp_store__dsid(ctx, s, family, NULL, dsid);
}

int mp_store__sim_dyads(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *trade,
			double *contig, double *ally, double *rival)
{
	int rc = MP_OK;
	int *idx = malloc(2 * n * sizeof *idx);
	if (!idx)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		idx[2 * i] = ccodes[i];
		idx[2 * i + 1] = (int)i;
	}
	qsort(idx, n, 2 * sizeof *idx, cmp_int);
	for (size_t k = 0; k < n * n; k++) {
		trade[k] = MP_NA;
		contig[k] = MP_NA;
		ally[k] = MP_NA;
		rival[k] = MP_NA;
	}
	sqlite3_stmt *st;
	int64_t dsid;
	if ((rc = family_dsid(ctx, s, "trade_dyadic", &dsid)) != MP_OK)
		goto done;
	if (dsid) {
		int ty = 0;
		if ((rc = newest_year(ctx, s, "trade_dyadic", dsid, year, &ty)) != MP_OK)
			goto done;
		if (ty) {
			rc = mp_store__prepare(ctx, s,
					       "SELECT ccode1, ccode2, flow1, flow2 FROM trade_dyadic WHERE dsid = ?1 AND year = ?2",
					       &st);
			if (rc != MP_OK)
				goto done;
			sqlite3_bind_int64(st, 1, dsid);
			sqlite3_bind_int(st, 2, ty);
			int r;
			while ((r = mp_store__step(ctx, s, st, "read trade_dyadic")) == 1) {
				int i = find(idx, n, sqlite3_column_int(st, 0)), j = find(idx, n, sqlite3_column_int(st, 1));
				double f1 = mp_store__real(st, 2), f2 = mp_store__real(st, 3);
				if (i < 0 || j < 0 || i == j)
					continue;
				/* COW codes missing flows as -9 in some releases. */
				double v = (isfinite(f1) && f1 >= 0 ? f1 : 0) + (isfinite(f2) && f2 >= 0 ? f2 : 0);
				if (!(isfinite(f1) && f1 >= 0) && !(isfinite(f2) && f2 >= 0))
					continue;
				trade[(size_t)i * n + (size_t)j] = trade[(size_t)j * n + (size_t)i] = v;
			}
			if (r < 0) {
				rc = r;
				goto done;
			}
			sqlite3_reset(st);
		}
	}
	if ((rc = family_dsid(ctx, s, "contiguity", &dsid)) != MP_OK)
		goto done;
	if (dsid) {
		for (size_t k = 0; k < n * n; k++)
			contig[k] = 0;
		if ((rc = mark_pairs(ctx, s,
				     "SELECT ccode1, ccode2 FROM contiguity WHERE dsid = ?1 AND conttype = 1"
				     " AND CAST(substr(stdate, 1, 4) AS INTEGER) <= ?2"
				     " AND CAST(substr(enddate, 1, 4) AS INTEGER) >= ?2",
				     dsid, year, idx, n, contig)) != MP_OK)
			goto done;
	}
	/* defence pacts: ATOP 5.1 (to 2018), else COW 4.1 (to 2012) */
	static const struct { const char *family, *sql; } pacts[] = {
		{ "atop_dyad", "SELECT ccode1, ccode2 FROM atop_dyad WHERE dsid = ?1 AND year = ?2 AND atop_defense = 1" },
		{ "alliance_dyad", "SELECT ccode1, ccode2 FROM alliance_dyad WHERE dsid = ?1 AND year = ?2 AND cow_defense = 1" }
	};
	for (size_t k = 0; k < 2; k++) {
		int ay = 0;
		if ((rc = family_dsid(ctx, s, pacts[k].family, &dsid)) != MP_OK)
			goto done;
		if (!dsid)
			continue;
		if ((rc = newest_year(ctx, s, pacts[k].family, dsid, year, &ay)) != MP_OK)
			goto done;
		if (!ay)
			continue;
		for (size_t q = 0; q < n * n; q++)
			ally[q] = 0;
		if ((rc = mark_pairs(ctx, s, pacts[k].sql, dsid, ay, idx, n, ally)) != MP_OK)
			goto done;
		break;
	}
	if ((rc = family_dsid(ctx, s, "rivalries", &dsid)) != MP_OK)
		goto done;
	if (dsid) {
		for (size_t q = 0; q < n * n; q++)
			rival[q] = 0;
		rc = mark_pairs(ctx, s,
				"SELECT ccode1, ccode2 FROM rivalries WHERE dsid = ?1 AND styear <= ?2"
				" AND (endyear IS NULL OR endyear >= ?2)",
				dsid, year, idx, n, rival);
	}
done:
	free(idx);
	return rc;
}

int mp_store__sim_run_insert(mp_ctx *ctx, mp_store *s, const char *scenario, const char *scenario_path,
			     uint64_t seed, int runs, int start, int horizon, const char *world_source,
			     const char *params_json, int64_t job, int64_t *run_id)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "INSERT INTO sim_runs(scenario, scenario_path, seed, runs, start, horizon, world, params, job)"
				   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, scenario, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, scenario_path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)seed);
	sqlite3_bind_int(st, 4, runs);
	sqlite3_bind_int(st, 5, start);
	sqlite3_bind_int(st, 6, horizon);
	sqlite3_bind_text(st, 7, world_source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, params_json, -1, SQLITE_TRANSIENT);
	if (job > 0)
		sqlite3_bind_int64(st, 9, job);
	else
		sqlite3_bind_null(st, 9);
	if ((rc = mp_store__step_done(ctx, s, st, "store simulation run")) != MP_OK)
		return rc;
	*run_id = sqlite3_last_insert_rowid(mp_store__db(s));
	if (job <= 0) {
		char sql[96];
		snprintf(sql, sizeof sql, "UPDATE sim_runs SET job = run_id WHERE run_id = %lld", (long long)*run_id);
		return mp_store__exec(ctx, s, sql);
	}
	return MP_OK;
}

int mp_store__sim_summary_insert(mp_ctx *ctx, mp_store *s, int64_t run_id, const char *scenario, int year,
				 const char *unit, const char *variable, const double q[5], double mean)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "INSERT INTO sim_summary(run_id, scenario, year, unit, variable, q05, q25, q50, q75, q95, mean)"
				   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, scenario, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, year);
	sqlite3_bind_text(st, 4, unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, variable, -1, SQLITE_TRANSIENT);
	for (int k = 0; k < 5; k++) {
		if (isfinite(q[k]))
			sqlite3_bind_double(st, 6 + k, q[k]);
		else
			sqlite3_bind_null(st, 6 + k);
	}
	if (isfinite(mean))
		sqlite3_bind_double(st, 11, mean);
	else
		sqlite3_bind_null(st, 11);
	return mp_store__step_done(ctx, s, st, "store simulation summary");
}
