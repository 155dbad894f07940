/* The settings of a negotiation run (docs/bargaining.md "Settings"): the one place that
 * knows their names, enumerated values, defaults and bounds. The command line, a YAML
 * scenario's `options:` and KTAB XML's <ModelParameters> all go through
 * mp_bargain_settings_set; the run functions call mp_bargain_settings_check. */
#include "bargain/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const mp_bargain_setting_info infos[MP_BARGAIN_SET_N] = {
#define MP_BARGAIN_X_INFO(id, name, kind, scope, lo, hi, arg, help)                                                    \
	{ name, MP_BARGAIN_SK_##kind, MP_BARGAIN_SCOPE_##scope, lo, hi, arg, help },
	MP_BARGAIN_SETTINGS(MP_BARGAIN_X_INFO)
#undef MP_BARGAIN_X_INFO
};

static const char *const names[MP_BARGAIN_SET_N + 1] = {
#define MP_BARGAIN_X_NAME(id, name, ...) name,
	MP_BARGAIN_SETTINGS(MP_BARGAIN_X_NAME)
#undef MP_BARGAIN_X_NAME
		NULL
};

/* Command-line options of `multipolar negotiate` that are not settings of the run: a
 * scenario file never names them (issue 16: a file must not choose where results are
 * read or written, nor switch storing on). */
static const char *const command_only[] = { "db",   "output",           "store", "name", "format", "quiet",
					    "show", "salience-percent", NULL };

/* ---- enumerated values: names in the order the docs list them (default first), and the
 * enum value each stands for ---- */
typedef struct {
	const char *const *names;
	const int *values;
} enum_table;

#define ENUM_TABLE(var, ...) static const char *const var##_n[] = { __VA_ARGS__, NULL }
ENUM_TABLE(model, "eu", "smp");
static const int model_v[] = { MP_BARGAIN_MODEL_EU, MP_BARGAIN_MODEL_SMP };
ENUM_TABLE(vote, "normalised", "raw", "normalized");
static const int vote_v[] = { MP_EU_VOTE_NORMALISED, MP_EU_VOTE_RAW, MP_EU_VOTE_NORMALISED };
ENUM_TABLE(prob, "global", "pairwise", "net");
static const int prob_v[] = { MP_EU_PROB_GLOBAL, MP_EU_PROB_PAIRWISE, MP_EU_PROB_NET };
ENUM_TABLE(capit, "compat", "fixed");
static const int capit_v[] = { MP_EU_CAPITULATION_COMPAT, MP_EU_CAPITULATION_FIXED };
ENUM_TABLE(comp, "scholz", "leastmove");
static const int comp_v[] = { MP_EU_COMPROMISE_SCHOLZ, MP_EU_COMPROMISE_LEASTMOVE };
ENUM_TABLE(risk, "simultaneous", "sequential");
static const int risk_v[] = { MP_EU_RISK_SIMULTANEOUS, MP_EU_RISK_SEQUENTIAL };
ENUM_TABLE(delta, "initial", "current");
static const int delta_v[] = { MP_EU_DELTA_INITIAL, MP_EU_DELTA_CURRENT };
ENUM_TABLE(vpm, "linear", "square", "quartic", "octic", "binary");
static const int vpm_v[] = { MP_SMP_VPM_LINEAR, MP_SMP_VPM_SQUARE, MP_SMP_VPM_QUARTIC, MP_SMP_VPM_OCTIC,
			     MP_SMP_VPM_BINARY };
ENUM_TABLE(pce, "conditional", "markov-incentive", "markov-uniform");
static const int pce_v[] = { MP_SMP_PCE_CONDITIONAL, MP_SMP_PCE_MARKOV_INCENTIVE, MP_SMP_PCE_MARKOV_UNIFORM };
ENUM_TABLE(stm, "deterministic", "stochastic");
static const int stm_v[] = { MP_SMP_STM_DETERMINISTIC, MP_SMP_STM_STOCHASTIC };
ENUM_TABLE(vr, "prop", "binary", "propbin", "propcbc", "cubic", "asymprosp");
static const int vr_v[] = { MP_SMP_VR_PROP,    MP_SMP_VR_BINARY, MP_SMP_VR_PROPBIN,
			    MP_SMP_VR_PROPCBC, MP_SMP_VR_CUBIC,  MP_SMP_VR_ASYMPROSP };
