/* Score kernels of the evaluation (eval.h; formulas and sources in docs/evaluate.md). */
#include "multipolar/eval.h"

#include <math.h>
#include <stdlib.h>

#include "multipolar/stats.h"

double mp_eval_crps(const double *x, size_t m, double y)
{
	/* Gneiting & Raftery (2007), eq. 20: CRPS(F, y) = E|X - y| - E|X - X'| / 2 with F the
	   empirical distribution of the members; sum_i sum_j |x_i - x_j| = 2 sum_i (2i - m - 1)
	   x_(i) for 1-based order statistics. */
	if (m == 0)
		return MP_NA;
	double a = 0, b = 0;
	for (size_t i = 0; i < m; i++) {
		a += fabs(x[i] - y);
		b += (2.0 * (double)(i + 1) - (double)m - 1.0) * x[i];
	}
	double dm = (double)m;
	return a / dm - b / (dm * dm);
}

int mp_eval_covered(const double *x, size_t m, double y, double level)
{
	double lo = mp_quantile_sorted(x, m, 0.5 - level / 2), hi = mp_quantile_sorted(x, m, 0.5 + level / 2);
	return lo <= y && y <= hi;
}

void mp_eval_pit(const double *x, size_t m, double y, double bins[MP_EVAL_PIT_BINS])
{
	/* a = #{x < y}, b = #{x <= y} by binary search on the sorted members. */
	size_t lo = 0, hi = m;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x[mid] < y)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t a = lo;
	hi = m;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x[mid] <= y)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t b = lo;
	/* Czado, Gneiting & Held (2009): the case's PIT is uniform on [u0, u1]; each bin gets
	   the overlap of [u0, u1] with it, divided by the width. */
	double u0 = (double)a / (double)(m + 1), u1 = (double)(b + 1) / (double)(m + 1), w = u1 - u0;
	for (int k = 0; k < MP_EVAL_PIT_BINS; k++) {
		double l = (double)k / MP_EVAL_PIT_BINS, r = (double)(k + 1) / MP_EVAL_PIT_BINS;
		double ov = fmin(r, u1) - fmax(l, u0);
		if (ov > 0)
			bins[k] += ov / w;
	}
}

double mp_eval_brier(double p, int y)
{
	double e = p - (y ? 1.0 : 0.0);
	return e * e;
}

double mp_eval_log_score(double p, int y)
{
	if (p < MP_EVAL_LOG_EPS)
		p = MP_EVAL_LOG_EPS;
	if (p > 1 - MP_EVAL_LOG_EPS)
		p = 1 - MP_EVAL_LOG_EPS;
	return -log(y ? p : 1.0 - p);
}

typedef struct {
	double p;
	unsigned char y;
} scored;

static int cmp_scored(const void *a, const void *b)
{
	const scored *x = a, *y = b;
	return (x->p > y->p) - (x->p < y->p);
}

int mp_eval_auc(mp_ctx *ctx, const double *p, const unsigned char *y, size_t n, double *auc)
{
	*auc = MP_NA;
	scored *v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return mp_error_set(ctx, MP_ENOMEM, "scores.c: auc: out of memory");
	size_t n1 = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = (scored){ p[i], y[i] ? 1 : 0 };
		n1 += v[i].y;
	}
	size_t n0 = n - n1;
	if (n1 > 0 && n0 > 0) {
		qsort(v, n, sizeof *v, cmp_scored);
		/* Mid-ranks: a run of ties at 1-based positions i+1..j gets (i + 1 + j) / 2. */
		double r1 = 0;
		for (size_t i = 0; i < n;) {
			size_t j = i;
			while (j < n && v[j].p == v[i].p)
				j++;
			double mid = 0.5 * ((double)(i + 1) + (double)j);
			for (size_t k = i; k < j; k++)
				if (v[k].y)
					r1 += mid;
			i = j;
		}
		*auc = (r1 - 0.5 * (double)n1 * ((double)n1 + 1)) / ((double)n1 * (double)n0);
	}
	free(v);
	return MP_OK;
}
