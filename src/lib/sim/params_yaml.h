/* Internal: the parameter mapping of scenario and parameter files (params.c). */
#ifndef MP_SIM_PARAMS_YAML_H
#define MP_SIM_PARAMS_YAML_H

#include "multipolar/sim.h"
#include "util/yaml.h"

/* Applies a mapping of parameter: value onto p (errors name file, line, key). */
int mp_sim__params_apply(mp_ctx *ctx, const char *file, mp_yaml *y, int map, mp_sim_params *p);

#endif
