/* Stored negotiation results, read back by the report. Names and dimension names hold
 * up to 256 bytes (MP_BARGAIN_NAME_MAX), so they are never cut. */
#ifndef MP_STORE_Q_BARGAIN_H
#define MP_STORE_Q_BARGAIN_H

#include <stdint.h>

#include "multipolar/store.h"

#define MP_STORE_BARGAIN_NAME 257 /* a name of up to 256 bytes and its NUL */

typedef struct mp_store_bargain_run {
	int64_t run_id;
	char name[MP_STORE_BARGAIN_NAME], model[8], stopped_by[48], created[32];
	int actors, rounds;
	int illustrative;             /* 0 when the database predates bargain_settings */
	char *description, *settings; /* NULL when absent */
} mp_store_bargain_run;

typedef struct mp_store_bargain_pos {
	int round;
	char actor[MP_STORE_BARGAIN_NAME], dim[MP_STORE_BARGAIN_NAME];
	double position;
} mp_store_bargain_pos;

typedef struct mp_store_bargain_fc {
	int round;
	char dim[MP_STORE_BARGAIN_NAME];
	double mean, median;
} mp_store_bargain_fc;

/* The final forecast of one dimension with its scale (bargain_summary). */
typedef struct mp_store_bargain_dim {
	char dim[MP_STORE_BARGAIN_NAME];
	double mean, median, low, high, mark;      /* mark: NaN when the dimension has none */
	char *mark_means, *low_means, *high_means; /* NULL when absent */
} mp_store_bargain_dim;

typedef struct mp_store_bargain_q {
	char dim[MP_STORE_BARGAIN_NAME], statistic[32];
	int replicates;
	double q[5]; /* 5, 25, 50, 75, 95 % */
} mp_store_bargain_q;

/* The newest `max` stored negotiations, newest first (none: *n = 0, no error; also when
 * the tables do not exist). Free with mp_store__bargain_runs_free. */
int mp_store__bargain_runs(mp_ctx *ctx, mp_store *s, size_t max, mp_store_bargain_run **out, size_t *n);
void mp_store__bargain_runs_free(mp_store_bargain_run *runs, size_t n);
/* Positions (ordered by dim, actor, round) and forecasts (by dim, round) of one run. */
int mp_store__bargain_positions(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_pos **out, size_t *n);
int mp_store__bargain_forecast(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_fc **out, size_t *n);
/* The summary per dimension (in input order) and the sensitivity quantiles of one run;
 * none when the tables or rows do not exist. Free dims with mp_store__bargain_dims_free,
 * quantiles with free(). */
int mp_store__bargain_dims(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_dim **out, size_t *n);
void mp_store__bargain_dims_free(mp_store_bargain_dim *d, size_t n);
int mp_store__bargain_quantiles(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_q **out, size_t *n);

#endif
