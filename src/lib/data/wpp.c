/*
 * UN World Population Prospects (WPP) files in the layout of the UN's `wpp` R packages
 * (wpp2017: Sevcikova & UN Population Division, version 1.2-3; wpp2024, version 1.1-3):
 * tab-separated, a header row, strings in double quotes (wpp2017) or bare (wpp2024), UN
 * M49 `country_code`, one row per location (and age), one column per year or period.
 *
 * They are stored in long form, one value per row (docs/demography.md, "Data"):
 *   country_code, name, indicator, sex, age, age_span, year, span, variant, value
 * with `year` the first year of a period ("1950-1955" -> 1950, span 5: 1 July 1950 to
 * 1 July 1955), the mid-year of a population count (span 0), or the calendar year of an
 * annual series (span 1); `age` the lower bound of an age group of `age_span` years
 * (0 = open-ended, "100+"); NA cells are not stored.
 *
 * A file is recognised by its R-package name (popF.txt, mxM.txt, births.txt, ...), since
 * several files share a header (popF and popM). The revision is read from the columns:
 * five-year periods or points are the 2017 layout, annual columns the 2024 one.
 */
#include "wpp.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datasets.h"
#include "store/q_import.h"

#define MAX_FIELDS 200
#define MAX_BLOCK 40 /* rows of one location (21 age groups; 22 mx ages; 9-11 fertility ages) */

/* The files of the two packages: name stem -> family, indicator, sex, variant. */
typedef struct wpp_file {
	const char *stem, *family, *indicator, *sex, *variant;
} wpp_file;

static const wpp_file known[] = {
	{ "popF", "wpp_pop", "pop", "F", "estimate" },
	{ "popM", "wpp_pop", "pop", "M", "estimate" },
	{ "popFprojMed", "wpp_pop", "pop", "F", "medium" },
	{ "popMprojMed", "wpp_pop", "pop", "M", "medium" },
	{ "popFprojLow", "wpp_pop", "pop", "F", "low" },
	{ "popMprojLow", "wpp_pop", "pop", "M", "low" },
	{ "popFprojHigh", "wpp_pop", "pop", "F", "high" },
	{ "popMprojHigh", "wpp_pop", "pop", "M", "high" },
	{ "popproj80l", "wpp_poptot", "pop", "B", "80l" },
	{ "popproj80u", "wpp_poptot", "pop", "B", "80u" },
	{ "popproj95l", "wpp_poptot", "pop", "B", "95l" },
	{ "popproj95u", "wpp_poptot", "pop", "B", "95u" },
	{ "popprojLow", "wpp_poptot", "pop", "B", "low" },
	{ "popprojHigh", "wpp_poptot", "pop", "B", "high" },
	{ "tfr", "wpp_tfr", "tfr", "F", "estimate" },
	{ "tfr_supplemental", "wpp_tfr", "tfr", "F", "supplemental" },
	{ "tfrprojMed", "wpp_tfr", "tfr", "F", "medium" },
	{ "tfrprojLow", "wpp_tfr", "tfr", "F", "low" },
	{ "tfrprojHigh", "wpp_tfr", "tfr", "F", "high" },
	{ "tfrproj80l", "wpp_tfr", "tfr", "F", "80l" },
	{ "tfrproj80u", "wpp_tfr", "tfr", "F", "80u" },
	{ "tfrproj95l", "wpp_tfr", "tfr", "F", "95l" },
	{ "tfrproj95u", "wpp_tfr", "tfr", "F", "95u" },
	{ "percentASFR", "wpp_asfr", "pasfr", "F", "estimate" },
	{ "percentASFR5", "wpp_asfr", "pasfr", "F", "estimate" },
	{ "e0F", "wpp_e0", "e0", "F", "estimate" },
	{ "e0M", "wpp_e0", "e0", "M", "estimate" },
	{ "e0B", "wpp_e0", "e0", "B", "estimate" },
	{ "e0F_supplemental", "wpp_e0", "e0", "F", "supplemental" },
	{ "e0M_supplemental", "wpp_e0", "e0", "M", "supplemental" },
	{ "e0Fproj", "wpp_e0", "e0", "F", "median" },
	{ "e0Mproj", "wpp_e0", "e0", "M", "median" },
	{ "e0Fproj80l", "wpp_e0", "e0", "F", "80l" },
	{ "e0Fproj80u", "wpp_e0", "e0", "F", "80u" },
	{ "e0Fproj95l", "wpp_e0", "e0", "F", "95l" },
	{ "e0Fproj95u", "wpp_e0", "e0", "F", "95u" },
	{ "e0Mproj80l", "wpp_e0", "e0", "M", "80l" },
	{ "e0Mproj80u", "wpp_e0", "e0", "M", "80u" },
	{ "e0Mproj95l", "wpp_e0", "e0", "M", "95l" },
	{ "e0Mproj95u", "wpp_e0", "e0", "M", "95u" },
	{ "mxF", "wpp_mx", "mx", "F", "estimate" },
	{ "mxM", "wpp_mx", "mx", "M", "estimate" },
	{ "migration", "wpp_mig", "mig", "B", "estimate" },
	{ "sexRatio", "wpp_srb", "srb", "B", "estimate" },
	{ "births", "wpp_vital", "births", "B", "estimate" },
	{ "deaths", "wpp_vital", "deaths", "B", "estimate" },
	{ "cbr", "wpp_vital", "cbr", "B", "estimate" },
	{ "cdr", "wpp_vital", "cdr", "B", "estimate" },
	{ "cnmr", "wpp_vital", "cnmr", "B", "estimate" },
	{ "growthrate", "wpp_vital", "growthrate", "B", "estimate" },
	{ "NatChangeRT", "wpp_vital", "natchange_rate", "B", "estimate" },
	{ "PopChange", "wpp_vital", "popchange", "B", "estimate" },
	{ "UNlocations", "wpp_locations", NULL, NULL, NULL },
};

