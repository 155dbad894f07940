/* The SQLite store: open/migrate, transactions, the datasets (provenance) table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "q_import.h"
#include "store_internal.h"
#include "util/vec.h"

#define MP_STMT_CACHE 64
/* SQLite page cache (negative: KiB): 64 MiB for queries; 4 MiB while a file is imported,
 * whose pages are written once and go to the WAL (measured on all shared CSVs: peak RSS
 * 97 -> 32 MiB, CPU unchanged; bench/RESULTS.md). Neither changes durability. */
#define MP_STORE_CACHE "-65536"
#define MP_STORE_BULK_CACHE "-4096"

struct mp_store {
	sqlite3 *db;
	char *path;
	struct {
		const char *sql; /* static SQL text, compared by pointer then content */
		sqlite3_stmt *st;
	} cache[MP_STMT_CACHE];
	int ncache;
	int busy_ms; /* how long a statement waits for another process's lock */
};

/* Schema migrations: entry i brings user_version i to i+1: its SQL, then its fix-up
 * function (NULL for none), all in the one transaction of migrate(). Every table of the
 * store is created here; imported dataset tables (one per family, columns from the file)
 * are the exception, made by the importer (q_import.c). Append only: never edit an entry
 * that has been released, add one. */
typedef struct {
	const char *sql;
	int (*fix)(mp_ctx *ctx, mp_store *s);
} migration;

static int fix_results(mp_ctx *ctx, mp_store *s);

