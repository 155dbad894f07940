/*
 * The military mechanism's calibration on the store (docs/economy.md, "Military"):
 *
 * Burden b = milex / GDP (SIPRI share of GDP, 1949-until), in logs, partial adjustment
 * toward the state's own level m_i (median of its last 25 years) with threat, alliance,
 * dispute and war terms (Nerlove 1958 partial adjustment; Richardson 1960 reaction in
 * growth rates; Olson & Zeckhauser 1966 burden sharing):
 *   ln b_t - ln b_t-1 = -k (ln b_t-1 - m_i) + w W_t + d D_t + r gR_t-1 + a gA_t-1 + e_t
 *   W_t  = sum over the state's ongoing COW wars of ln(1 + battle deaths per war-year / 1000)
 *   D_t  = 1 in a year with an ongoing GML MID in which the state used force (hostlev >= 4)
 *   gR, gA = growth of the summed SIPRI constant-dollar spending of its Thompson-Dreyer
 *          rivals and of its COW formal allies (0 without any), clamped to +-0.5.
 * Per state (fit_reversion_eb.c): the speed k_i by empirical Bayes around the pooled k, and
 * the s.d. of the level m_i behind the 10-year errors of the burden NMC measures (NMC milex
 * over GDP at MER: Maddison x PWT price level x the US deflator), the series the forecasts
 * are scored on; the sim draws each run's level from it.
 * Personnel: ln(milper / tpop) (NMC) by the same partial adjustment with W.
 * Steel and energy: Delta ln(irst / GDP) and Delta ln(pec / GDP) on ln GDP per head relative
 * to the US (intensity of use: Malenbaum 1978; Csereklyei, Rubio & Stern 2016).
 */
#include "calib_internal.h"
#include "calib/fit_economy.h"
#include "calib/fit_intensity.h"
#include "world/world_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SRC "fit_military.c"
#define NC 1000 /* COW codes are < 1000: unit = ccode */

static int add_unit(mp_ctx *ctx, mp_calib_result *r, int ccode, const char *key, double est, double se, size_t n,
		    const char *method)
{
	if (ccode <= 0 || !isfinite(est))
		return MP_OK;
	return mp_calib__add(ctx, r, ccode, key, est, se, n, "", MP_NA, method);
}

/* Growth of the summed spending of the partners of each state (mark[c * NC + o] = 1 in
 * year t when o is a partner of c): over partners with spending in t-1 and t. 0 without
 * partners, NaN with partners but no data. */
static void partner_growth(const mp_econ_panel *M, const unsigned char *mark, int t, mp_econ_panel *g)
{
	for (int c = 1; c < NC; c++) {
		double a = 0, b = 0;
		int np = 0;
		for (int o = 1; o < NC; o++) {
			if (!mark[(size_t)c * NC + (size_t)o])
				continue;
			np++;
			double x0 = mp_econ_at(M, (size_t)o, t - 1), x1 = mp_econ_at(M, (size_t)o, t);
			if (isfinite(x0) && isfinite(x1)) {
				a += exp(x0);
				b += exp(x1);
			}
		}
		MP_EP(g, c, t) = np == 0 ? 0.0 : (a > 0 ? log(b / a) : MP_NA);
	}
}

static int add_line(mp_ctx *ctx, mp_calib_result *r, const char *trend, const char *gap, const mp_line_fit *f,
		    const char *what, int from, int until)
{
	char m[192];
	snprintf(m, sizeof m, "OLS of annual change of ln(%s/GDP) on ln relative GDP pc, NMC x Maddison %d-%d", what,
		 from, until);
	int rc = mp_calib__add(ctx, r, 0, trend, f->a, f->a_se, f->n, "R2", f->r2, m);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, gap, f->b, f->b_se, f->n, "R2", f->r2, m);
	return rc;
}

/* ln of the NMC-measured burden: NMC milex (thousands of current US$) over GDP at MER =
 * Maddison GDP (gdp, millions) x PWT price level relative to the US x the US deflator (SIPRI's
 * US GDP in current US$ over its Maddison GDP), the sim's start burden (sim.c,
 * world/economy.c). West Germany (260) takes unified Germany's price level. q, g: scratch
 * of NC x ny values each (price levels, GDP at MER). */
