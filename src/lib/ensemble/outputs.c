/* The per-year outputs of a run, measured with the same metrics as history (metrics.h):
 * per state, per pole and for the system (docs/sim.md, "Outputs"). */
#include "ensemble/outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "multipolar/metrics.h"

#define MAX_POLES 32

static const char *const state_vars[] = { "cinc_share", "gdp_share", "pop", "milex_share", "ideal_point", "war" };
static const char *const pole_vars[] = { "cinc_share", "gdp_share", "pop", "milex_share", "ideal_point" };
static const char *const sys_vars[] = { "con",        "n_eff",      "n_golosov",    "leader_share",
					"multipolar", "con_states", "n_eff_states", "war",
					"gp_war",     "crises",     "gp_war_ever" };
/* Economy and military block (docs/economy.md, "Outputs"), per state and pole, after the
 * rest: GDP at PPP (millions, the start world's prices) and at market exchange rates
 * (millions of US$ at the start year's prices), the MER share, GDP per head, growth of GDP
 * at PPP (log change; poles: GDP-weighted), spending (thousands of US$), burden (spending /
 * GDP at MER), personnel (thousands), iron and steel (thousand tons), energy (thousand
 * coal-ton equivalents). */
static const char *const econ_vars[] = { "gdp_ppp", "gdp_mer", "gdp_mer_share", "gdp_per_capita", "growth",
					 "milex",   "burden",  "milper",        "irst",           "pec" };
#define NEV (sizeof econ_vars / sizeof econ_vars[0])
/* Per pair of great powers A/B (A the lower COW code): CINC of A over B, the share of A's
 * trade with B and of B's with A, and their ratio (A's dependence on B relative to B's). */
static const char *const gp_pair_vars[] = { "cinc_ratio", "trade_share_ab", "trade_share_ba", "dependence_ratio" };
#define NGV (sizeof gp_pair_vars / sizeof gp_pair_vars[0])
#define NSV (sizeof state_vars / sizeof state_vars[0])
#define NPV (sizeof pole_vars / sizeof pole_vars[0])
#define NYV (sizeof sys_vars / sizeof sys_vars[0])

/* Indicators: a state's war and camp membership; the system's war, gp_war, multipolar. */
static int is_binary(const char *unit, const char *var)
{
	if (!strcmp(unit, "system"))
		return !strcmp(var, "war") || !strcmp(var, "gp_war") || !strcmp(var, "multipolar") ||
		       !strcmp(var, "gp_war_ever");
	return !strcmp(var, "war") || (!strncmp(var, "camp_", 5) && !strstr(var, "_cinc"));
}

/* ---- demography (docs/demography.md, "Outputs"): a self-contained block ---- */

static const char *const demog_vars[] = { "pop_0_14",   "working_age", "pop_65p", "old_age_dependency",
					  "median_age", "tfr",         "e0" };
#define NDV (sizeof demog_vars / sizeof demog_vars[0])
#define NPYR (2 * MP_DEMOG_GROUPS)

/* Variables of the block: NDV per state and pole, NPYR per pole (their pyramids, for the
 * report), NPYR for a requested state's pyramid. */
static size_t demog_count(const mp_outputs *o)
{
	return (o->demog ? (o->nstates + (size_t)o->npoles) * NDV + (size_t)o->npoles * NPYR : 0) +
	       (o->pyr_actor >= 0 ? NPYR : 0);
}

/* Sums of one group of actors (a state, or a pole's members). */
typedef struct demog_acc {
	double f[MP_DEMOG_AGES], m[MP_DEMOG_AGES];
	double tfr_w, women, e0_w, people;
} demog_acc;

static void acc_add(demog_acc *a, const mp_sim_demog *d)
{
	double w = 0;
	for (int k = 0; k < MP_DEMOG_AGES; k++) {
		a->f[k] += d->pop_f[k];
		a->m[k] += d->pop_m[k];
		if (k >= 15 && k < 50)
			w += d->pop_f[k];
	}
	a->tfr_w += d->tfr * w;
	a->women += w;
	a->e0_w += d->e0 * d->total;
	a->people += d->total;
}

