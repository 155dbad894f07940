/* The cohort-component projection step (Preston, Heuveline & Guillot 2001, ch. 6;
 * United Nations 2017, "World Population Prospects: The 2017 Revision, Methodology",
 * ESA/P/WP.250, section on the projection), for age groups as wide as the step. */
#include "demog/demog_internal.h"

#include <string.h>

/* Births per woman of the step over the fertile groups of one sex's array. */
static double exposure(const mp_demog_rates *r, const double *pf)
{
	double b = 0;
	for (int k = 0; k < r->fx_n; k++)
		b += r->fx[r->fx_first + k] * pf[r->fx_first + k];
	return b;
}

/* Survival and migration of one sex, in place, from the oldest group down so each
 * group's old value is read before it is overwritten (eqs. 6.1-6.3):
 *   N_a(t+n) = s_a (N_a-1(t) + h M_a-1) + (1 - h) M_a      (h = 1/2 or 0: timing)
 *   N_A(t+n) = s_A (N_A-1(t) + N_A(t) + h (M_A-1 + M_A)) + (1 - h) M_A   (open group)
 * Each M_a enters h at the start (and ages with the step) and 1 - h at the end of group
 * a. A start or end below zero is set to zero (net emigration cannot take more people
 * than there are). The first group is left for the births. dm[0] += deaths,
 * dm[1] += migrants actually added. */
static void survive(const mp_demog_rates *r, int sex, double *p, double *dm)
{
	const int A = r->nage - 1;
	const double *s = r->sx[sex], *m = r->mig[sex];
	const double h = r->mig_timing == MP_DEMOG_MIG_HALF ? 0.5 : 0.0;
	double deaths = 0, added = 0;
	for (int a = A; a >= 1; a--) {
		double old = a == A ? p[A - 1] + p[A] : p[a - 1];
		double early = m ? h * (m[a - 1] + (a == A ? m[A] : 0)) : 0;
		double start = old + early;
		if (start < 0)
			start = 0;
		double surv = s[a] * start;
		double late = m ? (1 - h) * m[a] : 0;
		double end = surv + late;
		if (end < 0)
			end = 0;
		deaths += start - surv;
		added += (start - old) + (end - surv);
		p[a] = end;
	}
	p[0] = 0;
	dm[0] += deaths;
	dm[1] += added;
}

void mp_demog_step(const mp_demog_rates *r, double *pf, double *pm, mp_demog_events *ev)
{
	const double h = r->mig_timing == MP_DEMOG_MIG_HALF ? 0.5 : 0.0;
	double *pop[2] = { pf, pm };
	double dm[2][2] = { { 0, 0 }, { 0, 0 } };
	/* births: the mean of the mothers at the start and the end of the step (eq. 6.5) */
	double b0 = exposure(r, pf);
	survive(r, MP_DEMOG_F, pf, dm[0]);
	survive(r, MP_DEMOG_M, pm, dm[1]);
	double births = 0.5 * (b0 + exposure(r, pf));
	double bm = births * r->srb / (1 + r->srb), b[2] = { births - bm, bm };
	/* the first group: births survived to the end of the step, plus its late migrants */
	for (int x = 0; x < 2; x++) {
		double surv = r->sx[x][0] * b[x];
		double late = r->mig[x] ? (1 - h) * r->mig[x][0] : 0;
		double end = surv + late > 0 ? surv + late : 0;
		dm[x][0] += b[x] - surv;
		dm[x][1] += end - surv;
		pop[x][0] = end;
	}
	if (!ev)
		return;
	for (int x = 0; x < 2; x++) {
		ev->births[x] = b[x];
		ev->deaths[x] = dm[x][0];
		ev->migrants[x] = dm[x][1];
	}
}

void mp_demog_summarise(const double *pf, const double *pm, int nage, int width, mp_demog_summary *out)
{
	memset(out, 0, sizeof *out);
	double tot[MP_DEMOG_AGES];
	double all = 0;
	for (int a = 0; a < nage; a++) {
		tot[a] = pf[a] + pm[a];
		all += tot[a];
		int age = a * width;
		if (age < 15)
			out->age0_14 += tot[a];
		else if (age < 65)
			out->age15_64 += tot[a];
		else
			out->age65p += tot[a];
	}
	out->total = all;
	out->dependency = out->age15_64 > 0 ? out->age65p / out->age15_64 : 0;
	double half = all / 2, cum = 0;
	out->median_age = 0;
	for (int a = 0; a < nage; a++) {
		if (cum + tot[a] >= half && tot[a] > 0) {
			/* linear within the group (the open group taken as wide as the others) */
			out->median_age = a * width + width * (half - cum) / tot[a];
			break;
		}
		cum += tot[a];
	}
}
