/* Dyadic conflict events by undirected dyad-year and the one peace-years rule
 * (multipolar/world.h "panels"; docs/panels.md "Conflict" and "Peace years"). */
#include <stdlib.h>
#include <string.h>

#include "multipolar/world.h"
#include "store/q_panels.h"
#include "util/vec.h"

void mp_world_events_free(mp_world_events *e)
{
	if (!e)
		return;
	free(e->v);
	free(e);
}

static int cmp_event(const void *a, const void *b)
{
	const mp_world_event *x = a, *y = b;
	if (x->ccode1 != y->ccode1)
		return x->ccode1 - y->ccode1;
	if (x->ccode2 != y->ccode2)
		return x->ccode2 - y->ccode2;
	return x->year - y->year;
}

static int push(mp_world_events *e, size_t *cap, int a, int b, int year, int onset)
{
	if (a == b || a <= 0 || b <= 0 || a > 32000 || b > 32000)
		return MP_OK;
	if (mp_vec_reserve(&e->v, cap, e->n + 1, 1024))
		return MP_ENOMEM;
	mp_world_event *x = &e->v[e->n++];
	x->year = year;
	x->ccode1 = (short)(a < b ? a : b);
	x->ccode2 = (short)(a < b ? b : a);
	x->onset = (unsigned char)(onset != 0);
	return MP_OK;
}

/* Sorts and merges rows of the same pair-year (an onset in any of them counts). */
static void merge(mp_world_events *e)
{
	if (!e->n)
		return;
	qsort(e->v, e->n, sizeof *e->v, cmp_event);
	size_t w = 0;
	for (size_t i = 1; i < e->n; i++) {
		if (!cmp_event(&e->v[w], &e->v[i]))
			e->v[w].onset |= e->v[i].onset;
		else
			e->v[++w] = e->v[i];
	}
	e->n = w + 1;
	e->first = e->last = e->v[0].year;
	for (size_t i = 0; i < e->n; i++) {
		if (e->v[i].year < e->first)
			e->first = e->v[i].year;
		if (e->v[i].year > e->last)
			e->last = e->v[i].year;
	}
}

static int cmp_part(const void *a, const void *b)
{
	const mp_store_participant_row *x = a, *y = b;
	return x->event != y->event ? (x->event > y->event) - (x->event < y->event) : x->ccode - y->ccode;
}

/* Dyad-years from participants: two participants of one dispute (war) on opposite sides
 * are in conflict in the years both took part; the first such year is the pair's onset. */
static int from_participants(mp_store_participant_row *p, size_t n, mp_world_events *e)
{
	size_t cap = 0;
	qsort(p, n, sizeof *p, cmp_part);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && p[j].event == p[i].event)
			j++;
		for (size_t a = i; a < j; a++)
			for (size_t b = a + 1; b < j; b++) {
				if (p[a].side == p[b].side || p[a].ccode == p[b].ccode || !p[a].styear || !p[b].styear)
					continue;
				int ea = p[a].endyear ? p[a].endyear : p[a].styear;
				int eb = p[b].endyear ? p[b].endyear : p[b].styear;
				int from = p[a].styear > p[b].styear ? p[a].styear : p[b].styear;
				int to = ea < eb ? ea : eb;
				for (int y = from; y <= to; y++)
					if (push(e, &cap, p[a].ccode, p[b].ccode, y, y == from) != MP_OK)
						return MP_ENOMEM;
			}
		i = j;
	}
	return MP_OK;
}

int mp_world_events_load(mp_ctx *ctx, mp_store *s, int kind, mp_world_events **out)
{
	*out = NULL;
	mp_world_events *e = calloc(1, sizeof *e);
	if (!e)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	const char *dyadic = kind == MP_WORLD_EV_WAR ? "war_inter" : "mid_dyad";
	const char *part = kind == MP_WORLD_EV_WAR ? "war_part" : "mid_part";
	int rc = MP_OK;
	if (mp_store_has(s, dyadic)) {
		mp_store_event_row *r = NULL;
		size_t n = 0, cap = 0;
		rc = mp_store__panel_events(ctx, s, dyadic, &r, &n);
		for (size_t i = 0; rc == MP_OK && i < n; i++)
			if (push(e, &cap, r[i].ccode1, r[i].ccode2, r[i].year, r[i].onset) != MP_OK)
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		free(r);
		snprintf(e->source, sizeof e->source, "%s", dyadic);
	} else if (mp_store_has(s, part)) {
		mp_store_participant_row *p = NULL;
		size_t n = 0;
		rc = mp_store__panel_participants(ctx, s, part, &p, &n);
		if (rc == MP_OK && from_participants(p, n, e) != MP_OK)
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		free(p);
		snprintf(e->source, sizeof e->source, "%s", part);
	}
	if (rc != MP_OK) {
		mp_world_events_free(e);
		return rc;
	}
	merge(e);
	/* coverage: the dataset's own years where it records them */
	mp_dataset_info d;
	if (e->source[0] && mp_store_dataset_pick(NULL, s, e->source, NULL, &d) == MP_OK && d.year_min && d.year_max) {
		e->first = d.year_min;
		e->last = d.year_max;
	}
	*out = e;
	return MP_OK;
}

/* Index of the first row of the pair at or after `year`. */
static size_t lower(const mp_world_events *e, int a, int b, int year)
{
	mp_world_event k = { year, (short)(a < b ? a : b), (short)(a < b ? b : a), 0 };
	size_t lo = 0, hi = e->n;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (cmp_event(&e->v[m], &k) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

int mp_world_event_at(const mp_world_events *e, int ccode1, int ccode2, int year)
{
	if (!e || !e->source[0] || year < e->first || year > e->last)
		return -1;
	size_t i = lower(e, ccode1, ccode2, year);
	short a = (short)(ccode1 < ccode2 ? ccode1 : ccode2), b = (short)(ccode1 < ccode2 ? ccode2 : ccode1);
	if (i < e->n && e->v[i].ccode1 == a && e->v[i].ccode2 == b && e->v[i].year == year)
		return e->v[i].onset ? 3 : 1;
	return 0;
}

int mp_world_event_last_onset(const mp_world_events *e, int ccode1, int ccode2, int year)
{
	if (!e || !e->n)
		return 0;
	size_t i = lower(e, ccode1, ccode2, year);
	short a = (short)(ccode1 < ccode2 ? ccode1 : ccode2), b = (short)(ccode1 < ccode2 ? ccode2 : ccode1);
	while (i > 0) {
		const mp_world_event *x = &e->v[--i];
		if (x->ccode1 != a || x->ccode2 != b)
			break;
		if (x->onset)
			return x->year;
	}
	return 0;
}

int mp_world_peace_years(int year, int since, int last_onset)
{
	int start = since;
	if (last_onset && last_onset + 1 > start)
		start = last_onset + 1;
	return year >= start ? year - start : 0;
}
