/* Negotiation inputs in CSV, read with the one CSV reader (util/csv.h):
 *
 * BDM layout (jmckib/bdm-scholz-expected-utility-model, ExampleActors.csv):
 *   Actor,Capability,Position,Salience        (header names, any order, extra columns ignored)
 * KTAB layout (KTAB examples/smp/libsrc/smpread.cpp, SMPModel::csvRead):
 *   name, description, numActors, numDims
 *   header line (ignored except for the position column names)
 *   actor, description, capability, (position, salience) x numDims     (0..100 scales)
 *
 * Fields are trimmed of blanks (KTAB files align their columns with spaces) and trailing
 * empty fields dropped (KTAB lines end with a comma). */
#include "bargain/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"

typedef struct {
	mp_ctx *ctx;
	mp_csv csv;
	const char *fname;
	size_t nf; /* fields of the current record after trimming */
	int line;  /* its line */
} rd;

static char *field(const rd *r, size_t i)
{
	return r->csv.fields[i];
}
static int col(const rd *r, size_t i)
{
	return (int)r->csv.cols[i];
}

/* Next non-blank record, trimmed. 1 with a record, 0 at end, < 0 on error. */
static int next(rd *r)
{
	for (;;) {
		int got = mp_csv_next(r->ctx, &r->csv);
		if (got <= 0)
			return got;
		int blank = 1;
		for (size_t i = 0; i < r->csv.nfields; i++) {
			char *s = r->csv.fields[i];
			size_t lead = strspn(s, " \t");
			size_t l = strlen(s + lead);
			while (l && (s[lead + l - 1] == ' ' || s[lead + l - 1] == '\t'))
				l--;
			memmove(s, s + lead, l);
			s[l] = '\0';
			if (l)
				r->csv.cols[i] += lead;
			blank &= !l;
		}
		r->nf = r->csv.nfields;
		while (r->nf > 1 && !field(r, r->nf - 1)[0])
			r->nf--;
		r->line = (int)r->csv.record_line;
		if (!blank)
			return 1;
	}
}

static int number(const rd *r, size_t i, const char *colname, double *out)
{
	int e = mp_bargain__parse_real(field(r, i), out);
	if (e)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:%d:%d: column '%s': expected a finite decimal number, got \"%s\"", r->fname,
				    r->line, col(r, i), colname, field(r, i));
	return MP_OK;
}