static const migration migrations[] = {
	/* 0 -> 1: provenance of imported datasets */
	{ "CREATE TABLE datasets ("
	  " id INTEGER PRIMARY KEY, family TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,"
	  " sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, imported_at TEXT NOT NULL,"
	  " rows INTEGER NOT NULL, year_min INTEGER, year_max INTEGER, citation TEXT NOT NULL);"
	  "CREATE INDEX datasets_family ON datasets(family, year_max, id);",
	  NULL },
	/* 1 -> 2: forecast evaluation results (multipolar evaluate; docs/evaluate.md "Stored
	 * results"). origin NULL = pooled over the run's pool origins; unit 'all' = pooled over
	 * states. Self-contained: the queries are in q_eval.c. */
	{ "CREATE TABLE IF NOT EXISTS eval_run ("
	  " id INTEGER PRIMARY KEY, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	  " version TEXT NOT NULL, origins TEXT NOT NULL, horizons TEXT NOT NULL, variables TEXT NOT NULL,"
	  " methods TEXT NOT NULL, runs INTEGER NOT NULL, seed INTEGER NOT NULL, top INTEGER NOT NULL,"
	  " pool_from INTEGER NOT NULL, pool_to INTEGER NOT NULL, truth TEXT NOT NULL, notes TEXT);"
	  "CREATE TABLE IF NOT EXISTS eval_score ("
	  " run INTEGER NOT NULL REFERENCES eval_run(id) ON DELETE CASCADE, origin INTEGER,"
	  " horizon INTEGER NOT NULL, variable TEXT NOT NULL, unit TEXT NOT NULL, method TEXT NOT NULL,"
	  " metric TEXT NOT NULL, value REAL, n INTEGER NOT NULL);"
	  "CREATE INDEX IF NOT EXISTS eval_score_run ON eval_score(run, unit, origin, variable, horizon);"
	  "CREATE TABLE IF NOT EXISTS eval_reliability ("
	  " run INTEGER NOT NULL REFERENCES eval_run(id) ON DELETE CASCADE, origin INTEGER,"
	  " horizon INTEGER NOT NULL, variable TEXT NOT NULL, method TEXT NOT NULL, bin INTEGER NOT NULL,"
	  " n INTEGER NOT NULL, mean_p REAL, freq REAL);"
	  "CREATE INDEX IF NOT EXISTS eval_reliability_run ON eval_reliability(run, origin, variable, horizon);",
	  NULL },
	/* 2 -> 3: the result tables of simulations (ensemble/), calibrations (calib/) and
	 * negotiations (bargain/), which the query files used to create when missing: IF NOT
	 * EXISTS, as databases of versions 1 and 2 may have them. The fix-up adds what those older
	 * tables lack. Scalar parameters go in calib_fit, per-state ones (mp_sim_unit_params)
	 * in calib_unit. */
	{ "CREATE TABLE IF NOT EXISTS sim_runs ("
	  " run_id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, scenario_path TEXT,"
	  " seed INTEGER NOT NULL, runs INTEGER NOT NULL, start INTEGER NOT NULL,"
	  " horizon INTEGER NOT NULL, world TEXT, params TEXT,"
	  " created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), job INTEGER);"
	  "CREATE TABLE IF NOT EXISTS sim_summary ("
	  " run_id INTEGER NOT NULL REFERENCES sim_runs(run_id), scenario TEXT NOT NULL,"
	  " year INTEGER NOT NULL, unit TEXT NOT NULL, variable TEXT NOT NULL,"
	  " q05 REAL, q25 REAL, q50 REAL, q75 REAL, q95 REAL, mean REAL);"
	  "CREATE INDEX IF NOT EXISTS sim_summary_run ON sim_summary(run_id, variable, unit, year);"
	  "CREATE TABLE IF NOT EXISTS calib_run (id INTEGER PRIMARY KEY, until INTEGER NOT NULL,"
	  " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), notes TEXT);"
	  "CREATE TABLE IF NOT EXISTS calib_fit (run INTEGER NOT NULL REFERENCES calib_run(id),"
	  " param TEXT NOT NULL, estimate REAL, se REAL, n INTEGER, stat_name TEXT, stat REAL,"
	  " method TEXT, PRIMARY KEY (run, param));"
	  "CREATE TABLE IF NOT EXISTS calib_unit (run INTEGER NOT NULL REFERENCES calib_run(id),"
	  " ccode INTEGER NOT NULL, param TEXT NOT NULL, estimate REAL, se REAL, n INTEGER,"
	  " method TEXT, PRIMARY KEY (run, ccode, param));"
	  "CREATE TABLE IF NOT EXISTS bargain_runs (run_id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	  " model TEXT NOT NULL, input TEXT, actors INTEGER, rounds INTEGER, stopped_by TEXT,"
	  " created TEXT NOT NULL);"
	  "CREATE TABLE IF NOT EXISTS bargain_positions (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " round INTEGER NOT NULL, actor TEXT NOT NULL, dim TEXT NOT NULL, position REAL);"
	  "CREATE TABLE IF NOT EXISTS bargain_forecast (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " round INTEGER NOT NULL, dim TEXT NOT NULL, weighted_mean REAL, weighted_median REAL);"
	  "CREATE INDEX IF NOT EXISTS bargain_positions_run ON bargain_positions(run_id);"
	  "CREATE INDEX IF NOT EXISTS bargain_forecast_run ON bargain_forecast(run_id);",
	  fix_results },
	/* 3 -> 4: a negotiation's settings, illustrative flag and description, its answer per
	 * dimension with the scale's meanings, and its sensitivity quantiles (bargain/,
	 * docs/bargaining.md "Stored results"; queries in q_bargain.c). IF NOT EXISTS: builds
	 * of the negotiate branch made them from the query file. */
	{ "CREATE TABLE IF NOT EXISTS bargain_settings (run_id INTEGER PRIMARY KEY REFERENCES bargain_runs(run_id),"
	  " illustrative INTEGER NOT NULL, description TEXT, settings TEXT);"
	  "CREATE TABLE IF NOT EXISTS bargain_summary (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " dim TEXT NOT NULL, weighted_mean REAL, weighted_median REAL, low REAL, high REAL, nearest_mark REAL,"
	  " nearest_mark_means TEXT, low_means TEXT, high_means TEXT);"
	  "CREATE TABLE IF NOT EXISTS bargain_quantiles (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " dim TEXT NOT NULL, statistic TEXT NOT NULL, replicates INTEGER NOT NULL, q05 REAL, q25 REAL, q50 REAL,"
	  " q75 REAL, q95 REAL);"
	  "CREATE INDEX IF NOT EXISTS bargain_summary_run ON bargain_summary(run_id);"
	  "CREATE INDEX IF NOT EXISTS bargain_quantiles_run ON bargain_quantiles(run_id);",
	  NULL },
	/* 4 -> 5: the provenance of every stored run (simulation, evaluation, calibration,
	 * negotiation; docs/panels.md "Provenance"): version, git commit, command line, seed,
	 * runs, parameters, switches, and the SHA-256 of each input (datasets, scenario and
	 * parameter files). Queries in provenance.c. The negotiation tables of 3 -> 4 are made
	 * again if missing: databases made by builds of the panels branch have version 4 with
	 * the provenance tables and without them. */
	{ "CREATE TABLE IF NOT EXISTS run_provenance ("
	  " kind TEXT NOT NULL, run_id INTEGER NOT NULL, version TEXT NOT NULL, git_commit TEXT NOT NULL,"
	  " command_line TEXT, seed INTEGER, runs INTEGER, params TEXT, switches TEXT,"
	  " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	  " PRIMARY KEY (kind, run_id));"
	  "CREATE TABLE IF NOT EXISTS run_inputs ("
	  " kind TEXT NOT NULL, run_id INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,"
	  " sha256 TEXT NOT NULL);"
	  "CREATE INDEX IF NOT EXISTS run_inputs_run ON run_inputs(kind, run_id);"
	  "CREATE TABLE IF NOT EXISTS bargain_settings (run_id INTEGER PRIMARY KEY REFERENCES bargain_runs(run_id),"
	  " illustrative INTEGER NOT NULL, description TEXT, settings TEXT);"
	  "CREATE TABLE IF NOT EXISTS bargain_summary (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " dim TEXT NOT NULL, weighted_mean REAL, weighted_median REAL, low REAL, high REAL, nearest_mark REAL,"
	  " nearest_mark_means TEXT, low_means TEXT, high_means TEXT);"
	  "CREATE TABLE IF NOT EXISTS bargain_quantiles (run_id INTEGER NOT NULL REFERENCES bargain_runs(run_id),"
	  " dim TEXT NOT NULL, statistic TEXT NOT NULL, replicates INTEGER NOT NULL, q05 REAL, q25 REAL, q50 REAL,"
	  " q75 REAL, q95 REAL);"
	  "CREATE INDEX IF NOT EXISTS bargain_summary_run ON bargain_summary(run_id);"
	  "CREATE INDEX IF NOT EXISTS bargain_quantiles_run ON bargain_quantiles(run_id);",
	  NULL },
};
#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

