/* Trade (MODELS.md C3; docs/sim.md "trade").
 *
 * Bilateral flows from the log-linear ("naive") gravity equation (Tinbergen 1962; Head &
 * Mayer 2014, eq. 2), damped by political distance and sanctions:
 *   ln X_ij = ln G + a (ln Y_i + ln Y_j) + d ln D_ij + c CONTIG_ij + m SAMECAMP_ij
 *             + q |ip_i - ip_j| + s S_ij + e_ij
 * a = trade.elasticity_gdp, d = trade.elasticity_distance, c = trade.contiguity,
 * m = trade.alliance, q = trade.political_distance, s = trade.sanction; e_ij is the
 * dyad's fixed effect (observed start-year trade when the store has it, else a draw with
 * sd trade.resid_sd). G is set once so that world trade / world GDP = trade.openness.
 * Blackboard outputs: trade, tsum, camp_trade.
 *
 * Computed as a product of factors, with no transcendental function per dyad:
 *   X_ij = G * Y_i^a * Y_j^a * K_ij * P_ij * C(camp_i, camp_j)
 *   K_ij = exp(d ln D_ij + c CONTIG_ij + e_ij)          (fixed, trade_prepare)
 *   P_ij = exp(q |ip_i - ip_j|) = exp(q ip_hi) exp(-q ip_lo)   (per-actor factors)
 *   C    = exp(m) in the same camp, exp(s S) between sanctioning camps, else 1. */
#include "sim/sim_internal.h"

typedef struct trade_state {
	/* constants */
	double *resid; /* n*n: dyad fixed effect e_ij */
	double *tk;    /* n*n: exp(d ln D + c CONTIG + e), the fixed part of gravity */
	double *lnG;   /* 1: gravity constant */
	/* scratch */
	double *lny;   /* n: ln GDP */
	double *ya, *ep, *em; /* n: G Y^a, exp(q ip), exp(-q ip) */
} trade_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	trade_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, resid, n * n);
	MP_SIM_TAKE(st, b, o, tk, n * n);
	MP_SIM_TAKE(st, b, o, lnG, 1);
	MP_SIM_TAKE(st, b, o, lny, n);
	MP_SIM_TAKE(st, b, o, ya, n);
	MP_SIM_TAKE(st, b, o, ep, n);
	MP_SIM_TAKE(st, b, o, em, n);
	return o;
}

static void prepare(const mp_sim *s, trade_state *st)
{
	const mp_sim_params *p = &s->p;
	const size_t nn = s->n * s->n;
	for (size_t k = 0; k < nn; k++)
		st->tk[k] = exp(p->trade_elasticity_distance * s->lndist[k] + p->trade_contiguity * s->contig[k] +
				st->resid[k]);
}

void mp_sim__trade(mp_sim *s)
{
	trade_state *st = mp_sim__state(s, MP_MECH_TRADE);
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double a = p->trade_elasticity_gdp, q = p->trade_political_distance;
	const double G = exp(*st->lnG);
	double *Ya = st->ya, *Ep = st->ep, *Em = st->em;
	for (size_t i = 0; i < n; i++) {
		st->lny[i] = log(s->gdp[i]);
		Ya[i] = G * exp(a * st->lny[i]);
		Ep[i] = exp(q * s->ip[i]);
		Em[i] = exp(-q * s->ip[i]);
		s->tsum[i] = 0;
	}
	/* camp factor table, index camp + 1 (0 = non-aligned) */
	double cf[(MP_SIM_MAX_CAMPS + 1) * (MP_SIM_MAX_CAMPS + 1)];
	const size_t K1 = k + 1;
	for (size_t x = 0; x < K1; x++)
		for (size_t y = 0; y < K1; y++) {
			double f = 1.0;
			if (x > 0 && x == y)
				f = exp(p->trade_alliance);
			else if (x > 0 && y > 0) {
				double sa = s->sanct[(x - 1) * k + (y - 1)], sb = s->sanct[(y - 1) * k + (x - 1)];
				f = exp(p->trade_sanction * (sa > sb ? sa : sb));
			}
			cf[x * K1 + y] = f;
		}
	if (k)
		for (size_t i = 0; i < n * k; i++)
			s->camp_trade[i] = 0;
	for (size_t i = 0; i < n; i++) {
		s->trade[i * n + i] = 0;
		const int ci = s->camp[i];
		const double *tk = st->tk + i * n;
		const double yi = Ya[i], ipi = s->ip[i], epi = Ep[i], emi = Em[i];
		const double *cfi = cf + (size_t)(ci + 1) * K1;
		double ti = 0;
		for (size_t j = i + 1; j < n; j++) {
			const int cj = s->camp[j];
			double pf = ipi >= s->ip[j] ? epi * Em[j] : Ep[j] * emi;
			double x = yi * Ya[j] * tk[j] * pf * cfi[cj + 1];
			s->trade[i * n + j] = s->trade[j * n + i] = x;
			ti += x;
			s->tsum[j] += x;
			if (cj >= 0)
				s->camp_trade[i * k + (size_t)cj] += x;
			if (ci >= 0)
				s->camp_trade[j * k + (size_t)ci] += x;
		}
		s->tsum[i] += ti;
	}
}

/* Sets G so that world trade / world GDP = trade.openness (with the current flows). */
static void calibrate(mp_sim *s, trade_state *st)
{
	double tot = 0, y = 0;
	for (size_t i = 0; i < s->n; i++) {
		tot += s->tsum[i];
		y += s->gdp[i];
	}
	tot *= 0.5; /* each flow counted for both partners */
	if (tot > 0 && y > 0 && s->p.trade_openness > 0)
		*st->lnG += log(s->p.trade_openness * y / tot);
}

/* The dyads' fixed effects: observed start-year flows (s->init_trade from the store) become
 * resid = ln X_obs - gravity; without observations, a draw with sd trade.resid_sd. */
static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	trade_state *st = vst;
	const size_t n = s->n, nn = n * n;
	*st->lnG = 0;
	if (s->init_trade) {
		const double *obs = s->init_trade;
		for (size_t k = 0; k < nn; k++)
			st->resid[k] = 0;
		prepare(s, st);
		mp_sim__trade(s);
		calibrate(s, st);
		mp_sim__trade(s);
		for (size_t k = 0; k < nn; k++)
			st->resid[k] = (isfinite(obs[k]) && obs[k] > 0 && s->trade[k] > 0) ? log(obs[k] / s->trade[k]) : 0.0;
		prepare(s, st);
	} else {
		mp_rng r;
		mp_rng_init(&r, s->seed, s->run, MP_SIM_S_INIT);
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				st->resid[i * n + j] = st->resid[j * n + i] = s->p.trade_resid_sd * mp_rng_normal(&r);
		prepare(s, st);
		mp_sim__trade(s);
		calibrate(s, st);
	}
	return MP_OK;
}

static int step(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)ctx;
	(void)st;
	mp_sim__trade(s);
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_trade = { "trade", sizeof(trade_state), layout, init, NULL, NULL, step };