/* Copies a name (is_name) or description field after checking it. */
static int text(const rd *r, size_t i, const char *colname, int is_name, char **out)
{
	const char *bad = mp_bargain__check_text(field(r, i), is_name ? MP_BARGAIN_NAME_MAX : MP_BARGAIN_TEXT_MAX,
						 is_name);
	if (bad)
		return mp_error_set(r->ctx, MP_EINPUT, "%s:%d:%d: column '%s': %s", r->fname, r->line, col(r, i),
				    colname, bad);
	if (!(*out = mp_bargain__strdup(field(r, i))))
		return mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

/* Makes room for actor n (arrays grow by doubling). */
static int grow(rd *r, mp_bargain_input *in, size_t n, size_t *cap)
{
	if (n < *cap)
		return MP_OK;
	if (n >= MP_BARGAIN_ACTORS_MAX)
		return mp_error_set(r->ctx, MP_EINPUT, "%s:%d:1: more than %d actors (the limit)", r->fname, r->line,
				    MP_BARGAIN_ACTORS_MAX);
	size_t nc = *cap ? 2 * *cap : 16;
	int rc = mp_bargain__input_resize(r->ctx, in, nc);
	if (rc == MP_OK)
		*cap = nc;
	return rc;
}

static int parse_bdm(rd *r, int flags, mp_bargain_input *in)
{
	static const char *want[4] = { "Actor", "Capability", "Position", "Salience" };
	int idx[4] = { -1, -1, -1, -1 };
	int rc = MP_OK;
	size_t n = 0, cap = 0;
	for (size_t c = 0; c < r->nf; c++)
		for (int k = 0; k < 4; k++)
			if (!strcasecmp(field(r, c), want[k])) {
				/* a column named twice: which one holds the data is not knowable */
				if (idx[k] >= 0)
					return mp_error_set(
						r->ctx, MP_EINPUT,
						"%s:1:%d: column '%s' appears twice in the header (first at column %d)",
						r->fname, col(r, c), want[k], col(r, (size_t)idx[k]));
				idx[k] = (int)c;
			}
	for (int k = 0; k < 4; k++)
		if (idx[k] < 0)
			return mp_error_set(
				r->ctx, MP_EINPUT,
				"%s:1:1: missing column '%s' (header must name Actor,Capability,Position,Salience)",
				r->fname, want[k]);
	in->source = MP_BARGAIN_SRC_BDM;
	if ((rc = mp_bargain__set_text(r->ctx, &in->dim[0], "1")))
		return rc;
	int maxidx = 0;
	for (int k = 0; k < 4; k++)
		maxidx = idx[k] > maxidx ? idx[k] : maxidx;
	double smax = (flags & MP_BARGAIN_READ_SALIENCE_PERCENT) ? 100.0 : 1.0;
	int got;
	while ((got = next(r)) == 1) {
		if ((int)r->nf <= maxidx) {
			int k = 0;
			while (idx[k] < (int)r->nf)
				k++;
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%d:%d: column '%s' is missing (the line has %zu fields)", r->fname,
					    r->line, col(r, r->nf - 1) + (int)strlen(field(r, r->nf - 1)), want[k],
					    r->nf);
		}
		if ((rc = grow(r, in, n, &cap)))
			return rc;
		in->actor[n] = in->actor_desc[n] = NULL;
		in->n = n + 1; /* so that free() releases the names */
		if ((rc = text(r, (size_t)idx[0], "Actor", 1, &in->actor[n])) ||
		    (rc = mp_bargain__set_text(r->ctx, &in->actor_desc[n], "")))
			return rc;
		in->actor_line[n] = r->line;
		in->actor_col[n] = col(r, (size_t)idx[0]);
		double c = 0, x = 0, s = 0;
		if ((rc = number(r, (size_t)idx[1], "Capability", &c)) ||
		    (rc = number(r, (size_t)idx[2], "Position", &x)) ||
		    (rc = number(r, (size_t)idx[3], "Salience", &s)))
			return rc;
		if (c < 0)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%d:%d: column 'Capability': expected a number >= 0, got \"%s\"",
					    r->fname, r->line, col(r, (size_t)idx[1]), field(r, (size_t)idx[1]));
		if (s < 0 || s > smax)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%d:%d: column 'Salience': expected a number in [0,%g]%s, got \"%s\"",
					    r->fname, r->line, col(r, (size_t)idx[3]), smax,
					    smax == 1.0 ? " (use --salience-percent for percentages)" : "",
					    field(r, (size_t)idx[3]));
		in->cap[n] = c;
		in->pos[n] = x;
		in->sal[n] = s / smax;
		n++;
	}
	if (got < 0)
		return got;
	if (n < 3)
		return mp_error_set(r->ctx, MP_EINPUT, "%s:%d:1: expected at least 3 actors, found %zu", r->fname,
				    (int)r->csv.line, n);
	if ((rc = mp_bargain__check_unique(r->ctx, in, "column 'Actor': ")))
		return rc;
	double lo = in->pos[0], hi = in->pos[0];
	for (size_t i = 1; i < n; i++) {
		lo = in->pos[i] < lo ? in->pos[i] : lo;
		hi = in->pos[i] > hi ? in->pos[i] : hi;
	}
	in->scale_lo[0] = lo;
	in->scale_hi[0] = hi;
	return MP_OK;
}

