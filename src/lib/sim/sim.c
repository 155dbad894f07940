/* One simulated run: the blackboard built from an mp_world, the mechanism table driven
 * through initialisation, cloning, resetting and the yearly step (mech.h; docs/sim.md,
 * "A year"). The mechanisms themselves are one file each (mech_*.c, levers.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/stats.h"
#include "store/q_conflict.h"
#include "sim/sim_internal.h"

/* The table, in step order (mech.h). */
static const mp_sim_mech *const mechs[MP_SIM_NMECH] = {
	[MP_MECH_LEVERS] = &mp_sim__mech_levers,
	[MP_MECH_STRATEGY] = &mp_sim__mech_strategy,
	[MP_MECH_DEMOGRAPHY] = &mp_sim__mech_demography,
	[MP_MECH_ECONOMY] = &mp_sim__mech_economy,
	[MP_MECH_TRADE] = &mp_sim__mech_trade,
	[MP_MECH_MILITARY] = &mp_sim__mech_military,
	[MP_MECH_CAPABILITIES] = &mp_sim__mech_capabilities,
	[MP_MECH_ALIGNMENT] = &mp_sim__mech_alignment,
	[MP_MECH_CONFLICT] = &mp_sim__mech_conflict,
};

double mp_sim__median_finite(const double *v, size_t n, double *tmp)
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

double mp_sim__unit(const mp_sim *s, size_t i, const char *key, double dflt)
{
	int cc = s->w->actors[i].ccode;
	return cc ? mp_sim_units_get(s->units, cc, key, dflt) : dflt;
}

/* ---- the blackboard's block ---- */

/* Assigns the pointers into the block; returns the block size in doubles. */
static size_t bind(mp_sim *s, double *b)
{
	size_t n = s->n, nn = n * n, k = s->ncamps ? s->ncamps : 1, o = 0;
#define TAKE(field, cnt) MP_SIM_TAKE(s, b, o, field, cnt)
	TAKE(pop, n);
	TAKE(pop_urban, n);
	TAKE(pop_working, n);
	TAKE(pop_military, n);
	TAKE(gdppc, n);
	TAKE(burden, n);
	TAKE(ip, n);
	TAKE(policy, n * MP_NPOL);
	TAKE(mer, n); /* dynamic: the economy moves price levels */
	s->ndyn = o;
	TAKE(init, s->ndyn);
	TAKE(lndist, nn);
	TAKE(contig, nn);
	TAKE(ally, nn);
	TAKE(rivalry, nn);
	TAKE(gdp, n);
	TAKE(milex, n);
	TAKE(cinc, n);
	TAKE(share, n * MP_NCOMP);
	TAKE(camp_cap, k);
	TAKE(trade, nn);
	TAKE(tsum, n);
	TAKE(camp_trade, n * k);
	TAKE(grow_add, n);
	TAKE(pop_add, n);
	TAKE(sanct, nn);
	TAKE(promote, nn);
	TAKE(milex_add, n);
	TAKE(level, n);
	TAKE(deaths, n);
	TAKE(war_loss, n);
	TAKE(tfr_add, n);
	TAKE(mig_add, n);
	TAKE(excess_deaths, n * 2 * MP_DEMOG_AGES);
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
		       ? MP_OK
		       : MP_ENOMEM;
}

/* ---- mechanism slots ---- */

static int slot_alloc(mp_sim *s, int m)
{
	const mp_sim_mech *me = mechs[m];
	mp_sim_slot *sl = &s->mech[m];
	if (me->state_size && !(sl->st = calloc(1, me->state_size)))
		return MP_ENOMEM;
	if (!me->layout)
		return MP_OK;
	sl->nblk = me->layout(s, sl->st, NULL, &sl->ndyn);
	if (!(sl->blk = calloc(sl->nblk ? sl->nblk : 1, sizeof *sl->blk)))
		return MP_ENOMEM;
	me->layout(s, sl->st, sl->blk, &sl->ndyn);
	return MP_OK;
}

