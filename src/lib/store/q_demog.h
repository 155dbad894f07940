/*
 * Queries of the demography data (the wpp_* families read by data/wpp.c): used by the
 * age-structure loader (world/ages.c) and the demography calibration
 * (calib/fit_demography*.c). Rows come back sorted by location, year, age.
 */
#ifndef MP_STORE_Q_DEMOG_H
#define MP_STORE_Q_DEMOG_H

#include <stddef.h>

#include "multipolar/store.h"

typedef struct mp_wpp_row {
	int code;     /* UN M49 location code */
	int age;      /* lower bound of the age group; -1 when not by age */
	int age_span; /* 0 = open-ended */
	int year;     /* first year of a period, mid-year of a count, or calendar year */
	int span;     /* 5 = period, 1 = calendar year, 0 = point in time */
	double value;
} mp_wpp_row;

typedef struct mp_wpp_rows {
	mp_wpp_row *v;
	size_t n;
} mp_wpp_rows;

typedef struct mp_wpp_query {
	const char *family;    /* "wpp_pop", "wpp_mx", ... */
	const char *version;   /* "2017", "2024"; NULL = the newest imported revision */
	const char *indicator; /* NULL = any */
	const char *sex;       /* "F", "M", "B"; NULL = any */
	const char *variant;   /* "estimate", "medium", ...; NULL = any */
	const char *variant2;  /* a second accepted variant (NULL = none): estimate + medium */
	int code;              /* one location; 0 = all */
	int from;              /* first year (0 = no bound) */
	int until;             /* last year known: rows whose end (year + span for periods,
				  else year) is <= until; 0 = no bound */
} mp_wpp_query;
#define MP_WPP_QUERY_INIT                                                                                              \
	{                                                                                                              \
		NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0                                                            \
	}

/* Rows of the query from every imported file of the family and revision. MP_ENOTFOUND
 * (naming the family) when nothing of the family is imported. out->v malloc'd. */
int mp_store__wpp_fetch(mp_ctx *ctx, mp_store *s, const mp_wpp_query *q, mp_wpp_rows *out);
void mp_store__wpp_rows_free(mp_wpp_rows *r);
/* Whether the family has an imported file of the revision (NULL = any): 1/0. */
int mp_store__wpp_has(mp_store *s, const char *family, const char *version);

/* UN locations (wpp_locations, newest revision): code, region code (0 = none), type
 * (4 = country or area). */
typedef struct mp_wpp_location {
	int code, reg_code, area_code, type;
} mp_wpp_location;
int mp_store__wpp_locations(mp_ctx *ctx, mp_store *s, mp_wpp_location **out, size_t *n);

/* NMC total and urban population (thousands) of every state-year in [from, until]
 * (urban NaN when missing), sorted by ccode, year. */
typedef struct mp_nmc_pop {
	int ccode, year;
	double tpop, upop;
} mp_nmc_pop;
int mp_store__nmc_pop(mp_ctx *ctx, mp_store *s, int from, int until, mp_nmc_pop **out, size_t *n);

#endif
