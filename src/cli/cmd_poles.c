/* multipolar poles: the pole membership table for a year. */
#include <stdlib.h>

#include "cli.h"
#include "multipolar/poles.h"

typedef struct {
	cli_common common;
	int year;
	const char *poles;
} poles_opts;

static const cli_option options[] = {
	{ "year", CLI_INT, offsetof(poles_opts, year), "Y", "the year (default: every spell)" },
	{ "poles", CLI_STRING, offsetof(poles_opts, poles), "FILE", "a membership file replacing the shipped one" },
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_END
};

static const mp_column cols[] = {
	{ "ccode", MP_COL_INT, 0 },     { "stateabb", MP_COL_TEXT, 0 }, { "pole", MP_COL_TEXT, 0 },
	{ "from_year", MP_COL_INT, 0 }, { "to_year", MP_COL_INT, 0 },   { "rule", MP_COL_TEXT, 0 },
};

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	poles_opts *o = vo;
	mp_poles *p = NULL;
	mp_table *t = NULL;
	int rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "poles takes no arguments");
	if ((rc = mp_poles_load(ctx, o->poles, &p)) != MP_OK)
		return rc;
	if ((rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])) != MP_OK)
		goto done;
	for (size_t i = 0; i < mp_poles_spells(p); i++) {
		const mp_pole_spell *s = mp_poles_spell(p, i);
		size_t row;
		if (o->year && (o->year < s->from_year || o->year > s->to_year))
			continue;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			goto done;
		mp_table_set_int(t, row, 0, s->ccode);
		mp_table_set_text(t, row, 1, s->stateabb);
		mp_table_set_text(t, row, 2, mp_poles_name(p, s->pole));
		mp_table_set_int(t, row, 3, s->from_year);
		mp_table_set_int(t, row, 4, s->to_year);
		mp_table_set_text(t, row, 5, s->rule);
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	mp_table_free(t);
	mp_poles_free(p);
	return rc;
}

const cli_command cli_cmd_poles = {
	.name = "poles",
	.summary = "the pole membership table (West, China, Russia, India, Islamic, Africa, LatinAmerica)",
	.usage = "[--year Y] [--poles FILE]",
	.description = "Lists the membership spells in force in a year (or all). The shipped table's rules are in "
		       "docs/poles.md; a user file with the same columns replaces it everywhere via --poles.",
	.example = "multipolar poles --year 2016 --format csv",
	.options = options,
	.opts_size = sizeof(poles_opts),
	.run = run,
};