static int slot_clone(const mp_sim *src, mp_sim *s, int m)
{
	const mp_sim_mech *me = mechs[m];
	const mp_sim_slot *a = &src->mech[m];
	mp_sim_slot *b = &s->mech[m];
	*b = *a;
	b->st = NULL;
	b->blk = NULL;
	if (me->state_size) {
		if (!(b->st = malloc(me->state_size)))
			return MP_ENOMEM;
		memcpy(b->st, a->st, me->state_size);
	}
	if (!me->layout)
		return MP_OK;
	if (!(b->blk = malloc((a->nblk ? a->nblk : 1) * sizeof *b->blk)))
		return MP_ENOMEM;
	memcpy(b->blk, a->blk, a->nblk * sizeof *b->blk);
	me->layout(s, b->st, b->blk, &b->ndyn);
	return MP_OK;
}

void mp_sim_free(mp_sim *s)
{
	if (!s)
		return;
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		free(s->mech[m].st);
		free(s->mech[m].blk);
	}
	mp_world_free(s->w);
	free(s->blk);
	free(s->init_trade);
	free(s->init_conttype);
	free(s->init_lastmid);
	free(s->init_war);
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

/* ---- initialisation of the blackboard ---- */

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

/* Population and GDP from the world; missing GDP is imputed: ln GDP pc from ln energy use
 * per head by OLS over the actors with both (energy-income relation, Csereklyei, Rubio &
 * Stern 2016), else the median. */
static void init_population_gdp(mp_sim *s, double *x, double *tmp)
{
	const mp_world *w = s->w;
	const size_t n = s->n;
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &w->actors[i];
		double pop = a->comp[MP_TPOP];
		s->pop[i] = isfinite(pop) && pop > 0 ? pop : 1.0;
		s->pop_working[i] = s->pop_military[i] = MP_NA;
		s->gdp[i] = isfinite(a->gdp) && a->gdp > 0 ? a->gdp : MP_NA;
	}
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double e = w->actors[i].comp[MP_PEC];
		if (isfinite(s->gdp[i]) && isfinite(e) && e > 0) {
			double xi = log(e / s->pop[i]), yi = log(s->gdp[i] / s->pop[i]);
			sx += xi;
			sy += yi;
			sxx += xi * xi;
			sxy += xi * yi;
			m++;
		}
	}
	double slope = 0, icpt = 0;
	if (m >= 3 && sxx * m - sx * sx > 0) {
		slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
		icpt = (sy - slope * sx) / m;
	}
	for (size_t i = 0; i < n; i++)
		x[i] = isfinite(s->gdp[i]) ? log(s->gdp[i] / s->pop[i]) : MP_NA;
	double med = mp_sim__median_finite(x, n, tmp);
	if (!isfinite(med))
		med = log(10.0); /* $10,000 per head when the world has no GDP at all */
	for (size_t i = 0; i < n; i++) {
		if (isfinite(s->gdp[i]))
			continue;
		double e = w->actors[i].comp[MP_PEC];
		double lpc = (m >= 3 && isfinite(e) && e > 0) ? icpt + slope * log(e / s->pop[i]) : med;
		s->gdp[i] = exp(lpc) * s->pop[i];
	}
	/* GDP per capita in dollars: gdp (millions) / pop (thousands) * 1000. */
	for (size_t i = 0; i < n; i++)
		s->gdppc[i] = s->gdp[i] / s->pop[i] * 1000.0;
}

/* The MER/PPP ratio (missing: the median) and the military burden = milex (thousands of
 * US$) / (GDP at MER, millions, * 1000), missing: the median, within [1e-4, 0.5]. */
static void init_mer_burden(mp_sim *s, double *x, double *tmp)
{
	const mp_world *w = s->w;
	const size_t n = s->n;
	for (size_t i = 0; i < n; i++)
		x[i] = isfinite(w->actors[i].gdp_mer) && w->actors[i].gdp_mer > 0 ? w->actors[i].gdp_mer / s->gdp[i]
										  : MP_NA;
	double mer_med = mp_sim__median_finite(x, n, tmp);
	for (size_t i = 0; i < n; i++)
		s->mer[i] = isfinite(x[i]) ? x[i] : (isfinite(mer_med) ? mer_med : 1.0);
	for (size_t i = 0; i < n; i++) {
		double mx = w->actors[i].comp[MP_MILEX];
		x[i] = isfinite(mx) && mx > 0 ? mx / (s->gdp[i] * s->mer[i] * 1000.0) : MP_NA;
	}
	double b_med = mp_sim__median_finite(x, n, tmp);
	if (!isfinite(b_med))
		b_med = 0.02;
	for (size_t i = 0; i < n; i++) {
		double b = isfinite(x[i]) ? x[i] : b_med;
		s->burden[i] = b < 1e-4 ? 1e-4 : (b > 0.5 ? 0.5 : b);
	}
}

