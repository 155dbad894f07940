/* The report's "How this was made" section (docs/panels.md "Provenance"): for each stored
 * simulation shown, and the newest evaluation, calibration and negotiation, the version and
 * git commit that made it, its command line, seed, runs and parameters, and the SHA-256 of
 * its inputs; when a run started from the shipped default world, that world's sources
 * (data/world/SOURCES.md), edition by edition. */
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "store/q_report.h"
#include "util/file.h"

/* Markdown cell text without its emphasis and code marks. */
static void plain(FILE *f, char *s)
{
	size_t w = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != '*' && s[i] != '`')
			s[w++] = s[i];
	s[w] = '\0';
	while (w && s[w - 1] == ' ')
		s[--w] = '\0';
	mp_html_escape(f, s);
}

/* The "| `column` | unit | source (edition) | grade |" rows of data/world/SOURCES.md. */
static void world_sources(rep *r)
{
	char *path = NULL, *text = NULL;
	size_t len = 0;
	if (mp_data_path(NULL, "world/SOURCES.md", &path) != MP_OK ||
	    mp_file__read(NULL, path, MP_FILE_MAX, &text, &len)) {
		free(path);
		return;
	}
	fputs("<p>The start world is multipolar's shipped default world (<code>data/world/world.csv</code>); its "
	      "sources, as listed in <code>data/world/SOURCES.md</code> with a grade for each figure:</p>\n<ul>\n",
	      r->f);
	for (char *line = text; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!strncmp(line, "| `", 3)) {
			/* cells: column, unit, source, grade */
			char *cell[4] = { NULL };
			int k = 0;
			for (char *c = line + 1; k < 4 && c && *c; k++) {
				char *bar = strchr(c, '|');
				if (bar)
					*bar = '\0';
				while (*c == ' ')
					c++;
				cell[k] = c;
				c = bar ? bar + 1 : NULL;
			}
			if (cell[0] && cell[2]) {
				fputs("<li>", r->f);
				plain(r->f, cell[0]);
				fputs(": ", r->f);
				plain(r->f, cell[2]);
				fputs("</li>\n", r->f);
			}
		}
		line = next;
	}
	fputs("</ul>\n", r->f);
	free(text);
	free(path);
}

static void one(rep *r, const char *what, const mp_run_record *p, int *default_world)
{
	FILE *f = r->f;
	/* long commands and hashes wrap on a phone's width */
	fputs("<div class=\"provenance\" style=\"overflow-wrap:anywhere;word-break:break-word\"><h3>", f);
	mp_html_escape(f, what);
	fprintf(f, "</h3>\n<dl>\n<dt>made by</dt><dd>multipolar ");
	mp_html_escape(f, p->version);
	fputs(", git commit <code>", f);
	mp_html_escape(f, p->git_commit);
	fputs("</code>, ", f);
	mp_html_escape(f, p->created_at);
	fputs("</dd>\n<dt>command</dt><dd><code>", f);
	mp_html_escape(f, p->command_line[0] ? p->command_line : "(not recorded)");
	fputs("</code></dd>\n", f);
	if (p->seed >= 0)
		fprintf(f, "<dt>seed</dt><dd>%lld</dd>\n", (long long)p->seed);
	if (p->runs > 0)
		fprintf(f, "<dt>runs</dt><dd>%d</dd>\n", p->runs);
	if (p->params[0]) {
		fputs("<dt>parameters</dt><dd>", f);
		mp_html_escape(f, p->params);
		fputs("</dd>\n", f);
	}
	if (p->switches[0]) {
		fputs("<dt>switches</dt><dd><code>", f);
		mp_html_escape(f, p->switches);
		fputs("</code></dd>\n", f);
	}
	fputs("<dt>inputs (SHA-256)</dt><dd><ul>\n", f);
	for (size_t i = 0; i < p->ninputs; i++) {
		fputs("<li>", f);
		mp_html_escape(f, p->inputs[i].role);
		fputs(" ", f);
		mp_html_escape(f, p->inputs[i].name);
		fputs(" <code>", f);
		mp_html_escape(f, p->inputs[i].sha256);
		fputs("</code></li>\n", f);
		if (!strcmp(p->inputs[i].role, "world")) {
			size_t l = strlen(p->inputs[i].name);
			if (l >= 15 && !strcmp(p->inputs[i].name + l - 15, "world/world.csv"))
				*default_world = 1;
		}
	}
	fputs("</ul></dd>\n</dl></div>\n", f);
}

int rep__provenance(rep *r)
{
	mp_store_report_run *runs = NULL;
	size_t nr = 0;
	int rc = mp_store__report_runs(r->ctx, r->s, &runs, &nr);
	if (rc != MP_OK)
		return rc;
	rep__section_open(r, "provenance", "How this was made");
	int any = 0, default_world = 0;
	char what[160];
	for (size_t i = 0; i < nr; i++) {
		mp_run_record p;
		if (mp_store_provenance_get(NULL, r->s, "sim", runs[i].run_id, &p) != MP_OK)
			continue;
		snprintf(what, sizeof what, "Simulation %s (run %lld)", runs[i].scenario, (long long)runs[i].run_id);
		one(r, what, &p, &default_world);
		mp_run_record_free(&p);
		any = 1;
	}
	static const struct {
		const char *kind, *label;
	} others[] = { { "eval", "Evaluation" }, { "calib", "Calibration" }, { "bargain", "Negotiation" } };
	for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
		int64_t *ids = NULL;
		size_t n = 0;
		if (mp_store_provenance_list(NULL, r->s, others[k].kind, 1, &ids, &n) == MP_OK && n) {
			mp_run_record p;
			if (mp_store_provenance_get(NULL, r->s, others[k].kind, ids[0], &p) == MP_OK) {
				snprintf(what, sizeof what, "%s (the newest stored, run %lld)", others[k].label,
					 (long long)ids[0]);
				one(r, what, &p, &default_world);
				mp_run_record_free(&p);
				any = 1;
			}
		}
		free(ids);
	}
	if (!any)
		rep__nodata(r, "No stored run has a provenance record (runs stored by multipolar 0.1 before it had "
			       "them, or none stored).");
	if (default_world)
		world_sources(r);
	rep__section_close(r);
	free(runs);
	return MP_OK;
}
