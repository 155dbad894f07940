/* The levers and shocks of scenario files (docs/scenarios.md, "Levers"): one table row per
 * lever kind says its YAML name, the keys it takes and their roles, how many names each
 * side may list and the range of its value. A new kind is one enum value in sim.h, one row
 * here and its effect in levers.c.
 *
 * Names are only checked for form here (the start world is not known yet); the world
 * check, with near matches, is mp_sim__levers_resolve (levers.c). Every name keeps its
 * line and column so that check can point at it. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "multipolar/demog.h"
#include "sim/scenario_internal.h"

/* Roles of a key, in the `keys` string of a row as key=ROLE:
 *   A  names of side A (a scalar or a list)   B  names of side B
 *   AB exactly two names [A, B]               V  the value (strength, share, value)
 *   S  secondary-sanction strength            R  trade promotion   D  dual-use share
 *   F  first year                             T  last year
 *   P  ramp years (fertility)                 G  ages [FROM, TO] (mortality)
 *   X  sex: male, female or both (mortality) */
typedef struct lever_row {
	const char *name;
	mp_lever_kind kind;
	int shock;         /* listed under `shocks:` (a one-year event, `year` required) */
	const char *keys;  /* accepted keys and their roles */
	int max_a, max_b;  /* most names per side (0: the side is not used) */
	double vmin, vmax; /* range of the value */
	double vdef;       /* default value; NaN: the value is required */
} lever_row;

static const lever_row rows[] = {
	{ "sanctions", MP_LEVER_SANCTIONS, 0, "by=A on=B between=AB strength=V secondary=S from=F to=T",
	  MP_LEVER_MAX_NAMES, MP_LEVER_MAX_NAMES, 0, 1, 1.0 },
	{ "growth", MP_LEVER_GROWTH, 0, "state=A camp=A value=V from=F to=T", MP_LEVER_MAX_NAMES, 0, -1, 1, MP_NA },
	/* demography's levers (docs/demography.md, "Levers"): a change of total fertility
	   (children per woman), extra net migrants and excess deaths (thousands a year) */
	{ "fertility", MP_LEVER_FERTILITY, 0, "state=A camp=A value=V ramp=P from=F to=T", MP_LEVER_MAX_NAMES, 0, -4, 4,
	  MP_NA },
	{ "migration", MP_LEVER_MIGRATION, 0, "state=A camp=A value=V from=F to=T", MP_LEVER_MAX_NAMES, 0, -10000,
	  10000, MP_NA },
	{ "mortality", MP_LEVER_MORTALITY, 0, "state=A camp=A value=V ages=G sex=X from=F to=T", MP_LEVER_MAX_NAMES, 0,
	  0, 10000, MP_NA },
	{ "aid", MP_LEVER_AID, 0, "donor=A recipient=B share=V value=V from=F to=T", 1, 1, 0, 0.1, MP_NA },
	{ "support", MP_LEVER_SUPPORT, 0, "donor=A recipient=B share=V trade=R dual_use=D from=F to=T", 1, 1, 0, 0.1,
	  0.0 },
	{ "join", MP_LEVER_JOIN, 0, "state=A camp=B from=F to=T", MP_LEVER_MAX_NAMES, 1, 0, 0, 0.0 },
	{ "gdp", MP_LEVER_SHOCK_GDP, 1, "state=A value=V year=F", 1, 0, -0.9, 10, MP_NA },
	{ "milex", MP_LEVER_SHOCK_MILEX, 1, "state=A value=V year=F", 1, 0, -0.9, 10, MP_NA },
};
#define NROWS (sizeof rows / sizeof rows[0])

static int err_at(mp_ctx *ctx, const char *file, yaml_node_t *n, const char *key, const char *what)
{
	return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: key '%s': %s", file, n ? n->start_mark.line + 1 : 0,
			    n ? n->start_mark.column + 1 : 0, key, what);
}

