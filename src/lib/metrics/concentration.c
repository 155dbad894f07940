/* Concentration and the effective number of poles, on shares renormalised to sum to 1
 * (NaN entries skipped). Test vectors: docs/references.md E4. */
#include "multipolar/metrics.h"

static double total(const double *s, size_t n, size_t *k)
{
	double t = 0.0;
	*k = 0;
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(s[i])) {
			t += s[i];
			(*k)++;
		}
	return t;
}

/* Herfindahl index H = sum s_i^2. */
double mp_hhi(const double *s, size_t n)
{
	size_t k;
	double t = total(s, n, &k), h = 0.0;
	if (!k || !(t > 0.0))
		return MP_NA;
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(s[i]))
			h += (s[i] / t) * (s[i] / t);
	return h;
}

/* Ray & Singer (1973): CON = sqrt((H - 1/N) / (1 - 1/N)); undefined for N < 2. */
double mp_con(const double *s, size_t n)
{
	size_t k;
	total(s, n, &k);
	double h = mp_hhi(s, n);
	if (k < 2 || mp_is_na(h))
		return MP_NA;
	double inv = 1.0 / (double)k;
	double v = (h - inv) / (1.0 - inv);
	return sqrt(v > 0.0 ? v : 0.0);
}

/* Laakso & Taagepera (1979): N_eff = 1 / H. */
double mp_n_eff(const double *s, size_t n)
{
	double h = mp_hhi(s, n);
	return mp_is_na(h) ? MP_NA : 1.0 / h;
}

/* Golosov (2010), eq. 5: N_G = sum_i s_i / (s_i + s_1^2 - s_i^2), s_1 the largest share. */
double mp_n_golosov(const double *s, size_t n)
{
	size_t k;
	double t = total(s, n, &k), s1 = 0.0, ng = 0.0;
	if (!k || !(t > 0.0))
		return MP_NA;
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(s[i]) && s[i] / t > s1)
			s1 = s[i] / t;
	for (size_t i = 0; i < n; i++) {
		if (mp_is_na(s[i]))
			continue;
		double si = s[i] / t;
		if (si > 0.0)
			ng += si / (si + s1 * s1 - si * si);
	}
	return ng;
}
