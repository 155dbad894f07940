/* Line chart. */
#include <math.h>
#include <stdlib.h>

#include "svg_internal.h"

int mp_chart_line(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_series *s, size_t ns)
{
	int rc = svg__check(ctx, o);
	if (rc != MP_OK)
		return rc;
	double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
	int any = 0;
	for (size_t j = 0; j < ns; j++)
		for (size_t i = 0; i < s[j].n; i++) {
			double x = s[j].x[i], y = s[j].y[i];
			if (!isfinite(x) || !isfinite(y))
				continue;
			if (!any) {
				x0 = x1 = x;
				y0 = y1 = y;
			}
			x0 = fmin(x0, x);
			x1 = fmax(x1, x);
			y0 = fmin(y0, y);
			y1 = fmax(y1, y);
			any = 1;
		}
	if (!any) {
		svg__nodata(f, o, "No data for this chart.");
		return MP_OK;
	}
	svg_frame fr;
	if ((rc = svg__frame(o, x0, x1, y0, y1, &fr)) != MP_OK)
		return mp_error_set(ctx, rc, "line chart '%s': cannot scale the data", o->id);

	svg_key *keys = calloc(ns ? ns : 1, sizeof *keys);
	svg_col *cols = calloc(ns ? ns : 1, sizeof *cols);
	if (!keys || !cols) {
		rc = mp_error_set(ctx, MP_ENOMEM, "line chart: out of memory");
		goto done;
	}
	for (size_t j = 0; j < ns; j++) {
		int dashed = s[j].style == MP_CHART_DASHED || (s[j].color == 0 && j >= MP_PALETTE_SIZE);
		keys[j] = (svg_key){ s[j].name, svg__series_color(j, s[j].color),
				     dashed ? SVG_KEY_DASHED : SVG_KEY_LINE };
		cols[j] = (svg_col){ s[j].name, NULL, s[j].n, s[j].x, s[j].y };
	}
	svg__open(f, o, &fr, keys, ns);
	svg__axes(f, o, &fr);
	fputs("<g class=\"lines\">\n", f);
	for (size_t j = 0; j < ns; j++) {
		fprintf(f, "<path class=\"line\" stroke=\"%s\"%s d=\"", keys[j].color,
			keys[j].kind == SVG_KEY_DASHED ? " stroke-dasharray=\"6 4\"" : "");
		svg__polyline(f, &fr, s[j].n, s[j].x, s[j].y);
		fputs("\"><title>", f);
		mp_html_escape(f, s[j].name);
		fputs("</title></path>\n", f);
	}
	fputs("</g>\n", f);
	svg__close_svg(f, o);
	rc = svg__table_xy(ctx, f, o, o->x_label ? o->x_label : "x", cols, ns);
	svg__close_figure(f);
done:
	free(keys);
	free(cols);
	return rc;
}
