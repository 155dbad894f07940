/* Internal: the lever part of scenario files (scenario_levers.c), used by scenario.c. */
#ifndef MP_SIM_SCENARIO_INTERNAL_H
#define MP_SIM_SCENARIO_INTERNAL_H

#include "multipolar/sim.h"
#include "util/yaml.h"

/* Parses one lever (is_shock 0, from `levers:`) or shock (1) mapping of `file` (the
 * scenario's files[file_index]) and appends it to sc->levers. Errors name the file, line,
 * column and key (MP_EINPUT). */
int mp_sim__lever_parse(mp_ctx *ctx, const char *file, int file_index, mp_yaml *y, int id, int is_shock,
			mp_scenario *sc);
/* The YAML name of a lever kind ("sanctions"). */
const char *mp_sim__lever_type_name(mp_lever_kind kind);

#endif
