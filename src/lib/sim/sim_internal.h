/* Internal: the state of one simulated run.
 *
 * A run is the core (this struct: the "blackboard" of per-actor and per-dyad quantities that
 * several mechanisms read, camps, relevant dyads, the current world) plus one private state
 * per mechanism (mech.h). A mechanism writes only its own outputs to the blackboard and
 * reads the others'; it keeps everything else in its private state.
 *
 * Layout of the blackboard's doubles: one block. The first `ndyn` doubles are the dynamic
 * state (copied from the `init` region on reset), then the initial copy, then constants
 * from the start world and per-step scratch. A clone is one malloc and one memcpy per
 * block; nothing is allocated in the yearly loop. */
#ifndef MP_SIM_INTERNAL_H
#define MP_SIM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/rng.h"
#include "multipolar/sim.h"
#include "sim/mech.h"

/* RNG stream ids: stream = year * 16 + id, so each mechanism-year has its own stream.
 * MP_SIM_S_INIT draws the start world's trade residuals (once per seed and run index). A
 * mechanism that draws per run (at reset) uses a stream of its own in [MP_SIM_S_RUN, 16):
 * its year part is the start year, so it never meets a yearly stream. */
enum {
	MP_SIM_S_ECON = 1,
	MP_SIM_S_MIL,
	MP_SIM_S_ALIGN,
	MP_SIM_S_CAMP,
	MP_SIM_S_CONFLICT,
	MP_SIM_S_STRATEGY,
	MP_SIM_S_INIT,
	MP_SIM_S_RUN
};
/* Per-run streams of the economy (steady-state gaps) and the military (none yet). */
enum { MP_SIM_S_RUN_ECON = 12, MP_SIM_S_RUN_MIL = 13 };
/* A second bank of yearly stream ids (the first is full): id MP_SIM_S_BANK2 + k is the
 * stream (1 << 31) | (year * 16 + k), which no id of the first bank reaches. */
enum { MP_SIM_S_BANK2 = 16, MP_SIM_S_CAP = MP_SIM_S_BANK2 + 1 };

/* Strategy levers of a great power (shares of strategy.budget). */
enum { MP_POL_ARMS, MP_POL_ECON, MP_POL_AID, MP_POL_SANCTION, MP_POL_CULTURE, MP_POL_NEGOTIATE, MP_NPOL };

#define MP_SIM_MAX_CAMPS MP_SCENARIO_MAX_CAMPS

/* A mechanism's place in a run: its private state and the block its arrays live in. */
typedef struct mp_sim_slot {
	void *st;    /* private state (mech->state_size bytes), or NULL */
	double *blk; /* its arrays: dynamic [0, ndyn), initial copy [ndyn, 2 ndyn), rest */
	size_t nblk, ndyn;
	int on; /* `<name>.enabled` > 0 (mechanisms without the key are always on) */
} mp_sim_slot;

struct mp_sim {
	mp_sim_params p;
	const mp_sim_unit_params *units; /* per-country parameters (borrowed; NULL = none) */
	uint64_t seed;
	uint32_t run;
	int year0, year;
	size_t n;
	mp_world *w; /* current world (outputs); at init, a copy of the start world */
	mp_sim_slot mech[MP_SIM_NMECH];

	/* camps */
	size_t ncamps;
	char camp_name[MP_SIM_MAX_CAMPS][32];
	int camp_leader[MP_SIM_MAX_CAMPS][4];
	int camp_nleaders[MP_SIM_MAX_CAMPS];
	int *camp, *camp0;         /* n: camp index or -1 (alignment writes camp) */
	int *forced;               /* n: camp forced by a join lever this year, -2 = none (levers) */
	int *rival;                /* n: main rival of a great power, -1 (strategy) */
	int *partner;              /* n: aid partner of a great power, -1 (strategy) */
	unsigned char *agg;        /* n: aggregate (remainder) row */
	unsigned char *gp;         /* n: great power (a camp leader) */
	unsigned char *at_war;     /* n: fought a war this year (conflict) */
	int wars, gp_wars, crises; /* this year's counts (conflict) */
	int *pairs;                /* 2 * npairs: politically relevant dyads */
	size_t npairs;

