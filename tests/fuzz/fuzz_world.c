/* Fuzz target: the world file loader (data/world/world.csv layout), with the shipped pole
 * table. Whole-number columns (ccode, year) go through the checked conversion of
 * util/num.h: a value such as 1e20 must be an error, never undefined behaviour. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "multipolar/poles.h"
#include "multipolar/world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	if (mp_fuzz_tmpfile(data, size, path) != 0)
		return 0;
	/* the shipped pole table, read once (reachable to the end: not a leak) */
	static mp_poles *p;
	mp_ctx *ctx = NULL;
	mp_world *w = NULL;
	if (mp_ctx_new(&ctx) == MP_OK && (p || mp_poles_load(ctx, NULL, &p) == MP_OK) &&
	    mp_world_load_default(ctx, path, p, &w) == MP_OK)
		(void)mp_world_find(w, 2);
	mp_world_free(w);
	mp_ctx_free(ctx);
	unlink(path);
	return 0;
}
