/*
 * Ensembles of simulated runs (docs/sim.md, "Ensembles"): runs spread over OpenMP threads
 * and MPI ranks, summarised per (year, unit, variable) by streaming quantiles with bounded
 * memory, or kept member by member (mp_ensemble_members) for the scores that need every
 * run (eval.h).
 *
 * Reproducibility: run r uses the RNG streams keyed by (seed, r, ...), each run's outputs
 * go to its own slot of a batch, and every summary receives the runs strictly in run
 * order (summaries are split by key over the ranks, exchanged with one reduce-scatter
 * per batch), so the summary is bit-identical for any number of threads and ranks.
 *
 * Summaries: up to MP_ENSEMBLE_EXACT runs the quantiles are exact (sorted sample, linear
 * interpolation, Hyndman & Fan 1996 type 7); beyond, the extended P-square algorithm
 * (Jain & Chlamtac 1985; Raatikainen 1987) continues from markers placed on the exact
 * sample, in O(1) memory per summary.
 */
#ifndef MULTIPOLAR_ENSEMBLE_H
#define MULTIPOLAR_ENSEMBLE_H

#include "multipolar/export.h"

#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/poles.h"
#include "multipolar/sim.h"
#include "multipolar/store.h"
#include "multipolar/table.h"
#include "multipolar/world.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MP_ENSEMBLE_EXACT 64

typedef struct mp_ensemble mp_ensemble;

typedef struct mp_ensemble_opts {
	unsigned int version;
	int runs;      /* <= 0: the scenario's */
	uint64_t seed; /* used when seed_set */
	int seed_set;
	int threads;                     /* <= 0: OpenMP default */
	int until;                       /* last year; <= 0: the scenario's horizon */
	int batch;                       /* runs per batch (memory vs. merge granularity); <= 0: 64 */
	mp_store *store;                 /* optional: start-year dyads */
	const mp_sim_unit_params *units; /* per-country parameters; NULL: the `units:` rows of
					    the scenario's parameter file (sc->params_file), if any */
	const char *pyramid;             /* also summarise the population pyramid of this unit (a state or
				"pole:NAME"): variables pyramid_F_<age>, pyramid_M_<age> by five-year
				group (docs/demography.md); NULL = none */
} mp_ensemble_opts;
#define MP_ENSEMBLE_OPTS_VERSION 1
#define MP_ENSEMBLE_OPTS_INIT                                                                                          \
	{                                                                                                              \
		MP_ENSEMBLE_OPTS_VERSION, 0, 1, 0, 0, 0, 0, NULL, NULL, NULL                                           \
	}

/* The start world of a scenario: the shipped default world (start: default) or the
 * store's NMC year (start: Y). Poles from the scenario's file or the shipped table. */
MP_EXTERN int mp_ensemble_start_world(mp_ctx *ctx, const mp_scenario *sc, mp_store *store, mp_poles **poles,
				      mp_world **world);

/* Runs the ensemble. Under MPI (after mp_ensemble_mpi_init) every rank must call it; the
 * summary is complete on rank 0 only (other ranks get an empty result). */
MP_EXTERN int mp_ensemble_run(mp_ctx *ctx, const mp_scenario *sc, const mp_world *start, const mp_poles *poles,
			      const mp_ensemble_opts *opts, mp_ensemble **out);
MP_EXTERN void mp_ensemble_free(mp_ensemble *e);

/* Summary rows: scenario, year, unit, variable, q05, q25, q50, q75, q95, mean. */
MP_EXTERN int mp_ensemble_table(mp_ctx *ctx, const mp_ensemble *e, mp_table **out);
/* One summary: q[5] (q05..q95) and mean. MP_ENOTFOUND if absent. */
MP_EXTERN int mp_ensemble_get(const mp_ensemble *e, int year, const char *unit, const char *variable, double q[5],
			      double *mean);
