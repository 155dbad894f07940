/* The spread of the steel and energy intensity lines (fit_intensity.c; docs/economy.md
 * "Steel and energy"): how far a state's ln(irst/GDP) and ln(pec/GDP) wander from the
 * fitted drift, each state's own s.d. shrunk toward the median state's. */
#ifndef MP_CALIB_FIT_INTENSITY_H
#define MP_CALIB_FIT_INTENSITY_H

#include <stddef.h>

#include "calib/fit_economy.h"
#include "multipolar/calib.h"

typedef struct mp_line_spread {
	double sd_median; /* the median unit's s.d. (units with at least MP_SPREAD_MIN_N residuals) */
	double *unit_sd;  /* [nu]: each unit's s.d. shrunk toward sd_median; NaN without residuals */
	size_t n;         /* residuals */
	size_t nunits;    /* units behind sd_median */
} mp_line_spread;

#define MP_SPREAD_MIN_N 5

/* Residuals e_it = Delta y_it - a - b x_i,t-1 of the line f (mp_fit_line with diff = 1)
 * over [from, until]. Unit i's raw variance v_i = mean e_it^2 over its n_i residuals; its
 * shrunk s.d. is the scaled-inverse-chi^2 posterior scale with prior_n pseudo-residuals at
 * the median unit's s.d. s0: sqrt((n_i v_i + prior_n s0^2) / (n_i + prior_n)) (Gelman et
 * al. 2013, Bayesian Data Analysis, 3rd ed., section 2.6). MP_EINPUT when fewer than 3
 * units have MP_SPREAD_MIN_N residuals. */
int mp_fit_line_spread(mp_ctx *ctx, const mp_econ_panel *y, const mp_econ_panel *x, int from, int until,
		       const mp_line_fit *f, double prior_n, mp_line_spread *out);
void mp_line_spread_free(mp_line_spread *s);

/* Fits the spread of line f of the panel y (units are COW codes) on x and adds it to the
 * calibration: `key` (the median state's s.d.) and one per-state row of `key` per state
 * with residuals (10 pseudo-years toward the median). */
int mp_calib__add_line_spread(mp_ctx *ctx, mp_calib_result *r, const char *key, const char *what,
			      const mp_econ_panel *y, const mp_econ_panel *x, int from, int until,
			      const mp_line_fit *f);

#endif
