/*
 * The course and costs of war (docs/conflict.md, "Wars"): duration, outcome and battle
 * deaths from the COW inter-state war dyad-years (Sarkees & Wayman 2010), and the effects
 * of a war year on growth (Maddison) and on the military burden (SIPRI), each fitted on
 * data up to `until` only.
 */
#include "calib_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/world_internal.h"

#define SRC "fit_conflict_war.c"
#define MAXC 1000

static int oom(mp_ctx *ctx)
{
	return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
}

/* Grows *v (of elem bytes) to hold at least need elements. */
static int grow(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return MP_OK;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	void *nv = realloc(*v, c * elem);
	if (!nv)
		return MP_ENOMEM;
	*v = nv;
	*cap = c;
	return MP_OK;
}

int mp_calib_war_sample(mp_ctx *ctx, mp_store *s, int until, mp_war_dyad_obs **dyads, size_t *nd,
			mp_war_state_obs **states, size_t *ns, mp_war_cost_obs **costs, size_t *nc)
{
	*dyads = NULL;
	*states = NULL;
	*costs = NULL;
	*nd = *ns = *nc = 0;
	const int from = 1816;
	const int ny = until - from + 1;
	if (ny < 2)
		return mp_error_set(ctx, MP_ERANGE, SRC ": war sample: until %d is before %d", until, from + 1);
	mp_store_calib_rows war = { 0 }, nmc = { 0 }, inc = { 0 }, sip = { 0 };
	double *cinc = NULL;
	unsigned char *atwar = NULL;
	mp_war_dyad_obs *d = NULL;
	mp_war_state_obs *st = NULL;
	mp_war_cost_obs *co = NULL;
	size_t dcap = 0, scap = 0, ccap = 0, kd = 0, ks = 0, kc = 0;
	int rc;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_WAR_DYAD_YEARS, from, until, &war)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, from, until, &nmc)) != MP_OK)
		goto done;
	if (mp_store_has(s, "maddison") &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_INCOME, from, until, &inc)) != MP_OK)
		goto done;
	mp_world__series_codes(&inc, 1); /* one territory per series (docs/crosswalk.md) */
	if (mp_store_has(s, "sipri") &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_SIPRI, from, until, &sip)) != MP_OK)
		goto done;
	size_t m = (size_t)MAXC * (size_t)ny;
	cinc = malloc(4 * m * sizeof *cinc);
	atwar = calloc(2 * m, 1);
	if (!cinc || !atwar) {
		rc = oom(ctx);
		goto done;
	}
	double *tpop = cinc + m, *lny = cinc + 2 * m, *burden = cinc + 3 * m;
	unsigned char *lost = atwar + m;
	for (size_t i = 0; i < 4 * m; i++)
		cinc[i] = MP_NA;
