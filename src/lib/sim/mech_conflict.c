/* Conflict (docs/conflict.md; the fitted model: src/lib/calib/fit_conflict*.c).
 *
 * Every politically relevant pair of states (Maoz & Russett 1993 as operationalised by
 * Lemke & Reed 2001: direct contiguity by land or up to 150 miles of water, or a major
 * power in the pair; remainder rows are aggregates and never a party) not at war draws
 * each year
 *   a militarised dispute with P = logistic(b' x_ij)       (x: mp_sim_onset_x, sim.h)
 *   which becomes a war with   P = logistic(g' z_ij)       (z: mp_sim_escalation_x)
 * with the peace years since the pair's last dispute, capital distance, contiguity, the
 * capability balance of the year, defence pacts (the start world's, plus membership of a
 * camp with its leader: a camp is a pact with its leader, as in the alignment model),
 * rivalry, major powers, ideal-point distance and the weak link of trade shares of the
 * year: so war risk moves with capabilities, alignment, sanctions (through trade) and
 * spending (through CINC), not with the number of rows. A war lasts until it ends, each
 * year with P = logistic(c0 + c1 |ln(C_i/C_j)|); it then has a winner with probability
 * conflict.decisive, i winning with P = logistic(w ln(C_i/C_j)) (Bueno de Mesquita 1981:
 * the stronger side wins), and the loser loses conflict.lost_gdp more. In every war year
 * each side loses conflict.war_gdp of GDP per head (the economy's convergence recovers it: Organski & Kugler's 1977 phoenix factor),
 * (on the year's GDP, and through the economy's TFP the next year: s->war_loss), its
 * military burden rises (mech_military.c reads at_war) and it suffers battle
 * deaths of pop exp(d0 + d1 ln(C_i/C_j) + sd N(0,1)) (at most DEATHS_MAX of its
 * population), handed to demography (mp_sim__war_deaths: men 18-49, removed from the
 * cohorts at its next step).
 * Blackboard outputs: at_war, wars (onsets), gp_wars, crises (disputes), deaths, war_loss;
 * war losses on gdppc. */
#include <string.h>

#include "sim/sim_internal.h"

/* The highest yearly battle-death rate in the COW inter-state wars (Paraguay, 1864-1870:
 * 200,000 deaths in 7 years of 502,000 people, 5.7%), the cap of a simulated year. */
#define DEATHS_MAX 0.057

typedef struct conflict_state {
	size_t np; /* relevant pairs */
	/* dynamic, per pair */
	double *peace;    /* peace years */
	double *war;      /* years the pair's war has lasted (0: none) */
	double *gp_total; /* 1: great-power wars begun since the start */
	/* constants, per pair */
	double *pi, *pj; /* the actors */
	double *contig;  /* direct contiguity type 1-4 */
	double *lndist;  /* ln capital distance, km */
	double *majors;  /* 0, 1, 2 */
	double *pair_of; /* n*n: pair index + 1 of (i, j), 0 when not relevant */
	/* scratch */
	double *lncinc;     /* n: log CINC of the year (NaN if <= 0) */
	double *hit;        /* n: in a war this year */
	double *atwar_list; /* pairs at war this year (indices), the second pass */
} conflict_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	conflict_state *st = vst;
	const size_t n = s->n, mp = n * (n - 1) / 2 + 1;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, peace, mp);
	MP_SIM_TAKE(st, b, o, war, mp);
	MP_SIM_TAKE(st, b, o, gp_total, 1);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, pi, mp);
	MP_SIM_TAKE(st, b, o, pj, mp);
	MP_SIM_TAKE(st, b, o, contig, mp);
	MP_SIM_TAKE(st, b, o, lndist, mp);
	MP_SIM_TAKE(st, b, o, majors, mp);
	MP_SIM_TAKE(st, b, o, pair_of, n * n);
	MP_SIM_TAKE(st, b, o, lncinc, n);
	MP_SIM_TAKE(st, b, o, hit, n);
	MP_SIM_TAKE(st, b, o, atwar_list, mp);
	return o;
}

