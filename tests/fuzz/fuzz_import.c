/* Fuzz target: the CSV reader and dataset importer on arbitrary bytes, into an in-memory
 * SQLite store. Any input must give MP_OK or a clean error, never a crash or leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "multipolar/data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	if (mp_fuzz_tmpfile(data, size, path) != 0)
		return 0;
	mp_ctx *ctx = NULL;
	mp_store *s = NULL;
	mp_import_result r;
	if (mp_ctx_new(&ctx) == MP_OK && mp_store_open(ctx, ":memory:", MP_STORE_CREATE, &s) == MP_OK)
		(void)mp_import_file(ctx, s, path, &r);
	mp_store_free(s);
	mp_ctx_free(ctx);
	unlink(path);
	return 0;
}
