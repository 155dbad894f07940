/* Tidy result tables: text, CSV (RFC 4180) and JSON (via Jansson) output. */
#include "multipolar/table.h"
#include "util/vec.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct cell {
	int set;
	union {
		int64_t i;
		double r;
		char *s;
	} v;
} cell;

struct mp_table {
	mp_column *cols;
	size_t ncols;
	cell *cells;
	size_t nrows, cap;
};

int mp_table_new(mp_table **out, const mp_column *cols, size_t ncols)
{
	mp_table *t = calloc(1, sizeof *t);
	if (!t)
		return MP_ENOMEM;
	t->cols = calloc(ncols, sizeof *t->cols);
	if (!t->cols) {
		free(t);
		return MP_ENOMEM;
	}
	for (size_t i = 0; i < ncols; i++) {
		t->cols[i] = cols[i];
		t->cols[i].name = strdup(cols[i].name);
		if (!t->cols[i].name) {
			t->ncols = i;
			mp_table_free(t);
			return MP_ENOMEM;
		}
	}
	t->ncols = ncols;
	*out = t;
	return MP_OK;
}

void mp_table_free(mp_table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (t->cols[c].type == MP_COL_TEXT && t->cells[r * t->ncols + c].set)
				free(t->cells[r * t->ncols + c].v.s);
	for (size_t c = 0; c < t->ncols; c++)
		free((char *)t->cols[c].name);
	free(t->cols);
	free(t->cells);
	free(t);
}

int mp_table_add_row(mp_table *t, size_t *row)
{
	if (t->nrows == t->cap) {
		/* rows of ncols cells: the capacity counts cells, t->cap rows */
		size_t cells = t->cap * t->ncols;
		if (mp_vec_reserve(&t->cells, &cells, (t->nrows + 1) * t->ncols, 64 * t->ncols))
			return MP_ENOMEM;
		t->cap = cells / t->ncols;
	}
	memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof *t->cells);
	if (row)
		*row = t->nrows;
	t->nrows++;
	return MP_OK;
}

static cell *at(const mp_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

void mp_table_set_int(mp_table *t, size_t row, size_t col, int64_t v)
{
	cell *c = at(t, row, col);
	if (t->cols[col].type == MP_COL_REAL) {
		c->set = 1;
		c->v.r = (double)v;
		return;
	}
	c->set = 1;
	c->v.i = v;
}

void mp_table_set_real(mp_table *t, size_t row, size_t col, double v)
{
	cell *c = at(t, row, col);
	c->set = !isnan(v);
	c->v.r = v;
}

int mp_table_set_text(mp_table *t, size_t row, size_t col, const char *v)
{
	cell *c = at(t, row, col);
	if (c->set)
		free(c->v.s);
	c->set = 0;
	if (!v)
		return MP_OK;
	c->v.s = strdup(v);
	if (!c->v.s)
		return MP_ENOMEM;
	c->set = 1;
	return MP_OK;
}

size_t mp_table_rows(const mp_table *t)
{
	return t->nrows;
}
size_t mp_table_cols(const mp_table *t)
{
	return t->ncols;
}
const char *mp_table_col_name(const mp_table *t, size_t col)
{
	return t->cols[col].name;
}

int64_t mp_table_get_int(const mp_table *t, size_t row, size_t col, int *missing)
{
	const cell *c = at(t, row, col);
	if (missing)
		*missing = !c->set;
	return c->set ? c->v.i : 0;
}

double mp_table_get_real(const mp_table *t, size_t row, size_t col)
{
	const cell *c = at(t, row, col);
	return c->set ? c->v.r : MP_NA;
}

const char *mp_table_get_text(const mp_table *t, size_t row, size_t col)
{
	const cell *c = at(t, row, col);
	return c->set ? c->v.s : NULL;
}

void mp_format_real(char *buf, size_t size, double v)
{
	if (isnan(v)) {
		buf[0] = '\0';
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* Length of the character at p (1-4) and whether it must be escaped: control characters
 * (C0, DEL and C1 U+0080-U+009F: ECMA-48 sequences start with ESC or C1 CSI, so a name
 * could move the cursor, ring the bell or rewrite the screen) and bytes that are not UTF-8
 * (then the length is 1). */
static size_t char_at(const unsigned char *p, int *bad)
{
	unsigned c = p[0];
	*bad = c < 0x20 || c == 0x7F;
	if (c < 0x80)
		return 1;
	size_t n = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	for (size_t k = 1; k < n; k++)
		if ((p[k] & 0xC0) != 0x80) {
			n = 0; /* also stops at the terminating NUL */
			break;
		}
	if (n == 2 && c == 0xC2 && p[1] < 0xA0)
		*bad = 1;
	if (!n) {
		*bad = 1;
		n = 1;
	}
	return n;
}

size_t mp_text_escape(const char *s, char *out, size_t size)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		int bad;
		size_t n = char_at(p, &bad);
		if (o + (bad ? 4 * n : n) >= size)
			break;
		for (size_t k = 0; k < n; k++, o += bad ? 4 : 1)
			if (bad)
				snprintf(out + o, 5, "\\x%02X", p[k]);
			else
				out[o] = (char)p[k];
		p += n;
	}
	out[o] = '\0';
	return o;
}

void mp_text_fputs(const char *s, FILE *f)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		int bad;
		size_t n = char_at(p, &bad);
		for (size_t k = 0; k < n; k++)
			if (bad)
				fprintf(f, "\\x%02X", p[k]);
			else
				fputc(p[k], f);
		p += n;
	}
}

