/* Economy (MODELS.md C1; docs/sim.md "economy").
 *
 * GDP per capita grows by conditional convergence (Barro 1991; Barro & Sala-i-Martin
 * 1992, eq. 1 in discrete form; Mankiw, Romer & Weil 1992 for the conditional steady
 * state):
 *   g_i,t = g_F - beta (ln y_i,t - ln y*_i,t) + e_i,t + levers_i,t - c_s sigma_i,t
 *   ln y*_i,t = ln F_t + gap_i,   ln F_{t+1} = ln F_t + g_F
 *   e_i,t = rho e_i,t-1 + sd * N(0,1)        (momentum: AR(1) growth deviations)
 * so x = ln y - ln y* follows x_{t+1} = (1 - beta) x_t + e_t: a Barro regression of
 * average growth over T years on ln y_0 has slope -(1 - (1 - beta)^T) / T.
 * sigma_i is the share of i's (undamped) trade that is under sanctions; a fully
 * sanctioned economy loses economy.sanction_cost of growth a year (Neuenkirch &
 * Neumeier 2015). Aid and growth pushes arrive through grow_add (levers.c). */
#include "sim/sim_internal.h"

void mp_sim__economy(mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double gF = p->economy_frontier_growth, beta = p->economy_beta;
	const double rho = p->economy_momentum, sd = p->economy_shock_sd;
	const double lnF = *s->lnF;
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_ECON);
	int any_sanction = 0;
	for (size_t c = 0; c < s->ncamps * s->ncamps; c++)
		any_sanction |= s->sanct[c] > 0;
	for (size_t i = 0; i < n; i++) {
		double eps = mp_rng_normal(&r); /* drawn for every actor: fixed stream layout */
		s->dev[i] = rho * s->dev[i] + sd * eps;
		/* sigma_i from the camp aggregates of i's trade (S is constant within a camp
		 * pair): undamped flow with camp c = X_ic exp(-s S) */
		double sig = 0;
		if (any_sanction && p->economy_sanction_cost != 0 && s->tsum[i] > 0 && s->camp[i] >= 0) {
			double num = 0, extra = 0;
			for (size_t c = 0; c < k; c++) {
				double st = mp_sim__sanction_camps(s, (size_t)s->camp[i], c);
				if (st <= 0)
					continue;
				double und = s->camp_trade[i * k + c] * exp(-p->trade_sanction * st);
				num += und * st;
				extra += und - s->camp_trade[i * k + c];
			}
			sig = num / (s->tsum[i] + extra);
		}
		double ly = log(s->gdppc[i]);
		double g = gF - beta * (ly - (lnF + s->gap[i])) + s->dev[i] + s->grow_add[i] -
			   p->economy_sanction_cost * sig;
		s->gdppc[i] *= exp(g);
	}
	*s->lnF = lnF + gF;
}
