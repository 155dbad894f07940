/* Composite Index of National Capability (CINC).
 * Singer, Bremer & Stuckey (1972); Singer (1987); COW NMC codebook v6.0.
 * For each component c: share_ic = x_ic / sum_k x_kc over the states whose value of c
 * is present that year; CINC_i = mean of i's available shares (divide by the number of
 * present components, not by 6) -- docs/references.md A1, verified on NMC v6 to 2.5e-8. */
#include "multipolar/metrics.h"

int mp_capabilities(const mp_world *w, const unsigned char *include, mp_cinc_mode mode, double *share, double *cinc)
{
	double total[MP_NCOMP] = { 0 };
	for (size_t i = 0; i < w->n; i++) {
		if (include && !include[i])
			continue;
		for (int c = 0; c < MP_NCOMP; c++)
			if (!mp_is_na(w->actors[i].comp[c]))
				total[c] += w->actors[i].comp[c];
	}
	double sum = 0.0;
	for (size_t i = 0; i < w->n; i++) {
		cinc[i] = MP_NA;
		if (share)
			for (int c = 0; c < MP_NCOMP; c++)
				share[i * MP_NCOMP + c] = MP_NA;
		if (include && !include[i])
			continue;
		double acc = 0.0;
		int k = 0;
		for (int c = 0; c < MP_NCOMP; c++) {
			double x = w->actors[i].comp[c];
			if (mp_is_na(x) || !(total[c] > 0.0))
				continue;
			double s = x / total[c];
			if (share)
				share[i * MP_NCOMP + c] = s;
			acc += s;
			k++;
		}
		if (k) {
			cinc[i] = acc / k;
			sum += cinc[i];
		}
	}
	/* RENORM: COW totals exceed 1 in years with gaps (docs/references.md A1); divide by the total. */
	if (mode == MP_CINC_RENORM && sum > 0.0)
		for (size_t i = 0; i < w->n; i++)
			if (!mp_is_na(cinc[i]))
				cinc[i] /= sum;
	return MP_OK;
}
