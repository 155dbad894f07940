/* Internal pieces of the calibration shared by calib*.c and backtest*.c. */
#ifndef MP_SIM_CALIB_INTERNAL_H
#define MP_SIM_CALIB_INTERNAL_H

#include "multipolar/calib.h"
#include "store/q_calib.h"

/* The income/population panel from Maddison up to `until` (from `first`), units in
 * countrycode order, groups = Maddison regions. income[i] is GDP per capita of obs[i]
 * (the population panel's values are population). *frontier receives the USA unit. */
typedef struct mp_calib_panel {
	mp_panel_obs *income; /* value = gdppc */
	mp_panel_obs *pop;    /* value = pop (same rows) */
	double *gdppc;        /* gdppc per row (for the population fit) */
	size_t n;
	int ngroups;
	int frontier;
} mp_calib_panel;

int mp_calib__panel(mp_ctx *ctx, const mp_store_calib_rows *rows, mp_calib_panel *out);
void mp_calib__panel_free(mp_calib_panel *p);

/* Gravity observations for trade years [from, until]. */
int mp_calib__gravity_obs(mp_ctx *ctx, mp_store *s, int from, int until, mp_gravity_obs **out, size_t *n);
/* Conflict sample: politically relevant dyad-years (contiguous up to 150 miles of water,
 * or including a major power) in [from, until]. */
int mp_calib__dyad_obs(mp_ctx *ctx, mp_store *s, int from, int until, mp_dyad_obs **out, size_t *n);
/* Arms observations: state-years in an active strategic rivalry with SIPRI burdens. */
int mp_calib__arms_obs(mp_ctx *ctx, mp_store *s, int until, mp_arms_obs **out, size_t *n);

/* Appends a fitted row (ccode 0: a global parameter; else a state's own value). */
int mp_calib__add(mp_ctx *ctx, mp_calib_result *r, int ccode, const char *key, double est, double se, size_t n,
		  const char *stat_name, double stat, const char *method);
/* Economy (fit_economy_data.c) and military, personnel, steel and energy (fit_military.c)
 * estimators on data <= o->until; each appends its rows to r (docs/economy.md). */
int mp_calib__fit_economy(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);
int mp_calib__fit_military(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);
/* The conflict mechanism's rows: onset and escalation (fit_conflict.c), then the course
 * and costs of war (mp_calib__fit_war, fit_conflict_war.c). */
int mp_calib__fit_conflict(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);
int mp_calib__fit_war(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);
/* The alignment mechanism's rows (fit_alignment.c). */
int mp_calib__fit_alignment(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);
/* The demography estimators on the store's UN WPP and NMC data up to o->until
 * (fit_demography.c): adds global and per-country rows; nothing when WPP is not imported. */
int mp_calib__fit_demography(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r);

#endif
