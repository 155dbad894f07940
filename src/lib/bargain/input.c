/* Negotiation inputs: the actor table, its CSV readers (BDM and KTAB layouts) and copies.
 *
 * BDM layout (jmckib/bdm-scholz-expected-utility-model, ExampleActors.csv):
 *   Actor,Capability,Position,Salience        (header names, any order, extra columns ignored)
 * KTAB layout (KTAB examples/smp/libsrc/smpread.cpp, SMPModel::readCSVStream):
 *   name, description, numActors, numDims
 *   header line (ignored except for the position column names)
 *   actor, description, capability, (position, salience) x numDims     (0..100 scales)
 */
#include "bargain/internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	free(in->opt_key);
	free(in->opt_val);
	free(in->model);
	free(in->actor);
	free(in->actor_desc);
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

int mp_bargain__input_alloc(mp_ctx *ctx, size_t n, size_t m, mp_bargain_input **out)
{
	mp_bargain_input *in = calloc(1, sizeof *in);
	if (!in)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	in->n = n;
	in->m = m;
	in->actor = calloc(n ? n : 1, sizeof *in->actor);
	in->actor_desc = calloc(n ? n : 1, sizeof *in->actor_desc);
	in->dim = calloc(m ? m : 1, sizeof *in->dim);
	in->dim_lo = calloc(m ? m : 1, sizeof *in->dim_lo);
	in->dim_hi = calloc(m ? m : 1, sizeof *in->dim_hi);
	in->scale_lo = calloc(m ? m : 1, sizeof *in->scale_lo);
	in->scale_hi = calloc(m ? m : 1, sizeof *in->scale_hi);
	in->cap = calloc(n ? n : 1, sizeof *in->cap);
	in->pos = calloc(n * m > 0 ? n * m : 1, sizeof *in->pos);
	in->sal = calloc(n * m > 0 ? n * m : 1, sizeof *in->sal);
	in->name = mp_bargain__strdup("");
	in->description = mp_bargain__strdup("");
	if (!in->actor || !in->actor_desc || !in->dim || !in->dim_lo || !in->dim_hi || !in->scale_lo ||
	    !in->scale_hi || !in->cap || !in->pos || !in->sal || !in->name || !in->description) {
		mp_bargain_input_free(in);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	*out = in;
	return MP_OK;
}

int mp_bargain_input_copy(mp_ctx *ctx, const mp_bargain_input *src, mp_bargain_input **out)
{
	mp_bargain_input *in = NULL;
	int rc = mp_bargain__input_alloc(ctx, src->n, src->m, &in);
	if (rc)
		return rc;
	in->source = src->source;
	size_t n = src->n, m = src->m;
	int bad = 0;
	free(in->name);
	free(in->description);
	in->name = mp_bargain__strdup(src->name ? src->name : "");
	in->description = mp_bargain__strdup(src->description ? src->description : "");
	bad |= !in->name || !in->description;
	for (size_t i = 0; i < n; i++) {
		in->actor[i] = mp_bargain__strdup(src->actor[i]);
		in->actor_desc[i] = mp_bargain__strdup(src->actor_desc[i] ? src->actor_desc[i] : "");
		bad |= !in->actor[i] || !in->actor_desc[i];
	}
	for (size_t k = 0; k < m; k++) {
		in->dim[k] = mp_bargain__strdup(src->dim[k]);
		in->dim_lo[k] = mp_bargain__strdup(src->dim_lo[k]);
		in->dim_hi[k] = mp_bargain__strdup(src->dim_hi[k]);
		bad |= !in->dim[k];
	}
	memcpy(in->scale_lo, src->scale_lo, m * sizeof *in->scale_lo);
	memcpy(in->scale_hi, src->scale_hi, m * sizeof *in->scale_hi);
	memcpy(in->cap, src->cap, n * sizeof *in->cap);
	memcpy(in->pos, src->pos, n * m * sizeof *in->pos);
	memcpy(in->sal, src->sal, n * m * sizeof *in->sal);
	if (src->model)
		bad |= !(in->model = mp_bargain__strdup(src->model));
	if (bad) {
		mp_bargain_input_free(in);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	*out = in;
	return MP_OK;
}

/* ---- a small CSV tokenizer (RFC 4180 quotes, fields trimmed of blanks) ---- */

typedef struct {
	char *text;  /* unquoted, trimmed */
	int col;     /* 1-based character column of the field start */
} field;

typedef struct {
	const char *p, *end;
	int line;
	field *f;
	size_t nf, cap;
	char *buf;   /* storage for the fields of the current record */
	size_t bufcap;
} csvrd;

static void csv_free(csvrd *r)
{
	free(r->f);
	free(r->buf);
}

/* Reads one record into r->f. Returns 1 on a record, 0 at end, negative on error.
 * Blank lines are skipped. */
static int csv_next(mp_ctx *ctx, const char *fname, csvrd *r)
{
	for (;;) {
		if (r->p >= r->end)
			return 0;
		r->line++;
		const char *ls = r->p;
		/* Record length bound: up to the end of input. */
		size_t need = (size_t)(r->end - r->p) + 1;
		if (need > r->bufcap) {
			char *nb = realloc(r->buf, need);
			if (!nb)
				return mp_error_set(ctx, MP_ENOMEM, "out of memory");
			r->buf = nb;
			r->bufcap = need;
		}
		size_t bl = 0;
		r->nf = 0;
		int blank = 1;
		for (;;) {
			/* One field. */
			const char *fs = r->p;
			while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
				r->p++;
			size_t start = bl;
			int col = (int)(fs - ls) + 1;
			if (r->p < r->end && *r->p == '"') {
				col = (int)(r->p - ls) + 1;
				r->p++;
				for (;;) {
					if (r->p >= r->end)
						return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: unterminated quoted field",
								    fname, r->line, col);
					if (*r->p == '"') {
						if (r->p + 1 < r->end && r->p[1] == '"') {
							r->buf[bl++] = '"';
							r->p += 2;
							continue;
						}
						r->p++;
						break;
					}
					if (*r->p == '\n')
						r->line++;
					r->buf[bl++] = *r->p++;
				}
				while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
					r->p++;
				if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
					return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: unexpected text after a quoted field",
							    fname, r->line, (int)(r->p - ls) + 1);
			} else {
				if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
					col = (int)(r->p - ls) + 1;
				while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
					r->buf[bl++] = *r->p++;
				while (bl > start && (r->buf[bl - 1] == ' ' || r->buf[bl - 1] == '\t'))
					bl--;
			}
			if (bl > start)
				blank = 0;
			r->buf[bl++] = '\0';
			if (r->nf == r->cap) {
				size_t nc = r->cap ? 2 * r->cap : 16;
				field *nfp = realloc(r->f, nc * sizeof *nfp);
				if (!nfp)
					return mp_error_set(ctx, MP_ENOMEM, "out of memory");
				r->f = nfp;
				r->cap = nc;
			}
			r->f[r->nf].text = (char *)(uintptr_t)start; /* offset; fixed below */
			r->f[r->nf].col = col;
			r->nf++;
			if (r->p < r->end && *r->p == ',') {
				r->p++;
				continue;
			}
			break;
		}
		if (r->p < r->end && *r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		for (size_t i = 0; i < r->nf; i++)
			r->f[i].text = r->buf + (uintptr_t)r->f[i].text;
		/* Drop trailing empty fields (KTAB lines end with a comma). */
		while (r->nf > 1 && r->f[r->nf - 1].text[0] == '\0')
			r->nf--;
		if (blank)
			continue;
		return 1;
	}
}

/* Parses a finite number from a field; error names file, line, column and column name. */
static int num_field(mp_ctx *ctx, const char *fname, int line, const field *f, const char *colname,
		     double *out)
{
	char *end = NULL;
	errno = 0;
	double v = strtod(f->text, &end);
	if (!f->text[0] || *end || !isfinite(v))
		return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column '%s': expected a finite number, got \"%s\"",
				    fname, line, f->col, colname, f->text);
	*out = v;
	return MP_OK;
}

