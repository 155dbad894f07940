/* multipolar population: the simulated population of a state or pole by age and sex, with
 * quantiles over the ensemble (docs/demography.md, "Outputs"); and the build step of the
 * default world's age structures (--write-ages). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "multipolar/crosswalk.h"
#include "multipolar/ensemble.h"

typedef struct {
	cli_common common;
	const char *scenario;
	int start, from, to, runs, threads;
	long long seed;
	const char *show;
	const char *write_ages;
} population_opts;

static const cli_option options[] = {
	{ "scenario", CLI_STRING, offsetof(population_opts, scenario), "S",
	  "scenario file or name in data/scenarios/ (default baseline)" },
	{ "start", CLI_INT, offsetof(population_opts, start), "Y",
	  "start from the database's world of year Y instead of the scenario's start" },
	{ "from", CLI_INT, offsetof(population_opts, from), "Y", "first year shown (default: the start year)" },
	{ "to", CLI_INT, offsetof(population_opts, to), "Y", "last year shown and simulated (default: the horizon)" },
	{ "runs", CLI_INT, offsetof(population_opts, runs), "N", "number of runs (default: the scenario's)" },
	{ "seed", CLI_LONG, offsetof(population_opts, seed), "S", "random seed (default: the scenario's)" },
	{ "threads", CLI_INT, offsetof(population_opts, threads), "T", "OpenMP threads (default: all cores)" },
	{ "show", CLI_STRING, offsetof(population_opts, show), "WHAT", "indicators, pyramid or all (default all)" },
	{ "write-ages", CLI_STRING, offsetof(population_opts, write_ages), "FILE",
	  "build the default world's age structures from the database's UN WPP data into FILE "
	  "(data/world/ages.csv; see data/world/build_ages.sh) and exit" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	population_opts *o = vo;
	o->seed = -1;
}

/* The default world with the database's demography for its year, remainder rows summed. */
static int write_ages(mp_ctx *ctx, population_opts *o)
{
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_world *w = NULL;
	int rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s);
	if (rc == MP_OK)
		rc = mp_poles_load(ctx, NULL, &poles);
	if (rc == MP_OK)
		rc = mp_world_load_default(ctx, NULL, poles, &w);
	if (rc == MP_OK) {
		free(w->demog);
		w->demog = NULL;
		rc = mp_world_ages_from_store(ctx, s, w);
	}
	if (rc == MP_OK && !w->demog)
		rc = mp_error_set(ctx, MP_EINPUT,
				  "%s: no UN WPP data to build from: import ../shared/data/wpp2017/*.txt, "
				  "../shared/data/wpp2024/*.txt and ../shared/data/country_code_crosswalk.csv",
				  cli_db_path(&o->common));
	if (rc == MP_OK)
		rc = mp_world_ages_remainders(ctx, s, poles, w);
	if (rc == MP_OK)
		rc = mp_world_ages_write(ctx, w, o->write_ages);
	if (rc == MP_OK && !o->common.quiet) {
		size_t have = 0;
		for (size_t i = 0; i < w->n; i++)
			have += w->demog[i].source != MP_AGES_NONE;
		fprintf(stderr, "population: age structures of %zu of %zu actors (%d) written to %s\n", have, w->n,
			w->year, o->write_ages);
	}
	mp_world_free(w);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

