/* multipolar negotiate: forecast a negotiation with the EU model (Bueno de Mesquita /
 * Scholz et al. 2011) or KTAB's Spatial Model of Politics (docs/bargaining.md). The
 * settings, their defaults and bounds live in the library (MP_BARGAIN_SETTINGS); this file
 * parses the command line and prints. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/bargain.h"
#include "multipolar/store.h"

typedef struct {
	cli_common common;
	const char *set[MP_BARGAIN_SET_N]; /* the library's settings, as given */
	const char *show, *name;
	int salience_percent, store;
} negotiate_opts;

#define O(f) offsetof(negotiate_opts, f)
static const cli_option options[] = {
#define MP_X_OPTION(id, name, kind, scope, lo, hi, arg, help)                                                          \
	{ name, CLI_STRING, O(set[MP_BARGAIN_SET_##id]), arg, help },
	MP_BARGAIN_SETTINGS(MP_X_OPTION)
#undef MP_X_OPTION
		{ "show", CLI_STRING, O(show), "WHAT",
		  "summary (default: the forecast per dimension with the scale's meanings), positions, risk, offers, "
		  "pairs (EU), forecast, probabilities (SMP) or settings" },
	{ "salience-percent", CLI_FLAG, O(salience_percent), NULL, "BDM CSV: saliences are percentages (0..100)" },
	{ "store", CLI_FLAG, O(store), NULL,
	  "also store the positions, forecasts, summary (and sensitivity quantiles) for 'multipolar report'" },
	{ "name", CLI_STRING, O(name), "NAME", "name of the stored negotiation (default: the input file's name)" },
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	CLI_END
};

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* The input's settings, then the command line's (which win). */
static int settings(mp_ctx *ctx, const negotiate_opts *o, const mp_bargain_input *in, mp_bargain_settings *s)
{
	int rc = mp_bargain_settings_from_input(ctx, in, s);
	for (int i = 0; rc == MP_OK && i < MP_BARGAIN_SET_N; i++)
		if (o->set[i])
			rc = mp_bargain_settings_set(ctx, s, in, mp_bargain_setting_get((mp_bargain_setting)i)->name,
						     o->set[i], MP_BARGAIN_SCOPE_COMMAND, "--");
	return rc == MP_OK ? mp_bargain_settings_check(ctx, s, in) : rc;
}

/* The "not data" label: part of the answer on standard output (always), a note on standard
 * error for the other views (not with --quiet). */
static void note_illustrative(const negotiate_opts *o, const mp_bargain_input *in, FILE *f)
{
	if (in->illustrative && (f != stderr || !o->common.quiet))
		fprintf(f,
			"%sILLUSTRATIVE INPUT, NOT DATA: %s marks its numbers as judgements written to show the "
			"format (illustrative: true).\n",
			f == stderr ? "negotiate: " : "", base_name(in->path));
}

/* The default view as text: the forecast per dimension, what the scale's ends mean and
 * the mark nearest to the forecast. */
static int write_summary_text(mp_ctx *ctx, const negotiate_opts *o, const mp_bargain_input *in, const mp_table *t)
{
	cli_out out;
	int rc = cli_out_open(ctx, &o->common, &out);
	if (rc)
		return rc;
	FILE *f = out.f;
	int eu = !strcmp(mp_table_get_text(t, 0, 0), "eu"), missing;
	fprintf(f, "%s: %s, %lld actors, %lld rounds, stopped by %s.\n", *in->name ? in->name : base_name(in->path),
		eu ? "expected-utility model (Bueno de Mesquita; Scholz et al. 2011)"
		   : "KTAB's Spatial Model of Politics",
		(long long)mp_table_get_int(t, 0, 1, &missing), (long long)mp_table_get_int(t, 0, 2, &missing),
		mp_table_get_text(t, 0, 3));
	note_illustrative(o, in, f);
	for (size_t r = 0; r < mp_table_rows(t); r++) {
		const char *dim = mp_table_get_text(t, r, 4), *mark = mp_table_get_text(t, r, 10);
		const char *lo_means = mp_table_get_text(t, r, 11), *hi_means = mp_table_get_text(t, r, 12);
		double lo = mp_table_get_real(t, r, 7), hi = mp_table_get_real(t, r, 8);
		fprintf(f, "\n%s%s: forecast %.2f (weighted median; weighted mean %.2f) on a scale from %g to %g%s\n",
			in->source == MP_BARGAIN_SRC_BDM ? "dimension " : "", dim, mp_table_get_real(t, r, 6),
			mp_table_get_real(t, r, 5), lo, hi,
			in->source == MP_BARGAIN_SRC_BDM ? " (the range of the input's positions)" : "");
		if (mark)
			fprintf(f, "  nearest mark %g: %s\n", mp_table_get_real(t, r, 9), mark);
		if (lo_means)
			fprintf(f, "  %g means: %s\n", lo, lo_means);
		if (hi_means)
			fprintf(f, "  %g means: %s\n", hi, hi_means);
	}
	fprintf(f, "\n(--show positions: every actor's position per round; --format csv: this summary as a table)\n");
	return cli_out_close(ctx, &out, ferror(f) ? mp_error_set(ctx, MP_EIO, "cannot write output") : MP_OK);
}

/* Stores the run (positions, forecasts, summary, and the quantiles of a sensitivity
 * analysis) in one transaction. */
static int store_result(mp_ctx *ctx, const negotiate_opts *o, const mp_bargain_input *in, const mp_bargain_settings *s,
			mp_table *const *tab, const mp_table *quantiles)
{
	mp_store *st = NULL;
	int64_t id = 0;
	size_t need = mp_bargain_settings_describe(s, in, NULL, 0) + 1;
	char *desc = malloc(need);
	if (!desc)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	mp_bargain_settings_describe(s, in, desc, need);
	mp_bargain_record rec = { o->name ? o->name : base_name(in->path),
				  s->run.model == MP_BARGAIN_MODEL_EU ? "eu" : "smp",
				  in->path,
				  tab[MP_BARGAIN_TAB_POSITIONS],
				  tab[MP_BARGAIN_TAB_FORECAST],
				  tab[MP_BARGAIN_TAB_SUMMARY],
				  in->illustrative,
				  in->description,
				  desc,
				  quantiles };
	int rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_CREATE, &st);
	if (rc == MP_OK)
		rc = mp_store_bargain_save(ctx, st, &rec, &id);
	if (rc == MP_OK) {
		/* provenance (docs/panels.md section 6): the settings in effect, the seed and the
		 * input file's SHA-256 */
		char sha[65];
		mp_run_input pin = { "input", base_name(in->path), sha };
		if ((rc = mp_file_sha256(ctx, in->path, sha)) == MP_OK) {
			mp_run_provenance pv = { "bargain", id, (int64_t)s->seed, 0, NULL, desc, &pin, 1 };
			rc = mp_store_provenance_record(ctx, st, &pv);
		}
	}
	if (rc == MP_OK && !o->common.quiet)
		fprintf(stderr, "negotiate: stored as negotiation %lld in %s\n", (long long)id,
			cli_db_path(&o->common));
	mp_store_free(st);
	free(desc);
	return rc;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	negotiate_opts *o = vo;
	mp_bargain_input *in = NULL;
	mp_bargain_settings s = MP_BARGAIN_SETTINGS_INIT;
	mp_table *tab[MP_BARGAIN_TAB_N] = { NULL }, *out = NULL, *quantiles = NULL;
	int want[MP_BARGAIN_TAB_N] = { 0 }, rc;
	if (npos != 1)
		return mp_error_set(
			ctx, MP_EUSAGE,
			"negotiate: expected one input file (BDM CSV, KTAB CSV, KTAB XML or YAML scenario)");
	int show = o->show ? mp_bargain_tab_parse(o->show) : MP_BARGAIN_TAB_SUMMARY, show_settings = 0;
	if (show < 0 && !(show_settings = !strcmp(o->show, "settings")))
		return mp_error_set(
			ctx, MP_EUSAGE,
			"negotiate: --show: unknown value '%s' (one of summary, positions, risk, offers, pairs, "
			"forecast, probabilities, settings)",
			o->show);
	if (o->name && strlen(o->name) > MP_BARGAIN_NAME_MAX)
		return mp_error_set(ctx, MP_EUSAGE, "negotiate: --name: longer than %d bytes (the limit)",
				    MP_BARGAIN_NAME_MAX);
	if ((rc = mp_bargain_input_read(ctx, pos[0], o->salience_percent ? MP_BARGAIN_READ_SALIENCE_PERCENT : 0,
					&in)) ||
	    (rc = settings(ctx, o, in, &s)))
		goto done;
	if (show_settings) {
		if ((rc = mp_bargain_settings_table(ctx, &s, in, &out)) == MP_OK)
			rc = cli_write_table(ctx, &o->common, out);
		goto done;
	}
	if (s.replicates > 0 && o->show && show != MP_BARGAIN_TAB_SUMMARY) {
		rc = mp_error_set(ctx, MP_EUSAGE,
				  "negotiate: --sensitivity prints forecast quantiles; it takes no --show %s", o->show);
		goto done;
	}
	if (s.replicates > 0) {
		if ((rc = mp_bargain_sensitivity_table(ctx, in, &s, &quantiles)))
			goto done;
	} else
		want[show] = 1;
	if (o->store)
		want[MP_BARGAIN_TAB_POSITIONS] = want[MP_BARGAIN_TAB_FORECAST] = want[MP_BARGAIN_TAB_SUMMARY] = 1;
	int any = 0;
	for (int t = 0; t < MP_BARGAIN_TAB_N; t++)
		any |= want[t];
	if (any && (rc = mp_bargain_run_tables(ctx, in, &s, want, tab)))
		goto done;
	if (quantiles) {
		/* what the quantiles are of: above the table in text, a note otherwise */
		char about[1024];
		snprintf(about, sizeof about,
			 "%s: quantiles of the final forecast over %zu perturbed replicates of %s (seed %llu; noise: "
			 "capability log-SD %g, position SD %g of the scale, salience SD %g; docs/bargaining.md "
			 "\"Sensitivity\")",
			 *in->name ? in->name : base_name(in->path), s.replicates,
			 s.run.model == MP_BARGAIN_MODEL_EU ? "the expected-utility model"
							    : "KTAB's Spatial Model of Politics",
			 (unsigned long long)s.seed, s.noise.cap_logsd, s.noise.pos_sd, s.noise.sal_sd);
		size_t l = strlen(about);
		if (o->common.fmt == MP_FORMAT_TEXT && in->illustrative)
			/* in text the label is part of the answer, as in the summary */
			snprintf(about + l, sizeof about - l,
				 ".\nILLUSTRATIVE INPUT, NOT DATA: %s marks its numbers as "
				 "judgements written to show the format (illustrative: true).",
				 base_name(in->path));
		else
			note_illustrative(o, in, stderr);
		rc = cli_write_table_about(ctx, &o->common, quantiles, about);
	} else if (show == MP_BARGAIN_TAB_SUMMARY && o->common.fmt == MP_FORMAT_TEXT)
		rc = write_summary_text(ctx, o, in, tab[show]);
	else {
		note_illustrative(o, in, stderr);
		rc = cli_write_table(ctx, &o->common, tab[show]);
	}
	if (rc == MP_OK && o->store)
		rc = store_result(ctx, o, in, &s, tab, quantiles);
done:
	for (int t = 0; t < MP_BARGAIN_TAB_N; t++)
		mp_table_free(tab[t]);
	mp_table_free(out);
	mp_table_free(quantiles);
	mp_bargain_input_free(in);
	return rc;
}

const cli_command cli_cmd_negotiate = {
	.name = "negotiate",
	.summary = "forecast a negotiation (expected-utility model or KTAB's spatial model)",
	.usage = "FILE [--model eu|smp] [--show WHAT] [--rounds N] [--sensitivity N --seed S] [--store] [OPTIONS]",
	.description = "Reads actors with capability, position and salience from FILE (a BDM CSV\n"
		       "'Actor,Capability,Position,Salience', a KTAB CSV or XML scenario, or a YAML scenario) and\n"
		       "plays the Bueno de Mesquita expected-utility model as reconstructed by Scholz et al.\n"
		       "(2011) (--model eu; defaults reproduce the Scholz-code results) or KTAB's Spatial Model\n"
		       "of Politics (--model smp; defaults are KTAB's CSV defaults). Prints the forecast per\n"
		       "dimension (weighted median and mean of the final positions) with what the scale's ends\n"
		       "mean and the nearest labelled point; --show positions gives every actor's position per\n"
		       "round, --show risk, offers, pairs, forecast, probabilities the model's intermediates,\n"
		       "--show settings the settings in effect. A scenario marked 'illustrative: true' is\n"
		       "labelled as not data. --sensitivity N reruns N perturbed replicates on all cores and\n"
		       "reports forecast quantiles, identical for any --threads. A scenario file's 'options:'\n"
		       "may set any setting above except --threads; never a database, an output or --store.",
	.example = "multipolar negotiate data/scenarios/negotiation/taiwan_status.yaml",
	.options = options,
	.opts_size = sizeof(negotiate_opts),
	.defaults = NULL,
	.run = run,
};
