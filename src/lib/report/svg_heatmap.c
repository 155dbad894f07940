/* Heat map on a sequential colour-blind-safe scale. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

#define CELL_H 26.0
#define CHAR_W 12.5 /* per character at the phone font size (21 units) */
#define MAX_CHARS 16

/* Tol, P. (2021). Colour schemes. SRON Technical Note SRON/EPS/TN/09-002, issue 3.2,
 * figure 19: the sequential scheme YlOrBr (9 colours), light to dark, readable by
 * people with any common colour-vision deficiency and in grey-scale print. */
static const unsigned char ylorbr[9][3] = {
	{ 0xFF, 0xFF, 0xE5 }, { 0xFF, 0xF7, 0xBC }, { 0xFE, 0xE3, 0x91 }, { 0xFE, 0xC4, 0x4F }, { 0xFB, 0x9A, 0x29 },
	{ 0xEC, 0x70, 0x14 }, { 0xCC, 0x4C, 0x02 }, { 0x99, 0x34, 0x04 }, { 0x66, 0x25, 0x06 },
};

/* Colour at t in [0, 1]: linear interpolation between the nine stops (as Tol does for
 * continuous use), rounded to whole RGB values so the output is exact. */
static void scale_color(double t, char out[8])
{
	if (!(t >= 0))
		t = 0;
	if (t > 1)
		t = 1;
	double p = t * 8.0;
	int k = (int)floor(p);
	if (k >= 8)
		k = 7;
	double u = p - k;
	int rgb[3];
	for (int c = 0; c < 3; c++)
		rgb[c] = (int)lround(ylorbr[k][c] + u * (ylorbr[k + 1][c] - ylorbr[k][c]));
	snprintf(out, 8, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
}

static int u8_chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void text_at(FILE *f, double x, double y, const char *anchor, const char *cls)
{
	fprintf(f, "<text class=\"%s\" x=\"", cls);
	svg__coord(f, x);
	fputs("\" y=\"", f);
	svg__coord(f, y);
	fprintf(f, "\" text-anchor=\"%s\">", anchor);
}

static int heatmap(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const char *const *rows, size_t nr,
		   const char *const *cols, size_t nc, const double *v, double vmin, double vmax)
{
	FILE *f = g->f;
	int rc = MP_OK;
	double lo = 0, hi = 0;
	if (nr == 0 || nc == 0 || !svg__range(v, nr * nc, &lo, &hi)) {
		svg__nodata(f, o, "No data for this chart.");
		return MP_OK;
	}
	if (!isnan(vmin))
		lo = vmin;
	if (!isnan(vmax))
		hi = vmax;
	if (!(hi > lo))
		hi = lo + 1;
	int rch = 1, cch = 1;
	for (size_t i = 0; i < nr; i++)
		rch = u8_chars(rows[i]) > rch ? u8_chars(rows[i]) : rch;
	for (size_t j = 0; j < nc; j++)
		cch = u8_chars(cols[j]) > cch ? u8_chars(cols[j]) : cch;
	rch = rch > MAX_CHARS ? MAX_CHARS : rch;
	cch = cch > MAX_CHARS ? MAX_CHARS : cch;

	svg_frame fr;
	memset(&fr, 0, sizeof fr);
	fr.w = o->width > 0 ? o->width : 640;
	fr.l = 12 + CHAR_W * rch;
	fr.r = 16 + CHAR_W * 0.7 * cch;  /* the last column label leans right */
	fr.t = 16 + CHAR_W * 0.75 * cch; /* column labels at 45 degrees */
	fr.b = 52;                       /* the colour key */
	fr.h = o->height > 0 ? o->height : fr.t + CELL_H * (double)nr + fr.b;
	double cw = (fr.w - fr.l - fr.r) / (double)nc, chh = (fr.h - fr.t - fr.b) / (double)nr;
	mp_ticks kt;
	if ((rc = mp_chart_ticks(lo, hi, 5, &kt)) != MP_OK)
		return mp_error_set(ctx, rc, "heat map '%s': cannot scale the data", o->id);

	if ((rc = svg__open(g, o, &fr, NULL, 0)) != MP_OK)
		return mp_error_set(ctx, rc, "heat map: out of memory");
	fputs("<g class=\"cells\">\n", f);
	char col[8];
	for (size_t i = 0; i < nr; i++) {
		double y = fr.t + chh * (double)i;
		text_at(f, fr.l - 6, y + chh / 2 + 4, "end", "cat");
		mp_html_escape(f, rows[i]);
		fputs("</text>\n", f);
		for (size_t j = 0; j < nc; j++) {
			double val = v[i * nc + j];
			if (!isfinite(val))
				continue;
			double t = (val - lo) / (hi - lo);
			scale_color(t, col);
			fprintf(f, "<rect fill=\"%s\" x=\"", col);
			svg__coord(f, fr.l + cw * (double)j);
			fputs("\" y=\"", f);
			svg__coord(f, y);
			fputs("\" width=\"", f);
			svg__coord(f, cw - 1);
			fputs("\" height=\"", f);
			svg__coord(f, chh - 1);
			fputs("\"><title>", f);
			mp_html_escape(f, rows[i]);
			fputs(" / ", f);
			mp_html_escape(f, cols[j]);
			fputs(": ", f);
			svg__num(f, val, 2);
			fputs("</title></rect>\n", f);
			if (cw >= 34) {
				text_at(f, fr.l + cw * ((double)j + 0.5), y + chh / 2 + 4, "middle",
					t > 0.55 ? "val dark" : "val");
				svg__num(f, val, 2);
				fputs("</text>\n", f);
			}
		}
	}
	/* the outline of the cells */
	fputs("<path class=\"axis\" d=\"M", f);
	svg__coord(f, fr.l - 0.5);
	fputc(' ', f);
	svg__coord(f, fr.t - 0.5);
	fputc('H', f);
	svg__coord(f, fr.l + cw * (double)nc - 0.5);
	fputc('V', f);
	svg__coord(f, fr.t + chh * (double)nr - 0.5);
	fputc('H', f);
	svg__coord(f, fr.l - 0.5);
	fputs("Z\"/>\n", f);
	/* column labels, rotated so long names fit */
	for (size_t j = 0; j < nc; j++) {
		double x = fr.l + cw * ((double)j + 0.5), y = fr.t - 6;
		fputs("<text class=\"cat\" transform=\"translate(", f);
		svg__coord(f, x);
		fputc(',', f);
		svg__coord(f, y);
		fputs(") rotate(-45)\">", f);
		mp_html_escape(f, cols[j]);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
	/* the colour key: a gradient through the nine stops, with nice ticks */
	double ky = fr.h - fr.b + 14, kx0 = fr.l, kx1 = fr.l + fmin(240, fr.w - fr.l - fr.r);
	fputs("<defs><linearGradient id=\"", f);
	svg__id(f, o->id);
	fputs("-g\">", f);
	for (int k = 0; k < 9; k++) {
		scale_color(k / 8.0, col);
		fputs("<stop offset=\"", f);
		svg__num(f, k / 8.0, 3);
		fprintf(f, "\" stop-color=\"%s\"/>", col);
	}
	fputs("</linearGradient></defs>\n<g class=\"key\"><rect x=\"", f);
	svg__coord(f, kx0);
	fputs("\" y=\"", f);
	svg__coord(f, ky);
	fputs("\" width=\"", f);
	svg__coord(f, kx1 - kx0);
	fputs("\" height=\"10\" fill=\"url(#", f);
	svg__id(f, o->id);
	fputs("-g)\"/>\n", f);
	double k0 = ceil(lo / kt.step - 1e-9), k1 = floor(hi / kt.step + 1e-9);
	for (double k = k0; k <= k1; k++) {
		double tv = k * kt.step;
		text_at(f, kx0 + (tv - lo) / (hi - lo) * (kx1 - kx0), ky + 26, "middle", "klab");
		svg__tick_label(f, tv, kt.digits, o->y_percent);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
	svg__close_svg(f, o);
	svg__table_grid(g, o, o->x_label ? o->x_label : "", rows, nr, cols, nc, v);
	svg__close_figure(f);
	return MP_OK;
}

int mp_chart_heatmap(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const char *const *rows, size_t nr,
		     const char *const *cols, size_t nc, const double *v, double vmin, double vmax)
{
	svg_fig g;
	int rc = svg__check(ctx, o);
	if (rc == MP_OK && (rc = svg__fig_begin(ctx, &g, f, o)) == MP_OK)
		rc = svg__fig_end(ctx, &g, heatmap(ctx, &g, o, rows, nr, cols, nc, v, vmin, vmax));
	return rc;
}
