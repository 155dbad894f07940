/* Importing a CSV file: detect its dataset family from the header, convert every field,
 * and insert all rows in one transaction with a provenance record (file SHA-256, rows,
 * years, version, citation). Bad input rolls everything back. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "util/num.h"
#include "datasets.h"
#include "rules.h"
#include "multipolar/data.h"
#include "wpp.h"
#include "store/q_import.h"

#define MAX_COLS 128

/* A spec's columns parsed from its compact description ("name:T?" ...). */
typedef struct spec_col {
	char name[64];
	mp_store_sql_type type;
	int optional;
} spec_col;

static size_t parse_columns(const char *desc, spec_col *out, size_t max)
{
	size_t n = 0;
	const char *p = desc;
	while (*p && n < max) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *colon = strchr(p, ':');
		size_t l = (size_t)(colon - p);
		memcpy(out[n].name, p, l);
		out[n].name[l] = '\0';
		char t = colon[1];
		out[n].type = t == 'I' ? MP_STORE_SQL_INT : t == 'R' ? MP_STORE_SQL_REAL : MP_STORE_SQL_TEXT;
		out[n].optional = colon[2] == '?';
		p = colon + 2 + (out[n].optional ? 1 : 0);
		n++;
	}
	return n;
}

static int header_index(char **hdr, size_t nh, const char *name)
{
	for (size_t i = 0; i < nh; i++)
		if (!strcasecmp(hdr[i], name))
			return (int)i;
	return -1;
}

/* Score of a spec against a header: -1 if a required column is missing, else 100 per
 * matched column minus the header's unknown columns (dynamic specs keep extras). */
static int score(const mp_dataset_spec *sp, char **hdr, size_t nh)
{
	spec_col cols[MAX_COLS];
	size_t n = parse_columns(sp->columns, cols, MAX_COLS);
	int matched = 0;
	for (size_t i = 0; i < n; i++) {
		if (header_index(hdr, nh, cols[i].name) >= 0)
			matched++;
		else if (!cols[i].optional)
			return -1;
	}
	/* any complete match beats none; among matches the fewest unknown columns win */
	return 100 * matched - (sp->dynamic ? 0 : (int)nh - matched);
}

static void strip(char *s)
{
	size_t l = strlen(s);
	while (l && isspace((unsigned char)s[l - 1]))
		s[--l] = '\0';
	size_t i = 0;
	while (s[i] && isspace((unsigned char)s[i]))
		i++;
	if (i)
		memmove(s, s + i, l - i + 1);
}

static int is_missing_text(const char *s)
{
	return !*s || !strcmp(s, "NA");
}

/* Year of a text field holding a year, an ISO date (YYYY-MM-DD) or COW's YYYYMM: its
 * leading digits (an optional '-' and 1 to 6 digits, then the end or '-'; six digits
 * alone are YYYYMM). 0 if it has none. */
static int year_of(const char *s, long *y)
{
	const char *p = s + (*s == '-');
	size_t n = 0;
	while (p[n] >= '0' && p[n] <= '9')
		n++;
	if (!n || n > 6 || (p[n] && p[n] != '-'))
		return 0;
	*y = strtol(s, NULL, 10);
	/* YYYYMM (COW Direct Contiguity's begin and end): the year is its first four digits */
	if (n == 6 && !p[n])
		*y /= 100;
	return 1;
}

