/* KTAB's Spatial Model of Politics (KAPSARC, lsyaseen/KTAB commit 3b5b063,
 * examples/smp/libsrc/smp.cpp and smpbcn.cpp; docs/bargaining.md Part B).
 *
 * One turn (SMPState::stepBCN / doBCN):
 *  1. every initiator i picks the target j with the largest own-estimated gain
 *     (SMPState::probEduChlg, bestChallenge) and interpolates a bargain (interpolateBrgn);
 *  2. each actor k resolves its queue (own status quo + bargains it is part of) by a scalar
 *     PCE over the bargains' average utilities and moves to its side of the winner;
 *  3. the new state gets its distance matrix, risk attitudes (setAllAUtil) and position
 *     probabilities (pDist(-1), posProb).
 * The utilities U^h(i,j) = u(d_ij, R_hi) are computed on the fly from the distance matrix and
 * the risk attitudes instead of storing KTAB's n matrices of n x n.
 */
#include "bargain/smp_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/rng.h"
#ifdef _OPENMP
#include <omp.h>
#endif

typedef struct {
	size_t init, rcvr; /* init == rcvr: status quo of that actor */
	size_t off;        /* offset of bi (m) then bj (m) in the bargain coordinate store */
} bargain;

struct mp_bargain_smp {
	mp_ctx *ctx;
	mp_bargain_smp_options opt;
	size_t n, m;
	int turn;
	double *cap, *sal, *ssum; /* capabilities, saliences (n*m), their sums per actor */
	double *x;                /* current positions (n*m) on [0,1] */
	double *hist;             /* positions of turns 0..turn */
	size_t hist_cap;
	double *D;               /* n*n: d_ij = bvDiff(ideal_i - x_j, s_i) */
	double *R;               /* n risk attitudes */
	double *pp;              /* n position probabilities */
	size_t *uidx, *eidx, nu; /* unique positions and actor -> unique index */
	double d01, ratio, lastD;
	mp_bargain_smp_challenge *ch;
	size_t nch;
	/* workspaces */
	bargain *bg;              /* bargains of a turn */
	double *bc;               /* their coordinates */
	size_t *qk, *qb, *qstart; /* queue entries (actor, bargain), bucketed by actor */
	size_t *qs, *fill;        /* bucketed entries, bucket cursors */
	double *u;                /* n x (n+1)... utilities for a PCE */
	double *p;                /* PCE result */
	double *ws;               /* PCE workspace */
	double *xn;               /* next positions */
	size_t wsn;               /* options capacity of the workspaces */
	double *uown;             /* n*n: aUtil[i](i, j) */
	double *uh;               /* nthreads * n*n: aUtil[h] tables */
	long *bj;                 /* per initiator: best target, */
	double *bp, *be, *bq;     /* its probability, gain, and j's estimate */
	int nthreads;
	/* progress within a turn (mp_bargain__smp_progress): task, turns before, total */
	const char *prog_task;
	double prog_base, prog_total;
	size_t prog_done;
};

void mp_bargain__smp_progress(mp_bargain_smp *s, const char *task, double base, double total)
{
	s->prog_task = task;
	s->prog_base = base;
	s->prog_total = total;
}

/* Progress after each initiator's challenges (most of a turn's cost); only thread 0
 * reports, every 16 initiators. */
static void initiator_done(mp_bargain_smp *s)
{
	if (!s->prog_task)
		return;
	size_t d;
#ifdef _OPENMP
#pragma omp atomic capture
#endif
	d = ++s->prog_done;
#ifdef _OPENMP
	if (omp_get_thread_num() != 0)
		return;
#endif
	if ((d & 15) == 0)
		mp_progress(s->ctx, s->prog_task, s->prog_base + 0.9 * (double)d / (double)s->n, s->prog_total);
}

/* SMPModel::bsUtil: u(d, R) = (1 - d)(1 + d R), and (1 - d)(1 + R) beyond d = 1 (B.3). */
static inline double bs_util(double sd, double R)
{
	if (sd <= 1)
		return (1 - sd) * (1 + sd * R);
	return (1 - sd) * (1 + R);
}

