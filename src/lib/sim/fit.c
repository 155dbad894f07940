/* Diagnostics on a simulated world: the gravity regression (sim.h). OLS by GSL
 * (gsl_multifit_linear, SVD-based least squares). */
#include <gsl/gsl_multifit.h>
#include <stdlib.h>

#include "sim/sim_internal.h"

int mp_sim_fit_gravity(mp_ctx *ctx, const mp_sim *s, double coef[7], double se[7], size_t *ndyads)
{
	const size_t n = s->n, P = 7;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			m += !s->agg[i] && !s->agg[j] && s->trade[i * n + j] > 0;
	if (m <= P)
		return mp_error_set(ctx, MP_EINPUT, "gravity fit: only %zu dyads", m);
	gsl_matrix *X = gsl_matrix_alloc(m, P), *cov = gsl_matrix_alloc(P, P);
	gsl_vector *y = gsl_vector_alloc(m), *c = gsl_vector_alloc(P);
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(m, P);
	int rc = MP_OK;
	if (!X || !cov || !y || !c || !ws) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	size_t r = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			if (s->agg[i] || s->agg[j] || !(s->trade[i * n + j] > 0))
				continue;
			double row[7] = { 1.0,
					  log(s->gdp[i]) + log(s->gdp[j]),
					  s->lndist[i * n + j],
					  s->contig[i * n + j],
					  (s->camp[i] >= 0 && s->camp[i] == s->camp[j]) ? 1.0 : 0.0,
					  fabs(s->ip[i] - s->ip[j]),
					  mp_sim__sanction(s, i, j) };
			for (size_t k = 0; k < P; k++)
				gsl_matrix_set(X, r, k, row[k]);
			gsl_vector_set(y, r, log(s->trade[i * n + j]));
			r++;
		}
	double chisq;
	if (gsl_multifit_linear(X, y, c, cov, &chisq, ws) != 0) {
		rc = mp_error_set(ctx, MP_ERROR, "gravity fit: least squares failed");
		goto done;
	}
	for (size_t k = 0; k < P; k++) {
		coef[k] = gsl_vector_get(c, k);
		/* unweighted fits: GSL's cov is already s^2 (X'X)^-1 with s^2 = chisq / (m - P)
		 * (checked by hand on a 6-point line: cov11 = 0.10419/4 / 17.5 = 0.0014884) */
		se[k] = sqrt(gsl_matrix_get(cov, k, k));
	}
	*ndyads = m;
done:
	gsl_multifit_linear_free(ws);
	gsl_vector_free(c);
	gsl_vector_free(y);
	gsl_matrix_free(cov);
	gsl_matrix_free(X);
	return rc;
}
