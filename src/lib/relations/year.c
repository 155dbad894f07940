/* One year of dyadic data (members, CINC, GDP, ideal points, alliance and trade
 * matrices) and the dyad row of two groups of members. docs/relations.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/crosswalk.h"
#include "multipolar/relations.h"
#include "multipolar/world.h"
#include "store/q_relations.h"
#include "util/vec.h"

#define MAX_CCODE 1000

struct mp_rel_year {
	int year;
	size_t n, cap;
	int *ccode;
	char (*abb)[8];
	unsigned char *major;
	double *cinc, *gdp, *theta, *ttot;
	signed char *atop, *cow; /* n*n; NULL when the source does not cover the year */
	double *trade;           /* n*n; NULL when trade_dyadic does not cover the year */
	double theta_min, theta_max;
	int index[MAX_CCODE]; /* ccode -> member index, -1 */
};

static const char *const families[MP_REL_NSOURCES] = { "nmc",       "states",        "majors",
						       "atop_dyad", "alliance_dyad", "unga",
						       "maddison",  "trade_dyadic",  "trade_national" };

int mp_rel_coverage_get(mp_ctx *ctx, mp_store *s, mp_rel_coverage *cov)
{
	for (int i = 0; i < MP_REL_NSOURCES; i++) {
		cov[i].family = families[i];
		int rc = mp_store__rel_coverage(ctx, s, families[i], &cov[i].present, &cov[i].first, &cov[i].last);
		if (rc)
			return rc;
	}
	if (!cov[MP_REL_STATES].present)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "dataset 'states' (COW state system membership) is not imported: "
				    "run 'multipolar import' with states2016.csv");
	return MP_OK;
}

static int covers(const mp_rel_coverage *c, int year)
{
	return c->present && year >= c->first && year <= c->last;
}

int mp_rel_years(const mp_rel_coverage *cov, int *first, int *last)
{
	int f = 0, l = 0, any = 0;
	for (int i = 0; i < MP_REL_NSOURCES; i++) {
		if (!cov[i].present || i == MP_REL_STATES || i == MP_REL_MAJORS || i == MP_REL_MADDISON)
			continue;
		if (!any || cov[i].first < f)
			f = cov[i].first;
		if (!any || cov[i].last > l)
			l = cov[i].last;
		any = 1;
	}
	/* membership starts the usable range */
	if (cov[MP_REL_STATES].present && (!any || f < cov[MP_REL_STATES].first))
		f = cov[MP_REL_STATES].first;
	*first = f;
	*last = l;
	return any ? MP_OK : MP_ENOTFOUND;
}

int mp_rel_check_years(mp_ctx *ctx, const mp_rel_coverage *cov, int from, int to, char *note, size_t notesz)
{
	char list[512] = "";
	size_t len = 0, nlen = 0;
	int any = 0;
	if (note && notesz)
		note[0] = '\0';
	if (from > to)
		return mp_error_set(ctx, MP_EUSAGE, "years %d-%d: --from must not be after --to", from, to);
	for (int i = 0; i < MP_REL_NSOURCES; i++) {
		const mp_rel_coverage *c = &cov[i];
		if (!c->present || i == MP_REL_STATES || i == MP_REL_MAJORS)
			continue;
		if (len + 64 < sizeof list)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s %d-%d", len ? ", " : "", c->family,
						c->first, c->last);
		if (c->first <= to && c->last >= from)
			any = 1;
		if (note && (c->first > from || c->last < to) && nlen + 64 < notesz)
			nlen += (size_t)snprintf(note + nlen, notesz - nlen, "%s%s covers only %d-%d", nlen ? "; " : "",
						 c->family, c->first, c->last);
	}
	if (!any)
		return mp_error_set(ctx, MP_ERANGE, "years %d-%d: no imported dataset covers them (%s)", from, to,
				    len ? list : "nothing imported");
	if (from < cov[MP_REL_STATES].first)
		return mp_error_set(ctx, MP_ERANGE, "year %d: before COW state system membership (states %d-%d)", from,
				    cov[MP_REL_STATES].first, cov[MP_REL_STATES].last);
	return MP_OK;
}

