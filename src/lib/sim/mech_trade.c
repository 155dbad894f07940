/* Trade (docs/references.md C3; docs/sim.md "trade"; docs/conflict.md "Levers").
 *
 * Bilateral flows before trade policy from the log-linear ("naive") gravity equation
 * (Tinbergen 1962; Head & Mayer 2014, eq. 2), damped by political distance:
 *   ln X0_ij = ln G + a (ln Y_i + ln Y_j) + d ln D_ij + c CONTIG_ij + m SAMECAMP_ij
 *              + q |ip_i - ip_j| + e_ij
 * a = trade.elasticity_gdp, d = trade.elasticity_distance, c = trade.contiguity,
 * m = trade.alliance, q = trade.political_distance; e_ij is the dyad's fixed effect
 * (observed start-year trade when the store has it, else a draw with sd trade.resid_sd).
 * G is set once so that world trade / world GDP = trade.openness.
 *
 * Trade policy (sanctions S and support P of the levers) then acts through the trade
 * network as a change of trade costs in structural gravity, solved by exact hat algebra
 * (Dekle, Eaton & Kortum 2007; Costinot & Rodriguez-Clare 2014, sec. 4), with trade
 * elasticity e = trade.elasticity:
 *   lambda_ij = M_ij / Y_j   (j's spending share on i; M_ij = X0_ij / 2, lambda_jj the rest)
 *   t_ij = (tau'_ij / tau_ij)^-e = exp(trade.sanction * (max(S_ij, S_ji) - max(P_ij, P_ji)))
 *   D_j = sum_k lambda_kj t_kj w_k^-e,   w_i Y_i = sum_j lambda_ij t_ij w_i^-e / D_j w_j Y_j
 * (w the change of factor prices, world GDP the numeraire), so that the partial effect of
 * a full sanction on a pair's flows is trade.sanction (Felbermayr et al. 2020's gravity
 * estimate), trade diverts to third countries through the multilateral terms D, and the
 * real income of each state changes by
 *   W_j = lambda'_jj / lambda_jj)^(-1/e) = w_j D_j^(1/e)     (Arkolakis, Costinot &
 *   Rodriguez-Clare 2012): bounded below by the autarky loss lambda_jj^(1/e).
 * Blackboard outputs: trade (the flows after policy), tsum, camp_trade, and level = ln W_j
 * less its value in the start year (whose observed output already includes the policy in
 * force then); the yearly change of level multiplies GDP per head (a level effect that
 * lasts while the policy does, and that the economy does not converge away). */
#include <string.h>

#include "sim/sim_internal.h"

#define LAMBDA_MIN 0.05 /* smallest domestic share kept by the hat algebra (gravity can exceed 1) */

typedef struct trade_state {
	/* dynamic */
	double *what;   /* n: the last solution w (warm start within a run) */
	double *rat;    /* n*n: flows after policy over flows before, at the last solve */
	double *lnwc;   /* n: ln W at the last solve */
	double *polc;   /* n*n: the policy (sanction - promotion) of the last solve */
	double *solved; /* 1: the year of the last solve */
	/* constants */
	double *resid; /* n*n: dyad fixed effect e_ij */
	double *tk;    /* n*n: exp(d ln D + c CONTIG + e), the fixed part of gravity */
	double *lnG;   /* 1: gravity constant */
	double *lnw0;  /* n: ln W of the start year */
	/* scratch */
	double *lny;          /* n: ln GDP */
	double *ya, *ep, *em; /* n: Y^a, exp(q ip), exp(-q ip) */
	double *lnw;          /* n: ln W of the year */
	double *a;            /* n*n: lambda_ij t_ij */
	double *z, *dd, *yy;  /* n: w^-e, D_j, w_j Y_j / D_j */
} trade_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	trade_state *st = vst;
	const size_t n = s->n;
	size_t o = 0;
	MP_SIM_TAKE(st, b, o, what, n);
	MP_SIM_TAKE(st, b, o, rat, n * n);
	MP_SIM_TAKE(st, b, o, lnwc, n);
	MP_SIM_TAKE(st, b, o, polc, n * n);
	MP_SIM_TAKE(st, b, o, solved, 1);
	*ndyn = o;
	o += *ndyn;
	MP_SIM_TAKE(st, b, o, resid, n * n);
	MP_SIM_TAKE(st, b, o, tk, n * n);
	MP_SIM_TAKE(st, b, o, lnG, 1);
	MP_SIM_TAKE(st, b, o, lnw0, n);
	MP_SIM_TAKE(st, b, o, lny, n);
	MP_SIM_TAKE(st, b, o, ya, n);
	MP_SIM_TAKE(st, b, o, ep, n);
	MP_SIM_TAKE(st, b, o, em, n);
	MP_SIM_TAKE(st, b, o, lnw, n);
	MP_SIM_TAKE(st, b, o, a, n * n);
	MP_SIM_TAKE(st, b, o, z, n);
	MP_SIM_TAKE(st, b, o, dd, n);
	MP_SIM_TAKE(st, b, o, yy, n);
	return o;
}

