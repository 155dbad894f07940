/* Recording the provenance of a stored simulation run (docs/panels.md "Provenance"). */
#ifndef MP_CLI_PROVENANCE_H
#define MP_CLI_PROVENANCE_H

#include "multipolar/sim.h"
#include "multipolar/store.h"
#include "simprep.h"

/* The scenario file, the default world and pole files and the parameter file it used (their
 * SHA-256), its seed, runs and parameters' source (`setup`, from cli_sim_prepare), with the
 * datasets of the store (mp_store_provenance_record). */
int cli_record_sim(mp_ctx *ctx, mp_store *s, int64_t run_id, const mp_scenario *sc, const cli_sim_setup *setup,
		   int64_t seed, int runs);

#endif
