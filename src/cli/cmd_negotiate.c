/* multipolar negotiate: forecast a negotiation with the EU model (Bueno de Mesquita /
 * Scholz et al. 2011) or KTAB's Spatial Model of Politics (docs/bargaining.md). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "multipolar/bargain.h"
#include "multipolar/store.h"

typedef struct {
	cli_common common;
	const char *model, *show, *stop, *dim;
	int rounds, salience_percent, sensitivity, threads;
	const char *seed;
	/* EU switches */
	const char *vote, *probability, *capitulation, *compromise, *risk_update, *delta;
	double q, t;
	/* SMP switches */
	const char *vpm, *pce, *transitions, *voting, *risk_adjust, *risk_range, *commit, *interpolation,
		*bargain;
	double pos_tol;
	/* sensitivity noise */
	double noise_cap, noise_sal, noise_pos;
	/* storing the result for the report */
	int store;
	const char *name;
} negotiate_opts;

#define O(f) offsetof(negotiate_opts, f)
static const cli_option options[] = {
	{ "model", CLI_STRING, O(model), "eu|smp", "model (default: eu for a BDM CSV, smp for a KTAB CSV, a YAML file's 'model')" },
	{ "rounds", CLI_INT, O(rounds), "N", "round limit (default: EU 10, SMP 100)" },
	{ "seed", CLI_STRING, O(seed), "S", "random seed for --sensitivity and stochastic SMP transitions (default 1)" },
	{ "show", CLI_STRING, O(show), "WHAT",
	  "positions (default), risk, offers, pairs (EU), forecast, probabilities (SMP) or summary" },
	{ "stop", CLI_STRING, O(stop), "RULES",
	  "comma list of stop rules: rounds, fixed, cycle, ktab, all (default: EU rounds, SMP ktab)" },
	{ "dim", CLI_STRING, O(dim), "NAME", "EU model: the dimension to use (name or 1-based number; default the first)" },
	{ "salience-percent", CLI_FLAG, O(salience_percent), NULL, "BDM CSV: saliences are percentages (0..100)" },
	{ "vote", CLI_STRING, O(vote), "FORM", "EU: vote distances normalised (default, Scholz code) or raw (paper)" },
	{ "probability", CLI_STRING, O(probability), "DENOM", "EU: probability denominator global (default), pairwise (paper) or net" },
	{ "capitulation", CLI_STRING, O(capitulation), "TEST", "EU: capitulation test compat (default: never, as jmckib) or fixed" },
	{ "compromise", CLI_STRING, O(compromise), "RULE", "EU: compromise choice scholz (default) or leastmove (paper text)" },
	{ "risk-update", CLI_STRING, O(risk_update), "ORDER", "EU: risk exponents simultaneous (default) or sequential" },
	{ "q", CLI_REAL, O(q), "Q", "EU: probability Q that the status quo persists (default 1)" },
	{ "t", CLI_REAL, O(t), "T", "EU: probability T that the status quo drifts toward the challenger (default 1)" },
	{ "delta", CLI_STRING, O(delta), "RANGE", "EU: position range initial (default, fixed) or current" },
	{ "vpm", CLI_STRING, O(vpm), "LAW", "SMP: victory probability linear (default), square, quartic, octic, binary" },
	{ "pce", CLI_STRING, O(pce), "MODEL", "SMP: PCE conditional (default), markov-incentive, markov-uniform" },
	{ "transitions", CLI_STRING, O(transitions), "MODE", "SMP: deterministic (default) or stochastic" },
	{ "voting", CLI_STRING, O(voting), "RULE", "SMP: voting rule prop (default), binary, propbin, propcbc, cubic, asymprosp" },
	{ "risk-adjust", CLI_STRING, O(risk_adjust), "RULE", "SMP: others' risk estimate one-third (default), none, half, two-thirds, full" },
	{ "risk-range", CLI_STRING, O(risk_range), "RANGE", "SMP: risk attitude range mid (default), min, max" },
	{ "commit", CLI_STRING, O(commit), "MODE", "SMP: third-party commitment semi (default), full, none" },
	{ "interpolation", CLI_STRING, O(interpolation), "RULE", "SMP: bargain interpolation s2p2 (default), s1p1, s2pmax" },
	{ "bargain", CLI_STRING, O(bargain), "MODEL", "SMP: bargains init-only (default), init-rcvr, pw-comp" },
	{ "pos-tol", CLI_REAL, O(pos_tol), "D", "SMP: positions closer than D on [0,1] count as one (default 0.001)" },
	{ "sensitivity", CLI_INT, O(sensitivity), "N", "rerun N perturbed replicates and report forecast quantiles" },
	{ "threads", CLI_INT, O(threads), "T", "threads for --sensitivity (default: all cores)" },
	{ "noise-cap", CLI_REAL, O(noise_cap), "SD", "sensitivity: log-normal sd of capabilities (default 0.1)" },
	{ "noise-sal", CLI_REAL, O(noise_sal), "SD", "sensitivity: sd of saliences on [0,1] (default 0.05)" },
	{ "noise-pos", CLI_REAL, O(noise_pos), "SD", "sensitivity: sd of positions as a share of the scale (default 0.05)" },
	{ "store", CLI_FLAG, O(store), NULL,
	  "also store the positions, forecasts and summary in the database (for 'multipolar report')" },
	{ "name", CLI_STRING, O(name), "NAME", "name of the stored negotiation (default: the input file's name)" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	negotiate_opts *o = vo;
	o->q = o->t = MP_NA;
	o->rounds = -1; /* unset */
	o->pos_tol = MP_NA;
	o->noise_cap = 0.1;
	o->noise_sal = 0.05;
	o->noise_pos = 0.05;
}

/* Looks `name` up in a NULL-terminated list; -1 if absent. */
static int pick(const char *name, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcasecmp(name, names[i]))
			return i;
	return -1;
}

