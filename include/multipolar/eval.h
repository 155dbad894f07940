/*
 * Forecast evaluation (docs/evaluate.md): the world model started from many past origins
 * with only the data known then, scored against what happened and against simple
 * baselines with proper scores.
 *
 * Three parts:
 *  1. score kernels on plain arrays (ensembles, probabilities), each citing its source;
 *  2. mp_evaluate(): for each origin Y0, mp_calibrate(until = Y0) -> mp_calib_apply ->
 *     the world of Y0 -> ensemble members (ensemble.h) and baselines fitted on data
 *     <= Y0 -> scores against the store's truth (or later NMC releases given as files),
 *     per state and pooled, per origin and pooled over origins;
 *  3. mp_backtest(): the single-origin view (top K CINC shares, model against persistence
 *     and trend), a thin client of the same code.
 *
 * Orientation: mae, rmse, crps, brier and log_score are losses (lower is better); auc
 * and the coverages are not (coverage should be near its nominal level).
 */
#ifndef MULTIPOLAR_EVAL_H
#define MULTIPOLAR_EVAL_H

#include "multipolar/export.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "multipolar/calib.h"
#include "multipolar/common.h"
#include "multipolar/store.h"
#include "multipolar/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. score kernels ------------------------------------------------------------ */

#define MP_EVAL_PIT_BINS 10

/* Samples are sorted with mp_sort_doubles and their quantiles taken with
 * mp_quantile_sorted (multipolar/stats.h: Hyndman & Fan 1996, definition 7). */
/* CRPS of the ensemble x (sorted, m members) for outcome y, energy form (Gneiting &
 * Raftery 2007, eq. 20 with the empirical distribution):
 *   CRPS = (1/m) sum_i |x_i - y| - (1/(2 m^2)) sum_i sum_j |x_i - x_j|,
 * the double sum computed from the order statistics as 2 sum_i (2i - m - 1) x_(i). */
MP_EXTERN double mp_eval_crps(const double *sorted, size_t m, double y);
/* 1 when y lies in the central band [q_(1-level)/2, q_(1+level)/2] of the sorted ensemble
 * (mp_quantile_sorted), else 0. */
MP_EXTERN int mp_eval_covered(const double *sorted, size_t m, double y, double level);
/* Adds one case's PIT mass (total 1) to bins[0..MP_EVAL_PIT_BINS): the rank of y among
 * the m members taken as uniform on [a/(m+1), (b+1)/(m+1)], a = #{x_i < y},
 * b = #{x_i <= y} (the verification rank histogram, Anderson 1996, Hamill 2001, in the
 * non-randomised form of Czado, Gneiting & Held 2009 for ties), spread over the ten bins
 * of width 0.1 by overlap. Uniform for a calibrated ensemble. */
MP_EXTERN void mp_eval_pit(const double *sorted, size_t m, double y, double bins[MP_EVAL_PIT_BINS]);
/* Brier (1950) score of probability p for the event y (0/1): (p - y)^2. */
MP_EXTERN double mp_eval_brier(double p, int y);
/* Logarithmic score (Good 1952) as a loss: -ln p if y = 1, -ln(1 - p) if y = 0, with p
 * clamped to [MP_EVAL_LOG_EPS, 1 - MP_EVAL_LOG_EPS] so a certain miss costs ln 1000. */
#define MP_EVAL_LOG_EPS 0.001
MP_EXTERN double mp_eval_log_score(double p, int y);
/* Area under the ROC curve of scores p for events y (0/1) with ties counted one half:
 * the Mann-Whitney statistic from mid-ranks, AUC = (R1 - n1 (n1 + 1) / 2) / (n1 n0)
 * (Hanley & McNeil 1982). *auc is NaN without both classes. Allocates its ranks. */
MP_EXTERN int mp_eval_auc(mp_ctx *ctx, const double *p, const unsigned char *y, size_t n, double *auc);

/* ---- 2. the evaluation -------------------------------------------------------------- */

