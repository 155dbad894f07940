/* multipolar evaluate: rolling-origin forecast skill of the world model against
 * baselines (docs/evaluate.md). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/store.h"
#include "multipolar/ensemble.h"
#include "multipolar/eval.h"

typedef struct {
	cli_common common;
	const char *origins, *horizons, *variables, *pool, *scores, *forecasts, *summary, *poles;
	int runs, threads, top, trend_years, spread_years, spread_analogs, check, no_store, uncalibrated;
	long long seed;
	cli_strv truth, without;
} evaluate_opts;

static const cli_option options[] = {
	{ "origins", CLI_STRING, offsetof(evaluate_opts, origins), "SPEC",
	  "forecast origins: FROM:TO:STEP, FROM:TO or years, comma-separated (default 1960:2006:2)" },
	{ "horizons", CLI_STRING, offsetof(evaluate_opts, horizons), "LIST", "horizons in years (default 5,10)" },
	{ "runs", CLI_INT, offsetof(evaluate_opts, runs), "N", "ensemble members per origin (default 200)" },
	{ "seed", CLI_LONG, offsetof(evaluate_opts, seed), "S", "random seed (default 1)" },
	{ "threads", CLI_INT, offsetof(evaluate_opts, threads), "T", "OpenMP threads (default: all cores)" },
	{ "variables", CLI_STRING, offsetof(evaluate_opts, variables), "LIST",
	  "cinc_share,cinc_share_top,gdp,pop,milex_share,war,war_onset,war_freq (default: all whose data are imported)" },
	{ "top", CLI_INT, offsetof(evaluate_opts, top), "K",
	  "cinc_share_top renormalises among the top K at the origin (default 20)" },
	{ "truth", CLI_STRINGS, offsetof(evaluate_opts, truth), "FILE",
	  "NMC CSV of a later release for the truth (repeatable; the last covering a year wins over the database)" },
	{ "without", CLI_STRINGS, offsetof(evaluate_opts, without), "NAME",
	  "also run the grid with mechanism NAME off (<NAME>.enabled = 0; repeatable): method model_without_NAME" },
	{ "pool", CLI_STRING, offsetof(evaluate_opts, pool), "FROM:TO",
	  "origins pooled into the origin=all rows and the summary (default: all)" },
	{ "scores", CLI_STRING, offsetof(evaluate_opts, scores), "FILE",
	  "write the tidy scores (origin,horizon,variable,unit,method,metric,value) to FILE" },
	{ "forecasts", CLI_STRING, offsetof(evaluate_opts, forecasts), "FILE",
	  "write every forecast (origin,year,variable,unit,method,stat,value) to FILE" },
	{ "summary", CLI_STRING, offsetof(evaluate_opts, summary), "FILE",
	  "also write the summary table as CSV to FILE (useful with --check)" },
	{ "check", CLI_FLAG, offsetof(evaluate_opts, check), NULL,
	  "print the goal checks of issue 9 (met/missed) instead of the summary" },
	{ "no-store", CLI_FLAG, offsetof(evaluate_opts, no_store), NULL, "do not store the scores in the database" },
	{ "uncalibrated", CLI_FLAG, offsetof(evaluate_opts, uncalibrated), NULL,
	  "run the sim with its documented default parameters instead of calibrating at each origin" },
	{ "poles", CLI_STRING, offsetof(evaluate_opts, poles), "FILE",
	  "pole membership file (default: the shipped one)" },
	{ "trend-years", CLI_INT, offsetof(evaluate_opts, trend_years), "N",
	  "trend, rw_drift and world_mean use Y0-N..Y0 (default 10)" },
	{ "spread-years", CLI_INT, offsetof(evaluate_opts, spread_years), "N",
	  "persistence_spread: changes ending in the last N years up to Y0 (default 20)" },
	{ "spread-analogs", CLI_INT, offsetof(evaluate_opts, spread_analogs), "A",
	  "persistence_spread: the A states nearest in size per window (default 10)" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	evaluate_opts *o = vo;
	mp_eval_options d = MP_EVAL_OPTIONS_INIT;
	o->origins = "1960:2006:2";
	o->horizons = "5,10";
	o->runs = d.runs;
	o->seed = (long long)d.seed;
	o->top = d.top;
	o->trend_years = d.trend_years;
	o->spread_years = d.spread_years;
	o->spread_analogs = d.spread_analogs;
}

static int parse_int(const char *s, const char *opt, const char *spec, int *out, mp_ctx *ctx)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < -100000 || v > 100000)
		return mp_error_set(ctx, MP_EUSAGE, "--%s '%s': expected whole numbers, got '%s'", opt, spec, s);
	*out = (int)v;
	return MP_OK;
}

/* "1960:2006:2,2010" -> years; a range with STEP (default 1) includes FROM and every
 * STEP-th year up to TO. */
