/* Capabilities (MODELS.md A1; docs/sim.md "capabilities").
 *
 * The six COW NMC components are derived from the simulated state each year, in NMC
 * units, so the simulated world is measured with exactly the same code as history
 * (mp_capabilities, Singer, Bremer & Stuckey 1972):
 *   milex = b * GDP_MER * 1000 (thousands of US$),
 *   milper = milper_0 (pop/pop_0)^(1-e) (milex/milex_0)^e  (military.personnel_elasticity),
 *   irst  = k_irst * GDP^e_steel, pec = k_pec * GDP^e_energy (intensities fixed at the
 *           start; e_energy ~0.7, Csereklyei, Rubio & Stern 2016),
 *   tpop  = P, upop = the blackboard's urban population.
 * Blackboard outputs: milex, cinc, share, camp_cap; the current world's actors. */
#include <stdlib.h>

#include "multipolar/metrics.h"
#include "sim/sim_internal.h"

typedef struct cap_state {
	/* constants: start values and intensities */
	double *milper0, *milex0, *pop0, *irst_k, *pec_k; /* n each; NaN = component unknown */
} cap_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	cap_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, milper0, n);
	MP_SIM_TAKE(st, b, o, milex0, n);
	MP_SIM_TAKE(st, b, o, pop0, n);
	MP_SIM_TAKE(st, b, o, irst_k, n);
	MP_SIM_TAKE(st, b, o, pec_k, n);
	return o;
}

/* Start values; personnel missing: the median personnel per head times population. */
static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	cap_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	double *x = calloc(n + 1, sizeof *x), *tmp = calloc(n + 1, sizeof *tmp);
	if (!x || !tmp) {
		free(x);
		free(tmp);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		double mp = s->w->actors[i].comp[MP_MILPER];
		st->milex0[i] = s->burden[i] * s->gdp[i] * s->mer[i] * 1000.0;
		x[i] = isfinite(mp) && mp >= 0 ? mp / s->pop[i] : MP_NA;
	}
	double mpr_med = mp_sim__median_finite(x, n, tmp);
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &s->w->actors[i];
		st->milper0[i] = isfinite(x[i]) ? a->comp[MP_MILPER] : (isfinite(mpr_med) ? mpr_med * s->pop[i] : MP_NA);
		st->pop0[i] = s->pop[i];
		/* Intensities: component / GDP^elasticity (constant along the path). */
		double ir = a->comp[MP_IRST], pe = a->comp[MP_PEC];
		st->irst_k[i] = isfinite(ir) && ir >= 0 ? ir / pow(s->gdp[i], p->capabilities_steel_elasticity) : MP_NA;
		st->pec_k[i] = isfinite(pe) && pe >= 0 ? pe / pow(s->gdp[i], p->capabilities_energy_elasticity) : MP_NA;
	}
	free(x);
	free(tmp);
	return MP_OK;
}

int mp_sim__capabilities(mp_ctx *ctx, mp_sim *s)
{
	const cap_state *st = mp_sim__state(s, MP_MECH_CAPABILITIES);
	const mp_sim_params *p = &s->p;
	const double es = p->capabilities_steel_elasticity, ee = p->capabilities_energy_elasticity;
	const double pe = p->military_personnel_elasticity;
	mp_world *w = s->w;
	w->year = s->year;
	for (size_t i = 0; i < s->n; i++) {
		mp_actor *a = &w->actors[i];
		double gdp = s->gdp[i], lg = log(gdp);
		s->milex[i] = s->burden[i] * gdp * s->mer[i] * 1000.0;
		a->comp[MP_MILEX] = s->milex[i];
		a->comp[MP_MILPER] = isfinite(st->milper0[i])
					     ? st->milper0[i] * pow(s->pop[i] / st->pop0[i], 1.0 - pe) *
						       pow(s->milex[i] / st->milex0[i], pe)
					     : MP_NA;
		a->comp[MP_IRST] = isfinite(st->irst_k[i]) ? st->irst_k[i] * exp(es * lg) : MP_NA;
		a->comp[MP_PEC] = isfinite(st->pec_k[i]) ? st->pec_k[i] * exp(ee * lg) : MP_NA;
		a->comp[MP_TPOP] = s->pop[i];
		a->comp[MP_UPOP] = s->pop_urban[i];
		a->gdp = gdp;
		a->gdp_mer = gdp * s->mer[i];
		a->ideal_point = s->ip[i];
		a->cinc_published = MP_NA;
	}
	int rc = mp_capabilities(w, NULL, MP_CINC_COW, s->share, s->cinc);
	if (rc != MP_OK)
		return ctx ? mp_error_set(ctx, rc, "simulation: capabilities of year %d", s->year) : rc;
	for (size_t c = 0; c < s->ncamps; c++)
		s->camp_cap[c] = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->camp[i] >= 0 && isfinite(s->cinc[i]))
			s->camp_cap[s->camp[i]] += s->cinc[i];
	return MP_OK;
}

static int step(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)st;
	return mp_sim__capabilities(ctx, s);
}

const mp_sim_mech mp_sim__mech_capabilities = { "capabilities", sizeof(cap_state), layout, init, NULL, NULL, step };