static void nmc_burden(const mp_store_calib_rows *nmx, const mp_store_calib_rows *pwt, const mp_store_calib_rows *sgdp,
		       const double *gdp, int from, int until, double *q, double *g, mp_econ_panel *out)
{
	const int ny = until - from + 1;
	const size_t US = (size_t)2 * (size_t)ny, N = (size_t)NC * (size_t)ny;
	for (size_t k = 0; k < N; k++)
		q[k] = g[k] = MP_NA;
	for (size_t i = 0; i < pwt->n; i++) {
		int c = pwt->v[i].i[0], t = pwt->v[i].i[1];
		if (c > 0 && c < NC && t >= from && t <= until && pwt->v[i].r[0] > 0)
			q[(size_t)c * (size_t)ny + (size_t)(t - from)] = pwt->v[i].r[0];
	}
	for (int t = from; t <= until; t++) {
		const size_t dt = (size_t)(t - from);
		double defl = MP_NA;
		for (size_t i = 0; i < sgdp->n; i++)
			if (sgdp->v[i].i[0] == 2 && sgdp->v[i].i[1] == t && gdp[US + dt] > 0)
				defl = sgdp->v[i].r[0] / gdp[US + dt];
		for (int c = 1; c < NC; c++) {
			const size_t k = (size_t)c * (size_t)ny + dt;
			double qc = c == 260 && !isfinite(q[k]) ? q[(size_t)255 * (size_t)ny + dt] : q[k];
			g[k] = qc / q[US + dt] * defl * gdp[k] * 1000.0;
		}
	}
	for (int c = 1; c < NC; c++)
		for (int t = from; t <= until; t++)
			MP_EP(out, c, t) = MP_NA;
	for (size_t i = 0; i < nmx->n; i++) {
		int c = nmx->v[i].i[0], t = nmx->v[i].i[1];
		if (c <= 0 || c >= NC || t < from || t > until)
			continue;
		double gm = g[(size_t)c * (size_t)ny + (size_t)(t - from)], mx = nmx->v[i].r[1];
		MP_EP(out, c, t) = gm > 0 && mx > 0 ? log(mx / gm) : MP_NA;
	}
}

