/* Capabilities (docs/references.md A1; docs/economy.md "Steel and energy"; docs/sim.md).
 *
 * The six COW NMC components are derived from the simulated state each year, in NMC
 * units, so the simulated world is measured with exactly the same code as history
 * (mp_capabilities, Singer, Bremer & Stuckey 1972), each from a fitted model:
 *   milex  = b * GDP_MER * 1000 (thousands of US$; burden and price level: military, economy)
 *   milper = mp_sim__milper (military: participation of the military-age population)
 *   irst   = GDP * exp(l_s),  l_s,t+1 = l_s,t + tau_s + g_s z_i,t + sd_s,i e_i,t
 *   pec    = GDP * exp(l_e),  l_e,t+1 = l_e,t + tau_e + g_e z_i,t + sd_e,i e'_i,t
 *            (intensities of use drifting with relative income z = ln y_i - ln y_F,
 *             Malenbaum 1978; Csereklyei, Rubio & Stern 2016; fitted on NMC x Maddison;
 *             e, e' standard normal: a random walk around the drift with each state's
 *             fitted s.d., calib/fit_intensity.c)
 *   tpop   = P, upop = the blackboard's urban population.
 * Blackboard outputs: milex, cinc, share, camp_cap; the current world's actors. */
#include "multipolar/metrics.h"
#include "sim/sim_internal.h"

typedef struct cap_state {
	double *ls, *le;   /* n each (dynamic): ln(irst/GDP), ln(pec/GDP); NaN = component unknown */
	double *sds, *sde; /* n each (constant): the yearly s.d. of each walk */
} cap_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	cap_state *st = vst;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, ls, s->n);
	MP_SIM_TAKE(st, b, o, le, s->n);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, sds, s->n);
	MP_SIM_TAKE(st, b, o, sde, s->n);
	return o;
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	cap_state *st = vst;
	for (size_t i = 0; i < s->n; i++) {
		const mp_actor *a = &s->w->actors[i];
		double ir = a->comp[MP_IRST], pe = a->comp[MP_PEC], y = s->gdp[i];
		st->ls[i] = isfinite(ir) && ir > 0 && y > 0 ? log(ir / y) : MP_NA;
		st->le[i] = isfinite(pe) && pe > 0 && y > 0 ? log(pe / y) : MP_NA;
		st->sds[i] = mp_sim__unit(s, i, "capabilities.steel_shock_sd", s->p.capabilities_steel_shock_sd);
		st->sde[i] = mp_sim__unit(s, i, "capabilities.energy_shock_sd", s->p.capabilities_energy_shock_sd);
	}
	return MP_OK;
}

int mp_sim__capabilities(mp_ctx *ctx, mp_sim *s)
{
	const cap_state *st = mp_sim__state(s, MP_MECH_CAPABILITIES);
	mp_world *w = s->w;
	w->year = s->year;
	for (size_t i = 0; i < s->n; i++) {
		mp_actor *a = &w->actors[i];
		double gdp = s->gdp[i];
		/* own spending plus military supply received (a `support` lever's dual-use share) */
		s->milex[i] = s->burden[i] * gdp * s->mer[i] * 1000.0 + s->milex_add[i];
		a->comp[MP_MILEX] = s->milex[i];
		a->comp[MP_MILPER] = mp_sim__milper(s, i);
		/* a component the start world lacks stays unknown; one it reports as 0 stays 0 */
		double ir = a->comp[MP_IRST], pe = a->comp[MP_PEC];
		a->comp[MP_IRST] = isfinite(st->ls[i]) ? gdp * exp(st->ls[i]) : (ir == 0 ? 0.0 : MP_NA);
		a->comp[MP_PEC] = isfinite(st->le[i]) ? gdp * exp(st->le[i]) : (pe == 0 ? 0.0 : MP_NA);
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

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	cap_state *st = vst;
	const mp_sim_params *p = &s->p;
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_CAP);
	for (size_t i = 0; i < s->n; i++) {
		double z = mp_sim__economy_relative_income(s, i);
		/* two draws per actor and year, used or not: a fixed stream layout */
		double es = mp_rng_normal(&r), ee = mp_rng_normal(&r);
		if (isfinite(st->ls[i]))
			st->ls[i] += p->capabilities_steel_trend + p->capabilities_steel_gap * z + st->sds[i] * es;
		if (isfinite(st->le[i]))
			st->le[i] += p->capabilities_energy_trend + p->capabilities_energy_gap * z + st->sde[i] * ee;
	}
	return mp_sim__capabilities(ctx, s);
}

const mp_sim_mech mp_sim__mech_capabilities = { "capabilities", sizeof(cap_state), layout, init, NULL, NULL, step };
