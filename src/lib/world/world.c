/* mp_world: one year of states, from the store or the shipped default world. */
#include "multipolar/world.h"
#include "multipolar/crosswalk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "util/num.h"
#include "world/world_internal.h"
#include "util/vec.h"

const char *const mp_component_names[MP_NCOMP] = { "milex", "milper", "irst", "pec", "tpop", "upop" };

void mp_world_free(mp_world *w)
{
	if (!w)
		return;
	mp_world_dyads_free(w->dyads);
	free(w->actors);
	free(w->demog);
	free(w);
}

int mp_world_find(const mp_world *w, int ccode)
{
	/* actors are sorted by ccode, aggregates (ccode 0) last */
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = w->actors[mid].ccode;
		if (c == 0 || c > ccode)
			hi = mid;
		else if (c < ccode)
			lo = mid + 1;
		else
			return (int)mid;
	}
	return -1;
}

int mp_world_find_name(const mp_world *w, const char *s)
{
	char *end;
	long code = strtol(s, &end, 10);
	if (*s && !*end)
		return mp_world_find(w, (int)code);
	for (size_t i = 0; i < w->n; i++)
		if (!strcasecmp(w->actors[i].stateabb, s) || !strcasecmp(w->actors[i].name, s))
			return (int)i;
	/* the one crosswalk: ISO3 codes and English names ("DEU", "United States") */
	const mp_country *c;
	if (mp_country_find(NULL, s, &c) == MP_OK && c->ccode > 0)
		return mp_world_find(w, c->ccode);
	return -1;
}

int mp_world_clone(const mp_world *w, mp_world **out)
{
	mp_world *c = malloc(sizeof *c);
	if (!c)
		return MP_ENOMEM;
	*c = *w;
	c->actors = malloc((w->n ? w->n : 1) * sizeof *c->actors);
	if (!c->actors) {
		free(c);
		return MP_ENOMEM;
	}
	memcpy(c->actors, w->actors, w->n * sizeof *c->actors);
	c->dyads = NULL;
	c->demog = NULL;
	if ((w->dyads && mp_world__dyads_clone(w->dyads, &c->dyads) != MP_OK) ||
	    (w->demog && !(c->demog = malloc(w->n * sizeof *c->demog)))) {
		mp_world_free(c);
		return MP_ENOMEM;
	}
	if (w->demog)
		memcpy(c->demog, w->demog, w->n * sizeof *c->demog);
	*out = c;
	return MP_OK;
}

void mp_world__assign_poles(mp_world *w, const mp_poles *poles)
{
	for (size_t i = 0; i < w->n; i++)
		w->actors[i].pole = poles && w->actors[i].ccode ? mp_poles_of(poles, w->actors[i].ccode, w->year)
								: w->actors[i].pole;
}

/* Default world file columns (data/world/README.md). */
enum {
	F_CCODE,
	F_ABB,
	F_NAME,
	F_POLE,
	F_YEAR,
	F_GDP_PPP,
	F_GDP_MER,
	F_TPOP,
	F_UPOP,
	F_MILEX,
	F_MILPER,
	F_IRST,
	F_PEC,
	F_IDEAL,
	F_LAT,
	F_LNG,
	F_N
};
static const char *const world_cols[F_N] = { "ccode",   "stateabb",    "name", "pole",  "year",   "gdp_ppp",
					     "gdp_mer", "tpop",        "upop", "milex", "milper", "irst",
					     "pec",     "ideal_point", "lat",  "lng" };

static int num(mp_ctx *ctx, mp_csv *csv, int f, double *out)
{
	const char *s = csv->fields[f];
	if (!*s) {
		*out = MP_NA;
		return MP_OK;
	}
	char *end;
	double v = strtod(s, &end);
	if (*end || v != v)
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column '%s': expected a number, got \"%s\"", csv->path,
				    csv->record_line, csv->cols[f], world_cols[f], s);
	*out = v;
	return MP_OK;
}

/* COW major powers at the end of the list (2016), carried forward for the default world. */
static const int majors_2016[] = { 2, 200, 220, 255, 365, 710, 740 };