sqlite3 *mp_store__db(mp_store *s)
{
	return s->db;
}
const char *mp_store_path(const mp_store *s)
{
	return s->path;
}

int mp_store__error(mp_ctx *ctx, mp_store *s, const char *what)
{
	int code = sqlite3_errcode(s->db);
	const char *sep = what && *what ? ": " : "";
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return mp_error_set(ctx, MP_EDB,
				    "%s: %s%sanother process holds the database's lock (waited %.1f s; try again when "
				    "it has finished, or raise MULTIPOLAR_BUSY_TIMEOUT): %s",
				    s->path, what ? what : "", sep, s->busy_ms / 1000.0, sqlite3_errmsg(s->db));
	return mp_error_set(ctx, MP_EDB, "%s: %s%s%s", s->path, what ? what : "", sep, sqlite3_errmsg(s->db));
}

int mp_store__step(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, const char *what)
{
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		return 1;
	if (r == SQLITE_DONE)
		return 0;
	int rc = mp_store__error(ctx, s, what); /* the message before reset clears nothing */
	sqlite3_reset(st);
	return rc;
}

int mp_store__has_table(mp_store *s, const char *name)
{
	sqlite3_stmt *st = NULL;
	if (mp_store__prepare(NULL, s, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?1",
			      &st) != MP_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int r = sqlite3_step(st);
	sqlite3_reset(st);
	return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

int mp_store__step_done(mp_ctx *ctx, mp_store *s, sqlite3_stmt *st, const char *what)
{
	int r = mp_store__step(ctx, s, st, what);
	if (r < 0)
		return r;
	sqlite3_reset(st);
	return MP_OK;
}

int mp_store__exec(mp_ctx *ctx, mp_store *s, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		sqlite3_free(err);
		return mp_store__error(ctx, s, NULL);
	}
	return MP_OK;
}

int mp_store__prepare(mp_ctx *ctx, mp_store *s, const char *sql, sqlite3_stmt **out)
{
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].sql == sql || !strcmp(s->cache[i].sql, sql)) {
			sqlite3_reset(s->cache[i].st);
			sqlite3_clear_bindings(s->cache[i].st);
			*out = s->cache[i].st;
			return MP_OK;
		}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return mp_store__error(ctx, s, "prepare");
	if (s->ncache < MP_STMT_CACHE) {
		/* keep a private copy of the text: callers may pass built strings */
		char *copy = strdup(sql);
		if (!copy) {
			sqlite3_finalize(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		s->cache[s->ncache].sql = copy;
		s->cache[s->ncache].st = st;
		s->ncache++;
	} else {
		/* cache full: evict the oldest */
		sqlite3_finalize(s->cache[0].st);
		free((char *)s->cache[0].sql);
		memmove(&s->cache[0], &s->cache[1], (MP_STMT_CACHE - 1) * sizeof s->cache[0]);
		char *copy = strdup(sql);
		if (!copy) {
			sqlite3_finalize(st);
			s->ncache--;
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		s->cache[MP_STMT_CACHE - 1].sql = copy;
		s->cache[MP_STMT_CACHE - 1].st = st;
	}
	*out = st;
	return MP_OK;
}

double mp_store__real(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? MP_NA : sqlite3_column_double(st, col);
}

int mp_store__int(sqlite3_stmt *st, int col, int missing)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? missing : sqlite3_column_int(st, col);
}

static int schema_version(mp_ctx *ctx, mp_store *s, int *version)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return mp_store__error(ctx, s, "read schema version");
	int r = mp_store__step(ctx, s, st, "read schema version");
	*version = r == 1 ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return r < 0 ? r : MP_OK;
}