/* SMPModel::bvDiff: sqrt(sum_k (s_k d_k)^2 / sum_k s_k^2) (B.3). */
static inline double bv_diff(size_t m, const double *a, const double *b, const double *s)
{
	double ds2 = 0, ss2 = 0;
	for (size_t k = 0; k < m; k++) {
		const double ds = (a[k] - b[k]) * s[k];
		ds2 = ds2 + ds * ds;
		ss2 = ss2 + s[k] * s[k];
	}
	return sqrt(ds2 / ss2);
}

/* Model::estNRA: h's estimate of i's risk attitude (BigRAdjust, B.5 step 4). */
static inline double est_nra(mp_smp_radj ra, double rh, double ri)
{
	switch (ra) {
	case MP_SMP_RADJ_FULL: return ri;
	case MP_SMP_RADJ_TWOTHIRDS: return (rh + (2.0 * ri)) / 3.0;
	case MP_SMP_RADJ_HALF: return (rh + ri) / 2;
	case MP_SMP_RADJ_ONETHIRD: return ((2.0 * rh) + ri) / 3.0;
	case MP_SMP_RADJ_NONE: return rh;
	}
	return rh;
}

/* aUtil[h](i, j): h's estimate of i's utility for j's position. */
static inline double U(const mp_bargain_smp *s, size_t h, size_t i, size_t j)
{
	return bs_util(s->D[i * s->n + j], est_nra(s->opt.radj, s->R[h], s->R[i]));
}

static double norm_diff(size_t m, const double *a, const double *b)
{
	double t = 0;
	for (size_t k = 0; k < m; k++)
		t += (a[k] - b[k]) * (a[k] - b[k]);
	return sqrt(t);
}

void mp_bargain_smp_free(mp_bargain_smp *s)
{
	if (!s)
		return;
	free(s->cap);
	free(s->sal);
	free(s->ssum);
	free(s->x);
	free(s->hist);
	free(s->D);
	free(s->R);
	free(s->pp);
	free(s->uidx);
	free(s->eidx);
	free(s->ch);
	free(s->bg);
	free(s->bc);
	free(s->qk);
	free(s->qb);
	free(s->qstart);
	free(s->qs);
	free(s->fill);
	free(s->u);
	free(s->p);
	free(s->ws);
	free(s->xn);
	free(s->uown);
	free(s->uh);
	free(s->bj);
	free(s->bp);
	free(s->be);
	free(s->bq);
	free(s);
}

/* Distances, risk attitudes (SMPState::setAllAUtil) and position probabilities
 * (SMPState::pDist(-1), State::posProb) of the current state. */
