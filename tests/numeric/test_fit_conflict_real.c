/* Known answers of the conflict and alignment samples on the real data (shared/data,
 * SOURCES.md): NMC 6.0, COW contiguity 3.2, capitals, majors, GML MIDs 2.2, COW wars 4.0,
 * ATOP 5.1, Thompson-Dreyer rivalries, UNGA ideal points, COW trade 4.0.
 *
 * Independent expected values, computed with python3 (stdlib csv) straight from the CSV
 * files with the same definitions (docs/conflict.md, "Sample"):
 *  - politically relevant dyads of a year: both states in NMC with cinc > 0, and direct
 *    contiguity of type 1-4 whose spell covers the year (by the years of stdate, enddate)
 *    or a major power (majors2016 spells): 1913: 360 dyads, 9 with a new MID, 6 inside a
 *    MID already under way; 1990: 1131, 14 and 3;
 *  - camps (ATOP defence pact with 2, 365 or 710; the nearest leader by ideal point):
 *    1947-2010, 3401 member-years at risk of leaving with 20 exits, 13646 non-aligned
 *    state-camp-years with 41 entries.
 * Peace years by hand from the GML MID years of the dyads:
 *  - ECU-PER (130-135), MID years ... 1950 1951 1953 1954 1955 1977 1978 1981 1984 1991:
 *    1970: 14 years (since 1956); 1977: a new MID after 21 peace years; 1978 inside that
 *    MID (left out); 1980: 1 (1979); 1991: new MID after 6 years (1985-1990);
 *  - USA-CAN (2-20), Canada a member from 1920, MID years 1979 1989 1991 1997: 1960: 40;
 *    1979: new MID after 59; 1990: 0; 1995: 3.
 * Relevance by hand: CUB-DOM 1990 (water contiguity over 150 miles, no major) and NEP-BOL
 * 1990 are not relevant; CHN-GHA 1990 is (China a major); ROK-JPN 1980 is (conttype 4,
 * Japan not a major 1946-1990; South Korea without UN ideal point before 1991); BOL-PAR is (land): the MID of 1931 (GML 1027) became the
 * Chaco War in 1932 (COW 124), so 1931 is an onset that escalated and 1932 is left out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "multipolar/calib.h"
#include "multipolar/data.h"
#include "multipolar/ensemble.h"
#include "multipolar/store.h"
#include "shared_data.h"
#include "sim/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *files[] = {
	"NMC-60-abridged.csv",
	"cow_contdir.csv",
	"cow_capitals.csv",
	"majors2016.csv",
	"gml_mid_ddydisps.csv",
	"cow_war_inter.csv",
	"atop5.1_dyad_year.csv",
	"td_rivalries.csv",
	"unga_idealpoints_july2025.csv",
	"cow_trade_dyadic_4.0_ndy.csv",
};

static char dir[256];
static mp_ctx *ctx;
static mp_store *st;
static mp_onset_obs *obs;
static size_t nobs;

static int setup(void **state)
{
	(void)state;
	if (mp_test_db_open("fit_conflict", files, sizeof files / sizeof files[0], dir, &ctx, &st))
		return -1;
	if (mp_calib_onset_sample(ctx, st, 1816, 2010, &obs, &nobs) != MP_OK) {
		fprintf(stderr, "sample: %s\n", mp_error_message(ctx));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(obs);
	return mp_test_db_close(dir, ctx, st);
}

static const mp_onset_obs *find(int year, int a, int b)
{
	for (size_t i = 0; i < nobs; i++)
		if (obs[i].year == year && obs[i].ccode1 == a && obs[i].ccode2 == b)
			return &obs[i];
	return NULL;
}

static void test_relevant_counts(void **state)
{
	(void)state;
	static const struct {
		int year;
		size_t n, onset, ongoing;
	} want[] = { { 1913, 360, 9, 6 }, { 1990, 1131, 14, 3 } };
	for (size_t k = 0; k < 2; k++) {
		size_t n = 0, on = 0, og = 0;
		for (size_t i = 0; i < nobs; i++)
			if (obs[i].year == want[k].year) {
				n++;
				on += obs[i].mid == 1;
				og += obs[i].mid == -1;
				assert_true(obs[i].ccode1 < obs[i].ccode2);
				assert_true((obs[i].conttype >= 1 && obs[i].conttype <= 4) || obs[i].cov.majors > 0);
			}
		assert_int_equal((int)n, (int)want[k].n);
		assert_int_equal((int)on, (int)want[k].onset);
		assert_int_equal((int)og, (int)want[k].ongoing);
	}
}

static void test_peace_years(void **state)
{
	(void)state;
	static const struct {
		int year, a, b, peace, mid;
	} want[] = {
		{ 1970, 130, 135, 14, 0 }, { 1977, 130, 135, 21, 1 }, { 1978, 130, 135, 0, -1 },
		{ 1980, 130, 135, 1, 0 },  { 1991, 130, 135, 6, 1 },  { 1960, 2, 20, 40, 0 },
		{ 1979, 2, 20, 59, 1 },    { 1990, 2, 20, 0, 0 },     { 1995, 2, 20, 3, 0 },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		const mp_onset_obs *o = find(want[k].year, want[k].a, want[k].b);
		assert_non_null(o);
		assert_int_equal(o->mid, want[k].mid);
		if (want[k].mid >= 0 && (int)o->cov.peace != want[k].peace)
			fail_msg("%d-%d %d: peace %g, expected %d", want[k].a, want[k].b, want[k].year, o->cov.peace,
				 want[k].peace);
	}
}

static void test_relevance_cases(void **state)
{
	(void)state;
	assert_null(find(1990, 40, 42));
	assert_null(find(1990, 145, 790));
	const mp_onset_obs *o = find(1990, 452, 710);
	assert_non_null(o);
	assert_int_equal(o->cov.majors, 1);
	assert_int_equal(o->cov.contig, 0);
	o = find(1980, 732, 740);
	assert_non_null(o);
	assert_int_equal(o->conttype, 4);
	assert_int_equal(o->cov.majors, 0);
	/* no pact; South Korea joined the UN in 1991: no ideal point, the missing term is on */
	assert_true(o->cov.ally == 0 && isnan(o->cov.ideal_dist) && o->cov.trade_share > 0);
	o = find(1931, 145, 150);
	assert_non_null(o);
	assert_int_equal(o->conttype, 1);
	assert_int_equal(o->mid, 1);
	assert_int_equal(o->war, 1); /* the war began the next year */
	o = find(1932, 145, 150);
	assert_non_null(o);
	assert_int_equal(o->mid, -1);
	/* USA-UKG 1990: a defence pact (NATO), both majors, no rivalry */
	o = find(1990, 2, 200);
	assert_non_null(o);
	assert_int_equal(o->cov.ally, 1);
	assert_int_equal(o->cov.majors, 2);
	assert_int_equal(o->cov.rival, 0);
	/* USA-RUS 1960: a strategic rivalry (Thompson & Dreyer: 1945-1989, again from 2007) */
	o = find(1960, 2, 365);
	assert_non_null(o);
	assert_int_equal(o->cov.rival, 1);
}