static void prepare(const mp_sim *s, trade_state *st)
{
	const mp_sim_params *p = &s->p;
	const size_t nn = s->n * s->n;
	for (size_t k = 0; k < nn; k++)
		st->tk[k] = exp(p->trade_elasticity_distance * s->lndist[k] + p->trade_contiguity * s->contig[k] +
				st->resid[k]);
}

/* Gravity flows before policy into s->trade (symmetric totals). */
static void gravity(mp_sim *s, trade_state *st)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	const double a = p->trade_elasticity_gdp, q = p->trade_political_distance;
	const double G = exp(*st->lnG), fm = exp(p->trade_alliance);
	double *Ya = st->ya, *Ep = st->ep, *Em = st->em;
	for (size_t i = 0; i < n; i++) {
		st->lny[i] = log(s->gdp[i]);
		Ya[i] = exp(a * st->lny[i]);
		Ep[i] = exp(q * s->ip[i]);
		Em[i] = exp(-q * s->ip[i]);
	}
	(void)k;
	for (size_t i = 0; i < n; i++) {
		s->trade[i * n + i] = 0;
		const int ci = s->camp[i];
		const double *tk = st->tk + i * n;
		const double yi = G * Ya[i], ipi = s->ip[i], epi = Ep[i], emi = Em[i]; /* G once per flow */
		for (size_t j = i + 1; j < n; j++) {
			double pf = ipi >= s->ip[j] ? epi * Em[j] : Ep[j] * emi;
			double x = yi * Ya[j] * tk[j] * pf * (ci >= 0 && ci == s->camp[j] ? fm : 1.0);
			s->trade[i * n + j] = s->trade[j * n + i] = x;
		}
	}
}

/* z_k = w_k^-e and D_j = sum_k A_kj z_k (rows of A in memory order). */
static void spending(const double *A, const double *w, double e, size_t n, double *z, double *D)
{
	for (size_t k = 0; k < n; k++) {
		z[k] = exp(-e * log(w[k]));
		D[k] = 0;
	}
	for (size_t k = 0; k < n; k++) {
		const double *ak = A + k * n, zk = z[k];
		for (size_t j = 0; j < n; j++)
			D[j] += ak[j] * zk;
	}
}