static int check_unique(mp_ctx *ctx, const char *fname, const mp_bargain_input *in, const int *lines,
			const int *cols)
{
	for (size_t i = 1; i < in->n; i++)
		for (size_t j = 0; j < i; j++)
			if (!strcmp(in->actor[i], in->actor[j]))
				return mp_error_set(ctx, MP_EINPUT,
						    "%s:%d:%d: column 'Actor': actor \"%s\" is duplicated (first on line %d)",
						    fname, lines[i], cols[i], in->actor[i], lines[j]);
	return MP_OK;
}

static int parse_bdm(mp_ctx *ctx, const char *fname, csvrd *r, int flags, mp_bargain_input **out)
{
	static const char *want[4] = { "Actor", "Capability", "Position", "Salience" };
	int idx[4] = { -1, -1, -1, -1 };
	int rc = MP_OK;
	mp_bargain_input *in = NULL;
	int *lines = NULL, *cols = NULL;
	size_t n = 0, cap = 0;
	for (size_t c = 0; c < r->nf; c++)
		for (int k = 0; k < 4; k++)
			if (!strcasecmp(r->f[c].text, want[k]) && idx[k] < 0)
				idx[k] = (int)c;
	for (int k = 0; k < 4; k++)
		if (idx[k] < 0) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: missing column '%s' (header must name Actor,Capability,Position,Salience)",
					  fname, want[k]);
			goto done;
		}
	rc = mp_bargain__input_alloc(ctx, 0, 1, &in);
	if (rc)
		goto done;
	in->source = MP_BARGAIN_SRC_BDM;
	in->dim[0] = mp_bargain__strdup("1");
	if (!in->dim[0]) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	int maxidx = 0;
	for (int k = 0; k < 4; k++)
		if (idx[k] > maxidx)
			maxidx = idx[k];
	double smax = (flags & MP_BARGAIN_READ_SALIENCE_PERCENT) ? 100.0 : 1.0;
	for (;;) {
		int got = csv_next(ctx, fname, r);
		if (got < 0) {
			rc = got;
			goto done;
		}
		if (got == 0)
			break;
		if ((int)r->nf <= maxidx) {
			int k = 0;
			while (idx[k] < (int)r->nf)
				k++;
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column '%s' is missing (the line has %zu fields)",
					  fname, r->line, r->f[r->nf - 1].col + (int)strlen(r->f[r->nf - 1].text),
					  want[k], r->nf);
			goto done;
		}
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			char **a = realloc(in->actor, nc * sizeof *a);
			if (a)
				in->actor = a;
			char **d = realloc(in->actor_desc, nc * sizeof *d);
			if (d)
				in->actor_desc = d;
			double *cp = realloc(in->cap, nc * sizeof *cp);
			if (cp)
				in->cap = cp;
			double *p = realloc(in->pos, nc * sizeof *p);
			if (p)
				in->pos = p;
			double *s = realloc(in->sal, nc * sizeof *s);
			if (s)
				in->sal = s;
			int *l = realloc(lines, nc * sizeof *l);
			if (l)
				lines = l;
			int *cc = realloc(cols, nc * sizeof *cc);
			if (cc)
				cols = cc;
			if (!a || !d || !cp || !p || !s || !l || !cc) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
			cap = nc;
		}
		const field *fa = &r->f[idx[0]];
		if (!fa->text[0]) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Actor': empty actor name", fname, r->line, fa->col);
			goto done;
		}
		in->actor[n] = mp_bargain__strdup(fa->text);
		in->actor_desc[n] = mp_bargain__strdup("");
		in->n = n + 1; /* so that free() releases the names */
		if (!in->actor[n] || !in->actor_desc[n]) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		lines[n] = r->line;
		cols[n] = fa->col;
		double c = 0, x = 0, s = 0;
		if ((rc = num_field(ctx, fname, r->line, &r->f[idx[1]], "Capability", &c)) ||
		    (rc = num_field(ctx, fname, r->line, &r->f[idx[2]], "Position", &x)) ||
		    (rc = num_field(ctx, fname, r->line, &r->f[idx[3]], "Salience", &s)))
			goto done;
		if (c < 0) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Capability': expected a number >= 0, got \"%s\"",
					  fname, r->line, r->f[idx[1]].col, r->f[idx[1]].text);
			goto done;
		}
		if (s < 0 || s > smax) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Salience': expected a number in [0,%g]%s, got \"%s\"",
					  fname, r->line, r->f[idx[3]].col, smax,
					  smax == 1.0 ? " (use --salience-percent for percentages)" : "",
					  r->f[idx[3]].text);
			goto done;
		}
		in->cap[n] = c;
		in->pos[n] = x;
		in->sal[n] = s / smax;
		n++;
	}
	in->n = n;
	if (n < 3) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:1: expected at least 3 actors, found %zu", fname, r->line + 1, n);
		goto done;
	}
	if ((rc = check_unique(ctx, fname, in, lines, cols)))
		goto done;
	double lo = in->pos[0], hi = in->pos[0];
	for (size_t i = 1; i < n; i++) {
		lo = in->pos[i] < lo ? in->pos[i] : lo;
		hi = in->pos[i] > hi ? in->pos[i] : hi;
	}
	in->scale_lo[0] = lo;
	in->scale_hi[0] = hi;
	*out = in;
	in = NULL;