static void prepare(mp_bargain_smp *s)
{
	size_t n = s->n, m = s->m;
	/* d_ij with the identity accommodation matrix: ideal_i = x_i (B.2). */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			s->D[i * n + j] = bv_diff(m, s->x + i * m, s->x + j * m, s->sal + i * m);
	/* Risk-neutral utilities, capability-weighted votes over all actors' positions, PCE. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			s->u[i * n + j] = bs_util(s->D[i * n + j], 0.0);
	mp_smp__scalar_pce(n, n, s->cap, s->u, s->opt.vr, s->opt.vpm, s->opt.pce, s->p, s->ws);
	/* Model::bigRfromProb (BigRRange, B.5 step 3). */
	double pmin = 1.0, pmax = 0.0;
	for (size_t i = 0; i < n; i++) {
		pmin = s->p[i] < pmin ? s->p[i] : pmin;
		pmax = s->p[i] > pmax ? s->p[i] : pmax;
	}
	for (size_t i = 0; i < n; i++) {
		double pi = s->p[i], r;
		if (!(pmax > pmin))
			r = 0.0; /* all equally likely: KTAB divides 0/0; we take risk neutrality */
		else if (s->opt.rrange == MP_SMP_RRANGE_MIN)
			r = (pi - pmin) / (pmax - pmin);
		else if (s->opt.rrange == MP_SMP_RRANGE_MID)
			r = (3 * pi - (pmax + 2 * pmin)) / (2 * (pmax - pmin));
		else
			r = (2 * pi - (pmax + pmin)) / (pmax - pmin);
		s->R[i] = r;
	}
	/* Unique positions (KBase::ueIndices with SMPState::equivNdx: distance < posTol). */
	s->nu = 0;
	for (size_t i = 0; i < n; i++) {
		size_t found = SIZE_MAX;
		for (size_t t = 0; t < s->nu && found == SIZE_MAX; t++)
			if (norm_diff(m, s->x + i * m, s->x + s->uidx[t] * m) < s->opt.pos_tol)
				found = t;
		if (found == SIZE_MAX) {
			s->uidx[s->nu] = i;
			found = s->nu++;
		}
		s->eidx[i] = found;
	}
	/* Own-perspective utilities aUtil[i](i, j). */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			s->uown[i * n + j] = U(s, i, i, j);
	/* pDist(-1): u(i, j) = aUtil[i](i, uidx[j]), proportional voting, capability weights. */
	size_t nu = s->nu;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < nu; j++)
			s->u[i * nu + j] = s->uown[i * n + s->uidx[j]];
	mp_smp__scalar_pce(n, nu, s->cap, s->u, MP_SMP_VR_PROP, s->opt.vpm, s->opt.pce, s->p, s->ws);
	/* State::posProb: the last unique position equivalent to the actor's. */
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		for (size_t t = 0; t < nu; t++)
			if (norm_diff(m, s->x + i * m, s->x + s->uidx[t] * m) < s->opt.pos_tol)
				k = t;
		s->pp[i] = s->p[k];
	}
}

