/* The demography estimators on plain panels (calib.h, "Demography"): total fertility
 * (Alkema et al. 2011), life expectancy (Raftery et al. 2013) and migration rates
 * (Azose & Raftery 2015 form). Every formula's source is in calib.h and
 * docs/demography.md. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"

#define SRC "fit_demography_models.c"

void mp_demog_panel_free(mp_demog_panel *p)
{
	if (!p)
		return;
	free(p->ccode);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* ---- nonlinear least squares (GSL trust region, finite-difference Jacobian) ---------- */

typedef struct nls_data {
	const double *x, *y; /* observations */
	size_t n;
	void (*curve)(const double *theta, double x, double *out); /* theta: natural params */
	void (*natural)(const double *eta, double *theta);         /* from unbounded */
} nls_data;

static int nls_f(const gsl_vector *eta, void *vd, gsl_vector *f)
{
	const nls_data *d = vd;
	double th[8], e[8];
	for (size_t k = 0; k < eta->size; k++)
		e[k] = gsl_vector_get(eta, k);
	d->natural(e, th);
	for (size_t i = 0; i < d->n; i++) {
		double g;
		d->curve(th, d->x[i], &g);
		gsl_vector_set(f, i, d->y[i] - g);
	}
	return GSL_SUCCESS;
}

/* Minimises sum (y - curve(x))^2 over eta (p <= 8) from eta0; returns 1 on convergence. */
static int nls(nls_data *d, double *eta, size_t p, double *rss)
{
	gsl_multifit_nlinear_fdf fdf;
	gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
	fdf.f = nls_f;
	fdf.df = NULL;
	fdf.fvv = NULL;
	fdf.n = d->n;
	fdf.p = p;
	fdf.params = d;
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, d->n, p);
	int ok = 0;
	if (w) {
		gsl_vector_view x = gsl_vector_view_array(eta, p);
		int info = 0;
		if (gsl_multifit_nlinear_init(&x.vector, &fdf, w) == GSL_SUCCESS) {
			int st = gsl_multifit_nlinear_driver(500, 1e-9, 1e-9, 1e-9, NULL, NULL, &info, w);
			ok = st == GSL_SUCCESS;
			const gsl_vector *xf = gsl_multifit_nlinear_position(w);
			for (size_t k = 0; k < p; k++)
				eta[k] = gsl_vector_get(xf, k);
			const gsl_vector *r = gsl_multifit_nlinear_residual(w);
			double s = 0;
			for (size_t i = 0; i < d->n; i++)
				s += gsl_vector_get(r, i) * gsl_vector_get(r, i);
			*rss = s;
		}
		gsl_multifit_nlinear_free(w);
	}
	gsl_set_error_handler(old);
	return ok;
}

/* OLS of y on (1, x): a, b; returns 0 with fewer than 3 points. */
static int line(const double *x, const double *y, size_t n, double *a, double *b)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (size_t i = 0; i < n; i++)
		sx += x[i], sy += y[i], sxx += x[i] * x[i], sxy += x[i] * y[i];
	double d = n * sxx - sx * sx;
	if (n < 3 || d <= 0)
		return 0;
	*b = (n * sxy - sx * sy) / d;
	*a = (sy - *b * sx) / n;
	return 1;
}

/* Between-unit variance of estimates est[i] with sampling variances v[i] (method of
 * moments: var(est) - mean(v), >= 0). */
static double tau2_of(const double *est, const double *v, size_t n, double center)
{
	if (n < 3)
		return 0;
	double ss = 0, mv = 0;
	for (size_t i = 0; i < n; i++)
		ss += (est[i] - center) * (est[i] - center), mv += v[i];
	double t = ss / (n - 1) - mv / n;
	return t > 0 ? t : 0;
}

/* ---- total fertility ------------------------------------------------------------------- */

