/*
 * Model estimators of the calibration, one per sim mechanism, on plain arrays:
 * conditional convergence growth, population dynamics, gravity, Richardson arms
 * dynamics, conflict hazards. Each cites its source; docs/calibration.md repeats them.
 */
#include "multipolar/calib.h"
#include "multipolar/stats.h"

#include <stdlib.h>
#include <string.h>

#define SRC "calib_models.c"

/* Value of `unit` in `year` within the unit's rows obs[a..b) (sorted by year), or NaN. */
static double panel_at(const mp_panel_obs *obs, size_t a, size_t b, int year)
{
	size_t lo = a, hi = b;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (obs[m].year < year)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < b && obs[lo].year == year && obs[lo].value > 0 ? obs[lo].value : MP_NA;
}

/* End of the run of rows of the unit starting at i. */
static size_t unit_end(const mp_panel_obs *obs, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && obs[j].unit == obs[i].unit)
		j++;
	return j;
}

/* Median over units (runs of equal uid, at least `minobs` values) of the s.d. (n - 1
 * denominator) of e. NaN when no unit qualifies. */
static int median_unit_sd(mp_ctx *ctx, const double *e, const int *uid, size_t k, size_t minobs, double *out)
{
	*out = MP_NA;
	double *sd = malloc((k + 1) * sizeof *sd);
	if (!sd)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	size_t m = 0;
	for (size_t i = 0; i < k;) {
		size_t j = i;
		double s1 = 0, s2 = 0;
		while (j < k && uid[j] == uid[i]) {
			s1 += e[j];
			s2 += e[j] * e[j];
			j++;
		}
		size_t c = j - i;
		if (c >= minobs)
			sd[m++] = sqrt((s2 - s1 * s1 / (double)c) / (double)(c - 1));
		i = j;
	}
	if (m > 0) {
		mp_sort_doubles(sd, m);
		*out = mp_median_sorted(sd, m);
	}
	free(sd);
	return MP_OK;
}

static int check_sorted(mp_ctx *ctx, const mp_panel_obs *obs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (obs[i].unit < obs[i - 1].unit || (obs[i].unit == obs[i - 1].unit && obs[i].year <= obs[i - 1].year))
			return mp_error_set(ctx, MP_EINPUT,
					    SRC ": panel row %zu: expected rows sorted by unit then year", i);
	return MP_OK;
}

/* The panel and the layout of the convergence regression, shared by its three steps. */
typedef struct conv {
	const mp_panel_obs *obs;
	size_t n;
	int ngroups, first, until, window;
	int nwin, w0;               /* windows [w0 + w T, w0 + (w + 1) T), w < nwin */
	size_t fa, fb;              /* the frontier's rows */
	int gcol[MP_CALIB_MAXP];    /* column of each group's dummy, -1 = the base group */
	double coef[MP_CALIB_MAXP]; /* step 1's coefficients: ln y0, windows, groups */
} conv;

/* 1. Barro regression on country-windows: columns are ln y0, one dummy per window, one
 * dummy per group except the first present one; then the same without the group effects
 * (absolute convergence). */
