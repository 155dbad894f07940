/* Scoring one origin: the truth of every variable, unit and horizon, and the cases of
 * every method (docs/evaluate.md, "Scored units"). A unit is scored when the truth exists
 * and every method of the variable forecast it, so all methods are scored on the same
 * cases. Each case adds to four groups: (origin, unit), (origin, all), and, when the
 * origin is pooled, (pool, unit) and (pool, all); poles are never pooled into "all". */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/stats.h"

#define SRC "score.c"

typedef struct {
	mp_ctx *ctx;
	const ev_origin *og;
	const ev_fcset *f;
	const int *methods; /* methods of the current variable */
	int nm;
	int slot, pooled;
	ev_accset *ao, *ap;
	double *tmp; /* workspace of the largest ensemble */
} scorer;

static int add(scorer *sc, int hi, int var, int unit, int method, const ev_case *c)
{
	int rc = ev_acc_add(sc->ctx, sc->ao, ev_key(sc->slot, hi, var, unit, method), c);
	const int pool_all = unit < EV_POLE0;
	if (rc == MP_OK && pool_all)
		rc = ev_acc_add(sc->ctx, sc->ao, ev_key(sc->slot, hi, var, EV_UNIT_ALL, method), c);
	if (rc == MP_OK && sc->pooled)
		rc = ev_acc_add(sc->ctx, sc->ap, ev_key(EV_SLOT_ALL, hi, var, unit, method), c);
	if (rc == MP_OK && sc->pooled && pool_all)
		rc = ev_acc_add(sc->ctx, sc->ap, ev_key(EV_SLOT_ALL, hi, var, EV_UNIT_ALL, method), c);
	return rc;
}

/* The case of forecast fc for outcome y; ensembles are divided by `scale` (1 unless a
 * top-K state left the system; member r by scale[r] when the ensemble is joint). */
static void make_case(scorer *sc, const ev_fc *fc, double y, const double *scale, double pscale, ev_case *c)
{
	memset(c, 0, sizeof *c);
	c->kind = fc->kind;
	const double *x = sc->f->buf + fc->off;
	if (fc->kind == EV_POINT) {
		c->ae = fabs(x[0] / pscale - y);
		return;
	}
	if (fc->kind == EV_PROB) {
		c->p = x[0];
		c->y = y > 0.5;
		return;
	}
	double *t = sc->tmp;
	for (size_t j = 0; j < fc->m; j++)
		t[j] = x[j] / (scale && fc->joint ? scale[j] : pscale);
	mp_sort_doubles(t, fc->m);
	c->ae = fabs(mp_quantile_sorted(t, fc->m, 0.5) - y);
	c->crps = mp_eval_crps(t, fc->m, y);
	c->in50 = mp_eval_covered(t, fc->m, y, 0.5);
	c->in90 = mp_eval_covered(t, fc->m, y, 0.9);
	mp_eval_pit(t, fc->m, y, c->pit);
}

/* Scores unit u of (var, target year) for every method when all of them forecast it. */
static int score_unit(scorer *sc, int hi, int var, int year, int unit, double y, const double *const *scale,
		      const double *pscale)
{
	const ev_fc *fc[EV_MAXMETHODS];
	for (int k = 0; k < sc->nm; k++)
		if (!(fc[k] = ev_fc_find(sc->f, var, year, unit, sc->methods[k])))
			return MP_OK;
	int rc = MP_OK;
	for (int k = 0; k < sc->nm && rc == MP_OK; k++) {
		ev_case c;
		make_case(sc, fc[k], y, scale ? scale[k] : NULL, pscale ? pscale[k] : 1.0, &c);
		rc = add(sc, hi, var, unit, sc->methods[k], &c);
	}
	return rc;
}

/* The truth panel of NMC variables in `year`: the last --truth file covering it, else
 * the database. */
static const ev_panel *nmc_truth(const ev_truth *tr, int year)
{
	for (size_t k = tr->nfiles; k-- > 0;)
		if (ev_in(&tr->files[k], year))
			return &tr->files[k];
	return ev_in(tr->db, year) ? tr->db : NULL;
}

