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
} calibrate_opts;

static const cli_option options[] = {
	{ "until", CLI_INT, offsetof(calibrate_opts, until), "Y",
	  "use only data up to year Y (every query has year <= Y); required" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	{ "output", CLI_STRING, offsetof(calibrate_opts, common.output), "FILE",
	  "write the parameters (flat YAML) to FILE atomically (default data/params/calibrated.yaml)" },
	{ "window", CLI_INT, offsetof(calibrate_opts, window), "T", "convergence window in years (default 10)" },
	{ "first-year", CLI_INT, offsetof(calibrate_opts, first_year), "Y",
	  "first year of the income and population panel (default 1950)" },
	{ "gravity-years", CLI_INT, offsetof(calibrate_opts, gravity_years), "N",
	  "fit gravity on the last N years of trade up to --until (default 10)" },
	{ "hazard-first", CLI_INT, offsetof(calibrate_opts, hazard_first), "Y",
	  "first year of the conflict sample (default 1816)" },
	{ "no-save", CLI_FLAG, offsetof(calibrate_opts, no_save), NULL,
	  "do not store the fit statistics in the database (tables calib_run, calib_fit)" },
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
	mp_calib_options co = MP_CALIB_OPTIONS_INIT;
	co.until = o->until;
	co.window = o->window;
	co.first_year = o->first_year;
	co.gravity_years = o->gravity_years;
	co.hazard_first = o->hazard_first;
	const char *yaml = o->common.output ? o->common.output : "data/params/calibrated.yaml";
	int rc = mp_store_open(ctx, cli_db_path(&o->common), o->no_save ? MP_STORE_READONLY : 0, &s);
	if (rc == MP_OK)
		rc = mp_calibrate(ctx, s, &co, &r);
	if (rc == MP_OK)
		rc = mp_calib_write_yaml(ctx, r, yaml);
	int64_t run_id = 0;
	if (rc == MP_OK && !o->no_save)
		rc = mp_calib_save(ctx, s, r, &run_id);
	if (rc == MP_OK && !o->no_save) {
		/* provenance: the parameter file written and every dataset the fit read */
		char sha[65], params[600];
		snprintf(params, sizeof params, "%s (until %d)", yaml, o->until);
		mp_run_input in = { "params", yaml, sha };
		int have = mp_file_sha256(NULL, yaml, sha) == MP_OK;
		mp_run_provenance pv = { "calib", run_id, -1, 0, params, NULL, have ? &in : NULL, have ? 1u : 0u };
		rc = mp_store_provenance_record(ctx, s, &pv);
	}
	if (rc == MP_OK)
		rc = mp_calib_table(ctx, r, &t);
	if (rc == MP_OK) {
		cli_common c = o->common;
		c.output = NULL; /* --output is the YAML; the fit table goes to standard output */
		rc = cli_write_table(ctx, &c, t);
	}
	if (rc == MP_OK && !o->common.quiet)
		fprintf(stderr, "%s\nparameters written to %s\n", r->notes, yaml);
	mp_table_free(t);
	mp_calib_result_free(r);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_calibrate = {
	.name = "calibrate",
	.summary = "fit the simulation's parameters on history up to a year",
	.usage = "--until Y [--db PATH] [--output FILE] [--format FMT]",
	.description =
		"Fits the world model's parameters with data up to year Y only: conditional convergence "
		"(Barro regression on Maddison GDP per capita), frontier growth, growth momentum and shocks; "
		"population growth dynamics; gravity elasticities on COW trade; Richardson arms reaction on "
		"SIPRI burdens of strategic rivals; logit war and MID hazards with parity on politically "
		"relevant dyads. Prints the fit table (parameter, estimate, s.e., n, statistic, method), writes "
		"the sim's parameter keys as flat YAML (atomically) and stores the fit in the database. "
		"Methods and sources: docs/calibration.md.",
	.example = "multipolar calibrate --until 2006 --output params-2006.yaml",
	.options = options,
	.opts_size = sizeof(calibrate_opts),
	.defaults = defaults,
	.run = run,
};