done:
	mp_bargain_input_free(in);
	free(lines);
	free(cols);
	return rc;
}

static int parse_ktab(mp_ctx *ctx, const char *fname, csvrd *r, mp_bargain_input **out)
{
	int rc = MP_OK;
	mp_bargain_input *in = NULL;
	int *lines = NULL, *cols = NULL;
	if (r->nf < 4) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: KTAB layout: the first line needs name, description, actors, dimensions", fname);
		goto done;
	}
	char *e1 = NULL, *e2 = NULL;
	long na = strtol(r->f[2].text, &e1, 10), nd = strtol(r->f[3].text, &e2, 10);
	if (!r->f[2].text[0] || *e1 || na < 3 || na > 100000) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:%d: number of actors: expected a whole number >= 3, got \"%s\"",
				  fname, r->f[2].col, r->f[2].text);
		goto done;
	}
	if (!r->f[3].text[0] || *e2 || nd < 1 || nd > 1000) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:%d: number of dimensions: expected a whole number >= 1, got \"%s\"",
				  fname, r->f[3].col, r->f[3].text);
		goto done;
	}
	size_t n = (size_t)na, m = (size_t)nd;
	if ((rc = mp_bargain__input_alloc(ctx, n, m, &in)))
		goto done;
	in->source = MP_BARGAIN_SRC_KTAB;
	free(in->name);
	free(in->description);
	in->name = mp_bargain__strdup(r->f[0].text);
	in->description = mp_bargain__strdup(r->f[1].text);
	lines = calloc(n, sizeof *lines);
	cols = calloc(n, sizeof *cols);
	if (!in->name || !in->description || !lines || !cols) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	int got = csv_next(ctx, fname, r);
	if (got <= 0) {
		rc = got < 0 ? got : mp_error_set(ctx, MP_EINPUT, "%s:%d:1: KTAB layout: missing the column header line", fname, r->line + 1);
		goto done;
	}
	for (size_t k = 0; k < m; k++) {
		size_t c = 3 + 2 * k;
		char def[32];
		snprintf(def, sizeof def, "%zu", k + 1);
		in->dim[k] = mp_bargain__strdup(c < r->nf && r->f[c].text[0] ? r->f[c].text : def);
		in->scale_lo[k] = 0;
		in->scale_hi[k] = 100;
		if (!in->dim[k]) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (size_t i = 0; i < n; i++) {
		got = csv_next(ctx, fname, r);
		if (got < 0) {
			rc = got;
			goto done;
		}
		if (got == 0) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:1: expected %zu actors (first line), found %zu", fname,
					  r->line + 1, n, i);
			goto done;
		}
		size_t need = 3 + 2 * m;
		if (r->nf < need) {
			const field *lf = &r->f[r->nf - 1];
			size_t c = r->nf;
			const char *what = c == 1 ? "Description" : c == 2 ? "Capability" : (c - 3) % 2 ? "Salience" : "Position";
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column '%s' is missing (expected %zu fields, found %zu)",
					  fname, r->line, lf->col + (int)strlen(lf->text), what, need, r->nf);
			goto done;
		}
		if (!r->f[0].text[0]) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Actor': empty actor name", fname, r->line, r->f[0].col);
			goto done;
		}
		in->actor[i] = mp_bargain__strdup(r->f[0].text);
		in->actor_desc[i] = mp_bargain__strdup(r->f[1].text);
		if (!in->actor[i] || !in->actor_desc[i]) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		lines[i] = r->line;
		cols[i] = r->f[0].col;
		if ((rc = num_field(ctx, fname, r->line, &r->f[2], "Capability", &in->cap[i])))
			goto done;
		if (in->cap[i] <= 0) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Capability': expected a number > 0, got \"%s\"",
					  fname, r->line, r->f[2].col, r->f[2].text);
			goto done;
		}
		double ssum = 0;
		for (size_t k = 0; k < m; k++) {
			const field *fp = &r->f[3 + 2 * k], *fs = &r->f[4 + 2 * k];
			double x = 0, s = 0;
			if ((rc = num_field(ctx, fname, r->line, fp, "Position", &x)) ||
			    (rc = num_field(ctx, fname, r->line, fs, "Salience", &s)))
				goto done;
			if (x < 0 || x > 100) {
				rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Position': expected a number in [0,100], got \"%s\"",
						  fname, r->line, fp->col, fp->text);
				goto done;
			}
			if (s < 0 || s > 100) {
				rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Salience': expected a number in [0,100], got \"%s\"",
						  fname, r->line, fs->col, fs->text);
				goto done;
			}
			in->pos[i * m + k] = x;
			in->sal[i * m + k] = s / 100.0;
			ssum += s;
		}
		if (ssum > 100.0 + 1e-6) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: column 'Salience': the saliences of actor \"%s\" sum to %g, more than 100",
					  fname, r->line, r->f[4].col, in->actor[i], ssum);
			goto done;
		}
	}
	if ((rc = check_unique(ctx, fname, in, lines, cols)))
		goto done;
	*out = in;
	in = NULL;
