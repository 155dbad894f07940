/* Typed queries that fill an mp_world from the store (used by src/lib/world). */
#ifndef MP_STORE_Q_WORLD_H
#define MP_STORE_Q_WORLD_H

#include "multipolar/world.h"

/* NMC rows of `year` of dataset dsid into w (allocates w->actors, sorted by ccode). */
int mp_store__world_nmc(mp_ctx *ctx, mp_store *s, int64_t dsid, int year, mp_world *w);
/* Attributes joined when their dataset is imported: names (states), majors, Maddison
 * GDP (via the crosswalk), UNGA ideal points, capitals. Missing datasets are skipped. */
int mp_store__world_join(mp_ctx *ctx, mp_store *s, mp_world *w, unsigned attrs);
/* First and last NMC year of dataset dsid. */
int mp_store__nmc_years(mp_ctx *ctx, mp_store *s, int64_t dsid, int *first, int *last);

#endif
