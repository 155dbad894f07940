/* Per-country parameters in a parameter file (docs/calibration.md, "Parameter files"): the
 * `units:` mapping that `multipolar calibrate` writes beside the flat keys, keyed by COW
 * code, each a mapping of key: value,
 *
 *   economy.tfp_speed: 0.0675
 *   units:
 *     2:
 *       economy.tfp_gap: 0
 *     710:
 *       economy.tfp_gap: -0.96
 *       military.burden_level: 0.0197
 *
 * read into mp_sim_unit_params (sim.h), the in-memory form the mechanisms look up at
 * initialisation (mp_sim__unit). Keys are free-form (a calibration row's key): a mechanism
 * reads the ones it knows. Errors name the file, line and column. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/sim.h"
#include "sim/params_yaml.h"

/* A COW code: a decimal integer in [1, 9999]. */
static int parse_ccode(const char *s, int *out)
{
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno || v < 1 || v > 9999)
		return 0;
	*out = (int)v;
	return 1;
}

int mp_sim__units_apply(mp_ctx *ctx, const char *file, mp_yaml *y, int map, mp_sim_unit_params *u)
{
	yaml_node_t *m = mp_yaml__node(y, map);
	if (!m || m->type != YAML_MAPPING_NODE)
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: units: expected a mapping of COW code: {key: value}",
				    file, m ? m->start_mark.line + 1 : 0, m ? m->start_mark.column + 1 : 0);
	for (yaml_node_pair_t *pr = m->data.mapping.pairs.start; pr < m->data.mapping.pairs.top; pr++) {
		yaml_node_t *kn = mp_yaml__node(y, pr->key), *vn = mp_yaml__node(y, pr->value);
		int ccode;
		if (!parse_ccode(mp_yaml__scalar(y, pr->key), &ccode))
			return mp_error_set(ctx, MP_EINPUT,
					    "%s:%zu:%zu: units: expected a COW code (an integer 1-9999)", file,
					    kn->start_mark.line + 1, kn->start_mark.column + 1);
		if (vn->type != YAML_MAPPING_NODE)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: units: %d: expected a mapping of key: value",
					    file, vn->start_mark.line + 1, vn->start_mark.column + 1, ccode);
		for (yaml_node_pair_t *q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
			yaml_node_t *k2 = mp_yaml__node(y, q->key), *v2 = mp_yaml__node(y, q->value);
			const char *key = mp_yaml__scalar(y, q->key);
			double v;
			if (!key || !*key || strlen(key) >= sizeof u->v[0].key)
				return mp_error_set(ctx, MP_EINPUT,
						    "%s:%zu:%zu: units: %d: expected a key of 1-%zu characters", file,
						    k2->start_mark.line + 1, k2->start_mark.column + 1, ccode,
						    sizeof u->v[0].key - 1);
			if (mp_yaml__number(y, q->value, &v) != MP_OK)
				return mp_error_set(ctx, MP_EINPUT,
						    "%s:%zu:%zu: units: %d: key '%s': expected a number", file,
						    v2->start_mark.line + 1, v2->start_mark.column + 1, ccode, key);
			if (mp_sim_units_set(u, ccode, key, v) != MP_OK)
				return mp_error_set(ctx, MP_ENOMEM, "%s: units: out of memory", file);
		}
	}
	return MP_OK;
}

int mp_sim_units_load(mp_ctx *ctx, const char *yaml_path, mp_sim_unit_params *u)
{
	mp_yaml y;
	int rc = mp_yaml__load(ctx, yaml_path, &y);
	if (rc != MP_OK)
		return rc;
	int root = mp_yaml__root(&y);
	if (root == 0 || mp_yaml__node(&y, root)->type != YAML_MAPPING_NODE) {
		mp_yaml__free(&y);
		return MP_OK; /* an empty (or flat-less) file has no per-country rows */
	}
	int inner = mp_yaml__get(&y, root, "params");
	if (inner && mp_yaml__node(&y, inner)->type == YAML_MAPPING_NODE)
		root = inner;
	int map = mp_yaml__get(&y, root, "units");
	mp_sim_unit_params tmp = MP_SIM_UNIT_PARAMS_INIT;
	rc = map ? mp_sim__units_apply(ctx, yaml_path, &y, map, &tmp) : MP_OK;
	for (size_t i = 0; rc == MP_OK && i < tmp.n; i++)
		if (mp_sim_units_set(u, tmp.v[i].ccode, tmp.v[i].key, tmp.v[i].value) != MP_OK)
			rc = mp_error_set(ctx, MP_ENOMEM, "%s: units: out of memory", yaml_path);
	mp_sim_units_clear(&tmp);
	mp_yaml__free(&y);
	return rc;
}
