/* The simulation's parameter table: defaults, by-name access and flat YAML files.
 * The table itself (keys, defaults, units, sources) is MP_SIM_PARAM_TABLE in sim.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/sim.h"
#include "sim/yaml_util.h"

static const mp_sim_param_info table[] = {
#define X(field, key, def, unit, src) { key, (def), unit, src, offsetof(mp_sim_params, field) },
	MP_SIM_PARAM_TABLE(X)
#undef X
};
#define NPARAMS (sizeof table / sizeof table[0])

void mp_sim_params_default(mp_sim_params *p)
{
	mp_sim_params d = MP_SIM_PARAMS_INIT;
	*p = d;
}

size_t mp_sim_params_count(void)
{
	return NPARAMS;
}

const mp_sim_param_info *mp_sim_params_info(size_t i)
{
	return i < NPARAMS ? &table[i] : NULL;
}

const mp_sim_param_info *mp_sim_params_find(const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < NPARAMS; i++)
		if (!strcmp(table[i].key, key))
			return &table[i];
	return NULL;
}

/* Counts and switches must be non-negative; everything must be finite. */
static int is_nonneg_key(const char *key)
{
	static const char *const suffixes[] = { ".enabled", ".candidates", ".rollouts", ".horizon",
						".every", "_sd", ".budget", ".temperature" };
	size_t kl = strlen(key);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t sl = strlen(suffixes[i]);
		if (kl >= sl && !strcmp(key + kl - sl, suffixes[i]))
			return 1;
	}
	return 0;
}

int mp_sim_params_set(mp_sim_params *p, const char *key, double v)
{
	const mp_sim_param_info *info = mp_sim_params_find(key);
	if (!info)
		return MP_ENOTFOUND;
	if (!isfinite(v) || (is_nonneg_key(key) && v < 0))
		return MP_ERANGE;
	memcpy((char *)p + info->offset, &v, sizeof v);
	return MP_OK;
}

int mp_sim_params_get(const mp_sim_params *p, const char *key, double *v)
{
	const mp_sim_param_info *info = mp_sim_params_find(key);
	if (!info)
		return MP_ENOTFOUND;
	memcpy(v, (const char *)p + info->offset, sizeof *v);
	return MP_OK;
}

int mp_sim__params_apply(mp_ctx *ctx, const char *file, mp_yaml *y, int map, mp_sim_params *p)
{
	yaml_node_t *m = mp_yaml__node(y, map);
	if (!m || m->type != YAML_MAPPING_NODE)
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: expected a mapping of parameter: value", file,
				    m ? m->start_mark.line + 1 : 0, m ? m->start_mark.column + 1 : 0);
	for (yaml_node_pair_t *pr = m->data.mapping.pairs.start; pr < m->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = mp_yaml__node(y, pr->key);
		const char *key = mp_yaml__scalar(y, pr->key);
		if (!key)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: expected a parameter name", file,
					    k->start_mark.line + 1, k->start_mark.column + 1);
		double v;
		yaml_node_t *vn = mp_yaml__node(y, pr->value);
		if (mp_yaml__number(y, pr->value, &v) != MP_OK)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: key '%s': expected a number", file,
					    vn->start_mark.line + 1, vn->start_mark.column + 1, key);
		int rc = mp_sim_params_set(p, key, v);
		if (rc == MP_ENOTFOUND)
			return mp_error_set(ctx, MP_EINPUT,
					    "%s:%zu:%zu: key '%s': unknown parameter (see docs/sim.md for the list)",
					    file, k->start_mark.line + 1, k->start_mark.column + 1, key);
		if (rc != MP_OK)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: key '%s': value %g out of range", file,
					    vn->start_mark.line + 1, vn->start_mark.column + 1, key, v);
	}
	return MP_OK;
}

int mp_sim_params_load(mp_ctx *ctx, const char *yaml_path, mp_sim_params *p)
{
	mp_yaml y;
	int rc = mp_yaml__load(ctx, yaml_path, &y);
	if (rc != MP_OK)
		return rc;
	int root = mp_yaml__root(&y);
	if (root == 0) { /* an empty file changes nothing */
		mp_yaml__free(&y);
		return MP_OK;
	}
	/* A top-level `params:` mapping is accepted as well as a flat file. */
	int inner = mp_yaml__get(&y, root, "params");
	if (inner && mp_yaml__node(&y, inner)->type == YAML_MAPPING_NODE)
		root = inner;
	mp_sim_params tmp = *p;
	rc = mp_sim__params_apply(ctx, yaml_path, &y, root, &tmp);
	if (rc == MP_OK)
		*p = tmp;
	mp_yaml__free(&y);
	return rc;
}
