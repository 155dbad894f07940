/* Economy (docs/economy.md; docs/references.md C1): output from labour, capital and productivity,
 * and GDP at PPP and at market exchange rates.
 *
 *   Y_i,t   = A_i,t K_i,t^a L_i,t^(1-a)                       (Cobb-Douglas; Solow 1956, 1957)
 *   L_i,t   = P_i,0 W_i,t / W_i,0   (W: working-age population, blackboard; employment per
 *             working-age person held at its start value; P_i,0 the start population, so
 *             A's level is comparable with the calibration's, which uses L = population)
 *   K_i,t+1 = (1 - d) K_i,t + s_i,t Y_i,t                      (perpetual inventory)
 *   s_i,t+1 = s_i,t + k_s (s_i - s_i,t),  s_i = w s_i,own + (1 - w) s_world   (investment
 *             rate adjusts toward its own level shrunk toward the world's: partial
 *             adjustment, Nerlove 1958; k_s and w by a rolling-origin fit, fit_economy.c)
 *   ln A_i,t = ln A_F,t + x_i,t
 *   ln A_F,t+1 = ln A_F,t + g_A + sd_F e_F,t                   (frontier TFP, common shock)
 *   x_i,t+1 = x_i,t + lambda (mu_i - x_i,t) + v_i,t + w_i,t + levers + war_i,t
 *   v_i,t   = rho_v v_i,t-1 + k_i sd_v e_i,t,  w_i,t = k_i sd_w t_nu(0, 1)
 *             (a persistent growth regime plus fat-tailed transitory shocks, Harvey 1989;
 *              k_i = the state's shock s.d. over the median state's; v_i,0 = the state's
 *              recent deviation scaled by the fitted momentum, Pritchett & Summers 2014)
 * (conditional convergence of TFP, Barro & Sala-i-Martin 1992; steady-state gaps mu_i by
 * empirical Bayes, drawn once per run from their posterior, fit_economy.c). Per-state values
 * come from the calibration's rows (s->units), else the world's econ fields (the default
 * world ships them), else the documented rule for unfitted states. Price level
 * (MER / PPP) relative to the frontier state (Balassa 1964; Samuelson 1964):
 *   ln q_i,t = c + theta (ln y_i,t - ln y_F,t) + r_i,t,  r_i,t+1 = phi r_i,t + sd_q e_i,t
 *   GDP_MER_i = GDP_PPP_i x mer_ref,0 x q_i / q_ref   (ref = the USA when present)
 * with r_i,0 set so that the start year's MER/PPP ratio is the world's own. Aid and growth
 * levers arrive through grow_add (levers.c); war_i,t is last year's output loss of the
 * wars i fought (s->war_loss, mech_conflict.c), a shock to TFP that convergence recovers;
 * output is multiplied by exp(L_i,t), the level effect of trade policy (s->level,
 * mech_trade.c), which lasts while the policy does. Blackboard outputs: gdppc, mer. */
#include "sim/econ_model.h"
#include "sim/sim_internal.h"

typedef struct econ_state {
	int ref;      /* the frontier / numeraire actor (the USA when present), or -1 */
	double alpha; /* capital share (constant of the run) */
	/* dynamic */
	double *x, *dev, *K, *sh, *r; /* n each: relative TFP, persistent TFP deviation v, capital,
					 investment share, price-level deviation */
	double *growth;               /* n: log growth of GDP at PPP this year (NaN at the start) */
	double *lnAF;                 /* 1: frontier ln TFP */
	/* constants */
	double *mu_hat, *mu_sd, *sbar, *sd, *pop0, *wa0, *lnAF0, *lnyF0, *mer_ref0;
	/* per run (drawn at reset) */
	double *mu;
	/* scratch */
	double *lnq;
} econ_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	econ_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, x, n);
	MP_SIM_TAKE(st, b, o, dev, n);
	MP_SIM_TAKE(st, b, o, K, n);
	MP_SIM_TAKE(st, b, o, sh, n);
	MP_SIM_TAKE(st, b, o, r, n);
	MP_SIM_TAKE(st, b, o, growth, n);
	MP_SIM_TAKE(st, b, o, lnAF, 1);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, mu_hat, n);
	MP_SIM_TAKE(st, b, o, mu_sd, n);
	MP_SIM_TAKE(st, b, o, sbar, n);
	MP_SIM_TAKE(st, b, o, sd, n);
	MP_SIM_TAKE(st, b, o, pop0, n);
	MP_SIM_TAKE(st, b, o, wa0, n);
	MP_SIM_TAKE(st, b, o, lnAF0, 1);
	MP_SIM_TAKE(st, b, o, lnyF0, 1);
	MP_SIM_TAKE(st, b, o, mer_ref0, 1);
	MP_SIM_TAKE(st, b, o, mu, n);
	MP_SIM_TAKE(st, b, o, lnq, n);
	return o;
}

