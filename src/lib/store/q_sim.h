/* Typed queries of the ensemble module (src/lib/ensemble): stored simulation results; the
 * simulation's start-year dyads come from the world layer (world/dyads.c).
 * Tables of run results are documented in docs/sim.md ("Stored results"). */
#ifndef MP_STORE_Q_SIM_H
#define MP_STORE_Q_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/store.h"

/* Inserts a run description; *run_id receives its id; job <= 0 makes the run its own
 * job (job = run_id). Inside the caller's transaction. */
int mp_store__sim_run_insert(mp_ctx *ctx, mp_store *s, const char *scenario, const char *scenario_path, uint64_t seed,
			     int runs, int start, int horizon, const char *world_source, const char *params_json,
			     int64_t job, int64_t *run_id);
/* One summary row. */
int mp_store__sim_summary_insert(mp_ctx *ctx, mp_store *s, int64_t run_id, const char *scenario, int year,
				 const char *unit, const char *variable, const double q[5], double mean);

#endif