static int conv_barro(mp_ctx *ctx, conv *c, mp_convergence_fit *out)
{
	const mp_panel_obs *obs = c->obs;
	size_t n = c->n;
	int nwin = c->nwin, w0 = c->w0, window = c->window;
	int gpresent[MP_CALIB_MAXP] = { 0 };
	size_t rows = 0;
	for (size_t i = 0; i < n; i = unit_end(obs, n, i)) {
		size_t e = unit_end(obs, n, i);
		for (int w = 0; w < nwin; w++) {
			double a = panel_at(obs, i, e, w0 + w * window);
			double b = panel_at(obs, i, e, w0 + (w + 1) * window);
			if (!mp_is_na(a) && !mp_is_na(b) && obs[i].group >= 0 && obs[i].group < c->ngroups) {
				rows++;
				gpresent[obs[i].group] = 1;
			}
		}
	}
	size_t p = 1 + (size_t)nwin;
	int firstg = -1;
	for (int g = 0; g < c->ngroups; g++) {
		c->gcol[g] = -1;
		if (!gpresent[g])
			continue;
		if (firstg < 0)
			firstg = g;
		else
			c->gcol[g] = (int)p++;
	}
	double *X = calloc(rows * p + 1, sizeof *X), *y = malloc((rows + 1) * sizeof *y);
	int rc = MP_OK;
	if (!X || !y) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": convergence: out of memory");
		goto done;
	}
	size_t r = 0;
	for (size_t i = 0; i < n; i = unit_end(obs, n, i)) {
		size_t e = unit_end(obs, n, i);
		for (int w = 0; w < nwin; w++) {
			double a = panel_at(obs, i, e, w0 + w * window);
			double b = panel_at(obs, i, e, w0 + (w + 1) * window);
			if (mp_is_na(a) || mp_is_na(b) || obs[i].group < 0 || obs[i].group >= c->ngroups)
				continue;
			double *xr = X + r * p;
			xr[0] = log(a);
			xr[1 + w] = 1.0;
			if (c->gcol[obs[i].group] >= 0)
				xr[c->gcol[obs[i].group]] = 1.0;
			/* Average annual log growth over the window (Barro 1991, eq. 1). */
			y[r] = log(b / a) / window;
			r++;
		}
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, rows, p, &f)) != MP_OK)
		goto done;
	out->slope = f.coef[0];
	out->beta = mp_calib_beta_from_slope(f.coef[0], window);
	/* Delta method: d beta / d b = -1 / (1 + b T). */
	out->beta_se = f.se[0] / fabs(1.0 + f.coef[0] * window);
	out->r2 = f.r2;
	out->n = rows;
	memcpy(c->coef, f.coef, sizeof c->coef);
	/* Absolute convergence: the same regression without the group effects (compact the
	   first 1 + nwin columns of each row in place). */
	for (size_t i = 0; i < rows; i++)
		memmove(X + i * (size_t)(1 + nwin), X + i * p, (size_t)(1 + nwin) * sizeof *X);
	if ((rc = mp_calib_ols(ctx, X, y, rows, (size_t)(1 + nwin), &f)) != MP_OK)
		goto done;
	out->beta_uncond = mp_calib_beta_from_slope(f.coef[0], window);
	out->beta_uncond_se = f.se[0] / fabs(1.0 + f.coef[0] * window);
done:
	free(X);
	free(y);
	return rc;
}

/* 2. Frontier growth: mean annual log growth of the frontier over (first, until]. */
static int conv_frontier(mp_ctx *ctx, const conv *c, mp_convergence_fit *out)
{
	double sg = 0, sgg = 0;
	size_t m = 0;
	for (int t = c->first + 1; t <= c->until; t++) {
		double a = panel_at(c->obs, c->fa, c->fb, t - 1), b = panel_at(c->obs, c->fa, c->fb, t);
		if (mp_is_na(a) || mp_is_na(b))
			continue;
		double g = log(b / a);
		sg += g;
		sgg += g * g;
		m++;
	}
	if (m < 2)
		return mp_error_set(ctx, MP_EINPUT, SRC ": convergence: frontier has %zu growth years", m);
	double gF = sg / (double)m;
	out->frontier_growth = gF;
	out->frontier_growth_se = sqrt((sgg - (double)m * gF * gF) / (double)(m - 1) / (double)m);
	out->frontier_n = m;
	return MP_OK;
}

/* 3. Momentum and shocks: deviations of annual growth from the fitted conditional
 * convergence path, d_it = g_it - (a_w + c_g + b ln y_i,t-1), with the window and group
 * effects of step 1; AR(1) without constant d_it = rho d_i,t-1 + e_it. */