void mp_rel_year_free(mp_rel_year *y)
{
	if (!y)
		return;
	free(y->ccode);
	free(y->abb);
	free(y->major);
	free(y->cinc);
	free(y->gdp);
	free(y->theta);
	free(y->ttot);
	free(y->atop);
	free(y->cow);
	free(y->trade);
	free(y);
}

typedef struct {
	mp_rel_year *y;
	int oom;
} load_ctx;

static void add_member(void *u, int ccode, const char *abb, const char *name, const double *v)
{
	load_ctx *c = u;
	mp_rel_year *y = c->y;
	(void)name;
	(void)v;
	if (ccode <= 0 || ccode >= MAX_CCODE || y->index[ccode] >= 0)
		return;
	if (y->n == y->cap) {
		size_t cap = y->cap, cap2 = y->cap;
		if (mp_vec_reserve(&y->ccode, &cap, y->n + 1, 256) || mp_vec_reserve(&y->abb, &cap2, y->n + 1, 256)) {
			c->oom = 1;
			return;
		}
		y->cap = cap;
	}
	y->ccode[y->n] = ccode;
	snprintf(y->abb[y->n], sizeof y->abb[0], "%s", abb);
	y->index[ccode] = (int)y->n;
	y->n++;
}

static int idx(const mp_rel_year *y, int ccode)
{
	return (ccode > 0 && ccode < MAX_CCODE) ? y->index[ccode] : -1;
}

static void set_major(void *u, int ccode, const char *abb, const char *name, const double *v)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	(void)abb, (void)name, (void)v;
	int i = idx(y, ccode);
	if (i >= 0)
		y->major[i] = 1;
}

static void set_cinc(void *u, int ccode, const char *abb, const char *name, const double *v)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	(void)abb, (void)name;
	int i = idx(y, ccode);
	if (i >= 0)
		y->cinc[i] = v[0];
}

static void set_theta(void *u, int ccode, const char *abb, const char *name, const double *v)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	(void)abb, (void)name;
	int i = idx(y, ccode);
	if (i >= 0)
		y->theta[i] = v[0];
}

static void set_ttot(void *u, int ccode, const char *abb, const char *name, const double *v)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	(void)abb, (void)name;
	int i = idx(y, ccode);
	if (i >= 0)
		y->ttot[i] = v[0];
}

/* COW trade 4.0: flow1 = imports of ccode1 from ccode2, flow2 = imports of ccode2 from
 * ccode1; T = flow1 + flow2 (Barbieri, Keshk & Pollins 2009). Missing if either is. */
static void set_trade(void *u, int c1, int c2, const double *v)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	int i = idx(y, c1), j = idx(y, c2);
	if (i < 0 || j < 0 || i == j)
		return;
	size_t n = y->n;
	y->trade[i * n + j] = y->trade[j * n + i] = v[0] + v[1];
}

/* Maddison codes to COW codes: the state each code stands for in the year, by the one
 * crosswalk (multipolar/crosswalk.h, docs/crosswalk.md: SUN is the USSR up to 1991, DEU
 * West Germany 1955-1990, which overstates its GDP by the GDR's, ...). */
static void set_gdp(void *u, const char *iso, double gdp)
{
	mp_rel_year *y = ((load_ctx *)u)->y;
	int cc[2], k = mp_country_state_of_iso3(iso, y->year, cc);
	for (int j = 0; j < k; j++) {
		int i = idx(y, cc[j]);
		if (i >= 0)
			y->gdp[i] = gdp;
	}
}

/* Valued ties (mp_world_tie_atop/cow) of one source into an n*n matrix, 3 on the
 * diagonal (each state maximally allied with itself); zeros when the source covers the
 * year but has no rows in it. */
static signed char *ties(const double *m, size_t n)
{
	signed char *t = calloc(n ? n * n : 1, 1);
	if (!t)
		return NULL;
	for (size_t k = 0; m && k < n * n; k++)
		t[k] = (signed char)m[k];
	for (size_t i = 0; i < n; i++)
		t[i * n + i] = 3;
	return t;
}

