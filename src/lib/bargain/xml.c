/* KTAB's XML scenarios (KAPSARC KTAB, examples/smp/doc/smpSchema.xsd; read by KTAB's
 * SMPModel::xmlRead in examples/smp/libsrc/smpread.cpp), read with expat:
 *
 *   <Scenario> <name/> <desc/> <prngSeed/>
 *     <ModelParameters> <VictoryProbModel/> <PCEModel/> <StateTransitions/> <VotingRule/>
 *       <BigRAdjust/> <BigRRange/> <ThirdPartyCommit/> <InterVecBrgn/> <BargnModel/>
 *     </ModelParameters>                                       (optional: KTAB's defaults)
 *     <Dimensions> <dName/>... </Dimensions>
 *     <Actors> <Actor> <name/> <description/> <capability/>
 *                      <Position> <dCoord/>... </Position> <Salience> <dSal/>... </Salience>
 *     </Actor>... </Actors>
 *     <IdealAdjustment> <iaPair> <adjustingIdeal/> <referencePos/> <adjust/> </iaPair>...
 *   </Scenario>
 *
 * Positions and saliences are on 0..100 as in KTAB's CSV files. The model parameters become
 * the input's settings (vpm, pce, ...), prngSeed the seed. The SMP here keeps ideals equal
 * to positions (KTAB's CSV path: the identity accommodation matrix), so an IdealAdjustment
 * that is not the identity is refused. Elements outside the schema, a DOCTYPE (and so any
 * entity) and text longer than MP_BARGAIN_TEXT_MAX are errors with line and column. */
#include "bargain/internal.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_DEPTH 8

/* The schema as (parent, child) pairs. */
static const char *const schema[][2] = {
	{ "", "Scenario" },
	{ "Scenario", "name" },
	{ "Scenario", "desc" },
	{ "Scenario", "prngSeed" },
	{ "Scenario", "ModelParameters" },
	{ "Scenario", "Dimensions" },
	{ "Scenario", "Actors" },
	{ "Scenario", "IdealAdjustment" },
	{ "ModelParameters", "VictoryProbModel" },
	{ "ModelParameters", "PCEModel" },
	{ "ModelParameters", "StateTransitions" },
	{ "ModelParameters", "VotingRule" },
	{ "ModelParameters", "BigRAdjust" },
	{ "ModelParameters", "BigRRange" },
	{ "ModelParameters", "ThirdPartyCommit" },
	{ "ModelParameters", "InterVecBrgn" },
	{ "ModelParameters", "BargnModel" },
	{ "Dimensions", "dName" },
	{ "Actors", "Actor" },
	{ "Actor", "name" },
	{ "Actor", "description" },
	{ "Actor", "capability" },
	{ "Actor", "Position" },
	{ "Actor", "Salience" },
	{ "Position", "dCoord" },
	{ "Salience", "dSal" },
	{ "IdealAdjustment", "iaPair" },
	{ "iaPair", "adjustingIdeal" },
	{ "iaPair", "referencePos" },
	{ "iaPair", "adjust" },
};
#define NSCHEMA (sizeof schema / sizeof schema[0])

