/* Data tables behind each chart: <details> toggles that work without JavaScript, and the
 * same table as CSV for the download link (values with at least 6 significant digits and
 * never fewer than the table shows; missing values empty). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/stats.h"
#include "svg_internal.h"

static void open_details(FILE *f)
{
	fputs("<details><summary>Data table</summary>\n<div class=\"tw\"><table>\n", f);
}

static void close_details(FILE *f)
{
	fputs("</table></div></details>\n", f);
}

static int y_digits(const mp_chart_opts *o)
{
	return o->y_digits > 0 ? o->y_digits : 4;
}

/* A CSV number: at least 6 significant digits, and never fewer than the table shows (its
 * integer digits plus its `digits` decimals), without trailing zeros ("%g"). */
static void csv_num(FILE *f, double v, int digits)
{
	if (!isfinite(v))
		return;
	double a = fabs(v);
	int intd = a >= 1 ? (int)floor(log10(a)) + 1 : 0;
	int sig = intd + digits;
	sig = sig < 6 ? 6 : sig > 17 ? 17 : sig;
	fprintf(f, "%.*g", sig, v == 0 ? 0.0 : v);
}

static void cell_num(FILE *f, double v, int digits)
{
	fputs("<td>", f);
	if (isfinite(v))
		svg__num(f, v, digits);
	fputs("</td>", f);
}

int svg__table_xy(mp_ctx *ctx, svg_fig *g, const mp_chart_opts *o, const char *xname, const svg_col *cols, size_t ncols)
{
	FILE *f = g->f, *csv = g->csv;
	size_t total = 0;
	for (size_t j = 0; j < ncols; j++)
		total += cols[j].n;
	double *xs = malloc((total ? total : 1) * sizeof *xs);
	size_t *pos = calloc(ncols ? ncols : 1, sizeof *pos);
	if (!xs || !pos) {
		free(xs);
		free(pos);
		return mp_error_set(ctx, MP_ENOMEM, "chart table: out of memory");
	}
	/* rows: the sorted union of the x values */
	size_t nx = 0;
	for (size_t j = 0; j < ncols; j++)
		for (size_t i = 0; i < cols[j].n; i++)
			if (isfinite(cols[j].x[i]))
				xs[nx++] = cols[j].x[i];
	mp_sort_doubles(xs, nx);
	size_t u = 0;
	for (size_t i = 0; i < nx; i++)
		if (u == 0 || xs[i] != xs[u - 1])
			xs[u++] = xs[i];
	nx = u;

	int has_sub = 0;
	for (size_t j = 0; j < ncols; j++)
		has_sub |= cols[j].sub != NULL;
	open_details(f);
	fputs("<thead><tr><th scope=\"col\">", f);
	mp_html_escape(f, xname);
	svg__csv_text(csv, xname);
	fputs("</th>", f);
	for (size_t j = 0; j < ncols; j++) {
		fputs("<th scope=\"col\">", f);
		mp_html_escape(f, cols[j].name);
		fputc(',', csv);
		if (has_sub && cols[j].sub) {
			fputs(" <span class=\"sub\">", f);
			mp_html_escape(f, cols[j].sub);
			fputs("</span>", f);
			size_t len = strlen(cols[j].name ? cols[j].name : "") + strlen(cols[j].sub) + 2;
			char *h = malloc(len);
			if (h) {
				snprintf(h, len, "%s %s", cols[j].name ? cols[j].name : "", cols[j].sub);
				svg__csv_text(csv, h);
				free(h);
			}
		} else
			svg__csv_text(csv, cols[j].name);
		fputs("</th>", f);
	}
	fputs("\r\n", csv);
	fputs("</tr></thead>\n<tbody>\n", f);
	int yd = y_digits(o);
	for (size_t i = 0; i < nx; i++) {
		fputs("<tr><th scope=\"row\">", f);
		svg__num(f, xs[i], o->x_digits);
		csv_num(csv, xs[i], o->x_digits);
		fputs("</th>", f);
		for (size_t j = 0; j < ncols; j++) {
			/* columns are sorted by x in practice; walk forward, else search */
			const svg_col *c = &cols[j];
			double v = MP_NA;
			size_t p = pos[j];
			while (p < c->n && !(c->x[p] >= xs[i]))
				p++;
			if (p < c->n && c->x[p] == xs[i]) {
				v = c->y[p];
				pos[j] = p;
			} else {
				for (size_t q = 0; q < c->n; q++)
					if (c->x[q] == xs[i]) {
						v = c->y[q];
						break;
					}
			}
			cell_num(f, v, yd);
			fputc(',', csv);
			csv_num(csv, v, yd);
		}
		fputs("</tr>\n", f);
		fputs("\r\n", csv);
	}
	fputs("</tbody>\n", f);
	close_details(f);
	free(xs);
	free(pos);
	return MP_OK;
}

void svg__table_grid(svg_fig *g, const mp_chart_opts *o, const char *corner, const char *const *rows, size_t nr,
		     const char *const *cols, size_t nc, const double *v)
{
	FILE *f = g->f, *csv = g->csv;
	open_details(f);
	fputs("<thead><tr><th scope=\"col\">", f);
	mp_html_escape(f, corner);
	svg__csv_text(csv, corner);
	fputs("</th>", f);
	for (size_t j = 0; j < nc; j++) {
		fputs("<th scope=\"col\">", f);
		mp_html_escape(f, cols[j]);
		fputc(',', csv);
		svg__csv_text(csv, cols[j]);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	fputs("\r\n", csv);
	int yd = y_digits(o);
	for (size_t i = 0; i < nr; i++) {
		fputs("<tr><th scope=\"row\">", f);
		mp_html_escape(f, rows[i]);
		svg__csv_text(csv, rows[i]);
		fputs("</th>", f);
		for (size_t j = 0; j < nc; j++) {
			cell_num(f, v[i * nc + j], yd);
			fputc(',', csv);
			csv_num(csv, v[i * nc + j], yd);
		}
		fputs("</tr>\n", f);
		fputs("\r\n", csv);
	}
	fputs("</tbody>\n", f);
	close_details(f);
}
