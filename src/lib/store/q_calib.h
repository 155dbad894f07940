/*
 * Queries of the calibration and the backtest (src/lib/calib/calib*.c, backtest*.c).
 *
 * Every query reads only rows with year <= `until` (spell tables: rows that started by
 * `until`), so a calibration "as of" a year cannot see later data. Rows come back as
 * generic records: up to 4 integers, 4 reals (NaN = missing) and 1 text.
 */
#ifndef MP_Q_CALIB_H
#define MP_Q_CALIB_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/store.h"

typedef enum {
	/* maddison, year in [from, until], sorted by countrycode, year: i = {0, year},
	   r = {gdppc, pop}, txt = "ISO|region" (the caller maps ISO to COW: crosswalk.h) */
	MP_STORE_CALIB_INCOME,
	/* nmc, year in [from, until]: i = {ccode, year}, r = {cinc, milex, tpop} */
	MP_STORE_CALIB_NMC,
	/* trade_dyadic, year in [from, until]: i = {ccode1, ccode2, year}, r = {flow1, flow2} */
	MP_STORE_CALIB_TRADE,
	/* capitals started by until: i = {ccode, start year, end year}, r = {lat, lng} */
	MP_STORE_CALIB_CAPITALS,
	/* contiguity spells started by until: i = {ccode1, ccode2, conttype, start year},
	   r = {end year} */
	MP_STORE_CALIB_CONTIGUITY,
	/* MID onsets (mid_dyad gmlmidonset = 1), year in [from, until]: i = {ccode1, ccode2, year} */
	MP_STORE_CALIB_MID_ONSETS,
	/* war onsets (war_inter cowinteronset = 1), year in [from, until]: i = {ccode1, ccode2, year} */
	MP_STORE_CALIB_WAR_ONSETS,
	/* alliance_dyad, year in [from, until]: i = {ccode1, ccode2, year} */
	MP_STORE_CALIB_ALLIANCES,
	/* rivalries started by until: i = {ccode1, ccode2, styear, endyear} */
	MP_STORE_CALIB_RIVALRIES,
	/* majors spells started by until: i = {ccode, styear, endyear} */
	MP_STORE_CALIB_MAJORS,
	/* sipri, year in [from, until]: i = {ccode, year}, r = {milex const 2022 US$ m, share of GDP} */
	MP_STORE_CALIB_SIPRI,
	/* unga, year in [from, until]: i = {ccode, year}, r = {idealpointfp} */
	MP_STORE_CALIB_IDEAL,
	MP_STORE_CALIB_COUNT
} mp_store_calib_query;

typedef struct mp_store_calib_row {
	int i[4];
	double r[4];
	char txt[64];
} mp_store_calib_row;

typedef struct mp_store_calib_rows {
	mp_store_calib_row *v;
	size_t n;
} mp_store_calib_rows;

/* Runs query q on the newest dataset version of its family. MP_ENOTFOUND (naming the
 * family) when the family is not imported. out->v is malloc'd: free it with
 * mp_store__calib_rows_free. */
int mp_store__calib_fetch(mp_ctx *ctx, mp_store *s, mp_store_calib_query q, int from, int until,
		    mp_store_calib_rows *out);
void mp_store__calib_rows_free(mp_store_calib_rows *r);
/* The family (table) a query reads. */
const char *mp_store__calib_family(mp_store_calib_query q);

/* Year range of the newest NMC version (datasets.year_min/max). */
int mp_store__calib_nmc_range(mp_ctx *ctx, mp_store *s, int *first, int *last, char *version, size_t vsize);
/* NMC of exactly one year (the truth of a backtest): i = {ccode, year}, r = {cinc}. */
int mp_store__calib_nmc_year(mp_ctx *ctx, mp_store *s, int year, mp_store_calib_rows *out);

/* One fitted parameter as stored (calib_fit): ccode 0 for a scalar parameter. */
typedef struct mp_store_calib_fit {
	const char *param;
	int ccode;
	double estimate, se; /* NaN = NULL */
	int64_t n;
	const char *stat_name;
	double stat;
	const char *method;
} mp_store_calib_fit;

/* Saves a calibration as of `until` (calib_run, and one calib_fit row per fit) in one
 * transaction; *run_id (may be NULL) receives the run's id. */
int mp_store__calib_save(mp_ctx *ctx, mp_store *s, int until, const char *notes, const mp_store_calib_fit *fits,
			 size_t n, int64_t *run_id);

#endif
