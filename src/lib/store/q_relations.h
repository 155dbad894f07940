/* Store queries of the relations module (src/lib/relations/). Year-sliced reads of the
 * imported tables states, majors, nmc, atop_dyad, alliance_dyad, unga, maddison,
 * trade_dyadic and trade_national, always of the newest dataset version
 * (mp_store__dsid). Values are handed to callbacks; NULL reads as NaN. */
#ifndef MP_Q_RELATIONS_H
#define MP_Q_RELATIONS_H

#include "multipolar/common.h"
#include "multipolar/store.h"

/* Year coverage of a family: *present 0 when not imported (then first = last = 0). For
 * states and majors the spells' styear..endyear. */
int mp_store__rel_coverage(mp_ctx *ctx, mp_store *s, const char *family, int *present, int *first, int *last);

/* A state-year row: ccode and values (count depends on the query). */
typedef void (*mp_store_rel_state_fn)(void *u, int ccode, const char *abb, const char *name, const double *v);
/* A dyad-year row. */
typedef void (*mp_store_rel_dyad_fn)(void *u, int c1, int c2, const double *v);
/* A Maddison row: ISO3 code and GDP in millions of 2011 int$ (gdppc * pop / 1000; NaN
 * if either is missing). The caller maps the code to COW (multipolar/crosswalk.h). */
typedef void (*mp_store_rel_gdp_fn)(void *u, const char *iso3, double gdp);

/* System members in `year` (states spells; spells ending in the last year of the
 * membership data are taken to continue when year > last): v unused. */
int mp_store__rel_members(mp_ctx *ctx, mp_store *s, int year, int last, mp_store_rel_state_fn fn, void *u);
/* Major powers in `year` (same open-end rule). */
int mp_store__rel_majors(mp_ctx *ctx, mp_store *s, int year, int last, mp_store_rel_state_fn fn, void *u);
/* v[0] = NMC cinc. */
int mp_store__rel_cinc(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u);
/* v[0] = UNGA idealpointfp. */
int mp_store__rel_ideal(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u);
/* v[0] = imports + exports (COW national totals; NaN if either is missing). */
int mp_store__rel_trade_totals(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_state_fn fn, void *u);
/* v[0..4] = atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul. */
int mp_store__rel_atop(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u);
/* v[0..3] = cow_defense, cow_neutral, cow_nonagg, cow_entente. */
int mp_store__rel_cow_alliance(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u);
/* v[0..1] = flow1, flow2 (current US$ millions). */
int mp_store__rel_trade(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u);
/* The same for one dyad (c1 < c2, as stored): at most one row. */
int mp_store__rel_trade_pair(mp_ctx *ctx, mp_store *s, int year, int c1, int c2, mp_store_rel_dyad_fn fn, void *u);
/* v[0] = conttype of the COW direct contiguity spell in force in `year` (stdate year <=
 * year <= enddate year), for each dyad as stored (both orders). */
int mp_store__rel_contiguity(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u);
/* Thompson-Dreyer strategic rivalries in force in `year` (styear <= year, endyear NULL or
 * >= year): v unused. */
int mp_store__rel_rivalries(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_dyad_fn fn, void *u);
/* The newest year in [year - within, year] with rows of dyad-year `family` (a fixed name
 * of this module's tables), or 0 (also when the family is not imported). */
int mp_store__rel_newest_year(mp_ctx *ctx, mp_store *s, const char *family, int year, int within, int *out);
/* Maddison rows of `year`. */
int mp_store__rel_gdp(mp_ctx *ctx, mp_store *s, int year, mp_store_rel_gdp_fn fn, void *u);

/* Finds a state by ccode (all digits), stateabb or statenme (case-insensitive) in the
 * membership table: *ccode and abb (8 bytes); *ccode = 0 when not found. */
int mp_store__rel_find_state(mp_ctx *ctx, mp_store *s, const char *text, int *ccode, char *abb);
#endif
