/*
 * Statistical kernels of the calibration: OLS (GSL), logit (IRLS), Spearman rank
 * correlation, linear trend, great-circle distance, convergence speed from a slope.
 * Sources are cited before each formula; docs/calibration.md repeats them.
 */
#include "multipolar/calib.h"
#include "multipolar/world.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_vector.h>
#include <stdlib.h>
#include <string.h>

#define SRC "calib_stats.c"

int mp_calib_ols(mp_ctx *ctx, const double *X, const double *y, size_t n, size_t p, mp_ols_fit *out)
{
	int rc = MP_OK;
	gsl_multifit_linear_workspace *w = NULL;
	gsl_vector *c = NULL;
	gsl_matrix *cov = NULL;
	memset(out, 0, sizeof *out);
	if (p == 0 || p > MP_CALIB_MAXP)
		return mp_error_set(ctx, MP_EINPUT, SRC ": OLS: expected 1..%d regressors, got %zu", MP_CALIB_MAXP, p);
	if (n <= p)
		return mp_error_set(ctx, MP_EINPUT,
				    SRC ": OLS: expected more observations than regressors, got n=%zu p=%zu", n, p);
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	gsl_matrix_const_view Xv = gsl_matrix_const_view_array(X, n, p);
	gsl_vector_const_view yv = gsl_vector_const_view_array(y, n);
	w = gsl_multifit_linear_alloc(n, p);
	c = gsl_vector_alloc(p);
	cov = gsl_matrix_alloc(p, p);
	if (!w || !c || !cov) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": OLS: out of memory (n=%zu p=%zu)", n, p);
		goto done;
	}
	/* Least squares by SVD; GSL returns cov = s^2 (X'X)^-1 with s^2 = RSS/(n-p)
	   (GSL manual, "Multi-parameter regression"). */
	double rss = 0;
	if (gsl_multifit_linear(&Xv.matrix, &yv.vector, c, cov, &rss, w) != GSL_SUCCESS) {
		rc = mp_error_set(ctx, MP_ERANGE, SRC ": OLS: the least-squares solve failed");
		goto done;
	}
	out->n = n;
	out->p = p;
	for (size_t j = 0; j < p; j++) {
		out->coef[j] = gsl_vector_get(c, j);
		out->se[j] = sqrt(gsl_matrix_get(cov, j, j));
	}
	double mean = 0, tss = 0;
	for (size_t i = 0; i < n; i++)
		mean += y[i];
	mean /= (double)n;
	for (size_t i = 0; i < n; i++)
		tss += (y[i] - mean) * (y[i] - mean);
	/* Centred R^2 = 1 - RSS/TSS. */
	out->r2 = tss > 0 ? 1.0 - rss / tss : MP_NA;
	out->sigma = sqrt(rss / (double)(n - p));
done:
	gsl_set_error_handler(old);
	gsl_multifit_linear_free(w);
	gsl_vector_free(c);
	gsl_matrix_free(cov);
	return rc;
}

