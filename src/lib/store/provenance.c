/* The provenance of stored runs (multipolar/store.h; docs/panels.md "Provenance"): the
 * build's version and git commit, the command line, and the SHA-256 of every input. */
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp_git_commit.h"
#include "store/q_report.h"
#include "store/store_internal.h"
#include "util/file.h"
#include "util/vec.h"

const char *mp_git_commit(void)
{
	return MP_GIT_COMMIT;
}

static char command_line[4096];

void mp_set_command_line(int argc, char *const *argv)
{
	size_t o = 0;
	command_line[0] = '\0';
	for (int i = 0; i < argc && o + 4 < sizeof command_line; i++) {
		const char *a = argv[i];
		int quote = !*a || strpbrk(a, " \t\"'\\$") != NULL;
		if (i)
			command_line[o++] = ' ';
		if (quote)
			command_line[o++] = '\'';
		for (; *a && o + 6 < sizeof command_line; a++) {
			if (*a == '\'' && quote) {
				memcpy(command_line + o, "'\\''", 4);
				o += 4;
			} else
				command_line[o++] = *a;
		}
		if (quote)
			command_line[o++] = '\'';
		command_line[o] = '\0';
	}
}

const char *mp_command_line(void)
{
	return command_line;
}

int mp_file_sha256(mp_ctx *ctx, const char *path, char out[65])
{
	FILE *f = NULL;
	size_t size = 0;
	int rc = mp_file__open(ctx, path, MP_FILE_MAX, &f, &size);
	if (rc != MP_OK)
		return rc;
	struct sha256_ctx c;
	sha256_init(&c);
	unsigned char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&c, n, buf);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return mp_error_set(ctx, MP_EIO, "%s: read error", path);
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(&c, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return MP_OK;
}

static int input_row(mp_ctx *ctx, mp_store *s, const char *kind, int64_t run, const char *role, const char *name,
		     const char *sha)
{
	sqlite3_stmt *st;
	int rc = mp_store__prepare(
		ctx, s, "INSERT INTO run_inputs(kind, run_id, role, name, sha256) VALUES (?1, ?2, ?3, ?4, ?5)", &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, run);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name ? name : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, sha ? sha : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "record run inputs");
	sqlite3_reset(st);
	return rc;
}

int mp_store_provenance_record(mp_ctx *ctx, mp_store *s, const mp_run_provenance *p)
{
	if (!s || !p || !p->kind)
		return mp_error_set(ctx, MP_EUSAGE, "provenance: a store and a run are required");
	mp_dataset_info *ds = NULL;
	size_t nd = 0;
	sqlite3_stmt *st;
	int rc = mp_store_datasets(ctx, s, &ds, &nd);
	if (rc != MP_OK)
		return rc;
	if ((rc = mp_store_begin(ctx, s)) != MP_OK) {
		free(ds);
		return rc;
	}
	rc = mp_store__prepare(ctx, s, "DELETE FROM run_inputs WHERE kind = ?1 AND run_id = ?2", &st);
	if (rc == MP_OK) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, p->kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, p->run_id);
		rc = sqlite3_step(st) == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "record provenance");
		sqlite3_reset(st);
	}
	if (rc == MP_OK)
		rc = mp_store__prepare(
			ctx, s,
			"INSERT OR REPLACE INTO run_provenance(kind, run_id, version, git_commit, command_line,"
			" seed, runs, params, switches) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			&st);
	if (rc == MP_OK) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, p->kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, p->run_id);
		sqlite3_bind_text(st, 3, mp_version(), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, mp_git_commit(), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, command_line, -1, SQLITE_TRANSIENT);
		if (p->seed >= 0)
			sqlite3_bind_int64(st, 6, p->seed);
		if (p->runs > 0)
			sqlite3_bind_int(st, 7, p->runs);
		if (p->params)
			sqlite3_bind_text(st, 8, p->params, -1, SQLITE_TRANSIENT);
		if (p->switches)
			sqlite3_bind_text(st, 9, p->switches, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "record provenance");
		sqlite3_reset(st);
	}
	for (size_t i = 0; rc == MP_OK && i < p->ninputs; i++)
		rc = input_row(ctx, s, p->kind, p->run_id, p->inputs[i].role, p->inputs[i].name, p->inputs[i].sha256);
	for (size_t i = 0; rc == MP_OK && i < nd; i++) {
		char name[340];
		snprintf(name, sizeof name, "%s %s: %s", ds[i].family, ds[i].version, ds[i].file);
		rc = input_row(ctx, s, p->kind, p->run_id, "dataset", name, ds[i].sha256);
	}
	free(ds);
	if (rc != MP_OK) {
		mp_store_rollback(s);
		return rc;
	}
	return mp_store_commit(ctx, s);
}

