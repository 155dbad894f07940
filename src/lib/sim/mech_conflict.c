/* Conflict (MODELS.md A10; docs/sim.md "conflict").
 *
 * Each politically relevant dyad (Maoz & Russett 1993: contiguous, or one side a major
 * power) has a yearly war-onset hazard rising near power parity with a dissatisfied
 * challenger (Organski & Kugler 1980; Lemke & Werner 1996):
 *   lambda_ij = h0 exp( b_p PAR_ij DIS_ij + b_d DIS_ij + b_c SAME_ij + b_a ALLY_ij
 *                       + b_r RIVAL_ij + b_x DEP_ij )
 * (ALLY: a defence pact outside the same camp; RIVAL: a strategic rivalry, both from the
 * store when imported)
 *   PAR_ij = exp( -(ln(C_i / C_j))^2 / (2 w^2) )     (parity kernel, w ~ the [0.8,1.2] band)
 *   DIS_ij = min(1, |ip_i - ip_j| / dissat_scale) - negotiation
 *   DEP_ij = min(X_ij / Y_i, X_ij / Y_j)              (Oneal & Russett 1997 weak link)
 *   P(war) = 1 - exp(-lambda),   P(crisis) = min(1, crisis_ratio * lambda)
 * At parity with full dissatisfaction the hazard is exp(b_p + b_d) = 7 times the base
 * with the defaults (Lemke & Werner 1996, ~7-fold odds). Outcome: i wins with
 * probability C_i / (C_i + C_j) (capability ratio, as in EUGene's expected-utility
 * model, Bueno de Mesquita 1981); the loser loses conflict.loss_loser of its GDP, the
 * winner conflict.loss_winner, and both carry conflict.war_burden the next year.
 * Blackboard outputs: at_war, wars, gp_wars, crises; war losses on gdppc. */
#include <string.h>

#include "sim/sim_internal.h"

typedef struct conflict_state {
	double *lncinc; /* n: log CINC of the year (NaN if <= 0), scratch */
} conflict_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	conflict_state *st = vst;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, lncinc, s->n);
	return o;
}

double mp_sim__dissat(const mp_sim *s, size_t i, size_t j)
{
	const mp_sim_params *p = &s->p;
	double d = fabs(s->ip[i] - s->ip[j]) / p->conflict_dissat_scale;
	if (d > 1)
		d = 1;
	/* Negotiation between rivals (strategy lever) lowers dissatisfaction. */
	if (s->gp[i] && s->gp[j]) {
		double neg = s->policy[i * MP_NPOL + MP_POL_NEGOTIATE] + s->policy[j * MP_NPOL + MP_POL_NEGOTIATE];
		d -= p->strategy_return_negotiation * p->strategy_budget * neg;
		if (d < 0)
			d = 0;
	}
	return d;
}

/* The hazard of dyad (i, j) given lr = ln(C_i / C_j). */
static double hazard_lr(const mp_sim *s, size_t i, size_t j, double lr)
{
	const mp_sim_params *p = &s->p;
	double w = p->conflict_parity_width, z = lr * lr / (2 * w * w);
	/* exp(-z) is exactly 0 in double precision beyond z = 746 (below the smallest
	 * subnormal): skip the call there, same result */
	double par = z < 746.0 ? exp(-z) : 0.0;
	double dis = mp_sim__dissat(s, i, j);
	double v = p->conflict_parity_coef * par * dis + p->conflict_dissatisfaction_coef * dis;
	const size_t ij = i * s->n + j;
	if (s->camp[i] >= 0 && s->camp[i] == s->camp[j])
		v += p->conflict_same_camp;
	else if (s->ally[ij] > 0)
		v += p->conflict_alliance;
	v += p->conflict_rivalry * s->rivalry[ij];
	double x = s->trade[i * s->n + j];
	if (x > 0) {
		double di = x / s->gdp[i], dj = x / s->gdp[j];
		v += p->conflict_dependence_coef * (di < dj ? di : dj);
	}
	return p->conflict_hazard_base * exp(v);
}

double mp_sim__hazard(const mp_sim *s, size_t i, size_t j, double ci, double cj)
{
	if (!(ci > 0) || !(cj > 0))
		return 0;
	return hazard_lr(s, i, j, log(ci / cj));
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	conflict_state *st = vst;
	const mp_sim_params *p = &s->p;
	s->wars = s->gp_wars = s->crises = 0;
	memset(s->at_war, 0, s->n);
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_CONFLICT);
	/* Upper bound of the hazard of any dyad: base * exp(max(b_p + b_d, b_d, 0) + max(0,
	 * b_c) + max(0, b_x) * 1), so that a draw above P(war) + P(crisis) <= lam (1 + r)
	 * is decided without evaluating the dyad's hazard (same outcome, less work). */
	double vmax = fmax(0.0, fmax(p->conflict_parity_coef + p->conflict_dissatisfaction_coef,
				     p->conflict_dissatisfaction_coef)) +
		      fmax(0.0, fmax(p->conflict_same_camp, p->conflict_alliance)) + fmax(0.0, p->conflict_rivalry) +
		      fmax(0.0, p->conflict_dependence_coef);
	const double bound = p->conflict_hazard_base * exp(vmax) * (1.0 + fmax(0.0, p->conflict_crisis_ratio));
	/* ln C once per state, so a dyad's log ratio is a difference (n logs, not n^2) */
	for (size_t i = 0; i < s->n; i++)
		st->lncinc[i] = s->cinc[i] > 0 ? log(s->cinc[i]) : MP_NA;
	for (size_t k = 0; k < s->npairs; k++) {
		size_t i = (size_t)s->pairs[2 * k], j = (size_t)s->pairs[2 * k + 1];
		double u = mp_rng_uniform(&r); /* one draw per dyad: fixed stream layout */
		if (u >= bound)
			continue;
		double lr = st->lncinc[i] - st->lncinc[j];
		double lam = lr == lr ? hazard_lr(s, i, j, lr) : 0.0;
		double pw = 1.0 - exp(-lam);
		if (u < pw) {
			double v = mp_rng_uniform(&r);
			int iwins = v * (s->cinc[i] + s->cinc[j]) < s->cinc[i];
			size_t win = iwins ? i : j, lose = iwins ? j : i;
			s->gdppc[lose] *= 1.0 - p->conflict_loss_loser;
			s->gdppc[win] *= 1.0 - p->conflict_loss_winner;
			s->at_war[i] = s->at_war[j] = 1;
			s->wars++;
			if (s->gp[i] && s->gp[j])
				s->gp_wars++;
		} else if (u < pw + (1.0 - pw) * fmin(1.0, p->conflict_crisis_ratio * lam)) {
			s->crises++;
		}
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_conflict = { "conflict", sizeof(conflict_state), layout, NULL, NULL, NULL, step };
