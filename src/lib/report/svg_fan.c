/* Fan chart: 90% and 50% bands around a median (forecast ensembles). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

static int ok(const double *lo, const double *hi, const double *x, size_t i)
{
	return isfinite(x[i]) && isfinite(lo[i]) && isfinite(hi[i]);
}

/* One closed polygon per run of points where x, lo and hi are all present: the upper
 * edge left to right, then the lower edge back. */
static void band_path(FILE *f, const svg_frame *fr, size_t n, const double *x, const double *lo, const double *hi)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && !ok(lo, hi, x, i))
			i++;
		size_t a = i;
		while (i < n && ok(lo, hi, x, i))
			i++;
		if (i == a)
			break;
		for (size_t k = a; k < i; k++) {
			fputc(k == a ? 'M' : 'L', f);
			svg__coord(f, svg__sx(fr, x[k]));
			fputc(' ', f);
			svg__coord(f, svg__sy(fr, hi[k]));
		}
		for (size_t k = i; k-- > a;) {
			fputc('L', f);
			svg__coord(f, svg__sx(fr, x[k]));
			fputc(' ', f);
			svg__coord(f, svg__sy(fr, lo[k]));
		}
		fputc('Z', f);
	}
}

static void widen(const double *v, size_t n, double *lo, double *hi, int *any)
{
	double a, b;
	if (!v || !svg__range(v, n, &a, &b))
		return;
	if (!*any) {
		*lo = a;
		*hi = b;
	}
	*lo = fmin(*lo, a);
	*hi = fmax(*hi, b);
	*any = 1;
}

