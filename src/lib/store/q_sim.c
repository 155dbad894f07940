/* Queries of the stored simulation results: the run-result tables (q_sim.h). */
#include "q_sim.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int mp_store__sim_run_insert(mp_ctx *ctx, mp_store *s, const char *scenario, const char *scenario_path, uint64_t seed,
			     int runs, int start, int horizon, const char *world_source, const char *params_json,
			     int64_t job, int64_t *run_id)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s,
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
	int rc = mp_store__prepare(
		ctx, s,
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
