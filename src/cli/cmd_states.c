/* multipolar states: the state-year panel (NMC components, CINC, GDP, SIPRI spending, UN
 * ideal point, pole). docs/panels.md. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"
#include "multipolar/world.h"
#include "panel_out.h"

typedef struct {
	cli_common common;
	int year, from, to;
	const char *poles;
} states_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	{ "year", CLI_INT, offsetof(states_opts, year), "Y", "one year" },
	{ "from", CLI_INT, offsetof(states_opts, from), "Y", "first year (default: the first NMC year)" },
	{ "to", CLI_INT, offsetof(states_opts, to), "Y", "last year (default: the last NMC year)" },
	{ "poles", CLI_STRING, offsetof(states_opts, poles), "FILE", "pole membership file (default: shipped)" },
	CLI_END
};

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	states_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_panel_opts po = MP_PANEL_OPTS_INIT;
	panel_out out = { ctx, &o->common, { 0 }, 0, 0, NULL };
	int rc, first, last;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "states takes no arguments (see --year, --from, --to)");
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)) ||
	    (rc = mp_world_store_years(ctx, s, NULL, &first, &last)) || (rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	po.from = o->year ? o->year : o->from ? o->from : first;
	po.to = o->year ? o->year : o->to ? o->to : last;
	if (po.from < first || po.to > last) {
		rc = mp_error_set(ctx, MP_ERANGE, "states: years %d-%d outside the NMC data (%d-%d)", po.from, po.to,
				  first, last);
		goto done;
	}
	po.poles = poles;
	rc = mp_rel_states_panel(ctx, s, &po, panel_out_chunk, &out);
done:
	rc = panel_out_close(&out, rc);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_states = {
	.name = "states",
	.summary = "state-year panel: NMC components, CINC, GDP, SIPRI spending, ideal point, pole",
	.usage = "[--year Y | --from Y --to Y] [--format FMT]",
	.description = "A tidy state-year panel, like peacesciencer's create_stateyears() with add_nmc(), "
		       "add_cow_majors() and friends: ccode, stateabb, year, the six NMC components in COW's units, "
		       "the published CINC, the COW major-power flag, GDP (Maddison, millions of 2011 int$), SIPRI "
		       "military expenditure (constant 2022 US$ m) and its share of GDP, the UN ideal point "
		       "(Bailey, Strezhnev & Voeten 2017) and the shipped pole. Cells without data are empty. "
		       "Columns and sources: docs/panels.md.",
	.example = "multipolar states --from 1946 --to 2016 --format csv --output states.csv",
	.options = options,
	.opts_size = sizeof(states_opts),
	.run = run,
};