int mp_bargain_smp_new(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_smp_options *opt, mp_bargain_smp **out)
{
	mp_bargain_smp_options def = MP_BARGAIN_SMP_OPTIONS_INIT;
	if (!opt)
		opt = &def;
	if (opt->version != MP_BARGAIN_SMP_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "SMP: options version %d, expected %d", opt->version,
				    MP_BARGAIN_SMP_OPTIONS_VERSION);
	char at[512];
	if (in->n < 3)
		return mp_error_set(ctx, MP_EINPUT, "%sSMP: expected at least 3 actors, got %zu",
				    mp_bargain__at(in, in->n, at, sizeof at), in->n);
	int rc = mp_bargain__check_size(ctx, in, MP_BARGAIN_MODEL_SMP);
	if (rc)
		return rc;
	/* the input first, before any n x n table is allocated */
	for (size_t i = 0; i < in->n; i++) {
		if (!(in->cap[i] > 0) || !isfinite(in->cap[i]))
			return mp_error_set(ctx, MP_EINPUT, "%sSMP: actor \"%s\": capability must be a number > 0",
					    mp_bargain__at(in, i, at, sizeof at), in->actor[i]);
		double ss = 0;
		for (size_t k = 0; k < in->m; k++)
			ss = ss + in->sal[i * in->m + k];
		if (!(ss > 0) || ss > 1 + 1e-9)
			return mp_error_set(
				ctx, MP_EINPUT,
				"%sSMP: actor \"%s\": saliences must sum to a number in (0,1], got %g (the SMP "
				"needs every actor to care about the issues)",
				mp_bargain__at(in, i, at, sizeof at), in->actor[i], ss);
	}
	size_t n = in->n, m = in->m;
	mp_bargain_smp *s = calloc(1, sizeof *s);
	if (!s)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	s->ctx = ctx;
	s->opt = *opt;
	s->n = n;
	s->m = m;
	s->ratio = MP_NA;
	s->wsn = 3 * n + 1; /* a queue holds at most 1 + 2 bargains per actor (InitRcvr) */
	size_t W = s->wsn;
	s->cap = malloc(n * sizeof *s->cap);
	s->sal = malloc(n * m * sizeof *s->sal);
	s->ssum = malloc(n * sizeof *s->ssum);
	s->x = malloc(n * m * sizeof *s->x);
	s->hist_cap = 16;
	s->hist = malloc(s->hist_cap * n * m * sizeof *s->hist);
	s->D = malloc(n * n * sizeof *s->D);
	s->R = malloc(n * sizeof *s->R);
	s->pp = malloc(n * sizeof *s->pp);
	s->uidx = malloc(n * sizeof *s->uidx);
	s->eidx = malloc(n * sizeof *s->eidx);
	s->ch = malloc(n * sizeof *s->ch);
	s->bg = malloc(3 * n * sizeof *s->bg);
	s->bc = malloc(3 * n * 2 * m * sizeof *s->bc);
	s->qk = malloc(5 * n * sizeof *s->qk);
	s->qb = malloc(5 * n * sizeof *s->qb);
	s->qstart = malloc((n + 1) * sizeof *s->qstart);
	s->qs = malloc(5 * n * sizeof *s->qs);
	s->fill = malloc(n * sizeof *s->fill);
	s->u = malloc(n * W * sizeof *s->u);
	s->p = malloc(W * sizeof *s->p);
	s->ws = malloc((3 * W * W + W) * sizeof *s->ws);
	s->xn = malloc(n * m * sizeof *s->xn);
	s->nthreads = 1;
#ifdef _OPENMP
	s->nthreads = omp_get_max_threads();
#endif
	s->uown = malloc(n * n * sizeof *s->uown);
	s->uh = malloc((size_t)s->nthreads * n * n * sizeof *s->uh);
	s->bj = malloc(n * sizeof *s->bj);
	s->bp = malloc(n * sizeof *s->bp);
	s->be = malloc(n * sizeof *s->be);
	s->bq = malloc(n * sizeof *s->bq);
	if (!s->cap || !s->sal || !s->ssum || !s->x || !s->hist || !s->D || !s->R || !s->pp || !s->uidx || !s->eidx ||
	    !s->ch || !s->bg || !s->bc || !s->qk || !s->qb || !s->qstart || !s->qs || !s->fill || !s->u || !s->p ||
	    !s->ws || !s->xn || !s->uown || !s->uh || !s->bj || !s->bp || !s->be || !s->bq) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory (SMP with %zu actors)", n);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		s->cap[i] = in->cap[i];
		double ss = 0;
		for (size_t k = 0; k < m; k++) {
			double lo = in->scale_lo[k], hi = in->scale_hi[k];
			/* KTAB reads positions and saliences on 0..100 and divides by 100; our
			 * scenarios give the scale's end points. */
			s->x[i * m + k] = (in->pos[i * m + k] - lo) / (hi - lo);
			s->sal[i * m + k] = in->sal[i * m + k];
			ss = ss + in->sal[i * m + k];
		}
		s->ssum[i] = ss;
	}
	memcpy(s->hist, s->x, n * m * sizeof *s->x);
	prepare(s);
	*out = s;
	s = NULL;
done:
	mp_bargain_smp_free(s);
	return rc;
}

/* SMPState::probEduChlg(h, k, i, j): h's estimate of the probability that i prevails over j
 * and of the expected change in k's utility when i challenges j (B.6). */
