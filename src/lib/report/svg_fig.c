/* A chart's figure with its downloads: the chart as a standalone SVG file and its data
 * table as CSV, offered as <a download> links with data: URIs, so the page needs no script
 * and no server (HTML Living Standard, "Downloading resources"; RFC 2397 data: URLs;
 * RFC 4648 base64, by Nettle). */
#include <math.h>
#include <nettle/base64.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "svg_internal.h"

#define LEG_ROW 20.0 /* standalone SVG: height of a legend row */
#define LEG_CHAR 7.0 /* ... width allowed per character at 12 px */
#define TITLE_H 44.0 /* ... the title and its units above the chart */
#define SRC_H 20.0   /* ... the source line under it */

int svg__fig_begin(mp_ctx *ctx, svg_fig *g, FILE *out, const mp_chart_opts *o)
{
	memset(g, 0, sizeof *g);
	g->out = out;
	g->o = o;
	g->f = open_memstream(&g->html, &g->hlen);
	g->csv = open_memstream(&g->cbuf, &g->clen);
	if (!g->f || !g->csv) {
		if (g->f)
			fclose(g->f);
		if (g->csv)
			fclose(g->csv);
		free(g->html);
		free(g->cbuf);
		memset(g, 0, sizeof *g);
		return mp_error_set(ctx, MP_ENOMEM, "chart: out of memory");
	}
	return MP_OK;
}

void svg__csv_text(FILE *f, const char *s)
{
	if (!s)
		return;
	int formula = strchr("=+-@\t\r", s[0]) && s[0];
	int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

/* Writes buf[0..len) base64-encoded. */
static void base64(FILE *f, const char *buf, size_t len)
{
	char out[BASE64_ENCODE_RAW_LENGTH(3 * 1024)];
	for (size_t i = 0; i < len; i += 3 * 1024) {
		size_t n = len - i < 3 * 1024 ? len - i : 3 * 1024;
		base64_encode_raw(out, n, (const uint8_t *)buf + i);
		fwrite(out, 1, BASE64_ENCODE_RAW_LENGTH(n), f);
	}
}

static void text_el(FILE *f, const char *cls, double x, double y, const char *s, const char *s2)
{
	fprintf(f, "<text class=\"%s\" x=\"", cls);
	svg__coord(f, x);
	fputs("\" y=\"", f);
	svg__coord(f, y);
	fputs("\">", f);
	mp_html_escape(f, s);
	if (s2 && *s2) {
		fputs(" (", f);
		mp_html_escape(f, s2);
		fputc(')', f);
	}
	fputs("</text>\n", f);
}

static size_t u8_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Legend rows of the standalone SVG: entries placed left to right, wrapping at width w.
 * Draws when f != NULL; returns the number of rows. */
static int legend(FILE *f, const svg_fig *g, double y0)
{
	double x = 10, w = g->w;
	int rows = g->nkeys ? 1 : 0;
	for (size_t k = 0; k < g->nkeys; k++) {
		const svg_key *key = &g->keys[k];
		double sw = key->kind == SVG_KEY_TEXT ? 0 : 26;
		double ew = sw + LEG_CHAR * (double)u8_chars(key->name) + 18;
		if (x > 10 && x + ew > w - 10) {
			x = 10;
			rows++;
		}
		double y = y0 + LEG_ROW * (rows - 1);
		if (f && key->kind != SVG_KEY_TEXT) {
			if (key->kind == SVG_KEY_AREA || key->kind == SVG_KEY_BAND) {
				fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"20\" height=\"10\" fill=\"%s\"%s/>\n",
					x, y - 9, key->color, key->kind == SVG_KEY_BAND ? " fill-opacity=\".4\"" : "");
			}
			if (key->kind != SVG_KEY_AREA)
				fprintf(f, "<path class=\"line\" stroke=\"%s\"%s d=\"M%.1f %.1fh20\"/>\n", key->color,
					key->kind == SVG_KEY_DASHED ? " stroke-dasharray=\"6 4\"" : "", x, y - 4);
		}
		if (f)
			text_el(f, "leg", x + sw, y, key->name, NULL);
		x += ew;
	}
	return rows;
}

/* The standalone SVG: the chart's own <svg> element (svg[0..len)) with a style sheet, the
 * title above and the legend and source below, in a taller viewBox. */