ENUM_TABLE(radj, "one-third", "none", "half", "two-thirds", "full");
static const int radj_v[] = { MP_SMP_RADJ_ONETHIRD, MP_SMP_RADJ_NONE, MP_SMP_RADJ_HALF, MP_SMP_RADJ_TWOTHIRDS,
			      MP_SMP_RADJ_FULL };
ENUM_TABLE(rr, "mid", "min", "max");
static const int rr_v[] = { MP_SMP_RRANGE_MID, MP_SMP_RRANGE_MIN, MP_SMP_RRANGE_MAX };
ENUM_TABLE(tpc, "semi", "full", "none");
static const int tpc_v[] = { MP_SMP_TPC_SEMICOMMIT, MP_SMP_TPC_FULLCOMMIT, MP_SMP_TPC_NOCOMMIT };
ENUM_TABLE(ivb, "s2p2", "s1p1", "s2pmax");
static const int ivb_v[] = { MP_SMP_IVB_S2P2, MP_SMP_IVB_S1P1, MP_SMP_IVB_S2PMAX };
ENUM_TABLE(bm, "init-only", "init-rcvr", "pw-comp");
static const int bm_v[] = { MP_SMP_BM_INITONLY, MP_SMP_BM_INITRCVR, MP_SMP_BM_PWCOMP };
#undef ENUM_TABLE

/* The enum fields are written through int (every enum here is int-sized). */
_Static_assert(sizeof(mp_eu_vote) == sizeof(int) && sizeof(mp_smp_vpm) == sizeof(int) &&
		       sizeof(mp_bargain_model) == sizeof(int),
	       "enums are int-sized");

/* The table of an ENUM setting and the field it writes; NULL for other kinds. */
static int *enum_field(mp_bargain_settings *s, mp_bargain_setting id, enum_table *t)
{
	mp_bargain_eu_options *e = &s->run.eu;
	mp_bargain_smp_options *m = &s->run.smp;
#define CASE(ID, var, field)                                                                                           \
	case MP_BARGAIN_SET_##ID: *t = (enum_table){ var##_n, var##_v }; return (int *)(void *)&(field);
	switch (id) {
		CASE(MODEL, model, s->run.model)
		CASE(VOTE, vote, e->vote)
		CASE(PROBABILITY, prob, e->prob)
		CASE(CAPITULATION, capit, e->capitulation)
		CASE(COMPROMISE, comp, e->compromise)
		CASE(RISK_UPDATE, risk, e->risk)
		CASE(DELTA, delta, e->delta)
		CASE(VPM, vpm, m->vpm)
		CASE(PCE, pce, m->pce)
		CASE(TRANSITIONS, stm, m->stm)
		CASE(VOTING, vr, m->vr)
		CASE(RISK_ADJUST, radj, m->radj)
		CASE(RISK_RANGE, rr, m->rrange)
		CASE(COMMIT, tpc, m->tpc)
		CASE(INTERPOLATION, ivb, m->ivb)
		CASE(BARGAIN, bm, m->bm)
	default: return NULL;
	}
#undef CASE
}

static double *real_field(mp_bargain_settings *s, mp_bargain_setting id)
{
	switch (id) {
	case MP_BARGAIN_SET_Q: return &s->run.eu.q;
	case MP_BARGAIN_SET_T: return &s->run.eu.t;
	case MP_BARGAIN_SET_POS_TOL: return &s->run.smp.pos_tol;
	case MP_BARGAIN_SET_NOISE_CAP: return &s->noise.cap_logsd;
	case MP_BARGAIN_SET_NOISE_SAL: return &s->noise.sal_sd;
	case MP_BARGAIN_SET_NOISE_POS: return &s->noise.pos_sd;
	default: return NULL;
	}
}