/* Exact hat algebra of the policy's trade costs (header). Updates s->trade and st->lnw. */
static void policy(mp_sim *s, trade_state *st)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	const double e = p->trade_elasticity > 0.1 ? p->trade_elasticity : 0.1;
	double *A = st->a, *w = st->what, *z = st->z, *D = st->dd, *yy = st->yy;
	/* lambda_ij t_ij by columns j (spending of j), domestic share on the diagonal */
	double ytot = 0;
	for (size_t j = 0; j < n; j++) {
		double imp = 0, Y = s->gdp[j];
		for (size_t i = 0; i < n; i++)
			imp += i == j ? 0 : 0.5 * s->trade[i * n + j];
		double f = imp > (1.0 - LAMBDA_MIN) * Y ? (1.0 - LAMBDA_MIN) * Y / imp : 1.0;
		double dom = 1.0;
		for (size_t i = 0; i < n; i++) {
			if (i == j)
				continue;
			double pol = st->polc[i * n + j];
			double l = f * 0.5 * s->trade[i * n + j] / Y;
			dom -= l;
			A[i * n + j] = pol != 0 ? l * exp(p->trade_sanction * pol) : l;
		}
		A[j * n + j] = dom;
		ytot += Y;
	}
	/* Market clearing w_i Y_i = z_i sum_j A_ij w_j Y_j / D_j is, after its domestic term,
	 * trade balance: w_i Y_i O_i / D_i = z_i X_i, with O_i = D_i - A_ii z_i (i's imports)
	 * and X_i = sum_{j != i} A_ij w_j Y_j / D_j (its exports), z_i = w_i^-e: in v = ln w_i,
	 * f(v) = v + ln(Y_i O_i) - ln X_i - ln(A_ii z_i^2 + O_i z_i) = 0, rising in v. Each sweep
	 * takes one Newton step of f for every i at the others' current values (a Jacobi-Newton
	 * iteration: order-free, so the result does not depend on the order of the actors),
	 * then world GDP is the numeraire. The domestic term makes the plain tatonnement crawl
	 * (a closed economy clears at any w); the balance form does not. */
	double *v = st->lnw;
	for (size_t i = 0; i < n; i++)
		v[i] = log(w[i]);
	for (int it = 0; it < 100; it++) {
		spending(A, w, e, n, z, D); /* D_j, row by row (the matrix is row-major) */
		for (size_t j = 0; j < n; j++)
			yy[j] = w[j] * s->gdp[j] / D[j];
		double worst = 0, tot = 0;
		for (size_t i = 0; i < n; i++) {
			const double *ai = A + i * n;
			double X = 0;
			for (size_t j = 0; j < n; j++)
				X += ai[j] * yy[j];
			X -= ai[i] * yy[i];
			const double O = D[i] - ai[i] * z[i];
			if (!(O > 0) || !(X > 0))
				continue;
			const double p1 = ai[i] * z[i] * z[i], p2 = O * z[i];
			const double f = v[i] + log(s->gdp[i] * O / (X * (p1 + p2)));
			const double dv = f / (1.0 + e * (2.0 * p1 + p2) / (p1 + p2));
			v[i] -= dv;
			if (fabs(dv) > worst)
				worst = fabs(dv);
		}
		for (size_t i = 0; i < n; i++) {
			w[i] = exp(v[i]);
			tot += w[i] * s->gdp[i];
		}
		double lnorm = log(ytot / tot);
		for (size_t i = 0; i < n; i++) {
			v[i] += lnorm;
			w[i] *= ytot / tot;
		}
		if (worst < 1e-8)
			break;
	}
	spending(A, w, e, n, z, D);
	for (size_t j = 0; j < n; j++)
		st->lnw[j] = log(w[j]) + log(D[j]) / e;
	/* flows after policy: M'_ij = M_ij t_ij z_i w_j / D_j (the column scale cancels) */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double pol = st->polc[i * n + j];
			double t = pol != 0 ? exp(p->trade_sanction * pol) : 1.0;
			double r = 0.5 * t * (z[i] * w[j] / D[j] + z[j] * w[i] / D[i]);
			st->rat[i * n + j] = st->rat[j * n + i] = r;
			s->trade[i * n + j] = s->trade[j * n + i] = r * s->trade[i * n + j];
		}
}

/* The hat algebra is solved again when the policy changes, in the start year and every
 * RESOLVE_YEARS years; in between, the last solve's ratios of flows after to flows before
 * policy, and its welfare changes, are applied to the year's gravity flows (the error is
 * the drift of the spending shares over a few years; tests/unit/test_sim_levers.c). */
#define RESOLVE_YEARS 5

