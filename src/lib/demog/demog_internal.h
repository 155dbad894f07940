/* Internal helpers shared by the files of src/lib/demog/. */
#ifndef MP_DEMOG_INTERNAL_H
#define MP_DEMOG_INTERNAL_H

#include "multipolar/demog.h"

/* Cubic Hermite slopes m[0..n) for knots (x, y) (interp.c): monotone = 1 gives Fritsch &
 * Carlson's (1980) monotone slopes. */
void mp_demog__hermite_slopes(const double *x, const double *y, int n, int monotone, double *m);
/* The Hermite curve at xq (x[0] <= xq <= x[n-1]). */
double mp_demog__hermite_eval(const double *x, const double *y, const double *m, int n, double xq);

#endif
