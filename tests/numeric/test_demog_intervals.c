/* Honest uncertainty (docs/demography.md, "Uncertainty"): the demography fitted on data up
 * to 2015 only (mp_calib__fit_demography on WPP 2024 estimates to 2015 and NMC), applied,
 * and an ensemble of the simulation's cohort engine from the 2015 world (only demography
 * switched on) to 2100. For every state above 1 million people its 80% and 95% intervals
 * of total population (2050, 2100), total fertility (2045-2050) and female life expectancy
 * (2045-2050) are compared with WPP 2017's probabilistic bounds (popproj80l/u, 95l/u,
 * tfrproj*, e0Fproj*): the ratio of the widths, and how often the UN's median lies inside
 * ours. The UN's probabilistic projections hold migration at the medium assumption, so the
 * comparison is made twice: with migration held at its central path (like the UN's) and
 * with the simulation's migration uncertainty. Printed as tables (bench/RESULTS.md,
 * docs/demography.md); the test pins the first's median width ratios loosely (0.4 to 2.5)
 * so a change that makes the bands implausibly narrow or wide fails, and checks that
 * migration uncertainty only widens them. Runs: $MP_DEMOG_RUNS (default 100). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calib/calib_internal.h"
#include "multipolar/calib.h"
#include "multipolar/data.h"
#include "multipolar/sim.h"
#include "shared_data.h"
#include "store/q_demog.h"
#include "world/ages_internal.h"

static const char *files[] = {
	"NMC-60-abridged.csv",     "country_code_crosswalk.csv",
	"wpp2017/popF.txt",        "wpp2017/popM.txt",
	"wpp2017/popFprojMed.txt", "wpp2017/popMprojMed.txt",
	"wpp2017/mxF.txt",         "wpp2017/mxM.txt",
	"wpp2017/tfr.txt",         "wpp2017/percentASFR.txt",
	"wpp2017/sexRatio.txt",    "wpp2017/migration.txt",
	"wpp2017/UNlocations.txt", "wpp2017/popproj80l.txt",
	"wpp2017/popproj80u.txt",  "wpp2017/popproj95l.txt",
	"wpp2017/popproj95u.txt",  "wpp2017/tfrprojMed.txt",
	"wpp2017/tfrproj80l.txt",  "wpp2017/tfrproj80u.txt",
	"wpp2017/tfrproj95l.txt",  "wpp2017/tfrproj95u.txt",
	"wpp2017/e0Fproj.txt",     "wpp2017/e0Fproj80l.txt",
	"wpp2017/e0Fproj80u.txt",  "wpp2017/e0Fproj95l.txt",
	"wpp2017/e0Fproj95u.txt",  "wpp2024/tfr.txt",
	"wpp2024/e0F.txt",         "wpp2024/e0M.txt",
	"wpp2024/cnmr.txt",        "wpp2024/births.txt",
	"wpp2024/deaths.txt",      "wpp2024/migration.txt",
	"wpp2024/sexRatio.txt",    "wpp2024/percentASFR5.txt",
};

static char dir[256];
static mp_ctx *ctx;
static mp_store *st;

static int setup(void **state)
{
	(void)state;
	if (mp_test_db_open("demog_int", files, sizeof files / sizeof files[0], dir, &ctx, &st))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return mp_test_db_close(dir, ctx, st);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Quantile (type 7) of sorted v. */
static double q7(const double *v, int n, double p)
{
	double h = (n - 1) * p;
	int lo = (int)h;
	return lo + 1 < n ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[n - 1];
}

/* One UN value: family, variant, sex, code, year (first year of the period or point). */
static double un(const char *family, const char *variant, const char *sex, int code, int year, int sum_ages)
{
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = family;
	q.version = "2017";
	q.variant = variant;
	q.sex = sex;
	q.code = code;
	q.from = year;
	mp_wpp_rows r;
	if (mp_store__wpp_fetch(ctx, st, &q, &r) != MP_OK)
		return NAN;
	double v = 0;
	int got = 0;
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].year == year && (sum_ages || r.v[i].age < 0))
			v += r.v[i].value, got = 1;
	mp_store__wpp_rows_free(&r);
	return got ? v : NAN;
}