/* The 2017 revision's estimates end on 1 July 2015: its mixed files (mx, fertility
 * pattern, migration, sex ratio) hold the medium-variant assumptions from 2015-2020 on. */
#define WPP2017_BASE 2015

enum { C_CODE, C_NAME, C_INDICATOR, C_SEX, C_AGE, C_AGE_SPAN, C_YEAR, C_SPAN, C_VARIANT, C_VALUE, C_N };
static const mp_store_sql_col long_cols[C_N] = {
	{ "country_code", MP_STORE_SQL_INT }, { "name", MP_STORE_SQL_TEXT }, { "indicator", MP_STORE_SQL_TEXT },
	{ "sex", MP_STORE_SQL_TEXT },         { "age", MP_STORE_SQL_INT },   { "age_span", MP_STORE_SQL_INT },
	{ "year", MP_STORE_SQL_INT },         { "span", MP_STORE_SQL_INT },  { "variant", MP_STORE_SQL_TEXT },
	{ "value", MP_STORE_SQL_REAL },
};
enum { L_CODE, L_NAME, L_REG, L_REGNAME, L_AREA, L_AREANAME, L_TYPE, L_N };
static const mp_store_sql_col loc_cols[L_N] = {
	{ "country_code", MP_STORE_SQL_INT },  { "name", MP_STORE_SQL_TEXT },     { "reg_code", MP_STORE_SQL_INT },
	{ "reg_name", MP_STORE_SQL_TEXT },     { "area_code", MP_STORE_SQL_INT }, { "area_name", MP_STORE_SQL_TEXT },
	{ "location_type", MP_STORE_SQL_INT },
};

/* One tab-separated line split in place. */
typedef struct tsv {
	const char *path;
	char *start, *p, *end;
	size_t line; /* line number of the current record */
	char *f[MAX_FIELDS];
	size_t col[MAX_FIELDS]; /* 1-based byte column of each field */
	size_t nf;
} tsv;

