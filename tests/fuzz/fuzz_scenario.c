/* Fuzz target: the scenario (YAML) loader, including `base:` and `params:` lookups. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "multipolar/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	if (mp_fuzz_tmpfile(data, size, path) != 0)
		return 0;
	mp_ctx *ctx = NULL;
	mp_scenario *sc = malloc(sizeof *sc);
	if (sc && mp_ctx_new(&ctx) == MP_OK)
		(void)mp_scenario_load(ctx, path, sc);
	free(sc);
	mp_ctx_free(ctx);
	unlink(path);
	return 0;
}
