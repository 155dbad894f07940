/* The expected-utility ("group decision") model of Bueno de Mesquita, in the form
 * reconstructed by Scholz, Calbert & Smith (2011, J. Theoretical Politics 23(4)) and
 * re-implemented by jmckib/bdm-scholz-expected-utility-model (commit 55f63e9), whose
 * quirks are the defaults here (Scholz et al. 2011; docs/bargaining.md Part A).
 *
 * Cost per round: probabilities are computed over the m distinct positions only.
 *  - Phases where every vote uses exponent 1 (the risk phase; both phases with raw votes):
 *    prefix sums over the voters sorted by position give each P(a,b) in O(log n):
 *    O(m^2 log n) per round, O(n) memory beyond the positions.
 *  - The offer phase with voter-specific exponents (the default): a table
 *    F[a][k] = (|x_k - u_a| / Delta)^r_k (m x n) and O(m^2 n) sums.
 *  - The global denominator (A.3 form 2) in O(n m) per phase from distances merged in
 *    sorted order, instead of the O(n^3) triple sum of the reference code.
 */
#include "bargain/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "multipolar/stats.h"

struct mp_bargain_eu {
	mp_ctx *ctx;
	mp_bargain_eu_options opt;
	size_t n;
	int round;
	double delta;      /* position range (A.1) */
	double *x;         /* n current positions */
	double *c, *s, *w; /* capability, salience, c*s */
	double *r;         /* n exponents of the last round */
	double *rv;        /* n voter exponents of the current phase */
	double *S;         /* n exposures */
	double *hist;      /* positions of rounds 0..round (cycle test) */
	size_t hist_cap;
	size_t last_moved;
	mp_bargain_eu_move *moves;
	size_t nmoves;
	mp_bargain_eu_pair *pairs; /* n*n if record_pairs */
	/* workspace */
	double *u; /* distinct positions, sorted (m) */
	size_t m;
	size_t *cnt;        /* multiplicity of each distinct position */
	size_t *pid;        /* n: actor -> distinct index */
	size_t *ord;        /* n: voters sorted by position */
	double *xs, *W, *X; /* sorted positions, prefix sums of w and w*x (n+1) */
	double *F;          /* m*n: g_k(u_a); after the phase set-up, each row's prefix sums
				  of w_k g_k(u_a) over the voters sorted by position */
	double *P;          /* m*m probability table (or NULL: on the fly) */
	double *g;          /* m: per-voter merge buffer */
	size_t *idx;        /* n: workspace of the median */
	double denom;       /* global denominator of the current phase */
	int fast;           /* current phase uses prefix sums */
	double sigma;       /* distance scale of the fast phase (1/Delta or 1) */
	double *rc;         /* nthreads x 2n: fast_row buffers */
	int nthreads;
	/* progress within a round (mp_bargain__eu_progress): task, rounds before, total */
	const char *prog_task;
	double prog_base, prog_total;
	size_t prog_done; /* receivers or targets done in the current loop */
};

void mp_bargain__eu_progress(mp_bargain_eu *m, const char *task, double base, double total)
{
	m->prog_task = task;
	m->prog_base = base;
	m->prog_total = total;
}

/* Reports progress as the fraction lo + (hi - lo) * done / n of the round; in a parallel
 * loop only the calling thread (thread 0) reports, every 64 iterations. */
static void loop_progress(mp_bargain_eu *m, double lo, double hi)
{
	if (!m->prog_task)
		return;
	size_t d;
#ifdef _OPENMP
#pragma omp atomic capture
#endif
	d = ++m->prog_done;
#ifdef _OPENMP
	if (omp_get_thread_num() != 0)
		return;
#endif
	if ((d & 63) == 0)
		mp_progress(m->ctx, m->prog_task, m->prog_base + lo + (hi - lo) * (double)d / (double)m->n,
			    m->prog_total);
}

const char *mp_eu_offer_name(mp_eu_offer_kind k)
{
	switch (k) {
	case MP_EU_OFFER_NONE: return "none";
	case MP_EU_OFFER_CONFLICT: return "confrontation";
	case MP_EU_OFFER_COMPROMISE: return "compromise";
	case MP_EU_OFFER_CAPITULATION: return "capitulation";
	case MP_EU_OFFER_SAME: return "same_position";
	}
	return "?";
}

/* Sorting actor indices by position (stable by index for equal positions). */
typedef struct {
	double x;
	size_t i;
} xi_pair;

static int cmp_xi(const void *a, const void *b)
{
	const xi_pair *p = a, *q = b;
	if (p->x != q->x)
		return (p->x > q->x) - (p->x < q->x);
	return (p->i > q->i) - (p->i < q->i);
}

void mp_bargain_forecast(size_t n, const double *x, size_t stride, const double *w, size_t *idx, double *mean,
			 double *median)
{
	/* Weighted mean: sum_i c_i s_i x_i / sum_i c_i s_i (jmckib mean_position). */
	double sw = 0, swx = 0;
	for (size_t i = 0; i < n; i++) {
		sw += w[i];
		swx += w[i] * x[i * stride];
	}
	if (mean)
		*mean = sw > 0 ? swx / sw : MP_NA;
	if (!median)
		return;
	/* Weighted median (BDM's median voter on one dimension, docs/bargaining.md A.10): the
	 * smallest position at which the cumulative weight reaches half the total. Insertion
	 * sort of indices is avoided: a simple heap-free shell sort keeps this allocation-free. */
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	for (size_t gap = n / 2; gap > 0; gap /= 2)
		for (size_t i = gap; i < n; i++) {
			size_t t = idx[i];
			size_t j = i;
			while (j >= gap && x[idx[j - gap] * stride] > x[t * stride]) {
				idx[j] = idx[j - gap];
				j -= gap;
			}
			idx[j] = t;
		}
	double acc = 0;
	*median = n ? x[idx[n - 1] * stride] : MP_NA;
	for (size_t i = 0; i < n; i++) {
		acc += w[idx[i]];
		if (acc >= 0.5 * sw) {
			*median = x[idx[i] * stride];
			break;
		}
	}
}