/* World shares, top-K shares and growth rates. */
static int continuous(scorer *sc, const ev_truth *tr, int var, int hi)
{
	const ev_origin *og = sc->og;
	const int hz = og->horizons[hi], Y0 = og->year, Y1 = Y0 + hz;
	const ev_panel *tp = var == MP_EVAL_GDP ? (ev_in(tr->db, Y1) && tr->db->has_gdp ? tr->db : NULL)
						: nmc_truth(tr, Y1);
	if (!tp)
		return MP_OK;
	if (var != MP_EVAL_GDP) /* GDP is named as Maddison in the description */
		ev_truth_used(tr, tp);
	const double *tv = var == MP_EVAL_CINC_SHARE || var == MP_EVAL_CINC_SHARE_TOP ? tp->cinc
			   : var == MP_EVAL_MILEX_SHARE                               ? tp->milex
			   : var == MP_EVAL_GDP                                       ? tp->gdp
										      : tp->tpop;
#define TRUTH(c) (tp->present[ev_at(tp, Y1, (c))] && isfinite(tv[ev_at(tp, Y1, (c))]) ? tv[ev_at(tp, Y1, (c))] : MP_NA)
	int rc = MP_OK;
	if (var == MP_EVAL_CINC_SHARE || var == MP_EVAL_MILEX_SHARE) {
		double tot = 0, pole[EV_MAXPOLES];
		int pany[EV_MAXPOLES] = { 0 };
		for (int c = 1; c < EV_NC; c++)
			if (isfinite(TRUTH(c)))
				tot += TRUTH(c);
		if (!(tot > 0))
			return MP_OK;
		for (int p = 0; p < EV_MAXPOLES; p++)
			pole[p] = 0;
		for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
			double y = TRUTH(og->ccode[i]) / tot;
			if (!isfinite(y))
				continue;
			if (og->pole_of[i] >= 0) {
				pole[og->pole_of[i]] += y;
				pany[og->pole_of[i]] = 1;
			}
			rc = score_unit(sc, hi, var, Y1, og->ccode[i], y, NULL, NULL);
		}
		for (int p = 0; var == MP_EVAL_CINC_SHARE && p < og->npoles && rc == MP_OK; p++)
			if (pany[p])
				rc = score_unit(sc, hi, var, Y1, EV_POLE0 + p, pole[p], NULL, NULL);
		return rc;
	}
	if (var == MP_EVAL_CINC_SHARE_TOP) {
		/* T: the top K states still in the system. Point forecasts are renormalised among
		   T (they need not sum to 1: trend, rw_drift); ensembles only when T is smaller
		   than K (the model's members sum to 1 over K; joint ensembles member by member,
		   marginal ones by the sum of their medians, the persistence shares) */
		double tot = 0;
		size_t nt = 0;
		for (size_t k = 0; k < og->ntop; k++)
			if (isfinite(TRUTH(og->top[k]))) {
				tot += TRUTH(og->top[k]);
				nt++;
			}
		if (nt < 2 || !(tot > 0))
			return MP_OK;
		double *scale[EV_MAXMETHODS] = { 0 }, ps[EV_MAXMETHODS];
		const int renorm = nt < og->ntop;
		for (int k = 0; k < sc->nm && rc == MP_OK; k++) {
			ps[k] = 0;
			for (size_t j = 0; j < og->ntop; j++) {
				if (!isfinite(TRUTH(og->top[j])))
					continue;
				const ev_fc *fc = ev_fc_find(sc->f, var, Y1, og->top[j], sc->methods[k]);
				if (!fc)
					continue;
				const double *x = sc->f->buf + fc->off;
				if (fc->kind == EV_POINT) {
					ps[k] += x[0];
				} else if (!renorm) {
					ps[k] = 1;
				} else if (fc->joint) {
					if (!scale[k] && !(scale[k] = calloc(fc->m, sizeof *scale[k])))
						rc = mp_error_set(sc->ctx, MP_ENOMEM, SRC ": out of memory");
					for (size_t r = 0; scale[k] && r < fc->m; r++)
						scale[k][r] += x[r];
				} else {
					const ev_fc *pf = ev_fc_find(sc->f, var, Y1, og->top[j], EV_M_PERSISTENCE);
					ps[k] += pf ? sc->f->buf[pf->off] : 0;
				}
			}
			if (!(ps[k] > 0))
				ps[k] = 1;
		}
		for (size_t k = 0; k < og->ntop && rc == MP_OK; k++) {
			double y = TRUTH(og->top[k]) / tot;
			if (isfinite(y))
				rc = score_unit(sc, hi, var, Y1, og->top[k], y, (const double *const *)scale, ps);
		}
		for (int k = 0; k < sc->nm; k++)
			free(scale[k]);
		return rc;
	}
	/* growth: start values from the database's origin year (what the model started from) */
	const ev_panel *db = tr->db;
	const double *sv = var == MP_EVAL_GDP ? db->gdp : db->tpop;
	for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
		double x0 = sv[ev_at(db, Y0, og->ccode[i])], x1 = TRUTH(og->ccode[i]);
		if (x0 > 0 && x1 > 0 && isfinite(x0) && isfinite(x1))
			rc = score_unit(sc, hi, var, Y1, og->ccode[i], log(x1 / x0) / hz, NULL, NULL);
	}