static int parse_years(mp_ctx *ctx, const char *spec, const char *opt, int allow_range, int **out, size_t *n)
{
	size_t cap = 64;
	int *v = malloc(cap * sizeof *v), rc = MP_OK;
	char *copy = strdup(spec), *save = NULL;
	*n = 0;
	if (!v || !copy) {
		free(v);
		free(copy);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	if (!*spec)
		rc = mp_error_set(ctx, MP_EUSAGE, "--%s: expected a value", opt);
	for (char *tok = strtok_r(copy, ",", &save); tok && rc == MP_OK; tok = strtok_r(NULL, ",", &save)) {
		char *parts[3] = { tok, NULL, NULL };
		int np = 1;
		for (char *c = tok; *c && np < 4; c++)
			if (*c == ':') {
				*c = '\0';
				if (np == 3) {
					np = 4;
					break;
				}
				parts[np++] = c + 1;
			}
		if (np > 3 || (np > 1 && !allow_range)) {
			rc = mp_error_set(ctx, MP_EUSAGE, "--%s '%s': expected %s", opt, spec,
					  allow_range ? "FROM:TO:STEP, FROM:TO or a year"
						      : "whole numbers separated by commas");
			break;
		}
		int a = 0, b = 0, step = 1;
		if ((rc = parse_int(parts[0], opt, spec, &a, ctx)) != MP_OK)
			break;
		b = a;
		if (np > 1 && (rc = parse_int(parts[1], opt, spec, &b, ctx)) != MP_OK)
			break;
		if (np > 2 && (rc = parse_int(parts[2], opt, spec, &step, ctx)) != MP_OK)
			break;
		if (step < 1 || b < a) {
			rc = mp_error_set(ctx, MP_EUSAGE, "--%s '%s': expected FROM <= TO and STEP >= 1", opt, spec);
			break;
		}
		for (int y = a; y <= b && rc == MP_OK; y += step) {
			if (*n == cap) {
				int *nv = cap < 100000 ? realloc(v, 2 * cap * sizeof *v) : NULL;
				if (!nv) {
					rc = mp_error_set(ctx, MP_EUSAGE, "--%s '%s': too many values", opt, spec);
					break;
				}
				v = nv;
				cap *= 2;
			}
			v[(*n)++] = y;
		}
	}
	free(copy);
	if (rc != MP_OK) {
		free(v);
		return rc;
	}
	*out = v;
	return MP_OK;
}

static int parse_variables(mp_ctx *ctx, const char *spec, unsigned *mask)
{
	*mask = 0;
	char *copy = strdup(spec), *save = NULL;
	if (!copy)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	int rc = MP_OK;
	for (char *tok = strtok_r(copy, ",", &save); tok && rc == MP_OK; tok = strtok_r(NULL, ",", &save)) {
		mp_eval_var v;
		if (!strcmp(tok, "all"))
			*mask |= (1u << MP_EVAL_NVARS) - 1;
		else if (mp_eval_var_parse(tok, &v) == MP_OK)
			*mask |= 1u << v;
		else
			rc = mp_error_set(
				ctx, MP_EUSAGE,
				"--variables: unknown variable '%s' (expected cinc_share, cinc_share_top, gdp, pop, "
				"milex_share, war, war_onset, war_freq or all)",
				tok);
	}
	if (rc == MP_OK && !*mask)
		rc = mp_error_set(ctx, MP_EUSAGE, "--variables: expected at least one variable");
	free(copy);
	return rc;
}

/* Opens FILE for atomic writing (temporary file beside it, renamed by cli_out_close). */
static int open_file(mp_ctx *ctx, const char *path, cli_out *out)
{
	cli_common c;
	memset(&c, 0, sizeof c);
	c.output = path;
	return cli_out_open(ctx, &c, out);
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	evaluate_opts *o = vo;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate takes no arguments (got '%s')", pos[0]);
	if (o->seed < 0)
		return mp_error_set(ctx, MP_EUSAGE, "--seed must be >= 0, got %lld", o->seed);
	if (o->threads < 0)
		return mp_error_set(ctx, MP_EUSAGE, "--threads must not be negative, got %d", o->threads);
	if (!o->common.format)
		o->common.fmt = MP_FORMAT_TEXT;
	int *origins = NULL, *horizons = NULL, *pool = NULL, rank = 0, size = 1;
	size_t norigins = 0, nh = 0, npool = 0;
	const char **without = NULL;
	size_t nwithout = 0;
	mp_store *s = NULL;
	mp_eval_result *r = NULL;
	mp_table *t = NULL;
	cli_out fc = { 0 }, sc = { 0 };
	int fc_open = 0, rc;
	mp_eval_options eo = MP_EVAL_OPTIONS_INIT;
	if ((rc = parse_years(ctx, o->origins, "origins", 1, &origins, &norigins)) != MP_OK ||
	    (rc = parse_years(ctx, o->horizons, "horizons", 0, &horizons, &nh)) != MP_OK)
		goto done;
	if (o->variables && (rc = parse_variables(ctx, o->variables, &eo.variables)) != MP_OK)
		goto done;
	if (o->pool) {
		if ((rc = parse_years(ctx, o->pool, "pool", 1, &pool, &npool)) != MP_OK)
			goto done;
		eo.pool_from = pool[0];
		eo.pool_to = pool[npool - 1];
	}
	/* --without a,b and --without a --without b */
	without = malloc((o->without.n * 8 + 1) * sizeof *without);
	if (!without) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < o->without.n; k++) {
		char *w = (char *)o->without.v[k];
		for (char *save = NULL, *tok = strtok_r(w, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			if (nwithout < o->without.n * 8)
				without[nwithout++] = tok;
	}
	if ((rc = mp_ensemble_mpi_init(&rank, &size)) != MP_OK) {
		rc = mp_error_set(ctx, MP_ERROR, "evaluate: MPI initialisation failed");
		goto done;
	}
	eo.origins = origins;
	eo.norigins = norigins;
	eo.horizons = horizons;
	eo.nhorizons = nh;
	eo.runs = o->runs;
	eo.seed = (uint64_t)o->seed;
	eo.threads = o->threads;
	eo.top = o->top;
	eo.trend_years = o->trend_years;
	eo.spread_years = o->spread_years;
	eo.spread_analogs = o->spread_analogs;
	eo.truth_paths = o->truth.v;
	eo.ntruth = o->truth.n;
	eo.without = without;
	eo.nwithout = nwithout;
	eo.poles_path = o->poles;
	eo.uncalibrated = o->uncalibrated;
	const char *db = cli_db_path(&o->common);
	if ((rc = mp_store_open(ctx, db, MP_STORE_READONLY, &s)) != MP_OK)
		goto done;
	if (o->forecasts && rank == 0) {
		if ((rc = open_file(ctx, o->forecasts, &fc)) != MP_OK)
			goto done;
		fc_open = 1;
		fputs("origin,year,variable,unit,method,stat,value\n", fc.f);
		eo.forecasts = fc.f;
	}
	rc = mp_evaluate(ctx, s, &eo, &r);
	if (fc_open) {
		rc = cli_out_close(ctx, &fc, rc);
		fc_open = 0;
	}
	if (rc != MP_OK || rank != 0)
		goto done;
	if (o->scores) {
		if ((rc = open_file(ctx, o->scores, &sc)) != MP_OK)
			goto done;
		rc = cli_out_close(ctx, &sc, mp_eval_write_scores(ctx, r, sc.f));
		if (rc != MP_OK)
			goto done;
	}
	if (!o->no_store) {
		int64_t id = 0;
		mp_store_free(s);
		s = NULL;
		if ((rc = mp_store_open(ctx, db, 0, &s)) != MP_OK || (rc = mp_eval_save(ctx, s, r, &id)) != MP_OK)
			goto done;
		mp_run_provenance pv = { "eval", id, o->seed, o->runs, NULL, NULL, NULL, 0 };
		if ((rc = mp_store_provenance_record(ctx, s, &pv)) != MP_OK)
			goto done;
		if (!o->common.quiet)
			fprintf(stderr, "%s\nstored as evaluation run %lld in %s\n", mp_eval_describe(r), (long long)id,
				db);
	} else if (!o->common.quiet)
		fprintf(stderr, "%s\n", mp_eval_describe(r));
	if ((rc = mp_eval_summary(ctx, r, &t)) != MP_OK)
		goto done;
	if (o->summary) {
		cli_common c = o->common;
		c.output = o->summary;
		c.fmt = MP_FORMAT_CSV;
		if ((rc = cli_write_table(ctx, &c, t)) != MP_OK)
			goto done;
	}
	if (o->check) {
		mp_table_free(t);
		t = NULL;
		if ((rc = mp_eval_checks(ctx, r, &t)) != MP_OK)
			goto done;
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	if (fc_open)
		cli_out_close(ctx, &fc, rc != MP_OK ? rc : MP_ERROR);
	mp_table_free(t);
	mp_eval_result_free(r);
	mp_store_free(s);
	free(origins);
	free(horizons);
	free(pool);
	free(without);
	mp_ensemble_mpi_finalize();
	return rc;
}

const cli_command cli_cmd_evaluate = {
	.name = "evaluate",
	.summary = "forecast skill: the model from many past origins against baselines, with proper scores",
	.usage = "[--origins SPEC] [--horizons LIST] [--runs N] [--variables LIST] [--without NAME] [--scores FILE]",
	.description =
		"For each origin Y0 calibrates the world model on data up to Y0 only, starts it from the Y0 world, runs "
		"an ensemble and scores every state (and pole) against what happened at each horizon, beside baselines "
		"fitted on data up to Y0: persistence, trend, rw_drift, world_mean (GDP and population), "
		"persistence_spread, and for war own_rate and size_logit. Variables: cinc_share (world shares), "
		"cinc_share_top (renormalised among the top K), gdp and pop (annualised log growth Y0..Y0+h), "
		"milex_share, war and war_onset (yearly, COW inter-state wars) and war_freq (share of the horizon years "
		"at war). Scores: mae, rmse (of the median), crps, coverage50, coverage90, pit01..pit10, brier, "
		"log_score, auc. Prints the summary pooled over origins and states (skill of the model against each "
		"method) or, with --check, the goals of issue 9; --scores writes the tidy CSV. The scores are stored in "
		"the database (tables eval_run, eval_score, eval_reliability) for the report's Forecast skill section. "
		"Results are identical for any --threads. Method: docs/evaluate.md.",
	.example = "multipolar evaluate --origins 1960:2006:2 --horizons 5,10 --runs 200 --scores skill.csv",
	.options = options,
	.opts_size = sizeof(evaluate_opts),
	.defaults = defaults,
	.run = run,
};
