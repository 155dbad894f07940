/*
 * The economy's calibration on the store (docs/economy.md): Maddison 2023 GDP per head
 * and PWT 11.0 capital-output ratios, investment shares and price levels up to `until`,
 * assembled into dense panels for fit_economy.c; the fitted rows are appended to the
 * calibration result (globals and one row per state and key).
 *
 * Productivity (Solow 1957; Mankiw, Romer & Weil 1992 without human capital):
 *   Y = A K^a L^(1-a)  =>  ln A = (1 - a) ln(Y/L) - a ln(K/Y),
 * so TFP relative to the frontier (USA) is
 *   x_it = (1 - a)(ln y_it - ln y_US,t) - a (ln KY_it - ln KY_US,t)
 * with y = Maddison GDP per head (L = population, the sim's labour input at its start)
 * and KY = cn / cgdpo (capital and output at current PPPs, PWT; Feenstra, Inklaar &
 * Timmer 2015): its steady-state gaps, speed, shocks and momentum. The price level of GDP relative to the US is sum_k csh_k pl_k over
 * household and government consumption, investment, exports and imports (PWT's
 * expenditure shares and price levels; csh_m < 0), which is GDP at market exchange rates
 * over GDP at PPPs up to PWT's residual csh_r (docs/economy.md: checked against SIPRI's
 * GDP in current US$ for 1970-2016, within a few per cent for the largest economies).
 */
#include "calib_internal.h"
#include "calib/fit_economy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/sim.h"
#include "world/world_internal.h"

#define SRC "fit_economy_data.c"

/* The ISO3 -> COW step of the data assembly: the rows are mapped by the one crosswalk
 * (mp_world__series_codes, docs/crosswalk.md); unified Germany's values also serve West
 * Germany (COW 260) in the years it existed. */
static int econ_extra_ccode(int ccode)
{
	return ccode == 255 ? 260 : 0;
}

typedef struct econ_units {
	size_t n;
	char (*iso)[8];
} econ_units;