/* ---- probabilities (Scholz et al. 2011; docs/bargaining.md A.3) ---- */

/* Voter k's distance term g_k(y): jmckib Actor.compare, (|x_k - y| / Delta)^r_k
 * ("code form"), or |x_k - y| (paper form, Scholz et al. 2011 equation image Prob.png). */
static inline double gdist(double xk, double y, double rk, double delta, int raw)
{
	double d = fabs(xk - y);
	if (raw)
		return d;
	d = d / delta;
	return rk == 1.0 ? d : pow(d, rk);
}

double mp_bargain_eu_global_denominator_direct(size_t n, const double *x, const double *w, const double *r,
					       double delta, int raw)
{
	/* jmckib BDMScholzModel.probability: sum over voters k and all actor pairs (a, b) of
	 * |c_k s_k (g_k(x_b) - g_k(x_a))|. */
	double sum = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t a = 0; a < n; a++)
			for (size_t b = 0; b < n; b++) {
				double rk = r ? r[k] : 1.0;
				double v = w[k] *
					   (gdist(x[k], x[b], rk, delta, raw) - gdist(x[k], x[a], rk, delta, raw));
				sum += fabs(v);
			}
	return sum;
}

/* Sum over ordered pairs of |g_a - g_b| for values sorted ascending with multiplicities:
 * 2 * sum_j g_j cnt_j (C_below_j - C_above_j) (the sorted-sum identity). */
static double pair_abs_sum(size_t m, const double *g, const size_t *cnt, size_t total)
{
	double s = 0;
	size_t below = 0;
	for (size_t j = 0; j < m; j++) {
		size_t above = total - below - cnt[j];
		s += g[j] * (double)cnt[j] * ((double)below - (double)above);
		below += cnt[j];
	}
	return 2 * s;
}

/* Global denominator over distinct sorted positions u (m, with multiplicities cnt) for
 * voters x (n). For each voter the distances to u, merged outward from the voter's
 * place, are already sorted, so no sort per voter is needed: O(n m). ws: m doubles. */
