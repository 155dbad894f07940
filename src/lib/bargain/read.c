/* The one entry point for negotiation input files: reads the file (at most
 * MP_BARGAIN_INPUT_MAX_BYTES, also from a device or a pipe, so `/dev/zero` is refused after
 * 64 MiB instead of filling memory) and picks the reader by name or content: YAML
 * (yaml.c), KTAB XML (xml.c) or CSV (csv.c: BDM or KTAB layout). */
#include "bargain/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int ends_with(const char *s, const char *suffix)
{
	size_t l = strlen(s), k = strlen(suffix);
	return l > k && !strcasecmp(s + l - k, suffix);
}

/* Reads the whole file into a NUL-terminated buffer. */
static int read_file(mp_ctx *ctx, const char *path, char **buf, size_t *len)
{
	const size_t max = MP_BARGAIN_INPUT_MAX_BYTES;
	FILE *f = fopen(path, "rb");
	if (!f)
		return mp_error_set(ctx, errno == ENOENT ? MP_ENOTFOUND : MP_EIO, "%s: cannot open: %s", path,
				    strerror(errno));
	struct stat st;
	int rc = MP_OK;
	char *b = NULL;
	size_t cap = 0, n = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: is a directory, not a negotiation input file", path);
		goto done;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: %.0f MB, larger than the %zu MiB limit for negotiation inputs",
				  path, (double)st.st_size / 1e6, max >> 20);
		goto done;
	}
	for (;;) {
		if (n == cap) {
			/* one byte beyond the limit tells a file at the limit from a longer one */
			size_t nc = cap ? 2 * cap : 65536;
			nc = nc > max + 1 ? max + 1 : nc;
			if (nc == cap)
				break;
			char *nb = realloc(b, nc + 1);
			if (!nb) {
				rc = mp_error_set(ctx, MP_ENOMEM, "%s: out of memory reading it", path);
				goto done;
			}
			b = nb;
			cap = nc;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		rc = mp_error_set(ctx, MP_EIO, "%s: read error: %s", path, strerror(errno));
	else if (n > max)
		rc = mp_error_set(ctx, MP_EINPUT,
				  "%s: more than the %zu MiB limit for negotiation inputs (a device or a pipe?)", path,
				  max >> 20);
done:
	fclose(f);
	if (rc) {
		free(b);
		return rc;
	}
	if (!b && !(b = malloc(1)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	b[n] = '\0';
	*buf = b;
	*len = n;
	return MP_OK;
}

int mp_bargain_input_parse(mp_ctx *ctx, const char *name, const char *buf, size_t len, int flags,
			   mp_bargain_input **out)
{
	if (ends_with(name, ".yaml") || ends_with(name, ".yml"))
		return mp_bargain_input_parse_yaml(ctx, name, buf, len, out);
	/* XML: by name, or a first character '<' after a UTF-8 byte order mark and blanks */
	size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (ends_with(name, ".xml") || (i < len && buf[i] == '<'))
		return mp_bargain_input_parse_xml(ctx, name, buf, len, out);
	return mp_bargain_input_parse_csv(ctx, name, buf, len, flags, out);
}

/* The three file entry points: the file read once, then one parser. */
typedef enum { ANY, CSV, YAML } reader;

static int read_as(mp_ctx *ctx, const char *path, int flags, reader as, mp_bargain_input **out)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = read_file(ctx, path, &buf, &len);
	if (rc == MP_OK)
		rc = as == CSV    ? mp_bargain_input_parse_csv(ctx, path, buf, len, flags, out)
		     : as == YAML ? mp_bargain_input_parse_yaml(ctx, path, buf, len, out)
				  : mp_bargain_input_parse(ctx, path, buf, len, flags, out);
	free(buf);
	return rc;
}

int mp_bargain_input_read(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out)
{
	return read_as(ctx, path, flags, ANY, out);
}

int mp_bargain_input_read_csv(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out)
{
	return read_as(ctx, path, flags, CSV, out);
}

int mp_bargain_input_read_yaml(mp_ctx *ctx, const char *path, mp_bargain_input **out)
{
	return read_as(ctx, path, 0, YAML, out);
}
