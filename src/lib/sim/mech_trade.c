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
 *
 * Computed as a product of factors, with no transcendental function per dyad:
 *   X_ij = G * Y_i^a * Y_j^a * K_ij * P_ij * C(camp_i, camp_j)
 *   K_ij = exp(d ln D_ij + c CONTIG_ij + e_ij)          (fixed, trade_prepare)
 *   P_ij = exp(q |ip_i - ip_j|) = exp(q ip_hi) exp(-q ip_lo)   (per-actor factors)
 *   C    = exp(m) in the same camp, exp(s S) between sanctioning camps, else 1. */
#include "sim/sim_internal.h"

void mp_sim__trade_prepare(mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	const size_t nn = s->n * s->n;
	for (size_t k = 0; k < nn; k++)
		s->tk[k] = exp(p->trade_elasticity_distance * s->lndist[k] + p->trade_contiguity * s->contig[k] +
			       s->resid[k]);
}

void mp_sim__trade(mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double a = p->trade_elasticity_gdp, q = p->trade_political_distance;
	const double G = exp(*s->lnG);
	/* per-actor factors; above 512 actors they live in scratch rows (culture, threat,
	 * allies) that the later mechanisms of the step overwrite anyway */
	double ya[512], ep[512], em[512];
	double *Ya = n <= 512 ? ya : s->culture, *Ep = n <= 512 ? ep : s->threat, *Em = n <= 512 ? em : s->allies;
	for (size_t i = 0; i < n; i++) {
		s->lny[i] = log(s->gdp[i]);
		Ya[i] = G * exp(a * s->lny[i]);
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
		const double *tk = s->tk + i * n;
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

void mp_sim__trade_calibrate(mp_sim *s)
{
	double tot = 0, y = 0;
	for (size_t i = 0; i < s->n; i++) {
		tot += s->tsum[i];
		y += s->gdp[i];
	}
	tot *= 0.5; /* each flow counted for both partners */
	if (tot > 0 && y > 0 && s->p.trade_openness > 0)
		*s->lnG += log(s->p.trade_openness * y / tot);
}
