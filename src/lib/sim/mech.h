/* Internal: the mechanisms of the world model, one row each (docs/sim.md, "Mechanisms").
 *
 * A mechanism is one file (mech_<name>.c) exporting one `mp_sim_mech` row. It keeps its own
 * state in a private struct (declared in its file) of plain constants plus pointers into one
 * block of doubles, laid out by its `layout` function:
 *
 *     [ dynamic arrays | their initial copy | constants and scratch ]
 *        0 .. ndyn        ndyn .. 2 ndyn
 *
 * so that the core can clone a run (memcpy of the struct and the block, then layout again
 * to rebind the pointers) and reset it (copy the initial region over the dynamic one)
 * without knowing the mechanism, and nothing is allocated in the yearly loop. Every value
 * that changes during a run lives in the dynamic region (a scalar is a 1-element array);
 * the struct's plain fields are constants set by `init`.
 *
 * Life of a run (sim.c):
 *   mp_sim_new:   core initialises the blackboard from the start world (s->w is still a
 *                 copy of it); then every mechanism's `init` in table order; then the core
 *                 measures the start year (GDP, trade, capabilities); then every `settle`
 *                 (anchors that need the measured start year); the initial regions are
 *                 copied; then mp_sim_reset(run).
 *   mp_sim_reset: dynamic regions restored; every `reset` (per-run draws, from the run's
 *                 own RNG streams); the start year measured again.
 *   mp_sim_step:  every enabled mechanism's `step`, in table order (see below), with the
 *                 core deriving GDP = pop * GDP per head after the economy.
 *
 * Switching off: a mechanism whose `<name>.enabled` parameter is <= 0 is not stepped, so
 * its blackboard outputs keep their start values. Mechanisms without such a parameter
 * (levers, capabilities) always run.
 */
#ifndef MP_SIM_MECH_H
#define MP_SIM_MECH_H

#include <stddef.h>

#include "multipolar/common.h"

typedef struct mp_sim mp_sim;

/* The table order is the order of a year's step. */
typedef enum {
	MP_MECH_LEVERS,       /* levers.c: scenario levers and standing strategy effects */
	MP_MECH_STRATEGY,     /* mech_strategy.c */
	MP_MECH_DEMOGRAPHY,   /* mech_demography.c */
	MP_MECH_ECONOMY,      /* mech_economy.c */
	MP_MECH_TRADE,        /* mech_trade.c */
	MP_MECH_MILITARY,     /* mech_military.c */
	MP_MECH_CAPABILITIES, /* mech_capabilities.c */
	MP_MECH_ALIGNMENT,    /* mech_alignment.c */
	MP_MECH_CONFLICT,     /* mech_conflict.c */
	MP_SIM_NMECH
} mp_sim_mech_id;

typedef struct mp_sim_mech {
	const char *name;  /* "economy": the parameters' prefix and evaluate's --without name */
	size_t state_size; /* bytes of the private state struct (0: none) */
	/* Lays out the state's arrays in blk (blk NULL: only counts). Returns the doubles used
	 * and sets *ndyn to the dynamic doubles at the start; the initial copy follows them.
	 * May read s->n and s->ncamps only. NULL: no arrays. */
	size_t (*layout)(const mp_sim *s, void *st, double *blk, size_t *ndyn);
	/* Initial state from the start world (s->w), the parameters (s->p, s->units) and the
	 * blackboard as the core and the earlier mechanisms left it. NULL: nothing to do. */
	int (*init)(mp_ctx *ctx, mp_sim *s, void *st);
	/* After every init and the measurement of the start year. NULL: nothing. */
	int (*settle)(mp_ctx *ctx, mp_sim *s, void *st);
	/* After the dynamic state is restored for run s->run: draws made once per run. NULL:
	 * nothing. */
	void (*reset)(mp_sim *s, void *st);
	/* One year (s->year is the year being computed). Returns MP_OK or an error set in ctx
	 * (ctx may be NULL). */
	int (*step)(mp_ctx *ctx, mp_sim *s, void *st);
} mp_sim_mech;

/* The rows, one per file. */
extern const mp_sim_mech mp_sim__mech_levers, mp_sim__mech_strategy, mp_sim__mech_demography, mp_sim__mech_economy,
	mp_sim__mech_trade, mp_sim__mech_military, mp_sim__mech_capabilities, mp_sim__mech_alignment,
	mp_sim__mech_conflict;

/* For layout functions: binds st->field to the next `cnt` doubles of blk (or only counts). */
#define MP_SIM_TAKE(st, blk, o, field, cnt) ((st)->field = (blk) ? (blk) + (o) : NULL, (o) += (cnt))

/* ---- what one mechanism offers the others (each defined in the file named) ---- */

/* mech_trade.c: recomputes trade, tsum and camp_trade from the blackboard (also used by the
 * core to measure the start year). */
void mp_sim__trade(mp_sim *s);
/* mech_capabilities.c: the six components, CINC and camp capabilities of the current year
 * (also used by the core to measure the start year). ctx may be NULL. */
int mp_sim__capabilities(mp_ctx *ctx, mp_sim *s);
/* mech_military.c: rivals' spending and allies' spending relative to own GDP (n each). */
void mp_sim__threat(const mp_sim *s, double *threat, double *allies);
/* mech_conflict.c: the probability that a war begins between i and j this year (a MID
 * that escalates) if their CINC were ci, cj, everything else as it is now; and the
 * dissatisfaction of a dyad in [0,1] (ideal-point distance / conflict.dissat_scale, less
 * the great powers' negotiation). */
double mp_sim__war_prob(const mp_sim *s, size_t i, size_t j, double ci, double cj);
double mp_sim__dissat(const mp_sim *s, size_t i, size_t j);
/* levers.c: resolves the scenario's levers against the start world into the levers'
 * state: every name must be a state, camp or pole of this run (errors name the file,
 * line and column, with near matches, and a state hidden in a remainder row names the
 * row; MP_EINPUT). */
int mp_sim__levers_resolve(mp_ctx *ctx, mp_sim *s, const mp_scenario *sc, const mp_poles *poles);
/* conflict_dyads.c: defence pacts, rivalries and land contiguity of the shipped default
 * world (data/world/dyads.csv) into the blackboard, for a run without a store. */
int mp_sim__default_dyads(mp_ctx *ctx, mp_sim *s);
/* mech_economy.c: actor i's expected growth of log GDP per head next year before shocks
 * and levers (the strategy's look-ahead). */
double mp_sim__economy_trend(const mp_sim *s, size_t i);
/* mech_economy.c: ln GDP per head of actor i relative to the frontier's balanced path
 * (the steel and energy intensity trends). */
double mp_sim__economy_relative_income(const mp_sim *s, size_t i);
/* mech_military.c: military personnel of actor i this year, thousands (NaN if unknown). */
double mp_sim__milper(const mp_sim *s, size_t i);
/* mech_demography.c: actor i's expected population growth rate next year before levers
 * (the strategy's look-ahead). */
double mp_sim__demography_growth(const mp_sim *s, size_t i);

#endif
