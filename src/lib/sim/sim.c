/* One simulated run: building the state from an mp_world, cloning, resetting and the
 * yearly step that calls the mechanisms in order (docs/sim.md, "A year"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/metrics.h"
#include "multipolar/stats.h"
#include "store/q_sim.h"
#include "sim/sim_internal.h"

/* Great-circle distance between capitals, haversine formula (Sinnott 1984, "Virtues of
 * the haversine", Sky & Telescope 68(2):159), Earth radius 6371 km. */
static double haversine_km(double lat1, double lng1, double lat2, double lng2)
{
	const double r = 6371.0, d2r = 3.14159265358979323846 / 180.0;
	double dlat = (lat2 - lat1) * d2r, dlng = (lng2 - lng1) * d2r;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * d2r) * cos(lat2 * d2r) * sin(dlng / 2) * sin(dlng / 2);
	return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

/* Median of the finite values of v[0..n) (NaN if none); tmp has room for n. */
static double median_finite(const double *v, size_t n, double *tmp)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(v[i]))
			tmp[m++] = v[i];
	if (!m)
		return MP_NA;
	mp_sort_doubles(tmp, m);
	return mp_median_sorted(tmp, m);
}

/* Assigns the pointers into the block; returns the block size in doubles. */
static size_t bind(mp_sim *s, double *b)
{
	size_t n = s->n, nn = n * n, k = s->ncamps ? s->ncamps : 1, o = 0;
#define TAKE(ptr, cnt) (s->ptr = b ? b + o : NULL, o += (cnt))
	TAKE(pop, n); TAKE(urb, n); TAKE(gdppc, n); TAKE(burden, n); TAKE(ip, n); TAKE(ngr, n);
	TAKE(dev, n); TAKE(policy, n * MP_NPOL); TAKE(lnF, 1);
	s->ndyn = o;
	TAKE(init, s->ndyn);
	TAKE(gap, n); TAKE(mer, n); TAKE(b0, n); TAKE(threat0, n); TAKE(allies0, n); TAKE(milper0, n);
	TAKE(milex0, n); TAKE(pop0, n); TAKE(irst_k, n); TAKE(pec_k, n);
	TAKE(lndist, nn); TAKE(contig, nn); TAKE(resid, nn); TAKE(tk, nn); TAKE(ally, nn); TAKE(rivalry, nn); TAKE(lnG, 1);
	TAKE(gdp, n); TAKE(lny, n); TAKE(milex, n); TAKE(cinc, n); TAKE(share, n * MP_NCOMP);
	TAKE(trade, nn); TAKE(tsum, n); TAKE(camp_trade, n * k); TAKE(grow_add, n); TAKE(pop_add, n);
	TAKE(threat, n); TAKE(allies, n); TAKE(sanct, k * k); TAKE(camp_cap, k); TAKE(camp_ip, k);
	TAKE(culture, n); TAKE(lncinc, n);
#undef TAKE
	s->blk = b;
	return o;
}

static int alloc_ints(mp_sim *s)
{
	size_t n = s->n;
	s->camp = calloc(n, sizeof(int));
	s->camp0 = calloc(n, sizeof(int));
	s->forced = calloc(n, sizeof(int));
	s->rival = calloc(n, sizeof(int));
	s->partner = calloc(n, sizeof(int));
	s->agg = calloc(n, 1);
	s->gp = calloc(n, 1);
	s->at_war = calloc(n, 1);
	s->pairs = calloc(n * n + 2, sizeof(int));
	return (s->camp && s->camp0 && s->forced && s->rival && s->partner && s->agg && s->gp && s->at_war && s->pairs)
		       ? MP_OK : MP_ENOMEM;
}

void mp_sim_free(mp_sim *s)
{
	if (!s)
		return;
	mp_world_free(s->w);
	free(s->blk);
	free(s->camp);
	free(s->camp0);
	free(s->forced);
	free(s->rival);
	free(s->partner);
	free(s->agg);
	free(s->gp);
	free(s->at_war);
	free(s->pairs);
	free(s);
}