static void prob_edu_chlg(const mp_bargain_smp *s, const double *Uh, size_t k, size_t i, size_t j, double *phij,
			  double *du)
{
	const mp_smp_vr vr = s->opt.vr;
	const size_t n = s->n;
#define UH(a, b) Uh[(a)*n + (b)]
	const double uii = UH(i, i), uij = UH(i, j), uji = UH(j, i), ujj = UH(j, j);
	/* status quo, i wins (j adopts x_i), j wins (i adopts x_j) */
	const double euSQ = UH(k, i) + UH(k, j);
	const double uhkij = UH(k, i) + UH(k, i);
	const double uhkji = UH(k, j) + UH(k, j);
	const double si = s->ssum[i], ci = s->cap[i], sj = s->ssum[j], cj = s->cap[j];
	const double minCltn = 1e-10;
	double ci_ij = mp_smp__vote(vr, si * ci, uii, uij);
	double cj_ij = mp_smp__vote(vr, sj * cj, uji, ujj);
	double chij = minCltn, chji = minCltn;
	if (ci_ij > 0.0)
		chij = chij + ci_ij;
	if (ci_ij < 0.0)
		chji = chji - ci_ij;
	if (cj_ij > 0.0)
		chij = chij + cj_ij;
	if (cj_ij < 0.0)
		chji = chji - cj_ij;
	const double con_i = chij, con_j = chji;
	for (size_t nn = 0; nn < s->n; nn++) {
		if (nn == i || nn == j)
			continue;
		const double wn = s->ssum[nn] * s->cap[nn];
		const double uni = UH(nn, i), unj = UH(nn, j), unn = UH(nn, nn);
		/* Actor::vProbLittle: the three-way contest with n's order-zero vote. */
		double vn = mp_smp__vote(vr, wn, uni, unj);
		double cni = vn > 0 ? con_i + vn : con_i;
		double cnj = vn < 0 ? con_j - vn : con_j;
		double pin = cni / (cni + cnj);
		double pjn = 1.0 - pin;
		/* Actor::thirdPartyVoteSU (ThirdPartyCommit). */
		double u_ik_def_j, u_j_def_ik, u_i_def_jk, u_jk_def_i;
		switch (s->opt.tpc) {
		case MP_SMP_TPC_FULLCOMMIT:
			u_ik_def_j = uni + uni + uni;
			u_j_def_ik = unj + unj + unj;
			u_i_def_jk = uni + uni + uni;
			u_jk_def_i = unj + unj + unj;
			break;
		case MP_SMP_TPC_SEMICOMMIT:
			u_ik_def_j = uni + uni + unn;
			u_j_def_ik = unj + unj + unj;
			u_i_def_jk = uni + uni + uni;
			u_jk_def_i = unj + unj + unn;
			break;
		default: /* NoCommit */
			u_ik_def_j = uni + uni + unn;
			u_j_def_ik = unj + unj + unn;
			u_i_def_jk = uni + uni + unn;
			u_jk_def_i = unj + unj + unn;
			break;
		}
		double u_ik_j = (pin * u_ik_def_j) + (pjn * u_j_def_ik);
		double u_i_jk = (pin * u_i_def_jk) + (pjn * u_jk_def_i);
		double vk = mp_smp__vote(vr, wn, u_ik_j, u_i_jk);
		chij = vk > 0 ? chij + vk : chij;
		chji = vk < 0 ? chji - vk : chji;
	}
	const double pij = chij / (chij + chji), pji = chji / (chij + chji);
	/* the target's total salience is the probability that it resists */
	const double euCntst = pij * uhkij + pji * uhkji;
	const double euChlg = (1 - sj) * uhkij + sj * euCntst;
	*phij = pij;
	*du = euChlg - euSQ;
#undef UH
}

/* Fills Uh = aUtil[h] (n x n): h's estimates of every actor's utility for every position. */
static void fill_uh(const mp_bargain_smp *s, size_t h, double *Uh)
{
	size_t n = s->n;
	for (size_t a = 0; a < n; a++) {
		double rha = est_nra(s->opt.radj, s->R[h], s->R[a]);
		for (size_t b = 0; b < n; b++)
			Uh[a * n + b] = bs_util(s->D[a * n + b], rha);
	}
}

/* SMPActor::interpBrgnSnPm: weights s^n p^m, 1e-6 bias to each side, rounded to 4 decimals. */
static double round4(double x1)
{
	const double sc = 10000.0;
	const int y = (int)(0.5 + (x1 * sc));
	return ((double)y) / sc;
}