static int conv_momentum(mp_ctx *ctx, const conv *c, mp_convergence_fit *out)
{
	const mp_panel_obs *obs = c->obs;
	size_t n = c->n, k = 0;
	const double *coef = c->coef;
	int nwin = c->nwin, w0 = c->w0, window = c->window;
	double *X = malloc((n + 1) * sizeof *X), *y = malloc((n + 1) * sizeof *y);
	int *uid = malloc((n + 1) * sizeof *uid);
	int rc = MP_OK;
	if (!X || !y || !uid) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": convergence: out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i = unit_end(obs, n, i)) {
		size_t e = unit_end(obs, n, i);
		int g = obs[i].group;
		if (g < 0 || g >= c->ngroups)
			continue;
		double cg = c->gcol[g] >= 0 ? coef[c->gcol[g]] : 0.0;
		for (size_t j = i + 2; j < e; j++) {
			int t = obs[j].year;
			if (t - 2 < w0 || t > c->until || obs[j - 1].year != t - 1 || obs[j - 2].year != t - 2)
				continue;
			double v0 = obs[j - 2].value, v1 = obs[j - 1].value, v2 = obs[j].value;
			if (!(v0 > 0 && v1 > 0 && v2 > 0))
				continue;
			int wa = (t - 2 - w0) / window, wb = (t - 1 - w0) / window;
			if (wa >= nwin)
				wa = nwin - 1;
			if (wb >= nwin)
				wb = nwin - 1;
			double dprev = log(v1 / v0) - (coef[1 + wa] + cg + coef[0] * log(v0));
			double dcur = log(v2 / v1) - (coef[1 + wb] + cg + coef[0] * log(v1));
			X[k] = dprev;
			y[k] = dcur;
			uid[k] = obs[j].unit;
			k++;
		}
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, 1, &f)) != MP_OK)
		goto done;
	out->momentum = f.coef[0];
	out->momentum_se = f.se[0];
	out->momentum_r2 = f.r2;
	out->momentum_n = k;
	/* AR(1) innovations' s.d.: pooled, and the median country's (the sim draws one s.d.
	   for every state; the pooled value is dominated by a few volatile economies). */
	out->shock_sd_pooled = f.sigma;
	for (size_t i = 0; i < k; i++)
		y[i] -= f.coef[0] * X[i];
	rc = median_unit_sd(ctx, y, uid, k, 10, &out->shock_sd);
done:
	free(X);
	free(y);
	free(uid);
	return rc;
}

int mp_calib_convergence(mp_ctx *ctx, const mp_panel_obs *obs, size_t n, int ngroups, int first, int until, int window,
			 int frontier_unit, mp_convergence_fit *out)
{
	memset(out, 0, sizeof *out);
	if (window < 1 || until - first < window || ngroups < 1 || ngroups > MP_CALIB_MAXP / 2)
		return mp_error_set(ctx, MP_EINPUT,
				    SRC ": convergence: expected a window of 1..%d years and 1..%d groups, "
					"got window %d over %d-%d, %d groups",
				    until - first, MP_CALIB_MAXP / 2, window, first, until, ngroups);
	int rc = check_sorted(ctx, obs, n);
	if (rc != MP_OK)
		return rc;
	conv c = { .obs = obs, .n = n, .ngroups = ngroups, .first = first, .until = until, .window = window };
	c.nwin = (until - first) / window;
	if (c.nwin > MP_CALIB_MAXP / 2)
		c.nwin = MP_CALIB_MAXP / 2; /* the most recent windows are kept */
	c.w0 = until - c.nwin * window;
	for (size_t i = 0; i < n; i = unit_end(obs, n, i))
		if (obs[i].unit == frontier_unit) {
			c.fa = i;
			c.fb = unit_end(obs, n, i);
		}
	if (c.fa == c.fb)
		return mp_error_set(ctx, MP_EINPUT, SRC ": convergence: frontier unit %d has no rows", frontier_unit);
	if ((rc = conv_barro(ctx, &c, out)) == MP_OK && (rc = conv_frontier(ctx, &c, out)) == MP_OK)
		rc = conv_momentum(ctx, &c, out);
	return rc;
}

