/*
 * Demography by age and sex of a store world (docs/demography.md, "Start world by age"):
 * for each actor, UN WPP's population by single year of age and sex at the world's year,
 * and the rates the cohort-component mechanism starts from, using rows up to that year
 * only.
 *
 *  - Age structure: WPP 2017's estimate at the last five-year point P <= year (1950, 1955,
 *    ..., 2015), split into single years (mp_demog_pop_to_single; an open group 80+ of
 *    the early years spread like the stationary population of the period's life table),
 *    then carried forward year by year to `year` with WPP 2024's annual births, deaths and
 *    net migrants (rows <= year): births by the sex ratio at birth, mortality of the last
 *    period <= P scaled so the year's deaths are WPP 2024's, migrants by the age pattern
 *    below. Without WPP 2024 the period's own rates are held (documented).
 *  - Before 1950: the 1950 structure and the 1950-1955 rates (the first WPP has); the
 *    simulation scales the counts to the year's NMC tpop.
 *  - Rates at the year: death rates of the last period ending <= P; the Lee-Carter pattern
 *    of their change (Lee & Carter 1992) from the periods ending <= P; life expectancy,
 *    total fertility, its age pattern and the sex ratio of `year` (WPP 2024, else the last
 *    WPP 2017 period ending <= year); net migrants a year per person, the mean of the
 *    five years to `year`; their age-sex pattern from the residual of the last period
 *    <= P (the forward survival residual, as in mp_demog_wpp_load).
 *
 * UN M49 codes map to COW codes through the library's crosswalk (multipolar/crosswalk.h,
 * docs/crosswalk.md) in m49_of() and mp_world__cow_of_m49(); historical COW states are
 * the sums of their successors' WPP locations (table `composites`).
 */
#include "multipolar/world.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/crosswalk.h"
#include "store/q_demog.h"
#include "world/ages_internal.h"

#define MAXMEM 16

/* COW states whose territory is several WPP locations (or part of one: then that one's
 * structure, scaled to the state's tpop by the simulation). */
static const struct composite {
	int ccode, from, to;
	int m49[MAXMEM];
} composites[] = {
	{ 365, 1922, 1991, { 643, 804, 112, 233, 428, 440, 498, 268, 51, 31, 398, 417, 762, 795, 860 } }, /* USSR */
	{ 345, 1878, 1991, { 705, 191, 70, 807, 688, 499 } }, /* Yugoslavia (SFRY) */
	{ 345, 1992, 2006, { 688, 499 } },                    /* Serbia and Montenegro */
	{ 345, 2007, 9999, { 688 } },                         /* Serbia (WPP: with Kosovo) */
	{ 347, 2008, 9999, { 688 } },                         /* Kosovo: Serbia's structure */
	{ 315, 1918, 1992, { 203, 703 } },                    /* Czechoslovakia */
	{ 770, 1947, 1971, { 586, 50 } },                     /* Pakistan with Bangladesh */
	{ 530, 1898, 1992, { 231, 232 } },                    /* Ethiopia with Eritrea */
	{ 625, 1956, 2010, { 729, 728 } },                    /* Sudan with South Sudan */
	{ 260, 1955, 1990, { 276 } },                         /* German Federal Republic */
	{ 265, 1954, 1990, { 276 } },                         /* German Democratic Republic */
	{ 678, 1926, 1990, { 887 } },                         /* Yemen Arab Republic */
	{ 680, 1967, 1990, { 887 } },                         /* South Yemen */
	{ 817, 1954, 1975, { 704 } },                         /* Republic of Vietnam */
};

void mp_world__xwalk_free(mp_world_xwalk *x)
{
	free(x->loc);
	memset(x, 0, sizeof *x);
}

int mp_world__xwalk_load(mp_ctx *ctx, mp_store *s, mp_world_xwalk *x)
{
	memset(x, 0, sizeof *x);
	int rc = MP_OK;
	if (mp_store__wpp_has(s, "wpp_locations", NULL))
		rc = mp_store__wpp_locations(ctx, s, &x->loc, &x->nloc);
	if (rc != MP_OK)
		mp_world__xwalk_free(x);
	return rc;
}

/* The M49 code of a COW code (0 if none), by the crosswalk: its M49, else its ISO numeric
 * (Taiwan: WPP's location 158, which M49 does not list), and Serbia 345 = 688 (the
 * crosswalk gives 345 to Yugoslavia, with no code). */
static int m49_of(int ccode)
{
	if (ccode == 345)
		return 688;
	const mp_country *c = mp_country_by_ccode(ccode);
	return !c ? 0 : c->m49 ? c->m49 : c->iso_num;
}

int mp_world__cow_of_m49(const mp_world_xwalk *x, int m49)
{
	(void)x;
	if (m49 == 688)
		return 345;
	const mp_country *c = mp_country_by_m49(m49);
	if (c)
		return c->ccode;
	for (size_t i = 0; (c = mp_country_at(i)) != NULL; i++)
		if (!c->m49 && c->iso_num == m49)
			return c->ccode;
	return 0;
}

int mp_world__members(const mp_world_xwalk *x, int ccode, int year, int *out, int max)
{
	for (size_t k = 0; k < sizeof composites / sizeof composites[0]; k++) {
		const struct composite *c = &composites[k];
		if (c->ccode != ccode || year < c->from || year > c->to)
			continue;
		int n = 0;
		while (n < MAXMEM && n < max && c->m49[n])
			out[n] = c->m49[n], n++;
		return n;
	}
	int m = m49_of(ccode);
	if (m && max > 0)
		out[0] = m;
	return m ? 1 : 0;
}