static char *dup_text(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return strdup(t ? t : "");
}

int mp_store_provenance_get(mp_ctx *ctx, mp_store *s, const char *kind, int64_t run_id, mp_run_record *out)
{
	memset(out, 0, sizeof *out);
	if (!mp_store__has_table(s, "run_provenance"))
		return mp_error_set(ctx, MP_ENOTFOUND, "no provenance recorded in this database");
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s,
				   "SELECT version, git_commit, command_line, seed, runs, params, switches, created_at"
				   " FROM run_provenance WHERE kind = ?1 AND run_id = ?2",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, run_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return mp_error_set(ctx, MP_ENOTFOUND, "%s run %lld: no provenance recorded", kind, (long long)run_id);
	}
	snprintf(out->kind, sizeof out->kind, "%s", kind);
	out->run_id = run_id;
	snprintf(out->version, sizeof out->version, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(out->git_commit, sizeof out->git_commit, "%s", (const char *)sqlite3_column_text(st, 1));
	out->command_line = dup_text(st, 2);
	out->seed = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
	out->runs = sqlite3_column_int(st, 4);
	out->params = dup_text(st, 5);
	out->switches = dup_text(st, 6);
	snprintf(out->created_at, sizeof out->created_at, "%s", (const char *)sqlite3_column_text(st, 7));
	sqlite3_reset(st);
	if (!out->command_line || !out->params || !out->switches) {
		mp_run_record_free(out);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	rc = mp_store__prepare(
		ctx, s, "SELECT role, name, sha256 FROM run_inputs WHERE kind = ?1 AND run_id = ?2 ORDER BY rowid",
		&st);
	if (rc != MP_OK) {
		mp_run_record_free(out);
		return rc;
	}
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, run_id);
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (mp_vec_reserve(&out->inputs, &cap, out->ninputs + 1, 16)) {
			sqlite3_reset(st);
			mp_run_record_free(out);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		snprintf(out->inputs[out->ninputs].role, sizeof out->inputs[0].role, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		snprintf(out->inputs[out->ninputs].name, sizeof out->inputs[0].name, "%s",
			 (const char *)sqlite3_column_text(st, 1));
		snprintf(out->inputs[out->ninputs].sha256, sizeof out->inputs[0].sha256, "%s",
			 (const char *)sqlite3_column_text(st, 2));
		out->ninputs++;
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE) {
		mp_run_record_free(out);
		return mp_store__error(ctx, s, "read provenance");
	}
	return MP_OK;
}

void mp_run_record_free(mp_run_record *r)
{
	if (!r)
		return;
	free(r->command_line);
	free(r->params);
	free(r->switches);
	free(r->inputs);
	r->command_line = r->params = r->switches = NULL;
	r->inputs = NULL;
	r->ninputs = 0;
}

int mp_store_provenance_list(mp_ctx *ctx, mp_store *s, const char *kind, size_t max, int64_t **ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	if (!mp_store__has_table(s, "run_provenance"))
		return MP_OK;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, "SELECT run_id FROM run_provenance WHERE kind = ?1 ORDER BY run_id DESC",
				   &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		if (mp_vec_reserve(ids, &cap, *n + 1, 8)) {
			sqlite3_reset(st);
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return r == SQLITE_ROW || r == SQLITE_DONE ? MP_OK : mp_store__error(ctx, s, "read provenance");
}
