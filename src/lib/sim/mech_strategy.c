/* Strategy of the great powers (docs/sim.md "strategy").
 *
 * Every strategy.every years each great power (a camp leader) scores
 * strategy.candidates policy mixes over six levers (arms, economy, aid to a partner,
 * sanctions on the rival's camp, cultural exchange, negotiation with the rival) by
 * strategy.rollouts short Monte Carlo rollouts of strategy.horizon years of a reduced
 * model of the great powers, and keeps the mix with the highest mean utility
 * (lookahead by simulation, as in Monte Carlo planning; Kocsis & Szepesvari 2006 use the
 * same sample-average estimate at the root). Candidate 0 is the current mix, 1 is doing
 * nothing, the others are Dirichlet(1,...,1) draws over the six levers and "idle".
 * Common random numbers: every candidate faces the same shocks, so differences in
 * utility are due to the policy.
 *
 * The reduced model (per great power h, rest of the world as one aggregate growing at
 * the frontier rate): growth as in the economy mechanism (convergence term frozen at its
 * current value) plus the lever effects; burden plus arms; capability proxy
 *   cap_h = (GDP_h / GDP_W + milex_h / MIL_W + P_h / P_W) / 3
 * (the CINC components grouped: pec, irst ~ GDP; milex, milper ~ milex; tpop, upop ~ P);
 * war with the rival at the conflict mechanism's yearly war probability (negotiation
 * lowering it in proportion), sanctions on the rival a first-order level cost to both.
 * Utility of g:
 *   U = w_p cap_g / sum_h cap_h + w_w [ln y_g(H) - ln y_g(0) + ln(1 - spent)]
 *       + w_c (camp capability share incl. half the aided partner) - w_s P(war by H)
 * Lesser states do not plan: they follow the rules of the other mechanisms. */
#include <string.h>

#include "sim/sim_internal.h"

#define MAX_GP 16

static void draw_mix(mp_rng *r, double mix[MP_NPOL])
{
	double e[MP_NPOL + 1], sum = 0;
	for (int k = 0; k <= MP_NPOL; k++) {
		double u = mp_rng_uniform(r);
		e[k] = -log(u > 0 ? u : 1e-300);
		sum += e[k];
	}
	for (int k = 0; k < MP_NPOL; k++)
		mix[k] = e[k] / sum;
}