/* Bytes are valid UTF-8 (RFC 3629 section 4) and not NUL; else the line and column. */
static int check_utf8(mp_ctx *ctx, const char *path, const unsigned char *p, size_t len)
{
	size_t line = 1, col = 1;
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		size_t n = c < 0x80                   ? 1
			   : (c >= 0xC2 && c <= 0xDF) ? 2
			   : (c >= 0xE0 && c <= 0xEF) ? 3
			   : (c >= 0xF0 && c <= 0xF4) ? 4
						      : 0;
		int ok = n > 0 && c != 0 && i + n <= len;
		for (size_t k = 1; ok && k < n; k++)
			ok = (p[i + k] & 0xC0) == 0x80;
		if (ok && n == 3)
			ok = !(c == 0xE0 && p[i + 1] < 0xA0) && !(c == 0xED && p[i + 1] > 0x9F);
		if (ok && n == 4)
			ok = !(c == 0xF0 && p[i + 1] < 0x90) && !(c == 0xF4 && p[i + 1] > 0x8F);
		if (!ok)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: %s", path, line, col,
					    c == 0 ? "NUL byte (binary file?)" : "invalid UTF-8 byte sequence");
		if (c == '\n') {
			line++;
			col = 1;
		} else
			col++;
		i += n;
	}
	return MP_OK;
}

/* Next record; 1 with a record, 0 at the end. Blank lines are skipped. */
static int tsv_next(mp_ctx *ctx, tsv *t)
{
	while (t->p < t->end && (*t->p == '\n' || (*t->p == '\r' && t->p + 1 < t->end && t->p[1] == '\n'))) {
		t->p += *t->p == '\r' ? 2 : 1;
		t->line++;
	}
	if (t->p >= t->end)
		return 0;
	char *ls = t->p, *q = t->p;
	t->nf = 0;
	for (;;) {
		if (t->nf == MAX_FIELDS)
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: more than %d fields", t->path, t->line,
					    (size_t)(q - ls) + 1, MAX_FIELDS);
		t->col[t->nf] = (size_t)(q - ls) + 1;
		char *start = q, *w = q;
		if (*q == '"') {
			q++;
			for (;;) {
				if (q >= t->end || *q == '\n')
					return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: unterminated quoted field",
							    t->path, t->line, t->col[t->nf]);
				if (*q == '"') {
					if (q + 1 < t->end && q[1] == '"') {
						*w++ = '"';
						q += 2;
						continue;
					}
					q++;
					break;
				}
				*w++ = *q++;
			}
			if (q < t->end && *q != '\t' && *q != '\n' && *q != '\r')
				return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: expected a tab after a quoted field",
						    t->path, t->line, (size_t)(q - ls) + 1);
		} else {
			while (q < t->end && *q != '\t' && *q != '\n' && *q != '\r')
				q++;
			w = q;
		}
		t->f[t->nf++] = start;
		char sep = q < t->end ? *q : '\n';
		if (sep == '\r' && q + 1 < t->end && q[1] != '\n')
			return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: stray carriage return", t->path, t->line,
					    (size_t)(q - ls) + 1);
		*w = '\0';
		if (sep == '\t') {
			q++;
			continue;
		}
		q += q >= t->end ? 0 : (sep == '\r' ? 2 : 1);
		break;
	}
	t->p = q;
	t->line++;
	return 1;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int header_index(const tsv *t, const char *name)
{
	for (size_t i = 0; i < t->nf; i++)
		if (!strcasecmp(t->f[i], name))
			return (int)i;
	return -1;
}

/* "1950" -> 1950, 0; "1950-1955" -> 1950, 5; else -1. */
static int year_column(const char *s, int *year, int *span)
{
	if (strlen(s) == 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3])) {
		*year = atoi(s);
		*span = 0;
		return 0;
	}
	if (strlen(s) == 9 && s[4] == '-' && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[5])) {
		*year = atoi(s);
		*span = atoi(s + 5) - *year;
		return *span > 0 ? 0 : -1;
	}
	return -1;
}

