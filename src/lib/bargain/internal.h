/* Internal helpers shared by the bargaining files (not public API). */
#ifndef MP_BARGAIN_INTERNAL_H
#define MP_BARGAIN_INTERNAL_H

#include "multipolar/bargain.h"

/* ---- the actor table (input.c) ---- */
char *mp_bargain__strdup(const char *s);
int mp_bargain__input_alloc(mp_ctx *ctx, size_t n, size_t m, mp_bargain_input **out);
/* Grows the per-actor arrays of a table being read to `cap` actors. */
int mp_bargain__input_resize(mp_ctx *ctx, mp_bargain_input *in, size_t cap);
/* Replaces *dst by a copy of src ("" for NULL). */
int mp_bargain__set_text(mp_ctx *ctx, char **dst, const char *src);
/* Appends a setting given by the file (key, value). */
int mp_bargain__add_option(mp_ctx *ctx, mp_bargain_input *in, const char *key, const char *val);

/* Where actor i was read, for messages: "file:line:col: ", "file: " when its line is
 * unknown (i >= n: the file only), or "" for an input made in memory. */
const char *mp_bargain__at(const mp_bargain_input *in, size_t i, char *buf, size_t size);

/* Strict numbers: 0 ok, else why not. Decimal only (no hex, inf, nan, blanks). */
enum { MP_BARGAIN_NUM_OK = 0, MP_BARGAIN_NUM_SYNTAX = 1, MP_BARGAIN_NUM_RANGE = 2 };
int mp_bargain__parse_real(const char *s, double *out);
int mp_bargain__parse_int(const char *s, long long *out);
int mp_bargain__parse_uint(const char *s, uint64_t *out);

/* NULL if s is acceptable as a name (is_name: non-empty, no control characters) or a
 * text (line breaks and tabs allowed) of at most max bytes, else what is wrong. */
const char *mp_bargain__check_text(const char *s, size_t max, int is_name);
/* Actors' names are unique; the error names in->path and the duplicate's line and column.
 * column: "column 'Actor': " or "". */
int mp_bargain__check_unique(mp_ctx *ctx, const mp_bargain_input *in, const char *column);
/* The nearest of the `known` words (n of them, or up to a NULL; a few edits away), or
 * NULL; and the same as "; did you mean 'x'?" (or "") in buf. */
#define MP_BARGAIN_ALL ((size_t)-1)
const char *mp_bargain__suggest(const char *word, const char *const *known, size_t n);
void mp_bargain__did_you_mean(char *buf, size_t size, const char *word, const char *const *known, size_t n);

/* ---- settings.c ---- */
/* Checks one setting given by a file (name and value) without applying it; errors are
 * MP_EINPUT prefixed with `where` ("file:line:col: options: "). */
int mp_bargain__setting_check_file(mp_ctx *ctx, const mp_bargain_input *in, const char *name, const char *value,
				   const char *where);
/* The round limit and stop rules that apply to a model. */
int mp_bargain__model_rounds(mp_bargain_model model, int rounds);
/* The model's actor bound (MP_ERANGE naming the file and the limit). */
int mp_bargain__check_size(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_model model);

/* ---- eu.c ---- */
/* Progress within each round of m, reported as task (base + round fraction) of total
 * (task NULL: none, the default; replicates of a sensitivity run report none). */
void mp_bargain__eu_progress(mp_bargain_eu *m, const char *task, double base, double total);
/* ---- smp.c ---- */
/* The same within each turn of an SMP run. */
void mp_bargain__smp_progress(mp_bargain_smp *s, const char *task, double base, double total);

/* Test hook: the probability table P[i*n+j] = P(x_i beats x_j) of one EU phase, computed
 * the way the model does (prefix sums when every exponent is 1 or votes are raw, else the
 * vote table), with voter exponents r (NULL: all 1). */
int mp_bargain__eu_prob_table(mp_ctx *ctx, size_t n, const double *x, const double *c, const double *s, const double *r,
			      const mp_bargain_eu_options *opt, double *P);

#endif
