/*
 * Assembling the estimators' observations from the store's rows (q_calib.c): the
 * Maddison panel, gravity dyads, the conflict sample and rivalry arms data. Every query
 * is bounded by the calibration year (`until`).
 */
#include "calib_internal.h"
#include "multipolar/crosswalk.h"
#include "multipolar/world.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

#define SRC "calib_data.c"
#define MAXC 1000 /* COW codes are < 1000 */

static int oom(mp_ctx *ctx, const char *what)
{
	return mp_error_set(ctx, MP_ENOMEM, SRC ": %s: out of memory", what);
}

/* ---- income / population panel ----------------------------------------------------- */

/* "ISO|region" of a Maddison row into its two parts. */
static void split_iso(const char *txt, char iso[8], char *reg, size_t regsize)
{
	const char *bar = strchr(txt, '|');
	size_t il = bar ? (size_t)(bar - txt) : strlen(txt);
	snprintf(iso, 8, "%.*s", (int)(il < 7 ? il : 7), txt);
	snprintf(reg, regsize, "%s", bar ? bar + 1 : "");
}

void mp_calib__panel_free(mp_calib_panel *p)
{
	if (!p)
		return;
	free(p->income);
	free(p->pop);
	free(p->gdppc);
	memset(p, 0, sizeof *p);
}

int mp_calib__panel(mp_ctx *ctx, const mp_store_calib_rows *rows, mp_calib_panel *out)
{
	memset(out, 0, sizeof *out);
	out->frontier = -1;
	size_t n = rows->n;
	out->income = malloc((n + 1) * sizeof *out->income);
	out->pop = malloc((n + 1) * sizeof *out->pop);
	out->gdppc = malloc((n + 1) * sizeof *out->gdppc);
	if (!out->income || !out->pop || !out->gdppc) {
		mp_calib__panel_free(out);
		return oom(ctx, "panel");
	}
	char regions[MP_CALIB_MAXP / 2][48];
	int nreg = 0, unit = -1;
	char prev[8] = "";
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_store_calib_row *r = &rows->v[i];
		char iso[8] = "", reg[48] = "";
		split_iso(r->txt, iso, reg, sizeof reg);
		/* one territory per series: the aggregates of dissolved states are left out */
		if (mp_country_series_of_iso3(iso) < 0)
			continue;
		if (strcmp(iso, prev) != 0) {
			unit++;
			snprintf(prev, sizeof prev, "%s", iso);
			if (!strcmp(iso, "USA"))
				out->frontier = unit;
		}
		int g = 0;
		while (g < nreg && strcmp(regions[g], reg) != 0)
			g++;
		if (g == nreg) {
			if (nreg == MP_CALIB_MAXP / 2) {
				mp_calib__panel_free(out);
				return mp_error_set(ctx, MP_EINPUT, SRC ": maddison: more than %d regions",
						    MP_CALIB_MAXP / 2);
			}
			snprintf(regions[nreg++], sizeof regions[0], "%s", reg);
		}
		out->income[k] = (mp_panel_obs){ unit, g, r->i[1], r->r[0] };
		out->pop[k] = (mp_panel_obs){ unit, g, r->i[1], r->r[1] };
		out->gdppc[k] = r->r[0];
		k++;
	}
	out->n = k;
	out->ngroups = nreg;
	if (out->frontier < 0) {
		mp_calib__panel_free(out);
		return mp_error_set(ctx, MP_EINPUT, SRC ": maddison: expected rows of the frontier (USA)");
	}
	return MP_OK;
}

/* ---- gravity ------------------------------------------------------------------------- */