/* Forecast variables (docs/evaluate.md, "Variables"). */
typedef enum mp_eval_var {
	MP_EVAL_CINC_SHARE,     /* world CINC share, all states of the year sum to 1; and poles */
	MP_EVAL_CINC_SHARE_TOP, /* CINC share renormalised among the top K states at the origin */
	MP_EVAL_GDP,            /* annualised log growth of GDP (Maddison) from Y0 to Y0+h */
	MP_EVAL_POP,            /* annualised log growth of population (NMC tpop) */
	MP_EVAL_MILEX_SHARE,    /* world share of military expenditure (NMC milex) */
	MP_EVAL_WAR,            /* yearly participation in an inter-state war (COW), years Y0+1..Y0+h */
	MP_EVAL_WAR_ONSET,      /* yearly entry into a war: at war in t, not in t-1 */
	MP_EVAL_WAR_FREQ,       /* share of the h horizon years at war (the decade frequency at h = 10) */
	MP_EVAL_NVARS
} mp_eval_var;
/* "cinc_share", ... (static); mp_eval_var_parse returns MP_ENOTFOUND for other names. */
MP_EXTERN const char *mp_eval_var_name(mp_eval_var v);
MP_EXTERN int mp_eval_var_parse(const char *name, mp_eval_var *out);

typedef struct mp_eval_options {
	unsigned int version;
	const int *origins; /* forecast origins Y0 (required) */
	size_t norigins;
	const int *horizons; /* h >= 1 (required) */
	size_t nhorizons;
	unsigned variables;             /* bit mask of 1u << mp_eval_var; 0 = every variable whose
					data are imported */
	int runs;                       /* ensemble members (default 200) */
	uint64_t seed;                  /* default 1 */
	int threads;                    /* OpenMP threads; <= 0 = default */
	int top;                        /* K of cinc_share_top (default 20) */
	int trend_years;                /* trend, rw_drift and world_mean use Y0-N..Y0 (default 10) */
	int spread_years;               /* persistence_spread: h-year changes ending in the last N
					years up to Y0 (default 20) */
	int spread_analogs;             /* ... of the A states nearest in size per window (default 10) */
	const char *const *truth_paths; /* NMC CSV files of later releases (newest wins per year) */
	size_t ntruth;
	const char *const *without; /* mechanisms switched off in ablation runs ("conflict") */
	size_t nwithout;
	int pool_from, pool_to; /* origins pooled into the origin = "all" rows; 0 = all */
	const char *poles_path; /* pole membership file; NULL = the shipped table */
	int uncalibrated;       /* 1: the sim's documented defaults instead of mp_calibrate */
	FILE *forecasts;        /* optional: every forecast, written as each origin finishes
					(origin,year,variable,unit,method,stat,value) */
} mp_eval_options;
#define MP_EVAL_OPTIONS_VERSION 1
#define MP_EVAL_OPTIONS_INIT                                                                                           \
	{                                                                                                              \
		MP_EVAL_OPTIONS_VERSION, NULL, 0, NULL, 0, 0, 200, 1, 0, 20, 10, 20, 10, NULL, 0, NULL, 0, 0, 0, NULL, \
			0, NULL                                                                                        \
	}

typedef struct mp_eval_result mp_eval_result;

/* Runs the evaluation. Reads the store read-only. Errors: MP_EUSAGE for bad options
 * (naming the option), MP_ERANGE for origins outside the NMC coverage, MP_ENOTFOUND for a
 * requested variable whose data are not imported, MP_EINPUT for a --truth file that is
 * not NMC. Under MPI every rank calls it and gets the same result. */
MP_EXTERN int mp_evaluate(mp_ctx *ctx, mp_store *s, const mp_eval_options *o, mp_eval_result **out);
MP_EXTERN void mp_eval_result_free(mp_eval_result *r);

/* The tidy scores as CSV with exactly the columns origin,horizon,variable,unit,method,
 * metric,value (origin "all": pooled over the pool origins; unit "all": pooled over
 * states), ordered by origin, horizon, variable, unit, method, metric. */
MP_EXTERN int mp_eval_write_scores(mp_ctx *ctx, const mp_eval_result *r, FILE *f);
/* One score, NaN when absent: origin 0 = pooled over origins, unit "all" = pooled. */
MP_EXTERN double mp_eval_get(const mp_eval_result *r, int origin, int horizon, const char *variable, const char *unit,
			     const char *method, const char *metric);
/* Cases behind a score (0 when absent). */
MP_EXTERN int64_t mp_eval_get_n(const mp_eval_result *r, int origin, int horizon, const char *variable,
				const char *unit, const char *method, const char *metric);