static int is_major(const mp_sim *s, size_t i)
{
	return s->gp[i] || s->w->actors[i].major;
}

/* The relevant pairs, their constants and their peace years at the start. */
static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	conflict_state *st = vst;
	const size_t n = s->n;
	st->np = 0;
	*st->gp_total = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			st->pair_of[i * n + j] = st->pair_of[j * n + i] = 0;
			if (s->agg[i] || s->agg[j])
				continue;
			double ct = s->init_conttype ? s->init_conttype[i * n + j] : MP_NA;
			/* without contiguity data: the land contiguity of the blackboard (its proxy) */
			int contig = isfinite(ct) ? ct >= 1 && ct <= 4 : s->contig[i * n + j] > 0;
			int majors = is_major(s, i) + is_major(s, j);
			double war0 = s->init_war ? s->init_war[i * n + j] : MP_NA;
			if (!contig && !majors && !(war0 > 0))
				continue; /* not relevant; a war under way at the start is followed to its end */
			size_t k = st->np++;
			st->pi[k] = (double)i;
			st->pj[k] = (double)j;
			st->contig[k] = contig;
			st->lndist[k] = s->lndist[i * n + j];
			st->majors[k] = majors;
			double lm = s->init_lastmid ? s->init_lastmid[i * n + j] : MP_NA;
			/* no dispute on record since the data began (1816): as long a peace as counts */
			st->peace[k] = isfinite(lm) ? fmax(0.0, (double)s->year0 - lm - 1.0) : MP_PEACE_CAP;
			st->war[k] = war0 > 0 ? war0 : 0;
			if (war0 > 0) {
				st->peace[k] = 0;
				s->at_war[i] = s->at_war[j] = 1;
			}
			st->pair_of[i * n + j] = st->pair_of[j * n + i] = (double)(k + 1);
		}
	return MP_OK;
}

double mp_sim__dissat(const mp_sim *s, size_t i, size_t j)
{
	const mp_sim_params *p = &s->p;
	double d = fabs(s->ip[i] - s->ip[j]) / p->conflict_dissat_scale;
	if (d > 1)
		d = 1;
	/* Negotiation between rivals (strategy lever) lowers dissatisfaction. */
	if (s->gp[i] && s->gp[j]) {
		double neg = s->policy[i * MP_NPOL + MP_POL_NEGOTIATE] + s->policy[j * MP_NPOL + MP_POL_NEGOTIATE];
		d -= p->strategy_return_negotiation * p->strategy_budget * neg;
		if (d < 0)
			d = 0;
	}
	return d;
}

/* A camp is a defence pact with its leader (the alignment model's definition). */
static int camp_pact(const mp_sim *s, size_t i, size_t j)
{
	int c = s->camp[i];
	if (c < 0 || c != s->camp[j])
		return 0;
	for (int l = 0; l < s->camp_nleaders[c]; l++)
		if ((size_t)s->camp_leader[c][l] == i || (size_t)s->camp_leader[c][l] == j)
			return 1;
	return 0;
}

