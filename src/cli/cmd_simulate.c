/* multipolar simulate: an ensemble of simulated runs of one scenario (docs/sim.md). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "provenance.h"
#include "multipolar/ensemble.h"
#include "simprep.h"

typedef struct {
	cli_common common;
	cli_sim_opts sim;
	int runs;
	long long seed;
	int threads;
	int until;
	int no_store;
	int list_params;
} simulate_opts;

static const cli_option options[] = {
	{ "runs", CLI_INT, offsetof(simulate_opts, runs), "N",
	  "number of runs, at least 1 (default: the scenario's, 200)" },
	{ "seed", CLI_LONG, offsetof(simulate_opts, seed), "S", "random seed (default: the scenario's)" },
	{ "threads", CLI_INT, offsetof(simulate_opts, threads), "T",
	  "OpenMP threads, at least 1 (default: all cores)" },
	{ "until", CLI_INT, offsetof(simulate_opts, until), "Y",
	  "last simulated year, after the start and at most 2300 (default: the scenario's horizon)" },
	CLI_OPT_SIM(simulate_opts, sim),
	{ "no-store", CLI_FLAG, offsetof(simulate_opts, no_store), NULL, "do not store the results in the database" },
	{ "list-params", CLI_FLAG, offsetof(simulate_opts, list_params), NULL,
	  "print the parameters this simulation would use (value, where it comes from, default, unit, source) and exit" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	simulate_opts *o = vo;
	o->seed = LLONG_MIN;
	o->runs = INT_MIN; /* not given */
	o->threads = INT_MIN;
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* The parameters the run would use: key, value, origin, default, unit, source. */
static int list_params(mp_ctx *ctx, const cli_common *c, const mp_scenario *sc, const cli_sim_setup *setup)
{
	static const mp_column cols[] = { { "key", MP_COL_TEXT, 0 },  { "value", MP_COL_REAL, 6 },
					  { "from", MP_COL_TEXT, 0 }, { "default", MP_COL_REAL, 6 },
					  { "unit", MP_COL_TEXT, 0 }, { "source", MP_COL_TEXT, 0 } };
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; rc == MP_OK && i < mp_sim_params_count(); i++) {
		const mp_sim_param_info *p = mp_sim_params_info(i);
		double v;
		size_t row;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			break;
		mp_sim_params_get(&sc->params, p->key, &v);
		mp_table_set_text(t, row, 0, p->key);
		mp_table_set_real(t, row, 1, v);
		mp_table_set_text(t, row, 2, cli_sim_param_origin(setup, i));
		mp_table_set_real(t, row, 3, p->def);
		mp_table_set_text(t, row, 4, p->unit);
		rc = mp_table_set_text(t, row, 5, p->source);
	}
	char about[1536];
	snprintf(about, sizeof about, "Parameters of scenario %s: %s (%d set by it), over the defaults; start: %s.",
		 sc->name, setup->params, setup->calibrated_keys, setup->world);
	if (rc == MP_OK)
		rc = cli_write_table_about(ctx, c, t, about);
	else
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	mp_table_free(t);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	simulate_opts *o = vo;
	if (npos > 1)
		return mp_error_set(ctx, MP_EUSAGE,
				    "simulate takes one scenario (a file or a name in data/scenarios/)");
	if (o->seed != LLONG_MIN && o->seed < 0)
		return mp_error_set(ctx, MP_EUSAGE, "--seed must be 0 or more, not %lld", o->seed);
	if (o->runs != INT_MIN && o->runs < 1)
		return mp_error_set(ctx, MP_EUSAGE, "--runs must be at least 1, not %d", o->runs);
	if (o->threads != INT_MIN && o->threads < 1)
		return mp_error_set(ctx, MP_EUSAGE, "--threads must be at least 1, not %d (leave it out for all cores)",
				    o->threads);
	int rank = 0, size = 1;
	if (!o->list_params && mp_ensemble_mpi_init(&rank, &size) != MP_OK)
		return mp_error_set(ctx, MP_ERROR, "MPI initialisation failed");
	mp_scenario *sc = malloc(sizeof *sc);
	mp_store *store = NULL;
	mp_poles *poles = NULL;
	mp_world *world = NULL;
	mp_ensemble *e = NULL;
	mp_table *t = NULL;
	cli_sim_setup setup = { 0 };
	int rc = sc ? MP_OK : MP_ENOMEM;
	if (rc == MP_OK)
		rc = mp_scenario_load(ctx, npos ? pos[0] : "baseline", sc);
	if (rc != MP_OK)
		goto done;
	const char *db = cli_db_path(&o->common);
	/* The database, when there is one, gives a historical start (NMC data and dyads) and a
	 * stored calibration. */
	if (file_exists(db) && (rc = mp_store_open(ctx, db, MP_STORE_READONLY, &store)) != MP_OK)
		goto done;
	if ((rc = cli_sim_prepare(ctx, &o->sim, store, o->until, sc, &setup)) != MP_OK)
		goto done;
	if (o->list_params) {
		rc = list_params(ctx, &o->common, sc, &setup);
		goto done;
	}
	if ((rc = mp_ensemble_start_world(ctx, sc, store, &poles, &world)) != MP_OK)
		goto done;
	mp_ensemble_opts eo = MP_ENSEMBLE_OPTS_INIT;
	eo.runs = o->runs > 0 ? o->runs : 0;
	eo.threads = o->threads > 0 ? o->threads : 0;
	eo.until = o->until;
	eo.store = store;
	eo.units = setup.units.n ? &setup.units : NULL;
	if (o->seed != LLONG_MIN) {
		eo.seed = (uint64_t)o->seed;
		eo.seed_set = 1;
	}
	if ((rc = mp_ensemble_run(ctx, sc, world, poles, &eo, &e)) != MP_OK)
		goto done;
	if (rank != 0)
		goto done;
	mp_store_free(store);
	store = NULL;
	int64_t run_id = 0;
	if (!o->no_store) {
		if ((rc = mp_store_open(ctx, db, MP_STORE_CREATE, &store)) != MP_OK ||
		    (rc = mp_ensemble_store(ctx, store, e, 0, &run_id)) != MP_OK ||
		    (rc = cli_record_sim(ctx, store, run_id, sc, &setup, (int64_t)mp_ensemble_seed(e),
					 mp_ensemble_runs(e))) != MP_OK)
			goto done;
	}
	if (!o->common.quiet) {
		char esc[128], esc2[512];
		fprintf(stderr, "simulate: %s, %d runs from %d to %d (seed %llu)", cli_esc(sc->name, esc, sizeof esc),
			mp_ensemble_runs(e), mp_ensemble_first_year(e), mp_ensemble_last_year(e),
			(unsigned long long)mp_ensemble_seed(e));
		if (!o->no_store)
			fprintf(stderr, " stored as run %lld in %s", (long long)run_id, cli_esc(db, esc2, sizeof esc2));
		fputc('\n', stderr);
		/* text tables state them above the table */
		if (o->common.fmt != MP_FORMAT_TEXT)
			fprintf(stderr, "start: %s\nparameters: %s\n", setup.world, setup.params);
	}
	if ((rc = mp_ensemble_table(ctx, e, &t)) != MP_OK)
		goto done;
	char about[1536];
	snprintf(about, sizeof about, "Scenario %s from %s; parameters: %s.", sc->name, setup.world, setup.params);
	rc = o->common.fmt == MP_FORMAT_TEXT ? cli_write_table_about(ctx, &o->common, t, about)
					     : cli_write_table(ctx, &o->common, t);
