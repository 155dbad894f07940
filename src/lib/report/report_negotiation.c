/* Negotiation section: positions per round and the forecast of the stored negotiations
 * (`multipolar negotiate --store`; tables bargain_runs, bargain_positions, bargain_forecast,
 * bargain_settings, bargain_summary, bargain_quantiles): what each dimension's forecast
 * means on its scale, the "not data" caveat of illustrative inputs, and the quantiles of a
 * sensitivity analysis. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_bargain.h"
#include "multipolar/bargain.h"
#include "report_internal.h"

_Static_assert(MP_STORE_BARGAIN_NAME > MP_BARGAIN_NAME_MAX, "stored names are read back whole");

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
	char id[64], title[2 * MP_STORE_BARGAIN_NAME + 64], src[MP_STORE_BARGAIN_NAME + 160],
		label[MP_STORE_BARGAIN_NAME + 16];
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

/* "dimension 1: forecast 7.24 (weighted median; weighted mean 7.24) on 3 to 10", then the
 * nearest mark and what the scale's ends mean. */
static void dims_list(rep *r, const mp_store_bargain_dim *d, size_t nd)
{
	FILE *f = r->f;
	char label[MP_STORE_BARGAIN_NAME + 16];
	fputs("<ul>\n", f);
	for (size_t i = 0; i < nd; i++) {
		fputs("<li><strong>", f);
		mp_html_escape(f, dim_label(d[i].dim, label, sizeof label));
		fprintf(f, "</strong>: forecast %.2f (weighted median; weighted mean %.2f) on a scale from %g to %g",
			d[i].median, d[i].mean, d[i].low, d[i].high);
		if (d[i].mark_means) {
			fprintf(f, "; nearest mark %g: &ldquo;", d[i].mark);
			mp_html_escape(f, d[i].mark_means);
			fputs("&rdquo;", f);
		}
		for (int end = 0; end < 2; end++) {
			const char *means = end ? d[i].high_means : d[i].low_means;
			if (!means)
				continue;
			fprintf(f, "; %g means &ldquo;", end ? d[i].high : d[i].low);
			mp_html_escape(f, means);
			fputs("&rdquo;", f);
		}
		fputs(".</li>\n", f);
	}
	fputs("</ul>\n", f);
}