/* Capital of `ccode` in `year` from the capitals rows (sorted by ccode). */
static int capital_at(const mp_store_calib_rows *cap, int ccode, int year, double *lat, double *lng)
{
	for (size_t i = 0; i < cap->n; i++) {
		const mp_store_calib_row *r = &cap->v[i];
		if (r->i[0] == ccode && r->i[1] <= year && year <= r->i[2] && !mp_is_na(r->r[0])) {
			*lat = r->r[0];
			*lng = r->r[1];
			return 1;
		}
	}
	return 0;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int64_t dyad_key(int year, int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;
	return ((int64_t)year * MAXC + lo) * MAXC + hi;
}

static int has_key(const int64_t *v, size_t n, int64_t k)
{
	return bsearch(&k, v, n, sizeof k, cmp_i64) != NULL;
}

/* Sorted keys of the spells active in each year of [from, until] (contiguity of type 1 to
 * `maxtype`; rows i = {ccode1, ccode2, conttype, start}, r = {end}). */
static int contig_keys(mp_ctx *ctx, const mp_store_calib_rows *c, int maxtype, int from, int until, int64_t **out,
		       size_t *n)
{
	size_t cap = 1024, k = 0;
	int64_t *v = malloc(cap * sizeof *v);
	if (!v)
		return oom(ctx, "contiguity");
	for (size_t i = 0; i < c->n; i++) {
		const mp_store_calib_row *r = &c->v[i];
		if (r->i[2] < 1 || r->i[2] > maxtype) /* conttype 0 marks an interruption */
			continue;
		int a = r->i[3] > from ? r->i[3] : from;
		int b = mp_is_na(r->r[0]) ? until : (int)r->r[0];
		if (b > until)
			b = until;
		for (int t = a; t <= b; t++) {
			if (mp_vec_reserve(&v, &cap, k + 1, 1024)) {
				free(v);
				return oom(ctx, "contiguity");
			}
			v[k++] = dyad_key(t, r->i[0], r->i[1]);
		}
	}
	qsort(v, k, sizeof *v, cmp_i64);
	*out = v;
	*n = k;
	return MP_OK;
}

int mp_calib__gravity_obs(mp_ctx *ctx, mp_store *s, int from, int until, mp_gravity_obs **out, size_t *n)
{
	mp_store_calib_rows tr = { 0 }, inc = { 0 }, cap = { 0 }, con = { 0 };
	int64_t *ck = NULL;
	size_t nck = 0;
	double *gdp = NULL;
	mp_gravity_obs *v = NULL;
	int ny = until - from + 1;
	int rc;
	*out = NULL;
	*n = 0;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_TRADE, from, until, &tr)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_INCOME, from, until, &inc)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_CAPITALS, from, until, &cap)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_CONTIGUITY, from, until, &con)) != MP_OK)
		goto done;
	if ((rc = contig_keys(ctx, &con, 1, from, until, &ck, &nck)) != MP_OK)
		goto done;
	/* GDP (millions of 2011 int$) = gdppc x pop (thousands) / 1000, by ccode and year, of
	   the COW state each Maddison code stands for in the year (crosswalk.h: SUN is the
	   USSR up to 1991, DEU West Germany 1955-1990, ...). */
	gdp = malloc((size_t)MAXC * (size_t)ny * sizeof *gdp);
	v = malloc((2 * tr.n + 1) * sizeof *v);
	if (!gdp || !v) {
		rc = oom(ctx, "gravity");
		goto done;
	}
	for (size_t i = 0; i < (size_t)MAXC * (size_t)ny; i++)
		gdp[i] = MP_NA;
	for (size_t i = 0; i < inc.n; i++) {
		const mp_store_calib_row *r = &inc.v[i];
		char iso[8], reg[8];
		split_iso(r->txt, iso, reg, sizeof reg);
		int cc[2], nc = r->i[1] < from || r->i[1] > until ? 0 : mp_country_state_of_iso3(iso, r->i[1], cc);
		for (int j = 0; j < nc; j++)
			if (cc[j] > 0 && cc[j] < MAXC)
				gdp[(size_t)cc[j] * (size_t)ny + (size_t)(r->i[1] - from)] = r->r[0] * r->r[1] / 1000.0;
	}
	size_t k = 0;
	for (size_t i = 0; i < tr.n; i++) {
		const mp_store_calib_row *r = &tr.v[i];
		int a = r->i[0], b = r->i[1], t = r->i[2];
		if (a <= 0 || a >= MAXC || b <= 0 || b >= MAXC)
			continue;
		double la, ga, lb, gb;
		if (!capital_at(&cap, a, t, &la, &ga) || !capital_at(&cap, b, t, &lb, &gb))
			continue;
		double D = mp_calib_distance_km(la, ga, lb, gb);
		int contig = has_key(ck, nck, dyad_key(t, a, b));
		double Ya = gdp[(size_t)a * (size_t)ny + (size_t)(t - from)];
		double Yb = gdp[(size_t)b * (size_t)ny + (size_t)(t - from)];
		/* flow1: imports of ccode1 from ccode2 (origin b, destination a); flow2 the reverse. */
		v[k++] = (mp_gravity_obs){ t, r->r[0], Yb, Ya, D, contig };
		v[k++] = (mp_gravity_obs){ t, r->r[1], Ya, Yb, D, contig };
	}
	*out = v;
	*n = k;
	v = NULL;
