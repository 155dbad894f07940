/* The double-logistic curves of the probabilistic fertility and mortality models (the
 * UN's: Alkema et al. 2011; Raftery et al. 2013), and their default parameters. */
#include "demog/demog_internal.h"

#include <math.h>

double mp_demog_tfr_decrement(const mp_demog_tfr_model *m, double f)
{
	const double *D = m->D, c = 2.0 * log(9.0);
	double up = 1.0 / (1.0 + exp(-c / D[0] * (f - D[3] - D[2] - D[1] - 0.5 * D[0])));
	double lo = 1.0 / (1.0 + exp(-c / D[2] * (f - D[3] - 0.5 * D[2])));
	double g = m->d * (lo - up);
	return g > 0 ? g : 0;
}

double mp_demog_e0_gain(const mp_demog_e0_model *m, double e)
{
	const double *D = m->D, A1 = 4.4, A2 = 0.5;
	double a = 1.0 / (1.0 + exp(-A1 / D[1] * (e - D[0] - A2 * D[1])));
	double b = 1.0 / (1.0 + exp(-A1 / D[3] * (e - D[0] - D[1] - D[2] - A2 * D[3])));
	return m->k * a + (m->z - m->k) * b;
}

/* Starting values before any calibration: the pooled curves' shapes reported by Alkema et
 * al. (2011, fig. 3: decline fastest, about 0.9 a period, near TFR 4.5 and ending near
 * 1.8) and Raftery et al. (2013, fig. 2: gains of 2.5-3.5 years a period between e0 55 and
 * 70, about 0.4-0.6 above 80), phase III as Raftery et al. (2014): mu 2.07, rho 0.86;
 * `multipolar calibrate` re-estimates all of them on the data up to its year. */
void mp_demog_tfr_model_default(mp_demog_tfr_model *m)
{
	m->D[0] = 1.8;
	m->D[1] = 1.5;
	m->D[2] = 1.4;
	m->D[3] = 1.5;
	m->d = 1.1;
	m->sd_a = 0.05;
	m->sd_b = 0.04;
	m->sd_min = 0.05;
	m->mu = 2.07;
	m->rho = 0.86;
	m->sd3 = 0.11;
	m->phase3_below = 2.0;
}

void mp_demog_e0_model_default(mp_demog_e0_model *m)
{
	m->D[0] = 12.0;
	m->D[1] = 16.0;
	m->D[2] = 14.0;
	m->D[3] = 12.0;
	m->k = 3.3;
	m->z = 0.55;
	m->rho = 0.5;
	m->sd_a = 1.0;
	m->sd_b = -0.008;
	m->sd_min = 0.25;
	m->gap0 = 0.9;
	m->gap1 = 0.88;
	m->gap2 = -0.03;
	m->gap_sd = 0.3;
	m->e_max = 105;
}
