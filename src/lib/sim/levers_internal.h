/* Internal: the levers' private state, shared by levers.c (the yearly effects) and
 * levers_resolve.c (names to actors, with the errors). */
#ifndef MP_SIM_LEVERS_INTERNAL_H
#define MP_SIM_LEVERS_INTERNAL_H

#include <limits.h>

#include "sim/sim_internal.h"

#define MP_LEVER_MAX_ACTORS 256  /* actors named by one side of a lever (poles expanded) */
#define MP_LEVER_MAX_SECONDARY 8 /* sanctions levers with secondary sanctions */

/* A lever resolved to this run's actors and camps. A side is the actors it names (states,
 * the members of the poles it names) plus the camps it names; a camp's members in a year
 * are the scenario's: the start camps changed by the `join` levers in force, never the
 * camps states choose on their own (so the sanctions a scenario sets are the ones applied). */
typedef struct mp_sim_lever {
	mp_lever_kind kind;
	double value, secondary, trade, dual_use;
	int from, to;            /* years in force (INT_MIN, INT_MAX: open) */
	double ramp;             /* fertility: years to reach the full change (0: at once) */
	int ramp_from;           /* fertility: the ramp's first year (`from`, or the first step) */
	int age_lo, age_hi, sex; /* mortality: the band (demography's levers) */
	int camp;                /* join: the target camp, -1 non-aligned */
	int sec;                 /* sanctions with secondary > 0: its row of comp0, else -1 */
	unsigned campmask[2];    /* camps named on each side (bit c) */
	int nact[2];
	short act[2][MP_LEVER_MAX_ACTORS];
} mp_sim_lever;

typedef struct mp_levers_state {
	size_t nlevers;
	mp_sim_lever lv[MP_SCENARIO_MAX_LEVERS];
	size_t nsec;
	/* constant (the block): the third parties' trade shares with side A at the start, the
	   compliance of the start year (afterwards the previous year's trade is used) */
	double *comp0; /* MP_LEVER_MAX_SECONDARY * n */
	/* scratch (the block) */
	double *scamp;           /* n: the scenario's camp of each actor this year, -1 none */
	double *side_a, *side_b; /* n: membership of the two sides of the lever at hand */
	double *supporter;       /* n: 1 if the actor gives aid or support to a sanctioned state */
	double *comp;            /* n: this year's trade shares with side A (compliance) */
} mp_levers_state;

#endif
