/* Internal helpers shared by the bargaining files (not public API). */
#ifndef MP_BARGAIN_INTERNAL_H
#define MP_BARGAIN_INTERNAL_H

#include "multipolar/bargain.h"

char *mp_bargain__strdup(const char *s);
int mp_bargain__input_alloc(mp_ctx *ctx, size_t n, size_t m, mp_bargain_input **out);
int mp_bargain__slurp(mp_ctx *ctx, const char *path, char **buf, size_t *len);

#endif