static int fan(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const mp_band_series *b, size_t nb,
	       const mp_series *lines, size_t nl)
{
	FILE *f = g->f;
	int rc = MP_OK;
	for (size_t j = 0; j < nb; j++)
		if (!b[j].x || !b[j].q05 || !b[j].q25 || !b[j].q50 || !b[j].q75 || !b[j].q95)
			return mp_error_set(ctx, MP_EINPUT, "fan chart '%s': series '%s' lacks a quantile", o->id,
					    b[j].name ? b[j].name : "");
	double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
	int anyx = 0, anyy = 0;
	for (size_t j = 0; j < nb; j++) {
		widen(b[j].x, b[j].n, &x0, &x1, &anyx);
		widen(b[j].q05, b[j].n, &y0, &y1, &anyy);
		widen(b[j].q95, b[j].n, &y0, &y1, &anyy);
		widen(b[j].q50, b[j].n, &y0, &y1, &anyy);
	}
	for (size_t j = 0; j < nl; j++) {
		widen(lines[j].x, lines[j].n, &x0, &x1, &anyx);
		widen(lines[j].y, lines[j].n, &y0, &y1, &anyy);
	}
	if (!anyx || !anyy) {
		svg__nodata(f, o, "No data for this chart.");
		return MP_OK;
	}
	svg_frame fr;
	if ((rc = svg__frame(o, x0, x1, y0, y1, &fr)) != MP_OK)
		return mp_error_set(ctx, rc, "fan chart '%s': cannot scale the data", o->id);

	size_t nk = nb + nl + 1, nc = 5 * nb + nl;
	svg_key *keys = calloc(nk, sizeof *keys);
	svg_col *cols = calloc(nc ? nc : 1, sizeof *cols);
	if (!keys || !cols) {
		rc = mp_error_set(ctx, MP_ENOMEM, "fan chart: out of memory");
		goto done;
	}
	static const char *const qname[5] = { "5%", "25%", "median", "75%", "95%" };
	for (size_t j = 0; j < nb; j++) {
		keys[j] = svg__key(j, b[j].color, b[j].name, SVG_KEY_BAND);
		const double *q[5] = { b[j].q05, b[j].q25, b[j].q50, b[j].q75, b[j].q95 };
		for (int k = 0; k < 5; k++)
			cols[5 * j + (size_t)k] = (svg_col){ b[j].name, qname[k], b[j].n, b[j].x, q[k] };
	}
	for (size_t j = 0; j < nl; j++) {
		keys[nb + j] = svg__key(nb + j, lines[j].color, lines[j].name,
					lines[j].style == MP_CHART_DASHED ? SVG_KEY_DASHED : SVG_KEY_LINE);
		cols[5 * nb + j] = (svg_col){ lines[j].name, NULL, lines[j].n, lines[j].x, lines[j].y };
	}
	keys[nb + nl] = (svg_key){ "line: median; dark band: 50%, light band: 90% of runs", NULL, SVG_KEY_TEXT, 0 };
	/* the legend: a dashed line in a band's colour continues that band's series (observed
	 * values), so it needs no entry of its own; one sentence says so */
	svg_key *legend = calloc(nk + 1, sizeof *legend);
	if (!legend) {
		rc = mp_error_set(ctx, MP_ENOMEM, "fan chart: out of memory");
		goto done;
	}
	size_t nleg = 0, folded = 0;
	for (size_t j = 0; j < nb; j++)
		legend[nleg++] = keys[j];
	for (size_t j = 0; j < nl; j++) {
		int same = 0;
		for (size_t k = 0; k < nb && !same; k++)
			same = keys[nb + j].kind == SVG_KEY_DASHED && !strcmp(keys[nb + j].color, keys[k].color);
		if (same)
			folded++;
		else
			legend[nleg++] = keys[nb + j];
	}
	legend[nleg++] = keys[nb + nl];
	if (folded)
		legend[nleg++] = (svg_key){ "dashed: observed values of the series in the same colour", NULL,
					    SVG_KEY_TEXT, 0 };
	rc = svg__open(g, o, &fr, legend, nleg);
	free(legend);
	if (rc != MP_OK) {
		rc = mp_error_set(ctx, rc, "fan chart: out of memory");
		goto done;
	}
	svg__axes(f, o, &fr);
	fputs("<g class=\"fans\">\n", f);
	for (size_t j = 0; j < nb; j++) {
		const char *c = keys[j].color;
		fputs("<g class=\"fan\"", f);
		svg__entity_attr(f, &keys[j]);
		fputs("><title>", f);
		mp_html_escape(f, b[j].name);
		fprintf(f, "</title>\n<path class=\"b90\" fill=\"%s\" d=\"", c);
		band_path(f, &fr, b[j].n, b[j].x, b[j].q05, b[j].q95);
		fprintf(f, "\"/>\n<path class=\"b50\" fill=\"%s\" d=\"", c);
		band_path(f, &fr, b[j].n, b[j].x, b[j].q25, b[j].q75);
		fprintf(f, "\"/>\n<path class=\"line\" stroke=\"%s\" d=\"", c);
		svg__polyline(f, &fr, b[j].n, b[j].x, b[j].q50);
		fputs("\"/></g>\n", f);
	}
	for (size_t j = 0; j < nl; j++) {
		fprintf(f, "<path class=\"line\" stroke=\"%s\"%s", keys[nb + j].color,
			keys[nb + j].kind == SVG_KEY_DASHED ? " stroke-dasharray=\"6 4\"" : "");
		svg__entity_attr(f, &keys[nb + j]);
		fputs(" d=\"", f);
		svg__polyline(f, &fr, lines[j].n, lines[j].x, lines[j].y);
		fputs("\"><title>", f);
		mp_html_escape(f, lines[j].name);
		fputs("</title></path>\n", f);
	}
	fputs("</g>\n", f);
	svg__close_svg(f, o);
	rc = svg__table_xy(ctx, g, o, o->x_label ? o->x_label : "x", cols, nc);
	svg__close_figure(f);
done:
	free(keys);
	free(cols);
	return rc;
}

int mp_chart_fan(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_band_series *b, size_t nb,
		 const mp_series *lines, size_t nl)
{
	svg_fig g;
	int rc = svg__check(ctx, o);
	if (rc == MP_OK && (rc = svg__fig_begin(ctx, &g, f, o)) == MP_OK)
		rc = svg__fig_end(ctx, &g, fan(ctx, &g, o, b, nb, lines, nl));
	return rc;
}
