/* The state-year panel of the evaluation: NMC capabilities, Maddison GDP (joined by the
 * world layer, so the history and the truth use exactly the start world's values) and
 * COW war participation, by (year, ccode). */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/data.h"
#include "store/q_eval.h"

#define SRC "panel.c"

void ev_panel_free(ev_panel *p)
{
	if (!p)
		return;
	free(p->present);
	free(p->cinc);
	free(p->tpop);
	free(p->milex);
	free(p->gdp);
	free(p->war);
	free(p->abb);
	memset(p, 0, sizeof *p);
}

int ev_panel_alloc(mp_ctx *ctx, ev_panel *p, int first, int last)
{
	memset(p, 0, sizeof *p);
	p->first = first;
	p->last = last;
	size_t n = (size_t)(last - first + 1) * EV_NC;
	p->present = calloc(n, 1);
	p->cinc = malloc(n * sizeof *p->cinc);
	p->tpop = malloc(n * sizeof *p->tpop);
	p->milex = malloc(n * sizeof *p->milex);
	p->gdp = malloc(n * sizeof *p->gdp);
	p->war = malloc(n);
	p->abb = calloc(EV_NC, sizeof *p->abb);
	if (!p->present || !p->cinc || !p->tpop || !p->milex || !p->gdp || !p->war || !p->abb) {
		ev_panel_free(p);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		p->cinc[i] = p->tpop[i] = p->milex[i] = p->gdp[i] = MP_NA;
		p->war[i] = -1;
	}
	return MP_OK;
}

/* The NMC (and GDP) rows of every year of the panel, one world per year. */
static int fill_worlds(mp_ctx *ctx, mp_store *s, unsigned attrs, ev_panel *p)
{
	for (int y = p->first; y <= p->last; y++) {
		mp_world *w = NULL;
		int rc = mp_world_from_store_ex(ctx, s, y, NULL, NULL, attrs, &w);
		if (rc != MP_OK)
			return rc;
		for (size_t i = 0; i < w->n; i++) {
			const mp_actor *a = &w->actors[i];
			if (a->ccode <= 0 || a->ccode >= EV_NC)
				continue;
			size_t k = ev_at(p, y, a->ccode);
			p->present[k] = 1;
			p->cinc[k] = a->cinc_published;
			p->tpop[k] = a->comp[MP_TPOP];
			p->milex[k] = a->comp[MP_MILEX];
			p->gdp[k] = a->gdp;
			snprintf(p->abb[a->ccode], sizeof p->abb[0], "%s", a->stateabb);
		}
		mp_world_free(w);
	}
	return MP_OK;
}

int ev_panel_load(mp_ctx *ctx, mp_store *s, int first, int last, int with_gdp, int with_war, ev_panel *out)
{
	mp_dataset_info d;
	int rc = mp_store_dataset_pick(ctx, s, "nmc", NULL, &d);
	if (rc != MP_OK)
		return rc;
	if ((rc = ev_panel_alloc(ctx, out, first, last)) != MP_OK)
		return rc;
	snprintf(out->source, sizeof out->source, "NMC %s (database)", d.version);
	snprintf(out->version, sizeof out->version, "%s", d.version);
	out->has_gdp = with_gdp;
	if ((rc = fill_worlds(ctx, s, with_gdp ? MP_WORLD_GDP : 0, out)) != MP_OK)
		goto done;
	if (with_war) {
		int *cy = NULL;
		size_t n = 0;
		if ((rc = mp_q_eval_war_years(ctx, s, first, last, &cy, &n, &out->war_first, &out->war_last)) != MP_OK)
			goto done;
		/* COW's inter-state war list starts in 1816: every state-year from there to the
		   last year of the imported file is covered (0 unless a row says otherwise). */
		out->war_first = first > 1816 ? first : 1816;
		for (int y = out->war_first; y <= out->war_last && y <= last; y++)
			for (int c = 1; c < EV_NC; c++)
				if (out->present[ev_at(out, y, c)])
					out->war[ev_at(out, y, c)] = 0;
		for (size_t k = 0; k < n; k++) {
			int c = cy[2 * k], y = cy[2 * k + 1];
			if (c > 0 && c < EV_NC && ev_in(out, y) && y >= out->war_first && y <= out->war_last)
				out->war[ev_at(out, y, c)] = 1;
		}
		free(cy);
	}
done:
	if (rc != MP_OK)
		ev_panel_free(out);
	return rc;
}

int ev_panel_load_file(mp_ctx *ctx, const char *path, ev_panel *out)
{
	mp_store *ts = NULL;
	mp_import_result ir;
	int rc = mp_store_open(ctx, ":memory:", MP_STORE_CREATE, &ts);
	if (rc == MP_OK)
		rc = mp_import_file(ctx, ts, path, &ir);
	if (rc == MP_OK && strcmp(ir.family, "nmc") != 0)
		rc = mp_error_set(ctx, MP_EINPUT, "%s: expected an NMC file for --truth, got %s (%s)", path, ir.name,
				  ir.family);
	if (rc == MP_OK)
		rc = ev_panel_alloc(ctx, out, ir.year_min, ir.year_max);
	if (rc == MP_OK) {
		const char *base = strrchr(path, '/');
		snprintf(out->source, sizeof out->source, "NMC %s (%s)", ir.version, base ? base + 1 : path);
		snprintf(out->version, sizeof out->version, "%s", ir.version);
		if ((rc = fill_worlds(ctx, ts, 0, out)) != MP_OK)
			ev_panel_free(out);
	}
	mp_store_free(ts);
	return rc;
}

int ev_panel_cut(mp_ctx *ctx, const ev_panel *src, int until, ev_panel *out)
{
	int last = until < src->last ? until : src->last;
	if (last < src->first)
		return mp_error_set(ctx, MP_ERANGE, SRC ": no history up to %d (the panel starts in %d)", until,
				    src->first);
	int rc = ev_panel_alloc(ctx, out, src->first, last);
	if (rc != MP_OK)
		return rc;
	size_t n = (size_t)(last - src->first + 1) * EV_NC;
	memcpy(out->present, src->present, n);
	memcpy(out->cinc, src->cinc, n * sizeof *out->cinc);
	memcpy(out->tpop, src->tpop, n * sizeof *out->tpop);
	memcpy(out->milex, src->milex, n * sizeof *out->milex);
	memcpy(out->gdp, src->gdp, n * sizeof *out->gdp);
	memcpy(out->war, src->war, n);
	out->war_first = src->war_first;
	out->war_last = src->war_last < last ? src->war_last : last;
	out->has_gdp = src->has_gdp;
	snprintf(out->source, sizeof out->source, "%s", src->source);
	snprintf(out->version, sizeof out->version, "%s", src->version);
	/* no labels: units are named from the origin's world (evaluate.c) */
	return MP_OK;
}

int ev_war_event(const ev_panel *p, int c, int t, int onset)
{
	if (!ev_in(p, t) || !p->present[ev_at(p, t, c)] || p->war[ev_at(p, t, c)] < 0)
		return -1;
	int y = p->war[ev_at(p, t, c)];
	if (!onset || !y)
		return y;
	/* an onset: at war in t and not in t - 1 (a state new to the system enters) */
	int prev = ev_in(p, t - 1) && p->present[ev_at(p, t - 1, c)] ? p->war[ev_at(p, t - 1, c)] : 0;
	return prev == 1 ? 0 : 1;
}