/* Runs and seed actually used; years covered. */
MP_EXTERN int mp_ensemble_runs(const mp_ensemble *e);
MP_EXTERN uint64_t mp_ensemble_seed(const mp_ensemble *e);
MP_EXTERN int mp_ensemble_first_year(const mp_ensemble *e);
MP_EXTERN int mp_ensemble_last_year(const mp_ensemble *e);
/* Stores the ensemble (a row of sim_runs) and its summary (sim_summary) in one
 * transaction; *run_id receives its id. `job` groups the ensembles of one invocation
 * (`multipolar run` stores its five with the first one's run_id); job <= 0: its own id. */
MP_EXTERN int mp_ensemble_store(mp_ctx *ctx, mp_store *s, const mp_ensemble *e, int64_t job, int64_t *run_id);
/* Stores the n ensembles of one job (`multipolar run`: its scenarios) in one transaction:
 * all of them or, after an error or a kill, none. Their job is the first one's run_id;
 * run_ids[i] receives each id (0 for an ensemble without results, on MPI ranks > 0). */
MP_EXTERN int mp_ensemble_store_job(mp_ctx *ctx, mp_store *s, const mp_ensemble *const *es, size_t n, int64_t *run_ids);

/* ---- members: each run's values (for CRPS, PIT and coverage; eval.h) ---- */

/* A variable read from a run through the public sim API (sim.h). */
typedef enum mp_member_var {
	MP_MEMBER_CINC,    /* mp_sim_cinc */
	MP_MEMBER_GDP,     /* actor gdp (PPP, millions) */
	MP_MEMBER_GDP_MER, /* actor gdp_mer */
	MP_MEMBER_MILEX,   /* the CINC components, COW NMC units (world.h) */
	MP_MEMBER_MILPER,
	MP_MEMBER_IRST,
	MP_MEMBER_PEC,
	MP_MEMBER_TPOP,
	MP_MEMBER_UPOP,
	MP_MEMBER_IDEAL, /* UNGA ideal point */
	MP_MEMBER_WAR,   /* mp_sim_at_war: 1 when the actor fought a war that year, else 0 */
	MP_MEMBER_NVARS
} mp_member_var;
/* "cinc", "gdp", ..., "war" (static). */
MP_EXTERN const char *mp_member_var_name(mp_member_var v);

typedef struct mp_members_opts {
	unsigned int version;
	int runs;               /* members, >= 1: run r is mp_sim_reset(r) */
	int threads;            /* <= 0: OpenMP default */
	int batch;              /* runs per batch (progress and MPI granularity); <= 0: 64 */
	const mp_sim_opts *sim; /* params, units, scenario, poles, store, seed (run ignored) */
	const int *years;       /* nyears ascending years >= the start year (the start year
				     records the initial state) */
	size_t nyears;
	const size_t *actors; /* actor indices of the start world; NULL = all, in order */
	size_t nactors;
	const mp_member_var *vars;
	size_t nvars;
	const char *task; /* progress task name (per batch); NULL = no progress */
} mp_members_opts;
#define MP_MEMBERS_OPTS_VERSION 1
#define MP_MEMBERS_OPTS_INIT                                                                                           \
	{                                                                                                              \
		MP_MEMBERS_OPTS_VERSION, 1, 0, 0, NULL, NULL, 0, NULL, 0, NULL, 0, NULL                                \
	}

/* Runs the ensemble from `start` and returns every run's values in run order:
 * (*values)[((r * nyears + y) * nactors + a) * nvars + v] is run r, year years[y], actor a
 * (actors[a], or a), variable vars[v]. Bit-identical for any number of threads and MPI
 * ranks; under MPI every rank must call it and every rank receives all values. *values
 * is malloc'd (free()). */
MP_EXTERN int mp_ensemble_members(mp_ctx *ctx, const mp_world *start, const mp_members_opts *o, double **values);

/* MPI: initialises MPI when launched by mpirun (else a no-op; rank 0 of 1). */
MP_EXTERN int mp_ensemble_mpi_init(int *rank, int *size);
MP_EXTERN void mp_ensemble_mpi_finalize(void);

#ifdef __cplusplus
}
#endif
#endif
