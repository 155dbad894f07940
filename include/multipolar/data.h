/*
 * Importing the field's standard datasets (COW, ATOP, UNGA ideal points, Maddison, SIPRI,
 * trade, conflict and geography files) from CSV into the store.
 *
 * A file's dataset is detected from its header. An import is all-or-nothing: one
 * transaction; on any error nothing from that file is kept and the database is otherwise
 * unchanged. Importing the same file (same SHA-256) again changes nothing.
 */
#ifndef MULTIPOLAR_DATA_H
#define MULTIPOLAR_DATA_H

#include "multipolar/export.h"

#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_import_result {
	char family[32];
	char name[96];
	char version[32];
	int64_t dataset_id;
	int64_t rows;
	int year_min, year_max;
	int already; /* 1: the same file was imported before; nothing changed */
} mp_import_result;

/* Imports one CSV file. Errors name the file, line and column and what was expected. */
MP_EXTERN int mp_import_file(mp_ctx *ctx, mp_store *s, const char *path, mp_import_result *out);
/* The dataset family (table name, e.g. "nmc") whose layout the file's header matches,
 * reading only its first line: MP_OK with *family set, MP_ENOTFOUND (with the reason in
 * ctx) when the file is not a CSV text file or its header matches no known dataset, so a
 * folder's README or PDF can be told from a broken dataset. */
MP_EXTERN int mp_import_detect(mp_ctx *ctx, const char *path, char *family, size_t size);

/* The known dataset families: count, and the i-th family's table name, human name and
 * citation (static strings). */
MP_EXTERN size_t mp_data_families(void);
MP_EXTERN const char *mp_data_family_table(size_t i);
MP_EXTERN const char *mp_data_family_name(size_t i);
MP_EXTERN const char *mp_data_family_citation(size_t i);

#ifdef __cplusplus
}
#endif
#endif
