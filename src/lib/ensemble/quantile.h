/* Internal: streaming quantile summary of one (year, unit, variable) over runs.
 * Exact up to MP_ENSEMBLE_EXACT observations, extended P-square beyond (ensemble.h). */
#ifndef MP_ENSEMBLE_QUANTILE_H
#define MP_ENSEMBLE_QUANTILE_H

#include <stdint.h>

#include "multipolar/ensemble.h"

#define MP_Q_NMARK 13 /* 2m + 3 markers for m = 5 quantiles (Raatikainen 1987) */

typedef struct mp_qsum {
	double buf[MP_ENSEMBLE_EXACT]; /* the sample, then markers: q[0..13), pos[13..26) */
	double sum;
	uint32_t n;
	int binary; /* 0/1 indicator: only the count of ones is kept (exact quantiles) */
} mp_qsum;

/* The reported probabilities: 0.05, 0.25, 0.5, 0.75, 0.95. */
extern const double mp_q_probs[5];

void mp_qsum_init(mp_qsum *s);
/* For a 0/1 indicator (values other than 0 and 1 are counted as 1): the quantiles of
 * the sample are exact functions of n and the count of ones, so no sample is kept. */
void mp_qsum_init_binary(mp_qsum *s);
/* Adds one observation (NaN is ignored). */
void mp_qsum_add(mp_qsum *s, double x);
/* q[5] and the mean (NaN when empty). Does not modify s. */
void mp_qsum_result(const mp_qsum *s, double q[5], double *mean);

#endif
