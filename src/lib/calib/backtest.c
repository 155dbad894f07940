/*
 * mp_backtest: start the sim from a past year with parameters calibrated only on data up
 * to that year, forecast the capability shares of a later year, and score the forecast
 * against the truth beside persistence and linear-trend baselines (DESIGN.md section 5;
 * docs/backtest.md).
 */
#include "calib_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/data.h"
#include "multipolar/sim.h"
#include "multipolar/stats.h"
#include "multipolar/world.h"

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

/* CINC of `ccode` in the rows (i = {ccode, year}, r = {cinc}) for `year`, or NaN. */
static double cinc_of(const mp_store_calib_rows *rows, int ccode, int year)
{
	for (size_t i = 0; i < rows->n; i++)
		if (rows->v[i].i[0] == ccode && rows->v[i].i[1] == year)
			return rows->v[i].r[0];
	return MP_NA;
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

static int score(mp_ctx *ctx, const char *method, const double *f, const double *t, size_t k,
		 mp_backtest_row *row)
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

/* The truth: NMC of the end year, from the database or from an NMC CSV imported into a
 * private in-memory store with the importer itself (same layouts, -9 as missing). */
static int load_truth(mp_ctx *ctx, mp_store *s, const mp_backtest_options *o, int db_first,
		      int db_last, const char *db_version, mp_store_calib_rows *out, char *src, size_t srcsize)
{
	if (!o->truth_path) {
		if (o->end < db_first || o->end > db_last)
			return mp_error_set(ctx, MP_ERANGE,
					    "--end %d is outside the coverage of NMC %s in the database "
					    "(%d-%d); give --truth FILE with a later NMC release",
					    o->end, db_version, db_first, db_last);
		snprintf(src, srcsize, "NMC %s (database)", db_version);
		return mp_store__calib_nmc_year(ctx, s, o->end, out);
	}
	mp_store *ts = NULL;
	mp_import_result ir;
	int rc = mp_store_open(ctx, ":memory:", MP_STORE_CREATE, &ts);
	if (rc == MP_OK)
		rc = mp_import_file(ctx, ts, o->truth_path, &ir);
	if (rc == MP_OK && strcmp(ir.family, "nmc") != 0)
		rc = mp_error_set(ctx, MP_EINPUT, "%s: expected an NMC file for --truth, got %s (%s)",
				  o->truth_path, ir.name, ir.family);
	if (rc == MP_OK && (o->end < ir.year_min || o->end > ir.year_max))
		rc = mp_error_set(ctx, MP_ERANGE, "--end %d is outside the coverage of NMC %s in %s (%d-%d)",
				  o->end, ir.version, o->truth_path, ir.year_min, ir.year_max);
	if (rc == MP_OK)
		rc = mp_store__calib_nmc_year(ctx, ts, o->end, out);
	if (rc == MP_OK)
		snprintf(src, srcsize, "NMC %s (%s)", ir.version, o->truth_path);
	mp_store_free(ts);
	return rc;
}

/* The model: median over runs of each state's CINC share (among the k) in the end year. */
static int run_model(mp_ctx *ctx, mp_store *s, const mp_backtest_options *o, const mp_sim_params *p,
		     const mp_sim_unit_params *units, const mp_world *w, const int *ccode, size_t k, double *model)
{
	int runs = o->runs > 0 ? o->runs : 1, rc = MP_OK;
	mp_sim *sim = NULL;
	double *sh = malloc((size_t)runs * k * sizeof *sh), *col = malloc((size_t)runs * sizeof *col);
	int *idx = malloc((k + 1) * sizeof *idx);
	if (!sh || !col || !idx) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < k; i++)
		idx[i] = mp_world_find(w, ccode[i]);
	mp_sim_opts so = MP_SIM_OPTS_INIT;
	so.params = p;
	so.units = units;
	so.store = s;
	so.seed = o->seed;
	so.run = 0;
	if ((rc = mp_sim_new(ctx, w, &so, &sim)) != MP_OK)
		goto done;
	for (int r = 0; r < runs && rc == MP_OK; r++) {
		mp_sim_reset(sim, (uint32_t)r);
		while (rc == MP_OK && mp_sim_year(sim) < o->end)
			rc = mp_sim_step(ctx, sim);
		if (rc != MP_OK)
			break;
		const double *c = mp_sim_cinc(sim);
		double *row = sh + (size_t)r * k;
		for (size_t i = 0; i < k; i++)
			row[i] = idx[i] >= 0 ? c[idx[i]] : MP_NA;
		renormalise(row, k);
		mp_progress(ctx, "backtest", r + 1, runs);
	}
	if (rc != MP_OK)
		goto done;
	for (size_t i = 0; i < k; i++) {
		for (int r = 0; r < runs; r++)
			col[r] = sh[(size_t)r * k + i];
		mp_sort_doubles(col, (size_t)runs);
		model[i] = mp_median_sorted(col, (size_t)runs);
	}
	renormalise(model, k);
done:
	mp_sim_free(sim);
	free(sh);
	free(col);
	free(idx);
	return rc;
}

