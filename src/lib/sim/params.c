/* The simulation's parameter table: defaults, by-name access and flat YAML files.
 * The table itself (keys, defaults, units, sources) is MP_SIM_PARAM_TABLE in sim.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/sim.h"
#include "sim/params_yaml.h"
#include "util/vec.h"

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
						".every",   "_sd",         ".budget",   ".temperature" };
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
	return mp_sim__params_apply_file(ctx, file, y, map, 0, p);
}

int mp_sim__params_apply_file(mp_ctx *ctx, const char *file, mp_yaml *y, int map, int skip_units, mp_sim_params *p)
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
		if (skip_units && !strcmp(key, "units"))
			continue; /* per-country rows: mp_sim_units_load */
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
	rc = mp_sim__params_apply_file(ctx, yaml_path, &y, root, 1, &tmp);
	int um = mp_yaml__get(&y, root, "units");
	if (rc == MP_OK && um) { /* validated here too, so a bad file fails whichever loader reads it */
		mp_sim_unit_params u = MP_SIM_UNIT_PARAMS_INIT;
		rc = mp_sim__units_apply(ctx, yaml_path, &y, um, &u);
		mp_sim_units_clear(&u);
	}
	if (rc == MP_OK)
		*p = tmp;
	mp_yaml__free(&y);
	return rc;
}

/* ---- per-country parameters (sorted array; looked up at initialisation only) ---- */

static int unit_cmp(int ccode, const char *key, const mp_sim_unit_param *b)
{
	if (ccode != b->ccode)
		return ccode < b->ccode ? -1 : 1;
	return strcmp(key, b->key);
}

/* Index of (ccode, key) if present (*found = 1), else its insertion point. */
static size_t unit_find(const mp_sim_unit_params *u, int ccode, const char *key, int *found)
{
	size_t lo = 0, hi = u->n;
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = unit_cmp(ccode, key, &u->v[mid]);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int mp_sim_units_set(mp_sim_unit_params *u, int ccode, const char *key, double value)
{
	if (!key || !*key || strlen(key) >= sizeof u->v[0].key || !isfinite(value))
		return MP_EINPUT;
	int found;
	size_t at = unit_find(u, ccode, key, &found);
	if (found) {
		u->v[at].value = value;
		return MP_OK;
	}
	if (mp_vec_reserve(&u->v, &u->cap, u->n + 1, 64))
		return MP_ENOMEM;
	memmove(u->v + at + 1, u->v + at, (u->n - at) * sizeof *u->v);
	u->v[at].ccode = ccode;
	snprintf(u->v[at].key, sizeof u->v[at].key, "%s", key);
	u->v[at].value = value;
	u->n++;
	return MP_OK;
}

double mp_sim_units_get(const mp_sim_unit_params *u, int ccode, const char *key, double dflt)
{
	if (!u || !u->n)
		return dflt;
	int found;
	size_t at = unit_find(u, ccode, key, &found);
	return found ? u->v[at].value : dflt;
}

void mp_sim_units_clear(mp_sim_unit_params *u)
{
	if (!u)
		return;
	free(u->v);
	u->v = NULL;
	u->n = u->cap = 0;
}