void mp_sim__rng(const mp_sim *s, mp_rng *r, int mech)
{
	mp_rng_init(r, s->seed, s->run, (uint32_t)s->year * 16u + (uint32_t)mech);
}

/* Camps from the scenario (or the default camps): leaders, pole members, listed members. */
static void setup_camps(mp_sim *s, const mp_scenario *sc, const mp_poles *poles)
{
	const mp_world *w = s->w;
	s->ncamps = sc->ncamps;
	for (size_t i = 0; i < s->n; i++)
		s->camp0[i] = -1;
	for (size_t c = 0; c < sc->ncamps; c++) {
		const mp_camp_def *d = &sc->camps[c];
		snprintf(s->camp_name[c], sizeof s->camp_name[c], "%s", d->name);
		int pole = (poles && d->pole[0]) ? mp_poles_find(poles, d->pole) : MP_POLE_NONE;
		if (pole != MP_POLE_NONE)
			for (size_t i = 0; i < s->n; i++)
				if (w->actors[i].pole == pole)
					s->camp0[i] = (int)c;
		for (int m = 0; m < d->nmembers; m++) {
			int i = mp_world_find_name(w, d->members[m]);
			if (i >= 0)
				s->camp0[i] = (int)c;
		}
		s->camp_nleaders[c] = 0;
		for (int l = 0; l < d->nleaders; l++) {
			int i = mp_world_find_name(w, d->leaders[l]);
			if (i >= 0 && !s->agg[i]) {
				s->camp0[i] = (int)c;
				s->gp[i] = 1;
				s->camp_leader[c][s->camp_nleaders[c]++] = i;
			}
		}
	}
	memcpy(s->camp, s->camp0, s->n * sizeof(int));
}

