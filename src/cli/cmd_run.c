/* multipolar run: the main job. The baseline and the essay's scenarios to 2050 on the
 * shipped default world (or on the database's last NMC year when it holds NMC data),
 * results stored, and a short comparison printed (docs/sim.md, "multipolar run"). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "provenance.h"
#include "multipolar/ensemble.h"
#include "multipolar/report.h"
#include "simprep.h"

typedef struct {
	cli_common common;
	cli_sim_opts sim;
	int runs;
	long long seed;
	int threads;
	int until;
	int no_store;
	const char *report;
	int no_report;
} run_opts;

static const cli_option options[] = {
	{ "runs", CLI_INT, offsetof(run_opts, runs), "N",
	  "runs per scenario, at least 1 (default: each scenario's, 200)" },
	{ "seed", CLI_LONG, offsetof(run_opts, seed), "S", "random seed (default: each scenario's)" },
	{ "threads", CLI_INT, offsetof(run_opts, threads), "T", "OpenMP threads, at least 1 (default: all cores)" },
	{ "until", CLI_INT, offsetof(run_opts, until), "Y",
	  "last simulated year, after the start and at most 2300 (default 2050)" },
	CLI_OPT_SIM(run_opts, sim),
	{ "no-store", CLI_FLAG, offsetof(run_opts, no_store), NULL, "do not store the results in the database" },
	{ "report", CLI_STRING, offsetof(run_opts, report), "FILE",
	  "where to write the HTML report of the stored results (default multipolar-report.html)" },
	{ "no-report", CLI_FLAG, offsetof(run_opts, no_report), NULL, "do not write the HTML report" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static const char *const default_scenarios[] = { "baseline",
						 "decoupling",
						 "sino-russian-axis",
						 "russian-breakthrough",
						 "multipolar-club",
						 "china-supports-russia",
						 "china-supports-russia-secondary" };

static const char *const poles_shown[] = { "West", "China", "Russia", "India" };
#define NPS (sizeof poles_shown / sizeof poles_shown[0])

static void defaults(void *vo)
{
	run_opts *o = vo;
	o->seed = LLONG_MIN;
	o->runs = INT_MIN; /* not given */
	o->threads = INT_MIN;
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

