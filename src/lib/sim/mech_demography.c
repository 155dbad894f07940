/* Demography (docs/demography.md; docs/references.md C2): a cohort-component projection by sex and
 * single year of age for every actor, one year a step (src/lib/demog/cohort.c; Preston,
 * Heuveline & Guillot 2001, ch. 6), driven by probabilistic fertility, mortality and
 * migration:
 *  - total fertility in the UN's three phases (Alkema et al. 2011; Raftery, Alkema &
 *    Gerland 2014), female life expectancy gains by a double-logistic curve with a random
 *    component (Raftery et al. 2013) and the male gap (Raftery, Lalic & Gerland 2014),
 *    each drawn per run in five-year steps (the models' own) and interpolated yearly;
 *    net migration rates AR(1) around a country level drawn per run (Azose & Raftery 2015);
 *  - mortality by age from life expectancy through a Lee-Carter pattern (Lee & Carter
 *    1992): ln m_x(k) = ln m_x(0) + b_x k; a grid of k per actor and sex is built at init
 *    (survival ratios and e0 of each point), so a year interpolates two grid points;
 *  - births from the age pattern of fertility and the sex ratio at birth; migrants by the
 *    actor's age-sex pattern (world/ages.c);
 *  - levers (levers.c) change total fertility (tfr_add) and net migrants (mig_add) and add
 *    deaths by age and sex (excess_deaths, also battle deaths from conflict).
 * The cohorts start from the world's WPP structure scaled to the actor's tpop. Urban
 * population follows a logistic urban share (demography.urban_speed, urban_max; COW upop,
 * cities of 100,000+). Without age data (no WPP imported, no data/world/ages.csv) the
 * reduced form P_t+1 = P_t (1 + n_t), n_t+1 = n_t + lambda (n_LR - n_t) of the previous
 * model runs instead. Blackboard outputs: pop, pop_urban, pop_working (15-64),
 * pop_military (men 18-49). */
#include <string.h>

#include "sim/sim_internal.h"

#define K 21     /* survival grid points per actor and sex */
#define NKNOT 31 /* five-year knots drawn per run: 150 years */
#define NPAR 8   /* per-country parameters */
/* the run's own stream for the per-run draws (mech.h: in [MP_SIM_S_RUN, 16)) */
#define STREAM_RUN (MP_SIM_S_RUN + 2)

enum { P_TSCALE, P_TSCALE_SE, P_PHASE3, P_ESHIFT, P_ESHIFT_SE, P_MMEAN, P_MDEV, P_MSD };
enum { C_TFR, C_E0F, C_E0M, C_BIRTHS, C_A014, C_A65, C_MED, NCUR };

typedef struct demog_state {
	int cohort; /* 1: the cohort engine; 0: the reduced form */
	/* dynamic */
	double *f, *m;                 /* n x MP_DEMOG_AGES cohorts, thousands */
	double *urb;                   /* n: urban share */
	double *ngr;                   /* n: growth of the last year (reduced form: n_t) */
	double *tfr_k, *e0f_k, *e0m_k; /* n x NKNOT: the run's five-year paths */
	double *mig_k;                 /* n x NKNOT: the run's net migration rates, five-year knots */
	double *cur;                   /* n x NCUR: the year's rates (outputs) */
	/* constants */
	double *gs;                              /* n x 2 x K x MP_DEMOG_AGES survival ratios */
	double *ge;                              /* n x 2 x K: e0 of each grid point, ascending */
	double *fert;                            /* n x MP_DEMOG_FERT_AGES shares of TFR */
	double *mpat;                            /* n x 2 x MP_DEMOG_AGES migrants' distribution */
	double *srb, *tfr0, *e0f0, *e0m0, *mig0; /* n */
	double *par;                             /* n x NPAR */
} demog_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	demog_state *st = vst;
	const size_t n = s->n, A = MP_DEMOG_AGES;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, f, n * A);
	MP_SIM_TAKE(st, b, o, m, n * A);
	MP_SIM_TAKE(st, b, o, urb, n);
	MP_SIM_TAKE(st, b, o, ngr, n);
	MP_SIM_TAKE(st, b, o, tfr_k, n * NKNOT);
	MP_SIM_TAKE(st, b, o, e0f_k, n * NKNOT);
	MP_SIM_TAKE(st, b, o, e0m_k, n * NKNOT);
	MP_SIM_TAKE(st, b, o, mig_k, n * NKNOT);
	MP_SIM_TAKE(st, b, o, cur, n * NCUR);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, gs, n * 2 * K * A);
	MP_SIM_TAKE(st, b, o, ge, n * 2 * K);
	MP_SIM_TAKE(st, b, o, fert, n * MP_DEMOG_FERT_AGES);
	MP_SIM_TAKE(st, b, o, mpat, n * 2 * A);
	MP_SIM_TAKE(st, b, o, srb, n);
	MP_SIM_TAKE(st, b, o, tfr0, n);
	MP_SIM_TAKE(st, b, o, e0f0, n);
	MP_SIM_TAKE(st, b, o, e0m0, n);
	MP_SIM_TAKE(st, b, o, mig0, n);
	MP_SIM_TAKE(st, b, o, par, n * NPAR);
	return o;
}

