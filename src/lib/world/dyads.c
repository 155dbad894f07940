/* Dyads of a year by one set of rules (world.h, docs/world.md "Dyads"): distance between
 * capitals, contiguity, alliances (ATOP where it has the year, else COW, carried forward
 * at most MP_WORLD_CARRY_YEARS), trade and rivalry. The store hands plain rows
 * (store/q_relations.h); the codings are here, once. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/world.h"
#include "store/q_relations.h"
#include "world/world_internal.h"

#define MAXC 1000 /* COW codes are < 1000 */

double mp_world_distance_km(double lat1, double lng1, double lat2, double lng2)
{
	/* d = 2 R asin( sqrt( sin^2(dphi/2) + cos phi1 cos phi2 sin^2(dlambda/2) ) ) */
	const double rad = M_PI / 180.0, R = 6371.0088;
	double p1 = lat1 * rad, p2 = lat2 * rad;
	double dp = (lat2 - lat1) * rad, dl = (lng2 - lng1) * rad;
	double h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
	if (h > 1)
		h = 1;
	return 2.0 * R * asin(sqrt(h));
}

int mp_world_tie_atop(const double v[5])
{
	return (v[0] > 0 || v[1] > 0) ? 3 : (v[2] > 0 || v[4] > 0) ? 2 : v[3] > 0 ? 1 : 0;
}

int mp_world_tie_cow(const double v[4])
{
	return v[0] > 0 ? 3 : (v[1] > 0 || v[2] > 0) ? 2 : v[3] > 0 ? 1 : 0;
}

void mp_world_dyads_free(mp_world_dyads *d)
{
	if (!d)
		return;
	free(d->distance);
	free(d->contig);
	free(d->tie);
	free(d->defence);
	free(d->atop);
	free(d->cow);
	free(d->trade);
	free(d->rival);
	free(d);
}

typedef struct {
	mp_world_dyads *d;
	const short *index; /* ccode -> position, -1 */
	double *m, *m2;     /* the matrices a row goes into */
	int kind;
} fill_ctx;

enum { K_CONTIG, K_ATOP, K_COW, K_TRADE, K_RIVAL };

static void put_max(double *m, size_t n, int i, int j, double v)
{
	if (!(m[(size_t)i * n + (size_t)j] >= v))
		m[(size_t)i * n + (size_t)j] = m[(size_t)j * n + (size_t)i] = v;
}

static void fill(void *u, int c1, int c2, const double *v)
{
	fill_ctx *c = u;
	if (c1 <= 0 || c1 >= MAXC || c2 <= 0 || c2 >= MAXC)
		return;
	int i = c->index[c1], j = c->index[c2];
	if (i < 0 || j < 0 || i == j)
		return;
	size_t n = c->d->n;
	switch (c->kind) {
	case K_CONTIG:
		/* one spell per dyad and year; the closer type if the data had two */
		if (!(c->m[(size_t)i * n + (size_t)j] > 0) || v[0] < c->m[(size_t)i * n + (size_t)j])
			c->m[(size_t)i * n + (size_t)j] = c->m[(size_t)j * n + (size_t)i] = v[0];
		break;
	case K_ATOP:
		put_max(c->m, n, i, j, mp_world_tie_atop(v));
		if (c->m2 && v[0] > 0)
			put_max(c->m2, n, i, j, 1);
		break;
	case K_COW:
		put_max(c->m, n, i, j, mp_world_tie_cow(v));
		if (c->m2 && v[0] > 0)
			put_max(c->m2, n, i, j, 1);
		break;
	case K_TRADE:
		/* T = flow1 + flow2, missing if either is */
		c->m[(size_t)i * n + (size_t)j] = c->m[(size_t)j * n + (size_t)i] = v[0] + v[1];
		break;
	case K_RIVAL: c->m[(size_t)i * n + (size_t)j] = c->m[(size_t)j * n + (size_t)i] = 1; break;
	default: break;
	}
}

static double *matrix(size_t n, double v)
{
	double *m = malloc((n ? n * n : 1) * sizeof *m);
	if (m)
		for (size_t k = 0; k < n * n; k++)
			m[k] = v;
	return m;
}