typedef struct {
	int ccode;
	double cinc;
} ranked_state;

static int cmp_rank(const void *a, const void *b)
{
	const ranked_state *x = a, *y = b;
	if (x->cinc != y->cinc)
		return x->cinc < y->cinc ? 1 : -1;
	return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

int mp_backtest(mp_ctx *ctx, mp_store *s, const mp_backtest_options *opt, mp_backtest_result **out)
{
	*out = NULL;
	mp_backtest_options o = MP_BACKTEST_OPTIONS_INIT;
	if (opt && opt->version != MP_BACKTEST_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE,
				    "mp_backtest_options version %d is not %d (use MP_BACKTEST_OPTIONS_INIT)", opt->version,
				    MP_BACKTEST_OPTIONS_VERSION);
	if (opt)
		o = *opt;
	if (o.start >= o.end)
		return mp_error_set(ctx, MP_EUSAGE, "expected --start < --end, got %d >= %d", o.start, o.end);
	if (o.top < 2 || o.runs < 1 || o.trend_years < 1)
		return mp_error_set(ctx, MP_EUSAGE, "expected --top >= 2 and --runs >= 1, got %d and %d",
				    o.top, o.runs);
	int first = 0, last = 0;
	char version[32] = "";
	int rc = mp_store__calib_nmc_range(ctx, s, &first, &last, version, sizeof version);
	if (rc == MP_OK)
		rc = mp_world_store_years(ctx, s, NULL, &first, &last);
	if (rc != MP_OK)
		return rc;
	if (o.start - o.trend_years < first || o.start > last)
		return mp_error_set(ctx, MP_ERANGE,
				    "--start %d is outside the coverage of NMC %s in the database (%d-%d; "
				    "the trend baseline needs %d earlier years, so --start must be in %d-%d)",
				    o.start, version, first, last, o.trend_years, first + o.trend_years, last);
	mp_backtest_result *r = calloc(1, sizeof *r);
	mp_store_calib_rows hist = { 0 }, truth = { 0 };
	mp_sim_unit_params units = MP_SIM_UNIT_PARAMS_INIT;
	mp_world *w = NULL;
	ranked_state *rk = NULL;
	if (!r)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	r->start = o.start;
	r->end = o.end;
	if ((rc = load_truth(ctx, s, &o, first, last, version, &truth, r->truth_source,
			     sizeof r->truth_source)) != MP_OK)
		goto done;
	/* Everything below reads the database only up to the start year. */
	mp_calib_options co = MP_CALIB_OPTIONS_INIT;
	co.until = o.start;
	mp_sim_params p;
	mp_sim_params_default(&p);
	if (!o.uncalibrated && (rc = mp_calibrate(ctx, s, &co, &r->calib)) != MP_OK)
		goto done;
	if ((rc = mp_calib_apply(ctx, r->calib, &p, &units)) != MP_OK)
		goto done;
	if ((rc = mp_store__calib_fetch(ctx, s, MP_STORE_CALIB_NMC, o.start - o.trend_years, o.start, &hist)) != MP_OK)
		goto done;
	/* Top K by start-year CINC, kept when the truth has them. */
	size_t nst = 0;
	rk = malloc((hist.n + 1) * sizeof *rk);
	if (!rk) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < hist.n; i++)
		if (hist.v[i].i[1] == o.start && hist.v[i].r[0] > 0)
			rk[nst++] = (ranked_state){ hist.v[i].i[0], hist.v[i].r[0] };
	qsort(rk, nst, sizeof *rk, cmp_rank);
	size_t K = nst < (size_t)o.top ? nst : (size_t)o.top, k = 0;
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
		double t = cinc_of(&truth, rk[i].ccode, o.end);
		if (!(t > 0))
			continue; /* the state left the system: not scored by any method */
		r->ccode[k] = rk[i].ccode;
		r->truth[k] = t;
		r->persistence[k] = rk[i].cinc;
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
	/* Trend: OLS of each state's share (among the k, per year) on the year. */
	{
		int ny = o.trend_years + 1;
		double *yr = malloc((size_t)ny * (k + 2) * sizeof *yr);
		if (!yr) {
			rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
			goto done;
		}
		double *sh = yr + ny, *tot = sh + (size_t)ny * k;
		for (int t = 0; t < ny; t++) {
			yr[t] = o.start - o.trend_years + t;
			tot[t] = 0;
			for (size_t i = 0; i < k; i++) {
				double c = cinc_of(&hist, r->ccode[i], (int)yr[t]);
				sh[(size_t)t * k + i] = c;
				if (c > 0)
					tot[t] += c;
			}
		}
		double *ys = malloc((size_t)ny * sizeof *ys);
		for (size_t i = 0; ys && i < k && rc == MP_OK; i++) {
			for (int t = 0; t < ny; t++) {
				double c = sh[(size_t)t * k + i];
				ys[t] = c > 0 && tot[t] > 0 ? c / tot[t] : MP_NA;
			}
			rc = mp_calib_trend_at(ctx, yr, ys, (size_t)ny, o.end, &r->trend[i]);
			if (rc == MP_EINPUT) { /* fewer than 2 years of data: persistence */
				mp_error_clear(ctx);
				rc = MP_OK;
				r->trend[i] = r->persistence[i];
			}
			if (r->trend[i] < 0)
				r->trend[i] = 0;
		}
		if (!ys && rc == MP_OK)
			rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		free(ys);
		free(yr);
		if (rc != MP_OK)
			goto done;
		renormalise(r->trend, k);
	}
	if ((rc = mp_world_from_store(ctx, s, o.start, NULL, NULL, &w)) != MP_OK)
		goto done;
	if ((rc = run_model(ctx, s, &o, &p, &units, w, r->ccode, k, r->model)) != MP_OK)
		goto done;
	if ((rc = score(ctx, "model", r->model, r->truth, k, &r->rows[0])) != MP_OK ||
	    (rc = score(ctx, "persistence", r->persistence, r->truth, k, &r->rows[1])) != MP_OK ||
	    (rc = score(ctx, "trend", r->trend, r->truth, k, &r->rows[2])) != MP_OK)
		goto done;
done:
	free(rk);
	mp_world_free(w);
	mp_sim_units_clear(&units);
	mp_store__calib_rows_free(&hist);
	mp_store__calib_rows_free(&truth);
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
		{ "method", MP_COL_TEXT, 0 }, { "n", MP_COL_INT, 0 },         { "mae", MP_COL_REAL, 6 },
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
		{ "ccode", MP_COL_INT, 0 },       { "truth", MP_COL_REAL, 5 }, { "model", MP_COL_REAL, 5 },
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
