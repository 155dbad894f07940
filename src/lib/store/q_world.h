/*
 * Queries of one year for the world layer (src/lib/world/): plain rows owned by the caller,
 * no domain structs and no domain rules (country codes are mapped by world/crosswalk.c).
 */
#ifndef MP_STORE_Q_WORLD_H
#define MP_STORE_Q_WORLD_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/store.h"

/* One NMC row: the six components in the table's order (milex, milper, irst, pec, tpop,
 * upop; NaN = missing) and the published cinc. */
typedef struct mp_store_nmc_row {
	int ccode;
	char stateabb[8];
	double comp[6];
	double cinc;
} mp_store_nmc_row;

/* NMC rows of `year` of dataset dsid, sorted by ccode. *out is malloc'd (free()). */
int mp_store__nmc_year(mp_ctx *ctx, mp_store *s, int64_t dsid, int year, mp_store_nmc_row **out, size_t *n);
/* First and last NMC year of dataset dsid. */
int mp_store__nmc_years(mp_ctx *ctx, mp_store *s, int64_t dsid, int *first, int *last);

/* Per-state attributes of one year, from the newest version of their dataset. */
typedef enum {
	MP_STORE_ATTR_NAMES,    /* states: ccode, text = statenme; the spell covering the year last */
	MP_STORE_ATTR_MAJORS,   /* majors: ccode of each major power of the year */
	MP_STORE_ATTR_GDP,      /* maddison: code = ISO3 countrycode, v = {gdppc, pop} */
	MP_STORE_ATTR_IDEAL,    /* unga: ccode, v[0] = idealpointfp */
	MP_STORE_ATTR_CAPITALS, /* capitals: ccode, v = {lat, lng}, in order of start date */
	MP_STORE_ATTR_COUNT
} mp_store_attr;

typedef struct mp_store_attr_row {
	int ccode;
	char code[8];
	double v[2];
	char text[64];
} mp_store_attr_row;

/* Rows of attribute `a` for `year`; *n = 0 (and MP_OK) when its dataset is not imported.
 * *out is malloc'd (free()). */
int mp_store__year_attr(mp_ctx *ctx, mp_store *s, mp_store_attr a, int year, mp_store_attr_row **out, size_t *n);
/* The dataset family of attribute a ("states", ...). */
const char *mp_store__attr_family(mp_store_attr a);

#endif