/* INT settings as wide integers (fields of different types). */
static long long int_get(const mp_bargain_settings *s, mp_bargain_setting id)
{
	switch (id) {
	case MP_BARGAIN_SET_ROUNDS: return mp_bargain_run_rounds(&s->run);
	case MP_BARGAIN_SET_SENSITIVITY: return (long long)s->replicates;
	case MP_BARGAIN_SET_THREADS: return s->threads;
	default: return 0;
	}
}

static void int_set(mp_bargain_settings *s, mp_bargain_setting id, long long v)
{
	switch (id) {
	case MP_BARGAIN_SET_ROUNDS: s->run.rounds = (int)v; break;
	case MP_BARGAIN_SET_SENSITIVITY: s->replicates = (size_t)v; break;
	case MP_BARGAIN_SET_THREADS: s->threads = (int)v; break;
	default: break;
	}
}

const mp_bargain_setting_info *mp_bargain_setting_get(mp_bargain_setting id)
{
	return (unsigned)id < MP_BARGAIN_SET_N ? &infos[id] : NULL;
}

int mp_bargain_setting_find(const char *name)
{
	for (int i = 0; i < MP_BARGAIN_SET_N; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

const char *const *mp_bargain_setting_values(mp_bargain_setting id)
{
	mp_bargain_settings tmp = MP_BARGAIN_SETTINGS_INIT;
	enum_table t;
	return enum_field(&tmp, id, &t) ? t.names : NULL;
}

int mp_bargain__model_rounds(mp_bargain_model model, int rounds)
{
	if (rounds != MP_BARGAIN_ROUNDS_DEFAULT)
		return rounds;
	return model == MP_BARGAIN_MODEL_SMP ? MP_BARGAIN_SMP_ROUNDS : MP_BARGAIN_EU_ROUNDS;
}

int mp_bargain_run_rounds(const mp_bargain_run_options *ro)
{
	return mp_bargain__model_rounds(ro->model, ro->rounds);
}

int mp_bargain_run_stop_rules(const mp_bargain_run_options *ro)
{
	if (ro->stop_rules != MP_BARGAIN_STOPRULE_DEFAULT)
		return ro->stop_rules;
	return ro->model == MP_BARGAIN_MODEL_SMP ? MP_BARGAIN_STOPRULE_KTAB : 0;
}

/* The list of an enum's names for messages: "eu, smp". */
static void list_names(char *buf, size_t size, const char *const *v)
{
	buf[0] = '\0';
	for (size_t k = 0; v[k]; k++) {
		if (!strcmp(v[k], "normalized"))
			continue; /* an accepted spelling, not listed */
		strncat(buf, k ? ", " : "", size - strlen(buf) - 1);
		strncat(buf, v[k], size - strlen(buf) - 1);
	}
}

static int parse_stop(const char *v, int *bits)
{
	char buf[128];
	if (strlen(v) >= sizeof buf)
		return -1;
	snprintf(buf, sizeof buf, "%s", v);
	*bits = 0;
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (!strcasecmp(tok, "rounds"))
			continue;
		else if (!strcasecmp(tok, "fixed"))
			*bits |= MP_BARGAIN_STOPRULE_FIXED;
		else if (!strcasecmp(tok, "cycle"))
			*bits |= MP_BARGAIN_STOPRULE_CYCLE;
		else if (!strcasecmp(tok, "ktab"))
			*bits |= MP_BARGAIN_STOPRULE_KTAB;
		else if (!strcasecmp(tok, "all"))
			*bits |= MP_BARGAIN_STOPRULE_FIXED | MP_BARGAIN_STOPRULE_CYCLE | MP_BARGAIN_STOPRULE_KTAB;
		else
			return -1;
	}
	return 0;
}

/* Index of dimension `v` (a name, else a 1-based number) of `in`, or -1. */
static long find_dim(const mp_bargain_input *in, const char *v)
{
	for (size_t d = 0; d < in->m; d++)
		if (!strcmp(in->dim[d], v))
			return (long)d;
	long long x;
	if (!mp_bargain__parse_int(v, &x) && x >= 1 && (size_t)x <= in->m)
		return (long)(x - 1);
	return -1;
}

int mp_bargain_settings_set(mp_ctx *ctx, mp_bargain_settings *s, const mp_bargain_input *in, const char *name,
			    const char *value, mp_bargain_setting_scope scope, const char *where)
{
	int code = scope == MP_BARGAIN_SCOPE_SCENARIO ? MP_EINPUT : MP_EUSAGE;
	where = where ? where : "";
	int idi = mp_bargain_setting_find(name);
	if (idi < 0) {
		for (size_t k = 0; command_only[k]; k++)
			if (!strcmp(name, command_only[k]))
				return mp_error_set(
					ctx, code,
					"%s'%s' cannot be set in a scenario file (a scenario never chooses "
					"which database or file is written, nor whether results are stored; "
					"give --%s on the command line)",
					where, name, name);
		char hint[96];
		mp_bargain__did_you_mean(hint, sizeof hint, name, names, MP_BARGAIN_ALL);
		return mp_error_set(ctx, code, "%sunknown setting '%s'%s", where, name, hint);
	}
	mp_bargain_setting id = (mp_bargain_setting)idi;
	const mp_bargain_setting_info *info = &infos[id];
	if (info->scope == MP_BARGAIN_SCOPE_COMMAND && scope == MP_BARGAIN_SCOPE_SCENARIO)
		return mp_error_set(ctx, code,
				    "%s'%s' cannot be set in a scenario file (a property of the machine, not of the "
				    "negotiation; give --%s on the command line)",
				    where, name, name);
	enum_table t;
	int *ef = enum_field(s, id, &t);
	double x;
	long long n;
	uint64_t u;
	int bits;
	char list[256];
	switch (info->kind) {
	case MP_BARGAIN_SK_ENUM:
		for (size_t k = 0; t.names[k]; k++)
			if (!strcasecmp(value, t.names[k])) {
				*ef = t.values[k];
				return MP_OK;
			}
		list_names(list, sizeof list, t.names);
		return mp_error_set(ctx, code, "%s%s: unknown value '%s' (one of %s)", where, name, value, list);
	case MP_BARGAIN_SK_INT:
		if (mp_bargain__parse_int(value, &n) || n < info->lo || n > info->hi)
			return mp_error_set(ctx, code, "%s%s: expected a whole number from %.0f to %.0f, got '%s'",
					    where, name, info->lo, info->hi, value);
		int_set(s, id, n);
		return MP_OK;
	case MP_BARGAIN_SK_REAL:
		if (mp_bargain__parse_real(value, &x) || x < info->lo || x > info->hi)
			return mp_error_set(ctx, code, "%s%s: expected a decimal number in [%g, %g], got '%s'", where,
					    name, info->lo, info->hi, value);
		*real_field(s, id) = x;
		return MP_OK;
	case MP_BARGAIN_SK_SEED:
		if (mp_bargain__parse_uint(value, &u))
			return mp_error_set(ctx, code,
					    "%s%s: expected a whole number from 0 to 18446744073709551615, got '%s'",
					    where, name, value);
		s->seed = u;
		return MP_OK;
	case MP_BARGAIN_SK_STOP:
		if (parse_stop(value, &bits))
			return mp_error_set(ctx, code, "%s%s: unknown rule in '%s' (rounds, fixed, cycle, ktab, all)",
					    where, name, value);
		s->run.stop_rules = bits;
		return MP_OK;
	case MP_BARGAIN_SK_DIM: {
		long d;
		if (!in) /* no input to resolve a name: a 1-based number only */
			d = !mp_bargain__parse_int(value, &n) && n >= 1 && n <= MP_BARGAIN_DIMS_MAX ? (long)(n - 1)
												    : -1;
		else
			d = find_dim(in, value);
		if (d < 0 && !in)
			return mp_error_set(ctx, code, "%s%s: expected a dimension number from 1 to %d, got '%s'",
					    where, name, MP_BARGAIN_DIMS_MAX, value);
		if (d < 0) {
			char hint[96];
			mp_bargain__did_you_mean(hint, sizeof hint, value, (const char *const *)in->dim, in->m);
			return mp_error_set(ctx, code, "%s%s: no dimension '%s' in the input%s", where, name, value,
					    in->m == 1 ? "" : hint);
		}
		s->run.eu.dim = (size_t)d;
		return MP_OK;
	}
	}
	return mp_error_set(ctx, MP_ERROR, "setting '%s': unknown kind", name);
}

int mp_bargain__setting_check_file(mp_ctx *ctx, const mp_bargain_input *in, const char *name, const char *value,
				   const char *where)
{
	/* the dimension list may still be growing in the reader: names resolve against it */
	mp_bargain_settings tmp = MP_BARGAIN_SETTINGS_INIT;
	return mp_bargain_settings_set(ctx, &tmp, in, name, value, MP_BARGAIN_SCOPE_SCENARIO, where);
}

int mp_bargain_settings_from_input(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_settings *s)
{
	int rc;
	if (s->version != MP_BARGAIN_SETTINGS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "negotiation settings version %d, expected %d", s->version,
				    MP_BARGAIN_SETTINGS_VERSION);
	s->run.model = in->source == MP_BARGAIN_SRC_KTAB || in->source == MP_BARGAIN_SRC_KTAB_XML ? MP_BARGAIN_MODEL_SMP
												  : MP_BARGAIN_MODEL_EU;
	char where[512];
	snprintf(where, sizeof where, "%s: ", in->path && *in->path ? in->path : "input");
	if (in->model &&
	    (rc = mp_bargain_settings_set(ctx, s, in, "model", in->model, MP_BARGAIN_SCOPE_SCENARIO, where)))
		return rc;
	for (size_t k = 0; k < in->nopt; k++) {
		snprintf(where, sizeof where, "%s: options: ", in->path && *in->path ? in->path : "input");
		if ((rc = mp_bargain_settings_set(ctx, s, in, in->opt_key[k], in->opt_val[k], MP_BARGAIN_SCOPE_SCENARIO,
						  where)))
			return rc;
	}
	return MP_OK;
}

int mp_bargain_settings_check(mp_ctx *ctx, const mp_bargain_settings *s, const mp_bargain_input *in)
{
	if (s->version != MP_BARGAIN_SETTINGS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "negotiation settings version %d, expected %d", s->version,
				    MP_BARGAIN_SETTINGS_VERSION);
	if (s->run.version != MP_BARGAIN_RUN_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "run options version %d, expected %d", s->run.version,
				    MP_BARGAIN_RUN_OPTIONS_VERSION);
	mp_bargain_settings tmp = *s;
	for (int i = 0; i < MP_BARGAIN_SET_N; i++) {
		const mp_bargain_setting_info *info = &infos[i];
		enum_table t;
		int *ef = enum_field(&tmp, (mp_bargain_setting)i, &t);
		double v;
		if (info->kind == MP_BARGAIN_SK_INT)
			v = (double)int_get(&tmp, (mp_bargain_setting)i);
		else if (info->kind == MP_BARGAIN_SK_REAL)
			v = *real_field(&tmp, (mp_bargain_setting)i);
		else if (ef) {
			size_t k = 0;
			while (t.names[k] && t.values[k] != *ef)
				k++;
			if (!t.names[k])
				return mp_error_set(ctx, MP_EUSAGE, "%s: %d is not a valid value", info->name, *ef);
			continue;
		} else
			continue;
		if (!(v >= info->lo && v <= info->hi))
			return mp_error_set(ctx, MP_ERANGE,
					    "%s: %g is outside [%g, %g] (docs/bargaining.md \"Limits\")", info->name, v,
					    info->lo, info->hi);
	}
	if (s->run.stop_rules != MP_BARGAIN_STOPRULE_DEFAULT &&
	    (s->run.stop_rules & ~(MP_BARGAIN_STOPRULE_FIXED | MP_BARGAIN_STOPRULE_CYCLE | MP_BARGAIN_STOPRULE_KTAB)))
		return mp_error_set(ctx, MP_EUSAGE, "stop: unknown rule bits %d", s->run.stop_rules);
	if (in && s->run.eu.dim >= in->m)
		return mp_error_set(ctx, MP_EUSAGE, "dim: dimension %zu out of range (the input has %zu)",
				    s->run.eu.dim + 1, in->m);
	return MP_OK;
}

int mp_bargain__check_size(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_model model)
{
	/* EU: the offer phase keeps an m x n table of pow values and an m x m probability table
	 * (m distinct positions): 0.8-1.6 GB at 10,000 actors, ~6 GB at the limit. SMP: a turn
	 * is O(n^3) (measured 3 CPU s at 500 actors, 30 at 1,000, 359 at the limit; about 12 h
	 * at 10,000) and keeps (3 + threads) n x n tables (docs/bargaining.md
	 * "Limits"). */
	size_t lim = model == MP_BARGAIN_MODEL_EU ? MP_BARGAIN_EU_ACTORS_MAX : MP_BARGAIN_SMP_ACTORS_MAX;
	if (in->n <= lim)
		return MP_OK;
	return mp_error_set(ctx, MP_ERANGE,
			    "%s: %zu actors, more than the %s limit of %zu (%s; docs/bargaining.md \"Limits\")%s",
			    in->path && *in->path ? in->path : "input", in->n,
			    model == MP_BARGAIN_MODEL_EU ? "EU model's" : "SMP's", lim,
			    model == MP_BARGAIN_MODEL_EU ? "its tables grow as n^2"
							 : "a turn costs O(n^3): hours per turn beyond it",
			    model == MP_BARGAIN_MODEL_SMP && in->n <= MP_BARGAIN_EU_ACTORS_MAX && in->m == 1
				    ? "; the EU model (--model eu) runs this input"
				    : "");
}

/* The value of setting i in effect, as text. */
static void value_text(const mp_bargain_settings *s, const mp_bargain_input *in, mp_bargain_setting id, char *buf,
		       size_t size)
{
	mp_bargain_settings tmp = *s;
	enum_table t;
	int *ef = enum_field(&tmp, id, &t);
	const mp_bargain_setting_info *info = &infos[id];
	buf[0] = '\0';
	if (ef) {
		for (size_t k = 0; t.names[k]; k++)
			if (t.values[k] == *ef) {
				snprintf(buf, size, "%s", t.names[k]);
				return;
			}
	} else if (info->kind == MP_BARGAIN_SK_INT)
		snprintf(buf, size, "%lld", int_get(s, id));
	else if (info->kind == MP_BARGAIN_SK_REAL)
		mp_format_real(buf, size, *real_field(&tmp, id));
	else if (info->kind == MP_BARGAIN_SK_SEED)
		snprintf(buf, size, "%llu", (unsigned long long)s->seed);
	else if (info->kind == MP_BARGAIN_SK_DIM)
		snprintf(buf, size, "%s", in && s->run.eu.dim < in->m ? in->dim[s->run.eu.dim] : "1");
	else if (info->kind == MP_BARGAIN_SK_STOP) {
		int bits = mp_bargain_run_stop_rules(&s->run);
		if (s->run.model == MP_BARGAIN_MODEL_EU)
			bits &= ~MP_BARGAIN_STOPRULE_KTAB; /* the EU model has no KTAB rule */
		snprintf(buf, size, "rounds%s%s%s", bits & MP_BARGAIN_STOPRULE_FIXED ? ",fixed" : "",
			 bits & MP_BARGAIN_STOPRULE_CYCLE ? ",cycle" : "",
			 bits & MP_BARGAIN_STOPRULE_KTAB ? ",ktab" : "");
	}
}

/* Whether setting id applies to the run of s: a model's own switches, the sensitivity
 * settings when there are replicates. */
static int applies(const mp_bargain_settings *s, mp_bargain_setting id)
{
	int eu = s->run.model == MP_BARGAIN_MODEL_EU;
	switch (id) {
	case MP_BARGAIN_SET_DIM:
	case MP_BARGAIN_SET_VOTE:
	case MP_BARGAIN_SET_PROBABILITY:
	case MP_BARGAIN_SET_CAPITULATION:
	case MP_BARGAIN_SET_COMPROMISE:
	case MP_BARGAIN_SET_RISK_UPDATE:
	case MP_BARGAIN_SET_Q:
	case MP_BARGAIN_SET_T:
	case MP_BARGAIN_SET_DELTA: return eu;
	case MP_BARGAIN_SET_VPM:
	case MP_BARGAIN_SET_PCE:
	case MP_BARGAIN_SET_TRANSITIONS:
	case MP_BARGAIN_SET_VOTING:
	case MP_BARGAIN_SET_RISK_ADJUST:
	case MP_BARGAIN_SET_RISK_RANGE:
	case MP_BARGAIN_SET_COMMIT:
	case MP_BARGAIN_SET_INTERPOLATION:
	case MP_BARGAIN_SET_BARGAIN:
	case MP_BARGAIN_SET_POS_TOL: return !eu;
	case MP_BARGAIN_SET_NOISE_CAP:
	case MP_BARGAIN_SET_NOISE_SAL:
	case MP_BARGAIN_SET_NOISE_POS:
	case MP_BARGAIN_SET_THREADS: return s->replicates > 0;
	default: return 1;
	}
}

size_t mp_bargain_settings_describe(const mp_bargain_settings *s, const mp_bargain_input *in, char *buf, size_t size)
{
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	for (int i = 0; i < MP_BARGAIN_SET_N; i++) {
		if (!applies(s, (mp_bargain_setting)i) || i == MP_BARGAIN_SET_THREADS)
			continue; /* the thread count does not change results */
		char v[MP_BARGAIN_NAME_MAX + 32];
		value_text(s, in, (mp_bargain_setting)i, v, sizeof v);
		int w = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, "%s%s=%s", len ? " " : "",
				 infos[i].name, v);
		len += w > 0 ? (size_t)w : 0;
	}
	return len;
}