static void sha256_hex(const unsigned char *data, size_t len, char out[65])
{
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, len, data);
	sha256_digest(&c, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* NMC release by the last year it covers (COW release notes: v4.0 to 2007, v5.0 to
 * 2012, v6.0 to 2016, v7.0 to 2022). */
static void nmc_version(int year_max, char *out, size_t size)
{
	switch (year_max) {
	case 2007: snprintf(out, size, "4.0"); break;
	case 2012: snprintf(out, size, "5.0"); break;
	case 2016: snprintf(out, size, "6.0"); break;
	case 2022: snprintf(out, size, "7.0"); break;
	default: snprintf(out, size, "to-%d", year_max); break;
	}
}

typedef struct importer {
	mp_ctx *ctx;
	const char *path;
	const mp_dataset_spec *spec;
	mp_store_sql_col cols[MAX_COLS]; /* stored columns */
	spec_col scols[MAX_COLS];
	char names[MAX_COLS][256]; /* stored names of renamed columns (spec->rename) */
	int src[MAX_COLS];         /* header index feeding each stored column, -1 = absent */
	size_t ncols;
	int ycol_a, ycol_b; /* header indexes of year column(s), -1 none */
	int year_min, year_max;
	const mp_dataset_rule *rule; /* unique key, documented years (rules.c) */
	int year_lo, year_hi;
	size_t key[8], nkey; /* stored columns of the unique key */
	mp_keyset *keys;
	size_t limit[MAX_COLS]; /* longest text kept whole, 0 = any */
} importer;

/* The stored names of header column `from` under a spec's rename list ("a>b c>d,e"):
 * writes up to 2 names to to[] and returns how many (0: stored under its own name). */
static int renamed(const char *rename, const char *from, char to[2][128])
{
	size_t fl = strlen(from);
	for (const char *p = rename; p && *p;) {
		while (*p == ' ')
			p++;
		const char *gt = strchr(p, '>'), *end = strchr(p, ' ');
		if (!gt)
			break;
		if (!end)
			end = p + strlen(p);
		if ((size_t)(gt - p) == fl && !strncasecmp(p, from, fl)) {
			int n = 0;
			const char *q = gt + 1;
			while (q < end && n < 2) {
				const char *c = memchr(q, ',', (size_t)(end - q));
				const char *e = c ? c : end;
				snprintf(to[n++], 128, "%.*s", (int)(e - q), q);
				q = c ? c + 1 : end;
			}
			return n;
		}
		p = end;
	}
	return 0;
}

static int setup_columns(importer *im, char **hdr, size_t nh)
{
	size_t n = parse_columns(im->spec->columns, im->scols, MAX_COLS);
	im->ncols = 0;
	for (size_t i = 0; i < n; i++) {
		char to[2][128];
		int nt = renamed(mp_data__rename(im->spec), im->scols[i].name, to);
		for (int k = 0; k < (nt ? nt : 1) && im->ncols < MAX_COLS; k++) {
			snprintf(im->names[im->ncols], sizeof im->names[0], "%s", nt ? to[k] : im->scols[i].name);
			im->cols[im->ncols].name = im->names[im->ncols];
			im->cols[im->ncols].type = im->scols[i].type;
			im->src[im->ncols] = header_index(hdr, nh, im->scols[i].name);
			im->ncols++;
		}
	}
	if (im->spec->dynamic)
		for (size_t h = 0; h < nh && im->ncols < MAX_COLS; h++) {
			int known = 0;
			for (size_t i = 0; i < n; i++)
				if (!strcasecmp(hdr[h], im->scols[i].name))
					known = 1;
			if (known || !*hdr[h])
				continue;
			snprintf(im->names[im->ncols], sizeof im->names[0], "%s", hdr[h]);
			im->cols[im->ncols].name = im->names[im->ncols];
			im->cols[im->ncols].type = MP_STORE_SQL_TEXT;
			im->src[im->ncols] = (int)h;
			im->ncols++;
		}
	/* year columns */
	im->ycol_a = im->ycol_b = -1;
	const char *y = im->spec->year;
	if (y && *y) {
		char a[64], b[64] = "";
		const char *dash = strchr(y, '-');
		if (dash) {
			snprintf(a, sizeof a, "%.*s", (int)(dash - y), y);
			snprintf(b, sizeof b, "%s", dash + 1);
		} else
			snprintf(a, sizeof a, "%s", y);
		im->ycol_a = header_index(hdr, nh, a);
		if (*b)
			im->ycol_b = header_index(hdr, nh, b);
	}
	/* the unique key and the documented years */
	im->rule = mp_data__rule(im->spec->family);
	im->year_lo = im->rule->year_lo;
	im->year_hi = mp_data__rule_year_hi(im->rule);
	im->nkey = 0;
	for (const char *k = im->rule->key; k && *k;) {
		size_t l = strcspn(k, " ");
		size_t c = 0;
		while (c < im->ncols && (strlen(im->cols[c].name) != l || strncasecmp(im->cols[c].name, k, l)))
			c++;
		if (c == im->ncols || im->src[c] < 0 || im->nkey == sizeof im->key / sizeof im->key[0]) {
			im->nkey = 0; /* a key column absent from the file: nothing to check */
			break;
		}
		im->key[im->nkey++] = c;
		k += l;
		while (*k == ' ')
			k++;
	}
	for (size_t c = 0; c < im->ncols; c++)
		im->limit[c] = im->cols[c].type == MP_STORE_SQL_TEXT ? mp_data__text_limit(im->cols[c].name) : 0;
	return MP_OK;
}

/* The key of a converted row as bytes whose memcmp order is the values' order (so the
 * key set can tell a sorted file at a glance, rules.c): integers as 8 bytes big-endian with
 * the sign bit flipped, reals likewise after IEEE 754's order-preserving flip, text as its
 * bytes and a NUL (a field holds none). No type tags: the column types are the family's,
 * fixed for the file. 0 when a key value is missing (such rows are not compared, as in SQL
 * UNIQUE). */
static size_t key_bytes(const importer *im, const mp_store_sql_value *vals, unsigned char *buf, size_t size)
{
	size_t o = 0;
	for (size_t k = 0; k < im->nkey; k++) {
		const mp_store_sql_value *v = &vals[im->key[k]];
		if (v->null)
			return 0;
		mp_store_sql_type t = im->cols[im->key[k]].type;
		if (t == MP_STORE_SQL_TEXT) {
			size_t l = strlen(v->s);
			if (o + l + 1 > size)
				return 0;
			memcpy(buf + o, v->s, l + 1);
			o += l + 1;
			continue;
		}
		uint64_t u;
		if (t == MP_STORE_SQL_INT)
			u = (uint64_t)v->i ^ ((uint64_t)1 << 63);
		else {
			double r = v->r == 0 ? 0.0 : v->r; /* -0 and 0 are one key */
			memcpy(&u, &r, 8);
			u = u >> 63 ? ~u : u | ((uint64_t)1 << 63);
		}
		if (o + 8 > size)
			return 0;
		for (int b = 7; b >= 0; b--)
			buf[o++] = (unsigned char)(u >> (8 * b));
	}
	return o;
}

/* Refuses a row whose key an earlier row had, naming both lines and the key. */
static int check_key(importer *im, mp_csv *csv, const mp_store_sql_value *vals)
{
	unsigned char buf[1024];
	size_t len = im->nkey ? key_bytes(im, vals, buf, sizeof buf) : 0, first = 0;
	if (!len)
		return MP_OK;
	int r = mp_data__keyset_add(im->keys, buf, len, csv->record_line, &first);
	if (r < 0)
		return mp_error_set(im->ctx, MP_ENOMEM, "%s: out of memory checking the rows' keys", im->path);
	if (r == 0)
		return MP_OK;
	char desc[256];
	size_t o = 0;
	desc[0] = '\0';
	for (size_t k = 0; k < im->nkey && o < sizeof desc; k++) {
		size_t c = im->key[k];
		const mp_store_sql_value *v = &vals[c];
		if (im->cols[c].type == MP_STORE_SQL_TEXT)
			o += (size_t)snprintf(desc + o, sizeof desc - o, "%s%s '%.40s'", k ? ", " : "",
					      im->cols[c].name, v->s);
		else if (im->cols[c].type == MP_STORE_SQL_INT)
			o += (size_t)snprintf(desc + o, sizeof desc - o, "%s%s %lld", k ? ", " : "", im->cols[c].name,
					      (long long)v->i);
		else
			o += (size_t)snprintf(desc + o, sizeof desc - o, "%s%s %g", k ? ", " : "", im->cols[c].name,
					      v->r);
	}
	char names[128];
	o = 0;
	names[0] = '\0';
	for (size_t k = 0; k < im->nkey && o < sizeof names; k++)
		o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", k ? ", " : "", im->cols[im->key[k]].name);
	return mp_error_set(im->ctx, MP_EINPUT,
			    "%s:%zu:1: duplicate row: %s is also on line %zu (%s has one row per %s)", im->path,
			    csv->record_line, desc, first, im->spec->name, names);
}

/* An optional '-' and 1 to 15 digits: exact as int64 and as double. */
static int parse_plain_int(const char *f, size_t l, int64_t *out)
{
	size_t i = f[0] == '-';
	if (l <= i || l - i > 15)
		return 0;
	int64_t v = 0;
	for (size_t k = i; k < l; k++) {
		if (f[k] < '0' || f[k] > '9')
			return 0;
		v = v * 10 + (f[k] - '0');
	}
	*out = i ? -v : v;
	return 1;
}

/* Converts one record into vals (fields borrowed from the CSV buffer). */
static int convert(importer *im, mp_csv *csv, char **hdr, mp_store_sql_value *vals)
{
	for (size_t c = 0; c < im->ncols; c++) {
		mp_store_sql_value *v = &vals[c];
		memset(v, 0, sizeof *v);
		int h = im->src[c];
		if (h < 0) {
			v->null = 1;
			continue;
		}
		char *f = csv->fields[h];
		if (im->cols[c].type == MP_STORE_SQL_TEXT) {
			if (is_missing_text(f))
				v->null = 1;
			else if (im->limit[c] && strlen(f) > im->limit[c])
				return mp_error_set(
					im->ctx, MP_EINPUT,
					"%s:%zu:%zu: column '%s': \"%.80s\" is %zu bytes long; multipolar keeps at most "
					"%zu (it would be cut)",
					im->path, csv->record_line, csv->cols[h], hdr[h], f, strlen(f), im->limit[c]);
			else
				v->s = f;
			continue;
		}
		/* numbers: surrounding blanks allowed; empty or NA is missing */
		while (*f == ' ' || *f == '\t')
			f++;
		size_t l = strlen(f);
		while (l && (f[l - 1] == ' ' || f[l - 1] == '\t'))
			f[--l] = '\0';
		if (is_missing_text(f)) {
			v->null = 1;
			continue;
		}
		/* fast path for plain integers (most fields of these datasets) */
		int64_t iv;
		if (parse_plain_int(f, l, &iv)) {
			if (im->spec->neg9_missing && iv == -9 && strcmp(hdr[h], "ccode") && strcmp(hdr[h], "year"))
				v->null = 1;
			else if (im->cols[c].type == MP_STORE_SQL_INT)
				v->i = iv;
			else
				v->r = (double)iv;
			continue;
		}
		errno = 0;
		char *end;
		double r = strtod(f, &end);
		if (end == f || *end || errno == ERANGE || r != r || r - r != 0)
			return mp_error_set(im->ctx, MP_EINPUT,
					    "%s:%zu:%zu: column '%s': expected a number, got \"%s\"", im->path,
					    csv->record_line, csv->cols[h], hdr[h], csv->fields[h]);
		if (im->spec->neg9_missing && r == -9.0 && strcmp(hdr[h], "ccode") && strcmp(hdr[h], "year")) {
			v->null = 1;
			continue;
		}
		if (im->cols[c].type == MP_STORE_SQL_INT) {
			/* range and wholeness tested before any cast (util/num.h) */
			if (!mp_num__to_int64(r, -9000000000000000LL, 9000000000000000LL, &v->i))
				return mp_error_set(im->ctx, MP_EINPUT,
						    "%s:%zu:%zu: column '%s': expected a whole number, got \"%s\"",
						    im->path, csv->record_line, csv->cols[h], hdr[h], csv->fields[h]);
		} else
			v->r = r;
	}
	/* every year inside the family's documented span, so provenance's year_min and
	 * year_max describe every row (docs/data.md) */
	for (int k = 0; k < 2; k++) {
		int h = k ? im->ycol_b : im->ycol_a;
		if (h < 0)
			continue;
		size_t c = 0;
		while (c < im->ncols && im->src[c] != h)
			c++;
		if (c == im->ncols || vals[c].null)
			continue;
		long long y;
		if (im->cols[c].type == MP_STORE_SQL_TEXT) {
			long ty;
			if (!year_of(vals[c].s, &ty))
				return mp_error_set(
					im->ctx, MP_EINPUT,
					"%s:%zu:%zu: column '%s': expected a year or a date YYYY-MM-DD, got \"%s\"",
					im->path, csv->record_line, csv->cols[h], hdr[h], csv->fields[h]);
			y = ty;
		} else if (im->cols[c].type == MP_STORE_SQL_INT)
			y = vals[c].i;
		else
			continue;
		if (y < im->year_lo || y > im->year_hi)
			return mp_error_set(im->ctx, MP_EINPUT,
					    "%s:%zu:%zu: column '%s': year %lld is outside the years of %s (%d-%d)",
					    im->path, csv->record_line, csv->cols[h], hdr[h], y, im->spec->name,
					    im->year_lo, im->year_hi);
		if (!im->year_min || y < im->year_min)
			im->year_min = (int)y;
		if (!im->year_max || y > im->year_max)
			im->year_max = (int)y;
	}
	return check_key(im, csv, vals);
}

#define SIPRI_LONG                                                                                                     \
	"country,ccode,iso3c,year,milex_const2022_usd_m,milex_current_usd_m,milex_share_gdp,"                          \
	"milex_per_capita_usd,milex_share_govt"

/* 1 for the first line of a sheet of SIPRI's workbook saved as CSV: its title ("... (c) SIPRI
 * 2024") or, without the title lines, a header "Country,...,1949,1950,..." of year columns. */
static int sipri_sheet(char **hdr, size_t nh)
{
	size_t years = 0;
	for (size_t i = 0; i < nh; i++) {
		if (strstr(hdr[i], "SIPRI"))
			return 1;
		const char *p = hdr[i];
		size_t d = 0;
		while (p[d] >= '0' && p[d] <= '9')
			d++;
		years += d == 4 && !p[d] && atoi(p) >= 1900;
	}
	return nh && !strcasecmp(hdr[0], "country") && years >= 5;
}

static int detect(mp_ctx *ctx, const char *path, char **hdr, size_t nh, const mp_dataset_spec **out)
{
	int best = -1;
	const mp_dataset_spec *pick = NULL;
	for (size_t i = 0; i < mp_data__nspecs(); i++) {
		if (mp_data__wpp_family(mp_data__spec(i)->family))
			continue; /* read by its own reader (wpp.c), never matched to a CSV header */
		int sc = score(mp_data__spec(i), hdr, nh);
		if (sc > best) {
			best = sc;
			pick = mp_data__spec(i);
		}
	}
	if (!pick || best <= 0) {
		char cols[256] = "";
		size_t o = 0;
		for (size_t i = 0; i < nh && o + 8 < sizeof cols; i++)
			o += (size_t)snprintf(cols + o, sizeof cols - o, "%s%s", i ? "," : "", hdr[i]);
		/* a near miss: the layout whose required columns the header has most of */
		const mp_dataset_spec *near = NULL;
		int near_have = 0, near_need = 0;
		for (size_t i = 0; i < mp_data__nspecs(); i++) {
			spec_col sc[MAX_COLS];
			size_t n = parse_columns(mp_data__spec(i)->columns, sc, MAX_COLS);
			int have = 0, need = 0;
			for (size_t k = 0; k < n; k++)
				if (!sc[k].optional) {
					need++;
					have += header_index(hdr, nh, sc[k].name) >= 0;
				}
			if (have > near_have || (have == near_have && near && need < near_need)) {
				near = mp_data__spec(i);
				near_have = have;
				near_need = need;
			}
		}
		if (near && near_have >= 2 && 2 * near_have >= near_need) {
			spec_col sc[MAX_COLS];
			size_t n = parse_columns(near->columns, sc, MAX_COLS);
			char miss[256] = "", want[640] = "";
			size_t mo = 0, wo = 0;
			for (size_t k = 0; k < n; k++) {
				if (sc[k].optional)
					continue;
				if (wo + strlen(sc[k].name) + 2 < sizeof want)
					wo += (size_t)snprintf(want + wo, sizeof want - wo, "%s%s", wo ? "," : "",
							       sc[k].name);
				if (header_index(hdr, nh, sc[k].name) < 0 && mo + strlen(sc[k].name) + 3 < sizeof miss)
					mo += (size_t)snprintf(miss + mo, sizeof miss - mo, "%s'%s'", mo ? ", " : "",
							       sc[k].name);
			}
			const char *lay = mp_data__layout_name(near);
			return mp_error_set(
				ctx, MP_EINPUT,
				"%s:1:1: header looks like %s (%s%s%s) but lacks column%s %s; expected a header with "
				"%s (got: %.200s; see 'multipolar datasets --known')",
				path, near->name, near->family, lay ? ", " : "", lay ? lay : "",
				strchr(miss, ',') ? "s" : "", miss, want, cols);
		}
		if (sipri_sheet(hdr, nh))
			return mp_error_set(
				ctx, MP_EINPUT,
				"%s:1:1: this looks like a sheet of SIPRI's Milex workbook as published (title "
				"lines, then one column per year), which is not read: save it in the long layout "
				"of the sipri family, one row per country-year, with the header %s (docs/data.md, "
				"\"Get the data\", step 6)",
				path, SIPRI_LONG);
		return mp_error_set(ctx, MP_EINPUT,
				    "%s:1:1: header does not match any known dataset (got columns: %.200s); expected "
				    "e.g. COW NMC 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc' (see "
				    "'multipolar datasets --known')",
				    path, cols);
	}
	*out = pick;
	return MP_OK;
}

/* Every layout mp_import_file reads must be recognised here too (a reader with its own
 * detection, like the WPP files' tab-separated layout, adds its test on `buf` before the
 * header line is cut), or `import DIR` skips its files as "not a dataset". */
int mp_import_detect(mp_ctx *ctx, const char *path, char *family, size_t size)
{
	if (size)
		family[0] = '\0';
	FILE *f = fopen(path, "rb");
	if (!f)
		return mp_error_set(ctx, errno == ENOENT ? MP_ENOTFOUND : MP_EIO, "%s: cannot open: %s", path,
				    strerror(errno));
	/* the header line only: at most 64 KiB, cut at the first line end */
	char *buf = malloc(65537);
	if (!buf) {
		fclose(f);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	size_t n = fread(buf, 1, 65536, f);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return mp_error_set(ctx, MP_EIO, "%s: read error", path);
	}
	buf[n] = '\0';
	if (mp_data__wpp_detect(buf, n)) {
		/* an unknown name is still WPP's layout: mp_import_file says which names it reads */
		const char *fam = mp_data__wpp_family_of(path);
		snprintf(family, size, "%s", fam ? fam : "wpp");
		free(buf);
		return MP_OK;
	}
	char *nl = memchr(buf, '\n', n);
	size_t line = nl ? (size_t)(nl - buf) : n;
	const char *nul = memchr(buf, '\0', line);
	if (nl)
		*nl = '\0';
	if (nul) {
		size_t col = (size_t)(nul - buf) + 1;
		free(buf);
		return mp_error_set(ctx, MP_ENOTFOUND, "%s:1:%zu: NUL byte: not a text CSV file", path, col);
	}
	mp_csv csv;
	memset(&csv, 0, sizeof csv);
	csv.path = path;
	csv.buf = buf;
	csv.len = strlen(buf);
	csv.line = 1;
	char **hdr = NULL;
	size_t nh = 0;
	const mp_dataset_spec *spec = NULL;
	int rc = n == 0 ? 0 : mp_csv_next(ctx, &csv);
	if (rc == 0) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "%s: empty file (expected a CSV header line)", path);
		goto done;
	}
	if (rc < 0) {
		char why[400];
		snprintf(why, sizeof why, "%s", mp_error_message(ctx));
		rc = mp_error_set(ctx, MP_ENOTFOUND, "%s: not a CSV text file (%s)", path, why);
		goto done;
	}
	nh = csv.nfields;
	if (!(hdr = calloc(nh ? nh : 1, sizeof *hdr))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nh; i++) {
		if (!(hdr[i] = strdup(csv.fields[i]))) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		strip(hdr[i]);
	}
	if ((rc = detect(ctx, path, hdr, nh, &spec)) != MP_OK) {
		rc = mp_error_code(ctx) == MP_EINPUT ? MP_ENOTFOUND : rc;
		mp_error_set(ctx, rc, "%s", mp_error_message(ctx));
		goto done;
	}
	snprintf(family, size, "%s", spec->family);
	rc = MP_OK;
