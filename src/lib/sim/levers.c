/* Policy levers and shocks of a scenario, in force in the current year (docs/scenarios.md,
 * "Levers"; docs/conflict.md, "Levers"), plus the standing effects of the great powers'
 * chosen strategies. Blackboard outputs: sanct, promote, grow_add, pop_add, milex_add,
 * tfr_add, mig_add, excess_deaths, forced; shocks on gdppc and burden.
 *
 *  - sanctions: every state of side A sanctions every state of side B with the lever's
 *    strength (the stronger of two levers on a pair counts). With `secondary` s2 > 0:
 *    states that give aid or support to a state of B are sanctioned by A with s2, and every
 *    other third party k restricts its own trade with B with s2 * (share of k's trade with
 *    A), the part of its trade that A's threat puts at stake (compliance). The trade and
 *    output effects are the trade mechanism's (mech_trade.c).
 *  - aid and support: the donor d gives value * GDP_d a year; the recipient r grows by
 *    economy.aid_return * aid / GDP_r (at most 5% of its GDP counted; Clemens et al. 2012)
 *    and the donor loses the same return on what it gives, economy.aid_return * value of
 *    growth (the resources leave its own capital formation). Support delivers `dual_use`
 *    of it as military supply (milex_add of the recipient, at the donor's exchange rate)
 *    and promotes the pair's trade with strength `trade` (an anti-sanction).
 *  - growth: added to the growth rates of side A's states; fertility (total fertility,
 *    with a ramp), migration (extra net migrants) and mortality (excess deaths by age and
 *    sex): demography's inputs tfr_add, mig_add, excess_deaths (docs/demography.md).
 *  - join: side A's states are in camp B (forced).
 *  - shocks: one-off multipliers of GDP per head or of the military burden. */
#include <string.h>

#include "sim/levers_internal.h"

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	mp_levers_state *st = vst;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, comp0, MP_LEVER_MAX_SECONDARY * s->n);
	MP_SIM_TAKE(st, b, o, scamp, s->n);
	MP_SIM_TAKE(st, b, o, side_a, s->n);
	MP_SIM_TAKE(st, b, o, side_b, s->n);
	MP_SIM_TAKE(st, b, o, supporter, s->n);
	MP_SIM_TAKE(st, b, o, comp, s->n);
	return o;
}

/* Membership of side `k` of lever v this year into m[0..n). */
static void side(const mp_sim *s, const mp_levers_state *st, const mp_sim_lever *v, int k, double *m)
{
	for (size_t i = 0; i < s->n; i++) {
		int c = (int)st->scamp[i];
		m[i] = c >= 0 && (v->campmask[k] >> c & 1u) ? 1.0 : 0.0;
	}
	for (int a = 0; a < v->nact[k]; a++)
		m[v->act[k][a]] = 1.0;
}

static int active(const mp_sim_lever *v, int y)
{
	return y >= v->from && y <= v->to;
}

/* Share of each actor's trade (s->trade of the previous year) with the actors of side A. */
static void share_with(const mp_sim *s, const double *A, double *out)
{
	const size_t n = s->n;
	for (size_t k = 0; k < n; k++) {
		double with_a = 0;
		for (size_t i = 0; i < n; i++)
			with_a += A[i] * s->trade[k * n + i];
		out[k] = s->tsum[k] > 0 ? with_a / s->tsum[k] : 0;
	}
}

/* The levers of year s->year. `start`: the start year (no shocks; compliance from the
 * start's trade shares, so a run never sees the trade of the run before it). */