static int step(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)ctx;
	(void)st;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	int every = (int)p->strategy_every;
	if (every < 1)
		every = 1;
	if ((s->year - s->year0 - 1) % every)
		return MP_OK;
	size_t gps[MAX_GP], ng = 0;
	for (size_t i = 0; i < n && ng < MAX_GP; i++)
		if (s->gp[i])
			gps[ng++] = i;
	if (ng == 0)
		return MP_OK;
	double W_gdp = 0, W_mil = 0, W_pop = 0;
	for (size_t i = 0; i < n; i++) {
		W_gdp += s->gdp[i];
		W_mil += s->milex[i];
		W_pop += s->pop[i];
	}
	double gp_gdp = 0, gp_mil = 0, gp_pop = 0;
	for (size_t h = 0; h < ng; h++) {
		gp_gdp += s->gdp[gps[h]];
		gp_mil += s->milex[gps[h]];
		gp_pop += s->pop[gps[h]];
	}
	const int C = (int)p->strategy_candidates < 1 ? 1 : (int)p->strategy_candidates;
	const int R = (int)p->strategy_rollouts < 1 ? 1 : (int)p->strategy_rollouts;
	const int H = (int)p->strategy_horizon < 1 ? 1 : (int)p->strategy_horizon;
	const double B = p->strategy_budget;
	double chosen[MAX_GP][MP_NPOL];
	/* the convergence term of each great power, frozen over the lookahead */
	double g0[MAX_GP];
	double n0[MAX_GP];
	for (size_t h = 0; h < ng; h++) {
		g0[h] = mp_sim__economy_trend(s, gps[h]);
		n0[h] = mp_sim__demography_growth(s, gps[h]);
	}
	const double eF = exp(p->economy_frontier_growth);

	for (size_t gi = 0; gi < ng; gi++) {
		size_t g = gps[gi];
		/* Rival: the other great power with the largest capability x dissatisfaction. */
		int rival = -1;
		double best = 0;
		for (size_t h = 0; h < ng; h++) {
			size_t j = gps[h];
			double v = j == g ? 0 : s->cinc[j] * mp_sim__dissat(s, g, j);
			if (v > best)
				best = v, rival = (int)h;
		}
		/* Aid partner: the largest non-aligned economy, else the largest camp member. */
		int partner = -1;
		for (int pass = 0; pass < 2 && partner < 0; pass++)
			for (size_t j = 0; j < n; j++) {
				if (s->agg[j] || s->gp[j])
					continue;
				if (pass == 0 ? s->camp[j] != -1 : s->camp[j] != s->camp[g])
					continue;
				if (partner < 0 || s->gdp[j] > s->gdp[partner])
					partner = (int)j;
			}
		s->rival[g] = rival >= 0 ? (int)gps[rival] : -1;
		s->partner[g] = partner;
		double camp_other = s->camp[g] >= 0 ? s->camp_cap[s->camp[g]] - s->cinc[g] : 0;
		double pcinc = partner >= 0 && s->camp[partner] != s->camp[g] ? s->cinc[partner] : 0;

		mp_rng rc;
		mp_rng_init(&rc, s->seed, s->run, 0x80000000u | ((uint32_t)(s->year & 0xFFFF) << 12) | (uint32_t)gi);
		double best_u = -INFINITY;
		double mix[MP_NPOL];
		for (int c = 0; c < C; c++) {
			if (c == 0)
				memcpy(mix, s->policy + g * MP_NPOL, sizeof mix);
			else if (c == 1)
				memset(mix, 0, sizeof mix);
			else
				draw_mix(&rc, mix);
			double spent = 0;
			for (int k = 0; k < MP_NPOL; k++)
				spent += mix[k];
			spent *= B;
			double U = 0;
			for (int r = 0; r < R; r++) {
				mp_rng rr; /* common random numbers: same key for every candidate */
				mp_rng_init(&rr, s->seed, s->run,
					    0xC0000000u | ((uint32_t)(s->year & 0xFFFF) << 12) | ((uint32_t)gi << 6) |
						    (uint32_t)r);
				double lg[MAX_GP], bu[MAX_GP], po[MAX_GP];
				for (size_t h = 0; h < ng; h++) {
					size_t j = gps[h];
					lg[h] = log(s->gdp[j]);
					bu[h] = s->burden[j] + (h == gi ? B * mix[MP_POL_ARMS] : 0);
					po[h] = s->pop[j];
				}
				/* sanctions on the rival: a level cost to both, the first-order welfare loss of
				   the trade they cut, (X / 2Y) (1 - e^(s S)) / e (Arkolakis et al. 2012) */
				if (rival >= 0 && mix[MP_POL_SANCTION] > 0) {
					size_t rj = gps[rival];
					double cut = (1.0 - exp(p->trade_sanction * mix[MP_POL_SANCTION])) /
						     p->trade_elasticity;
					double x = s->trade[g * n + rj];
					lg[gi] += log1p(-fmin(0.5, 0.5 * x / s->gdp[g] * cut));
					lg[rival] += log1p(-fmin(0.5, 0.5 * x / s->gdp[rj] * cut));
				}
				double rest_gdp = W_gdp - gp_gdp, rest_mil = W_mil - gp_mil, rest_pop = W_pop - gp_pop;
				double survive = 1.0, lnpc0 = lg[gi] - log(po[gi]);
				double capg = 0, capsum = 0, capr = 0, gd[MAX_GP];
				for (int t = 0; t < H; t++) {
					double tg = 0, tm = 0, tp = 0;
					for (size_t h = 0; h < ng; h++) {
						size_t j = gps[h];
						double eps = mp_rng_normal(&rr);
						double add = h == gi ? p->strategy_return_economy * B * mix[MP_POL_ECON]
								     : 0;
						lg[h] += g0[h] + add + p->economy_shock_sd * eps + n0[h];
						po[h] *= 1 + n0[h];
						gd[h] = exp(lg[h]);
						tg += gd[h];
						tm += bu[h] * gd[h] * s->mer[j] * 1000.0;
						tp += po[h];
					}
					rest_gdp *= eF;
					double Wg = tg + rest_gdp, Wm = tm + rest_mil, Wp = tp + rest_pop;
					capsum = 0;
					for (size_t h = 0; h < ng; h++) {
						size_t j = gps[h];
						double cap = (gd[h] / Wg + bu[h] * gd[h] * s->mer[j] * 1000.0 / Wm +
							      po[h] / Wp) /
							     3.0;
						capsum += cap;
						if (h == gi)
							capg = cap;
						if ((int)h == rival)
							capr = cap;
					}
					if (rival >= 0) {
						double pw = mp_sim__war_prob(s, g, gps[rival], capg, capr);
						double neg = p->strategy_return_negotiation * B * mix[MP_POL_NEGOTIATE];
						survive *= 1.0 - pw * (1.0 - fmin(neg, 1.0));
					}
				}
				double camp_share = capg + camp_other + 0.5 * pcinc * fmin(1.0, mix[MP_POL_AID] / 0.5) +
						    p->strategy_return_culture * B * mix[MP_POL_CULTURE] * H * 0.1;
				U += p->strategy_w_power * (capsum > 0 ? capg / capsum : 0) +
				     p->strategy_w_welfare * (lg[gi] - log(po[gi]) - lnpc0 + log(1.0 - spent)) +
				     p->strategy_w_camp * camp_share - p->strategy_w_security * (1.0 - survive);
			}
			U /= R;
			if (U > best_u) {
				best_u = U;
				memcpy(chosen[gi], mix, sizeof mix);
			}
		}
	}
	/* Simultaneous moves: all great powers decide on the same information. */
	for (size_t gi = 0; gi < ng; gi++)
		memcpy(s->policy + gps[gi] * MP_NPOL, chosen[gi], sizeof chosen[gi]);
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_strategy = { "strategy", 0, NULL, NULL, NULL, NULL, step };
