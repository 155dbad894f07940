/* Foreign-policy similarity kernels: Signorino-Ritter S, Kendall tau-b, Haege's kappa.
 * docs/references.md A6; docs/relations.md section 2. No allocation. */
#include <math.h>

#include "multipolar/relations.h"

#define MAX_LEVELS 8

/* Signorino & Ritter (1999, ISQ 43(1), eq. for S with the L1 and squared L2 metric):
 *   S = 1 - 2 * [ sum_k w_k d(x_k, y_k) ] / sum_k w_k,
 *   d = |x - y| / delta (absolute) or (x - y)^2 / delta^2 (squared).
 * delta is the largest possible distance on one dimension (3 for valued alliances). */
double mp_rel_s(const double *x, const double *y, const double *w, size_t n, double delta, int squared)
{
	double num = 0.0, den = 0.0;
	if (!(delta > 0))
		return MP_NA;
	for (size_t k = 0; k < n; k++) {
		double wk = w ? w[k] : 1.0;
		if (isnan(wk) || wk <= 0.0 || isnan(x[k]) || isnan(y[k]))
			continue;
		double d = fabs(x[k] - y[k]) / delta;
		num += wk * (squared ? d * d : d);
		den += wk;
	}
	if (den <= 0.0)
		return MP_NA;
	return 1.0 - 2.0 * num / den;
}

/* Kendall (1945) tau-b, the form Bueno de Mesquita (1975) applied to alliance tables:
 *   tau_b = (n_c - n_d) / sqrt((n0 - n1)(n0 - n2)),
 *   n0 = n(n-1)/2, n1 = sum_g t_g(t_g-1)/2 over ties in x, n2 likewise for y.
 * Pair by pair: a pair tied in x adds to n1, tied in y to n2 (tied in both to both). */
double mp_rel_taub(const double *x, const double *y, size_t n)
{
	double nc = 0, nd = 0, n1 = 0, n2 = 0, n0 = 0;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]) || isnan(y[i]))
			continue;
		for (size_t j = i + 1; j < n; j++) {
			if (isnan(x[j]) || isnan(y[j]))
				continue;
			double dx = x[i] - x[j], dy = y[i] - y[j];
			n0 += 1;
			if (dx == 0)
				n1 += 1;
			if (dy == 0)
				n2 += 1;
			if (dx * dy > 0)
				nc += 1;
			else if (dx * dy < 0)
				nd += 1;
		}
	}
	double den = (n0 - n1) * (n0 - n2);
	if (!(den > 0))
		return MP_NA;
	return (nc - nd) / sqrt(den);
}

/* Fills the nlev x nlev contingency table of integer levels; returns the number of
 * complete cases, or -1 when a value is not a level. */
static double table_levels(const double *x, const double *y, size_t n, int nlev, double t[MAX_LEVELS][MAX_LEVELS])
{
	double m = 0;
	for (int a = 0; a < nlev; a++)
		for (int b = 0; b < nlev; b++)
			t[a][b] = 0;
	for (size_t k = 0; k < n; k++) {
		if (isnan(x[k]) || isnan(y[k]))
			continue;
		int a = (int)x[k], b = (int)y[k];
		if (a < 0 || b < 0 || a >= nlev || b >= nlev || a != x[k] || b != y[k])
			return -1;
		t[a][b] += 1;
		m += 1;
	}
	return m;
}

/* tau-b from the contingency table N[a][b] (same definition as mp_rel_taub):
 *   n_c = sum_{a<a', b<b'} N[a][b] N[a'][b'],  n_d = sum_{a<a', b>b'} N[a][b] N[a'][b'],
 *   n1 = sum_a r_a(r_a-1)/2, n2 = sum_b c_b(c_b-1)/2 (row and column totals). */
double mp_rel_taub_levels(const double *x, const double *y, size_t n, int nlev)
{
	double t[MAX_LEVELS][MAX_LEVELS];
	if (nlev < 1 || nlev > MAX_LEVELS)
		return MP_NA;
	double m = table_levels(x, y, n, nlev, t);
	if (m < 0)
		return MP_NA;
	double nc = 0, nd = 0, n1 = 0, n2 = 0;
	for (int a = 0; a < nlev; a++) {
		double r = 0, c = 0;
		for (int b = 0; b < nlev; b++) {
			r += t[a][b];
			c += t[b][a];
			if (t[a][b] == 0)
				continue;
			for (int a2 = a + 1; a2 < nlev; a2++)
				for (int b2 = 0; b2 < nlev; b2++) {
					if (b2 > b)
						nc += t[a][b] * t[a2][b2];
					else if (b2 < b)
						nd += t[a][b] * t[a2][b2];
				}
		}
		n1 += r * (r - 1) / 2;
		n2 += c * (c - 1) / 2;
	}
	double n0 = m * (m - 1) / 2;
	double den = (n0 - n1) * (n0 - n2);
	if (!(den > 0))
		return MP_NA;
	return (nc - nd) / sqrt(den);
}

/* Cohen (1968) weighted kappa, in the distance form Haege (2011, Political Analysis
 * 19(3), eq. 5-6) uses for valued foreign-policy data:
 *   kappa = 1 - D_o / D_e,
 *   D_o = sum_{a,b} p_ab d_ab,  D_e = sum_{a,b} p_a. p_.b d_ab,
 *   d_ab = (|a - b| / (nlev - 1))^w_exp,
 * with p_ab the observed joint proportions and p_a., p_.b each state's own marginals
 * (Cohen; Scott's pi would pool them). Matches fpsim::cohenk(x, y, w_exp, levels). */
double mp_rel_kappa_levels(const double *x, const double *y, size_t n, int nlev, double w_exp)
{
	double t[MAX_LEVELS][MAX_LEVELS];
	double r[MAX_LEVELS] = { 0 }, c[MAX_LEVELS] = { 0 };
	if (nlev < 2 || nlev > MAX_LEVELS)
		return MP_NA;
	double m = table_levels(x, y, n, nlev, t);
	if (m <= 0)
		return MP_NA;
	for (int a = 0; a < nlev; a++)
		for (int b = 0; b < nlev; b++) {
			r[a] += t[a][b] / m;
			c[b] += t[a][b] / m;
		}
	double dobs = 0, dexp = 0;
	for (int a = 0; a < nlev; a++)
		for (int b = 0; b < nlev; b++) {
			if (a == b)
				continue;
			double d = pow(fabs((double)(a - b)) / (nlev - 1), w_exp);
			dobs += d * t[a][b] / m;
			dexp += d * r[a] * c[b];
		}
	if (!(dexp > 0))
		return MP_NA;
	return 1.0 - dobs / dexp;
}
