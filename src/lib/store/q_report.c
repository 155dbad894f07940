/* Store queries of the report module: simulation summaries (read-only). */
#include "q_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/vec.h"

static void copy_text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

int mp_store__report_runs(mp_ctx *ctx, mp_store *s, mp_store_report_run **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "sim_summary"))
		return MP_OK;
	sqlite3_stmt *st = NULL;
	/* the newest run of each scenario: the largest run_id (ids grow with time) */
	int rc = mp_store__prepare(ctx, s,
				   "SELECT r.run_id, r.scenario, MIN(m.year), MAX(m.year) FROM "
				   "(SELECT scenario, MAX(run_id) AS run_id FROM sim_summary GROUP BY scenario) r "
				   "JOIN sim_summary m ON m.run_id = r.run_id AND m.scenario = r.scenario "
				   "GROUP BY r.run_id, r.scenario ORDER BY r.scenario",
				   &st);
	if (rc != MP_OK)
		return rc;
	size_t cap = 0;
	mp_store_report_run *v = NULL;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&v, &cap, *n + 1, 8)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "report: out of memory");
			goto done;
		}
		mp_store_report_run *r = &v[(*n)++];
		r->run_id = sqlite3_column_int64(st, 0);
		copy_text(r->scenario, sizeof r->scenario, st, 1);
		r->first_year = mp_store__int(st, 2, 0);
		r->last_year = mp_store__int(st, 3, 0);
		r->job = 0;
	}
	if (step != SQLITE_DONE)
		rc = mp_store__error(ctx, s, "reading sim_summary");
	sqlite3_reset(st);
	/* the job of each run, where sim_runs says it */
	if (rc == MP_OK && *n && mp_store__has_table(s, "sim_runs") &&
	    (rc = mp_store__prepare(ctx, s, "SELECT job FROM sim_runs WHERE run_id = ?1", &st)) == MP_OK)
		for (size_t i = 0; i < *n && rc == MP_OK; i++) {
			sqlite3_bind_int64(st, 1, v[i].run_id);
			int r = mp_store__step(ctx, s, st, "reading sim_runs");
			if (r < 0)
				rc = r;
			else if (r == 1)
				v[i].job = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
		}
done:
	if (st)
		sqlite3_reset(st);
	if (rc != MP_OK) {
		free(v);
		v = NULL;
		*n = 0;
	}
	*out = v;
	return rc;
}

int mp_store__report_sim_rows(mp_ctx *ctx, mp_store *s, int64_t run_id, const char *scenario,
			      mp_store_report_sim_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = NULL;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT unit, variable, year, q05, q25, q50, q75, q95, mean FROM sim_summary "
				   "WHERE run_id = ?1 AND scenario = ?2 ORDER BY variable, unit, year",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, scenario, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	mp_store_report_sim_row *v = NULL;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&v, &cap, *n + 1, 256)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "report: out of memory");
			goto done;
		}
		mp_store_report_sim_row *r = &v[(*n)++];
		copy_text(r->unit, sizeof r->unit, st, 0);
		copy_text(r->variable, sizeof r->variable, st, 1);
		r->year = mp_store__int(st, 2, 0);
		r->q05 = mp_store__real(st, 3);
		r->q25 = mp_store__real(st, 4);
		r->q50 = mp_store__real(st, 5);
		r->q75 = mp_store__real(st, 6);
		r->q95 = mp_store__real(st, 7);
		r->mean = mp_store__real(st, 8);
	}
	if (step != SQLITE_DONE)
		rc = mp_store__error(ctx, s, "reading sim_summary");
done:
	sqlite3_reset(st);
	if (rc != MP_OK) {
		free(v);
		v = NULL;
		*n = 0;
	}
	*out = v;
	return rc;
}
