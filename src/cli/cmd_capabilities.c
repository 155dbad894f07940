/* multipolar capabilities: CINC and its six component shares per state or per pole. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/metrics.h"
#include "source.h"

typedef struct {
	cli_common common;
	cli_source_opts src;
	int year, from, to, top;
	const char *mode, *by;
} cap_opts;

static void defaults(void *vo)
{
	cap_opts *o = vo;
	o->mode = "cow";
	o->by = "state";
}

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_SOURCE(cap_opts, src),
	{ "year", CLI_INT, offsetof(cap_opts, year), "Y",
	  "the year (default: the --start world, the newest available)" },
	{ "from", CLI_INT, offsetof(cap_opts, from), "Y", "first year of a panel (with --to)" },
	{ "to", CLI_INT, offsetof(cap_opts, to), "Y", "last year of a panel" },
	{ "top", CLI_INT, offsetof(cap_opts, top), "K", "only the K largest by CINC each year" },
	{ "mode", CLI_STRING, offsetof(cap_opts, mode), "MODE",
	  "cow: mean of available component shares (reproduces NMC's cinc); renorm: divided by the year's total" },
	{ "by", CLI_STRING, offsetof(cap_opts, by), "UNIT", "state (default) or pole (sums over members)" },
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static const mp_column state_cols[] = {
	{ "year", MP_COL_INT, 0 },        { "ccode", MP_COL_INT, 0 },        { "stateabb", MP_COL_TEXT, 0 },
	{ "pole", MP_COL_TEXT, 0 },       { "milex_share", MP_COL_REAL, 4 }, { "milper_share", MP_COL_REAL, 4 },
	{ "irst_share", MP_COL_REAL, 4 }, { "pec_share", MP_COL_REAL, 4 },   { "tpop_share", MP_COL_REAL, 4 },
	{ "upop_share", MP_COL_REAL, 4 }, { "cinc", MP_COL_REAL, 5 },        { "cinc_published", MP_COL_REAL, 5 },
};
static const mp_column pole_cols[] = {
	{ "year", MP_COL_INT, 0 },         { "pole", MP_COL_TEXT, 0 },         { "members", MP_COL_INT, 0 },
	{ "milex_share", MP_COL_REAL, 4 }, { "milper_share", MP_COL_REAL, 4 }, { "irst_share", MP_COL_REAL, 4 },
	{ "pec_share", MP_COL_REAL, 4 },   { "tpop_share", MP_COL_REAL, 4 },   { "upop_share", MP_COL_REAL, 4 },
	{ "cinc", MP_COL_REAL, 5 },
};

typedef struct {
	double cinc;
	size_t i;
} ranked;

static int by_cinc(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->cinc != y->cinc)
		return x->cinc < y->cinc ? 1 : -1;
	return (x->i > y->i) - (x->i < y->i);
}

static int one_year(mp_ctx *ctx, cap_opts *o, cli_source *src, int year, mp_cinc_mode mode, int by_pole, mp_table *t)
{
	mp_world *w = NULL;
	double *share = NULL, *cinc = NULL;
	ranked *r = NULL;
	int rc = cli_source_world(ctx, src, year, MP_WORLD_NAMES | MP_WORLD_MAJORS, &w);
	if (rc != MP_OK)
		return rc;
	size_t n = w->n;
	share = malloc((n ? n : 1) * MP_NCOMP * sizeof *share);
	cinc = malloc((n ? n : 1) * sizeof *cinc);
	r = malloc((n > 64 ? n : 64) * sizeof *r);
	if (!share || !cinc || !r) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	mp_capabilities(w, NULL, mode, share, cinc);
	size_t row, k = 0;
	if (by_pole) {
		int np = mp_poles_count(src->poles);
		for (int p = -1; p < np; p++) {
			double acc[MP_NCOMP + 1] = { 0 };
			int members = 0;
			for (size_t i = 0; i < n; i++) {
				if (w->actors[i].pole != p)
					continue;
				members++;
				for (int c = 0; c < MP_NCOMP; c++)
					if (!mp_is_na(share[i * MP_NCOMP + c]))
						acc[c] += share[i * MP_NCOMP + c];
				if (!mp_is_na(cinc[i]))
					acc[MP_NCOMP] += cinc[i];
			}
			if (!members)
				continue;
			if ((rc = mp_table_add_row(t, &row)) != MP_OK)
				goto done;
			mp_table_set_int(t, row, 0, year);
			mp_table_set_text(t, row, 1, mp_poles_name(src->poles, p));
			mp_table_set_int(t, row, 2, members);
			for (int c = 0; c <= MP_NCOMP; c++)
				mp_table_set_real(t, row, 3 + (size_t)c, acc[c]);
		}
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(cinc[i])) {
			r[k].cinc = cinc[i];
			r[k].i = i;
			k++;
		}
	qsort(r, k, sizeof *r, by_cinc);
	if (o->top > 0 && (size_t)o->top < k)
		k = (size_t)o->top;
	for (size_t j = 0; j < k; j++) {
		const mp_actor *a = &w->actors[r[j].i];
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			goto done;
		mp_table_set_int(t, row, 0, year);
		if (a->ccode)
			mp_table_set_int(t, row, 1, a->ccode);
		mp_table_set_text(t, row, 2, a->stateabb);
		mp_table_set_text(t, row, 3, mp_poles_name(src->poles, a->pole));
		for (int c = 0; c < MP_NCOMP; c++)
			mp_table_set_real(t, row, 4 + (size_t)c, share[r[j].i * MP_NCOMP + c]);
		mp_table_set_real(t, row, 10, cinc[r[j].i]);
		mp_table_set_real(t, row, 11, a->cinc_published);
	}
done:
	free(share);
	free(cinc);
	free(r);
	mp_world_free(w);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	cap_opts *o = vo;
	cli_source src;
	mp_table *t = NULL;
	mp_cinc_mode mode;
	int rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "capabilities takes no arguments");
	if (!strcmp(o->mode, "cow"))
		mode = MP_CINC_COW;
	else if (!strcmp(o->mode, "renorm"))
		mode = MP_CINC_RENORM;
	else
		return mp_error_set(ctx, MP_EUSAGE, "--mode must be cow or renorm, not '%s'", o->mode);
	int by_pole = !strcmp(o->by, "pole");
	if (!by_pole && strcmp(o->by, "state"))
		return mp_error_set(ctx, MP_EUSAGE, "--by must be state or pole, not '%s'", o->by);
	if (o->year && (o->from || o->to))
		return mp_error_set(ctx, MP_EUSAGE, "give --year or --from/--to, not both");
	if (o->src.start && (o->year || o->from || o->to))
		return mp_error_set(ctx, MP_EUSAGE,
				    "give --start or --year/--from/--to, not both (--start Y is --year Y)");
	if ((rc = cli_source_open(ctx, &o->common, &o->src, &src)) != MP_OK)
		return rc;
	/* the years asked for, else the start world (--start, default latest) */
	int from = o->year ? o->year : o->from, to = o->year ? o->year : o->to;
	if (!from && !to)
		from = to = src.start;
	if ((rc = cli_source_range(ctx, &o->common, &src, &from, &to)) != MP_OK)
		goto done;
	if ((rc = mp_table_new(&t, by_pole ? pole_cols : state_cols,
			       by_pole ? sizeof pole_cols / sizeof pole_cols[0]
				       : sizeof state_cols / sizeof state_cols[0])) != MP_OK)
		goto done;
	for (int y = from; y <= to && rc == MP_OK; y++)
		rc = one_year(ctx, o, &src, y, mode, by_pole, t);
	char about[512];
	if (rc == MP_OK)
		rc = cli_write_table_about(ctx, &o->common, t, cli_source_about(&src, from, to, about, sizeof about));
done:
	mp_table_free(t);
	cli_source_close(&src);
	return rc;
}

const cli_command cli_cmd_capabilities = {
	.name = "capabilities",
	.summary = "CINC and its six component shares per state or per pole",
	.usage =
		"[--start Y|default|latest | --year Y | --from Y --to Y] [--top K] [--mode cow|renorm] [--by state|pole]",
	.description =
		"Each component share is the state's value over the system total of the states reporting it; CINC is "
		"the mean of the available shares (Singer, Bremer & Stuckey 1972), which reproduces NMC's published "
		"cinc (shown beside it). renorm divides by the year's CINC total so shares sum to 1. --by pole sums "
		"members' shares (pole table: --poles FILE or the shipped data/poles/poles.csv). Without --year or "
		"--from/--to the table is of the --start world: the newest available, which is the shipped default "
		"world (2023) unless the database's NMC data reach that year; the first line (or, for CSV and JSON, "
		"a note on standard error) names the world used. Where the world comes from: docs/cli.md.",
	.example = "multipolar capabilities --year 2016 --top 10",
	.options = options,
	.opts_size = sizeof(cap_opts),
	.defaults = defaults,
	.run = run,
};