/* The sensitivity quantiles as a table. */
static void quantile_table(rep *r, const mp_store_bargain_q *q, size_t nq)
{
	FILE *f = r->f;
	char label[MP_STORE_BARGAIN_NAME + 16];
	fprintf(f,
		"<p>Sensitivity: %d replicates with perturbed capabilities, positions and saliences "
		"(docs/bargaining.md, \"Sensitivity\"); quantiles of the final forecast:</p>\n",
		q[0].replicates);
	fputs("<div class=\"tw\"><table class=\"negotiation-quantiles\"><thead><tr><th>dimension</th><th>statistic</th>"
	      "<th>5%</th><th>25%</th><th>50%</th><th>75%</th><th>95%</th></tr></thead><tbody>\n",
	      f);
	for (size_t i = 0; i < nq; i++) {
		fputs("<tr><td>", f);
		mp_html_escape(f, dim_label(q[i].dim, label, sizeof label));
		fputs("</td><td>", f);
		mp_html_escape(f, !strcmp(q[i].statistic, "weighted_median") ? "weighted median" : "weighted mean");
		fputs("</td>", f);
		for (int k = 0; k < 5; k++)
			fprintf(f, isfinite(q[i].q[k]) ? "<td>%.2f</td>" : "<td></td>", q[i].q[k]);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>\n", f);
}

static int one_run(rep *r, const mp_store_bargain_run *run)
{
	mp_store_bargain_pos *p = NULL;
	mp_store_bargain_fc *fc = NULL;
	mp_store_bargain_dim *dims = NULL;
	mp_store_bargain_q *qs = NULL;
	size_t np = 0, nf = 0, nd = 0, nq = 0;
	int rc = mp_store__bargain_positions(r->ctx, r->s, run->run_id, &p, &np);
	if (rc == MP_OK)
		rc = mp_store__bargain_forecast(r->ctx, r->s, run->run_id, &fc, &nf);
	if (rc == MP_OK)
		rc = mp_store__bargain_dims(r->ctx, r->s, run->run_id, &dims, &nd);
	if (rc == MP_OK)
		rc = mp_store__bargain_quantiles(r->ctx, r->s, run->run_id, &qs, &nq);
	if (rc != MP_OK)
		goto done;
	fputs("<h3>", r->f);
	mp_html_escape(r->f, run->name);
	/* runs of one file with different settings are told apart by them (docs/panels.md) */
	if (run->settings && *run->settings) {
		fputs(" <small>(", r->f);
		mp_html_escape(r->f, run->settings);
		fputs(")</small>", r->f);
	}
	fputs("</h3>\n", r->f);
	if (run->illustrative)
		fputs("<p class=\"nodata caveat\"><strong>Illustrative input, not data.</strong> The scenario marks its "
		      "capabilities, positions and saliences as judgements written to show the format; the forecast "
		      "below is only as good as they are.</p>\n",
		      r->f);
	if (run->description && *run->description) {
		fputs("<p>", r->f);
		mp_html_escape(r->f, run->description);
		fputs("</p>\n", r->f);
	}
	fputs("<p>", r->f);
	fprintf(r->f, "%s model, %d actors, %d rounds, stopped by ",
		!strcmp(run->model, "eu") ? "Expected-utility (Bueno de Mesquita; Scholz et al. 2011)"
					  : "Spatial Model of Politics (KTAB)",
		run->actors, run->rounds);
	mp_html_escape(r->f, run->stopped_by);
	if (nd) {
		fputs(". Forecast at the last round:</p>\n", r->f);
		dims_list(r, dims, nd);
	} else {
		/* databases written before bargain_summary: the last forecast row of each dimension */
		fputs(". Forecast at the last round, weighted median (weighted mean):", r->f);
		const char *sep = " ";
		for (size_t i = 0; i < nf; i++)
			if (i + 1 == nf || strcmp(fc[i + 1].dim, fc[i].dim)) {
				char label[MP_STORE_BARGAIN_NAME + 16];
				fputs(sep, r->f);
				mp_html_escape(r->f, dim_label(fc[i].dim, label, sizeof label));
				fprintf(r->f, " %.2f (%.2f)", fc[i].median, fc[i].mean);
				sep = "; ";
			}
		fputs(".</p>\n", r->f);
	}
	if (nq)
		quantile_table(r, qs, nq);
	if (run->settings) {
		fputs("<p class=\"note\">Settings: ", r->f);
		mp_html_escape(r->f, run->settings);
		fputs("</p>\n", r->f);
	}
	size_t ndims = 0;
	for (size_t i = 0; i < nf && ndims < REP_NEG_DIMS && rc == MP_OK; i++)
		if (i == 0 || strcmp(fc[i - 1].dim, fc[i].dim)) {
			rc = chart_dim(r, run, fc[i].dim, p, np, fc, nf);
			ndims++;
		}
done:
	free(p);
	free(fc);
	mp_store__bargain_dims_free(dims, nd);
	free(qs);
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
		rep__nodata(r,
			    "No negotiation result is stored in this database: run 'multipolar negotiate FILE --store' "
			    "to show one here.");
	else
		fprintf(r->f,
			"<p>The %zu newest negotiations stored with 'multipolar negotiate --store': every actor's "
			"position per round, and the forecast: the weighted median of the positions (the median "
			"voter), weights capability times salience.</p>\n",
			n);
	for (size_t i = 0; i < n && rc == MP_OK; i++)
		rc = one_run(r, &runs[i]);
	rep__section_close(r);
	mp_store__bargain_runs_free(runs, n);
	return rc;
}