static double *acc_write(const demog_acc *a, double *out)
{
	mp_demog_summary sm;
	mp_demog_summarise(a->f, a->m, MP_DEMOG_AGES, 1, &sm);
	*out++ = sm.age0_14;
	*out++ = sm.age15_64;
	*out++ = sm.age65p;
	*out++ = sm.dependency;
	*out++ = sm.median_age;
	*out++ = a->women > 0 ? a->tfr_w / a->women : MP_NA;
	*out++ = a->people > 0 ? a->e0_w / a->people : MP_NA;
	return out;
}

static double *pyr_write(const demog_acc *a, double *out)
{
	double g[MP_DEMOG_GROUPS];
	mp_demog_pop_to_groups(a->f, g);
	for (int k = 0; k < MP_DEMOG_GROUPS; k++)
		*out++ = g[k];
	mp_demog_pop_to_groups(a->m, g);
	for (int k = 0; k < MP_DEMOG_GROUPS; k++)
		*out++ = g[k];
	return out;
}

/* Writes the block's values (in the order the variables were added). */
static void demog_record(const mp_outputs *o, const mp_sim *s, double *out)
{
	const mp_world *w = mp_sim_world(s);
	demog_acc pole[MAX_POLES], one;
	if (o->demog)
		memset(pole, 0, sizeof pole);
	mp_sim_demog d;
	for (size_t i = 0; i < w->n; i++) {
		if (mp_sim_demography(s, i, &d) != MP_OK)
			continue;
		int p = w->actors[i].pole;
		if (o->demog && p >= 0 && p < o->npoles)
			acc_add(&pole[p], &d);
		if (o->demog && w->actors[i].ccode != 0) {
			*out++ = d.age0_14;
			*out++ = d.age15_64;
			*out++ = d.age65p;
			*out++ = d.dependency;
			*out++ = d.median_age;
			*out++ = d.tfr;
			*out++ = d.e0;
		}
	}
	for (int p = 0; o->demog && p < o->npoles; p++)
		out = acc_write(&pole[p], out);
	const int y = mp_sim_year(s);
	const int every = o->pyr_last == 0 || y % 5 == 0 || y == o->pyr_first || y == o->pyr_last;
	for (int p = 0; o->demog && p < o->npoles; p++)
		if (every || p == o->pyr_pole)
			out = pyr_write(&pole[p], out);
		else
			for (int k = 0; k < NPYR; k++)
				*out++ = MP_NA;
	if (o->pyr_actor >= 0 && mp_sim_demography(s, (size_t)o->pyr_actor, &d) == MP_OK) {
		memset(&one, 0, sizeof one);
		acc_add(&one, &d);
		pyr_write(&one, out);
	}
}

int mp_outputs_init(mp_outputs *o, const mp_sim *s, const mp_poles *poles)
{
	return mp_outputs_init_pyramid(o, s, poles, NULL);
}

