/* Demography (MODELS.md C2; docs/sim.md "demography").
 *
 * Reduced-form projection for a state-level simulator:
 *   P_{t+1} = P_t (1 + n_t + f_t)                     (MODELS.md C2, reduced form)
 *   n_{t+1} = n_t + lambda (n_LR - n_t)               (transition toward long-run growth)
 * with n_0 from income (demography.n_a + n_b ln y, WDI 2019 income groups) and f_t the
 * fertility-policy lever. Urbanisation follows the logistic curve of the UN World
 * Urbanization Prospects (2018, methodology): u_{t+1} = u_t + k u_t (1 - u_t / u_max). */
#include "sim/sim_internal.h"

void mp_sim__demography(mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	const double lam = p->demography_transition, nlr = p->demography_n_longrun;
	const double k = p->demography_urban_speed, umax = p->demography_urban_max;
	for (size_t i = 0; i < s->n; i++) {
		s->ngr[i] += lam * (nlr - s->ngr[i]);
		double g = s->ngr[i] + s->pop_add[i];
		if (g < -0.05)
			g = -0.05; /* no state loses more than 5% of its people a year by these rules */
		s->pop[i] *= 1.0 + g;
		double u = s->urb[i];
		if (isfinite(u) && u > 0 && u < umax)
			s->urb[i] = u + k * u * (1.0 - u / umax);
	}
}
