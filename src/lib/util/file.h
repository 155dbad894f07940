/*
 * Internal: the one whole-file reader. Only regular files are read: a directory, a device,
 * a FIFO or a socket is refused before anything is allocated (a directory's st_size is
 * not its content, and /dev/zero never ends), and so is a file larger than `max` bytes.
 */
#ifndef MP_UTIL_FILE_H
#define MP_UTIL_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "multipolar/common.h"

/* Default limit for input files (datasets, scenarios, tables): 1 GiB. */
#define MP_FILE_MAX ((size_t)1 << 30)

/* Reads `path` into a malloc'd buffer with a NUL after the last byte (*len bytes, the NUL
 * not counted). Errors, with the path in ctx: MP_ENOTFOUND (no such file), MP_EINPUT
 * (a directory or another non-regular file; larger than max), MP_EIO (unreadable). */
int mp_file__read(mp_ctx *ctx, const char *path, size_t max, char **out, size_t *len);

/* Opens `path` for reading in binary mode after the same checks (regular file, at most
 * max bytes); *size gets its size. The caller fcloses *out. */
int mp_file__open(mp_ctx *ctx, const char *path, size_t max, FILE **out, size_t *size);

#endif
