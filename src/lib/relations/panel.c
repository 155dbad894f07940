/* The dyad-year and state-year panels (docs/panels.md): peacesciencer's create_dyadyears()
 * and create_stateyears() with their add_*() columns, from the store, one year at a time.
 * The dyad columns come from the world layer (mp_world_dyads, conflict events, peace years,
 * roll-call votes) and the relations (mp_rel_dyad); nothing here queries a dataset itself
 * but the membership spells the peace years start from. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/crosswalk.h"
#include "multipolar/relations.h"
#include "multipolar/world.h"
#include "store/q_panels.h"

#define MAXC 1000

static const mp_column dyad_cols[] = {
	{ "ccode1", MP_COL_INT, 0 },
	{ "ccode2", MP_COL_INT, 0 },
	{ "stateabb1", MP_COL_TEXT, 0 },
	{ "stateabb2", MP_COL_TEXT, 0 },
	{ "year", MP_COL_INT, 0 },
	{ "conttype", MP_COL_INT, 0 },
	{ "capdist", MP_COL_REAL, 1 },
	{ "gmlmidonset", MP_COL_INT, 0 },
	{ "gmlmidongoing", MP_COL_INT, 0 },
	{ "gmlmidspell", MP_COL_INT, 0 },
	{ "cowinteronset", MP_COL_INT, 0 },
	{ "cowinterongoing", MP_COL_INT, 0 },
	{ "cowinterspell", MP_COL_INT, 0 },
	{ "rival", MP_COL_INT, 0 },
	{ "cowmaj1", MP_COL_INT, 0 },
	{ "cowmaj2", MP_COL_INT, 0 },
	{ "cinc1", MP_COL_REAL, 6 },
	{ "cinc2", MP_COL_REAL, 6 },
	{ "cap_ratio", MP_COL_REAL, 4 },
	{ "parity", MP_COL_TEXT, 0 },
	{ "ally_tie", MP_COL_INT, 0 },
	{ "defence", MP_COL_INT, 0 },
	{ "atop_tie", MP_COL_INT, 0 },
	{ "cow_tie", MP_COL_INT, 0 },
	{ "s_unweighted", MP_COL_REAL, 4 },
	{ "s_weighted", MP_COL_REAL, 4 },
	{ "s_squared", MP_COL_REAL, 4 },
	{ "tau_b", MP_COL_REAL, 4 },
	{ "kappa", MP_COL_REAL, 4 },
	{ "ideal_distance", MP_COL_REAL, 3 },
	{ "agree", MP_COL_REAL, 4 },
	{ "s_votes", MP_COL_REAL, 4 },
	{ "kappa_votes", MP_COL_REAL, 4 },
	{ "nvotes", MP_COL_INT, 0 },
	{ "trade", MP_COL_REAL, 1 },
	{ "dep_ab", MP_COL_REAL, 6 },
	{ "dep_ba", MP_COL_REAL, 6 },
	{ "barbieri", MP_COL_REAL, 6 },
	{ "junior_index", MP_COL_REAL, 4 },
	/* components */
	{ "share1", MP_COL_REAL, 6 },
	{ "share2", MP_COL_REAL, 6 },
	{ "cap_asym", MP_COL_REAL, 4 },
	{ "dep_asym", MP_COL_REAL, 4 },
	{ "alignment", MP_COL_REAL, 4 },
};
#define NDYAD 39
enum {
	C_CC1,
	C_CC2,
	C_AB1,
	C_AB2,
	C_YEAR,
	C_CONT,
	C_DIST,
	C_MIDON,
	C_MIDGO,
	C_MIDSP,
	C_WARON,
	C_WARGO,
	C_WARSP,
	C_RIVAL,
	C_MAJ1,
	C_MAJ2,
	C_CINC1,
	C_CINC2,
	C_RATIO,
	C_PARITY,
	C_TIE,
	C_DEF,
	C_ATOP,
	C_COW,
	C_SU,
	C_SW,
	C_SQ,
	C_TAU,
	C_KAP,
	C_IDEAL,
	C_AGREE,
	C_SVOTES,
	C_KVOTES,
	C_NVOTES,
	C_TRADE,
	C_DEP1,
	C_DEP2,
	C_BARB,
	C_JUN,
	C_SH1
};

/* Start of each state's membership spell in force in a year (peace years count from the
 * later of the two). */
typedef struct {
	mp_store_spell_row *v;
	size_t n;
} spells;

