/* Life tables from central death rates (Preston, Heuveline & Guillot 2001, ch. 3):
 * the abridged table at ages 0, 1, 5, ..., 100+ (the layout of WPP's mx), a single-year
 * table consistent with it, and survival ratios for a projection step (ch. 6). */
#include "demog/demog_internal.h"

#include <float.h>
#include <math.h>

/* 1a0 and 4a1 (Coale & Demeny 1983, West; Preston et al. 2001, table 3.3). */
static void young_ax(int sex, double m0, double *a0, double *a1)
{
	if (sex == MP_DEMOG_F) {
		*a0 = m0 >= 0.107 ? 0.350 : 0.053 + 2.800 * m0;
		*a1 = m0 >= 0.107 ? 1.361 : 1.522 - 1.518 * m0;
	} else {
		*a0 = m0 >= 0.107 ? 0.330 : 0.045 + 2.684 * m0;
		*a1 = m0 >= 0.107 ? 1.352 : 1.651 - 2.816 * m0;
	}
}

static double pos(double v)
{
	return v > DBL_MIN ? v : DBL_MIN;
}

/* nqx from nmx and nax (Preston et al. 2001, eq. 3.5), within [0, 1]. */
static double q_of(double n, double m, double a)
{
	double q = n * m / (1 + (n - a) * m);
	return q < 0 ? 0 : q > 1 ? 1 : q;
}

double mp_demog_lt5(int sex, const double *mx, double *L, double *lx)
{
	double l[MP_DEMOG_NMX], a0, a1;
	young_ax(sex, mx[0], &a0, &a1);
	l[0] = 1;
	l[1] = 1 - q_of(1, mx[0], a0);
	l[2] = l[1] * (1 - q_of(4, mx[1], a1));
	double e0 = 0;
	L[0] = (l[1] + a0 * (l[0] - l[1])) + (4 * l[2] + a1 * (l[1] - l[2]));
	e0 += L[0];
	/* five-year groups 5-9 ... 95-99: mx index i = 2 .. 20, L index i - 1 */
	for (int i = 2; i < MP_DEMOG_NMX - 1; i++) {
		/* Greville (1943): nax = 2.5 - 25/12 (nmx - 0.1 ln(nmx+5 / nmx-5)) */
		double k = 0.1 * log(pos(mx[i + 1]) / pos(mx[i - 1]));
		double a = 2.5 - 25.0 / 12.0 * (mx[i] - k);
		a = a < 0 ? 0 : a > 5 ? 5 : a;
		l[i + 1] = l[i] * (1 - q_of(5, mx[i], a));
		L[i - 1] = 5 * l[i + 1] + a * (l[i] - l[i + 1]);
		e0 += L[i - 1];
	}
	/* open group 100+: L = l(100) / m(100) (Preston et al. 2001, eq. 3.9) */
	L[MP_DEMOG_GROUPS - 1] = l[MP_DEMOG_NMX - 1] / pos(mx[MP_DEMOG_NMX - 1]);
	e0 += L[MP_DEMOG_GROUPS - 1];
	if (lx)
		for (int i = 0; i < MP_DEMOG_NMX; i++)
			lx[i] = l[i];
	return e0;
}

double mp_demog_lt1(int sex, const double *mx, double *L)
{
	double lA[MP_DEMOG_NMX], L5[MP_DEMOG_GROUPS], a0, a1;
	(void)mp_demog_lt5(sex, mx, L5, lA);
	young_ax(sex, mx[0], &a0, &a1);
	/* cumulative hazard H = -ln l at the abridged ages 1, 5, ..., 100 */
	double x[MP_DEMOG_NMX - 1], H[MP_DEMOG_NMX - 1], m[MP_DEMOG_NMX - 1];
	for (int i = 1; i < MP_DEMOG_NMX; i++) {
		x[i - 1] = i == 1 ? 1.0 : 5.0 * (i - 1);
		H[i - 1] = -log(pos(lA[i]));
	}
	mp_demog__hermite_slopes(x, H, MP_DEMOG_NMX - 1, 1, m);
	double lprev = lA[1], e0;
	L[0] = lA[1] + a0 * (1 - lA[1]);
	e0 = L[0];
	for (int a = 1; a < MP_DEMOG_AGES - 1; a++) {
		double lnext = (a + 1) % 5 == 0 ? lA[(a + 1) / 5 + 1]
						: exp(-mp_demog__hermite_eval(x, H, m, MP_DEMOG_NMX - 1, a + 1.0));
		if (lnext > lprev)
			lnext = lprev;
		double r = lprev > 0 && lnext > 0 ? log(lprev / lnext) : 0;
		L[a] = r > 1e-12 ? (lprev - lnext) / r : lprev;
		e0 += L[a];
		lprev = lnext;
	}
	L[MP_DEMOG_AGES - 1] = lA[MP_DEMOG_NMX - 1] / pos(mx[MP_DEMOG_NMX - 1]);
	return e0 + L[MP_DEMOG_AGES - 1];
}

void mp_demog_survival(const double *L, int nage, int width, double *sx)
{
	sx[0] = L[0] / width;
	for (int a = 1; a < nage - 1; a++)
		sx[a] = L[a - 1] > 0 ? L[a] / L[a - 1] : 0;
	double d = L[nage - 2] + L[nage - 1];
	sx[nage - 1] = d > 0 ? L[nage - 1] / d : 0;
}
