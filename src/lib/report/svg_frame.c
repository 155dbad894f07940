/* The chart frame: scales, axes, grid, and the <figure> around the SVG. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

#define FONT 13 /* tick label size in viewBox units (CSS enlarges it on phones) */
#define CHAR_W                                                                                                         \
	14.0 /* width allowed per character at the phone font size (21 units:
			    digits 0.64 em, "%" 0.95 em in DejaVu Sans) */

int svg__check(mp_ctx *ctx, const mp_chart_opts *o)
{
	if (!o || o->version != MP_CHART_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE,
				    "chart: options missing or of another version (use MP_CHART_OPTS_INIT)");
	if (!o->id || !*o->id)
		return mp_error_set(ctx, MP_EUSAGE, "chart: an element id is required");
	return MP_OK;
}

static void frame_size(const mp_chart_opts *o, svg_frame *fr)
{
	fr->w = o->width > 0 ? o->width : 640;
	fr->h = o->height > 0 ? o->height : 300;
}

int svg__frame(const mp_chart_opts *o, double x0, double x1, double y0, double y1, svg_frame *fr)
{
	memset(fr, 0, sizeof *fr);
	frame_size(o, fr);
	if (!isnan(o->y_min))
		y0 = o->y_min;
	if (!isnan(o->y_max))
		y1 = o->y_max;
	int rc = mp_chart_ticks(x0, x1, o->x_ticks > 0 ? o->x_ticks : 8, &fr->xt);
	if (rc == MP_OK)
		rc = mp_chart_ticks(y0, y1, o->y_ticks > 0 ? o->y_ticks : 6, &fr->yt);
	if (rc != MP_OK)
		return rc;
	/* x axes of years start and end at the data, not at the loose tick range */
	if (x1 > x0) {
		fr->xt.lo = x0;
		fr->xt.hi = x1;
	}
	int maxlen = 1;
	for (int k = 0; k < fr->yt.n; k++) {
		int len = svg__tick_label_len(fr->yt.lo + k * fr->yt.step, fr->yt.digits, o->y_percent);
		if (len > maxlen)
			maxlen = len;
	}
	fr->l = 16 + CHAR_W * maxlen;
	fr->r = 24;
	fr->t = 14;
	fr->b = 34;
	return MP_OK;
}

int svg__frame_hbar(const mp_chart_opts *o, double v0, double v1, size_t nrows, int label_chars, svg_frame *fr)
{
	memset(fr, 0, sizeof *fr);
	frame_size(o, fr);
	int rc = mp_chart_ticks(v0, v1, o->x_ticks > 0 ? o->x_ticks : 6, &fr->xt);
	if (rc != MP_OK)
		return rc;
	fr->y_category = 1;
	fr->x_percent = o->y_percent;
	fr->yt.lo = 0;
	fr->yt.hi = (double)nrows;
	fr->yt.n = 0;
	if (label_chars > 22)
		label_chars = 22; /* longer labels are cut with an ellipsis by the chart */
	fr->l = 12 + CHAR_W * label_chars;
	fr->r = 28;
	fr->t = 8;
	fr->b = 34;
	return MP_OK;
}

double svg__sx(const svg_frame *fr, double x)
{
	double span = fr->xt.hi - fr->xt.lo;
	return fr->l + (span > 0 ? (x - fr->xt.lo) / span : 0.5) * (fr->w - fr->l - fr->r);
}

double svg__sy(const svg_frame *fr, double y)
{
	double span = fr->yt.hi - fr->yt.lo;
	return fr->h - fr->b - (span > 0 ? (y - fr->yt.lo) / span : 0.5) * (fr->h - fr->t - fr->b);
}

