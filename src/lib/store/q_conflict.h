/* Queries of the conflict mechanism's start state (src/lib/sim/mech_conflict.c): the
 * dyads' last militarised disputes and wars under way up to the start year (their
 * contiguity types come from the world layer's dyads, world/dyads.c). */
#ifndef MP_STORE_Q_CONFLICT_H
#define MP_STORE_Q_CONFLICT_H

#include <stddef.h>

#include "multipolar/store.h"

/* For the actors ccodes[0..n) (n*n row-major, symmetric): last_mid[i*n+j] = the last
 * year <= `year` of a GML MID of the pair, NaN for none (or without the MID data);
 * war[i*n+j] = the years the pair has been at war (COW inter-state war) up to and
 * including `year` if it is at war in `year`, NaN otherwise; rival_carry[i*n+j] = 1 for a
 * Thompson-Dreyer rivalry still active when the rivalry file ends, if `year` is after its
 * end (carried forward: right-censored, not ended), NaN otherwise. */
int mp_store__conflict_history(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *last_mid,
			       double *war, double *rival_carry);

#endif