/* Derives the model state from the world's data (docs/sim.md, "Initial state"). */
static int init_state(mp_ctx *ctx, mp_sim *s, mp_store *store)
{
	const mp_sim_params *p = &s->p;
	mp_world *w = s->w;
	size_t n = s->n;
	int rc = MP_OK;
	double *tmp = calloc(n + 1, sizeof *tmp), *x = calloc(n + 1, sizeof *x);
	if (!tmp || !x) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &w->actors[i];
		s->agg[i] = a->ccode == 0;
		double pop = a->comp[MP_TPOP];
		s->pop[i] = isfinite(pop) && pop > 0 ? pop : 1.0;
		s->gdp[i] = isfinite(a->gdp) && a->gdp > 0 ? a->gdp : MP_NA;
	}
	/* Missing GDP: ln GDP pc imputed from ln energy use per head by OLS over the actors
	 * with both (energy-income relation, Csereklyei, Rubio & Stern 2016); else the median. */
	{
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			double e = w->actors[i].comp[MP_PEC];
			if (isfinite(s->gdp[i]) && isfinite(e) && e > 0) {
				double xi = log(e / s->pop[i]), yi = log(s->gdp[i] / s->pop[i]);
				sx += xi; sy += yi; sxx += xi * xi; sxy += xi * yi; m++;
			}
		}
		double slope = 0, icpt = 0;
		if (m >= 3 && sxx * m - sx * sx > 0) {
			slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
			icpt = (sy - slope * sx) / m;
		}
		for (size_t i = 0; i < n; i++)
			x[i] = isfinite(s->gdp[i]) ? log(s->gdp[i] / s->pop[i]) : MP_NA;
		double med = median_finite(x, n, tmp);
		if (!isfinite(med))
			med = log(10.0); /* $10,000 per head when the world has no GDP at all */
		for (size_t i = 0; i < n; i++) {
			if (isfinite(s->gdp[i]))
				continue;
			double e = w->actors[i].comp[MP_PEC];
			double lpc = (m >= 3 && isfinite(e) && e > 0) ? icpt + slope * log(e / s->pop[i]) : med;
			s->gdp[i] = exp(lpc) * s->pop[i];
		}
	}
	/* GDP per capita in dollars: gdp (millions) / pop (thousands) * 1000. */
	for (size_t i = 0; i < n; i++) {
		s->gdppc[i] = s->gdp[i] / s->pop[i] * 1000.0;
		x[i] = isfinite(w->actors[i].gdp_mer) && w->actors[i].gdp_mer > 0 ? w->actors[i].gdp_mer / s->gdp[i]
										 : MP_NA;
	}
	double mer_med = median_finite(x, n, tmp);
	for (size_t i = 0; i < n; i++)
		s->mer[i] = isfinite(x[i]) ? x[i] : (isfinite(mer_med) ? mer_med : 1.0);
	/* Military burden = milex (thousands of US$) / (GDP at MER, millions, * 1000). */
	for (size_t i = 0; i < n; i++) {
		double mx = w->actors[i].comp[MP_MILEX];
		x[i] = isfinite(mx) && mx > 0 ? mx / (s->gdp[i] * s->mer[i] * 1000.0) : MP_NA;
	}
	double b_med = median_finite(x, n, tmp);
	if (!isfinite(b_med))
		b_med = 0.02;
	for (size_t i = 0; i < n; i++) {
		double b = isfinite(x[i]) ? x[i] : b_med;
		s->burden[i] = b < 1e-4 ? 1e-4 : (b > 0.5 ? 0.5 : b);
		s->b0[i] = s->burden[i];
		s->milex0[i] = s->burden[i] * s->gdp[i] * s->mer[i] * 1000.0;
		double mp = w->actors[i].comp[MP_MILPER];
		x[i] = isfinite(mp) && mp >= 0 ? mp / s->pop[i] : MP_NA;
	}
	double mpr_med = median_finite(x, n, tmp);
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &w->actors[i];
		s->milper0[i] = isfinite(x[i]) ? a->comp[MP_MILPER] : (isfinite(mpr_med) ? mpr_med * s->pop[i] : MP_NA);
		s->pop0[i] = s->pop[i];
		/* Intensities: component / GDP^elasticity (constant along the path). */
		double ir = a->comp[MP_IRST], pe = a->comp[MP_PEC];
		s->irst_k[i] = isfinite(ir) && ir >= 0 ? ir / pow(s->gdp[i], p->capabilities_steel_elasticity) : MP_NA;
		s->pec_k[i] = isfinite(pe) && pe >= 0 ? pe / pow(s->gdp[i], p->capabilities_energy_elasticity) : MP_NA;
		double up = a->comp[MP_UPOP];
		s->urb[i] = isfinite(up) && up >= 0 ? up / s->pop[i] : MP_NA;
		/* Initial population growth from income (demography.n_a + n_b ln y). */
		s->ngr[i] = p->demography_n_a + p->demography_n_b * log(s->gdppc[i]);
		s->dev[i] = 0;
	}
	/* Ideal points: missing ones take the mean of their pole, else 0. */
	for (size_t i = 0; i < n; i++) {
		double ipi = w->actors[i].ideal_point;
		if (!isfinite(ipi)) {
			double sum = 0;
			size_t m = 0;
			for (size_t j = 0; j < n; j++)
				if (w->actors[j].pole == w->actors[i].pole && w->actors[i].pole != MP_POLE_NONE &&
				    isfinite(w->actors[j].ideal_point)) {
					sum += w->actors[j].ideal_point;
					m++;
				}
			ipi = m ? sum / m : 0.0;
		}
		s->ip[i] = ipi;
	}
	/* The frontier: the highest GDP per capita among actors of >= 20 million people. */
	double lnF = -INFINITY, lnF_any = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		double l = log(s->gdppc[i]);
		if (!s->agg[i] && s->pop[i] >= 20000 && l > lnF)
			lnF = l;
		if (l > lnF_any)
			lnF_any = l;
	}
	if (!isfinite(lnF))
		lnF = lnF_any;
	*s->lnF = lnF;
	/* Conditional steady state: ln y*_i = ln F_t + gap_i (Mankiw, Romer & Weil 1992). */
	for (size_t i = 0; i < n; i++)
		s->gap[i] = p->economy_structural_gap * (log(s->gdppc[i]) - lnF);
	/* Dyads: distance, contiguity (proxy: capitals within conflict.relevance_km) and the
	 * trade residual (observed trade if the store has it, else a random draw). */
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			const mp_actor *a = &w->actors[i], *b = &w->actors[j];
			double d = (isfinite(a->lat) && isfinite(b->lat)) ? haversine_km(a->lat, a->lng, b->lat, b->lng)
									  : 5000.0;
			if (d < 100)
				d = 100; /* neighbouring capitals; avoids log(0) */
			s->lndist[i * n + j] = log(d);
			s->contig[i * n + j] = (i != j && d <= p->conflict_relevance_km) ? 1.0 : 0.0;
			s->resid[i * n + j] = 0;
		}
	}
	if (store) {
		int *cc = malloc(n * sizeof *cc);
		double *obs = malloc(n * n * sizeof *obs), *con = malloc(n * n * sizeof *con);
		if (!cc || !obs || !con) {
			free(cc); free(obs); free(con);
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t i = 0; i < n; i++)
			cc[i] = w->actors[i].ccode;
		rc = mp_store__sim_dyads(ctx, store, w->year, cc, n, obs, con, s->ally, s->rivalry);
		if (rc == MP_OK)
			for (size_t k = 0; k < n * n; k++) {
				if (isfinite(con[k]))
					s->contig[k] = con[k];
				if (!isfinite(s->ally[k]))
					s->ally[k] = 0;
				if (!isfinite(s->rivalry[k]))
					s->rivalry[k] = 0;
			}
		free(cc);
		free(con);
		if (rc != MP_OK) {
			free(obs);
			goto done;
		}
		/* Observed flows become the dyad's fixed effect: resid = ln X_obs - gravity. */
		*s->lnG = 0;
		mp_sim__trade_prepare(s);
		mp_sim__trade(s);
		mp_sim__trade_calibrate(s);
		mp_sim__trade(s);
		for (size_t k = 0; k < n * n; k++)
			s->resid[k] = (isfinite(obs[k]) && obs[k] > 0 && s->trade[k] > 0) ? log(obs[k] / s->trade[k]) : 0.0;
		mp_sim__trade_prepare(s);
		free(obs);
	} else {
		mp_rng r;
		mp_rng_init(&r, s->seed, s->run, MP_SIM_S_INIT);
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				s->resid[i * n + j] = s->resid[j * n + i] = p->trade_resid_sd * mp_rng_normal(&r);
		*s->lnG = 0;
		mp_sim__trade_prepare(s);
		mp_sim__trade(s);
		mp_sim__trade_calibrate(s);
	}
	memset(s->policy, 0, n * MP_NPOL * sizeof *s->policy);
	for (size_t i = 0; i < n; i++)
		s->rival[i] = s->partner[i] = -1;
	/* Politically relevant dyads (Maoz & Russett 1993): contiguous, or one a major power;
	 * strategic rivals always count. */
	s->npairs = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			if (s->agg[i] || s->agg[j])
				continue;
			int major = s->gp[i] || s->gp[j] || w->actors[i].major || w->actors[j].major;
			if (major || s->contig[i * n + j] > 0 || s->rivalry[i * n + j] > 0) {
				s->pairs[2 * s->npairs] = (int)i;
				s->pairs[2 * s->npairs + 1] = (int)j;
				s->npairs++;
			}
		}
	/* Capabilities and Richardson anchors at the start: the start year is an equilibrium. */
	for (size_t i = 0; i < n; i++)
		s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
	mp_sim__trade(s);
	rc = mp_sim__capabilities(ctx, s);
	if (rc != MP_OK)
		goto done;
	mp_sim__threat(s, s->threat0, s->allies0);
	memcpy(s->init, s->pop, s->ndyn * sizeof *s->init);