int mp_calib__fit_military(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	const int from = 1949, until = o->until;
	if (until - from < 10)
		return mp_error_set(ctx, MP_ERANGE, SRC ": SIPRI starts in %d; expected --until >= %d", from,
				    from + 10);
	mp_store_calib_rows sp = { 0 }, riv = { 0 }, al = { 0 }, war = { 0 }, mid = { 0 }, nmc = { 0 }, inc = { 0 };
	mp_store_calib_rows nmx = { 0 }, pwt = { 0 }, sgdp = { 0 };
	mp_level_fit lv = { 0 };
	double *gdp = NULL, *ks = NULL;
	mp_econ_panel lnb = { 0 }, lnM = { 0 }, W = { 0 }, D = { 0 }, gR = { 0 }, gA = { 0 }, lnp = { 0 };
	mp_econ_panel lsteel = { 0 }, lpec = { 0 }, ry = { 0 }, lbn = { 0 }, cov = { 0 };
	mp_reversion_fit bf = { 0 }, pf = { 0 };
	unsigned char *mark = NULL;
	double *m = NULL, *q05 = NULL, *q95 = NULL, *mp = NULL;
	mp_dataset_info dw, dm;
	char txt[192];
	int rc = mp_store_dataset_pick(ctx, s, "war_inter", NULL, &dw);
	if (rc == MP_OK)
		rc = mp_store_dataset_pick(ctx, s, "mid_dyad", NULL, &dm);
	if (rc == MP_OK && (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_SIPRI, from, until, &sp)) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_RIVALRIES, from, until, &riv)) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_ALLIANCES, from, until, &al)) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_WAR_YEARS, from, until, &war)) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_MID_YEARS, from, until, &mid)) == MP_OK &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC_COMP, from, until, &nmc)) == MP_OK)
		rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_INCOME, from, until, &inc);
	mp_world__series_codes(&inc, 1); /* one territory per series (docs/crosswalk.md) */
	mp_econ_panel *all[] = { &lnb, &lnM, &W, &D, &gR, &gA, &lnp, &lsteel, &lpec, &ry, &lbn, &cov };
	for (size_t k = 0; rc == MP_OK && k < sizeof all / sizeof all[0]; k++)
		rc = mp_econ_panel_new(ctx, NC, from, until, all[k]);
	if (rc == MP_OK) {
		mark = calloc((size_t)NC * NC, 1);
		m = malloc(4 * NC * sizeof *m);
		if (!mark || !m)
			rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	if (rc != MP_OK)
		goto done;
	q05 = m + NC;
	q95 = m + 2 * NC;
	mp = m + 3 * NC;
	for (int c = 0; c < NC; c++)
		lnb.ccode[c] = c;
	for (size_t i = 0; i < sp.n; i++) {
		const mp_store_calib_row *w = &sp.v[i];
		if (w->i[0] <= 0 || w->i[0] >= NC || w->i[1] < from || w->i[1] > until)
			continue;
		if (w->r[1] > 0)
			MP_EP(&lnb, w->i[0], w->i[1]) = log(w->r[1]);
		if (w->r[0] > 0)
			MP_EP(&lnM, w->i[0], w->i[1]) = log(w->r[0]);
	}
	/* war intensity: ln(1 + deaths per war-year / 1000), summed over the year's wars; the
	   years of each (state, war) come from the rows themselves (sorted by ccode, year, war) */
	int wlast = dw.year_max < until ? dw.year_max : until, dlast = dm.year_max < until ? dm.year_max : until;
	for (int c = 1; c < NC; c++)
		for (int t = from; t <= until; t++) {
			MP_EP(&W, c, t) = t <= wlast ? 0.0 : MP_NA;
			MP_EP(&D, c, t) = t <= dlast ? 0.0 : MP_NA;
		}
	double *wint = malloc((war.n + 1) * sizeof *wint);
	if (!wint) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < war.n; i++) {
		const mp_store_calib_row *w = &war.v[i];
		int years = 0;
		for (size_t j = 0; j < war.n; j++)
			if (war.v[j].i[0] == w->i[0] && war.v[j].i[2] == w->i[2])
				years++;
		double deaths = isfinite(w->r[0]) && w->r[0] >= 0 ? w->r[0] : 1000.0; /* COW's threshold */
		wint[i] = log1p(deaths / (years > 0 ? years : 1) / 1000.0);
		if (w->i[0] > 0 && w->i[0] < NC && w->i[1] >= from && w->i[1] <= wlast)
			MP_EP(&W, w->i[0], w->i[1]) += wint[i];
	}
	/* the intensity of a simulated war: median over state-war-years */
	double wmed = MP_NA;
	if (war.n) {
		for (size_t a = 1; a < war.n; a++)
			for (size_t b = a; b > 0 && wint[b - 1] > wint[b]; b--) {
				double t = wint[b];
				wint[b] = wint[b - 1];
				wint[b - 1] = t;
			}
		wmed = war.n % 2 ? wint[war.n / 2] : 0.5 * (wint[war.n / 2 - 1] + wint[war.n / 2]);
	}
	free(wint);
	for (size_t i = 0; i < mid.n; i++) {
		const mp_store_calib_row *w = &mid.v[i];
		if (w->i[0] > 0 && w->i[0] < NC && w->i[1] >= from && w->i[1] <= dlast && w->i[2] >= 4)
			MP_EP(&D, w->i[0], w->i[1]) = 1.0;
	}
	/* rivals' and allies' spending growth, year by year */
	for (int t = from + 1; t <= until; t++) {
		memset(mark, 0, (size_t)NC * NC);
		for (size_t i = 0; i < riv.n; i++) {
			const mp_store_calib_row *w = &riv.v[i];
			int a = w->i[0], b = w->i[1];
			if (a > 0 && a < NC && b > 0 && b < NC && w->i[2] <= t - 1 && (w->i[3] <= 0 || w->i[3] >= t)) {
				mark[(size_t)a * NC + (size_t)b] = 1;
				mark[(size_t)b * NC + (size_t)a] = 1;
			}
		}
		partner_growth(&lnM, mark, t, &gR);
		memset(mark, 0, (size_t)NC * NC);
		for (size_t i = 0; i < al.n; i++) {
			const mp_store_calib_row *w = &al.v[i];
			if (w->i[2] == t && w->i[0] > 0 && w->i[0] < NC && w->i[1] > 0 && w->i[1] < NC)
				mark[(size_t)w->i[0] * NC + (size_t)w->i[1]] = 1;
		}
		/* alliance data end before until (COW 4.1: 2012): later years carry the last year's ties */
		int any = 0;
		for (size_t k = 0; k < (size_t)NC * NC && !any; k++)
			any = mark[k];
		if (any)
			partner_growth(&lnM, mark, t, &gA);
		else
			for (int c = 1; c < NC; c++)
				MP_EP(&gA, c, t) = MP_EP(&gA, c, t - 1);
	}
	/* 1. burden */
	if ((rc = mp_econ_unit_median(ctx, &lnb, until - 24, until, 5, m, q05, q95)) != MP_OK)
		goto done;
	const mp_econ_panel *ex[4] = { &W, &D, &gR, &gA };
	const int lag[4] = { 0, 0, -1, -1 };
	const double clamp[4] = { 0, 0, 0.5, 0.5 };
	if ((rc = mp_fit_reversion(ctx, &lnb, m, 4, ex, lag, clamp, from, until, &bf)) != MP_OK)
		goto done;
	snprintf(txt, sizeof txt,
		 "partial adjustment of ln SIPRI burden to the state's 25-yr median, %d-%d, "
		 "with war, MID, rivals' and allies' spending growth",
		 from, wlast < dlast ? wlast : dlast);
	if ((rc = mp_calib__add(ctx, r, 0, "military.reversion", bf.kappa, bf.kappa_se, bf.n, "R2", bf.r2, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.war_effect", bf.coef[0], bf.se[0], bf.n, "R2", bf.r2, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.dispute_effect", bf.coef[1], bf.se[1], bf.n, "R2", bf.r2, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.threat_effect", bf.coef[2], bf.se[2], bf.n, "R2", bf.r2, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.ally_effect", bf.coef[3], bf.se[3], bf.n, "R2", bf.r2, txt)))
		goto done;
	snprintf(txt, sizeof txt,
		 "median state's s.d. of the burden equation's residuals (pooled %.4f); excess "
		 "kurtosis %.2f",
		 bf.sigma, bf.kurtosis);
	if ((rc = mp_calib__add(ctx, r, 0, "military.shock_sd", bf.sd_median, MP_NA, bf.n, "kurtosis", bf.kurtosis,
				txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.shock_df", bf.df, MP_NA, bf.n, "kurtosis", bf.kurtosis,
				"Student-t df = 4 + 6 / excess kurtosis")) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.war_intensity", wmed, MP_NA, war.n, "", MP_NA,
				"median of COW state-war-years' ln(1 + battle deaths per war-year / 1000)")))
		goto done;
	{
		double tmp[NC];
		size_t k = 0;
		for (int c = 1; c < NC; c++)
			if (isfinite(m[c]))
				tmp[k++] = m[c];
		for (size_t a = 1; a < k; a++)
			for (size_t b = a; b > 0 && tmp[b - 1] > tmp[b]; b--) {
				double t = tmp[b];
				tmp[b] = tmp[b - 1];
				tmp[b - 1] = t;
			}
		double med = k ? exp(k % 2 ? tmp[k / 2] : 0.5 * (tmp[k / 2 - 1] + tmp[k / 2])) : MP_NA;
		if ((rc = mp_calib__add(ctx, r, 0, "military.burden_default", med, MP_NA, k, "", MP_NA,
					"median over states of their burden level (SIPRI)")))
			goto done;
	}
	for (int c = 1; c < NC && rc == MP_OK; c++) {
		if (!isfinite(m[c]))
			continue;
		rc = add_unit(ctx, r, c, "military.burden_level", exp(m[c]), MP_NA, 25,
			      "median SIPRI burden of the state's last 25 years");
		if (rc == MP_OK)
			rc = add_unit(ctx, r, c, "military.burden_p05", exp(q05[c]), MP_NA, 25,
				      "5% quantile, same years");
		if (rc == MP_OK)
			rc = add_unit(ctx, r, c, "military.burden_p95", exp(q95[c]), MP_NA, 25,
				      "95% quantile, same years");
		if (rc == MP_OK && bf.unit_sd && isfinite(bf.unit_sd[c]))
			rc = add_unit(ctx, r, c, "military.shock_sd", bf.unit_sd[c], MP_NA, bf.n,
				      "s.d. of the state's residuals, scaled-inverse-chi2 prior of 10 pseudo-years");
	}
	if (rc != MP_OK)
		goto done;
	/* 2. personnel per head (NMC) */
	for (size_t i = 0; i < nmc.n; i++) {
		const mp_store_calib_row *w = &nmc.v[i];
		int c = w->i[0], t = w->i[1];
		if (c <= 0 || c >= NC || t < from || t > until)
			continue;
		if (w->r[0] > 0 && w->r[3] > 0)
			MP_EP(&lnp, c, t) = log(w->r[0] / w->r[3]);
	}
	if ((rc = mp_econ_unit_median(ctx, &lnp, until - 24, until, 5, mp, NULL, NULL)) != MP_OK)
		goto done;
	const mp_econ_panel *exw[1] = { &W };
	const int lag0[1] = { 0 };
	const double noclamp[1] = { 0 };
	if ((rc = mp_fit_reversion(ctx, &lnp, mp, 1, exw, lag0, noclamp, from, until, &pf)) != MP_OK)
		goto done;
	snprintf(txt, sizeof txt,
		 "partial adjustment of ln(milper/tpop) (NMC) to the state's 25-yr median, "
		 "%d-%d, with war intensity",
		 from, wlast);
	if ((rc = mp_calib__add(ctx, r, 0, "military.personnel_reversion", pf.kappa, pf.kappa_se, pf.n, "R2", pf.r2,
				txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.personnel_war", pf.coef[0], pf.se[0], pf.n, "R2", pf.r2, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "military.personnel_shock_sd", pf.sd_median, MP_NA, pf.n, "kurtosis",
				pf.kurtosis, "median state's s.d. of the personnel equation's residuals")))
		goto done;
	for (int c = 1; c < NC && rc == MP_OK; c++)
		if (isfinite(mp[c]))
			rc = add_unit(ctx, r, c, "military.personnel_rate", exp(mp[c]), MP_NA, 25,
				      "median NMC milper/tpop of the state's last 25 years");
	if (rc != MP_OK)
		goto done;
	/* 3. steel and energy intensities of GDP (Maddison, 2011 int$) */
	double yUS[256];
	int ny = until - from + 1;
	for (int t = 0; t < ny && t < 256; t++)
		yUS[t] = MP_NA;
	gdp = malloc((size_t)NC * (size_t)ny * sizeof *gdp);
	if (!gdp) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t k = 0; k < (size_t)NC * (size_t)ny; k++)
		gdp[k] = MP_NA;
	for (size_t i = 0; i < inc.n; i++) {
		const mp_store_calib_row *w = &inc.v[i];
		int c = w->i[0], t = w->i[1];
		if (c <= 0 || c >= NC || t < from || t > until || !(w->r[0] > 0 && w->r[1] > 0))
			continue;
		gdp[(size_t)c * (size_t)ny + (size_t)(t - from)] = w->r[0] * w->r[1] / 1000.0;
		MP_EP(&ry, c, t) = log(w->r[0]);
		if (c == 255) { /* West Germany: unified Germany's values (SOURCES.md) */
			gdp[(size_t)260 * (size_t)ny + (size_t)(t - from)] = w->r[0] * w->r[1] / 1000.0;
			MP_EP(&ry, 260, t) = log(w->r[0]);
		}
		if (c == 2 && t - from < 256)
			yUS[t - from] = log(w->r[0]);
	}
	for (int c = 1; c < NC; c++)
		for (int t = from; t <= until; t++)
			MP_EP(&ry, c, t) -= t - from < 256 ? yUS[t - from] : MP_NA;
	for (size_t i = 0; i < nmc.n; i++) {
		const mp_store_calib_row *w = &nmc.v[i];
		int c = w->i[0], t = w->i[1];
		if (c <= 0 || c >= NC || t < from || t > until)
			continue;
		double y = gdp[(size_t)c * (size_t)ny + (size_t)(t - from)];
		/* producers of at least 100 kt and users of 100 kt coal-equivalent: smaller series
		   are dominated by plant openings and closures */
		if (y > 0 && w->r[1] >= 100)
			MP_EP(&lsteel, c, t) = log(w->r[1] / y);
		if (y > 0 && w->r[2] >= 100)
			MP_EP(&lpec, c, t) = log(w->r[2] / y);
	}
	int ifrom = until - 29 > from ? until - 29 : from;
	mp_line_fit fs, fe;
	if ((rc = mp_fit_line(ctx, &lsteel, &ry, ifrom, until, 1, &fs)) != MP_OK ||
	    (rc = mp_fit_line(ctx, &lpec, &ry, ifrom, until, 1, &fe)) != MP_OK)
		goto done;
	if ((rc = add_line(ctx, r, "capabilities.steel_trend", "capabilities.steel_gap", &fs, "irst", ifrom, until)) ==
	    MP_OK)
		rc = add_line(ctx, r, "capabilities.energy_trend", "capabilities.energy_gap", &fe, "pec", ifrom, until);
	if (rc == MP_OK)
		rc = mp_calib__add_line_spread(ctx, r, "capabilities.steel_shock_sd", "irst", &lsteel, &ry, ifrom,
					       until, &fs);
	if (rc == MP_OK)
		rc = mp_calib__add_line_spread(ctx, r, "capabilities.energy_shock_sd", "pec", &lpec, &ry, ifrom, until,
					       &fe);
	if (rc != MP_OK)
		goto done;
	/* 4. each state's persistence (EB speeds) and the uncertainty of its level behind the
	   10-year errors of the NMC-measured burden (fit_reversion_eb.c) */
	mp_dataset_info dp;
	if (mp_store_dataset_pick(NULL, s, "pwt", NULL, &dp) != MP_OK)
		goto done; /* no PWT: no GDP at MER for history; the documented defaults stay */
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, from, until, &nmx)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_PWT, from, until, &pwt)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_SIPRI_GDP, from, until, &sgdp)) != MP_OK)
		goto done;
	mp_world__series_codes(&pwt, 0);
	/* 10-year errors of a burden measured on PWT's price levels: none before 1970 (PWT starts
	   in 1950, the errors need 10 years of history and 10 ahead); the defaults stay */
	int pwt_first = until + 1;
	for (size_t i = 0; i < pwt.n; i++)
		pwt_first = pwt.v[i].i[1] < pwt_first ? pwt.v[i].i[1] : pwt_first;
	if (until < pwt_first + 20)
		goto done;
	if (!(ks = malloc(2 * NC * sizeof *ks))) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	double *qs = malloc(2 * (size_t)NC * (size_t)ny * sizeof *qs);
	if (!qs) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	nmc_burden(&nmx, &pwt, &sgdp, gdp, from, until, qs, qs + (size_t)NC * (size_t)ny, &lbn);
	free(qs);
	for (int c = 1; c < NC; c++) /* the pooled fit's covariate terms, held fixed */
		for (int t = from + 1; t <= until; t++) {
			double z[4];
			for (int j = 0; j < 4; j++) {
				z[j] = mp_econ_at(ex[j], (size_t)c, t + lag[j]);
				if (!isfinite(z[j]))
					z[j] = 0; /* no war, dispute or partner data: no effect */
				if (clamp[j] > 0)
					z[j] = z[j] > clamp[j] ? clamp[j] : (z[j] < -clamp[j] ? -clamp[j] : z[j]);
			}
			MP_EP(&cov, c, t) = bf.coef[0] * z[0] + bf.coef[1] * z[1] + bf.coef[2] * z[2] +
					    bf.coef[3] * z[3];
		}
	double t2;
	if ((rc = mp_fit_unit_speeds(ctx, &lnb, m, &cov, from, until, bf.kappa, ks, ks + NC, &t2)) != MP_OK ||
	    (rc = mp_fit_level_sd(ctx, &lnb, &lbn, ks, bf.unit_sd, from + 10, until, 10, 10.0, &lv)) != MP_OK)
		goto done;
	snprintf(txt, sizeof txt,
		 "s.d. of the level behind the 10-yr errors of the NMC burden (NMC milex / GDP at "
		 "MER), %zu forecasts (excess kurtosis %.2f), from their 5-95%% range",
		 lv.n, lv.kurtosis);
	if ((rc = mp_calib__add(ctx, r, 0, "military.level_sd", lv.sd, MP_NA, lv.n, "kurtosis", lv.kurtosis, txt)) ||
	    (rc = mp_calib__add(ctx, r, 0, "fit.reversion_between_sd", sqrt(t2), MP_NA, bf.n, "", MP_NA,
				"between-state s.d. of the burden's reversion speeds (EB prior)")))
		goto done;
	for (int c = 1; c < NC && rc == MP_OK; c++) {
		if (!isfinite(m[c]))
			continue;
		rc = add_unit(ctx, r, c, "military.reversion", ks[c], ks[NC + c], bf.n,
			      "EB-shrunk reversion speed of the state's SIPRI burden");
		if (rc == MP_OK && lv.unit_sd && isfinite(lv.unit_sd[c]))
			rc = add_unit(ctx, r, c, "military.level_sd", lv.unit_sd[c], MP_NA, lv.n,
				      "s.d. of the state's burden level, 10 pseudo-origins toward the pooled value");
	}
done:
	mp_reversion_fit_free(&bf);
	mp_reversion_fit_free(&pf);
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
		mp_econ_panel_free(all[k]);
	free(mark);
	free(m);
	free(gdp);
	free(ks);
	mp_level_fit_free(&lv);
	mp_store_calib_rows *rows[] = { &sp, &riv, &al, &war, &mid, &nmc, &inc, &nmx, &pwt, &sgdp };
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++)
		mp_store__calib_rows_free(rows[k]);
	return rc;
}
