/*
 * Output files written atomically: the data go to a temporary file beside the target
 * (`PATH.tmpXXXXXX`), which is flushed, synced and renamed onto the target only when the
 * whole output is written, so an interrupted or failed command never leaves a half-written
 * file and an existing one is replaced only by a complete one. The file is created with
 * mode 0666 less the process umask (0644 under the usual 022), like any file a program
 * creates with open(2), so results on shared servers are readable as the user set.
 * The temporary file is removed on every way out that can be caught: an error, exit(), and
 * SIGINT, SIGTERM or SIGHUP when the program's handler calls mp_output_cleanup() (the CLI
 * does). Only kill -9 can leave one behind, and never a partial target.
 */
#ifndef MULTIPOLAR_OUTPUT_H
#define MULTIPOLAR_OUTPUT_H

#include "multipolar/export.h"

#include <stdio.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_output {
	FILE *f;    /* write here */
	char *tmp;  /* the temporary file (malloc'd) */
	char *path; /* the target (malloc'd copy) */
} mp_output;

/* Creates the temporary file beside `path`. MP_EIO (naming the path and the reason) when
 * it cannot be created. */
MP_EXTERN int mp_output_open(mp_ctx *ctx, const char *path, mp_output *o);
/* Finishes: with rc == MP_OK flushes, syncs and renames the file into place; otherwise
 * (or when writing failed) removes it. Returns rc, or the write error. Frees o. */
MP_EXTERN int mp_output_close(mp_ctx *ctx, mp_output *o, int rc);
/* Removes every temporary file still open. Async-signal-safe: for signal handlers. */
MP_EXTERN void mp_output_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
