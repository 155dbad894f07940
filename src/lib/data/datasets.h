/* The dataset families multipolar imports: one row of a declarative table per family
 * (datasets.c). A family's table in the store has the file's column names plus dsid. */
#ifndef MP_DATA_DATASETS_H
#define MP_DATA_DATASETS_H

#include <stddef.h>

typedef enum {
	MP_VER_FIXED,       /* the spec's version string */
	MP_VER_NMC_MAXYEAR  /* NMC release from the last year covered (2012: 5.0, 2016: 6.0, 2022: 7.0) */
} mp_version_rule;

typedef struct mp_dataset_spec {
	const char *family;   /* table name */
	const char *name;     /* human name */
	const char *version;  /* for MP_VER_FIXED */
	mp_version_rule version_rule;
	/* Columns: space-separated "name:T" with T = I (integer), R (real), S (text); a
	 * trailing '?' marks an optional column. Required columns identify the family. */
	const char *columns;
	int dynamic;          /* also keep the header's other columns (as text) */
	int neg9_missing;     /* COW convention: -9 in a numeric column means missing */
	const char *year;     /* column with the year, or "from-to" spell columns, or "" */
	const char *indexes;  /* ';'-separated column lists to index after import */
	const char *citation;
} mp_dataset_spec;

size_t mp_data__nspecs(void);
const mp_dataset_spec *mp_data__spec(size_t i);

#endif