static void interpolate(const mp_bargain_smp *s, size_t i, size_t j, double prbI, double prbJ, double *bi, double *bj)
{
	size_t m = s->m;
	for (size_t k = 0; k < m; k++) {
		double tik = s->x[i * m + k], sik = s->sal[i * m + k];
		double tjk = s->x[j * m + k], sjk = s->sal[j * m + k];
		if (s->opt.ivb == MP_SMP_IVB_S2PMAX) {
			/* SMPActor::interpBrgnS2PMax */
			double di = (prbJ > prbI) ? (prbJ - prbI) : 0;
			double dj = (prbI > prbJ) ? (prbI - prbJ) : 0;
			double sik2 = sik * sik, sjk2 = sjk * sjk;
			const double minW = 1e-6;
			double dik = (di * sjk2) / ((di * sjk2) + minW + ((1 - di) * sik2));
			double djk = (dj * sik2) / ((dj * sik2) + minW + ((1 - dj) * sjk2));
			bi[k] = tik + dik * (tjk - tik);
			bj[k] = tjk + djk * (tik - tjk);
		} else {
			double e = s->opt.ivb == MP_SMP_IVB_S1P1 ? 1.0 : 2.0;
			double wik = pow(sik, e) * pow(prbI, e);
			double wjk = pow(sjk, e) * pow(prbJ, e);
			const double minW = 1e-6;
			bi[k] = round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk));
			bj[k] = round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk));
		}
	}
}

static int new_bargain(mp_bargain_smp *s, size_t *nb, size_t init, size_t rcvr)
{
	bargain *b = &s->bg[*nb];
	b->init = init;
	b->rcvr = rcvr;
	b->off = *nb * 2 * s->m;
	return (int)(*nb)++;
}

/* SMPActor::posUtil: nai's utility for position p (own risk attitude). */
static inline double pos_util(const mp_bargain_smp *s, size_t nai, const double *p)
{
	return bs_util(bv_diff(s->m, s->x + nai * s->m, p, s->sal + nai * s->m), s->R[nai]);
}

