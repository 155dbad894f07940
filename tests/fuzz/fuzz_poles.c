/* Fuzz target: the pole membership file parser. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "multipolar/poles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	if (mp_fuzz_tmpfile(data, size, path) != 0)
		return 0;
	mp_ctx *ctx = NULL;
	mp_poles *p = NULL;
	if (mp_ctx_new(&ctx) == MP_OK && mp_poles_load(ctx, path, &p) == MP_OK) {
		for (size_t i = 0; i < mp_poles_spells(p); i++)
			(void)mp_poles_name(p, mp_poles_spell(p, i)->pole);
		(void)mp_poles_of(p, 2, 2000);
	}
	mp_poles_free(p);
	mp_ctx_free(ctx);
	unlink(path);
	return 0;
}
