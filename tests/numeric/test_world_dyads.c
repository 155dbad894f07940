/* The world's dyads of a year, by the one set of rules (world.h, docs/world.md "Dyads"),
 * on the real data (NMC 6.0, COW capitals, Direct Contiguity 3.2, ATOP 5.1, COW alliances
 * 4.1, COW trade 4.0, Thompson-Dreyer rivalries; ../shared/data). Expected values read from
 * the CSV files (sqlite3 on the imported tables, and python3 for the distances:
 * haversine with R = 6371.0088 km on the capitals' coordinates). They also agree with the
 * simulation, which reads them from the start world or builds them from the store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/data.h"
#include "multipolar/sim.h"
#include "multipolar/world.h"
#include "shared_data.h"

static const char *const files[] = { "NMC-60-abridged.csv",
				     "cow_capitals.csv",
				     "cow_contdir.csv",
				     "atop5.1_dyad_year.csv",
				     "cow_alliance_v4.1_dyad_year.csv",
				     "cow_trade_dyadic_4.0_ndy.csv",
				     "td_rivalries.csv" };
#define NF (sizeof files / sizeof files[0])

static mp_ctx *ctx;
static mp_store *st;
static char db[] = "/tmp/mp_test_world_dyads_XXXXXX";

static int setup(void **state)
{
	(void)state;
	for (size_t k = 0; k < NF; k++)
		mp_test_shared_data(files[k]);
	int fd = mkstemp(db);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(db);
	if (mp_ctx_new(&ctx) || mp_store_open(ctx, db, MP_STORE_CREATE, &st))
		return -1;
	for (size_t k = 0; k < NF; k++) {
		mp_import_result r;
		if (mp_import_file(ctx, st, mp_test_shared_path(files[k]), &r) != MP_OK) {
			fprintf(stderr, "%s\n", mp_error_message(ctx));
			return -1;
		}
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mp_store_free(st);
	mp_ctx_free(ctx);
	unlink(db);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", db);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", db);
	unlink(wal);
	return 0;
}

#define AT(m, a, b) ((m)[(size_t)(a)*d->n + (size_t)(b)])

static void test_2016(void **state)
{
	(void)state;
	mp_world *w;
	assert_int_equal(mp_world_from_store_ex(ctx, st, 2016, NULL, NULL, MP_WORLD_CAPITALS | MP_WORLD_DYADS, &w),
			 MP_OK);
	const mp_world_dyads *d = w->dyads;
	assert_non_null(d);
	assert_int_equal(d->n, w->n);
	int usa = mp_world_find(w, 2), can = mp_world_find(w, 20), gbr = mp_world_find(w, 200),
	    rus = mp_world_find(w, 365), chn = mp_world_find(w, 710);
	assert_true(usa >= 0 && can >= 0 && gbr >= 0 && rus >= 0 && chn >= 0);
	/* capitals: Washington 38.8950368,-77.0365427; Moscow 55.625578,37.6063916; Beijing
	 * 40.190632,116.412144 -> 7831.054375292051 and 11115.559905093263 km */
	assert_near(AT(d->distance, usa, rus), 7831.054375292051, 1e-6);
	assert_near(AT(d->distance, chn, usa), 11115.559905093263, 1e-6);
	assert_true(isnan(AT(d->distance, usa, usa)));
	/* contiguity spells in force in 2016: USA-CAN type 1 (1920-2016), RUS-CHN type 1 */
	assert_near(AT(d->contig, usa, can), 1, 0);
	assert_near(AT(d->contig, rus, chn), 1, 0);
	assert_near(AT(d->contig, usa, chn), 0, 0);
	/* alliances: ATOP has 2016; USA-GBR and USA-CAN defence (atop_defense 1, consul 1):
	 * tie 3; USA-CHN only non-aggression: tie 1, no defence */
	assert_int_equal(d->alliance_year, 2016);
	assert_string_equal(d->alliance_source, "atop_dyad");
	assert_near(AT(d->tie, usa, gbr), 3, 0);
	assert_near(AT(d->defence, usa, can), 1, 0);
	assert_near(AT(d->tie, usa, chn), 1, 0);
	assert_near(AT(d->defence, chn, usa), 0, 0);
	/* the sources of exactly 2016: ATOP yes, COW (to 2012) none */
	assert_non_null(d->atop);
	assert_null(d->cow);
	assert_near(AT(d->atop, usa, usa), 3, 0);
	/* trade carried from 2014, the last year of COW trade 4.0: USA-CHN 472525 + 183283 */
	assert_int_equal(d->trade_year, 2014);
	assert_near(AT(d->trade, usa, chn), 472525.0 + 183283.0, 1e-6);
	/* Thompson-Dreyer rivalries end by 2010: none in force in 2016 */
	assert_near(AT(d->rival, usa, chn), 0, 0);

	/* the simulation reads these dyads: from the start world, or built from the store when
	 * the world carries none, the runs are the same to the bit */
	size_t n = w->n;
	mp_world *bare;
	assert_int_equal(mp_world_from_store_ex(ctx, st, 2016, NULL, NULL, MP_WORLD_ALL, &bare), MP_OK);
	assert_null(bare->dyads);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.seed = 11;
	mp_sim *with, *built;
	o.store = st; /* both read the pairs' dispute history (and censored rivalries) from it */
	assert_int_equal(mp_sim_new(ctx, w, &o, &with), MP_OK);
	assert_int_equal(mp_sim_new(ctx, bare, &o, &built), MP_OK);
	for (int t = 0; t < 3; t++) {
		assert_int_equal(mp_sim_step(ctx, with), MP_OK);
		assert_int_equal(mp_sim_step(ctx, built), MP_OK);
	}
	assert_memory_equal(mp_sim_cinc(with), mp_sim_cinc(built), n * sizeof(double));
	assert_true(mp_sim_trade(with, (size_t)usa, (size_t)chn) > 0);
	mp_sim_free(with);
	mp_sim_free(built);
	mp_world_free(bare);

	/* a deep copy carries the dyads */
	mp_world *c;
	assert_int_equal(mp_world_clone(w, &c), MP_OK);
	assert_non_null(c->dyads);
	assert_true(c->dyads->tie != d->tie);
	assert_near(c->dyads->tie[(size_t)usa * n + (size_t)gbr], 3, 0);
	mp_world_free(c);
	mp_world_free(w);
}

static void test_1960_rivalry_and_cow(void **state)
{
	(void)state;
	mp_world *w;
	assert_int_equal(mp_world_from_store_ex(ctx, st, 1960, NULL, NULL, MP_WORLD_DYADS, &w), MP_OK);
	const mp_world_dyads *d = w->dyads;
	int usa = mp_world_find(w, 2), rus = mp_world_find(w, 365), chn = mp_world_find(w, 710);
	/* Russia-United States 1 (1945-1989), China-United States 1 (1949-1972) */
	assert_near(AT(d->rival, usa, rus), 1, 0);
	assert_near(AT(d->rival, chn, usa), 1, 0);
	/* both sources have 1960 */
	assert_non_null(d->atop);
	assert_non_null(d->cow);
	assert_int_equal(d->trade_year, 1960);
	mp_world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2016),
		cmocka_unit_test(test_1960_rivalry_and_cow),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