/* Ideal points: missing ones take the mean of their pole, else 0. */
static void init_ideal_points(mp_sim *s)
{
	const mp_world *w = s->w;
	const size_t n = s->n;
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
}

/* Dyads: capital distance (mp_world_distance_km; 5000 km when a capital is unknown, at
 * least 100 km), contiguity (COW direct contiguity by land where imported, else capitals
 * within conflict.relevance_km), defence pacts and rivalries (0 where unknown), and the
 * observed start-year trade the trade mechanism anchors on (s->init_trade, NaN where
 * unobserved). They come from the start world's dyads (world/dyads.c: one set of rules),
 * built from the store when the world carries none; the run's own world then drops them
 * (it carries the outputs only). */
static int init_dyads(mp_ctx *ctx, mp_sim *s, mp_store *store)
{
	mp_world *w = s->w;
	const size_t n = s->n, nn = n * n;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			const mp_actor *a = &w->actors[i], *b = &w->actors[j];
			int known = isfinite(a->lat) && isfinite(a->lng) && isfinite(b->lat) && isfinite(b->lng);
			double d = known ? mp_world_distance_km(a->lat, a->lng, b->lat, b->lng) : 5000.0;
			if (d < 100)
				d = 100; /* neighbouring capitals; avoids log(0) */
			s->lndist[i * n + j] = log(d);
			s->contig[i * n + j] = (i != j && d <= s->p.conflict_relevance_km) ? 1.0 : 0.0;
		}
	}
	s->init_conttype = malloc(nn * sizeof *s->init_conttype);
	s->init_lastmid = malloc(nn * sizeof *s->init_lastmid);
	s->init_war = malloc(nn * sizeof *s->init_war);
	if (!s->init_conttype || !s->init_lastmid || !s->init_war)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if (!store && !w->dyads)
		return mp_sim__default_dyads(ctx, s);
	const mp_world_dyads *d = w->dyads;
	mp_world_dyads *built = NULL;
	int rc = MP_OK;
	if (!d && store) {
		int *cc = malloc(n * sizeof *cc);
		if (!cc)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		for (size_t i = 0; i < n; i++)
			cc[i] = w->actors[i].ccode;
		rc = mp_world_dyads_build(ctx, store, w->year, cc, n, NULL, NULL,
					  MP_WORLD_DYAD_CONTIG | MP_WORLD_DYAD_ALLIANCE | MP_WORLD_DYAD_TRADE |
						  MP_WORLD_DYAD_RIVAL,
					  &built);
		free(cc);
		if (rc != MP_OK)
			return rc;
		d = built;
	}
	if (d && d->trade && !(s->init_trade = malloc(nn * sizeof *s->init_trade)))
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t k = 0; d && rc == MP_OK && k < nn; k++) {
		if (d->contig && isfinite(d->contig[k]))
			s->contig[k] = d->contig[k] == 1 ? 1.0 : 0.0;
		s->ally[k] = d->defence && isfinite(d->defence[k]) ? d->defence[k] : 0;
		s->rivalry[k] = d->rival && isfinite(d->rival[k]) ? d->rival[k] : 0;
		if (s->init_trade)
			s->init_trade[k] = d->trade[k];
	}
	/* the conflict mechanism's start state: contiguity types from the world's dyads, the
	   dispute and war history of the pairs from the store (none without one) */
	for (size_t k = 0; k < nn; k++) {
		s->init_conttype[k] = s->init_lastmid[k] = s->init_war[k] = MP_NA;
		if (d && d->contig && d->contig[k] > 0)
			s->init_conttype[k] = d->contig[k];
	}
	if (rc == MP_OK && store) {
		int *cc = malloc(n * sizeof *cc);
		if (!cc)
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		for (size_t i = 0; cc && i < n; i++)
			cc[i] = w->actors[i].ccode;
		double *carry = cc ? malloc(nn * sizeof *carry) : NULL;
		if (cc && !carry)
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		if (carry)
			rc = mp_store__conflict_history(ctx, store, w->year, cc, n, s->init_lastmid, s->init_war,
							carry);
		for (size_t k = 0; carry && rc == MP_OK && k < nn; k++)
			if (carry[k] == 1)
				s->rivalry[k] = 1;
		free(carry);
		free(cc);
	}
	mp_world_dyads_free(built);
	mp_world_dyads_free(w->dyads);
	w->dyads = NULL;
	return rc;
}