done:
	free(tmp);
	free(x);
	return rc;
}

static int resolve_levers(mp_sim *s, const mp_scenario *sc)
{
	s->nlevers = 0;
	for (size_t k = 0; sc && k < sc->nlevers; k++) {
		const mp_lever *l = &sc->levers[k];
		mp_sim_lever *r = &s->levers[s->nlevers++];
		r->kind = l->kind;
		r->value = l->value;
		r->from = l->from;
		r->to = l->to ? l->to : 1 << 30;
		r->a = r->b = -1;
		r->a_is_camp = 0;
		for (size_t c = 0; c < s->ncamps; c++) {
			if (!strcmp(s->camp_name[c], l->a))
				r->a = (int)c, r->a_is_camp = 1;
			if (!strcmp(s->camp_name[c], l->b))
				r->b = (int)c;
		}
		if (l->kind == MP_LEVER_SANCTIONS)
			continue; /* both sides are camps */
		if (!r->a_is_camp)
			r->a = mp_world_find_name(s->w, l->a);
		if (l->kind == MP_LEVER_AID)
			r->b = mp_world_find_name(s->w, l->b);
	}
	return MP_OK;
}

int mp_sim_new(mp_ctx *ctx, const mp_world *w, const mp_sim_opts *opts, mp_sim **out)
{
	mp_sim_opts dflt = MP_SIM_OPTS_INIT;
	mp_scenario *sc_dflt = NULL;
	if (!opts)
		opts = &dflt;
	*out = NULL;
	if (!w || w->n < 2)
		return mp_error_set(ctx, MP_EINPUT, "simulation: the start world needs at least two actors");
	mp_sim *s = calloc(1, sizeof *s);
	int rc = MP_OK;
	if (!s)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if (opts->params)
		s->p = *opts->params;
	else
		mp_sim_params_default(&s->p);
	s->seed = opts->seed;
	s->run = opts->run;
	s->year0 = s->year = w->year;
	s->n = w->n;
	const mp_scenario *sc = opts->scenario;
	if (!sc) {
		sc_dflt = malloc(sizeof *sc_dflt);
		if (!sc_dflt) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		mp_scenario_default(sc_dflt);
		sc = sc_dflt;
	}
	if ((rc = mp_world_clone(w, &s->w)) != MP_OK || (rc = alloc_ints(s)) != MP_OK) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < s->n; i++)
		s->agg[i] = w->actors[i].ccode == 0;
	setup_camps(s, sc, opts->poles);
	s->nblk = bind(s, NULL);
	double *b = calloc(s->nblk, sizeof *b);
	if (!b) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	bind(s, b);
	resolve_levers(s, sc);
	rc = init_state(ctx, s, opts->store);
