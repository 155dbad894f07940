/* Internal helpers shared by the bargaining files (not public API). */
#ifndef MP_BARGAIN_INTERNAL_H
#define MP_BARGAIN_INTERNAL_H

#include "multipolar/bargain.h"

char *mp_bargain__strdup(const char *s);
int mp_bargain__input_alloc(mp_ctx *ctx, size_t n, size_t m, mp_bargain_input **out);
int mp_bargain__slurp(mp_ctx *ctx, const char *path, char **buf, size_t *len);

/* Test hook: the probability table P[i*n+j] = P(x_i beats x_j) of one EU phase, computed
 * the way the model does (prefix sums when every exponent is 1 or votes are raw, else the
 * vote table), with voter exponents r (NULL: all 1). */
int mp_bargain__eu_prob_table(mp_ctx *ctx, size_t n, const double *x, const double *c, const double *s,
			      const double *r, const mp_bargain_eu_options *opt, double *P);

#endif
