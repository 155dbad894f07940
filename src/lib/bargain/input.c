/* Negotiation inputs: the actor table (allocation, copies, release) and the checks every
 * reader applies to it: strict decimal numbers, names (UTF-8, no control characters, at
 * most MP_BARGAIN_NAME_MAX bytes), unique actors, and near-match suggestions for unknown
 * keys. The readers are csv.c (BDM and KTAB layouts), yaml.c, xml.c; read.c picks one. */
#include "bargain/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

static void free_marks(mp_bargain_input *in)
{
	for (size_t k = 0; in->marks && k < in->m; k++) {
		for (size_t j = 0; in->nmarks && j < in->nmarks[k]; j++)
			free(in->marks[k][j].means);
		free(in->marks[k]);
	}
	free(in->marks);
	free(in->nmarks);
}

void mp_bargain_input_free(mp_bargain_input *in)
{
	if (!in)
		return;
	for (size_t i = 0; in->actor && i < in->n; i++)
		free(in->actor[i]);
	for (size_t i = 0; in->actor_desc && i < in->n; i++)
		free(in->actor_desc[i]);
	for (size_t k = 0; k < in->m; k++) {
		if (in->dim)
			free(in->dim[k]);
		if (in->dim_lo)
			free(in->dim_lo[k]);
		if (in->dim_hi)
			free(in->dim_hi[k]);
	}
	for (size_t k = 0; k < in->nopt; k++) {
		free(in->opt_key[k]);
		free(in->opt_val[k]);
	}
	free_marks(in);
	free(in->opt_key);
	free(in->opt_val);
	free(in->model);
	free(in->actor);
	free(in->actor_desc);
	free(in->actor_line);
	free(in->actor_col);
	free(in->dim);
	free(in->dim_lo);
	free(in->dim_hi);
	free(in->scale_lo);
	free(in->scale_hi);
	free(in->cap);
	free(in->pos);
	free(in->sal);
	free(in->name);
	free(in->description);
	free(in->path);
	free(in);
}

char *mp_bargain__strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t l = strlen(s);
	char *d = malloc(l + 1);
	if (d)
		memcpy(d, s, l + 1);
	return d;
}

/* calloc of at least one element, so that empty tables are still valid pointers. */
static void *zalloc(size_t n, size_t size)
{
	return calloc(n ? n : 1, size);
}

