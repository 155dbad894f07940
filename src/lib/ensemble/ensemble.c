/* Ensembles: runs in batches over OpenMP threads and MPI ranks; per-run slots merged in
 * run order on rank 0 into streaming quantile summaries (ensemble.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "ensemble/ens_internal.h"
#include "ensemble/outputs.h"
#include "ensemble/quantile.h"
#include "store/q_sim.h"

struct mp_ensemble {
	char scenario[64];
	char scenario_path[512];
	char world_source[96];
	int start, until, years, runs;
	uint64_t seed;
	mp_outputs out;
	double *res; /* years * out.k * 6: q05..q95, mean; NULL on ranks other than 0 */
	mp_sim_params params;
};

int mp_ensemble_start_world(mp_ctx *ctx, const mp_scenario *sc, mp_store *store, mp_poles **poles,
			    mp_world **world)
{
	*poles = NULL;
	*world = NULL;
	int rc = mp_poles_load(ctx, sc->poles[0] ? sc->poles : NULL, poles);
	if (rc != MP_OK)
		return rc;
	if (sc->start == 0) {
		rc = mp_world_load_default(ctx, sc->world[0] ? sc->world : NULL, *poles, world);
	} else {
		if (!store)
			rc = mp_error_set(ctx, MP_EINPUT,
					  "scenario '%s' starts in %d: that needs a database with imported NMC data (--db)",
					  sc->name, sc->start);
		else
			rc = mp_world_from_store(ctx, store, sc->start, NULL, *poles, world);
	}
	if (rc != MP_OK) {
		mp_poles_free(*poles);
		*poles = NULL;
	}
	return rc;
}

void mp_ensemble_free(mp_ensemble *e)
{
	if (!e)
		return;
	mp_outputs_free(&e->out);
	free(e->res);
	free(e);
}

