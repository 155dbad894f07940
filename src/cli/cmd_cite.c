/* multipolar cite: the citations of the imported datasets (cf. peacesciencer ps_cite), as
 * text or BibTeX, with multipolar's own entry. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/data.h"

typedef struct {
	cli_common common;
	int all;
	const char *format;
} cite_opts;

static const cli_option options[] = { CLI_OPT_DB,
				      { "all", CLI_FLAG, offsetof(cite_opts, all), NULL,
					"cite every dataset family multipolar knows, imported or not" },
				      { "format", CLI_STRING, offsetof(cite_opts, format), "FMT",
					"text (default) or bibtex" },
				      CLI_END };

/* BibTeX entries already written (several families share a work). */
typedef struct {
	const char *seen[64];
	size_t n;
} bibset;

static void bib(bibset *b, const char *family, const char *version)
{
	const char *e = mp_data_dataset_bibtex(family, version);
	if (!e)
		return;
	for (size_t i = 0; i < b->n; i++)
		if (b->seen[i] == e)
			return;
	if (b->n < sizeof b->seen / sizeof b->seen[0])
		b->seen[b->n++] = e;
	printf("%% %s\n%s\n", family, e);
}

static void bib_self(void)
{
	printf("@software{multipolar,\n  author = {{The multipolar developers}},\n"
	       "  title = {multipolar: measuring, forecasting and simulating a multipolar world order},\n"
	       "  version = {%s},\n  note = {git commit %s},\n  year = {2026}\n}\n\n",
	       mp_version(), mp_git_commit());
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	cite_opts *o = vo;
	mp_store *s = NULL;
	mp_dataset_info *d = NULL;
	size_t n = 0;
	int rc = MP_OK;
	int bibtex = o->format && !strcmp(o->format, "bibtex");
	if (o->format && !bibtex && strcmp(o->format, "text"))
		return mp_error_set(ctx, MP_EUSAGE, "cite: --format '%s': expected text or bibtex", o->format);
	bibset bs = { { NULL }, 0 };
	if (bibtex)
		bib_self();
	else
		printf("multipolar %s. Cite the datasets a result rests on:\n\n", mp_version());
	if (o->all) {
		for (size_t i = 0; i < mp_data_families(); i++)
			if (bibtex && !strncmp(mp_data_family_table(i), "wpp_", 4)) {
				bib(&bs, mp_data_family_table(i), "2017");
				bib(&bs, mp_data_family_table(i), "2024");
			} else if (bibtex)
				bib(&bs, mp_data_family_table(i), NULL);
			else
				printf("[%s] %s\n  %s\n\n", mp_data_family_table(i), mp_data_family_name(i),
				       mp_data_family_citation(i));
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
		if (want && bibtex)
			bib(&bs, d[i].family, d[i].version);
		else if (want)
			printf("[%s %s] %s\n  %s\n\n", d[i].family, d[i].version, d[i].name, d[i].citation);
	}
	if (n == 0)
		printf(bibtex ? "%% no datasets imported; the shipped default world cites its sources in "
				"data/world/SOURCES.md\n"
			      : "(no datasets imported; the shipped default world cites its sources in "
				"data/world/SOURCES.md)\n");
done:
	free(d);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_cite = {
	.name = "cite",
	.summary = "print the citations of the imported datasets (text or BibTeX)",
	.usage = "[--db PATH] [--all] [--format text|bibtex] [FAMILY...]",
	.description = "Prints one citation per imported dataset version (or only the named families). "
		       "--format bibtex prints BibTeX entries instead, multipolar's own first (with its version "
		       "and git commit), each work once.",
	.example = "multipolar cite --format bibtex > references.bib",
	.options = options,
	.opts_size = sizeof(cite_opts),
	.run = run,
};