done:
	mp_bargain_input_free(in);
	free(lines);
	free(cols);
	return rc;
}

int mp_bargain_input_parse_csv(mp_ctx *ctx, const char *name, const char *buf, size_t len, int flags,
			       mp_bargain_input **out)
{
	csvrd r = { .p = buf, .end = buf + len };
	int rc;
	if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
		r.p += 3;
	if (memchr(buf, '\0', len)) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: not a text file (contains a NUL byte)", name);
		goto done;
	}
	int got = csv_next(ctx, name, &r);
	if (got < 0) {
		rc = got;
		goto done;
	}
	if (got == 0) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s:1:1: empty file", name);
		goto done;
	}
	/* KTAB's first line has the actor count as its third field. */
	int ktab = 0;
	if (r.nf >= 4) {
		char *e = NULL;
		strtol(r.f[2].text, &e, 10);
		ktab = r.f[2].text[0] && !*e;
	}
	rc = ktab ? parse_ktab(ctx, name, &r, out) : parse_bdm(ctx, name, &r, flags, out);
done:
	csv_free(&r);
	return rc;
}

int mp_bargain__slurp(mp_ctx *ctx, const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return mp_error_set(ctx, MP_ENOTFOUND, "%s: cannot open: %s", path, strerror(errno));
	size_t cap = 65536, n = 0;
	char *b = malloc(cap);
	int rc = MP_OK;
	if (!b) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (;;) {
		if (n == cap) {
			char *nb = realloc(b, cap * 2);
			if (!nb) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
			b = nb;
			cap *= 2;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		rc = mp_error_set(ctx, MP_EIO, "%s: read error", path);
done:
	fclose(f);
	if (rc) {
		free(b);
		return rc;
	}
	*buf = b;
	*len = n;
	return MP_OK;
}

int mp_bargain_input_read_csv(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = mp_bargain__slurp(ctx, path, &buf, &len);
	if (rc)
		return rc;
	rc = mp_bargain_input_parse_csv(ctx, path, buf, len, flags, out);
	free(buf);
	return rc;
}

int mp_bargain_input_read(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out)
{
	size_t l = strlen(path);
	if ((l > 5 && !strcasecmp(path + l - 5, ".yaml")) || (l > 4 && !strcasecmp(path + l - 4, ".yml")))
		return mp_bargain_input_read_yaml(ctx, path, out);
	return mp_bargain_input_read_csv(ctx, path, flags, out);
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
