/* Whole runs and sensitivity ensembles of the bargaining models (docs/bargaining.md
 * "Sensitivity"), and the models' size limits. */
#include "bargain/internal.h"

#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "multipolar/rng.h"
#include "multipolar/stats.h"

size_t mp_bargain_run_dims(const mp_bargain_input *in, const mp_bargain_run_options *ro)
{
	return ro->model == MP_BARGAIN_MODEL_EU ? 1 : in->m;
}

/* Weighted mean and median per dimension of SMP positions (weights c_i s_ik), mapped back
 * to the input's scale. ws: n doubles (x) + n doubles (w); idx: n. */
static void smp_forecast(const mp_bargain_input *in, const double *x, double *ws, size_t *idx, double *mean,
			 double *median)
{
	size_t n = in->n, m = in->m;
	double *xs = ws, *w = ws + n;
	for (size_t k = 0; k < m; k++) {
		double lo = in->scale_lo[k], hi = in->scale_hi[k];
		for (size_t i = 0; i < n; i++) {
			xs[i] = lo + (hi - lo) * x[i * m + k];
			w[i] = in->cap[i] * in->sal[i * m + k];
		}
		mp_bargain_forecast(n, xs, 1, w, idx, &mean[k], &median[k]);
	}
}

int mp_bargain_run_final(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro, double *mean,
			 double *median, int *rounds, mp_bargain_stop *why)
{
	int rc = MP_OK;
	mp_bargain_stop st = MP_BARGAIN_RUNNING;
	if (ro->version != MP_BARGAIN_RUN_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "run options version %d, expected %d", ro->version,
				    MP_BARGAIN_RUN_OPTIONS_VERSION);
	int limit = mp_bargain_run_rounds(ro), rules = mp_bargain_run_stop_rules(ro);
	if (limit < 0 || limit > MP_BARGAIN_ROUNDS_MAX)
		return mp_error_set(ctx, MP_ERANGE, "rounds: %d is outside [0, %d]", limit, MP_BARGAIN_ROUNDS_MAX);
	if ((rc = mp_bargain__check_size(ctx, in, ro->model)))
		return rc;
	if (ro->model == MP_BARGAIN_MODEL_EU) {
		mp_bargain_eu *m = NULL;
		if ((rc = mp_bargain_eu_new(ctx, in, &ro->eu, &m)))
			return rc;
		while ((st = mp_bargain_eu_status(m, rules, limit)) == MP_BARGAIN_RUNNING)
			if ((rc = mp_bargain_eu_step(m, NULL)))
				break;
		if (!rc) {
			mp_bargain_eu_forecast(m, &mean[0], &median[0]);
			*rounds = mp_bargain_eu_round(m);
		}
		mp_bargain_eu_free(m);
	} else {
		mp_bargain_smp *s = NULL;
		double *ws = malloc(2 * in->n * sizeof *ws);
		size_t *idx = malloc(in->n * sizeof *idx);
		if (!ws || !idx) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto smp_done;
		}
		if ((rc = mp_bargain_smp_new(ctx, in, &ro->smp, &s)))
			goto smp_done;
		while ((st = mp_bargain_smp_status(s, rules, limit)) == MP_BARGAIN_RUNNING)
			if ((rc = mp_bargain_smp_step(s)))
				break;
		if (!rc) {
			smp_forecast(in, mp_bargain_smp_positions(s), ws, idx, mean, median);
			*rounds = mp_bargain_smp_turn(s);
		}
	smp_done:
		mp_bargain_smp_free(s);
		free(ws);
		free(idx);
	}
	if (why)
		*why = st;
	return rc;
}

/* The noise struct's version, and its values within the settings table's bounds
 * (noise-cap, noise-sal, noise-pos), for callers that fill the struct themselves. */
static int check_noise(mp_ctx *ctx, const mp_bargain_noise *noise)
{
	if (noise->version != MP_BARGAIN_NOISE_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "noise options version %d, expected %d", noise->version,
				    MP_BARGAIN_NOISE_VERSION);
	static const mp_bargain_setting ids[3] = { MP_BARGAIN_SET_NOISE_CAP, MP_BARGAIN_SET_NOISE_SAL,
						   MP_BARGAIN_SET_NOISE_POS };
	const double v[3] = { noise->cap_logsd, noise->sal_sd, noise->pos_sd };
	for (int k = 0; k < 3; k++) {
		const mp_bargain_setting_info *si = mp_bargain_setting_get(ids[k]);
		if (!(v[k] >= si->lo && v[k] <= si->hi))
			return mp_error_set(ctx, MP_ERANGE, "%s: %g is outside [%g, %g]", si->name, v[k], si->lo,
					    si->hi);
	}
	return MP_OK;
}

int mp_bargain_perturb(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_noise *noise, uint64_t seed,
		       uint32_t replicate, mp_bargain_input **out)
{
	int rc = check_noise(ctx, noise);
	if (rc)
		return rc;
	mp_bargain_input *c = NULL;
	rc = mp_bargain_input_copy(ctx, in, &c);
	if (rc)
		return rc;
	size_t n = in->n, m = in->m;
	mp_rng r;
	mp_rng_init(&r, seed, replicate, 0);
	/* BDM files: the scale is the initial range of each dimension's positions. */
	for (size_t i = 0; i < n; i++) {
		c->cap[i] = in->cap[i] * exp(noise->cap_logsd * mp_rng_normal(&r));
		double ss = 0;
		for (size_t k = 0; k < m; k++) {
			double lo = in->scale_lo[k], hi = in->scale_hi[k];
			double x = in->pos[i * m + k] + noise->pos_sd * (hi - lo) * mp_rng_normal(&r);
			c->pos[i * m + k] = x < lo ? lo : x > hi ? hi : x;
			double s = in->sal[i * m + k] + noise->sal_sd * mp_rng_normal(&r);
			s = s < 0 ? 0 : s > 1 ? 1 : s;
			c->sal[i * m + k] = s;
			ss += s;
		}
		if (ss > 1)
			for (size_t k = 0; k < m; k++)
				c->sal[i * m + k] /= ss;
		if (ss <= 0) /* keep the actor in play: restore its original saliences */
			for (size_t k = 0; k < m; k++)
				c->sal[i * m + k] = in->sal[i * m + k];
	}
	*out = c;
	return MP_OK;
}

