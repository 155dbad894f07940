/* Internal: shared by the files of src/lib/world/. */
#ifndef MP_WORLD_INTERNAL_H
#define MP_WORLD_INTERNAL_H

#include "multipolar/world.h"

/* Sets each actor's pole from `poles` for w->year (aggregate rows keep theirs). */
void mp_world__assign_poles(mp_world *w, const mp_poles *poles);

#endif
