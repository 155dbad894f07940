/*
 * Capabilities and polarity: CINC and its component shares, concentration (CON,
 * Herfindahl), effective number of poles (Laakso-Taagepera, Golosov), leader share and
 * lead ratio, and named, parameterised polarity classifiers. Formulas and sources in
 * docs/models.md (docs/references.md A1-A5).
 */
#ifndef MULTIPOLAR_METRICS_H
#define MULTIPOLAR_METRICS_H

#include "multipolar/export.h"

#include <stddef.h>

#include "multipolar/common.h"
#include "multipolar/poles.h"
#include "multipolar/world.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	MP_CINC_COW,   /* mean of the available component shares (reproduces NMC's cinc) */
	MP_CINC_RENORM /* COW, then divided by the set's total so shares sum to 1 */
} mp_cinc_mode;

/* Component shares and CINC of the actors of `w` with include[i] != 0 (include NULL =
 * all). Shares are of the included actors' totals, summing only present values.
 * share: n*MP_NCOMP (row-major, may be NULL); cinc: n. Excluded actors get NaN.
 * An actor with no component present gets NaN. */
MP_EXTERN int mp_capabilities(const mp_world *w, const unsigned char *include, mp_cinc_mode mode, double *share,
			      double *cinc);

/* Concentration of shares s[0..n) (renormalised to sum to 1 inside; NaN entries are
 * skipped). Ray & Singer (1973): CON = sqrt((H - 1/N) / (1 - 1/N)), H = sum s^2. */
MP_EXTERN double mp_hhi(const double *s, size_t n);
MP_EXTERN double mp_con(const double *s, size_t n);
/* Laakso & Taagepera (1979): 1 / sum s^2. */
MP_EXTERN double mp_n_eff(const double *s, size_t n);
/* Golosov (2010): sum_i s_i / (s_i + s_1^2 - s_i^2), s_1 the largest share. */
MP_EXTERN double mp_n_golosov(const double *s, size_t n);

typedef enum {
	MP_CLASSIFY_THOMPSON,  /* unipolar s1 >= uni; bipolar s1,s2 >= bi and s1+s2 >= uni */
	MP_CLASSIFY_THRESHOLD, /* number of units with share >= tau: 1 uni, 2 bi, >= 3 multi */
	MP_CLASSIFY_WAYMAN     /* "power bipolarity": s1+s2 >= uni (then s1 >= uni: unipolar) */
} mp_classifier;

typedef struct mp_polarity_opts {
	unsigned int version;
	mp_classifier classifier;
	double uni; /* default 0.50 */
	double bi;  /* default 0.25 */
	double tau; /* default 0.10 */
} mp_polarity_opts;
#define MP_POLARITY_OPTS_VERSION 1
#define MP_POLARITY_OPTS_INIT                                                                                          \
	{                                                                                                              \
		MP_POLARITY_OPTS_VERSION, MP_CLASSIFY_THOMPSON, 0.50, 0.25, 0.10                                       \
	}

typedef struct mp_polarity {
	int n; /* units with a capability value */
	double con, hhi, n_eff, n_golosov;
	int leader, runner_up; /* indices into the input, -1 if none */
	double leader_share, runner_up_share, lead_ratio;
	int poles;       /* number of poles the classifier counts (1, 2 or 3+) */
	const char *cls; /* "unipolar", "bipolar", "multipolar" (static) */
} mp_polarity;

/* Polarity of capabilities cap[0..n) (any scale; renormalised within the set; NaN
 * entries are not members). */
MP_EXTERN int mp_polarity_compute(mp_ctx *ctx, const double *cap, size_t n, const mp_polarity_opts *opts,
				  mp_polarity *out);
/* Names of classifiers: "thompson", "threshold", "wayman". */
MP_EXTERN int mp_classifier_parse(const char *s, mp_classifier *out);
MP_EXTERN const char *mp_classifier_name(mp_classifier c);

/* The units whose capabilities a polarity measure compares. */
typedef enum {
	MP_SET_ALL,    /* every state with a capability value */
	MP_SET_MAJORS, /* COW major powers of that year (majors2016) */
	MP_SET_POLES   /* poles: summed over their members of that year (unassigned left out) */
} mp_unit_set;

/* Units of one year with their capability: CINC in COW mode computed over all states of
 * the world (so shares within a set are renormalised by the polarity functions). */
typedef struct mp_units {
	size_t n;
	double *cap;      /* n */
	char (*name)[64]; /* stateabb, or the pole's name */
	int *ccode;       /* COW code, or -1 - pole index for poles */
	int *members;     /* members per unit (1 for states) */
} mp_units;

MP_EXTERN int mp_unit_set_parse(const char *s, mp_unit_set *out);
MP_EXTERN const char *mp_unit_set_name(mp_unit_set set);
/* Builds the units of `w` for `set` (poles needed for MP_SET_POLES). out is cleared
 * first; free with mp_units_clear. MP_EINPUT when majors are unknown for the world. */
MP_EXTERN int mp_units_build(mp_ctx *ctx, const mp_world *w, mp_unit_set set, const mp_poles *poles, mp_units *out);
MP_EXTERN void mp_units_clear(mp_units *u);

#ifdef __cplusplus
}
#endif
#endif
