/* Military (docs/economy.md "Military"): spending as a persistent burden around the state's
 * own level, and personnel from the military-age population.
 *
 *   ln b_i,t+1 = ln b_i,t - k_i (ln b_i,t - m_i') + w I W_i,t + r clamp(gR_i,t) + a clamp(gA_i,t)
 *                + sd_i t_nu(0, 1)
 *   m_i'       = ln(exp(m_i + tau_i z_i) + arms_i)   (z_i ~ N(0, 1) once per run: the level's
 *                uncertainty; arms_i a great power's strategic arms lever)
 * (partial adjustment, Nerlove 1958; the action-reaction term in growth rates, Richardson
 * 1960; burden sharing, Olson & Zeckhauser 1966). m_i is the state's fitted level (median
 * SIPRI burden of its last 25 years; unfitted states: their start burden), k_i its speed
 * (empirical Bayes around military.reversion) and tau_i the s.d. of its level behind the
 * 10-year errors of the NMC-measured burden (military.level_sd; fit_reversion_eb.c). W = 1 after a
 * year at war (conflict's at_war), I = military.war_intensity (the median COW war-year's
 * ln(1 + battle deaths / 1000)); gR, gA = last year's growth of the summed spending of the
 * state's strategic rivals (Thompson & Dreyer) and defence-pact allies, clamped to +-0.5:
 * every effect is bounded and the reversion pulls each path back to m_i, so no state's
 * median burden leaves its own history without a lever.
 *   ln p_i,t+1 = ln p_i,t - k_p (ln p_i,t - ln p_i) + w_p I W_i,t + sd_p e_i,t
 *   milper_i   = p_i M_i,t P_i,0 / M_i,0       (M: military-age population, blackboard;
 *                                              without ages: total population)
 * Blackboard output: burden (and milper through mp_sim__milper). */
#include "sim/econ_model.h"
#include "sim/sim_internal.h"

typedef struct mil_state {
	/* dynamic */
	double *lnR1, *lnA1, *lnp; /* n: ln rivals' and allies' spending last year, ln personnel rate */
	/* constants */
	double *m, *sd, *pm, *pop0, *mil0; /* n: ln level, shock s.d., ln personnel level, start
					      population and military-age population */
	double *k, *msd;                   /* n: reversion speed, s.d. of the ln level */
	/* per run (drawn at reset) */
	double *mrun; /* n: this run's ln level, m + msd z */
	/* scratch */
	double *milper; /* n: personnel of the year */
} mil_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	mil_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, lnR1, n);
	MP_SIM_TAKE(st, b, o, lnA1, n);
	MP_SIM_TAKE(st, b, o, lnp, n);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, m, n);
	MP_SIM_TAKE(st, b, o, sd, n);
	MP_SIM_TAKE(st, b, o, pm, n);
	MP_SIM_TAKE(st, b, o, pop0, n);
	MP_SIM_TAKE(st, b, o, mil0, n);
	MP_SIM_TAKE(st, b, o, k, n);
	MP_SIM_TAKE(st, b, o, msd, n);
	MP_SIM_TAKE(st, b, o, mrun, n);
	MP_SIM_TAKE(st, b, o, milper, n);
	return o;
}

/* Sum of the current spending of i's partners in matrix M (n*n 0/1), or 0. */
static double partners(const mp_sim *s, const double *M, size_t i)
{
	const size_t n = s->n;
	double sum = 0;
	for (size_t j = 0; j < n; j++)
		if (j != i && M[i * n + j] > 0 && s->milex[j] > 0)
			sum += s->milex[j];
	return sum;
}