static void tfr_model(const mp_sim_params *p, mp_demog_tfr_model *m)
{
	m->D[0] = p->demography_tfr_d1;
	m->D[1] = p->demography_tfr_d2;
	m->D[2] = p->demography_tfr_d3;
	m->D[3] = p->demography_tfr_d4;
	m->d = p->demography_tfr_dmax;
	m->sd_a = p->demography_tfr_sd_a;
	m->sd_b = p->demography_tfr_sd_b;
	m->sd_min = p->demography_tfr_sd_min;
	m->mu = p->demography_tfr_mu;
	m->rho = p->demography_tfr_rho;
	m->sd3 = p->demography_tfr_sd3;
	m->phase3_below = p->demography_tfr_phase3;
}

static void e0_model(const mp_sim_params *p, mp_demog_e0_model *m)
{
	m->D[0] = p->demography_e0_d1;
	m->D[1] = p->demography_e0_d2;
	m->D[2] = p->demography_e0_d3;
	m->D[3] = p->demography_e0_d4;
	m->k = p->demography_e0_k;
	m->z = p->demography_e0_z;
	m->sd_a = p->demography_e0_sd_a;
	m->sd_b = p->demography_e0_sd_b;
	m->sd_min = p->demography_e0_sd_min;
	m->rho = p->demography_e0_rho;
	m->gap0 = p->demography_gap_0;
	m->gap1 = p->demography_gap_1;
	m->gap2 = p->demography_gap_2;
	m->gap_sd = p->demography_gap_sd;
	m->e_max = 105;
}

/* e0 of the schedule ln m_x = ln m0_x + b_x k. */
static double e0_of(int sex, const double *mx0, const double *b, double k, double *L)
{
	double mx[MP_DEMOG_NMX];
	for (int i = 0; i < MP_DEMOG_NMX; i++)
		mx[i] = mx0[i] * exp(b[i] * k);
	return mp_demog_lt1(sex, mx, L);
}

/* Lee-Carter grid of one actor and sex (Lee & Carter 1992): K points evenly spaced in e0
 * from max(15, e0 - 20) to 98, each the schedule ln m_x = ln m0_x + b_x(e) k whose life
 * expectancy is that e0 (k by bisection). The age pattern turns with life expectancy, as
 * Li, Lee & Gerland (2013, Demography 50) do for long horizons: b_x(e) moves from the
 * country's own pattern at its current e0 to equal proportional declines at every age
 * (b = 1/22) at e0 85, so gains do not stall once infant mortality is low. */
static void build_grid(int sex, const double *mx0, const double *b0, double *gs, double *ge)
{
	double L[MP_DEMOG_AGES], b[MP_DEMOG_NMX];
	double e00 = mp_demog_lt1(sex, mx0, L);
	double lo = e00 - 20 > 15 ? e00 - 20 : 15, hi = 98;
	if (lo > hi - 5)
		lo = hi - 5;
	for (int j = 0; j < K; j++) {
		double e = lo + (hi - lo) * j / (K - 1.0);
		double w = e <= e00 ? 0 : e >= 85 ? 1 : (e - e00) / (85 - e00 > 1 ? 85 - e00 : 1);
		for (int i = 0; i < MP_DEMOG_NMX; i++)
			b[i] = (1 - w) * b0[i] + w / MP_DEMOG_NMX;
		/* bracket k (e0 falls as k rises), then regula falsi with the Illinois
		   modification (Dowell & Jarratt 1971) to 1e-7 years */
		double ka = -1, kb = 1, ea, eb;
		for (int it = 0; it < 40 && (ea = e0_of(sex, mx0, b, ka, L)) < e; it++)
			ka *= 2;
		for (int it = 0; it < 40 && (eb = e0_of(sex, mx0, b, kb, L)) > e; it++)
			kb *= 2;
		double fa = ea - e, fb = eb - e, k = ka;
		int side = 0;
		for (int it = 0; it < 60 && fa != fb; it++) {
			k = (ka * fb - kb * fa) / (fb - fa);
			double fk = e0_of(sex, mx0, b, k, L) - e;
			if (fabs(fk) < 1e-7)
				break;
			if ((fk > 0) == (fa > 0)) {
				ka = k, fa = fk;
				if (side == -1)
					fb /= 2;
				side = -1;
			} else {
				kb = k, fb = fk;
				if (side == 1)
					fa /= 2;
				side = 1;
			}
		}
		ge[j] = e0_of(sex, mx0, b, k, L);
		mp_demog_survival(L, MP_DEMOG_AGES, 1, gs + (size_t)j * MP_DEMOG_AGES);
	}
	for (int j = 1; j < K; j++) /* keep it ascending (the ends may not be reachable) */
		if (ge[j] <= ge[j - 1])
			ge[j] = ge[j - 1] + 1e-6;
}

