/* Internal: the per-year output vector of a run (units x variables; docs/sim.md). */
#ifndef MP_ENSEMBLE_OUTPUTS_H
#define MP_ENSEMBLE_OUTPUTS_H

#include <stddef.h>

#include "multipolar/poles.h"
#include "multipolar/sim.h"

typedef struct mp_outvar {
	char unit[64];
	char variable[64];
	int binary; /* a 0/1 indicator */
	int ccode;  /* the state's COW code; 0 for poles and the system */
} mp_outvar;

typedef struct mp_outputs {
	size_t k;          /* variables per year */
	mp_outvar *vars;
	size_t nstates;    /* actors reported as units (non-aggregates) */
	int npoles;
	size_t ncamps;
} mp_outputs;

/* The variable list for runs of `s` (its actors and camps) and `poles`. */
int mp_outputs_init(mp_outputs *o, const mp_sim *s, const mp_poles *poles);
void mp_outputs_free(mp_outputs *o);
/* Writes the current year's k values of `s` into out (work: scratch of 2 * n doubles). */
void mp_outputs_record(const mp_outputs *o, const mp_sim *s, const mp_poles *poles, double *out, double *work);

#endif
