/* Grouped horizontal bar chart (categories down the side, so long names stay readable
 * on a narrow screen). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

#define BAR_H 16.0   /* bar thickness, viewBox units */
#define GAP 12.0     /* space between categories */
#define MAX_CHARS 22 /* longer category labels are cut with an ellipsis */

/* Number of UTF-8 code points in s. */
static int u8_chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Writes at most max code points of s, escaped, with "…" if cut. */
static void label(FILE *f, const char *s, int max)
{
	if (u8_chars(s) <= max) {
		mp_html_escape(f, s);
		return;
	}
	size_t len = 0;
	int n = 0;
	while (s[len]) {
		if (((unsigned char)s[len] & 0xC0) != 0x80 && ++n > max - 1)
			break;
		len++;
	}
	char *cut = malloc(len + 1);
	if (!cut)
		return;
	memcpy(cut, s, len);
	cut[len] = '\0';
	mp_html_escape(f, cut);
	fputs("\xE2\x80\xA6", f);
	free(cut);
}

static int bar(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const char *const *labels, size_t ncat,
	       const mp_series *s, size_t ns)
{
	FILE *f = g->f;
	int rc = MP_OK;
	for (size_t j = 0; j < ns; j++)
		if (s[j].n < ncat)
			return mp_error_set(ctx, MP_EINPUT,
					    "bar chart '%s': series '%s' has %zu values for %zu categories", o->id,
					    s[j].name ? s[j].name : "", s[j].n, ncat);
	double v0 = 0, v1 = 0;
	int any = 0;
	for (size_t j = 0; j < ns; j++) {
		double a, b;
		if (svg__range(s[j].y, ncat, &a, &b)) {
			v0 = fmin(v0, a);
			v1 = fmax(v1, b);
			any = 1;
		}
	}
	if (!any || ncat == 0) {
		svg__nodata(f, o, "No data for this chart.");
		return MP_OK;
	}
	if (!isnan(o->y_min))
		v0 = o->y_min;
	if (!isnan(o->y_max))
		v1 = o->y_max;
	int chars = 1;
	for (size_t i = 0; i < ncat; i++) {
		int c = u8_chars(labels[i]);
		chars = c > chars ? c : chars;
	}
	mp_chart_opts oo = *o;
	double group = BAR_H * (double)ns + GAP;
	if (oo.height <= 0)
		oo.height = (int)ceil(8 + 34 + group * (double)ncat);
	svg_frame fr;
	if ((rc = svg__frame_hbar(&oo, v0, v1, ncat, chars, &fr)) != MP_OK)
		return mp_error_set(ctx, rc, "bar chart '%s': cannot scale the data", o->id);
	group = (fr.h - fr.t - fr.b) / (double)ncat;
	double bar = (group - GAP) / (double)(ns ? ns : 1);

	svg_key *keys = calloc(ns ? ns : 1, sizeof *keys);
	double *grid = calloc(ncat * (ns ? ns : 1), sizeof *grid);
	const char **names = calloc(ns ? ns : 1, sizeof *names);
	if (!keys || !grid || !names) {
		rc = mp_error_set(ctx, MP_ENOMEM, "bar chart: out of memory");
		goto done;
	}
	for (size_t j = 0; j < ns; j++) {
		keys[j] = svg__key(j, s[j].color, s[j].name, SVG_KEY_AREA);
		names[j] = s[j].name;
		for (size_t i = 0; i < ncat; i++)
			grid[i * ns + j] = s[j].y[i];
	}
	if ((rc = svg__open(g, &oo, &fr, ns > 1 ? keys : NULL, ns > 1 ? ns : 0)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "bar chart: out of memory");
		goto done;
	}
	svg__axes(f, &oo, &fr);
	double zero = svg__sx(&fr, 0);
	fputs("<g class=\"bars\">\n", f);
	for (size_t i = 0; i < ncat; i++) {
		double gy = fr.t + group * (double)i;
		fputs("<text class=\"cat\" x=\"", f);
		svg__coord(f, fr.l - 6);
		fputs("\" y=\"", f);
		svg__coord(f, gy + (group - GAP) / 2 + GAP / 2 + 4);
		fputs("\" text-anchor=\"end\">", f);
		label(f, labels[i], MAX_CHARS);
		fputs("</text>\n", f);
		for (size_t j = 0; j < ns; j++) {
			double v = s[j].y[i];
			if (!isfinite(v))
				continue;
			double xv = svg__sx(&fr, v);
			fprintf(f, "<rect fill=\"%s\"", keys[j].color);
			svg__entity_attr(f, &keys[j]);
			fputs(" x=\"", f);
			svg__coord(f, fmin(zero, xv));
			fputs("\" y=\"", f);
			svg__coord(f, gy + GAP / 2 + bar * (double)j);
			fputs("\" width=\"", f);
			svg__coord(f, fabs(xv - zero));
			fputs("\" height=\"", f);
			svg__coord(f, bar - 1);
			fputs("\"><title>", f);
			mp_html_escape(f, labels[i]);
			if (ns > 1) {
				fputs(", ", f);
				mp_html_escape(f, s[j].name);
			}
			fputs(": ", f);
			svg__tick_label(f, v, fr.xt.digits + 1, o->y_percent);
			fputs("</title></rect>\n", f);
		}
	}
	fputs("</g>\n", f);
	svg__close_svg(f, o);
	svg__table_grid(g, o, o->x_label ? o->x_label : "", labels, ncat, names, ns, grid);
	svg__close_figure(f);
done:
	free(keys);
	free(grid);
	free(names);
	return rc;
}

int mp_chart_bar(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const char *const *labels, size_t ncat,
		 const mp_series *s, size_t ns)
{
	svg_fig g;
	int rc = svg__check(ctx, o);
	if (rc == MP_OK && (rc = svg__fig_begin(ctx, &g, f, o)) == MP_OK)
		rc = svg__fig_end(ctx, &g, bar(ctx, &g, o, labels, ncat, s, ns));
	return rc;
}