/* Politically relevant dyads (Maoz & Russett 1993): contiguous, or one a major power;
 * strategic rivals always count. */
static void init_pairs(mp_sim *s)
{
	const mp_world *w = s->w;
	const size_t n = s->n;
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
}

/* The start year's derived quantities: GDP, trade and capabilities. */
static int measure(mp_ctx *ctx, mp_sim *s)
{
	for (size_t i = 0; i < s->n; i++)
		s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
	mp_sim__trade(s);
	return mp_sim__capabilities(ctx, s);
}

/* The blackboard from the world's data, then every mechanism (docs/sim.md, "Initial
 * state"). */
static int init_state(mp_ctx *ctx, mp_sim *s, mp_store *store)
{
	const size_t n = s->n;
	int rc = MP_OK;
	double *tmp = calloc(n + 1, sizeof *tmp), *x = calloc(n + 1, sizeof *x);
	if (!tmp || !x) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	init_population_gdp(s, x, tmp);
	init_mer_burden(s, x, tmp);
	init_ideal_points(s);
	if ((rc = init_dyads(ctx, s, store)) != MP_OK)
		goto done;
	memset(s->policy, 0, n * MP_NPOL * sizeof *s->policy);
	for (size_t i = 0; i < n; i++)
		s->rival[i] = s->partner[i] = -1;
	init_pairs(s);
	for (int m = 0; m < MP_SIM_NMECH; m++)
		if (mechs[m]->init && (rc = mechs[m]->init(ctx, s, s->mech[m].st)) != MP_OK)
			goto done;
	free(s->init_trade);
	free(s->init_conttype);
	free(s->init_lastmid);
	free(s->init_war);
	s->init_trade = s->init_conttype = s->init_lastmid = s->init_war = NULL;
	if ((rc = measure(ctx, s)) != MP_OK)
		goto done;
	for (int m = 0; m < MP_SIM_NMECH; m++)
		if (mechs[m]->settle && (rc = mechs[m]->settle(ctx, s, s->mech[m].st)) != MP_OK)
			goto done;
	memcpy(s->init, s->pop, s->ndyn * sizeof *s->init);
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		mp_sim_slot *sl = &s->mech[m];
		if (sl->ndyn)
			memcpy(sl->blk + sl->ndyn, sl->blk, sl->ndyn * sizeof *sl->blk);
	}
done:
	free(tmp);
	free(x);
	return rc;
}

/* `<name>.enabled` of every mechanism (absent: always on). */
static void set_switches(mp_sim *s)
{
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		char key[64];
		double v = 1;
		snprintf(key, sizeof key, "%s.enabled", mechs[m]->name);
		if (mp_sim_params_get(&s->p, key, &v) != MP_OK)
			v = 1;
		s->mech[m].on = v > 0;
	}
}

