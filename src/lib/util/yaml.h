/* Internal: reading YAML documents (libyaml) with line numbers for error messages. */
#ifndef MP_UTIL_YAML_H
#define MP_UTIL_YAML_H

#include <yaml.h>

#include "multipolar/common.h"

typedef struct mp_yaml {
	yaml_document_t doc;
	int loaded;
} mp_yaml;

/* Parses the first document of `path`; syntax errors name file, line and column. */
int mp_yaml__load(mp_ctx *ctx, const char *path, mp_yaml *y);
/* Parses buf[0..len) strictly: exactly one document (a second one is an error at its
 * start) and no mapping with a repeated key (an error at the repeat, naming the line of
 * the first). `name` names the input in messages. */
int mp_yaml__load_strict(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_yaml *y);
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