done:
	free(sc_dflt);
	if (rc != MP_OK) {
		mp_sim_free(s);
		return rc;
	}
	*out = s;
	return MP_OK;
}

int mp_sim_clone(const mp_sim *src, mp_sim **out)
{
	*out = NULL;
	mp_sim *s = malloc(sizeof *s);
	if (!s)
		return MP_ENOMEM;
	*s = *src;
	s->w = NULL;
	s->blk = NULL;
	s->camp = s->camp0 = s->forced = s->rival = s->partner = s->pairs = NULL;
	s->agg = s->gp = s->at_war = NULL;
	double *b = malloc(src->nblk * sizeof *b);
	if (!b || alloc_ints(s) != MP_OK || mp_world_clone(src->w, &s->w) != MP_OK) {
		free(b);
		mp_sim_free(s);
		return MP_ENOMEM;
	}
	memcpy(b, src->blk, src->nblk * sizeof *b);
	bind(s, b);
	size_t n = s->n;
	memcpy(s->camp, src->camp, n * sizeof(int));
	memcpy(s->camp0, src->camp0, n * sizeof(int));
	memcpy(s->forced, src->forced, n * sizeof(int));
	memcpy(s->rival, src->rival, n * sizeof(int));
	memcpy(s->partner, src->partner, n * sizeof(int));
	memcpy(s->agg, src->agg, n);
	memcpy(s->gp, src->gp, n);
	memcpy(s->at_war, src->at_war, n);
	memcpy(s->pairs, src->pairs, (n * n + 2) * sizeof(int));
	*out = s;
	return MP_OK;
}

