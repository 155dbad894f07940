/* Known-answer test of `calibrate` on the real data (NMC 6.0, Maddison 2023 cut at 2016,
 * COW trade 4.0, ...; shared/data, described in docs/data.md), calibrated as of 2006.
 *
 * Independent expected values were computed with python3 + pandas/numpy straight from
 * the CSV files (not from the database), with the same definitions:
 *  - convergence: 10-year windows 1956-2006, countries with gdppc at both ends (SUN, CSK,
 *    YUG left out), OLS of mean log growth on ln y0 + window dummies + region dummies:
 *    slope -0.006192741195753662, n = 779, beta = -ln(1 + 10 b)/10 = 0.006392794699727681,
 *    the sim's discrete beta 1 - e^-beta = 0.006372404261457465;
 *  - frontier growth: mean diff(ln US gdppc) 1950-2006 = 0.02139016025383213 (56 years);
 *  - gravity 1997-2006: both directions of each dyad, capitals of the year, haversine with
 *    R = 6371.0088 km, land contiguity (conttype 1) of the year, GDP = gdppc * pop / 1000
 *    through the crosswalk (SRB -> 345), OLS of ln flow on year dummies, ln(Yo Yd), ln D,
 *    contig over positive flows: n = 119690, (0.7959346754839114, -0.8862421190100469,
 *    0.7180706680660582), R2 = 0.5820556675102142.
 * Tolerances: 1e-9 absolute (SVD vs lstsq rounding). Plausibility bands from the
 * literature: beta in [0, 0.03] (docs/references.md C1: ~0.02), distance elasticity in
 * [-1.5, -0.5] and GDP elasticity in [0.5, 1.2] (Head & Mayer 2014 medians -0.89, ~0.9).
 * These values are pinned to the data versions above: other releases move them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "multipolar/calib.h"
#include "multipolar/data.h"
#include "multipolar/sim.h"
#include "multipolar/store.h"
#include "shared_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static const char *files[] = {
	"NMC-60-abridged.csv",
	"mpd2023.csv",
	"country_code_crosswalk.csv",
	"cow_trade_dyadic_4.0_ndy.csv",
	"cow_capitals.csv",
	"cow_contdir.csv",
	"gml_mid_ddydisps.csv",
	"cow_war_inter.csv",
	"cow_alliance_v4.1_dyad_year.csv",
	"majors2016.csv",
	"sipri_milex_1949_2023.csv",
	"td_rivalries.csv",
	"unga_idealpoints_july2025.csv",
	"pwt/pwt110_1950_2016.csv",
	"atop5.1_dyad_year.csv",
};

static char dir[256];
static mp_ctx *ctx;
static mp_store *st;

static int setup(void **state)
{
	(void)state;
	if (mp_test_db_open("calib_real", files, sizeof files / sizeof files[0], dir, &ctx, &st))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return mp_test_db_close(dir, ctx, st);
}

static void test_calibrate_2006(void **state)
{
	(void)state;
	mp_calib_options o = MP_CALIB_OPTIONS_INIT;
	o.until = 2006;
	mp_calib_result *r = NULL;
	int rc = mp_calibrate(ctx, st, &o, &r);
	if (rc != MP_OK)
		fprintf(stderr, "%s\n", mp_error_message(ctx));
	assert_int_equal(rc, MP_OK);

	const mp_calib_param *b = mp_calib_find(r, "economy.beta");
	assert_non_null(b);
	assert_true(b->estimate > 0 && b->estimate < 0.03);
	NEAR(b->estimate, 0.006372404261457465, 1e-9);
	assert_int_equal(b->n, 779);
	const mp_calib_param *g = mp_calib_find(r, "economy.frontier_growth");
	NEAR(g->estimate, 0.02139016025383213, 1e-12);
	assert_int_equal(g->n, 56);

	const mp_calib_param *ge = mp_calib_find(r, "trade.elasticity_gdp");
	const mp_calib_param *gd = mp_calib_find(r, "trade.elasticity_distance");
	const mp_calib_param *gc = mp_calib_find(r, "trade.contiguity");
	assert_int_equal(ge->n, 119690);
	NEAR(ge->estimate, 0.7959346754839114, 1e-9);
	NEAR(gd->estimate, -0.8862421190100469, 1e-9);
	NEAR(gc->estimate, 0.7180706680660582, 1e-9);
	NEAR(ge->stat, 0.5820556675102142, 1e-9);
	assert_true(gd->estimate > -1.5 && gd->estimate < -0.5);
	assert_true(ge->estimate > 0.5 && ge->estimate < 1.2);

	/* Plausibility of the rest: probabilities, speeds and s.d.s in their ranges. */
	const char *pos[] = { "economy.shock_sd",  "demography.transition", "military.reversion", "military.shock_sd",
			      "conflict.decisive", "conflict.deaths_sd",    "alignment.noise_sd" };
	for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++) {
		const mp_calib_param *p = mp_calib_find(r, pos[i]);
		assert_non_null(p);
		assert_true(p->estimate > 0);
	}
	assert_true(mp_calib_find(r, "conflict.onset_peace1")->estimate < 0); /* Beck et al. 1998 */
	assert_true(mp_calib_find(r, "conflict.onset_rival")->estimate > 0);
	assert_true(mp_calib_find(r, "conflict.war_gdp")->estimate < 0);
	assert_true(mp_calib_find(r, "demography.n_b")->estimate < 0); /* richer, slower growth */
	const mp_calib_param *orw = mp_calib_find(r, "fit.war_rate_allied");
	assert_true(orw->estimate > 0 && orw->estimate < mp_calib_find(r, "fit.war_rate_relevant")->estimate);

	/* Economy and military (docs/economy.md). The Balassa-Samuelson line, python3 straight
	   from the CSVs: pooled OLS 1987-2006 of ln(sum_k csh_k pl_k / US) on ln(gdppc / US)
	   (Maddison, SUN/CSK/YUG left out): n = 3147, a = -0.18598502104248693,
	   b = 0.2616142297102738. */
	const mp_calib_param *pe = mp_calib_find(r, "economy.price_elasticity");
	assert_non_null(pe);
	assert_int_equal(pe->n, 3147);
	NEAR(pe->estimate, 0.2616142297102738, 1e-9);
	NEAR(mp_calib_find(r, "economy.price_const")->estimate, -0.18598502104248693, 1e-9);
	/* plausibility: convergence speed, reversion speeds and shares in their ranges */
	double lam = mp_calib_find(r, "economy.tfp_speed")->estimate;
	assert_true(lam > 0.005 && lam < 0.1);
	double kb = mp_calib_find(r, "military.reversion")->estimate;
	assert_true(kb > 0.02 && kb < 0.5);
	assert_true(mp_calib_find(r, "military.war_effect")->estimate > 0); /* wars raise burdens */
	double ph = mp_calib_find(r, "economy.price_persistence")->estimate;
	assert_true(ph > 0.5 && ph < 1);
	/* per-state rows: China's TFP gap and the US burden level exist, the US gap is 0 */
	int china = 0, us_burden = 0;
	for (size_t i = 0; i < r->n; i++) {
		const mp_calib_param *q = &r->params[i];
		if (q->ccode == 710 && !strcmp(q->key, "economy.tfp_gap"))
			china = 1;
		if (q->ccode == 2 && !strcmp(q->key, "economy.tfp_gap"))
			assert_true(q->estimate == 0);
		if (q->ccode == 2 && !strcmp(q->key, "military.burden_level")) {
			us_burden = 1;
			assert_true(q->estimate > 0.03 && q->estimate < 0.07); /* SIPRI 1982-2006 */
		}
	}
	assert_true(china && us_burden);

	/* The YAML is what the sim reads: every key loads and round-trips exactly. */
	char yaml[300];
	snprintf(yaml, sizeof yaml, "%s/calibrated.yaml", dir);
	assert_int_equal(mp_calib_write_yaml(ctx, r, yaml), MP_OK);
	mp_sim_params p;
	mp_sim_params_default(&p);
	assert_int_equal(mp_sim_params_load(ctx, yaml, &p), MP_OK);
	double v;
	assert_int_equal(mp_sim_params_get(&p, "economy.beta", &v), MP_OK);
	assert_true(v == b->estimate);
	assert_int_equal(mp_sim_params_get(&p, "trade.elasticity_distance", &v), MP_OK);
	assert_true(v == gd->estimate);
	/* ... and so does every per-country row (the units: mapping), exactly */
	mp_sim_unit_params fu = MP_SIM_UNIT_PARAMS_INIT, mu = MP_SIM_UNIT_PARAMS_INIT;
	assert_int_equal(mp_sim_units_load(ctx, yaml, &fu), MP_OK);
	assert_int_equal(mp_calib_apply(ctx, r, &p, &mu), MP_OK);
	assert_true(mu.n > 100);
	assert_int_equal((int)fu.n, (int)mu.n);
	for (size_t i = 0; i < mu.n; i++) {
		assert_int_equal(fu.v[i].ccode, mu.v[i].ccode);
		assert_string_equal(fu.v[i].key, mu.v[i].key);
		assert_true(fu.v[i].value == mu.v[i].value);
	}
	mp_sim_units_clear(&fu);
	mp_sim_units_clear(&mu);

	/* The fit statistics go to the database in one transaction. */
	int64_t id = 0;
	assert_int_equal(mp_calib_save(ctx, st, r, &id), MP_OK);
	assert_true(id > 0);
	mp_calib_result_free(r);
}

/* Too early for two convergence windows: a range error naming the year. */
static void test_calibrate_too_early(void **state)
{
	(void)state;
	mp_calib_options o = MP_CALIB_OPTIONS_INIT;
	o.until = 1960;
	mp_calib_result *r = NULL;
	assert_int_equal(mp_calibrate(ctx, st, &o, &r), MP_ERANGE);
	assert_null(r);
	assert_non_null(strstr(mp_error_message(ctx), "1970"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calibrate_2006),
		cmocka_unit_test(test_calibrate_too_early),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