static const char *const ind_vars[] = { "pop",        "pop_0_14", "working_age", "pop_65p", "old_age_dependency",
					"median_age", "tfr",      "e0" };

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	population_opts *o = vo;
	if (o->write_ages)
		return write_ages(ctx, o);
	if (npos != 1)
		return mp_error_set(ctx, MP_EUSAGE,
				    "population needs one STATE (stateabb, name or ccode) or pole:NAME");
	const char *show = o->show ? o->show : "all";
	int want_ind = !strcmp(show, "all") || !strcmp(show, "indicators");
	int want_pyr = !strcmp(show, "all") || !strcmp(show, "pyramid");
	if (!want_ind && !want_pyr)
		return mp_error_set(ctx, MP_EUSAGE, "population: --show expects indicators, pyramid or all, got \"%s\"",
				    show);
	if (o->runs < 0 || o->threads < 0)
		return mp_error_set(ctx, MP_EUSAGE, "population: --runs and --threads must not be negative");
	mp_scenario *sc = malloc(sizeof *sc);
	mp_store *store = NULL;
	mp_poles *poles = NULL;
	mp_world *world = NULL;
	mp_ensemble *e = NULL;
	mp_table *t = NULL;
	int rc = sc ? mp_scenario_load(ctx, o->scenario ? o->scenario : "baseline", sc) : MP_ENOMEM;
	if (rc != MP_OK)
		goto done;
	if (o->start)
		sc->start = o->start;
	if (sc->start && (rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &store)) != MP_OK)
		goto done;
	if ((rc = mp_ensemble_start_world(ctx, sc, store, &poles, &world)) != MP_OK)
		goto done;
	if (!world->demog) {
		rc = mp_error_set(
			ctx, MP_EINPUT, "population: the start world (%s) has no age structures: %s", world->source,
			sc->start ? "import the UN WPP files (../shared/data/wpp2017/*.txt, wpp2024/*.txt) and the "
				    "country-code crosswalk into the database"
				  : "data/world/ages.csv is missing (data/world/build_ages.sh builds it)");
		goto done;
	}
	/* the unit as the outputs name it */
	const char *unit = pos[0];
	char uname[64];
	int ccode = 0;
	if (!strncasecmp(unit, "pole:", 5)) {
		int p = mp_poles_find(poles, unit + 5);
		if (p == MP_POLE_NONE) {
			rc = mp_error_set(ctx, MP_EINPUT, "population: no pole '%s' in the pole memberships", unit + 5);
			goto done;
		}
		snprintf(uname, sizeof uname, "%s", mp_poles_name(poles, p));
	} else {
		int i = mp_world_find_name(world, unit);
		const mp_country *c = NULL;
		if (i < 0 && mp_country_find(ctx, unit, &c) != MP_OK) {
			/* not a country at all: the crosswalk's message, with its near matches */
			char why[512];
			snprintf(why, sizeof why, "%s", mp_error_message(ctx));
			rc = mp_error_set(ctx, MP_EINPUT, "population: %s", why);
			goto done;
		}
		if (i < 0) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "population: %s (%s, %d) is not a state of the start world (%s)", c->name,
					  c->cowc, c->ccode, world->source);
			goto done;
		}
		snprintf(uname, sizeof uname, "%s", world->actors[i].stateabb);
		ccode = world->actors[i].ccode;
	}
	int to = o->to ? o->to : sc->horizon, from = o->from ? o->from : world->year;
	if (to <= world->year || from < world->year || from > to) {
		rc = mp_error_set(ctx, MP_EUSAGE,
				  "population: --from %d --to %d must lie within the simulation, %d to a year after it",
				  from, to, world->year);
		goto done;
	}
	mp_ensemble_opts eo = MP_ENSEMBLE_OPTS_INIT;
	eo.runs = o->runs;
	eo.threads = o->threads;
	eo.until = to;
	eo.store = store;
	eo.pyramid = want_pyr ? unit : NULL;
	if (o->seed >= 0) {
		eo.seed = (uint64_t)o->seed;
		eo.seed_set = 1;
	}
	if ((rc = mp_ensemble_run(ctx, sc, world, poles, &eo, &e)) != MP_OK)
		goto done;
	static const mp_column cols[] = {
		{ "unit", MP_COL_TEXT, 0 },     { "ccode", MP_COL_INT, 0 }, { "year", MP_COL_INT, 0 },
		{ "variable", MP_COL_TEXT, 0 }, { "sex", MP_COL_TEXT, 0 },  { "age", MP_COL_TEXT, 0 },
		{ "q05", MP_COL_REAL, 4 },      { "q25", MP_COL_REAL, 4 },  { "q50", MP_COL_REAL, 4 },
		{ "q75", MP_COL_REAL, 4 },      { "q95", MP_COL_REAL, 4 },  { "mean", MP_COL_REAL, 4 },
	};
	if ((rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])) != MP_OK)
		goto done;
	for (int y = from; y <= to && rc == MP_OK; y++) {
		for (int pass = 0; pass < 2 && rc == MP_OK; pass++) {
			size_t nv = pass == 0 ? (want_ind ? sizeof ind_vars / sizeof ind_vars[0] : 0)
					      : (want_pyr ? 2 * MP_DEMOG_GROUPS : 0);
			for (size_t v = 0; v < nv && rc == MP_OK; v++) {
				char var[32], age[16] = "";
				const char *sex = NULL;
				if (pass == 0)
					snprintf(var, sizeof var, "%s", ind_vars[v]);
				else {
					int x = (int)v / MP_DEMOG_GROUPS, a = 5 * ((int)v % MP_DEMOG_GROUPS);
					snprintf(var, sizeof var, "pyramid_%c_%d", x ? 'M' : 'F', a);
					sex = x ? "M" : "F";
					if (a < 100)
						snprintf(age, sizeof age, "%d-%d", a, a + 4);
					else
						snprintf(age, sizeof age, "100+");
				}
				double q[5], mean;
				if (mp_ensemble_get(e, y, uname, var, q, &mean) != MP_OK)
					continue;
				size_t row;
				if ((rc = mp_table_add_row(t, &row)) != MP_OK)
					break;
				rc = mp_table_set_text(t, row, 0, uname);
				if (ccode)
					mp_table_set_int(t, row, 1, ccode);
				mp_table_set_int(t, row, 2, y);
				if (rc == MP_OK)
					rc = mp_table_set_text(t, row, 3, pass ? "pyramid" : var);
				if (rc == MP_OK && sex)
					rc = mp_table_set_text(t, row, 4, sex);
				if (rc == MP_OK && *age)
					rc = mp_table_set_text(t, row, 5, age);
				for (int k = 0; k < 5; k++)
					mp_table_set_real(t, row, 6 + (size_t)k, q[k]);
				mp_table_set_real(t, row, 11, mean);
			}
		}
	}
	if (rc == MP_OK)
		rc = cli_write_table(ctx, &o->common, t);
	if (rc == MP_OK && !o->common.quiet)
		fprintf(stderr, "population: %s, %s, %d runs from %d (seed %llu)\n", uname, sc->name,
			mp_ensemble_runs(e), world->year, (unsigned long long)mp_ensemble_seed(e));