done:
	free(v);
	free(gdp);
	free(ck);
	mp_store__calib_rows_free(&tr);
	mp_store__calib_rows_free(&inc);
	mp_store__calib_rows_free(&cap);
	mp_store__calib_rows_free(&con);
	return rc;
}

/* ---- conflict sample ------------------------------------------------------------------ */

static int event_keys(mp_ctx *ctx, const mp_store_calib_rows *r, int64_t **out, size_t *n)
{
	int64_t *v = malloc((r->n + 1) * sizeof *v);
	if (!v)
		return oom(ctx, "events");
	for (size_t i = 0; i < r->n; i++)
		v[i] = dyad_key(r->v[i].i[2], r->v[i].i[0], r->v[i].i[1]);
	qsort(v, r->n, sizeof *v, cmp_i64);
	*out = v;
	*n = r->n;
	return MP_OK;
}

typedef struct {
	int64_t *v;
	size_t n, cap;
	int oom;
} key_vec;

static void add_tie(void *u, int year, int c1, int c2, int tie, int defence)
{
	key_vec *k = u;
	(void)tie, (void)defence;
	if (c1 <= 0 || c1 >= MAXC || c2 <= 0 || c2 >= MAXC || k->oom)
		return;
	if (mp_vec_reserve(&k->v, &k->cap, k->n + 1, 65536)) {
		k->oom = 1;
		return;
	}
	k->v[k->n++] = dyad_key(year, c1, c2);
}

/* Allied dyad-years (any tie) by the world's one alliance rule, sorted keys. */
static int alliance_keys(mp_ctx *ctx, mp_store *s, int from, int until, int64_t **out, size_t *n)
{
	key_vec k = { NULL, 0, 0, 0 };
	int rc = mp_world_alliances(ctx, s, from, until, add_tie, &k);
	if (rc == MP_OK && k.oom)
		rc = oom(ctx, "alliances");
	if (rc != MP_OK) {
		free(k.v);
		return rc;
	}
	if (k.n > 1)
		qsort(k.v, k.n, sizeof *k.v, cmp_i64);
	*out = k.v;
	*n = k.n;
	return MP_OK;
}