/* The covariates of pair k this year, with log CINC li, lj. */
static void covariates(const mp_sim *s, const conflict_state *st, size_t k, double li, double lj, mp_dyad_cov *c)
{
	const size_t n = s->n, i = (size_t)st->pi[k], j = (size_t)st->pj[k];
	c->peace = st->peace[k];
	c->contig = st->contig[k] > 0;
	c->ln_dist = st->lndist[k];
	c->lncinc1 = li;
	c->lncinc2 = lj;
	c->majors = (int)st->majors[k];
	c->ally = s->ally[i * n + j] > 0 || camp_pact(s, i, j);
	c->rival = s->rivalry[i * n + j] > 0;
	/* negotiation between great powers narrows the distance the dispute model sees */
	double d = fabs(s->ip[i] - s->ip[j]);
	if (s->gp[i] && s->gp[j]) {
		const mp_sim_params *p = &s->p;
		double neg = s->policy[i * MP_NPOL + MP_POL_NEGOTIATE] + s->policy[j * MP_NPOL + MP_POL_NEGOTIATE];
		d *= 1.0 - fmin(1.0, p->strategy_return_negotiation * p->strategy_budget * neg);
	}
	c->ideal_dist = d;
	double x = s->trade[i * n + j];
	c->trade_share = s->tsum[i] > 0 && s->tsum[j] > 0 ? fmin(x / s->tsum[i], x / s->tsum[j]) : 0.0;
}

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* P(dispute) and P(war | dispute) of a pair's covariates. */
static void probabilities(const mp_sim_params *p, const mp_dyad_cov *c, double *pmid, double *pesc)
{
	const double b[MP_ONSET_NX] = { p->conflict_onset_const,    p->conflict_onset_peace1,
					p->conflict_onset_peace2,   p->conflict_onset_peace3,
					p->conflict_onset_contig,   p->conflict_onset_ln_dist,
					p->conflict_onset_ln_ratio, p->conflict_onset_parity,
					p->conflict_onset_ally,     p->conflict_onset_rival,
					p->conflict_onset_major1,   p->conflict_onset_major2,
					p->conflict_onset_ideal,    p->conflict_onset_ideal_missing,
					p->conflict_onset_trade,    p->conflict_onset_trade_missing };
	const double g[MP_ESC_NX] = { p->conflict_esc_const,        p->conflict_esc_ln_ratio, p->conflict_esc_parity,
				      p->conflict_esc_contig,       p->conflict_esc_major1,   p->conflict_esc_major2,
				      p->conflict_esc_rival,        p->conflict_esc_ally,     p->conflict_esc_ideal,
				      p->conflict_esc_ideal_missing };
	double x[MP_ONSET_NX], e[MP_ESC_NX], u = 0, v = 0;
	mp_sim_onset_x(c, x);
	mp_sim_escalation_x(c, e);
	for (int k = 0; k < MP_ONSET_NX; k++)
		u += b[k] * x[k];
	for (int k = 0; k < MP_ESC_NX; k++)
		v += g[k] * e[k];
	*pmid = logistic(u);
	*pesc = logistic(v);
}

double mp_sim__war_prob(const mp_sim *s, size_t i, size_t j, double ci, double cj)
{
	const conflict_state *st = mp_sim__state(s, MP_MECH_CONFLICT);
	double k1 = st->pair_of[i * s->n + j];
	if (!(k1 > 0) || !(ci > 0) || !(cj > 0))
		return 0;
	size_t k = (size_t)k1 - 1;
	mp_dyad_cov c;
	if ((size_t)st->pi[k] == i)
		covariates(s, st, k, log(ci), log(cj), &c);
	else
		covariates(s, st, k, log(cj), log(ci), &c);
	double pm, pe;
	probabilities(&s->p, &c, &pm, &pe);
	return pm * pe;
}

