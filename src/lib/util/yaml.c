/* Internal: YAML documents via libyaml's document API (nodes keep their line marks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/yaml.h"

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
	yaml_parser_set_input_file(&parser, f);
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
