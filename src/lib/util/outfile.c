/* Atomic output files (multipolar/outfile.h): a temporary file beside the destination,
 * renamed on success, removed on failure, exit or a caught signal. Open temporary files
 * are listed in a fixed table of atomic pointers, which a signal handler may read. */
#include "multipolar/outfile.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MP_OUTFILE_MAX 32

struct mp_outfile {
	FILE *f;
	char *tmp, *path;
	int slot;
};

static _Atomic(char *) open_tmp[MP_OUTFILE_MAX];
static atomic_flag exit_hook = ATOMIC_FLAG_INIT;

void mp_outfile_cleanup(void)
{
	for (int i = 0; i < MP_OUTFILE_MAX; i++) {
		char *p = atomic_load(&open_tmp[i]);
		if (p)
			(void)unlink(p); /* async-signal-safe (POSIX.1-2017 2.4.3) */
	}
}

static void at_exit(void) { mp_outfile_cleanup(); }

static int enlist(char *tmp)
{
	for (int i = 0; i < MP_OUTFILE_MAX; i++) {
		char *none = NULL;
		if (atomic_compare_exchange_strong(&open_tmp[i], &none, tmp))
			return i;
	}
	return -1;
}

int mp_outfile_open(mp_ctx *ctx, const char *path, mp_outfile **out)
{
	*out = NULL;
	if (!path || !*path)
		return mp_error_set(ctx, MP_EUSAGE, "an output path is required");
	if (!atomic_flag_test_and_set(&exit_hook))
		atexit(at_exit);
	mp_outfile *o = calloc(1, sizeof *o);
	size_t len = strlen(path) + 16;
	if (!o || !(o->tmp = malloc(len)) || !(o->path = strdup(path))) {
		if (o)
			free(o->tmp);
		free(o);
		return mp_error_set(ctx, MP_ENOMEM, "%s: out of memory", path);
	}
	snprintf(o->tmp, len, "%s.tmpXXXXXX", path);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		free(o->tmp);
		free(o->path);
		free(o);
		return mp_error_set(ctx, MP_EIO, "%s: cannot create a temporary file beside it: %s", path, strerror(e));
	}
	/* listed before anything else can fail or a signal can come */
	o->slot = enlist(o->tmp);
	/* mkstemp makes the file private (0600); outputs are for reading (the umask is not
	 * consulted: changing it to read it would race with other threads) */
	(void)fchmod(fd, 0644);
	if (o->slot < 0 || !(o->f = fdopen(fd, "w"))) {
		close(fd);
		o->f = NULL;
		return mp_outfile_close(ctx, o, mp_error_set(ctx, MP_EIO, "%s: cannot open a temporary file%s", path,
							     o->slot < 0 ? " (too many open outputs)" : ""));
	}
	*out = o;
	return MP_OK;
}

FILE *mp_outfile_stream(mp_outfile *o) { return o->f; }

int mp_outfile_close(mp_ctx *ctx, mp_outfile *o, int rc)
{
	if (!o)
		return rc;
	if (o->f) {
		if (fflush(o->f) != 0 && rc == MP_OK)
			rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
		if (rc == MP_OK && fsync(fileno(o->f)) != 0 && errno != EINVAL)
			rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
		if (fclose(o->f) != 0 && rc == MP_OK)
			rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
	}
	if (rc == MP_OK && rename(o->tmp, o->path) != 0)
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot rename the finished file into place: %s", o->path,
				  strerror(errno));
	if (rc != MP_OK)
		unlink(o->tmp);
	if (o->slot >= 0)
		atomic_store(&open_tmp[o->slot], NULL);
	free(o->tmp);
	free(o->path);
	free(o);
	return rc;
}
