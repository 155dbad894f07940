/* Internal helpers shared by the chart files (svg_*.c): number formatting, the plot
 * frame (scales, axes, grid), the figure wrapper (title, legend, source) and data tables. */
#ifndef MP_SVG_INTERNAL_H
#define MP_SVG_INTERNAL_H

#include <stdio.h>

#include "multipolar/chart.h"

/* Writes v with `digits` decimals ("%.*f", C locale), never "-0". */
void svg__num(FILE *f, double v, int digits);
/* Writes an SVG coordinate: one decimal. */
void svg__coord(FILE *f, double v);
/* Writes a tick label: value with `digits` decimals, or as percent of 1. */
void svg__tick_label(FILE *f, double v, int digits, int percent);
/* Characters of a tick label (for margins). */
int svg__tick_label_len(double v, int digits, int percent);
/* Writes the id with only [A-Za-z0-9_-] kept. */
void svg__id(FILE *f, const char *id);

/* The plot frame: viewBox size, margins, data ranges and their ticks. */
typedef struct svg_frame {
	double w, h;       /* viewBox */
	double l, r, t, b; /* margins */
	mp_ticks xt, yt;
	int y_category; /* horizontal bars: y holds categories, no y ticks */
	int x_percent;  /* horizontal bars: the values (on x) are fractions */
} svg_frame;

/* Chooses ticks and margins for data ranges [x0,x1], [y0,y1] (opts may fix y). */
int svg__frame(const mp_chart_opts *o, double x0, double x1, double y0, double y1, svg_frame *fr);
/* Frame of a horizontal bar chart: values [v0,v1] on x, ncat rows; left margin fits the
 * longest label (label_chars characters). */
int svg__frame_hbar(const mp_chart_opts *o, double v0, double v1, size_t nrows, int label_chars, svg_frame *fr);
double svg__sx(const svg_frame *fr, double x);
double svg__sy(const svg_frame *fr, double y);

/* Legend entries (HTML list above the chart). */
typedef enum { SVG_KEY_LINE, SVG_KEY_DASHED, SVG_KEY_AREA, SVG_KEY_BAND, SVG_KEY_TEXT } svg_key_kind;
typedef struct svg_key {
	const char *name;
	const char *color;
	svg_key_kind kind;
	int entity; /* the colour is the entity colour of name: written as data-entity */
} svg_key;

/* A key for series j with colour field `color` (mp_series.color) and name. */
svg_key svg__key(size_t j, int color, const char *name, svg_key_kind kind);
/* data-entity="KEY" (with a leading space) when the key is an entity's, else nothing. */
void svg__entity_attr(FILE *f, const svg_key *k);

/* A figure being written. The chart writes its HTML to `f` (a memory stream) and its data
 * table's CSV to `csv`; svg__fig_end copies the figure to the caller's stream with two
 * download links (data: URIs, no script): the chart as a standalone SVG file (its own
 * style sheet, title, legend and source) and the table as CSV (RFC 4180). */
typedef struct svg_fig {
	FILE *out;
	FILE *f, *csv;
	char *html, *cbuf;
	size_t hlen, clen;
	const mp_chart_opts *o;
	double w, h;   /* the SVG's viewBox */
	svg_key *keys; /* the legend, copied by svg__open for the standalone SVG */
	size_t nkeys;
} svg_fig;
int svg__fig_begin(mp_ctx *ctx, svg_fig *g, FILE *out, const mp_chart_opts *o);
/* Writes the figure (when rc == MP_OK) and frees it; returns rc or the write error. */
int svg__fig_end(mp_ctx *ctx, svg_fig *g, int rc);
/* One CSV field: quoted when needed (RFC 4180); text that a spreadsheet would run as a
 * formula (leading = + - @, tab or CR) gets a leading apostrophe (OWASP, "CSV Injection"). */
void svg__csv_text(FILE *f, const char *s);
/* The style rules of chart elements, prefixed by P (".chart svg " in the page, "" in a
 * standalone SVG). */
#define SVG_CHART_RULES(P)                                                                                             \
	P "text{fill:#333;font-size:13px}\n" P ".grid{stroke:#e3e3e3;stroke-width:1;fill:none}\n" P ".axis," P         \
	  ".tick{stroke:#777;stroke-width:1;fill:none}\n" P                                                            \
	  ".line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}\n" P                             \
	  ".area{stroke:#fff;stroke-width:.6;fill-opacity:.9}\n" P ".b90{fill-opacity:.16;stroke:none}" P              \
	  ".b50{fill-opacity:.34;stroke:none}\n" P ".band{fill:#777;fill-opacity:.14;stroke:none}\n" P                 \
	  "text.val{font-size:11px}" P "text.val.dark{fill:#fff}\n" P "text.dlabel{font-size:11px}\n"

/* Validates the common options (id required). */
int svg__check(mp_ctx *ctx, const mp_chart_opts *o);
/* <figure> with caption and legend, then <svg> with <title> and <desc>; keeps the legend
 * and the size in g for the standalone SVG. */
int svg__open(svg_fig *g, const mp_chart_opts *o, const svg_frame *fr, const svg_key *keys, size_t nkeys);
/* Grid lines, axes, tick labels and the x axis label. */
void svg__axes(FILE *f, const mp_chart_opts *o, const svg_frame *fr);
/* </svg>, the source line and note. The data table and </figure> follow. */
void svg__close_svg(FILE *f, const mp_chart_opts *o);
void svg__close_figure(FILE *f);

/* A column of a data table keyed by x (rows are the union of all x values). */
typedef struct svg_col {
	const char *name; /* series name */
	const char *sub;  /* sub-header ("median") or NULL */
	size_t n;
	const double *x;
	const double *y;
} svg_col;
/* <details> with a table: first column x (header xname), then the columns; the same table
 * as CSV to g->csv. */
int svg__table_xy(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const char *xname, const svg_col *cols,
		  size_t ncols);
/* <details> with a table of labelled rows: rows[i], then v[i*nc + j] for j < nc. */
void svg__table_grid(svg_fig *g, const mp_chart_opts *o, const char *corner, const char *const *rows, size_t nr,
		     const char *const *cols, size_t nc, const double *v);

/* Path of a polyline through (x[i], y[i]), NaN y breaking it; writes nothing for an
 * all-NaN series. Returns the number of points drawn. */
size_t svg__polyline(FILE *f, const svg_frame *fr, size_t n, const double *x, const double *y);

/* A figure with title and a sentence in place of the chart (no data). */
void svg__nodata(FILE *f, const mp_chart_opts *o, const char *why);
/* The colour of series i with colour field `color` (mp_series.color: a 1-based palette
 * index, 0 = by position, -1 = grey, MP_CHART_BY_NAME = the entity colour of name). */
const char *svg__series_color(size_t i, int color, const char *name);
/* Finite min and max over n values (returns 0 when none is finite). */
int svg__range(const double *v, size_t n, double *lo, double *hi);

#endif
