/* Line chart, with an optional shaded band (a parity band) and direct labels at the line
 * ends when colours alone cannot tell the series apart. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

#define LABEL_GAP 13.0 /* least vertical distance between two direct labels */
#define LABEL_CHARS 18 /* longer direct labels are cut */
#define LABEL_W 6.6    /* width per character of a direct label (11 px) */

typedef struct {
	size_t j;
	double y;
} label_pos;

static int by_y(const void *a, const void *b)
{
	const label_pos *p = a, *q = b;
	return (p->y > q->y) - (p->y < q->y);
}

/* Whether colours alone do not distinguish the series: more than the base palette, or a
 * colour used twice. */
static int need_labels(const svg_key *keys, size_t ns)
{
	if (ns > MP_PALETTE_SIZE)
		return 1;
	for (size_t i = 0; i < ns; i++)
		for (size_t j = i + 1; j < ns; j++)
			if (!strcmp(keys[i].color, keys[j].color) && keys[i].kind == keys[j].kind)
				return 1;
	return 0;
}

static int u8_chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int label_chars(const char *s)
{
	int n = u8_chars(s);
	return n > LABEL_CHARS ? LABEL_CHARS : n;
}

/* Writes at most LABEL_CHARS code points of s, escaped, with an ellipsis when cut. */
static void label_text(FILE *f, const char *s)
{
	if (u8_chars(s) <= LABEL_CHARS) {
		mp_html_escape(f, s);
		return;
	}
	char buf[4 * LABEL_CHARS + 4];
	size_t len = 0;
	int n = 0;
	while (s[len] && len < sizeof buf - 4) {
		if (((unsigned char)s[len] & 0xC0) != 0x80 && ++n > LABEL_CHARS - 1)
			break;
		buf[len] = s[len];
		len++;
	}
	buf[len] = '\0';
	mp_html_escape(f, buf);
	fputs("\xE2\x80\xA6", f);
}

/* Direct labels: each series' name right of its last point, moved apart vertically so no
 * two overlap (sorted by height, pushed down, then back up from the bottom). */
