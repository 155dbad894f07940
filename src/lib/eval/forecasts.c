/* The forecasts of one origin (every method, variable, unit and target year) and their
 * CSV form for --forecasts: origin,year,variable,unit,method,stat,value, where stat is
 * `point` (point forecasts), `p` (probabilities) or q05, q25, q50, q75, q95 and mean
 * (ensembles). Values are written in the shortest form that reads back exactly, so two
 * runs agree byte for byte exactly when their forecasts do. */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>
#include "multipolar/stats.h"

double *ev_fc_add(ev_fcset *f, int var, int year, int unit, int method, int kind, int joint, const double *x, size_t m)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 1024;
		ev_fc *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return NULL;
		f->v = v;
		f->cap = cap;
	}
	if (f->nbuf + m > f->capbuf) {
		size_t cap = f->capbuf ? 2 * f->capbuf : 65536;
		while (cap < f->nbuf + m)
			cap *= 2;
		double *b = realloc(f->buf, cap * sizeof *b);
		if (!b)
			return NULL;
		f->buf = b;
		f->capbuf = cap;
	}
	f->v[f->n++] = (ev_fc){ var, method, kind, joint, year, unit, f->nbuf, m };
	double *out = f->buf + f->nbuf;
	if (x)
		memcpy(out, x, m * sizeof *out);
	f->nbuf += m;
	return out;
}

static int cmp_fc(const void *a, const void *b)
{
	const ev_fc *x = a, *y = b;
	if (x->var != y->var)
		return x->var < y->var ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return (x->method > y->method) - (x->method < y->method);
}

void ev_fc_index(ev_fcset *f)
{
	if (f->n)
		qsort(f->v, f->n, sizeof *f->v, cmp_fc);
}

const ev_fc *ev_fc_find(const ev_fcset *f, int var, int year, int unit, int method)
{
	ev_fc key = { var, method, 0, 0, year, unit, 0, 0 };
	if (!f->n)
		return NULL;
	return bsearch(&key, f->v, f->n, sizeof *f->v, cmp_fc);
}

void ev_fcset_clear(ev_fcset *f)
{
	f->n = 0;
	f->nbuf = 0;
}

void ev_fcset_free(ev_fcset *f)
{
	free(f->v);
	free(f->buf);
	memset(f, 0, sizeof *f);
}

const char *ev_unit_name(const mp_eval_result *r, int unit, char *buf, size_t size)
{
	if (unit == EV_UNIT_ALL)
		snprintf(buf, size, "all");
	else if (unit >= EV_POLE0)
		snprintf(buf, size, "%s", r->poles[unit - EV_POLE0]);
	else if (r->abb[unit][0])
		snprintf(buf, size, "%s", r->abb[unit]);
	else
		snprintf(buf, size, "%d", unit);
	return buf;
}

static void put(FILE *out, int origin, int year, const char *var, const char *unit, const char *method,
		const char *stat, double v)
{
	char num[32];
	mp_format_real(num, sizeof num, v);
	fprintf(out, "%d,%d,%s,%s,%s,%s,%s\n", origin, year, var, unit, method, stat, num);
}

int ev_write_forecasts(mp_ctx *ctx, const mp_eval_result *r, const ev_origin *og, const ev_fcset *f, FILE *out)
{
	static const char *const qn[5] = { "q05", "q25", "q50", "q75", "q95" };
	static const double qp[5] = { 0.05, 0.25, 0.5, 0.75, 0.95 };
	size_t cap = 0;
	double *tmp = NULL;
	char unit[48];
	for (size_t k = 0; k < f->n; k++) {
		const ev_fc *fc = &f->v[k];
		const double *x = f->buf + fc->off;
		const char *var = mp_eval_var_name((mp_eval_var)fc->var), *method = r->methods[fc->method];
		ev_unit_name(r, fc->unit, unit, sizeof unit);
		if (fc->kind != EV_ENS) {
			put(out, og->year, fc->year, var, unit, method, fc->kind == EV_PROB ? "p" : "point", x[0]);
			continue;
		}
		if (fc->m > cap) {
			double *t = realloc(tmp, fc->m * sizeof *t);
			if (!t) {
				free(tmp);
				return mp_error_set(ctx, MP_ENOMEM, "forecasts.c: out of memory");
			}
			tmp = t;
			cap = fc->m;
		}
		memcpy(tmp, x, fc->m * sizeof *tmp);
		mp_sort_doubles(tmp, fc->m);
		double mean = 0;
		for (size_t j = 0; j < fc->m; j++)
			mean += x[j];
		for (int q = 0; q < 5; q++)
			put(out, og->year, fc->year, var, unit, method, qn[q], mp_quantile_sorted(tmp, fc->m, qp[q]));
		put(out, og->year, fc->year, var, unit, method, "mean", mean / (double)fc->m);
	}
	free(tmp);
	return ferror(out) ? mp_error_set(ctx, MP_EIO, "cannot write the forecasts") : MP_OK;
}