static int choose(mp_ctx *ctx, const char *opt, const char *val, const char *const *names, const int *values,
		  int *out)
{
	if (!val)
		return MP_OK;
	int i = pick(val, names);
	if (i < 0) {
		char list[256] = "";
		for (int k = 0; names[k]; k++) {
			strncat(list, k ? ", " : "", sizeof list - strlen(list) - 1);
			strncat(list, names[k], sizeof list - strlen(list) - 1);
		}
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --%s: unknown value '%s' (one of %s)", opt, val, list);
	}
	*out = values[i];
	return MP_OK;
}

/* Options given in a YAML scenario's `options:` mapping apply where the command line
 * did not set them. */
static int apply_yaml(mp_ctx *ctx, const mp_bargain_input *in, negotiate_opts *o)
{
	if (in->model && !o->model)
		o->model = in->model;
	for (size_t t = 0; t < in->nopt; t++) {
		const char *k = in->opt_key[t], *v = in->opt_val[t];
		const cli_option *op = options;
		while (op->name && strcmp(op->name, k))
			op++;
		if (!op->name || !strcmp(k, "format") || !strcmp(k, "output") || !strcmp(k, "quiet"))
			return mp_error_set(ctx, MP_EINPUT, "%s: options: unknown option '%s'", "scenario", k);
		char *dest = (char *)o + op->offset;
		char *end = NULL;
		switch (op->type) {
		case CLI_STRING:
			if (!*(const char **)dest)
				*(const char **)dest = v;
			break;
		case CLI_INT: {
			long x = strtol(v, &end, 10);
			if (!*v || *end)
				return mp_error_set(ctx, MP_EINPUT, "scenario: options: '%s' expects a whole number, got \"%s\"", k, v);
			if (*(int *)dest == (op->offset == O(rounds) ? -1 : 0))
				*(int *)dest = (int)x;
			break;
		}
		case CLI_REAL: {
			double x = strtod(v, &end);
			if (!*v || *end)
				return mp_error_set(ctx, MP_EINPUT, "scenario: options: '%s' expects a number, got \"%s\"", k, v);
			if (mp_is_na(*(double *)dest))
				*(double *)dest = x;
			break;
		}
		case CLI_FLAG:
			if (!strcmp(v, "true") || !strcmp(v, "1"))
				*(int *)dest = 1;
			break;
		default:
			break;
		}
	}
	return MP_OK;
}