/* log(1 + exp(x)) without overflow. */
static double log1pexp(double x)
{
	return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

int mp_calib_logit(mp_ctx *ctx, const double *X, const double *y, size_t n, size_t p, mp_logit_fit *out)
{
	int rc = MP_OK;
	gsl_matrix *H = NULL;
	gsl_vector *g = NULL, *d = NULL;
	memset(out, 0, sizeof *out);
	if (p == 0 || p > MP_CALIB_MAXP || n <= p)
		return mp_error_set(ctx, MP_EINPUT, SRC ": logit: expected 1..%d regressors and n > p, got n=%zu p=%zu",
				    MP_CALIB_MAXP, n, p);
	double ones = 0;
	for (size_t i = 0; i < n; i++) {
		if (y[i] != 0.0 && y[i] != 1.0)
			return mp_error_set(ctx, MP_EINPUT, SRC ": logit: observation %zu: expected y 0 or 1, got %g",
					    i, y[i]);
		ones += y[i];
	}
	if (ones == 0 || ones == (double)n)
		return mp_error_set(ctx, MP_ERANGE, SRC ": logit: expected both outcomes, got %g ones in %zu", ones, n);
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	H = gsl_matrix_alloc(p, p);
	g = gsl_vector_alloc(p);
	d = gsl_vector_alloc(p);
	if (!H || !g || !d) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": logit: out of memory");
		goto done;
	}
	double *b = out->coef;
	/* Newton-Raphson on the log-likelihood l(b) = sum y x'b - log(1 + exp(x'b)); the
	   gradient is X'(y - mu), the information X'WX with W = mu(1 - mu) (McCullagh &
	   Nelder 1989, eq. 4.23; identical to IRLS for the canonical link). */
	for (int it = 1; it <= 100; it++) {
		gsl_matrix_set_zero(H);
		gsl_vector_set_zero(g);
		for (size_t i = 0; i < n; i++) {
			const double *xi = X + i * p;
			double eta = 0;
			for (size_t j = 0; j < p; j++)
				eta += xi[j] * b[j];
			double mu = 1.0 / (1.0 + exp(-eta));
			double wgt = mu * (1.0 - mu), r = y[i] - mu;
			for (size_t j = 0; j < p; j++) {
				*gsl_vector_ptr(g, j) += xi[j] * r;
				for (size_t k = 0; k <= j; k++)
					*gsl_matrix_ptr(H, j, k) += wgt * xi[j] * xi[k];
			}
		}
		for (size_t j = 0; j < p; j++)
			for (size_t k = 0; k < j; k++)
				gsl_matrix_set(H, k, j, gsl_matrix_get(H, j, k));
		if (gsl_linalg_cholesky_decomp1(H) != GSL_SUCCESS ||
		    gsl_linalg_cholesky_solve(H, g, d) != GSL_SUCCESS) {
			rc = mp_error_set(ctx, MP_ERANGE,
					  SRC ": logit: singular information matrix at iteration %d "
					      "(separation or collinear regressors)",
					  it);
			goto done;
		}
		double step = 0;
		for (size_t j = 0; j < p; j++) {
			double dj = gsl_vector_get(d, j);
			b[j] += dj;
			if (fabs(dj) > step)
				step = fabs(dj);
		}
		out->iterations = it;
		if (!isfinite(step)) {
			rc = mp_error_set(ctx, MP_ERANGE, SRC ": logit: diverged at iteration %d", it);
			goto done;
		}
		if (step < 1e-10) {
			out->converged = 1;
			break;
		}
	}
	/* Information, log-likelihood and standard errors at the estimate. */
	gsl_matrix_set_zero(H);
	double ll = 0;
	for (size_t i = 0; i < n; i++) {
		const double *xi = X + i * p;
		double eta = 0;
		for (size_t j = 0; j < p; j++)
			eta += xi[j] * b[j];
		double mu = 1.0 / (1.0 + exp(-eta));
		ll += y[i] * eta - log1pexp(eta);
		for (size_t j = 0; j < p; j++)
			for (size_t k = 0; k <= j; k++)
				*gsl_matrix_ptr(H, j, k) += mu * (1.0 - mu) * xi[j] * xi[k];
	}
	for (size_t j = 0; j < p; j++)
		for (size_t k = 0; k < j; k++)
			gsl_matrix_set(H, k, j, gsl_matrix_get(H, j, k));
	if (gsl_linalg_cholesky_decomp1(H) != GSL_SUCCESS || gsl_linalg_cholesky_invert(H) != GSL_SUCCESS) {
		rc = mp_error_set(ctx, MP_ERANGE, SRC ": logit: singular information at the estimate");
		goto done;
	}
	for (size_t j = 0; j < p; j++)
		out->se[j] = sqrt(gsl_matrix_get(H, j, j));
	double pbar = ones / (double)n;
	out->loglik = ll;
	out->loglik0 = ones * log(pbar) + ((double)n - ones) * log1p(-pbar);
	out->n = n;
	out->p = p;
