/* Data tables behind each chart: <details> toggles that work without JavaScript. */
#include <math.h>
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

static void cell_num(FILE *f, double v, int digits)
{
	fputs("<td>", f);
	if (isfinite(v))
		svg__num(f, v, digits);
	fputs("</td>", f);
}

int svg__table_xy(mp_ctx *ctx, FILE *f, const mp_chart_opts *o, const char *xname,
		  const svg_col *cols, size_t ncols)
{
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
	fputs("</th>", f);
	for (size_t j = 0; j < ncols; j++) {
		fputs("<th scope=\"col\">", f);
		mp_html_escape(f, cols[j].name);
		if (has_sub && cols[j].sub) {
			fputs(" <span class=\"sub\">", f);
			mp_html_escape(f, cols[j].sub);
			fputs("</span>", f);
		}
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	int yd = y_digits(o);
	for (size_t i = 0; i < nx; i++) {
		fputs("<tr><th scope=\"row\">", f);
		svg__num(f, xs[i], o->x_digits);
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
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n", f);
	close_details(f);
	free(xs);
	free(pos);
	return MP_OK;
}

void svg__table_grid(FILE *f, const mp_chart_opts *o, const char *corner, const char *const *rows,
		     size_t nr, const char *const *cols, size_t nc, const double *v)
{
	open_details(f);
	fputs("<thead><tr><th scope=\"col\">", f);
	mp_html_escape(f, corner);
	fputs("</th>", f);
	for (size_t j = 0; j < nc; j++) {
		fputs("<th scope=\"col\">", f);
		mp_html_escape(f, cols[j]);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	int yd = y_digits(o);
	for (size_t i = 0; i < nr; i++) {
		fputs("<tr><th scope=\"row\">", f);
		mp_html_escape(f, rows[i]);
		fputs("</th>", f);
		for (size_t j = 0; j < nc; j++)
			cell_num(f, v[i * nc + j], yd);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n", f);
	close_details(f);
}