/* Age labels: "0-4" (age 0, span 5), "100+" (open, span 0), or a bare integer (the mx
 * files: 0 is age 0 (span 1), 1 is 1-4, 100 is 100+, others five-year groups). */
static int parse_age(const char *s, int *age, int *span)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || a < 0 || a > 150)
		return -1;
	*age = (int)a;
	if (*end == '+' && !end[1]) {
		*span = 0;
		return 0;
	}
	if (*end == '-') {
		char *e2;
		long b = strtol(end + 1, &e2, 10);
		if (*e2 || b < a)
			return -1;
		*span = (int)(b - a + 1);
		return 0;
	}
	if (*end)
		return -1;
	*span = a == 0 ? 1 : a == 1 ? 4 : a >= 100 ? 0 : 5;
	return 0;
}

static int is_na(const char *s)
{
	return !*s || !strcmp(s, "NA");
}

static int number(mp_ctx *ctx, const char *path, size_t line, size_t col, const char *colname, const char *s,
		  double *out)
{
	errno = 0;
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || errno == ERANGE || v != v || v - v != 0)
		return mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column '%s': expected a number or NA, got \"%s\"",
				    path, line, col, colname, s);
	*out = v;
	return MP_OK;
}

typedef struct reader {
	mp_ctx *ctx;
	const wpp_file *file;
	tsv t;
	char **hdr; /* header fields (borrowed from the buffer) */
	size_t nh;
	int code, name, age; /* header indexes */
	int ycol[MAX_FIELDS], yspan[MAX_FIELDS], nyears;
	int yidx[MAX_FIELDS]; /* header index of each year column */
	const char *version;
	mp_store_inserter *ins;
	int64_t rows;
	int year_min, year_max;
	/* the current location's rows (age files) */
	char *blk[MAX_BLOCK][MAX_FIELDS];
	size_t blk_line[MAX_BLOCK], blk_col[MAX_BLOCK][MAX_FIELDS];
	int nblk;
} reader;

static int emit(reader *r, char **f, size_t line, size_t *cols, int age, int age_span, const unsigned char *open80)
{
	mp_store_sql_value v[C_N];
	memset(v, 0, sizeof v);
	char *end;
	long code = strtol(f[r->code], &end, 10);
	if (end == f[r->code] || *end)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:%zu:%zu: column 'country_code': expected a whole number, got \"%s\"", r->t.path,
				    line, cols[r->code], f[r->code]);
	v[C_CODE].i = code;
	v[C_NAME].s = r->name >= 0 ? f[r->name] : NULL;
	v[C_NAME].null = r->name < 0;
	v[C_INDICATOR].s = r->file->indicator;
	v[C_SEX].s = r->file->sex;
	v[C_AGE].null = v[C_AGE_SPAN].null = age < 0;
	int annual = strcmp(r->version, "2024") == 0;
	int points = !strcmp(r->file->family, "wpp_pop") || !strcmp(r->file->family, "wpp_poptot");
	for (int k = 0; k < r->nyears; k++) {
		const char *s = f[r->yidx[k]];
		if (is_na(s))
			continue;
		int rc = number(r->ctx, r->t.path, line, cols[r->yidx[k]], r->hdr[r->yidx[k]], s, &v[C_VALUE].r);
		if (rc != MP_OK)
			return rc;
		int y = r->ycol[k], span = r->yspan[k];
		if (span == 0 && !points)
			span = annual ? 1 : 0;
		v[C_AGE].i = age;
		v[C_AGE_SPAN].i = open80 && open80[k] ? 0 : age_span;
		v[C_YEAR].i = y;
		v[C_SPAN].i = span;
		v[C_VARIANT].s = r->file->variant;
		if (!strcmp(r->version, "2017") && !strcmp(r->file->variant, "estimate") && span == 5 &&
		    y >= WPP2017_BASE)
			v[C_VARIANT].s = "medium";
		if ((rc = mp_store__insert(r->ctx, r->ins, v)) != MP_OK)
			return rc;
		int y1 = span > 1 ? y + span : y;
		if (!r->year_min || y < r->year_min)
			r->year_min = y;
		if (y1 > r->year_max)
			r->year_max = y1;
		if ((++r->rows & 0x3FFF) == 0)
			mp_progress(r->ctx, base_name(r->t.path), (double)(r->t.p - r->t.start),
				    (double)(r->t.end - r->t.start));
	}
	return MP_OK;
}

