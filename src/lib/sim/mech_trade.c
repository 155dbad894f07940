/* Trade (MODELS.md C3; docs/sim.md "trade").
 *
 * Bilateral flows from the log-linear ("naive") gravity equation (Tinbergen 1962; Head &
 * Mayer 2014, eq. 2), damped by political distance and sanctions:
 *   ln X_ij = ln G + a (ln Y_i + ln Y_j) + d ln D_ij + c CONTIG_ij + m SAMECAMP_ij
 *             + q |ip_i - ip_j| + s S_ij + e_ij
 * a = trade.elasticity_gdp, d = trade.elasticity_distance, c = trade.contiguity,
 * m = trade.alliance, q = trade.political_distance, s = trade.sanction; e_ij is the
 * dyad's fixed effect (observed start-year trade when the store has it, else a draw with
 * sd trade.resid_sd). G is set once so that world trade / world GDP = trade.openness. */
#include "sim/sim_internal.h"

double mp_sim__sanction(const mp_sim *s, size_t i, size_t j)
{
	int a = s->camp[i], b = s->camp[j];
	if (a < 0 || b < 0 || a == b)
		return 0;
	size_t k = s->ncamps;
	double x = s->sanct[(size_t)a * k + (size_t)b], y = s->sanct[(size_t)b * k + (size_t)a];
	return x > y ? x : y;
}

void mp_sim__trade(mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double a = p->trade_elasticity_gdp, d = p->trade_elasticity_distance;
	const double c = p->trade_contiguity, m = p->trade_alliance, q = p->trade_political_distance;
	const double sa = p->trade_sanction, lnG = *s->lnG;
	for (size_t i = 0; i < n; i++) {
		s->lny[i] = log(s->gdp[i]);
		s->tsum[i] = 0;
	}
	if (k)
		for (size_t i = 0; i < n * k; i++)
			s->camp_trade[i] = 0;
	for (size_t i = 0; i < n; i++) {
		s->trade[i * n + i] = 0;
		const int ci = s->camp[i];
		for (size_t j = i + 1; j < n; j++) {
			const int cj = s->camp[j];
			double v = lnG + a * (s->lny[i] + s->lny[j]) + d * s->lndist[i * n + j] +
				   c * s->contig[i * n + j] + q * fabs(s->ip[i] - s->ip[j]) + s->resid[i * n + j];
			if (ci >= 0 && ci == cj)
				v += m;
			else if (ci >= 0 && cj >= 0)
				v += sa * mp_sim__sanction(s, i, j);
			double x = exp(v);
			s->trade[i * n + j] = s->trade[j * n + i] = x;
			s->tsum[i] += x;
			s->tsum[j] += x;
			if (cj >= 0)
				s->camp_trade[i * k + (size_t)cj] += x;
			if (ci >= 0)
				s->camp_trade[j * k + (size_t)ci] += x;
		}
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
