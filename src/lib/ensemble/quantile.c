/* Streaming quantiles: exact sample up to MP_ENSEMBLE_EXACT observations, then the
 * extended P-square algorithm for several quantiles at once (Jain & Chlamtac 1985, CACM
 * 28(10):1076-1085, "The P2 algorithm for dynamic calculation of quantiles and histograms
 * without storing observations"; extension to m quantiles with 2m+3 markers:
 * Raatikainen 1987, CACM 30(3):248-249). */
#include "ensemble/quantile.h"

#include "multipolar/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double mp_q_probs[5] = { 0.05, 0.25, 0.5, 0.75, 0.95 };

/* Marker probabilities: 0, p1/2, p1, (p1+p2)/2, p2, ..., p5, (1+p5)/2, 1. */
static const double f[MP_Q_NMARK] = { 0.0, 0.025, 0.05, 0.15, 0.25, 0.375, 0.5, 0.625, 0.75, 0.85, 0.95, 0.975, 1.0 };

void mp_qsum_init(mp_qsum *s)
{
	memset(s, 0, sizeof *s);
}

void mp_qsum_init_binary(mp_qsum *s)
{
	memset(s, 0, sizeof *s);
	s->binary = 1;
}

/* Switch from the exact sample to markers placed on its order statistics:
 * position n_i = 1 + round((N - 1) f_i), height = the n_i-th smallest value. */
static void to_markers(mp_qsum *s)
{
	double sorted[MP_ENSEMBLE_EXACT];
	memcpy(sorted, s->buf, sizeof sorted);
	mp_sort_doubles(sorted, MP_ENSEMBLE_EXACT);
	double *q = s->buf, *pos = s->buf + MP_Q_NMARK;
	for (int i = 0; i < MP_Q_NMARK; i++) {
		double p = 1.0 + floor((MP_ENSEMBLE_EXACT - 1) * f[i] + 0.5);
		pos[i] = p;
		q[i] = sorted[(int)p - 1];
	}
}

static void p2_add(mp_qsum *s, double x)
{
	double *q = s->buf, *n = s->buf + MP_Q_NMARK;
	int k;
	/* 1. find the cell k with q[k] <= x < q[k+1], extending the extremes */
	if (x < q[0]) {
		q[0] = x;
		k = 0;
	} else if (x >= q[MP_Q_NMARK - 1]) {
		q[MP_Q_NMARK - 1] = x;
		k = MP_Q_NMARK - 2;
	} else {
		k = 0;
		while (k < MP_Q_NMARK - 2 && x >= q[k + 1])
			k++;
	}
	/* 2. shift the positions of the markers above the cell */
	for (int i = k + 1; i < MP_Q_NMARK; i++)
		n[i] += 1.0;
	double N = (double)s->n; /* observations including x */
	/* 3. adjust the inner markers toward their desired positions 1 + (N - 1) f_i */
	for (int i = 1; i < MP_Q_NMARK - 1; i++) {
		double d = 1.0 + (N - 1.0) * f[i] - n[i];
		if ((d >= 1.0 && n[i + 1] - n[i] > 1.0) || (d <= -1.0 && n[i - 1] - n[i] < -1.0)) {
			double ds = d > 0 ? 1.0 : -1.0;
			/* piecewise-parabolic (P2) prediction, Jain & Chlamtac 1985 eq. (5) */
			double qp = q[i] + ds / (n[i + 1] - n[i - 1]) *
						   ((n[i] - n[i - 1] + ds) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) +
						    (n[i + 1] - n[i] - ds) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
			if (!(q[i - 1] < qp && qp < q[i + 1])) {
				/* linear fallback */
				int j = i + (int)ds;
				qp = q[i] + ds * (q[j] - q[i]) / (n[j] - n[i]);
			}
			q[i] = qp;
			n[i] += ds;
		}
	}
}

void mp_qsum_add(mp_qsum *s, double x)
{
	if (isnan(x))
		return;
	if (s->binary) {
		s->sum += x != 0 ? 1.0 : 0.0;
		s->n++;
		return;
	}
	s->sum += x;
	if (s->n < MP_ENSEMBLE_EXACT) {
		s->buf[s->n++] = x;
		return;
	}
	if (s->n == MP_ENSEMBLE_EXACT)
		to_markers(s);
	s->n++;
	p2_add(s, x);
}

void mp_qsum_result(const mp_qsum *s, double q[5], double *mean)
{
	if (s->n == 0) {
		for (int k = 0; k < 5; k++)
			q[k] = MP_NA;
		*mean = MP_NA;
		return;
	}
	*mean = s->sum / s->n;
	if (s->binary) {
		/* sorted sample: n - k zeros then k ones; type 7 at h = (n - 1) p */
		double zeros = s->n - s->sum;
		for (int k = 0; k < 5; k++) {
			double h = (s->n - 1) * mp_q_probs[k];
			double lo = floor(h);
			double vlo = lo >= zeros ? 1.0 : 0.0, vhi = lo + 1 >= zeros && lo + 1 < s->n ? 1.0 : vlo;
			q[k] = vlo + (h - lo) * (vhi - vlo);
		}
		return;
	}
	if (s->n > MP_ENSEMBLE_EXACT) {
		for (int k = 0; k < 5; k++)
			q[k] = s->buf[2 * (k + 1)];
		return;
	}
	/* exact: Hyndman & Fan (1996) type 7, h = (N - 1) p */
	double sorted[MP_ENSEMBLE_EXACT];
	memcpy(sorted, s->buf, s->n * sizeof *sorted);
	mp_sort_doubles(sorted, s->n);
	for (int k = 0; k < 5; k++)
		q[k] = mp_quantile_sorted(sorted, s->n, mp_q_probs[k]);
}