#define AT(a, c, t) a[(size_t)(c) * (size_t)ny + (size_t)((t)-from)]
#define OK(c, t) ((c) > 0 && (c) < MAXC && (t) >= from && (t) <= until)
	for (size_t i = 0; i < nmc.n; i++) {
		const mp_store_calib_row *r = &nmc.v[i];
		if (OK(r->i[0], r->i[1])) {
			AT(cinc, r->i[0], r->i[1]) = r->r[0];
			AT(tpop, r->i[0], r->i[1]) = r->r[2];
		}
	}
	for (size_t i = 0; i < inc.n; i++) {
		const mp_store_calib_row *r = &inc.v[i];
		if (OK(r->i[0], r->i[1]) && r->r[0] > 0)
			AT(lny, r->i[0], r->i[1]) = log(r->r[0]);
	}
	for (size_t i = 0; i < sip.n; i++) {
		const mp_store_calib_row *r = &sip.v[i];
		if (OK(r->i[0], r->i[1]) && r->r[1] >= 0)
			AT(burden, r->i[0], r->i[1]) = r->r[1];
	}
	for (size_t i = 0; i < war.n; i++)
		if (OK(war.v[i].i[0], war.v[i].i[2]))
			AT(atwar, war.v[i].i[0], war.v[i].i[2]) = 1;
	/* dyads: runs of (warnum, ccode1, ccode2) with ccode1 < ccode2 (the rows are sorted) */
	size_t w0 = 0, w1 = 0; /* the rows of the current war */
	for (size_t i = 0; i < war.n;) {
		if (i >= w1) {
			w0 = i;
			for (w1 = i; w1 < war.n && war.v[w1].i[3] == war.v[i].i[3]; w1++)
				;
		}
		size_t j = i;
		const mp_store_calib_row *r = &war.v[i];
		int last = r->i[2];
		while (j < war.n && war.v[j].i[3] == r->i[3] && war.v[j].i[0] == r->i[0] && war.v[j].i[1] == r->i[1]) {
			if (war.v[j].i[2] > last)
				last = war.v[j].i[2];
			j++;
		}
		int c1 = r->i[0], c2 = r->i[1];
		double x1 = OK(c1, r->i[2]) ? AT(cinc, c1, r->i[2]) : MP_NA,
		       x2 = OK(c2, r->i[2]) ? AT(cinc, c2, r->i[2]) : MP_NA;
		if (c1 < c2 && x1 > 0 && x2 > 0) {
			if (grow((void **)&d, &dcap, kd + 1, sizeof *d) != MP_OK) {
				rc = oom(ctx);
				goto done;
			}
			int out = mp_is_na(r->r[1]) ? 0 : (int)r->r[1];
			/* the sides: the states fighting c2 (with c1) and those fighting c1, each once */
			double side[2] = { 0, 0 };
			for (size_t k = w0; k < w1; k++) {
				const mp_store_calib_row *q = &war.v[k];
				int against = q->i[1] == c2 ? 0 : q->i[1] == c1 ? 1 : -1;
				if (against < 0 ||
				    (k > w0 && war.v[k - 1].i[0] == q->i[0] && war.v[k - 1].i[1] == q->i[1]))
					continue;
				double x = OK(q->i[0], r->i[2]) ? AT(cinc, q->i[0], r->i[2]) : MP_NA;
				if (x > 0)
					side[against] += x;
			}
			d[kd++] = (mp_war_dyad_obs){ r->i[3],
						     c1,
						     c2,
						     r->i[2],
						     last,
						     last < until && out != 5,
						     last < until ? out : 0,
						     log(x1 / x2),
						     side[0] > 0 && side[1] > 0 ? log(side[0] / side[1])
										: log(x1 / x2) };
		}
		i = j;
	}
	/* states: runs of (warnum, ccode1) (the rows are sorted by war, then ccode1) */
	for (size_t i = 0; i < war.n;) {
		const mp_store_calib_row *r = &war.v[i];
		int c = r->i[0], first = r->i[2], last = r->i[2], years = 0, outcome = 0;
		double deaths = MP_NA, opp = 0;
		size_t j = i;
		for (; j < war.n && war.v[j].i[3] == r->i[3] && war.v[j].i[0] == c; j++) {
			const mp_store_calib_row *q = &war.v[j];
			if (q->i[2] < first)
				first = q->i[2];
			if (q->i[2] > last)
				last = q->i[2];
			if (!mp_is_na(q->r[2]) && (mp_is_na(deaths) || q->r[2] > deaths))
				deaths = q->r[2]; /* the state's deaths in the war, repeated on its rows */
			if (!mp_is_na(q->r[1]))
				outcome = (int)q->r[1];
		}
		if (outcome == 2 && last < until && OK(c, last))
			AT(lost, c, last) = 1;
		for (size_t k = i; k < j; k++) { /* the strongest opponent at the state's entry */
			double x = OK(war.v[k].i[1], first) ? AT(cinc, war.v[k].i[1], first) : MP_NA;
			if (x > opp)
				opp = x;
		}
		for (int t = first; t <= last; t++)
			years += OK(c, t) && AT(atwar, c, t);
		double own = OK(c, first) ? AT(cinc, c, first) : MP_NA;
		if (last < until && own > 0 && opp > 0 && years > 0) {
			if (grow((void **)&st, &scap, ks + 1, sizeof *st) != MP_OK) {
				rc = oom(ctx);
				goto done;
			}
			st[ks++] = (mp_war_state_obs){ r->i[3], c, years, deaths, AT(tpop, c, first), log(own / opp) };
		}
		i = j;
	}
	/* the cost panel: state-years with a change of income or of the burden */
	for (int c = 1; c < MAXC; c++)
		for (int t = from + 1; t <= until; t++) {
			double g = AT(lny, c, t) - AT(lny, c, t - 1), b = AT(burden, c, t) - AT(burden, c, t - 1);
			if (mp_is_na(g) && mp_is_na(b))
				continue;
			if (grow((void **)&co, &ccap, kc + 1, sizeof *co) != MP_OK) {
				rc = oom(ctx);
				goto done;
			}
			co[kc++] = (mp_war_cost_obs){ c, t, AT(atwar, c, t), AT(lost, c, t), g, b };
		}
