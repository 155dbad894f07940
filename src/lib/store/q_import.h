/* Store side of dataset import: tables, bulk inserts, provenance rows. */
#ifndef MP_STORE_Q_IMPORT_H
#define MP_STORE_Q_IMPORT_H

#include <stdint.h>

#include "multipolar/store.h"

typedef enum { MP_STORE_SQL_INT, MP_STORE_SQL_REAL, MP_STORE_SQL_TEXT } mp_store_sql_type;

typedef struct mp_store_sql_col {
	const char *name;
	mp_store_sql_type type;
} mp_store_sql_col;

typedef struct mp_store_sql_value {
	int null;
	int64_t i;
	double r;
	const char *s;
} mp_store_sql_value;

typedef struct mp_store_inserter mp_store_inserter;

/* Id of the dataset with this SHA-256, or 0. */
int mp_store__dataset_by_sha(mp_ctx *ctx, mp_store *s, const char *sha256, mp_dataset_info *out, int *found);
/* Inserts a provenance row (inside the caller's transaction); rows and years updated
 * later with mp_store__dataset_finish. */
int mp_store__dataset_add(mp_ctx *ctx, mp_store *s, const mp_dataset_info *info, int64_t *id);
int mp_store__dataset_version(mp_ctx *ctx, mp_store *s, int64_t id, const char *version);
int mp_store__dataset_finish(mp_ctx *ctx, mp_store *s, int64_t id, int64_t rows, int year_min, int year_max);
/* Creates (or extends) table `table` with columns dsid + cols, and prepares an insert. */
int mp_store__inserter_new(mp_ctx *ctx, mp_store *s, const char *table, const mp_store_sql_col *cols, size_t ncols,
			   int64_t dsid, mp_store_inserter **out);
/* Inserts a row (possibly deferred into a multi-row batch: text values must stay valid
 * until the flush). */
int mp_store__insert(mp_ctx *ctx, mp_store_inserter *ins, const mp_store_sql_value *vals);
/* Inserts the rows still pending in a batch. */
int mp_store__inserter_flush(mp_ctx *ctx, mp_store_inserter *ins);
void mp_store__inserter_free(mp_store_inserter *ins);
/* CREATE INDEX IF NOT EXISTS on table(cols) for each ';'-separated list. */
/* Bulk mode for an import (on = 1) or back to normal (0): a small page cache while rows
 * are written once (store.c). Changes neither durability nor atomicity. */
int mp_store__bulk(mp_ctx *ctx, mp_store *s, int on);
int mp_store__index(mp_ctx *ctx, mp_store *s, const char *table, const char *lists);

#endif
