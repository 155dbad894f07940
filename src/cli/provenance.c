/* See provenance.h. */
#include "provenance.h"

#include <stdio.h>
#include <stdlib.h>

int cli_record_sim(mp_ctx *ctx, mp_store *s, int64_t run_id, const mp_scenario *sc, const cli_sim_setup *setup,
		   int64_t seed, int runs)
{
	char sha[4][65];
	char *world = NULL, *poles = NULL;
	mp_run_input in[4];
	size_t n = 0;
	int rc = MP_OK;
	if (sc->path[0] && (rc = mp_file_sha256(ctx, sc->path, sha[n])) == MP_OK) {
		in[n] = (mp_run_input){ "scenario", sc->path, sha[n] };
		n++;
	}
	if (rc == MP_OK && !setup->from_db) {
		/* the shipped default world (or the scenario's own file) */
		if (!sc->world[0])
			rc = mp_data_path(ctx, "world/world.csv", &world);
		const char *wp = sc->world[0] ? sc->world : world;
		if (rc == MP_OK && (rc = mp_file_sha256(ctx, wp, sha[n])) == MP_OK) {
			in[n] = (mp_run_input){ "world", wp, sha[n] };
			n++;
		}
	}
	if (rc == MP_OK) {
		if (!sc->poles[0])
			rc = mp_data_path(ctx, "poles/poles.csv", &poles);
		const char *pp = sc->poles[0] ? sc->poles : poles;
		if (rc == MP_OK && (rc = mp_file_sha256(ctx, pp, sha[n])) == MP_OK) {
			in[n] = (mp_run_input){ "poles", pp, sha[n] };
			n++;
		}
	}
	if (rc == MP_OK && setup->params_file[0] && (rc = mp_file_sha256(ctx, setup->params_file, sha[n])) == MP_OK) {
		in[n] = (mp_run_input){ "params", setup->params_file, sha[n] };
		n++;
	}
	if (rc == MP_OK) {
		char params[800];
		snprintf(params, sizeof params, "%s; the values: sim_runs.params of run %lld", setup->params,
			 (long long)run_id);
		mp_run_provenance p = { "sim", run_id, seed, runs, params, NULL, in, n };
		rc = mp_store_provenance_record(ctx, s, &p);
	}
	free(world);
	free(poles);
	return rc;
}