done:
	for (size_t i = 0; hdr && i < nh; i++)
		free(hdr[i]);
	free(hdr);
	csv.buf = NULL; /* ours: freed below */
	mp_csv_close(&csv);
	free(buf);
	return rc;
}

/* The result of a file imported before (same SHA-256). */
static void already(const mp_dataset_info *info, mp_import_result *out)
{
	snprintf(out->family, sizeof out->family, "%s", info->family);
	snprintf(out->name, sizeof out->name, "%s", info->name);
	snprintf(out->version, sizeof out->version, "%s", info->version);
	out->dataset_id = info->id;
	out->rows = info->rows;
	out->year_min = info->year_min;
	out->year_max = info->year_max;
	out->already = 1;
}

int mp_import_file(mp_ctx *ctx, mp_store *s, const char *path, mp_import_result *out)
{
	mp_csv csv;
	importer im;
	mp_store_inserter *ins = NULL;
	mp_store_sql_value *vals = NULL;
	char **hdr = NULL;
	size_t nh = 0;
	int in_tx = 0;
	int64_t rows = 0, dsid = 0;
	mp_dataset_info info;
	char sha[65];
	int rc = mp_csv_open(ctx, path, &csv);
	if (rc != MP_OK)
		return rc;
	memset(out, 0, sizeof *out);
	memset(&im, 0, sizeof im);
	memset(&info, 0, sizeof info);
	im.ctx = ctx;
	im.path = path;
	{
		const unsigned char *data;
		size_t len;
		mp_csv_bytes(&csv, &data, &len);
		sha256_hex(data, len, sha);
	}
	int found = 0;
	/* a first look, so a file imported before is not parsed again */
	if ((rc = mp_store__dataset_by_sha(ctx, s, sha, &info, &found)) != MP_OK)
		goto done;
	if (found) {
		already(&info, out);
		goto done;
	}
	/* UN WPP files (tab-separated, wpp R package layouts): their own reader */
	if (mp_data__wpp_detect(csv.buf + csv.pos, csv.len - csv.pos)) {
		rc = mp_data__wpp_import(ctx, s, path, csv.buf, csv.len, sha, out);
		goto done;
	}
	/* header */
	rc = mp_csv_next(ctx, &csv);
	if (rc == 0)
		rc = mp_error_set(ctx, MP_EINPUT, "%s: empty file (expected a CSV header line)", path);
	if (rc < 0)
		goto done;
	nh = csv.nfields;
	if (!(hdr = malloc(nh * sizeof *hdr))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nh; i++) {
		if (!(hdr[i] = strdup(csv.fields[i]))) {
			nh = i;
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		strip(hdr[i]);
	}
	/* a column named twice (any case) would be two columns of one table */
	for (size_t j = 1; j < nh; j++)
		for (size_t i = 0; i < j; i++)
			if (*hdr[j] && !strcasecmp(hdr[i], hdr[j])) {
				rc = mp_error_set(
					ctx, MP_EINPUT,
					"%s:1:%zu: column '%s' appears twice in the header (fields %zu and %zu)", path,
					csv.cols[j], hdr[j], i + 1, j + 1);
				goto done;
			}
	if ((rc = detect(ctx, path, hdr, nh, &im.spec)) != MP_OK)
		goto done;
	setup_columns(&im, hdr, nh);
	/* rows expected: the file's bytes over the header's (a row is at least about as long) */
	if (im.nkey && mp_data__keyset_new(&im.keys, csv.len / (csv.pos > 16 ? csv.pos : 16))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if (!(vals = calloc(im.ncols ? im.ncols : 1, sizeof *vals))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}

	snprintf(info.family, sizeof info.family, "%s", im.spec->family);
	snprintf(info.name, sizeof info.name, "%s", im.spec->name);
	snprintf(info.version, sizeof info.version, "%s", im.spec->version ? im.spec->version : "");
	snprintf(info.sha256, sizeof info.sha256, "%s", sha);
	snprintf(info.file, sizeof info.file, "%s", base_name(path));
	snprintf(info.citation, sizeof info.citation, "%s", im.spec->citation);

	if ((rc = mp_store__bulk(ctx, s, 1)) != MP_OK || (rc = mp_store_begin(ctx, s)) != MP_OK)
		goto done;
	in_tx = 1;
	/* the check that counts, under the write lock: another process importing the same
	 * file meanwhile has committed it, or has not started (never a UNIQUE error) */
	{
		mp_dataset_info again;
		if ((rc = mp_store__dataset_by_sha(ctx, s, sha, &again, &found)) != MP_OK)
			goto done;
		if (found) {
			already(&again, out);
			goto done; /* rolls back the empty transaction */
		}
	}
	if ((rc = mp_store__dataset_add(ctx, s, &info, &dsid)) != MP_OK)
		goto done;
	if ((rc = mp_store__inserter_new(ctx, s, im.spec->family, im.cols, im.ncols, dsid, &ins)) != MP_OK)
		goto done;
	size_t total = csv.len;
	for (;;) {
		int r = mp_csv_next(ctx, &csv);
		if (r < 0) {
			rc = r;
			goto done;
		}
		if (r == 0)
			break;
		if (csv.nfields != nh) {
			size_t col = csv.cols[csv.nfields - 1] + strlen(csv.fields[csv.nfields - 1]);
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: expected %zu fields as in the header, got %zu%s",
					  path, csv.record_line, col, nh, csv.nfields,
					  csv.nfields < nh ? " (truncated line?)" : "");
			goto done;
		}
		if ((rc = convert(&im, &csv, hdr, vals)) != MP_OK)
			goto done;
		if ((rc = mp_store__insert(ctx, ins, vals)) != MP_OK)
			goto done;
		rows++;
		if ((rows & 0x3FFF) == 0)
			mp_progress(ctx, base_name(path), (double)csv.pos, (double)total);
	}
	if ((rc = mp_store__inserter_flush(ctx, ins)) != MP_OK)
		goto done;
	if (rows == 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:2:1: no data rows after the header", path);
		goto done;
	}
	if (im.spec->version_rule == MP_VER_NMC_MAXYEAR)
		nmc_version(im.year_max, info.version, sizeof info.version);
	if (im.spec->version_rule == MP_VER_NMC_MAXYEAR) {
		/* the version is known only now */
		if ((rc = mp_store__dataset_version(ctx, s, dsid, info.version)) != MP_OK)
			goto done;
	}
	if ((rc = mp_store__dataset_finish(ctx, s, dsid, rows, im.year_min, im.year_max)) != MP_OK)
		goto done;
	if ((rc = mp_store__index(ctx, s, im.spec->family, im.spec->indexes)) != MP_OK)
		goto done;
	mp_store__inserter_free(ins);
	ins = NULL;
	if ((rc = mp_store_commit(ctx, s)) != MP_OK)
		goto done;
	in_tx = 0;
	mp_progress(ctx, base_name(path), (double)total, (double)total);
	snprintf(out->family, sizeof out->family, "%s", info.family);
	snprintf(out->name, sizeof out->name, "%s", info.name);
	snprintf(out->version, sizeof out->version, "%s", info.version);
	out->dataset_id = dsid;
	out->rows = rows;
	out->year_min = im.year_min;
	out->year_max = im.year_max;
done:
	mp_data__keyset_free(im.keys);
	mp_store__inserter_free(ins);
	if (in_tx)
		mp_store_rollback(s);
	mp_store__bulk(NULL, s, 0);
	for (size_t i = 0; i < nh; i++)
		free(hdr[i]);
	free(hdr);
	free(vals);
	mp_csv_close(&csv);
	return rc;
}
