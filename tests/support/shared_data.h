/* Locating ../shared/data for tests that read the real datasets. */
#ifndef MP_TEST_SHARED_DATA_H
#define MP_TEST_SHARED_DATA_H

/* Exit code that CTest reads as "skipped" (SKIP_RETURN_CODE). */
#define MP_TEST_SKIP 77

/* Directory of the shared datasets: $MULTIPOLAR_SHARED_DATA, else the build's default
 * (../shared/data beside the source tree). If `file` (relative to it) is missing, the
 * process exits: with MP_TEST_SKIP and a message, or, under CI=true, with failure.
 * The returned string is static. */
const char *mp_test_shared_data(const char *file);

/* Joins the shared data directory and `file` into a static buffer (one at a time). */
const char *mp_test_shared_path(const char *file);

#include <stddef.h>

#include "multipolar/common.h"
#include "multipolar/store.h"

/* A new database t.db in a fresh folder /tmp/mp_<tag>_XXXXXX (its path in dir[256]) with
 * the shared `files` imported; each file is looked up first, so a missing one skips or
 * fails as mp_test_shared_data says. 0, or -1 with the reason on stderr. */
int mp_test_db_open(const char *tag, const char *const *files, size_t n, char dir[256], mp_ctx **ctx, mp_store **st);
/* Frees what mp_test_db_open made and removes its folder: 0, or -1. */
int mp_test_db_close(const char *dir, mp_ctx *ctx, mp_store *st);

#endif
