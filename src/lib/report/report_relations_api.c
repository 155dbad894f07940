/* Relations section, the parts from the relations module: trade dependence of the dyads in
 * both directions (Barbieri 1996 trade shares) and the voting blocs of the latest year
 * (igraph community detection, docs/relations.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/relations.h"
#include "report_internal.h"

#define MAX_BLOCS 6 /* columns of the bloc heat map */

/* A trade share above 1 means the dyadic flow exceeds the state's national total: the two
 * COW files disagree in that year (both are estimates). Such values are left out. */
static double share_ok(double v)
{
	return v >= 0 && v <= 1 ? v : MP_NA;
}

/* Trade shares of each dyad, year by year over the trade data's years. */
int rep__rel_trade(rep *r, const mp_report_dyad *dy, size_t nd)
{
	mp_rel_coverage cov[MP_REL_NSOURCES];
	/* the relations module works on COW system members: without them it has nothing */
	if (!mp_store_has(r->s, "states")) {
		rep__nodata(r, "Trade dependence needs the COW state system membership (states2016.csv) and the COW "
			       "trade data; they are not imported, so this chart is left out.");
		return MP_OK;
	}
	int rc = mp_rel_coverage_get(r->ctx, r->s, cov);
	if (rc != MP_OK)
		return rc;
	if (!cov[MP_REL_TRADE_DYADIC].present || !cov[MP_REL_TRADE_NATIONAL].present) {
		rep__nodata(r, "Trade dependence needs the COW trade data (dyadic and national, v4.0); it is not "
			       "imported, so this chart is left out.");
		return MP_OK;
	}
	int first = cov[MP_REL_TRADE_DYADIC].first, last = cov[MP_REL_TRADE_DYADIC].last;
	if (r->o->first_year > first)
		first = r->o->first_year;
	if (r->o->last_year > 0 && r->o->last_year < last)
		last = r->o->last_year;
	if (first > last) {
		rep__nodata(r, "The trade data do not cover the years of this report.");
		return MP_OK;
	}
	size_t ny = (size_t)(last - first + 1);
	r->total += (double)ny;
	double *x = malloc(ny * sizeof *x), *v = malloc(2 * nd * ny * sizeof *v);
	mp_series *s = calloc(2 * nd, sizeof *s);
	char(*names)[64] = calloc(2 * nd, sizeof *names);
	mp_rel_year *y = NULL;
	double *work = NULL;
	if (!x || !v || !s || !names) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t i = 0; i < 2 * nd * ny; i++)
		v[i] = MP_NA;
	for (size_t t = 0; t < ny; t++) {
		x[t] = first + (int)t;
		if ((rc = mp_rel_year_load(r->ctx, r->s, cov, first + (int)t, &y)) != MP_OK)
			goto done;
		free(work);
		work = malloc((mp_rel_year_work_size(y) + 1) * sizeof *work);
		if (!work) {
			rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
			goto done;
		}
		for (size_t k = 0; k < nd; k++) {
			int ia = mp_rel_year_find(y, dy[k].a), ib = mp_rel_year_find(y, dy[k].b);
			if (ia < 0 || ib < 0)
				continue;
			mp_rel_dyad d;
			if ((rc = mp_rel_dyad_compute(r->ctx, y, &ia, 1, &ib, 1, work, &d)) != MP_OK)
				goto done;
			/* Barbieri (1996): share_a = T_ab / (exports_a + imports_a), the weight of the
			 * relation in a's trade; the side with the larger share depends more
			 * (Hirschman 1945) */
			v[(2 * k) * ny + t] = share_ok(d.barbieri.share_a);
			v[(2 * k + 1) * ny + t] = share_ok(d.barbieri.share_b);
		}
		mp_rel_year_free(y);
		y = NULL;
		rep__tick(r);
	}
	for (size_t k = 0; k < nd; k++) {
		char a[8], b[8];
		snprintf(a, sizeof a, "%s", dy[k].a < REP_MAX_CCODE && r->abb[dy[k].a][0] ? r->abb[dy[k].a] : "?");
		snprintf(b, sizeof b, "%s", dy[k].b < REP_MAX_CCODE && r->abb[dy[k].b][0] ? r->abb[dy[k].b] : "?");
		snprintf(names[2 * k], sizeof names[0], "%s on %s", a, b);
		snprintf(names[2 * k + 1], sizeof names[0], "%s on %s", b, a);
		/* the dyad's colour (as in the other dyad charts): solid for the first state's
		 * dependence, dashed for the second's */
		char dyad[24];
		snprintf(dyad, sizeof dyad, "%s / %s", a, b);
		int c = mp_chart_entity_color(dyad);
		s[2 * k] = (mp_series){ names[2 * k], ny, x, v + (2 * k) * ny, MP_CHART_SOLID, c };
		s[2 * k + 1] = (mp_series){ names[2 * k + 1], ny, x, v + (2 * k + 1) * ny, MP_CHART_DASHED, c };
	}
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "rel-trade";
	o.title = "Trade dependence, both ways";
	o.y_label = "bilateral trade as a share of each side's total trade";
	o.x_label = "year";
	o.source = "COW Trade v4.0 (Barbieri & Keshk 2016), dyadic and national; shares as in Barbieri (1996)";
	o.note = "\"A on B\": trade between A and B as a share of all of A's trade. The side with the larger share "
		 "depends more on the relation (Hirschman 1945). Years where the dyadic flow exceeds the national "
		 "total (the two COW files disagree) are left blank.";
	o.y_percent = 1;
	o.y_min = 0;
	rc = mp_chart_line(r->ctx, r->f, &o, s, 2 * nd);
done:
	mp_rel_year_free(y);
	free(work);
	free(x);
	free(v);
	free(s);
	free(names);
	return rc;
}

