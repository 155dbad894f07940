/* Internal pieces of the evaluation shared by the files of src/lib/eval (docs/evaluate.md). */
#ifndef MP_EVAL_INTERNAL_H
#define MP_EVAL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/calib.h"
#include "multipolar/eval.h"
#include "multipolar/poles.h"
#include "multipolar/world.h"

#define EV_NC 1000    /* COW codes are below 1000 */
#define EV_POLE0 1000 /* unit ids: 1..999 a state (ccode), EV_POLE0 + p the pole p */
#define EV_MAXPOLES 32
#define EV_UNIT_ALL 0
#define EV_MAXMETHODS 40
#define EV_BINOM_MEMBERS 200 /* quantile members of the binomial war_freq baselines */

/* ---- panel.c: state-years by (year, ccode) ------------------------------------------ */

typedef struct ev_panel {
	int first, last;                   /* years held */
	unsigned char *present;            /* a row of NMC (the state is in the system) */
	double *cinc, *tpop, *milex, *gdp; /* NaN = missing */
	signed char *war;                  /* inter-state war participation: 1, 0, or -1 = not covered */
	int war_first, war_last;           /* years the war data cover (0 when not loaded) */
	char (*abb)[8];                    /* stateabb by ccode (the latest seen) */
	char source[96];                   /* "NMC 6.0 (database)" */
	char version[32];                  /* the NMC version ("6.0") */
	int has_gdp;
} ev_panel;

static inline size_t ev_at(const ev_panel *p, int year, int ccode)
{
	return (size_t)(year - p->first) * EV_NC + (size_t)ccode;
}
static inline int ev_in(const ev_panel *p, int year)
{
	return year >= p->first && year <= p->last;
}

/* An empty panel of years [first, last]: nothing present, values NaN, war -1. */
int ev_panel_alloc(mp_ctx *ctx, ev_panel *p, int first, int last);
/* Years [first, last] of the store: NMC (cinc, tpop, milex) and, when with_gdp, Maddison
 * GDP joined exactly as the world joins it (mp_world_from_store_ex); war participation
 * when with_war. */
int ev_panel_load(mp_ctx *ctx, mp_store *s, int first, int last, int with_gdp, int with_war, ev_panel *out);
/* Every year of an NMC file (a later release), imported into a private in-memory store.
 * MP_EINPUT when the file is not NMC. */
int ev_panel_load_file(mp_ctx *ctx, const char *path, ev_panel *out);
/* A copy holding only the years <= until (the history known at an origin). */
int ev_panel_cut(mp_ctx *ctx, const ev_panel *src, int until, ev_panel *out);
void ev_panel_free(ev_panel *p);
/* War participation (onset = 0) or onset (1: at war in t, not in t - 1) of state c in
 * year t: 1, 0, or -1 when unknown (not covered, or the state not in the system). */
int ev_war_event(const ev_panel *p, int c, int t, int onset);

/* ---- forecasts of one origin -------------------------------------------------------- */

typedef enum { EV_POINT, EV_ENS, EV_PROB } ev_kind;

typedef enum {
	EV_M_MODEL,
	EV_M_PERSISTENCE,
	EV_M_TREND,
	EV_M_RW_DRIFT,
	EV_M_WORLD_MEAN,
	EV_M_SPREAD,
	EV_M_OWN_RATE,
	EV_M_SIZE_LOGIT,
	EV_M_FIXED /* model_without_<mechanism> from here */
} ev_method;

/* One forecast: variable, target year, unit, method; its values buf[off..off+m). Model
 * ensembles are joint (member r of every unit is run r); other ensembles are marginal. */
typedef struct ev_fc {
	int var, method, kind, joint;
	int year, unit;
	size_t off, m;
} ev_fc;

typedef struct ev_fcset {
	ev_fc *v;
	size_t n, cap;
	double *buf;
	size_t nbuf, capbuf;
} ev_fcset;

