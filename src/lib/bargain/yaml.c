/* Negotiation scenarios in YAML (our format; docs/bargaining.md "Scenario files"), read
 * with the one YAML front end (util/yaml.h) so that every value keeps its line and column:
 *
 *   name: ukraine-2023
 *   description: ...
 *   illustrative: true              # optional: judgemental numbers, not data
 *   model: smp                      # optional: eu or smp
 *   options: { rounds: 20 }         # optional: settings of MP_BARGAIN_SETTINGS, as key: value
 *   dimensions:
 *     - name: territory
 *       low: 0                      # scale end points and what they mean
 *       high: 100
 *       low_means: "..."
 *       high_means: "..."
 *       marks: { 50: "..." }        # optional: meanings of points on the scale
 *   actors:
 *     - name: Russia
 *       description: ...
 *       capability: 30
 *       positions: [90]             # or a mapping by dimension name; `position` for one
 *       saliences: [0.9]            # fractions in [0,1], summing to at most 1
 *
 * Strict: one document, no repeated key, no unknown key (the nearest known key is
 * suggested), decimal numbers only. */
#include "bargain/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/yaml.h"

typedef struct {
	mp_ctx *ctx;
	const char *fname;
	mp_yaml y;
	mp_bargain_input *in;
} yrd;

static const char *const top_keys[] = { "name",    "description", "illustrative", "model",
					"options", "dimensions",  "actors",       NULL };
static const char *const dim_keys[] = { "name", "description", "low", "high", "low_means", "high_means", "marks", NULL };
static const char *const actor_keys[] = { "name",      "description", "capability", "position",
					  "positions", "salience",    "saliences",  NULL };

static yaml_node_t *node(yrd *r, int id)
{
	return mp_yaml__node(&r->y, id);
}
static const char *scalar(yrd *r, int id)
{
	return mp_yaml__scalar(&r->y, id);
}

static int err(yrd *r, int id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err(yrd *r, int id, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return mp_error_set(r->ctx, MP_EINPUT, "%s:%zu:%zu: %s", r->fname, mp_yaml__line(&r->y, id),
			    mp_yaml__col(&r->y, id), msg);
}

static int is_type(yrd *r, int id, yaml_node_type_t t)
{
	yaml_node_t *n = node(r, id);
	return n && n->type == t;
}

static size_t seq_len(yrd *r, int id)
{
	yaml_node_t *n = node(r, id);
	return n && n->type == YAML_SEQUENCE_NODE ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start)
						  : 0;
}

static int seq_at(yrd *r, int id, size_t i)
{
	return node(r, id)->data.sequence.items.start[i];
}

/* Every key of mapping `map` is one of `known` ("in what"). */
static int check_keys(yrd *r, int map, const char *const *known, const char *what)
{
	yaml_node_t *n = node(r, map);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar(r, p->key);
		if (!k)
			return err(r, p->key, "%s: expected plain keys", what);
		size_t i = 0;
		while (known[i] && strcmp(known[i], k))
			i++;
		if (!known[i]) {
			char hint[96];
			mp_bargain__did_you_mean(hint, sizeof hint, k, known, MP_BARGAIN_ALL);
			return err(r, p->key, "%s: unknown key '%s'%s", what, k, hint);
		}
	}
	return MP_OK;
}

static int number(yrd *r, int id, const char *what, double *out)
{
	const char *s = scalar(r, id);
	if (!s)
		return err(r, id, "'%s': expected a number", what);
	if (mp_bargain__parse_real(s, out))
		return err(r, id, "'%s': expected a finite decimal number, got \"%s\"", what, s);
	return MP_OK;
}