/* Survival ratios for life expectancy e by linear interpolation in the grid. */
static void survival_at(const double *gs, const double *ge, double e, double *sx)
{
	int j = 0;
	while (j < K - 2 && ge[j + 1] < e)
		j++;
	double w = ge[j + 1] > ge[j] ? (e - ge[j]) / (ge[j + 1] - ge[j]) : 0;
	w = w < 0 ? 0 : w > 1 ? 1 : w;
	const double *a = gs + (size_t)j * MP_DEMOG_AGES, *c = a + MP_DEMOG_AGES;
	for (int x = 0; x < MP_DEMOG_AGES; x++)
		sx[x] = a[x] + w * (c[x] - a[x]);
}

/* The fallback record of an actor without data: the sum of those with data. */
static int pooled_record(const mp_world *w, mp_actor_demog *out)
{
	memset(out, 0, sizeof *out);
	int any = 0;
	for (size_t i = 0; i < w->n; i++)
		if (w->demog[i].source != MP_AGES_NONE) {
			mp_actor_demog tmp = *out;
			if (!any)
				*out = w->demog[i];
			else {
				mp_world_ages_merge(&tmp, &w->demog[i]);
				*out = tmp;
			}
			any = 1;
		}
	return any;
}

/* The blackboard's populations and the year's age indicators (outputs read them). */
static void set_outputs(mp_sim *s, demog_state *st, size_t i)
{
	const double *f = st->f + i * MP_DEMOG_AGES, *m = st->m + i * MP_DEMOG_AGES;
	double tot = 0, work = 0, mil = 0, young = 0, v[MP_DEMOG_AGES];
	for (int a = 0; a < MP_DEMOG_AGES; a++) {
		v[a] = f[a] + m[a];
		tot += v[a];
		if (a < 15)
			young += v[a];
		else if (a < 65)
			work += v[a];
		if (a >= 18 && a < 50)
			mil += m[a];
	}
	double *c = st->cur + i * NCUR, half = tot / 2, cum = 0, med = 0;
	for (int a = 0; a < MP_DEMOG_AGES; a++) {
		if (cum + v[a] >= half && v[a] > 0) {
			med = a + (half - cum) / v[a]; /* linear within the year of age */
			break;
		}
		cum += v[a];
	}
	c[C_A014] = young;
	c[C_A65] = tot - young - work;
	c[C_MED] = med;
	s->pop[i] = tot > 1e-9 ? tot : 1e-9;
	s->pop_working[i] = work;
	s->pop_military[i] = mil;
}

