/* Recording the provenance of a stored simulation run (docs/panels.md "Provenance"). */
#ifndef MP_CLI_PROVENANCE_H
#define MP_CLI_PROVENANCE_H

#include "multipolar/sim.h"
#include "multipolar/store.h"

/* The scenario file, the default world and pole files it used (their SHA-256), its seed and
 * runs, with the datasets of the store (mp_store_provenance_record). */
int cli_record_sim(mp_ctx *ctx, mp_store *s, int64_t run_id, const mp_scenario *sc, int64_t seed, int runs);

#endif