int mp_bargain_sensitivity(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro,
			   const mp_bargain_noise *noise, uint64_t seed, size_t reps, int threads, double *mean,
			   double *median)
{
	size_t d = mp_bargain_run_dims(in, ro);
	int first_rc = MP_OK;
	size_t done = 0;
	if (threads < 0 || threads > MP_BARGAIN_THREADS_MAX)
		return mp_error_set(ctx, MP_ERANGE, "threads: %d is outside [0, %d]", threads, MP_BARGAIN_THREADS_MAX);
	if (reps > MP_BARGAIN_REPLICATES_MAX)
		return mp_error_set(ctx, MP_ERANGE, "sensitivity: %zu replicates, more than %d", reps,
				    MP_BARGAIN_REPLICATES_MAX);
	int rc0 = check_noise(ctx, noise);
	if (rc0 == MP_OK)
		rc0 = mp_bargain__check_size(ctx, in, ro->model);
	if (rc0)
		return rc0;
#ifdef _OPENMP
	/* never more threads than cores or replicates (more cannot help, and thousands make
	 * libgomp abort when it cannot create them) */
	int procs = omp_get_num_procs();
	if (threads <= 0 || threads > procs)
		threads = procs;
	if ((size_t)threads > reps)
		threads = reps ? (int)reps : 1;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
#endif
	for (size_t r = 0; r < reps; r++) {
		int rc;
#ifdef _OPENMP
#pragma omp atomic read
#endif
		rc = first_rc;
		if (rc)
			continue;
		mp_bargain_input *c = NULL;
		int rounds;
		rc = mp_bargain_perturb(ctx, in, noise, seed, (uint32_t)r, &c);
		if (!rc)
			rc = mp_bargain_run_final(ctx, c, ro, mean + r * d, median + r * d, &rounds, NULL);
		mp_bargain_input_free(c);
		if (rc) {
#ifdef _OPENMP
#pragma omp critical(mp_bargain_sens)
#endif
			if (!first_rc)
				first_rc = rc;
		}
#ifdef _OPENMP
#pragma omp critical(mp_bargain_sens_progress)
#endif
		{
			done++;
			mp_progress(ctx, "sensitivity", (double)done, (double)reps);
		}
	}
	(void)threads;
	return first_rc;
}

int mp_bargain_sensitivity_table(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_settings *s, mp_table **out)
{
	static const mp_column cols[] = { { "dim", MP_COL_TEXT, 0 },       { "statistic", MP_COL_TEXT, 0 },
					  { "replicates", MP_COL_INT, 0 }, { "q05", MP_COL_REAL, 4 },
					  { "q25", MP_COL_REAL, 4 },       { "q50", MP_COL_REAL, 4 },
					  { "q75", MP_COL_REAL, 4 },       { "q95", MP_COL_REAL, 4 } };
	static const double qs[5] = { 0.05, 0.25, 0.5, 0.75, 0.95 };
	int rc = mp_bargain_settings_check(ctx, s, in);
	if (rc)
		return rc;
	size_t reps = s->replicates, d = mp_bargain_run_dims(in, &s->run);
	if (reps == 0)
		return mp_error_set(ctx, MP_EUSAGE, "sensitivity: no replicates asked for");
	mp_bargain_run_options ro = s->run;
	ro.smp.seed = s->seed;
	mp_table *t = NULL;
	double *mean = malloc(reps * d * sizeof *mean), *med = malloc(reps * d * sizeof *med);
	double *col = malloc(reps * sizeof *col);
	if (!mean || !med || !col) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory (%zu replicates)", reps);
		goto done;
	}
	if ((rc = mp_bargain_sensitivity(ctx, in, &ro, &s->noise, s->seed, reps, s->threads, mean, med)) ||
	    (rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])))
		goto done;
	for (size_t k = 0; k < d && rc == MP_OK; k++) {
		const char *dim = ro.model == MP_BARGAIN_MODEL_EU ? in->dim[ro.eu.dim] : in->dim[k];
		for (int which = 0; which < 2 && rc == MP_OK; which++) {
			const double *src = which ? med : mean;
			for (size_t r = 0; r < reps; r++)
				col[r] = src[r * d + k];
			mp_sort_doubles(col, reps);
			size_t row;
			if ((rc = mp_table_add_row(t, &row)) || (rc = mp_table_set_text(t, row, 0, dim)) ||
			    (rc = mp_table_set_text(t, row, 1, which ? "weighted_median" : "weighted_mean")))
				break;
			mp_table_set_int(t, row, 2, (int64_t)reps);
			for (int qi = 0; qi < 5; qi++)
				/* Hyndman & Fan (1996) type 7, R's default (util/stats.c) */
				mp_table_set_real(t, row, 3 + (size_t)qi, mp_quantile_sorted(col, reps, qs[qi]));
		}
	}
	if (rc == MP_ENOMEM)
		rc = mp_error_set(ctx, rc, "out of memory");
done:
	free(mean);
	free(med);
	free(col);
	if (rc == MP_OK)
		*out = t;
	else
		mp_table_free(t);
	return rc;
}
