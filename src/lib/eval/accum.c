/* Scores by group: every case adds to the groups it belongs to (an origin or the pool
 * of origins, a horizon, a variable, a unit or "all", a method); a group becomes score
 * rows as the mean over its cases (mae, crps, coverage, PIT, Brier, log score), the root
 * mean square (rmse), the Mann-Whitney AUC of its probability cases, and ten reliability
 * bins (Murphy & Winkler 1977) of its probabilities. docs/evaluate.md, "Scores". */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#define SRC "accum.c"

const char *const ev_metric_names[EV_NMETRICS] = {
	"mae",   "rmse",  "crps",  "coverage50", "coverage90", "pit01", "pit02", "pit03",     "pit04",
	"pit05", "pit06", "pit07", "pit08",      "pit09",      "pit10", "brier", "log_score", "auc",
};

static uint64_t mix(uint64_t k)
{
	/* SplitMix64 finaliser (Steele, Lea & Flood 2014) as the hash */
	k ^= k >> 30;
	k *= 0xbf58476d1ce4e5b9ULL;
	k ^= k >> 27;
	k *= 0x94d049bb133111ebULL;
	return k ^ (k >> 31);
}

static int rehash(ev_accset *a, size_t nslot)
{
	size_t *s = calloc(nslot, sizeof *s);
	if (!s)
		return MP_ENOMEM;
	for (size_t i = 0; i < a->n; i++) {
		size_t j = mix(a->v[i].key) & (nslot - 1);
		while (s[j])
			j = (j + 1) & (nslot - 1);
		s[j] = i + 1;
	}
	free(a->slot);
	a->slot = s;
	a->nslot = nslot;
	return MP_OK;
}

/* Index of the group `key`, created when new; (size_t)-1 on allocation failure. */
static size_t group(ev_accset *a, uint64_t key)
{
	if (2 * (a->n + 1) > a->nslot && rehash(a, a->nslot ? 2 * a->nslot : 4096) != MP_OK)
		return (size_t)-1;
	size_t j = mix(key) & (a->nslot - 1);
	while (a->slot[j]) {
		if (a->v[a->slot[j] - 1].key == key)
			return a->slot[j] - 1;
		j = (j + 1) & (a->nslot - 1);
	}
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 1024;
		ev_acc *v = realloc(a->v, cap * sizeof *v);
		if (!v)
			return (size_t)-1;
		a->v = v;
		a->cap = cap;
	}
	memset(&a->v[a->n], 0, sizeof a->v[a->n]);
	a->v[a->n].key = key;
	a->slot[j] = a->n + 1;
	return a->n++;
}

int ev_acc_add(mp_ctx *ctx, ev_accset *a, uint64_t key, const ev_case *c)
{
	size_t i = group(a, key);
	if (i == (size_t)-1)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	ev_acc *g = &a->v[i];
	if (c->kind == EV_POINT || c->kind == EV_ENS) {
		g->n_pt++;
		g->s_ae += c->ae;
		g->s_se += c->ae * c->ae;
	}
	if (c->kind == EV_ENS) {
		g->n_ens++;
		g->s_crps += c->crps;
		g->s50 += c->in50;
		g->s90 += c->in90;
		for (int k = 0; k < MP_EVAL_PIT_BINS; k++)
			g->pit[k] += c->pit[k];
	}
	if (c->kind == EV_PROB) {
		if ((size_t)g->n_pr == g->cap) {
			size_t cap = g->cap ? 2 * g->cap : 16;
			double *pp = realloc(g->pp, cap * sizeof *pp);
			if (!pp)
				return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
			g->pp = pp;
			unsigned char *py = realloc(g->py, cap);
			if (!py)
				return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
			g->py = py;
			g->cap = cap;
		}
		g->pp[g->n_pr] = c->p;
		g->py[g->n_pr] = (unsigned char)(c->y != 0);
		g->n_pr++;
		g->s_brier += mp_eval_brier(c->p, c->y);
		g->s_log += mp_eval_log_score(c->p, c->y);
		int b = (int)(c->p * MP_EVAL_PIT_BINS);
		b = b < 0 ? 0 : b >= MP_EVAL_PIT_BINS ? MP_EVAL_PIT_BINS - 1 : b;
		g->rel_n[b] += 1;
		g->rel_p[b] += c->p;
		g->rel_y[b] += c->y != 0;
	}
	return MP_OK;
}

