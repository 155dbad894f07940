/* Internal: the state of one simulated run, shared by the mechanism files (mech_*.c).
 *
 * Layout: every per-run double lives in one block. The first `ndyn` doubles are the
 * dynamic state (copied from the `init` region on reset), then the initial copy, then
 * constants and per-step scratch. A clone is one malloc and one memcpy. */
#ifndef MP_SIM_INTERNAL_H
#define MP_SIM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/rng.h"
#include "multipolar/sim.h"

/* RNG stream ids: stream = year * 16 + id, so each mechanism-year has its own stream. */
enum { MP_SIM_S_ECON = 1, MP_SIM_S_MIL, MP_SIM_S_ALIGN, MP_SIM_S_CAMP, MP_SIM_S_CONFLICT,
       MP_SIM_S_STRATEGY, MP_SIM_S_INIT };

/* Strategy levers of a great power (shares of strategy.budget). */
enum { MP_POL_ARMS, MP_POL_ECON, MP_POL_AID, MP_POL_SANCTION, MP_POL_CULTURE, MP_POL_NEGOTIATE,
       MP_NPOL };

#define MP_SIM_MAX_CAMPS MP_SCENARIO_MAX_CAMPS

/* A lever resolved to actor / camp indices. */
typedef struct mp_sim_lever {
	mp_lever_kind kind;
	int a, b;        /* actor or camp indices; -1 = unresolved (ignored) */
	int a_is_camp;   /* growth/fertility applied to a whole camp */
	double value;
	int from, to;
} mp_sim_lever;

struct mp_sim {
	mp_sim_params p;
	uint64_t seed;
	uint32_t run;
	int year0, year;
	size_t n;
	mp_world *w;       /* current world (outputs) */

	/* camps */
	size_t ncamps;
	char camp_name[MP_SIM_MAX_CAMPS][32];
	int camp_leader[MP_SIM_MAX_CAMPS][4];
	int camp_nleaders[MP_SIM_MAX_CAMPS];
	int *camp, *camp0;   /* n: camp index or -1 */
	int *forced;         /* n: camp forced by a join lever this year, -2 = none */
	int *rival;          /* n: main rival of a great power, -1 */
	int *partner;        /* n: aid partner of a great power, -1 */
	unsigned char *agg;  /* n: aggregate (remainder) row */
	unsigned char *gp;   /* n: great power (a camp leader) */
	unsigned char *at_war;
	int wars, gp_wars, crises;
	int *pairs;          /* 2 * npairs: politically relevant dyads */
	size_t npairs;

	size_t nlevers;
	mp_sim_lever levers[MP_SCENARIO_MAX_LEVERS];

	/* the double block */
	double *blk;
	size_t nblk, ndyn;
	/* dynamic (reset from init) */
	double *pop, *urb, *gdppc, *burden, *ip, *ngr, *dev, *policy /* n*MP_NPOL */;
	double *lnF;         /* 1: log frontier GDP per capita */
	/* initial copy of the dynamic region */
	double *init;
	/* constants */
	double *gap, *mer, *b0, *threat0, *allies0, *milper0, *milex0, *pop0, *irst_k, *pec_k;
	double *lndist /* n*n */, *contig /* n*n */, *resid /* n*n, trade fixed effect */;
	double *tk;          /* n*n: exp(d ln D + c CONTIG + e), the fixed part of gravity */
	double *ally, *rivalry; /* n*n: defence pact, strategic rivalry (0/1; from the store) */
	double *lnG;         /* 1: gravity constant */
	/* scratch, recomputed every step */
	double *gdp, *lny, *milex, *cinc, *share /* n*MP_NCOMP */, *trade /* n*n */, *tsum;
	double *camp_trade /* n*ncamps */, *grow_add, *pop_add, *threat, *allies, *sanct /* ncamps^2 */;
	double *camp_cap /* ncamps */, *camp_ip /* ncamps */, *culture /* n */;
	double *lncinc /* n: log CINC of the year, for the conflict hazards (NaN if <= 0) */;
};

/* Mechanisms: one file each. Each reads the current state and writes its part. */
int mp_sim__capabilities(mp_ctx *ctx, mp_sim *s);   /* mech_capabilities.c */
void mp_sim__demography(mp_sim *s);                  /* mech_demography.c */
void mp_sim__economy(mp_sim *s);                     /* mech_economy.c */
void mp_sim__military(mp_sim *s);                    /* mech_military.c */
void mp_sim__trade(mp_sim *s);                       /* mech_trade.c */
void mp_sim__trade_calibrate(mp_sim *s);             /* sets lnG from trade.openness */
void mp_sim__trade_prepare(mp_sim *s);               /* tk from lndist, contig, resid */
void mp_sim__alignment(mp_sim *s);                   /* mech_alignment.c */
void mp_sim__strategy(mp_sim *s);                    /* mech_strategy.c */
void mp_sim__conflict(mp_sim *s);                    /* mech_conflict.c */
/* Levers active in the current year: fills grow_add, pop_add, sanct, forced. */
void mp_sim__levers(mp_sim *s);                      /* levers.c */
/* Threat (rivals' spending) and allies' spending relative to own GDP (military.c). */
void mp_sim__threat(mp_sim *s, double *threat, double *allies);
/* War-onset hazard of dyad (i, j) given capabilities ci, cj (mech_conflict.c). */
double mp_sim__hazard(const mp_sim *s, size_t i, size_t j, double ci, double cj);
/* Dissatisfaction of a dyad in [0,1] (conflict.c). */
double mp_sim__dissat(const mp_sim *s, size_t i, size_t j);
/* Sanction strength between camps a and b (the stronger direction; 0 within a camp). */
static inline double mp_sim__sanction_camps(const mp_sim *s, size_t a, size_t b)
{
	if (a == b)
		return 0;
	size_t k = s->ncamps;
	double x = s->sanct[a * k + b], y = s->sanct[b * k + a];
	return x > y ? x : y;
}
/* Sanction strength between actors i and j (their camps). */
static inline double mp_sim__sanction(const mp_sim *s, size_t i, size_t j)
{
	int a = s->camp[i], b = s->camp[j];
	if (a < 0 || b < 0 || a == b)
		return 0;
	size_t k = s->ncamps;
	double x = s->sanct[(size_t)a * k + (size_t)b], y = s->sanct[(size_t)b * k + (size_t)a];
	return x > y ? x : y;
}
/* Stream for (mechanism, year). */
void mp_sim__rng(const mp_sim *s, mp_rng *r, int mech);

#endif
