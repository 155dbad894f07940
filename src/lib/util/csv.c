/* RFC 4180 CSV reader (see csv.h). Written for the import path: one pass over the bytes,
 * fields split in place, UTF-8 validated as it goes (RFC 3629 section 4 byte ranges). */
#include "util/csv.h"
#include "util/file.h"
#include "util/vec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mp_csv_open(mp_ctx *ctx, const char *path, mp_csv *csv)
{
	memset(csv, 0, sizeof *csv);
	csv->path = path;
	int rc = mp_file__read(ctx, path, MP_FILE_MAX, &csv->buf, &csv->len);
	if (rc)
		return rc;
	if (csv->len == 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: empty file (expected a CSV header line)", path);
		goto done;
	}
	if (csv->len >= 3 && (unsigned char)csv->buf[0] == 0xEF && (unsigned char)csv->buf[1] == 0xBB &&
	    (unsigned char)csv->buf[2] == 0xBF)
		csv->pos = 3;
	csv->line = 1;
done:
	if (rc != MP_OK)
		mp_csv_close(csv);
	return rc;
}

int mp_csv_open_buffer(mp_ctx *ctx, const char *name, const char *data, size_t len, mp_csv *csv)
{
	memset(csv, 0, sizeof *csv);
	csv->path = name;
	if (len == 0)
		return mp_error_set(ctx, MP_EINPUT, "%s: empty file (expected a CSV header line)", name);
	if (!(csv->buf = malloc(len + 1)))
		return mp_error_set(ctx, MP_ENOMEM, "%s: out of memory reading %zu bytes", name, len);
	memcpy(csv->buf, data, len);
	csv->buf[len] = '\0';
	csv->len = len;
	if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	    (unsigned char)data[2] == 0xBF)
		csv->pos = 3;
	csv->line = 1;
	return MP_OK;
}

void mp_csv_bytes(const mp_csv *csv, const unsigned char **data, size_t *len)
{
	*data = (const unsigned char *)csv->buf;
	*len = csv->len;
}

void mp_csv_close(mp_csv *csv)
{
	free(csv->buf);
	free(csv->fields);
	free(csv->cols);
	csv->buf = NULL;
	csv->fields = NULL;
	csv->cols = NULL;
}

size_t mp_csv__utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (p + n > end)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return n;
}

static int push_field(mp_ctx *ctx, mp_csv *csv, char *start, size_t col)
{
	if (csv->nfields == csv->cap) {
		size_t cap = csv->cap, cap2 = csv->cap;
		if (mp_vec_reserve(&csv->fields, &cap, csv->nfields + 1, 32) ||
		    mp_vec_reserve(&csv->cols, &cap2, csv->nfields + 1, 32))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		csv->cap = cap;
	}
	csv->fields[csv->nfields] = start;
	csv->cols[csv->nfields] = col;
	csv->nfields++;
	return MP_OK;
}

int mp_csv_next(mp_ctx *ctx, mp_csv *csv)
{
	unsigned char *b = (unsigned char *)csv->buf;
	const unsigned char *end = b + csv->len;
	size_t p = csv->pos;
	int rc;

	/* skip blank lines */
	while (p < csv->len && (b[p] == '\n' || b[p] == '\r')) {
		if (b[p] == '\n')
			csv->line++;
		p++;
	}
	if (p >= csv->len) {
		csv->pos = p;
		return 0;
	}
	csv->nfields = 0;
	size_t line_start = p;
	size_t line = csv->line;
	for (;;) {
		/* one field */
		size_t col = p - line_start + 1;
		char *out = (char *)b + p;
		char *w = out;
		if (csv->trim) {
			size_t q = p;
			while (q < csv->len && (b[q] == ' ' || b[q] == '\t'))
				q++;
			if (q < csv->len && b[q] == '"')
				p = q, col = q - line_start + 1;
		}
		if (p < csv->len && b[p] == '"') {
			size_t qline = line, qcol = col;
			p++;
			for (;;) {
				if (p >= csv->len)
					return mp_error_set(
						ctx, MP_EINPUT,
						"%s:%zu:%zu: unterminated quoted field (expected a closing '\"')",
						csv->path, qline, qcol);
				unsigned char c = b[p];
				if (c == '"') {
					if (p + 1 < csv->len && b[p + 1] == '"') {
						*w++ = '"';
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (c == 0)
					return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: NUL byte: not a text CSV file",
							    csv->path, line, p - line_start + 1);
				size_t n = mp_csv__utf8_len(b + p, end);
				if (!n)
					return mp_error_set(
						ctx, MP_EINPUT,
						"%s:%zu:%zu: invalid UTF-8 byte 0x%02X (expected UTF-8 text)",
						csv->path, line, p - line_start + 1, c);
				if (c == '\n') {
					line++;
					line_start = p + 1;
				}
				for (size_t i = 0; i < n; i++)
					*w++ = (char)b[p++];
			}
			while (csv->trim && p < csv->len && (b[p] == ' ' || b[p] == '\t'))
				p++;
			if (p < csv->len && b[p] != ',' && b[p] != '\n' && b[p] != '\r')
				return mp_error_set(
					ctx, MP_EINPUT,
					"%s:%zu:%zu: unexpected character after a closing quote (expected ',' or end of line)",
					csv->path, line, p - line_start + 1);
		} else {
			while (p < csv->len) {
				unsigned char c = b[p];
				if (c == ',' || c == '\n' || c == '\r')
					break;
				if (c < 0x80) {
					if (c == 0)
						return mp_error_set(ctx, MP_EINPUT,
								    "%s:%zu:%zu: NUL byte: not a text CSV file",
								    csv->path, line, p - line_start + 1);
					if (c == '"')
						return mp_error_set(ctx, MP_EINPUT,
								    "%s:%zu:%zu: stray '\"' inside an unquoted field",
								    csv->path, line, p - line_start + 1);
					*w++ = (char)c;
					p++;
					continue;
				}
				size_t n = mp_csv__utf8_len(b + p, end);
				if (!n)
					return mp_error_set(
						ctx, MP_EINPUT,
						"%s:%zu:%zu: invalid UTF-8 byte 0x%02X (expected UTF-8 text)",
						csv->path, line, p - line_start + 1, c);
				for (size_t i = 0; i < n; i++)
					*w++ = (char)b[p++];
			}
		}
		unsigned char term = p < csv->len ? b[p] : '\n';
		*w = '\0'; /* w <= b + p, so this never overwrites unread input */
		if ((rc = push_field(ctx, csv, out, col)) != MP_OK)
			return rc;
		if (term == ',') {
			p++;
			continue;
		}
		/* end of record (b[p] may now be the NUL just written: use the saved term) */
		if (term == '\r') {
			p++;
			if (p < csv->len && b[p] == '\n')
				p++;
		} else if (p < csv->len)
			p++;
		line++;
		break;
	}
	csv->record_line = csv->line;
	csv->pos = p;
	csv->line = line;
	return 1;
}