/* The decrement's parameters as Alkema et al. (2011) write them: the widths D1..D3 are
 * shares (softmax of 0, g2, g3) of U - D4, U the start of the decline in (5.5, 10), D4 in
 * (1, 2.5) and d in (0, 2.5) (bayesTFR's bounds; its U is a country's, here pooled). */
static void tfr_natural(const double *e, double *th)
{
	th[3] = 1.0 + 1.5 / (1.0 + exp(-e[0]));
	double U = 5.5 + 4.5 / (1.0 + exp(-e[4]));
	double w1 = 1, w2 = exp(e[1]), w3 = exp(e[2]), sw = w1 + w2 + w3, span = U - th[3];
	th[0] = span * w1 / sw;
	th[1] = span * w2 / sw;
	th[2] = span * w3 / sw;
	th[4] = 2.5 / (1.0 + exp(-e[3]));
}

static void tfr_curve(const double *th, double f, double *g)
{
	mp_demog_tfr_model m;
	memcpy(m.D, th, 4 * sizeof *th);
	m.d = th[4];
	*g = mp_demog_tfr_decrement(&m, f);
}

void mp_tfr_fit_free(mp_tfr_fit *f)
{
	if (!f)
		return;
	free(f->scale);
	free(f->scale_se);
	free(f->phase3);
	f->scale = f->scale_se = NULL;
	f->phase3 = NULL;
}

