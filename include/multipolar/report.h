/*
 * The HTML report: one self-contained file (inline CSS and SVG; no scripts, fonts,
 * images or network access) with
 *   - history:     CINC shares of the leading states and of the poles, concentration
 *                  (CON) and the effective number of poles, from the imported NMC data;
 *   - forecast:    pole shares and polarity to the horizon with 50% and 90% bands, one
 *                  panel per scenario, and a scenario comparison (simulation summaries
 *                  stored by `multipolar run`, table sim_summary);
 *   - skill:       the newest stored evaluation (`multipolar evaluate`, eval.h): skill
 *                  against each baseline, band coverage, PIT histograms, war reliability;
 *   - relations:   chosen dyads over time (capability ratio, trade dependence both ways,
 *                  ideal-point distance) and the camps of the latest year;
 *   - negotiation: shown when a negotiation result is stored, else a note.
 * Every chart has its data table behind a <details> toggle; sections without data say so.
 * Every name from data or user files is escaped. Details: docs/report.md.
 */
#ifndef MULTIPOLAR_REPORT_H
#define MULTIPOLAR_REPORT_H

#include "multipolar/export.h"

#include <stdio.h>

#include "multipolar/common.h"
#include "multipolar/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dyad to follow over time, by COW code. */
typedef struct mp_report_dyad {
	int a, b;
} mp_report_dyad;

typedef struct mp_report_opts {
	unsigned int version;
	const char *title;            /* NULL = "multipolar report" */
	const char *poles_path;       /* pole membership file; NULL = the shipped table */
	const char *nmc_version;      /* NULL = newest imported */
	const char *const *scenarios; /* scenarios to show; NULL/0 = every stored scenario */
	size_t nscenarios;
	const mp_report_dyad *dyads; /* NULL/0 = China-Russia (710, 365), US-China (2, 710) */
	size_t ndyads;
	int first_year, last_year; /* history years; 0 = all imported */
	int top_states;            /* leading states in the history chart; 0 = 8 */
} mp_report_opts;
#define MP_REPORT_OPTS_VERSION 1
#define MP_REPORT_OPTS_INIT                                                                                            \
	{                                                                                                              \
		MP_REPORT_OPTS_VERSION, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0                                    \
	}

/* Writes the report to f. Progress goes through the context's progress hook (task
 * "report"). Output is deterministic for a given store and options (no time stamps). */
MP_EXTERN int mp_report_write(mp_ctx *ctx, mp_store *s, const mp_report_opts *o, FILE *f);

/* Writes the report to `path` atomically: a temporary file beside it, renamed into place
 * only when complete, so an interrupted run never leaves a half-written report. The file
 * gets mode 0666 less the umask (0644 under 022; multipolar/output.h). */
MP_EXTERN int mp_report_write_file(mp_ctx *ctx, mp_store *s, const mp_report_opts *o, const char *path);

#ifdef __cplusplus
}
#endif
#endif