static int find_iso(const econ_units *u, const char *iso)
{
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		int c = strcmp(u->iso[m], iso);
		if (c == 0)
			return (int)m;
		if (c < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return -1;
}

static void iso_of(const char *txt, char out[8])
{
	const char *bar = strchr(txt, '|');
	size_t l = bar ? (size_t)(bar - txt) : strlen(txt);
	snprintf(out, 8, "%.*s", (int)(l < 7 ? l : 7), txt);
}

/* Adds a row for ccode and, for unified Germany, West Germany too. */
static int add_unit(mp_ctx *ctx, mp_calib_result *r, int ccode, const char *key, double est, double se, size_t n,
		    const char *method)
{
	if (ccode <= 0 || !isfinite(est))
		return MP_OK;
	int rc = mp_calib__add(ctx, r, ccode, key, est, se, n, "", MP_NA, method);
	int extra = econ_extra_ccode(ccode);
	if (rc == MP_OK && extra)
		rc = mp_calib__add(ctx, r, extra, key, est, se, n, "", MP_NA, method);
	return rc;
}

typedef struct econ_panels {
	econ_units units;
	int frontier;
	mp_econ_panel lny, lnky, lnq, inv, conv;
	mp_econ_panel gdp; /* GDP (gdppc x pop), the weight of a state's forecast errors */
} econ_panels;

static void panels_free(econ_panels *e)
{
	free(e->units.iso);
	mp_econ_panel_free(&e->lny);
	mp_econ_panel_free(&e->lnky);
	mp_econ_panel_free(&e->lnq);
	mp_econ_panel_free(&e->inv);
	mp_econ_panel_free(&e->conv);
	mp_econ_panel_free(&e->gdp);
}

/* Units = Maddison countries (sorted by ISO3), groups = Maddison regions. */
static int build_panels(mp_ctx *ctx, const mp_store_calib_rows *inc, const mp_store_calib_rows *pwt, int first,
			int until, double alpha, econ_panels *e)
{
	memset(e, 0, sizeof *e);
	e->frontier = -1;
	e->units.iso = malloc((inc->n + 1) * sizeof *e->units.iso);
	if (!e->units.iso)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	char regions[MP_CALIB_MAXP][48];
	int nreg = 0;
	int *ureg = malloc((inc->n + 1) * sizeof *ureg), *ucc = malloc((inc->n + 1) * sizeof *ucc);
	if (!ureg || !ucc) {
		free(ureg);
		free(ucc);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (size_t i = 0; i < inc->n; i++) {
		char iso[8];
		iso_of(inc->v[i].txt, iso);
		if (e->units.n && !strcmp(e->units.iso[e->units.n - 1], iso))
			continue;
		const char *bar = strchr(inc->v[i].txt, '|');
		const char *reg = bar ? bar + 1 : "";
		int g = 0;
		while (g < nreg && strcmp(regions[g], reg) != 0)
			g++;
		if (g == nreg && nreg < MP_CALIB_MAXP)
			snprintf(regions[nreg++], sizeof regions[0], "%s", reg);
		ureg[e->units.n] = g < nreg ? g : -1;
		ucc[e->units.n] = inc->v[i].i[0];
		snprintf(e->units.iso[e->units.n], 8, "%s", iso);
		if (!strcmp(iso, "USA"))
			e->frontier = (int)e->units.n;
		e->units.n++;
	}
	size_t nu = e->units.n;
	int rc = mp_econ_panel_new(ctx, nu, first, until, &e->lny);
	if (rc == MP_OK) {
		e->lny.ngroups = nreg;
		memcpy(e->lny.group, ureg, nu * sizeof *ureg);
		memcpy(e->lny.ccode, ucc, nu * sizeof *ucc);
	}
	free(ureg);
	free(ucc);
	if (rc != MP_OK || (rc = mp_econ_panel_like(ctx, &e->lny, &e->lnky)) != MP_OK ||
	    (rc = mp_econ_panel_like(ctx, &e->lny, &e->lnq)) != MP_OK ||
	    (rc = mp_econ_panel_like(ctx, &e->lny, &e->inv)) != MP_OK ||
	    (rc = mp_econ_panel_like(ctx, &e->lny, &e->conv)) != MP_OK ||
	    (rc = mp_econ_panel_like(ctx, &e->lny, &e->gdp)) != MP_OK)
		return rc;
	if (e->frontier < 0)
		return mp_error_set(ctx, MP_EINPUT, SRC ": maddison: expected rows of the frontier (USA)");
	for (size_t i = 0; i < inc->n; i++) {
		char iso[8];
		iso_of(inc->v[i].txt, iso);
		int u = find_iso(&e->units, iso), t = inc->v[i].i[1];
		if (u >= 0 && t >= first && t <= until && inc->v[i].r[0] > 0) {
			MP_EP(&e->lny, u, t) = log(inc->v[i].r[0]);
			if (inc->v[i].r[1] > 0)
				MP_EP(&e->gdp, u, t) = inc->v[i].r[0] * inc->v[i].r[1] / 1000.0;
		}
	}
	/* Capital-output ratios: levels at current PPPs (cn / cgdpo, comparable across states),
	   changes at constant national prices (rnna / rgdpna, PWT's series for growth): the
	   state's constant-price ratio times its current-PPP / constant-price ratio in the
	   anchor year, the latest year <= until with both. Investment rates (world.h,
	   mp_world_invest_rate) are scaled by the same ratio, so that the sim's capital at
	   current PPPs grows at the constant-price rate. lnkr holds ln rnna / rgdpna until
	   then (scratch: the conv panel). */
	mp_econ_panel *lnkr = &e->conv;
	for (size_t i = 0; i < pwt->n; i++) {
		const mp_store_calib_row *w = &pwt->v[i];
		int u = find_iso(&e->units, w->txt), t = w->i[1];
		if (u < 0 || t < first || t > until)
			continue;
		if (w->r[0] > 0)
			MP_EP(&e->lnq, u, t) = log(w->r[0]);
		if (w->r[1] > 0)
			MP_EP(&e->lnky, u, t) = log(w->r[1]);
		if (w->r[2] > 0)
			MP_EP(lnkr, u, t) = log(w->r[2]);
		MP_EP(&e->inv, u, t) = mp_world_invest_rate(w->r[2], w->r[3], 1.0);
	}
	for (size_t u = 0; u < nu; u++) {
		double f = MP_NA;
		for (int t = until; t >= first && !isfinite(f); t--)
			if (isfinite(MP_EP(&e->lnky, u, t)) && isfinite(MP_EP(lnkr, u, t)))
				f = MP_EP(&e->lnky, u, t) - MP_EP(lnkr, u, t);
		for (int t = first; t <= until; t++) {
			double sv = MP_EP(&e->inv, u, t) * exp(f), kr = MP_EP(lnkr, u, t);
			MP_EP(&e->inv, u, t) = isfinite(sv) && sv > 0 && sv < 1 ? sv : MP_NA;
			if (isfinite(f))
				MP_EP(&e->lnky, u, t) = isfinite(kr) ? kr + f : MP_NA;
		}
	}
	/* relative TFP and relative price levels (frontier = 0) */
	const size_t F = (size_t)e->frontier;
	for (int t = first; t <= until; t++) {
		double yF = MP_EP(&e->lny, F, t), kF = MP_EP(&e->lnky, F, t), qF = MP_EP(&e->lnq, F, t);
		for (size_t u = 0; u < nu; u++) {
			double y = MP_EP(&e->lny, u, t), k = MP_EP(&e->lnky, u, t);
			MP_EP(&e->conv, u, t) = (1.0 - alpha) * (y - yF) - alpha * (k - kF);
			if (u != F)
				MP_EP(&e->lnq, u, t) -= qF;
		}
		MP_EP(&e->lnq, F, t) = isfinite(qF) ? 0.0 : MP_NA;
	}
	return MP_OK;
}

/* Relative ln income, the regressor of the price-level line (a view of lny). */
static int relative_income(mp_ctx *ctx, const econ_panels *e, mp_econ_panel *out)
{
	int rc = mp_econ_panel_like(ctx, &e->lny, out);
	if (rc != MP_OK)
		return rc;
	for (int t = e->lny.first; t < e->lny.first + e->lny.ny; t++)
		for (size_t u = 0; u < e->lny.nu; u++)
			MP_EP(out, u, t) = MP_EP(&e->lny, u, t) - MP_EP(&e->lny, (size_t)e->frontier, t);
	return MP_OK;
}

int mp_calib__fit_economy(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_store_calib_rows inc = { 0 }, pwt = { 0 };
	econ_panels e;
	memset(&e, 0, sizeof e);
	mp_econ_panel ry = { 0 }, res = { 0 };
	mp_gap_fit g = { 0 };
	mp_shock_fit sh = { 0 }, ps = { 0 };
	mp_partial_fit iv = { 0 };
	double *sbar = NULL;
	mp_sim_params def;
	mp_sim_params_default(&def);
	const double alpha = def.economy_capital_share;
	const int first = o->first_year, until = o->until, W = o->window;
	char m[256];
	mp_dataset_info d;
	if (mp_store_dataset_pick(NULL, s, "pwt", NULL, &d) != MP_OK)
		return MP_OK; /* no Penn World Table: the economy keeps its documented defaults */
	int rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_INCOME, first, until, &inc);
	if (rc == MP_OK)
		rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_PWT, first, until, &pwt);
	/* one territory per series: COW codes by the crosswalk, aggregates of dissolved states out */
	mp_world__series_codes(&inc, 1);
	mp_world__series_codes(&pwt, 0);
	if (rc == MP_OK)
		rc = build_panels(ctx, &inc, &pwt, first, until, alpha, &e);
	/* 1. TFP convergence and gaps */
	if (rc == MP_OK)
		rc = mp_fit_gaps_weighted(ctx, &e.conv, &e.gdp, until, W, W, 100, 1, &g);
	if (rc == MP_OK) { /* the frontier's gap is 0 by definition */
		g.mu[e.frontier] = 0;
		g.mu_sd[e.frontier] = 0;
	}
	if (rc == MP_OK) {
		snprintf(m, sizeof m,
			 "rolling-origin fit of %d-yr TFP gap forecasts with EB gaps, %zu forecasts "
			 "weighted by GDP; RMSE %.4f vs %.4f no-change; s.e. bootstrap of states",
			 W, g.n_forecasts, g.cv_rmse, g.cv_rmse_zero);
		rc = mp_calib__add(ctx, r, 0, "economy.tfp_speed", g.lambda, g.lambda_se, g.n_forecasts, "RMSE",
				   g.cv_rmse, m);
	}
	if (rc == MP_OK) {
		snprintf(m, sizeof m,
			 "slope of the EB prior line in today's gap, chosen with the speed (RMSE %.4f; "
			 "%.4f with the slope held at 1); s.e. bootstrap of states",
			 g.cv_rmse, g.cv_rmse_slope1);
		rc = mp_calib__add(ctx, r, 0, "fit.tfp_prior_slope", g.slope, g.slope_se, g.n_forecasts, "RMSE",
				   g.cv_rmse, m);
	}
	if (rc == MP_OK) {
		snprintf(m, sizeof m, "OLS slope through 0 of EB gaps on TFP gaps in %d; tau^2 %.4f, omega^2 %.4f",
			 until, g.tau2, g.omega2);
		rc = mp_calib__add(ctx, r, 0, "economy.gap_share", g.shrink_slope, MP_NA, e.conv.nu, "", MP_NA, m);
	}
	for (size_t u = 0; rc == MP_OK && u < e.conv.nu; u++) {
		if (!isfinite(g.mu[u]))
			continue;
		snprintf(m, sizeof m, "EB posterior of the TFP gap in %d from %d windows (%s)", until, g.nwin[u],
			 e.units.iso[u]);
		rc = add_unit(ctx, r, e.conv.ccode[u], "economy.tfp_gap", g.mu[u], g.mu_sd[u], (size_t)g.nwin[u], m);
		if (rc == MP_OK)
			rc = add_unit(ctx, r, e.conv.ccode[u], "economy.tfp_gap_sd", g.mu_sd[u], MP_NA,
				      (size_t)g.nwin[u], "posterior s.d. of economy.tfp_gap");
		if (rc == MP_OK)
			rc = add_unit(ctx, r, e.conv.ccode[u], "fit.tfp_x", MP_EP(&e.conv, u, until), MP_NA, 1,
				      "the state's TFP gap in the calibration year (report only)");
	}
	/* 2. shocks around the fitted path */
	if (rc == MP_OK)
		rc = mp_fit_shocks(ctx, &e.conv, first, until, g.lambda, g.mu, &sh);
	if (rc == MP_OK)
		rc = mp_fit_momentum(ctx, &e.conv, first, until, g.lambda, g.mu, W, &sh);
	if (rc == MP_OK) {
		snprintf(m, sizeof m,
			 "deviations d = v + w, v AR(1): rho_v = g2/g1 of pooled autocovariances g0 %.3g, "
			 "g1 %.3g, g2 %.3g (AR(1) of d: %.3f)",
			 sh.g0, sh.g1, sh.g2, sh.rho);
		rc = mp_calib__add(ctx, r, 0, "economy.tfp_persist", sh.rho_v, MP_NA, sh.n, "", MP_NA, m);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "economy.tfp_persist_sd", sh.sd_v, MP_NA, sh.n, "", MP_NA, m);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "economy.tfp_noise_sd", sh.sd_w, MP_NA, sh.n, "", MP_NA, m);
		snprintf(m, sizeof m, "OLS through 0 of the next %d years' mean deviation on the last 10 years' mean",
			 W);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "fit.tfp_momentum_beta", sh.beta_m, sh.beta_m_se, sh.beta_m_n, "",
					   MP_NA, m);
	}
	for (size_t u = 0; rc == MP_OK && u < e.conv.nu; u++)
		if (isfinite(g.mu[u]) && (int)u != e.frontier && isfinite(sh.dev0[u]))
			rc = add_unit(ctx, r, e.conv.ccode[u], "economy.tfp_dev0", sh.dev0[u], MP_NA, 10,
				      "start value of v: beta_m x mean deviation of the last 10 years / mean rho_v^k");
	if (rc == MP_OK) {
		snprintf(m, sizeof m,
			 "median state's s.d. of the AR(1) innovations (pooled %.4f); excess kurtosis "
			 "%.2f",
			 sh.sd, sh.kurtosis);
		rc = mp_calib__add(ctx, r, 0, "economy.tfp_shock_sd", sh.sd_median, MP_NA, sh.n, "kurtosis",
				   sh.kurtosis, m);
	}
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "economy.tfp_shock_df", sh.df, sh.df_se, sh.n, "kurtosis", sh.kurtosis,
				   "Student-t df = 4 + 6 / excess kurtosis (method of moments)");
	for (size_t u = 0; rc == MP_OK && u < e.conv.nu; u++)
		if (isfinite(g.mu[u]))
			rc = add_unit(ctx, r, e.conv.ccode[u], "economy.tfp_shock_sd", sh.unit_sd[u], MP_NA, sh.n,
				      "s.d. of the state's innovations, scaled-inverse-chi2 prior of 10 pseudo-years");
	/* 3. the frontier's own TFP path */
	if (rc == MP_OK) {
		double s1 = 0, s2 = 0;
		size_t k = 0;
		const size_t F = (size_t)e.frontier;
		for (int t = first + 1; t <= until; t++) {
			double a0 = (1 - alpha) * MP_EP(&e.lny, F, t - 1) - alpha * MP_EP(&e.lnky, F, t - 1);
			double a1 = (1 - alpha) * MP_EP(&e.lny, F, t) - alpha * MP_EP(&e.lnky, F, t);
			if (isfinite(a0) && isfinite(a1)) {
				s1 += a1 - a0;
				s2 += (a1 - a0) * (a1 - a0);
				k++;
			}
		}
		if (k < 3) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  SRC ": pwt: expected US capital-output ratios, found %zu years", k);
		} else {
			double mean = s1 / k, sd = sqrt((s2 - k * mean * mean) / (k - 1));
			snprintf(m, sizeof m, "mean annual change of US ln TFP %d-%d (Maddison y, PWT cn/cgdpo)", first,
				 until);
			rc = mp_calib__add(ctx, r, 0, "economy.frontier_tfp_growth", mean, sd / sqrt((double)k), k, "",
					   MP_NA, m);
			if (rc == MP_OK)
				rc = mp_calib__add(ctx, r, 0, "economy.frontier_shock_sd", sd, MP_NA, k, "", MP_NA,
						   "s.d. of annual US ln TFP changes");
		}
	}
	/* 4. the price level: Balassa-Samuelson line over the last 20 years, AR(1) deviations */
	int pfrom = until - 19 > first ? until - 19 : first;
	mp_line_fit pl;
	if (rc == MP_OK)
		rc = relative_income(ctx, &e, &ry);
	if (rc == MP_OK)
		rc = mp_fit_line(ctx, &e.lnq, &ry, pfrom, until, 0, &pl);
	if (rc == MP_OK)
		rc = mp_econ_panel_like(ctx, &e.lnq, &res);
	if (rc == MP_OK) {
		for (int t = first; t <= until; t++)
			for (size_t u = 0; u < res.nu; u++)
				MP_EP(&res, u, t) = MP_EP(&e.lnq, u, t) - pl.a - pl.b * MP_EP(&ry, u, t);
		rc = mp_fit_shocks(ctx, &res, pfrom, until, 0, NULL, &ps);
	}
	if (rc == MP_OK) {
		snprintf(m, sizeof m, "pooled OLS of ln price level (PWT, US = 0) on ln relative GDP pc, %d-%d", pfrom,
			 until);
		rc = mp_calib__add(ctx, r, 0, "economy.price_elasticity", pl.b, pl.b_se, pl.n, "R2", pl.r2, m);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "economy.price_const", pl.a, pl.a_se, pl.n, "R2", pl.r2, m);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "economy.price_persistence", ps.rho, ps.rho_se, ps.n, "", MP_NA,
					   "AR(1) of deviations from the price-level line");
		if (rc == MP_OK) {
			snprintf(m, sizeof m,
				 "median state's s.d. of the AR(1) innovations of price-level deviations "
				 "(pooled %.4f)",
				 ps.sd);
			rc = mp_calib__add(ctx, r, 0, "economy.price_shock_sd", ps.sd_median, MP_NA, ps.n, "kurtosis",
					   ps.kurtosis, m);
		}
	}
	/* 5. investment rates: each state's median of the 10 years before `until`, adjustment speed */
	if (rc == MP_OK && !(sbar = malloc((e.inv.nu + 1) * sizeof *sbar)))
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	if (rc == MP_OK)
		rc = mp_econ_unit_median(ctx, &e.inv, until - 10, until - 1, 5, sbar, NULL, NULL);
	/* the speed needs origins with 10 years before and 10 after: none before 1970 (PWT starts
	   in 1950), where the documented defaults of economy.invest_speed and _own_weight stay */
	int inv_first = until + 1;
	for (size_t u = 0; u < e.inv.nu; u++)
		for (int t = first; t < inv_first; t++)
			if (isfinite(mp_econ_at(&e.inv, u, t))) {
				inv_first = t;
				break;
			}
	const int inv_fit = until - 10 + 1 >= inv_first + 10;
	if (rc == MP_OK && inv_fit)
		rc = mp_fit_partial_rolling(ctx, &e.inv, &e.gdp, first, until, 10, 10, 100, 1, &iv);
	if (rc == MP_OK && inv_fit) {
		snprintf(m, sizeof m,
			 "rolling-origin fit, 10-yr mean investment rate (PWT rnna), target own/world "
			 "10-yr medians, GDP-weighted; RMSE %.4f, %.4f still, %.4f own only",
			 iv.rmse, iv.rmse_still, iv.rmse_own);
		rc = mp_calib__add(ctx, r, 0, "economy.invest_speed", iv.speed, iv.speed_se, iv.n, "RMSE", iv.rmse, m);
		if (rc == MP_OK)
			rc = mp_calib__add(ctx, r, 0, "economy.invest_own_weight", iv.own_weight, iv.own_weight_se,
					   iv.n, "RMSE", iv.rmse, m);
	}
	if (rc == MP_OK) {
		double *tmp = malloc((e.inv.nu + 1) * sizeof *tmp);
		size_t k = 0;
		for (size_t u = 0; tmp && u < e.inv.nu; u++)
			if (isfinite(sbar[u]))
				tmp[k++] = sbar[u];
		double med = MP_NA;
		if (tmp && k) {
			for (size_t a = 1; a < k; a++) /* insertion sort: ~180 values */
				for (size_t b = a; b > 0 && tmp[b - 1] > tmp[b]; b--) {
					double t = tmp[b];
					tmp[b] = tmp[b - 1];
					tmp[b - 1] = t;
				}
			med = k % 2 ? tmp[k / 2] : 0.5 * (tmp[k / 2 - 1] + tmp[k / 2]);
		}
		free(tmp);
		rc = mp_calib__add(ctx, r, 0, "economy.invest_default", med, MP_NA, k, "", MP_NA,
				   "median over states of their investment rate (PWT rnna, docs/economy.md)");
	}
	for (size_t u = 0; rc == MP_OK && u < e.inv.nu; u++)
		rc = add_unit(ctx, r, e.inv.ccode[u], "economy.invest", sbar[u], MP_NA, 10,
			      "median investment rate (PWT rnna) of the 10 years before the calibration year");
	free(sbar);
	mp_gap_fit_free(&g);
	mp_shock_fit_free(&sh);
	mp_shock_fit_free(&ps);
	mp_econ_panel_free(&ry);
	mp_econ_panel_free(&res);
	panels_free(&e);
	mp_store__calib_rows_free(&inc);
	mp_store__calib_rows_free(&pwt);
	return rc;
}