	/* ---- the blackboard's doubles (writer in brackets) ---- */
	double *blk;
	size_t nblk, ndyn;
	/* dynamic (reset from init) */
	double *pop;          /* n: population, thousands [demography] */
	double *pop_urban;    /* n: urban population (COW: cities >= 100k), thousands [demography] */
	double *pop_working;  /* n: population aged 15-64, thousands; NaN until demography has ages */
	double *pop_military; /* n: military-age population, thousands; NaN until demography has ages */
	double *gdppc;        /* n: GDP per head, PPP $ [economy; shocks: levers; war losses: conflict] */
	double *burden;       /* n: military spending / GDP at MER [military; shocks: levers] */
	double *ip;           /* n: UNGA ideal point [alignment] */
	double *policy;       /* n * MP_NPOL: great powers' strategy mix [strategy] */
	double *mer;          /* n: GDP at MER / GDP at PPP (start: the world's) [economy] */
	double *init;         /* initial copy of the dynamic region */
	/* constants from the start world */
	double *lndist;         /* n*n: log capital distance, km (>= 100) */
	double *contig;         /* n*n: contiguity (COW direct contiguity, else capitals within
				conflict.relevance_km), 0/1 */
	double *ally, *rivalry; /* n*n: defence pact, strategic rivalry (0/1; from the store) */
	/* scratch, recomputed every step */
	double *gdp;        /* n: GDP at PPP, millions = pop * gdppc / 1000 [core, after economy] */
	double *milex;      /* n: military spending, thousands of US$ [capabilities] */
	double *cinc;       /* n: CINC (COW mode) [capabilities] */
	double *share;      /* n * MP_NCOMP: component shares [capabilities] */
	double *camp_cap;   /* ncamps: summed CINC of each camp [capabilities] */
	double *trade;      /* n*n: bilateral trade, millions [trade] */
	double *tsum;       /* n: total trade of each actor [trade] */
	double *camp_trade; /* n * ncamps: trade of each actor with each camp [trade] */
	double *grow_add;   /* n: growth added by levers and strategy this year [levers] */
	double *pop_add;    /* n: population growth added by the fertility lever [levers] */
	double *sanct;      /* n*n: strength 0..1 with which i sanctions j this year (primary and
				secondary), as the scenario sets it whatever camps states join [levers] */
	double *promote;    /* n*n: trade promotion 0..1 of a `support` lever, donor -> recipient [levers] */
	double *milex_add;  /* n: military supply received this year, thousands of US$ [levers] */
	double *level;      /* n: ln of output relative to no trade barriers from sanctions and
				support (Arkolakis, Costinot & Rodriguez-Clare 2012), <= 0 mostly [trade] */
	double *deaths;     /* n: battle deaths this year, thousands [conflict] */
	double *war_loss;   /* n: log output lost to war this year (war years, defeats), which the
				economy carries into TFP next year [conflict] */
	/* demography's inputs from the others (docs/demography.md, "Levers") */
	double *tfr_add;       /* n: change in total fertility this year [levers] */
	double *mig_add;       /* n: extra net migrants this year, thousands [levers] */
	double *excess_deaths; /* n * 2 * MP_DEMOG_AGES: deaths to remove at demography's next
				  step by sex (F, M) and age, as weights times a total: demography
				  spreads each actor's total over the weighted ages in proportion
				  to their people, then zeroes it [levers: mortality; conflict:
				  battle deaths, mp_sim__war_deaths] */

	double *init_trade; /* n*n: observed start-year trade (store), during mp_sim_new only */
	double *init_conttype, *init_lastmid, *init_war; /* n*n: lowest COW contiguity type,
				last MID year and years at war so far of each pair (NaN none), from the
				store or data/world/dyads.csv, during mp_sim_new only (the conflict
				mechanism's start state) */
};

/* Stream for (mechanism, year). */
static inline void mp_sim__rng(const mp_sim *s, mp_rng *r, int mech)
{
	const uint32_t bank = mech >= MP_SIM_S_BANK2 ? 1u << 31 : 0u;
	mp_rng_init(r, s->seed, s->run, bank | ((uint32_t)s->year * 16u + (uint32_t)(mech % MP_SIM_S_BANK2)));
}

/* A mechanism's private state (NULL when it has none). */
static inline void *mp_sim__state(const mp_sim *s, mp_sim_mech_id id)
{
	return s->mech[id].st;
}

/* Sanction strength between actors i and j (the stronger direction). */
static inline double mp_sim__sanction(const mp_sim *s, size_t i, size_t j)
{
	double x = s->sanct[i * s->n + j], y = s->sanct[j * s->n + i];
	return x > y ? x : y;
}

/* Battle deaths (thousands) of actor i this year, for demography to remove at its next
 * step: spread over men 18-49 in proportion to their numbers (mech_demography.c). */
void mp_sim__war_deaths(mp_sim *s, size_t i, double thousands);

/* Median of the finite values of v[0..n) (NaN if none); tmp has room for n (sim.c). */
double mp_sim__median_finite(const double *v, size_t n, double *tmp);
/* A per-country parameter of actor i (its ccode), or dflt (remainder rows: dflt). */
double mp_sim__unit(const mp_sim *s, size_t i, const char *key, double dflt);

#endif