#undef AT
#undef OK
	*dyads = d;
	*states = st;
	*costs = co;
	*nd = kd;
	*ns = ks;
	*nc = kc;
	d = NULL;
	st = NULL;
	co = NULL;
done:
	free(d);
	free(st);
	free(co);
	free(cinc);
	free(atwar);
	mp_store__calib_rows_free(&war);
	mp_store__calib_rows_free(&nmc);
	mp_store__calib_rows_free(&inc);
	mp_store__calib_rows_free(&sip);
	return rc;
}

/* OLS of y on a war year (and, with two = 1, on a war lost that year) with year fixed
 * effects (the within estimator): demeaned by year; conventional s.e. with n - years - k
 * degrees of freedom. Values with |y| > trim are left out (breaks in the series, not
 * growth). */
static void within_fe(const mp_war_cost_obs *o, size_t n, int which, int two, double trim, double b[2], double se[2],
		      size_t *nobs, size_t *nwar, size_t *nlost)
{
	b[0] = b[1] = se[0] = se[1] = MP_NA;
	*nobs = *nwar = *nlost = 0;
	enum { Y0 = 1800, NY = 301 };
	double sy[NY] = { 0 }, s1[NY] = { 0 }, s2[NY] = { 0 }, cnt[NY] = { 0 };
#define VAL(i) (which ? o[i].dburden : o[i].dlny)
#define USE(i, t) (!mp_is_na(VAL(i)) && fabs(VAL(i)) <= trim && (t) >= 0 && (t) < NY)
	for (size_t i = 0; i < n; i++) {
		int t = o[i].year - Y0;
		if (!USE(i, t))
			continue;
		sy[t] += VAL(i);
		s1[t] += o[i].at_war;
		s2[t] += two ? o[i].lost : 0;
		cnt[t] += 1;
	}
	size_t years = 0;
	for (int t = 0; t < NY; t++)
		years += cnt[t] > 0;
	double a11 = 0, a12 = 0, a22 = 0, c1 = 0, c2 = 0;
	for (size_t i = 0; i < n; i++) {
		int t = o[i].year - Y0;
		if (!USE(i, t))
			continue;
		double x1 = o[i].at_war - s1[t] / cnt[t], x2 = (two ? o[i].lost : 0) - s2[t] / cnt[t];
		double yd = VAL(i) - sy[t] / cnt[t];
		a11 += x1 * x1;
		a12 += x1 * x2;
		a22 += x2 * x2;
		c1 += x1 * yd;
		c2 += x2 * yd;
		(*nobs)++;
		*nwar += o[i].at_war;
		*nlost += two && o[i].lost;
	}
	size_t k = two ? 2 : 1;
	double det = two ? a11 * a22 - a12 * a12 : a11;
	if (!(det > 0) || *nobs <= years + k)
		return;
	if (two) {
		b[0] = (a22 * c1 - a12 * c2) / det;
		b[1] = (a11 * c2 - a12 * c1) / det;
	} else {
		b[0] = c1 / a11;
		b[1] = 0;
	}
	double rss = 0;
	for (size_t i = 0; i < n; i++) {
		int t = o[i].year - Y0;
		if (!USE(i, t))
			continue;
		double x1 = o[i].at_war - s1[t] / cnt[t], x2 = (two ? o[i].lost : 0) - s2[t] / cnt[t];
		double e = (VAL(i) - sy[t] / cnt[t]) - b[0] * x1 - b[1] * x2;
		rss += e * e;
	}
#undef VAL
#undef USE
	double s2e = rss / (double)(*nobs - years - k);
	se[0] = sqrt(s2e * (two ? a22 / det : 1.0 / a11));
	se[1] = two ? sqrt(s2e * a11 / det) : MP_NA;
}