int mp_outputs_init_pyramid(mp_outputs *o, const mp_sim *s, const mp_poles *poles, const char *unit)
{
	memset(o, 0, sizeof *o);
	o->pyr_actor = o->pyr_pole = -1;
	const mp_world *w = mp_sim_world(s);
	size_t nc = mp_sim_ncamps(s);
	int np = poles ? mp_poles_count(poles) : 0;
	if (np > MAX_POLES)
		np = MAX_POLES;
	size_t ns = 0;
	for (size_t i = 0; i < w->n; i++)
		ns += w->actors[i].ccode != 0;
	o->nstates = ns;
	o->npoles = np;
	o->ncamps = nc;
	const unsigned char *gp = mp_sim_great_powers(s);
	size_t ngp = 0;
	for (size_t i = 0; i < w->n; i++)
		ngp += gp[i] != 0;
	mp_sim_demog probe;
	o->demog = w->n > 0 && mp_sim_demography(s, 0, &probe) == MP_OK;
	if (unit && o->demog) {
		if (!strncasecmp(unit, "pole:", 5)) /* the poles' pyramids are always there */
			o->pyr_pole = poles ? mp_poles_find(poles, unit + 5) : MP_POLE_NONE;
		else
			o->pyr_actor = mp_world_find_name(w, unit);
		if (o->pyr_pole < 0 && o->pyr_actor < 0)
			return MP_ENOTFOUND;
	} else if (unit)
		return MP_ENOTFOUND;
	size_t k = ns * (NSV + nc + 1) + (size_t)np * NPV + NYV + nc + 1 + ngp * ngp * NGV + (ns + (size_t)np) * NEV +
		   demog_count(o);
	o->vars = calloc(k, sizeof *o->vars);
	if (!o->vars)
		return MP_ENOMEM;
	size_t v = 0;
#define ADD(u, name)                                                                                                   \
	do {                                                                                                           \
		snprintf(o->vars[v].unit, sizeof o->vars[v].unit, "%s", (u));                                          \
		snprintf(o->vars[v].variable, sizeof o->vars[v].variable, "%s", (name));                               \
		o->vars[v].binary = is_binary(o->vars[v].unit, o->vars[v].variable);                                   \
		v++;                                                                                                   \
	} while (0)
	char buf[48];
	for (size_t i = 0; i < w->n; i++) {
		if (w->actors[i].ccode == 0)
			continue;
		const char *u = w->actors[i].stateabb;
		for (size_t j = 0; j < NSV; j++)
			ADD(u, state_vars[j]);
		for (size_t c = 0; c < nc; c++) {
			snprintf(buf, sizeof buf, "camp_%s", mp_sim_camp_name(s, c));
			ADD(u, buf);
		}
		ADD(u, "camp_nonaligned");
		for (size_t q = v - NSV - nc - 1; q < v; q++)
			o->vars[q].ccode = w->actors[i].ccode;
	}
	for (int p = 0; p < np; p++)
		for (size_t j = 0; j < NPV; j++)
			ADD(mp_poles_name(poles, p), pole_vars[j]);
	for (size_t j = 0; j < NYV; j++)
		ADD("system", sys_vars[j]);
	for (size_t c = 0; c < nc; c++) {
		snprintf(buf, sizeof buf, "camp_%s_cinc", mp_sim_camp_name(s, c));
		ADD("system", buf);
	}
	ADD("system", "camp_nonaligned_cinc");
	for (size_t i = 0; i < w->n; i++)
		for (size_t j = i + 1; gp[i] && j < w->n; j++)
			if (gp[j]) {
				snprintf(buf, sizeof buf, "%s/%s", w->actors[i].stateabb, w->actors[j].stateabb);
				for (size_t g = 0; g < NGV; g++)
					ADD(buf, gp_pair_vars[g]);
			}
	for (size_t i = 0; i < w->n; i++)
		for (size_t j = 0; w->actors[i].ccode != 0 && j < NEV; j++) {
			ADD(w->actors[i].stateabb, econ_vars[j]);
			o->vars[v - 1].ccode = w->actors[i].ccode;
		}
	for (int p = 0; p < np; p++)
		for (size_t j = 0; j < NEV; j++)
			ADD(mp_poles_name(poles, p), econ_vars[j]);
	for (size_t i = 0; o->demog && i < w->n; i++)
		if (w->actors[i].ccode != 0)
			for (size_t j = 0; j < NDV; j++) {
				ADD(w->actors[i].stateabb, demog_vars[j]);
				o->vars[v - 1].ccode = w->actors[i].ccode;
			}
	for (int p = 0; o->demog && p < np; p++)
		for (size_t j = 0; j < NDV; j++)
			ADD(mp_poles_name(poles, p), demog_vars[j]);
	for (int p = 0; o->demog && p < np; p++)
		for (int x = 0; x < 2; x++)
			for (int a = 0; a < MP_DEMOG_GROUPS; a++) {
				snprintf(buf, sizeof buf, "pyramid_%c_%d", x ? 'M' : 'F', 5 * a);
				ADD(mp_poles_name(poles, p), buf);
			}
	if (o->pyr_actor >= 0)
		for (int x = 0; x < 2; x++)
			for (int a = 0; a < MP_DEMOG_GROUPS; a++) {
				snprintf(buf, sizeof buf, "pyramid_%c_%d", x ? 'M' : 'F', 5 * a);
				ADD(w->actors[o->pyr_actor].stateabb, buf);
				o->vars[v - 1].ccode = w->actors[o->pyr_actor].ccode;
			}
#undef ADD
	o->k = v;
	return MP_OK;
}

