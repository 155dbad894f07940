/* Actors of a dyad (a state or a pole aggregating its members) and the tidy dyad-year
 * table. docs/relations.md section 1. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "multipolar/crosswalk.h"
#include "multipolar/relations.h"
#include "store/q_relations.h"

/* The error for an unknown actor, with the crosswalk's near matches. */
static int not_found(mp_ctx *ctx, const char *text, const char *poles)
{
	char hint[300] = "";
	const mp_country *c;
	if (mp_country_find(ctx, text, &c) != MP_OK) {
		const char *m = strstr(mp_error_message(ctx), "; did you mean");
		if (m)
			snprintf(hint, sizeof hint, "%s", m);
	}
	if (poles[0])
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "'%s': expected a state (COW ccode, stateabb or name) or a pole (%s)%s", text,
				    poles, hint);
	return mp_error_set(ctx, MP_ENOTFOUND, "'%s': expected a state (COW ccode, stateabb or name)%s", text, hint);
}

int mp_rel_resolve(mp_ctx *ctx, mp_store *s, const mp_poles *poles, const char *text, mp_rel_actor *out)
{
	memset(out, 0, sizeof *out);
	out->pole = MP_POLE_NONE;
	int force_pole = !strncasecmp(text, "pole:", 5);
	const char *name = force_pole ? text + 5 : text;
	if (!force_pole) {
		char abb[8];
		int rc = mp_store__rel_find_state(ctx, s, name, &out->ccode, abb);
		if (rc)
			return rc;
		if (out->ccode) {
			snprintf(out->label, sizeof out->label, "%s", abb);
			return MP_OK;
		}
		/* not in the membership table by its own keys: an ISO3 code or another name of
		 * a COW state (the one crosswalk) */
		const mp_country *c;
		if (mp_country_find(NULL, name, &c) == MP_OK && c->ccode > 0 &&
		    mp_store__rel_find_state(ctx, s, c->cowc[0] ? c->cowc : name, &out->ccode, abb) == MP_OK &&
		    out->ccode) {
			snprintf(out->label, sizeof out->label, "%s", abb);
			return MP_OK;
		}
		out->ccode = 0;
	}
	int p = poles ? mp_poles_find(poles, name) : MP_POLE_NONE;
	if (p != MP_POLE_NONE) {
		out->is_pole = 1;
		out->pole = p;
		snprintf(out->label, sizeof out->label, "%s", mp_poles_name(poles, p));
		return MP_OK;
	}
	if (force_pole || poles) {
		char list[512] = "";
		size_t len = 0;
		for (int i = 0; poles && i < mp_poles_count(poles) && len + 40 < sizeof list; i++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
						mp_poles_name(poles, i));
		return not_found(ctx, text, list[0] ? list : "no pole table loaded");
	}
	return not_found(ctx, text, "");
}

size_t mp_rel_actor_members(const mp_rel_year *y, const mp_poles *poles, const mp_rel_actor *a, int *idx)
{
	if (!a->is_pole) {
		int i = mp_rel_year_find(y, a->ccode);
		if (i < 0)
			return 0;
		idx[0] = i;
		return 1;
	}
	size_t k = 0, n = mp_rel_year_n(y);
	int year = mp_rel_year_year(y);
	for (size_t i = 0; i < n; i++)
		if (mp_poles_of(poles, mp_rel_year_ccode(y, i), year) == a->pole)
			idx[k++] = (int)i;
	return k;
}