int mp_sim_new(mp_ctx *ctx, const mp_world *w, const mp_sim_opts *opts, mp_sim **out)
{
	mp_sim_opts dflt = MP_SIM_OPTS_INIT;
	mp_scenario *sc_dflt = NULL;
	if (!opts)
		opts = &dflt;
	*out = NULL;
	if (opts->version < 1 || opts->version > MP_SIM_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_sim_new: options version %u is not supported (1-%d)",
				    opts->version, MP_SIM_OPTS_VERSION);
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
	s->units = opts->version >= 2 ? opts->units : NULL;
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
	set_switches(s);
	s->nblk = bind(s, NULL);
	double *b = calloc(s->nblk, sizeof *b);
	if (!b) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	bind(s, b);
	for (int m = 0; m < MP_SIM_NMECH; m++)
		if (slot_alloc(s, m) != MP_OK) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
	if ((rc = mp_sim__levers_resolve(ctx, s, sc, opts->poles)) == MP_OK &&
	    (rc = init_state(ctx, s, opts->store)) == MP_OK)
		mp_sim_reset(s, opts->run);
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
	s->init_trade = s->init_conttype = s->init_lastmid = s->init_war = NULL;
	s->camp = s->camp0 = s->forced = s->rival = s->partner = s->pairs = NULL;
	s->agg = s->gp = s->at_war = NULL;
	for (int m = 0; m < MP_SIM_NMECH; m++)
		s->mech[m].st = NULL, s->mech[m].blk = NULL;
	double *b = malloc(src->nblk * sizeof *b);
	int rc = (b && alloc_ints(s) == MP_OK && mp_world_clone(src->w, &s->w) == MP_OK) ? MP_OK : MP_ENOMEM;
	for (int m = 0; rc == MP_OK && m < MP_SIM_NMECH; m++)
		rc = slot_clone(src, s, m);
	if (rc != MP_OK) {
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
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		mp_sim_slot *sl = &s->mech[m];
		if (sl->ndyn)
			memcpy(sl->blk, sl->blk + sl->ndyn, sl->ndyn * sizeof *sl->blk);
	}
	memcpy(s->camp, s->camp0, s->n * sizeof(int));
	memset(s->at_war, 0, s->n);
	for (size_t i = 0; i < s->n; i++)
		s->rival[i] = s->partner[i] = -1;
	s->wars = s->gp_wars = s->crises = 0;
	/* Per-year scratch that feeds the start year's trade must not leak from a previous run
	 * (the levers' reset sets the start year's sanctions and support again). */
	for (size_t c = 0; c < s->n * s->n; c++)
		s->sanct[c] = s->promote[c] = 0;
	for (size_t i = 0; i < s->n; i++)
		s->grow_add[i] = s->pop_add[i] = s->milex_add[i] = s->level[i] = s->deaths[i] = s->war_loss[i] = 0;
	for (int m = 0; m < MP_SIM_NMECH; m++)
		if (mechs[m]->reset)
			mechs[m]->reset(s, s->mech[m].st);
	(void)measure(NULL, s);
}

int mp_sim_step(mp_ctx *ctx, mp_sim *s)
{
	s->year++;
	for (int m = 0; m < MP_SIM_NMECH; m++) {
		if (m == MP_MECH_TRADE) /* GDP follows population and GDP per head */
			for (size_t i = 0; i < s->n; i++)
				s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
		if (!s->mech[m].on)
			continue;
		int rc = mechs[m]->step(ctx, s, s->mech[m].st);
		if (rc != MP_OK)
			return rc;
	}
	/* no silent inf or NaN cells (issue 16 item 8): a state's people or output out of the
	   range of doubles is the scenario's doing (levers, overrides), an input error */
	for (size_t i = 0; i < s->n; i++)
		if (!isfinite(s->pop[i]) || !isfinite(s->gdppc[i]))
			return mp_error_set(ctx, MP_EINPUT,
					    "simulation, %d: the %s of %s is not finite (%g): the scenario's levers or "
					    "parameters drive it out of range",
					    s->year, isfinite(s->pop[i]) ? "GDP per head" : "population",
					    s->w->actors[i].stateabb, isfinite(s->pop[i]) ? s->gdppc[i] : s->pop[i]);
	return MP_OK;
}

int mp_sim_year(const mp_sim *s)
{
	return s->year;
}
const mp_world *mp_sim_world(const mp_sim *s)
{
	return s->w;
}
const double *mp_sim_cinc(const mp_sim *s)
{
	return s->cinc;
}
size_t mp_sim_ncamps(const mp_sim *s)
{
	return s->ncamps;
}
const char *mp_sim_camp_name(const mp_sim *s, size_t c)
{
	return c < s->ncamps ? s->camp_name[c] : NULL;
}
const int *mp_sim_camps(const mp_sim *s)
{
	return s->camp;
}
int mp_sim_wars(const mp_sim *s)
{
	return s->wars;
}
int mp_sim_gp_wars(const mp_sim *s)
{
	return s->gp_wars;
}
int mp_sim_crises(const mp_sim *s)
{
	return s->crises;
}
const unsigned char *mp_sim_at_war(const mp_sim *s)
{
	return s->at_war;
}
double mp_sim_trade(const mp_sim *s, size_t i, size_t j)
{
	return (i < s->n && j < s->n) ? s->trade[i * s->n + j] : MP_NA;
}
