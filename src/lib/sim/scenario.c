/* Scenario files (docs/scenarios.md): YAML read with libyaml's document API so that every
 * error names the file, line and key. `base:` files are applied first. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim/params_yaml.h"
#include "sim/scenario_internal.h"

#define MAX_DEPTH 8

void mp_scenario_default(mp_scenario *sc)
{
	memset(sc, 0, sizeof *sc);
	snprintf(sc->name, sizeof sc->name, "baseline");
	sc->start = 0;
	sc->horizon = 2050;
	sc->runs = 200;
	sc->seed = 1;
	mp_sim_params_default(&sc->params);
	static const struct {
		const char *name, *leader, *pole;
	} d[] = { { "West", "USA", "West" },
		  { "China", "CHN", "China" },
		  { "Russia", "RUS", "Russia" },
		  { "club", "", "" } };
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		mp_camp_def *c = &sc->camps[sc->ncamps++];
		snprintf(c->name, sizeof c->name, "%s", d[i].name);
		snprintf(c->pole, sizeof c->pole, "%s", d[i].pole);
		if (d[i].leader[0])
			snprintf(c->leaders[c->nleaders++], sizeof c->leaders[0], "%s", d[i].leader);
	}
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Resolves `rel` against the directory of `from`, then the data directory. */
static int resolve(mp_ctx *ctx, const char *from, const char *rel, char *out, size_t size, int quiet)
{
	if (rel[0] == '/') {
		snprintf(out, size, "%s", rel);
		if (file_exists(out))
			return MP_OK;
	} else {
		const char *slash = strrchr(from, '/');
		int dl = slash ? (int)(slash - from) : 0;
		if (slash)
			snprintf(out, size, "%.*s/%s", dl, from, rel);
		else
			snprintf(out, size, "%s", rel);
		if (file_exists(out))
			return MP_OK;
		/* then the data directory: data/REL, data/scenarios/REL, data/params/REL */
		static const char *const sub[] = { "", "scenarios/", "params/" };
		for (size_t k = 0; k < 3; k++) {
			char r2[600];
			char *dp = NULL;
			snprintf(r2, sizeof r2, "%s%s", sub[k], rel);
			if (mp_data_path(NULL, r2, &dp) == MP_OK) {
				snprintf(out, size, "%s", dp);
				free(dp);
				return MP_OK;
			}
		}
		(void)quiet;
		(void)ctx;
	}
	return MP_ENOTFOUND;
}

#define LINE(n) ((n)->start_mark.line + 1), ((n)->start_mark.column + 1)

static int err_at(mp_ctx *ctx, const char *file, yaml_node_t *n, const char *key, const char *what)
{
	return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: key '%s': %s", file, n ? n->start_mark.line + 1 : 0,
			    n ? n->start_mark.column + 1 : 0, key, what);
}

static int get_int(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, long lo, long hi, long *out)
{
	double v;
	if (mp_yaml__number(y, id, &v) != MP_OK || v != floor(v) || v < lo || v > hi) {
		char msg[96];
		snprintf(msg, sizeof msg, "expected a whole number in [%ld, %ld]", lo, hi);
		return err_at(ctx, file, mp_yaml__node(y, id), key, msg);
	}
	*out = (long)v;
	return MP_OK;
}

static int get_str(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, char *out, size_t size)
{
	const char *s = mp_yaml__scalar(y, id);
	if (!s || strlen(s) >= size)
		return err_at(ctx, file, mp_yaml__node(y, id), key, "expected a short text");
	snprintf(out, size, "%s", s);
	return MP_OK;
}

