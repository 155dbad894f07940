/* Internal: shared by the files of src/lib/world/. */
#ifndef MP_WORLD_INTERNAL_H
#define MP_WORLD_INTERNAL_H

#include "multipolar/world.h"
#include "store/q_calib.h"

/* Sets each actor's pole from `poles` for w->year (aggregate rows keep theirs). */
void mp_world__assign_poles(mp_world *w, const mp_poles *poles);

/* A deep copy of d (MP_ENOMEM without raising an error). */
int mp_world__dyads_clone(const mp_world_dyads *d, mp_world_dyads **out);

/* Sets i[0] of Maddison or PWT rows (txt = "ISO" or "ISO|...") to the COW state whose
 * territory the country's series follows (mp_country_series_of_iso3: 0 when none); with
 * drop_aggregates the rows of dissolved states' aggregates (SUN, CSK, YUG) are removed. */
void mp_world__series_codes(mp_store_calib_rows *rows, int drop_aggregates);

#endif
