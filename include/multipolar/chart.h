/*
 * Inline SVG charts for the HTML report: line, stacked area, fan (50% and 90% bands
 * around a median), grouped bar and heat map.
 *
 * Each chart function writes one self-contained HTML fragment to a FILE:
 *
 *   <figure class="chart" id="ID">
 *     <figcaption>title (units)</figcaption>
 *     <ul class="legend">...</ul>            HTML, so it reflows on a phone
 *     <svg viewBox="0 0 W H" ...>...</svg>   axes with "nice" ticks, the data
 *     <p class="source">Source: ...</p>
 *     <details><summary>Data table</summary><table>...</table></details>
 *   </figure>
 *
 * Under the table, a "Download" line offers the chart as a standalone SVG file (with its
 * own style sheet, title, legend and source) and the table as CSV, both as data: URIs of
 * <a download> links: no script, no server.
 *
 * Series with .color = MP_CHART_BY_NAME take their entity's colour (mp_chart_entity_color)
 * and carry data-entity="KEY" in the legend and the drawing. A line chart with more than
 * MP_PALETTE_SIZE series, or with two series of one colour, labels every line at its end.
 *
 * The fragment is well-formed XML (the SVG passes xmllint), every string is escaped
 * (HTML/XML special characters; invalid UTF-8 and control characters replaced), colours
 * come from the colour-blind-safe palette of Okabe & Ito (2008), and the output is
 * deterministic: the same data give the same bytes (fixed "%.1f"/"%.*f" formatting in
 * the C locale, no time stamps, no pointers).
 *
 * Missing values (NaN) break lines and leave table cells empty. Design and sources:
 * docs/report.md.
 */
#ifndef MULTIPOLAR_CHART_H
#define MULTIPOLAR_CHART_H

#include "multipolar/export.h"

#include <stddef.h>
#include <stdio.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Axis ticks by Heckbert's (1990) "nice numbers" loose labelling. */
typedef struct mp_ticks {
	double lo, hi; /* the axis range: lo = floor(min/step)*step, hi = ceil(max/step)*step */
	double step;   /* 1, 2 or 5 times a power of ten */
	int n;         /* number of ticks: lo, lo+step, ..., hi */
	int digits;    /* decimals needed to print the ticks: max(-floor(log10 step), 0) */
} mp_ticks;

/* Nice tick positions covering [min, max] with about `target` ticks (>= 2). min == max is
 * widened around the value. MP_EINPUT for non-finite input. */
MP_EXTERN int mp_chart_ticks(double min, double max, int target, mp_ticks *out);
/* Heckbert's nicenum: a 1, 2, 5 x 10^k number near x > 0, rounded (round != 0) or the
 * ceiling (round == 0). */
MP_EXTERN double mp_chart_nicenum(double x, int round);

/* Writes s with &, <, >, " and ' escaped; invalid UTF-8 bytes and control characters
 * other than tab and newline become U+FFFD. NULL writes nothing. */
MP_EXTERN void mp_html_escape(FILE *f, const char *s);

/* The style sheet the chart fragments expect (inline it in a <style> element). Static. */
MP_EXTERN const char *mp_chart_css(void);

/* The palette: Okabe & Ito (2008), ordered for lines on white (1-8), then seven of Tol's
 * (2021) muted colours (9-15): 15 distinct colours; i wraps around after them. Series
 * coloured by position (color 0) take the first MP_PALETTE_SIZE, then the rest. */
#define MP_PALETTE_SIZE 8
#define MP_PALETTE_EXT 15
MP_EXTERN const char *mp_chart_color(size_t i);

/* Entity colours: one colour per entity in every chart (docs/report.md, "Colours").
 * `name` is a pole ("West", "China"), a COW state abbreviation or name ("USA", "United
 * States"), a scenario ("baseline") or any other name; a label such as "United States of
 * America (USA)" or "USA (observed)" resolves through its parentheses. Known entities have
 * fixed colours (distinct among the poles, the leading states, the shipped scenarios and
 * each shipped negotiation's actors); any other name gets one of the 14 line colours from a
 * hash of its lower-cased name, so it too is the same everywhere. "no pole" and "other"
 * are the neutral grey. Returns the value for mp_series.color / mp_band_series.color: a
 * 1-based palette index, or -1 for grey. Setting .color = MP_CHART_BY_NAME does the same
 * lookup on the series' own name. */