void mp_outputs_free(mp_outputs *o)
{
	if (o) {
		free(o->vars);
		o->vars = NULL;
	}
}

/* The economy and military block (econ_vars), per state then per pole. */
static void record_econ(const mp_outputs *o, const mp_sim *s, double *out)
{
	const mp_world *w = mp_sim_world(s);
	const int np = o->npoles;
	double tmer = 0;
	for (size_t i = 0; i < w->n; i++)
		if (isfinite(w->actors[i].gdp_mer))
			tmer += w->actors[i].gdp_mer;
	double P[MAX_POLES][NEV];
	memset(P, 0, sizeof P);
	size_t v = 0;
	for (size_t i = 0; i < w->n; i++) {
		const mp_actor *a = &w->actors[i];
		double g = mp_sim_growth(s, i), e[NEV] = {
			a->gdp,
			a->gdp_mer,
			a->gdp_mer / tmer,
			a->gdp / a->comp[MP_TPOP] * 1000.0,
			g,
			a->comp[MP_MILEX],
			a->comp[MP_MILEX] / (a->gdp_mer * 1000.0),
			a->comp[MP_MILPER],
			a->comp[MP_IRST],
			a->comp[MP_PEC],
		};
		int p = a->pole;
		if (p >= 0 && p < np) {
			for (size_t j = 0; j < NEV; j++)
				if (isfinite(e[j]) && j != 3 && j != 4 && j != 6)
					P[p][j] += e[j];
			if (isfinite(g))
				P[p][4] += g * a->gdp; /* GDP-weighted growth, divided below */
			P[p][3] += a->comp[MP_TPOP];   /* population, for GDP per head */
		}
		if (a->ccode == 0)
			continue;
		for (size_t j = 0; j < NEV; j++)
			out[v++] = e[j];
	}
	for (int p = 0; p < np; p++) {
		double gdp = P[p][0], pop = P[p][3];
		P[p][3] = pop > 0 ? gdp / pop * 1000.0 : MP_NA;
		P[p][4] = gdp > 0 ? P[p][4] / gdp : MP_NA;
		P[p][6] = P[p][1] > 0 ? P[p][5] / (P[p][1] * 1000.0) : MP_NA;
		for (size_t j = 0; j < NEV; j++)
			out[v++] = P[p][j];
	}
}

