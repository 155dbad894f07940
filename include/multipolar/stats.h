/*
 * multipolar: sort and quantile helpers shared by the library and its clients.
 */
#ifndef MULTIPOLAR_STATS_H
#define MULTIPOLAR_STATS_H

#include "multipolar/export.h"

#include <stddef.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* qsort comparator of doubles, ascending: (a > b) - (a < b). NaN compares equal to
 * everything, so remove NaN first when the order of a sample with NaN matters. */
MP_EXTERN int mp_cmp_double(const void *a, const void *b);
/* Sorts v[0..n) ascending with mp_cmp_double. */
MP_EXTERN void mp_sort_doubles(double *v, size_t n);
/* Quantile p in [0, 1] of the sorted sample v[0..n) (NaN when n == 0) by linear interpolation
 * between order statistics: Hyndman & Fan (1996, The American Statistician 50(4):361-365)
 * type 7, R's default: h = (n - 1) p, Q = v[floor h] + (h - floor h)(v[floor h + 1] - v[floor h]). */
MP_EXTERN double mp_quantile_sorted(const double *v, size_t n, double p);
/* Median of the sorted sample v[0..n), n > 0: the middle value, or the mean of the two
 * middle values (type 7 at p = 0.5 up to rounding: this is the textbook formula). */
MP_EXTERN double mp_median_sorted(const double *v, size_t n);

#ifdef __cplusplus
}
#endif
#endif
