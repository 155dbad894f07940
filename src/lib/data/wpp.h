/* Internal: the reader of UN World Population Prospects files (wpp.c), called by
 * mp_import_file for files in the layout of the wpp R packages. */
#ifndef MP_DATA_WPP_H
#define MP_DATA_WPP_H

#include <stddef.h>

#include "multipolar/data.h"

/* 1 when the first line of buf looks like a WPP file: tab-separated with a
 * country_code column. */
int mp_data__wpp_detect(const char *buf, size_t len);
/* The family a WPP file's name stands for ("wpp_pop", ...; NULL: not a package file). */
const char *mp_data__wpp_family_of(const char *path);
/* 1 for the dataset families this reader fills (wpp_*). */
int mp_data__wpp_family(const char *family);
/* Imports one WPP file held in buf (modified in place; NUL-terminated at len) in one
 * transaction, with provenance (sha: the file's SHA-256 in hex). */
int mp_data__wpp_import(mp_ctx *ctx, mp_store *s, const char *path, char *buf, size_t len, const char *sha,
			mp_import_result *out);

#endif
