/* Stored negotiation results, read back by the report. */
#ifndef MP_STORE_Q_BARGAIN_H
#define MP_STORE_Q_BARGAIN_H

#include <stdint.h>

#include "multipolar/store.h"

typedef struct mp_store_bargain_run {
	int64_t run_id;
	char name[128], model[8], stopped_by[48], created[32];
	int actors, rounds;
} mp_store_bargain_run;

typedef struct mp_store_bargain_pos {
	int round;
	char actor[64], dim[64];
	double position;
} mp_store_bargain_pos;

typedef struct mp_store_bargain_fc {
	int round;
	char dim[64];
	double mean, median;
} mp_store_bargain_fc;

/* The newest `max` stored negotiations, newest first (none: *n = 0, no error; also when
 * the tables do not exist). *out malloc'd. */
int mp_store__bargain_runs(mp_ctx *ctx, mp_store *s, size_t max, mp_store_bargain_run **out, size_t *n);
/* Positions (ordered by dim, actor, round) and forecasts (by dim, round) of one run. */
int mp_store__bargain_positions(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_pos **out, size_t *n);
int mp_store__bargain_forecast(mp_ctx *ctx, mp_store *s, int64_t run_id, mp_store_bargain_fc **out, size_t *n);

#endif
