/* multipolar dyads: the dyad-year panel (all states, major powers, poles or politically
 * relevant dyads) with peacesciencer's covariates. docs/panels.md. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"
#include "panel_out.h"

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
	{ "to", CLI_INT, offsetof(dyads_opts, to), "Y",
	  "last year of the panel (default: --year; with --from: the last with data)" },
	{ "set", CLI_STRING, offsetof(dyads_opts, set), "SET",
	  "all (every pair of system members, default), majors (COW major powers), prd (politically "
	  "relevant: contiguous or with a major power) or poles" },
	{ "directed", CLI_FLAG, offsetof(dyads_opts, directed), NULL,
	  "both orders of each pair (a,b) and (b,a); default one row per pair, ccode1 < ccode2" },
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

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	dyads_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_rel_coverage cov[MP_REL_NSOURCES];
	mp_panel_opts po = MP_PANEL_OPTS_INIT;
	panel_out out = { ctx, &o->common, { 0 }, 0, 0, NULL };
	char note[512];
	int rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "dyads takes no arguments (see --year, --to, --set)");
	if (o->year && o->from)
		return mp_error_set(ctx, MP_EUSAGE, "give --year Y or --from Y, not both");
	if (!o->year && !o->from)
		return mp_error_set(ctx, MP_EUSAGE, "--year Y or --from Y [--to Y] is required");
	int from = o->year ? o->year : o->from;
	if (!strcmp(o->set, "all"))
		po.set = MP_PANEL_ALL;
	else if (!strcmp(o->set, "majors"))
		po.set = MP_PANEL_MAJORS;
	else if (!strcmp(o->set, "poles"))
		po.set = MP_PANEL_POLES;
	else if (!strcmp(o->set, "prd"))
		po.set = MP_PANEL_PRD;
	else
		return mp_error_set(ctx, MP_EUSAGE, "dyads: --set '%s': expected all, majors, prd or poles", o->set);
	po.directed = o->directed;
	po.components = o->components;
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)) ||
	    (rc = mp_rel_coverage_get(ctx, s, cov)))
		goto done;
	if (po.set == MP_PANEL_POLES && (rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	po.poles = poles;
	/* the panel's frame is the state system: any year of the membership data will do
	 * (conflict, contiguity and votes need not be among the relations' sources) */
	const mp_rel_coverage *st = &cov[MP_REL_STATES];
	int to = o->to ? o->to : o->from ? st->last : from;
	if (from > to) {
		rc = mp_error_set(ctx, MP_EUSAGE, "the first year %d is after the last %d", from, to);
		goto done;
	}
	if ((rc = cli_cut_years(ctx, &o->common, "the COW state system membership (states)", st->first, st->last, &from,
				&to)))
		goto done;
	po.from = from;
	po.to = to;
	if (mp_rel_check_years(ctx, cov, po.from, po.to, note, sizeof note) != MP_OK)
		snprintf(note, sizeof note, "no capability, alliance, vote or trade data in %d-%d", po.from, po.to);
	if (note[0])
		cli_note(&o->common, "%s; cells outside are empty", note);
	rc = mp_rel_dyads_panel(ctx, s, &po, panel_out_chunk, &out);
done:
	rc = panel_out_close(&out, rc);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_dyads = {
	.name = "dyads",
	.summary = "dyad-year panel with peacesciencer's covariates (all states, majors, prd or poles)",
	.usage = "--year Y | --from Y [--to Y] [--set all|majors|prd|poles] [--directed] [--format FMT]",
	.description = "A tidy dyad-year panel, like peacesciencer's create_dyadyears() followed by its add_*() "
		       "functions: ccode1, ccode2, stateabb1, stateabb2, year; COW contiguity type and capital "
		       "distance (km); GML MID and COW war onset, ongoing and peace years; Thompson-Dreyer rivalry; "
		       "COW major-power flags; CINC of each side and their ratio; alliance ties; Signorino-Ritter S, "
		       "tau-b and kappa; UN ideal-point distance and roll-call agreement; trade and dependence. "
		       "Undirected by default (ccode1 < ccode2); --directed gives both orders; --set prd keeps the "
		       "politically relevant dyads (contiguous, or with a major power). Cells without data are empty. "
		       "Every column and its source: docs/panels.md. CSV is written year by year as it is made.",
	.example = "multipolar dyads --year 1946 --to 2010 --set prd --format csv --output prd.csv",
	.options = options,
	.opts_size = sizeof(dyads_opts),
	.defaults = defaults,
	.run = run,
};