done:
	mp_table_free(t);
	mp_ensemble_free(e);
	mp_world_free(world);
	mp_poles_free(poles);
	mp_store_free(store);
	free(sc);
	return rc;
}

const cli_command cli_cmd_population = {
	.name = "population",
	.summary = "simulated population of a state or pole by age and sex, with quantiles",
	.usage = "STATE|pole:NAME [--scenario S] [--start Y] [--from Y] [--to Y] [--runs N] [--show WHAT]",
	.description = "Runs the scenario's ensemble (default baseline, from the shipped default world or, with "
		       "--start Y, the database's world of year Y) and prints, for each year from --from to --to, the "
		       "5, 25, 50, 75 and 95% quantiles over runs and the mean of the unit's population (pop, "
		       "pop_0_14, working_age 15-64, pop_65p, thousands), old_age_dependency (65+ per 15-64), "
		       "median_age, tfr (total fertility) and e0 (life expectancy at birth, both sexes), and its "
		       "pyramid: people by sex and five-year age group (variable pyramid; columns sex, age). The "
		       "cohort-component model and its sources: docs/demography.md. --write-ages FILE builds the "
		       "default world's age structures from a database with the UN WPP files imported.",
	.example = "multipolar population CHN --from 2023 --to 2050 --runs 200 --format csv > chn.csv",
	.options = options,
	.opts_size = sizeof(population_opts),
	.defaults = defaults,
	.run = run,
};
