/* mp_world of a year from the store: the NMC rows, joined with the attributes of the
 * datasets that are imported (names, majors, Maddison GDP, UNGA ideal points, capitals).
 * The store returns plain rows; the rules (which state a Maddison code stands for) are
 * here and in crosswalk.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/crosswalk.h"
#include "multipolar/world.h"
#include "store/q_world.h"
#include "world/world_internal.h"

_Static_assert(MP_NCOMP == 6, "mp_store_nmc_row.comp has the six CINC components");

void mp_world__series_codes(mp_store_calib_rows *rows, int drop_aggregates)
{
	size_t k = 0;
	for (size_t i = 0; i < rows->n; i++) {
		mp_store_calib_row *r = &rows->v[i];
		char iso[8];
		const char *bar = strchr(r->txt, '|');
		size_t l = bar ? (size_t)(bar - r->txt) : strlen(r->txt);
		snprintf(iso, sizeof iso, "%.*s", (int)(l < 7 ? l : 7), r->txt);
		int cc = mp_country_series_of_iso3(iso);
		if (cc < 0 && drop_aggregates)
			continue;
		r->i[0] = cc > 0 ? cc : 0;
		rows->v[k++] = *r;
	}
	rows->n = k;
}

int mp_world_store_years(mp_ctx *ctx, mp_store *s, const char *nmc_version, int *first, int *last)
{
	mp_dataset_info d;
	int rc = mp_store_dataset_pick(ctx, s, "nmc", nmc_version, &d);
	return rc == MP_OK ? mp_store__nmc_years(ctx, s, d.id, first, last) : rc;
}

static int load_nmc(mp_ctx *ctx, mp_store *s, int64_t dsid, mp_world *w)
{
	mp_store_nmc_row *rows;
	size_t n;
	int rc = mp_store__nmc_year(ctx, s, dsid, w->year, &rows, &n);
	if (rc != MP_OK)
		return rc;
	w->actors = calloc(n ? n : 1, sizeof *w->actors);
	if (!w->actors) {
		free(rows);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		mp_actor *a = &w->actors[i];
		a->ccode = rows[i].ccode;
		snprintf(a->stateabb, sizeof a->stateabb, "%s", rows[i].stateabb);
		snprintf(a->name, sizeof a->name, "%s", a->stateabb);
		for (int c = 0; c < MP_NCOMP; c++)
			a->comp[c] = rows[i].comp[c];
		a->cinc_published = rows[i].cinc;
		a->pole = -1;
		a->gdp = a->gdp_mer = a->ideal_point = a->lat = a->lng = MP_NA;
		a->econ = (mp_actor_econ)MP_ACTOR_ECON_UNKNOWN;
	}
	w->n = n;
	free(rows);
	return MP_OK;
}

/* One attribute row onto its actor(s); rows later in the query's order win. */
static void apply(mp_world *w, mp_store_attr a, const mp_store_attr_row *r)
{
	if (a == MP_STORE_ATTR_GDP) {
		/* Maddison GDP = gdppc (2011 int$) x pop (thousands) / 1000 = millions of 2011
		 * int$, on the COW state the ISO3 code stands for in the year (crosswalk.h) */
		int cc[2], k = mp_country_state_of_iso3(r->code, w->year, cc);
		for (int j = 0; j < k; j++) {
			int i = mp_world_find(w, cc[j]);
			if (i >= 0)
				w->actors[i].gdp = r->v[0] * r->v[1] / 1000.0;
		}
		return;
	}
	int i = mp_world_find(w, r->ccode);
	if (i < 0)
		return;
	mp_actor *x = &w->actors[i];
	switch (a) {
	case MP_STORE_ATTR_NAMES:
		if (r->text[0])
			snprintf(x->name, sizeof x->name, "%s", r->text);
		break;
	case MP_STORE_ATTR_MAJORS: x->major = 1; break;
	case MP_STORE_ATTR_IDEAL: x->ideal_point = r->v[0]; break;
	case MP_STORE_ATTR_CAPITALS:
		x->lat = r->v[0];
		x->lng = r->v[1];
		break;
	default: break;
	}
}

