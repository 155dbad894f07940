/* A simulation started from imported data uses the store's dyads: observed trade is the
 * start year's trade, COW contiguity and Thompson-Dreyer rivalries are read for the
 * start year (NMC 6.0, COW Trade 4.0, COW Direct Contiguity 3.2, td_rivalries). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "multipolar/data.h"
#include "mp_test.h"
#include "shared_data.h"
#include "sim/sim_internal.h"

static void test_dyads_2008(void **state)
{
	(void)state;
	static const char *const files[] = { "NMC-60-abridged.csv", "cow_trade_dyadic_4.0_ndy.csv", "cow_contdir.csv",
					     "td_rivalries.csv" };
	for (size_t k = 0; k < 4; k++)
		mp_test_shared_data(files[k]);
	char db[] = "/tmp/mp_test_sim_store_XXXXXX";
	int fd = mkstemp(db);
	assert_true(fd >= 0);
	close(fd);
	unlink(db);
	mp_ctx *ctx;
	mp_store *st;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_store_open(ctx, db, MP_STORE_CREATE, &st), MP_OK);
	for (size_t k = 0; k < 4; k++) {
		mp_import_result r;
		assert_int_equal(mp_import_file(ctx, st, mp_test_shared_path(files[k]), &r), MP_OK);
	}
	mp_world *w;
	assert_int_equal(mp_world_from_store(ctx, st, 2008, NULL, NULL, &w), MP_OK);
	mp_sim_opts o = MP_SIM_OPTS_INIT;
	o.store = st;
	mp_sim *s;
	assert_int_equal(mp_sim_new(ctx, w, &o, &s), MP_OK);
	int usa = mp_world_find(w, 2), can = mp_world_find(w, 20), rus = mp_world_find(w, 365),
	    chn = mp_world_find(w, 710);
	assert_true(usa >= 0 && can >= 0 && rus >= 0 && chn >= 0);
	/* COW Trade 4.0, 2008 (millions of current US$): USA-CHN flow1 + flow2 =
	 * 363990 + 101561 = 465551; USA-RUS 27932 + 13804 = 41736; USA-CAN 339712 + 235479 =
	 * 575191. The fixed effect makes the start year reproduce them (rounding only). */
	assert_near(mp_sim_trade(s, (size_t)usa, (size_t)chn) / 465551.0, 1.0, 1e-9);
	assert_near(mp_sim_trade(s, (size_t)rus, (size_t)usa) / 41736.0, 1.0, 1e-9);
	assert_near(mp_sim_trade(s, (size_t)usa, (size_t)can) / 575191.0, 1.0, 1e-9);
	size_t n = s->n;
	/* contiguity type 1: USA-CAN yes, USA-CHN no */
	assert_near(s->contig[(size_t)usa * n + (size_t)can], 1.0, 0);
	assert_near(s->contig[(size_t)usa * n + (size_t)chn], 0.0, 0);
	/* rivalries in force in 2008: Russia-United States 2 (2007-2010), China-United States 2
	 * (1996-2010); none between the US and Canada */
	assert_near(s->rivalry[(size_t)usa * n + (size_t)rus], 1.0, 0);
	assert_near(s->rivalry[(size_t)chn * n + (size_t)usa], 1.0, 0);
	assert_near(s->rivalry[(size_t)usa * n + (size_t)can], 0.0, 0);
	/* and the run steps on */
	for (int t = 0; t < 5; t++)
		assert_int_equal(mp_sim_step(ctx, s), MP_OK);
	assert_int_equal(mp_sim_year(s), 2013);
	mp_sim_free(s);
	mp_world_free(w);
	mp_store_free(st);
	mp_ctx_free(ctx);
	unlink(db);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db);
	unlink(side);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dyads_2008),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