/* Renders cell (row, col) for text (human) or machine output into buf. */
static void render(const mp_table *t, size_t row, size_t col, int human, char *buf, size_t size)
{
	const cell *c = at(t, row, col);
	buf[0] = '\0';
	if (!c->set)
		return;
	switch (t->cols[col].type) {
	case MP_COL_INT: snprintf(buf, size, "%lld", (long long)c->v.i); break;
	case MP_COL_REAL:
		if (human)
			snprintf(buf, size, "%.*f", t->cols[col].digits ? t->cols[col].digits : 4, c->v.r);
		else
			mp_format_real(buf, size, c->v.r);
		break;
	case MP_COL_TEXT:
		if (human)
			mp_text_escape(c->v.s, buf, size);
		else
			snprintf(buf, size, "%s", c->v.s);
		break;
	}
}

/* Display width of a UTF-8 string (code points; good enough for names). */
static size_t utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int write_text(const mp_table *t, FILE *f)
{
	size_t *w = calloc(t->ncols, sizeof *w);
	char buf[512];
	if (!w)
		return MP_ENOMEM;
	char(*names)[128] = calloc(t->ncols ? t->ncols : 1, sizeof *names);
	if (!names) {
		free(w);
		return MP_ENOMEM;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		mp_text_escape(t->cols[c].name, names[c], sizeof names[c]);
		w[c] = utf8_width(names[c]);
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			render(t, r, c, 1, buf, sizeof buf);
			size_t l = utf8_width(buf);
			if (l > w[c])
				w[c] = l;
		}
	for (int pass = -2; pass < (int)t->nrows; pass++) {
		for (size_t c = 0; c < t->ncols; c++) {
			int right = t->cols[c].type != MP_COL_TEXT;
			const char *s = buf;
			if (pass == -2)
				s = names[c];
			else if (pass == -1) {
				for (size_t k = 0; k < w[c]; k++)
					fputc('-', f);
				fputs(c + 1 < t->ncols ? "  " : "\n", f);
				continue;
			} else
				render(t, (size_t)pass, c, 1, buf, sizeof buf);
			size_t pad = w[c] - utf8_width(s);
			if (right)
				for (size_t k = 0; k < pad; k++)
					fputc(' ', f);
			fputs(s, f);
			if (c + 1 < t->ncols) {
				if (!right)
					for (size_t k = 0; k < pad; k++)
						fputc(' ', f);
				fputs("  ", f);
			}
		}
		if (pass != -1)
			fputc('\n', f);
	}
	free(names);
	free(w);
	return MP_OK;
}

/* A signed decimal number: [+-] digits [. digits] [(e|E) [+-] digits], nothing else (no
 * hex, inf or nan, which strtod would take). */
static int plain_number(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	size_t d = 0;
	while (*p >= '0' && *p <= '9')
		p++, d++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			d++;
	if (!d)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p += 1 + (p[1] == '+' || p[1] == '-');
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return !*p;
}

/* A text cell a spreadsheet would read as a formula: it starts with '=', '+', '-', '@', a
 * tab or a carriage return (OWASP, "CSV Injection"), and is not simply a number: "-0.5"
 * or "+3" is data and stays as it is. */