void mp_sim__trade(mp_sim *s)
{
	trade_state *st = mp_sim__state(s, MP_MECH_TRADE);
	const size_t n = s->n, k = s->ncamps;
	gravity(s, st);
	int any = 0, changed = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double pol = mp_sim__sanction(s, i, j) - fmax(s->promote[i * n + j], s->promote[j * n + i]);
			any |= pol != 0;
			if (pol != st->polc[i * n + j]) {
				changed = 1;
				st->polc[i * n + j] = st->polc[j * n + i] = pol;
			}
		}
	if (!any) {
		for (size_t i = 0; i < n; i++)
			st->lnw[i] = st->lnwc[i] = 0, st->what[i] = 1;
		*st->solved = s->year;
	} else if (changed || s->year == s->year0 || s->year - *st->solved >= RESOLVE_YEARS) {
		policy(s, st);
		memcpy(st->lnwc, st->lnw, n * sizeof *st->lnw);
		*st->solved = s->year;
	} else {
		for (size_t c = 0; c < n * n; c++)
			s->trade[c] *= st->rat[c];
		memcpy(st->lnw, st->lnwc, n * sizeof *st->lnw);
	}
	if (s->year == s->year0)
		memcpy(st->lnw0, st->lnw, n * sizeof *st->lnw);
	for (size_t i = 0; i < n; i++)
		s->tsum[i] = 0;
	if (k)
		memset(s->camp_trade, 0, n * k * sizeof *s->camp_trade);
	for (size_t i = 0; i < n; i++) {
		const int ci = s->camp[i];
		for (size_t j = i + 1; j < n; j++) {
			const int cj = s->camp[j];
			double x = s->trade[i * n + j];
			s->tsum[i] += x;
			s->tsum[j] += x;
			if (cj >= 0)
				s->camp_trade[i * k + (size_t)cj] += x;
			if (ci >= 0)
				s->camp_trade[j * k + (size_t)ci] += x;
		}
	}
}

/* Sets G so that world trade / world GDP = trade.openness (with the current flows). */
static void calibrate(mp_sim *s, trade_state *st)
{
	double tot = 0, y = 0;
	for (size_t i = 0; i < s->n; i++) {
		tot += s->tsum[i];
		y += s->gdp[i];
	}
	tot *= 0.5; /* each flow counted for both partners */
	if (tot > 0 && y > 0 && s->p.trade_openness > 0)
		*st->lnG += log(s->p.trade_openness * y / tot);
}

/* The dyads' fixed effects: observed start-year flows (s->init_trade from the store) become
 * resid = ln X_obs - (gravity with the start year's policy); without observations, a draw
 * with sd trade.resid_sd. */
static int init(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	trade_state *st = vst;
	const size_t n = s->n, nn = n * n;
	*st->lnG = 0;
	for (size_t i = 0; i < n; i++)
		st->what[i] = 1;
	for (size_t c = 0; c < nn; c++)
		st->polc[c] = 0, st->rat[c] = 1;
	*st->solved = -1e9;
	if (s->init_trade) {
		const double *obs = s->init_trade;
		for (size_t k = 0; k < nn; k++)
			st->resid[k] = 0;
		prepare(s, st);
		mp_sim__trade(s);
		calibrate(s, st);
		mp_sim__trade(s);
		for (size_t k = 0; k < nn; k++)
			st->resid[k] = (isfinite(obs[k]) && obs[k] > 0 && s->trade[k] > 0) ? log(obs[k] / s->trade[k])
											   : 0.0;
		prepare(s, st);
	} else {
		mp_rng r;
		mp_rng_init(&r, s->seed, s->run, MP_SIM_S_INIT);
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				st->resid[i * n + j] = st->resid[j * n + i] = s->p.trade_resid_sd * mp_rng_normal(&r);
		prepare(s, st);
		mp_sim__trade(s);
		calibrate(s, st);
	}
	for (size_t i = 0; i < n; i++)
		st->what[i] = 1;
	return MP_OK;
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	trade_state *st = vst;
	mp_sim__trade(s);
	for (size_t i = 0; i < s->n; i++) {
		double lv = st->lnw[i] - st->lnw0[i];
		if (lv != s->level[i]) {
			s->gdppc[i] *= exp(lv - s->level[i]);
			s->gdp[i] = s->pop[i] * s->gdppc[i] / 1000.0;
			s->level[i] = lv;
		}
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_trade = { "trade", sizeof(trade_state), layout, init, NULL, NULL, step };