#undef TRUTH
	return rc;
}

static int war(scorer *sc, const ev_truth *tr, int var, int hi)
{
	const ev_origin *og = sc->og;
	const int hz = og->horizons[hi], Y0 = og->year;
	int rc = MP_OK;
	if (tr->db->war_last < Y0 + 1)
		return MP_OK;
	for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
		const int c = og->ccode[i];
		if (var == MP_EVAL_WAR_FREQ) {
			int k = 0, known = 1;
			for (int t = Y0 + 1; t <= Y0 + hz && known; t++) {
				int e = ev_war_event(tr->db, c, t, 0);
				known = e >= 0;
				k += e > 0;
			}
			if (known)
				rc = score_unit(sc, hi, var, Y0 + hz, c, (double)k / hz, NULL, NULL);
			continue;
		}
		for (int t = Y0 + 1; t <= Y0 + hz && rc == MP_OK; t++) {
			int e = ev_war_event(tr->db, c, t, var == MP_EVAL_WAR_ONSET);
			if (e >= 0)
				rc = score_unit(sc, hi, var, t, c, e, NULL, NULL);
		}
	}
	return rc;
}

int ev_score_origin(mp_ctx *ctx, const ev_origin *og, const ev_fcset *f, const ev_truth *tr, int nmethods, int slot,
		    int pooled, ev_accset *ao, ev_accset *ap)
{
	size_t mmax = 1;
	for (size_t k = 0; k < f->n; k++)
		if (f->v[k].m > mmax)
			mmax = f->v[k].m;
	scorer sc = { ctx, og, f, NULL, 0, slot, pooled, ao, ap, malloc(mmax * sizeof(double)) };
	if (!sc.tmp)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	int rc = MP_OK;
	for (int var = 0; var < MP_EVAL_NVARS && rc == MP_OK; var++) {
		if (!(og->vars & (1u << var)))
			continue;
		int methods[EV_MAXMETHODS], nm = 0;
		methods[nm++] = EV_M_MODEL;
		for (int k = EV_M_FIXED; k < nmethods; k++)
			methods[nm++] = k;
		if (var == MP_EVAL_WAR || var == MP_EVAL_WAR_ONSET || var == MP_EVAL_WAR_FREQ) {
			methods[nm++] = EV_M_OWN_RATE;
			methods[nm++] = EV_M_SIZE_LOGIT;
		} else {
			methods[nm++] = EV_M_PERSISTENCE;
			methods[nm++] = EV_M_TREND;
			methods[nm++] = EV_M_RW_DRIFT;
			if (var == MP_EVAL_GDP || var == MP_EVAL_POP)
				methods[nm++] = EV_M_WORLD_MEAN;
			methods[nm++] = EV_M_SPREAD;
		}
		sc.methods = methods;
		sc.nm = nm;
		for (size_t hi = 0; hi < og->nh && rc == MP_OK; hi++)
			rc = var >= MP_EVAL_WAR ? war(&sc, tr, var, (int)hi) : continuous(&sc, tr, var, (int)hi);
	}
	free(sc.tmp);
	return rc;
}