static int spell_start(const spells *sp, int ccode, int year)
{
	for (size_t i = 0; i < sp->n; i++)
		if (sp->v[i].ccode == ccode && sp->v[i].styear <= year && (sp->v[i].open || sp->v[i].endyear >= year))
			return sp->v[i].styear;
	return year;
}

static void set_int(mp_table *t, size_t r, size_t c, int v, int ok)
{
	if (ok)
		mp_table_set_int(t, r, c, v);
}

/* Conflict columns of one kind for a pair-year. */
static void conflict(mp_table *t, size_t r, size_t c0, const mp_world_events *e, const spells *sp, int a, int b,
		     int year)
{
	int at = mp_world_event_at(e, a, b, year);
	if (at < 0)
		return;
	mp_table_set_int(t, r, c0, at == 3);
	mp_table_set_int(t, r, c0 + 1, at > 0);
	int sa = spell_start(sp, a, year), sb = spell_start(sp, b, year);
	int since = sa > sb ? sa : sb;
	if (e->first > since)
		since = e->first;
	mp_table_set_int(t, r, c0 + 2, mp_world_peace_years(year, since, mp_world_event_last_onset(e, a, b, year)));
}

/* The groups of one year: one per state, or per pole (its members). */
typedef struct {
	size_t n;
	const char **label;
	int *ccode; /* 0 for a pole */
	int *start, *len, *members;
} groups;

static void groups_free(groups *g)
{
	free(g->label);
	free(g->ccode);
	free(g->start);
	free(g->len);
	free(g->members);
	memset(g, 0, sizeof *g);
}

static int groups_build(const mp_rel_year *y, const mp_panel_opts *o, groups *g)
{
	size_t n = mp_rel_year_n(y);
	size_t na = o->set == MP_PANEL_POLES ? (size_t)mp_poles_count(o->poles) : n;
	g->label = calloc(na + 1, sizeof *g->label);
	g->ccode = calloc(na + 1, sizeof *g->ccode);
	g->start = calloc(na + 1, sizeof *g->start);
	g->len = calloc(na + 1, sizeof *g->len);
	g->members = calloc(n + 1, sizeof *g->members);
	if (!g->label || !g->ccode || !g->start || !g->len || !g->members)
		return MP_ENOMEM;
	size_t m = 0;
	if (o->set == MP_PANEL_POLES) {
		for (int p = 0; p < mp_poles_count(o->poles); p++) {
			mp_rel_actor a = { 1, 0, p, "" };
			size_t k = mp_rel_actor_members(y, o->poles, &a, g->members + m);
			if (!k)
				continue;
			g->label[g->n] = mp_poles_name(o->poles, p);
			g->start[g->n] = (int)m;
			g->len[g->n++] = (int)k;
			m += k;
		}
		return MP_OK;
	}
	for (size_t i = 0; i < n; i++) {
		if (o->set == MP_PANEL_MAJORS && !mp_rel_year_major(y, i))
			continue;
		g->label[g->n] = mp_rel_year_abb(y, i);
		g->ccode[g->n] = mp_rel_year_ccode(y, i);
		g->start[g->n] = (int)m;
		g->len[g->n++] = 1;
		g->members[m++] = (int)i;
	}
	return MP_OK;
}

typedef struct {
	mp_world_events *mid, *war;
	spells sp;
	int votes_first, votes_last;
} history;