enum { Q_P50, Q_P100, Q_TFR, Q_E0, NQ };

/* One comparison; mig = 0 holds migration at its central path, as the UN's probabilistic
 * projections do (WPP 2017: fertility and mortality are probabilistic, migration follows
 * the medium assumption). Returns the median 80% width ratios in med80. */
static void compare(int mig, double med80[4]);

static void test_intervals(void **state)
{
	(void)state;
	double like_un[4], full[4];
	printf("== migration held at its central path, as in the UN's probabilistic projections ==\n");
	compare(0, like_un);
	printf("\n== with migration uncertainty (the simulation's default) ==\n");
	compare(1, full);
	for (int k = 0; k < 4; k++) {
		assert_true(like_un[k] > 0.4 && like_un[k] < 2.5);
		assert_true(full[k] >= like_un[k] * 0.95);
	}
}

static void compare(int mig, double med80_out[4])
{
	mp_calib_options o = MP_CALIB_OPTIONS_INIT;
	o.until = 2015;
	mp_calib_result *res = calloc(1, sizeof *res);
	assert_non_null(res);
	res->until = 2015;
	assert_int_equal(mp_calib__fit_demography(ctx, st, &o, res), MP_OK);
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_sim_unit_params units = MP_SIM_UNIT_PARAMS_INIT;
	assert_int_equal(mp_calib_apply(ctx, res, &p, &units), MP_OK);
	p.economy_enabled = p.military_enabled = p.trade_enabled = p.alignment_enabled = 0;
	p.strategy_enabled = p.conflict_enabled = 0;
	p.demography_mig_uncertainty = mig;
	mp_world *w = NULL;
	assert_int_equal(mp_world_from_store(ctx, st, 2015, NULL, NULL, &w), MP_OK);
	assert_non_null(w->demog);
	mp_sim_opts so = MP_SIM_OPTS_INIT;
	so.params = &p;
	so.units = &units;
	so.seed = 20150701;
	mp_sim *sim = NULL;
	assert_int_equal(mp_sim_new(ctx, w, &so, &sim), MP_OK);
	int R = getenv("MP_DEMOG_RUNS") ? atoi(getenv("MP_DEMOG_RUNS")) : 100;
	const size_t n = w->n;
	double *v = malloc((size_t)R * n * NQ * sizeof *v);
	assert_non_null(v);
	for (int r = 0; r < R; r++) {
		mp_sim_reset(sim, (uint32_t)r);
		for (int y = 2016; y <= 2100; y++) {
			assert_int_equal(mp_sim_step(ctx, sim), MP_OK);
			for (size_t i = 0; i < n; i++) {
				mp_sim_demog d;
				if (mp_sim_demography(sim, i, &d) != MP_OK)
					continue;
				double *x = v + ((size_t)r * n + i) * NQ;
				if (y == 2048) { /* the middle of 2045-2050 */
					x[Q_TFR] = d.tfr;
					x[Q_E0] = d.e0f;
				}
				if (y == 2050)
					x[Q_P50] = d.total;
				if (y == 2100)
					x[Q_P100] = d.total;
			}
		}
	}
	mp_world_xwalk xw;
	assert_int_equal(mp_world__xwalk_load(ctx, st, &xw), MP_OK);
	static const char *names[NQ] = { "population 2050", "population 2100", "TFR 2045-2050", "female e0 2045-2050" };
	double ratio[NQ][2][256], inside[NQ][256], medr[NQ][256];
	int cnt[NQ] = { 0 };
	double *col = malloc((size_t)R * sizeof *col);
	printf("country  quantity             ours p10-p90 (p2.5-p97.5)        UN 80%% (95%%)\n");
	for (size_t i = 0; i < n; i++) {
		int mem[16];
		if (mp_world__members(&xw, w->actors[i].ccode, 2015, mem, 16) != 1 || w->actors[i].comp[MP_TPOP] < 1000)
			continue;
		int code = mem[0];
		for (int qk = 0; qk < NQ; qk++) {
			for (int r = 0; r < R; r++)
				col[r] = v[((size_t)r * n + i) * NQ + (size_t)qk];
			qsort(col, (size_t)R, sizeof *col, cmp);
			double a80 = q7(col, R, 0.1), b80 = q7(col, R, 0.9), a95 = q7(col, R, 0.025),
			       b95 = q7(col, R, 0.975);
			double med = q7(col, R, 0.5);
			double ul80, uu80, ul95, uu95, um;
			if (qk <= Q_P100) {
				int yr = qk == Q_P50 ? 2050 : 2100;
				ul80 = un("wpp_poptot", "80l", "B", code, yr, 0);
				uu80 = un("wpp_poptot", "80u", "B", code, yr, 0);
				ul95 = un("wpp_poptot", "95l", "B", code, yr, 0);
				uu95 = un("wpp_poptot", "95u", "B", code, yr, 0);
				um = un("wpp_pop", "medium", "F", code, yr, 1) +
				     un("wpp_pop", "medium", "M", code, yr, 1);
			} else {
				const char *fam = qk == Q_TFR ? "wpp_tfr" : "wpp_e0", *sx = "F";
				ul80 = un(fam, "80l", sx, code, 2045, 0);
				uu80 = un(fam, "80u", sx, code, 2045, 0);
				ul95 = un(fam, "95l", sx, code, 2045, 0);
				uu95 = un(fam, "95u", sx, code, 2045, 0);
				um = un(fam, qk == Q_TFR ? "medium" : "median", sx, code, 2045, 0);
			}
			if (!isfinite(ul80) || !isfinite(uu80) || !isfinite(um) || uu80 <= ul80)
				continue;
			int c = cnt[qk]++;
			ratio[qk][0][c] = (b80 - a80) / (uu80 - ul80);
			ratio[qk][1][c] = (b95 - a95) / (uu95 - ul95);
			inside[qk][c] = um >= a80 && um <= b80;
			medr[qk][c] = med / um;
			int cc = w->actors[i].ccode;
			if (cc == 2 || cc == 710 || cc == 750 || cc == 365 || cc == 740 || cc == 475 || cc == 255)
				printf("%-8s %-20s %9.2f-%-9.2f (%.2f-%.2f)   %9.2f-%-9.2f (%.2f-%.2f) median %.2f / UN %.2f\n",
				       w->actors[i].stateabb, names[qk], a80, b80, a95, b95, ul80, uu80, ul95, uu95,
				       med, um);
		}
	}
	printf("\nquantity              countries  width ratio ours/UN (median [p25, p75])      UN median in our 80%%  "
	       "our median / UN median (median)\n");
	double med80[NQ];
	for (int qk = 0; qk < NQ; qk++) {
		int c = cnt[qk];
		double in = 0;
		for (int k = 0; k < c; k++)
			in += inside[qk][k];
		qsort(ratio[qk][0], (size_t)c, sizeof(double), cmp);
		qsort(ratio[qk][1], (size_t)c, sizeof(double), cmp);
		qsort(medr[qk], (size_t)c, sizeof(double), cmp);
		med80[qk] = c ? q7(ratio[qk][0], c, 0.5) : NAN;
		printf("%-21s %9d   80%%: %.2f [%.2f, %.2f]  95%%: %.2f [%.2f, %.2f]   %5.1f%%          %.3f\n",
		       names[qk], c, med80[qk], q7(ratio[qk][0], c, 0.25), q7(ratio[qk][0], c, 0.75),
		       q7(ratio[qk][1], c, 0.5), q7(ratio[qk][1], c, 0.25), q7(ratio[qk][1], c, 0.75),
		       100 * in / (c ? c : 1), q7(medr[qk], c, 0.5));
	}
	printf("(%d runs from 2015, seed 20150701; the UN's bounds: WPP 2017)\n", R);
	for (int qk = 0; qk < NQ; qk++) {
		assert_true(cnt[qk] >= 100);
		med80_out[qk] = med80[qk];
	}
	free(col);
	free(v);
	mp_world__xwalk_free(&xw);
	mp_sim_free(sim);
	mp_world_free(w);
	mp_sim_units_clear(&units);
	mp_calib_result_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intervals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
