/* The regressors of the conflict model (sim.h, "the conflict model's covariates";
 * docs/conflict.md): one definition shared by the calibration and the simulation.
 *
 * MID onset, a logit on politically relevant dyad-years (Maoz & Russett 1993, as
 * operationalised by Lemke & Reed 2001: direct contiguity up to 150 miles of water, or a
 * major power in the dyad), with the time dependence of Carter & Signorino (2010): a
 * cubic in the peace years t (Beck, Katz & Tucker 1998 show that t belongs in a binary
 * time-series cross-section model; the cubic approximates their splines):
 *   P(MID_ijt) = logistic(b0 + b1 t + b2 t^2 + b3 t^3 + b4 CONTIG + b5 ln D
 *                         + b6 ln(C_hi / C_lo) + b7 PARITY + b8 ALLY + b9 RIVAL
 *                         + b10 [one major] + b11 [two majors] + b12 |ip_i - ip_j|
 *                         + b13 [ip missing] + b14 TRADE + b15 [trade missing]),
 * t in decades, capped at MP_PEACE_CAP years; the capability terms are Bremer's (1992)
 * preponderance and the power-transition parity band (Organski & Kugler 1980; Lemke &
 * Werner 1996), the trade term the weak link of trade shares (Barbieri 1996; Oneal &
 * Russett 1997 use trade/GDP, whose units do not match across the COW and Maddison
 * series). Escalation to war given a MID is a second logit (Senese & Vasquez 2008 model
 * the two steps apart), on the terms that the war literature finds decisive: capability
 * balance, contiguity, major powers, rivalry, alliance and preferences. */
#include <math.h>
#include <stddef.h>

#include "multipolar/sim.h"

static const char *const onset_terms[MP_ONSET_NX] = { "const",  "peace1",        "peace2",   "peace3",
						      "contig", "ln_dist",       "ln_ratio", "parity",
						      "ally",   "rival",         "major1",   "major2",
						      "ideal",  "ideal_missing", "trade",    "trade_missing" };
static const char *const esc_terms[MP_ESC_NX] = { "const",  "ln_ratio", "parity", "contig", "major1",
						  "major2", "rival",    "ally",   "ideal",  "ideal_missing" };

const char *mp_sim_onset_term(size_t k)
{
	return k < MP_ONSET_NX ? onset_terms[k] : NULL;
}
const char *mp_sim_escalation_term(size_t k)
{
	return k < MP_ESC_NX ? esc_terms[k] : NULL;
}

/* ln(stronger / weaker) and the parity flag (no logarithm here: the callers pass logs). */
static double log_ratio(const mp_dyad_cov *c, int *parity)
{
	double d = fabs(c->lncinc1 - c->lncinc2);
	if (!isfinite(d)) {
		*parity = 0;
		return 13.815510557964274; /* ln 1e6: a state without capabilities, as lopsided as the data get */
	}
	/* weaker / stronger >= 0.8 <=> ln(stronger / weaker) <= ln 1.25 */
	*parity = d <= 0.22314355131420976;
	return d;
}

void mp_sim_onset_x(const mp_dyad_cov *c, double x[MP_ONSET_NX])
{
	double t = c->peace > MP_PEACE_CAP ? MP_PEACE_CAP : (c->peace > 0 ? c->peace : 0.0);
	t /= 10.0;
	int par;
	x[0] = 1.0;
	x[1] = t;
	x[2] = t * t;
	x[3] = t * t * t;
	x[4] = c->contig ? 1.0 : 0.0;
	x[5] = isfinite(c->ln_dist) && c->ln_dist > 2.302585092994046 ? c->ln_dist : 2.302585092994046; /* >= 10 km */
	x[6] = log_ratio(c, &par);
	x[7] = par;
	x[8] = c->ally ? 1.0 : 0.0;
	x[9] = c->rival ? 1.0 : 0.0;
	x[10] = c->majors == 1;
	x[11] = c->majors >= 2;
	x[12] = isfinite(c->ideal_dist) ? c->ideal_dist : 0.0;
	x[13] = isfinite(c->ideal_dist) ? 0.0 : 1.0;
	x[14] = isfinite(c->trade_share) ? c->trade_share : 0.0;
	x[15] = isfinite(c->trade_share) ? 0.0 : 1.0;
}

void mp_sim_escalation_x(const mp_dyad_cov *c, double x[MP_ESC_NX])
{
	int par;
	x[0] = 1.0;
	x[1] = log_ratio(c, &par);
	x[2] = par;
	x[3] = c->contig ? 1.0 : 0.0;
	x[4] = c->majors == 1;
	x[5] = c->majors >= 2;
	x[6] = c->rival ? 1.0 : 0.0;
	x[7] = c->ally ? 1.0 : 0.0;
	x[8] = isfinite(c->ideal_dist) ? c->ideal_dist : 0.0;
	x[9] = isfinite(c->ideal_dist) ? 0.0 : 1.0;
}