int mp_calib__dyad_obs(mp_ctx *ctx, mp_store *s, int from, int until, mp_dyad_obs **out, size_t *n)
{
	/* Onsets are known only inside each event dataset's years (COW wars to 2003 and GML
	   MIDs to 2010 in the shared data): later dyad-years get -1, not 0. */
	mp_dataset_info dw, dm;
	int rcw = mp_store_dataset_pick(ctx, s, "war_inter", NULL, &dw);
	if (rcw != MP_OK)
		return rcw;
	if ((rcw = mp_store_dataset_pick(ctx, s, "mid_dyad", NULL, &dm)) != MP_OK)
		return rcw;
	mp_store_calib_rows nmc = { 0 }, con = { 0 }, mid = { 0 }, war = { 0 }, maj = { 0 }, ip = { 0 };
	int64_t *ck = NULL, *mk = NULL, *wk = NULL, *ak = NULL, *pairs = NULL;
	size_t nck = 0, nmk = 0, nwk = 0, nak = 0, cap = 0, k = 0;
	double *cinc = NULL;
	mp_dyad_obs *v = NULL;
	int ny = until - from + 1, rc;
	*out = NULL;
	*n = 0;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, from, until, &nmc)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_CONTIGUITY, from, until, &con)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_MID_ONSETS, from, until, &mid)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_WAR_ONSETS, from, until, &war)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_MAJORS, from, until, &maj)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_IDEAL, from, until, &ip)) != MP_OK)
		goto done;
	/* Politically relevant: contiguous by land or up to 150 miles of water (conttype 1-4;
	   Lemke & Reed 2001), or a major power in the dyad. */
	if ((rc = contig_keys(ctx, &con, 4, from, until, &ck, &nck)) != MP_OK ||
	    (rc = event_keys(ctx, &mid, &mk, &nmk)) != MP_OK || (rc = event_keys(ctx, &war, &wk, &nwk)) != MP_OK ||
	    (rc = alliance_keys(ctx, s, from, until, &ak, &nak)) != MP_OK)
		goto done;
	cinc = malloc(2 * (size_t)MAXC * (size_t)ny * sizeof *cinc);
	if (!cinc) {
		rc = oom(ctx, "conflict sample");
		goto done;
	}
	double *ideal = cinc + (size_t)MAXC * (size_t)ny;
	for (size_t i = 0; i < 2 * (size_t)MAXC * (size_t)ny; i++)
		cinc[i] = MP_NA;
	for (size_t i = 0; i < ip.n; i++) {
		const mp_store_calib_row *r = &ip.v[i];
		if (r->i[0] > 0 && r->i[0] < MAXC && r->i[1] >= from && r->i[1] <= until)
			ideal[(size_t)r->i[0] * (size_t)ny + (size_t)(r->i[1] - from)] = r->r[0];
	}
	for (size_t i = 0; i < nmc.n; i++) {
		const mp_store_calib_row *r = &nmc.v[i];
		if (r->i[0] > 0 && r->i[0] < MAXC && r->i[1] >= from && r->i[1] <= until)
			cinc[(size_t)r->i[0] * (size_t)ny + (size_t)(r->i[1] - from)] = r->r[0];
	}
#define CINC(c, t) cinc[(size_t)(c) * (size_t)ny + (size_t)((t)-from)]
#define IDEAL(c, t) ideal[(size_t)(c) * (size_t)ny + (size_t)((t)-from)]
	for (int t = from; t <= until; t++) {
		size_t first = k;
		/* candidate dyads: contiguous pairs of the year ... */
		int64_t lo = dyad_key(t, 0, 0), hi = dyad_key(t + 1, 0, 0);
		size_t npairs = 0;
		for (size_t i = 0; i < nck; i++)
			if (ck[i] >= lo && ck[i] < hi)
				npairs++;
		int majors[16], nm = 0;
		for (size_t i = 0; i < maj.n && nm < 16; i++)
			if (maj.v[i].i[1] <= t && t <= maj.v[i].i[2])
				majors[nm++] = maj.v[i].i[0];
		npairs += (size_t)nm * MAXC;
		int64_t *np = realloc(pairs, (npairs + 1) * sizeof *np);
		if (!np) {
			rc = oom(ctx, "conflict sample");
			goto done;
		}
		pairs = np;
		size_t m = 0;
		for (size_t i = 0; i < nck; i++)
			if (ck[i] >= lo && ck[i] < hi)
				pairs[m++] = ck[i];
		/* ... and every state paired with each major power. */
		for (int a = 0; a < nm; a++)
			for (int c = 1; c < MAXC; c++)
				if (c != majors[a] && !mp_is_na(CINC(c, t)))
					pairs[m++] = dyad_key(t, majors[a], c);
		qsort(pairs, m, sizeof *pairs, cmp_i64);
		for (size_t i = 0; i < m; i++) {
			if (i > 0 && pairs[i] == pairs[i - 1])
				continue;
			int c1 = (int)(pairs[i] / MAXC % MAXC), c2 = (int)(pairs[i] % MAXC);
			double x1 = CINC(c1, t), x2 = CINC(c2, t);
			if (!(x1 > 0 && x2 > 0))
				continue;
			if (mp_vec_reserve(&v, &cap, k + 1, 65536)) {
				rc = oom(ctx, "conflict sample");
				goto done;
			}
			v[k++] = (mp_dyad_obs){
				.year = t,
				.ccode1 = c1,
				.ccode2 = c2,
				.cap_ratio = x1 < x2 ? x1 / x2 : x2 / x1,
				.contig = has_key(ck, nck, pairs[i]),
				.ally = has_key(ak, nak, pairs[i]),
				.mid_onset = t > dm.year_max ? -1 : has_key(mk, nmk, pairs[i]),
				.war_onset = t > dw.year_max ? -1 : has_key(wk, nwk, pairs[i]),
				/* NaN when either ideal point is missing */
				.ideal_dist = fabs(IDEAL(c1, t) - IDEAL(c2, t)),
			};
		}
		(void)first;
	}
