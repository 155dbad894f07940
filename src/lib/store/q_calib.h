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

#include "multipolar/calib.h"
#include "multipolar/store.h"

typedef enum {
	/* maddison x crosswalk, year in [from, until], aggregates SUN/CSK/YUG left out,
	   sorted by countrycode, year: i = {ccode (0 if none), year}, r = {gdppc, pop},
	   txt = "ISO|region" */
	MP_QC_INCOME,
	/* nmc, year in [from, until]: i = {ccode, year}, r = {cinc, milex, tpop} */
	MP_QC_NMC,
	/* trade_dyadic, year in [from, until]: i = {ccode1, ccode2, year}, r = {flow1, flow2} */
	MP_QC_TRADE,
	/* capitals started by until: i = {ccode, start year, end year}, r = {lat, lng} */
	MP_QC_CAPITALS,
	/* contiguity spells started by until: i = {ccode1, ccode2, conttype, start year},
	   r = {end year} */
	MP_QC_CONTIGUITY,
	/* MID onsets (mid_dyad gmlmidonset = 1), year in [from, until]: i = {ccode1, ccode2, year} */
	MP_QC_MID_ONSETS,
	/* war onsets (war_inter cowinteronset = 1), year in [from, until]: i = {ccode1, ccode2, year} */
	MP_QC_WAR_ONSETS,
	/* alliance_dyad, year in [from, until]: i = {ccode1, ccode2, year} */
	MP_QC_ALLIANCES,
	/* rivalries started by until: i = {ccode1, ccode2, styear, endyear} */
	MP_QC_RIVALRIES,
	/* majors spells started by until: i = {ccode, styear, endyear} */
	MP_QC_MAJORS,
	/* sipri, year in [from, until]: i = {ccode, year}, r = {milex const 2022 US$ m, share of GDP} */
	MP_QC_SIPRI,
	/* unga, year in [from, until]: i = {ccode, year}, r = {idealpointfp} */
	MP_QC_IDEAL,
	/* Economy and military (calib/fit_economy*.c, fit_military*.c; additive block) */
	/* pwt x crosswalk, year in [from, until], sorted by countrycode, year:
	   i = {ccode (0 if none), year}, r = {GDP price level sum_k csh_k pl_k (k = c,i,g,x,m),
	   capital-output ratio cn / cgdpo (current PPPs), rnna / rgdpna (constant national
	   prices), rnna of year + 1 / rgdpna (NaN when year + 1 > until)}, txt = ISO3 */
	MP_QC_PWT,
	/* nmc, year in [from, until]: i = {ccode, year}, r = {milper, irst, pec, tpop} */
	MP_QC_NMC_COMP,
	/* war_inter ongoing, year in [from, until], one row per state, war and year:
	   i = {ccode, year, warnum}, r = {batdeath of the state's side} */
	MP_QC_WAR_YEARS,
	/* mid_dyad ongoing, year in [from, until], one row per state-year:
	   i = {ccode, year, highest hostility level} */
	MP_QC_MID_YEARS,
	/* sipri, year in [from, until]: i = {ccode, year}, r = {GDP in current US$ millions =
	   milex_current_usd_m / milex_share_gdp} (SOURCES.md; the world's GDP at MER) */
	MP_QC_SIPRI_GDP,
	MP_QC_COUNT
} mp_qcalib_query;

typedef struct mp_qcalib_row {
	int i[4];
	double r[4];
	char txt[64];
} mp_qcalib_row;

typedef struct mp_qcalib_rows {
	mp_qcalib_row *v;
	size_t n;
} mp_qcalib_rows;

/* Runs query q on the newest dataset version of its family. MP_ENOTFOUND (naming the
 * family) when the family is not imported. out->v is malloc'd: free it with
 * mp_qcalib_rows_free. */
int mp_qcalib_fetch(mp_ctx *ctx, mp_store *s, mp_qcalib_query q, int from, int until,
		    mp_qcalib_rows *out);
void mp_qcalib_rows_free(mp_qcalib_rows *r);
/* The family (table) a query reads. */
const char *mp_qcalib_family(mp_qcalib_query q);

/* Year range of the newest NMC version (datasets.year_min/max). */
int mp_qcalib_nmc_range(mp_ctx *ctx, mp_store *s, int *first, int *last, char *version, size_t vsize);
/* NMC of exactly one year (the truth of a backtest): i = {ccode, year}, r = {cinc}. */
int mp_qcalib_nmc_year(mp_ctx *ctx, mp_store *s, int year, mp_qcalib_rows *out);

/* Saves a calibration (tables calib_run and calib_fit, created when missing) in one
 * transaction. */
int mp_qcalib_save(mp_ctx *ctx, mp_store *s, const mp_calib_result *r, int64_t *run_id);
/* Reads back the newest saved calibration with until <= max_until (q_calib_load.c). */
typedef mp_calib_stored mp_qcalib_info;
int mp_qcalib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_qcalib_info *info, mp_calib_result **out);

#endif