static int direct_labels(FILE *f, const svg_frame *fr, const mp_series *s, const svg_key *keys, size_t ns)
{
	label_pos *p = calloc(ns ? ns : 1, sizeof *p);
	if (!p)
		return MP_ENOMEM;
	size_t n = 0;
	for (size_t j = 0; j < ns; j++)
		for (size_t i = s[j].n; i-- > 0;)
			if (isfinite(s[j].x[i]) && isfinite(s[j].y[i])) {
				p[n].j = j;
				p[n++].y = svg__sy(fr, s[j].y[i]);
				break;
			}
	qsort(p, n, sizeof *p, by_y);
	double top = fr->t + 4, bottom = fr->h - fr->b;
	for (size_t k = 0; k < n; k++) {
		double lo = k ? p[k - 1].y + LABEL_GAP : top;
		if (p[k].y < lo)
			p[k].y = lo;
	}
	for (size_t k = n; k-- > 0;) {
		double hi = k + 1 < n ? p[k + 1].y - LABEL_GAP : bottom;
		if (p[k].y > hi)
			p[k].y = hi;
	}
	fputs("<g class=\"dlabels\">\n", f);
	for (size_t k = 0; k < n; k++) {
		const svg_key *key = &keys[p[k].j];
		fprintf(f, "<text class=\"dlabel\" style=\"fill:%s\"", key->color);
		svg__entity_attr(f, key);
		fputs(" x=\"", f);
		svg__coord(f, fr->w - fr->r + 4);
		fputs("\" y=\"", f);
		svg__coord(f, p[k].y + 4);
		fputs("\">", f);
		label_text(f, s[p[k].j].name);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
	free(p);
	return MP_OK;
}

static int has_band(const mp_chart_opts *o)
{
	return isfinite(o->band_lo) && isfinite(o->band_hi) && o->band_hi > o->band_lo;
}

static int line(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const mp_series *s, size_t ns)
{
	FILE *f = g->f;
	int rc = MP_OK;
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
	int band = has_band(o);
	if (band) {
		y0 = fmin(y0, o->band_lo);
		y1 = fmax(y1, o->band_hi);
	}
	svg_frame fr;
	if ((rc = svg__frame(o, x0, x1, y0, y1, &fr)) != MP_OK)
		return mp_error_set(ctx, rc, "line chart '%s': cannot scale the data", o->id);

	svg_key *keys = calloc(ns + 1, sizeof *keys);
	svg_col *cols = calloc(ns ? ns : 1, sizeof *cols);
	if (!keys || !cols) {
		rc = mp_error_set(ctx, MP_ENOMEM, "line chart: out of memory");
		goto done;
	}
	for (size_t j = 0; j < ns; j++) {
		int dashed = s[j].style == MP_CHART_DASHED || (s[j].color == 0 && j >= MP_PALETTE_EXT);
		keys[j] = svg__key(j, s[j].color, s[j].name, dashed ? SVG_KEY_DASHED : SVG_KEY_LINE);
		cols[j] = (svg_col){ s[j].name, NULL, s[j].n, s[j].x, s[j].y };
	}
	int labels = need_labels(keys, ns);
	if (labels) {
		int chars = 1;
		for (size_t j = 0; j < ns; j++)
			chars = label_chars(s[j].name) > chars ? label_chars(s[j].name) : chars;
		fr.r = 10 + LABEL_W * chars;
	}
	size_t nk = ns;
	if (band)
		keys[nk++] = (svg_key){ o->band_label ? o->band_label : "band", "#E4E4E4", SVG_KEY_AREA, 0 };
	if ((rc = svg__open(g, o, &fr, keys, nk)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "line chart: out of memory");
		goto done;
	}
	svg__axes(f, o, &fr);
	if (band) {
		double ya = svg__sy(&fr, o->band_hi), yb = svg__sy(&fr, o->band_lo);
		fputs("<rect class=\"band\" x=\"", f);
		svg__coord(f, fr.l);
		fputs("\" y=\"", f);
		svg__coord(f, ya);
		fputs("\" width=\"", f);
		svg__coord(f, fr.w - fr.l - fr.r);
		fputs("\" height=\"", f);
		svg__coord(f, yb - ya);
		fputs("\"><title>", f);
		mp_html_escape(f, o->band_label ? o->band_label : "band");
		fputs("</title></rect>\n", f);
	}
	fputs("<g class=\"lines\">\n", f);
	for (size_t j = 0; j < ns; j++) {
		fprintf(f, "<path class=\"line\" stroke=\"%s\"%s", keys[j].color,
			keys[j].kind == SVG_KEY_DASHED ? " stroke-dasharray=\"6 4\"" : "");
		svg__entity_attr(f, &keys[j]);
		fputs(" d=\"", f);
		svg__polyline(f, &fr, s[j].n, s[j].x, s[j].y);
		fputs("\"><title>", f);
		mp_html_escape(f, s[j].name);
		fputs("</title></path>\n", f);
	}
	fputs("</g>\n", f);
	if (labels && (rc = direct_labels(f, &fr, s, keys, ns)) != MP_OK) {
		rc = mp_error_set(ctx, rc, "line chart: out of memory");
		goto done;
	}
	svg__close_svg(f, o);
	rc = svg__table_xy(ctx, g, o, o->x_label ? o->x_label : "x", cols, ns);
	svg__close_figure(f);
done:
	free(keys);
	free(cols);
	return rc;
}

int mp_chart_line(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_series *s, size_t ns)
{
	svg_fig g;
	int rc = svg__check(ctx, o);
	if (rc == MP_OK && (rc = svg__fig_begin(ctx, &g, f, o)) == MP_OK)
		rc = svg__fig_end(ctx, &g, line(ctx, &g, o, s, ns));
	return rc;
}