#undef CINC
#undef IDEAL
	*out = v;
	*n = k;
	v = NULL;
done:
	free(v);
	free(pairs);
	free(cinc);
	free(ck);
	free(mk);
	free(wk);
	free(ak);
	mp_store__calib_rows_free(&nmc);
	mp_store__calib_rows_free(&con);
	mp_store__calib_rows_free(&mid);
	mp_store__calib_rows_free(&war);
	mp_store__calib_rows_free(&maj);
	mp_store__calib_rows_free(&ip);
	return rc;
}

/* ---- arms ------------------------------------------------------------------------------ */

int mp_calib__arms_obs(mp_ctx *ctx, mp_store *s, int until, mp_arms_obs **out, size_t *n)
{
	const int from = 1949;
	mp_store_calib_rows sp = { 0 }, riv = { 0 };
	double *milex = NULL, *share = NULL;
	mp_arms_obs *v = NULL;
	int ny = until - from + 1, rc;
	*out = NULL;
	*n = 0;
	if (ny < 3)
		return mp_error_set(ctx, MP_ERANGE, SRC ": arms: SIPRI starts in %d; expected --until >= %d", from,
				    from + 2);
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_SIPRI, from, until, &sp)) != MP_OK ||
	    (rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_RIVALRIES, from, until, &riv)) != MP_OK)
		goto done;
	milex = malloc(2 * (size_t)MAXC * (size_t)ny * sizeof *milex);
	if (!milex) {
		rc = oom(ctx, "arms");
		goto done;
	}
	share = milex + (size_t)MAXC * (size_t)ny;
	for (size_t i = 0; i < 2 * (size_t)MAXC * (size_t)ny; i++)
		milex[i] = MP_NA;
#define AT(a, c, t) a[(size_t)(c) * (size_t)ny + (size_t)((t)-from)]
	for (size_t i = 0; i < sp.n; i++) {
		const mp_store_calib_row *r = &sp.v[i];
		if (r->i[0] <= 0 || r->i[0] >= MAXC || r->i[1] < from || r->i[1] > until)
			continue;
		AT(milex, r->i[0], r->i[1]) = r->r[0];
		AT(share, r->i[0], r->i[1]) = r->r[1];
	}
	size_t cap = 0, k = 0;
	for (int c = 1; c < MAXC; c++)
		for (int t = from + 1; t <= until; t++) {
			double x = AT(share, c, t), xp = AT(share, c, t - 1), mp = AT(milex, c, t - 1);
			if (!(x >= 0 && xp > 0 && mp > 0))
				continue;
			/* Rivals' spending in t-1 relative to own GDP in t-1 (GDP = milex / share, both
			   SIPRI constant 2022 US$), summed over the strategic rivalries active in t-1
			   (Thompson & Dreyer 2012). */
			double gdp = mp / xp, sum = 0;
			int nr = 0, miss = 0;
			for (size_t i = 0; i < riv.n; i++) {
				const mp_store_calib_row *r = &riv.v[i];
				if (r->i[2] > t - 1 || r->i[3] < t - 1 || (r->i[0] != c && r->i[1] != c))
					continue;
				int o = r->i[0] == c ? r->i[1] : r->i[0];
				double m = o > 0 && o < MAXC ? AT(milex, o, t - 1) : MP_NA;
				if (mp_is_na(m))
					miss = 1;
				else
					sum += m;
				nr++;
			}
			if (nr == 0 || miss)
				continue;
			if (mp_vec_reserve(&v, &cap, k + 1, 1024)) {
				rc = oom(ctx, "arms");
				goto done;
			}
			v[k++] = (mp_arms_obs){ x, xp, sum / gdp, c };
		}
#undef AT
	*out = v;
	*n = k;
	v = NULL;
done:
	free(v);
	free(milex);
	mp_store__calib_rows_free(&sp);
	mp_store__calib_rows_free(&riv);
	return rc;
}
