/*
 * The alignment samples (docs/conflict.md, "Alignment"): the UNGA ideal-point panel with
 * the pulls of trade partners, camp leaders, defence allies and the world mean, and the
 * camp exits and entries of states, camps being defence pacts with the USA, Russia (the
 * USSR) or China (ATOP). Every query is bounded by `until`.
 */
#include "calib_internal.h"

#include <stdlib.h>
#include <string.h>

#define SRC "fit_alignment_data.c"
#define MAXC 1000
#define FIRST 1946 /* the first year of ideal points */

static const int leaders[MP_ALIGN_NCAMPS] = { 2, 365, 710 };

static int oom(mp_ctx *ctx)
{
	return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
}

static int grow(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return MP_OK;
	size_t c = *cap ? *cap : 1024;
	while (c < need)
		c *= 2;
	void *nv = realloc(*v, c * elem);
	if (!nv)
		return MP_ENOMEM;
	*v = nv;
	*cap = c;
	return MP_OK;
}

static int leader_index(int c)
{
	for (int k = 0; k < MP_ALIGN_NCAMPS; k++)
		if (leaders[k] == c)
			return k;
	return -1;
}

int mp_calib_alignment_sample(mp_ctx *ctx, mp_store *s, int until, mp_ideal_obs **ideal, size_t *ni,
			      mp_camp_obs **camps, size_t *nc)
{
	*ideal = NULL;
	*camps = NULL;
	*ni = *nc = 0;
	if (until <= FIRST)
		return mp_error_set(ctx, MP_ERANGE, SRC ": alignment: until %d is not after %d (ideal points start)",
				    until, FIRST);
	const int ny = until - FIRST + 1;
	mp_store_calib_rows ip = { 0 }, nmc = { 0 }, def = { 0 }, tr = { 0 };
	int rc;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_IDEAL, FIRST, until, &ip)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, FIRST, until, &nmc)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_DEFENSE, FIRST, until, &def)) != MP_OK)
		return rc;
	if (mp_store_has(s, "trade_dyadic") &&
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_TRADE, FIRST, until, &tr)) != MP_OK)
		goto done;
	size_t m = (size_t)MAXC * (size_t)ny;
	double *v = malloc(4 * m * sizeof *v);
	signed char *camp = malloc(m);
	mp_ideal_obs *io = NULL;
	mp_camp_obs *co = NULL;
	size_t icap = 0, ccap = 0, ki = 0, kc = 0;
	/* per year: the ATOP pact partners and the trade rows */
	size_t *def_at = calloc((size_t)ny + 1, sizeof *def_at), *tr_at = calloc((size_t)ny + 1, sizeof *tr_at);
	if (!v || !camp || !def_at || !tr_at) {
		rc = oom(ctx);
		goto free_all;
	}
	double *ipv = v, *cinc = v + m, *tsum = v + 2 * m, *tip = v + 3 * m;
	for (size_t i = 0; i < 4 * m; i++)
		v[i] = MP_NA;
	memset(camp, -1, m);