void ev_accset_free(ev_accset *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].pp);
		free(a->v[i].py);
	}
	free(a->v);
	free(a->slot);
	memset(a, 0, sizeof *a);
}

static int row(mp_eval_result *r, uint64_t key, int metric, double value, int64_t n)
{
	if (r->nrows == r->caprows) {
		size_t cap = r->caprows ? 2 * r->caprows : 65536;
		ev_row *v = realloc(r->rows, cap * sizeof *v);
		if (!v)
			return MP_ENOMEM;
		r->rows = v;
		r->caprows = cap;
	}
	r->rows[r->nrows++] = (ev_row){ key, metric, value, n };
	return MP_OK;
}

static int rel(mp_eval_result *r, uint64_t key, int bin, int64_t n, double mean_p, double freq)
{
	if (r->nrel == r->caprel) {
		size_t cap = r->caprel ? 2 * r->caprel : 1024;
		ev_rel *v = realloc(r->rel, cap * sizeof *v);
		if (!v)
			return MP_ENOMEM;
		r->rel = v;
		r->caprel = cap;
	}
	r->rel[r->nrel++] = (ev_rel){ key, bin, n, mean_p, freq };
	return MP_OK;
}

static int cmp_acc(const void *a, const void *b)
{
	uint64_t x = ((const ev_acc *)a)->key, y = ((const ev_acc *)b)->key;
	return (x > y) - (x < y);
}

int ev_acc_flush(mp_ctx *ctx, ev_accset *a, mp_eval_result *r)
{
	/* groups in key order, so the rows come out ordered by origin, horizon, variable,
	   unit, method (the hash is rebuilt on the next use) */
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, cmp_acc);
	int rc = MP_OK;
	for (size_t i = 0; i < a->n && rc == MP_OK; i++) {
		const ev_acc *g = &a->v[i];
		const int all = ev_key_unit(g->key) == EV_UNIT_ALL;
		if (g->n_pt) {
			double n = (double)g->n_pt;
			rc |= row(r, g->key, EV_MAE, g->s_ae / n, g->n_pt);
			rc |= row(r, g->key, EV_RMSE, sqrt(g->s_se / n), g->n_pt);
		}
		if (g->n_ens) {
			double n = (double)g->n_ens;
			rc |= row(r, g->key, EV_CRPS, g->s_crps / n, g->n_ens);
			rc |= row(r, g->key, EV_COV50, g->s50 / n, g->n_ens);
			rc |= row(r, g->key, EV_COV90, g->s90 / n, g->n_ens);
			for (int k = 0; all && k < MP_EVAL_PIT_BINS; k++)
				rc |= row(r, g->key, EV_PIT01 + k, g->pit[k] / n, g->n_ens);
		}
		if (g->n_pr) {
			double n = (double)g->n_pr, auc;
			rc |= row(r, g->key, EV_BRIER, g->s_brier / n, g->n_pr);
			rc |= row(r, g->key, EV_LOG, g->s_log / n, g->n_pr);
			if (mp_eval_auc(ctx, g->pp, g->py, (size_t)g->n_pr, &auc) != MP_OK)
				return MP_ENOMEM;
			if (isfinite(auc))
				rc |= row(r, g->key, EV_AUC, auc, g->n_pr);
			for (int b = 0; all && b < MP_EVAL_PIT_BINS; b++)
				if (g->rel_n[b] > 0)
					rc |= rel(r, g->key, b + 1, (int64_t)g->rel_n[b], g->rel_p[b] / g->rel_n[b],
						  g->rel_y[b] / g->rel_n[b]);
		}
	}
	if (rc != MP_OK)
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].pp);
		free(a->v[i].py);
	}
	a->n = 0;
	free(a->slot);
	a->slot = NULL;
	a->nslot = 0;
	return rc;
}