int mp_bargain_smp_step(mp_bargain_smp *s)
{
	size_t n = s->n, m = s->m;
	size_t nb = 0, nq = 0;
	s->nch = 0;
	/* 1a. Each initiator's best challenge (bestChallengeUtils, bestChallenge): the largest
	 * own-estimated gain above 1e-5, the first in actor order on ties. Independent per
	 * initiator, so computed in parallel with one aUtil[h] table per thread. */
	int need_j = s->opt.bm != MP_SMP_BM_INITONLY;
	s->prog_done = 0;
#pragma omp parallel for schedule(dynamic, 1) num_threads(s->nthreads) if (n >= 64)
	for (size_t i = 0; i < n; i++) {
#ifdef _OPENMP
		double *Uh = s->uh + (size_t)omp_get_thread_num() * n * n;
#else
		double *Uh = s->uh;
#endif
		fill_uh(s, i, Uh);
		long bestJ = -1;
		double pIJ = 0, bestEU = -1.0;
		for (size_t j = 0; j < n; j++) {
			if (j == i)
				continue;
			double pij, edu;
			prob_edu_chlg(s, Uh, i, i, j, &pij, &edu);
			if ((1e-5 < edu) && (bestEU < edu)) {
				bestJ = (long)j;
				pIJ = pij;
				bestEU = edu;
			}
		}
		s->bj[i] = bestJ;
		s->bp[i] = pIJ;
		s->be[i] = bestEU;
		if (need_j && 0 < bestEU && bestJ >= 0) {
			/* j's version: KTAB takes the second element of probEduChlg(j, i, i, j), which
			 * is the expected gain, not the probability (smpbcn.cpp; kept as in KTAB). */
			double pj, dj;
			fill_uh(s, (size_t)bestJ, Uh);
			prob_edu_chlg(s, Uh, i, i, (size_t)bestJ, &pj, &dj);
			s->bq[i] = dj;
		}
		initiator_done(s);
	}
	/* 1b. Bargains and queue entries in KTAB's order. */
	for (size_t i = 0; i < n; i++) {
		int sq = new_bargain(s, &nb, i, i);
		s->qk[nq] = i;
		s->qb[nq++] = (size_t)sq;
		long bestJ = s->bj[i];
		double pIJ = s->bp[i], bestEU = s->be[i];
		if (!(0 < bestEU) || bestJ < 0)
			continue;
		size_t j = (size_t)bestJ;
		s->ch[s->nch++] = (mp_bargain_smp_challenge){ i, j, bestEU, pIJ };
		int b1 = new_bargain(s, &nb, i, j);
		interpolate(s, i, j, pIJ, 1 - pIJ, s->bc + s->bg[b1].off, s->bc + s->bg[b1].off + m);
		if (s->opt.bm == MP_SMP_BM_INITONLY) {
			s->qk[nq] = i;
			s->qb[nq++] = (size_t)b1;
			s->qk[nq] = j;
			s->qb[nq++] = (size_t)b1;
			continue;
		}
		double pjiJ = s->bq[i];
		int b2 = new_bargain(s, &nb, i, j);
		interpolate(s, i, j, pjiJ, 1 - pjiJ, s->bc + s->bg[b2].off, s->bc + s->bg[b2].off + m);
		if (s->opt.bm == MP_SMP_BM_INITRCVR) {
			s->qk[nq] = i;
			s->qb[nq++] = (size_t)b1;
			s->qk[nq] = i;
			s->qb[nq++] = (size_t)b2;
			s->qk[nq] = j;
			s->qb[nq++] = (size_t)b1;
			s->qk[nq] = j;
			s->qb[nq++] = (size_t)b2;
			continue;
		}
		/* PWCompInterp: weights c_i*sum(s_i) and, as written in KTAB, c_i*sum(s_j). */
		double wi = s->cap[i] * s->ssum[i], wj = s->cap[i] * s->ssum[j];
		double *p1 = s->bc + s->bg[b1].off, *p2 = s->bc + s->bg[b2].off;
		for (size_t t = 0; t < 2 * m; t++)
			p1[t] = (wi * p1[t] + wj * p2[t]) / (wi + wj);
		s->qk[nq] = i;
		s->qb[nq++] = (size_t)b1;
		s->qk[nq] = j;
		s->qb[nq++] = (size_t)b1;
	}
	/* Bucket the queue entries by actor, keeping their order. */
	memset(s->qstart, 0, (n + 1) * sizeof *s->qstart);
	for (size_t t = 0; t < nq; t++)
		s->qstart[s->qk[t] + 1]++;
	for (size_t k = 0; k < n; k++)
		s->qstart[k + 1] += s->qstart[k];
	size_t *fill = s->fill, *qsorted = s->qs;
	for (size_t k = 0; k < n; k++)
		fill[k] = s->qstart[k];
	for (size_t t = 0; t < nq; t++)
		qsorted[fill[s->qk[t]]++] = s->qb[t];
	/* 2. Each actor resolves its queue (brgnUtil, scalarPCE, ndxMaxAbs). */
	for (size_t k = 0; k < n; k++) {
		size_t q0 = s->qstart[k], nbk = s->qstart[k + 1] - q0;
		for (size_t nai = 0; nai < n; nai++) {
			for (size_t mm = 0; mm < nbk; mm++) {
				const bargain *b = &s->bg[qsorted[q0 + mm]];
				double ua = 0.0;
				if (b->init == b->rcvr) {
					const double *uo = s->uown + nai * n;
					for (size_t t = 0; t < n; t++)
						ua = ua + uo[t];
				} else {
					ua = ua + pos_util(s, nai, s->bc + b->off);
					ua = ua + pos_util(s, nai, s->bc + b->off + m);
					const double *uo = s->uown + nai * n;
					for (size_t t = 0; t < n; t++)
						if (b->init != t && b->rcvr != t)
							ua = ua + uo[t];
				}
				s->u[nai * nbk + mm] = ua / (double)n;
			}
		}
		mp_smp__scalar_pce(n, nbk, s->cap, s->u, s->opt.vr, s->opt.vpm, s->opt.pce, s->p, s->ws);
		size_t best = 0;
		if (s->opt.stm == MP_SMP_STM_DETERMINISTIC) {
			double mx = -1;
			for (size_t mm = 0; mm < nbk; mm++)
				if (fabs(s->p[mm]) > mx) {
					mx = fabs(s->p[mm]);
					best = mm;
				}
		} else {
			/* Stochastic: one uniform draw keyed by (seed, turn, actor). */
			mp_rng r;
			mp_rng_init(&r, s->opt.seed, (uint32_t)s->turn, (uint32_t)k);
			double uu = mp_rng_uniform(&r), acc = 0;
			best = nbk - 1;
			for (size_t mm = 0; mm < nbk; mm++) {
				acc += s->p[mm];
				if (uu < acc) {
					best = mm;
					break;
				}
			}
		}
		const bargain *b = &s->bg[qsorted[q0 + best]];
		const double *src = s->x + k * m;
		if (b->init != b->rcvr)
			src = b->init == k ? s->bc + b->off : s->bc + b->off + m;
		memcpy(s->xn + k * m, src, m * sizeof *src);
	}
	/* 3. Move, record, measure the change (SMPModel::stateDist). */
	double D = 0;
	for (size_t i = 0; i < n; i++)
		D = D + norm_diff(m, s->xn + i * m, s->x + i * m);
	memcpy(s->x, s->xn, n * m * sizeof *s->x);
	s->turn++;
	if (s->turn == 1)
		s->d01 = D + 1e-4;
	s->lastD = D;
	s->ratio = D / s->d01;
	if ((size_t)s->turn + 1 > s->hist_cap) {
		size_t nc = s->hist_cap * 2;
		double *h = realloc(s->hist, nc * n * m * sizeof *h);
		if (!h)
			return mp_error_set(s->ctx, MP_ENOMEM, "out of memory");
		s->hist = h;
		s->hist_cap = nc;
	}
	memcpy(s->hist + (size_t)s->turn * n * m, s->x, n * m * sizeof *s->x);
	prepare(s);
	return MP_OK;
}