static int add_rows(mp_ctx *ctx, mp_table *t, const mp_ensemble *e, const char *name)
{
	static const int years[] = { 2035, 2050 };
	int last = mp_ensemble_last_year(e), first = mp_ensemble_first_year(e);
	for (size_t k = 0; k < 2; k++) {
		int y = years[k];
		if (y > last || y <= first)
			continue;
		size_t row;
		if (mp_table_add_row(t, &row) != MP_OK)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		mp_table_set_text(t, row, 0, name);
		mp_table_set_int(t, row, 1, first);
		mp_table_set_int(t, row, 2, y);
		double q[5], mean;
		for (size_t p = 0; p < NPS; p++)
			if (mp_ensemble_get(e, y, poles_shown[p], "cinc_share", q, &mean) == MP_OK)
				mp_table_set_real(t, row, 3 + p, q[2]);
		if (mp_ensemble_get(e, y, "system", "n_eff", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 3 + NPS, q[2]);
		if (mp_ensemble_get(e, y, "system", "multipolar", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 4 + NPS, mean);
		if (mp_ensemble_get(e, y, "system", "war", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 5 + NPS, mean);
		if (mp_ensemble_get(e, y, "system", "gp_war", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 6 + NPS, mean);
	}
	return MP_OK;
}

/* The second table: the probability of a great-power war by the year, the camps' expected
 * sizes (listed states) and the Russia-China partnership: the median CINC ratio and the
 * median ratio of Russia's trade share with China to China's with Russia. */
static const char *const camps_shown[] = { "West", "China", "Russia", "club" };
#define NCS (sizeof camps_shown / sizeof camps_shown[0])

static int add_rows_politics(mp_ctx *ctx, mp_table *t, const mp_ensemble *e, const mp_world *w, const char *name)
{
	static const int years[] = { 2035, 2050 };
	int last = mp_ensemble_last_year(e), first = mp_ensemble_first_year(e);
	for (size_t k = 0; k < 2; k++) {
		int y = years[k];
		if (y > last || y <= first)
			continue;
		size_t row;
		if (mp_table_add_row(t, &row) != MP_OK)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		mp_table_set_text(t, row, 0, name);
		mp_table_set_int(t, row, 1, y);
		double q[5], mean;
		if (mp_ensemble_get(e, y, "system", "gp_war_ever", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 2, mean);
		for (size_t c = 0; c < NCS; c++) {
			char var[48];
			double size = 0;
			int any = 0;
			snprintf(var, sizeof var, "camp_%s", camps_shown[c]);
			for (size_t i = 0; i < w->n; i++)
				if (w->actors[i].ccode != 0 &&
				    mp_ensemble_get(e, y, w->actors[i].stateabb, var, q, &mean) == MP_OK) {
					size += mean;
					any = 1;
				}
			if (any)
				mp_table_set_real(t, row, 3 + c, size);
		}
		if (mp_ensemble_get(e, y, "RUS/CHN", "cinc_ratio", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 3 + NCS, q[2]);
		if (mp_ensemble_get(e, y, "RUS/CHN", "dependence_ratio", q, &mean) == MP_OK)
			mp_table_set_real(t, row, 4 + NCS, q[2]);
	}
	return MP_OK;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	run_opts *o = vo;
	if (o->runs != INT_MIN && o->runs < 1)
		return mp_error_set(ctx, MP_EUSAGE, "--runs must be at least 1, not %d", o->runs);
	if (o->threads != INT_MIN && o->threads < 1)
		return mp_error_set(ctx, MP_EUSAGE, "--threads must be at least 1, not %d (leave it out for all cores)",
				    o->threads);
	if (o->seed != LLONG_MIN && o->seed < 0)
		return mp_error_set(ctx, MP_EUSAGE, "--seed must be 0 or more, not %lld", o->seed);
	int rc = cli_check_not_db(ctx, &o->common, o->report ? o->report : "multipolar-report.html", "--report");
	if (rc != MP_OK)
		return rc;
	int rank = 0, size = 1;
	if (mp_ensemble_mpi_init(&rank, &size) != MP_OK)
		return mp_error_set(ctx, MP_ERROR, "MPI initialisation failed");
	static const mp_column cols[] = { { "scenario", MP_COL_TEXT, 0 },     { "start", MP_COL_INT, 0 },
					  { "year", MP_COL_INT, 0 },          { "West", MP_COL_REAL, 3 },
					  { "China", MP_COL_REAL, 3 },        { "Russia", MP_COL_REAL, 3 },
					  { "India", MP_COL_REAL, 3 },        { "n_eff", MP_COL_REAL, 2 },
					  { "p_multipolar", MP_COL_REAL, 2 }, { "p_war", MP_COL_REAL, 2 },
					  { "p_gp_war", MP_COL_REAL, 3 } };
	static const mp_column cols2[] = { { "scenario", MP_COL_TEXT, 0 },
					   { "year", MP_COL_INT, 0 },
					   { "p_gp_war_by", MP_COL_REAL, 2 },
					   { "West", MP_COL_REAL, 1 },
					   { "China", MP_COL_REAL, 1 },
					   { "Russia", MP_COL_REAL, 1 },
					   { "club", MP_COL_REAL, 1 },
					   { "RUS/CHN_cinc", MP_COL_REAL, 3 },
					   { "RUS/CHN_dependence", MP_COL_REAL, 2 } };
	mp_scenario *sc = malloc(sizeof *sc);
	mp_store *store = NULL;
	mp_table *t = NULL, *t2 = NULL;
	rc = sc ? mp_table_new(&t, cols, sizeof cols / sizeof cols[0]) : MP_ENOMEM;
	if (rc == MP_OK)
		rc = mp_table_new(&t2, cols2, sizeof cols2 / sizeof cols2[0]);
	if (rc != MP_OK)
		goto done;
	const char *db = cli_db_path(&o->common);
	if (file_exists(db) || (!o->no_store && rank == 0)) {
		if ((rc = mp_store_open(ctx, db, rank == 0 && !o->no_store ? MP_STORE_CREATE : MP_STORE_READONLY,
					&store)) != MP_OK)
			goto done;
	}
	/* the scenarios are one job: simulated first, then stored in one transaction, so an
	 * interrupted run stores none of them and the report never mixes a partial job in */
	int until = o->until ? o->until : 2050;
	char world[sizeof((cli_sim_setup *)0)->world] = "", params[sizeof((cli_sim_setup *)0)->params] = "";
	int mixed = 0;
	size_t nsc = npos ? (size_t)npos : sizeof default_scenarios / sizeof default_scenarios[0];
	mp_ensemble **ens = calloc(nsc, sizeof *ens);
	int64_t *ids = calloc(nsc, sizeof *ids);
	cli_sim_setup *setups = calloc(nsc, sizeof *setups); /* kept for each run's provenance */
	if (!ens || !ids || !setups)
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t k = 0; k < nsc && rc == MP_OK; k++) {
		const char *name = npos ? pos[k] : default_scenarios[k];
		mp_poles *poles = NULL;
		mp_world *w = NULL;
		cli_sim_setup setup;
		if ((rc = mp_scenario_load(ctx, name, sc)) != MP_OK)
			break;
		if ((rc = cli_sim_prepare(ctx, &o->sim, store, until, sc, &setup)) != MP_OK) {
			mp_sim_units_clear(&setup.units);
			break;
		}
		setups[k] = setup;
		memset(&setups[k].units, 0, sizeof setups[k].units); /* freed with setup below */
		if (k && (strcmp(world, setup.world) || strcmp(params, setup.params)))
			mixed = 1;
		snprintf(world, sizeof world, "%s", setup.world);
		snprintf(params, sizeof params, "%s", setup.params);
		mp_ensemble_opts eo = MP_ENSEMBLE_OPTS_INIT;
		eo.runs = o->runs > 0 ? o->runs : 0;
		eo.threads = o->threads > 0 ? o->threads : 0;
		eo.until = until;
		eo.store = setup.from_db ? store : NULL;
		eo.units = setup.units.n ? &setup.units : NULL;
		if (o->seed != LLONG_MIN) {
			eo.seed = (uint64_t)o->seed;
			eo.seed_set = 1;
		}
		rc = mp_ensemble_start_world(ctx, sc, store, &poles, &w);
		if (rc == MP_OK)
			rc = mp_ensemble_run(ctx, sc, w, poles, &eo, &ens[k]);
		if (rc == MP_OK && rank == 0)
			rc = add_rows(ctx, t, ens[k], sc->name);
		if (rc == MP_OK && rank == 0)
			rc = add_rows_politics(ctx, t2, ens[k], w, sc->name);
		mp_world_free(w);
		mp_poles_free(poles);
		mp_sim_units_clear(&setup.units);
	}
	if (rc == MP_OK && rank == 0 && !o->no_store)
		rc = mp_ensemble_store_job(ctx, store, (const mp_ensemble *const *)ens, nsc, ids);
	/* each stored run's provenance: its scenario file, world and poles, seed and runs */
	for (size_t k = 0; k < nsc && rc == MP_OK && rank == 0 && !o->no_store; k++)
		if ((rc = mp_scenario_load(ctx, npos ? pos[k] : default_scenarios[k], sc)) == MP_OK)
			rc = cli_record_sim(ctx, store, ids[k], sc, &setups[k], (int64_t)mp_ensemble_seed(ens[k]),
					    mp_ensemble_runs(ens[k]));
	for (size_t k = 0; k < nsc && rc == MP_OK && rank == 0 && !o->common.quiet; k++) {
		char esc[128];
		const char *name = npos ? pos[k] : default_scenarios[k];
		fprintf(stderr, "run: %-22s %d runs %d-%d", cli_esc(name, esc, sizeof esc), mp_ensemble_runs(ens[k]),
			mp_ensemble_first_year(ens[k]), mp_ensemble_last_year(ens[k]));
		if (!o->no_store)
			fprintf(stderr, ", stored as run %lld", (long long)ids[k]);
		fputc('\n', stderr);
	}
	for (size_t k = 0; ens && k < nsc; k++)
		mp_ensemble_free(ens[k]);
	free(ens);
	free(ids);
	free(setups);
	if (rc == MP_OK && rank == 0) {
		if (!o->common.quiet)
			fprintf(stderr, "run: start %s; parameters %s%s\n", world, params,
				mixed ? " (the scenarios differ: see each scenario's line of the report)" : "");
		char about[1536];
		snprintf(about, sizeof about,
			 "Median CINC share of each pole, effective number of poles (n_eff), and the\n"
			 "probabilities that the poles are multipolar (Thompson rule), of any war and of a\n"
			 "war between great powers in that year. Start: %s.\nParameters: %s.",
			 world, params);
		rc = o->common.fmt == MP_FORMAT_TEXT && !o->common.quiet
			     ? cli_write_table_about(ctx, &o->common, t, about)
			     : cli_write_table(ctx, &o->common, t);
		/* the politics table follows in text output (csv/json: the first table only) */
		if (rc == MP_OK && o->common.fmt == MP_FORMAT_TEXT && !o->common.output) {
			if (!o->common.quiet)
				printf("\nProbability of a war between great powers by that year, the camps' expected sizes\n"
				       "(listed states), and the Russia-China partnership: the median ratio of Russia's\n"
				       "CINC to China's and of Russia's trade share with China to China's with Russia:\n\n");
			rc = cli_write_table(ctx, &o->common, t2);
		}
	}
	/* the report of what was just stored (DESIGN.md section 6), written atomically */
	if (rc == MP_OK && rank == 0 && store && !o->no_store && !o->no_report) {
		mp_report_opts ro = MP_REPORT_OPTS_INIT;
		const char *path = o->report ? o->report : "multipolar-report.html";
		if ((rc = mp_report_write_file(ctx, store, &ro, path)) == MP_OK)
			fprintf(o->common.fmt == MP_FORMAT_TEXT && !o->common.output ? stdout : stderr,
				"\nreport: %s\n", path);
	}
done:
	mp_table_free(t);
	mp_table_free(t2);
	mp_store_free(store);
	free(sc);
	mp_ensemble_mpi_finalize();
	return rc;
}

const cli_command cli_cmd_run = {
	.name = "run",
	.summary = "the main job: baseline and scenarios to 2050, stored and compared",
	.usage =
		"[SCENARIO...] [--runs N] [--seed S] [--threads T] [--until Y] [--start Y|default|latest] [--params FILE]",
	.description = "Simulates the baseline and the scenarios decoupling, sino-russian-axis, "
		       "russian-breakthrough, multipolar-club, china-supports-russia and "
		       "china-supports-russia-secondary (or the SCENARIOs given) to 2050 (--until Y). "
		       "The start world is --start: a year of the database's NMC data, the shipped default world, "
		       "or latest, the default: the newest available, the shipped default world (2023) unless the "
		       "database's NMC data reach that year (a scenario's own start: Y is kept without --start). "
		       "Parameters: the defaults, then --params FILE, else the database's newest calibration "
		       "fitted on data up to the start year, else the shipped data/params/calibrated.yaml, then "
		       "the scenario's own keys. Both are stated above the table and on standard error. Each "
		       "ensemble is stored in the database (sim_runs, sim_summary) and a short comparison is "
		       "printed: the start year, median CINC shares of the West, China, Russia and India poles, "
		       "the effective number of poles, and the probabilities of a multipolar distribution "
		       "(Thompson rule), of any war and of a great-power war, in 2035 and 2050; then, per "
		       "scenario, the probability of a great-power war by 2035 and 2050, the camps' expected "
		       "sizes and the Russia-China capability and trade-dependence ratios. Finally the "
		       "HTML report of the stored results is written (--report FILE, default "
		       "multipolar-report.html) and its path printed. docs/cli.md, docs/sim.md.",
	.example = "multipolar run",
	.options = options,
	.opts_size = sizeof(run_opts),
	.defaults = defaults,
	.run = run,
};
