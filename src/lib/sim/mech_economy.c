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
 * Neumeier 2015). Aid and growth pushes arrive through grow_add (levers.c).
 * The frontier F is the highest GDP per capita among actors of >= 20 million people at
 * the start; gap_i = structural_gap * (ln y_i,0 - ln F_0). Blackboard output: gdppc. */
#include "sim/sim_internal.h"

typedef struct econ_state {
	double *dev; /* n: growth deviation e_i,t (dynamic) */
	double *lnF; /* 1: log frontier GDP per capita (dynamic) */
	double *gap; /* n: ln y*_i - ln F (constant) */
} econ_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	econ_state *st = vst;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, dev, s->n);
	MP_SIM_TAKE(st, b, o, lnF, 1);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, gap, s->n);
	return o;
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	econ_state *st = vst;
	const size_t n = s->n;
	double lnF = -INFINITY, lnF_any = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		double l = log(s->gdppc[i]);
		if (!s->agg[i] && s->pop[i] >= 20000 && l > lnF)
			lnF = l;
		if (l > lnF_any)
			lnF_any = l;
		st->dev[i] = 0;
	}
	if (!isfinite(lnF))
		lnF = lnF_any;
	*st->lnF = lnF;
	/* Conditional steady state: ln y*_i = ln F_t + gap_i (Mankiw, Romer & Weil 1992). */
	for (size_t i = 0; i < n; i++)
		st->gap[i] = s->p.economy_structural_gap * (log(s->gdppc[i]) - lnF);
	return MP_OK;
}

double mp_sim__economy_trend(const mp_sim *s, size_t i)
{
	const econ_state *st = mp_sim__state(s, MP_MECH_ECONOMY);
	const mp_sim_params *p = &s->p;
	return p->economy_frontier_growth - p->economy_beta * (log(s->gdppc[i]) - (*st->lnF + st->gap[i]));
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	econ_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double gF = p->economy_frontier_growth, beta = p->economy_beta;
	const double rho = p->economy_momentum, sd = p->economy_shock_sd;
	const double lnF = *st->lnF;
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_ECON);
	int any_sanction = 0;
	for (size_t c = 0; c < s->ncamps * s->ncamps; c++)
		any_sanction |= s->sanct[c] > 0;
	for (size_t i = 0; i < n; i++) {
		double eps = mp_rng_normal(&r); /* drawn for every actor: fixed stream layout */
		st->dev[i] = rho * st->dev[i] + sd * eps;
		/* sigma_i from the camp aggregates of i's trade (S is constant within a camp
		 * pair): undamped flow with camp c = X_ic exp(-s S) */
		double sig = 0;
		if (any_sanction && p->economy_sanction_cost != 0 && s->tsum[i] > 0 && s->camp[i] >= 0) {
			double num = 0, extra = 0;
			for (size_t c = 0; c < k; c++) {
				double sv = mp_sim__sanction_camps(s, (size_t)s->camp[i], c);
				if (sv <= 0)
					continue;
				double und = s->camp_trade[i * k + c] * exp(-p->trade_sanction * sv);
				num += und * sv;
				extra += und - s->camp_trade[i * k + c];
			}
			sig = num / (s->tsum[i] + extra);
		}
		double ly = log(s->gdppc[i]);
		double g = gF - beta * (ly - (lnF + st->gap[i])) + st->dev[i] + s->grow_add[i] -
			   p->economy_sanction_cost * sig;
		s->gdppc[i] *= exp(g);
	}
	*st->lnF = lnF + gF;
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_economy = { "economy", sizeof(econ_state), layout, init, NULL, NULL, step };