static void key_item(FILE *f, const svg_key *k)
{
	if (k->kind == SVG_KEY_TEXT) {
		fputs("<li class=\"k-text\">", f);
		mp_html_escape(f, k->name);
		fputs("</li>", f);
		return;
	}
	fputs("<li><span class=\"key ", f);
	switch (k->kind) {
	case SVG_KEY_LINE: fputs("k-line", f); break;
	case SVG_KEY_DASHED: fputs("k-dash", f); break;
	case SVG_KEY_AREA: fputs("k-area", f); break;
	case SVG_KEY_BAND: fputs("k-band", f); break;
	case SVG_KEY_TEXT: break;
	}
	fputc('"', f);
	svg__entity_attr(f, k);
	fprintf(f, " style=\"--c:%s\">&#160;</span>", k->color);
	mp_html_escape(f, k->name);
	fputs("</li>", f);
}

int svg__open(svg_fig *g, const mp_chart_opts *o, const svg_frame *fr, const svg_key *keys, size_t nkeys)
{
	FILE *f = g->f;
	g->w = fr->w;
	g->h = fr->h;
	free(g->keys);
	g->nkeys = 0;
	g->keys = NULL;
	if (nkeys) {
		if (!(g->keys = malloc(nkeys * sizeof *g->keys)))
			return MP_ENOMEM;
		memcpy(g->keys, keys, nkeys * sizeof *keys);
		g->nkeys = nkeys;
	}
	fputs("<figure class=\"chart\" id=\"", f);
	svg__id(f, o->id);
	fputs("\">\n<figcaption><span class=\"title\">", f);
	mp_html_escape(f, o->title);
	fputs("</span>", f);
	if (o->y_label && *o->y_label) {
		fputs(" <span class=\"units\">", f);
		mp_html_escape(f, o->y_label);
		fputs("</span>", f);
	}
	fputs("</figcaption>\n", f);
	if (nkeys > 0) {
		fputs("<ul class=\"legend\">", f);
		for (size_t i = 0; i < nkeys; i++)
			key_item(f, &keys[i]);
		fputs("</ul>\n", f);
	}
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", f);
	svg__num(f, fr->w, 0);
	fputc(' ', f);
	svg__num(f, fr->h, 0);
	fputs("\" role=\"img\"><title>", f);
	mp_html_escape(f, o->title);
	if (o->y_label && *o->y_label) {
		fputs(" (", f);
		mp_html_escape(f, o->y_label);
		fputc(')', f);
	}
	fputs("</title>\n", f);
	return MP_OK;
}

static void hline(FILE *f, const char *cls, double x0, double x1, double y)
{
	fprintf(f, "<path class=\"%s\" d=\"M", cls);
	svg__coord(f, x0);
	fputc(' ', f);
	svg__coord(f, y);
	fputc('H', f);
	svg__coord(f, x1);
	fputs("\"/>\n", f);
}

static void vline(FILE *f, const char *cls, double x, double y0, double y1)
{
	fprintf(f, "<path class=\"%s\" d=\"M", cls);
	svg__coord(f, x);
	fputc(' ', f);
	svg__coord(f, y0);
	fputc('V', f);
	svg__coord(f, y1);
	fputs("\"/>\n", f);
}

void svg__axes(FILE *f, const mp_chart_opts *o, const svg_frame *fr)
{
	double left = fr->l, right = fr->w - fr->r, top = fr->t, bottom = fr->h - fr->b;
	/* horizontal grid and y tick labels */
	if (!fr->y_category) {
		fputs("<g class=\"yaxis\">\n", f);
		for (int k = 0; k < fr->yt.n; k++) {
			double v = (round(fr->yt.lo / fr->yt.step) + k) * fr->yt.step;
			double y = svg__sy(fr, v);
			hline(f, "grid", left, right, y);
			fputs("<text x=\"", f);
			svg__coord(f, left - 6);
			fputs("\" y=\"", f);
			svg__coord(f, y + 4);
			fputs("\" text-anchor=\"end\">", f);
			svg__tick_label(f, v, fr->yt.digits, o->y_percent);
			fputs("</text>\n", f);
		}
		fputs("</g>\n", f);
	}
	/* x ticks: only those inside the axis range (x may start at the data, not a tick) */
	fputs("<g class=\"xaxis\">\n", f);
	double k0 = ceil(fr->xt.lo / fr->xt.step - 1e-9), k1 = floor(fr->xt.hi / fr->xt.step + 1e-9);
	/* with many ticks every other label has class "alt", hidden on narrow screens */
	int many = k1 - k0 >= 6;
	for (double k = k0; k <= k1; k++) {
		double v = k * fr->xt.step;
		double x = svg__sx(fr, v);
		if (fr->y_category)
			vline(f, "grid", x, top, bottom);
		else
			vline(f, "tick", x, bottom, bottom + 5);
		fputs(many && fmod(k - k0, 2) == 1 ? "<text class=\"alt\" x=\"" : "<text x=\"", f);
		svg__coord(f, x);
		fputs("\" y=\"", f);
		svg__coord(f, bottom + 19);
		fputs("\" text-anchor=\"middle\">", f);
		svg__tick_label(f, v, fr->xt.digits, fr->x_percent);
		fputs("</text>\n", f);
	}
	hline(f, "axis", left, right, bottom);
	if (fr->y_category)
		vline(f, "axis", left, top, bottom);
	fputs("</g>\n", f);
}