int mp_calib_tfr(mp_ctx *ctx, const mp_demog_panel *P, mp_tfr_fit *out)
{
	memset(out, 0, sizeof *out);
	mp_demog_tfr_model_default(&out->m);
	const size_t U = P->nunits, T = (size_t)P->nt;
	out->scale = calloc(U ? U : 1, sizeof *out->scale);
	out->scale_se = calloc(U ? U : 1, sizeof *out->scale_se);
	out->phase3 = calloc(U ? U : 1, sizeof *out->phase3);
	double *x = malloc((U * T + 1) * sizeof *x), *y = malloc((U * T + 1) * sizeof *y);
	int *unit = malloc((U * T + 1) * sizeof *unit);
	double *x3 = malloc((U * T + 1) * sizeof *x3), *y3 = malloc((U * T + 1) * sizeof *y3);
	int rc = MP_OK;
	if (!out->scale || !out->scale_se || !out->phase3 || !x || !y || !unit || !x3 || !y3) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	/* the phases of each country's observed series */
	size_t n2 = 0, n3 = 0;
	for (size_t u = 0; u < U; u++) {
		const double *v = P->v + u * T;
		int first = -1, last = -1;
		for (size_t t = 0; t < T; t++)
			if (isfinite(v[t])) {
				if (first < 0)
					first = (int)t;
				last = (int)t;
			}
		if (first < 0)
			continue;
		/* start of the transition: the maximum if above 5.5, else the first value */
		int tau = first;
		for (int t = first; t <= last; t++)
			if (isfinite(v[t]) && v[t] > v[tau])
				tau = t;
		if (v[tau] <= 5.5)
			tau = first;
		/* end: the first rise while below 2 (after tau) */
		int lam = -1;
		for (int t = tau; t < last; t++)
			if (isfinite(v[t]) && isfinite(v[t + 1]) && v[t] < 2.0 && v[t + 1] > v[t]) {
				lam = t;
				break;
			}
		out->phase3[u] = lam >= 0 || v[last] < out->m.phase3_below;
		for (int t = first; t < last; t++) {
			if (!isfinite(v[t]) || !isfinite(v[t + 1]))
				continue;
			if (t >= tau && (lam < 0 || t < lam)) {
				x[n2] = v[t];
				y[n2] = v[t] - v[t + 1];
				unit[n2++] = (int)u;
			} else if (lam >= 0 && t >= lam) {
				x3[n3] = v[t];
				y3[n3++] = v[t + 1];
			}
		}
	}
	out->n2 = n2;
	out->n3 = n3;
	if (n2 >= 10) {
		double U0 = out->m.D[0] + out->m.D[1] + out->m.D[2] + out->m.D[3];
		double eta[5] = { -log(1.5 / (out->m.D[3] - 1.0) - 1.0), log(out->m.D[1] / out->m.D[0]),
				  log(out->m.D[2] / out->m.D[0]), -log(2.5 / out->m.d - 1.0),
				  -log(4.5 / (U0 - 5.5) - 1.0) };
		nls_data d = { x, y, n2, tfr_curve, tfr_natural };
		double th[5], rss = 0;
		out->converged = nls(&d, eta, 5, &rss);
		tfr_natural(eta, th);
		memcpy(out->m.D, th, 4 * sizeof *th);
		out->m.d = th[4];
		out->rss = rss;
		double my = 0, tss = 0;
		for (size_t i = 0; i < n2; i++)
			my += y[i] / n2;
		for (size_t i = 0; i < n2; i++)
			tss += (y[i] - my) * (y[i] - my);
		out->r2 = tss > 0 ? 1 - rss / tss : 0;
	}
	/* country scales: LS through the origin, then shrunk toward 1 */
	double sigma2 = n2 > 5 ? out->rss / (n2 - 5) : 0.04;
	double *est = malloc((U + 1) * sizeof *est), *var = malloc((U + 1) * sizeof *var),
	       *sgg = calloc(U + 1, sizeof *sgg), *sdg = calloc(U + 1, sizeof *sdg);
	size_t *idx = malloc((U + 1) * sizeof *idx);
	if (!est || !var || !sgg || !sdg || !idx) {
		free(est), free(var), free(sgg), free(sdg), free(idx);
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < n2; i++) {
		double g = mp_demog_tfr_decrement(&out->m, x[i]);
		sgg[unit[i]] += g * g;
		sdg[unit[i]] += y[i] * g;
	}
	size_t ne = 0;
	for (size_t u = 0; u < U; u++)
		if (sgg[u] > 0.05) { /* at least a decrement's worth of curve */
			est[ne] = sdg[u] / sgg[u];
			var[ne] = sigma2 / sgg[u];
			idx[ne++] = u;
		}
	double t2 = tau2_of(est, var, ne, 1.0);
	out->tau = sqrt(t2);
	out->nunits2 = ne;
	for (size_t u = 0; u < U; u++) {
		out->scale[u] = 1.0;
		out->scale_se[u] = out->tau > 0 ? out->tau : 0.3;
	}
	for (size_t k = 0; k < ne; k++) {
		double w = t2 + var[k] > 0 ? t2 / (t2 + var[k]) : 0;
		out->scale[idx[k]] = 1.0 + w * (est[k] - 1.0);
		out->scale_se[idx[k]] = sqrt(w * var[k]);
	}
	/* phase II innovations: sd(f) = a + b f from |e| sqrt(pi/2) (E|e| = sd sqrt(2/pi)) */
	for (size_t i = 0; i < n2; i++) {
		double e = y[i] - out->scale[unit[i]] * mp_demog_tfr_decrement(&out->m, x[i]);
		y[i] = fabs(e) * sqrt(M_PI / 2);
	}
	double a, b;
	if (line(x, y, n2, &a, &b)) {
		out->m.sd_a = a;
		out->m.sd_b = b;
	}
	free(est), free(var), free(sgg), free(sdg), free(idx);
	/* phase III: f(t+5) = mu (1 - rho) + rho f(t) + e */
	if (n3 >= 20 && line(x3, y3, n3, &a, &b) && b > 0 && b < 1) {
		out->m.rho = b;
		out->m.mu = a / (1 - b);
		double ss = 0;
		for (size_t i = 0; i < n3; i++) {
			double e = y3[i] - a - b * x3[i];
			ss += e * e;
		}
		out->m.sd3 = sqrt(ss / (n3 - 2));
	}
done:
	free(x), free(y), free(unit), free(x3), free(y3);
	if (rc != MP_OK)
		mp_tfr_fit_free(out);
	return rc;
}

