/* multipolar backtest: forecast a past decade from data up to its start, and score it. */
#include "cli.h"
#include "multipolar/eval.h"

typedef struct {
	cli_common common;
	int start, end, runs, top, trend_years, detail, uncalibrated, threads;
	long long seed;
	const char *truth;
} backtest_opts;

static const cli_option options[] = {
	{ "start", CLI_INT, offsetof(backtest_opts, start), "Y0",
	  "start year: calibration and the start world use data up to Y0 only (required)" },
	{ "end", CLI_INT, offsetof(backtest_opts, end), "Y1", "forecast year, > Y0 (required)" },
	{ "runs", CLI_INT, offsetof(backtest_opts, runs), "N", "ensemble size of the model forecast (default 200)" },
	{ "seed", CLI_LONG, offsetof(backtest_opts, seed), "S", "random seed (default 1)" },
	{ "threads", CLI_INT, offsetof(backtest_opts, threads), "T",
	  "OpenMP threads (default: all cores; same result for any)" },
	{ "top", CLI_INT, offsetof(backtest_opts, top), "K",
	  "score the K states with the largest Y0 CINC (default 20)" },
	{ "truth", CLI_STRING, offsetof(backtest_opts, truth), "FILE",
	  "NMC CSV (v5/v6/v7 layout) with the true Y1 values (default: the database's NMC)" },
	{ "trend-years", CLI_INT, offsetof(backtest_opts, trend_years), "N",
	  "the trend baseline fits Y0-N..Y0 (default 10)" },
	{ "uncalibrated", CLI_FLAG, offsetof(backtest_opts, uncalibrated), NULL,
	  "run the sim with its documented default parameters instead of calibrating (ablation)" },
	{ "detail", CLI_FLAG, offsetof(backtest_opts, detail), NULL,
	  "print the per-state shares (ccode, truth, model, persistence, trend) instead of the scores" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static void defaults(void *vo)
{
	backtest_opts *o = vo;
	mp_backtest_options d = MP_BACKTEST_OPTIONS_INIT;
	o->runs = d.runs;
	o->seed = (long long)d.seed;
	o->top = d.top;
	o->trend_years = d.trend_years;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	backtest_opts *o = vo;
	mp_store *s = NULL;
	mp_backtest_result *r = NULL;
	mp_table *t = NULL;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "backtest takes no arguments");
	if (!o->start || !o->end)
		return mp_error_set(ctx, MP_EUSAGE, "--start Y0 and --end Y1 are required");
	if (o->seed < 0)
		return mp_error_set(ctx, MP_EUSAGE, "--seed must be >= 0, got %lld", o->seed);
	mp_backtest_options bo = MP_BACKTEST_OPTIONS_INIT;
	bo.start = o->start;
	bo.end = o->end;
	bo.runs = o->runs;
	bo.seed = (uint64_t)o->seed;
	bo.top = o->top;
	bo.truth_path = o->truth;
	bo.trend_years = o->trend_years;
	bo.uncalibrated = o->uncalibrated;
	bo.threads = o->threads;
	int rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s);
	if (rc == MP_OK)
		rc = mp_backtest(ctx, s, &bo, &r);
	if (rc == MP_OK)
		rc = o->detail ? mp_backtest_detail(ctx, r, &t) : mp_backtest_table(ctx, r, &t);
	if (rc == MP_OK)
		rc = cli_write_table(ctx, &o->common, t);
	if (rc == MP_OK && !o->common.quiet)
		fprintf(stderr,
			"backtest %d->%d: top %d by %d CINC (%zu scored), shares renormalised among them; "
			"truth %s; model = median of %d runs, seed %lld, %s parameters\n",
			r->start, r->end, o->top, r->start, r->k, r->truth_source, o->runs, o->seed,
			o->uncalibrated ? "default" : "calibrated");
	mp_table_free(t);
	mp_backtest_result_free(r);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_backtest = {
	.name = "backtest",
	.summary = "forecast capability shares from a past year and score them against history",
	.usage = "--start Y0 --end Y1 [--runs N] [--seed S] [--top K] [--truth FILE]",
	.description =
		"Calibrates the world model on data up to Y0 only, starts it from the Y0 world, runs an ensemble "
		"to Y1 and compares the median forecast CINC shares of the top K states (by Y0 CINC; shares "
		"renormalised among those K) with the truth: the database's NMC, or an NMC CSV given by --truth. "
		"Prints a table (--format csv|json for machines) with columns method,n,mae,rmse,rank_corr and one row "
		"each for model, persistence (the Y0 shares) and trend (OLS line of each share over Y0-10..Y0). "
		"rank_corr is Spearman's. The single-origin view of 'multipolar evaluate' (same ensemble members, "
		"baselines and truth). Method: docs/backtest.md.",
	.example = "multipolar backtest --start 2006 --end 2016",
	.options = options,
	.opts_size = sizeof(backtest_opts),
	.defaults = defaults,
	.run = run,
};