int mp_calib_war(mp_ctx *ctx, const mp_war_dyad_obs *dyads, size_t nd, const mp_war_state_obs *states, size_t ns,
		 const mp_war_cost_obs *costs, size_t nc, mp_war_fit *out)
{
	memset(out, 0, sizeof *out);
	size_t years = 0;
	for (size_t i = 0; i < nd; i++)
		years += (size_t)(dyads[i].last - dyads[i].first + 1);
	size_t cap = (years > nd ? years : nd) + ns + 1;
	double *X = calloc(2 * cap, sizeof *X), *y = calloc(cap, sizeof *y);
	int rc = MP_OK;
	if (!X || !y) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	/* duration: discrete-time hazard of the dyad's war ending in year t (Beck, Katz & Tucker
	   1998's logit for grouped durations), on the capability balance */
	size_t k = 0, ended = 0;
	double dur = 0;
	for (size_t i = 0; i < nd; i++) {
		for (int t = dyads[i].first; t <= dyads[i].last; t++) {
			X[2 * k] = 1.0;
			X[2 * k + 1] = fabs(dyads[i].ln_ratio);
			y[k++] = dyads[i].ended && t == dyads[i].last;
		}
		if (dyads[i].ended) {
			ended++;
			dur += dyads[i].last - dyads[i].first + 1;
		}
	}
	out->n_end_years = k;
	out->n_end_dyads = ended;
	out->mean_years = ended ? dur / (double)ended : MP_NA;
	if ((rc = mp_calib_logit(ctx, X, y, k, 2, &out->end)) != MP_OK)
		goto done;
	/* outcome: the stronger side wins (Bueno de Mesquita 1981), on decisive outcomes */
	k = 0;
	for (size_t i = 0; i < nd; i++) {
		int oc = dyads[i].outcome1;
		if (!dyads[i].ended || oc <= 0 || oc == 5)
			continue;
		out->n_outcomes++;
		if (oc != 1 && oc != 2)
			continue;
		out->n_decisive++;
		X[k] = dyads[i].ln_sides;
		y[k++] = oc == 1;
	}
	out->decisive = out->n_outcomes ? (double)out->n_decisive / (double)out->n_outcomes : MP_NA;
	if ((rc = mp_calib_logit(ctx, X, y, k, 1, &out->win)) != MP_OK)
		goto done;
	/* battle deaths per year of participation relative to the population (log-normal) */
	k = 0;
	for (size_t i = 0; i < ns; i++) {
		const mp_war_state_obs *o = &states[i];
		if (!(o->deaths > 0) || !(o->pop > 0) || o->years < 1)
			continue;
		X[2 * k] = 1.0;
		X[2 * k + 1] = o->ln_ratio;
		y[k++] = log(o->deaths / o->years / (o->pop * 1000.0));
	}
	out->n_deaths = k;
	if ((rc = mp_calib_ols(ctx, X, y, k, 2, &out->deaths)) != MP_OK)
		goto done;
	double b[2], se[2];
	size_t nl;
	within_fe(costs, nc, 0, 1, 1.0, b, se, &out->gdp_n, &out->gdp_war, &out->gdp_lost);
	out->gdp = b[0];
	out->gdp_se = se[0];
	out->lost = b[1];
	out->lost_se = se[1];
	within_fe(costs, nc, 1, 0, 0.3, b, se, &out->burden_n, &out->burden_war, &nl);
	out->burden = b[0];
	out->burden_se = se[0];
done:
	free(X);
	free(y);
	return rc;
}

