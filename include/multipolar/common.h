/*
 * multipolar: common types, the context handle and error handling.
 *
 * Conventions (see docs/api.md):
 *  - Functions return int: 0 (MP_OK) on success, a negative MP_E* code on failure;
 *    results go through out-parameters. `T **out` means the caller owns *out and frees
 *    it with the matching _free(), which accepts NULL.
 *  - The detail of the last failure (file, line, column, what was expected) is kept in
 *    the context: mp_error_message(ctx).
 *  - Missing values in numeric data are NaN (MP_NA), never -9 or 0.
 */
#ifndef MULTIPOLAR_COMMON_H
#define MULTIPOLAR_COMMON_H

#include "multipolar/export.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The mark of an exported declaration (multipolar/export.h defines it for builds with
 * hidden visibility; without that header it marks nothing). */
#ifndef MP_EXTERN
#define MP_EXTERN
#endif

/* Error codes: X(name, value, message, exit_code). The CLI maps them to exit codes:
 * 2 for usage or input errors, 1 for runtime failures. */
#define MP_ERROR_TABLE(X)                                                                                              \
	X(MP_OK, 0, "ok", 0)                                                                                           \
	X(MP_ERROR, -1, "error", 1)                                                                                    \
	X(MP_EUSAGE, -2, "usage error", 2)                                                                             \
	X(MP_EINPUT, -3, "invalid input", 2)                                                                           \
	X(MP_ENOTFOUND, -4, "not found", 2)                                                                            \
	X(MP_ERANGE, -5, "out of range", 2)                                                                            \
	X(MP_ENOMEM, -6, "out of memory", 1)                                                                           \
	X(MP_EIO, -7, "input/output error", 1)                                                                         \
	X(MP_EDB, -8, "database error", 1)                                                                             \
	X(MP_EINTERRUPTED, -9, "interrupted", 1)                                                                       \
	X(MP_EUNSUPPORTED, -10, "not supported by this build", 1)

enum mp_error_code {
#define MP_X_ENUM(name, value, msg, exitc) name = value,
	MP_ERROR_TABLE(MP_X_ENUM)
#undef MP_X_ENUM
};

/* Missing value marker for doubles. */
#define MP_NA ((double)NAN)
#define mp_is_na(x) (isnan(x))

/* The context: last error, progress hook. One per thread of control; error setting is
 * thread-safe, so workers of one ensemble may share their parent's context. */
typedef struct mp_ctx mp_ctx;

/* Progress hook: called with done/total units of work for a named task. total <= 0 means
 * unknown. done == total marks the end. */
typedef void (*mp_progress_fn)(void *userdata, const char *task, double done, double total);

MP_EXTERN int mp_ctx_new(mp_ctx **out);
MP_EXTERN void mp_ctx_free(mp_ctx *ctx);
MP_EXTERN void mp_ctx_set_progress(mp_ctx *ctx, mp_progress_fn fn, void *userdata);
/* Reports progress through the hook (no-op without one). */
MP_EXTERN void mp_progress(mp_ctx *ctx, const char *task, double done, double total);

/* The one place errors are raised: records `code` and the formatted detail in ctx and
 * returns code (so `return mp_error_set(ctx, MP_EINPUT, "...")` reads naturally).
 * ctx may be NULL (then only the code is returned). */
MP_EXTERN int mp_error_set(mp_ctx *ctx, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
MP_EXTERN int mp_error_setv(mp_ctx *ctx, int code, const char *fmt, va_list ap);
/* Last error detail ("" when none) and code (MP_OK when none). Borrowed from ctx. */
MP_EXTERN const char *mp_error_message(const mp_ctx *ctx);
MP_EXTERN int mp_error_code(const mp_ctx *ctx);
MP_EXTERN void mp_error_clear(mp_ctx *ctx);
/* Generic message of a code ("invalid input"). Static string. */
MP_EXTERN const char *mp_strerror(int code);
/* Process exit code for an error code: 0 ok, 2 usage/input, 1 runtime. */
MP_EXTERN int mp_exit_code(int code);

/* Library version ("0.1.0") and build features ("openmp mpi sanitize" ...). Static. */
MP_EXTERN const char *mp_version(void);
MP_EXTERN const char *mp_build_options(void);

/* Path of a shipped data file (poles, default world, scenarios), `rel` relative to the
 * data directory: $MULTIPOLAR_DATA, else the installed copy, else the source tree.
 * *out is malloc'd; the caller frees it. MP_ENOTFOUND if the file exists in none. */
MP_EXTERN int mp_data_path(mp_ctx *ctx, const char *rel, char **out);

#ifdef __cplusplus
}
#endif
#endif