static int add_row(mp_ctx *ctx, mp_table *t, const mp_panel_opts *o, const mp_rel_year *y, const groups *g, size_t i,
		   size_t j, const mp_world_dyads *wd, const mp_world_votes *v, const history *h, double *work)
{
	int year = mp_rel_year_year(y);
	int pair = o->set != MP_PANEL_POLES;
	int mi = g->members[g->start[i]], mj = g->members[g->start[j]];
	size_t n = mp_rel_year_n(y);
	size_t q = (size_t)mi * n + (size_t)mj;
	if (o->set == MP_PANEL_PRD) {
		/* politically relevant (Weede 1976; Lemke & Reed 2001; peacesciencer's
		 * filter_prd()): contiguous of any type, or a major power on either side */
		int contig = wd && wd->contig && wd->contig[q] >= 1;
		if (!contig && !mp_rel_year_major(y, (size_t)mi) && !mp_rel_year_major(y, (size_t)mj))
			return MP_OK;
	}
	mp_rel_dyad d;
	int rc = mp_rel_dyad_compute(ctx, y, g->members + g->start[i], (size_t)g->len[i], g->members + g->start[j],
				     (size_t)g->len[j], work, &d);
	if (rc)
		return rc;
	size_t r;
	if ((rc = mp_table_add_row(t, &r)))
		return rc;
	set_int(t, r, C_CC1, g->ccode[i], pair);
	set_int(t, r, C_CC2, g->ccode[j], pair);
	if ((rc = mp_table_set_text(t, r, C_AB1, g->label[i])) || (rc = mp_table_set_text(t, r, C_AB2, g->label[j])))
		return rc;
	mp_table_set_int(t, r, C_YEAR, year);
	int a = g->ccode[i], b = g->ccode[j];
	if (pair && wd) {
		if (wd->contig && isfinite(wd->contig[q]))
			mp_table_set_int(t, r, C_CONT, (int)wd->contig[q]);
		if (wd->distance)
			mp_table_set_real(t, r, C_DIST, wd->distance[q]);
		if (wd->rival && isfinite(wd->rival[q]))
			mp_table_set_int(t, r, C_RIVAL, (int)wd->rival[q]);
		if (wd->tie && isfinite(wd->tie[q]))
			mp_table_set_int(t, r, C_TIE, (int)wd->tie[q]);
		if (wd->defence && isfinite(wd->defence[q]))
			mp_table_set_int(t, r, C_DEF, (int)wd->defence[q]);
	}
	if (pair) {
		conflict(t, r, C_MIDON, h->mid, &h->sp, a, b, year);
		conflict(t, r, C_WARON, h->war, &h->sp, a, b, year);
		mp_table_set_int(t, r, C_MAJ1, mp_rel_year_major(y, (size_t)mi));
		mp_table_set_int(t, r, C_MAJ2, mp_rel_year_major(y, (size_t)mj));
	}
	mp_table_set_real(t, r, C_CINC1, d.cap_a);
	mp_table_set_real(t, r, C_CINC2, d.cap_b);
	mp_table_set_real(t, r, C_RATIO, d.cap_ratio);
	if ((rc = mp_table_set_text(t, r, C_PARITY, mp_rel_parity_name(d.parity))))
		return rc;
	set_int(t, r, C_ATOP, d.atop_tie, d.atop_tie >= 0);
	set_int(t, r, C_COW, d.cow_tie, d.cow_tie >= 0);
	const double sv[] = { d.s_unweighted, d.s_weighted, d.s_squared, d.tau_b, d.kappa, d.ideal_distance };
	for (size_t k = 0; k < sizeof sv / sizeof sv[0]; k++)
		mp_table_set_real(t, r, C_SU + k, sv[k]);
	if (v) {
		int ca[MAXC], cb[MAXC];
		size_t na = 0, nb = 0;
		for (int k = 0; k < g->len[i]; k++)
			ca[na++] = mp_rel_year_ccode(y, (size_t)g->members[g->start[i] + k]);
		for (int k = 0; k < g->len[j]; k++)
			cb[nb++] = mp_rel_year_ccode(y, (size_t)g->members[g->start[j] + k]);
		mp_rel_agree ag;
		if (mp_rel_rollcall_dyad(v, ca, na, cb, nb, 0, &ag))
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		if (ag.n > 0) {
			mp_table_set_real(t, r, C_AGREE, ag.agree);
			mp_table_set_real(t, r, C_SVOTES, ag.s);
			mp_table_set_real(t, r, C_KVOTES, ag.kappa);
		}
		mp_table_set_int(t, r, C_NVOTES, ag.n);
	}
	const double tv[] = { d.trade, d.dep_ab, d.dep_ba, d.barbieri.interdependence, d.junior.junior };
	for (size_t k = 0; k < sizeof tv / sizeof tv[0]; k++)
		mp_table_set_real(t, r, C_TRADE + k, tv[k]);
	if (o->components) {
		const double c[] = { d.barbieri.share_a, d.barbieri.share_b, d.junior.cap_asym, d.junior.dep_asym,
				     d.junior.alignment };
		for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
			mp_table_set_real(t, r, C_SH1 + k, c[k]);
	}
	return MP_OK;
}

