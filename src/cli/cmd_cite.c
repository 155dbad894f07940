/* multipolar cite: the citations of the imported datasets (cf. peacesciencer ps_cite). */
#include <string.h>

#include <stdlib.h>

#include "cli.h"
#include "multipolar/data.h"

typedef struct {
	cli_common common;
	int all;
} cite_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	{ "all", CLI_FLAG, offsetof(cite_opts, all), NULL, "cite every dataset family multipolar knows, imported or not" },
	CLI_END
};

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	cite_opts *o = vo;
	mp_store *s = NULL;
	mp_dataset_info *d = NULL;
	size_t n = 0;
	int rc = MP_OK;
	printf("multipolar %s. Cite the datasets a result rests on:\n\n", mp_version());
	if (o->all) {
		for (size_t i = 0; i < mp_data_families(); i++)
			printf("[%s] %s\n  %s\n\n", mp_data_family_table(i), mp_data_family_name(i), mp_data_family_citation(i));
		return MP_OK;
	}
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)) != MP_OK)
		goto done;
	if ((rc = mp_store_datasets(ctx, s, &d, &n)) != MP_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		/* only the families named, if any */
		int want = npos == 0;
		for (int k = 0; k < npos; k++)
			if (!strcmp(pos[k], d[i].family))
				want = 1;
		/* one citation per family and version */
		for (size_t j = 0; want && j < i; j++)
			if (!strcmp(d[j].family, d[i].family) && !strcmp(d[j].version, d[i].version))
				want = 0;
		if (want)
			printf("[%s %s] %s\n  %s\n\n", d[i].family, d[i].version, d[i].name, d[i].citation);
	}
	if (n == 0)
		printf("(no datasets imported; the shipped default world cites its sources in data/world/SOURCES.md)\n");
done:
	free(d);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_cite = {
	.name = "cite",
	.summary = "print the citations of the imported datasets",
	.usage = "[--db PATH] [--all] [FAMILY...]",
	.description = "Prints one citation per imported dataset version (or only the named families).",
	.example = "multipolar cite nmc unga",
	.options = options,
	.opts_size = sizeof(cite_opts),
	.run = run,
};
