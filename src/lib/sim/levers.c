/* Policy levers and shocks of a scenario, active in the current year (docs/scenarios.md),
 * plus the standing effects of the great powers' chosen strategies. */
#include <string.h>

#include "sim/sim_internal.h"

static int step(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)ctx;
	(void)st;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const int y = s->year;
	for (size_t i = 0; i < n; i++) {
		s->grow_add[i] = 0;
		s->pop_add[i] = 0;
		s->tfr_add[i] = 0;
		s->mig_add[i] = 0;
		s->forced[i] = -2;
	}
	for (size_t c = 0; c < k * k; c++)
		s->sanct[c] = 0;
	for (size_t l = 0; l < s->nlevers; l++) {
		const mp_sim_lever *v = &s->levers[l];
		if (y < v->from || y > v->to || v->a < 0)
			continue;
		switch (v->kind) {
		case MP_LEVER_SANCTIONS:
			if (v->b >= 0) {
				double *x = &s->sanct[(size_t)v->a * k + (size_t)v->b];
				*x = fmax(*x, v->value);
			}
			break;
		case MP_LEVER_GROWTH:
		case MP_LEVER_FERTILITY:
		case MP_LEVER_MIGRATION:
		case MP_LEVER_MORTALITY: {
			/* demography's levers act through the cohorts (mech_demography.c): total
			   fertility changes (reached linearly over `ramp` years), extra net migrants,
			   excess deaths spread over the band's people */
			double val = v->value;
			if (v->kind == MP_LEVER_FERTILITY && v->ramp > 0 && y - v->from + 1 < v->ramp)
				val *= (y - v->from + 1) / v->ramp;
			for (size_t i = 0; i < n; i++) {
				if (v->a_is_camp ? s->camp[i] != v->a : (int)i != v->a)
					continue;
				if (v->kind == MP_LEVER_GROWTH)
					s->grow_add[i] += val;
				else if (v->kind == MP_LEVER_FERTILITY)
					s->tfr_add[i] += val;
				else if (v->kind == MP_LEVER_MIGRATION)
					s->mig_add[i] += val;
				else {
					double *e = s->excess_deaths + i * 2 * MP_DEMOG_AGES;
					int nx = v->sex < 0 ? 2 : 1, na = v->age_hi - v->age_lo + 1;
					for (int x = 0; x < 2; x++)
						if (v->sex < 0 || v->sex == x)
							for (int a = v->age_lo; a <= v->age_hi && a < MP_DEMOG_AGES; a++)
								e[x * MP_DEMOG_AGES + a] += val / (nx * na);
				}
			}
			break;
		}
		case MP_LEVER_AID:
			/* Aid of value * GDP_a: the recipient grows by aid_return * aid / GDP_b
			 * (Clemens et al. 2012); the donor's output is not reduced (a transfer). Aid is
			 * counted up to 5% of the recipient's GDP (absorptive capacity). */
			if (v->b >= 0 && !v->a_is_camp)
				s->grow_add[v->b] += p->economy_aid_return * fmin(0.05, v->value * s->gdp[v->a] / s->gdp[v->b]);
			break;
		case MP_LEVER_JOIN:
			if (!v->a_is_camp)
				s->forced[v->a] = v->b; /* -1: leaves for non-alignment */
			break;
		case MP_LEVER_SHOCK_GDP:
			if (!v->a_is_camp && y == v->from)
				s->gdppc[v->a] *= 1.0 + v->value;
			break;
		case MP_LEVER_SHOCK_MILEX:
			if (!v->a_is_camp && y == v->from)
				s->burden[v->a] *= 1.0 + v->value;
			break;
		}
	}
	/* Great powers' strategies: investment push, aid to the partner, sanctions on the
	 * rival's camp (strength = the share of the budget's attention given to it). */
	for (size_t g = 0; g < n; g++) {
		if (!s->gp[g])
			continue;
		const double *pol = s->policy + g * MP_NPOL;
		s->grow_add[g] += p->strategy_return_economy * p->strategy_budget * pol[MP_POL_ECON];
		int pa = s->partner[g];
		if (pa >= 0 && pol[MP_POL_AID] > 0)
			s->grow_add[pa] += p->economy_aid_return *
					   fmin(0.05, p->strategy_budget * pol[MP_POL_AID] * s->gdp[g] / s->gdp[pa]);
		int rv = s->rival[g];
		if (rv >= 0 && pol[MP_POL_SANCTION] > 0 && s->camp[g] >= 0 && s->camp[rv] >= 0 &&
		    s->camp[g] != s->camp[rv]) {
			double *x = &s->sanct[(size_t)s->camp[g] * k + (size_t)s->camp[rv]];
			*x = fmax(*x, pol[MP_POL_SANCTION]);
		}
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_levers = { "levers", 0, NULL, NULL, NULL, NULL, step };
