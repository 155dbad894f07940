/* Demography (MODELS.md C2; docs/sim.md "demography").
 *
 * Reduced-form projection for a state-level simulator:
 *   P_{t+1} = P_t (1 + n_t + f_t)                     (MODELS.md C2, reduced form)
 *   n_{t+1} = n_t + lambda (n_LR - n_t)               (transition toward long-run growth)
 * with n_0 from income (demography.n_a + n_b ln y, WDI 2019 income groups) and f_t the
 * fertility-policy lever. Urbanisation follows the logistic curve of the UN World
 * Urbanization Prospects (2018, methodology): u_{t+1} = u_t + k u_t (1 - u_t / u_max).
 * Blackboard outputs: pop, pop_urban (= u P). */
#include "sim/sim_internal.h"

typedef struct demog_state {
	double *urb; /* n: urban share (COW upop / tpop), NaN if unknown (dynamic) */
	double *ngr; /* n: population growth rate n_t (dynamic) */
} demog_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	demog_state *st = vst;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, urb, s->n);
	MP_SIM_TAKE(st, b, o, ngr, s->n);
	*ndyn = o;
	return 2 * o;
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	demog_state *st = vst;
	const mp_sim_params *p = &s->p;
	for (size_t i = 0; i < s->n; i++) {
		double up = s->w->actors[i].comp[MP_UPOP];
		st->urb[i] = isfinite(up) && up >= 0 ? up / s->pop[i] : MP_NA;
		s->pop_urban[i] = isfinite(st->urb[i]) ? st->urb[i] * s->pop[i] : MP_NA;
		/* Initial population growth from income (demography.n_a + n_b ln y). */
		st->ngr[i] = p->demography_n_a + p->demography_n_b * log(s->gdppc[i]);
	}
	return MP_OK;
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	demog_state *st = vst;
	const mp_sim_params *p = &s->p;
	const double lam = p->demography_transition, nlr = p->demography_n_longrun;
	const double k = p->demography_urban_speed, umax = p->demography_urban_max;
	for (size_t i = 0; i < s->n; i++) {
		st->ngr[i] += lam * (nlr - st->ngr[i]);
		double g = st->ngr[i] + s->pop_add[i];
		if (g < -0.05)
			g = -0.05; /* no state loses more than 5% of its people a year by these rules */
		s->pop[i] *= 1.0 + g;
		double u = st->urb[i];
		if (isfinite(u) && u > 0 && u < umax)
			st->urb[i] = u + k * u * (1.0 - u / umax);
		s->pop_urban[i] = isfinite(st->urb[i]) ? st->urb[i] * s->pop[i] : MP_NA;
	}
	return MP_OK;
}

double mp_sim__demography_growth(const mp_sim *s, size_t i)
{
	const demog_state *st = mp_sim__state(s, MP_MECH_DEMOGRAPHY);
	return st->ngr[i];
}

const mp_sim_mech mp_sim__mech_demography = { "demography", sizeof(demog_state), layout, init, NULL, NULL, step };
