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
	char family[32];  /* table name: "nmc", "atop_dyad", ... */
	char name[96];    /* human name: "COW National Material Capabilities" */
	char version[32]; /* "6.0" */
	char sha256[65];
	char file[256]; /* base name of the imported file */
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
	const char *name;          /* e.g. the input's base name */
	const char *model;         /* "eu" or "smp" */
	const char *input;         /* the input file */
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

/* ---- provenance of stored runs (docs/panels.md "Provenance") ----------------------- */

/* The git commit the library was built from ("<sha>", "<sha>-dirty" or "unknown"). */
MP_EXTERN const char *mp_git_commit(void);
/* The command line of this process, as the front end passed it (recorded with each run;
 * "" until set). Arguments with blanks or quotes are quoted. */
MP_EXTERN void mp_set_command_line(int argc, char *const *argv);
MP_EXTERN const char *mp_command_line(void);
/* SHA-256 of a file's bytes as 64 hex digits (MP_EIO naming the file on failure). */
MP_EXTERN int mp_file_sha256(mp_ctx *ctx, const char *path, char out[65]);

typedef struct mp_run_input {
	const char *role; /* "dataset", "scenario", "params", "world", "poles", "input" */
	const char *name; /* file name (datasets: family and file) */
	const char *sha256;
} mp_run_input;
typedef struct mp_run_provenance {
	const char *kind;     /* "sim", "eval", "calib", "bargain" */
	int64_t run_id;       /* the run's id in its own table */
	int64_t seed;         /* -1 none */
	int runs;             /* 0 none */
	const char *params;   /* the parameter set (JSON or a file's name); may be NULL */
	const char *switches; /* model switches ("key=value ..."); may be NULL */
	const mp_run_input *inputs;
	size_t ninputs;
} mp_run_provenance;
/* Records p with this build's version and commit and mp_command_line(), plus one input row
 * per dataset version in the store (the newest of each family is what runs read). Replaces
 * an earlier record of the same (kind, run_id). */
MP_EXTERN int mp_store_provenance_record(mp_ctx *ctx, mp_store *s, const mp_run_provenance *p);

/* A stored record: strings owned by the record (mp_run_record_free). */
typedef struct mp_run_record {
	char kind[16];
	int64_t run_id, seed;
	int runs;
	char version[32], git_commit[64], created_at[32];
	char *command_line, *params, *switches;
	size_t ninputs;
	struct {
		char role[16];
		char name[160];
		char sha256[65];
	} * inputs;
} mp_run_record;
/* MP_ENOTFOUND when the run has no record (runs stored by older versions). */
MP_EXTERN int mp_store_provenance_get(mp_ctx *ctx, mp_store *s, const char *kind, int64_t run_id, mp_run_record *out);
MP_EXTERN void mp_run_record_free(mp_run_record *r);
/* The run ids of `kind` with a record, newest first (at most max); *ids malloc'd. */
MP_EXTERN int mp_store_provenance_list(mp_ctx *ctx, mp_store *s, const char *kind, size_t max, int64_t **ids,
				       size_t *n);

#ifdef __cplusplus
}
#endif
#endif