int mp_ensemble_run(mp_ctx *ctx, const mp_scenario *sc, const mp_world *start, const mp_poles *poles,
		    const mp_ensemble_opts *opts, mp_ensemble **out)
{
	mp_ensemble_opts dflt = MP_ENSEMBLE_OPTS_INIT;
	if (!opts)
		opts = &dflt;
	*out = NULL;
	if (opts->version != MP_ENSEMBLE_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_ensemble_opts version %u is not %d (use MP_ENSEMBLE_OPTS_INIT)",
				    opts->version, MP_ENSEMBLE_OPTS_VERSION);
	int rank, size;
	mp_ens__mpi_world(&rank, &size);
	int runs = opts->runs > 0 ? opts->runs : sc->runs;
	uint64_t seed = opts->seed_set ? opts->seed : sc->seed;
	int until = opts->until > 0 ? opts->until : sc->horizon;
	if (until <= start->year)
		return mp_error_set(ctx, MP_EINPUT, "simulate: the last year %d is not after the start year %d", until,
				    start->year);
	if (runs < 1)
		return mp_error_set(ctx, MP_EINPUT, "simulate: need at least one run");
	int B = opts->batch > 0 ? opts->batch : 64;
	int nt = 1;
#ifdef _OPENMP
	nt = opts->threads > 0 ? opts->threads : omp_get_max_threads();
#endif
	mp_ensemble *e = calloc(1, sizeof *e);
	mp_sim *tmpl = NULL, **sims = NULL;
	double *slots = NULL, *work = NULL, *vec = NULL, *recv = NULL, *mine = NULL;
	mp_qsum *q = NULL;
	int *counts = NULL;
	int rc = MP_OK;
	if (!e)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	snprintf(e->scenario, sizeof e->scenario, "%s", sc->name);
	snprintf(e->scenario_path, sizeof e->scenario_path, "%s", sc->path);
	snprintf(e->world_source, sizeof e->world_source, "%s", start->source);
	e->start = start->year;
	e->until = until;
	e->years = until - start->year + 1;
	e->runs = runs;
	e->seed = seed;
	e->params = sc->params;

	mp_sim_opts so = MP_SIM_OPTS_INIT;
	so.params = &sc->params;
	so.scenario = sc;
	so.poles = poles;
	so.store = opts->store;
	so.seed = seed;
	so.run = 0;
	if ((rc = mp_sim_new(ctx, start, &so, &tmpl)) != MP_OK)
		goto done;
	if (mp_outputs_init(&e->out, tmpl, poles) != MP_OK) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	const size_t K = e->out.k, YK = (size_t)e->years * K, n = start->n;
	/* Summaries are split by key over the ranks: rank r keeps keys [k0, k1). */
	const size_t k0 = YK * (size_t)rank / (size_t)size, k1 = YK * (size_t)(rank + 1) / (size_t)size;
	const size_t nloc = k1 - k0;
	q = malloc((nloc ? nloc : 1) * sizeof *q);
	counts = malloc((size_t)size * sizeof *counts);
	/* batch slots, key-major: slots[k * nb + r] is key k of the batch's run r */
	slots = malloc((size_t)B * YK * sizeof *slots);
	recv = size > 1 ? malloc((nloc ? nloc : 1) * (size_t)B * sizeof *recv) : NULL;
	sims = calloc((size_t)nt, sizeof *sims);
	work = malloc((size_t)nt * 2 * (n + 1) * sizeof *work);
	vec = malloc((size_t)nt * YK * sizeof *vec);
	if (!q || !counts || !slots || (size > 1 && !recv) || !sims || !work || !vec) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < nloc; k++) {
		if (e->out.vars[(k0 + k) % K].binary)
			mp_qsum_init_binary(&q[k]);
		else
			mp_qsum_init(&q[k]);
	}
	for (int t = 0; t < nt; t++)
		if (mp_sim_clone(tmpl, &sims[t]) != MP_OK) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
	for (int b0 = 0; b0 < runs && rc == MP_OK; b0 += B) {
		const int nb = runs - b0 < B ? runs - b0 : B;
		for (size_t k = 0; k < (size_t)nb * YK; k++)
			slots[k] = -0.0;
		int fail = MP_OK;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
#endif
		for (int r = 0; r < nb; r++) {
			if ((b0 + r) % size != rank)
				continue;
			int tid = 0;
#ifdef _OPENMP
			tid = omp_get_thread_num();
#endif
			mp_sim *s = sims[tid];
			double *v = vec + (size_t)tid * YK, *wk = work + (size_t)tid * 2 * (n + 1);
			mp_sim_reset(s, (uint32_t)(b0 + r));
			mp_outputs_record(&e->out, s, poles, v, wk);
			for (int y = 1; y < e->years; y++) {
				int src = mp_sim_step(ctx, s);
				if (src != MP_OK) {
#ifdef _OPENMP
#pragma omp atomic write
#endif
					fail = src;
					break;
				}
				mp_outputs_record(&e->out, s, poles, v + (size_t)y * K, wk);
			}
			for (size_t k = 0; k < YK; k++)
				slots[k * (size_t)nb + (size_t)r] = v[k];
		}
		if (fail != MP_OK) {
			rc = fail;
			break;
		}
		const double *src = slots + k0 * (size_t)nb;
		if (size > 1) {
			for (int r = 0; r < size; r++)
				counts[r] = (int)((YK * (size_t)(r + 1) / (size_t)size - YK * (size_t)r / (size_t)size) * (size_t)nb);
			if (mp_ens__mpi_reduce_scatter(slots, recv, counts, size) != MP_OK) {
				rc = mp_error_set(ctx, MP_ERROR, "simulate: MPI reduction failed");
				break;
			}
			src = recv;
		}
		/* Merge in run order: each summary sees runs b0, b0+1, ... in sequence. */
#ifdef _OPENMP
#pragma omp parallel for num_threads(nt) schedule(static)
#endif
		for (size_t k = 0; k < nloc; k++)
			for (int r = 0; r < nb; r++)
				mp_qsum_add(&q[k], src[k * (size_t)nb + (size_t)r]);
		if (rank == 0)
			mp_progress(ctx, "simulate", b0 + nb, runs);
	}
	if (rc != MP_OK)
		goto done;
	/* Results: q05..q95 and the mean of each key, gathered on rank 0 in key order. */
	mine = malloc((nloc ? nloc : 1) * 6 * sizeof *mine);
	if (rank == 0)
		e->res = malloc(YK * 6 * sizeof *e->res);
	if (!mine || (rank == 0 && !e->res)) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < nloc; k++)
		mp_qsum_result(&q[k], mine + 6 * k, mine + 6 * k + 5);
	if (size > 1) {
		for (int r = 0; r < size; r++)
			counts[r] = (int)((YK * (size_t)(r + 1) / (size_t)size - YK * (size_t)r / (size_t)size) * 6);
		if (mp_ens__mpi_gather(mine, e->res, counts, size) != MP_OK)
			rc = mp_error_set(ctx, MP_ERROR, "simulate: MPI gather failed");
	} else {
		memcpy(e->res, mine, YK * 6 * sizeof *mine);
	}
done:
	if (sims)
		for (int t = 0; t < nt; t++)
			mp_sim_free(sims[t]);
	free(sims);
	free(slots);
	free(recv);
	free(work);
	free(vec);
	free(q);
	free(mine);
	free(counts);
	mp_sim_free(tmpl);
	if (rc != MP_OK) {
		mp_ensemble_free(e);
		return rc;
	}
	*out = e;
	return MP_OK;
}