/* Battle deaths of actor a in a war year against b, thousands. */
static double deaths(const mp_sim *s, const conflict_state *st, size_t a, size_t b, double eps)
{
	const mp_sim_params *p = &s->p;
	double lr = st->lncinc[a] - st->lncinc[b];
	double rate = exp(p->conflict_deaths_const + p->conflict_deaths_ln_ratio * (lr == lr ? lr : 0.0) +
			  p->conflict_deaths_sd * eps);
	return s->pop[a] * fmin(rate, DEATHS_MAX);
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	conflict_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	s->wars = s->gp_wars = s->crises = 0;
	memset(s->at_war, 0, n);
	for (size_t i = 0; i < n; i++) {
		st->lncinc[i] = s->cinc[i] > 0 ? log(s->cinc[i]) : MP_NA;
		st->hit[i] = 0;
		s->deaths[i] = s->war_loss[i] = 0;
	}
	/* One stream per year: first two uniforms per pair (dispute, escalation) in pair order,
	 * a fixed layout, so that every scenario's pairs meet the same draws (common random
	 * numbers); then, after all of them, four numbers per pair at war (end, outcome, two
	 * death draws): their count varies, but only the stream's tail does. */
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_CONFLICT);
	size_t nw = 0;
	for (size_t k = 0; k < st->np; k++) {
		const size_t i = (size_t)st->pi[k], j = (size_t)st->pj[k];
		double u_mid = mp_rng_uniform(&r), u_esc = mp_rng_uniform(&r);
		if (!(s->cinc[i] > 0) || !(s->cinc[j] > 0))
			continue;
		if (st->war[k] == 0) {
			mp_dyad_cov c;
			covariates(s, st, k, st->lncinc[i], st->lncinc[j], &c);
			double pm, pe;
			probabilities(p, &c, &pm, &pe);
			if (u_mid >= pm) {
				st->peace[k] += 1;
				continue;
			}
			s->crises++;
			st->peace[k] = 0;
			if (u_esc >= pe)
				continue;
			s->wars++;
			if (s->gp[i] && s->gp[j]) {
				s->gp_wars++;
				*st->gp_total += 1;
			}
		}
		st->atwar_list[nw++] = (double)k; /* a war year: its first, or a later one */
	}
	for (size_t q = 0; q < nw; q++) {
		const size_t k = (size_t)st->atwar_list[q], i = (size_t)st->pi[k], j = (size_t)st->pj[k];
		double u_end = mp_rng_uniform(&r), u_out = mp_rng_uniform(&r);
		double e_i = mp_rng_normal(&r), e_j = mp_rng_normal(&r);
		st->war[k] += 1;
		st->peace[k] = 0;
		s->at_war[i] = s->at_war[j] = 1;
		st->hit[i] = st->hit[j] = 1;
		s->deaths[i] += deaths(s, st, i, j, e_i);
		s->deaths[j] += deaths(s, st, j, i, e_j);
		double lr = st->lncinc[i] - st->lncinc[j];
		if (u_end >= logistic(p->conflict_end_const + p->conflict_end_ln_ratio * fabs(lr)))
			continue;
		st->war[k] = 0; /* ends this year: a winner, or a draw */
		if (u_out < p->conflict_decisive) {
			int iwins = u_out / p->conflict_decisive < logistic(p->conflict_win_ln_ratio * lr);
			s->war_loss[iwins ? j : i] += p->conflict_lost_gdp;
		}
	}
	/* the war year's cost of output, once per state however many wars it fights: on this
	 * year's GDP now, and through the economy's TFP next year (recovered by convergence) */
	for (size_t i = 0; i < n; i++) {
		mp_sim__war_deaths(s, i, s->deaths[i]); /* removed from the cohorts next year */
		if (st->hit[i] != 0)
			s->war_loss[i] += p->conflict_war_gdp;
		if (s->war_loss[i] != 0)
			s->gdppc[i] *= exp(s->war_loss[i]);
	}
	return MP_OK;
}

int mp_sim_gp_wars_total(const mp_sim *s)
{
	const conflict_state *st = mp_sim__state(s, MP_MECH_CONFLICT);
	return (int)*st->gp_total;
}

const unsigned char *mp_sim_great_powers(const mp_sim *s)
{
	return s->gp;
}

/* The start year's wars under way (the military's first step reads at_war). */
static void reset(mp_sim *s, void *vst)
{
	conflict_state *st = vst;
	for (size_t k = 0; k < st->np; k++)
		if (st->war[k] > 0)
			s->at_war[(size_t)st->pi[k]] = s->at_war[(size_t)st->pj[k]] = 1;
}

const mp_sim_mech mp_sim__mech_conflict = { "conflict", sizeof(conflict_state), layout, init, NULL, reset, step };