done:
	gsl_set_error_handler(old);
	gsl_matrix_free(H);
	gsl_vector_free(g);
	gsl_vector_free(d);
	return rc;
}

typedef struct {
	double v;
	size_t i;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	double x = ((const ranked *)a)->v, y = ((const ranked *)b)->v;
	if (x < y)
		return -1;
	if (x > y)
		return 1;
	size_t i = ((const ranked *)a)->i, j = ((const ranked *)b)->i;
	return (i > j) - (i < j);
}

/* Mid-ranks (1-based; ties get the mean of the ranks they span). */
static void midranks(const double *v, size_t n, ranked *tmp, double *rank)
{
	for (size_t i = 0; i < n; i++) {
		tmp[i].v = v[i];
		tmp[i].i = i;
	}
	qsort(tmp, n, sizeof *tmp, cmp_ranked);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && tmp[j + 1].v == tmp[i].v)
			j++;
		double r = 0.5 * (double)(i + j) + 1.0;
		for (size_t k = i; k <= j; k++)
			rank[tmp[k].i] = r;
		i = j + 1;
	}
}

int mp_calib_spearman(mp_ctx *ctx, const double *a, const double *b, size_t n, double *rho)
{
	*rho = MP_NA;
	if (n < 2)
		return MP_OK;
	ranked *tmp = malloc(n * sizeof *tmp);
	double *ra = malloc(2 * n * sizeof *ra);
	if (!tmp || !ra) {
		free(tmp);
		free(ra);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": Spearman: out of memory");
	}
	double *rb = ra + n;
	midranks(a, n, tmp, ra);
	midranks(b, n, tmp, rb);
	/* Spearman (1904): Pearson correlation of the (mid-)ranks. */
	double ma = 0, mb = 0;
	for (size_t i = 0; i < n; i++) {
		ma += ra[i];
		mb += rb[i];
	}
	ma /= (double)n;
	mb /= (double)n;
	double sab = 0, saa = 0, sbb = 0;
	for (size_t i = 0; i < n; i++) {
		sab += (ra[i] - ma) * (rb[i] - mb);
		saa += (ra[i] - ma) * (ra[i] - ma);
		sbb += (rb[i] - mb) * (rb[i] - mb);
	}
	if (saa > 0 && sbb > 0)
		*rho = sab / sqrt(saa * sbb);
	free(tmp);
	free(ra);
	return MP_OK;
}

int mp_calib_trend_at(mp_ctx *ctx, const double *x, const double *y, size_t n, double x0, double *pred)
{
	*pred = MP_NA;
	double *buf = malloc(2 * (n ? n : 1) * sizeof *buf);
	if (!buf)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": trend: out of memory");
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(x[i]) && !mp_is_na(y[i])) {
			buf[m] = x[i];
			buf[n + m] = y[i];
			m++;
		}
	int rc = MP_OK;
	if (m < 2) {
		rc = mp_error_set(ctx, MP_EINPUT, SRC ": trend: expected at least 2 points, got %zu", m);
	} else {
		/* OLS line y = c0 + c1 x (gsl_fit_linear). */
		double c0, c1, v00, v01, v11, ss;
		gsl_fit_linear(buf, 1, buf + n, 1, m, &c0, &c1, &v00, &v01, &v11, &ss);
		*pred = c0 + c1 * x0;
	}
	free(buf);
	return rc;
}

double mp_calib_distance_km(double lat1, double lng1, double lat2, double lng2)
{
	/* the world's one haversine (Sinnott 1984; R = 6371.0088 km, IUGG mean radius) */
	return mp_world_distance_km(lat1, lng1, lat2, lng2);
}

double mp_calib_beta_from_slope(double b, double T)
{
	/* Barro & Sala-i-Martin (1992, eq. 12): (1/T) ln(y_T/y_0) = a - [(1 - e^{-beta T})/T]
	   ln y_0, so the slope b = -(1 - e^{-beta T})/T and beta = -ln(1 + b T)/T. */
	double u = 1.0 + b * T;
	return u > 0 ? -log(u) / T : MP_NA;
}
