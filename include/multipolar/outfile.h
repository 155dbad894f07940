/*
 * Atomic output files: every file multipolar writes (reports, tables with --output,
 * calibrated parameters) is written to a temporary file beside its destination and renamed
 * into place only when complete, so a reader sees the old file or the new one, never half.
 * The temporary file is removed on every other way out: an error, exit(), and SIGINT,
 * SIGTERM or SIGHUP when the program's handler calls mp_outfile_cleanup() (the CLI does).
 * A kill -9 cannot be caught: the next write of the same file removes nothing of it, but
 * the destination itself is never damaged.
 */
#ifndef MULTIPOLAR_OUTFILE_H
#define MULTIPOLAR_OUTFILE_H

#include <stdio.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_outfile mp_outfile;

/* Creates PATH.tmpXXXXXX (mode 0644) beside path and registers it for removal. */
int mp_outfile_open(mp_ctx *ctx, const char *path, mp_outfile **out);
/* The stream to write to. */
FILE *mp_outfile_stream(mp_outfile *o);
/* Ends the file and frees o: when rc == MP_OK flushes, syncs and renames it into place
 * (an I/O error becomes the result); otherwise removes it. Returns the final code. */
int mp_outfile_close(mp_ctx *ctx, mp_outfile *o, int rc);
/* Removes every temporary file still open. Async-signal-safe: for signal handlers. */
void mp_outfile_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
