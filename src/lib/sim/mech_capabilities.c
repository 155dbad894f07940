/* Capabilities (MODELS.md A1; docs/sim.md "capabilities").
 *
 * The six COW NMC components are derived from the simulated state each year, in NMC
 * units, so the simulated world is measured with exactly the same code as history
 * (mp_capabilities, Singer, Bremer & Stuckey 1972):
 *   milex = b * GDP_MER * 1000 (thousands of US$), milper (military.c),
 *   irst  = k_irst * GDP^e_steel, pec = k_pec * GDP^e_energy (intensities fixed at the
 *           start; e_energy ~0.7, Csereklyei, Rubio & Stern 2016),
 *   tpop  = P, upop = u * P. */
#include "multipolar/metrics.h"
#include "sim/sim_internal.h"

int mp_sim__capabilities(mp_ctx *ctx, mp_sim *s)
{
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
		a->comp[MP_MILPER] = isfinite(s->milper0[i])
					     ? s->milper0[i] * pow(s->pop[i] / s->pop0[i], 1.0 - pe) *
						       pow(s->milex[i] / s->milex0[i], pe)
					     : MP_NA;
		a->comp[MP_IRST] = isfinite(s->irst_k[i]) ? s->irst_k[i] * exp(es * lg) : MP_NA;
		a->comp[MP_PEC] = isfinite(s->pec_k[i]) ? s->pec_k[i] * exp(ee * lg) : MP_NA;
		a->comp[MP_TPOP] = s->pop[i];
		a->comp[MP_UPOP] = isfinite(s->urb[i]) ? s->urb[i] * s->pop[i] : MP_NA;
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