static int by_ccode(const void *a, const void *b)
{
	const mp_actor *x = a, *y = b;
	/* aggregates (ccode 0) last, in file order of their abbreviations */
	if (!x->ccode || !y->ccode)
		return x->ccode ? -1 : y->ccode ? 1 : strcmp(x->stateabb, y->stateabb);
	return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

int mp_world_load_default(mp_ctx *ctx, const char *path, const mp_poles *poles, mp_world **out)
{
	char *shipped = NULL;
	mp_csv csv;
	mp_world *w = NULL;
	size_t cap = 0;
	int rc;
	int path_given = path != NULL; /* the shipped world's economy file belongs to it only */
	if (!path) {
		if ((rc = mp_data_path(ctx, "world/world.csv", &shipped)) != MP_OK)
			return rc;
		path = shipped;
	}
	if ((rc = mp_csv_open(ctx, path, &csv)) != MP_OK) {
		free(shipped);
		return rc;
	}
	if (!(w = calloc(1, sizeof *w))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = mp_csv_next(ctx, &csv)) <= 0) {
		if (rc == 0)
			rc = mp_error_set(ctx, MP_EINPUT, "%s: empty file", path);
		goto done;
	}
	for (int f = 0; f < F_N; f++)
		if ((size_t)f >= csv.nfields || strcasecmp(csv.fields[f], world_cols[f])) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:1:%d: expected column '%s' (header: ccode,stateabb,name,pole,year,"
					  "gdp_ppp,gdp_mer,tpop,upop,milex,milper,irst,pec,ideal_point,lat,lng)",
					  path, f + 1, world_cols[f]);
			goto done;
		}
	while ((rc = mp_csv_next(ctx, &csv)) == 1) {
		if (csv.nfields != F_N) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu: expected %d fields, got %zu", path, csv.record_line,
					  F_N, csv.nfields);
			goto done;
		}
		if (mp_vec_reserve(&w->actors, &cap, w->n + 1, 128)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		mp_actor *a = &w->actors[w->n];
		memset(a, 0, sizeof *a);
		a->econ = (mp_actor_econ)MP_ACTOR_ECON_UNKNOWN;
		double v = 0;
		if ((rc = num(ctx, &csv, F_CCODE, &v)) != MP_OK)
			goto done;
		if (!mp_is_na(v) && !mp_num__to_int(v, 0, 999999, &a->ccode)) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:%zu:%zu: column 'ccode': expected a whole number in [0, 999999]", path,
					  csv.record_line, csv.cols[F_CCODE]);
			goto done;
		}
		if (strlen(csv.fields[F_ABB]) >= sizeof a->stateabb || strlen(csv.fields[F_NAME]) >= sizeof a->name) {
			int f = strlen(csv.fields[F_ABB]) >= sizeof a->stateabb ? F_ABB : F_NAME;
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column '%s': longer than %zu bytes", path,
					  csv.record_line, csv.cols[f], world_cols[f],
					  (f == F_ABB ? sizeof a->stateabb : sizeof a->name) - 1);
			goto done;
		}
		snprintf(a->stateabb, sizeof a->stateabb, "%s", csv.fields[F_ABB]);
		snprintf(a->name, sizeof a->name, "%s", csv.fields[F_NAME]);
		if ((rc = num(ctx, &csv, F_YEAR, &v)) != MP_OK)
			goto done;
		int yv = 0;
		if (mp_is_na(v) || !mp_num__to_int(v, 1, 9999, &yv) || (w->n && yv != w->year)) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:%zu:%zu: column 'year': expected the same year on every row", path,
					  csv.record_line, csv.cols[F_YEAR]);
			goto done;
		}
		w->year = yv;
		static const int comp_field[MP_NCOMP] = { F_MILEX, F_MILPER, F_IRST, F_PEC, F_TPOP, F_UPOP };
		for (int c = 0; c < MP_NCOMP; c++)
			if ((rc = num(ctx, &csv, comp_field[c], &a->comp[c])) != MP_OK)
				goto done;
		if ((rc = num(ctx, &csv, F_GDP_PPP, &a->gdp)) != MP_OK ||
		    (rc = num(ctx, &csv, F_GDP_MER, &a->gdp_mer)) != MP_OK ||
		    (rc = num(ctx, &csv, F_IDEAL, &a->ideal_point)) != MP_OK ||
		    (rc = num(ctx, &csv, F_LAT, &a->lat)) != MP_OK || (rc = num(ctx, &csv, F_LNG, &a->lng)) != MP_OK)
			goto done;
		a->cinc_published = MP_NA;
		a->pole = poles ? mp_poles_find(poles, csv.fields[F_POLE]) : MP_POLE_NONE;
		for (size_t k = 0; k < sizeof majors_2016 / sizeof majors_2016[0]; k++)
			if (a->ccode == majors_2016[k])
				a->major = 1;
		w->n++;
	}
	if (rc < 0)
		goto done;
	rc = MP_OK;
	if (w->n == 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: no rows", path);
		goto done;
	}
	qsort(w->actors, w->n, sizeof *w->actors, by_ccode);
	if (!path_given && (rc = mp_world_economy_from_file(ctx, NULL, w)) != MP_OK)
		goto done;
	w->has_majors = 1;
	/* demography by age from the shipped derived file beside the default world */
	if ((rc = mp_world_ages_load(ctx, NULL, w)) == MP_ENOTFOUND)
		rc = MP_OK;
	if (rc != MP_OK)
		goto done;
	snprintf(w->source, sizeof w->source, "default world %d", w->year);
	mp_world__assign_poles(w, poles);
	*out = w;
	w = NULL;
done:
	mp_world_free(w);
	mp_csv_close(&csv);
	free(shipped);
	return rc;
}