/* KTAB's enumeration names (smpSchema.xsd) and the settings they set. */
typedef struct {
	const char *element, *setting;
	const char *ktab[7], *ours[7];
} param_map;
static const param_map params[] = {
	{ "VictoryProbModel",
	  "vpm",
	  { "Linear", "Square", "Quartic", "Octic", "Binary" },
	  { "linear", "square", "quartic", "octic", "binary" } },
	{ "PCEModel",
	  "pce",
	  { "Conditional", "MarkovIncentive", "MarkovUniform" },
	  { "conditional", "markov-incentive", "markov-uniform" } },
	{ "StateTransitions", "transitions", { "Deterministic", "Stochastic" }, { "deterministic", "stochastic" } },
	{ "VotingRule",
	  "voting",
	  { "Binary", "PropBin", "Proportional", "PropCbc", "Cubic", "ASymProsp" },
	  { "binary", "propbin", "prop", "propcbc", "cubic", "asymprosp" } },
	{ "BigRAdjust",
	  "risk-adjust",
	  { "Full", "TwoThirds", "Half", "OneThird", "No" },
	  { "full", "two-thirds", "half", "one-third", "none" } },
	{ "BigRRange", "risk-range", { "Min", "Mid", "Max" }, { "min", "mid", "max" } },
	{ "ThirdPartyCommit", "commit", { "NoCommit", "SemiCommit", "FullCommit" }, { "none", "semi", "full" } },
	{ "InterVecBrgn", "interpolation", { "S1P1", "S2P2", "S2PMax" }, { "s1p1", "s2p2", "s2pmax" } },
	{ "BargnModel",
	  "bargain",
	  { "InitOnlyInterp", "InitRcvrInterp", "PWCompInterp" },
	  { "init-only", "init-rcvr", "pw-comp" } },
};

typedef struct {
	mp_ctx *ctx;
	const char *fname;
	XML_Parser p;
	int rc;
	const char *stack[XML_DEPTH];          /* element names (from the schema table) */
	int sline[XML_DEPTH], scol[XML_DEPTH]; /* and where they start */
	int depth;
	int at_line, at_col; /* where errors are reported: the element being handled */
	char *text;
	size_t tlen, tcap;
	mp_bargain_input *in;
	size_t acap;           /* actors allocated */
	size_t ncoord, nsal;   /* values read for the current actor */
	int seen[5];           /* name, description, capability, Position, Salience of the actor */
	char *ia_adj, *ia_ref; /* current iaPair */
	double ia_val;
	int ia_line, ia_col, have_ia_val, bad_ia_line, bad_ia_col;
	char *bad_ia; /* first pair that is not the identity, checked at the end */
	int bad_ia_self;
	double bad_ia_val;
} xrd;

static int line(xrd *r)
{
	return r->at_line ? r->at_line : (int)XML_GetCurrentLineNumber(r->p);
}
static int col(xrd *r)
{
	return r->at_line ? r->at_col : (int)XML_GetCurrentColumnNumber(r->p) + 1;
}