static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	demog_state *st = vst;
	const mp_sim_params *p = &s->p;
	const mp_world *w = s->w;
	const size_t A = MP_DEMOG_AGES;
	mp_actor_demog pooled;
	st->cohort = w->demog && pooled_record(w, &pooled);
	for (size_t i = 0; i < s->n; i++) {
		double up = w->actors[i].comp[MP_UPOP];
		st->urb[i] = isfinite(up) && up >= 0 ? up / s->pop[i] : MP_NA;
		st->ngr[i] = p->demography_n_a + p->demography_n_b * log(s->gdppc[i]);
		if (!st->cohort) {
			s->pop_working[i] = s->pop_military[i] = MP_NA;
			s->pop_urban[i] = isfinite(st->urb[i]) ? st->urb[i] * s->pop[i] : MP_NA;
			continue;
		}
		const mp_actor_demog *d = w->demog[i].source != MP_AGES_NONE ? &w->demog[i] : &pooled;
		double tot = 0;
		for (int x = 0; x < 2; x++)
			for (size_t a = 0; a < A; a++)
				tot += d->pop[x][a];
		double sc = tot > 0 ? s->pop[i] / tot : 0;
		for (size_t a = 0; a < A; a++) {
			st->f[i * A + a] = sc * d->pop[0][a];
			st->m[i * A + a] = sc * d->pop[1][a];
		}
		for (int x = 0; x < 2; x++)
			build_grid(x, d->mx[x], d->lc_b[x], st->gs + (i * 2 + (size_t)x) * K * A,
				   st->ge + (i * 2 + (size_t)x) * K);
		memcpy(st->fert + i * MP_DEMOG_FERT_AGES, d->fert, sizeof d->fert);
		for (int x = 0; x < 2; x++)
			memcpy(st->mpat + (i * 2 + (size_t)x) * A, d->mig[x], sizeof d->mig[x]);
		st->srb[i] = d->srb > 0.9 && d->srb < 1.3 ? d->srb : 1.05;
		st->tfr0[i] = d->tfr;
		st->e0f0[i] = d->e0[0];
		st->e0m0[i] = d->e0[1];
		st->mig0[i] = d->mig_rate;
		double *q = st->par + i * NPAR;
		q[P_TSCALE] = mp_sim__unit(s, i, "demography.tfr_scale", 1.0);
		q[P_TSCALE_SE] = mp_sim__unit(s, i, "demography.tfr_scale_se", p->demography_tfr_scale_sd);
		q[P_PHASE3] = mp_sim__unit(s, i, "demography.tfr_phase3", d->tfr < p->demography_tfr_phase3 ? 1 : 0);
		q[P_ESHIFT] = mp_sim__unit(s, i, "demography.e0_shift", 0.0);
		q[P_ESHIFT_SE] = 0;
		q[P_MMEAN] = mp_sim__unit(s, i, "demography.mig_mean", d->mig_rate);
		q[P_MDEV] = mp_sim__unit(s, i, "demography.mig_dev", 0.0);
		q[P_MSD] = mp_sim__unit(
			s, i, "demography.mig_sd",
			exp(p->demography_mig_sd_a + p->demography_mig_sd_b * log(s->pop[i] > 1 ? s->pop[i] : 1)));
		set_outputs(s, st, i);
		s->pop_urban[i] = isfinite(st->urb[i]) ? st->urb[i] * s->pop[i] : MP_NA;
		double *c = st->cur + i * NCUR;
		c[C_TFR] = d->tfr;
		c[C_E0F] = d->e0[0];
		c[C_E0M] = d->e0[1];
		c[C_BIRTHS] = 0;
	}
	(void)ctx;
	return MP_OK;
}

/* The run's paths: five-year knots of TFR and e0 from the start values, yearly migration
 * rates; the same count of normals for every actor (a fixed stream layout). */
