/* Typed queries of the simulation and ensemble modules (src/lib/sim, src/lib/ensemble).
 * Tables of run results are documented in docs/sim.md ("Stored results"). */
#ifndef MP_STORE_Q_SIM_H
#define MP_STORE_Q_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/store.h"

/* Dyads of the actors ccodes[0..n) for `year` (n*n row-major, symmetric):
 * trade[i*n+j] = flow1 + flow2 of COW dyadic trade (millions of current US$) of the
 * newest year <= `year` within 5 years, NaN where missing or not imported;
 * contig[i*n+j] = 1 for COW direct contiguity type 1 (land or river) in force in `year`,
 * 0 otherwise, NaN everywhere when the contiguity data are not imported;
 * ally[i*n+j] = 1 for a defence pact (ATOP 5.1 atop_defense, else COW cow_defense) in the
 * newest year <= `year` within 5 years, else 0 (NaN when neither is imported);
 * rival[i*n+j] = 1 for a Thompson-Dreyer strategic rivalry in force in `year`, else 0
 * (NaN when not imported). */
int mp_store__sim_dyads(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *trade,
			double *contig, double *ally, double *rival);

/* Inserts a run description; *run_id receives its id; job <= 0 makes the run its own
 * job (job = run_id). Inside the caller's transaction. */
int mp_store__sim_run_insert(mp_ctx *ctx, mp_store *s, const char *scenario, const char *scenario_path,
			     uint64_t seed, int runs, int start, int horizon, const char *world_source,
			     const char *params_json, int64_t job, int64_t *run_id);
/* One summary row. */
int mp_store__sim_summary_insert(mp_ctx *ctx, mp_store *s, int64_t run_id, const char *scenario, int year,
				 const char *unit, const char *variable, const double q[5], double mean);

#endif