static int one_year(mp_ctx *ctx, mp_store *s, const mp_panel_opts *o, const mp_rel_coverage *cov, int year,
		    const history *h, mp_panel_fn fn, void *u)
{
	mp_rel_year *y = NULL;
	mp_world_dyads *wd = NULL;
	mp_world_votes *v = NULL;
	mp_table *t = NULL;
	groups g = { 0 };
	double *work = NULL, *lat = NULL;
	int *cc = NULL;
	int rc = mp_rel_year_load(ctx, s, cov, year, &y);
	if (rc)
		goto done;
	size_t n = mp_rel_year_n(y);
	work = malloc((mp_rel_year_work_size(y) + 1) * sizeof *work);
	lat = malloc((2 * n + 1) * sizeof *lat);
	cc = malloc((n + 1) * sizeof *cc);
	if (!work || !lat || !cc || groups_build(y, o, &g)) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if (o->set != MP_PANEL_POLES) {
		for (size_t i = 0; i < n; i++)
			cc[i] = mp_rel_year_ccode(y, i);
		if ((rc = mp_world_capitals(ctx, s, year, cc, n, lat, lat + n)) ||
		    (rc = mp_world_dyads_build(ctx, s, year, cc, n, lat, lat + n,
					       MP_WORLD_DYAD_DISTANCE | MP_WORLD_DYAD_CONTIG | MP_WORLD_DYAD_ALLIANCE |
						       MP_WORLD_DYAD_RIVAL,
					       &wd)))
			goto done;
	}
	if (h->votes_first && year >= h->votes_first && year <= h->votes_last &&
	    (rc = mp_world_votes_load(ctx, s, year, &v)))
		goto done;
	if ((rc = mp_table_new(&t, dyad_cols, o->components ? sizeof dyad_cols / sizeof dyad_cols[0] : NDYAD)))
		goto done;
	for (size_t i = 0; i < g.n; i++)
		for (size_t j = o->directed ? 0 : i + 1; j < g.n; j++)
			if (i != j && (rc = add_row(ctx, t, o, y, &g, i, j, wd, v, h, work)))
				goto done;
	rc = fn(u, t, year);
done:
	mp_table_free(t);
	groups_free(&g);
	free(work);
	free(lat);
	free(cc);
	mp_world_votes_free(v);
	mp_world_dyads_free(wd);
	mp_rel_year_free(y);
	return rc;
}

static int check(mp_ctx *ctx, const mp_panel_opts *o)
{
	if (!o || o->version != MP_PANEL_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_panel_opts version %u is not %d (use MP_PANEL_OPTS_INIT)",
				    o ? o->version : 0, MP_PANEL_OPTS_VERSION);
	if (o->from > o->to)
		return mp_error_set(ctx, MP_EUSAGE, "panel: years %d-%d: the first is after the last", o->from, o->to);
	if (o->set == MP_PANEL_POLES && !o->poles)
		return mp_error_set(ctx, MP_EUSAGE, "panel: the pole set needs a pole table");
	return MP_OK;
}

int mp_rel_dyads_panel(mp_ctx *ctx, mp_store *s, const mp_panel_opts *o, mp_panel_fn fn, void *u)
{
	int rc = check(ctx, o);
	if (rc)
		return rc;
	mp_rel_coverage cov[MP_REL_NSOURCES];
	history h;
	memset(&h, 0, sizeof h);
	if ((rc = mp_rel_coverage_get(ctx, s, cov)))
		return rc;
	if (o->set == MP_PANEL_MAJORS && !cov[MP_REL_MAJORS].present)
		return mp_error_set(ctx, MP_ENOTFOUND, "dyads --set majors: dataset 'majors' is not imported");
	if ((rc = mp_world_events_load(ctx, s, MP_WORLD_EV_MID, &h.mid)) ||
	    (rc = mp_world_events_load(ctx, s, MP_WORLD_EV_WAR, &h.war)) ||
	    (rc = mp_store__panel_spells(ctx, s, &h.sp.v, &h.sp.n)))
		goto done;
	if (mp_store_has(s, "un_votes") && (rc = mp_world_votes_years(ctx, s, &h.votes_first, &h.votes_last)))
		goto done;
	for (int year = o->from; year <= o->to; year++) {
		if ((rc = one_year(ctx, s, o, cov, year, &h, fn, u)))
			goto done;
		mp_progress(ctx, "dyads", year - o->from + 1, o->to - o->from + 1);
	}
done:
	mp_world_events_free(h.mid);
	mp_world_events_free(h.war);
	free(h.sp.v);
	return rc;
}

/* ---- state-years ---------------------------------------------------------------------- */