static void reset(mp_sim *s, void *vst)
{
	demog_state *st = vst;
	if (!st->cohort)
		return;
	const mp_sim_params *p = &s->p;
	const int draw = p->demography_uncertainty > 0;
	mp_demog_tfr_model tm;
	mp_demog_e0_model em;
	tfr_model(p, &tm);
	e0_model(p, &em);
	mp_rng r;
	mp_sim__rng(s, &r, STREAM_RUN);
	memset(s->excess_deaths, 0, s->n * 2 * MP_DEMOG_AGES * sizeof *s->excess_deaths);
	for (size_t i = 0; i < s->n; i++) {
		const double *q = st->par + i * NPAR;
		double z[3];
		for (int k = 0; k < 3; k++)
			z[k] = mp_rng_normal(&r) * draw;
		double scale = q[P_TSCALE] + q[P_TSCALE_SE] * z[0];
		scale = scale < 0.2 ? 0.2 : scale > 3 ? 3 : scale;
		double res = q[P_ESHIFT]; /* the last gain residual; z[1] kept for the stream layout */
		(void)z[2];               /* (kept for the stream layout) */
		double *tk = st->tfr_k + i * NKNOT, *ef = st->e0f_k + i * NKNOT, *emk = st->e0m_k + i * NKNOT;
		double f = st->tfr0[i], e = st->e0f0[i], gap = st->e0f0[i] - st->e0m0[i];
		int phase3 = q[P_PHASE3] > 0.5;
		tk[0] = f, ef[0] = e, emk[0] = e - gap;
		for (int k = 1; k < NKNOT; k++) {
			double u1 = mp_rng_normal(&r) * draw, u2 = mp_rng_normal(&r) * draw,
			       u3 = mp_rng_normal(&r) * draw;
			/* fertility (Alkema et al. 2011; Raftery et al. 2014) */
			if (phase3)
				f = tm.mu + tm.rho * (f - tm.mu) + tm.sd3 * u1;
			else {
				double sd = tm.sd_a + tm.sd_b * f;
				f = f - scale * mp_demog_tfr_decrement(&tm, f) + (sd > tm.sd_min ? sd : tm.sd_min) * u1;
				if (f < tm.phase3_below)
					phase3 = 1;
			}
			f = f < 0.5 ? 0.5 : f > 9 ? 9 : f;
			/* female life expectancy (Raftery et al. 2013) and the male gap */
			double sde = em.sd_a + em.sd_b * e;
			res = em.rho * res + (sde > em.sd_min ? sde : em.sd_min) * u2;
			double en = e + mp_demog_e0_gain(&em, e) + res;
			double over = e > 75 ? e - 75 : 0;
			gap = em.gap0 + em.gap1 * gap + em.gap2 * over + em.gap_sd * u3;
			gap = gap < 0 ? 0 : gap > 20 ? 20 : gap;
			e = en > em.e_max ? em.e_max : en < 15 ? 15 : en;
			tk[k] = f, ef[k] = e, emk[k] = e - gap;
		}
		/* migration: five-year blocks (block k: years 5k-4 .. 5k), AR(1) deviations from
		   the level with innovations from the fitted scale mixture (two draws a block
		   whatever the branch: a fixed stream layout), starting from the recent
		   deviation; knot 0 the start's recent rate */
		double *mk = st->mig_k + i * NKNOT, dev = q[P_MDEV];
		const double tp = p->demography_mig_tail_p, tkk = p->demography_mig_tail_k;
		const double norm = p->demography_mig_core;
		mk[0] = st->mig0[i];
		for (int k = 1; k < NKNOT; k++) {
			double u = mp_rng_uniform(&r), zz = mp_rng_normal(&r);
			double sc = (u < tp ? tkk : 1.0) * norm;
			dev = p->demography_mig_rho * dev +
			      q[P_MSD] * sc * zz * draw * (p->demography_mig_uncertainty > 0);
			mk[k] = q[P_MMEAN] + dev;
		}
	}
}

/* A path's value at t years after the start (linear between the five-year knots). */
static double knot_at(const double *k, double t)
{
	double u = t / 5.0;
	if (u <= 0)
		return k[0];
	int j = (int)u;
	if (j >= NKNOT - 1)
		return k[NKNOT - 1];
	double w = u - j;
	return k[j] + w * (k[j + 1] - k[j]);
}

/* Removes the excess deaths of actor i: each sex-age weight times its people, scaled to
 * the total of the weights. */
static void apply_excess(mp_sim *s, demog_state *st, size_t i)
{
	const size_t A = MP_DEMOG_AGES;
	double *e = s->excess_deaths + i * 2 * A;
	double total = 0, exposed = 0;
	for (size_t k = 0; k < 2 * A; k++)
		total += e[k];
	if (total <= 0)
		return;
	double *pop[2] = { st->f + i * A, st->m + i * A };
	for (int x = 0; x < 2; x++)
		for (size_t a = 0; a < A; a++)
			exposed += e[x * A + a] * pop[x][a];
	for (int x = 0; x < 2 && exposed > 0; x++)
		for (size_t a = 0; a < A; a++) {
			double d = total * e[x * A + a] * pop[x][a] / exposed;
			pop[x][a] = d < pop[x][a] ? pop[x][a] - d : 0;
		}
	memset(e, 0, 2 * A * sizeof *e);
}

void mp_sim__war_deaths(mp_sim *s, size_t i, double thousands)
{
	if (!(thousands > 0) || i >= s->n)
		return;
	double *e = s->excess_deaths + i * 2 * MP_DEMOG_AGES + MP_DEMOG_AGES; /* men */
	/* uniform weights over men 18-49 summing to the deaths; apply_excess spreads them in
	   proportion to the men of each age (battle deaths are soldiers' deaths: Obermeyer,
	   Murray & Gakidou 2008 count young adult men) */
	for (int a = 18; a < 50; a++)
		e[a] += thousands / 32.0;
}