MP_EXTERN int mp_chart_entity_color(const char *name);
/* The canonical name of the entity `name` resolves to ("CHN" and "People's Republic of
 * China" -> "China"); for an unknown name the name itself without a trailing "(...)".
 * Written to buf (size bytes); returns buf. The charts write it as data-entity="...". */
MP_EXTERN const char *mp_chart_entity_key(const char *name, char *buf, size_t size);

enum { MP_CHART_SOLID = 0, MP_CHART_DASHED = 1 };
#define MP_CHART_BY_NAME (-2) /* mp_series.color: mp_chart_entity_color(name) */

/* One data series: n points (x[i], y[i]); NaN y leaves a gap. */
typedef struct mp_series {
	const char *name;
	size_t n;
	const double *x;
	const double *y;
	int style; /* MP_CHART_SOLID or MP_CHART_DASHED */
	int color; /* 1-based palette index; 0 = by position; -1 = neutral grey (#BBBBBB,
		       Tol 2021) for "other"; MP_CHART_BY_NAME = the entity colour of name */
} mp_series;

/* A forecast series: quantiles per x (NaN = missing). */
typedef struct mp_band_series {
	const char *name;
	size_t n;
	const double *x;
	const double *q05, *q25, *q50, *q75, *q95;
	int color; /* as in mp_series */
} mp_band_series;

typedef struct mp_chart_opts {
	unsigned int version;
	const char *id; /* element id (letters, digits, '-' and '_' kept); required */
	const char *title;
	const char *y_label;  /* quantity and unit, shown beside the title: "share of world CINC" */
	const char *x_label;  /* "year" */
	const char *source;   /* shown under the chart as "Source: ..." */
	const char *note;     /* optional sentence under the source line */
	int width, height;    /* viewBox size; 0 = 640 x 300 */
	double y_min, y_max;  /* NaN = from the data (a bar chart always includes 0) */
	int y_percent;        /* tick labels as percent (values are fractions) */
	int x_digits;         /* decimals of x in the data table (years: 0) */
	int y_digits;         /* decimals of y in the data table; 0 = 4 */
	int x_ticks, y_ticks; /* target tick counts; 0 = 8 and 6 */
	/* line charts: a shaded horizontal band from band_lo to band_hi (NaN = none), e.g. the
	 * 0.8-1.2 parity band of a capability ratio, named in the legend by band_label */
	double band_lo, band_hi;
	const char *band_label;
} mp_chart_opts;
#define MP_CHART_OPTS_VERSION 1
#define MP_CHART_OPTS_INIT                                                                                             \
	{                                                                                                              \
		MP_CHART_OPTS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, (double)NAN, (double)NAN, 0, 0, 0, 0, \
			0, (double)NAN, (double)NAN, NULL                                                              \
	}

/* Line chart of ns series. */
MP_EXTERN int mp_chart_line(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_series *s, size_t ns);
/* Stacked area chart: the series share one x (same n and x values); NaN counts as 0 in
 * the stack. The top of the stack is the sum of the series. */
MP_EXTERN int mp_chart_area(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_series *s, size_t ns);
/* Fan chart: for each band series, the 90% band (q05-q95), the 50% band (q25-q75) and
 * the median line; then optional observed lines (drawn on top, e.g. history). */
MP_EXTERN int mp_chart_fan(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const mp_band_series *b, size_t nb,
			   const mp_series *lines, size_t nl);
/* Grouped vertical bars: ncat categories (labels), ns series with y[0..ncat) (x unused). */
MP_EXTERN int mp_chart_bar(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const char *const *labels, size_t ncat,
			   const mp_series *s, size_t ns);
/* Heat map of v[r*nc + c] (NaN = empty cell) on a sequential colour-blind-safe scale
 * (Paul Tol's YlOrBr, 2021), from vmin to vmax (NaN = data range). */
MP_EXTERN int mp_chart_heatmap(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const char *const *rows, size_t nr,
			       const char *const *cols, size_t nc, const double *v, double vmin, double vmax);

#ifdef __cplusplus
}
#endif
#endif
