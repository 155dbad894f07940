/* multipolar polarity: concentration, effective number of poles and a polarity class per
 * year, for all states, the COW major powers, or the poles. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/metrics.h"
#include "source.h"

typedef struct {
	cli_common common;
	cli_source_opts src;
	const char *set;
	int from, to;
	const char *classifier;
	double uni, bi, tau;
} polarity_opts;

static void defaults(void *vo)
{
	polarity_opts *o = vo;
	o->set = "all";
	o->classifier = "thompson";
	o->uni = 0.50;
	o->bi = 0.25;
	o->tau = 0.10;
}

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_SOURCE(polarity_opts, src),
	{ "set", CLI_STRING, offsetof(polarity_opts, set), "SET",
	  "units: all (states), majors (COW major powers) or poles" },
	{ "from", CLI_INT, offsetof(polarity_opts, from), "Y",
	  "first year (with --to alone: the first of the data; without either: the --start world's year)" },
	{ "to", CLI_INT, offsetof(polarity_opts, to), "Y", "last year (with --from alone: the last of the data)" },
	{ "classifier", CLI_STRING, offsetof(polarity_opts, classifier), "NAME",
	  "thompson (default), threshold or wayman (docs/models.md)" },
	{ "unipolar", CLI_REAL, offsetof(polarity_opts, uni), "S", "unipolar share threshold (default 0.50)" },
	{ "bipolar", CLI_REAL, offsetof(polarity_opts, bi), "S",
	  "thompson: share each of two poles needs (default 0.25)" },
	{ "tau", CLI_REAL, offsetof(polarity_opts, tau), "S",
	  "threshold: share that makes a unit a pole (default 0.10)" },
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static const mp_column cols[] = {
	{ "year", MP_COL_INT, 0 },
	{ "set", MP_COL_TEXT, 0 },
	{ "n", MP_COL_INT, 0 },
	{ "con", MP_COL_REAL, 4 },
	{ "n_eff", MP_COL_REAL, 3 },
	{ "n_golosov", MP_COL_REAL, 3 },
	{ "leader", MP_COL_TEXT, 0 },
	{ "leader_share", MP_COL_REAL, 4 },
	{ "runner_up", MP_COL_TEXT, 0 },
	{ "runner_up_share", MP_COL_REAL, 4 },
	{ "lead_ratio", MP_COL_REAL, 3 },
	{ "class", MP_COL_TEXT, 0 },
	/* COW codes of the leader and the runner-up (empty for poles and aggregates) */
	{ "leader_ccode", MP_COL_INT, 0 },
	{ "runner_up_ccode", MP_COL_INT, 0 },
};

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	polarity_opts *o = vo;
	cli_source src;
	mp_table *t = NULL;
	mp_world *w = NULL;
	mp_units u = { 0 };
	mp_unit_set set;
	mp_polarity_opts popts = MP_POLARITY_OPTS_INIT;
	int rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "polarity takes no arguments");
	if (mp_unit_set_parse(o->set, &set) != MP_OK)
		return mp_error_set(ctx, MP_EUSAGE, "--set must be all, majors or poles, not '%s'", o->set);
	if (mp_classifier_parse(o->classifier, &popts.classifier) != MP_OK)
		return mp_error_set(ctx, MP_EUSAGE, "--classifier must be thompson, threshold or wayman, not '%s'",
				    o->classifier);
	popts.uni = o->uni;
	popts.bi = o->bi;
	popts.tau = o->tau;
	if (o->src.start && (o->from || o->to))
		return mp_error_set(ctx, MP_EUSAGE, "give --start or --from/--to, not both");
	if ((rc = cli_source_open(ctx, &o->common, &o->src, &src)) != MP_OK)
		return rc;
	/* the years asked for (cut to the data with a note), else the start world's year */
	int from = o->from, to = o->to;
	if (!from && !to)
		from = to = src.start;
	if ((rc = cli_source_range(ctx, &o->common, &src, &from, &to)) != MP_OK)
		goto done;
	if ((rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])) != MP_OK)
		goto done;
	for (int y = from; y <= to; y++) {
		mp_polarity p;
		size_t row;
		if ((rc = cli_source_world(ctx, &src, y, MP_WORLD_MAJORS, &w)) != MP_OK)
			goto done;
		if ((rc = mp_units_build(ctx, w, set, src.poles, &u)) != MP_OK)
			goto done;
		if ((rc = mp_polarity_compute(ctx, u.cap, u.n, &popts, &p)) != MP_OK)
			goto done;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			goto done;
		mp_table_set_int(t, row, 0, y);
		mp_table_set_text(t, row, 1, o->set);
		mp_table_set_int(t, row, 2, p.n);
		mp_table_set_real(t, row, 3, p.con);
		mp_table_set_real(t, row, 4, p.n_eff);
		mp_table_set_real(t, row, 5, p.n_golosov);
		if (p.leader >= 0)
			mp_table_set_text(t, row, 6, u.name[p.leader]);
		mp_table_set_real(t, row, 7, p.leader_share);
		if (p.runner_up >= 0)
			mp_table_set_text(t, row, 8, u.name[p.runner_up]);
		mp_table_set_real(t, row, 9, p.runner_up_share);
		mp_table_set_real(t, row, 10, p.lead_ratio);
		mp_table_set_text(t, row, 11, p.cls);
		if (p.leader >= 0 && u.ccode[p.leader] > 0)
			mp_table_set_int(t, row, 12, u.ccode[p.leader]);
		if (p.runner_up >= 0 && u.ccode[p.runner_up] > 0)
			mp_table_set_int(t, row, 13, u.ccode[p.runner_up]);
		mp_units_clear(&u);
		mp_world_free(w);
		w = NULL;
		mp_progress(ctx, "polarity", y - from + 1, to - from + 1);
	}
	char about[512];
	rc = cli_write_table_about(ctx, &o->common, t, cli_source_about(&src, from, to, about, sizeof about));
done:
	mp_units_clear(&u);
	mp_world_free(w);
	mp_table_free(t);
	cli_source_close(&src);
	return rc;
}

const cli_command cli_cmd_polarity = {
	.name = "polarity",
	.summary = "concentration (CON), effective number of poles and polarity class per year",
	.usage = "[--set all|majors|poles] [--from Y] [--to Y | --start Y|default|latest] [--classifier NAME]",
	.description =
		"One row per year. Capabilities are COW CINC renormalised within the set; CON is Ray & Singer (1973), "
		"n_eff Laakso & Taagepera (1979), n_golosov Golosov (2010). The class comes from a named classifier "
		"whose thresholds are options: thompson (Thompson 1986: unipolar if the leader holds >= 50%, bipolar if "
		"two hold >= 25% each and >= 50% together), threshold (count of units holding >= tau), wayman (Wayman "
		"1984: the two largest hold >= 50%). Years come from the database's NMC data; a range reaching past "
		"them is cut to them with a note. Without --from/--to: the --start world (default: the newest "
		"available, the shipped default world of 2023 unless the database's NMC data reach it). The first "
		"line (CSV, JSON: a note on standard error) names the world used; docs/cli.md.",
	.example = "multipolar polarity --set majors --from 1946 --to 2016 --format csv",
	.options = options,
	.opts_size = sizeof(polarity_opts),
	.defaults = defaults,
	.run = run,
};
