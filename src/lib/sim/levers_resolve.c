/* The scenario's levers resolved against the start world (docs/scenarios.md, "Names in
 * levers"): every name is a camp of the scenario, a pole of the membership table or a state
 * of the world (stateabb or name, case-insensitive; looked up in that order). A name that
 * is none of these is an error naming its file, line and column, with the nearest names
 * of the run; a state that the world holds only inside a remainder row (the shipped default
 * world lists the 60 largest states: data/world/remainders.csv says where the others are)
 * is an error naming the row. All errors are MP_EINPUT (exit status 2). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim/levers_internal.h"
#include "sim/scenario_internal.h"
#include "util/csv.h"

/* Levenshtein distance of the lowercased strings (Levenshtein 1966), up to 47 bytes. */
static int edit_distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	if (la > 47)
		la = 47;
	if (lb > 47)
		lb = 47;
	int d[48];
	for (int j = 0; j <= lb; j++)
		d[j] = j;
	for (int i = 1; i <= la; i++) {
		int prev = d[0];
		d[0] = i;
		for (int j = 1; j <= lb; j++) {
			int cur = d[j];
			int sub = prev + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
			int del = d[j] + 1, ins = d[j - 1] + 1;
			d[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			prev = cur;
		}
	}
	return d[lb];
}

/* "a" or "an" before a lever's name ("an `aid` lever"). */
static const char *article(const char *word)
{
	return strchr("aeiou", word[0]) && word[0] ? "an" : "a";
}

typedef struct near {
	char list[160];
	int best[3];
	const char *name[3];
} near;

static void near_add(near *nr, const char *want, const char *cand)
{
	if (!cand || !*cand)
		return;
	int d = edit_distance(want, cand);
	size_t lw = strlen(want);
	if (lw >= 2 && !strncasecmp(want, cand, lw))
		d = 1; /* a prefix: "Bela" for "Belarus" */
	if (d > (lw <= 4 ? 2 : 3))
		return;
	for (int k = 0; k < 3; k++) {
		if (nr->name[k] && !strcasecmp(nr->name[k], cand))
			return;
		if (!nr->name[k] || d < nr->best[k]) {
			for (int m = 2; m > k; m--) {
				nr->best[m] = nr->best[m - 1];
				nr->name[m] = nr->name[m - 1];
			}
			nr->best[k] = d;
			nr->name[k] = cand;
			return;
		}
	}
}

static const char *near_text(near *nr)
{
	size_t o = 0;
	nr->list[0] = '\0';
	for (int k = 0; k < 3 && nr->name[k]; k++)
		o += (size_t)snprintf(nr->list + o, sizeof nr->list - o, "%s%s", k ? ", " : "; did you mean ",
				      nr->name[k]);
	if (o && o < sizeof nr->list)
		snprintf(nr->list + o, sizeof nr->list - o, "?");
	return nr->list;
}

/* The remainder row that holds the state `name` (data/world/remainders.csv), as
 * "XRUS (Rest of Russia pole)", with the state's own name; 0 when none. */
static int remainder_of(const mp_sim *s, const char *name, char *row, size_t size, char *full, size_t fsize)
{
	char *path = NULL;
	if (mp_data_path(NULL, "world/remainders.csv", &path) != MP_OK)
		return 0;
	mp_csv csv;
	int found = 0;
	if (mp_csv_open(NULL, path, &csv) == MP_OK) {
		int rc;
		while (!found && (rc = mp_csv_next(NULL, &csv)) == 1) {
			if (csv.nfields < 4 || (strcasecmp(csv.fields[1], name) && strcasecmp(csv.fields[2], name)))
				continue;
			int i = mp_world_find_name(s->w, csv.fields[3]);
			if (i >= 0 && s->agg[i]) {
				snprintf(row, size, "%s (%s)", s->w->actors[i].stateabb, s->w->actors[i].name);
				snprintf(full, fsize, "%s", csv.fields[2]);
				found = 1;
			}
		}
		mp_csv_close(&csv);
	}
	free(path);
	return found;
}

static int lever_error(mp_ctx *ctx, const mp_scenario *sc, const mp_lever *l, const mp_lever_name *nm, const char *what)
{
	const char *file = l->file >= 0 && (size_t)l->file < sc->nfiles ? sc->files[l->file] : sc->path;
	return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: %s", file, nm->line, nm->col, what);
}

