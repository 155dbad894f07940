/* The start world by age (world/ages*.c; docs/demography.md, "Start world by age") on the
 * real data: NMC 6.0, the countrycode crosswalk, WPP 2017 and WPP 2024 (shared/data).
 *  - 2015, a WPP 2017 point: every NMC state has an age structure; a state that is one WPP
 *    location has exactly WPP 2017's total (1e-9 relative, the single years sum to the
 *    groups); the fertility shares and migrant distributions sum to 1.
 *  - 2016, carried forward one year with WPP 2024's births, deaths and migrants: within 2%
 *    of NMC 6.0's tpop for the median state above 10 million (NMC's recent tpop comes from
 *    the UN's own estimates; the two revisions differ by up to a few percent).
 *  - 1973, the USSR (COW 365) as the sum of its 15 successors: within 1.5% of NMC's tpop.
 *  - The derived-file round trip (mp_world_ages_write / _load) keeps every value to 7
 *    significant digits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mp_test.h"
#include "multipolar/data.h"
#include "multipolar/world.h"
#include "shared_data.h"

static const char *files[] = {
	"NMC-60-abridged.csv",      "country_code_crosswalk.csv",
	"wpp2017/popF.txt",         "wpp2017/popM.txt",
	"wpp2017/mxF.txt",          "wpp2017/mxM.txt",
	"wpp2017/tfr.txt",          "wpp2017/percentASFR.txt",
	"wpp2017/sexRatio.txt",     "wpp2017/migration.txt",
	"wpp2017/UNlocations.txt",  "wpp2024/tfr.txt",
	"wpp2024/e0F.txt",          "wpp2024/e0M.txt",
	"wpp2024/births.txt",       "wpp2024/deaths.txt",
	"wpp2024/migration.txt",    "wpp2024/sexRatio.txt",
	"wpp2024/percentASFR5.txt",
};

static char dir[256];
static mp_ctx *ctx;
static mp_store *st;

static int setup(void **state)
{
	(void)state;
	if (mp_test_db_open("world_ages", files, sizeof files / sizeof files[0], dir, &ctx, &st))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return mp_test_db_close(dir, ctx, st);
}

static double total(const mp_actor_demog *d)
{
	double t = 0;
	for (int x = 0; x < 2; x++)
		for (int a = 0; a < MP_DEMOG_AGES; a++)
			t += d->pop[x][a];
	return t;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void test_2015(void **state)
{
	(void)state;
	mp_world *w;
	assert_int_equal(mp_world_from_store(ctx, st, 2015, NULL, NULL, &w), MP_OK);
	assert_non_null(w->demog);
	/* WPP 2017 totals 2015 (thousands, popF + popM), computed from the files with awk */
	struct {
		int ccode;
		double wpp;
	} known[] = {
		{ 710, 1397028.547 }, { 2, 319929.164 }, { 750, 1309053.984 }, { 740, 127974.959 }, { 475, 181181.747 }
	};
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
		int i = mp_world_find(w, known[k].ccode);
		assert_true(i >= 0);
		assert_near(total(&w->demog[i]) / known[k].wpp, 1.0, 1e-6);
	}
	for (size_t i = 0; i < w->n; i++) {
		const mp_actor_demog *d = &w->demog[i];
		assert_true(d->source != MP_AGES_NONE);
		double f = 0, m = 0;
		for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
			f += d->fert[a];
		for (int x = 0; x < 2; x++)
			for (int a = 0; a < MP_DEMOG_AGES; a++) {
				m += d->mig[x][a];
				assert_true(d->pop[x][a] >= 0);
			}
		assert_near(f, 1.0, 1e-9);
		assert_near(m, 1.0, 1e-9);
		assert_true(d->e0[0] > 40 && d->e0[0] < 95 && d->e0[1] > 35 && d->e0[1] < 90);
		assert_true(d->tfr > 0.8 && d->tfr < 8.5);
	}
	/* round trip through the derived file */
	char path[300];
	snprintf(path, sizeof path, "%s/ages.csv", dir);
	assert_int_equal(mp_world_ages_write(ctx, w, path), MP_OK);
	mp_actor_demog *keep = w->demog;
	w->demog = NULL;
	assert_int_equal(mp_world_ages_load(ctx, path, w), MP_OK);
	for (size_t i = 0; i < w->n; i++) {
		assert_near(total(&w->demog[i]) / total(&keep[i]), 1.0, 1e-6);
		assert_near(w->demog[i].tfr, keep[i].tfr, 1e-5 * keep[i].tfr);
		assert_near(w->demog[i].mx[1][10], keep[i].mx[1][10], 1e-5 * keep[i].mx[1][10]);
		assert_int_equal(w->demog[i].source, keep[i].source);
	}
	free(keep);
	mp_world_free(w);
}

static void test_2016(void **state)
{
	(void)state;
	mp_world *w;
	assert_int_equal(mp_world_from_store(ctx, st, 2016, NULL, NULL, &w), MP_OK);
	double err[256];
	size_t n = 0;
	for (size_t i = 0; i < w->n && n < 256; i++)
		if (w->actors[i].comp[MP_TPOP] > 10000 && w->demog[i].source == MP_AGES_WPP) {
			assert_int_equal(w->demog[i].year, 2016);
			err[n++] = fabs(total(&w->demog[i]) / w->actors[i].comp[MP_TPOP] - 1);
		}
	qsort(err, n, sizeof *err, cmp);
	printf("2016: %zu states above 10 million; |WPP carried / NMC tpop - 1|: median %.2f%%, 90th %.2f%%\n", n,
	       100 * err[n / 2], 100 * err[n * 9 / 10]);
	assert_true(n > 60);
	assert_true(err[n / 2] < 0.02);
	mp_world_free(w);
}

static void test_1973(void **state)
{
	(void)state;
	mp_world *w;
	assert_int_equal(mp_world_from_store(ctx, st, 1973, NULL, NULL, &w), MP_OK);
	int i = mp_world_find(w, 365);
	assert_true(i >= 0);
	assert_int_equal(w->demog[i].year, 1973);
	assert_near(total(&w->demog[i]) / w->actors[i].comp[MP_TPOP], 1.0, 0.015);
	mp_world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2015),
		cmocka_unit_test(test_2016),
		cmocka_unit_test(test_1973),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
