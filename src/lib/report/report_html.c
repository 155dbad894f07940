/* HTML helpers shared by the report's sections (report_internal.h): progress, section
 * frames, the no-data note, state labels. Used by report.c and every report_*.c section;
 * calls nothing of theirs. */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

void rep__tick(rep *r)
{
	r->done += 1;
	if (r->done > r->total)
		r->total = r->done;
	mp_progress(r->ctx, "report", r->done, r->total);
}

void rep__section_open(rep *r, const char *id, const char *title)
{
	fprintf(r->f, "<section id=\"%s\">\n<h2>", id);
	mp_html_escape(r->f, title);
	fputs("</h2>\n", r->f);
}

void rep__section_close(rep *r)
{
	fputs("</section>\n", r->f);
}

void rep__nodata(rep *r, const char *text)
{
	fputs("<p class=\"nodata\">", r->f);
	mp_html_escape(r->f, text);
	fputs("</p>\n", r->f);
}

const char *rep__state_label(const rep *r, int ccode, char *buf, size_t size)
{
	if (ccode > 0 && ccode < REP_MAX_CCODE && r->abb && r->abb[ccode][0]) {
		if (r->name[ccode][0] && strcmp(r->name[ccode], r->abb[ccode]))
			snprintf(buf, size, "%s (%s)", r->name[ccode], r->abb[ccode]);
		else
			snprintf(buf, size, "%s", r->abb[ccode]);
	} else
		snprintf(buf, size, "ccode %d", ccode);
	return buf;
}
