/* Voting, coalitions and the Probabilistic Condorcet Election of KTAB
 * (KTAB/kmodel/libsrc/kmodel.cpp: Model::vote, Model::coalitions, Model::vProb,
 * Model::condPCE, Model::markovUniformPCE, Model::markovIncentivePCE, Model::scalarPCE;
 * docs/bargaining.md B.4). Allocation-free: the caller passes a workspace. */
#include "bargain/smp_internal.h"

#include <stdlib.h>

/* Model::vProb for two strengths. */
void mp_smp__vprob(mp_smp_vpm vpm, double s1, double s2, double *p1, double *p2)
{
	double x1 = 0, x2 = 0;
	switch (vpm) {
	case MP_SMP_VPM_LINEAR:
		x1 = s1;
		x2 = s2;
		break;
	case MP_SMP_VPM_SQUARE:
		x1 = s1 * s1;
		x2 = s2 * s2;
		break;
	case MP_SMP_VPM_QUARTIC:
		x1 = (s1 * s1) * (s1 * s1);
		x2 = (s2 * s2) * (s2 * s2);
		break;
	case MP_SMP_VPM_OCTIC: {
		double q1 = (s1 * s1) * (s1 * s1), q2 = (s2 * s2) * (s2 * s2);
		x1 = q1 * q1;
		x2 = q2 * q2;
		break;
	}
	case MP_SMP_VPM_BINARY: {
		/* certain victory at a 10 % advantage, linear interpolation inside */
		const double thresh = 1.10, minX = 1e-6;
		if (s1 >= thresh * s2) {
			x1 = 1.0;
			x2 = minX;
		} else if (s2 >= thresh * s1) {
			x1 = minX;
			x2 = 1.0;
		} else {
			double r12 = s1 / (s1 + s2);
			double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
			x1 = p12;
			x2 = 1 - p12;
		}
		break;
	}
	}
	*p1 = x1 / (x1 + x2);
	*p2 = x2 / (x1 + x2);
}

/* Model::scalarPCE: options' probabilities from utilities u (na x no, row-major),
 * actor weights w, voting rule, victory model and PCE model. ws: 3*no*no doubles + no. */
void mp_smp__scalar_pce(size_t na, size_t no, const double *w, const double *u, mp_smp_vr vr, mp_smp_vpm vpm,
			mp_smp_pce pcem, double *p, double *ws)
{
	double *c = ws, *pv = ws + no * no, *ch = ws + 2 * no * no, *q = ws + 3 * no * no;
	/* Model::coalitions: c(i,j) = 1e-8 + sum_k max(0, v_k(i,j)). */
	const double minC = 1e-8;
	for (size_t i = 0; i < no; i++) {
		for (size_t j = 0; j < i; j++) {
			double cij = minC, cji = minC;
			for (size_t k = 0; k < na; k++) {
				double v = mp_smp__vote(vr, w[k], u[k * no + i], u[k * no + j]);
				if (v > 0)
					cij = cij + v;
				if (v < 0)
					cji = cji - v;
			}
			c[i * no + j] = cij;
			c[j * no + i] = cji;
		}
		c[i * no + i] = minC;
	}
	mp_smp__pce_from_coalitions(no, c, vpm, pcem, p, pv, ch, q);
}

/* Model::probCE2 from coalition strengths c (no x no). pv, ch: no*no; q: no. */
void mp_smp__pce_from_coalitions(size_t no, const double *c, mp_smp_vpm vpm, mp_smp_pce pcem, double *p, double *pv,
				 double *ch, double *q)
{
	for (size_t i = 0; i < no; i++) {
		for (size_t j = 0; j < i; j++)
			mp_smp__vprob(vpm, c[i * no + j], c[j * no + i], &pv[i * no + j], &pv[j * no + i]);
		pv[i * no + i] = 0.5;
	}
	switch (pcem) {
	case MP_SMP_PCE_CONDITIONAL: {
		/* Model::condPCE: p_i proportional to prod_j P(i,j). */
		double sum = 0;
		for (size_t i = 0; i < no; i++) {
			double pi = 1.0;
			for (size_t j = 0; j < no; j++)
				pi = pi * pv[i * no + j];
			p[i] = pi;
		}
		for (size_t i = 0; i < no; i++)
			sum += p[i];
		for (size_t i = 0; i < no; i++)
			p[i] = p[i] / sum;
		break;
	}
	case MP_SMP_PCE_MARKOV_UNIFORM: {
		/* Model::markovUniformPCE: p_i = (1/n) sum_j P(i,j)(p_i + p_j), damped. */
		for (size_t i = 0; i < no; i++)
			p[i] = 1.0 / (double)no;
		double change = 1.0;
		unsigned iter = 0;
		while (1e-6 < change && iter < 1000) {
			change = 0;
			for (size_t i = 0; i < no; i++) {
				double pi = 0.0;
				for (size_t j = 0; j < no; j++)
					pi = pi + pv[i * no + j] * (p[i] + p[j]);
				q[i] = pi / (double)no;
				double d = fabs(q[i] - p[i]);
				change = d > change ? d : change;
			}
			for (size_t i = 0; i < no; i++)
				p[i] = (p[i] + q[i]) / 2.0;
			iter++;
		}
		break;
	}
	case MP_SMP_PCE_MARKOV_INCENTIVE: {
		/* Model::markovIncentivePCE: challenge propensities proportional to
		 * c(i,j) P(i,j) (+1e-10 on the diagonal), normalised per incumbent j. */
		for (size_t j = 0; j < no; j++) {
			double sum = 0.0;
			for (size_t k = 0; k < no; k++) {
				double in = c[k * no + j] * pv[k * no + j] + (k == j ? 1e-10 : 0.0);
				sum = sum + in;
			}
			for (size_t i = 0; i < no; i++) {
				double in = c[i * no + j] * pv[i * no + j] + (i == j ? 1e-10 : 0.0);
				ch[i * no + j] = in / sum;
			}
		}
		for (size_t i = 0; i < no; i++)
			p[i] = 1.0 / (double)no;
		double change = 1.0;
		unsigned iter = 0;
		while (1e-8 < change && iter < 1000) {
			change = 0.0;
			for (size_t i = 0; i < no; i++) {
				double qi = 0.0;
				for (size_t j = 0; j < no; j++) {
					double cj = p[i] * ch[j * no + i] + p[j] * ch[i * no + j];
					qi = qi + pv[i * no + j] * cj;
				}
				q[i] = qi;
				double d = fabs(q[i] - p[i]);
				change = d > change ? d : change;
			}
			for (size_t i = 0; i < no; i++)
				p[i] = (p[i] + q[i]) / 2.0;
			iter++;
		}
		break;
	}
	}
}