/* Emits the buffered rows of one location. Where every age from 85 up is NA in a year,
 * the "80-84" row is the open group 80+ (wpp2017, ?popF: "If there are NAs for ages 85
 * and older, the 80-84 category is to be treated as 80+"). */
static int flush_block(reader *r)
{
	int ages[MAX_BLOCK], spans[MAX_BLOCK];
	for (int b = 0; b < r->nblk; b++)
		if (parse_age(r->blk[b][r->age], &ages[b], &spans[b]) != 0)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%zu:%zu: column 'age': expected an age group like 0-4, "
					    "100+ or 5, got \"%s\"",
					    r->t.path, r->blk_line[b], r->blk_col[b][r->age], r->blk[b][r->age]);
	for (int b = 0; b < r->nblk; b++) {
		unsigned char open80[MAX_FIELDS] = { 0 };
		if (ages[b] == 80 && spans[b] == 5)
			for (int k = 0; k < r->nyears; k++) {
				int older = 0, all_na = 1;
				for (int c = 0; c < r->nblk; c++)
					if (ages[c] >= 85) {
						older = 1;
						all_na &= is_na(r->blk[c][r->yidx[k]]);
					}
				open80[k] = older && all_na;
			}
		int rc = emit(r, r->blk[b], r->blk_line[b], r->blk_col[b], ages[b], spans[b], open80);
		if (rc != MP_OK)
			return rc;
	}
	r->nblk = 0;
	return MP_OK;
}

static int read_values(reader *r)
{
	int rc;
	while ((rc = tsv_next(r->ctx, &r->t)) == 1) {
		size_t line = r->t.line - 1;
		if (r->t.nf != r->nh)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%zu:%zu: expected %zu tab-separated fields as in the header, "
					    "got %zu%s",
					    r->t.path, line, r->t.col[r->t.nf - 1], r->nh, r->t.nf,
					    r->t.nf < r->nh ? " (truncated line?)" : "");
		if (r->age < 0) {
			if ((rc = emit(r, r->t.f, line, r->t.col, -1, 0, NULL)) != MP_OK)
				return rc;
			continue;
		}
		if (r->nblk && (strcmp(r->blk[0][r->code], r->t.f[r->code]) || r->nblk == MAX_BLOCK))
			if ((rc = flush_block(r)) != MP_OK)
				return rc;
		memcpy(r->blk[r->nblk], r->t.f, r->nh * sizeof(char *));
		memcpy(r->blk_col[r->nblk], r->t.col, r->nh * sizeof(size_t));
		r->blk_line[r->nblk++] = line;
	}
	if (rc < 0)
		return rc;
	return r->nblk ? flush_block(r) : MP_OK;
}

