/* Internal pieces of the SMP (not public API). */
#ifndef MP_BARGAIN_SMP_INTERNAL_H
#define MP_BARGAIN_SMP_INTERNAL_H

#include "bargain/internal.h"

/* Model::vote (KTAB kmodel.cpp): vote of an actor with weight w between options with
 * utilities ui, uj; inline because it is the innermost operation of the SMP. */
static inline double mp_smp__vote(mp_smp_vr vr, double w, double ui, double uj)
{
	const double du = ui - uj;
	switch (vr) {
	case MP_SMP_VR_PROP: return w * du;
	case MP_SMP_VR_CUBIC: return w * (du * du * du);
	case MP_SMP_VR_PROPCBC: return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
	case MP_SMP_VR_ASYMPROSP:
		if (du < 0.0)
			return w * du;
		if (0.0 < du)
			return (2.0 * w * du) / 3.0;
		return 0.0;
	case MP_SMP_VR_BINARY:
	case MP_SMP_VR_PROPBIN: {
		double rbin = du / 1e-8;
		rbin = rbin > 1 ? 1 : rbin;
		rbin = rbin < -1 ? -1 : rbin;
		return vr == MP_SMP_VR_BINARY ? w * rbin : w * ((1 - 0.2) * du + 0.2 * rbin);
	}
	}
	return 0.0;
}
void mp_smp__vprob(mp_smp_vpm vpm, double s1, double s2, double *p1, double *p2);
void mp_smp__scalar_pce(size_t na, size_t no, const double *w, const double *u, mp_smp_vr vr, mp_smp_vpm vpm,
			mp_smp_pce pcem, double *p, double *ws);
void mp_smp__pce_from_coalitions(size_t no, const double *c, mp_smp_vpm vpm, mp_smp_pce pcem, double *p, double *pv,
				 double *ch, double *q);

#endif
