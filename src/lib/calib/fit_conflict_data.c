/*
 * The onset sample of the conflict model (docs/conflict.md, "Sample"): politically relevant
 * non-directed dyad-years with the inputs of mp_sim_onset_x, assembled from the store's rows
 * (q_calib.h; every query bounded by `until`), as peacesciencer's create_dyadyears +
 * filter_prd + add_spells do in R (Miller 2022).
 */
#include "calib_internal.h"

#include <stdlib.h>
#include <string.h>

#define SRC "fit_conflict_data.c"
#define MAXC 1000 /* COW codes are < 1000 */

static int oom(mp_ctx *ctx)
{
	return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
}

static int64_t key3(int year, int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;
	return ((int64_t)year * MAXC + lo) * MAXC + hi;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static const int64_t *find_key(const int64_t *v, size_t n, int64_t k)
{
	return n ? bsearch(&k, v, n, sizeof k, cmp_i64) : NULL; /* an empty set may have no array */
}

/* A growable sorted set of keys, each with a small value packed in the low bits. */
typedef struct keyset {
	int64_t *v;
	size_t n, cap;
} keyset;

static int ks_push(keyset *k, int64_t x)
{
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 4096;
		int64_t *v = realloc(k->v, cap * sizeof *v);
		if (!v)
			return MP_ENOMEM;
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = x;
	return MP_OK;
}

static void ks_sort(keyset *k)
{
	if (k->n > 1) /* an empty set has no array (qsort's NULL is undefined even for 0) */
		qsort(k->v, k->n, sizeof *k->v, cmp_i64);
}

/* Per-state, per-year arrays over [from, until]. */
typedef struct panel {
	int from, ny;
	double *cinc, *ideal, *lat, *lng, *trade_tot;
	int *run_start; /* first year of the state's current run of NMC years, 0 = absent */
	unsigned char *major;
} panel;

#define AT(a, c, t) (p->a[(size_t)(c) * (size_t)p->ny + (size_t)((t)-p->from)])

static void panel_free(panel *p)
{
	free(p->cinc);
	free(p->run_start);
	free(p->major);
	memset(p, 0, sizeof *p);
}

static int panel_new(panel *p, int from, int until)
{
	memset(p, 0, sizeof *p);
	p->from = from;
	p->ny = until - from + 1;
	size_t m = (size_t)MAXC * (size_t)p->ny;
	p->cinc = malloc(5 * m * sizeof *p->cinc);
	p->run_start = calloc(m, sizeof *p->run_start);
	p->major = calloc(m, 1);
	if (!p->cinc || !p->run_start || !p->major) {
		panel_free(p);
		return MP_ENOMEM;
	}
	p->ideal = p->cinc + m;
	p->lat = p->cinc + 2 * m;
	p->lng = p->cinc + 3 * m;
	p->trade_tot = p->cinc + 4 * m;
	for (size_t i = 0; i < 5 * m; i++)
		p->cinc[i] = MP_NA;
	return MP_OK;
}

/* Years [a, b] of a spell clipped to the panel. */
static void clip(const panel *p, int *a, int *b)
{
	if (*a < p->from)
		*a = p->from;
	if (*b <= 0 || *b > p->from + p->ny - 1)
		*b = p->from + p->ny - 1;
}

static int fill_panel(panel *p, const mp_store_calib_rows *nmc, const mp_store_calib_rows *ip,
		      const mp_store_calib_rows *cap, const mp_store_calib_rows *maj)
{
	int until = p->from + p->ny - 1;
	for (size_t i = 0; i < nmc->n; i++) {
		const mp_store_calib_row *r = &nmc->v[i];
		if (r->i[0] > 0 && r->i[0] < MAXC && r->i[1] >= p->from && r->i[1] <= until)
			AT(cinc, r->i[0], r->i[1]) = r->r[0];
	}
	for (int c = 1; c < MAXC; c++)
		for (int t = p->from; t <= until; t++)
			if (!mp_is_na(AT(cinc, c, t)))
				AT(run_start, c, t) = (t > p->from && AT(run_start, c, t - 1)) ? AT(run_start, c, t - 1)
											       : t;
	for (size_t i = 0; i < ip->n; i++) {
		const mp_store_calib_row *r = &ip->v[i];
		if (r->i[0] > 0 && r->i[0] < MAXC && r->i[1] >= p->from && r->i[1] <= until)
			AT(ideal, r->i[0], r->i[1]) = r->r[0];
	}
	for (size_t i = 0; i < cap->n; i++) {
		const mp_store_calib_row *r = &cap->v[i];
		int a = r->i[1], b = r->i[2];
		if (r->i[0] <= 0 || r->i[0] >= MAXC || mp_is_na(r->r[0]))
			continue;
		clip(p, &a, &b);
		for (int t = a; t <= b; t++) {
			AT(lat, r->i[0], t) = r->r[0];
			AT(lng, r->i[0], t) = r->r[1];
		}
	}
	for (size_t i = 0; i < maj->n; i++) {
		const mp_store_calib_row *r = &maj->v[i];
		int a = r->i[1], b = r->i[2];
		if (r->i[0] <= 0 || r->i[0] >= MAXC)
			continue;
		clip(p, &a, &b);
		for (int t = a; t <= b; t++)
			AT(major, r->i[0], t) = 1;
	}
	return MP_OK;
}

/* Contiguity: key3(year, a, b) * 8 + type for every year of every spell (types 1-5). */
static int contig_set(const panel *p, const mp_store_calib_rows *c, keyset *out)
{
	for (size_t i = 0; i < c->n; i++) {
		const mp_store_calib_row *r = &c->v[i];
		if (r->i[2] < 1 || r->i[2] > 5 || r->i[0] >= r->i[1]) /* one direction of each pair */
			continue;
		int a = r->i[3], b = mp_is_na(r->r[0]) ? 0 : (int)r->r[0];
		clip(p, &a, &b);
		for (int t = a; t <= b; t++)
			if (ks_push(out, key3(t, r->i[0], r->i[1]) * 8 + r->i[2]) != MP_OK)
				return MP_ENOMEM;
	}
	ks_sort(out);
	return MP_OK;
}

/* Lowest contiguity type of the dyad in year t (0 = none), from the sorted set. */
static int conttype_of(const keyset *k, int64_t key)
{
	size_t lo = 0, hi = k->n;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (k->v[m] < key * 8)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < k->n && k->v[lo] / 8 == key ? (int)(k->v[lo] % 8) : 0;
}

/* Keys of dyad-years from spells i = {a, b, start, end} (rivalries). */
static int spell_set(const panel *p, const mp_store_calib_rows *c, keyset *out)
{
	for (size_t i = 0; i < c->n; i++) {
		const mp_store_calib_row *r = &c->v[i];
		int a = r->i[2], b = r->i[3];
		if (r->i[0] <= 0 || r->i[1] <= 0)
			continue;
		clip(p, &a, &b);
		for (int t = a; t <= b; t++)
			if (ks_push(out, key3(t, r->i[0], r->i[1])) != MP_OK)
				return MP_ENOMEM;
	}
	ks_sort(out);
	return MP_OK;
}

/* Keys of dyad-year rows i = {a, b, year}. */
static int row_set(const mp_store_calib_rows *c, keyset *out)
{
	for (size_t i = 0; i < c->n; i++)
		if (ks_push(out, key3(c->v[i].i[2], c->v[i].i[0], c->v[i].i[1])) != MP_OK)
			return MP_ENOMEM;
	ks_sort(out);
	return MP_OK;
}

/* Fetches an optional family: an absent family leaves `out` empty. */
static int fetch_opt(mp_ctx *ctx, mp_store *s, mp_store_calib_query q, int from, int until, mp_store_calib_rows *out)
{
	memset(out, 0, sizeof *out);
	if (!mp_store_has(s, mp_store__calib_family(q)))
		return MP_OK;
	return mp_store__calib_fetch(ctx, s, q, from, until, out);
}

typedef struct sample {
	mp_onset_obs *v;
	size_t n, cap;
} sample;

static int push(sample *sm, const mp_onset_obs *o)
{
	if (sm->n == sm->cap) {
		size_t cap = sm->cap ? 2 * sm->cap : 65536;
		mp_onset_obs *v = realloc(sm->v, cap * sizeof *v);
		if (!v)
			return MP_ENOMEM;
		sm->v = v;
		sm->cap = cap;
	}
	sm->v[sm->n++] = *o;
	return MP_OK;
}

int mp_calib_onset_sample(mp_ctx *ctx, mp_store *s, int from, int until, mp_onset_obs **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	mp_dataset_info dm, dw;
	int rc;
	if ((rc = mp_store_dataset_pick(ctx, s, "mid_dyad", NULL, &dm)) != MP_OK ||
	    (rc = mp_store_dataset_pick(ctx, s, "war_inter", NULL, &dw)) != MP_OK)
		return rc;
	/* peace years need the MID history from its first year */
	const int hist = dm.year_min < from ? dm.year_min : from;
	if (until < from)
		return mp_error_set(ctx, MP_ERANGE, SRC ": onset sample: %d is before %d", until, from);
	mp_store_calib_rows nmc = { 0 }, con = { 0 }, cap = { 0 }, maj = { 0 }, mid = { 0 }, war = { 0 }, def = { 0 },
			    riv = { 0 }, ip = { 0 }, tr = { 0 };
	keyset kc = { 0 }, kd = { 0 }, kr = { 0 }, kw = { 0 };
	panel pn = { 0 };
	sample sm = { 0 };
	int64_t *cand = NULL;
	short *lastmid = NULL;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, hist, until, &nmc)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_CONTIGUITY, hist, until, &con)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_CAPITALS, hist, until, &cap)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_MAJORS, hist, until, &maj)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_MID_DYAD_YEARS, hist, until, &mid)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_WAR_ONSETS, hist, until, &war)) != MP_OK ||
	    (rc = fetch_opt(ctx, s, MP_STORE_CALIB_DEFENSE, hist, until, &def)) != MP_OK ||
	    (rc = fetch_opt(ctx, s, MP_STORE_CALIB_RIVALRIES, hist, until, &riv)) != MP_OK ||
	    (rc = fetch_opt(ctx, s, MP_STORE_CALIB_IDEAL, hist, until, &ip)) != MP_OK ||
	    (rc = fetch_opt(ctx, s, MP_STORE_CALIB_TRADE, hist, until, &tr)) != MP_OK)
		goto done;
	rc = MP_ENOMEM;
	if (panel_new(&pn, hist, until) != MP_OK || fill_panel(&pn, &nmc, &ip, &cap, &maj) != MP_OK ||
	    contig_set(&pn, &con, &kc) != MP_OK || row_set(&def, &kd) != MP_OK || spell_set(&pn, &riv, &kr) != MP_OK ||
	    row_set(&war, &kw) != MP_OK)
		goto fail;
	/* trade totals of each state-year: the sum of its dyadic flows (flow1 + flow2) */
	const panel *p = &pn;
	for (size_t i = 0; i < tr.n; i++) {
		const mp_store_calib_row *r = &tr.v[i];
		double f = (r->r[0] >= 0 ? r->r[0] : 0) + (r->r[1] >= 0 ? r->r[1] : 0);
		if (r->i[0] <= 0 || r->i[0] >= MAXC || r->i[1] <= 0 || r->i[1] >= MAXC)
			continue;
		for (int side = 0; side < 2; side++) {
			double *t = &AT(trade_tot, r->i[side], r->i[2]);
			*t = mp_is_na(*t) ? f : *t + f;
		}
	}
	lastmid = calloc((size_t)MAXC * MAXC, sizeof *lastmid);
	cand = malloc(((size_t)16 * MAXC + kc.n + 1) * sizeof *cand);
	if (!lastmid || !cand)
		goto fail;
	size_t im = 0, it = 0;
	for (int t = hist; t <= until; t++) {
		/* candidates: contiguous pairs (types 1-4) and every pair with a major power */
		size_t m = 0;
		int64_t lo = key3(t, 0, 0) * 8, hi = key3(t + 1, 0, 0) * 8;
		for (size_t i = 0; i < kc.n; i++)
			if (kc.v[i] >= lo && kc.v[i] < hi && kc.v[i] % 8 <= 4)
				cand[m++] = kc.v[i] / 8;
		int majors[16], nm = 0;
		for (int c = 1; c < MAXC && nm < 16; c++)
			if (AT(major, c, t) && !mp_is_na(AT(cinc, c, t)))
				majors[nm++] = c;
		for (int a = 0; a < nm; a++)
			for (int c = 1; c < MAXC; c++)
				if (c != majors[a] && !mp_is_na(AT(cinc, c, t)))
					cand[m++] = key3(t, majors[a], c);
		qsort(cand, m, sizeof *cand, cmp_i64);
		/* the year's trade rows and MID rows (both sorted by key) */
		size_t t0 = it;
		while (it < tr.n && tr.v[it].i[2] == t)
			it++;
		while (im < mid.n && mid.v[im].i[2] < t)
			im++;
		size_t m0 = im;
		while (im < mid.n && mid.v[im].i[2] == t)
			im++;
		for (size_t k = 0; t >= from && k < m; k++) {
			if (k > 0 && cand[k] == cand[k - 1])
				continue;
			int c1 = (int)(cand[k] / MAXC % MAXC), c2 = (int)(cand[k] % MAXC);
			double x1 = AT(cinc, c1, t), x2 = AT(cinc, c2, t);
			if (!(x1 > 0 && x2 > 0))
				continue;
			mp_onset_obs o;
			memset(&o, 0, sizeof o);
			o.year = t;
			o.ccode1 = c1;
			o.ccode2 = c2;
			o.conttype = conttype_of(&kc, cand[k]);
			/* peace years: since the last MID year, the joint entry, or the data's start */
			int since = hist, js = AT(run_start, c1, t) > AT(run_start, c2, t) ? AT(run_start, c1, t)
											   : AT(run_start, c2, t);
			int lm = lastmid[(size_t)c1 * MAXC + (size_t)c2];
			if (js > since)
				since = js;
			if (lm && lm + 1 > since)
				since = lm + 1;
			o.cov.peace = t - since;
			o.cov.contig = o.conttype >= 1 && o.conttype <= 4;
			double la = AT(lat, c1, t), lb = AT(lat, c2, t);
			o.cov.ln_dist = mp_is_na(la) || mp_is_na(lb)
						? MP_NA
						: log(fmax(10.0, mp_calib_distance_km(la, AT(lng, c1, t), lb,
										      AT(lng, c2, t))));
			o.cov.lncinc1 = log(x1);
			o.cov.lncinc2 = log(x2);
			o.cov.majors = AT(major, c1, t) + AT(major, c2, t);
			o.cov.ally = find_key(kd.v, kd.n, cand[k]) != NULL;
			o.cov.rival = find_key(kr.v, kr.n, cand[k]) != NULL;
			o.cov.ideal_dist = fabs(AT(ideal, c1, t) - AT(ideal, c2, t)); /* NaN if missing */
			double T1 = AT(trade_tot, c1, t), T2 = AT(trade_tot, c2, t);
			o.cov.trade_share = MP_NA;
			if (T1 > 0 && T2 > 0) {
				double x = 0;
				size_t a = t0, b = it;
				while (a < b) { /* the dyad's row among the year's (sorted by c1, c2) */
					size_t md = a + (b - a) / 2;
					int64_t km = key3(t, tr.v[md].i[0], tr.v[md].i[1]);
					if (km < cand[k])
						a = md + 1;
					else
						b = md;
				}
				if (a < it && key3(t, tr.v[a].i[0], tr.v[a].i[1]) == cand[k])
					x = (tr.v[a].r[0] >= 0 ? tr.v[a].r[0] : 0) +
					    (tr.v[a].r[1] >= 0 ? tr.v[a].r[1] : 0);
				o.cov.trade_share = fmin(x / T1, x / T2);
			}
			/* outcome: a new MID; a year inside a MID already under way is left out */
			o.mid = 0;
			size_t a = m0, b = im;
			while (a < b) {
				size_t md = a + (b - a) / 2;
				if (key3(t, mid.v[md].i[0], mid.v[md].i[1]) < cand[k])
					a = md + 1;
				else
					b = md;
			}
			if (a < im && key3(t, mid.v[a].i[0], mid.v[a].i[1]) == cand[k])
				o.mid = mid.v[a].i[3] ? 1 : -1;
			if (t > dm.year_max)
				o.mid = -1;
			o.war = -1;
			if (o.mid == 1 && t <= dw.year_max)
				o.war = find_key(kw.v, kw.n, cand[k]) != NULL ||
					(t + 1 <= until && find_key(kw.v, kw.n, key3(t + 1, c1, c2)) != NULL);
			if (push(&sm, &o) != MP_OK)
				goto fail;
		}
		for (size_t k = m0; k < im; k++) {
			const mp_store_calib_row *r = &mid.v[k];
			if (r->i[0] > 0 && r->i[0] < MAXC && r->i[1] > 0 && r->i[1] < MAXC)
				lastmid[(size_t)r->i[0] * MAXC + (size_t)r->i[1]] = (short)t;
		}
	}
	*out = sm.v;
	*n = sm.n;
	sm.v = NULL;
	rc = MP_OK;
	goto done;
fail:
	rc = oom(ctx);
done:
	free(sm.v);
	free(cand);
	free(lastmid);
	free(kc.v);
	free(kd.v);
	free(kr.v);
	free(kw.v);
	panel_free(&pn);
	mp_store__calib_rows_free(&nmc);
	mp_store__calib_rows_free(&con);
	mp_store__calib_rows_free(&cap);
	mp_store__calib_rows_free(&maj);
	mp_store__calib_rows_free(&mid);
	mp_store__calib_rows_free(&war);
	mp_store__calib_rows_free(&def);
	mp_store__calib_rows_free(&riv);
	mp_store__calib_rows_free(&ip);
	mp_store__calib_rows_free(&tr);
	return rc;
}