static void fail(xrd *r, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(xrd *r, int code, const char *fmt, ...)
{
	if (r->rc)
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->rc = code == MP_ENOMEM
			? mp_error_set(r->ctx, code, "out of memory")
			: mp_error_set(r->ctx, code, "%s:%d:%d: KTAB XML: %s", r->fname, line(r), col(r), msg);
	XML_StopParser(r->p, XML_FALSE);
}

static const char *parent(xrd *r)
{
	return r->depth ? r->stack[r->depth - 1] : "";
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	xrd *r = ud;
	const char *par = parent(r), *known[NSCHEMA + 1];
	size_t nk = 0, i;
	if (r->rc)
		return;
	(void)attrs; /* xsi: attributes of <Scenario> are allowed and ignored */
	r->at_line = (int)XML_GetCurrentLineNumber(r->p);
	r->at_col = (int)XML_GetCurrentColumnNumber(r->p) + 1;
	for (i = 0; i < NSCHEMA; i++)
		if (!strcmp(schema[i][0], par)) {
			if (!strcmp(schema[i][1], name))
				break;
			known[nk++] = schema[i][1];
		}
	if (i == NSCHEMA) {
		known[nk] = NULL;
		char hint[96];
		mp_bargain__did_you_mean(hint, sizeof hint, name, known, MP_BARGAIN_ALL);
		if (!*par)
			fail(r, MP_EINPUT, "expected a KTAB SMP scenario (root element <Scenario>), got <%s>", name);
		else
			fail(r, MP_EINPUT, "unexpected element <%s> in <%s>%s", name, par, hint);
		return;
	}
	if (r->depth == XML_DEPTH) {
		fail(r, MP_EINPUT, "elements nested too deeply");
		return;
	}
	r->sline[r->depth] = r->at_line;
	r->scol[r->depth] = r->at_col;
	r->stack[r->depth++] = schema[i][1];
	r->tlen = 0;
	mp_bargain_input *in = r->in;
	if (!strcmp(name, "Actor")) {
		if (in->n == MP_BARGAIN_ACTORS_MAX) {
			fail(r, MP_EINPUT, "more than %d actors (the limit)", MP_BARGAIN_ACTORS_MAX);
			return;
		}
		if (in->n == r->acap) {
			size_t nc = r->acap ? 2 * r->acap : 16;
			if (mp_bargain__input_resize(r->ctx, in, nc)) {
				fail(r, MP_ENOMEM, "out of memory");
				return;
			}
			r->acap = nc;
		}
		size_t a = in->n++;
		in->actor[a] = in->actor_desc[a] = NULL;
		in->actor_line[a] = line(r);
		in->actor_col[a] = col(r);
		in->cap[a] = 0;
		r->ncoord = r->nsal = 0;
		memset(r->seen, 0, sizeof r->seen);
	} else if ((!strcmp(name, "Position") || !strcmp(name, "Salience")) && in->m == 0)
		fail(r, MP_EINPUT, "<%s> before <Dimensions>: the dimensions come first (smpSchema.xsd)", name);
	else if (!strcmp(name, "iaPair")) {
		free(r->ia_adj), free(r->ia_ref);
		r->ia_adj = r->ia_ref = NULL;
		r->have_ia_val = 0;
		r->ia_line = line(r);
		r->ia_col = col(r);
	} else if (!strcmp(name, "Actors") && in->m == 0)
		fail(r, MP_EINPUT, "<Actors> before <Dimensions>: the dimensions come first (smpSchema.xsd)");
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	xrd *r = ud;
	if (r->rc)
		return;
	if (r->tlen + (size_t)len > MP_BARGAIN_TEXT_MAX) {
		fail(r, MP_EINPUT, "text longer than %d bytes (the limit)", MP_BARGAIN_TEXT_MAX);
		return;
	}
	if (r->tlen + (size_t)len + 1 > r->tcap) {
		size_t nc = (r->tlen + (size_t)len + 1) * 2;
		char *t = realloc(r->text, nc);
		if (!t) {
			fail(r, MP_ENOMEM, "out of memory");
			return;
		}
		r->text = t;
		r->tcap = nc;
	}
	memcpy(r->text + r->tlen, s, (size_t)len);
	r->tlen += (size_t)len;
}

/* The element's text, trimmed of surrounding white space. */
static char *leaf(xrd *r)
{
	if (!r->text && !(r->text = malloc(r->tcap = 64)))
		return NULL;
	r->text[r->tlen] = '\0';
	char *s = r->text;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t l = strlen(s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\n' || s[l - 1] == '\r'))
		s[--l] = '\0';
	return s;
}

static int number(xrd *r, const char *el, const char *s, double lo, double hi, double *out)
{
	if (mp_bargain__parse_real(s, out) || *out < lo || *out > hi) {
		if (hi < 1e300)
			fail(r, MP_EINPUT, "<%s>: expected a decimal number in [%g,%g], got \"%s\"", el, lo, hi, s);
		else
			fail(r, MP_EINPUT, "<%s>: expected a finite decimal number, got \"%s\"", el, s);
		return -1;
	}
	return 0;
}

static void set_text(xrd *r, const char *el, const char *s, int is_name, char **dst)
{
	const char *bad = mp_bargain__check_text(s, is_name ? MP_BARGAIN_NAME_MAX : MP_BARGAIN_TEXT_MAX, is_name);
	if (bad)
		fail(r, MP_EINPUT, "<%s>: %s", el, bad);
	else if (mp_bargain__set_text(r->ctx, dst, s))
		fail(r, MP_ENOMEM, "out of memory");
}

static void model_param(xrd *r, const char *el, const char *s)
{
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
		if (strcmp(params[i].element, el))
			continue;
		for (size_t k = 0; params[i].ktab[k]; k++)
			if (!strcmp(params[i].ktab[k], s)) {
				if (mp_bargain__add_option(r->ctx, r->in, params[i].setting, params[i].ours[k]))
					fail(r, MP_ENOMEM, "out of memory");
				return;
			}
		char hint[96];
		mp_bargain__did_you_mean(hint, sizeof hint, s, params[i].ktab, MP_BARGAIN_ALL);
		fail(r, MP_EINPUT, "<%s>: unknown value \"%s\"%s", el, s, hint);
		return;
	}
}

static void add_dim(xrd *r, const char *s)
{
	mp_bargain_input *in = r->in;
	if (in->m == MP_BARGAIN_DIMS_MAX) {
		fail(r, MP_EINPUT, "more than %d dimensions (the limit)", MP_BARGAIN_DIMS_MAX);
		return;
	}
	size_t m = in->m + 1;
	char **d = realloc(in->dim, m * sizeof *d), **lo = realloc(in->dim_lo, m * sizeof *lo),
	     **hi = realloc(in->dim_hi, m * sizeof *hi);
	in->dim = d ? d : in->dim, in->dim_lo = lo ? lo : in->dim_lo, in->dim_hi = hi ? hi : in->dim_hi;
	double *sl = realloc(in->scale_lo, m * sizeof *sl), *sh = realloc(in->scale_hi, m * sizeof *sh);
	in->scale_lo = sl ? sl : in->scale_lo, in->scale_hi = sh ? sh : in->scale_hi;
	size_t *nm = realloc(in->nmarks, m * sizeof *nm);
	in->nmarks = nm ? nm : in->nmarks;
	mp_bargain_mark **mk = realloc(in->marks, m * sizeof *mk);
	in->marks = mk ? mk : in->marks;
	if (!d || !lo || !hi || !sl || !sh || !nm || !mk) {
		fail(r, MP_ENOMEM, "out of memory");
		return;
	}
	size_t k = in->m++;
	in->dim[k] = in->dim_lo[k] = in->dim_hi[k] = NULL;
	in->scale_lo[k] = 0;
	in->scale_hi[k] = 100;
	in->nmarks[k] = 0;
	in->marks[k] = NULL;
	set_text(r, "dName", s, 1, &in->dim[k]);
	for (size_t j = 0; j < k && !r->rc; j++)
		if (!strcmp(in->dim[j], in->dim[k]))
			fail(r, MP_EINPUT, "<dName>: dimension \"%s\" is duplicated", s);
}

/* A value of the current actor's <Position> or <Salience>. */
static void actor_value(xrd *r, int is_pos, const char *s)
{
	mp_bargain_input *in = r->in;
	size_t a = in->n - 1, *cnt = is_pos ? &r->ncoord : &r->nsal;
	double v;
	if (*cnt == in->m) {
		fail(r, MP_EINPUT, "<%s>: more values than the %zu dimensions", is_pos ? "dCoord" : "dSal", in->m);
		return;
	}
	if (number(r, is_pos ? "dCoord" : "dSal", s, 0, 100, &v))
		return;
	if (is_pos)
		in->pos[a * in->m + *cnt] = v;
	else
		in->sal[a * in->m + *cnt] = v / 100.0;
	(*cnt)++;
}

static void end_actor(xrd *r)
{
	mp_bargain_input *in = r->in;
	size_t a = in->n - 1;
	static const char *const need[5] = { "name", "description", "capability", "Position", "Salience" };
	for (int k = 0; k < 5; k++)
		if (!r->seen[k] && k != 1) {
			fail(r, MP_EINPUT, "<Actor> without <%s>", need[k]);
			return;
		}
	if (!in->actor_desc[a] && mp_bargain__set_text(r->ctx, &in->actor_desc[a], ""))
		fail(r, MP_ENOMEM, "out of memory");
	if (r->ncoord != in->m || r->nsal != in->m) {
		fail(r, MP_EINPUT, "actor \"%s\": %zu coordinates and %zu saliences for %zu dimensions", in->actor[a],
		     r->ncoord, r->nsal, in->m);
		return;
	}
	double ssum = 0;
	for (size_t k = 0; k < in->m; k++)
		ssum += in->sal[a * in->m + k];
	if (ssum > 1.0 + 1e-8)
		fail(r, MP_EINPUT, "actor \"%s\": saliences sum to %g, more than 100", in->actor[a], 100 * ssum);
}

static void end_pair(xrd *r)
{
	if (!r->ia_adj || !r->ia_ref || !r->have_ia_val) {
		fail(r, MP_EINPUT, "<iaPair> needs <adjustingIdeal>, <referencePos> and <adjust>");
		return;
	}
	int self = !strcmp(r->ia_adj, r->ia_ref);
	if (!r->bad_ia && r->ia_val != (self ? 1.0 : 0.0)) {
		r->bad_ia = r->ia_adj;
		r->ia_adj = NULL;
		r->bad_ia_self = self;
		r->bad_ia_val = r->ia_val;
		r->bad_ia_line = r->ia_line;
		r->bad_ia_col = r->ia_col;
	}
	/* both names must be actors (checked at the end, when all are known) */
	for (int k = 0; k < 2; k++) {
		const char *nm = k ? r->ia_ref : (r->ia_adj ? r->ia_adj : r->bad_ia);
		size_t i = 0;
		while (i < r->in->n && strcmp(r->in->actor[i], nm))
			i++;
		if (i == r->in->n) {
			fail(r, MP_EINPUT, "<iaPair>: no actor \"%s\"", nm);
			return;
		}
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	xrd *r = ud;
	if (r->rc || r->depth == 0) /* expat may call handlers after a stop */
		return;
	r->depth--;
	r->at_line = r->sline[r->depth];
	r->at_col = r->scol[r->depth];
	const char *par = parent(r), *s = leaf(r);
	mp_bargain_input *in = r->in;
	size_t a = in->n ? in->n - 1 : 0;
	if (!s) {
		fail(r, MP_ENOMEM, "out of memory");
		return;
	}
	if (!strcmp(par, "Scenario")) {
		if (!strcmp(name, "name"))
			set_text(r, name, s, 0, &in->name);
		else if (!strcmp(name, "desc"))
			set_text(r, name, s, 0, &in->description);
		else if (!strcmp(name, "prngSeed")) {
			uint64_t seed;
			if (mp_bargain__parse_uint(s, &seed))
				fail(r, MP_EINPUT, "<prngSeed>: expected a whole number in [0, 2^64-1], got \"%s\"", s);
			else if (mp_bargain__add_option(r->ctx, in, "seed", s))
				fail(r, MP_ENOMEM, "out of memory");
		}
	} else if (!strcmp(par, "ModelParameters"))
		model_param(r, name, s);
	else if (!strcmp(par, "Dimensions"))
		add_dim(r, s);
	else if (!strcmp(par, "Actor")) {
		if (!strcmp(name, "name")) {
			r->seen[0] = 1;
			set_text(r, name, s, 1, &in->actor[a]);
		} else if (!strcmp(name, "description")) {
			r->seen[1] = 1;
			set_text(r, name, s, 0, &in->actor_desc[a]);
		} else if (!strcmp(name, "capability")) {
			r->seen[2] = 1;
			/* KTAB asserts a capability > 0 (smpread.cpp); the schema's bound is 1000 */
			if (!number(r, name, s, -1e300, 1e300, &in->cap[a]) && !(in->cap[a] > 0))
				fail(r, MP_EINPUT, "<capability>: expected a number > 0, got \"%s\"", s);
		} else
			r->seen[!strcmp(name, "Position") ? 3 : 4] = 1;
	} else if (!strcmp(par, "Position") || !strcmp(par, "Salience"))
		actor_value(r, !strcmp(par, "Position"), s);
	else if (!strcmp(par, "Actors"))
		end_actor(r);
	else if (!strcmp(par, "iaPair")) {
		if (!strcmp(name, "adjust"))
			r->have_ia_val = !number(r, name, s, -1e300, 1e300, &r->ia_val);
		else
			set_text(r, name, s, 1, !strcmp(name, "adjustingIdeal") ? &r->ia_adj : &r->ia_ref);
	} else if (!strcmp(par, "IdealAdjustment"))
		end_pair(r);
	else if (*s && strcmp(par, "") && strcmp(name, "Scenario"))
		fail(r, MP_EINPUT, "unexpected text in <%s>", name);
	r->tlen = 0;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub, int sub)
{
	(void)name, (void)sys, (void)pub, (void)sub;
	fail(ud, MP_EINPUT, "a DOCTYPE is not accepted (KTAB scenarios have none)");
}

static int finish(xrd *r)
{
	mp_bargain_input *in = r->in;
	if (in->n < 3)
		return mp_error_set(r->ctx, MP_EINPUT, "%s:%d:%d: KTAB XML: expected at least 3 actors, found %zu",
				    r->fname, line(r), col(r), in->n);
	if (r->bad_ia)
		return mp_error_set(
			r->ctx, MP_EINPUT,
			"%s:%d:%d: KTAB XML: <IdealAdjustment> is not the identity (\"%s\" adjusts %s by %g): "
			"ideal accommodation is not supported; the SMP here keeps ideals equal to positions "
			"(KTAB's CSV path). Remove <IdealAdjustment> to run with the identity matrix",
			r->fname, r->bad_ia_line, r->bad_ia_col, r->bad_ia,
			r->bad_ia_self ? "its own ideal" : "toward another position", r->bad_ia_val);
	return mp_bargain__check_unique(r->ctx, in, "");
}

int mp_bargain_input_parse_xml(mp_ctx *ctx, const char *name, const char *buf, size_t len, mp_bargain_input **out)
{
	xrd r = { .ctx = ctx, .fname = name };
	int rc = mp_bargain__input_alloc(ctx, 0, 0, &r.in);
	if (rc)
		return rc;
	if ((rc = mp_bargain__set_text(ctx, &r.in->path, name)))
		goto done;
	r.in->source = MP_BARGAIN_SRC_KTAB_XML;
	if (len > (size_t)INT32_MAX) {
		rc = mp_error_set(ctx, MP_EINPUT, "%s: too large for an XML scenario", name);
		goto done;
	}
	if (!(r.p = XML_ParserCreate("UTF-8"))) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	XML_SetUserData(r.p, &r);
	XML_SetElementHandler(r.p, on_start, on_end);
	XML_SetCharacterDataHandler(r.p, on_text);
	XML_SetStartDoctypeDeclHandler(r.p, on_doctype);
	if (XML_Parse(r.p, buf, (int)len, 1) == XML_STATUS_ERROR && !r.rc) {
		r.at_line = 0;
		r.rc = mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: XML: %s", name, line(&r), col(&r),
				    XML_ErrorString(XML_GetErrorCode(r.p)));
	}
	r.at_line = 0;
	rc = r.rc ? r.rc : finish(&r);
done:
	if (r.p)
		XML_ParserFree(r.p);
	free(r.text);
	free(r.ia_adj);
	free(r.ia_ref);
	free(r.bad_ia);
	if (rc == MP_OK)
		*out = r.in;
	else
		mp_bargain_input_free(r.in);
	return rc;
}
