/*
 * Internal store API for the library's own modules. Only files under src/lib/store/
 * include <sqlite3.h>; other modules call the typed query functions declared in
 * src/lib/store/q_*.h (one file per consumer module: q_world.c, q_relations.c, ...).
 * Naming: functions mp_store__<area>_<what> (internal) or mp_store_<what> (public),
 * row types mp_store_<area>_<row>, constants MP_STORE_<AREA>_*. Queries return plain rows
 * or fill plain arrays, never a domain struct; every table is made by the migrations
 * in store.c (imported dataset tables excepted: q_import.c makes them from the file).
 *
 * Imported tables (one per dataset family) have the CSV file's own column names plus
 * `dsid` (the dataset version id in `datasets`); missing values are NULL. Families:
 *   nmc, states, majors, alliance_member, alliance_dyad, atop_dyad, unga, maddison,
 *   sipri, trade_national, trade_dyadic, crosswalk, codelist, war_inter, mid_dyad,
 *   mid_disp, capitals, contiguity, rivalries, arms_races
 */
#ifndef MP_STORE_INTERNAL_H
#define MP_STORE_INTERNAL_H

#include <sqlite3.h>

#include "multipolar/store.h"

/* The SQLite handle (borrowed). */
sqlite3 *mp_store__db(mp_store *s);
/* Raises MP_EDB with SQLite's message, prefixed by the database path and `what` (NULL:
 * none); a lock held by another process past the busy timeout says so. */
int mp_store__error(mp_ctx *ctx, mp_store *s, const char *what);
/* Steps a statement: 1 = a row, 0 = done; any other result resets st and returns MP_EDB
 * (negative) with SQLite's message. Every query loop goes through it, so a damaged page or
 * an I/O error is an error, never a short result:
 *   while ((r = mp_store__step(ctx, s, st, "read nmc")) == 1) ...; if (r < 0) return r; */
int mp_store__step(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, const char *what);
/* Steps a statement with no result rows (INSERT, UPDATE) and resets it: MP_OK or MP_EDB. */
int mp_store__step_done(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, const char *what);
/* Whether a table or view exists: 1, 0, or -1 on an SQLite error (callers treat -1 as
 * present, so the read that follows reports the error). */
int mp_store__has_table(mp_store *s, const char *name);
/* Prepares `sql` (cached per store: statements are finalised with the store). */
int mp_store__prepare(mp_ctx *ctx, mp_store *s, const char *sql, sqlite3_stmt **out);
/* Runs SQL with no results. */
int mp_store__exec(mp_ctx *ctx, mp_store *s, const char *sql);
/* Column value helpers: NULL reads as NaN / 0 / "". */
double mp_store__real(sqlite3_stmt *st, int col);
int mp_store__int(sqlite3_stmt *st, int col, int missing);
/* dsid of the dataset version to use for `family` (newest, or `version`). */
int mp_store__dsid(mp_ctx *ctx, mp_store *s, const char *family, const char *version, int64_t *dsid);

#endif
