/* The dataset families multipolar imports: one row of a declarative table per family
 * (datasets.c). A family's table in the store has the file's column names plus dsid. */
#ifndef MP_DATA_DATASETS_H
#define MP_DATA_DATASETS_H

#include <stddef.h>

typedef enum {
	MP_VER_FIXED,      /* the spec's version string */
	MP_VER_NMC_MAXYEAR /* NMC release from the last year covered (2012: 5.0, 2016: 6.0, 2022: 7.0) */
} mp_version_rule;

typedef struct mp_dataset_spec {
	const char *family;  /* table name */
	const char *name;    /* human name */
	const char *version; /* for MP_VER_FIXED */
	mp_version_rule version_rule;
	/* Columns: space-separated "name:T" with T = I (integer), R (real), S (text); a
	 * trailing '?' marks an optional column. Required columns identify the family. */
	const char *columns;
	int dynamic;         /* also keep the header's other columns (as text) */
	int neg9_missing;    /* COW convention: -9 in a numeric column means missing */
	const char *year;    /* column with the year, or "from-to" spell columns, or "" */
	const char *indexes; /* ';'-separated column lists to index after import */
	const char *citation;
} mp_dataset_spec;

/* Another layout of a family (the producer's own file; src/lib/data/layouts.c): its name
 * ("COW contdir.csv"), or NULL for a family's first row; its `columns` name the file's
 * header, and the rename list maps header columns to the family's stored columns:
 * space-separated "from>to" (or "from>to1,to2" to store one column twice); NULL none. */
const char *mp_data__layout_name(const mp_dataset_spec *sp);
const char *mp_data__rename(const mp_dataset_spec *sp);

/* Every spec row: the families of datasets.c, then the layouts and families of layouts.c. */
size_t mp_data__nspecs(void);
const mp_dataset_spec *mp_data__spec(size_t i);
/* The rows of layouts.c. */
size_t mp_data__nlayouts(void);
const mp_dataset_spec *mp_data__layout(size_t i);

/* Where a family's files come from (layouts.c): typical file names, the producer's
 * download page; NULL when the family is unknown. */
typedef struct mp_dataset_source {
	const char *family;
	const char *files; /* "states2016.csv" ... */
	const char *url;   /* download page */
	const char *note;  /* how to save it, if it is not a plain CSV download */
} mp_dataset_source;
const mp_dataset_source *mp_data__source(const char *family);

#endif