/* The role of `key` in a row ("" if the row does not take it). */
static void role_of(const lever_row *r, const char *key, char role[3])
{
	role[0] = '\0';
	size_t kl = strlen(key);
	for (const char *p = r->keys; *p;) {
		const char *eq = strchr(p, '='), *end = strchr(p, ' ');
		if (!end)
			end = p + strlen(p);
		if (eq && eq < end && (size_t)(eq - p) == kl && !strncmp(p, key, kl)) {
			snprintf(role, 3, "%.*s", (int)(end - eq - 1), eq + 1);
			return;
		}
		p = *end ? end + 1 : end;
	}
}

/* The first key of a row with `role` (for "missing" messages). */
static void key_of(const lever_row *r, const char *role, char *out, size_t size)
{
	snprintf(out, size, "?");
	for (const char *p = r->keys; *p;) {
		const char *eq = strchr(p, '='), *end = strchr(p, ' ');
		if (!end)
			end = p + strlen(p);
		if (eq && eq < end && (size_t)(end - eq - 1) == strlen(role) && !strncmp(eq + 1, role, strlen(role))) {
			snprintf(out, size, "%.*s", (int)(eq - p), p);
			return;
		}
		p = *end ? end + 1 : end;
	}
}

/* The keys of a row: "by, on, between, strength, secondary, from or to". */
static void key_names(const lever_row *r, char *out, size_t size)
{
	size_t n = 0, k = 0, o = 0;
	for (const char *p = r->keys; *p; p++)
		n += *p == '=';
	out[0] = '\0';
	for (const char *p = r->keys; *p && o < size;) {
		const char *eq = strchr(p, '='), *end = strchr(p, ' ');
		if (!end)
			end = p + strlen(p);
		k++;
		o += (size_t)snprintf(out + o, size - o, "%s%.*s",
				      k == 1   ? ""
				      : k == n ? " or "
					       : ", ",
				      (int)(eq - p), p);
		p = *end ? end + 1 : end;
	}
}

/* "sanctions, growth, ... or join" for the lists (shocks = 0) or shocks (1). */
static void kind_list(int shock, char *out, size_t size)
{
	size_t n = 0, k = 0, o = 0;
	for (size_t i = 0; i < NROWS; i++)
		n += rows[i].shock == shock;
	out[0] = '\0';
	for (size_t i = 0; i < NROWS && o < size; i++) {
		if (rows[i].shock != shock)
			continue;
		k++;
		o += (size_t)snprintf(out + o, size - o, "%s%s", k == 1 ? "" : k == n ? " or " : ", ", rows[i].name);
	}
}

static int add_name(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, mp_lever *l, int side, int max)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	const char *s = mp_yaml__scalar(y, id);
	if (!s || !*s || strlen(s) >= sizeof l->side[0][0].name)
		return err_at(ctx, file, n, key, "expected a state (stateabb or name), a camp or a pole");
	if (l->nside[side] >= max) {
		char msg[96];
		snprintf(msg, sizeof msg, max == 1 ? "expected one name" : "too many names (at most %d)", max);
		return err_at(ctx, file, n, key, msg);
	}
	for (int k = 0; k < 2; k++)
		for (int m = 0; m < l->nside[k]; m++)
			if (!strcasecmp(l->side[k][m].name, s)) {
				char msg[160];
				snprintf(msg, sizeof msg, "'%s' is listed twice (first at line %d, column %d)", s,
					 l->side[k][m].line, l->side[k][m].col);
				return err_at(ctx, file, n, key, msg);
			}
	mp_lever_name *v = &l->side[side][l->nside[side]++];
	snprintf(v->name, sizeof v->name, "%s", s);
	v->line = (int)n->start_mark.line + 1;
	v->col = (int)n->start_mark.column + 1;
	return MP_OK;
}

