/* Five-year groups to single years of age: a cubic Hermite curve through the cumulative
 * counts, differenced, keeps every group's total (the approach of McNeil, Trussell &
 * Turner 1977, "Spline interpolation of demographic data", Demography 14(2): 245-252),
 * with Fritsch & Carlson's (1980) slopes (SIAM J. Numer. Anal. 17(2): 238-246) where the
 * curve must stay monotone, so non-negative groups never give negative single years. */
#include "demog/demog_internal.h"

#include <math.h>

void mp_demog__hermite_slopes(const double *x, const double *y, int n, int monotone, double *m)
{
	if (n < 2) {
		if (n == 1)
			m[0] = 0;
		return;
	}
	/* secants; interior slopes: the three-point (parabolic) estimate for unequal steps */
	for (int k = 0; k < n; k++) {
		if (k == 0)
			m[k] = (y[1] - y[0]) / (x[1] - x[0]);
		else if (k == n - 1)
			m[k] = (y[k] - y[k - 1]) / (x[k] - x[k - 1]);
		else {
			double h0 = x[k] - x[k - 1], h1 = x[k + 1] - x[k];
			double d0 = (y[k] - y[k - 1]) / h0, d1 = (y[k + 1] - y[k]) / h1;
			m[k] = (h1 * d0 + h0 * d1) / (h0 + h1);
			if (monotone && d0 * d1 <= 0)
				m[k] = 0; /* a local extremum of the data: flat (Fritsch & Carlson, step 2) */
		}
	}
	if (!monotone)
		return;
	/* Fritsch & Carlson (1980), steps 3-5: restrict (alpha, beta) to the circle of radius 3 */
	for (int k = 0; k < n - 1; k++) {
		double d = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
		if (d == 0) {
			m[k] = m[k + 1] = 0;
			continue;
		}
		if (m[k] * d < 0)
			m[k] = 0;
		if (m[k + 1] * d < 0)
			m[k + 1] = 0;
		double a = m[k] / d, b = m[k + 1] / d, s = a * a + b * b;
		if (s > 9) {
			double t = 3 / sqrt(s);
			m[k] = t * a * d;
			m[k + 1] = t * b * d;
		}
	}
}

double mp_demog__hermite_eval(const double *x, const double *y, const double *m, int n, double xq)
{
	int k = 0;
	while (k < n - 2 && xq > x[k + 1])
		k++;
	double h = x[k + 1] - x[k], t = (xq - x[k]) / h, t2 = t * t, t3 = t2 * t;
	return (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * m[k] + (-2 * t3 + 3 * t2) * y[k + 1] +
	       (t3 - t2) * h * m[k + 1];
}

void mp_demog_split5(const double *g, int ng, int monotone, double *out)
{
	double x[MP_DEMOG_GROUPS + 2], c[MP_DEMOG_GROUPS + 2], m[MP_DEMOG_GROUPS + 2];
	if (ng > MP_DEMOG_GROUPS + 1)
		ng = MP_DEMOG_GROUPS + 1;
	x[0] = 0;
	c[0] = 0;
	for (int k = 0; k < ng; k++) {
		x[k + 1] = 5.0 * (k + 1);
		c[k + 1] = c[k] + g[k];
	}
	mp_demog__hermite_slopes(x, c, ng + 1, monotone, m);
	double prev = 0;
	for (int a = 1; a <= 5 * ng; a++) {
		/* exact at the knots, so each group's total is kept to rounding */
		double cur = a % 5 == 0 ? c[a / 5] : mp_demog__hermite_eval(x, c, m, ng + 1, (double)a);
		double v = cur - prev;
		out[a - 1] = monotone && v < 0 ? 0 : v;
		prev = cur;
	}
}

void mp_demog_pop_to_single(const double *g5, double *p1)
{
	mp_demog_split5(g5, MP_DEMOG_GROUPS - 1, 1, p1);
	p1[MP_DEMOG_AGES - 1] = g5[MP_DEMOG_GROUPS - 1];
}

void mp_demog_pop_to_groups(const double *p1, double *g5)
{
	for (int k = 0; k < MP_DEMOG_GROUPS - 1; k++) {
		double s = 0;
		for (int a = 5 * k; a < 5 * k + 5; a++)
			s += p1[a];
		g5[k] = s;
	}
	g5[MP_DEMOG_GROUPS - 1] = p1[MP_DEMOG_AGES - 1];
}

void mp_demog_mig_annual(const double *g5, double *m1)
{
	double e[MP_DEMOG_AGES];
	mp_demog_split5(g5, MP_DEMOG_GROUPS - 1, 0, e);
	e[MP_DEMOG_AGES - 1] = g5[MP_DEMOG_GROUPS - 1];
	const int shift = 2;
	m1[0] = (e[0] + e[1] + e[2]) / 5.0;
	for (int a = 1; a < MP_DEMOG_AGES - 1 - shift; a++)
		m1[a] = e[a + shift] / 5.0;
	for (int a = MP_DEMOG_AGES - 1 - shift; a < MP_DEMOG_AGES - 1; a++)
		m1[a] = 0;
	m1[MP_DEMOG_AGES - 1 - shift] = (e[MP_DEMOG_AGES - 1] + e[MP_DEMOG_AGES - 2]) / 5.0;
	m1[MP_DEMOG_AGES - 1] = 0;
}
