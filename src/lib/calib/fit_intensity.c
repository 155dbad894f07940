/* The spread of the intensity-of-use lines (fit_intensity.h; docs/economy.md "Steel and
 * energy"). Without it the simulated steel and energy intensities follow their drift
 * exactly, and the CINC bands miss the wandering that NMC shows: the pooled 10-year change
 * of ln(irst/GDP) has an s.d. of 0.54 (producers of 100 kt or more, 1970-2016), close to
 * sqrt(10) times the yearly s.d. (0.19), so a random walk around the drift is the model. */
#include "calib/fit_intensity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calib/calib_internal.h"
#include "multipolar/stats.h"

#define SRC "fit_intensity.c"
/* pseudo-years of the prior toward the median state (as the military's shock s.d.) */
#define PRIOR_N 10.0

void mp_line_spread_free(mp_line_spread *s)
{
	if (s) {
		free(s->unit_sd);
		s->unit_sd = NULL;
	}
}

int mp_fit_line_spread(mp_ctx *ctx, const mp_econ_panel *y, const mp_econ_panel *x, int from, int until,
		       const mp_line_fit *f, double prior_n, mp_line_spread *out)
{
	memset(out, 0, sizeof *out);
	const size_t nu = y->nu;
	double *ss = calloc(nu ? nu : 1, sizeof *ss), *sd = malloc((nu ? nu : 1) * sizeof *sd);
	size_t *cnt = calloc(nu ? nu : 1, sizeof *cnt);
	out->unit_sd = malloc((nu ? nu : 1) * sizeof *out->unit_sd);
	int rc = MP_OK;
	if (!ss || !sd || !cnt || !out->unit_sd) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t u = 0; u < nu; u++)
		for (int t = from + 1; t <= until; t++) {
			double b = mp_econ_at(y, u, t), a = mp_econ_at(y, u, t - 1), z = mp_econ_at(x, u, t - 1);
			if (!isfinite(a) || !isfinite(b) || !isfinite(z))
				continue;
			double e = b - a - f->a - f->b * z;
			ss[u] += e * e;
			cnt[u]++;
			out->n++;
		}
	size_t k = 0;
	for (size_t u = 0; u < nu; u++)
		if (cnt[u] >= MP_SPREAD_MIN_N)
			sd[k++] = sqrt(ss[u] / (double)cnt[u]);
	if (k < 3) {
		rc = mp_error_set(ctx, MP_EINPUT, SRC ": %zu units with %d residuals or more; expected at least 3", k,
				  MP_SPREAD_MIN_N);
		goto done;
	}
	mp_sort_doubles(sd, k);
	const double s0 = mp_quantile_sorted(sd, k, 0.5);
	out->sd_median = s0;
	out->nunits = k;
	for (size_t u = 0; u < nu; u++)
		out->unit_sd[u] = cnt[u] ? sqrt((ss[u] + prior_n * s0 * s0) / ((double)cnt[u] + prior_n)) : MP_NA;
done:
	if (rc != MP_OK)
		mp_line_spread_free(out);
	free(ss);
	free(sd);
	free(cnt);
	return rc;
}

int mp_calib__add_line_spread(mp_ctx *ctx, mp_calib_result *r, const char *key, const char *what,
			      const mp_econ_panel *y, const mp_econ_panel *x, int from, int until, const mp_line_fit *f)
{
	mp_line_spread sp;
	int rc = mp_fit_line_spread(ctx, y, x, from, until, f, PRIOR_N, &sp);
	if (rc != MP_OK)
		return rc;
	char m[192];
	snprintf(m, sizeof m,
		 "median state's s.d. of the yearly residuals of ln(%s/GDP) around its drift, %zu states, "
		 "NMC x Maddison %d-%d",
		 what, sp.nunits, from, until);
	rc = mp_calib__add(ctx, r, 0, key, sp.sd_median, MP_NA, sp.n, "", MP_NA, m);
	for (size_t u = 0; rc == MP_OK && u < y->nu; u++)
		if (u > 0 && isfinite(sp.unit_sd[u]))
			rc = mp_calib__add(
				ctx, r, (int)u, key, sp.unit_sd[u], MP_NA, sp.n, "", MP_NA,
				"s.d. of the state's residuals, scaled-inverse-chi2 prior of 10 pseudo-years");
	mp_line_spread_free(&sp);
	return rc;
}