static void test_onset_fit(void **state)
{
	(void)state;
	mp_onset_fit f;
	assert_int_equal(mp_calib_onset(ctx, obs, nobs, &f), MP_OK);
	/* the signs the literature reports, each clear of zero by two clustered s.e. */
	assert_true(f.mid.coef[1] < -2 * f.mid_se_dyad[1]);  /* peace years (Beck et al. 1998) */
	assert_true(f.mid.coef[4] > 2 * f.mid_se_dyad[4]);   /* contiguity (Bremer 1992) */
	assert_true(f.mid.coef[6] < -2 * f.mid_se_dyad[6]);  /* preponderance (Bremer 1992) */
	assert_true(f.mid.coef[9] > 2 * f.mid_se_dyad[9]);   /* rivalry (Colaresi et al. 2007) */
	assert_true(f.mid.coef[12] > 2 * f.mid_se_dyad[12]); /* preference distance */
	/* wars between allies are rarer than wars between relevant dyads in general */
	assert_true(f.war_rate_allied < f.war_rate_all);
	assert_true(f.n_esc_events > 250 && f.n_esc_events < 400);
}

static void test_alignment_sample(void **state)
{
	(void)state;
	mp_ideal_obs *io = NULL;
	mp_camp_obs *co = NULL;
	size_t ni = 0, nc = 0;
	assert_int_equal(mp_calib_alignment_sample(ctx, st, 2010, &io, &ni, &co, &nc), MP_OK);
	size_t ex = 0, exn = 0, en = 0, enn = 0;
	for (size_t i = 0; i < nc; i++) {
		if (co[i].exit) {
			ex++;
			exn += co[i].y;
		} else {
			en++;
			enn += co[i].y;
		}
	}
	assert_int_equal((int)ex, 3401);
	assert_int_equal((int)exn, 20);
	assert_int_equal((int)en, 13646);
	assert_int_equal((int)enn, 41);
	mp_alignment_fit f;
	assert_int_equal(mp_calib_alignment(ctx, io, ni, co, nc, &f), MP_OK);
	assert_true(f.exit.coef[1] > 0 && f.entry.coef[1] < 0); /* distant values: leave, do not join */
	free(io);
	free(co);
}

