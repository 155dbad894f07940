/* The context handle and the one place where errors are raised (STYLE.md). */
#include "multipolar/common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MP_ERRMSG_MAX 1024

struct mp_ctx {
	pthread_mutex_t lock;
	int err_code;
	char err_msg[MP_ERRMSG_MAX];
	mp_progress_fn progress;
	void *progress_ud;
};

int mp_ctx_new(mp_ctx **out)
{
	mp_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return MP_ENOMEM;
	pthread_mutex_init(&ctx->lock, NULL);
	*out = ctx;
	return MP_OK;
}

void mp_ctx_free(mp_ctx *ctx)
{
	if (!ctx)
		return;
	pthread_mutex_destroy(&ctx->lock);
	free(ctx);
}

void mp_ctx_set_progress(mp_ctx *ctx, mp_progress_fn fn, void *userdata)
{
	ctx->progress = fn;
	ctx->progress_ud = userdata;
}

void mp_progress(mp_ctx *ctx, const char *task, double done, double total)
{
	if (ctx && ctx->progress)
		ctx->progress(ctx->progress_ud, task, done, total);
}

int mp_error_setv(mp_ctx *ctx, int code, const char *fmt, va_list ap)
{
	if (!ctx)
		return code;
	/* formatted into a local buffer first: the arguments may include the last message */
	char msg[MP_ERRMSG_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	pthread_mutex_lock(&ctx->lock);
	ctx->err_code = code;
	memcpy(ctx->err_msg, msg, sizeof msg);
	pthread_mutex_unlock(&ctx->lock);
	return code;
}

int mp_error_set(mp_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mp_error_setv(ctx, code, fmt, ap);
	va_end(ap);
	return code;
}

const char *mp_error_message(const mp_ctx *ctx)
{
	return ctx ? ctx->err_msg : "";
}

int mp_error_code(const mp_ctx *ctx)
{
	return ctx ? ctx->err_code : MP_OK;
}

void mp_error_clear(mp_ctx *ctx)
{
	if (!ctx)
		return;
	ctx->err_code = MP_OK;
	ctx->err_msg[0] = '\0';
}

const char *mp_strerror(int code)
{
	switch (code) {
#define MP_X_CASE(name, value, msg, exitc)                                                                             \
	case name: return msg;
		MP_ERROR_TABLE(MP_X_CASE)
#undef MP_X_CASE
	}
	return "unknown error";
}

int mp_exit_code(int code)
{
	switch (code) {
#define MP_X_CASE(name, value, msg, exitc)                                                                             \
	case name: return exitc;
		MP_ERROR_TABLE(MP_X_CASE)
#undef MP_X_CASE
	}
	return 1;
}

const char *mp_version(void)
{
	return MP_VERSION;
}

const char *mp_build_options(void)
{
	return "build-type=" MP_BUILD_TYPE
#if MP_HAVE_OPENMP
	       " openmp"
#endif
#if MP_HAVE_MPI
	       " mpi"
#endif
#if MP_SANITIZE
	       " sanitize=address,undefined"
#endif
	       " sqlite jansson libyaml gsl nettle igraph(loaded-on-use)";
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

int mp_data_path(mp_ctx *ctx, const char *rel, char **out)
{
	const char *bases[3] = { getenv("MULTIPOLAR_DATA"), MP_INSTALL_DATADIR, MP_SOURCE_DATADIR };
	for (size_t i = 0; i < 3; i++) {
		if (!bases[i] || !*bases[i])
			continue;
		size_t len = strlen(bases[i]) + strlen(rel) + 2;
		char *p = malloc(len);
		if (!p)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		snprintf(p, len, "%s/%s", bases[i], rel);
		if (file_exists(p)) {
			*out = p;
			return MP_OK;
		}
		free(p);
	}
	return mp_error_set(ctx, MP_ENOTFOUND, "shipped data file '%s' not found (looked in $MULTIPOLAR_DATA, %s, %s)",
			    rel, MP_INSTALL_DATADIR, MP_SOURCE_DATADIR);
}