mp_bargain_stop mp_bargain_smp_status(const mp_bargain_smp *s, int rules, int max_turns)
{
	size_t nm = s->n * s->m;
	if (s->turn == 0)
		return max_turns <= 0 ? MP_BARGAIN_STOP_ROUNDS : MP_BARGAIN_RUNNING;
	/* smpStopFn: after at least 2 turns, stop when D(t)/(D(1) + 1e-4) < 0.02. */
	if ((rules & MP_BARGAIN_STOPRULE_KTAB) && s->turn >= 2 && s->ratio < 0.02)
		return MP_BARGAIN_STOP_KTAB;
	if ((rules & MP_BARGAIN_STOPRULE_FIXED) && s->lastD == 0)
		return MP_BARGAIN_STOP_FIXED;
	if (rules & MP_BARGAIN_STOPRULE_CYCLE) {
		const double *cur = s->hist + (size_t)s->turn * nm;
		for (int t = 0; t < s->turn; t++)
			if (!memcmp(cur, s->hist + (size_t)t * nm, nm * sizeof *cur))
				return t == s->turn - 1 ? MP_BARGAIN_STOP_FIXED : MP_BARGAIN_STOP_CYCLE;
	}
	if (s->turn >= max_turns)
		return MP_BARGAIN_STOP_ROUNDS;
	return MP_BARGAIN_RUNNING;
}

size_t mp_bargain_smp_n(const mp_bargain_smp *s)
{
	return s->n;
}
size_t mp_bargain_smp_dims(const mp_bargain_smp *s)
{
	return s->m;
}
int mp_bargain_smp_turn(const mp_bargain_smp *s)
{
	return s->turn;
}
const double *mp_bargain_smp_positions(const mp_bargain_smp *s)
{
	return s->x;
}
const double *mp_bargain_smp_risk(const mp_bargain_smp *s)
{
	return s->R;
}
const double *mp_bargain_smp_position_prob(const mp_bargain_smp *s)
{
	return s->pp;
}
double mp_bargain_smp_change_ratio(const mp_bargain_smp *s)
{
	return s->ratio;
}

const mp_bargain_smp_challenge *mp_bargain_smp_challenges(const mp_bargain_smp *s, size_t *n)
{
	*n = s->nch;
	return s->ch;
}