static int build_options(mp_ctx *ctx, const mp_bargain_input *in, negotiate_opts *o, mp_bargain_run_options *ro)
{
	int rc;
	static const char *const models[] = { "eu", "smp", NULL };
	static const int modelv[] = { MP_BARGAIN_MODEL_EU, MP_BARGAIN_MODEL_SMP };
	int model = in->source == MP_BARGAIN_SRC_KTAB ? MP_BARGAIN_MODEL_SMP : MP_BARGAIN_MODEL_EU;
	if ((rc = choose(ctx, "model", o->model, models, modelv, &model)))
		return rc;
	ro->model = (mp_bargain_model)model;
	if (o->rounds < -1)
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --rounds must be >= 0");
	ro->rounds = o->rounds >= 0 ? o->rounds : model == MP_BARGAIN_MODEL_EU ? 10 : 100;
	/* stop rules */
	ro->stop_rules = model == MP_BARGAIN_MODEL_EU ? 0 : MP_BARGAIN_STOPRULE_KTAB;
	if (o->stop) {
		ro->stop_rules = 0;
		char buf[128];
		snprintf(buf, sizeof buf, "%s", o->stop);
		for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
			if (!strcasecmp(tok, "rounds"))
				continue;
			else if (!strcasecmp(tok, "fixed"))
				ro->stop_rules |= MP_BARGAIN_STOPRULE_FIXED;
			else if (!strcasecmp(tok, "cycle"))
				ro->stop_rules |= MP_BARGAIN_STOPRULE_CYCLE;
			else if (!strcasecmp(tok, "ktab"))
				ro->stop_rules |= MP_BARGAIN_STOPRULE_KTAB;
			else if (!strcasecmp(tok, "all"))
				ro->stop_rules |= MP_BARGAIN_STOPRULE_FIXED | MP_BARGAIN_STOPRULE_CYCLE |
						  (model == MP_BARGAIN_MODEL_SMP ? MP_BARGAIN_STOPRULE_KTAB : 0);
			else
				return mp_error_set(ctx, MP_EUSAGE, "negotiate: --stop: unknown rule '%s' (rounds, fixed, cycle, ktab, all)", tok);
		}
	}
	/* EU */
	mp_bargain_eu_options *e = &ro->eu;
	static const char *const votes[] = { "normalised", "normalized", "raw", NULL };
	static const int votev[] = { MP_EU_VOTE_NORMALISED, MP_EU_VOTE_NORMALISED, MP_EU_VOTE_RAW };
	static const char *const probs[] = { "global", "pairwise", "net", NULL };
	static const int probv[] = { MP_EU_PROB_GLOBAL, MP_EU_PROB_PAIRWISE, MP_EU_PROB_NET };
	static const char *const caps[] = { "compat", "fixed", NULL };
	static const int capv[] = { MP_EU_CAPITULATION_COMPAT, MP_EU_CAPITULATION_FIXED };
	static const char *const comps[] = { "scholz", "leastmove", NULL };
	static const int compv[] = { MP_EU_COMPROMISE_SCHOLZ, MP_EU_COMPROMISE_LEASTMOVE };
	static const char *const risks[] = { "simultaneous", "sequential", NULL };
	static const int riskv[] = { MP_EU_RISK_SIMULTANEOUS, MP_EU_RISK_SEQUENTIAL };
	static const char *const deltas[] = { "initial", "current", NULL };
	static const int deltav[] = { MP_EU_DELTA_INITIAL, MP_EU_DELTA_CURRENT };
	int v;
	v = (int)e->vote;
	if ((rc = choose(ctx, "vote", o->vote, votes, votev, &v)))
		return rc;
	e->vote = (mp_eu_vote)v;
	v = (int)e->prob;
	if ((rc = choose(ctx, "probability", o->probability, probs, probv, &v)))
		return rc;
	e->prob = (mp_eu_prob)v;
	v = (int)e->capitulation;
	if ((rc = choose(ctx, "capitulation", o->capitulation, caps, capv, &v)))
		return rc;
	e->capitulation = (mp_eu_capitulation)v;
	v = (int)e->compromise;
	if ((rc = choose(ctx, "compromise", o->compromise, comps, compv, &v)))
		return rc;
	e->compromise = (mp_eu_compromise)v;
	v = (int)e->risk;
	if ((rc = choose(ctx, "risk-update", o->risk_update, risks, riskv, &v)))
		return rc;
	e->risk = (mp_eu_risk)v;
	v = (int)e->delta;
	if ((rc = choose(ctx, "delta", o->delta, deltas, deltav, &v)))
		return rc;
	e->delta = (mp_eu_delta)v;
	if (!mp_is_na(o->q))
		e->q = o->q;
	if (!mp_is_na(o->t))
		e->t = o->t;
	if (!(e->q >= 0 && e->q <= 1) || !(e->t >= 0 && e->t <= 1))
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --q and --t must lie in [0,1]");
	if (o->dim) {
		long k = -1;
		for (size_t d = 0; d < in->m; d++)
			if (!strcmp(in->dim[d], o->dim))
				k = (long)d;
		if (k < 0) {
			char *end;
			long x = strtol(o->dim, &end, 10);
			if (*o->dim && !*end && x >= 1 && (size_t)x <= in->m)
				k = x - 1;
		}
		if (k < 0)
			return mp_error_set(ctx, MP_EUSAGE, "negotiate: --dim: no dimension '%s' in the input", o->dim);
		e->dim = (size_t)k;
	}
	/* SMP */
	mp_bargain_smp_options *s = &ro->smp;
	static const char *const vpms[] = { "linear", "square", "quartic", "octic", "binary", NULL };
	static const int vpmv[] = { MP_SMP_VPM_LINEAR, MP_SMP_VPM_SQUARE, MP_SMP_VPM_QUARTIC, MP_SMP_VPM_OCTIC,
				    MP_SMP_VPM_BINARY };
	static const char *const pces[] = { "conditional", "markov-incentive", "markov-uniform", NULL };
	static const int pcev[] = { MP_SMP_PCE_CONDITIONAL, MP_SMP_PCE_MARKOV_INCENTIVE, MP_SMP_PCE_MARKOV_UNIFORM };
	static const char *const stms[] = { "deterministic", "stochastic", NULL };
	static const int stmv[] = { MP_SMP_STM_DETERMINISTIC, MP_SMP_STM_STOCHASTIC };
	static const char *const vrs[] = { "prop", "binary", "propbin", "propcbc", "cubic", "asymprosp", NULL };
	static const int vrv[] = { MP_SMP_VR_PROP, MP_SMP_VR_BINARY, MP_SMP_VR_PROPBIN, MP_SMP_VR_PROPCBC,
				   MP_SMP_VR_CUBIC, MP_SMP_VR_ASYMPROSP };
	static const char *const radjs[] = { "one-third", "none", "half", "two-thirds", "full", NULL };
	static const int radjv[] = { MP_SMP_RADJ_ONETHIRD, MP_SMP_RADJ_NONE, MP_SMP_RADJ_HALF, MP_SMP_RADJ_TWOTHIRDS,
				     MP_SMP_RADJ_FULL };
	static const char *const rrs[] = { "mid", "min", "max", NULL };
	static const int rrv[] = { MP_SMP_RRANGE_MID, MP_SMP_RRANGE_MIN, MP_SMP_RRANGE_MAX };
	static const char *const tpcs[] = { "semi", "full", "none", NULL };
	static const int tpcv[] = { MP_SMP_TPC_SEMICOMMIT, MP_SMP_TPC_FULLCOMMIT, MP_SMP_TPC_NOCOMMIT };
	static const char *const ivbs[] = { "s2p2", "s1p1", "s2pmax", NULL };
	static const int ivbv[] = { MP_SMP_IVB_S2P2, MP_SMP_IVB_S1P1, MP_SMP_IVB_S2PMAX };
	static const char *const bms[] = { "init-only", "init-rcvr", "pw-comp", NULL };
	static const int bmv[] = { MP_SMP_BM_INITONLY, MP_SMP_BM_INITRCVR, MP_SMP_BM_PWCOMP };