static void apply(mp_sim *s, mp_levers_state *st, int start)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	const int y = s->year;
	double *A = st->side_a, *B = st->side_b;
	for (size_t i = 0; i < n; i++) {
		s->grow_add[i] = s->pop_add[i] = s->milex_add[i] = 0;
		s->tfr_add[i] = s->mig_add[i] = 0;
		s->forced[i] = -2;
		st->scamp[i] = s->camp0[i];
		st->supporter[i] = 0;
	}
	memset(s->sanct, 0, n * n * sizeof *s->sanct);
	memset(s->promote, 0, n * n * sizeof *s->promote);
	/* the scenario's camps this year: the start camps changed by the joins in force */
	for (size_t l = 0; l < st->nlevers; l++) {
		const mp_sim_lever *v = &st->lv[l];
		if (v->kind != MP_LEVER_JOIN || !active(v, y))
			continue;
		for (int a = 0; a < v->nact[0]; a++) {
			st->scamp[v->act[0][a]] = v->camp;
			s->forced[v->act[0][a]] = v->camp;
		}
	}
	for (size_t l = 0; l < st->nlevers; l++) {
		const mp_sim_lever *v = &st->lv[l];
		if (!active(v, y))
			continue;
		switch (v->kind) {
		case MP_LEVER_SANCTIONS:
			side(s, st, v, 0, A);
			side(s, st, v, 1, B);
			for (size_t i = 0; i < n; i++) {
				if (A[i] == 0)
					continue;
				double *row = s->sanct + i * n;
				for (size_t j = 0; j < n; j++)
					if (B[j] != 0 && j != i && A[j] == 0 && row[j] < v->value)
						row[j] = v->value;
			}
			break;
		case MP_LEVER_GROWTH:
		case MP_LEVER_FERTILITY:
		case MP_LEVER_MIGRATION:
		case MP_LEVER_MORTALITY: {
			/* demography's levers act through the cohorts (mech_demography.c): total
			   fertility changes (reached linearly over `ramp` years), extra net migrants,
			   excess deaths spread over the band's people; from the first step on */
			double val = v->value;
			if (v->kind == MP_LEVER_FERTILITY && v->ramp > 0 && y - v->ramp_from + 1 < v->ramp)
				val *= (y - v->ramp_from + 1) / v->ramp;
			if (start && v->kind != MP_LEVER_GROWTH)
				break;
			side(s, st, v, 0, A);
			for (size_t i = 0; i < n; i++) {
				if (A[i] == 0)
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
							for (int a = v->age_lo; a <= v->age_hi && a < MP_DEMOG_AGES;
							     a++)
								e[x * MP_DEMOG_AGES + a] += val / (nx * na);
				}
			}
			break;
		}
		case MP_LEVER_AID:
		case MP_LEVER_SUPPORT: {
			size_t d = (size_t)v->act[0][0], r = (size_t)v->act[1][0];
			double amount = v->value * s->gdp[d];
			double civil = v->kind == MP_LEVER_SUPPORT ? 1.0 - v->dual_use : 1.0;
			s->grow_add[r] += p->economy_aid_return * fmin(0.05, civil * amount / s->gdp[r]);
			s->grow_add[d] -= p->economy_aid_return * v->value;
			if (v->kind == MP_LEVER_SUPPORT) {
				s->milex_add[r] += v->dual_use * amount * s->mer[d] * 1000.0;
				double *x = &s->promote[d * n + r];
				*x = fmax(*x, v->trade);
			}
			break;
		}
		case MP_LEVER_JOIN: break; /* above */
		case MP_LEVER_SHOCK_GDP:
		case MP_LEVER_SHOCK_MILEX:
			if (start || y != v->from)
				break;
			side(s, st, v, 0, A);
			for (size_t i = 0; i < n; i++)
				if (A[i] != 0) {
					double *x = v->kind == MP_LEVER_SHOCK_GDP ? &s->gdppc[i] : &s->burden[i];
					*x *= 1.0 + v->value;
				}
			break;
		}
	}
	/* secondary sanctions, after every primary one is in place */
	for (size_t l = 0; l < st->nlevers; l++) {
		const mp_sim_lever *v = &st->lv[l];
		if (v->kind != MP_LEVER_SANCTIONS || !(v->secondary > 0) || !active(v, y))
			continue;
		side(s, st, v, 0, A);
		side(s, st, v, 1, B);
		const double *comp = st->comp0 + (size_t)v->sec * n;
		if (!start) {
			share_with(s, A, st->comp);
			comp = st->comp;
		}
		for (size_t i = 0; i < n; i++)
			st->supporter[i] = 0;
		for (size_t q = 0; q < st->nlevers; q++) {
			const mp_sim_lever *w = &st->lv[q];
			if ((w->kind == MP_LEVER_AID || w->kind == MP_LEVER_SUPPORT) && active(w, y) &&
			    B[w->act[1][0]] != 0)
				st->supporter[w->act[0][0]] = 1;
		}
		for (size_t k = 0; k < n; k++) {
			if (A[k] != 0 || B[k] != 0)
				continue;
			if (st->supporter[k] != 0) { /* A sanctions the supporter */
				for (size_t i = 0; i < n; i++)
					if (A[i] != 0 && s->sanct[i * n + k] < v->secondary)
						s->sanct[i * n + k] = v->secondary;
				continue;
			}
			double c = v->secondary * comp[k]; /* compliance: k restricts its trade with B */
			for (size_t j = 0; j < n; j++)
				if (B[j] != 0 && s->sanct[k * n + j] < c)
					s->sanct[k * n + j] = c;
		}
	}
	/* Great powers' strategies: investment push, aid to the partner (costing the donor as
	 * aid does), sanctions on the rival (strength = the share of the budget's attention). */
	for (size_t g = 0; g < n; g++) {
		if (!s->gp[g])
			continue;
		const double *pol = s->policy + g * MP_NPOL;
		s->grow_add[g] += p->strategy_return_economy * p->strategy_budget * pol[MP_POL_ECON];
		int pa = s->partner[g];
		if (pa >= 0 && pol[MP_POL_AID] > 0) {
			double share = p->strategy_budget * pol[MP_POL_AID];
			s->grow_add[pa] += p->economy_aid_return * fmin(0.05, share * s->gdp[g] / s->gdp[pa]);
			s->grow_add[g] -= p->economy_aid_return * share;
		}
		int rv = s->rival[g];
		if (rv >= 0 && pol[MP_POL_SANCTION] > 0) {
			double *x = &s->sanct[g * n + (size_t)rv];
			*x = fmax(*x, pol[MP_POL_SANCTION]);
		}
	}
}

static int init(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)ctx;
	apply(s, st, 1);
	return MP_OK;
}

/* The start year's trade shares with each secondary lever's side A (constants). */
static int settle(mp_ctx *ctx, mp_sim *vs, void *vst)
{
	(void)ctx;
	mp_sim *s = vs;
	mp_levers_state *st = vst;
	for (size_t l = 0; l < st->nlevers; l++) {
		const mp_sim_lever *v = &st->lv[l];
		if (v->sec < 0)
			continue;
		side(s, st, v, 0, st->side_a);
		share_with(s, st->side_a, st->comp0 + (size_t)v->sec * s->n);
	}
	return MP_OK;
}

static void reset(mp_sim *s, void *st)
{
	apply(s, st, 1);
}

static int step(mp_ctx *ctx, mp_sim *s, void *st)
{
	(void)ctx;
	apply(s, st, 0);
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_levers = { "levers", sizeof(mp_levers_state), layout, init, settle, reset, step };