/* A scalar or a list of names into side `side` (role "AB": a list of exactly two). */
static int get_side(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, const char *role,
		    const lever_row *r, mp_lever *l)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	if (!strcmp(role, "AB")) {
		if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top - n->data.sequence.items.start != 2)
			return err_at(ctx, file, n, key, "expected two names [A, B]");
		int rc = add_name(ctx, file, y, n->data.sequence.items.start[0], key, l, 0, r->max_a);
		return rc == MP_OK ? add_name(ctx, file, y, n->data.sequence.items.start[1], key, l, 1, r->max_b) : rc;
	}
	int side = role[0] == 'A' ? 0 : 1, max = side ? r->max_b : r->max_a;
	if (n->type == YAML_SCALAR_NODE)
		return add_name(ctx, file, y, id, key, l, side, max);
	if (n->type != YAML_SEQUENCE_NODE)
		return err_at(ctx, file, n, key, "expected a name or a list of names");
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		int rc = add_name(ctx, file, y, *it, key, l, side, max);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

static int get_in(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, double lo, double hi, double *out)
{
	double v;
	if (mp_yaml__number(y, id, &v) != MP_OK || v < lo || v > hi) {
		char msg[96];
		snprintf(msg, sizeof msg, "expected a number in [%g, %g]", lo, hi);
		return err_at(ctx, file, mp_yaml__node(y, id), key, msg);
	}
	*out = v;
	return MP_OK;
}

/* `ages: [FROM, TO]`, whole ages in 0..100 with FROM <= TO. */
static int get_ages(mp_ctx *ctx, const char *file, mp_yaml *y, int id, const char *key, mp_lever *l)
{
	yaml_node_t *q = mp_yaml__node(y, id);
	double lo = 0, hi = 0;
	if (q->type != YAML_SEQUENCE_NODE || q->data.sequence.items.top - q->data.sequence.items.start != 2)
		return err_at(ctx, file, q, key, "expected two ages [FROM, TO] in 0..100");
	int rc = get_in(ctx, file, y, q->data.sequence.items.start[0], key, 0, 100, &lo);
	if (rc == MP_OK)
		rc = get_in(ctx, file, y, q->data.sequence.items.start[1], key, 0, 100, &hi);
	if (rc != MP_OK)
		return rc;
	if (lo != (double)(int)lo || hi != (double)(int)hi)
		return err_at(ctx, file, q, key, "expected whole ages");
	if (hi < lo)
		return err_at(ctx, file, q, key, "expected [FROM, TO] with FROM <= TO");
	l->age_lo = (int)lo;
	l->age_hi = (int)hi;
	return MP_OK;
}