/* MP_EINPUT when the file holds tables but no multipolar schema (user_version 0). The
 * version and the tables are read by one statement, so from one snapshot: read apart, a
 * process creating the same new database could commit its migrations between the two reads
 * (version 0, then its tables), and the file would be taken for another program's. */
static int foreign_check(mp_ctx *ctx, mp_store *s)
{
	int version = 0, ntab = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT user_version FROM pragma_user_version),"
			       " (SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')",
			       -1, &st, NULL) != SQLITE_OK)
		return mp_store__error(ctx, s, "read schema");
	int r = mp_store__step(ctx, s, st, "read schema");
	if (r == 1) {
		version = sqlite3_column_int(st, 0);
		ntab = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return r;
	if (version == 0 && ntab > 0)
		return mp_error_set(ctx, MP_EINPUT,
				    "%s: not a multipolar database: it holds %d table%s or index%s of another program "
				    "and no multipolar schema (user_version 0); name a new file with --db",
				    s->path, ntab, ntab == 1 ? "" : "s", ntab == 1 ? "" : "es");
	return MP_OK;
}

/* Whether `table` has column `col` (table names are this file's constants). */
static int has_column(mp_store *s, const char *table, const char *col)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = ?1", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, col, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Tables of older databases: sim_runs before its `job` column. */
static int fix_results(mp_ctx *ctx, mp_store *s)
{
	if (!has_column(s, "sim_runs", "job"))
		return mp_store__exec(ctx, s, "ALTER TABLE sim_runs ADD COLUMN job INTEGER");
	return MP_OK;
}

/* Brings the schema to the newest version, all or nothing. The version is read again
 * under BEGIN IMMEDIATE (the write lock): two processes opening a new database at once
 * must not both run the migrations (the second waits, then finds them done). */
