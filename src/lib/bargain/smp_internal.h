/* Internal pieces of the SMP (not public API). */
#ifndef MP_BARGAIN_SMP_INTERNAL_H
#define MP_BARGAIN_SMP_INTERNAL_H

#include "bargain/internal.h"

double mp_smp__vote(mp_smp_vr vr, double w, double ui, double uj);
void mp_smp__vprob(mp_smp_vpm vpm, double s1, double s2, double *p1, double *p2);
void mp_smp__scalar_pce(size_t na, size_t no, const double *w, const double *u, mp_smp_vr vr,
			mp_smp_vpm vpm, mp_smp_pce pcem, double *p, double *ws);
void mp_smp__pce_from_coalitions(size_t no, const double *c, mp_smp_vpm vpm, mp_smp_pce pcem, double *p,
				 double *pv, double *ch, double *q);

#endif