/* Voting blocs of the latest year with UN votes, and how each pole's members split among
 * them: a heat map of the share of a pole's member states in each bloc, and the members. */
int rep__rel_blocs(rep *r)
{
	mp_rel_coverage cov[MP_REL_NSOURCES];
	if (!mp_store_has(r->s, "states") || !mp_store_has(r->s, "unga")) {
		rep__nodata(r, "Voting blocs need the UN General Assembly ideal points and the COW state system "
			       "membership; they are not imported, so the blocs are left out.");
		return MP_OK;
	}
	int rc = mp_rel_coverage_get(r->ctx, r->s, cov);
	if (rc != MP_OK)
		return rc;
	if (!cov[MP_REL_UNGA].present) {
		rep__nodata(r, "Voting blocs need the UN General Assembly ideal points and the COW state system "
			       "membership; they are not imported, so the blocs are left out.");
		return MP_OK;
	}
	int year = cov[MP_REL_UNGA].last;
	mp_rel_year *y = NULL;
	int *bloc = NULL;
	double *v = NULL;
	const char **rows = NULL, **cols = NULL;
	char(*colnames)[32] = NULL;
	if ((rc = mp_rel_year_load(r->ctx, r->s, cov, year, &y)) != MP_OK)
		return rc;
	size_t n = mp_rel_year_n(y), np = (size_t)r->npoles;
	bloc = calloc(n + 1, sizeof *bloc);
	if (!bloc) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	mp_bloc_opts bo = MP_BLOC_OPTS_INIT;
	double modularity = MP_NA;
	if ((rc = mp_rel_blocs(r->ctx, y, &bo, bloc, &modularity)) != MP_OK)
		goto done;
	int nb = 0, more = 0;
	for (size_t i = 0; i < n; i++)
		nb = bloc[i] > nb ? bloc[i] : nb;
	/* blocs are numbered by decreasing size: the largest MAX_BLOCS get a column each, the
	 * rest share one ("smaller blocs") */
	if (nb > MAX_BLOCS) {
		nb = MAX_BLOCS;
		more = 1;
	}
	if (nb == 0) {
		rep__nodata(r, "No voting bloc was found in the latest year with UN votes.");
		goto done;
	}
	/* columns: blocs 1..nb, "smaller blocs" and "non-aligned" (communities of one) */
	size_t nc = (size_t)nb + (size_t)more + 1;
	v = calloc((np + 1) * nc, sizeof *v);
	rows = calloc(np + 1, sizeof *rows);
	cols = calloc(nc, sizeof *cols);
	colnames = calloc(nc, sizeof *colnames);
	size_t *members = calloc(np + 1, sizeof *members);
	if (!v || !rows || !cols || !colnames || !members) {
		free(members);
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		if (bloc[i] < 0)
			continue;
		int pole = mp_poles_of(r->poles, mp_rel_year_ccode(y, i), year);
		size_t p = pole >= 0 ? (size_t)pole : np;
		size_t c = bloc[i] == 0 ? nc - 1 : bloc[i] > nb ? (size_t)nb : (size_t)bloc[i] - 1;
		v[p * nc + c] += 1;
		members[p]++;
	}
	size_t nr = 0;
	for (size_t p = 0; p <= np; p++) {
		if (!members[p])
			continue;
		for (size_t c = 0; c < nc; c++)
			v[nr * nc + c] = v[p * nc + c] / (double)members[p];
		rows[nr++] = p < np ? mp_poles_name(r->poles, (int)p) : "no pole";
	}
	free(members);
	for (size_t c = 0; c < (size_t)nb; c++) {
		snprintf(colnames[c], sizeof colnames[0], "bloc %zu", c + 1);
		cols[c] = colnames[c];
	}
	if (more)
		cols[nb] = "smaller blocs";
	cols[nc - 1] = "non-aligned";
	char ttl[160], note[200];
	snprintf(ttl, sizeof ttl, "Voting blocs in %d: where each pole's members vote", year);
	snprintf(note, sizeof note,
		 "Each row sums to 1: the share of the pole's member states in each bloc. Blocs: Louvain communities "
		 "of the 10-nearest-neighbour network of ideal points (modularity %.2f).",
		 modularity);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "rel-blocs";
	o.title = ttl;
	o.y_label = "share of the pole's members";
	o.x_label = "pole";
	o.source = "UNGA ideal points (Bailey, Strezhnev & Voeten 2017); blocs by igraph (Blondel et al. 2008)";
	o.note = note;
	o.y_digits = 3;
	if ((rc = mp_chart_heatmap(r->ctx, r->f, &o, rows, nr, cols, nc, v, 0, 1)) != MP_OK)
		goto done;
	/* the members of each bloc, as text */
	fputs("<details><summary>Members of each bloc</summary>\n<ul class=\"sources\">\n", r->f);
	int maxb = 0;
	for (size_t i = 0; i < n; i++)
		maxb = bloc[i] > maxb ? bloc[i] : maxb;
	for (int b = 1; b <= maxb + 1; b++) {
		int want = b <= maxb ? b : 0;
		fputs("<li><strong>", r->f);
		if (b <= maxb)
			fprintf(r->f, "bloc %d", b);
		else
			fputs("non-aligned", r->f);
		fputs(":</strong>", r->f);
		for (size_t i = 0; i < n; i++)
			if (bloc[i] == want) {
				fputc(' ', r->f);
				mp_html_escape(r->f, mp_rel_year_abb(y, i));
			}
		fputs("</li>\n", r->f);
	}
	fputs("</ul></details>\n", r->f);
done:
	mp_rel_year_free(y);
	free(bloc);
	free(v);
	free(rows);
	free(cols);
	free(colnames);
	return rc;
}
