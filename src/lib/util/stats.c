/* Sort and quantile helpers (multipolar/stats.h). */
#include "multipolar/stats.h"

#include <math.h>
#include <stdlib.h>

int mp_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void mp_sort_doubles(double *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, mp_cmp_double);
}

/* Hyndman & Fan (1996) type 7. */
double mp_quantile_sorted(const double *v, size_t n, double p)
{
	if (n == 0)
		return NAN;
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)floor(h);
	if (lo >= n - 1)
		return v[n - 1];
	double f = h - (double)lo;
	/* an order statistic itself when h is whole (no arithmetic with an infinite neighbour) */
	return f == 0 ? v[lo] : v[lo] + f * (v[lo + 1] - v[lo]);
}

double mp_median_sorted(const double *v, size_t n)
{
	return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
