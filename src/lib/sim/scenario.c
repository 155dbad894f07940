/* Scenario files (docs/scenarios.md): YAML read with libyaml's document API so that every
 * error names the file, line and key. `base:` files are applied first. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim/params_yaml.h"

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
	static const struct { const char *name, *leader, *pole; } d[] = {
		{ "West", "USA", "West" }, { "China", "CHN", "China" }, { "Russia", "RUS", "Russia" }, { "club", "", "" }
	};
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
static int get_names(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, char (*out)[8], int max,
		     int *count)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	*count = 0;
	if (n->type == YAML_SCALAR_NODE)
		return get_str(ctx, file, y, id, key, out[(*count)++], 8);
	if (n->type != YAML_SEQUENCE_NODE)
		return err_at(ctx, file, n, key, "expected a list of state abbreviations");
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		if (*count >= max)
			return err_at(ctx, file, n, key, "too many entries");
		int rc = get_str(ctx, file, y, *it, key, out[(*count)++], 8);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

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
			if (k && !strcmp(k, "leaders"))
				rc = get_names(ctx, file, y, q->value, "leaders", c->leaders, 4, &c->nleaders);
			else if (k && !strcmp(k, "members"))
				rc = get_names(ctx, file, y, q->value, "members", c->members, 64, &c->nmembers);
			else if (k && !strcmp(k, "pole"))
				rc = get_str(ctx, file, y, q->value, "pole", c->pole, sizeof c->pole);
			else
				rc = err_at(ctx, file, mp_yaml__node(y, q->key), k ? k : "?",
					    "unknown camp key (expected leaders, pole or members)");
			if (rc != MP_OK)
				return rc;
		}
	}
	return MP_OK;
}

static int parse_lever(mp_ctx *ctx, const char *file, mp_yaml *y, int id, int is_shock, mp_scenario *sc)
{
	yaml_node_t *m = mp_yaml__node(y, id);
	const char *list = is_shock ? "shocks" : "levers";
	if (m->type != YAML_MAPPING_NODE)
		return err_at(ctx, file, m, list, "expected a mapping with a `type`");
	if (sc->nlevers >= MP_SCENARIO_MAX_LEVERS)
		return err_at(ctx, file, m, list, "too many levers and shocks (at most 64)");
	mp_lever l;
	memset(&l, 0, sizeof l);
	l.from = sc->start ? sc->start + 1 : 0;
	l.age_hi = 100;
	l.sex = -1;
	const char *type = mp_yaml__scalar(y, mp_yaml__get(y, id, "type"));
	if (!type)
		return err_at(ctx, file, m, "type",
			      "missing (sanctions, growth, fertility, migration, mortality, aid, join; shocks: gdp, milex)");
	static const struct { const char *name; mp_lever_kind kind; int shock; } kinds[] = {
		{ "sanctions", MP_LEVER_SANCTIONS, 0 }, { "growth", MP_LEVER_GROWTH, 0 },
		{ "fertility", MP_LEVER_FERTILITY, 0 }, { "aid", MP_LEVER_AID, 0 }, { "join", MP_LEVER_JOIN, 0 },
		{ "migration", MP_LEVER_MIGRATION, 0 }, { "mortality", MP_LEVER_MORTALITY, 0 },
		{ "gdp", MP_LEVER_SHOCK_GDP, 1 }, { "milex", MP_LEVER_SHOCK_MILEX, 1 }
	};
	size_t ki = 0;
	while (ki < sizeof kinds / sizeof kinds[0] && (strcmp(kinds[ki].name, type) || kinds[ki].shock != is_shock))
		ki++;
	if (ki == sizeof kinds / sizeof kinds[0])
		return err_at(ctx, file, mp_yaml__node(y, mp_yaml__get(y, id, "type")), "type",
			      is_shock ? "unknown shock (expected gdp or milex)"
				       : "unknown lever (expected sanctions, growth, fertility, migration, mortality, aid or join)");
	l.kind = kinds[ki].kind;
	int rc = MP_OK, have_year = 0;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top && rc == MP_OK; p++) {
		const char *k = mp_yaml__scalar(y, p->key);
		long iv;
		double v;
		if (!k)
			return err_at(ctx, file, mp_yaml__node(y, p->key), "?", "expected a key");
		if (!strcmp(k, "type"))
			continue;
		if (!strcmp(k, "from") || !strcmp(k, "year")) {
			rc = get_int(ctx, file, y, p->value, k, 1800, 2500, &iv);
			l.from = (int)iv;
			have_year = 1;
		} else if (!strcmp(k, "to")) {
			rc = get_int(ctx, file, y, p->value, k, 1800, 2500, &iv);
			l.to = (int)iv;
		} else if (!strcmp(k, "value") || !strcmp(k, "strength") || !strcmp(k, "share")) {
			if (mp_yaml__number(y, p->value, &v) != MP_OK)
				rc = err_at(ctx, file, mp_yaml__node(y, p->value), k, "expected a number");
			l.value = v;
		} else if (!strcmp(k, "state") || !strcmp(k, "donor") || (!strcmp(k, "camp") && l.kind != MP_LEVER_JOIN)) {
			rc = get_str(ctx, file, y, p->value, k, l.a, sizeof l.a);
		} else if (!strcmp(k, "recipient") || (!strcmp(k, "camp") && l.kind == MP_LEVER_JOIN)) {
			rc = get_str(ctx, file, y, p->value, k, l.b, sizeof l.b);
		} else if (!strcmp(k, "ramp") && l.kind == MP_LEVER_FERTILITY) {
			/* demography levers (docs/demography.md, "Levers") */
			if (mp_yaml__number(y, p->value, &v) != MP_OK || v < 0 || v > 100)
				rc = err_at(ctx, file, mp_yaml__node(y, p->value), k, "expected years in [0, 100]");
			l.ramp = v;
		} else if (!strcmp(k, "ages") && l.kind == MP_LEVER_MORTALITY) {
			yaml_node_t *q = mp_yaml__node(y, p->value);
			long lo = 0, hi = 0;
			if (q->type != YAML_SEQUENCE_NODE || q->data.sequence.items.top - q->data.sequence.items.start != 2)
				rc = err_at(ctx, file, q, k, "expected two ages [FROM, TO] in 0..100");
			else if ((rc = get_int(ctx, file, y, q->data.sequence.items.start[0], k, 0, 100, &lo)) == MP_OK &&
				 (rc = get_int(ctx, file, y, q->data.sequence.items.start[1], k, 0, 100, &hi)) == MP_OK && hi < lo)
				rc = err_at(ctx, file, q, k, "expected [FROM, TO] with FROM <= TO");
			l.age_lo = (int)lo;
			l.age_hi = (int)hi;
		} else if (!strcmp(k, "sex") && l.kind == MP_LEVER_MORTALITY) {
			const char *sx = mp_yaml__scalar(y, p->value);
			if (sx && (!strcmp(sx, "male") || !strcmp(sx, "M")))
				l.sex = MP_DEMOG_M;
			else if (sx && (!strcmp(sx, "female") || !strcmp(sx, "F")))
				l.sex = MP_DEMOG_F;
			else if (sx && !strcmp(sx, "both"))
				l.sex = -1;
			else
				rc = err_at(ctx, file, mp_yaml__node(y, p->value), k, "expected male, female or both");
		} else if (!strcmp(k, "between")) {
			yaml_node_t *s = mp_yaml__node(y, p->value);
			if (s->type != YAML_SEQUENCE_NODE || s->data.sequence.items.top - s->data.sequence.items.start != 2)
				rc = err_at(ctx, file, s, k, "expected two camp names [A, B]");
			else if ((rc = get_str(ctx, file, y, s->data.sequence.items.start[0], k, l.a, sizeof l.a)) == MP_OK)
				rc = get_str(ctx, file, y, s->data.sequence.items.start[1], k, l.b, sizeof l.b);
		} else {
			rc = err_at(ctx, file, mp_yaml__node(y, p->key), k, "unknown key for this lever");
		}
	}
	if (rc != MP_OK)
		return rc;
	if (!l.a[0])
		return err_at(ctx, file, m, l.kind == MP_LEVER_SANCTIONS ? "between" : l.kind == MP_LEVER_AID ? "donor" : "state",
			      "missing");
	if ((l.kind == MP_LEVER_SANCTIONS || l.kind == MP_LEVER_AID) && !l.b[0])
		return err_at(ctx, file, m, l.kind == MP_LEVER_AID ? "recipient" : "between", "missing");
	if (l.kind == MP_LEVER_JOIN && !l.b[0])
		return err_at(ctx, file, m, "camp", "missing (a camp name or nonaligned)");
	if (l.kind == MP_LEVER_SANCTIONS && (l.value < 0 || l.value > 1))
		return err_at(ctx, file, m, "strength", "expected a number in [0, 1]");
	if (l.kind == MP_LEVER_SANCTIONS && l.value == 0)
		l.value = 1;
	if (is_shock && !have_year)
		return err_at(ctx, file, m, "year", "missing");
	if (is_shock)
		l.to = l.from;
	if (l.to && l.to < l.from)
		return err_at(ctx, file, m, "to", "ends before `from`");
	if ((l.kind == MP_LEVER_MORTALITY) && l.value < 0)
		return err_at(ctx, file, m, "value", "expected excess deaths (thousands a year) >= 0");
	sc->levers[sc->nlevers++] = l;
	return MP_OK;
}

static int parse_list(mp_ctx *ctx, const char *file, mp_yaml *y, int id, int is_shock, mp_scenario *sc)
{
	yaml_node_t *s = mp_yaml__node(y, id);
	if (s->type != YAML_SEQUENCE_NODE)
		return err_at(ctx, file, s, is_shock ? "shocks" : "levers", "expected a list");
	for (yaml_node_item_t *it = s->data.sequence.items.start; it < s->data.sequence.items.top; it++) {
		int rc = parse_lever(ctx, file, y, *it, is_shock, sc);
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
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: expected a mapping of scenario keys (see docs/scenarios.md)", path);
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
				}
				else if (!strcmp(k, "params"))
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
			rc = err_at(ctx, path, mp_yaml__node(&y, p->key), k,
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
			return mp_error_set(ctx, MP_EINPUT, "%s: scenario not found (a file, or a name in data/scenarios/)",
					    path);
		path = buf;
	}
	/* Camps come from the files; a file chain without camps keeps the defaults. */
	return load_into(ctx, path, out, 0);
}