static int add_actor(mp_ctx *ctx, const mp_scenario *sc, const mp_lever *l, const mp_lever_name *nm, mp_sim_lever *r,
		     int side, int i)
{
	for (int a = 0; a < r->nact[side]; a++)
		if (r->act[side][a] == i)
			return MP_OK;
	if (r->nact[side] >= MP_LEVER_MAX_ACTORS)
		return lever_error(ctx, sc, l, nm, "more than 256 states on one side of a lever");
	r->act[side][r->nact[side]++] = (short)i;
	return MP_OK;
}

/* One name of side `side` of lever l into r. */
static int resolve_name(mp_ctx *ctx, const mp_sim *s, const mp_scenario *sc, const mp_poles *poles, const mp_lever *l,
			int side, const mp_lever_name *nm, mp_sim_lever *r)
{
	const char *type = l->kind == MP_LEVER_SHOCK_GDP || l->kind == MP_LEVER_SHOCK_MILEX ? "shock" : "lever";
	const char *kind = mp_sim__lever_type_name(l->kind);
	const int single = l->kind == MP_LEVER_AID || l->kind == MP_LEVER_SUPPORT; /* donor, recipient: states */
	const int joining = l->kind == MP_LEVER_JOIN && side == 0;
	char msg[512];
	if (l->kind == MP_LEVER_JOIN && side == 1) {
		if (!strcasecmp(nm->name, "nonaligned") || !strcasecmp(nm->name, "none")) {
			r->camp = -1;
			return MP_OK;
		}
		near nr = { 0 };
		for (size_t c = 0; c < s->ncamps; c++) {
			if (!strcasecmp(s->camp_name[c], nm->name)) {
				r->camp = (int)c;
				return MP_OK;
			}
			near_add(&nr, nm->name, s->camp_name[c]);
		}
		near_add(&nr, nm->name, "nonaligned");
		snprintf(msg, sizeof msg,
			 "unknown camp '%s' in a `join` lever (expected one of the scenario's camps or "
			 "nonaligned%s)",
			 nm->name, near_text(&nr));
		return lever_error(ctx, sc, l, nm, msg);
	}
	for (size_t c = 0; c < s->ncamps; c++)
		if (!strcasecmp(s->camp_name[c], nm->name)) {
			if (single || joining) {
				snprintf(msg, sizeof msg, "'%s' is a camp: %s `%s` %s names %s here", nm->name,
					 article(kind), kind, type, single ? "one state" : "states or poles");
				return lever_error(ctx, sc, l, nm, msg);
			}
			r->campmask[side] |= 1u << c;
			return MP_OK;
		}
	int pole = poles ? mp_poles_find(poles, nm->name) : MP_POLE_NONE;
	if (pole != MP_POLE_NONE && mp_world_find_name(s->w, nm->name) < 0) {
		if (single) {
			snprintf(msg, sizeof msg, "'%s' is a pole: %s `%s` lever names one state here", nm->name,
				 article(kind), kind);
			return lever_error(ctx, sc, l, nm, msg);
		}
		for (size_t i = 0; i < s->n; i++)
			if (s->w->actors[i].pole == pole && !(joining && s->agg[i])) {
				int rc = add_actor(ctx, sc, l, nm, r, side, (int)i);
				if (rc != MP_OK)
					return rc;
			}
		return MP_OK;
	}
	int i = mp_world_find_name(s->w, nm->name);
	if (i >= 0) {
		if (joining && s->agg[i]) {
			snprintf(msg, sizeof msg,
				 "'%s' is the remainder row %s (%s), an aggregate of states: it cannot "
				 "join a camp",
				 nm->name, s->w->actors[i].stateabb, s->w->actors[i].name);
			return lever_error(ctx, sc, l, nm, msg);
		}
		return add_actor(ctx, sc, l, nm, r, side, i);
	}
	char row[128], full[80];
	if (remainder_of(s, nm->name, row, sizeof row, full, sizeof full)) {
		if (joining)
			snprintf(
				msg, sizeof msg,
				"state '%s' (%s) is not listed in this world: it is part of the remainder "
				"row %s, and a remainder row cannot join a camp (start from imported data, e.g. `start: "
				"2016`, where every state is listed)",
				nm->name, full, row);
		else
			snprintf(msg, sizeof msg,
				 "state '%s' (%s) is not listed in this world: it is part of the remainder "
				 "row %s, which %s `%s` %s cannot split (name the row, a camp or a pole, or start from "
				 "imported data, e.g. `start: 2016`, where every state is listed)",
				 nm->name, full, row, article(kind), kind, type);
		return lever_error(ctx, sc, l, nm, msg);
	}
	near nr = { 0 };
	for (size_t c = 0; c < s->ncamps; c++)
		near_add(&nr, nm->name, s->camp_name[c]);
	for (int p = 0; poles && p < mp_poles_count(poles); p++)
		near_add(&nr, nm->name, mp_poles_name(poles, p));
	for (size_t k = 0; k < s->n; k++) {
		near_add(&nr, nm->name, s->w->actors[k].stateabb);
		near_add(&nr, nm->name, s->w->actors[k].name);
	}
	snprintf(msg, sizeof msg, "unknown state, camp or pole '%s' in %s `%s` %s%s", nm->name, article(kind), kind,
		 type, near_text(&nr));
	return lever_error(ctx, sc, l, nm, msg);
}

