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

int mp_ensemble_start_world(mp_ctx *ctx, const mp_scenario *sc, mp_store *store, mp_poles **poles, mp_world **world)
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
			rc = mp_error_set(
				ctx, MP_EINPUT,
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

/* The working memory of one ensemble on one rank. Summaries are split by key over the
 * ranks: rank r keeps keys [k0, k1) of the YK = years x K keys. */
typedef struct ens_work {
	int rank, size, nt, B;
	size_t K, YK, n, k0, k1, nloc;
	mp_sim *tmpl, **sims;          /* the template and one clone per thread */
	double *slots;                 /* batch slots, key-major: slots[k * nb + r] is key k of run r */
	double *recv;                  /* this rank's keys of the batch after the MPI reduction */
	double *work, *vec;            /* per thread: output scratch and one run's keys */
	mp_qsum *q;                    /* nloc summaries */
	int *counts;                   /* per rank, for the MPI collectives */
	mp_sim_unit_params file_units; /* the `units:` rows of sc->params_file (opts->units NULL) */
} ens_work;

static void work_free(ens_work *w)
{
	if (w->sims)
		for (int t = 0; t < w->nt; t++)
			mp_sim_free(w->sims[t]);
	free(w->sims);
	free(w->slots);
	free(w->recv);
	free(w->work);
	free(w->vec);
	free(w->q);
	free(w->counts);
	mp_sim_free(w->tmpl);
	mp_sim_units_clear(&w->file_units);
}

/* The template sim from the start world, its outputs, and the buffers. */
static int work_init(mp_ctx *ctx, mp_ensemble *e, const mp_scenario *sc, const mp_world *start, const mp_poles *poles,
		     const mp_ensemble_opts *opts, ens_work *w)
{
	int rc;
	if (!opts->units && sc->params_file[0] &&
	    (rc = mp_sim_units_load(ctx, sc->params_file, &w->file_units)) != MP_OK)
		return rc;
	mp_sim_opts so = MP_SIM_OPTS_INIT;
	so.params = &sc->params;
	so.units = opts->units ? opts->units : &w->file_units;
	so.scenario = sc;
	so.poles = poles;
	so.store = opts->store;
	so.seed = e->seed;
	so.run = 0;
	if ((rc = mp_sim_new(ctx, start, &so, &w->tmpl)) != MP_OK)
		return rc;
	if ((rc = mp_outputs_init_pyramid(&e->out, w->tmpl, poles, opts->pyramid)) != MP_OK)
		return rc == MP_ENOTFOUND
			       ? mp_error_set(ctx, MP_EINPUT,
					      "population: no unit '%s' with an age structure in "
					      "the start world (a state's stateabb, name or ccode, or pole:NAME; "
					      "the default world needs data/world/ages.csv, a database the UN WPP "
					      "files)",
					      opts->pyramid)
			       : mp_error_set(ctx, MP_ENOMEM, "out of memory");
	e->out.pyr_first = e->start; /* the poles' pyramids: every five years (outputs.h) */
	e->out.pyr_last = e->until;
	w->K = e->out.k;
	w->YK = (size_t)e->years * w->K;
	w->n = start->n;
	w->k0 = w->YK * (size_t)w->rank / (size_t)w->size;
	w->k1 = w->YK * (size_t)(w->rank + 1) / (size_t)w->size;
	w->nloc = w->k1 - w->k0;
	w->q = malloc((w->nloc ? w->nloc : 1) * sizeof *w->q);
	w->counts = malloc((size_t)w->size * sizeof *w->counts);
	w->slots = malloc((size_t)w->B * w->YK * sizeof *w->slots);
	w->recv = w->size > 1 ? malloc((w->nloc ? w->nloc : 1) * (size_t)w->B * sizeof *w->recv) : NULL;
	w->sims = calloc((size_t)w->nt, sizeof *w->sims);
	w->work = malloc((size_t)w->nt * 2 * (w->n + 1) * sizeof *w->work);
	w->vec = malloc((size_t)w->nt * w->YK * sizeof *w->vec);
	if (!w->q || !w->counts || !w->slots || (w->size > 1 && !w->recv) || !w->sims || !w->work || !w->vec)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t k = 0; k < w->nloc; k++) {
		if (e->out.vars[(w->k0 + k) % w->K].binary)
			mp_qsum_init_binary(&w->q[k]);
		else
			mp_qsum_init(&w->q[k]);
	}
	for (int t = 0; t < w->nt; t++)
		if (mp_sim_clone(w->tmpl, &w->sims[t]) != MP_OK)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

/* Runs b0 .. b0 + nb - 1 of this rank on the threads, each into its slots. */
static int run_batch(mp_ctx *ctx, mp_ensemble *e, const mp_poles *poles, ens_work *w, int b0, int nb)
{
	const size_t YK = w->YK, K = w->K;
	for (size_t k = 0; k < (size_t)nb * YK; k++)
		w->slots[k] = -0.0;
	int fail = MP_OK;
#ifdef _OPENMP
#pragma omp parallel for num_threads(w->nt) schedule(dynamic, 1)
#endif
	for (int r = 0; r < nb; r++) {
		if ((b0 + r) % w->size != w->rank)
			continue;
		int tid = 0;
#ifdef _OPENMP
		tid = omp_get_thread_num();
#endif
		mp_sim *s = w->sims[tid];
		double *v = w->vec + (size_t)tid * YK, *wk = w->work + (size_t)tid * 2 * (w->n + 1);
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
			w->slots[k * (size_t)nb + (size_t)r] = v[k];
	}
	return fail;
}

/* Brings each key's batch values to the rank that keeps the key (MPI) and adds them to
 * its summary in run order: each summary sees runs b0, b0+1, ... in sequence. */
static int merge_batch(mp_ctx *ctx, ens_work *w, int nb)
{
	const double *src = w->slots + w->k0 * (size_t)nb;
	if (w->size > 1) {
		for (int r = 0; r < w->size; r++)
			w->counts[r] = (int)((w->YK * (size_t)(r + 1) / (size_t)w->size -
					      w->YK * (size_t)r / (size_t)w->size) *
					     (size_t)nb);
		if (mp_ens__mpi_reduce_scatter(w->slots, w->recv, w->counts, w->size) != MP_OK)
			return mp_error_set(ctx, MP_ERROR, "simulate: MPI reduction failed");
		src = w->recv;
	}
#ifdef _OPENMP
#pragma omp parallel for num_threads(w->nt) schedule(static)
#endif
	for (size_t k = 0; k < w->nloc; k++)
		for (int r = 0; r < nb; r++)
			mp_qsum_add(&w->q[k], src[k * (size_t)nb + (size_t)r]);
	return MP_OK;
}

/* Results: q05..q95 and the mean of each key, gathered on rank 0 in key order. */
static int gather_results(mp_ctx *ctx, mp_ensemble *e, ens_work *w)
{
	double *mine = malloc((w->nloc ? w->nloc : 1) * 6 * sizeof *mine);
	if (w->rank == 0)
		e->res = malloc(w->YK * 6 * sizeof *e->res);
	int rc = MP_OK;
	if (!mine || (w->rank == 0 && !e->res)) {
		free(mine);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	for (size_t k = 0; k < w->nloc; k++)
		mp_qsum_result(&w->q[k], mine + 6 * k, mine + 6 * k + 5);
	if (w->size > 1) {
		for (int r = 0; r < w->size; r++)
			w->counts[r] = (int)((w->YK * (size_t)(r + 1) / (size_t)w->size -
					      w->YK * (size_t)r / (size_t)w->size) *
					     6);
		if (mp_ens__mpi_gather(mine, e->res, w->counts, w->size) != MP_OK)
			rc = mp_error_set(ctx, MP_ERROR, "simulate: MPI gather failed");
	} else {
		memcpy(e->res, mine, w->YK * 6 * sizeof *mine);
	}
	free(mine);
	return rc;
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
	ens_work w = { 0 };
	mp_ens__mpi_world(&w.rank, &w.size);
	int runs = opts->runs > 0 ? opts->runs : sc->runs;
	int until = opts->until > 0 ? opts->until : sc->horizon;
	if (until <= start->year)
		return mp_error_set(ctx, MP_EINPUT, "simulate: the last year %d is not after the start year %d", until,
				    start->year);
	if (runs < 1)
		return mp_error_set(ctx, MP_EINPUT, "simulate: need at least one run");
	w.B = opts->batch > 0 ? opts->batch : 64;
	w.nt = 1;
#ifdef _OPENMP
	w.nt = opts->threads > 0 ? opts->threads : omp_get_max_threads();
#endif
	mp_ensemble *e = calloc(1, sizeof *e);
	if (!e)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	snprintf(e->scenario, sizeof e->scenario, "%s", sc->name);
	snprintf(e->scenario_path, sizeof e->scenario_path, "%s", sc->path);
	snprintf(e->world_source, sizeof e->world_source, "%s", start->source);
	e->start = start->year;
	e->until = until;
	e->years = until - start->year + 1;
	e->runs = runs;
	e->seed = opts->seed_set ? opts->seed : sc->seed;
	e->params = sc->params;
	int rc = work_init(ctx, e, sc, start, poles, opts, &w);
	for (int b0 = 0; rc == MP_OK && b0 < runs; b0 += w.B) {
		const int nb = runs - b0 < w.B ? runs - b0 : w.B;
		if ((rc = run_batch(ctx, e, poles, &w, b0, nb)) == MP_OK && (rc = merge_batch(ctx, &w, nb)) == MP_OK &&
		    w.rank == 0)
			mp_progress(ctx, "simulate", b0 + nb, runs);
	}
	if (rc == MP_OK)
		rc = gather_results(ctx, e, &w);
	work_free(&w);
	if (rc != MP_OK) {
		mp_ensemble_free(e);
		return rc;
	}
	*out = e;
	return MP_OK;
}

int mp_ensemble_runs(const mp_ensemble *e)
{
	return e->runs;
}
uint64_t mp_ensemble_seed(const mp_ensemble *e)
{
	return e->seed;
}
int mp_ensemble_first_year(const mp_ensemble *e)
{
	return e->start;
}
int mp_ensemble_last_year(const mp_ensemble *e)
{
	return e->until;
}

int mp_ensemble_get(const mp_ensemble *e, int year, const char *unit, const char *variable, double q[5], double *mean)
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
	static const mp_column cols[] = { { "scenario", MP_COL_TEXT, 0 }, { "year", MP_COL_INT, 0 },
					  { "unit", MP_COL_TEXT, 0 },     { "variable", MP_COL_TEXT, 0 },
					  { "q05", MP_COL_REAL, 4 },      { "q25", MP_COL_REAL, 4 },
					  { "q50", MP_COL_REAL, 4 },      { "q75", MP_COL_REAL, 4 },
					  { "q95", MP_COL_REAL, 4 },      { "mean", MP_COL_REAL, 4 },
					  { "ccode", MP_COL_INT, 0 } };
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

/* One ensemble's rows, inside the caller's transaction. */
static int store_one(mp_ctx *ctx, mp_store *s, const mp_ensemble *e, int64_t job, int64_t *run_id)
{
	char *pj = params_json(&e->params);
	if (!pj)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	int rc = mp_store__sim_run_insert(ctx, s, e->scenario, e->scenario_path, e->seed, e->runs, e->start, e->until,
					  e->world_source, pj, job, run_id);
	for (size_t k = 0; k < e->out.k && rc == MP_OK; k++)
		for (int y = 0; y < e->years && rc == MP_OK; y++) {
			const double *q = e->res + 6 * ((size_t)y * e->out.k + k), mean = q[5];
			rc = mp_store__sim_summary_insert(ctx, s, *run_id, e->scenario, e->start + y,
							  e->out.vars[k].unit, e->out.vars[k].variable, q, mean);
		}
	free(pj);
	return rc;
}

int mp_ensemble_store_job(mp_ctx *ctx, mp_store *s, const mp_ensemble *const *es, size_t n, int64_t *run_ids)
{
	int64_t job = 0;
	for (size_t i = 0; i < n; i++)
		run_ids[i] = 0;
	/* the tables come from the store's migrations; the job is one transaction */
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK)
		return rc;
	for (size_t i = 0; i < n && rc == MP_OK; i++) {
		if (!es[i]->res)
			continue;
		rc = store_one(ctx, s, es[i], job, &run_ids[i]);
		if (rc == MP_OK && !job)
			job = run_ids[i];
	}
	if (rc == MP_OK)
		return mp_store_commit(ctx, s);
	mp_store_rollback(s);
	return rc;
}

int mp_ensemble_store(mp_ctx *ctx, mp_store *s, const mp_ensemble *e, int64_t job, int64_t *run_id)
{
	*run_id = 0;
	if (!e->res)
		return MP_OK;
	int rc = mp_store_begin(ctx, s);
	if (rc != MP_OK)
		return rc;
	rc = store_one(ctx, s, e, job, run_id);
	if (rc == MP_OK)
		return mp_store_commit(ctx, s);
	mp_store_rollback(s);
	return rc;
}
