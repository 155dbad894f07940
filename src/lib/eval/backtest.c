/*
 * mp_backtest: the single-origin view of the evaluation (docs/backtest.md). From a start
 * year Y0, calibrated on data up to Y0: the median forecast CINC shares of the top K
 * states of Y0 in the end year, renormalised among those still in the system, beside
 * persistence and the linear trend, scored by MAE, RMSE and Spearman's rank correlation.
 * The ensemble members, the baselines and the truth come from the evaluation's code
 * (ensemble members, baselines.c, panel.c), so the two commands agree by construction.
 */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/ensemble.h"
#include "multipolar/sim.h"
#include "multipolar/stats.h"

#define SRC "backtest.c"

void mp_backtest_result_free(mp_backtest_result *r)
{
	if (!r)
		return;
	free(r->ccode);
	free(r->truth);
	mp_calib_result_free(r->calib);
	free(r);
}

static void renormalise(double *v, size_t k)
{
	double s = 0;
	for (size_t i = 0; i < k; i++)
		if (v[i] > 0)
			s += v[i];
	for (size_t i = 0; i < k; i++)
		v[i] = s > 0 && v[i] > 0 ? v[i] / s : 0.0;
}

static int score(mp_ctx *ctx, const char *method, const double *f, const double *t, size_t k, mp_backtest_row *row)
{
	memset(row, 0, sizeof *row);
	snprintf(row->method, sizeof row->method, "%s", method);
	double sa = 0, ss = 0;
	for (size_t i = 0; i < k; i++) {
		double e = f[i] - t[i];
		sa += fabs(e);
		ss += e * e;
	}
	row->n = k;
	row->mae = k ? sa / (double)k : MP_NA;
	row->rmse = k ? sqrt(ss / (double)k) : MP_NA;
	return mp_calib_spearman(ctx, f, t, k, &row->rank_corr);
}

/* The truth panel of the end year: the database's NMC, or an NMC file (--truth). */
static int load_truth(mp_ctx *ctx, mp_store *s, const mp_backtest_options *o, int first, int last, const char *version,
		      ev_panel *out)
{
	if (!o->truth_path) {
		if (o->end < first || o->end > last)
			return mp_error_set(ctx, MP_ERANGE,
					    "--end %d is outside the coverage of NMC %s in the database (%d-%d); give "
					    "--truth FILE with a later NMC release",
					    o->end, version, first, last);
		return ev_panel_load(ctx, s, o->end, o->end, 0, 0, out);
	}
	int rc = ev_panel_load_file(ctx, o->truth_path, out);
	if (rc == MP_OK && !ev_in(out, o->end)) {
		rc = mp_error_set(ctx, MP_ERANGE, "--end %d is outside the coverage of NMC %s in %s (%d-%d)", o->end,
				  out->version, o->truth_path, out->first, out->last);
		ev_panel_free(out);
	}
	return rc;
}

/* The model's median shares of the k scored states: member r's top-K shares renormalised
 * among the k, the median over members, renormalised. */
static int model_median(mp_ctx *ctx, const ev_fcset *f, int end, const int *ccode, size_t k, int runs, double *out)
{
	double *x = malloc((size_t)runs * (k + 2) * sizeof *x);
	if (!x)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	double *tot = x + (size_t)runs * k, *col = tot + runs;
	for (int r = 0; r < runs; r++)
		tot[r] = 0;
	for (size_t i = 0; i < k; i++) {
		const ev_fc *fc = ev_fc_find(f, MP_EVAL_CINC_SHARE_TOP, end, ccode[i], EV_M_MODEL);
		for (int r = 0; r < runs; r++) {
			double v = fc ? f->buf[fc->off + (size_t)r] : MP_NA;
			x[(size_t)r * k + i] = v;
			if (v > 0)
				tot[r] += v;
		}
	}
	for (size_t i = 0; i < k; i++) {
		for (int r = 0; r < runs; r++) {
			double v = x[(size_t)r * k + i];
			col[r] = v > 0 && tot[r] > 0 ? v / tot[r] : 0.0;
		}
		mp_sort_doubles(col, (size_t)runs);
		out[i] = mp_quantile_sorted(col, (size_t)runs, 0.5);
	}
	renormalise(out, k);
	free(x);
	return MP_OK;
}

