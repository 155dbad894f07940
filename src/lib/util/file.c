/* The one whole-file reader (file.h). */
#include "util/file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISFIFO(m))
		return "a pipe";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

int mp_file__open(mp_ctx *ctx, const char *path, size_t max, FILE **out, size_t *size)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return mp_error_set(ctx, errno == ENOENT ? MP_ENOTFOUND : MP_EIO, "%s: cannot open: %s", path,
				    strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		int e = errno;
		fclose(f);
		return mp_error_set(ctx, MP_EIO, "%s: cannot stat: %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		fclose(f);
		return mp_error_set(ctx, MP_EINPUT, "%s: is %s (expected a regular file)", path, kind(st.st_mode));
	}
	if ((unsigned long long)st.st_size > (unsigned long long)max) {
		fclose(f);
		return mp_error_set(ctx, MP_EINPUT, "%s: %lld bytes, more than the limit of %zu", path,
				    (long long)st.st_size, max);
	}
	*size = (size_t)st.st_size;
	*out = f;
	return MP_OK;
}

int mp_file__read(mp_ctx *ctx, const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	FILE *f;
	size_t size;
	int rc = mp_file__open(ctx, path, max, &f, &size);
	if (rc)
		return rc;
	char *buf = malloc(size + 1);
	if (!buf) {
		fclose(f);
		return mp_error_set(ctx, MP_ENOMEM, "%s: out of memory reading %zu bytes", path, size);
	}
	size_t got = fread(buf, 1, size, f);
	int bad = ferror(f) || got != size;
	fclose(f);
	if (bad) {
		free(buf);
		return mp_error_set(ctx, MP_EIO, "%s: read error", path);
	}
	buf[size] = '\0';
	*out = buf;
	*len = size;
	return MP_OK;
}
