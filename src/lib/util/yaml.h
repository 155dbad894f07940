/* Internal: reading YAML documents (libyaml) with line numbers for error messages. */
#ifndef MP_UTIL_YAML_H
#define MP_UTIL_YAML_H

#include <yaml.h>

#include "multipolar/common.h"

typedef struct mp_yaml {
	yaml_document_t doc;
	int loaded;
} mp_yaml;

/* Parses the one document of `path` (at most 16 MB); syntax errors, a key twice in one
 * mapping and a second document are MP_EINPUT naming file, line and column. */
int mp_yaml__load(mp_ctx *ctx, const char *path, mp_yaml *y);
/* The same over buf[0..len) (a file the caller read with its own size limit); `name`
 * names it in messages. */
int mp_yaml__load_buffer(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_yaml *y);
/* MP_EINPUT when a mapping of doc has a key twice (file:line:column of the second). */
int mp_yaml__check_keys(mp_ctx *ctx, const char *path, yaml_document_t *doc);
/* 1-based line and column where a node starts (1, 1 for id 0). */
size_t mp_yaml__line(mp_yaml *y, int id);
size_t mp_yaml__col(mp_yaml *y, int id);
void mp_yaml__free(mp_yaml *y);
/* Root node id (0 for an empty document). */
int mp_yaml__root(mp_yaml *y);
yaml_node_t *mp_yaml__node(mp_yaml *y, int id);
/* Value node id of `key` in mapping `map`, or 0. */
int mp_yaml__get(mp_yaml *y, int map, const char *key);
/* Scalar text of a node, or NULL if it is not a scalar. */
const char *mp_yaml__scalar(mp_yaml *y, int id);
/* Scalar parsed as a finite number (MP_EINPUT otherwise). */
int mp_yaml__number(mp_yaml *y, int id, double *out);

#endif
