/* Internal: YAML documents via libyaml's document API (nodes keep their line marks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/yaml.h"

/* Longest YAML input read (scenario and parameter files are a few KB): a device such as
 * /dev/zero or a huge file is refused instead of read until memory runs out. */
#define MP_YAML_MAX_BYTES (16u << 20)

typedef struct reader {
	FILE *f;
	size_t total;
	int too_big;
} reader;

static int read_bounded(void *data, unsigned char *buf, size_t size, size_t *got)
{
	reader *r = data;
	size_t n = fread(buf, 1, size, r->f);
	if (ferror(r->f))
		return 0;
	r->total += n;
	if (r->total > MP_YAML_MAX_BYTES) {
		r->too_big = 1;
		return 0;
	}
	*got = n;
	return 1;
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

/* The repeated key of mapping n that comes first in the file (sorting the keys, so a
 * mapping of k keys costs O(k log k), not O(k^2)): 1 with *dup, *first set, or 0. */
static int repeated_key(yaml_document_t *doc, yaml_node_t *n, key_at *ws, size_t *dup, size_t *first)
{
	size_t k = 0, np = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	for (size_t i = 0; i < np; i++) {
		yaml_node_t *kn = yaml_document_get_node(doc, n->data.mapping.pairs.start[i].key);
		if (kn && kn->type == YAML_SCALAR_NODE)
			ws[k++] = (key_at){ (const char *)kn->data.scalar.value, i };
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

/* A key appearing twice in one mapping (YAML 1.2 section 3.2.1.1: keys are unique; libyaml
 * keeps both and the reader would take one silently). Each node is visited once, so
 * aliases cost nothing extra. */
int mp_yaml__check_keys(mp_ctx *ctx, const char *path, yaml_document_t *doc)
{
	size_t most = 1;
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_MAPPING_NODE &&
		    (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start) > most)
			most = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	key_at *ws = malloc(most * sizeof *ws);
	if (!ws)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	int rc = MP_OK;
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top && rc == MP_OK; n++) {
		size_t dup, first = 0;
		if (n->type != YAML_MAPPING_NODE || !repeated_key(doc, n, ws, &dup, &first))
			continue;
		yaml_node_pair_t *p = n->data.mapping.pairs.start;
		yaml_node_t *k = yaml_document_get_node(doc, p[dup].key),
			    *k0 = yaml_document_get_node(doc, p[first].key);
		rc = mp_error_set(
			ctx, MP_EINPUT,
			"%s:%zu:%zu: key '%s' appears twice in this mapping (first on line %zu); each key once", path,
			k->start_mark.line + 1, k->start_mark.column + 1, (const char *)k->data.scalar.value,
			k0->start_mark.line + 1);
	}
	free(ws);
	return rc;
}

/* After the first document of `parser` is loaded into y: its keys are unique and no second
 * document follows (it would be ignored silently). */
static int one_document(mp_ctx *ctx, const char *path, yaml_parser_t *parser, mp_yaml *y, const int *too_big)
{
	int rc = mp_yaml__check_keys(ctx, path, &y->doc);
	yaml_document_t next;
	if (rc != MP_OK || !yaml_document_get_root_node(&y->doc))
		return rc;
	if (!yaml_parser_load(parser, &next))
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML syntax: %s", path, parser->problem_mark.line + 1,
				    parser->problem_mark.column + 1,
				    too_big && *too_big ? "file too long"
				    : parser->problem   ? parser->problem
							: "unreadable");
	yaml_node_t *root = yaml_document_get_root_node(&next);
	if (root)
		rc = mp_error_set(ctx, MP_EINPUT,
				  "%s:%zu:%zu: a second YAML document; a scenario or parameter file holds one", path,
				  root->start_mark.line + 1, root->start_mark.column + 1);
	yaml_document_delete(&next);
	return rc;
}

int mp_yaml__load(mp_ctx *ctx, const char *path, mp_yaml *y)
{
	memset(y, 0, sizeof *y);
	FILE *f;
	size_t size;
	int rc = mp_file__open(ctx, path, MP_FILE_MAX, &f, &size);
	if (rc)
		return rc == MP_EIO ? mp_error_set(ctx, MP_ENOTFOUND, "%s", mp_error_message(ctx)) : rc;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return mp_error_set(ctx, MP_ENOMEM, "%s: cannot initialise the YAML parser", path);
	}
	reader rd = { f, 0, 0 };
	yaml_parser_set_input(&parser, read_bounded, &rd);
	rc = MP_OK;
	if (!yaml_parser_load(&parser, &y->doc)) {
		if (rd.too_big)
			rc = mp_error_set(ctx, MP_EINPUT, "%s: longer than %u MB: not a scenario or parameter file",
					  path, MP_YAML_MAX_BYTES >> 20);
		else
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML syntax: %s", path,
					  parser.problem_mark.line + 1, parser.problem_mark.column + 1,
					  parser.problem ? parser.problem : "unreadable");
	} else {
		y->loaded = 1;
		rc = one_document(ctx, path, &parser, y, &rd.too_big);
		if (rc != MP_OK) {
			yaml_document_delete(&y->doc);
			y->loaded = 0;
		}
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int mp_yaml__load_buffer(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_yaml *y)
{
	memset(y, 0, sizeof *y);
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return mp_error_set(ctx, MP_ENOMEM, "%s: cannot initialise the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	int rc = MP_OK;
	if (!yaml_parser_load(&parser, &y->doc))
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: YAML syntax: %s", name, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1, parser.problem ? parser.problem : "unreadable");
	else {
		y->loaded = 1;
		rc = one_document(ctx, name, &parser, y, NULL);
	}
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