/* ---- life expectancy ----------------------------------------------------------------- */

/* D1..D4 in (1, 60) years, k in (0, 6), z in (0, 1.5) years a period (bounds in the
 * spirit of Raftery et al.'s 2013 priors). */
static void e0_natural(const double *e, double *th)
{
	for (int k = 0; k < 4; k++)
		th[k] = 1 + 59 / (1 + exp(-e[k]));
	th[4] = 6 / (1 + exp(-e[4]));
	th[5] = 1.5 / (1 + exp(-e[5]));
}

static void e0_curve(const double *th, double e, double *g)
{
	mp_demog_e0_model m;
	memcpy(m.D, th, 4 * sizeof *th);
	m.k = th[4];
	m.z = th[5];
	*g = mp_demog_e0_gain(&m, e);
}

void mp_e0_fit_free(mp_e0_fit *f)
{
	if (!f)
		return;
	free(f->shift);
	free(f->shift_se);
	f->shift = f->shift_se = NULL;
}

int mp_calib_e0(mp_ctx *ctx, const mp_demog_panel *F, const mp_demog_panel *M, mp_e0_fit *out)
{
	memset(out, 0, sizeof *out);
	mp_demog_e0_model_default(&out->m);
	const size_t U = F->nunits, T = (size_t)F->nt;
	out->shift = calloc(U ? U : 1, sizeof *out->shift);
	out->shift_se = calloc(U ? U : 1, sizeof *out->shift_se);
	double *x = malloc((U * T + 1) * sizeof *x), *y = malloc((U * T + 1) * sizeof *y);
	int *unit = malloc((U * T + 1) * sizeof *unit);
	double *res = calloc(U + 1, sizeof *res), *cnt = calloc(U + 1, sizeof *cnt);
	int rc = MP_OK;
	if (!out->shift || !out->shift_se || !x || !y || !unit || !res || !cnt) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	size_t n = 0;
	for (size_t u = 0; u < U; u++)
		for (size_t t = 0; t + 1 < T; t++) {
			double a = F->v[u * T + t], b = F->v[u * T + t + 1];
			if (isfinite(a) && isfinite(b) && fabs(b - a) <= 8) {
				x[n] = a;
				y[n] = b - a;
				unit[n++] = (int)u;
			}
		}
	out->n = n;
	if (n >= 12) {
		double eta[6];
		for (int k = 0; k < 4; k++)
			eta[k] = -log(59 / (out->m.D[k] - 1) - 1);
		eta[4] = -log(6 / out->m.k - 1);
		eta[5] = -log(1.5 / out->m.z - 1.0);
		nls_data d = { x, y, n, e0_curve, e0_natural };
		double th[6], rss = 0;
		out->converged = nls(&d, eta, 6, &rss);
		e0_natural(eta, th);
		memcpy(out->m.D, th, 4 * sizeof *th);
		out->m.k = th[4];
		out->m.z = th[5];
		out->rss = rss;
		double my = 0, tss = 0;
		for (size_t i = 0; i < n; i++)
			my += y[i] / n;
		for (size_t i = 0; i < n; i++)
			tss += (y[i] - my) * (y[i] - my);
		out->r2 = tss > 0 ? 1 - rss / tss : 0;
	}
	/* the residuals' persistence: r(t+5) = phi r(t) + eta, pooled OLS through the origin
	   on consecutive gains of a country; a country's last residual starts its path */
	double sxy = 0, sxx = 0;
	for (size_t i = 0; i < n; i++) {
		double e = y[i] - mp_demog_e0_gain(&out->m, x[i]);
		if (i > 0 && unit[i - 1] == unit[i] && x[i] == x[i - 1] + y[i - 1]) {
			double ep = y[i - 1] - mp_demog_e0_gain(&out->m, x[i - 1]);
			sxy += ep * e, sxx += ep * ep;
		}
		res[unit[i]] = e; /* the last one stays */
		cnt[unit[i]] += 1;
	}
	out->m.rho = sxx > 0 ? sxy / sxx : 0;
	if (out->m.rho < 0)
		out->m.rho = 0;
	if (out->m.rho > 0.95)
		out->m.rho = 0.95;
	for (size_t u = 0; u < U; u++) {
		out->shift[u] = cnt[u] > 0 ? res[u] : 0;
		out->shift_se[u] = 0;
	}
	out->tau = 0;
	/* innovations: sd(e) = a + b e of eta = r(t+5) - phi r(t) */
	size_t ni = 0;
	for (size_t i = 1; i < n; i++) {
		if (!(unit[i - 1] == unit[i] && x[i] == x[i - 1] + y[i - 1]))
			continue;
		double e = y[i] - mp_demog_e0_gain(&out->m, x[i]);
		double ep = y[i - 1] - mp_demog_e0_gain(&out->m, x[i - 1]);
		res[0] = 0; /* (res is no longer needed) */
		x[ni] = x[i];
		y[ni++] = fabs(e - out->m.rho * ep) * sqrt(M_PI / 2);
	}
	double a, b;
	if (line(x, y, ni, &a, &b)) {
		out->m.sd_a = a;
		out->m.sd_b = b;
	}
	/* the male gap: G(t+5) = g0 + g1 G(t) + g2 max(0, eF(t) - 75), OLS */
	if (M && M->nunits == U && M->nt == F->nt) {
		double XtX[9] = { 0 }, Xty[3] = { 0 }, rows = 0;
		for (size_t u = 0; u < U; u++)
			for (size_t t = 0; t + 1 < T; t++) {
				double f0 = F->v[u * T + t], f1 = F->v[u * T + t + 1];
				double m0 = M->v[u * T + t], m1 = M->v[u * T + t + 1];
				if (!isfinite(f0) || !isfinite(f1) || !isfinite(m0) || !isfinite(m1) ||
				    fabs(f1 - f0) > 8)
					continue;
				double z[3] = { 1, f0 - m0, f0 > 75 ? f0 - 75 : 0 }, g = f1 - m1;
				for (int i = 0; i < 3; i++) {
					Xty[i] += z[i] * g;
					for (int j = 0; j < 3; j++)
						XtX[i * 3 + j] += z[i] * z[j];
				}
				rows++;
			}
		/* solve the 3x3 normal equations (Cramer's rule) */
		double *A = XtX;
		double det = A[0] * (A[4] * A[8] - A[5] * A[7]) - A[1] * (A[3] * A[8] - A[5] * A[6]) +
			     A[2] * (A[3] * A[7] - A[4] * A[6]);
		if (rows >= 12 && fabs(det) > 1e-9) {
			double c[3];
			for (int k = 0; k < 3; k++) {
				double B[9];
				memcpy(B, A, sizeof B);
				for (int i = 0; i < 3; i++)
					B[i * 3 + k] = Xty[i];
				c[k] = (B[0] * (B[4] * B[8] - B[5] * B[7]) - B[1] * (B[3] * B[8] - B[5] * B[6]) +
					B[2] * (B[3] * B[7] - B[4] * B[6])) /
				       det;
			}
			out->m.gap0 = c[0];
			out->m.gap1 = c[1];
			out->m.gap2 = c[2];
			double ss = 0, sy = 0, syy = 0;
			for (size_t u = 0; u < U; u++)
				for (size_t t = 0; t + 1 < T; t++) {
					double f0 = F->v[u * T + t], f1 = F->v[u * T + t + 1];
					double m0 = M->v[u * T + t], m1 = M->v[u * T + t + 1];
					if (!isfinite(f0) || !isfinite(f1) || !isfinite(m0) || !isfinite(m1) ||
					    fabs(f1 - f0) > 8)
						continue;
					double g = f1 - m1,
					       p = c[0] + c[1] * (f0 - m0) + c[2] * (f0 > 75 ? f0 - 75 : 0);
					ss += (g - p) * (g - p);
					sy += g, syy += g * g;
				}
			out->m.gap_sd = sqrt(ss / (rows - 3));
			double tss = syy - sy * sy / rows;
			out->gap_r2 = tss > 0 ? 1 - ss / tss : 0;
			out->ngap = (size_t)rows;
		}
	}
done:
	free(x), free(y), free(unit), free(res), free(cnt);
	if (rc != MP_OK)
		mp_e0_fit_free(out);
	return rc;
}

