/*
 * A fast RFC 4180 CSV reader over a file held in memory: LF or CRLF line ends, quoted
 * fields with "" escapes, a UTF-8 BOM, and a last line with or without a newline.
 * Fields are NUL-terminated in place (the buffer is modified). Every byte is checked to
 * be valid UTF-8 and not NUL, so binary files and bad encodings are rejected with the
 * line and column where they occur.
 */
#ifndef MP_UTIL_CSV_H
#define MP_UTIL_CSV_H

#include <stddef.h>

#include "multipolar/common.h"

typedef struct mp_csv {
	const char *path; /* for messages */
	char *buf;        /* whole file, NUL-terminated */
	size_t len, pos;
	size_t line;        /* line number where the next record starts (1-based) */
	size_t record_line; /* line number of the current record's start */
	char **fields;      /* current record */
	size_t *cols;       /* 1-based byte column of each field's start in its line */
	size_t nfields, cap;
	int trim; /* set after opening: blanks around a quoted field are allowed and
			     * dropped (KTAB files write `a, "b c", d`); unquoted fields keep them */
} mp_csv;

/* Reads the whole file. MP_EIO if unreadable, MP_EINPUT if empty. */
int mp_csv_open(mp_ctx *ctx, const char *path, mp_csv *csv);
/* Same over a copy of data[0..len) (a file already read, a buffer to fuzz); `name`
 * names it in messages and must outlive csv. */
int mp_csv_open_buffer(mp_ctx *ctx, const char *name, const char *data, size_t len, mp_csv *csv);
/* Also gives the file's bytes (for hashing) before parsing modifies them: *data borrowed,
 * valid until the first mp_csv_next. */
void mp_csv_bytes(const mp_csv *csv, const unsigned char **data, size_t *len);
/* Next record into csv->fields[0..nfields). Returns 1 with a record, 0 at end, or a
 * negative MP_EINPUT with the file:line:column in ctx. Blank lines are skipped. */
int mp_csv_next(mp_ctx *ctx, mp_csv *csv);
void mp_csv_close(mp_csv *csv);
/* Length (1..4) of the valid UTF-8 sequence at p, before end (RFC 3629 section 4 byte
 * ranges), or 0 if it is not valid UTF-8. */
size_t mp_csv__utf8_len(const unsigned char *p, const unsigned char *end);

#endif