static int step_reduced(mp_sim *s, demog_state *st)
{
	const mp_sim_params *p = &s->p;
	const double lam = p->demography_transition, nlr = p->demography_n_longrun;
	for (size_t i = 0; i < s->n; i++) {
		st->ngr[i] += lam * (nlr - st->ngr[i]);
		double g = st->ngr[i] + s->pop_add[i];
		if (g < -0.05)
			g = -0.05; /* no state loses more than 5% of its people a year by these rules */
		s->pop[i] *= 1.0 + g;
	}
	return MP_OK;
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	demog_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t A = MP_DEMOG_AGES;
	if (!st->cohort)
		step_reduced(s, st);
	else {
		const double t = s->year - s->year0 - 0.5; /* the year's rates at its middle */
		/* migration knots are five-year block means: block 1 holds years 1-5 */
		const int jb = (int)(t / 5) + 1 < NKNOT ? (int)(t / 5) + 1 : NKNOT - 1;
		double sx[2][MP_DEMOG_AGES], fx[MP_DEMOG_FERT_FIRST + MP_DEMOG_FERT_AGES], mig[2][MP_DEMOG_AGES];
		for (size_t i = 0; i < s->n; i++) {
			double *f = st->f + i * A, *m = st->m + i * A, *c = st->cur + i * NCUR;
			apply_excess(s, st, i);
			double before = s->pop[i];
			double tfr = knot_at(st->tfr_k + i * NKNOT, t) + s->tfr_add[i];
			tfr = tfr > 0 ? tfr : 0;
			double e0[2] = { knot_at(st->e0f_k + i * NKNOT, t), knot_at(st->e0m_k + i * NKNOT, t) };
			for (int x = 0; x < 2; x++)
				survival_at(st->gs + (i * 2 + (size_t)x) * K * A, st->ge + (i * 2 + (size_t)x) * K,
					    e0[x], sx[x]);
			const double *sh = st->fert + i * MP_DEMOG_FERT_AGES;
			for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
				fx[MP_DEMOG_FERT_FIRST + a] = tfr * sh[a];
			double total = st->mig_k[i * NKNOT + (size_t)jb] * before + s->mig_add[i];
			for (int x = 0; x < 2; x++) {
				const double *pt = st->mpat + (i * 2 + (size_t)x) * A;
				for (size_t a = 0; a < A; a++)
					mig[x][a] = total * pt[a];
			}
			mp_demog_rates r = { 1,          MP_DEMOG_AGES,       { sx[0], sx[1] },
					     fx,         MP_DEMOG_FERT_FIRST, MP_DEMOG_FERT_AGES,
					     st->srb[i], { mig[0], mig[1] },  MP_DEMOG_MIG_HALF };
			mp_demog_events ev;
			mp_demog_step(&r, f, m, &ev);
			set_outputs(s, st, i);
			st->ngr[i] = s->pop[i] / before - 1;
			c[C_TFR] = tfr;
			c[C_E0F] = e0[0];
			c[C_E0M] = e0[1];
			c[C_BIRTHS] = ev.births[0] + ev.births[1];
		}
	}
	/* the urban share: logistic toward urban_max (UN World Urbanization Prospects 2018,
	   methodology: urban-rural growth difference), fitted on COW upop/tpop */
	const double k = p->demography_urban_speed, umax = p->demography_urban_max;
	for (size_t i = 0; i < s->n; i++) {
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

int mp_sim_demography(const mp_sim *s, size_t i, mp_sim_demog *out)
{
	const demog_state *st = mp_sim__state(s, MP_MECH_DEMOGRAPHY);
	if (!st || !st->cohort || i >= s->n)
		return MP_ENOTFOUND;
	const size_t A = MP_DEMOG_AGES;
	const double *f = st->f + i * A, *m = st->m + i * A, *c = st->cur + i * NCUR;
	out->total = s->pop[i];
	out->age0_14 = c[C_A014];
	out->age15_64 = s->pop_working[i];
	out->age65p = c[C_A65];
	out->dependency = out->age15_64 > 0 ? out->age65p / out->age15_64 : 0;
	out->median_age = c[C_MED];
	out->military = s->pop_military[i];
	out->tfr = c[C_TFR];
	out->e0f = c[C_E0F];
	out->e0m = c[C_E0M];
	/* both sexes: weighted by the sex ratio at birth (the births of a stationary
	   population; Preston et al. 2001, ch. 3) */
	out->e0 = (c[C_E0F] + st->srb[i] * c[C_E0M]) / (1 + st->srb[i]);
	out->births = c[C_BIRTHS];
	out->pop_f = f;
	out->pop_m = m;
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_demography = { "demography", sizeof(demog_state), layout, init, NULL, reset, step };
