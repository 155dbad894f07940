/* Atomic output files that honour the umask (multipolar/output.h). mkstemp(3) creates
 * its file with mode 0600 whatever the umask; open(2) with O_CREAT|O_EXCL and mode 0666
 * lets the kernel apply the umask, so the temporary file is made that way, with a name
 * that is tried again when taken. Open temporary files are listed in a fixed table of
 * atomic pointers, which a signal handler and an atexit hook read to remove them. */
#include "multipolar/output.h"

#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Six characters from [A-Za-z0-9] for a temporary name: a SplitMix64 step (Steele, Lea &
 * Flood 2014) over the time, the process id and the attempt. Not for secrecy: O_EXCL makes
 * a taken name fail and the next attempt draws another. */
static void suffix(char out[7], unsigned attempt)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t z = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 12) ^
		     ((uint64_t)attempt * 0x9E3779B97F4A7C15ull) ^ (uint64_t)(uintptr_t)out;
	z += 0x9E3779B97F4A7C15ull;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	z ^= z >> 31;
	for (int i = 0; i < 6; i++) {
		out[i] = chars[z % 62];
		z /= 62;
	}
	out[6] = '\0';
}

#define MP_OUTPUT_MAX 32

static _Atomic(char *) open_tmp[MP_OUTPUT_MAX];
static atomic_flag exit_hook = ATOMIC_FLAG_INIT;

void mp_output_cleanup(void)
{
	for (int i = 0; i < MP_OUTPUT_MAX; i++) {
		char *p = atomic_load(&open_tmp[i]);
		if (p)
			(void)unlink(p); /* async-signal-safe (POSIX.1-2017 section 2.4.3) */
	}
}

static void at_exit(void)
{
	mp_output_cleanup();
}

/* Lists tmp for removal; 0, or -1 when the table is full. */
static int enlist(char *tmp)
{
	if (!atomic_flag_test_and_set(&exit_hook))
		atexit(at_exit);
	for (int i = 0; i < MP_OUTPUT_MAX; i++) {
		char *none = NULL;
		if (atomic_compare_exchange_strong(&open_tmp[i], &none, tmp))
			return 0;
	}
	return -1;
}

/* Takes tmp off the list, before it is freed. */
static void delist(char *tmp)
{
	for (int i = 0; i < MP_OUTPUT_MAX; i++) {
		char *p = tmp;
		if (atomic_compare_exchange_strong(&open_tmp[i], &p, NULL))
			return;
	}
}

int mp_output_open(mp_ctx *ctx, const char *path, mp_output *o)
{
	memset(o, 0, sizeof *o);
	if (!path || !*path)
		return mp_error_set(ctx, MP_EUSAGE, "an output path is required");
	size_t len = strlen(path) + 16;
	o->tmp = malloc(len);
	o->path = strdup(path);
	if (!o->tmp || !o->path) {
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return mp_error_set(ctx, MP_ENOMEM, "%s: out of memory", path);
	}
	int fd = -1, err = 0;
	/* listed before the file exists: a signal from now on removes it */
	snprintf(o->tmp, len, "%s.tmp", path);
	if (enlist(o->tmp) != 0) {
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return mp_error_set(ctx, MP_EIO, "%s: too many output files open at once", path);
	}
	for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
		char s[7];
		suffix(s, attempt);
		snprintf(o->tmp, len, "%s.tmp%s", path, s);
		fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		err = errno;
		if (fd < 0 && err != EEXIST)
			break;
	}
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		if (fd >= 0) {
			err = errno;
			close(fd);
			unlink(o->tmp);
		}
		delist(o->tmp);
		int rc = mp_error_set(ctx, MP_EIO, "%s: cannot create a temporary file beside it: %s", path,
				      strerror(err));
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return rc;
	}
	return MP_OK;
}

int mp_output_close(mp_ctx *ctx, mp_output *o, int rc)
{
	if (!o->f) {
		if (o->tmp)
			delist(o->tmp);
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return rc;
	}
	if (rc == MP_OK && (fflush(o->f) != 0 || ferror(o->f)))
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
	if (rc == MP_OK && fsync(fileno(o->f)) != 0)
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
	if (fclose(o->f) != 0 && rc == MP_OK)
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
	if (rc == MP_OK && rename(o->tmp, o->path) != 0)
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot rename the finished file into place: %s", o->path,
				  strerror(errno));
	if (rc != MP_OK)
		unlink(o->tmp);
	delist(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}