/* An error at (line, column, file index) of the scenario; without a line (a scenario
 * built in code), "scenario NAME". */
static int at_error(mp_ctx *ctx, const mp_scenario *sc, const int at[3], const char *what)
{
	if (at[0] <= 0)
		return mp_error_set(ctx, MP_EINPUT, "scenario %s: %s", sc->name, what);
	const char *file = at[2] >= 0 && (size_t)at[2] < sc->nfiles ? sc->files[at[2]] : sc->path;
	return mp_error_set(ctx, MP_EINPUT, "%s:%d:%d: %s", file, at[0], at[1], what);
}

/* A state name of a camp definition (a leader or a member) that is not a listed state of
 * the world: the error, with the remainder row that holds it or the nearest names. */
static int camp_state_error(mp_ctx *ctx, const mp_sim *s, const mp_scenario *sc, const mp_camp_def *d, const char *name,
			    const char *role, const int at[3])
{
	char msg[512], row[128], full[80];
	int i = mp_world_find_name(s->w, name);
	if (i >= 0 && s->agg[i])
		snprintf(msg, sizeof msg,
			 "'%s' is the remainder row %s (%s), an aggregate of states: it cannot be a %s "
			 "of camp %s",
			 name, s->w->actors[i].stateabb, s->w->actors[i].name, role, d->name);
	else if (remainder_of(s, name, row, sizeof row, full, sizeof full))
		snprintf(msg, sizeof msg,
			 "state '%s' (%s), a %s of camp %s, is not listed in this world: it is part "
			 "of the remainder row %s (start from imported data, e.g. `start: 2016`, where every state "
			 "is listed)",
			 name, full, role, d->name, row);
	else {
		near nr = { 0 };
		for (size_t k = 0; k < s->n; k++)
			if (!s->agg[k]) {
				near_add(&nr, name, s->w->actors[k].stateabb);
				near_add(&nr, name, s->w->actors[k].name);
			}
		snprintf(msg, sizeof msg,
			 "unknown state '%s' as a %s of camp %s (a stateabb or name of the start world, "
			 "%d)%s",
			 name, role, d->name, s->w->year, near_text(&nr));
	}
	return at_error(ctx, sc, at, msg);
}

/* The scenario's camps against the start world: every leader and member a listed state
 * (members may not be remainder rows either: they would be moved as one), every `pole` a
 * pole of the membership table (when the run has one). Names written in a file are
 * checked; camps built in code (mp_scenario_default's USA, CHN, RUS) keep the old rule:
 * a name the world lacks is no camp member. */
static int check_camps(mp_ctx *ctx, const mp_sim *s, const mp_scenario *sc, const mp_poles *poles)
{
	for (size_t c = 0; c < sc->ncamps; c++) {
		const mp_camp_def *d = &sc->camps[c];
		for (int l = 0; l < d->nleaders; l++) {
			int i = mp_world_find_name(s->w, d->leaders[l]);
			if ((i < 0 || s->agg[i]) && d->leader_at[l][0] > 0)
				return camp_state_error(ctx, s, sc, d, d->leaders[l], "leader", d->leader_at[l]);
		}
		for (int m = 0; m < d->nmembers; m++) {
			int i = mp_world_find_name(s->w, d->members[m]);
			if ((i < 0 || s->agg[i]) && d->member_at[m][0] > 0)
				return camp_state_error(ctx, s, sc, d, d->members[m], "member", d->member_at[m]);
		}
		if (d->pole[0] && d->pole_at[0] > 0 && poles && mp_poles_find(poles, d->pole) == MP_POLE_NONE) {
			near nr = { 0 };
			for (int p = 0; p < mp_poles_count(poles); p++)
				near_add(&nr, d->pole, mp_poles_name(poles, p));
			char msg[320];
			snprintf(msg, sizeof msg,
				 "unknown pole '%s' for camp %s (expected a pole of the membership table)%s", d->pole,
				 d->name, near_text(&nr));
			return at_error(ctx, sc, d->pole_at, msg);
		}
	}
	return MP_OK;
}