static int formula_like(const char *s)
{
	if (!s[0] || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !((s[0] == '-' || s[0] == '+') && plain_number(s));
}

static void csv_field(FILE *f, const char *s, int raw)
{
	if (!raw && formula_like(s)) {
		/* OWASP: prefix a single quote and quote the field */
		fputs("\"'", f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
		return;
	}
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int write_csv_part(const mp_table *t, FILE *f, int header, int raw)
{
	char buf[512];
	for (size_t c = 0; header && c < t->ncols; c++) {
		csv_field(f, t->cols[c].name, raw);
		fputc(c + 1 < t->ncols ? ',' : '\n', f);
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].type == MP_COL_TEXT && at(t, r, c)->set)
				csv_field(f, at(t, r, c)->v.s, raw);
			else {
				render(t, r, c, 0, buf, sizeof buf);
				fputs(buf, f);
			}
			fputc(c + 1 < t->ncols ? ',' : '\n', f);
		}
	return MP_OK;
}

static int write_csv(const mp_table *t, FILE *f, int raw)
{
	return write_csv_part(t, f, 1, raw);
}

const mp_column *mp_table_column(const mp_table *t, size_t col)
{
	return col < t->ncols ? &t->cols[col] : NULL;
}

int mp_table_write_csv(const mp_table *t, FILE *f, int header)
{
	int rc = write_csv_part(t, f, header, 0);
	return rc == MP_OK && ferror(f) ? MP_EIO : rc;
}

int mp_table_append(mp_table *dst, const mp_table *src)
{
	if (dst->ncols != src->ncols)
		return MP_EINPUT;
	for (size_t r = 0; r < src->nrows; r++) {
		size_t row;
		int rc = mp_table_add_row(dst, &row);
		if (rc != MP_OK)
			return rc;
		for (size_t c = 0; c < src->ncols; c++) {
			const cell *x = at(src, r, c);
			if (!x->set)
				continue;
			if (src->cols[c].type == MP_COL_TEXT)
				rc = mp_table_set_text(dst, row, c, x->v.s);
			else if (src->cols[c].type == MP_COL_INT)
				mp_table_set_int(dst, row, c, x->v.i);
			else
				mp_table_set_real(dst, row, c, x->v.r);
			if (rc != MP_OK)
				return rc;
		}
	}
	return MP_OK;
}

static int write_json(mp_ctx *ctx, const mp_table *t, FILE *f)
{
	json_t *arr = json_array();
	if (!arr)
		return MP_ENOMEM;
	for (size_t r = 0; r < t->nrows; r++) {
		json_t *o = json_object();
		for (size_t c = 0; c < t->ncols; c++) {
			const cell *x = at(t, r, c);
			json_t *v;
			if (!x->set)
				v = json_null();
			else if (t->cols[c].type == MP_COL_INT)
				v = json_integer(x->v.i);
			else if (t->cols[c].type == MP_COL_REAL)
				v = isfinite(x->v.r) ? json_real(x->v.r) : json_null();
			else if (!(v = json_string(x->v.s))) {
				/* not UTF-8: an error, never a silent null */
				json_decref(o);
				json_decref(arr);
				return mp_error_set(ctx, MP_EINPUT,
						    "JSON output: row %zu, column '%s': text is not valid UTF-8", r + 1,
						    t->cols[c].name);
			}
			json_object_set_new(o, t->cols[c].name, v ? v : json_null());
		}
		json_array_append_new(arr, o);
	}
	int rc = json_dumpf(arr, f, JSON_INDENT(0) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	fputc('\n', f);
	json_decref(arr);
	return rc == 0 ? MP_OK : mp_error_set(ctx, MP_EIO, "cannot write JSON output");
}

int mp_table_write(mp_ctx *ctx, const mp_table *t, FILE *f, mp_format fmt)
{
	return mp_table_write_flags(ctx, t, f, fmt, 0);
}

int mp_table_write_flags(mp_ctx *ctx, const mp_table *t, FILE *f, mp_format fmt, unsigned flags)
{
	int rc;
	switch (fmt) {
	case MP_FORMAT_CSV: rc = write_csv(t, f, (flags & MP_TABLE_RAW) != 0); break;
	case MP_FORMAT_JSON: rc = write_json(ctx, t, f); break;
	default: rc = write_text(t, f); break;
	}
	if (rc == MP_OK && ferror(f))
		rc = mp_error_set(ctx, MP_EIO, "cannot write output");
	return rc;
}

int mp_format_parse(const char *s, mp_format *out)
{
	if (!strcmp(s, "text") || !strcmp(s, "table"))
		*out = MP_FORMAT_TEXT;
	else if (!strcmp(s, "csv"))
		*out = MP_FORMAT_CSV;
	else if (!strcmp(s, "json"))
		*out = MP_FORMAT_JSON;
	else
		return MP_EUSAGE;
	return MP_OK;
}