/* A text value (absent: *out stays NULL): names must be non-empty names. */
static int text(yrd *r, int id, const char *what, int is_name, char **out)
{
	if (!id)
		return MP_OK;
	const char *s = scalar(r, id);
	if (!s)
		return err(r, id, "'%s': expected text", what);
	const char *bad = mp_bargain__check_text(s, is_name ? MP_BARGAIN_NAME_MAX : MP_BARGAIN_TEXT_MAX, is_name);
	if (bad)
		return err(r, id, "'%s': %s", what, bad);
	free(*out);
	if (!(*out = mp_bargain__strdup(s)))
		return mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

static int get(yrd *r, int map, const char *key)
{
	return mp_yaml__get(&r->y, map, key);
}

static int read_header(yrd *r, int root)
{
	mp_bargain_input *in = r->in;
	int rc, id;
	if ((rc = text(r, get(r, root, "name"), "name", 0, &in->name)) ||
	    (rc = text(r, get(r, root, "description"), "description", 0, &in->description)) ||
	    (rc = text(r, get(r, root, "model"), "model", 0, &in->model)))
		return rc;
	if (in->model && (rc = mp_bargain__setting_check_file(r->ctx, in, "model", in->model, "")) != MP_OK)
		return err(r, get(r, root, "model"), "'model': expected eu or smp, got \"%s\"", in->model);
	if ((id = get(r, root, "illustrative"))) {
		const char *v = scalar(r, id);
		static const char *const yes[] = { "true", "True", "TRUE", NULL }, *const no[] = { "false", "False",
												   "FALSE", NULL };
		int t = -1;
		for (size_t i = 0; v && yes[i]; i++)
			if (!strcmp(v, yes[i]))
				t = 1;
			else if (!strcmp(v, no[i]))
				t = 0;
		if (t < 0)
			return err(r, id, "'illustrative': expected true or false");
		in->illustrative = t;
	}
	return MP_OK;
}

static int cmp_mark(const void *a, const void *b)
{
	const mp_bargain_mark *x = a, *y = b;
	return (x->at > y->at) - (x->at < y->at);
}

static int read_marks(yrd *r, int id, size_t k)
{
	mp_bargain_input *in = r->in;
	if (!is_type(r, id, YAML_MAPPING_NODE))
		return err(r, id, "'marks': expected a mapping of position: meaning");
	yaml_node_t *n = node(r, id);
	size_t nm = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	if (!(in->marks[k] = calloc(nm ? nm : 1, sizeof *in->marks[k])))
		return mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	for (size_t j = 0; j < nm; j++) {
		yaml_node_pair_t *p = n->data.mapping.pairs.start + j;
		mp_bargain_mark *mk = &in->marks[k][j];
		int rc;
		if ((rc = number(r, p->key, "marks", &mk->at)))
			return rc;
		if (mk->at < in->scale_lo[k] || mk->at > in->scale_hi[k])
			return err(r, p->key, "'marks': position outside the scale");
		in->nmarks[k] = j + 1;
		if ((rc = text(r, p->value, "marks", 0, &mk->means)))
			return rc;
	}
	qsort(in->marks[k], nm, sizeof *in->marks[k], cmp_mark);
	return MP_OK;
}

static int read_dim(yrd *r, int d, size_t k)
{
	mp_bargain_input *in = r->in;
	int rc, nm;
	if (!is_type(r, d, YAML_MAPPING_NODE))
		return err(r, d, "dimension: expected a mapping with name, low, high");
	if ((rc = check_keys(r, d, dim_keys, "dimension")))
		return rc;
	if (!(nm = get(r, d, "name")))
		return err(r, d, "dimension: missing 'name'");
	if ((rc = text(r, nm, "name", 1, &in->dim[k])) ||
	    (rc = text(r, get(r, d, "low_means"), "low_means", 0, &in->dim_lo[k])) ||
	    (rc = text(r, get(r, d, "high_means"), "high_means", 0, &in->dim_hi[k])))
		return rc;
	for (size_t j = 0; j < k; j++)
		if (!strcmp(in->dim[j], in->dim[k]))
			return err(r, nm, "dimension \"%s\" is duplicated", in->dim[k]);
	int lo = get(r, d, "low"), hi = get(r, d, "high");
	in->scale_lo[k] = 0;
	in->scale_hi[k] = 100;
	if ((lo && (rc = number(r, lo, "low", &in->scale_lo[k]))) ||
	    (hi && (rc = number(r, hi, "high", &in->scale_hi[k]))))
		return rc;
	if (!(in->scale_hi[k] > in->scale_lo[k]))
		return err(r, hi ? hi : d, "dimension: 'high' must be greater than 'low'");
	int marks = get(r, d, "marks");
	return marks ? read_marks(r, marks, k) : MP_OK;
}

/* Per-dimension values (a sequence in dimension order, a mapping by dimension name, or a
 * scalar when there is one dimension) into out[0..m); ids[k] the node of each value. */
static int per_dim(yrd *r, int actor, const char *many, const char *one, double *out, int *ids)
{
	size_t m = r->in->m;
	int nd = get(r, actor, many), rc;
	if (nd && get(r, actor, one))
		return err(r, get(r, actor, one), "actor: give '%s' or '%s', not both", many, one);
	if (!nd)
		nd = get(r, actor, one);
	if (!nd)
		return err(r, actor, "actor: missing '%s'", many);
	if (is_type(r, nd, YAML_SCALAR_NODE)) {
		if (m != 1)
			return err(r, nd, "'%s': expected one value per dimension (a list or a mapping)", many);
		ids[0] = nd;
		return number(r, nd, many, &out[0]);
	}
	if (is_type(r, nd, YAML_SEQUENCE_NODE)) {
		if (seq_len(r, nd) != m)
			return err(r, nd, "'%s': expected %zu values (one per dimension)", many, m);
		for (size_t k = 0; k < m; k++)
			if ((rc = number(r, ids[k] = seq_at(r, nd, k), many, &out[k])))
				return rc;
		return MP_OK;
	}
	yaml_node_t *n = node(r, nd);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar(r, p->key);
		size_t j = 0;
		while (j < m && (!k || strcmp(k, r->in->dim[j])))
			j++;
		if (j == m) {
			char hint[96];
			mp_bargain__did_you_mean(hint, sizeof hint, k ? k : "", (const char *const *)r->in->dim, m);
			return err(r, p->key, "'%s': no dimension '%s'%s", many, k ? k : "", hint);
		}
	}
	for (size_t k = 0; k < m; k++) {
		int v = get(r, nd, r->in->dim[k]);
		if (!v)
			return err(r, nd, "'%s': dimension '%s' is missing from the mapping", many, r->in->dim[k]);
		if ((rc = number(r, ids[k] = v, many, &out[k])))
			return rc;
	}
	return MP_OK;
}