static const mp_column base_cols[] = {
	{ "ccode1", MP_COL_INT, 0 },
	{ "ccode2", MP_COL_INT, 0 },
	{ "stateabb1", MP_COL_TEXT, 0 },
	{ "stateabb2", MP_COL_TEXT, 0 },
	{ "year", MP_COL_INT, 0 },
	{ "cap_share_a", MP_COL_REAL, 4 },
	{ "cap_ratio", MP_COL_REAL, 4 },
	{ "parity", MP_COL_TEXT, 0 },
	{ "atop_tie", MP_COL_INT, 0 },
	{ "cow_tie", MP_COL_INT, 0 },
	{ "s_unweighted", MP_COL_REAL, 4 },
	{ "s_weighted", MP_COL_REAL, 4 },
	{ "s_squared", MP_COL_REAL, 4 },
	{ "tau_b", MP_COL_REAL, 4 },
	{ "kappa", MP_COL_REAL, 4 },
	{ "ideal_distance", MP_COL_REAL, 3 },
	{ "trade", MP_COL_REAL, 1 },
	{ "dep_ab", MP_COL_REAL, 6 },
	{ "dep_ba", MP_COL_REAL, 6 },
	{ "barbieri", MP_COL_REAL, 6 },
	{ "junior_index", MP_COL_REAL, 4 },
	/* roll-call votes */
	{ "agree", MP_COL_REAL, 4 },
	{ "s_votes", MP_COL_REAL, 4 },
	{ "kappa_votes", MP_COL_REAL, 4 },
	{ "nvotes", MP_COL_INT, 0 },
	{ "agree_me", MP_COL_REAL, 4 },
	{ "agree_nu", MP_COL_REAL, 4 },
	{ "agree_di", MP_COL_REAL, 4 },
	{ "agree_hr", MP_COL_REAL, 4 },
	{ "agree_co", MP_COL_REAL, 4 },
	{ "agree_ec", MP_COL_REAL, 4 },
	/* components */
	{ "cap_a", MP_COL_REAL, 5 },
	{ "cap_b", MP_COL_REAL, 5 },
	{ "share_a", MP_COL_REAL, 6 },
	{ "share_b", MP_COL_REAL, 6 },
	{ "cap_asym", MP_COL_REAL, 4 },
	{ "dep_asym", MP_COL_REAL, 4 },
	{ "alignment", MP_COL_REAL, 4 },
};
#define NREL 21
#define NVOTE 10
#define NBASE (NREL + NVOTE)
#define NALL (sizeof base_cols / sizeof base_cols[0])

int mp_rel_table_new(mp_table **out, int components)
{
	return mp_table_new(out, base_cols, components ? NALL : NBASE);
}

int mp_rel_table_add(mp_table *t, int year, const mp_rel_actor *a, const mp_rel_actor *b, const mp_rel_dyad *d,
		     const mp_rel_agree *votes, int components)
{
	size_t r;
	int rc = mp_table_add_row(t, &r);
	if (rc)
		return rc;
	if (!a->is_pole)
		mp_table_set_int(t, r, 0, a->ccode);
	if (!b->is_pole)
		mp_table_set_int(t, r, 1, b->ccode);
	if ((rc = mp_table_set_text(t, r, 2, a->label)) || (rc = mp_table_set_text(t, r, 3, b->label)))
		return rc;
	mp_table_set_int(t, r, 4, year);
	mp_table_set_real(t, r, 5, d->cap_share_a);
	mp_table_set_real(t, r, 6, d->cap_ratio);
	if ((rc = mp_table_set_text(t, r, 7, mp_rel_parity_name(d->parity))))
		return rc;
	if (d->atop_tie >= 0)
		mp_table_set_int(t, r, 8, d->atop_tie);
	if (d->cow_tie >= 0)
		mp_table_set_int(t, r, 9, d->cow_tie);
	const double v[] = { d->s_unweighted,   d->s_weighted, d->s_squared, d->tau_b,  d->kappa,
			     d->ideal_distance, d->trade,      d->dep_ab,    d->dep_ba, d->barbieri.interdependence,
			     d->junior.junior };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		mp_table_set_real(t, r, 10 + i, v[i]);
	if (votes && votes[0].n > 0) {
		mp_table_set_real(t, r, NREL, votes[0].agree);
		mp_table_set_real(t, r, NREL + 1, votes[0].s);
		mp_table_set_real(t, r, NREL + 2, votes[0].kappa);
		for (size_t k = 1; k <= 6; k++)
			if (votes[k].n > 0)
				mp_table_set_real(t, r, NREL + 3 + k, votes[k].agree);
	}
	if (votes)
		mp_table_set_int(t, r, NREL + 3, votes[0].n);
	if (components) {
		const double c[] = { d->cap_a,           d->cap_b,           d->barbieri.share_a, d->barbieri.share_b,
				     d->junior.cap_asym, d->junior.dep_asym, d->junior.alignment };
		for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
			mp_table_set_real(t, r, NBASE + i, c[i]);
	}
	return MP_OK;
}
