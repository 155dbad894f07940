/* The model's forecasts of one origin, from its ensemble members (ensemble.h), on the
 * same scales as the truth and the baselines (docs/evaluate.md, "Variables"):
 *  cinc_share, milex_share   member r's value over the sum over every simulated actor
 *  cinc_share_top            ... over the sum over the top K of the origin
 *  gdp, pop                  ln(x_r(Y1) / x(Y0)) / h, x(Y0) the observed start value
 *  war, war_onset            the share of members at war (entering a war) in year t
 *  war_freq                  each member's share of the h horizon years at war
 * Ensembles are stored joint (member r of every unit is run r). */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#define SRC "model.c"

typedef struct {
	const ev_origin *og;
	const double *v;
	size_t na;
	int runs;
} members;

static double mv(const members *m, int r, int y, size_t a, int var)
{
	return m->v[(((size_t)r * (size_t)(m->og->hmax + 1) + (size_t)y) * m->na + a) * EV_MV_N + (size_t)var];
}

/* Adds the ensemble in tmp (runs values) when every member is finite. */
static int add_ens(ev_fcset *f, int var, int year, int unit, int method, const double *tmp, int runs)
{
	for (int r = 0; r < runs; r++)
		if (!isfinite(tmp[r]))
			return MP_OK;
	return ev_fc_add(f, var, year, unit, method, EV_ENS, 1, tmp, (size_t)runs) ? MP_OK : MP_ENOMEM;
}

static int shares(const members *m, int var, int method, const mp_world *w0, double *tmp, double *tot, ev_fcset *f)
{
	const ev_origin *og = m->og;
	const int iv = var == MP_EVAL_MILEX_SHARE ? EV_MV_MILEX : EV_MV_CINC;
	int rc = MP_OK;
	size_t *topa = malloc((og->ntop + 1) * sizeof *topa);
	if (!topa)
		return MP_ENOMEM;
	for (size_t k = 0; k < og->ntop; k++)
		topa[k] = (size_t)mp_world_find(w0, og->top[k]);
	for (size_t hi = 0; hi < og->nh && rc == MP_OK; hi++) {
		const int hz = og->horizons[hi], Y1 = og->year + hz;
		for (int r = 0; r < m->runs; r++) {
			double s = 0;
			if (var == MP_EVAL_CINC_SHARE_TOP)
				for (size_t k = 0; k < og->ntop; k++) {
					double x = mv(m, r, hz, topa[k], iv);
					s += isfinite(x) ? x : 0;
				}
			else
				for (size_t a = 0; a < m->na; a++) {
					double x = mv(m, r, hz, a, iv);
					s += isfinite(x) ? x : 0;
				}
			tot[r] = s;
		}
		if (var == MP_EVAL_CINC_SHARE_TOP) {
			for (size_t k = 0; k < og->ntop && rc == MP_OK; k++) {
				for (int r = 0; r < m->runs; r++)
					tmp[r] = mv(m, r, hz, topa[k], iv) / tot[r];
				rc = add_ens(f, var, Y1, og->top[k], method, tmp, m->runs);
			}
			continue;
		}
		for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
			for (int r = 0; r < m->runs; r++)
				tmp[r] = mv(m, r, hz, og->actor[i], iv) / tot[r];
			rc = add_ens(f, var, Y1, og->ccode[i], method, tmp, m->runs);
		}
		for (int p = 0; var == MP_EVAL_CINC_SHARE && p < og->npoles && rc == MP_OK; p++) {
			int any = 0;
			for (int r = 0; r < m->runs; r++)
				tmp[r] = 0;
			for (size_t i = 0; i < og->ns; i++)
				if (og->pole_of[i] == p) {
					any = 1;
					for (int r = 0; r < m->runs; r++)
						tmp[r] += mv(m, r, hz, og->actor[i], iv) / tot[r];
				}
			if (any)
				rc = add_ens(f, var, Y1, EV_POLE0 + p, method, tmp, m->runs);
		}
	}
	free(topa);
	return rc;
}