/* Labour input of actor i this year (see the header comment). */
static double labour(const mp_sim *s, const econ_state *st, size_t i)
{
	double w = s->pop_working[i];
	if (isfinite(w) && w > 0 && isfinite(st->wa0[i]) && st->wa0[i] > 0)
		return st->pop0[i] * w / st->wa0[i];
	return s->pop[i]; /* demography without ages: total population (placeholder) */
}

/* ln of the frontier's GDP per head on its balanced path: ln y_F,0 + (ln A_F - ln A_F,0)/(1-a). */
static double lnyF(const econ_state *st)
{
	return *st->lnyF0 + (*st->lnAF - *st->lnAF0) / (1.0 - st->alpha);
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	econ_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	const double a = p->economy_capital_share, d = p->economy_depreciation;
	st->alpha = a;
	/* the frontier: the USA, else the richest actor of >= 20 million people */
	st->ref = -1;
	for (size_t i = 0; i < n; i++)
		if (s->w->actors[i].ccode == 2)
			st->ref = (int)i;
	if (st->ref < 0) {
		double best = -INFINITY;
		for (size_t i = 0; i < n; i++)
			if (!s->agg[i] && s->pop[i] >= 20000 && s->gdppc[i] > best) {
				best = s->gdppc[i];
				st->ref = (int)i;
			}
	}
	if (st->ref < 0)
		st->ref = 0;
	const size_t F = (size_t)st->ref;
	double *lnA0 = st->lnq; /* scratch until the first step */
	for (size_t i = 0; i < n; i++) {
		const mp_actor *w = &s->w->actors[i];
		double Y = s->gdp[i];
		st->pop0[i] = s->pop[i];
		st->wa0[i] = s->pop_working[i];
		double sb = w->econ.invest_share > 0 && w->econ.invest_share < 1 ? w->econ.invest_share
										 : p->economy_invest_default;
		/* the rate's target: the state's own level shrunk toward the world's */
		const double wo = p->economy_invest_own_weight;
		st->sbar[i] = wo * mp_sim__unit(s, i, "economy.invest", sb) + (1.0 - wo) * p->economy_invest_default;
		st->sh[i] = w->econ.invest_share > 0 && w->econ.invest_share < 1 ? w->econ.invest_share : st->sbar[i];
		/* unknown capital: the perpetual inventory's steady state K/Y = s / (g + d), with
		   output growth g = 3%/yr (world GDP growth 1950-2016, Maddison) */
		double ky = w->econ.capital_output > 0 ? w->econ.capital_output : mp_econ_ky_steady(st->sh[i], 0.03, d);
		st->K[i] = ky * Y;
		lnA0[i] = mp_econ_lntfp(Y, st->K[i], labour(s, st, i), a);
		st->dev[i] = 0; /* v_0: set below, once the frontier is known */
		st->growth[i] = MP_NA;
		double wsd = w->econ.tfp_shock_sd > 0 ? w->econ.tfp_shock_sd : p->economy_tfp_shock_sd;
		/* the state's scale k_i relative to the median state */
		st->sd[i] = p->economy_tfp_shock_sd > 0
				    ? mp_sim__unit(s, i, "economy.tfp_shock_sd", wsd) / p->economy_tfp_shock_sd
				    : 1.0;
	}
	*st->lnAF = *st->lnAF0 = lnA0[F];
	*st->lnyF0 = log(s->gdppc[F]);
	*st->mer_ref0 = s->mer[F] > 0 ? s->mer[F] : 1.0;
	for (size_t i = 0; i < n; i++) {
		st->x[i] = lnA0[i] - lnA0[F];
		/* unfitted states: a share of their start gap is structural (economy.gap_share) */
		const mp_actor_econ *e = &s->w->actors[i].econ;
		/* the steady-state TFP gap, as a distance from the start gap: the calibration's
		   row minus the state's gap in the calibration year (fit.tfp_x), added to the
		   sim's own start gap (the same state measured with the start world's data, which
		   may differ in vintage or population source from the calibration's); a row
		   without fit.tfp_x is the gap itself; else the world's shipped distance (the
		   default world; it counts when its posterior s.d. is positive, as every fitted
		   state's is); else a share of the start gap */
		int fitted = isfinite(e->tfp_gap) && e->tfp_gap_sd > 0;
		double g0 = fitted ? st->x[i] + e->tfp_gap : p->economy_gap_share * st->x[i];
		double gs0 = fitted ? e->tfp_gap_sd : 0.0;
		double gu = mp_sim__unit(s, i, "economy.tfp_gap", MP_NA), xu = mp_sim__unit(s, i, "fit.tfp_x", MP_NA);
		if (isfinite(gu))
			g0 = isfinite(xu) ? st->x[i] + gu - xu : gu;
		st->mu_hat[i] = i == F ? 0.0 : g0;
		st->mu_sd[i] = i == F ? 0.0 : mp_sim__unit(s, i, "economy.tfp_gap_sd", gs0);
		st->mu[i] = st->mu_hat[i];
		st->dev[i] = i == F ? 0.0 : mp_sim__unit(s, i, "economy.tfp_dev0", 0.0);
		/* the start price level is the world's own MER/PPP ratio relative to the frontier */
		double lq = log(s->mer[i] / *st->mer_ref0);
		st->r[i] = lq - p->economy_price_const - p->economy_price_elasticity * (log(s->gdppc[i]) - *st->lnyF0);
	}
	return MP_OK;
}