int mp_calib__fit_war(mp_ctx *ctx, mp_store *s, const mp_calib_options *o, mp_calib_result *r)
{
	mp_war_dyad_obs *d = NULL;
	mp_war_state_obs *st = NULL;
	mp_war_cost_obs *co = NULL;
	size_t nd = 0, ns = 0, nc = 0;
	mp_war_fit f;
	char m[192];
	int rc = mp_calib_war_sample(ctx, s, o->until, &d, &nd, &st, &ns, &co, &nc);
	if (rc == MP_OK)
		rc = mp_calib_war(ctx, d, nd, st, ns, co, nc, &f);
	free(d);
	free(st);
	free(co);
	if (rc != MP_OK)
		return rc;
	snprintf(m, sizeof m,
		 "logit of a dyad's war ending in the year on |ln C1/C2|, COW wars to %d (%zu ended "
		 "dyad-wars, mean %.1f yr)",
		 o->until, f.n_end_dyads, f.mean_years);
	rc = mp_calib__add(ctx, r, 0, "conflict.end_const", f.end.coef[0], f.end.se[0], f.n_end_years, "loglik",
			   f.end.loglik, m);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.end_ln_ratio", f.end.coef[1], f.end.se[1], f.n_end_years,
				   "loglik", f.end.loglik, m);
	if (rc == MP_OK)
		rc = mp_calib__add(
			ctx, r, 0, "conflict.win_ln_ratio", f.win.coef[0], f.win.se[0], f.n_decisive, "loglik",
			f.win.loglik,
			"logit of state 1 winning on ln(CINC of its side / the other side), decisive COW dyad outcomes, no constant");
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.decisive", f.decisive, MP_NA, f.n_outcomes, "", MP_NA,
				   "share of ended COW dyad-wars with a winner and a loser");
	snprintf(m, sizeof m,
		 "OLS of ln(battle deaths per year / population) on ln(own/opponent CINC), %zu "
		 "state-wars; sd = residual s.d.",
		 f.n_deaths);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.deaths_const", f.deaths.coef[0], f.deaths.se[0], f.n_deaths,
				   "R2", f.deaths.r2, m);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.deaths_ln_ratio", f.deaths.coef[1], f.deaths.se[1], f.n_deaths,
				   "R2", f.deaths.r2, m);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.deaths_sd", f.deaths.sigma, MP_NA, f.n_deaths, "R2",
				   f.deaths.r2, m);
	snprintf(m, sizeof m,
		 "within-year OLS of d ln GDP pc (Maddison) on a war year and a war lost that year, "
		 "%zu state-years (%zu at war, %zu lost), |d| <= 1",
		 f.gdp_n, f.gdp_war, f.gdp_lost);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.war_gdp", f.gdp, f.gdp_se, f.gdp_n, "", MP_NA, m);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "conflict.lost_gdp", f.lost, f.lost_se, f.gdp_n, "", MP_NA, m);
	snprintf(m, sizeof m,
		 "within-year OLS of the change of SIPRI milex/GDP on a war year, %zu state-years "
		 "(%zu at war), |d| <= 0.3; compare military.war_effect",
		 f.burden_n, f.burden_war);
	if (rc == MP_OK)
		rc = mp_calib__add(ctx, r, 0, "fit.war_burden", f.burden, f.burden_se, f.burden_n, "", MP_NA, m);
	return rc;
}