int mp_calib_population(mp_ctx *ctx, const mp_panel_obs *pop, const double *income, size_t n, int first, int until,
			int window, double n_longrun, mp_population_fit *out)
{
	int rc;
	memset(out, 0, sizeof *out);
	if (window < 1 || until - first < 2 * window)
		return mp_error_set(ctx, MP_EINPUT, SRC ": population: expected two %d-year windows in %d-%d", window,
				    first, until);
	if ((rc = check_sorted(ctx, pop, n)) != MP_OK)
		return rc;
	int nwin = (until - first) / window, w0 = until - nwin * window;
	double *X = malloc((2 * n + 2) * sizeof *X), *y = malloc((n + 1) * sizeof *y);
	double *Z = malloc((n + 1) * sizeof *Z), *u = malloc((n + 1) * sizeof *u);
	if (!X || !y || !Z || !u) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": population: out of memory");
		goto done;
	}
	size_t k = 0, m = 0;
	for (size_t i = 0; i < n; i = unit_end(pop, n, i)) {
		size_t e = unit_end(pop, n, i);
		double prev = MP_NA;
		for (int w = 0; w < nwin; w++) {
			int a = w0 + w * window, b = a + window;
			double pa = panel_at(pop, i, e, a), pb = panel_at(pop, i, e, b);
			double nbar = mp_is_na(pa) || mp_is_na(pb) ? MP_NA : log(pb / pa) / window;
			/* Consecutive windows: (nbar_w+1 - n_LR) on (nbar_w - n_LR). */
			if (!mp_is_na(nbar) && !mp_is_na(prev)) {
				Z[m] = prev - n_longrun;
				u[m] = nbar - n_longrun;
				m++;
			}
			prev = nbar;
			if (w == nwin - 1 && !mp_is_na(nbar)) {
				/* income at the window start, from the row of year a */
				double inc = MP_NA;
				for (size_t j = i; j < e; j++)
					if (pop[j].year == a)
						inc = income[j];
				if (inc > 0) {
					X[2 * k] = 1.0;
					X[2 * k + 1] = log(inc);
					y[k++] = nbar;
				}
			}
		}
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, 2, &f)) != MP_OK)
		goto done;
	out->n_a = f.coef[0];
	out->n_a_se = f.se[0];
	out->n_b = f.coef[1];
	out->n_b_se = f.se[1];
	out->r2 = f.r2;
	out->n = k;
	if ((rc = mp_calib_ols(ctx, Z, u, m, 1, &f)) != MP_OK)
		goto done;
	/* (1 - lambda)^T = slope  =>  lambda = 1 - slope^(1/T); delta method for the s.e. */
	double sl = f.coef[0];
	out->transition = sl > 0 ? 1.0 - pow(sl, 1.0 / window) : MP_NA;
	out->transition_se = sl > 0 ? pow(sl, 1.0 / window - 1.0) / window * f.se[0] : MP_NA;
	out->transition_r2 = f.r2;
	out->transition_n = m;
done:
	free(X);
	free(y);
	free(Z);
	free(u);
	return rc;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int mp_calib_gravity(mp_ctx *ctx, const mp_gravity_obs *obs, size_t n, mp_gravity_fit *out)
{
	int rc = MP_OK;
	int years[MP_CALIB_MAXP];
	size_t ny = 0, k = 0;
	double *X = NULL, *y = NULL;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const mp_gravity_obs *o = obs + i;
		if (!(o->flow > 0 && o->gdp_o > 0 && o->gdp_d > 0 && o->dist_km > 0))
			continue;
		k++;
		size_t j = 0;
		while (j < ny && years[j] != o->year)
			j++;
		if (j == ny) {
			if (ny + 3 >= MP_CALIB_MAXP)
				return mp_error_set(ctx, MP_EINPUT, SRC ": gravity: expected at most %d distinct years",
						    MP_CALIB_MAXP - 3);
			years[ny++] = o->year;
		}
	}
	qsort(years, ny, sizeof *years, cmp_int);
	size_t p = ny + 3;
	X = calloc(k * p + 1, sizeof *X);
	y = malloc((k + 1) * sizeof *y);
	if (!X || !y) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": gravity: out of memory");
		goto done;
	}
	size_t r = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_gravity_obs *o = obs + i;
		if (!(o->flow > 0 && o->gdp_o > 0 && o->gdp_d > 0 && o->dist_km > 0))
			continue;
		double *xr = X + r * p;
		const int *yr = bsearch(&o->year, years, ny, sizeof *years, cmp_int);
		xr[yr - years] = 1.0;
		/* ln X_odt = a_t + g ln(Y_o Y_d) + d ln D_od + c contig_od (Tinbergen 1962;
		   Head & Mayer 2014, eq. 3 with GDP as the mass terms), OLS on positive flows. */
		xr[ny] = log(o->gdp_o) + log(o->gdp_d);
		xr[ny + 1] = log(o->dist_km);
		xr[ny + 2] = o->contig ? 1.0 : 0.0;
		y[r++] = log(o->flow);
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, p, &f)) != MP_OK)
		goto done;
	out->elasticity_gdp = f.coef[ny];
	out->elasticity_gdp_se = f.se[ny];
	out->elasticity_distance = f.coef[ny + 1];
	out->elasticity_distance_se = f.se[ny + 1];
	out->contiguity = f.coef[ny + 2];
	out->contiguity_se = f.se[ny + 2];
	out->r2 = f.r2;
	out->n = k;