/* UNlocations: code, name, region and area, location type (4 = country or area). */
static int read_locations(reader *r)
{
	static const char *names[L_N] = { "country_code", "name",      "reg_code",     "reg_name",
					  "area_code",    "area_name", "location_type" };
	int idx[L_N];
	for (int c = 0; c < L_N; c++)
		if ((idx[c] = header_index(&r->t, names[c])) < 0)
			return mp_error_set(r->ctx, MP_EINPUT, "%s:1:1: expected a column '%s' in UNlocations",
					    r->t.path, names[c]);
	int rc;
	mp_store_sql_value v[L_N];
	while ((rc = tsv_next(r->ctx, &r->t)) == 1) {
		size_t line = r->t.line - 1;
		if (r->t.nf != r->nh)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%zu:%zu: expected %zu fields as in the header, got %zu", r->t.path,
					    line, r->t.col[r->t.nf - 1], r->nh, r->t.nf);
		memset(v, 0, sizeof v);
		for (int c = 0; c < L_N; c++) {
			const char *s = r->t.f[idx[c]];
			if (loc_cols[c].type == MP_STORE_SQL_TEXT) {
				v[c].null = is_na(s);
				v[c].s = s;
				continue;
			}
			char *end;
			long x = strtol(s, &end, 10);
			if (end == s || *end)
				return mp_error_set(r->ctx, MP_EINPUT,
						    "%s:%zu:%zu: column '%s': expected a whole number, got \"%s\"",
						    r->t.path, line, r->t.col[idx[c]], names[c], s);
			v[c].null = x < 0; /* -1: no region / area */
			v[c].i = x;
		}
		if ((rc = mp_store__insert(r->ctx, r->ins, v)) != MP_OK)
			return rc;
		r->rows++;
	}
	return rc < 0 ? rc : MP_OK;
}

int mp_data__wpp_detect(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);
	size_t l = nl ? (size_t)(nl - buf) : len;
	int tab = memchr(buf, '\t', l) != NULL;
	for (size_t i = 0; tab && i + 12 <= l; i++)
		if (!strncasecmp(buf + i, "country_code", 12))
			return 1;
	return 0;
}

int mp_data__wpp_family(const char *family)
{
	return !strncmp(family, "wpp_", 4);
}

static const wpp_file *find_file(const char *path)
{
	const char *b = base_name(path);
	size_t l = strcspn(b, ".");
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i].stem) == l && !strncmp(known[i].stem, b, l))
			return &known[i];
	return NULL;
}

static const mp_dataset_spec *spec_of(const char *family)
{
	for (size_t i = 0; i < mp_data__nspecs(); i++)
		if (!strcmp(mp_data__spec(i)->family, family))
			return mp_data__spec(i);
	return NULL;
}

/* Reads the header: key columns, year columns, and the revision from their spacing. */
static int read_header(reader *r)
{
	int rc = tsv_next(r->ctx, &r->t);
	if (rc <= 0)
		return rc < 0 ? rc
			      : mp_error_set(r->ctx, MP_EINPUT, "%s: empty file (expected a header line)", r->t.path);
	r->nh = r->t.nf;
	r->hdr = r->t.f;
	r->code = header_index(&r->t, "country_code");
	r->name = header_index(&r->t, "name");
	if (r->name < 0)
		r->name = header_index(&r->t, "country");
	r->age = header_index(&r->t, "age");
	if (!strcmp(r->file->family, "wpp_locations")) {
		r->version = header_index(&r->t, "tree_level") >= 0 ? "2024" : "2017";
		return MP_OK;
	}
	r->nyears = 0;
	int step = 0;
	for (size_t i = 0; i < r->nh; i++) {
		int y, span;
		if (year_column(r->t.f[i], &y, &span) != 0)
			continue;
		if (r->nyears && !step)
			step = y - r->ycol[r->nyears - 1];
		r->ycol[r->nyears] = y;
		r->yspan[r->nyears] = span;
		r->yidx[r->nyears++] = (int)i;
	}
	if (r->nyears == 0)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:1:1: expected year columns (\"1950\" or \"1950-1955\") in a WPP "
				    "file",
				    r->t.path);
	r->version = (r->yspan[0] == 5 || step == 5) ? "2017" : "2024";
	return MP_OK;
}

const char *mp_data__wpp_family_of(const char *path)
{
	const wpp_file *f = find_file(path);
	return f ? f->family : NULL;
}