int mp_bargain_settings_table(mp_ctx *ctx, const mp_bargain_settings *s, const mp_bargain_input *in, mp_table **out)
{
	static const mp_column cols[] = { { "setting", MP_COL_TEXT, 0 },
					  { "value", MP_COL_TEXT, 0 },
					  { "allowed", MP_COL_TEXT, 0 } };
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, 3);
	for (int i = 0; rc == MP_OK && i < MP_BARGAIN_SET_N; i++) {
		if (!applies(s, (mp_bargain_setting)i))
			continue;
		const mp_bargain_setting_info *info = &infos[i];
		char v[MP_BARGAIN_NAME_MAX + 32], allowed[256];
		value_text(s, in, (mp_bargain_setting)i, v, sizeof v);
		switch (info->kind) {
		case MP_BARGAIN_SK_ENUM:
			list_names(allowed, sizeof allowed, mp_bargain_setting_values((mp_bargain_setting)i));
			break;
		case MP_BARGAIN_SK_INT: snprintf(allowed, sizeof allowed, "%.0f to %.0f", info->lo, info->hi); break;
		case MP_BARGAIN_SK_REAL: snprintf(allowed, sizeof allowed, "%g to %g", info->lo, info->hi); break;
		case MP_BARGAIN_SK_SEED: snprintf(allowed, sizeof allowed, "0 to 2^64-1"); break;
		case MP_BARGAIN_SK_STOP: snprintf(allowed, sizeof allowed, "rounds, fixed, cycle, ktab, all"); break;
		case MP_BARGAIN_SK_DIM: snprintf(allowed, sizeof allowed, "a dimension's name or number"); break;
		}
		size_t r;
		if ((rc = mp_table_add_row(t, &r)) == MP_OK && (rc = mp_table_set_text(t, r, 0, info->name)) == MP_OK &&
		    (rc = mp_table_set_text(t, r, 1, v)) == MP_OK)
			rc = mp_table_set_text(t, r, 2, allowed);
	}
	if (rc != MP_OK) {
		mp_table_free(t);
		return rc == MP_ENOMEM ? mp_error_set(ctx, rc, "out of memory") : rc;
	}
	*out = t;
	return MP_OK;
}