/* Wars inside one camp are no more frequent than wars inside alliances were: the
 * baseline's expected war onsets per same-camp relevant pair-year, averaged over ten
 * runs to 2050 from the shipped world, against the historical rate per allied (ATOP
 * defence pact) relevant dyad-year of the sample. */
static void test_camp_wars_rare(void **state)
{
	(void)state;
	mp_onset_fit f;
	assert_int_equal(mp_calib_onset(ctx, obs, nobs, &f), MP_OK);
	mp_scenario *sc = malloc(sizeof *sc);
	assert_int_equal(mp_scenario_load(ctx, "baseline", sc), MP_OK);
	mp_poles *poles = NULL;
	mp_world *w = NULL;
	assert_int_equal(mp_ensemble_start_world(ctx, sc, NULL, &poles, &w), MP_OK);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.params = &sc->params;
	o.scenario = sc;
	o.poles = poles;
	mp_sim *s = NULL;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	double sum = 0, pairs = 0, sum_all = 0, pairs_all = 0;
	for (uint32_t run = 0; run < 10; run++) {
		mp_sim_reset(s, run);
		while (mp_sim_year(s) < 2050) {
			assert_int_equal(mp_sim_step(ctx, s), MP_OK);
			for (size_t i = 0; i < s->n; i++)
				for (size_t j = i + 1; j < s->n; j++) {
					double pw = mp_sim__war_prob(s, i, j, s->cinc[i], s->cinc[j]);
					if (!(pw > 0))
						continue; /* not a relevant pair */
					sum_all += pw;
					pairs_all += 1;
					if (s->camp[i] >= 0 && s->camp[i] == s->camp[j]) {
						sum += pw;
						pairs += 1;
					}
				}
		}
	}
	double rate = sum / pairs;
	print_message("same-camp war onsets per pair-year %.5f (%.0f pair-years), all relevant %.5f; history: "
		      "allied %.5f, all relevant %.5f\n",
		      rate, pairs, sum_all / pairs_all, f.war_rate_allied, f.war_rate_all);
	assert_true(pairs > 1000);
	assert_true(rate <= f.war_rate_allied);
	mp_sim_free(s);
	mp_world_free(w);
	mp_poles_free(poles);
	free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relevant_counts),  cmocka_unit_test(test_peace_years),
		cmocka_unit_test(test_relevance_cases),  cmocka_unit_test(test_onset_fit),
		cmocka_unit_test(test_alignment_sample), cmocka_unit_test(test_camp_wars_rare),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