#define SMP_CHOOSE(field, name, val, names, values, type) \
	v = (int)s->field;                                  \
	if ((rc = choose(ctx, name, val, names, values, &v))) \
		return rc;                                  \
	s->field = (type)v;
	SMP_CHOOSE(vpm, "vpm", o->vpm, vpms, vpmv, mp_smp_vpm)
	SMP_CHOOSE(pce, "pce", o->pce, pces, pcev, mp_smp_pce)
	SMP_CHOOSE(stm, "transitions", o->transitions, stms, stmv, mp_smp_stm)
	SMP_CHOOSE(vr, "voting", o->voting, vrs, vrv, mp_smp_vr)
	SMP_CHOOSE(radj, "risk-adjust", o->risk_adjust, radjs, radjv, mp_smp_radj)
	SMP_CHOOSE(rrange, "risk-range", o->risk_range, rrs, rrv, mp_smp_rrange)
	SMP_CHOOSE(tpc, "commit", o->commit, tpcs, tpcv, mp_smp_tpc)
	SMP_CHOOSE(ivb, "interpolation", o->interpolation, ivbs, ivbv, mp_smp_ivb)
	SMP_CHOOSE(bm, "bargain", o->bargain, bms, bmv, mp_smp_bm)
#undef SMP_CHOOSE
	if (!mp_is_na(o->pos_tol)) {
		if (!(o->pos_tol >= 0))
			return mp_error_set(ctx, MP_EUSAGE, "negotiate: --pos-tol must be >= 0");
		s->pos_tol = o->pos_tol;
	}
	return MP_OK;
}

static int parse_seed(mp_ctx *ctx, const char *txt, uint64_t *seed)
{
	*seed = 1;
	if (!txt)
		return MP_OK;
	char *end = NULL;
	unsigned long long v = strtoull(txt, &end, 10);
	if (!*txt || *end || *txt == '-')
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --seed expects a whole number >= 0, got '%s'", txt);
	*seed = v;
	return MP_OK;
}

typedef enum { SHOW_POSITIONS, SHOW_RISK, SHOW_OFFERS, SHOW_PAIRS, SHOW_FORECAST, SHOW_PROB, SHOW_SUMMARY,
	       SHOW_N } show_kind;