#define AT(a, c, t) a[(size_t)(c) * (size_t)ny + (size_t)((t)-FIRST)]
#define OK(c, t) ((c) > 0 && (c) < MAXC && (t) >= FIRST && (t) <= until)
	for (size_t i = 0; i < ip.n; i++)
		if (OK(ip.v[i].i[0], ip.v[i].i[1]))
			AT(ipv, ip.v[i].i[0], ip.v[i].i[1]) = ip.v[i].r[0];
	for (size_t i = 0; i < nmc.n; i++)
		if (OK(nmc.v[i].i[0], nmc.v[i].i[1]))
			AT(cinc, nmc.v[i].i[0], nmc.v[i].i[1]) = nmc.v[i].r[0];
	/* camps: a defence pact with a leader; the nearest leader by ideal point if several */
	for (int k = 0; k < MP_ALIGN_NCAMPS; k++)
		for (int t = FIRST; t <= until; t++)
			if (!mp_is_na(AT(cinc, leaders[k], t)))
				AT(camp, leaders[k], t) = (signed char)k;
	for (size_t i = 0; i < def.n; i++) {
		const mp_store_calib_row *r = &def.v[i];
		int t = r->i[2];
		for (int side = 0; side < 2; side++) {
			int c = r->i[side], o = r->i[1 - side], k = leader_index(o);
			if (k < 0 || !OK(c, t) || leader_index(c) >= 0)
				continue;
			signed char *cur = &AT(camp, c, t);
			if (*cur >= 0) {
				double mine = AT(ipv, c, t), a = AT(ipv, leaders[*cur], t), b = AT(ipv, o, t);
				if (!(fabs(mine - b) < fabs(mine - a)))
					continue;
			}
			*cur = (signed char)k;
		}
	}
	for (size_t i = 0; i < def.n; i++)
		if (def.v[i].i[2] >= FIRST && def.v[i].i[2] <= until)
			def_at[def.v[i].i[2] - FIRST + 1] = i + 1;
	for (size_t i = 0; i < tr.n; i++)
		if (tr.v[i].i[2] >= FIRST && tr.v[i].i[2] <= until)
			tr_at[tr.v[i].i[2] - FIRST + 1] = i + 1;
	for (int t = 1; t <= ny; t++) { /* rows of year FIRST + t - 1 are [at[t-1].., at[t]) */
		if (!def_at[t])
			def_at[t] = def_at[t - 1];
		if (!tr_at[t])
			tr_at[t] = tr_at[t - 1];
	}
	double *ally_sum = calloc(2 * (size_t)MAXC, sizeof *ally_sum),
	       *camp_trade = calloc((size_t)MAXC * MP_ALIGN_NCAMPS, sizeof *camp_trade);
	if (!ally_sum || !camp_trade) {
		free(ally_sum);
		free(camp_trade);
		rc = oom(ctx);
		goto free_all;
	}
	double *ally_n = ally_sum + MAXC;
	for (int t = FIRST + 1; t <= until; t++) {
		const int p = t - 1; /* every regressor is of the previous year */
		/* trade-weighted partner means and trade with each camp, year p */
		memset(camp_trade, 0, (size_t)MAXC * MP_ALIGN_NCAMPS * sizeof *camp_trade);
		for (int c = 1; c < MAXC; c++) {
			AT(tsum, c, p) = MP_NA;
			AT(tip, c, p) = 0;
		}
		for (size_t i = tr_at[p - FIRST]; i < tr_at[p - FIRST + 1]; i++) {
			const mp_store_calib_row *r = &tr.v[i];
			double f = (r->r[0] >= 0 ? r->r[0] : 0) + (r->r[1] >= 0 ? r->r[1] : 0);
			for (int side = 0; side < 2; side++) {
				int c = r->i[side], o = r->i[1 - side];
				if (!OK(c, p) || !OK(o, p))
					continue;
				double *ts = &AT(tsum, c, p);
				*ts = mp_is_na(*ts) ? f : *ts + f;
				if (!mp_is_na(AT(ipv, o, p)))
					AT(tip, c, p) += f * AT(ipv, o, p);
				int k = AT(camp, o, p);
				if (k >= 0)
					camp_trade[(size_t)c * MP_ALIGN_NCAMPS + (size_t)k] += f;
			}
		}
		/* trade-weighted mean over partners with ideal points: weights of those only */
		double *tw = ally_sum; /* reuse as the weight of partners with an ip */
		memset(ally_sum, 0, 2 * (size_t)MAXC * sizeof *ally_sum);
		for (size_t i = tr_at[p - FIRST]; i < tr_at[p - FIRST + 1]; i++) {
			const mp_store_calib_row *r = &tr.v[i];
			double f = (r->r[0] >= 0 ? r->r[0] : 0) + (r->r[1] >= 0 ? r->r[1] : 0);
			for (int side = 0; side < 2; side++) {
				int c = r->i[side], o = r->i[1 - side];
				if (OK(c, p) && OK(o, p) && !mp_is_na(AT(ipv, o, p)))
					tw[c] += f;
			}
		}
		for (int c = 1; c < MAXC; c++)
			AT(tip, c, p) = tw[c] > 0 ? AT(tip, c, p) / tw[c] : MP_NA;
		/* allies' mean ideal point, world mean, camps' capability shares */
		memset(ally_sum, 0, 2 * (size_t)MAXC * sizeof *ally_sum);
		for (size_t i = def_at[p - FIRST]; i < def_at[p - FIRST + 1]; i++) {
			const mp_store_calib_row *r = &def.v[i];
			for (int side = 0; side < 2; side++) {
				int c = r->i[side], o = r->i[1 - side];
				if (OK(c, p) && OK(o, p) && !mp_is_na(AT(ipv, o, p))) {
					ally_sum[c] += AT(ipv, o, p);
					ally_n[c] += 1;
				}
			}
		}
		double wsum = 0, wn = 0, ctot = 0, capk[MP_ALIGN_NCAMPS] = { 0 };
		for (int c = 1; c < MAXC; c++) {
			if (!mp_is_na(AT(ipv, c, p))) {
				wsum += AT(ipv, c, p);
				wn += 1;
			}
			double x = AT(cinc, c, p);
			if (x > 0) {
				ctot += x;
				if (AT(camp, c, p) >= 0)
					capk[(int)AT(camp, c, p)] += x;
			}
		}
		double wmean = wn > 0 ? wsum / wn : MP_NA;
		for (int c = 1; c < MAXC; c++) {
			double x0 = AT(ipv, c, p), x1 = AT(ipv, c, t);
			int k0 = AT(camp, c, p), lead = leader_index(c) >= 0;
			if (mp_is_na(x0) || mp_is_na(AT(cinc, c, p)))
				continue;
			if (!mp_is_na(x1) && !mp_is_na(AT(tip, c, p))) {
				if (grow((void **)&io, &icap, ki + 1, sizeof *io) != MP_OK)
					goto oom_loop;
				double lg = 0;
				if (k0 >= 0 && !lead && !mp_is_na(AT(ipv, leaders[k0], p)))
					lg = AT(ipv, leaders[k0], p) - x0;
				io[ki++] = (mp_ideal_obs){
					c,         t,
					x1 - x0,   AT(tip, c, p) - x0,
					lg,        ally_n[c] > 0 ? ally_sum[c] / ally_n[c] - x0 : 0.0,
					wmean - x0
				};
			}
			/* camp choices of states present in both years (leaders do not choose) */
			if (lead || mp_is_na(AT(cinc, c, t)))
				continue;
			double ts = AT(tsum, c, p);
			for (int k = 0; k < MP_ALIGN_NCAMPS; k++) {
				if (k0 >= 0 && k != k0)
					continue;
				double li = AT(ipv, leaders[k], p);
				if (mp_is_na(li) || mp_is_na(AT(cinc, leaders[k], p)))
					continue;
				if (grow((void **)&co, &ccap, kc + 1, sizeof *co) != MP_OK)
					goto oom_loop;
				int k1 = AT(camp, c, t);
				co[kc++] = (mp_camp_obs){
					c,
					t,
					k,
					k0 >= 0,
					k0 >= 0 ? k1 != k0 : k1 == k,
					fabs(x0 - li),
					ts > 0 ? camp_trade[(size_t)c * MP_ALIGN_NCAMPS + (size_t)k] / ts : 0.0,
					ctot > 0 ? capk[k] / ctot : 0.0
				};
			}
		}
	}
#undef AT
#undef OK
	*ideal = io;
	*camps = co;
	*ni = ki;
	*nc = kc;
	io = NULL;
	co = NULL;
	free(ally_sum);
	free(camp_trade);
	goto free_all;
oom_loop:
	free(ally_sum);
	free(camp_trade);
	rc = oom(ctx);
free_all:
	free(io);
	free(co);
	free(v);
	free(camp);
	free(def_at);
	free(tr_at);
done:
	mp_store__calib_rows_free(&ip);
	mp_store__calib_rows_free(&nmc);
	mp_store__calib_rows_free(&def);
	mp_store__calib_rows_free(&tr);
	return rc;
}
