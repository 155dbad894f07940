/* The start world and the parameters of `run` and `simulate` (docs/cli.md, "Where the
 * world comes from" and "Which parameters a simulation uses").
 *
 * Start: --start Y|default|latest, else the scenario file's `start: Y`, else latest (the
 * newest world: the shipped default world unless the database's NMC data reach its year).
 *
 * Parameters: the documented defaults, then one calibration, then the scenario's own keys.
 * The calibration is --params FILE when given; else the newest calibration stored in the
 * database (`multipolar calibrate`) fitted on data up to the start year; else the shipped
 * data/params/calibrated.yaml that the shipped scenarios name (`params_if_present:`).
 * Shipped files are only read. */
#ifndef MP_CLI_SIMPREP_H
#define MP_CLI_SIMPREP_H

#include "cli.h"
#include "multipolar/sim.h"
#include "multipolar/store.h"

typedef struct cli_sim_opts {
	const char *start;  /* --start */
	const char *params; /* --params FILE */
} cli_sim_opts;

#define CLI_OPT_SIM(type, field)                                                                                       \
	{ "start", CLI_STRING, offsetof(type, field.start), "Y|default|latest",                                        \
	  "start world: a year of the database's NMC data, the shipped default world, or the newest "                  \
	  "available (default: the scenario's start: Y, else latest; docs/cli.md)" },                                  \
	{                                                                                                              \
		"params", CLI_STRING, offsetof(type, field.params), "FILE",                                            \
			"parameters (flat key: value YAML, as 'calibrate --params FILE' writes) instead of the "       \
			"database's newest calibration or the shipped one"                                             \
	}

/* What a run starts from; filled by cli_sim_prepare. */
typedef struct cli_sim_setup {
	int year;                  /* the start year */
	int from_db;               /* the start world is the database's NMC year */
	char world[400];           /* the start world, for people */
	char params[700];          /* the parameters' source, for people */
	char params_file[400];     /* the parameter file read (--params or the shipped calibration), "" none */
	int calibrated_keys;       /* parameters set by the chosen calibration */
	unsigned char origin[256]; /* per parameter (mp_sim_params_info order): 0 default,
				      1 calibration, 2 the scenario's own key */
	mp_sim_unit_params units;  /* the database calibration's per-country rows (free with
				      mp_sim_units_clear); a parameter file's rows travel as
				      sc->params_file (mp_ensemble_run loads them) */
} cli_sim_setup;

/* Resolves --start (setting sc->start: 0 = the shipped world) and chooses the parameters
 * (over sc->params, keeping the scenario's own keys); `store` may be NULL (no database).
 * `until` (0 = the horizon) must be after the start year and at most CLI_YEAR_MAX. */
int cli_sim_prepare(mp_ctx *ctx, const cli_sim_opts *o, mp_store *store, int until, mp_scenario *sc,
		    cli_sim_setup *out);

/* Where parameter i's value came from, after cli_sim_prepare: "default", "calibration" or
 * "scenario". */
const char *cli_sim_param_origin(const cli_sim_setup *setup, size_t i);

#endif
