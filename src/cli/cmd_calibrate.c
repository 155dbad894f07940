/* multipolar calibrate: fit the sim's parameters on history up to a year. */
#include <stdio.h>

#include "cli.h"
#include "multipolar/store.h"
#include "multipolar/calib.h"

typedef struct {
	cli_common common;
	int until;
	int window;
	int first_year;
	int gravity_years;
	int hazard_first;
	int no_save;
	const char *params;
} calibrate_opts;

static const cli_option options[] = {
	{ "until", CLI_INT, offsetof(calibrate_opts, until), "Y",
	  "use only data up to year Y (every query has year <= Y); required" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	{ "params", CLI_STRING, offsetof(calibrate_opts, params), "FILE",
	  "also write the parameters as a flat key: value YAML file (atomically), for 'run --params FILE'" },
	{ "window", CLI_INT, offsetof(calibrate_opts, window), "T", "convergence window in years (default 10)" },
	{ "first-year", CLI_INT, offsetof(calibrate_opts, first_year), "Y",
	  "first year of the income and population panel (default 1950)" },
	{ "gravity-years", CLI_INT, offsetof(calibrate_opts, gravity_years), "N",
	  "fit gravity on the last N years of trade up to --until (default 10)" },
	{ "hazard-first", CLI_INT, offsetof(calibrate_opts, hazard_first), "Y",
	  "first year of the conflict sample (default 1816)" },
	{ "no-save", CLI_FLAG, offsetof(calibrate_opts, no_save), NULL,
	  "do not store the calibration in the database (tables calib_run, calib_fit, calib_unit)" },
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	calibrate_opts *o = vo;
	mp_calib_options d = MP_CALIB_OPTIONS_INIT;
	o->window = d.window;
	o->first_year = d.first_year;
	o->gravity_years = d.gravity_years;
	o->hazard_first = d.hazard_first;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	calibrate_opts *o = vo;
	mp_store *s = NULL;
	mp_calib_result *r = NULL;
	mp_table *t = NULL;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "calibrate takes no arguments");
	if (!o->until)
		return mp_error_set(ctx, MP_EUSAGE, "--until Y is required");
	if (o->until < CLI_YEAR_MIN || o->until > CLI_YEAR_MAX)
		return mp_error_set(ctx, MP_EUSAGE, "--until %d is outside %d-%d", o->until, CLI_YEAR_MIN,
				    CLI_YEAR_MAX);
	int rc = cli_check_not_db(ctx, &o->common, o->params, "--params");
	if (rc != MP_OK)
		return rc;
	mp_calib_options co = MP_CALIB_OPTIONS_INIT;
	co.until = o->until;
	co.window = o->window;
	co.first_year = o->first_year;
	co.gravity_years = o->gravity_years;
	co.hazard_first = o->hazard_first;
	int64_t id = 0;
	/* the calibration goes to the database (and --params FILE); shipped files are only
	 * read (docs/cli.md, "Which parameters a simulation uses") */
	rc = mp_store_open(ctx, cli_db_path(&o->common), o->no_save ? MP_STORE_READONLY : 0, &s);
	if (rc == MP_OK)
		rc = mp_calibrate(ctx, s, &co, &r);
	if (rc == MP_OK && o->params)
		rc = mp_calib_write_yaml(ctx, r, o->params);
	if (rc == MP_OK && !o->no_save)
		rc = mp_calib_save(ctx, s, r, &id);
	if (rc == MP_OK && !o->no_save) {
		/* provenance: every dataset the fit read, and the parameter file written if any */
		char sha[65], params[600];
		snprintf(params, sizeof params, "calib_run %lld (until %d)%s%s", (long long)id, o->until,
			 o->params ? ", written to " : "", o->params ? o->params : "");
		mp_run_input in = { "params", o->params, sha };
		int have = o->params && mp_file_sha256(NULL, o->params, sha) == MP_OK;
		mp_run_provenance pv = { "calib", id, -1, 0, params, NULL, have ? &in : NULL, have ? 1u : 0u };
		rc = mp_store_provenance_record(ctx, s, &pv);
	}
	if (rc == MP_OK)
		rc = mp_calib_table(ctx, r, &t);
	char about[600];
	if (o->no_save)
		snprintf(about, sizeof about, "Calibration on data up to %d (not stored: --no-save).", o->until);
	else
		snprintf(
			about, sizeof about,
			"Calibration %lld on data up to %d, stored in %s: run and simulate use it for starts from %d on "
			"(unless --params FILE).",
			(long long)id, o->until, cli_db_path(&o->common), o->until);
	if (rc == MP_OK)
		rc = cli_write_table_about(ctx, &o->common, t, about);
	if (rc == MP_OK && !o->common.quiet) {
		if (*r->notes)
			fprintf(stderr, "%s\n", r->notes);
		if (o->params)
			fprintf(stderr, "parameters written to %s\n", o->params);
	}
	mp_table_free(t);
	mp_calib_result_free(r);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_calibrate = {
	.name = "calibrate",
	.summary = "fit the simulation's parameters on history up to a year",
	.usage = "--until Y [--db PATH] [--params FILE] [--no-save] [--output FILE] [--format FMT]",
	.description = "Fits the world model's parameters with data up to year Y only: the economy's TFP convergence "
		       "with per-state gaps, shocks and momentum, investment and price levels (Maddison, PWT); "
		       "military burdens and personnel (SIPRI, NMC) and the steel and energy intensities with "
		       "their spread (NMC); fertility, life expectancy and migration (UN WPP; the urban share from "
		       "NMC); gravity elasticities on COW trade; the conflict and alignment models on politically "
		       "relevant dyads. Prints the fit table (parameter, estimate, s.e., n, statistic, method) and "
		       "stores the calibration in the database (tables calib_run, calib_fit, calib_unit), where run "
		       "and simulate find it: they use the newest stored calibration fitted on data up to their "
		       "start year. --params FILE also writes the sim's parameter keys as YAML, with the per-state rows "
		       "under units: (atomically), for "
		       "'run --params FILE'. No shipped file is written: data/params/calibrated.yaml is the "
		       "calibration shipped with the program (on the shared data up to 2016) and is only read. "
		       "--output FILE writes the printed table, as in every command. Methods and sources: "
		       "docs/calibration.md; docs/cli.md.",
	.example = "multipolar calibrate --until 2006 --params params-2006.yaml",
	.options = options,
	.opts_size = sizeof(calibrate_opts),
	.defaults = defaults,
	.run = run,
};