int mp_backtest(mp_ctx *ctx, mp_store *s, const mp_backtest_options *opt, mp_backtest_result **out)
{
	*out = NULL;
	mp_backtest_options o = MP_BACKTEST_OPTIONS_INIT;
	if (opt)
		o = *opt;
	if (o.start >= o.end)
		return mp_error_set(ctx, MP_EUSAGE, "expected --start < --end, got %d >= %d", o.start, o.end);
	if (o.top < 2 || o.runs < 1 || o.trend_years < 1)
		return mp_error_set(ctx, MP_EUSAGE, "expected --top >= 2 and --runs >= 1, got %d and %d", o.top,
				    o.runs);
	int first = 0, last = 0;
	mp_dataset_info nmc;
	int rc = mp_store_dataset_pick(ctx, s, "nmc", NULL, &nmc);
	if (rc == MP_OK)
		rc = mp_world_store_years(ctx, s, NULL, &first, &last);
	if (rc != MP_OK)
		return rc;
	if (o.start - o.trend_years < first || o.start > last)
		return mp_error_set(ctx, MP_ERANGE,
				    "--start %d is outside the coverage of NMC %s in the database (%d-%d; "
				    "the trend baseline needs %d earlier years, so --start must be in %d-%d)",
				    o.start, nmc.version, first, last, o.trend_years, first + o.trend_years, last);
	mp_backtest_result *r = calloc(1, sizeof *r);
	ev_panel truth, hist;
	ev_fcset f;
	mp_sim_unit_params units = MP_SIM_UNIT_PARAMS_INIT;
	mp_world *w = NULL;
	double *members = NULL;
	ev_origin og;
	memset(&truth, 0, sizeof truth);
	memset(&hist, 0, sizeof hist);
	memset(&f, 0, sizeof f);
	memset(&og, 0, sizeof og);
	if (!r)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	r->start = o.start;
	r->end = o.end;
	if ((rc = load_truth(ctx, s, &o, first, last, nmc.version, &truth)) != MP_OK)
		goto done;
	snprintf(r->truth_source, sizeof r->truth_source, "%s", truth.source);
	/* Everything below up to the scores reads the database only up to the start year. */
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_calib_options co;
	ev_calib_options(o.start, &co);
	if (!o.uncalibrated && (rc = mp_calibrate(ctx, s, &co, &r->calib)) != MP_OK)
		goto done;
	if ((rc = mp_calib_apply(ctx, r->calib, &p, &units)) != MP_OK)
		goto done;
	if ((rc = mp_world_from_store(ctx, s, o.start, NULL, NULL, &w)) != MP_OK ||
	    (rc = ev_panel_load(ctx, s, o.start - o.trend_years, o.start, 0, 0, &hist)) != MP_OK)
		goto done;
	/* the top K by start-year CINC, largest first (ties by ccode) */
	const int h = o.end - o.start;
	og.year = o.start;
	og.hmax = h;
	og.horizons = &h;
	og.nh = 1;
	og.vars = 1u << MP_EVAL_CINC_SHARE_TOP;
	if (!(og.top = malloc((w->n + 1) * sizeof *og.top))) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < w->n; i++)
		if (w->actors[i].ccode > 0 && w->actors[i].ccode < EV_NC && w->actors[i].cinc_published > 0)
			og.top[og.ntop++] = w->actors[i].ccode;
	for (size_t i = 1; i < og.ntop; i++) /* insertion sort: a few hundred states */
		for (size_t j = i; j > 0; j--) {
			double a = w->actors[mp_world_find(w, og.top[j - 1])].cinc_published;
			double b = w->actors[mp_world_find(w, og.top[j])].cinc_published;
			if (a > b || (a == b && og.top[j - 1] < og.top[j]))
				break;
			int t = og.top[j];
			og.top[j] = og.top[j - 1];
			og.top[j - 1] = t;
		}
	if (og.ntop > (size_t)o.top)
		og.ntop = (size_t)o.top;
	/* the model's members and the baselines, as in the evaluation */
	static const mp_member_var vars[EV_MV_N] = { MP_MEMBER_CINC, MP_MEMBER_GDP, MP_MEMBER_TPOP, MP_MEMBER_MILEX,
						     MP_MEMBER_WAR };
	int *years = malloc(((size_t)h + 1) * sizeof *years);
	if (!years) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (int y = 0; y <= h; y++)
		years[y] = o.start + y;
	mp_sim_opts so = MP_SIM_OPTS_INIT;
	so.params = &p;
	so.units = &units;
	so.store = s;
	so.seed = o.seed;
	mp_members_opts mo = MP_MEMBERS_OPTS_INIT;
	mo.runs = o.runs;
	mo.threads = o.threads;
	mo.sim = &so;
	mo.years = years;
	mo.nyears = (size_t)h + 1;
	mo.vars = vars;
	mo.nvars = EV_MV_N;
	mo.task = "backtest";
	rc = mp_ensemble_members(ctx, w, &mo, &members);
	free(years);
	if (rc != MP_OK)
		goto done;
	const ev_baseline_opts bo = { o.trend_years, 1, 1 };
	if ((rc = ev_model_forecasts(ctx, &og, &hist, w, members, o.runs, EV_M_MODEL, &f)) != MP_OK ||
	    (rc = ev_baselines(ctx, &og, &hist, &bo, &f)) != MP_OK)
		goto done;
	ev_fc_index(&f);
	/* the scored states: the top K with a CINC in the truth year */
	size_t K = og.ntop, k = 0;
	r->ccode = malloc((K + 1) * sizeof *r->ccode);
	r->truth = malloc((4 * K + 4) * sizeof *r->truth);
	if (!r->ccode || !r->truth) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	r->model = r->truth + K + 1;
	r->persistence = r->model + K + 1;
	r->trend = r->persistence + K + 1;
	for (size_t i = 0; i < K; i++) {
		size_t at = ev_at(&truth, o.end, og.top[i]);
		double t = truth.present[at] ? truth.cinc[at] : MP_NA;
		const ev_fc *pf = ev_fc_find(&f, MP_EVAL_CINC_SHARE_TOP, o.end, og.top[i], EV_M_PERSISTENCE);
		const ev_fc *tf = ev_fc_find(&f, MP_EVAL_CINC_SHARE_TOP, o.end, og.top[i], EV_M_TREND);
		if (!(t > 0) || !pf || !tf)
			continue; /* the state left the system: not scored by any method */
		r->ccode[k] = og.top[i];
		r->truth[k] = t;
		r->persistence[k] = f.buf[pf->off];
		r->trend[k] = f.buf[tf->off];
		k++;
	}
	r->k = k;
	if (k < 2) {
		rc = mp_error_set(ctx, MP_EINPUT, "fewer than 2 of the top %d states of %d are in the truth for %d",
				  o.top, o.start, o.end);
		goto done;
	}
	renormalise(r->truth, k);
	renormalise(r->persistence, k);
	renormalise(r->trend, k);
	if ((rc = model_median(ctx, &f, o.end, r->ccode, k, o.runs, r->model)) != MP_OK)
		goto done;
	if ((rc = score(ctx, "model", r->model, r->truth, k, &r->rows[0])) != MP_OK ||
	    (rc = score(ctx, "persistence", r->persistence, r->truth, k, &r->rows[1])) != MP_OK ||
	    (rc = score(ctx, "trend", r->trend, r->truth, k, &r->rows[2])) != MP_OK)
		goto done;