/* A sequence of short names (or one name) into out[max][8]. */
/* Names into out[0..max) with the line, column and file index of each (at). */
static int get_names(mp_ctx *ctx, const char *file, int fi, mp_yaml *y, int id, const char *key, char (*out)[8],
		     int max, int *count, int (*at)[3])
{
	yaml_node_t *n = mp_yaml__node(y, id);
	*count = 0;
	if (n->type == YAML_SCALAR_NODE) {
		at[0][0] = (int)n->start_mark.line + 1;
		at[0][1] = (int)n->start_mark.column + 1;
		at[0][2] = fi;
		return get_str(ctx, file, y, id, key, out[(*count)++], 8);
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return err_at(ctx, file, n, key, "expected a list of state abbreviations");
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		if (*count >= max)
			return err_at(ctx, file, n, key, "too many entries");
		yaml_node_t *e = mp_yaml__node(y, *it);
		at[*count][0] = (int)e->start_mark.line + 1;
		at[*count][1] = (int)e->start_mark.column + 1;
		at[*count][2] = fi;
		int rc = get_str(ctx, file, y, *it, key, out[(*count)++], 8);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

static int file_index(mp_scenario *sc, const char *path);

static int parse_camps(mp_ctx *ctx, const char *file, mp_yaml *y, int id, mp_scenario *sc)
{
	yaml_node_t *m = mp_yaml__node(y, id);
	if (m->type != YAML_MAPPING_NODE)
		return err_at(ctx, file, m, "camps", "expected a mapping of camp name: {leaders, pole, members}");
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		char name[32];
		int rc = get_str(ctx, file, y, p->key, "camps", name, sizeof name);
		if (rc != MP_OK)
			return rc;
		mp_camp_def *c = NULL;
		for (size_t i = 0; i < sc->ncamps; i++)
			if (!strcmp(sc->camps[i].name, name))
				c = &sc->camps[i];
		if (!c) {
			if (sc->ncamps >= MP_SCENARIO_MAX_CAMPS)
				return err_at(ctx, file, mp_yaml__node(y, p->key), name, "too many camps (at most 8)");
			c = &sc->camps[sc->ncamps++];
			memset(c, 0, sizeof *c);
			snprintf(c->name, sizeof c->name, "%s", name);
		}
		yaml_node_t *v = mp_yaml__node(y, p->value);
		if (v->type != YAML_MAPPING_NODE)
			return err_at(ctx, file, v, name, "expected {leaders: [...], pole: NAME, members: [...]}");
		for (yaml_node_pair_t *q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
			const char *k = mp_yaml__scalar(y, q->key);
			int fi = file_index(sc, file);
			if (k && !strcmp(k, "leaders"))
				rc = get_names(ctx, file, fi, y, q->value, "leaders", c->leaders, 4, &c->nleaders,
					       c->leader_at);
			else if (k && !strcmp(k, "members"))
				rc = get_names(ctx, file, fi, y, q->value, "members", c->members, 64, &c->nmembers,
					       c->member_at);
			else if (k && !strcmp(k, "pole")) {
				yaml_node_t *pn = mp_yaml__node(y, q->value);
				c->pole_at[0] = (int)pn->start_mark.line + 1;
				c->pole_at[1] = (int)pn->start_mark.column + 1;
				c->pole_at[2] = fi;
				rc = get_str(ctx, file, y, q->value, "pole", c->pole, sizeof c->pole);
			} else
				rc = err_at(ctx, file, mp_yaml__node(y, q->key), k ? k : "?",
					    "unknown camp key (expected leaders, pole or members)");
			if (rc != MP_OK)
				return rc;
		}
	}
	return MP_OK;
}

/* Index of `path` in sc->files (added when new; -1 when the table is full). */
static int file_index(mp_scenario *sc, const char *path)
{
	for (size_t i = 0; i < sc->nfiles; i++)
		if (!strcmp(sc->files[i], path))
			return (int)i;
	if (sc->nfiles >= MP_SCENARIO_MAX_FILES)
		return -1;
	snprintf(sc->files[sc->nfiles], sizeof sc->files[0], "%s", path);
	return (int)sc->nfiles++;
}

static int parse_list(mp_ctx *ctx, const char *file, mp_yaml *y, int id, int is_shock, mp_scenario *sc)
{
	yaml_node_t *s = mp_yaml__node(y, id);
	if (s->type != YAML_SEQUENCE_NODE)
		return err_at(ctx, file, s, is_shock ? "shocks" : "levers", "expected a list");
	for (yaml_node_item_t *it = s->data.sequence.items.start; it < s->data.sequence.items.top; it++) {
		int rc = mp_sim__lever_parse(ctx, file, file_index(sc, file), y, *it, is_shock, sc);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

static int load_into(mp_ctx *ctx, const char *path, mp_scenario *sc, int depth)
{
	if (depth > MAX_DEPTH)
		return mp_error_set(ctx, MP_EINPUT, "%s: `base:` chain deeper than %d files", path, MAX_DEPTH);
	mp_yaml y;
	int rc = mp_yaml__load(ctx, path, &y);
	if (rc != MP_OK)
		return rc == MP_ENOTFOUND ? MP_EINPUT : rc;
	char buf[512];
	int root = mp_yaml__root(&y);
	yaml_node_t *r = mp_yaml__node(&y, root);
	if (!r || r->type != YAML_MAPPING_NODE) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: expected a mapping of scenario keys (see docs/scenarios.md)",
				  path);
		goto done;
	}
	int base = mp_yaml__get(&y, root, "base");
	if (base) {
		const char *b = mp_yaml__scalar(&y, base);
		if (!b || resolve(ctx, path, b, buf, sizeof buf, 1) != MP_OK) {
			rc = err_at(ctx, path, mp_yaml__node(&y, base), "base", "file not found");
			goto done;
		}
		if ((rc = load_into(ctx, buf, sc, depth + 1)) != MP_OK)
			goto done;
	}
	/* Name from the file; `name:` overrides. */
	const char *slash = strrchr(path, '/');
	snprintf(sc->name, sizeof sc->name, "%s", slash ? slash + 1 : path);
	char *dot = strstr(sc->name, ".yaml");
	if (dot)
		*dot = '\0';
	snprintf(sc->path, sizeof sc->path, "%s", path);
	for (yaml_node_pair_t *p = r->data.mapping.pairs.start; p < r->data.mapping.pairs.top && rc == MP_OK; p++) {
		const char *k = mp_yaml__scalar(&y, p->key);
		long iv;
		if (!k) {
			rc = err_at(ctx, path, mp_yaml__node(&y, p->key), "?", "expected a key");
			break;
		}
		if (!strcmp(k, "base")) {
			continue;
		} else if (!strcmp(k, "name")) {
			rc = get_str(ctx, path, &y, p->value, k, sc->name, sizeof sc->name);
		} else if (!strcmp(k, "description")) {
			rc = get_str(ctx, path, &y, p->value, k, sc->description, sizeof sc->description);
		} else if (!strcmp(k, "start")) {
			const char *v = mp_yaml__scalar(&y, p->value);
			if (v && !strcmp(v, "default"))
				sc->start = 0;
			else if ((rc = get_int(ctx, path, &y, p->value, k, 1816, 2100, &iv)) == MP_OK)
				sc->start = (int)iv;
		} else if (!strcmp(k, "horizon")) {
			rc = get_int(ctx, path, &y, p->value, k, 1817, 2300, &iv);
			sc->horizon = (int)iv;
		} else if (!strcmp(k, "runs")) {
			rc = get_int(ctx, path, &y, p->value, k, 1, 10000000, &iv);
			sc->runs = (int)iv;
		} else if (!strcmp(k, "seed")) {
			rc = get_int(ctx, path, &y, p->value, k, 0, 2147483647L, &iv);
			sc->seed = (uint64_t)iv;
		} else if (!strcmp(k, "poles") || !strcmp(k, "world")) {
			const char *v = mp_yaml__scalar(&y, p->value);
			char *dst = !strcmp(k, "poles") ? sc->poles : sc->world;
			if (!v || resolve(ctx, path, v, dst, sizeof sc->poles, 1) != MP_OK)
				rc = err_at(ctx, path, mp_yaml__node(&y, p->value), k, "file not found");
		} else if (!strcmp(k, "params") || !strcmp(k, "params_if_present")) {
			yaml_node_t *v = mp_yaml__node(&y, p->value);
			if (v->type == YAML_MAPPING_NODE && !strcmp(k, "params")) {
				rc = mp_sim__params_apply(ctx, path, &y, p->value, &sc->params);
			} else {
				const char *f = mp_yaml__scalar(&y, p->value);
				if (!f)
					rc = err_at(ctx, path, v, k, "expected a file name or a mapping of parameters");
				else if (resolve(ctx, path, f, buf, sizeof buf, 1) == MP_OK) {
					rc = mp_sim_params_load(ctx, buf, &sc->params);
					snprintf(sc->params_file, sizeof sc->params_file, "%s", buf);
				} else if (!strcmp(k, "params"))
					rc = err_at(ctx, path, v, k, "parameter file not found");
			}
		} else if (!strcmp(k, "overrides")) {
			rc = mp_sim__params_apply(ctx, path, &y, p->value, &sc->params);
		} else if (!strcmp(k, "camps")) {
			rc = parse_camps(ctx, path, &y, p->value, sc);
		} else if (!strcmp(k, "levers")) {
			rc = parse_list(ctx, path, &y, p->value, 0, sc);
		} else if (!strcmp(k, "shocks")) {
			rc = parse_list(ctx, path, &y, p->value, 1, sc);
		} else {
			rc = err_at(
				ctx, path, mp_yaml__node(&y, p->key), k,
				"unknown scenario key (expected name, description, base, start, horizon, poles, world, "
				"runs, seed, params, params_if_present, overrides, camps, levers, shocks)");
		}
	}
	if (rc == MP_OK && sc->start && sc->horizon <= sc->start)
		rc = mp_error_set(ctx, MP_EINPUT, "%s: key 'horizon': %d is not after the start year %d", path,
				  sc->horizon, sc->start);
done:
	mp_yaml__free(&y);
	return rc;
}

int mp_scenario_load(mp_ctx *ctx, const char *path, mp_scenario *out)
{
	char buf[512];
	mp_scenario_default(out);
	if (!file_exists(path)) {
		char rel[300];
		snprintf(rel, sizeof rel, "scenarios/%s%s", path, strstr(path, ".yaml") ? "" : ".yaml");
		if (strchr(path, '/') || resolve(ctx, "", rel, buf, sizeof buf, 1) != MP_OK)
			return mp_error_set(ctx, MP_EINPUT,
					    "%s: scenario not found (a file, or a name in data/scenarios/)", path);
		path = buf;
	}
	/* Camps come from the files; a file chain without camps keeps the defaults. */
	return load_into(ctx, path, out, 0);
}