int mp_bargain__input_alloc(mp_ctx *ctx, size_t n, size_t m, mp_bargain_input **out)
{
	mp_bargain_input *in = calloc(1, sizeof *in);
	if (!in)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	in->n = n;
	in->m = m;
	in->actor = zalloc(n, sizeof *in->actor);
	in->actor_desc = zalloc(n, sizeof *in->actor_desc);
	in->actor_line = zalloc(n, sizeof *in->actor_line);
	in->actor_col = zalloc(n, sizeof *in->actor_col);
	in->dim = zalloc(m, sizeof *in->dim);
	in->dim_lo = zalloc(m, sizeof *in->dim_lo);
	in->dim_hi = zalloc(m, sizeof *in->dim_hi);
	in->scale_lo = zalloc(m, sizeof *in->scale_lo);
	in->scale_hi = zalloc(m, sizeof *in->scale_hi);
	in->nmarks = zalloc(m, sizeof *in->nmarks);
	in->marks = zalloc(m, sizeof *in->marks);
	in->cap = zalloc(n, sizeof *in->cap);
	in->pos = zalloc(n * m, sizeof *in->pos);
	in->sal = zalloc(n * m, sizeof *in->sal);
	in->name = mp_bargain__strdup("");
	in->description = mp_bargain__strdup("");
	in->path = mp_bargain__strdup("");
	if (!in->actor || !in->actor_desc || !in->actor_line || !in->actor_col || !in->dim || !in->dim_lo ||
	    !in->dim_hi || !in->scale_lo || !in->scale_hi || !in->nmarks || !in->marks || !in->cap || !in->pos ||
	    !in->sal || !in->name || !in->description || !in->path) {
		mp_bargain_input_free(in);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	*out = in;
	return MP_OK;
}

int mp_bargain__input_resize(mp_ctx *ctx, mp_bargain_input *in, size_t cap)
{
	/* Only for one-dimensional tables grown while reading (BDM CSV). */
	char **a = realloc(in->actor, cap * sizeof *a);
	if (a)
		in->actor = a;
	char **d = realloc(in->actor_desc, cap * sizeof *d);
	if (d)
		in->actor_desc = d;
	int *l = realloc(in->actor_line, cap * sizeof *l);
	if (l)
		in->actor_line = l;
	int *c = realloc(in->actor_col, cap * sizeof *c);
	if (c)
		in->actor_col = c;
	double *cp = realloc(in->cap, cap * sizeof *cp);
	if (cp)
		in->cap = cp;
	double *p = realloc(in->pos, cap * in->m * sizeof *p);
	if (p)
		in->pos = p;
	double *s = realloc(in->sal, cap * in->m * sizeof *s);
	if (s)
		in->sal = s;
	if (!a || !d || !l || !c || !cp || !p || !s)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

int mp_bargain__set_text(mp_ctx *ctx, char **dst, const char *src)
{
	char *c = mp_bargain__strdup(src ? src : "");
	if (!c)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	free(*dst);
	*dst = c;
	return MP_OK;
}

int mp_bargain__add_option(mp_ctx *ctx, mp_bargain_input *in, const char *key, const char *val)
{
	char **k = realloc(in->opt_key, (in->nopt + 1) * sizeof *k);
	if (k)
		in->opt_key = k;
	char **v = realloc(in->opt_val, (in->nopt + 1) * sizeof *v);
	if (v)
		in->opt_val = v;
	if (!k || !v)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	in->opt_key[in->nopt] = mp_bargain__strdup(key);
	in->opt_val[in->nopt] = mp_bargain__strdup(val);
	in->nopt++;
	if (!in->opt_key[in->nopt - 1] || !in->opt_val[in->nopt - 1])
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

static int copy_marks(mp_bargain_input *dst, const mp_bargain_input *src)
{
	for (size_t k = 0; k < src->m; k++) {
		size_t nm = src->nmarks ? src->nmarks[k] : 0;
		if (!nm)
			continue;
		dst->marks[k] = calloc(nm, sizeof *dst->marks[k]);
		if (!dst->marks[k])
			return -1;
		dst->nmarks[k] = nm;
		for (size_t j = 0; j < nm; j++) {
			dst->marks[k][j].at = src->marks[k][j].at;
			if (!(dst->marks[k][j].means = mp_bargain__strdup(src->marks[k][j].means)))
				return -1;
		}
	}
	return 0;
}

int mp_bargain_input_copy(mp_ctx *ctx, const mp_bargain_input *src, mp_bargain_input **out)
{
	mp_bargain_input *in = NULL;
	int rc = mp_bargain__input_alloc(ctx, src->n, src->m, &in);
	if (rc)
		return rc;
	in->source = src->source;
	in->illustrative = src->illustrative;
	size_t n = src->n, m = src->m;
	int bad = 0;
	bad |= mp_bargain__set_text(ctx, &in->name, src->name) != MP_OK;
	bad |= mp_bargain__set_text(ctx, &in->description, src->description) != MP_OK;
	bad |= mp_bargain__set_text(ctx, &in->path, src->path) != MP_OK;
	for (size_t i = 0; i < n; i++) {
		in->actor[i] = mp_bargain__strdup(src->actor[i]);
		in->actor_desc[i] = mp_bargain__strdup(src->actor_desc[i] ? src->actor_desc[i] : "");
		bad |= !in->actor[i] || !in->actor_desc[i];
	}
	if (src->actor_line && src->actor_col) {
		memcpy(in->actor_line, src->actor_line, n * sizeof *in->actor_line);
		memcpy(in->actor_col, src->actor_col, n * sizeof *in->actor_col);
	}
	for (size_t k = 0; k < m; k++) {
		in->dim[k] = mp_bargain__strdup(src->dim[k]);
		in->dim_lo[k] = mp_bargain__strdup(src->dim_lo[k]);
		in->dim_hi[k] = mp_bargain__strdup(src->dim_hi[k]);
		bad |= !in->dim[k];
	}
	bad |= copy_marks(in, src) != 0;
	memcpy(in->scale_lo, src->scale_lo, m * sizeof *in->scale_lo);
	memcpy(in->scale_hi, src->scale_hi, m * sizeof *in->scale_hi);
	memcpy(in->cap, src->cap, n * sizeof *in->cap);
	memcpy(in->pos, src->pos, n * m * sizeof *in->pos);
	memcpy(in->sal, src->sal, n * m * sizeof *in->sal);
	if (src->model)
		bad |= !(in->model = mp_bargain__strdup(src->model));
	for (size_t k = 0; k < src->nopt && !bad; k++)
		bad |= mp_bargain__add_option(ctx, in, src->opt_key[k], src->opt_val[k]) != MP_OK;
	if (bad) {
		mp_bargain_input_free(in);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	*out = in;
	return MP_OK;
}

/* ---- strict numbers ---- */

int mp_bargain__parse_real(const char *s, double *out)
{
	/* decimal only: [+-] digits [. digits] [(e|E) [+-] digits], at least one digit in the
	 * mantissa; so no hex (0xC8), inf, nan, or blanks. */
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	size_t digits = 0;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, digits++;
	}
	if (!digits)
		return MP_BARGAIN_NUM_SYNTAX;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return MP_BARGAIN_NUM_SYNTAX;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return MP_BARGAIN_NUM_SYNTAX;
	double v = strtod(s, NULL);
	if (!isfinite(v))
		return MP_BARGAIN_NUM_RANGE;
	*out = v;
	return MP_BARGAIN_NUM_OK;
}

int mp_bargain__parse_uint(const char *s, uint64_t *out)
{
	const char *p = s;
	if (*p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return MP_BARGAIN_NUM_SYNTAX;
	uint64_t v = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (v > (UINT64_MAX - d) / 10)
			return MP_BARGAIN_NUM_RANGE;
		v = v * 10 + d;
	}
	if (*p)
		return MP_BARGAIN_NUM_SYNTAX;
	*out = v;
	return MP_BARGAIN_NUM_OK;
}

int mp_bargain__parse_int(const char *s, long long *out)
{
	int neg = *s == '-';
	uint64_t u;
	int rc = mp_bargain__parse_uint(s + neg, &u);
	if (rc)
		return s[neg] == '+' ? MP_BARGAIN_NUM_SYNTAX : rc;
	if (u > (uint64_t)INT64_MAX)
		return MP_BARGAIN_NUM_RANGE;
	*out = neg ? -(long long)u : (long long)u;
	return MP_BARGAIN_NUM_OK;
}

/* ---- names ---- */

const char *mp_bargain__check_text(const char *s, size_t max, int is_name)
{
	size_t len = strlen(s);
	const unsigned char *end = (const unsigned char *)s + len;
	if (is_name && !len)
		return "empty name";
	if (len > max)
		return is_name ? "name longer than " MP_BARGAIN_STR(MP_BARGAIN_NAME_MAX) " bytes (the limit)"
			       : "text longer than " MP_BARGAIN_STR(MP_BARGAIN_TEXT_MAX) " bytes (the limit)";
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = mp_csv__utf8_len(p, end);
		if (!n)
			return "invalid UTF-8";
		/* C0 controls and DEL; a description may hold line breaks and tabs */
		if (n == 1 && (*p < 0x20 || *p == 0x7F) && (is_name || (*p != '\n' && *p != '\t' && *p != '\r')))
			return "a control character";
		p += n;
	}
	return NULL;
}

typedef struct {
	const char *name;
	size_t i;
} name_ix;

static int cmp_name(const void *a, const void *b)
{
	const name_ix *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

int mp_bargain__check_unique(mp_ctx *ctx, const mp_bargain_input *in, const char *column)
{
	/* O(n log n): sort the names, report the later of the first equal pair found in input
	 * order. */
	size_t n = in->n;
	if (n < 2)
		return MP_OK;
	name_ix *v = malloc(n * sizeof *v);
	if (!v)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		v[i] = (name_ix){ in->actor[i], i };
	qsort(v, n, sizeof *v, cmp_name);
	size_t dup = n, first = 0;
	for (size_t k = 1; k < n; k++)
		if (!strcmp(v[k].name, v[k - 1].name) && v[k].i < dup) {
			dup = v[k].i;
			/* the first occurrence of this name: walk back over the equal run */
			size_t j = k - 1;
			while (j > 0 && !strcmp(v[j - 1].name, v[k].name))
				j--;
			first = v[j].i;
		}
	free(v);
	if (dup == n)
		return MP_OK;
	return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: %sactor \"%s\" is duplicated (first on line %d)", in->path,
			    in->actor_line[dup], in->actor_col[dup], column, in->actor[dup], in->actor_line[first]);
}

/* ---- suggestions ---- */

/* Optimal string alignment distance (Levenshtein with adjacent transpositions; Damerau
 * 1964), for keys of at most 63 bytes. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return (size_t)-1;
	size_t d[64][64];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

const char *mp_bargain__suggest(const char *word, const char *const *known, size_t n)
{
	/* the nearest known word within a third of its length (at least 1, at most 3 edits) */
	const char *best = NULL;
	size_t bd = (size_t)-1;
	for (size_t i = 0; i < n && known[i]; i++) {
		size_t d = distance(word, known[i]);
		if (d < bd) {
			bd = d;
			best = known[i];
		}
	}
	size_t l = best ? strlen(best) : 0, limit = l / 3 < 1 ? 1 : l / 3 > 3 ? 3 : l / 3;
	return best && bd <= limit ? best : NULL;
}

void mp_bargain__did_you_mean(char *buf, size_t size, const char *word, const char *const *known, size_t n)
{
	const char *s = mp_bargain__suggest(word, known, n);
	buf[0] = '\0';
	if (s)
		snprintf(buf, size, "; did you mean '%s'?", s);
}

const char *mp_bargain__at(const mp_bargain_input *in, size_t i, char *buf, size_t size)
{
	const char *path = in->path ? in->path : "";
	if (!*path)
		snprintf(buf, size, "%s", "");
	else if (i < in->n && in->actor_line && in->actor_line[i] > 0)
		snprintf(buf, size, "%s:%d:%d: ", path, in->actor_line[i], in->actor_col[i]);
	else
		snprintf(buf, size, "%s: ", path);
	return buf;
}

long mp_bargain_nearest_mark(const mp_bargain_input *in, size_t k, double x)
{
	if (k >= in->m || !in->nmarks || !in->nmarks[k] || !isfinite(x))
		return -1;
	long best = 0;
	for (size_t j = 1; j < in->nmarks[k]; j++)
		if (fabs(in->marks[k][j].at - x) < fabs(in->marks[k][best].at - x))
			best = (long)j;
	return best;
}

const char *mp_bargain_stop_name(mp_bargain_stop s)
{
	switch (s) {
	case MP_BARGAIN_RUNNING: return "running";
	case MP_BARGAIN_STOP_ROUNDS: return "round limit";
	case MP_BARGAIN_STOP_FIXED: return "fixed point";
	case MP_BARGAIN_STOP_CYCLE: return "cycle";
	case MP_BARGAIN_STOP_KTAB: return "KTAB convergence";
	}
	return "?";
}
