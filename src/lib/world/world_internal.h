/* Internal: shared by the files of src/lib/world/. */
#ifndef MP_WORLD_INTERNAL_H
#define MP_WORLD_INTERNAL_H

#include "multipolar/world.h"

/* Sets each actor's pole from `poles` for w->year (aggregate rows keep theirs). */
void mp_world__assign_poles(mp_world *w, const mp_poles *poles);

/* A deep copy of d (MP_ENOMEM without raising an error). */
int mp_world__dyads_clone(const mp_world_dyads *d, mp_world_dyads **out);

#endif