static double *nan_array(size_t n);

static int load_dyads(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, unsigned parts, mp_rel_year *y)
{
	int year = y->year, want_atop = (parts & MP_REL_LOAD_ATOP) && covers(&cov[MP_REL_ATOP], year),
	    want_cow = (parts & MP_REL_LOAD_COW) && covers(&cov[MP_REL_COW_ALLIANCE], year),
	    want_trade = (parts & MP_REL_LOAD_TRADE) && covers(&cov[MP_REL_TRADE_DYADIC], year);
	if (!want_atop && !want_cow && !want_trade)
		return MP_OK;
	unsigned dp = (want_atop || want_cow ? MP_WORLD_DYAD_SOURCES : 0) | (want_trade ? MP_WORLD_DYAD_TRADE : 0);
	mp_world_dyads *d;
	int rc = mp_world_dyads_build(ctx, s, year, y->ccode, y->n, NULL, NULL, dp, &d);
	if (rc != MP_OK)
		return rc;
	size_t n = y->n;
	if ((want_atop && !(y->atop = ties(d->atop, n))) || (want_cow && !(y->cow = ties(d->cow, n))))
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if (rc == MP_OK && want_trade) {
		/* the year's own flows only: cells stay empty when the data skip the year */
		if (d->trade_year == year) {
			y->trade = d->trade;
			d->trade = NULL;
		} else if (!(y->trade = nan_array(n * n))) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
	}
	mp_world_dyads_free(d);
	return rc;
}

static double *nan_array(size_t n)
{
	double *a = malloc((n ? n : 1) * sizeof *a);
	if (a)
		for (size_t i = 0; i < n; i++)
			a[i] = MP_NA;
	return a;
}

int mp_rel_year_load(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, int year, mp_rel_year **out)
{
	return mp_rel_year_load_parts(ctx, s, cov, year, MP_REL_LOAD_ALL, out);
}

int mp_rel_year_load_parts(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, int year, unsigned parts,
			   mp_rel_year **out)
{
	int rc = MP_OK;
	*out = NULL;
	mp_rel_year *y = calloc(1, sizeof *y);
	if (!y)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	y->year = year;
	for (int i = 0; i < MAX_CCODE; i++)
		y->index[i] = -1;
	load_ctx c = { y, 0 };
	const mp_rel_coverage *st = &cov[MP_REL_STATES];
	/* membership spells open at the end of the membership data continue past it */
	if (year < st->first)
		goto done;
	rc = mp_store__rel_members(ctx, s, year, st->last, add_member, &c);
	if (rc)
		goto done;
	if (c.oom) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	size_t n = y->n;
	y->major = calloc(n ? n : 1, 1);
	y->cinc = nan_array(n);
	y->gdp = nan_array(n);
	y->theta = nan_array(n);
	y->ttot = nan_array(n);
	if (!y->major || !y->cinc || !y->gdp || !y->theta || !y->ttot) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if (cov[MP_REL_MAJORS].present &&
	    (rc = mp_store__rel_majors(ctx, s, year, cov[MP_REL_MAJORS].last, set_major, &c)))
		goto done;
	if ((parts & MP_REL_LOAD_CINC) && covers(&cov[MP_REL_NMC], year) &&
	    (rc = mp_store__rel_cinc(ctx, s, year, set_cinc, &c)))
		goto done;
	if ((parts & MP_REL_LOAD_IDEAL) && covers(&cov[MP_REL_UNGA], year) &&
	    (rc = mp_store__rel_ideal(ctx, s, year, set_theta, &c)))
		goto done;
	if ((parts & MP_REL_LOAD_TRADE_TOTALS) && covers(&cov[MP_REL_TRADE_NATIONAL], year) &&
	    (rc = mp_store__rel_trade_totals(ctx, s, year, set_ttot, &c)))
		goto done;
	if ((parts & MP_REL_LOAD_GDP) && covers(&cov[MP_REL_MADDISON], year) &&
	    (rc = mp_store__rel_gdp(ctx, s, year, set_gdp, &c))) {
		/* without Maddison there is no GDP: leave the cells empty */
		if (rc != MP_ENOTFOUND)
			goto done;
		mp_error_clear(ctx);
		rc = MP_OK;
	}
	/* alliance and trade matrices: the world's dyads of the year (one set of rules) */
	if ((rc = load_dyads(ctx, s, cov, parts, y)) != MP_OK)
		goto done;
	y->theta_min = y->theta_max = MP_NA;
	for (size_t i = 0; i < n; i++) {
		double t = y->theta[i];
		if (isnan(t))
			continue;
		if (isnan(y->theta_min) || t < y->theta_min)
			y->theta_min = t;
		if (isnan(y->theta_max) || t > y->theta_max)
			y->theta_max = t;
	}
done:
	if (rc) {
		mp_rel_year_free(y);
		return rc;
	}
	*out = y;
	return MP_OK;
}

