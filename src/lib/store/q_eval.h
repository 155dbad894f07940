/* Store queries of the evaluation (src/lib/eval/) and of the report's Forecast skill
 * section (src/lib/report/report_skill.c). The result tables eval_run, eval_score and
 * eval_reliability are created by migration 1 -> 2 (store.c; docs/evaluate.md). */
#ifndef MP_STORE_Q_EVAL_H
#define MP_STORE_Q_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/store.h"

/* COW inter-state war participation: every (ccode, year) with a war_inter row, year in
 * [from, until], as pairs cy[2k] = ccode, cy[2k+1] = year (malloc'd). *first and *last
 * receive the dataset's year range (its coverage). MP_ENOTFOUND when not imported. */
int mp_q_eval_war_years(mp_ctx *ctx, mp_store *s, int from, int until, int **cy, size_t *n, int *first, int *last);

/* A stored evaluation run. */
typedef struct mp_q_eval_run {
	int64_t id;
	char created_at[32];
	char version[16];
	char origins[256], horizons[64], variables[160], methods[512];
	int runs, top, pool_from, pool_to;
	int64_t seed;
	char truth[256];
	char notes[512];
} mp_q_eval_run;

/* Inserts the run row (inside the caller's transaction); *id receives its id. */
int mp_q_eval_insert_run(mp_ctx *ctx, mp_store *s, const mp_q_eval_run *run, int64_t *id);
/* One score row; origin 0 is stored as NULL (pooled over origins). NaN values as NULL. */
int mp_q_eval_insert_score(mp_ctx *ctx, mp_store *s, int64_t run, int origin, int horizon, const char *variable,
			   const char *unit, const char *method, const char *metric, double value, int64_t n);
/* One reliability bin (1..10) of a probability forecast. */
int mp_q_eval_insert_rel(mp_ctx *ctx, mp_store *s, int64_t run, int origin, int horizon, const char *variable,
			 const char *method, int bin, int64_t n, double mean_p, double freq);

/* The newest stored run; MP_ENOTFOUND when there is none (or the tables are missing). */
int mp_q_eval_latest(mp_ctx *ctx, mp_store *s, mp_q_eval_run *out);

/* A pooled score of a run (origin NULL, unit 'all'). */
typedef struct mp_q_eval_score {
	int horizon;
	char variable[24];
	char method[48];
	char metric[16];
	double value;
	int64_t n;
} mp_q_eval_score;
/* Every pooled score of `run`, ordered by variable, horizon, method, metric (malloc'd). */
int mp_q_eval_pooled(mp_ctx *ctx, mp_store *s, int64_t run, mp_q_eval_score **out, size_t *n);

/* A pooled reliability bin of a run (origin NULL). */
typedef struct mp_q_eval_bin {
	int horizon, bin;
	char variable[24];
	char method[48];
	int64_t n;
	double mean_p, freq;
} mp_q_eval_bin;
/* Every pooled reliability bin of `run`, ordered by variable, horizon, method, bin. */
int mp_q_eval_bins(mp_ctx *ctx, mp_store *s, int64_t run, mp_q_eval_bin **out, size_t *n);

#endif
