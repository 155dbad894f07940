/* The HTML report: page frame, provenance, atomic file writing. Sections in
 * report_history.c, report_forecast.c, report_skill.c, report_relations.c,
 * report_negotiation.c; the helpers they share in report_html.c (so calls run one way:
 * report.c -> sections -> report_html.c). */
#include <stdlib.h>
#include <string.h>

#include "multipolar/output.h"

#include "multipolar/output.h"
#include "report_internal.h"

static void head(rep *r)
{
	FILE *f = r->f;
	const char *title = r->o->title && *r->o->title ? r->o->title : "multipolar report";
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"multipolar ",
	      f);
	mp_html_escape(f, mp_version());
	fputs("\">\n<link rel=\"icon\" href=\"data:,\">\n<title>", f);
	mp_html_escape(f, title);
	fputs("</title>\n<style>\n", f);
	fputs(mp_chart_css(), f);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>", f);
	mp_html_escape(f, title);
	fputs("</h1>\n<p class=\"meta\">Capabilities, polarity, forecasts and relations of the "
	      "great powers, written by multipolar ",
	      f);
	mp_html_escape(f, mp_version());
	fputs(". Every chart has its numbers in a data table under it.</p>\n"
	      "<nav aria-label=\"sections\"><ul>"
	      "<li><a href=\"#history\">History: capabilities and polarity</a></li>"
	      "<li><a href=\"#forecast\">Forecast: scenarios to the horizon</a></li>"
	      "<li><a href=\"#skill\">Forecast skill: the model against baselines</a></li>"
	      "<li><a href=\"#relations\">Relations: dyads and camps</a></li>"
	      "<li><a href=\"#negotiation\">Negotiation</a></li>"
	      "<li><a href=\"#provenance\">How this was made</a></li>"
	      "<li><a href=\"#sources\">Data and sources</a></li>"
	      "</ul></nav>\n</header>\n<main>\n",
	      f);
}

/* The provenance of every imported dataset (name, version, file, SHA-256, citation). */
static int sources(rep *r)
{
	FILE *f = r->f;
	mp_dataset_info *ds = NULL;
	size_t n = 0;
	int rc = mp_store_datasets(r->ctx, r->s, &ds, &n);
	if (rc != MP_OK)
		return rc;
	rep__section_open(r, "sources", "Data and sources");
	if (n == 0)
		rep__nodata(r, "No dataset is imported in this database (see 'multipolar import').");
	else {
		fputs("<ul class=\"sources\">\n", f);
		for (size_t i = 0; i < n; i++) {
			fputs("<li><strong>", f);
			mp_html_escape(f, ds[i].name);
			fputs("</strong> ", f);
			mp_html_escape(f, ds[i].version);
			if (ds[i].year_min > 0)
				fprintf(f, ", %d&#8211;%d", ds[i].year_min, ds[i].year_max);
			fprintf(f, ", %lld rows, file ", (long long)ds[i].rows);
			mp_html_escape(f, ds[i].file);
			fputs(" (SHA-256 <code>", f);
			char sha[17];
			memcpy(sha, ds[i].sha256, 16);
			sha[16] = '\0';
			mp_html_escape(f, sha);
			fputs("&#8230;</code>).<br>", f);
			mp_html_escape(f, ds[i].citation);
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	fputs("<p class=\"note\">Charts: one colour per entity (pole, state, scenario, actor) in every chart, "
	      "from the palettes of Okabe &amp; Ito (2008) and Tol (2021), safe for colour-blind readers (the "
	      "mapping: docs/report.md, \"Colours\"); axis ticks by Heckbert's (1990) nice numbers. Under each chart, "
	      "its drawing downloads as an SVG file and its table as CSV.</p>\n",
	      f);
	rep__section_close(r);
	free(ds);
	return MP_OK;
}

int mp_report_write(mp_ctx *ctx, mp_store *s, const mp_report_opts *o, FILE *f)
{
	mp_report_opts defaults = MP_REPORT_OPTS_INIT;
	if (!o)
		o = &defaults;
	if (o->version != MP_REPORT_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "report: options of another version (use MP_REPORT_OPTS_INIT)");
	if (!s || !f)
		return mp_error_set(ctx, MP_EUSAGE, "report: a store and an output file are required");
	rep r;
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	r.s = s;
	r.o = o;
	r.f = f;
	int rc = mp_poles_load(ctx, o->poles_path, &r.poles);
	if (rc != MP_OK)
		goto done;
	/* one snapshot: a run committing meanwhile cannot show half in the report */
	if ((rc = mp_store_read_begin(ctx, s)) != MP_OK)
		goto done;
	r.in_read = 1;
	mp_progress(ctx, "report", 0, 1);
	if ((rc = rep__history_load(&r)) != MP_OK)
		goto done;
	head(&r);
	if ((rc = rep__history(&r)) != MP_OK)
		goto done;
	rep__tick(&r);
	if ((rc = rep__forecast(&r)) != MP_OK)
		goto done;
	if ((rc = rep__economy(&r)) != MP_OK) /* report_economy.c */
		goto done;
	if ((rc = rep__population(&r)) != MP_OK) /* report_population.c */
		goto done;
	if ((rc = rep__skill(&r)) != MP_OK) /* report_skill.c */
		goto done;
	rep__tick(&r);
	if ((rc = rep__relations(&r)) != MP_OK)
		goto done;
	rep__tick(&r);
	if ((rc = rep__negotiation(&r)) != MP_OK)
		goto done;
	if ((rc = rep__provenance(&r)) != MP_OK)
		goto done;
	if ((rc = sources(&r)) != MP_OK)
		goto done;
	fputs("</main>\n<footer><p class=\"meta\">Written by multipolar ", f);
	mp_html_escape(f, mp_version());
	fputs(" from ", f);
	const char *path = mp_store_path(s);
	const char *base = path ? strrchr(path, '/') : NULL;
	mp_html_escape(f, base ? base + 1 : path);
	fputs(". Methods and sources: docs/report.md and docs/models.md of multipolar.</p></footer>\n"
	      "</body>\n</html>\n",
	      f);
	r.done = r.total - 1;
	rep__tick(&r);
	if (ferror(f))
		rc = mp_error_set(ctx, MP_EIO, "report: writing the output failed");
done:
	if (r.in_read)
		mp_store_read_end(s);
	rep__history_free(&r);
	mp_poles_free(r.poles);
	return rc;
}

int mp_report_write_file(mp_ctx *ctx, mp_store *s, const mp_report_opts *o, const char *path)
{
	if (!path || !*path)
		return mp_error_set(ctx, MP_EUSAGE, "report: an output path is required");
	/* a temporary file beside the target, renamed into place when complete; mode 0666 less
	 * the umask (multipolar/output.h) */
	mp_output out;
	int rc = mp_output_open(ctx, path, &out);
	if (rc != MP_OK)
		return rc;
	rc = mp_report_write(ctx, s, o, out.f);
	return mp_output_close(ctx, &out, rc);
}