static void standalone(FILE *f, const svg_fig *g, const char *svg, size_t len)
{
	const mp_chart_opts *o = g->o;
	const char *inner = memchr(svg, '>', len);
	if (!inner)
		return;
	inner++;
	const char *end = svg + len;
	while (end > inner && strncmp(end - 6, "</svg>", 6))
		end--;
	end -= 6;
	int rows = legend(NULL, g, 0);
	double below = (rows ? 8 + LEG_ROW * rows : 0) + (o->source && *o->source ? SRC_H : 0) + 6;
	double total = TITLE_H + g->h + below;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 ", f);
	svg__num(f, -TITLE_H, 0);
	fputc(' ', f);
	svg__num(f, g->w, 0);
	fputc(' ', f);
	svg__num(f, total, 0);
	fputs("\" width=\"", f);
	svg__num(f, g->w, 0);
	fputs("\" height=\"", f);
	svg__num(f, total, 0);
	fputs("\">\n<style>\n", f);
	fputs("svg{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;background:#fff}\n", f);
	fputs(SVG_CHART_RULES(""), f);
	fputs(".ttl{font-size:15px;font-weight:bold;fill:#1a1a1a}.leg,.src{font-size:12px;fill:#444}\n</style>\n", f);
	fputs("<rect x=\"0\" y=\"", f);
	svg__num(f, -TITLE_H, 0);
	fputs("\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n", f);
	text_el(f, "ttl", 10, -TITLE_H + 18, o->title, NULL);
	if (o->y_label && *o->y_label)
		text_el(f, "leg", 10, -TITLE_H + 36, o->y_label, NULL);
	fwrite(inner, 1, (size_t)(end - inner), f);
	double y = g->h + 8 + 12;
	if (rows) {
		legend(f, g, y);
		y += LEG_ROW * rows;
	}
	if (o->source && *o->source) {
		char buf[16] = "Source: ";
		size_t n = strlen(o->source) + sizeof buf;
		char *s = malloc(n);
		if (s) {
			snprintf(s, n, "%s%s", buf, o->source);
			text_el(f, "src", 10, y, s, NULL);
			free(s);
		}
	}
	fputs("</svg>\n", f);
}

/* The downloads paragraph: SVG (when the figure has an <svg>) and CSV (when it has a table). */
static int downloads(mp_ctx *ctx, svg_fig *g, const char *svg, size_t len)
{
	FILE *f = g->out;
	char *sbuf = NULL;
	size_t slen = 0;
	if (svg) {
		FILE *m = open_memstream(&sbuf, &slen);
		if (!m)
			return mp_error_set(ctx, MP_ENOMEM, "chart: out of memory");
		standalone(m, g, svg, len);
		if (fclose(m) != 0) {
			free(sbuf);
			return mp_error_set(ctx, MP_ENOMEM, "chart: out of memory");
		}
	}
	if (!slen && !g->clen) {
		free(sbuf);
		return MP_OK;
	}
	fputs("<p class=\"dl\">Download:", f);
	if (slen) {
		fputs(" <a download=\"", f);
		svg__id(f, g->o->id);
		fputs(".svg\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,", f);
		base64(f, sbuf, slen);
		fputs("\">chart (SVG)</a>", f);
	}
	if (g->clen) {
		fputs(slen ? " &#183; <a download=\"" : " <a download=\"", f);
		svg__id(f, g->o->id);
		fputs(".csv\" type=\"text/csv\" href=\"data:text/csv;charset=utf-8;base64,", f);
		base64(f, g->cbuf, g->clen);
		fputs("\">data (CSV)</a>", f);
	}
	fputs("</p>\n", f);
	free(sbuf);
	return MP_OK;
}

int svg__fig_end(mp_ctx *ctx, svg_fig *g, int rc)
{
	int frc = fclose(g->f), crc = fclose(g->csv);
	if (rc == MP_OK && (frc != 0 || crc != 0))
		rc = mp_error_set(ctx, MP_ENOMEM, "chart: out of memory");
	if (rc == MP_OK && g->hlen) {
		/* the figure ends with "</figure>\n": the links go just before it */
		static const char tail[] = "</figure>\n";
		size_t tl = sizeof tail - 1, body = g->hlen;
		if (body >= tl && !memcmp(g->html + body - tl, tail, tl))
			body -= tl;
		else
			tl = 0;
		fwrite(g->html, 1, body, g->out);
		const char *svg = NULL;
		size_t slen = 0;
		char *a = strstr(g->html, "<svg ");
		char *z = a ? strstr(a, "</svg>\n") : NULL;
		if (a && z && (size_t)(z - g->html) < body) {
			svg = a;
			slen = (size_t)(z + 6 - a);
		}
		if (tl)
			rc = downloads(ctx, g, svg, slen);
		fwrite(g->html + body, 1, g->hlen - body, g->out);
	}
	free(g->html);
	free(g->cbuf);
	free(g->keys);
	memset(g, 0, sizeof *g);
	return rc;
}