/* Summary pooled over the pool origins and over states, one row per variable x horizon x
 * method: variable, horizon, method, n, mae, rmse, crps, coverage50, coverage90, brier,
 * log_score, auc, and the model's skill against the row's method: skill_mae, skill_crps,
 * skill_brier (1 - model / method) and d_auc (model - method). */
MP_EXTERN int mp_eval_summary(mp_ctx *ctx, const mp_eval_result *r, mp_table **out);
/* The goals of issue 9 (docs/evaluate.md "Goals"): goal, variable, horizon, value,
 * target, status ("met", "missed", "n/a"). */
MP_EXTERN int mp_eval_checks(mp_ctx *ctx, const mp_eval_result *r, mp_table **out);
/* Stores the run, its scores and reliability bins (tables eval_run, eval_score,
 * eval_reliability) in one transaction; *run_id (may be NULL) receives its id. */
MP_EXTERN int mp_eval_save(mp_ctx *ctx, mp_store *s, const mp_eval_result *r, int64_t *run_id);
/* A line describing the run: origins, horizons, runs, seed, truth sources, notes. Borrowed. */
MP_EXTERN const char *mp_eval_describe(const mp_eval_result *r);

/* ---- 3. backtest: one origin, the top K shares (docs/backtest.md) ---------------------- */

/* Scores of one forecasting method. */
typedef struct mp_backtest_row {
	char method[16];  /* "model", "persistence", "trend" */
	size_t n;         /* states scored */
	double mae, rmse; /* of the shares */
	double rank_corr; /* Spearman correlation of forecast and true shares */
} mp_backtest_row;

typedef struct mp_backtest_result {
	int start, end;
	mp_backtest_row rows[3];                     /* model, persistence, trend */
	size_t k;                                    /* states scored (top K by start-year CINC present at the end) */
	int *ccode;                                  /* [k] */
	double *truth, *model, *persistence, *trend; /* [k] shares among the k states */
	mp_calib_result *calib;                      /* the parameters used (fitted on data <= start); NULL when
				    uncalibrated */
	char truth_source[128];
} mp_backtest_result;

typedef struct mp_backtest_options {
	int version;
	int start, end;         /* Y0 < Y1 */
	int runs;               /* ensemble size (default 200) */
	uint64_t seed;          /* default 1 */
	int top;                /* K (default 20) */
	const char *truth_path; /* NMC CSV for the end year; NULL = the database's NMC */
	int trend_years;        /* trend fitted on [start - trend_years, start] (default 10) */
	int uncalibrated;       /* 1: run the sim with its documented defaults (ablation) */
	int threads;            /* OpenMP threads; <= 0 = default */
} mp_backtest_options;
#define MP_BACKTEST_OPTIONS_INIT                                                                                       \
	{                                                                                                              \
		1, 0, 0, 200, 1, 20, NULL, 10, 0, 0                                                                    \
	}

/* Calibrates on data <= start (mp_calibrate), starts the sim from the start year's world,
 * runs the ensemble to the end year and scores the median forecast CINC shares of the top
 * K states (by start-year CINC; shares renormalised among those K, the same for every
 * method) against the truth, beside persistence (start shares) and a linear trend (OLS of
 * each share on the year over [start - trend_years, start]): the evaluation's members,
 * baselines and truth (mp_evaluate) for one origin. Threads: as mp_evaluate (default all).
 * Errors: MP_EUSAGE for start >= end, MP_ERANGE (naming NMC and its range) for years
 * outside the coverage. */
MP_EXTERN int mp_backtest(mp_ctx *ctx, mp_store *s, const mp_backtest_options *opt, mp_backtest_result **out);
MP_EXTERN void mp_backtest_result_free(mp_backtest_result *r);
/* The score table: method,n,mae,rmse,rank_corr. */
MP_EXTERN int mp_backtest_table(mp_ctx *ctx, const mp_backtest_result *r, mp_table **out);
/* The per-state forecasts: ccode, truth, model, persistence, trend. */
MP_EXTERN int mp_backtest_detail(mp_ctx *ctx, const mp_backtest_result *r, mp_table **out);

#ifdef __cplusplus
}
#endif
#endif