int mp_ensemble_runs(const mp_ensemble *e) { return e->runs; }
uint64_t mp_ensemble_seed(const mp_ensemble *e) { return e->seed; }
int mp_ensemble_first_year(const mp_ensemble *e) { return e->start; }
int mp_ensemble_last_year(const mp_ensemble *e) { return e->until; }

int mp_ensemble_get(const mp_ensemble *e, int year, const char *unit, const char *variable, double q[5],
		    double *mean)
{
	if (!e->res || year < e->start || year > e->until)
		return MP_ENOTFOUND;
	for (size_t k = 0; k < e->out.k; k++)
		if (!strcmp(e->out.vars[k].unit, unit) && !strcmp(e->out.vars[k].variable, variable)) {
			const double *r = e->res + 6 * ((size_t)(year - e->start) * e->out.k + k);
			memcpy(q, r, 5 * sizeof *q);
			*mean = r[5];
			return MP_OK;
		}
	return MP_ENOTFOUND;
}

int mp_ensemble_table(mp_ctx *ctx, const mp_ensemble *e, mp_table **out)
{
	static const mp_column cols[] = {
		{ "scenario", MP_COL_TEXT, 0 }, { "year", MP_COL_INT, 0 }, { "unit", MP_COL_TEXT, 0 },
		{ "variable", MP_COL_TEXT, 0 }, { "q05", MP_COL_REAL, 4 },  { "q25", MP_COL_REAL, 4 },
		{ "q50", MP_COL_REAL, 4 },      { "q75", MP_COL_REAL, 4 },  { "q95", MP_COL_REAL, 4 },
		{ "mean", MP_COL_REAL, 4 },     { "ccode", MP_COL_INT, 0 }
	};
	mp_table *t = NULL;
	int rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0]);
	if (rc != MP_OK)
		return mp_error_set(ctx, rc, "out of memory");
	if (!e->res) {
		*out = t;
		return MP_OK;
	}
	/* Rows grouped by unit and variable, years ascending (tidy long format). */
	for (size_t k = 0; k < e->out.k && rc == MP_OK; k++)
		for (int y = 0; y < e->years; y++) {
			const double *q = e->res + 6 * ((size_t)y * e->out.k + k), mean = q[5];
			size_t row;
			if ((rc = mp_table_add_row(t, &row)) != MP_OK)
				break;
			mp_table_set_text(t, row, 0, e->scenario);
			mp_table_set_int(t, row, 1, e->start + y);
			mp_table_set_text(t, row, 2, e->out.vars[k].unit);
			rc = mp_table_set_text(t, row, 3, e->out.vars[k].variable);
			for (int j = 0; j < 5; j++)
				mp_table_set_real(t, row, 4 + (size_t)j, q[j]);
			mp_table_set_real(t, row, 9, mean);
			if (e->out.vars[k].ccode > 0)
				mp_table_set_int(t, row, 10, e->out.vars[k].ccode);
		}
	if (rc != MP_OK) {
		mp_table_free(t);
		return mp_error_set(ctx, rc, "out of memory");
	}
	*out = t;
	return MP_OK;
}

/* The parameters as a JSON object (key: value), for sim_runs.params. */
static char *params_json(const mp_sim_params *p)
{
	size_t cap = 64 * mp_sim_params_count() + 8, len = 0;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	s[len++] = '{';
	for (size_t i = 0; i < mp_sim_params_count(); i++) {
		const mp_sim_param_info *info = mp_sim_params_info(i);
		double v;
		mp_sim_params_get(p, info->key, &v);
		len += (size_t)snprintf(s + len, cap - len, "%s\"%s\":%.17g", i ? "," : "", info->key, v);
	}
	snprintf(s + len, cap - len, "}");
	return s;
}

int mp_ensemble_store(mp_ctx *ctx, mp_store *s, const mp_ensemble *e, int64_t job, int64_t *run_id)
{
	if (!e->res)
		return MP_OK;
	char *pj = params_json(&e->params);
	if (!pj)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK) {
		free(pj);
		return rc;
	}
	rc = mp_store__sim_run_insert(ctx, s, e->scenario, e->scenario_path, e->seed, e->runs, e->start, e->until,
				      e->world_source, pj, job, run_id);
	for (size_t k = 0; k < e->out.k && rc == MP_OK; k++)
		for (int y = 0; y < e->years && rc == MP_OK; y++) {
			const double *q = e->res + 6 * ((size_t)y * e->out.k + k), mean = q[5];
			rc = mp_store__sim_summary_insert(ctx, s, *run_id, e->scenario, e->start + y, e->out.vars[k].unit,
							  e->out.vars[k].variable, q, mean);
		}
	free(pj);
	if (rc == MP_OK)
		return mp_store_commit(ctx, s);
	mp_store_rollback(s);
	return rc;
}
