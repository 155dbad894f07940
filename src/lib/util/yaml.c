/* Internal: YAML documents via libyaml's document API (nodes keep their line marks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/yaml.h"

int mp_yaml__load(mp_ctx *ctx, const char *path, mp_yaml *y)
{
	memset(y, 0, sizeof *y);
	FILE *f = fopen(path, "rb");
	if (!f)
		return mp_error_set(ctx, MP_ENOTFOUND, "%s: cannot open: %s", path, strerror(errno));
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return mp_error_set(ctx, MP_ENOMEM, "%s: cannot initialise the YAML parser", path);
	}
	yaml_parser_set_input_file(&parser, f);
	int rc = MP_OK;
	if (!yaml_parser_load(&parser, &y->doc)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML syntax: %s", path,
				  parser.problem_mark.line + 1, parser.problem_mark.column + 1,
				  parser.problem ? parser.problem : "unreadable");
	} else {
		y->loaded = 1;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

typedef struct {
	const char *key;
	size_t at; /* index of the pair in its mapping */
} key_at;

static int cmp_key_at(const void *a, const void *b)
{
	const key_at *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* The repeated key of one mapping that comes first in the file (sorting the keys, so a
 * mapping of k keys costs O(k log k)): 1 and *dup, *first set, or 0. */
static int repeated_key(mp_yaml *y, yaml_node_t *n, key_at *ws, size_t *dup, size_t *first)
{
	size_t k = 0, np = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	for (size_t i = 0; i < np; i++) {
		const char *key = mp_yaml__scalar(y, n->data.mapping.pairs.start[i].key);
		if (key)
			ws[k++] = (key_at){ key, i };
	}
	qsort(ws, k, sizeof *ws, cmp_key_at);
	*dup = np;
	for (size_t i = 1, g = 0; i < k; i++) {
		if (strcmp(ws[i].key, ws[g].key)) {
			g = i;
			continue;
		}
		if (ws[i].at < *dup) {
			*dup = ws[i].at;
			*first = ws[g].at;
		}
	}
	return *dup < np;
}

/* No mapping of the document repeats a key (each node visited once, so aliases cost
 * nothing extra). */
static int check_unique(mp_ctx *ctx, const char *name, mp_yaml *y)
{
	size_t nn = (size_t)(y->doc.nodes.top - y->doc.nodes.start), most = 1;
	for (size_t id = 1; id <= nn; id++) {
		yaml_node_t *n = mp_yaml__node(y, (int)id);
		size_t np = n->type == YAML_MAPPING_NODE ? (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start) : 0;
		most = np > most ? np : most;
	}
	key_at *ws = malloc(most * sizeof *ws);
	if (!ws)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	int rc = MP_OK;
	for (size_t id = 1; id <= nn && rc == MP_OK; id++) {
		yaml_node_t *n = mp_yaml__node(y, (int)id);
		size_t dup, first = 0;
		if (n->type != YAML_MAPPING_NODE || !repeated_key(y, n, ws, &dup, &first))
			continue;
		yaml_node_pair_t *p = n->data.mapping.pairs.start;
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: duplicate key '%s' (first on line %zu)", name,
				  mp_yaml__line(y, p[dup].key), mp_yaml__col(y, p[dup].key), mp_yaml__scalar(y, p[dup].key),
				  mp_yaml__line(y, p[first].key));
	}
	free(ws);
	return rc;
}

int mp_yaml__load_strict(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_yaml *y)
{
	memset(y, 0, sizeof *y);
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return mp_error_set(ctx, MP_ENOMEM, "%s: cannot initialise the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	int rc = MP_OK;
	if (!yaml_parser_load(&parser, &y->doc)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML: %s", name, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1, parser.problem ? parser.problem : "syntax error");
		goto done;
	}
	y->loaded = 1;
	yaml_document_t more;
	if (!yaml_parser_load(&parser, &more)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML: %s", name, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1, parser.problem ? parser.problem : "syntax error");
		goto done;
	}
	yaml_node_t *root = yaml_document_get_root_node(&more);
	if (root)
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: a second YAML document (one document per file)", name,
				  more.start_mark.line + 1, more.start_mark.column + 1);
	yaml_document_delete(&more);
	if (rc == MP_OK)
		rc = check_unique(ctx, name, y);
done:
	yaml_parser_delete(&parser);
	if (rc != MP_OK)
		mp_yaml__free(y);
	return rc;
}

size_t mp_yaml__line(mp_yaml *y, int id)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	return n ? n->start_mark.line + 1 : 1;
}

size_t mp_yaml__col(mp_yaml *y, int id)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	return n ? n->start_mark.column + 1 : 1;
}

void mp_yaml__free(mp_yaml *y)
{
	if (y && y->loaded) {
		yaml_document_delete(&y->doc);
		y->loaded = 0;
	}
}

int mp_yaml__root(mp_yaml *y)
{
	return yaml_document_get_root_node(&y->doc) ? 1 : 0;
}

yaml_node_t *mp_yaml__node(mp_yaml *y, int id)
{
	return id > 0 ? yaml_document_get_node(&y->doc, id) : NULL;
}

const char *mp_yaml__scalar(mp_yaml *y, int id)
{
	yaml_node_t *n = mp_yaml__node(y, id);
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

int mp_yaml__get(mp_yaml *y, int map, const char *key)
{
	yaml_node_t *m = mp_yaml__node(y, map);
	if (!m || m->type != YAML_MAPPING_NODE)
		return 0;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = mp_yaml__scalar(y, p->key);
		if (k && !strcmp(k, key))
			return p->value;
	}
	return 0;
}

int mp_yaml__number(mp_yaml *y, int id, double *out)
{
	const char *s = mp_yaml__scalar(y, id);
	if (!s || !*s)
		return MP_EINPUT;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return MP_EINPUT;
	*out = v;
	return MP_OK;
}