static const mp_column state_cols[] = {
	{ "ccode", MP_COL_INT, 0 },        { "stateabb", MP_COL_TEXT, 0 },    { "year", MP_COL_INT, 0 },
	{ "milex", MP_COL_REAL, 0 },       { "milper", MP_COL_REAL, 0 },      { "irst", MP_COL_REAL, 0 },
	{ "pec", MP_COL_REAL, 0 },         { "tpop", MP_COL_REAL, 0 },        { "upop", MP_COL_REAL, 0 },
	{ "cinc", MP_COL_REAL, 8 },        { "cowmaj", MP_COL_INT, 0 },       { "gdp", MP_COL_REAL, 1 },
	{ "pwt_rgdpe", MP_COL_REAL, 1 },   { "sipri_milex", MP_COL_REAL, 1 }, { "sipri_milex_gdp", MP_COL_REAL, 4 },
	{ "ideal_point", MP_COL_REAL, 4 }, { "pole", MP_COL_TEXT, 0 },
};

/* PWT rows of one year by the COW state each stands for (crosswalk rules): pwt[ccode]. */
static void pwt_year(const mp_store_iso_row *p, size_t n, int year, double *pwt)
{
	for (int c = 0; c < MAXC; c++)
		pwt[c] = MP_NA;
	for (size_t i = 0; i < n; i++) {
		int cc[2];
		if (p[i].year != year || mp_country_state_of_iso3(p[i].iso3, year, cc) < 1)
			continue;
		if (cc[0] > 0 && cc[0] < MAXC)
			pwt[cc[0]] = p[i].v;
	}
}

int mp_rel_states_panel(mp_ctx *ctx, mp_store *s, const mp_panel_opts *o, mp_panel_fn fn, void *u)
{
	mp_panel_opts chk = *o;
	chk.set = MP_PANEL_ALL;
	int rc = check(ctx, &chk);
	if (rc)
		return rc;
	mp_store_sy_row *sip = NULL;
	mp_store_iso_row *pw = NULL;
	size_t nsip = 0, npw = 0;
	double *pwt = malloc(MAXC * sizeof *pwt);
	if (!pwt)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if ((rc = mp_store__panel_sipri(ctx, s, o->from, o->to, &sip, &nsip)) ||
	    (rc = mp_store__panel_pwt(ctx, s, o->from, o->to, &pw, &npw))) {
		free(sip);
		free(pwt);
		return rc;
	}
	for (int year = o->from; year <= o->to && rc == MP_OK; year++) {
		mp_world *w = NULL;
		mp_table *t = NULL;
		pwt_year(pw, npw, year, pwt);
		if ((rc = mp_world_from_store(ctx, s, year, NULL, o->poles, &w)) ||
		    (rc = mp_table_new(&t, state_cols, sizeof state_cols / sizeof state_cols[0]))) {
			mp_world_free(w);
			break;
		}
		for (size_t i = 0; i < w->n && rc == MP_OK; i++) {
			const mp_actor *a = &w->actors[i];
			if (a->ccode <= 0)
				continue;
			size_t r;
			if ((rc = mp_table_add_row(t, &r)) || (rc = mp_table_set_text(t, r, 1, a->stateabb)))
				break;
			mp_table_set_int(t, r, 0, a->ccode);
			mp_table_set_int(t, r, 2, year);
			for (int k = 0; k < MP_NCOMP; k++)
				mp_table_set_real(t, r, 3 + (size_t)k, a->comp[k]);
			mp_table_set_real(t, r, 9, a->cinc_published);
			if (w->has_majors)
				mp_table_set_int(t, r, 10, a->major);
			mp_table_set_real(t, r, 11, a->gdp);
			if (a->ccode < MAXC)
				mp_table_set_real(t, r, 12, pwt[a->ccode]);
			for (size_t k = 0; k < nsip; k++)
				if (sip[k].ccode == a->ccode && sip[k].year == year) {
					mp_table_set_real(t, r, 13, sip[k].v[0]);
					mp_table_set_real(t, r, 14, sip[k].v[1]);
					break;
				}
			mp_table_set_real(t, r, 15, a->ideal_point);
			if (o->poles && a->pole != MP_POLE_NONE)
				rc = mp_table_set_text(t, r, 16, mp_poles_name(o->poles, a->pole));
		}
		if (rc == MP_OK)
			rc = fn(u, t, year);
		mp_table_free(t);
		mp_world_free(w);
		mp_progress(ctx, "states", year - o->from + 1, o->to - o->from + 1);
	}
	free(sip);
	free(pw);
	free(pwt);
	return rc;
}