static int growth(const members *m, int var, int method, const ev_panel *h, double *tmp, ev_fcset *f)
{
	const ev_origin *og = m->og;
	const int iv = var == MP_EVAL_GDP ? EV_MV_GDP : EV_MV_TPOP;
	int rc = MP_OK;
	for (size_t i = 0; i < og->ns && rc == MP_OK; i++) {
		size_t k = ev_at(h, og->year, og->ccode[i]);
		double x0 = var == MP_EVAL_GDP ? h->gdp[k] : h->tpop[k];
		if (!(x0 > 0) || !isfinite(x0))
			continue;
		for (size_t hi = 0; hi < og->nh && rc == MP_OK; hi++) {
			const int hz = og->horizons[hi];
			for (int r = 0; r < m->runs; r++)
				tmp[r] = log(mv(m, r, hz, og->actor[i], iv) / x0) / hz;
			rc = add_ens(f, var, og->year + hz, og->ccode[i], method, tmp, m->runs);
		}
	}
	return rc;
}

static int war(const members *m, int method, double *tmp, ev_fcset *f)
{
	const ev_origin *og = m->og;
	const int R = m->runs;
	for (size_t i = 0; i < og->ns; i++) {
		const size_t a = og->actor[i];
		for (int y = 1; y <= og->hmax; y++) {
			double np = 0, no = 0;
			for (int r = 0; r < R; r++) {
				int now = mv(m, r, y, a, EV_MV_WAR) > 0, before = mv(m, r, y - 1, a, EV_MV_WAR) > 0;
				np += now;
				no += now && !before;
			}
			double p = np / R, q = no / R;
			if ((og->vars & (1u << MP_EVAL_WAR)) &&
			    !ev_fc_add(f, MP_EVAL_WAR, og->year + y, og->ccode[i], method, EV_PROB, 0, &p, 1))
				return MP_ENOMEM;
			if ((og->vars & (1u << MP_EVAL_WAR_ONSET)) &&
			    !ev_fc_add(f, MP_EVAL_WAR_ONSET, og->year + y, og->ccode[i], method, EV_PROB, 0, &q, 1))
				return MP_ENOMEM;
		}
		for (size_t hi = 0; hi < og->nh && (og->vars & (1u << MP_EVAL_WAR_FREQ)); hi++) {
			const int hz = og->horizons[hi];
			for (int r = 0; r < R; r++) {
				double k = 0;
				for (int y = 1; y <= hz; y++)
					k += mv(m, r, y, a, EV_MV_WAR) > 0;
				tmp[r] = k / hz;
			}
			int rc = add_ens(f, MP_EVAL_WAR_FREQ, og->year + hz, og->ccode[i], method, tmp, R);
			if (rc != MP_OK)
				return rc;
		}
	}
	return MP_OK;
}

int ev_model_forecasts(mp_ctx *ctx, const ev_origin *og, const ev_panel *h, const mp_world *w0, const double *v,
		       int runs, int method, ev_fcset *f)
{
	members m = { og, v, w0->n, runs };
	double *tmp = malloc(2 * (size_t)runs * sizeof *tmp);
	if (!tmp)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	int rc = MP_OK;
	static const int share_vars[] = { MP_EVAL_CINC_SHARE, MP_EVAL_CINC_SHARE_TOP, MP_EVAL_MILEX_SHARE };
	for (size_t k = 0; k < 3 && rc == MP_OK; k++)
		if (og->vars & (1u << share_vars[k]))
			rc = shares(&m, share_vars[k], method, w0, tmp, tmp + runs, f);
	if (rc == MP_OK && (og->vars & (1u << MP_EVAL_GDP)))
		rc = growth(&m, MP_EVAL_GDP, method, h, tmp, f);
	if (rc == MP_OK && (og->vars & (1u << MP_EVAL_POP)))
		rc = growth(&m, MP_EVAL_POP, method, h, tmp, f);
	if (rc == MP_OK && (og->vars & ((1u << MP_EVAL_WAR) | (1u << MP_EVAL_WAR_ONSET) | (1u << MP_EVAL_WAR_FREQ))))
		rc = war(&m, method, tmp, f);
	free(tmp);
	return rc == MP_ENOMEM ? mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory") : rc;
}
