/* Pole membership table: `ccode,stateabb,pole,from_year,to_year,rule` (docs/poles.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "multipolar/poles.h"
#include "util/vec.h"

#define MAX_POLES 32

struct mp_poles {
	char *names[MAX_POLES];
	int npoles;
	mp_pole_spell *spells;
	size_t n;
	size_t *by_ccode; /* spell indexes sorted by (ccode, from_year), for mp_poles_of */
};

void mp_poles_free(mp_poles *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->npoles; i++)
		free(p->names[i]);
	free(p->spells);
	free(p->by_ccode);
	free(p);
}

int mp_poles_count(const mp_poles *p)
{
	return p->npoles;
}
const char *mp_poles_name(const mp_poles *p, int pole)
{
	return pole >= 0 && pole < p->npoles ? p->names[pole] : "unassigned";
}
size_t mp_poles_spells(const mp_poles *p)
{
	return p->n;
}
const mp_pole_spell *mp_poles_spell(const mp_poles *p, size_t i)
{
	return i < p->n ? &p->spells[i] : NULL;
}

int mp_poles_find(const mp_poles *p, const char *name)
{
	for (int i = 0; i < p->npoles; i++)
		if (!strcasecmp(p->names[i], name))
			return i;
	return MP_POLE_NONE;
}

int mp_poles_of(const mp_poles *p, int ccode, int year)
{
	/* binary search for the first spell of ccode, then its few spells in year order */
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (p->spells[p->by_ccode[mid]].ccode < ccode)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < p->n && p->spells[p->by_ccode[k]].ccode == ccode; k++) {
		const mp_pole_spell *s = &p->spells[p->by_ccode[k]];
		if (year >= s->from_year && year <= s->to_year)
			return s->pole;
	}
	return MP_POLE_NONE;
}

/* qsort_r is not in C17: sort (ccode, from_year, index) keys instead. */
typedef struct spell_key {
	int ccode, from;
	size_t i;
} spell_key;

static int by_key(const void *a, const void *b)
{
	const spell_key *x = a, *y = b;
	if (x->ccode != y->ccode)
		return (x->ccode > y->ccode) - (x->ccode < y->ccode);
	return (x->from > y->from) - (x->from < y->from);
}

static int build_index(mp_poles *p)
{
	spell_key *k = malloc((p->n ? p->n : 1) * sizeof *k);
	p->by_ccode = malloc((p->n ? p->n : 1) * sizeof *p->by_ccode);
	if (!k || !p->by_ccode) {
		free(k);
		return MP_ENOMEM;
	}
	for (size_t i = 0; i < p->n; i++)
		k[i] = (spell_key){ p->spells[i].ccode, p->spells[i].from_year, i };
	qsort(k, p->n, sizeof *k, by_key);
	for (size_t i = 0; i < p->n; i++)
		p->by_ccode[i] = k[i].i;
	free(k);
	return MP_OK;
}

static int parse_int(mp_ctx *ctx, mp_csv *csv, int f, const char *col, int *out)
{
	char *end;
	long v = strtol(csv->fields[f], &end, 10);
	if (!*csv->fields[f] || *end || v < -100000 || v > 100000)
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column '%s': expected a whole number, got \"%s\"",
				    csv->path, csv->record_line, csv->cols[f], col, csv->fields[f]);
	*out = (int)v;
	return MP_OK;
}

static const char *const header[] = { "ccode", "stateabb", "pole", "from_year", "to_year", "rule" };

int mp_poles_load(mp_ctx *ctx, const char *path, mp_poles **out)
{
	char *shipped = NULL;
	mp_csv csv;
	int rc;
	mp_poles *p = NULL;
	if (!path) {
		if ((rc = mp_data_path(ctx, "poles/poles.csv", &shipped)) != MP_OK)
			return rc;
		path = shipped;
	}
	if ((rc = mp_csv_open(ctx, path, &csv)) != MP_OK) {
		free(shipped);
		return rc;
	}
	if (!(p = calloc(1, sizeof *p))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	rc = mp_csv_next(ctx, &csv);
	if (rc == 0)
		rc = mp_error_set(ctx, MP_EINPUT, "%s: empty file (expected header %s)", path,
				  "ccode,stateabb,pole,from_year,to_year,rule");
	if (rc < 0)
		goto done;
	if (csv.nfields < 5) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: expected header ccode,stateabb,pole,from_year,to_year,rule",
				  path);
		goto done;
	}
	for (size_t i = 0; i < 5; i++)
		if (strcasecmp(csv.fields[i], header[i])) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:1:%zu: expected column '%s', got '%s'", path, csv.cols[i],
					  header[i], csv.fields[i]);
			goto done;
		}
	size_t nh = csv.nfields, cap = 0;
	while ((rc = mp_csv_next(ctx, &csv)) == 1) {
		if (csv.nfields != nh) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu: expected %zu fields, got %zu", path, csv.record_line,
					  nh, csv.nfields);
			goto done;
		}
		if (mp_vec_reserve(&p->spells, &cap, p->n + 1, 256)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		mp_pole_spell *s = &p->spells[p->n];
		memset(s, 0, sizeof *s);
		if ((rc = parse_int(ctx, &csv, 0, "ccode", &s->ccode)) != MP_OK ||
		    (rc = parse_int(ctx, &csv, 3, "from_year", &s->from_year)) != MP_OK ||
		    (rc = parse_int(ctx, &csv, 4, "to_year", &s->to_year)) != MP_OK)
			goto done;
		if (s->to_year < s->from_year) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: to_year %d is before from_year %d", path,
					  csv.record_line, csv.cols[4], s->to_year, s->from_year);
			goto done;
		}
		if (strlen(csv.fields[1]) >= sizeof s->stateabb) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:%zu:%zu: column 'stateabb': \"%.40s\" is longer than %zu bytes", path,
					  csv.record_line, csv.cols[1], csv.fields[1], sizeof s->stateabb - 1);
			goto done;
		}
		snprintf(s->stateabb, sizeof s->stateabb, "%s", csv.fields[1]);
		if (nh > 5)
			snprintf(s->rule, sizeof s->rule, "%s", csv.fields[5]);
		const char *name = csv.fields[2];
		if (!*name) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column 'pole': expected a pole name", path,
					  csv.record_line, csv.cols[2]);
			goto done;
		}
		int k = mp_poles_find(p, name);
		if (k == MP_POLE_NONE && strcasecmp(name, "unassigned")) {
			if (p->npoles == MAX_POLES) {
				rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu: more than %d poles", path, csv.record_line,
						  MAX_POLES);
				goto done;
			}
			if (!(p->names[p->npoles] = strdup(name))) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
			k = p->npoles++;
		}
		s->pole = k;
		/* membership is exclusive: no overlapping spells for one state */
		for (size_t j = 0; j < p->n; j++) {
			const mp_pole_spell *o = &p->spells[j];
			if (o->ccode == s->ccode && s->from_year <= o->to_year && o->from_year <= s->to_year) {
				rc = mp_error_set(ctx, MP_EINPUT,
						  "%s:%zu: spell %d-%d of ccode %d overlaps its spell %d-%d", path,
						  csv.record_line, s->from_year, s->to_year, s->ccode, o->from_year,
						  o->to_year);
				goto done;
			}
		}
		p->n++;
	}
	if (rc < 0)
		goto done;
	if ((rc = build_index(p)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "out of memory");
		goto done;
	}
	*out = p;
	p = NULL;
done:
	mp_poles_free(p);
	mp_csv_close(&csv);
	free(shipped);
	return rc;
}
