/* multipolar simulate: an ensemble of simulated runs of one scenario (docs/sim.md). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "provenance.h"
#include "multipolar/ensemble.h"

typedef struct {
	cli_common common;
	int runs;
	long long seed;
	int seed_given;
	int threads;
	int until;
	int no_store;
	int list_params;
} simulate_opts;

static const cli_option options[] = {
	{ "runs", CLI_INT, offsetof(simulate_opts, runs), "N", "number of runs (default: the scenario's, 200)" },
	{ "seed", CLI_LONG, offsetof(simulate_opts, seed), "S", "random seed (default: the scenario's)" },
	{ "threads", CLI_INT, offsetof(simulate_opts, threads), "T", "OpenMP threads (default: all cores)" },
	{ "until", CLI_INT, offsetof(simulate_opts, until), "Y", "last simulated year (default: the scenario's horizon)" },
	{ "no-store", CLI_FLAG, offsetof(simulate_opts, no_store), NULL, "do not store the results in the database" },
	{ "list-params", CLI_FLAG, offsetof(simulate_opts, list_params), NULL,
	  "print the model parameters (key, default, unit, source) and exit" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	simulate_opts *o = vo;
	o->seed = -1;
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* The parameter table (sim.h) as a table: key, default, unit, source. */
static int list_params(mp_ctx *ctx, const cli_common *c)
{
	static const mp_column cols[] = { { "key", MP_COL_TEXT, 0 }, { "default", MP_COL_REAL, 6 },
					  { "unit", MP_COL_TEXT, 0 }, { "source", MP_COL_TEXT, 0 } };
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, 4);
	for (size_t i = 0; rc == MP_OK && i < mp_sim_params_count(); i++) {
		const mp_sim_param_info *p = mp_sim_params_info(i);
		size_t row;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			break;
		mp_table_set_text(t, row, 0, p->key);
		mp_table_set_real(t, row, 1, p->def);
		mp_table_set_text(t, row, 2, p->unit);
		rc = mp_table_set_text(t, row, 3, p->source);
	}
	if (rc == MP_OK)
		rc = cli_write_table(ctx, c, t);
	else
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	mp_table_free(t);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	simulate_opts *o = vo;
	if (o->list_params)
		return list_params(ctx, &o->common);
	if (npos > 1)
		return mp_error_set(ctx, MP_EUSAGE, "simulate takes one scenario (a file or a name in data/scenarios/)");
	if (o->runs < 0 || o->threads < 0)
		return mp_error_set(ctx, MP_EUSAGE, "simulate: --runs and --threads must not be negative");
	int rank = 0, size = 1;
	if (mp_ensemble_mpi_init(&rank, &size) != MP_OK)
		return mp_error_set(ctx, MP_ERROR, "simulate: MPI initialisation failed");
	mp_scenario *sc = malloc(sizeof *sc);
	mp_store *store = NULL;
	mp_poles *poles = NULL;
	mp_world *world = NULL;
	mp_ensemble *e = NULL;
	mp_table *t = NULL;
	int rc = sc ? MP_OK : MP_ENOMEM;
	if (rc == MP_OK)
		rc = mp_scenario_load(ctx, npos ? pos[0] : "baseline", sc);
	if (rc != MP_OK)
		goto done;
	const char *db = cli_db_path(&o->common);
	/* The database is read for a historical start (NMC data and dyads). */
	if (sc->start != 0) {
		if (!file_exists(db)) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s: scenario '%s' starts in %d, which needs a database with "
					  "imported NMC data; '%s' does not exist", sc->path, sc->name, sc->start, db);
			goto done;
		}
		if ((rc = mp_store_open(ctx, db, MP_STORE_READONLY, &store)) != MP_OK)
			goto done;
	}
	if ((rc = mp_ensemble_start_world(ctx, sc, store, &poles, &world)) != MP_OK)
		goto done;
	mp_ensemble_opts eo = MP_ENSEMBLE_OPTS_INIT;
	eo.runs = o->runs;
	eo.threads = o->threads;
	eo.until = o->until;
	eo.store = store;
	if (o->seed >= 0) {
		eo.seed = (uint64_t)o->seed;
		eo.seed_set = 1;
	}
	if ((rc = mp_ensemble_run(ctx, sc, world, poles, &eo, &e)) != MP_OK)
		goto done;
	if (rank != 0)
		goto done;
	mp_store_free(store);
	store = NULL;
	if (!o->no_store) {
		int64_t run_id = 0;
		if ((rc = mp_store_open(ctx, db, MP_STORE_CREATE, &store)) != MP_OK ||
		    (rc = mp_ensemble_store(ctx, store, e, 0, &run_id)) != MP_OK ||
		    (rc = cli_record_sim(ctx, store, run_id, sc, (int64_t)mp_ensemble_seed(e),
					 mp_ensemble_runs(e))) != MP_OK)
			goto done;
		if (!o->common.quiet)
			fprintf(stderr, "simulate: %s, %d runs from %d to %d (seed %llu) stored as run %lld in %s\n", sc->name,
				mp_ensemble_runs(e), mp_ensemble_first_year(e), mp_ensemble_last_year(e),
				(unsigned long long)mp_ensemble_seed(e), (long long)run_id, db);
	}
	if ((rc = mp_ensemble_table(ctx, e, &t)) != MP_OK)
		goto done;
	rc = cli_write_table(ctx, &o->common, t);
done:
	mp_table_free(t);
	mp_ensemble_free(e);
	mp_world_free(world);
	mp_poles_free(poles);
	mp_store_free(store);
	free(sc);
	mp_ensemble_mpi_finalize();
	return rc;
}

const cli_command cli_cmd_simulate = {
	.name = "simulate",
	.summary = "simulate a scenario: an ensemble of runs to its horizon, summarised by quantiles",
	.usage = "[SCENARIO] [--runs N] [--seed S] [--threads T] [--until Y] [--db PATH]",
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
		"(mpirun -np K multipolar simulate ...) with the same seed.",
	.example = "multipolar simulate decoupling --runs 500 --seed 7 --format csv > decoupling.csv",
	.options = options,
	.opts_size = sizeof(simulate_opts),
	.defaults = defaults,
	.run = run,
};