done:
	free(X);
	free(y);
	return rc;
}

int mp_calib_arms(mp_ctx *ctx, const mp_arms_obs *obs, size_t n, mp_arms_fit *out)
{
	int rc;
	memset(out, 0, sizeof *out);
	double *X = malloc((3 * n + 1) * sizeof *X), *y = malloc((n + 1) * sizeof *y);
	int *uid = malloc((n + 1) * sizeof *uid);
	if (!X || !y || !uid) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": arms: out of memory");
		goto done;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_arms_obs *o = obs + i;
		if (mp_is_na(o->burden) || mp_is_na(o->burden_prev) || mp_is_na(o->rival_prev))
			continue;
		/* Richardson (1960), dx/dt = k y - a x + g, discretised yearly:
		   x_t - x_t-1 = g + k y_t-1 - a x_t-1. */
		X[3 * k] = 1.0;
		X[3 * k + 1] = o->rival_prev;
		X[3 * k + 2] = o->burden_prev;
		y[k] = o->burden - o->burden_prev;
		uid[k] = o->unit;
		k++;
	}
	mp_ols_fit f;
	if ((rc = mp_calib_ols(ctx, X, y, k, 3, &f)) != MP_OK)
		goto done;
	out->grievance = f.coef[0];
	out->grievance_se = f.se[0];
	out->reaction = f.coef[1];
	out->reaction_se = f.se[1];
	out->fatigue = -f.coef[2];
	out->fatigue_se = f.se[2];
	out->r2 = f.r2;
	out->n = k;
	/* Relative shocks e / x_t-1 (~ log shocks, the sim's multiplicative form): pooled s.d.
	   and the median state's s.d. */
	double s1 = 0, s2 = 0;
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		double xp = X[3 * i + 2];
		double e = xp > 0 ? (y[i] - f.coef[0] - f.coef[1] * X[3 * i + 1] - f.coef[2] * xp) / xp : 0;
		y[i] = e;
		s1 += e;
		s2 += e * e;
		m++;
	}
	out->shock_sd_pooled = m > 1 ? sqrt((s2 - s1 * s1 / (double)m) / (double)(m - 1)) : MP_NA;
	rc = median_unit_sd(ctx, y, uid, k, 10, &out->shock_sd);
done:
	free(X);
	free(y);
	free(uid);
	return rc;
}

/* Fills the 5-wide design (1, parity, ln(stronger/weaker), contig, ally) and the outcome
 * (war if `war`, else MID) for rows whose outcome is known (>= 0); returns the row count. */