static int read_actor(yrd *r, int a, size_t i, int *ids)
{
	mp_bargain_input *in = r->in;
	size_t m = in->m;
	int rc, nm, cn;
	if (!is_type(r, a, YAML_MAPPING_NODE))
		return err(r, a, "actor: expected a mapping with name, capability, positions, saliences");
	if ((rc = check_keys(r, a, actor_keys, "actor")))
		return rc;
	if (!(nm = get(r, a, "name")))
		return err(r, a, "actor: missing 'name'");
	if ((rc = text(r, nm, "name", 1, &in->actor[i])) ||
	    (rc = text(r, get(r, a, "description"), "description", 0, &in->actor_desc[i])))
		return rc;
	if (!in->actor_desc[i] && (rc = mp_bargain__set_text(r->ctx, &in->actor_desc[i], "")))
		return rc;
	in->actor_line[i] = (int)mp_yaml__line(&r->y, nm);
	in->actor_col[i] = (int)mp_yaml__col(&r->y, nm);
	if (!(cn = get(r, a, "capability")))
		return err(r, a, "actor: missing 'capability'");
	if ((rc = number(r, cn, "capability", &in->cap[i])))
		return rc;
	if (in->cap[i] <= 0)
		return err(r, cn, "'capability': expected a number > 0");
	if ((rc = per_dim(r, a, "positions", "position", in->pos + i * m, ids)))
		return rc;
	for (size_t k = 0; k < m; k++)
		if (in->pos[i * m + k] < in->scale_lo[k] || in->pos[i * m + k] > in->scale_hi[k])
			return err(r, ids[k], "'positions': value outside the dimension's scale [low, high]");
	if ((rc = per_dim(r, a, "saliences", "salience", in->sal + i * m, ids)))
		return rc;
	double ssum = 0;
	for (size_t k = 0; k < m; k++) {
		if (in->sal[i * m + k] < 0 || in->sal[i * m + k] > 1)
			return err(r, ids[k], "'saliences': expected a number in [0,1]");
		ssum += in->sal[i * m + k];
	}
	if (ssum > 1 + 1e-9)
		return err(r, a, "actor: saliences sum to %g, more than 1", ssum);
	return MP_OK;
}

