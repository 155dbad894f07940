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
	size_t k; /* variables per year */
	mp_outvar *vars;
	size_t nstates; /* actors reported as units (non-aggregates) */
	int npoles;
	size_t ncamps;
	/* demography (docs/demography.md): indicators per state and pole when the runs have
	   age structures, and the pyramid of one unit (actor index or pole) on request */
	int demog;               /* the indicators block is present */
	int pyr_actor, pyr_pole; /* -1: none */
	/* the poles' pyramids are written in the first and last years and those divisible by
	   5 (NaN between; the requested pole every year): pyr_first, pyr_last (0: every year) */
	int pyr_first, pyr_last;
} mp_outputs;

/* The variable list for runs of `s` (its actors and camps) and `poles`. */
int mp_outputs_init(mp_outputs *o, const mp_sim *s, const mp_poles *poles);
/* The same plus the population pyramid (by sex and five-year group) of one unit: a
 * state (stateabb, name or ccode) or "pole:NAME". MP_ENOTFOUND for an unknown unit or a
 * run without age structure. */
int mp_outputs_init_pyramid(mp_outputs *o, const mp_sim *s, const mp_poles *poles, const char *unit);
void mp_outputs_free(mp_outputs *o);
/* Writes the current year's k values of `s` into out (work: scratch of 2 * n doubles). */
void mp_outputs_record(const mp_outputs *o, const mp_sim *s, const mp_poles *poles, double *out, double *work);

#endif