/* Valued ties of one source of exactly `year` into a fresh matrix (3 on the diagonal);
 * *m stays NULL when the source has no rows that year. */
static int source_ties(mp_ctx *ctx, mp_store *s, fill_ctx *c, const char *family, int year, double **m)
{
	int y;
	int rc = mp_store__rel_newest_year(ctx, s, family, year, 0, &y);
	if (rc != MP_OK || !y)
		return rc;
	size_t n = c->d->n;
	if (!(*m = matrix(n, 0)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		(*m)[i * n + i] = 3;
	c->m = *m;
	c->m2 = NULL;
	c->kind = !strcmp(family, "atop_dyad") ? K_ATOP : K_COW;
	return c->kind == K_ATOP ? mp_store__rel_atop(ctx, s, year, fill, c)
				 : mp_store__rel_cow_alliance(ctx, s, year, fill, c);
}

/* The one alliance rule: ATOP where it has the year, else COW; each carried forward at
 * most MP_WORLD_CARRY_YEARS. */
static int alliances(mp_ctx *ctx, mp_store *s, fill_ctx *c, int year)
{
	mp_world_dyads *d = c->d;
	static const char *const families[2] = { "atop_dyad", "alliance_dyad" };
	size_t n = d->n;
	if (!(d->tie = matrix(n, MP_NA)) || !(d->defence = matrix(n, MP_NA)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (int k = 0; k < 2; k++) {
		int y;
		int rc = mp_store__rel_newest_year(ctx, s, families[k], year, MP_WORLD_CARRY_YEARS, &y);
		if (rc != MP_OK)
			return rc;
		if (!y)
			continue;
		for (size_t q = 0; q < n * n; q++)
			d->tie[q] = d->defence[q] = 0;
		d->alliance_year = y;
		snprintf(d->alliance_source, sizeof d->alliance_source, "%s", families[k]);
		c->m = d->tie;
		c->m2 = d->defence;
		c->kind = k == 0 ? K_ATOP : K_COW;
		return k == 0 ? mp_store__rel_atop(ctx, s, y, fill, c) : mp_store__rel_cow_alliance(ctx, s, y, fill, c);
	}
	return MP_OK;
}

typedef struct {
	mp_world_tie_fn fn;
	void *u;
	int year, atop;
} years_ctx;

static void tie_row(void *u, int c1, int c2, const double *v)
{
	years_ctx *c = u;
	int t = c->atop ? mp_world_tie_atop(v) : mp_world_tie_cow(v);
	if (t > 0)
		c->fn(c->u, c->year, c1, c2, t, v[0] > 0);
}

int mp_world_alliances(mp_ctx *ctx, mp_store *s, int from, int until, mp_world_tie_fn fn, void *u)
{
	if (!mp_store_has(s, "atop_dyad") && !mp_store_has(s, "alliance_dyad"))
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "neither ATOP (atop_dyad) nor COW alliances (alliance_dyad) "
				    "are imported: run 'multipolar import' with atop5.1_dyad_year.csv");
	static const char *const families[2] = { "atop_dyad", "alliance_dyad" };
	for (int t = from; t <= until; t++)
		for (int k = 0; k < 2; k++) {
			int y;
			int rc = mp_store__rel_newest_year(ctx, s, families[k], t, MP_WORLD_CARRY_YEARS, &y);
			if (rc != MP_OK)
				return rc;
			if (!y)
				continue;
			years_ctx c = { fn, u, t, k == 0 };
			rc = k == 0 ? mp_store__rel_atop(ctx, s, y, tie_row, &c)
				    : mp_store__rel_cow_alliance(ctx, s, y, tie_row, &c);
			if (rc != MP_OK)
				return rc;
			break;
		}
	return MP_OK;
}

static int build(mp_ctx *ctx, mp_store *s, fill_ctx *c, int year, const double *lat, const double *lng, unsigned parts)
{
	mp_world_dyads *d = c->d;
	size_t n = d->n;
	int rc = MP_OK;
	if (parts & MP_WORLD_DYAD_DISTANCE) {
		if (!(d->distance = matrix(n, MP_NA)))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		for (size_t i = 0; lat && lng && i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				if (isfinite(lat[i]) && isfinite(lat[j]))
					d->distance[i * n + j] = d->distance[j * n + i] = mp_world_distance_km(
						lat[i], lng[i], lat[j], lng[j]);
	}
	if ((parts & MP_WORLD_DYAD_CONTIG)) {
		int have = mp_store_has(s, "contiguity");
		if (!(d->contig = matrix(n, have ? 0 : MP_NA)))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		c->m = d->contig;
		c->kind = K_CONTIG;
		if (have && (rc = mp_store__rel_contiguity(ctx, s, year, fill, c)) != MP_OK)
			return rc;
	}
	if ((parts & MP_WORLD_DYAD_ALLIANCE) && (rc = alliances(ctx, s, c, year)) != MP_OK)
		return rc;
	if ((parts & MP_WORLD_DYAD_SOURCES) && ((rc = source_ties(ctx, s, c, "atop_dyad", year, &d->atop)) != MP_OK ||
						(rc = source_ties(ctx, s, c, "alliance_dyad", year, &d->cow)) != MP_OK))
		return rc;
	if (parts & MP_WORLD_DYAD_TRADE) {
		if (!(d->trade = matrix(n, MP_NA)))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		if ((rc = mp_store__rel_newest_year(ctx, s, "trade_dyadic", year, MP_WORLD_CARRY_YEARS,
						    &d->trade_year)))
			return rc;
		c->m = d->trade;
		c->kind = K_TRADE;
		if (d->trade_year && (rc = mp_store__rel_trade(ctx, s, d->trade_year, fill, c)) != MP_OK)
			return rc;
	}
	if (parts & MP_WORLD_DYAD_RIVAL) {
		int have = mp_store_has(s, "rivalries");
		if (!(d->rival = matrix(n, have ? 0 : MP_NA)))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		c->m = d->rival;
		c->kind = K_RIVAL;
		if (have && (rc = mp_store__rel_rivalries(ctx, s, year, fill, c)) != MP_OK)
			return rc;
	}
	return MP_OK;
}

static int copy_matrix(const double *src, size_t n, double **dst)
{
	*dst = NULL;
	if (!src)
		return MP_OK;
	if (!(*dst = malloc((n ? n * n : 1) * sizeof **dst)))
		return MP_ENOMEM;
	memcpy(*dst, src, n * n * sizeof **dst);
	return MP_OK;
}

int mp_world__dyads_clone(const mp_world_dyads *d, mp_world_dyads **out)
{
	mp_world_dyads *c = malloc(sizeof *c);
	if (!c)
		return MP_ENOMEM;
	*c = *d;
	double *const *src[] = {
		&d->distance, &d->contig, &d->tie, &d->defence, &d->atop, &d->cow, &d->trade, &d->rival
	};
	double **dst[] = { &c->distance, &c->contig, &c->tie, &c->defence, &c->atop, &c->cow, &c->trade, &c->rival };
	int rc = MP_OK;
	for (size_t k = 0; k < sizeof src / sizeof src[0]; k++)
		*dst[k] = NULL;
	for (size_t k = 0; rc == MP_OK && k < sizeof src / sizeof src[0]; k++)
		rc = copy_matrix(*src[k], d->n, dst[k]);
	if (rc != MP_OK) {
		mp_world_dyads_free(c);
		return rc;
	}
	*out = c;
	return MP_OK;
}

int mp_world_dyads_build(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, const double *lat,
			 const double *lng, unsigned parts, mp_world_dyads **out)
{
	*out = NULL;
	mp_world_dyads *d = calloc(1, sizeof *d);
	short *index = malloc(MAXC * sizeof *index);
	if (!d || !index) {
		free(d);
		free(index);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	d->n = n;
	d->year = year;
	for (int k = 0; k < MAXC; k++)
		index[k] = -1;
	for (size_t i = 0; i < n; i++)
		if (ccodes[i] > 0 && ccodes[i] < MAXC && index[ccodes[i]] < 0)
			index[ccodes[i]] = (short)i;
	fill_ctx c = { d, index, NULL, NULL, 0 };
	int rc = build(ctx, s, &c, year, lat, lng, parts);
	free(index);
	if (rc != MP_OK) {
		mp_world_dyads_free(d);
		return rc;
	}
	*out = d;
	return MP_OK;
}
