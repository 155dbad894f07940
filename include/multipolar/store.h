/*
 * The store: one SQLite file holding imported datasets (with provenance) and run results.
 * Only this module talks to SQLite (DESIGN.md section 2).
 *
 * Default path: --db, else $MULTIPOLAR_DB, else ./multipolar.db. WAL mode; each import and
 * each batch of run results is one transaction; the schema is versioned (PRAGMA
 * user_version) and migrated forward on open.
 *
 * Imported tables carry the file's own column names plus `dsid`, the id of the dataset
 * version in table `datasets`, so several versions of one dataset (NMC v6 and v7) live
 * side by side. Missing values are NULL.
 */
#ifndef MULTIPOLAR_STORE_H
#define MULTIPOLAR_STORE_H

#include "multipolar/export.h"

#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_store mp_store;

enum {
	MP_STORE_READONLY = 1, /* open an existing file read-only */
	MP_STORE_CREATE = 2    /* create the file if missing */
};

MP_EXTERN int mp_store_open(mp_ctx *ctx, const char *path, int flags, mp_store **out);
MP_EXTERN void mp_store_free(mp_store *s);
MP_EXTERN const char *mp_store_path(const mp_store *s);

/* Transactions (nesting is not supported). rollback is safe to call after a failure. */
MP_EXTERN int mp_store_begin(mp_ctx *ctx, mp_store *s);
MP_EXTERN int mp_store_commit(mp_ctx *ctx, mp_store *s);
MP_EXTERN void mp_store_rollback(mp_store *s);
/* A read transaction: every query until mp_store_read_end sees one snapshot of the
 * database (WAL), whatever other processes commit meanwhile. Not nested. */
MP_EXTERN int mp_store_read_begin(mp_ctx *ctx, mp_store *s);
MP_EXTERN void mp_store_read_end(mp_store *s);

/* One imported dataset version (a row of table `datasets`). */
typedef struct mp_dataset_info {
	int64_t id;
	char family[32];     /* table name: "nmc", "atop_dyad", ... */
	char name[96];       /* human name: "COW National Material Capabilities" */
	char version[32];    /* "6.0" */
	char sha256[65];
	char file[256];      /* base name of the imported file */
	char imported_at[32];
	int64_t rows;
	int year_min, year_max; /* 0 when the dataset has no years */
	char citation[768];
} mp_dataset_info;

/* All imported datasets, ordered by family then id. *out is malloc'd (free()). */
MP_EXTERN int mp_store_datasets(mp_ctx *ctx, mp_store *s, mp_dataset_info **out, size_t *n);
/* The dataset version to use for `family`: `version` if given, else the newest (largest
 * year_max, then the latest import). MP_ENOTFOUND with a hint to import when absent. */
MP_EXTERN int mp_store_dataset_pick(mp_ctx *ctx, mp_store *s, const char *family, const char *version,
			  mp_dataset_info *out);
/* Whether the family has any imported version: 1, 0, or -1 when the database cannot be
 * read (true in a test, so the caller goes on to read the family and reports the error). */
MP_EXTERN int mp_store_has(mp_store *s, const char *family);

/* A negotiation result to store (tables bargain_runs, bargain_positions, bargain_forecast,
 * bargain_settings, bargain_summary, bargain_quantiles; docs/bargaining.md "Stored
 * results"). The tables are those `multipolar negotiate` prints with --show positions,
 * forecast and summary, and with --sensitivity; columns are found by name. */
typedef struct mp_bargain_record {
	const char *name;       /* e.g. the input's base name */
	const char *model;      /* "eu" or "smp" */
	const char *input;      /* the input file */
	const mp_table *positions; /* round, actor, dim, position */
	const mp_table *forecast;  /* round, dim, weighted_mean, weighted_median */
	const mp_table *summary;   /* model, actors, rounds, stopped_by, dim, weighted_mean,
				    * weighted_median, low, high, nearest_mark, nearest_mark_means,
				    * low_means, high_means (the last six may be absent) */
	/* Added in 0.2 (may be 0/NULL): */
	int illustrative;          /* the input is marked illustrative: not data */
	const char *description;   /* the scenario's description */
	const char *settings;      /* the settings in effect ("model=eu rounds=10 ...") */
	const mp_table *quantiles; /* dim, statistic, replicates, q05, q25, q50, q75, q95 */
} mp_bargain_record;

/* Stores one negotiation result in one transaction; *run_id (may be NULL) gets its id. */
MP_EXTERN int mp_store_bargain_save(mp_ctx *ctx, mp_store *s, const mp_bargain_record *rec, int64_t *run_id);

#ifdef __cplusplus
}
#endif
#endif
