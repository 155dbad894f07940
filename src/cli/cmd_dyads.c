/* multipolar dyads: a dyad-year panel (all states, major powers or poles). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"

typedef struct {
	cli_common common;
	int year, from, to;
	const char *set;
	int directed;
	int components;
	const char *poles;
} dyads_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	{ "year", CLI_INT, offsetof(dyads_opts, year), "Y", "one year (or, with --to, the first); or use --from" },
	{ "from", CLI_INT, offsetof(dyads_opts, from), "Y", "first year of the panel (with --to; default: --year)" },
	{ "to", CLI_INT, offsetof(dyads_opts, to), "Y", "last year of the panel (default: --year; with --from: the last with data)" },
	{ "set", CLI_STRING, offsetof(dyads_opts, set), "SET",
	  "all (every pair of system members, default), majors (COW major powers) or poles" },
	{ "directed", CLI_FLAG, offsetof(dyads_opts, directed), NULL,
	  "both orders of each pair (a,b) and (b,a); default one row per pair, a before b" },
	{ "components", CLI_FLAG, offsetof(dyads_opts, components), NULL,
	  "add the parts of the junior index (see 'multipolar dyad --help')" },
	{ "poles", CLI_STRING, offsetof(dyads_opts, poles), "FILE",
	  "pole membership file for --set poles (default: the shipped table)" },
	CLI_END
};

static void defaults(void *vo)
{
	dyads_opts *o = vo;
	o->set = "all";
}

enum { SET_ALL, SET_MAJORS, SET_POLES };

/* The actors of one year: member index lists (one per state, members per pole). */
typedef struct {
	size_t n;
	const char **label;
	int *start, *len; /* into members */
	int *members;
} actors;

static void actors_free(actors *g)
{
	free(g->label);
	free(g->start);
	free(g->len);
	free(g->members);
	memset(g, 0, sizeof *g);
}

static int build(const mp_rel_year *y, int set, const mp_poles *poles, actors *g)
{
	size_t n = mp_rel_year_n(y);
	size_t na = set == SET_POLES ? (size_t)mp_poles_count(poles) : n;
	g->label = calloc(na + 1, sizeof *g->label);
	g->start = calloc(na + 1, sizeof *g->start);
	g->len = calloc(na + 1, sizeof *g->len);
	g->members = calloc(n + 1, sizeof *g->members);
	if (!g->label || !g->start || !g->len || !g->members)
		return MP_ENOMEM;
	size_t m = 0;
	g->n = 0;
	if (set == SET_POLES) {
		for (int p = 0; p < mp_poles_count(poles); p++) {
			mp_rel_actor a = { 1, 0, p, "" };
			size_t k = mp_rel_actor_members(y, poles, &a, g->members + m);
			if (!k)
				continue;
			g->label[g->n] = mp_poles_name(poles, p);
			g->start[g->n] = (int)m;
			g->len[g->n] = (int)k;
			g->n++;
			m += k;
		}
		return MP_OK;
	}
	for (size_t i = 0; i < n; i++) {
		if (set == SET_MAJORS && !mp_rel_year_major(y, i))
			continue;
		g->label[g->n] = mp_rel_year_abb(y, i);
		g->start[g->n] = (int)m;
		g->len[g->n] = 1;
		g->members[m++] = (int)i;
		g->n++;
	}
	return MP_OK;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	dyads_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_table *t = NULL;
	mp_rel_year *y = NULL;
	double *work = NULL;
	actors g = { 0 };
	mp_rel_coverage cov[MP_REL_NSOURCES];
	char note[512];
	int rc, set;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "dyads takes no arguments (see --year, --to, --set)");
	if (o->year && o->from)
		return mp_error_set(ctx, MP_EUSAGE, "give --year Y or --from Y, not both");
	if (!o->year && !o->from)
		return mp_error_set(ctx, MP_EUSAGE, "--year Y or --from Y [--to Y] is required");
	int from = o->year ? o->year : o->from;
	if (!strcmp(o->set, "all"))
		set = SET_ALL;
	else if (!strcmp(o->set, "majors"))
		set = SET_MAJORS;
	else if (!strcmp(o->set, "poles"))
		set = SET_POLES;
	else
		return mp_error_set(ctx, MP_EUSAGE, "dyads: --set '%s': expected all, majors or poles", o->set);
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)))
		goto done;
	if ((rc = mp_rel_coverage_get(ctx, s, cov)))
		goto done;
	if (set == SET_MAJORS && !cov[MP_REL_MAJORS].present) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "dyads --set majors: dataset 'majors' is not imported");
		goto done;
	}
	if (set == SET_POLES && (rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	int first, last;
	if (mp_rel_years(cov, &first, &last)) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "no dyadic data imported (run 'multipolar import')");
		goto done;
	}
	int to = o->to ? o->to : o->from ? last : from;
	if (o->from && !o->to && from > last) {
		rc = mp_error_set(ctx, MP_ERANGE, "--from %d is after the data (%d-%d)", from, first, last);
		goto done;
	}
	if (from > to) {
		rc = mp_error_set(ctx, MP_EUSAGE, "the first year %d is after the last %d", from, to);
		goto done;
	}
	if ((rc = mp_rel_check_years(ctx, cov, from, to, note, sizeof note)) ||
	    (rc = cli_cut_years(ctx, &o->common, "the dyadic data", first, last, &from, &to)))
		goto done;
	if (note[0])
		cli_note(&o->common, "%s; cells outside are empty", note);
	if ((rc = mp_rel_table_new(&t, o->components)))
		goto done;
	for (int yr = from; yr <= to; yr++) {
		mp_rel_year_free(y);
		y = NULL;
		actors_free(&g);
		free(work);
		if ((rc = mp_rel_year_load(ctx, s, cov, yr, &y)))
			goto done;
		work = malloc(mp_rel_year_work_size(y) * sizeof *work);
		if (!work || build(y, set, poles, &g)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t i = 0; i < g.n; i++)
			for (size_t j = o->directed ? 0 : i + 1; j < g.n; j++) {
				if (i == j)
					continue;
				mp_rel_dyad d;
				if ((rc = mp_rel_dyad_compute(ctx, y, g.members + g.start[i], (size_t)g.len[i],
							      g.members + g.start[j], (size_t)g.len[j], work, &d)) ||
				    (rc = mp_rel_table_add(t, yr, g.label[i], g.label[j], &d, o->components)))
					goto done;
			}
		mp_progress(ctx, "dyads", yr - from + 1, to - from + 1);
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	actors_free(&g);
	free(work);
	mp_rel_year_free(y);
	mp_table_free(t);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_dyads = {
	.name = "dyads",
	.summary = "dyad-year panel of all states, major powers or poles (the 'dyad' columns)",
	.usage = "--year Y | --from Y [--to Y] [--set all|majors|poles] [--directed] [--format FMT]",
	.description =
		"A tidy dyad-year panel, like peacesciencer's create_dyadyears() followed by its add_*() "
		"functions: for every pair of system members (or COW major powers, or poles aggregating their "
		"members) in each year, the columns of 'multipolar dyad'. Undirected by default (a before b in "
		"COW code order); --directed gives both orders. Cells without data are empty.",
	.example = "multipolar dyads --year 1946 --to 2016 --set majors --format csv",
	.options = options,
	.opts_size = sizeof(dyads_opts),
	.defaults = defaults,
	.run = run,
};