/* Output tables (tidy: one row per round and unit). */
static const mp_column cols_pos[] = { { "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 },
				      { "dim", MP_COL_TEXT, 0 }, { "position", MP_COL_REAL, 4 } };
static const mp_column cols_risk[] = { { "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 },
				       { "risk", MP_COL_REAL, 5 } };
static const mp_column cols_eu_offers[] = {
	{ "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 }, { "counterpart", MP_COL_TEXT, 0 },
	{ "kind", MP_COL_TEXT, 0 }, { "eu_actor_challenges_counterpart", MP_COL_REAL, 5 },
	{ "eu_counterpart_challenges_actor", MP_COL_REAL, 5 }, { "new_x", MP_COL_REAL, 5 } };
static const mp_column cols_pairs[] = {
	{ "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 }, { "counterpart", MP_COL_TEXT, 0 },
	{ "p_actor_beats_counterpart", MP_COL_REAL, 6 }, { "p_counterpart_beats_actor", MP_COL_REAL, 6 },
	{ "eu_actor_challenges_counterpart", MP_COL_REAL, 5 }, { "eu_counterpart_challenges_actor", MP_COL_REAL, 5 },
	{ "offer_kind", MP_COL_TEXT, 0 } };
static const mp_column cols_smp_offers[] = { { "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 },
					     { "target", MP_COL_TEXT, 0 }, { "expected_gain", MP_COL_REAL, 5 },
					     { "p_actor_prevails", MP_COL_REAL, 5 } };
static const mp_column cols_fc[] = { { "round", MP_COL_INT, 0 }, { "dim", MP_COL_TEXT, 0 },
				     { "weighted_mean", MP_COL_REAL, 4 }, { "weighted_median", MP_COL_REAL, 4 } };
static const mp_column cols_prob[] = { { "round", MP_COL_INT, 0 }, { "actor", MP_COL_TEXT, 0 },
				       { "probability", MP_COL_REAL, 4 } };
static const mp_column cols_sum[] = { { "model", MP_COL_TEXT, 0 }, { "actors", MP_COL_INT, 0 },
				      { "rounds", MP_COL_INT, 0 }, { "stopped_by", MP_COL_TEXT, 0 },
				      { "dim", MP_COL_TEXT, 0 }, { "weighted_mean", MP_COL_REAL, 4 },
				      { "weighted_median", MP_COL_REAL, 4 } };
static const mp_column cols_sens[] = { { "dim", MP_COL_TEXT, 0 }, { "statistic", MP_COL_TEXT, 0 },
				       { "replicates", MP_COL_INT, 0 }, { "q05", MP_COL_REAL, 4 },
				       { "q25", MP_COL_REAL, 4 }, { "q50", MP_COL_REAL, 4 },
				       { "q75", MP_COL_REAL, 4 }, { "q95", MP_COL_REAL, 4 } };
#define NCOL(a) (sizeof(a) / sizeof((a)[0]))

static void add_forecast(mp_table *t, int round, const char *dim, double mean, double median)
{
	size_t r;
	if (mp_table_add_row(t, &r))
		return;
	mp_table_set_int(t, r, 0, round);
	mp_table_set_text(t, r, 1, dim);
	mp_table_set_real(t, r, 2, mean);
	mp_table_set_real(t, r, 3, median);
}

static int run_eu(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro, mp_table *const *tab)
{
	mp_table *t;
	mp_bargain_eu_options eo = ro->eu;
	eo.record_pairs = tab[SHOW_PAIRS] != NULL;
	mp_bargain_eu *m = NULL;
	int rc = mp_bargain_eu_new(ctx, in, &eo, &m);
	if (rc)
		return rc;
	size_t n = in->n;
	const char *dim = in->dim[eo.dim];
	mp_bargain_stop st;
	for (;;) {
		int round = mp_bargain_eu_round(m);
		const double *x = mp_bargain_eu_positions(m);
		size_t r;
		if ((t = tab[SHOW_POSITIONS]))
			for (size_t i = 0; i < n; i++) {
				if ((rc = mp_table_add_row(t, &r)))
					goto done;
				mp_table_set_int(t, r, 0, round);
				mp_table_set_text(t, r, 1, in->actor[i]);
				mp_table_set_text(t, r, 2, dim);
				mp_table_set_real(t, r, 3, x[i]);
			}
		if ((t = tab[SHOW_FORECAST])) {
			double mean, median;
			mp_bargain_eu_forecast(m, &mean, &median);
			add_forecast(t, round, dim, mean, median);
		}
		if (round > 0 && (t = tab[SHOW_RISK]))
			for (size_t i = 0; i < n; i++) {
				if ((rc = mp_table_add_row(t, &r)))
					goto done;
				mp_table_set_int(t, r, 0, round);
				mp_table_set_text(t, r, 1, in->actor[i]);
				mp_table_set_real(t, r, 2, mp_bargain_eu_risk(m)[i]);
			}
		if (round > 0 && (t = tab[SHOW_OFFERS])) {
			size_t nm;
			const mp_bargain_eu_move *mv = mp_bargain_eu_moves(m, &nm);
			for (size_t q = 0; q < nm; q++) {
				if ((rc = mp_table_add_row(t, &r)))
					goto done;
				mp_table_set_int(t, r, 0, round);
				mp_table_set_text(t, r, 1, in->actor[mv[q].actor]);
				mp_table_set_text(t, r, 2, in->actor[mv[q].counterpart]);
				mp_table_set_text(t, r, 3, mp_eu_offer_name(mv[q].kind));
				mp_table_set_real(t, r, 4, mv[q].eu_ij);
				mp_table_set_real(t, r, 5, mv[q].eu_ji);
				mp_table_set_real(t, r, 6, mv[q].new_x);
			}
		}
		if (round > 0 && (t = tab[SHOW_PAIRS])) {
			const mp_bargain_eu_pair *P = mp_bargain_eu_pairs(m);
			for (size_t i = 0; i < n; i++)
				for (size_t j = 0; j < n; j++) {
					if (i == j)
						continue;
					const mp_bargain_eu_pair *p = &P[i * n + j];
					if ((rc = mp_table_add_row(t, &r)))
						goto done;
					mp_table_set_int(t, r, 0, round);
					mp_table_set_text(t, r, 1, in->actor[i]);
					mp_table_set_text(t, r, 2, in->actor[j]);
					mp_table_set_real(t, r, 3, p->p_ij);
					mp_table_set_real(t, r, 4, p->p_ji);
					mp_table_set_real(t, r, 5, p->eu_ij);
					mp_table_set_real(t, r, 6, p->eu_ji);
					mp_table_set_text(t, r, 7, mp_eu_offer_name(p->kind));
				}
		}
		st = mp_bargain_eu_status(m, ro->stop_rules, ro->rounds);
		if (st != MP_BARGAIN_RUNNING)
			break;
		if ((rc = mp_bargain_eu_step(m, NULL)))
			goto done;
	}
	if ((t = tab[SHOW_SUMMARY])) {
		size_t r;
		double mean, median;
		mp_bargain_eu_forecast(m, &mean, &median);
		if ((rc = mp_table_add_row(t, &r)))
			goto done;
		mp_table_set_text(t, r, 0, "eu");
		mp_table_set_int(t, r, 1, (int64_t)n);
		mp_table_set_int(t, r, 2, mp_bargain_eu_round(m));
		mp_table_set_text(t, r, 3, mp_bargain_stop_name(st));
		mp_table_set_text(t, r, 4, dim);
		mp_table_set_real(t, r, 5, mean);
		mp_table_set_real(t, r, 6, median);
	}
done:
	mp_bargain_eu_free(m);
	return rc;
}

static int run_smp(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro, mp_table *const *tab)
{
	mp_table *t;
	mp_bargain_smp *s = NULL;
	size_t n = in->n, dm = in->m;
	double *xs = malloc(2 * n * sizeof *xs);
	size_t *idx = malloc(n * sizeof *idx);
	int rc = MP_OK;
	if (!xs || !idx) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = mp_bargain_smp_new(ctx, in, &ro->smp, &s)))
		goto done;
	mp_bargain_stop st;
	for (;;) {
		int turn = mp_bargain_smp_turn(s);
		const double *x = mp_bargain_smp_positions(s);
		size_t r;
		for (size_t k = 0; k < dm && tab[SHOW_FORECAST]; k++) {
			double lo = in->scale_lo[k], hi = in->scale_hi[k];
			for (size_t i = 0; i < n; i++) {
				xs[i] = lo + (hi - lo) * x[i * dm + k];
				xs[n + i] = in->cap[i] * in->sal[i * dm + k];
			}
			double mean, median;
			mp_bargain_forecast(n, xs, 1, xs + n, idx, &mean, &median);
			add_forecast(tab[SHOW_FORECAST], turn, in->dim[k], mean, median);
		}
		if ((t = tab[SHOW_POSITIONS]))
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < dm; k++) {
					if ((rc = mp_table_add_row(t, &r)))
						goto done;
					mp_table_set_int(t, r, 0, turn);
					mp_table_set_text(t, r, 1, in->actor[i]);
					mp_table_set_text(t, r, 2, in->dim[k]);
					mp_table_set_real(t, r, 3, in->scale_lo[k] + (in->scale_hi[k] - in->scale_lo[k]) * x[i * dm + k]);
				}
		static const int per_actor[] = { SHOW_RISK, SHOW_PROB };
		for (size_t pk = 0; pk < 2; pk++) {
			int kind = per_actor[pk];
			if (!(t = tab[kind]))
				continue;
			for (size_t i = 0; i < n; i++) {
				if ((rc = mp_table_add_row(t, &r)))
					goto done;
				mp_table_set_int(t, r, 0, turn);
				mp_table_set_text(t, r, 1, in->actor[i]);
				mp_table_set_real(t, r, 2, kind == SHOW_RISK ? mp_bargain_smp_risk(s)[i]
									   : mp_bargain_smp_position_prob(s)[i]);
			}
		}
		if (turn > 0 && (t = tab[SHOW_OFFERS])) {
			size_t nc;
			const mp_bargain_smp_challenge *c = mp_bargain_smp_challenges(s, &nc);
			for (size_t q = 0; q < nc; q++) {
				if ((rc = mp_table_add_row(t, &r)))
					goto done;
				mp_table_set_int(t, r, 0, turn);
				mp_table_set_text(t, r, 1, in->actor[c[q].init]);
				mp_table_set_text(t, r, 2, in->actor[c[q].rcvr]);
				mp_table_set_real(t, r, 3, c[q].gain);
				mp_table_set_real(t, r, 4, c[q].prob);
			}
		}
		st = mp_bargain_smp_status(s, ro->stop_rules, ro->rounds);
		if (st != MP_BARGAIN_RUNNING)
			break;
		/* offers are the challenges made in the coming turn: step first */
		if ((rc = mp_bargain_smp_step(s)))
			goto done;
	}
	if ((t = tab[SHOW_SUMMARY])) {
		const double *x = mp_bargain_smp_positions(s);
		for (size_t k = 0; k < dm; k++) {
			double lo = in->scale_lo[k], hi = in->scale_hi[k], mean, median;
			for (size_t i = 0; i < n; i++) {
				xs[i] = lo + (hi - lo) * x[i * dm + k];
				xs[n + i] = in->cap[i] * in->sal[i * dm + k];
			}
			mp_bargain_forecast(n, xs, 1, xs + n, idx, &mean, &median);
			size_t r;
			if ((rc = mp_table_add_row(t, &r)))
				goto done;
			mp_table_set_text(t, r, 0, "smp");
			mp_table_set_int(t, r, 1, (int64_t)n);
			mp_table_set_int(t, r, 2, mp_bargain_smp_turn(s));
			mp_table_set_text(t, r, 3, mp_bargain_stop_name(st));
			mp_table_set_text(t, r, 4, in->dim[k]);
			mp_table_set_real(t, r, 5, mean);
			mp_table_set_real(t, r, 6, median);
		}
	}
done:
	mp_bargain_smp_free(s);
	free(xs);
	free(idx);
	return rc;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Quantile by linear interpolation between order statistics (Hyndman & Fan 1996 type 7,
 * R's default). v sorted, n > 0. */
static double quantile(const double *v, size_t n, double q)
{
	double h = (double)(n - 1) * q;
	size_t lo = (size_t)floor(h);
	size_t hi = lo + 1 < n ? lo + 1 : lo;
	return v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
}

static int run_sensitivity(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro,
			   const negotiate_opts *o, uint64_t seed, mp_table *t)
{
	size_t reps = (size_t)o->sensitivity, d = mp_bargain_run_dims(in, ro);
	mp_bargain_noise noise = MP_BARGAIN_NOISE_INIT;
	noise.cap_logsd = o->noise_cap;
	noise.sal_sd = o->noise_sal;
	noise.pos_sd = o->noise_pos;
	if (!(noise.cap_logsd >= 0) || !(noise.sal_sd >= 0) || !(noise.pos_sd >= 0))
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --noise-* must be >= 0");
	double *mean = malloc(reps * d * sizeof *mean), *med = malloc(reps * d * sizeof *med);
	double *col = malloc(reps * sizeof *col);
	int rc = MP_OK;
	if (!mean || !med || !col) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = mp_bargain_sensitivity(ctx, in, ro, &noise, seed, reps, o->threads, mean, med)))
		goto done;
	static const double qs[5] = { 0.05, 0.25, 0.5, 0.75, 0.95 };
	for (size_t k = 0; k < d; k++) {
		const char *dim = ro->model == MP_BARGAIN_MODEL_EU ? in->dim[ro->eu.dim] : in->dim[k];
		for (int which = 0; which < 2; which++) {
			const double *src = which ? med : mean;
			for (size_t r = 0; r < reps; r++)
				col[r] = src[r * d + k];
			qsort(col, reps, sizeof *col, cmp_d);
			size_t row;
			if ((rc = mp_table_add_row(t, &row)))
				goto done;
			mp_table_set_text(t, row, 0, dim);
			mp_table_set_text(t, row, 1, which ? "weighted_median" : "weighted_mean");
			mp_table_set_int(t, row, 2, (int64_t)reps);
			for (int qi = 0; qi < 5; qi++)
				mp_table_set_real(t, row, 3 + (size_t)qi, quantile(col, reps, qs[qi]));
		}
	}
done:
	free(mean);
	free(med);
	free(col);
	return rc;
}

/* Stores the run's positions, forecasts and summary (filled by the same run that printed
 * the requested table) in the database, one transaction. */
static int store_result(mp_ctx *ctx, negotiate_opts *o, const char *path, int eu, mp_table *const *tab)
{
	mp_store *st = NULL;
	int64_t id = 0;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	mp_bargain_record rec = { o->name ? o->name : base, eu ? "eu" : "smp", path, tab[SHOW_POSITIONS],
				  tab[SHOW_FORECAST], tab[SHOW_SUMMARY] };
	int rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_CREATE, &st);
	if (rc == MP_OK)
		rc = mp_store_bargain_save(ctx, st, &rec, &id);
	if (rc == MP_OK) {
		/* provenance: the switches given on the command line title the run in the report */
		char sw[1024], sha[65];
		size_t n = (size_t)snprintf(sw, sizeof sw, "model=%s", eu ? "eu" : "smp");
		const struct { const char *k, *v; } kv[] = {
			{ "vote", o->vote }, { "probability", o->probability }, { "capitulation", o->capitulation },
			{ "compromise", o->compromise }, { "risk-update", o->risk_update }, { "delta", o->delta },
			{ "vpm", o->vpm }, { "pce", o->pce }, { "transitions", o->transitions }, { "voting", o->voting },
			{ "risk-adjust", o->risk_adjust }, { "risk-range", o->risk_range }, { "commit", o->commit },
			{ "interpolation", o->interpolation }, { "bargain", o->bargain }, { "stop", o->stop },
			{ "dim", o->dim } };
		for (size_t k = 0; k < sizeof kv / sizeof kv[0] && n < sizeof sw; k++)
			if (kv[k].v)
				n += (size_t)snprintf(sw + n, sizeof sw - n, " %s=%s", kv[k].k, kv[k].v);
		if (o->rounds > 0 && n < sizeof sw)
			snprintf(sw + n, sizeof sw - n, " rounds=%d", o->rounds);
		mp_run_input in = { "input", base, sha };
		if ((rc = mp_file_sha256(ctx, path, sha)) == MP_OK) {
			mp_run_provenance pv = { "bargain", id, o->seed ? atoll(o->seed) : -1, 0, NULL, sw, &in, 1 };
			rc = mp_store_provenance_record(ctx, st, &pv);
		}
	}
	if (rc == MP_OK && !o->common.quiet)
		fprintf(stderr, "negotiate: stored as negotiation %lld in %s\n", (long long)id, cli_db_path(&o->common));
	mp_store_free(st);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	negotiate_opts *o = vo;
	mp_bargain_input *in = NULL;
	mp_table *t = NULL, *extra[3] = { NULL, NULL, NULL };
	mp_table *tab[SHOW_N] = { NULL };
	int rc = MP_OK;
	cli_progress prog = { { 0 }, 0, 0 };
	if (npos != 1)
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: expected one input file (BDM CSV, KTAB CSV or YAML scenario)");
	if ((rc = mp_bargain_input_read(ctx, pos[0], o->salience_percent ? MP_BARGAIN_READ_SALIENCE_PERCENT : 0, &in)))
		goto done;
	if ((rc = apply_yaml(ctx, in, o)))
		goto done;
	mp_bargain_run_options ro = MP_BARGAIN_RUN_OPTIONS_INIT;
	if ((rc = build_options(ctx, in, o, &ro)))
		goto done;
	uint64_t seed;
	if ((rc = parse_seed(ctx, o->seed, &seed)))
		goto done;
	ro.smp.seed = seed;
	static const char *const shows[] = { "positions", "risk", "offers", "pairs", "forecast", "probabilities",
					     "summary", NULL };
	static const int showv[] = { SHOW_POSITIONS, SHOW_RISK, SHOW_OFFERS, SHOW_PAIRS, SHOW_FORECAST, SHOW_PROB,
				     SHOW_SUMMARY };
	int show = SHOW_POSITIONS;
	if ((rc = choose(ctx, "show", o->show, shows, showv, &show)))
		goto done;
	if (o->sensitivity < 0) {
		rc = mp_error_set(ctx, MP_EUSAGE, "negotiate: --sensitivity must be >= 1");
		goto done;
	}
	if (o->sensitivity > 0) {
		if (cli_show_progress(&o->common))
			mp_ctx_set_progress(ctx, cli_progress_bar, &prog);
		if ((rc = mp_table_new(&t, cols_sens, NCOL(cols_sens))))
			goto done;
		if ((rc = run_sensitivity(ctx, in, &ro, o, seed, t)))
			goto done;
		rc = cli_write_table(ctx, &o->common, t);
		goto done;
	}
	int eu = ro.model == MP_BARGAIN_MODEL_EU;
	if (show == SHOW_PAIRS && !eu) {
		rc = mp_error_set(ctx, MP_EUSAGE, "negotiate: --show pairs is for the EU model");
		goto done;
	}
	if (show == SHOW_PROB && eu) {
		rc = mp_error_set(ctx, MP_EUSAGE, "negotiate: --show probabilities is for the SMP (--model smp)");
		goto done;
	}
	const mp_column *cols = cols_pos;
	size_t nc = NCOL(cols_pos);
	switch (show) {
	case SHOW_RISK: cols = cols_risk; nc = NCOL(cols_risk); break;
	case SHOW_OFFERS:
		cols = eu ? cols_eu_offers : cols_smp_offers;
		nc = eu ? NCOL(cols_eu_offers) : NCOL(cols_smp_offers);
		break;
	case SHOW_PAIRS: cols = cols_pairs; nc = NCOL(cols_pairs); break;
	case SHOW_FORECAST: cols = cols_fc; nc = NCOL(cols_fc); break;
	case SHOW_PROB: cols = cols_prob; nc = NCOL(cols_prob); break;
	case SHOW_SUMMARY: cols = cols_sum; nc = NCOL(cols_sum); break;
	default: break;
	}
	if ((rc = mp_table_new(&t, cols, nc)))
		goto done;
	tab[show] = t;
	/* --store also needs positions, forecasts and the summary: filled in the same run */
	static const int stored[] = { SHOW_POSITIONS, SHOW_FORECAST, SHOW_SUMMARY };
	static const mp_column *const stored_cols[] = { cols_pos, cols_fc, cols_sum };
	static const size_t stored_nc[] = { NCOL(cols_pos), NCOL(cols_fc), NCOL(cols_sum) };
	for (size_t k = 0; o->store && k < 3; k++)
		if (!tab[stored[k]] && (rc = mp_table_new(&extra[k], stored_cols[k], stored_nc[k])) == MP_OK)
			tab[stored[k]] = extra[k];
	if (rc)
		goto done;
	rc = eu ? run_eu(ctx, in, &ro, tab) : run_smp(ctx, in, &ro, tab);
	if (rc)
		goto done;
	rc = cli_write_table(ctx, &o->common, t);
	if (rc == MP_OK && o->store)
		rc = store_result(ctx, o, pos[0], eu, tab);
done:
	for (size_t k = 0; k < 3; k++)
		mp_table_free(extra[k]);
	mp_table_free(t);
	mp_bargain_input_free(in);
	return rc;
}

const cli_command cli_cmd_negotiate = {
	.name = "negotiate",
	.summary = "forecast a negotiation (expected-utility model or KTAB's spatial model)",
	.usage = "FILE [--model eu|smp] [--rounds N] [--show WHAT] [--sensitivity N --seed S] [OPTIONS]",
	.description =
		"Reads actors with capability, position and salience from FILE (a BDM CSV\n"
		"'Actor,Capability,Position,Salience', a KTAB SMP CSV, or a YAML scenario) and plays\n"
		"the Bueno de Mesquita expected-utility model as reconstructed by Scholz et al. (2011)\n"
		"(--model eu; defaults reproduce the Scholz-code results) or KTAB's Spatial Model of\n"
		"Politics (--model smp; defaults are KTAB's CSV defaults). Prints one row per round,\n"
		"actor and dimension (round 0 is the input), or with --show the risk attitudes, offers,\n"
		"forecasts (weighted mean and median), SMP position probabilities or a summary naming\n"
		"the stop rule that ended the run. --sensitivity N reruns N perturbed replicates on all\n"
		"cores and reports forecast quantiles, identical for any --threads.",
	.example = "multipolar negotiate eu_emissions_bdm1994.csv --rounds 10 --format csv",
	.options = options,
	.opts_size = sizeof(negotiate_opts),
	.defaults = defaults,
	.run = run,
};