void mp_outputs_record(const mp_outputs *o, const mp_sim *s, const mp_poles *poles, double *out, double *work)
{
	const mp_world *w = mp_sim_world(s);
	const double *cinc = mp_sim_cinc(s);
	const int *camp = mp_sim_camps(s);
	const unsigned char *war = mp_sim_at_war(s);
	const size_t n = w->n, nc = o->ncamps;
	const int np = o->npoles;
	double tc = 0, tg = 0, tm = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &w->actors[i];
		if (isfinite(cinc[i]))
			tc += cinc[i];
		if (isfinite(a->gdp))
			tg += a->gdp;
		if (isfinite(a->comp[MP_MILEX]))
			tm += a->comp[MP_MILEX];
	}
	double pc[MAX_POLES] = { 0 }, pg[MAX_POLES] = { 0 }, pp[MAX_POLES] = { 0 }, pm[MAX_POLES] = { 0 };
	double pip[MAX_POLES] = { 0 }, ccap[MP_SCENARIO_MAX_CAMPS + 1] = { 0 };
	size_t v = 0, ns = 0;
	for (size_t i = 0; i < n; i++) {
		const mp_actor *a = &w->actors[i];
		double cs = cinc[i] / tc;
		int p = a->pole;
		if (p >= 0 && p < np) {
			pc[p] += cs;
			pg[p] += a->gdp / tg;
			pp[p] += a->comp[MP_TPOP];
			pm[p] += a->comp[MP_MILEX] / tm;
			pip[p] += a->ideal_point * a->comp[MP_TPOP];
		}
		ccap[camp[i] >= 0 ? (size_t)camp[i] : nc] += cs;
		if (a->ccode == 0)
			continue;
		work[ns++] = cs;
		out[v++] = cs;
		out[v++] = a->gdp / tg;
		out[v++] = a->comp[MP_TPOP];
		out[v++] = a->comp[MP_MILEX] / tm;
		out[v++] = a->ideal_point;
		out[v++] = war[i] ? 1.0 : 0.0;
		for (size_t c = 0; c < nc; c++)
			out[v++] = camp[i] == (int)c ? 1.0 : 0.0;
		out[v++] = camp[i] < 0 ? 1.0 : 0.0;
	}
	for (int p = 0; p < np; p++) {
		out[v++] = pc[p];
		out[v++] = pg[p];
		out[v++] = pp[p];
		out[v++] = pm[p];
		out[v++] = pp[p] > 0 ? pip[p] / pp[p] : MP_NA;
	}
	/* System: concentration among the poles (Ray & Singer 1973), effective number
	 * (Laakso & Taagepera 1979; Golosov 2010), the Thompson classifier, and the same
	 * over states. */
	mp_polarity pol;
	mp_polarity_opts popts = MP_POLARITY_OPTS_INIT;
	int ok = np > 1 && mp_polarity_compute(NULL, pc, (size_t)np, &popts, &pol) == MP_OK;
	out[v++] = np > 1 ? mp_con(pc, (size_t)np) : MP_NA;
	out[v++] = np > 0 ? mp_n_eff(pc, (size_t)np) : MP_NA;
	out[v++] = np > 0 ? mp_n_golosov(pc, (size_t)np) : MP_NA;
	out[v++] = ok ? pol.leader_share : MP_NA;
	out[v++] = ok ? (strcmp(pol.cls, "multipolar") == 0 ? 1.0 : 0.0) : MP_NA;
	out[v++] = mp_con(work, ns);
	out[v++] = mp_n_eff(work, ns);
	out[v++] = mp_sim_wars(s) > 0 ? 1.0 : 0.0;
	out[v++] = mp_sim_gp_wars(s) > 0 ? 1.0 : 0.0;
	out[v++] = (double)mp_sim_crises(s);
	out[v++] = mp_sim_gp_wars_total(s) > 0 ? 1.0 : 0.0;
	for (size_t c = 0; c <= nc; c++)
		out[v++] = ccap[c];
	const unsigned char *gp = mp_sim_great_powers(s);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; gp[i] && j < n; j++) {
			if (!gp[j])
				continue;
			double ti = 0, tj = 0, x = mp_sim_trade(s, i, j);
			for (size_t k = 0; k < n; k++) {
				ti += k == i ? 0 : mp_sim_trade(s, i, k);
				tj += k == j ? 0 : mp_sim_trade(s, j, k);
			}
			double ab = ti > 0 ? x / ti : MP_NA, ba = tj > 0 ? x / tj : MP_NA;
			out[v++] = cinc[j] > 0 ? cinc[i] / cinc[j] : MP_NA;
			out[v++] = ab;
			out[v++] = ba;
			out[v++] = ba > 0 ? ab / ba : MP_NA;
		}
	record_econ(o, s, out + v);
	v += (o->nstates + (size_t)np) * NEV;
	if (o->demog || o->pyr_actor >= 0)
		demog_record(o, s, out + v);
	(void)poles;
}
