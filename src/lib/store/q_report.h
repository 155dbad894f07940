/* Store queries of the report module (src/lib/report/): the simulation summaries written
 * by the sim/ensemble modules (tables sim_runs and sim_summary, docs/sim.md) and the
 * presence of optional result tables. Everything read-only. */
#ifndef MP_Q_REPORT_H
#define MP_Q_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/store.h"

/* The newest run of each scenario in sim_summary, ordered by scenario name. */
typedef struct mp_store_report_run {
	int64_t run_id;
	char scenario[96];
	int first_year, last_year;
	int64_t job; /* sim_runs.job (one `multipolar run`), 0 when unknown */
} mp_store_report_run;
/* *out is malloc'd (free()); *n = 0 when the table is missing or empty. */
int mp_store__report_runs(mp_ctx *ctx, mp_store *s, mp_store_report_run **out, size_t *n);

/* One row of sim_summary: a quantity (variable) of a unit (pole, state, "world") in a
 * year of a run: quantiles over the ensemble's runs and the mean. NULL reads as NaN. */
typedef struct mp_store_report_sim_row {
	char unit[64];
	char variable[64];
	int year;
	double q05, q25, q50, q75, q95, mean;
} mp_store_report_sim_row;
/* All rows of run `run_id` and `scenario`, ordered by variable, unit, year. *out is
 * malloc'd (free()). */
int mp_store__report_sim_rows(mp_ctx *ctx, mp_store *s, int64_t run_id, const char *scenario,
			      mp_store_report_sim_row **out, size_t *n);

#endif
