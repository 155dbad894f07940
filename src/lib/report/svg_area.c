/* Stacked area chart. */
#include <math.h>
#include <stdlib.h>

#include "svg_internal.h"

static void pt(FILE *f, const svg_frame *fr, char cmd, double x, double y)
{
	fputc(cmd, f);
	svg__coord(f, svg__sx(fr, x));
	fputc(' ', f);
	svg__coord(f, svg__sy(fr, y));
}

static int area(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const mp_series *s, size_t ns)
{
	FILE *f = g->f;
	int rc = MP_OK;
	size_t n = ns ? s[0].n : 0;
	for (size_t j = 1; j < ns; j++) {
		if (s[j].n != n)
			return mp_error_set(ctx, MP_EINPUT, "area chart '%s': series '%s' has %zu points, expected %zu",
					    o->id, s[j].name ? s[j].name : "", s[j].n, n);
		for (size_t i = 0; i < n; i++)
			if (s[j].x[i] != s[0].x[i])
				return mp_error_set(ctx, MP_EINPUT, "area chart '%s': series '%s' has other x values",
						    o->id, s[j].name ? s[j].name : "");
	}
	double *base = calloc(n ? n : 1, sizeof *base);
	double *top = calloc(n ? n : 1, sizeof *top);
	svg_key *keys = calloc(ns ? ns : 1, sizeof *keys);
	svg_col *cols = calloc(ns ? ns : 1, sizeof *cols);
	if (!base || !top || !keys || !cols) {
		rc = mp_error_set(ctx, MP_ENOMEM, "area chart: out of memory");
		goto done;
	}
	/* the stack's height at each x */
	double y1 = 0, x0 = 0, x1 = 0;
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		double t = 0;
		int present = 0;
		for (size_t j = 0; j < ns; j++)
			if (isfinite(s[j].y[i])) {
				t += s[j].y[i];
				present = 1;
			}
		if (!present || !isfinite(s[0].x[i]))
			continue;
		if (!any)
			x0 = x1 = s[0].x[i];
		x0 = fmin(x0, s[0].x[i]);
		x1 = fmax(x1, s[0].x[i]);
		y1 = fmax(y1, t);
		any = 1;
	}
	if (!any) {
		svg__nodata(f, o, "No data for this chart.");
		goto done;
	}
	svg_frame fr;
	if ((rc = svg__frame(o, x0, x1, 0, y1, &fr)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "area chart '%s': cannot scale the data", o->id);
		goto done;
	}
	for (size_t j = 0; j < ns; j++) {
		keys[j] = svg__key(j, s[j].color, s[j].name, SVG_KEY_AREA);
		cols[j] = (svg_col){ s[j].name, NULL, s[j].n, s[j].x, s[j].y };
	}
	if ((rc = svg__open(g, o, &fr, keys, ns)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "area chart: out of memory");
		goto done;
	}
	svg__axes(f, o, &fr);
	fputs("<g class=\"areas\">\n", f);
	for (size_t j = 0; j < ns; j++) {
		for (size_t i = 0; i < n; i++)
			top[i] = base[i] + (isfinite(s[j].y[i]) ? s[j].y[i] : 0);
		fprintf(f, "<path class=\"area\" fill=\"%s\"", keys[j].color);
		svg__entity_attr(f, &keys[j]);
		fputs(" d=\"", f);
		/* upper edge left to right, then lower edge back: one closed polygon per layer,
		 * over the x values where any series is present */
		int first = 1;
		for (size_t i = 0; i < n; i++)
			if (isfinite(s[0].x[i])) {
				pt(f, &fr, first ? 'M' : 'L', s[0].x[i], top[i]);
				first = 0;
			}
		for (size_t i = n; i-- > 0;)
			if (isfinite(s[0].x[i]))
				pt(f, &fr, 'L', s[0].x[i], base[i]);
		fputs("Z\"><title>", f);
		mp_html_escape(f, s[j].name);
		fputs("</title></path>\n", f);
		for (size_t i = 0; i < n; i++)
			base[i] = top[i];
	}
	fputs("</g>\n", f);
	svg__close_svg(f, o);
	rc = svg__table_xy(ctx, g, o, o->x_label ? o->x_label : "x", cols, ns);
	svg__close_figure(f);
done:
	free(base);
	free(top);
	free(keys);
	free(cols);
	return rc;
}

int mp_chart_area(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_series *s, size_t ns)
{
	svg_fig g;
	int rc = svg__check(ctx, o);
	if (rc == MP_OK && (rc = svg__fig_begin(ctx, &g, f, o)) == MP_OK)
		rc = svg__fig_end(ctx, &g, area(ctx, &g, o, s, ns));
	return rc;
}
