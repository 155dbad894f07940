/* Known answers on the real data (NMC v6.0, shared/data): docs/references.md E1.
 * - CINC recomputed in COW mode equals NMC's published cinc for every row (1e-7;
 *   docs/references.md measured 2.5e-8 as the largest rounding difference).
 * - CON and N_eff among the COW major powers and over all states, 12 years (1e-4).
 * - China above the US in every year 1995-2016. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mp_test.h"
#include "multipolar/multipolar.h"
#include "shared_data.h"

static mp_ctx *ctx;
static mp_store *store;
static char dbpath[] = "/tmp/mp_test_e1_XXXXXX";

static int setup(void **state)
{
	(void)state;
	const char *nmc = mp_test_shared_path("NMC-60-abridged.csv");
	char nmc_path[4096], majors_path[4096];
	snprintf(nmc_path, sizeof nmc_path, "%s", nmc);
	snprintf(majors_path, sizeof majors_path, "%s", mp_test_shared_path("majors2016.csv"));
	int fd = mkstemp(dbpath);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(dbpath);
	mp_import_result r;
	if (mp_ctx_new(&ctx) || mp_store_open(ctx, dbpath, MP_STORE_CREATE, &store) ||
	    mp_import_file(ctx, store, nmc_path, &r) || mp_import_file(ctx, store, majors_path, &r)) {
		fprintf(stderr, "setup: %s\n", mp_error_message(ctx));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mp_store_free(store);
	mp_ctx_free(ctx);
	char p[64];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	return 0;
}

static void test_cinc_reproduces_every_row(void **state)
{
	(void)state;
	size_t rows = 0;
	double worst = 0.0;
	for (int y = 1816; y <= 2016; y++) {
		mp_world *w = NULL;
		assert_int_equal(mp_world_from_store_ex(ctx, store, y, NULL, NULL, 0, &w), MP_OK);
		double *cinc = malloc(w->n * sizeof *cinc);
		mp_capabilities(w, NULL, MP_CINC_COW, NULL, cinc);
		for (size_t i = 0; i < w->n; i++) {
			double d = fabs(cinc[i] - w->actors[i].cinc_published);
			if (!(d <= 1e-7))
				fail_msg("%d %s: recomputed %.10g, published %.10g", y, w->actors[i].stateabb, cinc[i],
					 w->actors[i].cinc_published);
			if (d > worst)
				worst = d;
			rows++;
		}
		free(cinc);
		mp_world_free(w);
	}
	assert_int_equal(rows, 15951);
	printf("CINC: %zu rows, largest |recomputed - published| = %.3g\n", rows, worst);
}

/* docs/references.md E1 table: year, majors N, CON, N_eff, all N, CON, N_eff. */
static const struct {
	int year, n_maj;
	double con_maj, neff_maj;
	int n_all;
	double con_all, neff_all;
} e1[] = {
	{ 1816, 5, 0.3296, 3.485, 23, 0.3458, 6.336 },   { 1850, 5, 0.3100, 3.612, 39, 0.3456, 7.040 },
	{ 1900, 8, 0.2331, 5.796, 42, 0.3062, 8.672 },   { 1913, 8, 0.2378, 5.731, 44, 0.3000, 9.034 },
	{ 1938, 7, 0.2270, 5.347, 66, 0.2986, 9.713 },   { 1946, 4, 0.4516, 2.482, 66, 0.4098, 5.539 },
	{ 1950, 5, 0.3317, 3.472, 75, 0.3538, 7.309 },   { 1970, 5, 0.3217, 3.536, 134, 0.2808, 11.668 },
	{ 1990, 5, 0.3052, 3.642, 165, 0.2347, 16.447 }, { 2000, 7, 0.3332, 4.201, 191, 0.2397, 16.033 },
	{ 2010, 7, 0.4230, 3.376, 194, 0.2727, 12.637 }, { 2016, 7, 0.4618, 3.071, 195, 0.2823, 11.847 },
};

static void test_e1_con_neff(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof e1 / sizeof e1[0]; k++) {
		mp_world *w = NULL;
		mp_units u;
		mp_polarity p;
		assert_int_equal(mp_world_from_store(ctx, store, e1[k].year, NULL, NULL, &w), MP_OK);
		assert_int_equal(mp_units_build(ctx, w, MP_SET_MAJORS, NULL, &u), MP_OK);
		assert_int_equal(mp_polarity_compute(ctx, u.cap, u.n, NULL, &p), MP_OK);
		assert_int_equal(p.n, e1[k].n_maj);
		/* the table prints 4 decimals for CON and 3 for N_eff */
		assert_near(p.con, e1[k].con_maj, 1e-4 / 2 + 1e-9);
		assert_near(p.n_eff, e1[k].neff_maj, 1e-3 / 2 + 1e-9);
		mp_units_clear(&u);
		assert_int_equal(mp_units_build(ctx, w, MP_SET_ALL, NULL, &u), MP_OK);
		assert_int_equal(mp_polarity_compute(ctx, u.cap, u.n, NULL, &p), MP_OK);
		assert_int_equal(p.n, e1[k].n_all);
		assert_near(p.con, e1[k].con_all, 1e-4 / 2 + 1e-9);
		assert_near(p.n_eff, e1[k].neff_all, 1e-3 / 2 + 1e-9);
		mp_units_clear(&u);
		mp_world_free(w);
	}
}

static void test_china_above_us(void **state)
{
	(void)state;
	for (int y = 1995; y <= 2016; y++) {
		mp_world *w = NULL;
		assert_int_equal(mp_world_from_store_ex(ctx, store, y, NULL, NULL, 0, &w), MP_OK);
		int chn = mp_world_find(w, 710), usa = mp_world_find(w, 2);
		assert_true(chn >= 0 && usa >= 0);
		double cinc[256];
		assert_true(w->n <= 256);
		mp_capabilities(w, NULL, MP_CINC_COW, NULL, cinc);
		if (!(cinc[chn] > cinc[usa]))
			fail_msg("%d: China %.6f not above US %.6f", y, cinc[chn], cinc[usa]);
		if (y == 2016) {
			/* E1: 2016 China 0.2306, United States 0.1331 */
			assert_near(cinc[chn], 0.2306, 5e-5);
			assert_near(cinc[usa], 0.1331, 5e-5);
		}
		mp_world_free(w);
	}
}

static void test_out_of_range_year(void **state)
{
	(void)state;
	mp_world *w = NULL;
	assert_int_equal(mp_world_from_store(ctx, store, 2017, NULL, NULL, &w), MP_ERANGE);
	assert_non_null(strstr(mp_error_message(ctx), "1816-2016"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cinc_reproduces_every_row),
		cmocka_unit_test(test_e1_con_neff),
		cmocka_unit_test(test_china_above_us),
		cmocka_unit_test(test_out_of_range_year),
	};
	mp_test_shared_data("NMC-60-abridged.csv");
	return cmocka_run_group_tests(tests, setup, teardown);
}
