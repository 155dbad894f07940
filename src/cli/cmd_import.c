/* multipolar import: load the field's standard CSV datasets into the database. */
#include <stdlib.h>

#include "cli.h"
#include "multipolar/data.h"

typedef struct {
	cli_common common;
} import_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_QUIET,
	CLI_END
};

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	import_opts *o = vo;
	mp_store *s = NULL;
	if (npos == 0)
		return mp_error_set(ctx, MP_EUSAGE, "import needs at least one FILE");
	int rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_CREATE, &s);
	for (int i = 0; rc == MP_OK && i < npos; i++) {
		mp_import_result r;
		rc = mp_import_file(ctx, s, pos[i], &r);
		if (rc != MP_OK)
			break;
		if (!o->common.quiet) {
			char years[32] = "";
			if (r.year_min)
				snprintf(years, sizeof years, ", %d-%d", r.year_min, r.year_max);
			char esc[512];
			fprintf(stderr, "%s: %s %s (%s): %lld rows%s%s\n", cli_esc(pos[i], esc, sizeof esc), r.name, r.version, r.family,
				(long long)r.rows, years, r.already ? "; already imported, unchanged" : "");
		}
	}
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_import = {
	.name = "import",
	.summary = "import standard datasets (COW, ATOP, UNGA, Maddison, SIPRI, ...) into the database",
	.usage = "[--db PATH] FILE...",
	.description =
		"Detects each file's dataset from its header and imports it in one transaction: on any error "
		"nothing from that file is kept. Records provenance (version, SHA-256, rows, years, citation). "
		"Importing the same file again changes nothing; another version of a dataset (NMC v6 and v7) is "
		"kept beside the first. COW's -9 becomes missing (NULL).",
	.example = "multipolar import ../shared/data/*.csv",
	.options = options,
	.opts_size = sizeof(import_opts),
	.run = run,
};
