/* multipolar report: one self-contained HTML file with the history, forecasts, relations
 * and negotiations stored in the database (a thin client of mp_report_write_file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "multipolar/relations.h"
#include "multipolar/report.h"

typedef struct {
	cli_common common;
	cli_strv scenarios;
	cli_strv dyads;
	const char *poles;
	const char *version;
	const char *title;
	int from, to, top;
} report_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	{ "output", CLI_STRING, offsetof(cli_common, output), "FILE",
	  "the HTML file to write, atomically (default ./multipolar-report.html; '-' = standard output)" },
	CLI_OPT_QUIET,
	{ "scenario", CLI_STRINGS, offsetof(report_opts, scenarios), "NAME...",
	  "scenarios to show (default: every scenario with stored results)" },
	{ "dyad", CLI_STRINGS, offsetof(report_opts, dyads), "A-B...",
	  "dyads to follow: COW codes or abbreviations, e.g. CHN-RUS or 2-710 (default: CHN-RUS and USA-CHN)" },
	{ "poles", CLI_STRING, offsetof(report_opts, poles), "FILE",
	  "pole membership file (ccode,stateabb,pole,from_year,to_year,rule) replacing the shipped one" },
	{ "nmc-version", CLI_STRING, offsetof(report_opts, version), "V",
	  "NMC dataset version to use (default: the newest imported)" },
	{ "from", CLI_INT, offsetof(report_opts, from), "Y", "first year of the history (default: all)" },
	{ "to", CLI_INT, offsetof(report_opts, to), "Y", "last year of the history (default: all)" },
	{ "top", CLI_INT, offsetof(report_opts, top), "N", "leading states in the history chart (default 8)" },
	{ "title", CLI_STRING, offsetof(report_opts, title), "TEXT", "title of the report" },
	CLI_END
};

/* One side of a dyad: a COW code, or a state's abbreviation or name (resolved against the
 * COW membership data by the relations module). */
static int parse_side(mp_ctx *ctx, mp_store *s, const char *dyad, const char *text, int *ccode)
{
	char *end = NULL;
	long v = strtol(text, &end, 10);
	if (end != text && !*end) {
		if (v <= 0 || v > 999)
			return mp_error_set(ctx, MP_EUSAGE, "--dyad '%s': COW codes are 1-999, not %ld", dyad, v);
		*ccode = (int)v;
		return MP_OK;
	}
	mp_rel_actor a;
	if (!mp_store_has(s, "states"))
		return mp_error_set(
			ctx, MP_EUSAGE,
			"--dyad '%s': names need the COW state list (import states2016.csv) or use COW codes", dyad);
	int rc = mp_rel_resolve(ctx, s, NULL, text, &a);
	if (rc != MP_OK)
		return mp_error_set(ctx, MP_EUSAGE, "--dyad '%s': '%s' is not a COW code, abbreviation or state name",
				    dyad, text);
	if (a.is_pole)
		return mp_error_set(ctx, MP_EUSAGE, "--dyad '%s': the report follows dyads of states, not poles", dyad);
	*ccode = a.ccode;
	return MP_OK;
}

static int parse_dyad(mp_ctx *ctx, mp_store *s, const char *text, mp_report_dyad *d)
{
	char a[64], b[64];
	const char *sep = strpbrk(text, "-:");
	if (!sep || sep == text || !sep[1] || (size_t)(sep - text) >= sizeof a || strlen(sep + 1) >= sizeof b)
		return mp_error_set(ctx, MP_EUSAGE, "--dyad '%s': expected two states as A-B, e.g. CHN-RUS or 710-365",
				    text);
	memcpy(a, text, (size_t)(sep - text));
	a[sep - text] = '\0';
	snprintf(b, sizeof b, "%s", sep + 1);
	int rc = parse_side(ctx, s, text, a, &d->a);
	if (rc == MP_OK)
		rc = parse_side(ctx, s, text, b, &d->b);
	if (rc == MP_OK && d->a == d->b)
		rc = mp_error_set(ctx, MP_EUSAGE, "--dyad '%s': the two sides are the same state", text);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	report_opts *o = vo;
	mp_store *s = NULL;
	mp_report_dyad *dyads = NULL;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "report takes no positional arguments (use --output FILE)");
	if (o->top < 0 || o->top > 40)
		return mp_error_set(ctx, MP_EUSAGE, "--top must be between 1 and 40, not %d", o->top);
	int rc = MP_OK;
	const char *db = cli_db_path(&o->common);
	struct stat st;
	if (stat(db, &st) != 0) {
		rc = mp_error_set(ctx, MP_ENOTFOUND,
				  "%s: no such database (import data first: 'multipolar import FILE.csv')", db);
		goto done;
	}
	if ((rc = mp_store_open(ctx, db, MP_STORE_READONLY, &s)) != MP_OK)
		goto done;
	if (o->dyads.n) {
		dyads = calloc(o->dyads.n, sizeof *dyads);
		if (!dyads) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t i = 0; i < o->dyads.n && rc == MP_OK; i++)
			rc = parse_dyad(ctx, s, o->dyads.v[i], &dyads[i]);
		if (rc != MP_OK)
			goto done;
	}
	mp_report_opts ro = MP_REPORT_OPTS_INIT;
	ro.title = o->title;
	ro.poles_path = o->poles;
	ro.nmc_version = o->version;
	ro.scenarios = o->scenarios.v;
	ro.nscenarios = o->scenarios.n;
	ro.dyads = dyads;
	ro.ndyads = o->dyads.n;
	ro.first_year = o->from;
	ro.last_year = o->to;
	ro.top_states = o->top;
	const char *out = o->common.output && *o->common.output ? o->common.output : "multipolar-report.html";
	if ((rc = cli_check_not_db(ctx, &o->common, out, "--output")) != MP_OK)
		goto done;
	if (!strcmp(out, "-")) {
		rc = mp_report_write(ctx, s, &ro, stdout);
		if (fflush(stdout) != 0 && rc == MP_OK)
			rc = mp_error_set(ctx, MP_EIO, "cannot write standard output");
		goto done;
	}
	if ((rc = mp_report_write_file(ctx, s, &ro, out)) != MP_OK)
		goto done;
	if (!o->common.quiet) {
		long long size = stat(out, &st) == 0 ? (long long)st.st_size : -1;
		printf("%s (%lld bytes)\n", out, size);
	}
done:
	free(dyads);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_report = {
	.name = "report",
	.summary = "write one self-contained HTML report (history, forecasts, relations)",
	.usage = "[--db PATH] [--scenario NAME...] [--output FILE]",
	.description = "Writes one HTML file that needs no network access (inline CSS and SVG charts, no scripts): "
		       "CINC shares of the leading states and of the poles, concentration and the effective number "
		       "of poles since 1816; the stored simulation scenarios with 50% and 90% bands and their "
		       "comparison; chosen dyads over time and the camps of the latest year. Every chart has its data "
		       "table under a toggle. The file is written atomically (a temporary file renamed into place). "
		       "Without --output the report goes to ./multipolar-report.html; '--output -' writes it to "
		       "standard output. The path written is printed.",
	.example =
		"multipolar report --db world.db --scenario baseline decoupling --dyad CHN-RUS USA-CHN --output report.html",
	.options = options,
	.opts_size = sizeof(report_opts),
	.run = run,
};