/* Appends a forecast of m values (copied from x; x NULL leaves them for the caller) and
 * returns its values (NULL on allocation failure). */
double *ev_fc_add(ev_fcset *f, int var, int year, int unit, int method, int kind, int joint, const double *x, size_t m);
/* Sorts the forecasts by (var, year, unit, method) for ev_fc_find. */
void ev_fc_index(ev_fcset *f);
const ev_fc *ev_fc_find(const ev_fcset *f, int var, int year, int unit, int method);
void ev_fcset_clear(ev_fcset *f);
void ev_fcset_free(ev_fcset *f);

/* What an origin forecasts: its states, poles and top K (from data <= Y0 only). */
typedef struct ev_origin {
	int year;
	int hmax;
	const int *horizons;
	size_t nh;
	unsigned vars; /* bit mask of mp_eval_var */
	size_t ns;     /* states: ccode[i], with actor index actor[i] in the start world */
	int *ccode;
	size_t *actor;
	int npoles;
	int *pole_of; /* per state: pole index or -1 (membership in Y0) */
	size_t ntop;
	int *top; /* ccodes of the top K by Y0 CINC, largest first */
} ev_origin;

/* ---- baselines.c ----------------------------------------------------------------------- */

typedef struct ev_baseline_opts {
	int trend_years, spread_years, spread_analogs;
} ev_baseline_opts;

/* Adds every baseline forecast of origin `og` from the history `h` (years <= og->year
 * only: the function asserts h->last == og->year). */
int ev_baselines(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, const ev_baseline_opts *bo, ev_fcset *f);

/* ---- model.c: the model's forecasts from ensemble members -------------------------------- */

/* The member variables model.c reads, in this order. */
enum { EV_MV_CINC, EV_MV_GDP, EV_MV_TPOP, EV_MV_MILEX, EV_MV_WAR, EV_MV_N };
/* Adds the forecasts of method `method` from members v (layout of mp_ensemble_members
 * with years og->year..og->year + og->hmax, actors of the start world, EV_MV_* vars);
 * start-year values from the history h. */
int ev_model_forecasts(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, const mp_world *w0, const double *v,
		       int runs, int method, ev_fcset *f);

/* ---- accum.c: scores by group ---------------------------------------------------------- */

/* Group key: origin slot (EV_SLOT_ALL = pooled), horizon index, variable, unit, method. */
#define EV_SLOT_ALL 1023
static inline uint64_t ev_key(int slot, int h, int var, int unit, int method)
{
	return ((((((uint64_t)slot << 5) | (uint64_t)h) << 4 | (uint64_t)var) << 11 | (uint64_t)unit) << 6) |
	       (uint64_t)method;
}
static inline int ev_key_slot(uint64_t k)
{
	return (int)(k >> 26);
}
static inline int ev_key_h(uint64_t k)
{
	return (int)((k >> 21) & 31);
}
static inline int ev_key_var(uint64_t k)
{
	return (int)((k >> 17) & 15);
}
static inline int ev_key_unit(uint64_t k)
{
	return (int)((k >> 6) & 2047);
}
static inline int ev_key_method(uint64_t k)
{
	return (int)(k & 63);
}

enum {
	EV_MAE,
	EV_RMSE,
	EV_CRPS,
	EV_COV50,
	EV_COV90,
	EV_PIT01,
	EV_BRIER = EV_PIT01 + MP_EVAL_PIT_BINS,
	EV_LOG,
	EV_AUC,
	EV_NMETRICS
};
extern const char *const ev_metric_names[EV_NMETRICS];

/* One case's contribution. */
typedef struct ev_case {
	int kind;
	double ae;                    /* |point or median - y| (POINT, ENS) */
	double crps;                  /* ENS */
	int in50, in90;               /* ENS */
	double pit[MP_EVAL_PIT_BINS]; /* ENS: the case's PIT mass */
	double p;                     /* PROB */
	int y;                        /* PROB */
} ev_case;