done:
	free(og.top);
	free(members);
	ev_fcset_free(&f);
	ev_panel_free(&truth);
	ev_panel_free(&hist);
	mp_world_free(w);
	mp_sim_units_clear(&units);
	if (rc != MP_OK) {
		mp_backtest_result_free(r);
		return rc;
	}
	*out = r;
	return MP_OK;
}

int mp_backtest_table(mp_ctx *ctx, const mp_backtest_result *r, mp_table **out)
{
	static const mp_column cols[] = {
		{ "method", MP_COL_TEXT, 0 }, { "n", MP_COL_INT, 0 },          { "mae", MP_COL_REAL, 6 },
		{ "rmse", MP_COL_REAL, 6 },   { "rank_corr", MP_COL_REAL, 4 },
	};
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, 5);
	for (int i = 0; rc == MP_OK && i < 3; i++) {
		size_t row;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			break;
		rc = mp_table_set_text(t, row, 0, r->rows[i].method);
		mp_table_set_int(t, row, 1, (int64_t)r->rows[i].n);
		mp_table_set_real(t, row, 2, r->rows[i].mae);
		mp_table_set_real(t, row, 3, r->rows[i].rmse);
		mp_table_set_real(t, row, 4, r->rows[i].rank_corr);
	}
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, rc, SRC ": cannot build the score table");
	}
	*out = t;
	return MP_OK;
}

int mp_backtest_detail(mp_ctx *ctx, const mp_backtest_result *r, mp_table **out)
{
	static const mp_column cols[] = {
		{ "ccode", MP_COL_INT, 0 },        { "truth", MP_COL_REAL, 5 }, { "model", MP_COL_REAL, 5 },
		{ "persistence", MP_COL_REAL, 5 }, { "trend", MP_COL_REAL, 5 },
	};
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, 5);
	for (size_t i = 0; rc == MP_OK && i < r->k; i++) {
		size_t row;
		if ((rc = mp_table_add_row(t, &row)) != MP_OK)
			break;
		mp_table_set_int(t, row, 0, r->ccode[i]);
		mp_table_set_real(t, row, 1, r->truth[i]);
		mp_table_set_real(t, row, 2, r->model[i]);
		mp_table_set_real(t, row, 3, r->persistence[i]);
		mp_table_set_real(t, row, 4, r->trend[i]);
	}
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, rc, SRC ": cannot build the detail table");
	}
	*out = t;
	return MP_OK;
}
