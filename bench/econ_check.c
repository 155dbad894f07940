/* Standalone check of the economy and military mechanisms (docs/economy.md, "Checks"),
 * until `multipolar evaluate` scores them: for each origin Y0, calibrate on data <= Y0,
 * start the full sim from the store's world of Y0 with the calibration's globals and
 * per-state rows (mp_calib_apply), run an ensemble for h = 10 years and score the 30
 * largest economies of Y0 (Maddison GDP) against what happened:
 *   - 10-year GDP growth (annual mean log growth of the ensemble median) MAE beside
 *     rw_drift (own mean log growth over Y0-10..Y0) and world_mean (the cross-country mean
 *     of that growth, every state with GDP in both years);
 *   - coverage of the 90% band (5%-95% of the ensemble) for GDP and military-spending
 *     shares (shares of the NMC milex of all states of the year);
 *   - military-spending share MAE beside persistence (the Y0 share).
 * Usage: econ_check DB [first last step runs]   (defaults 1970 2006 4 50) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"
#include "multipolar/sim.h"
#include "multipolar/store.h"
#include "multipolar/world.h"

#define TOP 30
#define H 10

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp_dbl);
	double h = (n - 1) * q;
	int f = (int)h;
	return f + 1 < n ? v[f] + (h - f) * (v[f + 1] - v[f]) : v[n - 1];
}

static int find(const mp_world *w, int c)
{
	int i = mp_world_find(w, c);
	if (i < 0 && c == 260)
		i = mp_world_find(w, 255);
	if (i < 0 && c == 255)
		i = mp_world_find(w, 260);
	return i;
}

static double milex_total(const mp_world *w)
{
	double t = 0;
	for (size_t i = 0; i < w->n; i++)
		if (isfinite(w->actors[i].comp[MP_MILEX]) && w->actors[i].comp[MP_MILEX] > 0)
			t += w->actors[i].comp[MP_MILEX];
	return t;
}

/* ECON_SET="key=value,key=value": parameter overrides after the calibration (sensitivity
 * runs; "nounits" drops the per-state rows). */
