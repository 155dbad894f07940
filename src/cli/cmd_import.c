/* multipolar import: load the field's standard CSV datasets into the database. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "multipolar/data.h"

typedef struct {
	cli_common common;
	int keep_going;
} import_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	{ "keep-going", CLI_FLAG, offsetof(import_opts, keep_going), NULL,
	  "go on past a file that fails to import; summarise at the end (exit 2 if any failed)" },
	CLI_OPT_QUIET,
	CLI_END
};

/* The files to look at: a FILE as given, a DIR's regular files (sorted by name, not
 * recursing). */
typedef struct {
	char **v;
	size_t n, cap;
} paths;

static int add(paths *p, const char *dir, const char *name)
{
	if (p->n == p->cap) {
		size_t nc = p->cap ? 2 * p->cap : 32;
		char **v = realloc(p->v, nc * sizeof *v);
		if (!v)
			return MP_ENOMEM;
		p->v = v;
		p->cap = nc;
	}
	size_t len = (dir ? strlen(dir) + 1 : 0) + strlen(name) + 1;
	char *s = malloc(len);
	if (!s)
		return MP_ENOMEM;
	if (dir)
		snprintf(s, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	else
		snprintf(s, len, "%s", name);
	p->v[p->n++] = s;
	return MP_OK;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int expand_dir(mp_ctx *ctx, const char *dir, paths *p)
{
	DIR *d = opendir(dir);
	if (!d)
		return mp_error_set(ctx, MP_EIO, "%s: cannot read the folder", dir);
	size_t first = p->n;
	struct dirent *e;
	int rc = MP_OK;
	while (rc == MP_OK && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			rc = add(p, dir, e->d_name);
	closedir(d);
	if (rc != MP_OK)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if (p->n > first) /* an empty folder: no array to sort (qsort of NULL is undefined) */
		qsort(p->v + first, p->n - first, sizeof *p->v, by_name);
	return MP_OK;
}

static void paths_free(paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	import_opts *o = vo;
	mp_store *s = NULL;
	paths files = { 0 };
	unsigned char *in_dir = NULL; /* per file: found in a folder (not named) */
	if (npos == 0)
		return mp_error_set(ctx, MP_EUSAGE, "import needs at least one FILE or DIR");
	int rc = MP_OK;
	/* what to look at: the arguments, folders replaced by their files */
	size_t ndirs = 0;
	for (int i = 0; i < npos && rc == MP_OK; i++) {
		struct stat st;
		if (stat(pos[i], &st) != 0) {
			rc = mp_error_set(ctx, MP_ENOTFOUND, "%s: cannot open: no such file or folder", pos[i]);
			break;
		}
		size_t before = files.n;
		if (S_ISDIR(st.st_mode)) {
			rc = expand_dir(ctx, pos[i], &files);
			ndirs++;
		} else if (add(&files, NULL, pos[i]) != MP_OK)
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		unsigned char *d = rc == MP_OK ? realloc(in_dir, files.n + 1) : NULL;
		if (rc == MP_OK && !d)
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		if (d) {
			in_dir = d;
			memset(in_dir + before, S_ISDIR(st.st_mode), files.n - before);
		}
	}
	if (rc != MP_OK)
		goto done;
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_CREATE, &s)) != MP_OK)
		goto done;
	size_t imported = 0, skipped = 0, failed = 0;
	char why[600] = "";
	int first_fail = MP_OK;
	for (size_t i = 0; i < files.n; i++) {
		const char *f = files.v[i];
		struct stat st;
		char family[32];
		/* not a dataset: folders, devices, and files whose header matches no dataset */
		if (stat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
			skipped++;
			cli_note(&o->common, "%s: skipped: %s", f,
				 S_ISDIR(st.st_mode) ? "a folder (import it on its own: multipolar import FOLDER)"
						     : "not a regular file");
			continue;
		}
		int d = mp_import_detect(ctx, f, family, sizeof family);
		/* a folder's file that cannot be read is not one of its datasets either */
		if (d == MP_ENOTFOUND || (d == MP_EIO && in_dir[i])) {
			skipped++;
			snprintf(why, sizeof why, "%s", mp_error_message(ctx));
			cli_note(&o->common, "skipped, not a dataset: %s", why);
			mp_error_clear(ctx);
			continue;
		}
		mp_import_result r;
		int frc = d != MP_OK ? d : mp_import_file(ctx, s, f, &r);
		if (frc != MP_OK) {
			failed++;
			if (!o->keep_going) {
				rc = frc;
				goto done;
			}
			fprintf(stderr, "multipolar import: %s\n", mp_error_message(ctx));
			if (first_fail == MP_OK)
				first_fail = frc;
			mp_error_clear(ctx);
			continue;
		}
		imported++;
		if (!o->common.quiet) {
			char years[32] = "";
			if (r.year_min)
				snprintf(years, sizeof years, ", %d-%d", r.year_min, r.year_max);
			char esc[512];
			fprintf(stderr, "%s: %s %s (%s): %lld rows%s%s\n", cli_esc(f, esc, sizeof esc), r.name,
				r.version, r.family, (long long)r.rows, years,
				r.already ? "; already imported, unchanged" : "");
		}
	}
	if (!o->common.quiet && (ndirs || skipped || failed || o->keep_going))
		fprintf(stderr, "import: %zu file%s imported, %zu skipped, %zu failed\n", imported,
			imported == 1 ? "" : "s", skipped, failed);
	if (failed)
		rc = mp_error_set(ctx,
				  first_fail == MP_ENOMEM || first_fail == MP_EIO || first_fail == MP_EDB ? first_fail
													  : MP_EINPUT,
				  "%zu of %zu files failed to import (each named above; nothing of them was kept)",
				  failed, imported + failed);
	else if (!imported && skipped == 1 && *why)
		rc = mp_error_set(ctx, MP_EINPUT, "nothing imported: %s", why);
	else if (!imported)
		rc = mp_error_set(ctx, MP_EINPUT,
				  "nothing imported: no known dataset among %zu file%s (see 'multipolar "
				  "datasets --known')",
				  skipped, skipped == 1 ? "" : "s");
done:
	free(in_dir);
	paths_free(&files);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_import = {
	.name = "import",
	.summary = "import standard datasets (COW, ATOP, UNGA, Maddison, SIPRI, ...) into the database",
	.usage = "[--db PATH] [--keep-going] FILE|DIR...",
	.description = "Detects each file's dataset from its header and imports it in one transaction: on any error "
		       "nothing from that file is kept. Records provenance (version, SHA-256, rows, years, citation). "
		       "Importing the same file again changes nothing; another version of a dataset (NMC v6 and v7) is "
		       "kept beside the first. COW's -9 becomes missing (NULL). A DIR stands for the files in it (not "
		       "its subfolders). Files that are not datasets (a README, a PDF, a folder, a CSV whose header "
		       "matches no known dataset) are skipped with a note. A dataset that fails to import stops the "
		       "command (exit 2 for bad input); with --keep-going the others are imported, the failures are "
		       "listed, and the exit status is 2 at the end. Formats: docs/data.md.",
	.example = "multipolar import ../shared/data/",
	.options = options,
	.opts_size = sizeof(import_opts),
	.run = run,
};
