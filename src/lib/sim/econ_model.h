/*
 * The economy's equations as small pure functions, shared by mech_economy.c, the look-ahead
 * of mech_strategy.c and the known-answer tests (docs/economy.md cites each).
 */
#ifndef MP_SIM_ECON_MODEL_H
#define MP_SIM_ECON_MODEL_H

#include <math.h>

#include "multipolar/rng.h"

/* Output, Y = A K^a L^(1-a) (Cobb & Douglas 1928; Solow 1957), from ln A. */
static inline double mp_econ_output(double lnA, double K, double L, double alpha)
{
	return exp(lnA + alpha * log(K) + (1.0 - alpha) * log(L));
}

/* TFP of an observed economy, ln A = ln Y - a ln K - (1 - a) ln L. */
static inline double mp_econ_lntfp(double Y, double K, double L, double alpha)
{
	return log(Y) - alpha * log(K) - (1.0 - alpha) * log(L);
}

/* Perpetual inventory, K_t+1 = (1 - delta) K_t + s Y_t (Solow 1956; the PWT capital
 * stocks are built the same way, Inklaar & Timmer 2013). */
static inline double mp_econ_capital_next(double K, double Y, double s, double delta)
{
	return (1.0 - delta) * K + s * Y;
}

/* Steady-state capital-output ratio of the perpetual inventory when output grows at the
 * gross rate (1 + g): K/Y = s / (g + delta). */
static inline double mp_econ_ky_steady(double s, double g, double delta)
{
	return s / (g + delta);
}

/* Conditional convergence of TFP relative to the frontier (Barro & Sala-i-Martin 1992 in
 * discrete form): x_t+1 = x_t + lambda (mu - x_t) + u_t. */
static inline double mp_econ_tfp_next(double x, double mu, double lambda, double u)
{
	return x + lambda * (mu - x) + u;
}

/* Price level of GDP relative to the US (MER / PPP), Balassa (1964) - Samuelson (1964):
 * ln q = c + theta (ln y - ln y_F) + r, with the deviation r_t+1 = phi r_t + e_t. */
static inline double mp_econ_price_level(double c, double theta, double rel_lny, double r)
{
	return exp(c + theta * rel_lny + r);
}

/* A Student-t variate scaled to unit variance: t = Z / sqrt(X / k), X = the sum of k squared
 * normals (Student 1908), with k = df rounded to an integer in [3, 30] (df >= 30: the
 * normal). Each draw takes k + 1 normals: fixed for a parameter set, so every run's stream
 * layout is fixed. */
static inline double mp_econ_student(mp_rng *r, double df)
{
	double z = mp_rng_normal(r);
	if (!(df < 30.0))
		return z;
	int k = (int)floor(df + 0.5);
	if (k < 3)
		k = 3;
	double x = 0;
	for (int i = 0; i < k; i++) {
		double e = mp_rng_normal(r);
		x += e * e;
	}
	return z / sqrt(x / k) * sqrt((k - 2.0) / k);
}

#endif
