/* Negotiation scenarios in YAML (our format; docs/bargaining.md "Scenario files"), read
 * with libyaml's document loader so that every value keeps its line and column:
 *
 *   name: ukraine-2023
 *   description: ...
 *   model: smp                      # optional: eu or smp
 *   options: { rounds: 20 }         # optional: any negotiate option, as key: value
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
 */
#include "bargain/internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct {
	mp_ctx *ctx;
	const char *fname;
	yaml_document_t *doc;
} yctx;

static int yerr(const yctx *y, const yaml_node_t *nd, const char *fmt, const char *a, const char *b)
{
	return mp_error_set(y->ctx, MP_EINPUT, "%s:%zu:%zu: %s%s%s", y->fname,
			    nd ? nd->start_mark.line + 1 : 1, nd ? nd->start_mark.column + 1 : 1, fmt, a ? a : "",
			    b ? b : "");
}

static const char *scalar(const yaml_node_t *nd)
{
	return nd && nd->type == YAML_SCALAR_NODE ? (const char *)nd->data.scalar.value : NULL;
}

static yaml_node_t *get(const yctx *y, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(yaml_document_get_node(y->doc, p->key));
		if (k && !strcmp(k, key))
			return yaml_document_get_node(y->doc, p->value);
	}
	return NULL;
}

static int number(const yctx *y, const yaml_node_t *nd, const char *what, double *out)
{
	const char *s = scalar(nd);
	if (!s)
		return yerr(y, nd, "'", what, "': expected a number");
	char *end = NULL;
	double v = strtod(s, &end);
	if (!*s || *end || !isfinite(v))
		return mp_error_set(y->ctx, MP_EINPUT, "%s:%zu:%zu: '%s': expected a finite number, got \"%s\"", y->fname,
				    nd->start_mark.line + 1, nd->start_mark.column + 1, what, s);
	*out = v;
	return MP_OK;
}

static size_t seq_len(const yaml_node_t *nd)
{
	return nd && nd->type == YAML_SEQUENCE_NODE ? (size_t)(nd->data.sequence.items.top - nd->data.sequence.items.start) : 0;
}

static yaml_node_t *seq_at(const yctx *y, const yaml_node_t *nd, size_t i)
{
	return yaml_document_get_node(y->doc, nd->data.sequence.items.start[i]);
}

/* Reads per-dimension values (a sequence in dimension order, a mapping by dimension name,
 * or a scalar when there is one dimension). */
static int per_dim(const yctx *y, const yaml_node_t *actor, const char *many, const char *one,
		   const mp_bargain_input *in, double *out)
{
	yaml_node_t *nd = get(y, actor, many);
	if (!nd)
		nd = get(y, actor, one);
	if (!nd)
		return yerr(y, actor, "actor: missing '", many, "'");
	size_t m = in->m;
	if (nd->type == YAML_SCALAR_NODE) {
		if (m != 1)
			return yerr(y, nd, "'", many, "': expected one value per dimension (a list or a mapping)");
		return number(y, nd, many, &out[0]);
	}
	if (nd->type == YAML_SEQUENCE_NODE) {
		if (seq_len(nd) != m) {
			char buf[64];
			snprintf(buf, sizeof buf, "': expected %zu values (one per dimension)", m);
			return yerr(y, nd, "'", many, buf);
		}
		for (size_t k = 0; k < m; k++) {
			int rc = number(y, seq_at(y, nd, k), many, &out[k]);
			if (rc)
				return rc;
		}
		return MP_OK;
	}
	for (size_t k = 0; k < m; k++) {
		yaml_node_t *v = get(y, nd, in->dim[k]);
		if (!v)
			return yerr(y, nd, "'", many, "': a dimension is missing from the mapping");
		int rc = number(y, v, many, &out[k]);
		if (rc)
			return rc;
	}
	return MP_OK;
}

static int dup_scalar(const yctx *y, const yaml_node_t *nd, const char *what, char **out)
{
	if (!nd) {
		*out = NULL;
		return MP_OK;
	}
	const char *s = scalar(nd);
	if (!s)
		return yerr(y, nd, "'", what, "': expected text");
	*out = mp_bargain__strdup(s);
	return *out ? MP_OK : mp_error_set(y->ctx, MP_ENOMEM, "out of memory");
}