/* The first line of a KTAB file: name, description, actors, dimensions. */
static int ktab_head(rd *r, mp_bargain_input *in, size_t *na, size_t *nd)
{
	long long a = 0, d = 0;
	int rc;
	if (r->nf < 4)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:1:1: KTAB layout: the first line needs name, description, actors, dimensions",
				    r->fname);
	if (mp_bargain__parse_int(field(r, 2), &a) || a < 3 || a > MP_BARGAIN_ACTORS_MAX)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:1:%d: number of actors: expected a whole number >= 3 and <= %d, got \"%s\"",
				    r->fname, col(r, 2), MP_BARGAIN_ACTORS_MAX, field(r, 2));
	if (mp_bargain__parse_int(field(r, 3), &d) || d < 1 || d > MP_BARGAIN_DIMS_MAX)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:1:%d: number of dimensions: expected a whole number >= 1 and <= %d, got \"%s\"",
				    r->fname, col(r, 3), MP_BARGAIN_DIMS_MAX, field(r, 3));
	free(in->name);
	free(in->description);
	in->name = in->description = NULL;
	if ((rc = text(r, 0, "name", 0, &in->name)) || (rc = text(r, 1, "description", 0, &in->description)))
		return rc;
	*na = (size_t)a;
	*nd = (size_t)d;
	return MP_OK;
}

/* One actor row of a KTAB file into actor i. */
static int ktab_row(rd *r, mp_bargain_input *in, size_t i)
{
	size_t m = in->m, need = 3 + 2 * m;
	int rc;
	if (r->nf < need) {
		size_t c = r->nf;
		const char *what = c == 1        ? "Description"
				   : c == 2      ? "Capability"
				   : (c - 3) % 2 ? "Salience"
						 : "Position";
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:%d:%d: column '%s' is missing (expected %zu fields, found %zu)", r->fname,
				    r->line, col(r, c - 1) + (int)strlen(field(r, c - 1)), what, need, r->nf);
	}
	in->actor[i] = in->actor_desc[i] = NULL;
	in->n = i + 1;
	if ((rc = text(r, 0, "Actor", 1, &in->actor[i])) || (rc = text(r, 1, "Description", 0, &in->actor_desc[i])))
		return rc;
	in->actor_line[i] = r->line;
	in->actor_col[i] = col(r, 0);
	if ((rc = number(r, 2, "Capability", &in->cap[i])))
		return rc;
	if (in->cap[i] <= 0)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:%d:%d: column 'Capability': expected a number > 0, got \"%s\"", r->fname,
				    r->line, col(r, 2), field(r, 2));
	double ssum = 0;
	for (size_t k = 0; k < m; k++) {
		size_t fp = 3 + 2 * k, fs = 4 + 2 * k;
		double x = 0, s = 0;
		if ((rc = number(r, fp, "Position", &x)) || (rc = number(r, fs, "Salience", &s)))
			return rc;
		if (x < 0 || x > 100)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%d:%d: column 'Position': expected a number in [0,100], got \"%s\"",
					    r->fname, r->line, col(r, fp), field(r, fp));
		if (s < 0 || s > 100)
			return mp_error_set(r->ctx, MP_EINPUT,
					    "%s:%d:%d: column 'Salience': expected a number in [0,100], got \"%s\"",
					    r->fname, r->line, col(r, fs), field(r, fs));
		in->pos[i * m + k] = x;
		in->sal[i * m + k] = s / 100.0;
		ssum += s;
	}
	if (ssum > 100.0 + 1e-6)
		return mp_error_set(
			r->ctx, MP_EINPUT,
			"%s:%d:%d: column 'Salience': the saliences of actor \"%s\" sum to %g, more than 100", r->fname,
			r->line, col(r, 4), in->actor[i], ssum);
	return MP_OK;
}

