/* Ensemble members: every run's values of chosen variables, actors and years, for the
 * scores that need the ensemble itself (CRPS, PIT, coverage; src/lib/eval/). Runs go in
 * batches over OpenMP threads and MPI ranks exactly as in mp_ensemble_run (ensemble.c):
 * run r is reset with index r and writes only its own slot, so the values are
 * bit-identical for any number of threads and ranks (ensemble.h). */
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "ensemble/ens_internal.h"

static const char *const member_names[MP_MEMBER_NVARS] = {
	"cinc", "gdp", "gdp_mer", "milex", "milper", "irst", "pec", "tpop", "upop", "ideal_point", "war",
};

const char *mp_member_var_name(mp_member_var v)
{
	return v < MP_MEMBER_NVARS ? member_names[v] : "";
}

/* The current value of variable v of actor i (public sim API only). */
static double member_value(const mp_sim *s, size_t i, mp_member_var v)
{
	const mp_actor *a = &mp_sim_world(s)->actors[i];
	switch (v) {
	case MP_MEMBER_CINC: return mp_sim_cinc(s)[i];
	case MP_MEMBER_GDP: return a->gdp;
	case MP_MEMBER_GDP_MER: return a->gdp_mer;
	case MP_MEMBER_MILEX: return a->comp[MP_MILEX];
	case MP_MEMBER_MILPER: return a->comp[MP_MILPER];
	case MP_MEMBER_IRST: return a->comp[MP_IRST];
	case MP_MEMBER_PEC: return a->comp[MP_PEC];
	case MP_MEMBER_TPOP: return a->comp[MP_TPOP];
	case MP_MEMBER_UPOP: return a->comp[MP_UPOP];
	case MP_MEMBER_IDEAL: return a->ideal_point;
	case MP_MEMBER_WAR: return mp_sim_at_war(s)[i] ? 1.0 : 0.0;
	case MP_MEMBER_NVARS: break;
	}
	return MP_NA;
}

static void record(const mp_members_opts *o, const mp_sim *s, size_t na, double *out)
{
	for (size_t a = 0; a < na; a++) {
		size_t i = o->actors ? o->actors[a] : a;
		for (size_t v = 0; v < o->nvars; v++)
			out[a * o->nvars + v] = member_value(s, i, o->vars[v]);
	}
}

int mp_ensemble_members(mp_ctx *ctx, const mp_world *start, const mp_members_opts *o, double **values)
{
	*values = NULL;
	if (!o || o->version != MP_MEMBERS_OPTS_VERSION || !o->sim)
		return mp_error_set(ctx, MP_EUSAGE,
				    "ensemble members: options of another version (use MP_MEMBERS_OPTS_INIT)");
	if (o->runs < 1 || o->nyears < 1 || o->nvars < 1)
		return mp_error_set(ctx, MP_EUSAGE,
				    "ensemble members: need runs, years and variables (got %d, %zu, %zu)", o->runs,
				    o->nyears, o->nvars);
	for (size_t y = 0; y < o->nyears; y++)
		if (o->years[y] < start->year || (y && o->years[y] <= o->years[y - 1]))
			return mp_error_set(ctx, MP_EUSAGE,
					    "ensemble members: years must ascend from the start year %d (got %d)",
					    start->year, o->years[y]);
	for (size_t v = 0; v < o->nvars; v++)
		if (o->vars[v] >= MP_MEMBER_NVARS)
			return mp_error_set(ctx, MP_EUSAGE, "ensemble members: unknown variable %d", (int)o->vars[v]);
	const size_t na = o->actors ? o->nactors : start->n;
	for (size_t a = 0; o->actors && a < na; a++)
		if (o->actors[a] >= start->n)
			return mp_error_set(ctx, MP_EUSAGE, "ensemble members: actor %zu of a world of %zu",
					    o->actors[a], start->n);
	int rank, size;
	mp_ens__mpi_world(&rank, &size);
	const int runs = o->runs, B = o->batch > 0 ? o->batch : 64;
	int nt = 1;
#ifdef _OPENMP
	nt = o->threads > 0 ? o->threads : omp_get_max_threads();
#endif
	const size_t per_year = na * o->nvars, per_run = o->nyears * per_year, total = (size_t)runs * per_run;
	mp_sim_opts so = *o->sim;
	so.run = 0;
	mp_sim *tmpl = NULL, **sims = calloc((size_t)nt, sizeof *sims);
	double *v = malloc((total ? total : 1) * sizeof *v);
	int rc = MP_OK;
	if (!sims || !v) {
		rc = mp_error_set(ctx, MP_ENOMEM, "ensemble members: out of memory (%zu values)", total);
		goto done;
	}
	/* -0.0 is the identity of IEEE addition: the MPI sum of the ranks' slots is exact */
	for (size_t k = 0; k < total; k++)
		v[k] = -0.0;
	if ((rc = mp_sim_new(ctx, start, &so, &tmpl)) != MP_OK)
		goto done;
	for (int t = 0; t < nt; t++)
		if (mp_sim_clone(tmpl, &sims[t]) != MP_OK) {
			rc = mp_error_set(ctx, MP_ENOMEM, "ensemble members: out of memory");
			goto done;
		}
	for (int b0 = 0; b0 < runs && rc == MP_OK; b0 += B) {
		const int nb = runs - b0 < B ? runs - b0 : B;
		int fail = MP_OK;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
#endif
		for (int r = 0; r < nb; r++) {
			const int run = b0 + r;
			if (run % size != rank)
				continue;
			int tid = 0;
#ifdef _OPENMP
			tid = omp_get_thread_num();
#endif
			mp_sim *s = sims[tid];
			double *out = v + (size_t)run * per_run;
			mp_sim_reset(s, (uint32_t)run);
			for (size_t y = 0; y < o->nyears; y++) {
				while (mp_sim_year(s) < o->years[y]) {
					int src = mp_sim_step(ctx, s);
					if (src != MP_OK) {
#ifdef _OPENMP
#pragma omp atomic write
#endif
						fail = src;
						break;
					}
				}
				if (mp_sim_year(s) != o->years[y])
					break;
				record(o, s, na, out + y * per_year);
			}
		}
		if (fail != MP_OK)
			rc = fail;
		else if (rank == 0 && o->task)
			mp_progress(ctx, o->task, b0 + nb, runs);
	}
	if (rc == MP_OK && size > 1 && mp_ens__mpi_allreduce_sum(v, total) != MP_OK)
		rc = mp_error_set(ctx, MP_ERROR, "ensemble members: MPI reduction failed");
done:
	if (sims)
		for (int t = 0; t < nt; t++)
			mp_sim_free(sims[t]);
	free(sims);
	mp_sim_free(tmpl);
	if (rc != MP_OK) {
		free(v);
		return rc;
	}
	*values = v;
	return MP_OK;
}