int mp_sim__lever_parse(mp_ctx *ctx, const char *file, int file_index, mp_yaml *y, int id, int is_shock,
			mp_scenario *sc)
{
	yaml_node_t *m = mp_yaml__node(y, id);
	const char *list = is_shock ? "shocks" : "levers";
	char kinds[160], msg[256];
	kind_list(is_shock, kinds, sizeof kinds);
	if (m->type != YAML_MAPPING_NODE)
		return err_at(ctx, file, m, list, "expected a mapping with a `type`");
	if (sc->nlevers >= MP_SCENARIO_MAX_LEVERS)
		return err_at(ctx, file, m, list, "too many levers and shocks (at most 64)");
	int tid = mp_yaml__get(y, id, "type");
	const char *type = mp_yaml__scalar(y, tid);
	if (!type) {
		snprintf(msg, sizeof msg, "missing (%s)", kinds);
		return err_at(ctx, file, m, "type", msg);
	}
	const lever_row *r = NULL;
	for (size_t i = 0; i < NROWS && !r; i++)
		if (!strcmp(rows[i].name, type) && rows[i].shock == is_shock)
			r = &rows[i];
	if (!r) {
		snprintf(msg, sizeof msg, "unknown %s (expected %s)", is_shock ? "shock" : "lever", kinds);
		return err_at(ctx, file, mp_yaml__node(y, tid), "type", msg);
	}
	mp_lever l;
	memset(&l, 0, sizeof l);
	l.kind = r->kind;
	l.from = 0; /* without `from`: in force from the start world on */
	l.value = r->vdef;
	l.file = file_index;
	l.age_hi = 100;
	l.sex = -1;
	l.line = (int)m->start_mark.line + 1;
	l.col = (int)m->start_mark.column + 1;
	int rc = MP_OK, have_year = 0;
	yaml_node_t *to_node = m;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top && rc == MP_OK; p++) {
		const char *k = mp_yaml__scalar(y, p->key);
		char role[3];
		long iv;
		if (!k)
			return err_at(ctx, file, mp_yaml__node(y, p->key), "?", "expected a key");
		if (!strcmp(k, "type"))
			continue;
		role_of(r, k, role);
		double v = 0;
		switch (role[0]) {
		case 'A':
		case 'B': rc = get_side(ctx, file, y, p->value, k, role, r, &l); break;
		case 'V': rc = get_in(ctx, file, y, p->value, k, r->vmin, r->vmax, &l.value); break;
		case 'S': rc = get_in(ctx, file, y, p->value, k, 0, 1, &l.secondary); break;
		case 'R': rc = get_in(ctx, file, y, p->value, k, 0, 1, &l.trade); break;
		case 'D': rc = get_in(ctx, file, y, p->value, k, 0, 1, &l.dual_use); break;
		case 'P': rc = get_in(ctx, file, y, p->value, k, 0, 100, &l.ramp); break;
		case 'G': rc = get_ages(ctx, file, y, p->value, k, &l); break;
		case 'X': {
			const char *sx = mp_yaml__scalar(y, p->value);
			if (sx && (!strcmp(sx, "male") || !strcmp(sx, "M")))
				l.sex = MP_DEMOG_M;
			else if (sx && (!strcmp(sx, "female") || !strcmp(sx, "F")))
				l.sex = MP_DEMOG_F;
			else if (sx && !strcmp(sx, "both"))
				l.sex = -1;
			else
				rc = err_at(ctx, file, mp_yaml__node(y, p->value), k, "expected male, female or both");
			break;
		}
		case 'F':
		case 'T':
			rc = get_in(ctx, file, y, p->value, k, 1800, 2500, &v);
			if (rc == MP_OK && v != (double)(iv = (long)v))
				rc = err_at(ctx, file, mp_yaml__node(y, p->value), k, "expected a whole year");
			if (role[0] == 'F')
				l.from = (int)v, have_year = 1;
			else
				l.to = (int)v, to_node = mp_yaml__node(y, p->value);
			break;
		default: {
			char keys[160];
			key_names(r, keys, sizeof keys);
			snprintf(msg, sizeof msg, "unknown key for a `%s` %s (expected type, %s)", r->name,
				 is_shock ? "shock" : "lever", keys);
			rc = err_at(ctx, file, mp_yaml__node(y, p->key), k, msg);
		}
		}
	}
	if (rc != MP_OK)
		return rc;
	char key[24];
	if (r->max_a && l.nside[0] == 0) {
		key_of(r, strstr(r->keys, "=AB") ? "AB" : "A", key, sizeof key);
		return err_at(ctx, file, m, key, "missing");
	}
	if (r->max_b && l.nside[1] == 0) {
		key_of(r, strstr(r->keys, "=AB") && !strstr(r->keys, "=B ") ? "AB" : "B", key, sizeof key);
		return err_at(ctx, file, m, key,
			      r->kind == MP_LEVER_JOIN ? "missing (a camp name or nonaligned)" : "missing");
	}
	if (isnan(l.value)) {
		key_of(r, "V", key, sizeof key);
		return err_at(ctx, file, m, key, "missing");
	}
	if (r->kind == MP_LEVER_SANCTIONS && l.value == 0)
		l.value = 1; /* strength 0 meant "full" in the first scenario format */
	if (r->shock && !have_year)
		return err_at(ctx, file, m, "year", "missing");
	if (r->shock)
		l.to = l.from;
	if (l.to && l.to < l.from)
		return err_at(ctx, file, to_node, "to", "ends before `from`");
	if (l.nside[0])
		snprintf(l.a, sizeof l.a, "%s", l.side[0][0].name);
	if (l.nside[1])
		snprintf(l.b, sizeof l.b, "%s", l.side[1][0].name);
	sc->levers[sc->nlevers++] = l;
	return MP_OK;
}

const char *mp_sim__lever_type_name(mp_lever_kind kind)
{
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].kind == kind)
			return rows[i].name;
	return "?";
}
