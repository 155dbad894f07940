/* Internal: the pieces of the age-structure loader (world/ages*.c). */
#ifndef MP_WORLD_AGES_INTERNAL_H
#define MP_WORLD_AGES_INTERNAL_H

#include <stddef.h>

#include "multipolar/world.h"
#include "store/q_demog.h"

/* The UN locations (regions of M49 codes; COW codes come from multipolar/crosswalk.h). */
typedef struct mp_world_xwalk {
	mp_wpp_location *loc;
	size_t nloc;
} mp_world_xwalk;

int mp_world__xwalk_load(mp_ctx *ctx, mp_store *s, mp_world_xwalk *x);
void mp_world__xwalk_free(mp_world_xwalk *x);
/* COW code of an M49 code (0 if none). */
int mp_world__cow_of_m49(const mp_world_xwalk *x, int m49);
/* The WPP locations making up COW state ccode in `year` (ages.c, `composites`). */
int mp_world__members(const mp_world_xwalk *x, int ccode, int year, int *out, int max);
/* The UN region of a location (0 if unknown). */
int mp_world__region_of(const mp_world_xwalk *x, int m49);

/* What the store holds, checked once per world (ages_wpp.c). */
typedef struct mp_world_wpp_cache {
	int checked, has2024, has_pasfr5, has_e0_2024, has_vital;
} mp_world_wpp_cache;
void mp_world__wpp_cache_init(mp_world_wpp_cache *c);
void mp_world__wpp_cache_free(mp_world_wpp_cache *c);
/* The record of one WPP location at `year` (ages_wpp.c); MP_ENOTFOUND without its age
 * data. */
int mp_world__wpp_location(mp_ctx *ctx, mp_store *s, mp_world_wpp_cache *c, int code, int year, mp_actor_demog *out);

#endif