static int migrate(mp_ctx *ctx, mp_store *s)
{
	int version = 0;
	int rc = schema_version(ctx, s, &version);
	if (rc == MP_OK && version == (int)N_MIGRATIONS)
		return MP_OK;
	if (rc == MP_OK)
		rc = mp_store__exec(ctx, s, "BEGIN IMMEDIATE");
	if (rc != MP_OK)
		return rc;
	rc = schema_version(ctx, s, &version);
	if (rc == MP_OK && version > (int)N_MIGRATIONS)
		rc = mp_error_set(ctx, MP_EDB, "%s: schema version %d is newer than this multipolar (%d)", s->path,
				  version, (int)N_MIGRATIONS);
	for (size_t i = (size_t)version; rc == MP_OK && i < N_MIGRATIONS; i++) {
		rc = mp_store__exec(ctx, s, migrations[i].sql);
		if (rc == MP_OK && migrations[i].fix)
			rc = migrations[i].fix(ctx, s);
	}
	if (rc == MP_OK && version < (int)N_MIGRATIONS) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", (int)N_MIGRATIONS);
		rc = mp_store__exec(ctx, s, sql);
	}
	if (rc == MP_OK)
		rc = mp_store__exec(ctx, s, "COMMIT");
	else
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int mp_store_open(mp_ctx *ctx, const char *path, int flags, mp_store **out)
{
	mp_store *s = calloc(1, sizeof *s);
	int rc = MP_OK;
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	int oflags = (flags & MP_STORE_READONLY)
			     ? SQLITE_OPEN_READONLY
			     : SQLITE_OPEN_READWRITE | ((flags & MP_STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
	oflags |= SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		rc = mp_error_set(ctx, (flags & MP_STORE_CREATE) ? MP_EIO : MP_ENOTFOUND,
				  "%s: cannot open database%s: %s", path,
				  (flags & MP_STORE_CREATE) ? "" : " (run 'multipolar import' first)",
				  s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto done;
	}
	/* wait for another process's lock: 10 s, or $MULTIPOLAR_BUSY_TIMEOUT seconds */
	s->busy_ms = 10000;
	const char *bt = getenv("MULTIPOLAR_BUSY_TIMEOUT");
	if (bt && *bt) {
		char *end;
		double v = strtod(bt, &end);
		if (!*end && v >= 0 && v <= 3600)
			s->busy_ms = (int)(v * 1000);
	}
	sqlite3_busy_timeout(s->db, s->busy_ms);
	/* Reject files that are not SQLite databases with a clear message. */
	if (sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		int code = sqlite3_errcode(s->db);
		rc = code == SQLITE_BUSY || code == SQLITE_LOCKED
			     ? mp_store__error(ctx, s, "open")
			     : mp_error_set(ctx, MP_EINPUT, "%s: not a multipolar database: %s", path,
					    sqlite3_errmsg(s->db));
		goto done;
	}
	/* a SQLite file of another program: refused, never converted (its tables would get ours) */
	if ((rc = foreign_check(ctx, s)) != MP_OK)
		goto done;
	if (!(flags & MP_STORE_READONLY)) {
		/* A new file's switch to WAL needs its exclusive lock, and SQLite answers BUSY at
		 * once, without the busy handler, while another process opening the same new file
		 * holds a lock: two imports into one new database failed about one time in 60. So
		 * the switch is tried again, up to the busy timeout. */
		int code = SQLITE_BUSY;
		for (int waited = 0; code == SQLITE_BUSY && waited <= s->busy_ms; waited += 10) {
			if ((code = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL)) == SQLITE_BUSY)
				sqlite3_sleep(10);
		}
		if (code != SQLITE_OK) {
			rc = mp_store__error(ctx, s, "switch to WAL");
			goto done;
		}
		if ((rc = mp_store__exec(ctx, s,
					 "PRAGMA synchronous=NORMAL;"
					 "PRAGMA foreign_keys=ON; PRAGMA cache_size=" MP_STORE_CACHE ";"
					 "PRAGMA wal_autocheckpoint=16384;")) != MP_OK)
			goto done;
		if ((rc = migrate(ctx, s)) != MP_OK)
			goto done;
	}
	*out = s;
	return MP_OK;
done:
	mp_store_free(s);
	return rc;
}

void mp_store_free(mp_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ncache; i++) {
		sqlite3_finalize(s->cache[i].st);
		free((char *)s->cache[i].sql);
	}
	if (s->db)
		sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int mp_store__bulk(mp_ctx *ctx, mp_store *s, int on)
{
	return mp_store__exec(ctx, s,
			      on ? "PRAGMA cache_size=" MP_STORE_BULK_CACHE : "PRAGMA cache_size=" MP_STORE_CACHE);
}

int mp_store_begin(mp_ctx *ctx, mp_store *s)
{
	return mp_store__exec(ctx, s, "BEGIN IMMEDIATE");
}

int mp_store_commit(mp_ctx *ctx, mp_store *s)
{
	return mp_store__exec(ctx, s, "COMMIT");
}

void mp_store_rollback(mp_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int mp_store_read_begin(mp_ctx *ctx, mp_store *s)
{
	/* BEGIN is deferred: the snapshot is taken by the first read, made at once here */
	int rc = mp_store__exec(ctx, s, "BEGIN");
	if (rc == MP_OK && (rc = mp_store__exec(ctx, s, "SELECT count(*) FROM sqlite_master")) != MP_OK)
		mp_store_rollback(s);
	return rc;
}

void mp_store_read_end(mp_store *s)
{
	mp_store_rollback(s);
}

static void copy_text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

static void read_info(sqlite3_stmt *st, mp_dataset_info *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	copy_text(d->family, sizeof d->family, st, 1);
	copy_text(d->name, sizeof d->name, st, 2);
	copy_text(d->version, sizeof d->version, st, 3);
	copy_text(d->sha256, sizeof d->sha256, st, 4);
	copy_text(d->file, sizeof d->file, st, 5);
	copy_text(d->imported_at, sizeof d->imported_at, st, 6);
	d->rows = sqlite3_column_int64(st, 7);
	d->year_min = sqlite3_column_int(st, 8);
	d->year_max = sqlite3_column_int(st, 9);
	copy_text(d->citation, sizeof d->citation, st, 10);
}

#define INFO_COLS "id, family, name, version, sha256, file, imported_at, rows, year_min, year_max, citation"

int mp_store_datasets(mp_ctx *ctx, mp_store *s, mp_dataset_info **out, size_t *n)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "SELECT " INFO_COLS " FROM datasets ORDER BY family, id", &st);
	if (rc != MP_OK)
		return rc;
	mp_dataset_info *v = NULL;
	size_t cnt = 0, cap = 0;
	int step;
	while ((step = mp_store__step(ctx, s, st, "list datasets")) == 1) {
		if (mp_vec_reserve(&v, &cap, cnt + 1, 16)) {
			free(v);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		read_info(st, &v[cnt++]);
	}
	if (step < 0) {
		free(v);
		return step;
	}
	*out = v;
	*n = cnt;
	return MP_OK;
}

int mp_store_dataset_pick(mp_ctx *ctx, mp_store *s, const char *family, const char *version, mp_dataset_info *out)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT " INFO_COLS
				   " FROM datasets WHERE family = ?1 AND (?2 IS NULL OR version = ?2)"
				   " ORDER BY year_max DESC, id DESC LIMIT 1",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_TRANSIENT);
	if (version)
		sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
	int step = mp_store__step(ctx, s, st, "find dataset");
	if (step < 0)
		return step;
	if (step == 1) {
		read_info(st, out);
		sqlite3_reset(st);
		return MP_OK;
	}
	sqlite3_reset(st);
	if (version)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "%s: no '%s' dataset of version %s is imported (see 'multipolar datasets')",
				    s->path, family, version);
	return mp_error_set(ctx, MP_ENOTFOUND, "%s: no '%s' dataset is imported (run 'multipolar import FILE')",
			    s->path, family);
}

int mp_store__dsid(mp_ctx *ctx, mp_store *s, const char *family, const char *version, int64_t *dsid)
{
	mp_dataset_info d;
	int rc = mp_store_dataset_pick(ctx, s, family, version, &d);
	if (rc == MP_OK)
		*dsid = d.id;
	return rc;
}

int mp_store_has(mp_store *s, const char *family)
{
	sqlite3_stmt *st;
	if (mp_store__prepare(NULL, s, "SELECT 1 FROM datasets WHERE family = ?1 LIMIT 1", &st) != MP_OK)
		return -1;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_TRANSIENT);
	int r = sqlite3_step(st);
	sqlite3_reset(st);
	/* an error is not "not imported": -1 is true, so the caller goes on to read the family
	 * and reports the error there */
	return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}
