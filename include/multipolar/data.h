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

/* Every layout multipolar recognises (a family's first layout and the producers' own files,
 * docs/data.md "Get the data"): count, and for layout i its family, the layout's name ("" for
 * a family's own), the header it needs (the required columns, comma-separated, written to
 * buf), its version, typical file names, the producer's download page and a note on how to
 * save the file (or ""). Static strings except `header`. */
typedef struct mp_data_layout_info {
	const char *family, *name, *layout, *version, *files, *url, *note, *citation;
	char header[640];
} mp_data_layout_info;
/* BibTeX entries (one or more @... records, keys like gibler2009) of a family's requested
 * citation; NULL when the family has none here. Static. */
MP_EXTERN const char *mp_data_family_bibtex(const char *family);
/* The same for an imported dataset version: families whose work changes with the release
 * (UN WPP 2017 or 2024) get the release's entry. */
MP_EXTERN const char *mp_data_dataset_bibtex(const char *family, const char *version);
MP_EXTERN size_t mp_data_layouts(void);
MP_EXTERN int mp_data_layout_get(size_t i, mp_data_layout_info *out);

#ifdef __cplusplus
}
#endif
#endif