void svg__close_svg(FILE *f, const mp_chart_opts *o)
{
	fputs("</svg>\n", f);
	if (o->source && *o->source) {
		fputs("<p class=\"source\">Source: ", f);
		mp_html_escape(f, o->source);
		fputs("</p>\n", f);
	}
	if (o->note && *o->note) {
		fputs("<p class=\"note\">", f);
		mp_html_escape(f, o->note);
		fputs("</p>\n", f);
	}
}

void svg__close_figure(FILE *f)
{
	fputs("</figure>\n", f);
}

size_t svg__polyline(FILE *f, const svg_frame *fr, size_t n, const double *x, const double *y)
{
	size_t drawn = 0;
	int pen = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(x[i]) || !isfinite(y[i])) {
			pen = 0;
			continue;
		}
		fputc(pen ? 'L' : 'M', f);
		svg__coord(f, svg__sx(fr, x[i]));
		fputc(' ', f);
		svg__coord(f, svg__sy(fr, y[i]));
		/* an isolated point: a zero-length segment, drawn as a dot by the round cap */
		if (!pen && (i + 1 == n || !isfinite(x[i + 1]) || !isfinite(y[i + 1])))
			fputs("h0", f);
		pen = 1;
		drawn++;
	}
	return drawn;
}

void svg__nodata(FILE *f, const mp_chart_opts *o, const char *why)
{
	fputs("<figure class=\"chart nodata\" id=\"", f);
	svg__id(f, o->id);
	fputs("\">\n<figcaption><span class=\"title\">", f);
	mp_html_escape(f, o->title);
	fputs("</span></figcaption>\n<p class=\"nodata\">", f);
	mp_html_escape(f, why);
	fputs("</p>\n</figure>\n", f);
}

const char *svg__series_color(size_t i, int color, const char *name)
{
	if (color == MP_CHART_BY_NAME)
		color = mp_chart_entity_color(name);
	if (color < 0)
		return "#BBBBBB"; /* Tol (2021): the grey of his bright and vibrant schemes */
	if (color > 0)
		return mp_chart_color((size_t)(color - 1));
	/* by position: the palette without yellow (poor for lines on white), yellow last */
	i %= MP_PALETTE_EXT;
	return mp_chart_color(i < 7 ? i : i + 1 < MP_PALETTE_EXT ? i + 1 : 7);
}

svg_key svg__key(size_t j, int color, const char *name, svg_key_kind kind)
{
	return (svg_key){ name, svg__series_color(j, color, name), kind, color == MP_CHART_BY_NAME };
}

void svg__entity_attr(FILE *f, const svg_key *k)
{
	char key[96];
	if (!k->entity || !k->name)
		return;
	fputs(" data-entity=\"", f);
	mp_html_escape(f, mp_chart_entity_key(k->name, key, sizeof key));
	fputc('"', f);
}

int svg__range(const double *v, size_t n, double *lo, double *hi)
{
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		if (!any || v[i] < *lo)
			*lo = v[i];
		if (!any || v[i] > *hi)
			*hi = v[i];
		any = 1;
	}
	return any;
}