int mp_world__region_of(const mp_world_xwalk *x, int m49)
{
	for (size_t i = 0; i < x->nloc; i++)
		if (x->loc[i].code == m49)
			return x->loc[i].reg_code;
	return 0;
}

/* Sums records a (weight wa) and b into a: counts add; rates are averaged with the
 * weights the demography gives them (deaths by population, fertility by women 15-49,
 * life expectancy by population, migrants by their numbers). */
void mp_world_ages_merge(mp_actor_demog *a, const mp_actor_demog *b)
{
	double pa = 0, pb = 0, wa = 0, wb = 0;
	for (int x = 0; x < 2; x++)
		for (int k = 0; k < MP_DEMOG_AGES; k++) {
			pa += a->pop[x][k];
			pb += b->pop[x][k];
		}
	for (int k = 15; k < 50; k++) {
		wa += a->pop[0][k];
		wb += b->pop[0][k];
	}
	if (pb <= 0)
		return;
	if (pa <= 0) {
		*a = *b;
		return;
	}
	double fa = pa / (pa + pb), ba = wa * a->tfr, bb = wb * b->tfr;
	double fb_ = ba + bb > 0 ? ba / (ba + bb) : 0.5;
	for (int x = 0; x < 2; x++) {
		/* death rates weighted by each group's people (abridged ages) */
		for (int i = 0; i < MP_DEMOG_NMX; i++) {
			int lo = i == 0   ? 0
				 : i == 1 ? 1
					  : 5 * (i - 1),
			    hi = i == 0                  ? 1
				 : i == 1                ? 5
				 : i == MP_DEMOG_NMX - 1 ? MP_DEMOG_AGES
							 : lo + 5;
			double na = 0, nb = 0;
			for (int k = lo; k < hi; k++) {
				na += a->pop[x][k];
				nb += b->pop[x][k];
			}
			double w = na + nb > 0 ? na / (na + nb) : fa;
			a->mx[x][i] = w * a->mx[x][i] + (1 - w) * b->mx[x][i];
			a->lc_b[x][i] = fa * a->lc_b[x][i] + (1 - fa) * b->lc_b[x][i];
		}
		a->e0[x] = fa * a->e0[x] + (1 - fa) * b->e0[x];
	}
	a->tfr = wa + wb > 0 ? (ba + bb) / (wa + wb) : a->tfr;
	a->srb = fb_ * a->srb + (1 - fb_) * b->srb;
	for (int k = 0; k < MP_DEMOG_FERT_AGES; k++)
		a->fert[k] = fb_ * a->fert[k] + (1 - fb_) * b->fert[k];
	double ma = a->mig_rate * pa, mb = b->mig_rate * pb, mabs = fabs(ma) + fabs(mb);
	for (int x = 0; x < 2; x++)
		for (int k = 0; k < MP_DEMOG_AGES; k++)
			a->mig[x][k] = mabs > 0 ? (fabs(ma) * a->mig[x][k] + fabs(mb) * b->mig[x][k]) / mabs
						: fa * a->mig[x][k] + (1 - fa) * b->mig[x][k];
	a->mig_rate = (ma + mb) / (pa + pb);
	for (int x = 0; x < 2; x++)
		for (int k = 0; k < MP_DEMOG_AGES; k++)
			a->pop[x][k] += b->pop[x][k];
}

int mp_world_ages_from_store(mp_ctx *ctx, mp_store *s, mp_world *w)
{
	if (!mp_store__wpp_has(s, "wpp_pop", "2017"))
		return MP_OK; /* no WPP ages: the mechanism falls back */
	mp_world_xwalk x;
	int rc = mp_world__xwalk_load(ctx, s, &x);
	if (rc != MP_OK)
		return rc;
	mp_actor_demog *d = calloc(w->n ? w->n : 1, sizeof *d), one;
	if (!d) {
		mp_world__xwalk_free(&x);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	mp_world_wpp_cache cache;
	mp_world__wpp_cache_init(&cache);
	for (size_t i = 0; i < w->n && rc == MP_OK; i++) {
		if (!w->actors[i].ccode)
			continue; /* remainder rows: mp_world_ages_remainders */
		int mem[MAXMEM];
		int nm = mp_world__members(&x, w->actors[i].ccode, w->year, mem, MAXMEM);
		for (int k = 0; k < nm && rc == MP_OK; k++) {
			rc = mp_world__wpp_location(ctx, s, &cache, mem[k], w->year, &one);
			if (rc == MP_ENOTFOUND) {
				rc = MP_OK;
				continue;
			}
			if (rc == MP_OK) {
				mp_world_ages_merge(&d[i], &one);
				d[i].source = MP_AGES_WPP;
			}
		}
		if (rc == MP_OK && d[i].source == MP_AGES_NONE && nm > 0) {
			/* no age data (areas under 90,000 people in WPP 2017): the UN region's */
			int reg = mp_world__region_of(&x, mem[0]);
			if (reg > 0) {
				rc = mp_world__wpp_location(ctx, s, &cache, reg, w->year, &d[i]);
				if (rc == MP_OK)
					d[i].source = MP_AGES_REGION;
				else if (rc == MP_ENOTFOUND)
					rc = MP_OK;
			}
		}
		d[i].year = w->year;
	}
	mp_world__wpp_cache_free(&cache);
	mp_world__xwalk_free(&x);
	if (rc != MP_OK) {
		free(d);
		return rc;
	}
	free(w->demog);
	w->demog = d;
	return MP_OK;
}