static double global_denominator_u(size_t n, const double *x, const double *w, const double *r, double delta, int raw,
				   size_t m, const double *u, const size_t *cnt, double *g, size_t *gc, const double *F)
{
	double sum = 0;
	for (size_t k = 0; k < n; k++) {
		double rk = r ? r[k] : 1.0;
		/* first index with u >= x_k */
		size_t lo = 0, hi = m;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (u[mid] < x[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t R = lo, L = lo; /* left part: indices < L, right: >= R */
		size_t t = 0;
		while (L > 0 || R < m) {
			int takeR;
			if (L == 0)
				takeR = 1;
			else if (R == m)
				takeR = 0;
			else
				takeR = (u[R] - x[k]) <= (x[k] - u[L - 1]);
			size_t a = takeR ? R++ : --L;
			/* F (m x n), when given, already holds g_k(u_a) */
			g[t] = F ? F[a * n + k] : gdist(x[k], u[a], rk, delta, raw);
			gc[t] = cnt[a];
			t++;
		}
		sum += w[k] * pair_abs_sum(m, g, gc, n);
	}
	return sum;
}

double mp_bargain_eu_global_denominator(size_t n, const double *x, const double *w, const double *r, double delta,
					int raw, double *ws, size_t *iws)
{
	/* Every actor is its own distinct position (multiplicity 1): sorted positions in
	 * ws[0..n), the merge buffer in ws[n..2n), counts in iws[0..n), iws[n..2n). */
	double *u = ws, *g = ws + n;
	memcpy(u, x, n * sizeof *u);
	mp_sort_doubles(u, n);
	for (size_t i = 0; i < n; i++)
		iws[i] = 1;
	return global_denominator_u(n, x, w, r, delta, raw, n, u, iws, g, iws + n, NULL);
}

/* Numerator sum_k max(0, v_k(a, b)) for the fast phases (all exponents 1): voters on a's
 * side of the midpoint contribute w_k (|x_k - b| - |x_k - a|), i.e. w_k |b - a| beyond a
 * and w_k |a + b - 2 x_k| between a and the midpoint; prefix sums W (weights) and X
 * (weight x position) over the sorted voters give it in O(log n). */
static size_t lower_bound(const double *v, size_t n, double key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t upper_bound(const double *v, size_t n, double key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static double prob_from(const mp_bargain_eu *m, double nab, double nba);

/* The two cases of the prefix-sum numerator given the search indices (shared by the
 * single-pair and the row-wise versions so both give identical numbers). */
static inline double num_below(const mp_bargain_eu *m, double a, double b, size_t L1, size_t L2)
{
	/* a < b: voters x_k <= a gain |b - a|, voters a < x_k < mid gain a + b - 2 x_k */
	const double *W = m->W, *X = m->X;
	if (L2 < L1)
		L2 = L1;
	double s = (b - a) * W[L1] + (a + b) * (W[L2] - W[L1]) - 2 * (X[L2] - X[L1]);
	return m->sigma * (s < 0 ? 0 : s);
}

static inline double num_above(const mp_bargain_eu *m, double a, double b, size_t R1, size_t R2)
{
	/* a > b: voters x_k >= a gain |a - b|, voters mid < x_k < a gain 2 x_k - a - b */
	const double *W = m->W, *X = m->X;
	size_t n = m->n;
	if (R2 > R1)
		R2 = R1;
	double s = (a - b) * (W[n] - W[R1]) + 2 * (X[R1] - X[R2]) - (a + b) * (W[R1] - W[R2]);
	return m->sigma * (s < 0 ? 0 : s);
}

static double fast_num(const mp_bargain_eu *m, double a, double b)
{
	size_t n = m->n;
	const double *xs = m->xs;
	double mid = 0.5 * (a + b);
	if (a < b)
		return num_below(m, a, b, upper_bound(xs, n, a), lower_bound(xs, n, mid));
	return num_above(m, a, b, lower_bound(xs, n, a), upper_bound(xs, n, mid));
}

/* Row and column a of the probability table on the fast path, row[b] = P(a beats b) and
 * col[b] = P(b beats a): the distinct positions are sorted, so every search index moves
 * monotonically as b walks away from a (two-pointer sweep, O(n + m) per row instead of
 * O(m log n)); no m x m table is needed. */
static void fast_row(const mp_bargain_eu *m, size_t a, double *row, double *col)
{
	size_t n = m->n, M = m->m;
	const double *xs = m->xs, *u = m->u;
	const double A = u[a];
	const size_t ubA = upper_bound(xs, n, A), lbA = lower_bound(xs, n, A);
	row[a] = col[a] = 0.0;
	/* b above a */
	size_t L2 = ubA, R1b = lbA, R2b = ubA;
	for (size_t b = a + 1; b < M; b++) {
		const double B = u[b], mid = 0.5 * (A + B);
		while (L2 < n && xs[L2] < mid)
			L2++;
		while (R1b < n && xs[R1b] < B)
			R1b++;
		while (R2b < n && xs[R2b] <= mid)
			R2b++;
		double nab = num_below(m, A, B, ubA, L2);
		double nba = num_above(m, B, A, R1b, R2b);
		row[b] = prob_from(m, nab, nba);
		col[b] = prob_from(m, nba, nab);
	}
	/* b below a */
	size_t R2 = lbA, L1b = ubA, L2b = lbA;
	for (size_t b = a; b-- > 0;) {
		const double B = u[b], mid = 0.5 * (A + B);
		while (R2 > 0 && xs[R2 - 1] > mid)
			R2--;
		while (L1b > 0 && xs[L1b - 1] > B)
			L1b--;
		while (L2b > 0 && xs[L2b - 1] >= mid)
			L2b--;
		double nab = num_above(m, A, B, lbA, R2);
		double nba = num_below(m, B, A, L1b, L2b);
		row[b] = prob_from(m, nab, nba);
		col[b] = prob_from(m, nba, nab);
	}
}

/* Prefix sum of a row of the vote table up to (excluding) sorted voter t. */
static inline double pre(const double *C, size_t t)
{
	return t ? C[t - 1] : 0.0;
}

/* First index t of the sorted positions with xs[t] >= v (strict: xs[t] > v). */
static size_t bound(const double *xs, size_t n, double v, int strict)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strict ? xs[mid] <= v : xs[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Numerators for distinct positions a, b: nab = sum of the positive votes
 * v_k = w_k (g_k(u_b) - g_k(u_a)) (jmckib Actor.compare), nba the negated negative ones.
 * v_k >= 0 exactly when voter k is at least as close to u_a as to u_b, whatever its own
 * risk exponent (t -> t^r is increasing), i.e. when k sits on u_a's side of the midpoint.
 * With the rows of F turned into prefix sums over the voters sorted by position
 * (phase_setup), each side is a difference of two prefix sums: O(log n) per pair instead
 * of O(n), the whole table O(m n + m^2 log n). Voters exactly at the midpoint vote 0 in
 * exact arithmetic and are summed one by one like the direct formula. */
static void table_num(const mp_bargain_eu *m, size_t a, size_t b, double *nab, double *nba)
{
	size_t n = m->n;
	const double *Ca = m->F + a * n, *Cb = m->F + b * n;
	double ua = m->u[a], ub = m->u[b], mid = 0.5 * (ua + ub);
	size_t L = bound(m->xs, n, mid, 0), R = bound(m->xs, n, mid, 1);
	double p = 0, q = 0;
	for (size_t t = L; t < R; t++) {
		double v = (pre(Cb, t + 1) - pre(Cb, t)) - (pre(Ca, t + 1) - pre(Ca, t));
		if (v > 0)
			p += v;
		else
			q -= v;
	}
	double lo_a = pre(Ca, L), lo_b = pre(Cb, L);                         /* voters below the midpoint */
	double hi_a = Ca[n - 1] - pre(Ca, R), hi_b = Cb[n - 1] - pre(Cb, R); /* voters above it */
	if (ua < ub) {
		p += lo_b - lo_a;
		q += hi_a - hi_b;
	} else {
		p += hi_b - hi_a;
		q += lo_a - lo_b;
	}
	*nab = p;
	*nba = q;
}

/* P(a beats b) for distinct indices a, b given the two numerators. */
static double prob_from(const mp_bargain_eu *m, double nab, double nba)
{
	switch (m->opt.prob) {
	case MP_EU_PROB_GLOBAL:
		/* Scholz's code per jmckib: one global denominator for the phase. */
		return m->denom > 0 ? nab / m->denom : 0.0;
	case MP_EU_PROB_PAIRWISE:
		/* Scholz et al. (2011) Prob.png: sum_k |v_k(a,b)| = positive + negative parts. */
		return nab + nba > 0 ? nab / (nab + nba) : 0.5;
	case MP_EU_PROB_NET: {
		/* Masad-early: max(0, sum_k v_k) over the pairwise denominator. */
		double net = nab - nba;
		return nab + nba > 0 ? (net > 0 ? net : 0) / (nab + nba) : 0.5;
	}
	}
	return 0;
}

static double prob(const mp_bargain_eu *m, size_t a, size_t b)
{
	if (a == b)
		return 0.0; /* x_i == x_j: probability 0 (jmckib) */
	if (m->P && !m->fast)
		return m->P[a * m->m + b];
	double nab, nba;
	if (m->fast) {
		nab = fast_num(m, m->u[a], m->u[b]);
		nba = fast_num(m, m->u[b], m->u[a]);
	} else
		table_num(m, a, b, &nab, &nba);
	return prob_from(m, nab, nba);
}

/* Both P(a beats b) and P(b beats a) at once. */
static void prob2(const mp_bargain_eu *m, size_t a, size_t b, double *pab, double *pba)
{
	if (a == b) {
		*pab = *pba = 0.0;
		return;
	}
	if (m->P && !m->fast) {
		*pab = m->P[a * m->m + b];
		*pba = m->P[b * m->m + a];
		return;
	}
	double nab, nba;
	if (m->fast) {
		nab = fast_num(m, m->u[a], m->u[b]);
		nba = fast_num(m, m->u[b], m->u[a]);
	} else
		table_num(m, a, b, &nab, &nba);
	*pab = prob_from(m, nab, nba);
	*pba = prob_from(m, nba, nab);
}

static double *row_buffer(const mp_bargain_eu *m);

/* Prepares the probabilities of one phase with voter exponents rv (NULL or all 1). */
static void phase_setup(mp_bargain_eu *m, const double *rv)
{
	size_t n = m->n, M = m->m;
	int raw = m->opt.vote == MP_EU_VOTE_RAW;
	int ones = 1;
	for (size_t k = 0; rv && k < n; k++)
		if (rv[k] != 1.0)
			ones = 0;
	m->fast = raw || ones;
	m->sigma = raw ? 1.0 : 1.0 / m->delta;
	m->denom = 0;
	if (!m->fast) {
		/* F[a][k] = g_k(u_a), one pow per (distinct position, voter). */
#pragma omp parallel for schedule(static) if (M * n > 1000000)
		for (size_t a = 0; a < M; a++)
			for (size_t k = 0; k < n; k++)
				m->F[a * n + k] = gdist(m->x[k], m->u[a], rv[k], m->delta, 0);
	}
	if (m->opt.prob == MP_EU_PROB_GLOBAL)
		m->denom = global_denominator_u(n, m->x, m->w, m->fast ? NULL : rv, m->delta, raw, M, m->u, m->cnt,
						m->g, m->idx, m->fast ? NULL : m->F);
	if (!m->fast) {
		/* Each row of F becomes the prefix sums of w_k g_k(u_a) over the voters sorted by
		 * position, for table_num (the global denominator above used the plain rows). */
#pragma omp parallel for schedule(static) if (M * n > 1000000)
		for (size_t a = 0; a < M; a++) {
			double *Fa = m->F + a * n, *tmp = row_buffer(m);
			memcpy(tmp, Fa, n * sizeof *tmp);
			double acc = 0;
			for (size_t t = 0; t < n; t++) {
				size_t k = m->ord[t];
				acc += m->w[k] * tmp[k];
				Fa[t] = acc;
			}
		}
	}
	if (m->P && !m->fast) {
#pragma omp parallel for schedule(dynamic, 16) if (M * M * n > 1000000)
		for (size_t a = 0; a < M; a++) {
			m->P[a * M + a] = 0.0;
			for (size_t b = a + 1; b < M; b++) {
				double nab, nba;
				table_num(m, a, b, &nab, &nba);
				m->P[a * M + b] = prob_from(m, nab, nba);
				m->P[b * M + a] = prob_from(m, nba, nab);
			}
		}
	}
}

/* This thread's fast_row buffers (2n doubles). */
static double *row_buffer(const mp_bargain_eu *m)
{
#ifdef _OPENMP
	return m->rc + (size_t)omp_get_thread_num() * 2 * m->n;
#else
	return m->rc;
#endif
}

/* ---- expected utility (Scholz et al. 2011 eq. 1; docs/bargaining.md A.2, A.4) ---- */

/* E^h(U_ij): challenger at xi against target at xj with target salience sj, seen with
 * exponent rh (the perspective actor's), probability p = P(i,j).
 * Scholz et al. (2011) eq. 1 with the target's salience (EU_typo.png); utilities
 * Us = 2 - 4(0.5 - 0.5 d)^r, Uf = 2 - 4(0.5 + 0.5 d)^r, Usq = 2 - 4 (0.5)^r (ibid.);
 * jmckib Actor.eu_challenge evaluates them with the perspective actor's exponent. */
typedef struct {
	double Us, Uf, Usq;
} utils3;

/* Utilities of success, failure and the status quo for challenger and target at distance
 * |xi - xj| seen with exponent rh (Scholz et al. 2011 / BDM; A.2): both directions of a
 * pair share them, since the distance is symmetric and the perspective is the same. */
static inline utils3 utilities(const mp_bargain_eu *m, double xi, double xj, double rh, double usq)
{
	utils3 u;
	double vs = 0.5 - 0.5 * fabs(xi - xj) / m->delta, vf = 0.5 + 0.5 * fabs(xi - xj) / m->delta;
	if (rh == 1.0) { /* pow(v, 1.0) == v exactly */
		u.Us = 2 - 4 * vs;
		u.Uf = 2 - 4 * vf;
		u.Usq = 2 - 4 * 0.5;
	} else {
		u.Us = 2 - 4 * pow(vs, rh);
		u.Uf = 2 - 4 * pow(vf, rh);
		u.Usq = usq; /* 2 - 4 * 0.5^rh, once per perspective */
	}
	return u;
}

/* E^h(U_ij): challenger at xi against target at xj with target salience sj, seen with
 * exponent rh (the perspective actor's), probability p = P(i,j).
 * Scholz et al. (2011) eq. 1 with the target's salience (EU_typo.png); utilities
 * Us = 2 - 4(0.5 - 0.5 d)^r, Uf = 2 - 4(0.5 + 0.5 d)^r, Usq = 2 - 4 (0.5)^r (ibid.);
 * jmckib Actor.eu_challenge evaluates them with the perspective actor's exponent. */
static double eu_challenge_u(const mp_bargain_eu *m, const utils3 *u, double xi, double xj, double sj, double rh,
			     double p, double mu)
{
	double eu_resist = sj * (p * u->Us + (1 - p) * u->Uf);
	double eu_not_resist = (1 - sj) * u->Us;
	double e = eu_resist + eu_not_resist - m->opt.q * u->Usq;
	if (m->opt.q != 1.0) {
		/* BDM's (1-Q)[T Ub + (1-T) Uw] term with mu the current median (A.2). */
		double dd = 0.25 * (fabs(xi - mu) + fabs(xi - xj)) / m->delta;
		double Ub = 2 - 4 * pow(0.5 - dd, rh);
		double Uw = 2 - 4 * pow(0.5 + dd, rh);
		e -= (1 - m->opt.q) * (m->opt.t * Ub + (1 - m->opt.t) * Uw);
	}
	return e;
}

/* ---- construction ---- */

void mp_bargain_eu_free(mp_bargain_eu *m)
{
	if (!m)
		return;
	free(m->x);
	free(m->c);
	free(m->s);
	free(m->w);
	free(m->r);
	free(m->rv);
	free(m->S);
	free(m->hist);
	free(m->moves);
	free(m->pairs);
	free(m->u);
	free(m->cnt);
	free(m->pid);
	free(m->ord);
	free(m->xs);
	free(m->W);
	free(m->X);
	free(m->F);
	free(m->P);
	free(m->g);
	free(m->idx);
	free(m->rc);
	free(m);
}

int mp_bargain_eu_new(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_eu_options *opt, mp_bargain_eu **out)
{
	mp_bargain_eu_options def = MP_BARGAIN_EU_OPTIONS_INIT;
	if (!opt)
		opt = &def;
	if (opt->version != MP_BARGAIN_EU_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "EU model: options version %d, expected %d", opt->version,
				    MP_BARGAIN_EU_OPTIONS_VERSION);
	if (opt->dim >= in->m)
		return mp_error_set(ctx, MP_EUSAGE, "EU model: dimension %zu out of range (the input has %zu)",
				    opt->dim + 1, in->m);
	char at[512];
	if (in->n < 3)
		return mp_error_set(ctx, MP_EINPUT, "%sEU model: expected at least 3 actors, got %zu",
				    mp_bargain__at(in, in->n, at, sizeof at), in->n);
	if (!(opt->q >= 0 && opt->q <= 1) || !(opt->t >= 0 && opt->t <= 1))
		return mp_error_set(ctx, MP_EUSAGE, "EU model: Q and T must lie in [0,1]");
	int rc = mp_bargain__check_size(ctx, in, MP_BARGAIN_MODEL_EU);
	if (rc)
		return rc;
	size_t n = in->n;
	mp_bargain_eu *m = calloc(1, sizeof *m);
	if (!m)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	m->ctx = ctx;
	m->opt = *opt;
	m->n = n;
	m->x = malloc(n * sizeof *m->x);
	m->c = malloc(n * sizeof *m->c);
	m->s = malloc(n * sizeof *m->s);
	m->w = malloc(n * sizeof *m->w);
	m->r = malloc(n * sizeof *m->r);
	m->rv = malloc(n * sizeof *m->rv);
	m->S = malloc(n * sizeof *m->S);
	m->moves = malloc(n * sizeof *m->moves);
	m->u = malloc(n * sizeof *m->u);
	m->cnt = malloc(n * sizeof *m->cnt);
	m->pid = malloc(n * sizeof *m->pid);
	m->ord = malloc(n * sizeof *m->ord);
	m->xs = malloc(n * sizeof *m->xs);
	m->W = malloc((n + 1) * sizeof *m->W);
	m->X = malloc((n + 1) * sizeof *m->X);
	m->g = malloc(n * sizeof *m->g);
	m->idx = malloc(n * sizeof *m->idx);
	m->hist_cap = 16;
	m->hist = malloc(m->hist_cap * n * sizeof *m->hist);
	m->nthreads = 1;
#ifdef _OPENMP
	m->nthreads = omp_get_max_threads();
#endif
	m->rc = malloc((size_t)m->nthreads * 2 * n * sizeof *m->rc);
	if (!m->x || !m->c || !m->s || !m->w || !m->r || !m->rv || !m->S || !m->moves || !m->u || !m->cnt || !m->pid ||
	    !m->ord || !m->xs || !m->W || !m->X || !m->g || !m->idx || !m->hist || !m->rc) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		double xi = in->pos[i * in->m + opt->dim];
		if (!isfinite(xi) || !isfinite(in->cap[i]) || !isfinite(in->sal[i * in->m + opt->dim])) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%sEU model: actor \"%s\" has a value that is not a finite number",
					  mp_bargain__at(in, i, at, sizeof at), in->actor[i]);
			goto done;
		}
		m->x[i] = xi;
		m->c[i] = in->cap[i];
		m->s[i] = in->sal[i * in->m + opt->dim];
		/* jmckib Actor.compare multiplies c * s first. */
		m->w[i] = m->c[i] * m->s[i];
		m->r[i] = 1.0;
		lo = xi < lo ? xi : lo;
		hi = xi > hi ? xi : hi;
	}
	/* Delta: range of the initial positions, fixed (jmckib position_range). */
	m->delta = hi - lo;
	if (!(m->delta > 0)) {
		rc = mp_error_set(ctx, MP_EINPUT,
				  "%sEU model: all actors hold the same position on dimension %s; nothing to negotiate",
				  mp_bargain__at(in, in->n, at, sizeof at), in->dim[opt->dim]);
		goto done;
	}
	if (opt->record_pairs) {
		m->pairs = calloc(n * n, sizeof *m->pairs);
		if (!m->pairs) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory (pair table of %zu actors)", n);
			goto done;
		}
	}
	memcpy(m->hist, m->x, n * sizeof *m->x);
	*out = m;
	m = NULL;
done:
	mp_bargain_eu_free(m);
	return rc;
}

/* Rebuilds the distinct-position index, the sorted voters and their prefix sums, and
 * (re)allocates the m-dependent workspaces. */
static int index_positions(mp_bargain_eu *m, int need_F)
{
	size_t n = m->n;
	xi_pair *tmp = malloc(n * sizeof *tmp);
	if (!tmp)
		return mp_error_set(m->ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		tmp[i].x = m->x[i];
		tmp[i].i = i;
	}
	qsort(tmp, n, sizeof *tmp, cmp_xi);
	size_t M = 0;
	m->W[0] = m->X[0] = 0;
	for (size_t t = 0; t < n; t++) {
		size_t i = tmp[t].i;
		m->ord[t] = i;
		m->xs[t] = tmp[t].x;
		m->W[t + 1] = m->W[t] + m->w[i];
		m->X[t + 1] = m->X[t] + m->w[i] * m->x[i];
		if (M == 0 || m->u[M - 1] != tmp[t].x) {
			m->u[M] = tmp[t].x;
			m->cnt[M] = 0;
			M++;
		}
		m->cnt[M - 1]++;
		m->pid[i] = M - 1;
	}
	free(tmp);
	int realloc_needed = M != m->m || (need_F && !m->F);
	m->m = M;
	if (realloc_needed) {
		free(m->P);
		m->P = NULL;
		/* Probability table when it fits in 1 GiB; else computed on the fly. */
		if (need_F && M * M <= ((size_t)128 << 20))
			m->P = malloc(M * M * sizeof *m->P);
		free(m->F);
		m->F = NULL;
	}
	if (need_F && !m->F) {
		m->F = malloc(M * n * sizeof *m->F);
		if (!m->F)
			return mp_error_set(m->ctx, MP_ENOMEM, "out of memory: the vote table needs %zu x %zu doubles",
					    M, n);
	}
	return MP_OK;
}

/* Exposures S_i = sum_{j != i} E(U_ji) with the voter exponents of the current phase
 * and the target's own exponent as perspective (jmckib Actor.danger_level), then the
 * risk exponents (Scholz et al. 2011, RiskExp.png; A.5):
 * R_i = (2 S_i - max S - min S)/(max S - min S), r_i = (1 - R_i/3)/(1 + R_i/3). */
static void exposures(mp_bargain_eu *m, const double *rpersp, double mu)
{
	size_t n = m->n;
	m->prog_done = 0;
#pragma omp parallel for schedule(static) if (n > 512)
	for (size_t i = 0; i < n; i++) {
		double S = 0;
		const double usq = 2 - 4 * pow(0.5, rpersp[i]);
		const double *col = NULL;
		if (m->fast) {
			double *buf = row_buffer(m);
			fast_row(m, m->pid[i], buf, buf + m->n);
			col = buf + m->n; /* col[b] = P(b beats x_i) */
		}
		for (size_t j = 0; j < n; j++) {
			if (j == i)
				continue;
			double p = col ? col[m->pid[j]] : prob(m, m->pid[j], m->pid[i]);
			utils3 u = utilities(m, m->x[j], m->x[i], rpersp[i], usq);
			S += eu_challenge_u(m, &u, m->x[j], m->x[i], m->s[i], rpersp[i], p, mu);
		}
		m->S[i] = S;
		loop_progress(m, 0.0, 0.4);
	}
}

static double risk_from(const double *S, size_t n, size_t i)
{
	double mx = S[0], mn = S[0];
	for (size_t k = 1; k < n; k++) {
		mx = S[k] > mx ? S[k] : mx;
		mn = S[k] < mn ? S[k] : mn;
	}
	if (!(mx > mn))
		return 1.0; /* degenerate 0/0 (A.5): R = 0, r = 1 */
	double R = (2 * S[i] - mx - mn) / (mx - mn);
	return (1 - R / 3.0) / (1 + R / 3.0);
}

int mp_bargain_eu_step(mp_bargain_eu *m, size_t *moved)
{
	size_t n = m->n;
	int rc = MP_OK;
	if (m->opt.delta == MP_EU_DELTA_CURRENT) {
		double lo = m->x[0], hi = m->x[0];
		for (size_t i = 1; i < n; i++) {
			lo = m->x[i] < lo ? m->x[i] : lo;
			hi = m->x[i] > hi ? m->x[i] : hi;
		}
		if (hi > lo)
			m->delta = hi - lo;
	}
	int need_F = m->opt.vote == MP_EU_VOTE_NORMALISED;
	if ((rc = index_positions(m, need_F)))
		return rc;
	double mu = 0;
	if (m->opt.q != 1.0)
		mp_bargain_forecast(n, m->x, 1, m->w, m->idx, NULL, &mu);

	/* 1-2. Risk exponents from the all-ones state (A.5, A.8). */
	for (size_t i = 0; i < n; i++)
		m->r[i] = 1.0;
	if (m->opt.risk == MP_EU_RISK_SIMULTANEOUS) {
		phase_setup(m, NULL);
		exposures(m, m->r, mu);
		double *rn = m->rv;
		for (size_t i = 0; i < n; i++)
			rn[i] = risk_from(m->S, n, i);
		memcpy(m->r, rn, n * sizeof *rn);
	} else {
		/* Sequential (Masad-late): actor i's exponent is computed with the exponents
		 * already assigned to actors before it, and assigned at once. */
		for (size_t i = 0; i < n; i++) {
			phase_setup(m, m->r);
			exposures(m, m->r, mu);
			m->r[i] = risk_from(m->S, n, i);
		}
	}

	/* 3. Offers with the new exponents (A.6), choice (A.7). */
	phase_setup(m, m->r);
	size_t nmov = 0;
	mp_bargain_eu_move *mv = m->moves;
	int cap_fixed = m->opt.capitulation == MP_EU_CAPITULATION_FIXED;
	int leastmove = m->opt.compromise == MP_EU_COMPROMISE_LEASTMOVE;
	m->prog_done = 0;
#pragma omp parallel for schedule(dynamic, 8) if (n > 256)
	for (size_t i = 0; i < n; i++) {
		mp_bargain_eu_move best[3];
		double key[3];
		int have[3] = { 0, 0, 0 };
		double xi = m->x[i], ri = m->r[i];
		const double usq = 2 - 4 * pow(0.5, ri);
		const double *row = NULL, *col = NULL;
		if (m->fast) {
			double *buf = row_buffer(m);
			fast_row(m, m->pid[i], buf, buf + n);
			row = buf;
			col = buf + n;
		}
		for (size_t j = 0; j < n; j++) {
			mp_bargain_eu_pair *pr = m->pairs ? &m->pairs[i * n + j] : NULL;
			if (j == i || m->x[j] == xi) {
				if (pr) {
					pr->p_ij = pr->p_ji = pr->eu_ij = pr->eu_ji = MP_NA;
					pr->kind = j == i ? MP_EU_OFFER_NONE : MP_EU_OFFER_SAME;
				}
				continue;
			}
			double xj = m->x[j];
			double pij, pji;
			if (row) {
				pij = row[m->pid[j]];
				pji = col[m->pid[j]];
			} else
				prob2(m, m->pid[i], m->pid[j], &pij, &pji);
			utils3 u = utilities(m, xi, xj, ri, usq);
			double a = eu_challenge_u(m, &u, xi, xj, m->s[j], ri, pij, mu);
			double b = eu_challenge_u(m, &u, xj, xi, m->s[i], ri, pji, mu);
			/* Classification (BDM; jmckib Offer.from_actors), strict inequalities. */
			int kind = MP_EU_OFFER_NONE;
			double pos = xi;
			if (b > a && a > 0) {
				kind = MP_EU_OFFER_CONFLICT;
				pos = xj;
			} else if (b > 0 && 0 > a && b > fabs(a)) {
				kind = MP_EU_OFFER_COMPROMISE;
				pos = xi + (xj - xi) * fabs(a / b);
			} else if (b > 0 && 0 > a && (cap_fixed ? b < fabs(a) : b < fabs(b))) {
				/* jmckib tests b < |b| (never true); "fixed" tests b < |a|. */
				kind = MP_EU_OFFER_CAPITULATION;
				pos = xj;
			}
			if (pr) {
				pr->p_ij = pij;
				pr->p_ji = pji;
				pr->eu_ij = a;
				pr->eu_ji = b;
				pr->kind = kind;
			}
			if (kind == MP_EU_OFFER_NONE)
				continue;
			double k;
			if (kind == MP_EU_OFFER_COMPROMISE && !leastmove)
				/* jmckib compromise_best_offer_key ("Scholz's code"). */
				k = (fabs(a) * xi + fabs(b) * xj) / (fabs(a) + fabs(b));
			else
				k = fabs(xi - pos); /* least movement */
			int slot = kind - 1;
			if (!have[slot] || k < key[slot]) { /* first minimum wins (Python min) */
				have[slot] = 1;
				key[slot] = k;
				best[slot] = (mp_bargain_eu_move){ i, j, kind, a, b, pos };
			}
		}
		mp_bargain_eu_move ch = { i, i, MP_EU_OFFER_NONE, 0, 0, xi };
		for (int t = 0; t < 3; t++)
			if (have[t]) {
				ch = best[t];
				break;
			}
		m->moves[i] = ch;
		loop_progress(m, 0.5, 1.0);
	}
	/* 4. Apply all chosen moves at once; compact the move list in actor order. */
	for (size_t i = 0; i < n; i++) {
		if (m->moves[i].kind == MP_EU_OFFER_NONE)
			continue;
		mv[nmov++] = m->moves[i];
	}
	for (size_t t = 0; t < nmov; t++)
		m->x[mv[t].actor] = mv[t].new_x;
	m->nmoves = nmov;
	m->last_moved = nmov;
	m->round++;
	if ((size_t)m->round + 1 > m->hist_cap) {
		size_t nc = m->hist_cap * 2;
		double *h = realloc(m->hist, nc * n * sizeof *h);
		if (!h)
			return mp_error_set(m->ctx, MP_ENOMEM, "out of memory");
		m->hist = h;
		m->hist_cap = nc;
	}
	memcpy(m->hist + (size_t)m->round * n, m->x, n * sizeof *m->x);
	if (moved)
		*moved = nmov;
	return MP_OK;
}

mp_bargain_stop mp_bargain_eu_status(const mp_bargain_eu *m, int rules, int max_rounds)
{
	if (m->round > 0 && (rules & MP_BARGAIN_STOPRULE_FIXED) && m->last_moved == 0)
		return MP_BARGAIN_STOP_FIXED;
	if (m->round > 0 && (rules & MP_BARGAIN_STOPRULE_CYCLE)) {
		const double *cur = m->hist + (size_t)m->round * m->n;
		for (int t = 0; t < m->round; t++)
			if (!memcmp(cur, m->hist + (size_t)t * m->n, m->n * sizeof *cur))
				return t == m->round - 1 ? MP_BARGAIN_STOP_FIXED : MP_BARGAIN_STOP_CYCLE;
	}
	if (m->round >= max_rounds)
		return MP_BARGAIN_STOP_ROUNDS;
	return MP_BARGAIN_RUNNING;
}

size_t mp_bargain_eu_n(const mp_bargain_eu *m)
{
	return m->n;
}
int mp_bargain_eu_round(const mp_bargain_eu *m)
{
	return m->round;
}
const double *mp_bargain_eu_positions(const mp_bargain_eu *m)
{
	return m->x;
}
const double *mp_bargain_eu_risk(const mp_bargain_eu *m)
{
	return m->r;
}
const double *mp_bargain_eu_weights(const mp_bargain_eu *m)
{
	return m->w;
}

const mp_bargain_eu_move *mp_bargain_eu_moves(const mp_bargain_eu *m, size_t *n)
{
	*n = m->nmoves;
	return m->moves;
}

const mp_bargain_eu_pair *mp_bargain_eu_pairs(const mp_bargain_eu *m)
{
	return m->pairs;
}

void mp_bargain_eu_forecast(const mp_bargain_eu *m, double *mean, double *median)
{
	mp_bargain_forecast(m->n, m->x, 1, m->w, m->idx, mean, median);
}

int mp_bargain__eu_prob_table(mp_ctx *ctx, size_t n, const double *x, const double *c, const double *s, const double *r,
			      const mp_bargain_eu_options *opt, double *P)
{
	mp_bargain_input *in = NULL;
	mp_bargain_eu *m = NULL;
	int rc = mp_bargain__input_alloc(ctx, n, 1, &in);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++) {
		char nm[32];
		snprintf(nm, sizeof nm, "a%zu", i);
		in->actor[i] = mp_bargain__strdup(nm);
		in->actor_desc[i] = mp_bargain__strdup("");
		in->cap[i] = c[i];
		in->pos[i] = x[i];
		in->sal[i] = s[i];
		if (!in->actor[i] || !in->actor_desc[i])
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	if (!rc)
		in->dim[0] = mp_bargain__strdup("1");
	if (!rc && !(rc = mp_bargain_eu_new(ctx, in, opt, &m)) &&
	    !(rc = index_positions(m, opt->vote == MP_EU_VOTE_NORMALISED))) {
		if (r)
			memcpy(m->r, r, n * sizeof *r);
		phase_setup(m, r ? m->r : NULL);
		for (size_t i = 0; i < n; i++) {
			double *buf = m->rc;
			if (m->fast)
				fast_row(m, m->pid[i], buf, buf + n);
			for (size_t j = 0; j < n; j++) {
				P[i * n + j] = m->fast ? buf[m->pid[j]] : prob(m, m->pid[i], m->pid[j]);
				/* the row/column sweep agrees with the single-pair search */
				if (m->fast && fabs(buf[n + m->pid[j]] - prob(m, m->pid[j], m->pid[i])) >
						       1e-12 * (1 + fabs(buf[n + m->pid[j]])))
					rc = mp_error_set(ctx, MP_ERROR, "fast_row column differs from prob()");
			}
		}
	}
	mp_bargain_eu_free(m);
	mp_bargain_input_free(in);
	return rc;
}
