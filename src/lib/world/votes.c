/* UN General Assembly roll-call votes of one year as a states x roll-calls matrix, and the
 * capitals of a year (multipolar/world.h "panels"; docs/panels.md "Roll-call votes"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/crosswalk.h"
#include "multipolar/world.h"
#include "store/q_panels.h"
#include "store/q_world.h"

void mp_world_votes_free(mp_world_votes *v)
{
	if (!v)
		return;
	free(v->ccode);
	free(v->rcid);
	free(v->issues);
	free(v->important);
	free(v->vote);
	free(v);
}

int mp_world_votes_find(const mp_world_votes *v, int ccode)
{
	size_t lo = 0, hi = v ? v->nstates : 0;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (v->ccode[m] < ccode)
			lo = m + 1;
		else
			hi = m;
	}
	return v && lo < v->nstates && v->ccode[lo] == ccode ? (int)lo : -1;
}

static int find_call(const mp_world_votes *v, int rcid)
{
	size_t lo = 0, hi = v->ncalls;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (v->rcid[m] < rcid)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < v->ncalls && v->rcid[lo] == rcid ? (int)lo : -1;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int mp_world_votes_load(mp_ctx *ctx, mp_store *s, int year, mp_world_votes **out)
{
	*out = NULL;
	mp_store_vote_row *r = NULL;
	mp_store_rollcall_row *c = NULL;
	size_t nr = 0, nc = 0;
	int *cc = NULL;
	mp_world_votes *v = NULL;
	int rc = mp_store__panel_votes(ctx, s, year, &r, &nr);
	if (rc == MP_OK)
		rc = mp_store__panel_rollcalls(ctx, s, year, &c, &nc);
	if (rc != MP_OK)
		goto done;
	rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	v = calloc(1, sizeof *v);
	cc = malloc((nr + 1) * sizeof *cc);
	if (!v || !cc)
		goto done;
	v->year = year;
	/* voters: the COW state of each ISO2 code (or name); cc[i] is row i's, 0 none */
	size_t k = 0;
	for (size_t i = 0; i < nr; i++) {
		cc[i] = mp_country_state_of_iso2(r[i].iso2, r[i].name);
		if (cc[i] <= 0)
			v->unmatched++;
	}
	int *uniq = malloc((nr + 1) * sizeof *uniq);
	if (!uniq)
		goto done;
	for (size_t i = 0; i < nr; i++)
		if (cc[i] > 0)
			uniq[k++] = cc[i];
	qsort(uniq, k, sizeof *uniq, cmp_int);
	size_t ns = 0;
	for (size_t i = 0; i < k; i++)
		if (!ns || uniq[ns - 1] != uniq[i])
			uniq[ns++] = uniq[i];
	v->nstates = ns;
	v->ncalls = nc;
	v->ccode = malloc((ns + 1) * sizeof *v->ccode);
	v->rcid = malloc((nc + 1) * sizeof *v->rcid);
	v->issues = malloc(nc + 1);
	v->important = malloc(nc + 1);
	v->vote = calloc(ns * nc + 1, 1);
	if (!v->ccode || !v->rcid || !v->issues || !v->important || !v->vote) {
		free(uniq);
		goto done;
	}
	memcpy(v->ccode, uniq, ns * sizeof *uniq);
	free(uniq);
	for (size_t j = 0; j < nc; j++) {
		v->rcid[j] = c[j].rcid;
		v->issues[j] = (unsigned char)c[j].issues;
		v->important[j] = (unsigned char)c[j].important;
	}
	for (size_t i = 0; i < nr; i++) {
		if (cc[i] <= 0)
			continue;
		int si = mp_world_votes_find(v, cc[i]), cj = find_call(v, r[i].rcid);
		if (si >= 0 && cj >= 0)
			v->vote[(size_t)si * nc + (size_t)cj] = (unsigned char)r[i].vote;
	}
	*out = v;
	v = NULL;
	rc = MP_OK;
done:
	mp_world_votes_free(v);
	free(cc);
	free(r);
	free(c);
	return rc;
}

int mp_world_votes_years(mp_ctx *ctx, mp_store *s, int *first, int *last)
{
	int rc = mp_store__panel_vote_years(ctx, s, first, last);
	if (rc == MP_OK && !*first)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "UN roll-call votes are not imported: run 'multipolar import' "
				    "with unvotes/un_votes.csv, un_roll_calls.csv and un_roll_call_issues.csv");
	return rc;
}

int mp_world_vote_issue(const char *name)
{
	static const char *const fam[6] = { "me", "nu", "di", "hr", "co", "ec" };
	if (!name || !strcmp(name, "all"))
		return 0;
	for (int k = 0; k < 6; k++)
		if (!strcmp(name, fam[k]))
			return 1 << k;
	return -1;
}

int mp_world_capitals(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *lat, double *lng)
{
	for (size_t i = 0; i < n; i++)
		lat[i] = lng[i] = MP_NA;
	mp_store_attr_row *r = NULL;
	size_t nr = 0;
	int rc = mp_store__year_attr(ctx, s, MP_STORE_ATTR_CAPITALS, year, &r, &nr);
	/* rows in order of start date: the last spell in force wins */
	for (size_t k = 0; rc == MP_OK && k < nr; k++)
		for (size_t i = 0; i < n; i++)
			if (ccodes[i] == r[k].ccode && isfinite(r[k].v[0])) {
				lat[i] = r[k].v[0];
				lng[i] = r[k].v[1];
			}
	free(r);
	return rc;
}