static int set_params(mp_ctx *ctx, mp_sim_params *p, mp_sim_unit_params *u)
{
	const char *e = getenv("ECON_SET");
	char buf[512];
	if (!e)
		return MP_OK;
	snprintf(buf, sizeof buf, "%s", e);
	for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
		char *eq = strchr(tok, '=');
		if (!strcmp(tok, "nounits")) {
			mp_sim_units_clear(u);
			continue;
		}
		if (!eq)
			return mp_error_set(ctx, MP_EINPUT, "ECON_SET: expected key=value, got %s", tok);
		*eq = 0;
		if (mp_sim_params_set(p, tok, atof(eq + 1)) != MP_OK)
			return mp_error_set(ctx, MP_EINPUT, "ECON_SET: unknown key %s", tok);
	}
	return MP_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: econ_check DB [first last step runs]\n");
		return 2;
	}
	int first = argc > 2 ? atoi(argv[2]) : 1970, last = argc > 3 ? atoi(argv[3]) : 2006;
	int step = argc > 4 ? atoi(argv[4]) : 4, R = argc > 5 ? atoi(argv[5]) : 50;
	mp_ctx *ctx;
	mp_store *st;
	if (mp_ctx_new(&ctx) != MP_OK || mp_store_open(ctx, argv[1], 0, &st) != MP_OK) {
		fprintf(stderr, "cannot open %s\n", argv[1]);
		return 1;
	}
	double ae_m = 0, ae_rw = 0, ae_wm = 0, cov_g = 0, ae_ms = 0, ae_mp = 0, cov_m = 0;
	int ng = 0, nm = 0;
	printf("origin,n,mae_model,mae_rw_drift,mae_world_mean,cover90_gdp,milex_mae_model,milex_mae_persist,"
	       "cover90_milex,chn_usa_model,chn_usa_truth,pop_growth_mae,gdp_pc_growth_mae\n");
	for (int Y0 = first; Y0 <= last; Y0 += step) {
		mp_calib_options o = MP_CALIB_OPTIONS_INIT;
		o.until = Y0;
		mp_calib_result *cr = NULL;
		mp_sim_params p;
		mp_sim_params_default(&p);
		mp_sim_unit_params units = MP_SIM_UNIT_PARAMS_INIT;
		mp_world *w0 = NULL, *w1 = NULL, *wb = NULL;
		if (mp_calibrate(ctx, st, &o, &cr) != MP_OK || mp_calib_apply(ctx, cr, &p, &units) != MP_OK ||
		    set_params(ctx, &p, &units) != MP_OK ||
		    mp_world_from_store(ctx, st, Y0, NULL, NULL, &w0) != MP_OK ||
		    mp_world_from_store(ctx, st, Y0 + H, NULL, NULL, &w1) != MP_OK ||
		    mp_world_from_store(ctx, st, Y0 - H, NULL, NULL, &wb) != MP_OK) {
			fprintf(stderr, "%d: %s\n", Y0, mp_error_message(ctx));
			return 1;
		}
		/* the 30 largest economies of Y0 */
		int top[TOP], nt = 0;
		unsigned char *used = calloc(w0->n, 1);
		for (; nt < TOP; nt++) {
			int best = -1;
			for (size_t i = 0; i < w0->n; i++)
				if (!used[i] && w0->actors[i].gdp > 0 &&
				    (best < 0 || w0->actors[i].gdp > w0->actors[best].gdp))
					best = (int)i;
			if (best < 0)
				break;
			used[best] = 1;
			top[nt] = best;
		}
		free(used);
		/* world_mean: cross-country mean of Y0-10..Y0 growth */
		double wm = 0;
		int wn = 0;
		for (size_t i = 0; i < w0->n; i++) {
			int j = find(wb, w0->actors[i].ccode);
			if (j >= 0 && w0->actors[i].gdp > 0 && wb->actors[j].gdp > 0) {
				wm += log(w0->actors[i].gdp / wb->actors[j].gdp) / H;
				wn++;
			}
		}
		wm /= wn;
		/* the ensemble */
		double *g = malloc((size_t)R * TOP * sizeof *g), *ms = malloc((size_t)R * TOP * sizeof *ms);
		double *gp = malloc((size_t)R * TOP * sizeof *gp);
		mp_sim_opts so = MP_SIM_OPTS_INIT;
		so.params = &p;
		so.units = &units;
		so.store = st;
		so.seed = 1;
		mp_sim *s = NULL;
		if (mp_sim_new(ctx, w0, &so, &s) != MP_OK) {
			fprintf(stderr, "%d: %s\n", Y0, mp_error_message(ctx));
			return 1;
		}
		double chn_usa[512];
		int ic = mp_world_find(w0, 710), iu = mp_world_find(w0, 2);
		for (int r = 0; r < R; r++) {
			mp_sim_reset(s, (uint32_t)r);
			for (int t = 0; t < H; t++)
				if (mp_sim_step(ctx, s) != MP_OK) {
					fprintf(stderr, "%d: %s\n", Y0, mp_error_message(ctx));
					return 1;
				}
			const mp_world *ws = mp_sim_world(s);
			double tm = milex_total(ws);
			for (int k = 0; k < nt; k++) {
				const mp_actor *a = &ws->actors[top[k]];
				g[k * R + r] = log(a->gdp / w0->actors[top[k]].gdp) / H;
				gp[k * R + r] = log(a->comp[MP_TPOP] / w0->actors[top[k]].comp[MP_TPOP]) / H;
				ms[k * R + r] = a->comp[MP_MILEX] / tm;
			}
			if (ic >= 0 && iu >= 0 && r < 512)
				chn_usa[r] = ws->actors[ic].gdp / ws->actors[iu].gdp;
		}
		double pop_ae = 0, pc_ae = 0, m_ae = 0, rw_ae = 0, wm_ae = 0, cg = 0, m_ms = 0, m_mp = 0, cm = 0;
		int n = 0, n2 = 0;
		double tm0 = milex_total(w0), tm1 = milex_total(w1);
		for (int k = 0; k < nt; k++) {
			const mp_actor *a0 = &w0->actors[top[k]];
			int j1 = find(w1, a0->ccode), jb = find(wb, a0->ccode);
			if (j1 < 0 || !(w1->actors[j1].gdp > 0))
				continue;
			double truth = log(w1->actors[j1].gdp / a0->gdp) / H;
			double rw = jb >= 0 && wb->actors[jb].gdp > 0 ? log(a0->gdp / wb->actors[jb].gdp) / H : 0.0;
			double *v = g + k * R;
			double med = quantile(v, R, 0.5), lo = quantile(v, R, 0.05), hi = quantile(v, R, 0.95);
			m_ae += fabs(med - truth);
			double tp = log(w1->actors[j1].comp[MP_TPOP] / a0->comp[MP_TPOP]) / H;
			pop_ae += fabs(quantile(gp + k * R, R, 0.5) - tp);
			pc_ae += fabs(med - quantile(gp + k * R, R, 0.5) - (truth - tp));
			if (getenv("ECON_DETAIL"))
				fprintf(stderr,
					"%d %s model %.4f truth %.4f rw %.4f pop model %.4f truth %.4f [%.4f %.4f]\n",
					Y0, a0->stateabb, med, truth, rw, quantile(gp + k * R, R, 0.5), tp, lo, hi);
			rw_ae += fabs(rw - truth);
			wm_ae += fabs(wm - truth);
			cg += truth >= lo && truth <= hi;
			n++;
			double x1 = w1->actors[j1].comp[MP_MILEX], x0 = a0->comp[MP_MILEX];
			if (isfinite(x1) && x1 > 0 && isfinite(x0) && x0 > 0) {
				double tr = x1 / tm1, pe = x0 / tm0;
				double *u = ms + k * R;
				double mm = quantile(u, R, 0.5), l2 = quantile(u, R, 0.05), h2 = quantile(u, R, 0.95);
				if (getenv("ECON_DETAIL"))
					fprintf(stderr,
						"%d %s milex share truth %.5f start %.5f model %.5f [%.5f %.5f]\n", Y0,
						a0->stateabb, tr, pe, mm, l2, h2);
				m_ms += fabs(mm - tr);
				m_mp += fabs(pe - tr);
				cm += tr >= l2 && tr <= h2;
				n2++;
			}
		}
		double cu_m = ic >= 0 && iu >= 0 ? quantile(chn_usa, R < 512 ? R : 512, 0.5) : MP_NA, cu_t = MP_NA;
		int jc = find(w1, 710), ju = find(w1, 2);
		if (jc >= 0 && ju >= 0)
			cu_t = w1->actors[jc].gdp / w1->actors[ju].gdp;
		printf("%d,%d,%.5f,%.5f,%.5f,%.3f,%.5f,%.5f,%.3f,%.3f,%.3f,%.5f,%.5f\n", Y0, n, m_ae / n, rw_ae / n,
		       wm_ae / n, cg / n, n2 ? m_ms / n2 : MP_NA, n2 ? m_mp / n2 : MP_NA, n2 ? cm / n2 : MP_NA, cu_m,
		       cu_t, pop_ae / n, pc_ae / n);
		fflush(stdout);
		ae_m += m_ae;
		ae_rw += rw_ae;
		ae_wm += wm_ae;
		cov_g += cg;
		ng += n;
		ae_ms += m_ms;
		ae_mp += m_mp;
		cov_m += cm;
		nm += n2;
		free(g);
		free(gp);
		free(ms);
		mp_sim_free(s);
		mp_world_free(w0);
		mp_world_free(w1);
		mp_world_free(wb);
		mp_sim_units_clear(&units);
		mp_calib_result_free(cr);
	}
	printf("all,%d,%.5f,%.5f,%.5f,%.3f,%.5f,%.5f,%.3f,,\n", ng, ae_m / ng, ae_rw / ng, ae_wm / ng, cov_g / ng,
	       ae_ms / nm, ae_mp / nm, cov_m / nm);
	double best = ae_rw < ae_wm ? ae_rw : ae_wm;
	printf("# growth MAE ratio model / better baseline = %.3f (target <= 0.8); milex share MAE ratio model / "
	       "persistence = %.3f (target < 1)\n",
	       ae_m / best, ae_ms / ae_mp);
	mp_store_free(st);
	mp_ctx_free(ctx);
	return 0;
}
