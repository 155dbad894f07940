/* Internal: the parameter mapping of scenario and parameter files (params.c). */
#ifndef MP_SIM_PARAMS_YAML_H
#define MP_SIM_PARAMS_YAML_H

#include "multipolar/sim.h"
#include "util/yaml.h"

/* Applies a mapping of parameter: value onto p (errors name file, line, key). */
int mp_sim__params_apply(mp_ctx *ctx, const char *file, mp_yaml *y, int map, mp_sim_params *p);
/* The same, skipping a `units:` key (a parameter file's per-country rows, read by
 * mp_sim_units_load) when skip_units is set. */
int mp_sim__params_apply_file(mp_ctx *ctx, const char *file, mp_yaml *y, int map, int skip_units, mp_sim_params *p);
/* Adds the rows of a `units:` mapping (COW code: {key: value}) to u (params_units.c). */
int mp_sim__units_apply(mp_ctx *ctx, const char *file, mp_yaml *y, int map, mp_sim_unit_params *u);

#endif
