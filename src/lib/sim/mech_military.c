/* Military (docs/sim.md "military").
 *
 * The military burden b = milex / GDP follows discretised Richardson (1960) arms
 * dynamics, dx/dt = k y - a x + g, with the threat y_i the spending of i's rivals
 * relative to i's own economy and a burden-sharing term for allies (Olson & Zeckhauser
 * 1966):
 *   b_{t+1} = b_t + k (T_i,t - T_i,0) - a (b_t - b0_i - arms_i) - f (A_i,t - A_i,0) + w war_i
 *   b_{t+1} <- b_{t+1} exp(sd N(0,1) - sd^2 / 2)
 *   T_i = sum_j D_ij milex_j / (GDP_i at MER),  D_ij = dissatisfaction of the relevant dyad
 *         (1 for a strategic rival, Thompson & Dreyer 2012, when the store has rivalries)
 *   A_i = sum_{j in i's camp, j != i} milex_j / (GDP_i at MER)
 * The grievance g is chosen so the start year is a Richardson equilibrium (hence the
 * differences from the start values T_i,0, A_i,0 and b0_i). arms_i is a great power's
 * strategic arms lever. Personnel follow spending and population:
 *   milper = milper_0 (pop/pop_0)^(1-e) (milex/milex_0)^e,  e = military.personnel_elasticity
 * (computed with the other components in mech_capabilities.c). Blackboard output: burden. */
#include "sim/sim_internal.h"

typedef struct mil_state {
	/* constants */
	double *b0, *threat0, *allies0; /* n: start burden, threat and allies' spending */
	/* scratch */
	double *threat, *allies;        /* n: this year's threat and allies' spending */
} mil_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	mil_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, b0, n);
	MP_SIM_TAKE(st, b, o, threat0, n);
	MP_SIM_TAKE(st, b, o, allies0, n);
	MP_SIM_TAKE(st, b, o, threat, n);
	MP_SIM_TAKE(st, b, o, allies, n);
	return o;
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	for (size_t i = 0; i < s->n; i++)
		st->b0[i] = s->burden[i];
	return MP_OK;
}

/* The Richardson anchors: the start year is an equilibrium (needs the start year's
 * spending, measured after every init). */
static int settle(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	mp_sim__threat(s, st->threat0, st->allies0);
	return MP_OK;
}

void mp_sim__threat(const mp_sim *s, double *threat, double *allies)
{
	const size_t n = s->n;
	double camp_milex[MP_SIM_MAX_CAMPS] = { 0 };
	for (size_t i = 0; i < n; i++) {
		threat[i] = 0;
		if (s->camp[i] >= 0)
			camp_milex[s->camp[i]] += s->milex[i];
	}
	for (size_t k = 0; k < s->npairs; k++) {
		size_t i = (size_t)s->pairs[2 * k], j = (size_t)s->pairs[2 * k + 1];
		double dis = mp_sim__dissat(s, i, j);
		double rv = s->rivalry[i * n + j]; /* a strategic rival is a full threat */
		if (rv > dis)
			dis = rv;
		if (dis <= 0)
			continue;
		threat[i] += dis * s->milex[j];
		threat[j] += dis * s->milex[i];
	}
	for (size_t i = 0; i < n; i++) {
		double own = s->gdp[i] * s->mer[i] * 1000.0; /* thousands of US$, as milex */
		threat[i] /= own;
		allies[i] = s->camp[i] >= 0 ? (camp_milex[s->camp[i]] - s->milex[i]) / own : 0;
	}
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	const double k = p->military_reaction, a = p->military_fatigue, f = p->military_freeride;
	const double sd = p->military_shock_sd;
	mp_sim__threat(s, st->threat, st->allies);
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_MIL);
	for (size_t i = 0; i < n; i++) {
		double eps = mp_rng_normal(&r);
		double arms = s->gp[i] ? p->strategy_budget * s->policy[i * MP_NPOL + MP_POL_ARMS] : 0;
		double b = s->burden[i];
		b += k * (st->threat[i] - st->threat0[i]) - a * (b - st->b0[i] - arms) -
		     f * (st->allies[i] - st->allies0[i]);
		if (s->at_war[i])
			b += p->conflict_war_burden;
		b *= exp(sd * eps - 0.5 * sd * sd);
		double cap = p->military_burden_max > st->b0[i] ? p->military_burden_max : st->b0[i];
		if (s->at_war[i])
			cap += p->conflict_war_burden;
		s->burden[i] = b < 1e-4 ? 1e-4 : (b > cap ? cap : b);
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_military = { "military", sizeof(mil_state), layout, init, settle, NULL, step };