/* The `options:` block: each key a scenario setting, each value within its bound. */
static int read_options(yrd *r, int opts)
{
	if (!is_type(r, opts, YAML_MAPPING_NODE))
		return err(r, opts, "'options': expected a mapping of setting: value");
	yaml_node_t *n = node(r, opts);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar(r, p->key), *v = scalar(r, p->value);
		if (!k || !v)
			return err(r, k ? p->value : p->key, "'options': expected plain setting: value pairs");
		char where[512];
		snprintf(where, sizeof where, "%s:%zu:%zu: options: ", r->fname, mp_yaml__line(&r->y, p->key),
			 mp_yaml__col(&r->y, p->key));
		int id = mp_bargain_setting_find(k);
		if (id >= 0 && mp_bargain_setting_get((mp_bargain_setting)id)->scope == MP_BARGAIN_SCOPE_SCENARIO)
			/* a scenario setting: errors are about its value, at the value's position */
			snprintf(where, sizeof where, "%s:%zu:%zu: options: ", r->fname, mp_yaml__line(&r->y, p->value),
				 mp_yaml__col(&r->y, p->value));
		int rc = mp_bargain__setting_check_file(r->ctx, r->in, k, v, where);
		if (rc == MP_OK)
			rc = mp_bargain__add_option(r->ctx, r->in, k, v);
		if (rc)
			return rc;
	}
	return MP_OK;
}

static int parse(yrd *r, const char *name, const char *buf, size_t len)
{
	int rc = mp_yaml__load_buffer(r->ctx, name, buf, len, &r->y);
	if (rc)
		return rc;
	int root = mp_yaml__root(&r->y);
	if (!is_type(r, root, YAML_MAPPING_NODE))
		return err(r, root, "expected a mapping with 'dimensions' and 'actors'");
	if ((rc = check_keys(r, root, top_keys, "scenario")))
		return rc;
	int dims = get(r, root, "dimensions"), acts = get(r, root, "actors");
	if (!is_type(r, dims, YAML_SEQUENCE_NODE) || seq_len(r, dims) == 0)
		return err(r, dims ? dims : root, "'dimensions': expected a non-empty list");
	if (!is_type(r, acts, YAML_SEQUENCE_NODE))
		return err(r, acts ? acts : root, "'actors': expected a list");
	size_t m = seq_len(r, dims), n = seq_len(r, acts);
	if (n < 3)
		return err(r, acts, "'actors': expected at least 3 actors");
	if (n > MP_BARGAIN_ACTORS_MAX || m > MP_BARGAIN_DIMS_MAX)
		return err(r, n > MP_BARGAIN_ACTORS_MAX ? acts : dims, "more than %d %s (the limit)",
			   n > MP_BARGAIN_ACTORS_MAX ? MP_BARGAIN_ACTORS_MAX : MP_BARGAIN_DIMS_MAX,
			   n > MP_BARGAIN_ACTORS_MAX ? "actors" : "dimensions");
	if ((rc = mp_bargain__input_alloc(r->ctx, n, m, &r->in)) ||
	    (rc = mp_bargain__set_text(r->ctx, &r->in->path, name)))
		return rc;
	r->in->source = MP_BARGAIN_SRC_YAML;
	if ((rc = read_header(r, root)))
		return rc;
	for (size_t k = 0; k < m; k++)
		if ((rc = read_dim(r, seq_at(r, dims, k), k)))
			return rc;
	int *ids = malloc(m * sizeof *ids);
	if (!ids)
		return mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == MP_OK; i++)
		rc = read_actor(r, seq_at(r, acts, i), i, ids);
	free(ids);
	if (rc == MP_OK)
		rc = mp_bargain__check_unique(r->ctx, r->in, "");
	int opts = get(r, root, "options");
	if (rc == MP_OK && opts)
		rc = read_options(r, opts);
	return rc;
}

int mp_bargain_input_parse_yaml(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_bargain_input **out)
{
	yrd r = { .ctx = ctx, .fname = name };
	int rc = parse(&r, name, buf, len);
	if (rc == MP_OK)
		*out = r.in;
	else
		mp_bargain_input_free(r.in);
	mp_yaml__free(&r.y);
	return rc;
}