static size_t hazard_design(const mp_dyad_obs *obs, size_t n, int war, double *X, double *y, size_t *events)
{
	size_t k = 0;
	*events = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_dyad_obs *o = obs + i;
		int out = war ? o->war_onset : o->mid_onset;
		if (!(o->cap_ratio > 0 && o->cap_ratio <= 1) || out < 0)
			continue;
		/* Parity: weaker/stronger >= 0.8 (Organski & Kugler 1980; Lemke & Werner 1996);
		   ln(stronger/weaker) as the continuous preponderance term (Bremer 1992). */
		X[5 * k] = 1.0;
		X[5 * k + 1] = o->cap_ratio >= MP_HAZARD_PARITY;
		X[5 * k + 2] = -log(o->cap_ratio);
		X[5 * k + 3] = o->contig ? 1.0 : 0.0;
		X[5 * k + 4] = o->ally ? 1.0 : 0.0;
		y[k] = out ? 1.0 : 0.0;
		*events += (size_t)(out != 0);
		k++;
	}
	return k;
}

int mp_calib_hazard(mp_ctx *ctx, const mp_dyad_obs *obs, size_t n, double width, double dissat_scale,
		    mp_hazard_fit *out)
{
	int rc;
	memset(out, 0, sizeof *out);
	if (!(width > 0) || !(dissat_scale > 0))
		return mp_error_set(ctx, MP_EINPUT,
				    SRC ": hazard: expected a parity width and a dissatisfaction scale > 0, got %g, %g",
				    width, dissat_scale);
	double *X = malloc((5 * n + 1) * sizeof *X), *y = malloc((n + 1) * sizeof *y);
	if (!X || !y) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": hazard: out of memory");
		goto done;
	}
	size_t k = hazard_design(obs, n, 0, X, y, &out->n_mid);
	out->n = k;
	double slr = 0;
	size_t nnp = 0;
	for (size_t i = 0; i < k; i++)
		if (X[5 * i + 1] == 0) {
			slr += X[5 * i + 2];
			nnp++;
		}
	double mlr = nnp ? slr / (double)nnp : 0.0;
	if ((rc = mp_calib_logit(ctx, X, y, k, 5, &out->mid)) != MP_OK)
		goto done;
	k = hazard_design(obs, n, 1, X, y, &out->n_war);
	out->n_war_sample = k;
	if ((rc = mp_calib_logit(ctx, X, y, k, 5, &out->war)) != MP_OK)
		goto done;
	/* The sim's form (mech_conflict.c): lambda = h0 exp(b_p PAR DIS + b_d DIS + b_c SAME)
	   with PAR = exp(-(ln r)^2 / (2 w^2)) and DIS = min(1, |ip_i - ip_j| / scale), fitted
	   as a logit on the war sample's dyad-years with ideal points (for rare events the
	   log-odds coefficients approximate the log-hazard ones). */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_dyad_obs *o = obs + i;
		if (!(o->cap_ratio > 0 && o->cap_ratio <= 1) || o->war_onset < 0 || !isfinite(o->ideal_dist))
			continue;
		double lr = log(o->cap_ratio);
		double par = exp(-lr * lr / (2 * width * width));
		double dis = o->ideal_dist / dissat_scale;
		if (dis > 1)
			dis = 1;
		X[4 * m] = 1.0;
		X[4 * m + 1] = par * dis;
		X[4 * m + 2] = dis;
		X[4 * m + 3] = o->ally ? 1.0 : 0.0;
		y[m] = o->war_onset ? 1.0 : 0.0;
		out->n_kernel_war += (size_t)(o->war_onset != 0);
		m++;
	}
	out->n_kernel = m;
	if ((rc = mp_calib_logit(ctx, X, y, m, 4, &out->war_kernel)) != MP_OK)
		goto done;
	out->crisis_ratio = out->n_war ? (double)out->n_mid / (double)out->n_war : MP_NA;
	out->mid_parity_or = exp(out->mid.coef[1]);
	out->war_parity_or = exp(out->war.coef[1]);
	/* Logistic response 1 / (1 + exp(-(b0 + b2 mean ln ratio))). */
	out->mid_base = 1.0 / (1.0 + exp(-(out->mid.coef[0] + out->mid.coef[2] * mlr)));
	out->war_base = 1.0 / (1.0 + exp(-(out->war.coef[0] + out->war.coef[2] * mlr)));
done:
	free(X);
	free(y);
	return rc;
}
