/* Negotiation section: positions per round and the forecast of the stored negotiations
 * (`multipolar negotiate --store`; tables bargain_runs, bargain_positions, bargain_forecast). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_bargain.h"
#include "report_internal.h"

#define REP_NEG_RUNS 3 /* the newest stored negotiations shown */
#define REP_NEG_DIMS 3 /* dimensions charted per negotiation */

/* "dimension 1" for the numbered dimensions of a BDM file, else the dimension's name. */
static const char *dim_label(const char *dim, char *buf, size_t size)
{
	size_t k = strspn(dim, "0123456789");
	if (k && !dim[k])
		snprintf(buf, size, "dimension %s", dim);
	else
		snprintf(buf, size, "%s", dim);
	return buf;
}

/* One chart: every actor's position per round on dimension `dim`, with the forecast
 * (weighted median) dashed black; actors in their entity colours (docs/report.md). */
static int chart_dim(rep *r, const mp_store_bargain_run *run, const char *dim, const mp_store_bargain_pos *p, size_t np,
		     const mp_store_bargain_fc *fc, size_t nf)
{
	int rc = MP_OK;
	size_t nrounds = (size_t)run->rounds + 1;
	/* actors on this dimension, in the (dim, actor, round) order of the rows */
	size_t na = 0;
	for (size_t i = 0; i < np; i++)
		if (!strcmp(p[i].dim, dim) && p[i].round == 0)
			na++;
	double *x = malloc(nrounds * sizeof *x);
	double *y = malloc((na + 1) * nrounds * sizeof *y);
	mp_series *s = calloc(na + 1, sizeof *s);
	if (!x || !y || !s) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t k = 0; k < nrounds; k++)
		x[k] = (double)k;
	for (size_t k = 0; k < (na + 1) * nrounds; k++)
		y[k] = MP_NA;
	size_t a = 0;
	for (size_t i = 0; i < np && a < na; i++) {
		if (strcmp(p[i].dim, dim))
			continue;
		if (p[i].round == 0 && i > 0 && !strcmp(p[i - 1].dim, dim))
			a++;
		if (p[i].round >= 0 && (size_t)p[i].round < nrounds)
			y[a * nrounds + (size_t)p[i].round] = p[i].position;
		s[a] = (mp_series){ p[i].actor, nrounds, x, y + a * nrounds, MP_CHART_SOLID, MP_CHART_BY_NAME };
	}
	for (size_t i = 0; i < nf; i++)
		if (!strcmp(fc[i].dim, dim) && fc[i].round >= 0 && (size_t)fc[i].round < nrounds)
			y[na * nrounds + (size_t)fc[i].round] = fc[i].median;
	s[na] = (mp_series){ "forecast (weighted median)", nrounds, x, y + na * nrounds, MP_CHART_DASHED, 7 };
	char id[64], title[256], src[512], label[80];
	snprintf(id, sizeof id, "neg-%lld-%.32s", (long long)run->run_id, dim);
	snprintf(title, sizeof title, "Positions per round: %s, %s", run->name, dim_label(dim, label, sizeof label));
	snprintf(src, sizeof src, "multipolar negotiate --store (%s model, negotiation %lld, %s)",
		 !strcmp(run->model, "eu") ? "Bueno de Mesquita expected-utility" : "KTAB spatial",
		 (long long)run->run_id, run->created);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "position on the issue's scale";
	o.x_label = "round";
	o.source = src;
	o.y_digits = 2;
	rc = mp_chart_line(r->ctx, r->f, &o, s, na + 1);
done:
	free(x);
	free(y);
	free(s);
	return rc;
}

static int one_run(rep *r, const mp_store_bargain_run *run)
{
	mp_store_bargain_pos *p = NULL;
	mp_store_bargain_fc *fc = NULL;
	size_t np = 0, nf = 0;
	int rc = mp_store__bargain_positions(r->ctx, r->s, run->run_id, &p, &np);
	if (rc == MP_OK)
		rc = mp_store__bargain_forecast(r->ctx, r->s, run->run_id, &fc, &nf);
	if (rc != MP_OK)
		goto done;
	fputs("<h3>", r->f);
	mp_html_escape(r->f, run->name);
	/* runs of one file with different model switches are told apart by them */
	mp_run_record pr;
	if (mp_store_provenance_get(NULL, r->s, "bargain", run->run_id, &pr) == MP_OK) {
		if (pr.switches[0]) {
			fputs(" <small>(", r->f);
			mp_html_escape(r->f, pr.switches);
			fputs(")</small>", r->f);
		}
		mp_run_record_free(&pr);
	}
	fputs("</h3>\n<p>", r->f);
	fprintf(r->f, "%s model, %d actors, %d rounds, stopped by ",
		!strcmp(run->model, "eu") ? "Expected-utility (Bueno de Mesquita; Scholz et al. 2011)"
					  : "Spatial Model of Politics (KTAB)",
		run->actors, run->rounds);
	mp_html_escape(r->f, run->stopped_by);
	fputs(". Forecast at the last round, weighted median (weighted mean):", r->f);
	/* the last forecast row of each dimension */
	const char *sep = " ";
	for (size_t i = 0; i < nf; i++)
		if (i + 1 == nf || strcmp(fc[i + 1].dim, fc[i].dim)) {
			char label[80];
			fputs(sep, r->f);
			mp_html_escape(r->f, dim_label(fc[i].dim, label, sizeof label));
			fprintf(r->f, " %.2f (%.2f)", fc[i].median, fc[i].mean);
			sep = "; ";
		}
	fputs(".</p>\n", r->f);
	size_t ndims = 0;
	for (size_t i = 0; i < nf && ndims < REP_NEG_DIMS && rc == MP_OK; i++)
		if (i == 0 || strcmp(fc[i - 1].dim, fc[i].dim)) {
			rc = chart_dim(r, run, fc[i].dim, p, np, fc, nf);
			ndims++;
		}
done:
	free(p);
	free(fc);
	return rc;
}

int rep__negotiation(rep *r)
{
	mp_store_bargain_run *runs = NULL;
	size_t n = 0;
	int rc = mp_store__bargain_runs(r->ctx, r->s, REP_NEG_RUNS, &runs, &n);
	if (rc != MP_OK)
		return rc;
	rep__section_open(r, "negotiation", "Negotiation");
	if (n == 0)
		rep__nodata(r, "No negotiation result is stored in this database: run 'multipolar negotiate FILE --store' "
			       "to show one here.");
	else
		fprintf(r->f, "<p>The %zu newest negotiations stored with 'multipolar negotiate --store': every actor's "
			       "position per round, and the forecast: the weighted median of the positions (the median "
			       "voter), weights capability times salience.</p>\n",
			n);
	for (size_t i = 0; i < n && rc == MP_OK; i++)
		rc = one_run(r, &runs[i]);
	rep__section_close(r);
	free(runs);
	return rc;
}