int mp_data__wpp_import(mp_ctx *ctx, mp_store *s, const char *path, char *buf, size_t len, const char *sha,
			mp_import_result *out)
{
	reader *r = NULL;
	mp_dataset_info info;
	int64_t dsid = 0;
	int in_tx = 0, rc;
	const wpp_file *file = find_file(path);
	if (!file)
		return mp_error_set(
			ctx, MP_EINPUT,
			"%s:1:1: a UN WPP layout (tab-separated, country_code) but not one of the wpp2017/"
			"wpp2024 files by name (popF.txt, popMprojMed.txt, tfr.txt, mxF.txt, migration.txt, "
			"births.txt, UNlocations.txt, ...; docs/demography.md): keep the package's file names",
			path);
	if ((rc = check_utf8(ctx, path, (const unsigned char *)buf, len)) != MP_OK)
		return rc;
	if (!(r = calloc(1, sizeof *r)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	r->ctx = ctx;
	r->file = file;
	r->t.path = path;
	r->t.start = r->t.p = buf;
	r->t.end = buf + len;
	r->t.line = 1;
	if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
		r->t.p += 3;
	if ((rc = read_header(r)) != MP_OK)
		goto done;
	/* the header's fields live in the buffer: keep a copy of the pointers */
	char **hdr = malloc(r->nh * sizeof *hdr);
	if (!hdr) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	memcpy(hdr, r->t.f, r->nh * sizeof *hdr);
	r->hdr = hdr;
	int loc = !strcmp(file->family, "wpp_locations");
	if (r->code < 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: expected a column 'country_code'", path);
		goto done;
	}
	const mp_dataset_spec *sp = spec_of(file->family);
	memset(&info, 0, sizeof info);
	snprintf(info.family, sizeof info.family, "%s", file->family);
	snprintf(info.name, sizeof info.name, "%s (%.*s)", sp ? sp->name : file->family,
		 (int)strcspn(base_name(path), "."), base_name(path));
	snprintf(info.version, sizeof info.version, "%s", r->version);
	snprintf(info.sha256, sizeof info.sha256, "%s", sha);
	snprintf(info.file, sizeof info.file, "%s", base_name(path));
	snprintf(info.citation, sizeof info.citation,
		 "United Nations, Department of Economic and Social Affairs, Population Division (%s). %s. "
		 "Distributed as the R package %s (Sevcikova and UN Population Division).",
		 r->version,
		 !strcmp(r->version, "2017") ? "World Population Prospects: The 2017 Revision"
					     : "World Population Prospects 2024",
		 !strcmp(r->version, "2017") ? "wpp2017" : "wpp2024");
	if ((rc = mp_store_begin(ctx, s)) != MP_OK)
		goto done;
	in_tx = 1;
	if ((rc = mp_store__dataset_add(ctx, s, &info, &dsid)) != MP_OK)
		goto done;
	if ((rc = mp_store__inserter_new(ctx, s, file->family, loc ? loc_cols : long_cols, loc ? L_N : C_N, dsid,
					 &r->ins)) != MP_OK)
		goto done;
	if ((rc = loc ? read_locations(r) : read_values(r)) != MP_OK)
		goto done;
	if ((rc = mp_store__inserter_flush(ctx, r->ins)) != MP_OK)
		goto done;
	if (r->rows == 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:2:1: no values after the header", path);
		goto done;
	}
	if ((rc = mp_store__dataset_finish(ctx, s, dsid, r->rows, r->year_min, r->year_max)) != MP_OK)
		goto done;
	if ((rc = mp_store__index(ctx, s, file->family, sp ? sp->indexes : "dsid,country_code")) != MP_OK)
		goto done;
	mp_store__inserter_free(r->ins);
	r->ins = NULL;
	if ((rc = mp_store_commit(ctx, s)) != MP_OK)
		goto done;
	in_tx = 0;
	snprintf(out->family, sizeof out->family, "%s", info.family);
	snprintf(out->name, sizeof out->name, "%s", info.name);
	snprintf(out->version, sizeof out->version, "%s", info.version);
	out->dataset_id = dsid;
	out->rows = r->rows;
	out->year_min = r->year_min;
	out->year_max = r->year_max;
done:
	if (r) {
		mp_store__inserter_free(r->ins);
		if (r->hdr != r->t.f)
			free(r->hdr);
	}
	if (in_tx)
		mp_store_rollback(s);
	free(r);
	return rc;
}