/* The steady-state gaps of this run: mu_i ~ N(mu_hat_i, mu_sd_i^2) (parameter uncertainty). */
static void reset(mp_sim *s, void *vst)
{
	econ_state *st = vst;
	mp_rng r;
	mp_rng_init(&r, s->seed, s->run, (uint32_t)s->year0 * 16u + MP_SIM_S_RUN_ECON);
	for (size_t i = 0; i < s->n; i++) {
		double z = mp_rng_normal(&r); /* one draw per actor: fixed layout */
		st->mu[i] = st->mu_hat[i] + st->mu_sd[i] * z;
	}
}

double mp_sim__economy_trend(const mp_sim *s, size_t i)
{
	const econ_state *st = mp_sim__state(s, MP_MECH_ECONOMY);
	const mp_sim_params *p = &s->p;
	const double a = st->alpha;
	double L = labour(s, st, i), lnA = *st->lnAF + st->x[i];
	double YK = exp(lnA + (a - 1.0) * log(st->K[i]) + (1.0 - a) * log(L));
	double gA = p->economy_frontier_tfp_growth + p->economy_tfp_speed * (st->mu[i] - st->x[i]);
	double gK = log(1.0 - p->economy_depreciation + st->sh[i] * YK);
	double gP = mp_sim__demography_growth(s, i);
	/* per head: d ln Y - d ln P with labour growing like population */
	return gA + a * gK + (1.0 - a) * gP - gP;
}

double mp_sim__economy_relative_income(const mp_sim *s, size_t i)
{
	const econ_state *st = mp_sim__state(s, MP_MECH_ECONOMY);
	return log(s->gdppc[i]) - lnyF(st);
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	econ_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, F = (size_t)st->ref;
	const double a = st->alpha, d = p->economy_depreciation, lam = p->economy_tfp_speed;
	const double rho = p->economy_tfp_persist, df = p->economy_tfp_shock_df;
	const double sdv = p->economy_tfp_persist_sd, sdw = p->economy_tfp_noise_sd;
	const double ks = p->economy_invest_speed;
	const double theta = p->economy_price_elasticity, c = p->economy_price_const;
	const double phi = p->economy_price_persistence, sdq = p->economy_price_shock_sd;
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_ECON);
	*st->lnAF += p->economy_frontier_tfp_growth + p->economy_frontier_shock_sd * mp_rng_normal(&r);
	for (size_t i = 0; i < n; i++) {
		/* drawn for every actor: fixed stream layout */
		double ev = mp_rng_normal(&r), ew = mp_econ_student(&r, df), eq = mp_rng_normal(&r);
		st->dev[i] = rho * st->dev[i] + st->sd[i] * sdv * ev;
		double u = i == F ? 0.0 : st->dev[i] + st->sd[i] * sdw * ew;
		st->x[i] = mp_econ_tfp_next(st->x[i], st->mu[i], lam, u) + s->grow_add[i] + s->war_loss[i];
		double Y = mp_econ_output(*st->lnAF + st->x[i], st->K[i], labour(s, st, i), a) * exp(s->level[i]);
		st->K[i] = mp_econ_capital_next(st->K[i], Y, st->sh[i], d);
		st->sh[i] += ks * (st->sbar[i] - st->sh[i]);
		st->growth[i] = log(Y / s->gdp[i]); /* s->gdp: last year's, derived by the core */
		s->gdppc[i] = Y / s->pop[i] * 1000.0;
		st->r[i] = phi * st->r[i] + sdq * eq;
		st->lnq[i] = c + theta * (log(s->gdppc[i]) - lnyF(st)) + st->r[i];
	}
	for (size_t i = 0; i < n; i++)
		s->mer[i] = *st->mer_ref0 * exp(st->lnq[i] - st->lnq[F]);
	return MP_OK;
}

double mp_sim_growth(const mp_sim *s, size_t i)
{
	const econ_state *st = mp_sim__state(s, MP_MECH_ECONOMY);
	if (i >= s->n)
		return MP_NA;
	return s->mech[MP_MECH_ECONOMY].on ? st->growth[i] : MP_NA;
}

const mp_sim_mech mp_sim__mech_economy = { "economy", sizeof(econ_state), layout, init, NULL, reset, step };