/* A sanctions lever naming the same camp (-2) or the same state (its index) on both sides,
 * else -1. (A state in a camp of side A while it is there is not sanctioned by its own
 * camp: levers.c; joins may move it out, so that is no error.) */
static int overlap(const mp_sim_lever *r)
{
	if (r->campmask[0] & r->campmask[1])
		return -2;
	for (int a = 0; a < r->nact[0]; a++)
		for (int b = 0; b < r->nact[1]; b++)
			if (r->act[1][b] == r->act[0][a])
				return r->act[0][a];
	return -1;
}

int mp_sim__levers_resolve(mp_ctx *ctx, mp_sim *s, const mp_scenario *sc, const mp_poles *poles)
{
	mp_levers_state *st = mp_sim__state(s, MP_MECH_LEVERS);
	st->nlevers = st->nsec = 0;
	int rc = sc ? check_camps(ctx, s, sc, poles) : MP_OK;
	if (rc != MP_OK)
		return rc;
	for (size_t k = 0; sc && k < sc->nlevers; k++) {
		const mp_lever *l = &sc->levers[k];
		mp_sim_lever *r = &st->lv[st->nlevers];
		memset(r, 0, sizeof *r);
		r->kind = l->kind;
		r->value = l->value;
		r->secondary = l->secondary;
		r->trade = l->trade;
		r->dual_use = l->dual_use;
		r->from = l->from ? l->from : INT_MIN;
		r->to = l->to ? l->to : INT_MAX;
		r->ramp = l->ramp;
		r->ramp_from = l->from ? l->from : s->year0 + 1;
		r->age_lo = l->age_lo;
		r->age_hi = l->age_hi;
		r->sex = l->sex;
		r->camp = -1;
		r->sec = -1;
		for (int side = 0; side < 2; side++) {
			/* a lever built in code may name one state or camp per side in a / b only */
			mp_lever_name one = { .line = l->line, .col = l->col };
			const char *ab = side ? l->b : l->a;
			int nnames = l->nside[side];
			if (!nnames && ab[0]) {
				snprintf(one.name, sizeof one.name, "%.39s", ab); /* name[40] */
				nnames = 1;
			}
			for (int m = 0; m < nnames && rc == MP_OK; m++)
				rc = resolve_name(ctx, s, sc, poles, l, side, l->nside[side] ? &l->side[side][m] : &one,
						  r);
			if (rc != MP_OK)
				return rc;
		}
		if ((l->kind == MP_LEVER_AID || l->kind == MP_LEVER_SUPPORT) && (r->nact[0] != 1 || r->nact[1] != 1)) {
			mp_lever_name at = { .line = l->line, .col = l->col };
			return lever_error(ctx, sc, l, &at, "expected one donor and one recipient state");
		}
		if ((l->kind == MP_LEVER_AID || l->kind == MP_LEVER_SUPPORT) && r->act[0][0] == r->act[1][0])
			return lever_error(ctx, sc, l, &l->side[1][0], "the recipient is the donor");
		int both = l->kind == MP_LEVER_SANCTIONS ? overlap(r) : -1;
		if (both != -1) {
			char msg[256];
			if (both == -2)
				snprintf(msg, sizeof msg, "a camp is on both sides of a `sanctions` lever (by and on)");
			else
				snprintf(msg, sizeof msg,
					 "%s is on both sides of a `sanctions` lever (by and on): a state "
					 "does not sanction itself",
					 s->w->actors[both].stateabb);
			return lever_error(ctx, sc, l, l->nside[1] ? &l->side[1][0] : &l->side[0][0], msg);
		}
		if (l->kind == MP_LEVER_SANCTIONS && r->secondary > 0) {
			if (st->nsec >= MP_LEVER_MAX_SECONDARY)
				return lever_error(ctx, sc, l, &l->side[0][0],
						   "more than 8 sanctions with `secondary`");
			r->sec = (int)st->nsec++;
		}
		st->nlevers++;
	}
	return MP_OK;
}