static int join(mp_ctx *ctx, mp_store *s, mp_world *w, unsigned attrs)
{
	static const struct {
		unsigned flag;
		mp_store_attr attr;
	} joins[] = {
		{ MP_WORLD_NAMES, MP_STORE_ATTR_NAMES },       { MP_WORLD_MAJORS, MP_STORE_ATTR_MAJORS },
		{ MP_WORLD_GDP, MP_STORE_ATTR_GDP },           { MP_WORLD_IDEAL, MP_STORE_ATTR_IDEAL },
		{ MP_WORLD_CAPITALS, MP_STORE_ATTR_CAPITALS },
	};
	for (size_t j = 0; j < sizeof joins / sizeof joins[0]; j++) {
		if (!(attrs & joins[j].flag))
			continue;
		mp_store_attr_row *rows;
		size_t n;
		int rc = mp_store__year_attr(ctx, s, joins[j].attr, w->year, &rows, &n);
		if (rc != MP_OK)
			return rc;
		for (size_t i = 0; i < n; i++)
			apply(w, joins[j].attr, &rows[i]);
		free(rows);
	}
	w->has_majors = (attrs & MP_WORLD_MAJORS) && mp_store_has(s, "majors");
	return MP_OK;
}

/* The dyads over the world's actors (aggregate rows have none). */
static int world_dyads(mp_ctx *ctx, mp_store *s, mp_world *w)
{
	size_t n = w->n;
	int *cc = malloc((n ? n : 1) * sizeof *cc);
	double *lat = malloc((n ? n : 1) * sizeof *lat), *lng = malloc((n ? n : 1) * sizeof *lng);
	int rc = MP_OK;
	if (!cc || !lat || !lng)
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; rc == MP_OK && i < n; i++) {
		cc[i] = w->actors[i].ccode;
		lat[i] = w->actors[i].lat;
		lng[i] = w->actors[i].lng;
	}
	if (rc == MP_OK)
		rc = mp_world_dyads_build(ctx, s, w->year, cc, n, lat, lng, MP_WORLD_DYAD_ALL, &w->dyads);
	free(cc);
	free(lat);
	free(lng);
	return rc;
}

int mp_world_from_store(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version, const mp_poles *poles,
			mp_world **out)
{
	return mp_world_from_store_ex(ctx, s, year, nmc_version, poles, MP_WORLD_ALL | MP_WORLD_AGES, out);
}

int mp_world_from_store_ex(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version, const mp_poles *poles,
			   unsigned attrs, mp_world **out)
{
	mp_dataset_info nmc;
	mp_world *w = NULL;
	int rc = mp_store_dataset_pick(ctx, s, "nmc", nmc_version, &nmc);
	if (rc != MP_OK)
		return rc;
	if (year < nmc.year_min || year > nmc.year_max)
		return mp_error_set(ctx, MP_ERANGE, "year %d is outside the coverage of %s %s (%d-%d)", year, nmc.name,
				    nmc.version, nmc.year_min, nmc.year_max);
	if (!(w = calloc(1, sizeof *w)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	w->year = year;
	snprintf(w->source, sizeof w->source, "NMC %s", nmc.version);
	if (attrs & MP_WORLD_DYADS)
		attrs |= MP_WORLD_CAPITALS;
	if ((rc = load_nmc(ctx, s, nmc.id, w)) != MP_OK || (rc = join(ctx, s, w, attrs)) != MP_OK)
		goto done;
	if ((attrs & MP_WORLD_GDP) && (rc = mp_world_economy_from_store(ctx, s, w)) != MP_OK)
		goto done;
	if ((attrs & MP_WORLD_DYADS) && (rc = world_dyads(ctx, s, w)) != MP_OK)
		goto done;
	if ((attrs & MP_WORLD_AGES) && (rc = mp_world_ages_from_store(ctx, s, w)) != MP_OK)
		goto done;
	mp_world__assign_poles(w, poles);
	*out = w;
	w = NULL;
done:
	mp_world_free(w);
	return rc;
}