/* ---- migration -------------------------------------------------------------------------- */

void mp_mig_fit_free(mp_mig_fit *f)
{
	if (!f)
		return;
	free(f->level);
	free(f->dev);
	free(f->sd);
	f->level = f->dev = f->sd = NULL;
}

/* Five-year means of unit u's yearly values, blocks ending at the last year going back:
 * b[k] for k = 0 (oldest) .. nb - 1 (newest); NaN with fewer than 4 values. */
static int blocks(const mp_demog_panel *P, size_t u, double *b)
{
	const size_t T = (size_t)P->nt;
	int nb = P->nt / 5;
	for (int k = 0; k < nb; k++) {
		int end = P->nt - 1 - 5 * (nb - 1 - k);
		double s = 0;
		int c = 0;
		for (int t = end - 4; t <= end; t++)
			if (t >= 0 && isfinite(P->v[u * T + (size_t)t]))
				s += P->v[u * T + (size_t)t], c++;
		b[k] = c >= 4 ? s / c : NAN;
	}
	return nb;
}

int mp_calib_migration(mp_ctx *ctx, const mp_demog_panel *P, const mp_demog_panel *ref, const double *size, int years,
		       mp_mig_fit *out)
{
	if (!ref || ref->nunits != P->nunits || ref->nt != P->nt)
		ref = P;
	memset(out, 0, sizeof *out);
	const size_t U = P->nunits, T = (size_t)P->nt;
	out->level = calloc(U ? U : 1, sizeof *out->level);
	out->dev = calloc(U ? U : 1, sizeof *out->dev);
	out->sd = calloc(U ? U : 1, sizeof *out->sd);
	double *b = malloc((T / 5 + 2) * sizeof *b), *e = malloc((T / 5 + 2) * sizeof *e);
	double *bl = malloc((T / 5 + 2) * sizeof *bl); /* the reference's blocks (its levels) */
	double *ss = calloc(U + 1, sizeof *ss), *cnt = calloc(U + 1, sizeof *cnt), *sds = malloc((U + 1) * sizeof *sds);
	double *ez = malloc((U * (T / 5 + 2) + 1) * sizeof *ez);
	if (!out->level || !out->dev || !out->sd || !b || !e || !ss || !cnt || !sds || !ez || !bl) {
		free(b), free(e), free(ss), free(cnt), free(sds), free(ez), free(bl);
		mp_mig_fit_free(out);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	/* levels and the current deviation: the mean of the last `years` values, and the last
	   five-year mean's distance from it */
	for (size_t u = 0; u < U; u++) {
		double s = 0, s5 = 0;
		int k = 0, k5 = 0;
		for (int t = (int)T - 1; t >= 0 && k < years; t--)
			if (isfinite(ref->v[u * T + (size_t)t])) {
				s += ref->v[u * T + (size_t)t], k++;
				if (k5 < 5)
					s5 += ref->v[u * T + (size_t)t], k5++;
			}
		out->level[u] = k ? s / k : 0;
		out->dev[u] = k5 ? s5 / k5 - out->level[u] : 0;
	}
	/* the deviations of each five-year mean from the mean of the four before it (the
	   forecast the simulation makes), and their AR(1) across blocks */
	double sxy = 0, sxx = 0;
	/* `years` / 5 blocks before each (4); a short history (an origin before 1980 has six
	   blocks or fewer from 1950) shortens the lag so that two consecutive errors exist,
	   down to one block: the errors of a shorter mean, but errors of the time */
	int lag = years / 5 > 1 ? years / 5 : 4;
	if (lag > (int)T / 5 - 2)
		lag = (int)T / 5 - 2;
	if (lag < 1)
		lag = 1;
	for (size_t u = 0; u < U; u++) {
		int nb = blocks(P, u, b);
		blocks(ref, u, bl);
		for (int k = 0; k < nb; k++) {
			e[k] = NAN;
			if (k < lag || !isfinite(b[k]))
				continue;
			double s = 0;
			int c = 0;
			for (int j = k - lag; j < k; j++)
				if (isfinite(bl[j]))
					s += bl[j], c++;
			if (c == lag)
				e[k] = b[k] - s / c;
			if (k > 0 && isfinite(e[k]) && isfinite(e[k - 1]))
				sxy += e[k - 1] * e[k], sxx += e[k - 1] * e[k - 1];
		}
	}
	out->rho = sxx > 0 ? sxy / sxx : 0.5;
	out->rho = out->rho < 0 ? 0 : out->rho > 0.95 ? 0.95 : out->rho;
	/* innovations by country, shrunk toward the pooled median (3 pseudo-blocks) */
	size_t nsd = 0, nz = 0;
	for (size_t u = 0; u < U; u++) {
		int nb = blocks(P, u, b);
		blocks(ref, u, bl);
		double s2 = 0;
		int c = 0;
		for (int k = lag; k < nb; k++) {
			double s = 0;
			int cc = 0;
			for (int j = k - lag; j < k; j++)
				if (isfinite(bl[j]))
					s += bl[j], cc++;
			e[k] = cc == lag && isfinite(b[k]) ? b[k] - s / cc : NAN;
		}
		for (int k = lag + 1; k < nb; k++)
			if (isfinite(e[k]) && isfinite(e[k - 1])) {
				double h = e[k] - out->rho * e[k - 1];
				s2 += h * h, c++;
			}
		ss[u] = s2;
		cnt[u] = c;
		out->n += (size_t)c;
	}
	/* the countries that inform the target: three innovations or more, or (a short history,
	   fewer than ten such countries) one or more */
	int cmin = 3;
	size_t n3 = 0;
	for (size_t u = 0; u < U; u++)
		n3 += cnt[u] >= 3;
	if (n3 < 10)
		cmin = 1;
	for (size_t u = 0; u < U; u++)
		if (cnt[u] >= cmin && cnt[u] > 0)
			sds[nsd++] = sqrt(ss[u] / cnt[u]);
	/* the target each country's variance is shrunk to: the mean of the countries' (not the
	   median's square: a calm history does not rule out the rare large changes others have
	   had), following their size when sizes are given, ln sd = a + b ln size by OLS over
	   those countries, scaled so its mean variance is theirs */
	double vsum = 0;
	for (size_t k = 0; k < nsd; k++)
		vsum += sds[k] * sds[k];
	out->sd_pooled = nsd ? sqrt(vsum / nsd) : 0.002;
	out->sd_a = log(out->sd_pooled);
	out->sd_b = 0;
	if (size) {
		double lx = 0, ly = 0, lxx = 0, lxy = 0;
		size_t m = 0;
		for (size_t u = 0; u < U; u++)
			if (cnt[u] >= cmin && size[u] > 0 && ss[u] > 0) {
				double x = log(size[u]), y = 0.5 * log(ss[u] / cnt[u]);
				lx += x, ly += y, lxx += x * x, lxy += x * y, m++;
			}
		double d = m * lxx - lx * lx;
		if (m >= 10 && d > 0) {
			double b_ = (m * lxy - lx * ly) / d, a_ = (ly - b_ * lx) / m, ratio = 0;
			for (size_t u = 0; u < U; u++)
				if (cnt[u] >= cmin && size[u] > 0 && ss[u] > 0)
					ratio += (ss[u] / cnt[u]) / exp(2 * (a_ + b_ * log(size[u]))) / m;
			out->sd_a = a_ + 0.5 * log(ratio);
			out->sd_b = b_;
		}
	}
	const double nu = 6;
	double *target = malloc((U + 1) * sizeof *target);
	if (!target) {
		free(b), free(e), free(ss), free(cnt), free(sds), free(ez), free(bl);
		mp_mig_fit_free(out);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	for (size_t u = 0; u < U; u++) {
		double t = size && size[u] > 0 ? exp(out->sd_a + out->sd_b * log(size[u])) : out->sd_pooled;
		target[u] = t * t;
		out->sd[u] = sqrt((ss[u] + nu * target[u]) / (cnt[u] + nu));
	}
	/* the kurtosis of the standardised innovations, and the mixture that has it */
	for (size_t u = 0; u < U; u++) {
		int nb = blocks(P, u, b);
		blocks(ref, u, bl);
		for (int k = lag; k < nb; k++) {
			double s = 0;
			int cc = 0;
			for (int j = k - lag; j < k; j++)
				if (isfinite(bl[j]))
					s += bl[j], cc++;
			e[k] = cc == lag && isfinite(b[k]) ? b[k] - s / cc : NAN;
		}
		/* each innovation over its country's sd without it (shrunk as above), so an outlier
		   does not hide in its own standardiser */
		for (int k = lag + 1; k < nb; k++)
			if (isfinite(e[k]) && isfinite(e[k - 1])) {
				double h = e[k] - out->rho * e[k - 1];
				double v = (ss[u] - h * h + nu * target[u]) / (cnt[u] - 1 + nu);
				if (v > 0)
					ez[nz++] = h / sqrt(v);
			}
	}
	double m2 = 0, m4 = 0;
	for (size_t i = 0; i < nz; i++)
		m2 += ez[i] * ez[i], m4 += ez[i] * ez[i] * ez[i] * ez[i];
	out->kurtosis = nz > 10 && m2 > 0 ? (m4 / nz) / ((m2 / nz) * (m2 / nz)) : 3;
	/* their two-component zero-mean normal scale mixture by maximum likelihood (EM,
	   Dempster, Laird & Rubin 1977; McLachlan & Peel 2000, ch. 2): weights 1 - p, p and
	   sds s1 (the core) and s2 = k s1 */
	double pw = 0.1, s1 = 0.8, s2 = 3.0;
	for (int it = 0; nz > 20 && it < 500; it++) {
		double sw = 0, a1 = 0, a2 = 0, w1 = 0;
		for (size_t i = 0; i < nz; i++) {
			double z2 = ez[i] * ez[i];
			double f1 = (1 - pw) / s1 * exp(-0.5 * z2 / (s1 * s1)),
			       f2 = pw / s2 * exp(-0.5 * z2 / (s2 * s2));
			double r2 = f1 + f2 > 0 ? f2 / (f1 + f2) : 1;
			sw += r2, a2 += r2 * z2, a1 += (1 - r2) * z2, w1 += 1 - r2;
		}
		double np = sw / nz, ns1 = w1 > 0 ? sqrt(a1 / w1) : s1, ns2 = sw > 0 ? sqrt(a2 / sw) : s2;
		ns1 = ns1 < 0.05 ? 0.05 : ns1;
		ns2 = ns2 < ns1 ? ns1 : ns2;
		int done = fabs(np - pw) < 1e-9 && fabs(ns1 - s1) < 1e-9 && fabs(ns2 - s2) < 1e-9;
		pw = np, s1 = ns1, s2 = ns2;
		if (done)
			break;
	}
	out->tail_p = nz > 20 ? pw : 0;
	out->tail_k = nz > 20 ? s2 / s1 : 1;
	out->core = nz > 20 ? s1 : 1;
	free(b), free(e), free(ss), free(cnt), free(sds), free(ez), free(bl), free(target);
	return MP_OK;
}