done:
	mp_sim_units_clear(&setup.units);
	mp_table_free(t);
	mp_ensemble_free(e);
	mp_world_free(world);
	mp_poles_free(poles);
	mp_store_free(store);
	free(sc);
	if (!o->list_params)
		mp_ensemble_mpi_finalize();
	return rc;
}

const cli_command cli_cmd_simulate = {
	.name = "simulate",
	.summary = "simulate a scenario: an ensemble of runs to its horizon, summarised by quantiles",
	.usage = "[SCENARIO] [--runs N] [--seed S] [--threads T] [--until Y] [--start Y|default|latest] [--params FILE]",
	.description =
		"Runs an ensemble of the world simulation for SCENARIO (a YAML file, or a name in "
		"data/scenarios/: baseline, decoupling, sino-russian-axis, russian-breakthrough, "
		"multipolar-club; default baseline) and prints one row per year, unit (a state, a pole, "
		"or system) and variable with the 5, 25, 50, 75 and 95% quantiles over runs and the mean: "
		"columns scenario,year,unit,variable,q05,q25,q50,q75,q95,mean,ccode (the COW code of a state unit; empty for poles and the system). Variables: cinc_share, "
		"gdp_share, pop, milex_share, ideal_point, war and camp_<name> (0/1, so the mean is a "
		"probability) per state; the shares, pop and ideal_point per pole; con, n_eff, n_golosov, "
		"leader_share, multipolar, con_states, n_eff_states, war, gp_war, crises and "
		"camp_<name>_cinc for the system. The results are stored in the database (tables sim_runs "
		"and sim_summary). Output is bit-identical for any --threads and any number of MPI ranks "
		"(mpirun -np K multipolar simulate ...) with the same seed. The start world is --start, else "
		"the scenario's start: Y, else the newest available (the shipped default world of 2023 unless "
		"the database's NMC data reach it). Parameters: the defaults, then --params FILE, else the "
		"database's newest calibration fitted on data up to the start year, else the shipped "
		"data/params/calibrated.yaml, then the scenario's own keys; --list-params shows the result. "
		"Both are stated on standard error (and above the text table). docs/cli.md, docs/sim.md.",
	.example = "multipolar simulate decoupling --runs 500 --seed 7 --format csv > decoupling.csv",
	.options = options,
	.opts_size = sizeof(simulate_opts),
	.defaults = defaults,
	.run = run,
};