int mp_rel_year_load_trade_pair(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, mp_rel_year *y, int ccode_a,
				int ccode_b)
{
	if (!covers(&cov[MP_REL_TRADE_DYADIC], y->year))
		return MP_OK;
	if (!y->trade) {
		y->trade = nan_array(y->n * y->n);
		if (!y->trade)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	load_ctx c = { y, 0 };
	return mp_store__rel_trade_pair(ctx, s, y->year, ccode_a, ccode_b, set_trade, &c);
}

int mp_rel_year_year(const mp_rel_year *y)
{
	return y->year;
}
size_t mp_rel_year_n(const mp_rel_year *y)
{
	return y->n;
}
int mp_rel_year_ccode(const mp_rel_year *y, size_t i)
{
	return y->ccode[i];
}
const char *mp_rel_year_abb(const mp_rel_year *y, size_t i)
{
	return y->abb[i];
}
int mp_rel_year_major(const mp_rel_year *y, size_t i)
{
	return y->major[i];
}
double mp_rel_year_cinc(const mp_rel_year *y, size_t i)
{
	return y->cinc[i];
}
double mp_rel_year_ideal(const mp_rel_year *y, size_t i)
{
	return y->theta[i];
}
int mp_rel_year_find(const mp_rel_year *y, int ccode)
{
	return idx(y, ccode);
}
size_t mp_rel_year_work_size(const mp_rel_year *y)
{
	return 3 * (y->n ? y->n : 1);
}

int mp_rel_year_atop(const mp_rel_year *y, size_t i, size_t j)
{
	return y->atop ? y->atop[i * y->n + j] : -1;
}

/* Sum of v over a group's members with a value; NaN when none has one. */
static double group_sum(const double *v, const int *g, size_t ng)
{
	double s = 0;
	int any = 0;
	for (size_t k = 0; k < ng; k++)
		if (!isnan(v[g[k]])) {
			s += v[g[k]];
			any = 1;
		}
	return any ? s : MP_NA;
}

/* Highest tie between the groups in matrix m (n*n), -1 when m is NULL. */
static int group_tie(const signed char *m, size_t n, const int *a, size_t na, const int *b, size_t nb)
{
	if (!m)
		return -1;
	int t = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (m[(size_t)a[i] * n + (size_t)b[j]] > t)
				t = m[(size_t)a[i] * n + (size_t)b[j]];
	return t;
}

/* A group's alliance portfolio: x[k] = highest tie of any member with k (members have 3
 * with themselves, so x[k] = 3 for k in the group). For one state, its ATOP row. */
static void portfolio(const signed char *m, size_t n, const int *g, size_t ng, double *x)
{
	for (size_t k = 0; k < n; k++)
		x[k] = 0;
	for (size_t i = 0; i < ng; i++) {
		const signed char *row = m + (size_t)g[i] * n;
		for (size_t k = 0; k < n; k++)
			if (row[k] > x[k])
				x[k] = row[k];
	}
}

int mp_rel_dyad_compute(mp_ctx *ctx, const mp_rel_year *y, const int *a, size_t na, const int *b, size_t nb,
			double *work, mp_rel_dyad *out)
{
	size_t n = y->n;
	if (!na || !nb)
		return mp_error_set(ctx, MP_EINPUT, "dyad %d: a side has no members", y->year);
	out->cap_a = group_sum(y->cinc, a, na);
	out->cap_b = group_sum(y->cinc, b, nb);
	out->cap_share_a = out->cap_ratio = MP_NA;
	/* dyadic capability share and ratio (docs/references.md A5; EUGene) */
	if (!isnan(out->cap_a) && !isnan(out->cap_b) && out->cap_a + out->cap_b > 0) {
		out->cap_share_a = out->cap_a / (out->cap_a + out->cap_b);
		if (out->cap_b > 0)
			out->cap_ratio = out->cap_a / out->cap_b;
	}
	out->parity = mp_rel_parity(out->cap_a, out->cap_b, MP_PARITY_LO, MP_PARITY_HI);
	out->atop_tie = group_tie(y->atop, n, a, na, b, nb);
	out->cow_tie = group_tie(y->cow, n, a, na, b, nb);

	out->s_unweighted = out->s_weighted = out->s_squared = out->tau_b = out->kappa = MP_NA;
	if (y->atop) {
		double *x = work, *z = work + n;
		portfolio(y->atop, n, a, na, x);
		portfolio(y->atop, n, b, nb, z);
		/* docs/references.md A6: Delta = 3 for valued alliances; weights = CINC (EUGene's
		 * weighted S); kappa with squared distances on levels 0..3 (fpsim). */
		out->s_unweighted = mp_rel_s(x, z, NULL, n, 3.0, 0);
		out->s_weighted = mp_rel_s(x, z, y->cinc, n, 3.0, 0);
		out->s_squared = mp_rel_s(x, z, NULL, n, 3.0, 1);
		out->tau_b = mp_rel_taub_levels(x, z, n, 4);
		out->kappa = mp_rel_kappa_levels(x, z, n, 4, 2.0);
	}

	/* Ideal points (Bailey, Strezhnev & Voeten 2017); a group's is its members' mean.
	 * closeness = 1 - distance / (yearly max - min) (docs/references.md A7 "standardised"). */
	double ta = group_sum(y->theta, a, na), tb = group_sum(y->theta, b, nb);
	size_t ka = 0, kb = 0;
	for (size_t i = 0; i < na; i++)
		ka += !isnan(y->theta[a[i]]);
	for (size_t i = 0; i < nb; i++)
		kb += !isnan(y->theta[b[i]]);
	out->ideal_distance = out->ideal_closeness = MP_NA;
	if (ka && kb) {
		out->ideal_distance = fabs(ta / (double)ka - tb / (double)kb);
		double range = y->theta_max - y->theta_min;
		if (range > 0)
			out->ideal_closeness = 1.0 - out->ideal_distance / range;
	}

	/* Trade and dependence (docs/references.md A8): T = sum of flows between the groups,
	 * D_ab = T / GDP_a (Oneal & Russett 1997), GDP in 2011 int$ (Maddison). */
	out->trade = MP_NA;
	if (y->trade) {
		double t = 0;
		int any = 0;
		for (size_t i = 0; i < na; i++)
			for (size_t j = 0; j < nb; j++) {
				double v = y->trade[(size_t)a[i] * n + (size_t)b[j]];
				if (!isnan(v)) {
					t += v;
					any = 1;
				}
			}
		if (any)
			out->trade = t;
	}
	double ga = group_sum(y->gdp, a, na), gb = group_sum(y->gdp, b, nb);
	out->dep_ab = (ga > 0) ? out->trade / ga : MP_NA;
	out->dep_ba = (gb > 0) ? out->trade / gb : MP_NA;
	mp_rel_barbieri(out->trade, group_sum(y->ttot, a, na), group_sum(y->ttot, b, nb), &out->barbieri);
	mp_rel_junior(out->cap_a, out->cap_b, out->barbieri.share_a, out->barbieri.share_b, out->atop_tie,
		      out->ideal_closeness, &out->junior);
	return MP_OK;
}