void mp_sim_reset(mp_sim *s, uint32_t run)
{
	s->run = run;
	s->year = s->year0;
	memcpy(s->pop, s->init, s->ndyn * sizeof *s->init);
	memcpy(s->camp, s->camp0, s->n * sizeof(int));
	memset(s->at_war, 0, s->n);
	for (size_t i = 0; i < s->n; i++)
		s->rival[i] = s->partner[i] = -1;
	s->wars = s->gp_wars = s->crises = 0;
	/* Per-year scratch that feeds the start year's trade must not leak from a previous run. */
	for (size_t c = 0; c < s->ncamps * s->ncamps; c++)
		s->sanct[c] = 0;
	for (size_t i = 0; i < s->n; i++)
		s->grow_add[i] = s->pop_add[i] = 0;
	/* The trade residuals are a property of the start world (drawn once per seed). */
	for (size_t i = 0; i < s->n; i++)
		s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
	mp_sim__trade(s);
	mp_ctx *none = NULL;
	(void)mp_sim__capabilities(none, s);
}

int mp_sim_step(mp_ctx *ctx, mp_sim *s)
{
	const mp_sim_params *p = &s->p;
	s->year++;
	mp_sim__levers(s);
	if (p->strategy_enabled > 0)
		mp_sim__strategy(s);
	if (p->demography_enabled > 0)
		mp_sim__demography(s);
	if (p->economy_enabled > 0)
		mp_sim__economy(s);
	for (size_t i = 0; i < s->n; i++)
		s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
	if (p->trade_enabled > 0)
		mp_sim__trade(s);
	if (p->military_enabled > 0)
		mp_sim__military(s);
	int rc = mp_sim__capabilities(ctx, s);
	if (rc != MP_OK)
		return rc;
	if (p->alignment_enabled > 0)
		mp_sim__alignment(s);
	s->wars = s->gp_wars = s->crises = 0;
	memset(s->at_war, 0, s->n);
	if (p->conflict_enabled > 0)
		mp_sim__conflict(s);
	return MP_OK;
}

int mp_sim_year(const mp_sim *s) { return s->year; }
const mp_world *mp_sim_world(const mp_sim *s) { return s->w; }
const double *mp_sim_cinc(const mp_sim *s) { return s->cinc; }
size_t mp_sim_ncamps(const mp_sim *s) { return s->ncamps; }
const char *mp_sim_camp_name(const mp_sim *s, size_t c) { return c < s->ncamps ? s->camp_name[c] : NULL; }
const int *mp_sim_camps(const mp_sim *s) { return s->camp; }
int mp_sim_wars(const mp_sim *s) { return s->wars; }
int mp_sim_gp_wars(const mp_sim *s) { return s->gp_wars; }
int mp_sim_crises(const mp_sim *s) { return s->crises; }
const unsigned char *mp_sim_at_war(const mp_sim *s) { return s->at_war; }
double mp_sim_trade(const mp_sim *s, size_t i, size_t j)
{
	return (i < s->n && j < s->n) ? s->trade[i * s->n + j] : MP_NA;
}