int mp_bargain_input_parse_yaml(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_bargain_input **out)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	int have_doc = 0, rc = MP_OK;
	mp_bargain_input *in = NULL;
	yctx y = { ctx, name, &doc };
	if (!yaml_parser_initialize(&parser))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML: %s", name, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1, parser.problem ? parser.problem : "syntax error");
		goto done;
	}
	have_doc = 1;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root || root->type != YAML_MAPPING_NODE) {
		rc = yerr(&y, root, "expected a mapping with 'dimensions' and 'actors'", NULL, NULL);
		goto done;
	}
	yaml_node_t *dims = get(&y, root, "dimensions"), *acts = get(&y, root, "actors");
	if (!dims || dims->type != YAML_SEQUENCE_NODE || seq_len(dims) == 0) {
		rc = yerr(&y, dims ? dims : root, "'dimensions': expected a non-empty list", NULL, NULL);
		goto done;
	}
	if (!acts || acts->type != YAML_SEQUENCE_NODE) {
		rc = yerr(&y, acts ? acts : root, "'actors': expected a list", NULL, NULL);
		goto done;
	}
	size_t m = seq_len(dims), n = seq_len(acts);
	if (n < 3) {
		rc = yerr(&y, acts, "'actors': expected at least 3 actors", NULL, NULL);
		goto done;
	}
	if ((rc = mp_bargain__input_alloc(ctx, n, m, &in)))
		goto done;
	in->source = MP_BARGAIN_SRC_YAML;
	free(in->name);
	free(in->description);
	in->name = in->description = NULL;
	if ((rc = dup_scalar(&y, get(&y, root, "name"), "name", &in->name)) ||
	    (rc = dup_scalar(&y, get(&y, root, "description"), "description", &in->description)) ||
	    (rc = dup_scalar(&y, get(&y, root, "model"), "model", &in->model)))
		goto done;
	if (!in->name)
		in->name = mp_bargain__strdup("");
	if (!in->description)
		in->description = mp_bargain__strdup("");
	if (!in->name || !in->description) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	yaml_node_t *opts = get(&y, root, "options");
	if (opts) {
		if (opts->type != YAML_MAPPING_NODE) {
			rc = yerr(&y, opts, "'options': expected a mapping of option: value", NULL, NULL);
			goto done;
		}
		size_t no = (size_t)(opts->data.mapping.pairs.top - opts->data.mapping.pairs.start);
		in->opt_key = calloc(no ? no : 1, sizeof *in->opt_key);
		in->opt_val = calloc(no ? no : 1, sizeof *in->opt_val);
		if (!in->opt_key || !in->opt_val) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t t = 0; t < no; t++) {
			yaml_node_pair_t *p = opts->data.mapping.pairs.start + t;
			yaml_node_t *k = yaml_document_get_node(&doc, p->key), *v = yaml_document_get_node(&doc, p->value);
			if (!scalar(k) || !scalar(v)) {
				rc = yerr(&y, k, "'options': expected plain key: value pairs", NULL, NULL);
				goto done;
			}
			in->opt_key[t] = mp_bargain__strdup(scalar(k));
			in->opt_val[t] = mp_bargain__strdup(scalar(v));
			in->nopt = t + 1;
			if (!in->opt_key[t] || !in->opt_val[t]) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
		}
	}
	for (size_t k = 0; k < m; k++) {
		yaml_node_t *d = seq_at(&y, dims, k);
		if (d->type != YAML_MAPPING_NODE) {
			rc = yerr(&y, d, "dimension: expected a mapping with name, low, high", NULL, NULL);
			goto done;
		}
		yaml_node_t *nm = get(&y, d, "name");
		if (!scalar(nm) || !*scalar(nm)) {
			rc = yerr(&y, nm ? nm : d, "dimension: missing 'name'", NULL, NULL);
			goto done;
		}
		if ((rc = dup_scalar(&y, nm, "name", &in->dim[k])) ||
		    (rc = dup_scalar(&y, get(&y, d, "low_means"), "low_means", &in->dim_lo[k])) ||
		    (rc = dup_scalar(&y, get(&y, d, "high_means"), "high_means", &in->dim_hi[k])))
			goto done;
		for (size_t j = 0; j < k; j++)
			if (!strcmp(in->dim[j], in->dim[k])) {
				rc = yerr(&y, nm, "dimension \"", in->dim[k], "\" is duplicated");
				goto done;
			}
		yaml_node_t *lo = get(&y, d, "low"), *hi = get(&y, d, "high");
		in->scale_lo[k] = 0;
		in->scale_hi[k] = 100;
		if ((lo && (rc = number(&y, lo, "low", &in->scale_lo[k]))) ||
		    (hi && (rc = number(&y, hi, "high", &in->scale_hi[k]))))
			goto done;
		if (!(in->scale_hi[k] > in->scale_lo[k])) {
			rc = yerr(&y, hi ? hi : d, "dimension: 'high' must be greater than 'low'", NULL, NULL);
			goto done;
		}
		yaml_node_t *marks = get(&y, d, "marks");
		if (marks) {
			if (marks->type != YAML_MAPPING_NODE) {
				rc = yerr(&y, marks, "'marks': expected a mapping of position: meaning", NULL, NULL);
				goto done;
			}
			for (yaml_node_pair_t *p = marks->data.mapping.pairs.start; p < marks->data.mapping.pairs.top; p++) {
				double v;
				yaml_node_t *kn = yaml_document_get_node(&doc, p->key);
				if ((rc = number(&y, kn, "marks", &v)))
					goto done;
				if (v < in->scale_lo[k] || v > in->scale_hi[k]) {
					rc = yerr(&y, kn, "'marks': position outside the scale", NULL, NULL);
					goto done;
				}
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *a = seq_at(&y, acts, i);
		if (a->type != YAML_MAPPING_NODE) {
			rc = yerr(&y, a, "actor: expected a mapping with name, capability, positions, saliences", NULL, NULL);
			goto done;
		}
		yaml_node_t *nm = get(&y, a, "name");
		if (!scalar(nm) || !*scalar(nm)) {
			rc = yerr(&y, nm ? nm : a, "actor: missing 'name'", NULL, NULL);
			goto done;
		}
		if ((rc = dup_scalar(&y, nm, "name", &in->actor[i])) ||
		    (rc = dup_scalar(&y, get(&y, a, "description"), "description", &in->actor_desc[i])))
			goto done;
		if (!in->actor_desc[i] && !(in->actor_desc[i] = mp_bargain__strdup(""))) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(in->actor[j], in->actor[i])) {
				rc = yerr(&y, nm, "actor \"", in->actor[i], "\" is duplicated");
				goto done;
			}
		yaml_node_t *cn = get(&y, a, "capability");
		if (!cn) {
			rc = yerr(&y, a, "actor: missing 'capability'", NULL, NULL);
			goto done;
		}
		if ((rc = number(&y, cn, "capability", &in->cap[i])))
			goto done;
		if (in->cap[i] <= 0) {
			rc = yerr(&y, cn, "'capability': expected a number > 0", NULL, NULL);
			goto done;
		}
		if ((rc = per_dim(&y, a, "positions", "position", in, in->pos + i * m)) ||
		    (rc = per_dim(&y, a, "saliences", "salience", in, in->sal + i * m)))
			goto done;
		double ssum = 0;
		for (size_t k = 0; k < m; k++) {
			yaml_node_t *pn = get(&y, a, "positions") ? get(&y, a, "positions") : get(&y, a, "position");
			yaml_node_t *sn = get(&y, a, "saliences") ? get(&y, a, "saliences") : get(&y, a, "salience");
			if (in->pos[i * m + k] < in->scale_lo[k] || in->pos[i * m + k] > in->scale_hi[k]) {
				rc = yerr(&y, pn->type == YAML_SEQUENCE_NODE ? seq_at(&y, pn, k) : pn,
					  "'positions': value outside the dimension's scale [low, high]", NULL, NULL);
				goto done;
			}
			if (in->sal[i * m + k] < 0 || in->sal[i * m + k] > 1) {
				rc = yerr(&y, sn->type == YAML_SEQUENCE_NODE ? seq_at(&y, sn, k) : sn,
					  "'saliences': expected a number in [0,1]", NULL, NULL);
				goto done;
			}
			ssum += in->sal[i * m + k];
		}
		if (ssum > 1 + 1e-9) {
			rc = yerr(&y, a, "actor: saliences sum to more than 1", NULL, NULL);
			goto done;
		}
	}
	*out = in;
	in = NULL;
done:
	mp_bargain_input_free(in);
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return rc;
}

int mp_bargain_input_read_yaml(mp_ctx *ctx, const char *path, mp_bargain_input **out)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = mp_bargain__slurp(ctx, path, &buf, &len);
	if (rc)
		return rc;
	rc = mp_bargain_input_parse_yaml(ctx, path, buf, len, out);
	free(buf);
	return rc;
}