static double base_pop(const mp_sim *s, const mil_state *st, size_t i)
{
	double m = s->pop_military[i];
	if (isfinite(m) && m > 0 && isfinite(st->mil0[i]) && st->mil0[i] > 0)
		return st->pop0[i] * m / st->mil0[i];
	return s->pop[i];
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	size_t k = 0;
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		double mp = s->w->actors[i].comp[MP_MILPER];
		if (isfinite(mp) && mp > 0 && s->pop[i] > 0) {
			sum += log(mp / s->pop[i]);
			k++;
		}
	}
	double lnp_mean = k ? sum / (double)k : log(0.004); /* NMC 2016: ~4 per 1,000 people */
	for (size_t i = 0; i < n; i++) {
		const mp_actor_econ *ec = &s->w->actors[i].econ;
		double bl = ec->burden_level > 0 ? ec->burden_level : s->burden[i];
		st->m[i] = log(mp_sim__unit(s, i, "military.burden_level", bl));
		double sd0 = ec->burden_shock_sd > 0 ? ec->burden_shock_sd : p->military_shock_sd;
		st->sd[i] = mp_sim__unit(s, i, "military.shock_sd", sd0);
		st->k[i] = mp_sim__unit(s, i, "military.reversion", p->military_reversion);
		st->msd[i] = mp_sim__unit(s, i, "military.level_sd", p->military_level_sd);
		st->mrun[i] = st->m[i];
		st->pop0[i] = s->pop[i];
		st->mil0[i] = s->pop_military[i];
		double mp = s->w->actors[i].comp[MP_MILPER];
		st->lnp[i] = isfinite(mp) && mp > 0 ? log(mp / s->pop[i]) : lnp_mean;
		double pr = ec->personnel_rate > 0 ? ec->personnel_rate : exp(st->lnp[i]);
		st->pm[i] = log(mp_sim__unit(s, i, "military.personnel_rate", pr));
		st->milper[i] = exp(st->lnp[i]) * base_pop(s, st, i);
		st->lnR1[i] = st->lnA1[i] = MP_NA; /* set by settle from the start year's spending */
	}
	return MP_OK;
}

/* The start year's rivals' and allies' spending (measured after every init). */
static int settle(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	for (size_t i = 0; i < s->n; i++) {
		double R = partners(s, s->rivalry, i), A = partners(s, s->ally, i);
		st->lnR1[i] = R > 0 ? log(R) : MP_NA;
		st->lnA1[i] = A > 0 ? log(A) : MP_NA;
	}
	return MP_OK;
}

double mp_sim__milper(const mp_sim *s, size_t i)
{
	const mil_state *st = mp_sim__state(s, MP_MECH_MILITARY);
	return st->milper[i];
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

static double clamp(double x, double c)
{
	return x > c ? c : (x < -c ? -c : x);
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	mil_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	const double war = p->military_war_effect * p->military_war_intensity;
	const double kp = p->military_personnel_reversion;
	const double warp = p->military_personnel_war * p->military_war_intensity;
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_MIL);
	for (size_t i = 0; i < n; i++) {
		double e = mp_econ_student(&r, p->military_shock_df), ep = mp_rng_normal(&r);
		double arms = s->gp[i] ? p->strategy_budget * s->policy[i * MP_NPOL + MP_POL_ARMS] : 0;
		double target = arms > 0 ? log(exp(st->mrun[i]) + arms) : st->mrun[i];
		/* last year's growth of rivals' and allies' spending (s->milex is last year's) */
		double R = partners(s, s->rivalry, i), A = partners(s, s->ally, i);
		double gR = R > 0 && isfinite(st->lnR1[i]) ? log(R) - st->lnR1[i] : 0.0;
		double gA = A > 0 && isfinite(st->lnA1[i]) ? log(A) - st->lnA1[i] : 0.0;
		st->lnR1[i] = R > 0 ? log(R) : MP_NA;
		st->lnA1[i] = A > 0 ? log(A) : MP_NA;
		double W = s->at_war[i] ? 1.0 : 0.0;
		double lb = log(s->burden[i]);
		lb += -st->k[i] * (lb - target) + war * W + p->military_threat_effect * clamp(gR, 0.5) +
		      p->military_ally_effect * clamp(gA, 0.5) + st->sd[i] * e;
		double b = exp(lb);
		s->burden[i] = b < 1e-4 ? 1e-4 : (b > 0.5 ? 0.5 : b);
		st->lnp[i] += -kp * (st->lnp[i] - st->pm[i]) + warp * W + p->military_personnel_shock_sd * ep;
		st->milper[i] = exp(st->lnp[i]) * base_pop(s, st, i);
	}
	return MP_OK;
}

/* This run's levels, m_i + tau_i z (the level's uncertainty, fit_reversion_eb.c; one
 * normal draw per actor from the run's own stream: fixed layout), and the start personnel. */
static void reset(mp_sim *s, void *vst)
{
	mil_state *st = vst;
	mp_rng r;
	mp_rng_init(&r, s->seed, s->run, (uint32_t)s->year0 * 16u + MP_SIM_S_RUN_MIL);
	for (size_t i = 0; i < s->n; i++) {
		double z = mp_rng_normal(&r);
		st->mrun[i] = st->m[i] + st->msd[i] * z;
		st->milper[i] = exp(st->lnp[i]) * base_pop(s, st, i);
	}
}

const mp_sim_mech mp_sim__mech_military = { "military", sizeof(mil_state), layout, init, settle, reset, step };
