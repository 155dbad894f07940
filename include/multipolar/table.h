/*
 * Tidy result tables and their output formats: aligned text for people, CSV and JSON
 * (one row per unit-year) for R and pandas.
 *
 * A table owns its cells. Missing cells (never set, NaN reals, NULL text) print as
 * empty in text and CSV and as null in JSON. Reals print in CSV/JSON with the shortest
 * form that reads back to the same double.
 */
#ifndef MULTIPOLAR_TABLE_H
#define MULTIPOLAR_TABLE_H

#include "multipolar/export.h"

#include <stdint.h>
#include <stdio.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { MP_COL_INT, MP_COL_REAL, MP_COL_TEXT } mp_col_type;
typedef enum { MP_FORMAT_TEXT, MP_FORMAT_CSV, MP_FORMAT_JSON } mp_format;

typedef struct mp_table mp_table;

/* A column: its name, type and (for text output of reals) digits after the point. */
typedef struct mp_column {
	const char *name;
	mp_col_type type;
	int digits; /* text output of reals; 0 means 4 */
} mp_column;

MP_EXTERN int mp_table_new(mp_table **out, const mp_column *cols, size_t ncols);
MP_EXTERN void mp_table_free(mp_table *t);
/* Appends an empty row (all cells missing) and returns its index through *row. */
MP_EXTERN int mp_table_add_row(mp_table *t, size_t *row);
MP_EXTERN void mp_table_set_int(mp_table *t, size_t row, size_t col, int64_t v);
MP_EXTERN void mp_table_set_real(mp_table *t, size_t row, size_t col, double v);
/* Copies v; NULL means missing. */
MP_EXTERN int mp_table_set_text(mp_table *t, size_t row, size_t col, const char *v);
MP_EXTERN size_t mp_table_rows(const mp_table *t);
MP_EXTERN size_t mp_table_cols(const mp_table *t);
MP_EXTERN const char *mp_table_col_name(const mp_table *t, size_t col);
/* Cell readers: *missing set to 1 when the cell is missing. Text is borrowed. */
MP_EXTERN int64_t mp_table_get_int(const mp_table *t, size_t row, size_t col, int *missing);
MP_EXTERN double mp_table_get_real(const mp_table *t, size_t row, size_t col);
MP_EXTERN const char *mp_table_get_text(const mp_table *t, size_t row, size_t col);

/* Writes the table. Text: aligned columns with a header rule; control characters and
 * invalid UTF-8 in text cells are shown as \xHH. CSV: a text cell that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR, and not just a number such as
 * "-0.5") is written as "'..." (OWASP's CSV-injection advice); numeric columns are never
 * changed. JSON: text that is not UTF-8 is an error (MP_EINPUT). */
MP_EXTERN int mp_table_write(mp_ctx *ctx, const mp_table *t, FILE *f, mp_format fmt);
/* Flags of mp_table_write_flags. MP_TABLE_RAW: CSV cells exactly as stored (no prefix). */
enum { MP_TABLE_RAW = 1u };
MP_EXTERN int mp_table_write_flags(mp_ctx *ctx, const mp_table *t, FILE *f, mp_format fmt, unsigned flags);
/* Copies s to out (size bytes, NUL-terminated) with control characters (C0, DEL, C1) and
 * invalid UTF-8 bytes written as \xHH; returns the length. For text shown on a terminal. */
MP_EXTERN size_t mp_text_escape(const char *s, char *out, size_t size);
/* fputs with mp_text_escape, any length. */
MP_EXTERN void mp_text_fputs(const char *s, FILE *f);
/* Parses "text", "table", "csv" or "json". */
/* Column col's description (name, type, digits); NULL past the last. */
MP_EXTERN const mp_column *mp_table_column(const mp_table *t, size_t col);
/* CSV rows of t, with the header line or without (for a table written in parts). */
MP_EXTERN int mp_table_write_csv(const mp_table *t, FILE *f, int header);
/* Appends the rows of src (same columns) to dst. */
MP_EXTERN int mp_table_append(mp_table *dst, const mp_table *src);
MP_EXTERN int mp_format_parse(const char *s, mp_format *out);
/* Shortest "%.{15,16,17}g" form of v that reads back as v; "" for NaN. buf >= 32. */
MP_EXTERN void mp_format_real(char *buf, size_t size, double v);

#ifdef __cplusplus
}
#endif
#endif
