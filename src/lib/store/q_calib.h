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
	   r = {gdppc, pop}, txt = "ISO|region". The caller maps ISO to COW (i[0]) with the
	   one crosswalk: mp_world__series_codes (world/world_internal.h) or crosswalk.h. */
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
	/* Economy and military (calib/fit_economy*.c, fit_military*.c; additive block) */
	/* pwt, year in [from, until], sorted by countrycode, year: i = {0, year} (mapped by
	   the caller, as MP_STORE_CALIB_INCOME), r = {GDP price level sum_k csh_k pl_k
	   (k = c,i,g,x,m), capital-output ratio cn / cgdpo (current PPPs), rnna / rgdpna
	   (constant national prices), rnna of year + 1 / rgdpna (NaN when year + 1 > until)},
	   txt = ISO3 */
	MP_STORE_CALIB_PWT,
	/* nmc, year in [from, until]: i = {ccode, year}, r = {milper, irst, pec, tpop} */
	MP_STORE_CALIB_NMC_COMP,
	/* war_inter ongoing, year in [from, until], one row per state, war and year:
	   i = {ccode, year, warnum}, r = {batdeath of the state's side} */
	MP_STORE_CALIB_WAR_YEARS,
	/* mid_dyad ongoing, year in [from, until], one row per state-year:
	   i = {ccode, year, highest hostility level} */
	MP_STORE_CALIB_MID_YEARS,
	/* sipri, year in [from, until]: i = {ccode, year}, r = {GDP in current US$ millions =
	   milex_current_usd_m / milex_share_gdp} (SOURCES.md; the world's GDP at MER) */
	MP_STORE_CALIB_SIPRI_GDP,
	/* mid_dyad, non-directed dyad-years in a MID (ongoing or new), year in [from, until]:
	   i = {ccode1 < ccode2, year, onset 0/1}, r = {highest hostility level of the dyad} */
	MP_STORE_CALIB_MID_DYAD_YEARS,
	/* war_inter, directed dyad-years of war, year in [from, until], sorted by war, dyad, year:
	   i = {ccode1, ccode2, year, warnum}, r = {onset, outcome1, batdeath1} */
	MP_STORE_CALIB_WAR_DYAD_YEARS,
	/* atop_dyad defence pacts, non-directed, year in [from, until]: i = {ccode1 < ccode2, year} */
	MP_STORE_CALIB_DEFENSE,
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

/* One fitted parameter as stored: ccode 0 for a scalar parameter (table calib_fit), else
 * the state's (table calib_unit). */
typedef struct mp_store_calib_fit {
	const char *param;
	int ccode;
	double estimate, se; /* NaN = NULL */
	int64_t n;
	const char *stat_name;
	double stat;
	const char *method;
} mp_store_calib_fit;

/* Saves a calibration as of `until` (calib_run, calib_fit, calib_unit) in one transaction;
 * *run_id (may be NULL) receives the run's id. */
int mp_store__calib_save(mp_ctx *ctx, mp_store *s, int until, const char *notes, const mp_store_calib_fit *fits,
			 size_t n, int64_t *run_id);
/* A stored calibration read back (q_calib_load.c): its calib_run row and every fit, the
 * scalar ones (calib_fit, ccode 0) first in saved order, then the per-state ones
 * (calib_unit) by ccode and param. Plain copies owned by the caller. */
typedef struct mp_store_calib_param {
	char param[48];
	int ccode;
	double estimate, se; /* NaN = NULL */
	int64_t n;
	char stat_name[16];
	double stat;
	char method[192];
} mp_store_calib_param;

typedef struct mp_store_calib_run {
	int64_t run_id;
	int until;
	char created[32];
	char notes[512];
	mp_store_calib_param *v;
	size_t n;
} mp_store_calib_run;

/* The newest stored calibration with until <= max_until; MP_ENOTFOUND when none. *out is
 * freed with mp_store__calib_run_free (NULL-safe). */
int mp_store__calib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_store_calib_run *out);
void mp_store__calib_run_free(mp_store_calib_run *r);

#endif