typedef struct ev_acc {
	uint64_t key;
	int64_t n_pt, n_ens, n_pr;
	double s_ae, s_se, s_crps, s50, s90;
	double pit[MP_EVAL_PIT_BINS];
	double s_brier, s_log;
	double *pp; /* PROB pairs for the AUC */
	unsigned char *py;
	size_t cap;
	double rel_n[MP_EVAL_PIT_BINS], rel_p[MP_EVAL_PIT_BINS], rel_y[MP_EVAL_PIT_BINS];
} ev_acc;

typedef struct ev_accset {
	ev_acc *v;
	size_t n, cap;
	size_t *slot; /* open-addressing hash of v indices + 1 */
	size_t nslot;
} ev_accset;

/* Adds a case to the group `key` (created on first use). */
int ev_acc_add(mp_ctx *ctx, ev_accset *a, uint64_t key, const ev_case *c);
void ev_accset_free(ev_accset *a);

/* One score row and one reliability bin of the result. */
typedef struct ev_row {
	uint64_t key;
	int metric;
	double value;
	int64_t n;
} ev_row;

typedef struct ev_rel {
	uint64_t key;
	int bin;
	int64_t n;
	double mean_p, freq;
} ev_rel;

struct mp_eval_result {
	int *origins;
	size_t norigins;
	int *horizons;
	size_t nh;
	unsigned vars;
	int runs, top;
	uint64_t seed;
	int pool_from, pool_to;
	int nmethods;
	char methods[EV_MAXMETHODS][48];
	int npoles;
	char poles[EV_MAXPOLES][32];
	char (*abb)[8]; /* EV_NC */
	ev_row *rows;
	size_t nrows, caprows;
	ev_rel *rel;
	size_t nrel, caprel;
	char truth[256];
	char describe[1024];
};

/* Turns every group of `a` into score rows (and reliability bins) of r, then empties a.
 * PIT bins only for unit "all". */
int ev_acc_flush(mp_ctx *ctx, ev_accset *a, mp_eval_result *r);

/* ---- score.c: the truth and the cases of one origin -------------------------------------- */

typedef struct ev_truth {
	const ev_panel *db;    /* the database: NMC, GDP, wars */
	const ev_panel *files; /* later NMC releases (--truth), the last covering a year wins */
	size_t nfiles;
	unsigned char *used; /* nfiles + 1 flags: [0] the database, [1 + k] file k */
} ev_truth;

static inline void ev_truth_used(const ev_truth *tr, const ev_panel *p)
{
	tr->used[p == tr->db ? 0 : 1 + (size_t)(p - tr->files)] = 1;
}

/* Scores every variable and horizon of origin `og` (forecasts f, indexed) into the
 * origin's groups (slot) and, when pooled, the pool's. Methods: EV_M_MODEL, the
 * ablations EV_M_FIXED..nmethods-1 and the variable's baselines. */
int ev_score_origin(mp_ctx *ctx, const ev_origin *og, const ev_fcset *f, const ev_truth *tr, int nmethods, int slot,
		    int pooled, ev_accset *ao, ev_accset *ap);

/* ---- evaluate.c ------------------------------------------------------------------------ */

/* The calibration options of an origin: mp_calibrate's defaults, until = the origin, and
 * the income panel started early enough for two windows. */
void ev_calib_options(int until, mp_calib_options *co);

/* ---- output.c ---------------------------------------------------------------------------- */

/* Name of a unit id ("all", stateabb, pole). */
const char *ev_unit_name(const mp_eval_result *r, int unit, char *buf, size_t size);
/* Forecast rows of one origin (origin,year,variable,unit,method,stat,value). */
int ev_write_forecasts(mp_ctx *ctx, const mp_eval_result *r, const ev_origin *og, const ev_fcset *f, FILE *out);

#endif
