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

#endif
