/* multipolar datasets: what is imported, with provenance. */
#include <stdlib.h>

#include "cli.h"
#include "multipolar/data.h"

typedef struct {
	cli_common common;
	int known;
} datasets_opts;

static const cli_option options[] = { CLI_OPT_DB,
				      CLI_OPT_FORMAT,
				      CLI_OPT_OUTPUT,
				      { "known", CLI_FLAG, offsetof(datasets_opts, known), NULL,
					"list the dataset families multipolar can import" },
				      CLI_END };

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	datasets_opts *o = vo;
	mp_store *s = NULL;
	mp_table *t = NULL;
	mp_dataset_info *d = NULL;
	size_t n = 0, row;
	int rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "datasets takes no arguments");
	if (o->known) {
		static const mp_column kc[] = { { "family", MP_COL_TEXT, 0 },  { "layout", MP_COL_TEXT, 0 },
						{ "version", MP_COL_TEXT, 0 }, { "files", MP_COL_TEXT, 0 },
						{ "header", MP_COL_TEXT, 0 },  { "download", MP_COL_TEXT, 0 },
						{ "note", MP_COL_TEXT, 0 } };
		if ((rc = mp_table_new(&t, kc, 7)) != MP_OK)
			return rc;
		for (size_t i = 0; i < mp_data_layouts() && rc == MP_OK; i++) {
			mp_data_layout_info li;
			mp_data_layout_get(i, &li);
			if ((rc = mp_table_add_row(t, &row)) != MP_OK)
				break;
			const char *v[7] = { li.family,  li.layout[0] ? li.layout : li.name,
					     li.version, li.files,
					     li.header,  li.url,
					     li.note };
			for (size_t k = 0; k < 7 && rc == MP_OK; k++)
				rc = mp_table_set_text(t, row, k, v[k]);
		}
		if (rc == MP_OK)
			rc = cli_write_table(ctx, &o->common, t);
		mp_table_free(t);
		return rc;
	}
	static const mp_column cols[] = {
		{ "id", MP_COL_INT, 0 },           { "family", MP_COL_TEXT, 0 }, { "name", MP_COL_TEXT, 0 },
		{ "version", MP_COL_TEXT, 0 },     { "rows", MP_COL_INT, 0 },    { "year_min", MP_COL_INT, 0 },
		{ "year_max", MP_COL_INT, 0 },     { "file", MP_COL_TEXT, 0 },   { "sha256", MP_COL_TEXT, 0 },
		{ "imported_at", MP_COL_TEXT, 0 },
	};
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)) != MP_OK)
		goto done;
	if ((rc = mp_store_datasets(ctx, s, &d, &n)) != MP_OK)
		goto done;
	if ((rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])) != MP_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		mp_table_add_row(t, &row);
		mp_table_set_int(t, row, 0, d[i].id);
		mp_table_set_text(t, row, 1, d[i].family);
		mp_table_set_text(t, row, 2, d[i].name);
		mp_table_set_text(t, row, 3, d[i].version);
		mp_table_set_int(t, row, 4, d[i].rows);
		if (d[i].year_min)
			mp_table_set_int(t, row, 5, d[i].year_min);
		if (d[i].year_max)
			mp_table_set_int(t, row, 6, d[i].year_max);
		mp_table_set_text(t, row, 7, d[i].file);
		mp_table_set_text(t, row, 8, o->common.fmt == MP_FORMAT_TEXT ? "" : d[i].sha256);
		mp_table_set_text(t, row, 9, d[i].imported_at);
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	free(d);
	mp_table_free(t);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_datasets = {
	.name = "datasets",
	.summary = "list the imported datasets with their provenance",
	.usage = "[--db PATH] [--known] [--format FMT]",
	.description = "One row per imported dataset version: family, name, version, rows, years, file, "
		       "SHA-256 (in csv/json) and import time. --known lists what can be imported: per family and "
		       "layout the version, typical file names, the header it needs, the producer's download page "
		       "and how to save the file (docs/data.md \"Get the data\").",
	.example = "multipolar datasets --format csv",
	.options = options,
	.opts_size = sizeof(datasets_opts),
	.run = run,
};