static int parse_ktab(rd *r, mp_bargain_input *in)
{
	size_t n = 0, m = 0, cap = 0;
	int rc = ktab_head(r, in, &n, &m);
	if (rc)
		return rc;
	in->source = MP_BARGAIN_SRC_KTAB;
	/* the dimension arrays are sized now; the actor arrays grow with the rows read, so a
	 * short file cannot make us allocate for its declared count */
	char **dim = calloc(m, sizeof *dim), **dlo = calloc(m, sizeof *dlo), **dhi = calloc(m, sizeof *dhi);
	double *slo = calloc(m, sizeof *slo), *shi = calloc(m, sizeof *shi);
	size_t *nmk = calloc(m, sizeof *nmk);
	mp_bargain_mark **mk = calloc(m, sizeof *mk);
	free(in->dim), free(in->dim_lo), free(in->dim_hi), free(in->scale_lo), free(in->scale_hi);
	free(in->nmarks), free(in->marks);
	in->dim = dim, in->dim_lo = dlo, in->dim_hi = dhi, in->scale_lo = slo, in->scale_hi = shi;
	in->nmarks = nmk, in->marks = mk;
	in->m = m;
	if (!dim || !dlo || !dhi || !slo || !shi || !nmk || !mk) {
		in->m = 0;
		return mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	}
	int got = next(r);
	if (got <= 0)
		return got < 0 ? got
			       : mp_error_set(r->ctx, MP_EINPUT, "%s:%d:1: KTAB layout: missing the column header line",
					      r->fname, (int)r->csv.line);
	/* the header names Actor, Description, Capability and a (position, salience) pair per
	 * dimension: a shorter one does not describe the declared dimensions */
	size_t hf = r->nf;
	while (hf > 0 && !field(r, hf - 1)[0])
		hf--;
	if (hf < 3 + 2 * m)
		return mp_error_set(
			r->ctx, MP_EINPUT,
			"%s:%d:%d: KTAB layout: the column header has %zu fields, expected %zu (actor, "
			"description, capability, then a position and a salience per dimension; %zu declared)",
			r->fname, r->line, hf ? col(r, hf - 1) + (int)strlen(field(r, hf - 1)) : 1, hf, 3 + 2 * m, m);
	for (size_t k = 0; k < m; k++) {
		size_t c = 3 + 2 * k;
		char def[32];
		snprintf(def, sizeof def, "%zu", k + 1);
		if (c < r->nf && field(r, c)[0]) {
			if ((rc = text(r, c, "Position", 1, &in->dim[k])))
				return rc;
		} else if ((rc = mp_bargain__set_text(r->ctx, &in->dim[k], def)))
			return rc;
		in->scale_lo[k] = 0;
		in->scale_hi[k] = 100;
	}
	free(in->actor), free(in->actor_desc), free(in->actor_line), free(in->actor_col);
	free(in->cap), free(in->pos), free(in->sal);
	in->actor = in->actor_desc = NULL;
	in->actor_line = in->actor_col = NULL;
	in->cap = in->pos = in->sal = NULL;
	in->n = 0;
	for (size_t i = 0; i < n; i++) {
		if ((got = next(r)) < 0)
			return got;
		if (got == 0)
			return mp_error_set(r->ctx, MP_EINPUT, "%s:%d:1: expected %zu actors (first line), found %zu",
					    r->fname, (int)r->csv.line, n, i);
		if ((rc = grow(r, in, i, &cap)) || (rc = ktab_row(r, in, i)))
			return rc;
	}
	if ((got = next(r)) < 0)
		return got;
	if (got == 1)
		return mp_error_set(r->ctx, MP_EINPUT,
				    "%s:%d:%d: KTAB layout: a row after the %zu actors the first line declares",
				    r->fname, r->line, col(r, 0), n);
	return mp_bargain__check_unique(r->ctx, in, "column 'Actor': ");
}

int mp_bargain_input_parse_csv(mp_ctx *ctx, const char *name, const char *buf, size_t len, int flags,
			       mp_bargain_input **out)
{
	rd r = { .ctx = ctx, .fname = name };
	mp_bargain_input *in = NULL;
	int rc = mp_csv_open_buffer(ctx, name, buf, len, &r.csv);
	if (rc)
		return rc;
	r.csv.trim = 1;
	if ((rc = mp_bargain__input_alloc(ctx, 0, 1, &in)) || (rc = mp_bargain__set_text(ctx, &in->path, name)))
		goto done;
	int got = next(&r);
	if (got <= 0) {
		rc = got < 0 ? got : mp_error_set(ctx, MP_EINPUT, "%s:1:1: empty file", name);
		goto done;
	}
	/* KTAB's first line has the actor count as its third field. */
	long long na;
	int ktab = r.nf >= 4 && mp_bargain__parse_int(field(&r, 2), &na) == MP_BARGAIN_NUM_OK;
	rc = ktab ? parse_ktab(&r, in) : parse_bdm(&r, flags, in);
	if (rc == MP_OK) {
		*out = in;
		in = NULL;
	}
done:
	mp_bargain_input_free(in);
	mp_csv_close(&r.csv);
	return rc;
}
