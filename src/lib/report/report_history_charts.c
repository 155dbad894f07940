/* History section charts (data from rep__history_load). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* Leading states: the 6 largest in the last year with data, then the largest by their
 * highest share in any year until `want` (documented in docs/report.md). */
static size_t pick_leaders(const rep *r, int want, int *out)
{
	size_t n = 0;
	size_t last = r->ny;
	while (last > 0) {
		int any = 0;
		for (int c = 1; c < REP_MAX_CCODE && !any; c++)
			any = isfinite(r->state_cinc[(last - 1) * REP_MAX_CCODE + (size_t)c]);
		if (any)
			break;
		last--;
	}
	for (int pass = 0; pass < 2; pass++) {
		int limit = pass == 0 ? (want < 6 ? want : 6) : want;
		while ((int)n < limit) {
			int best = -1;
			double bv = -1;
			for (int c = 1; c < REP_MAX_CCODE; c++) {
				int taken = 0;
				for (size_t k = 0; k < n; k++)
					taken |= out[k] == c;
				if (taken)
					continue;
				double v = -1;
				if (pass == 0 && last > 0)
					v = r->state_cinc[(last - 1) * REP_MAX_CCODE + (size_t)c];
				else if (pass == 1)
					for (size_t t = 0; t < r->ny; t++) {
						double x = r->state_cinc[t * REP_MAX_CCODE + (size_t)c];
						if (isfinite(x) && x > v)
							v = x;
					}
				if (isfinite(v) && v > bv) {
					bv = v;
					best = c;
				}
			}
			if (best < 0)
				break;
			out[n++] = best;
		}
	}
	return n;
}

static void summary(rep *r, const int *lead, size_t nlead)
{
	FILE *f = r->f;
	size_t t = r->ny - 1;
	fputs("<p>", f);
	fprintf(f, "Years %d&#8211;%d of ", r->first, r->last);
	mp_html_escape(f, r->nmc_source);
	fputs(". ", f);
	if (nlead > 0) {
		char buf[96];
		double s = r->state_cinc[t * REP_MAX_CCODE + (size_t)lead[0]];
		if (isfinite(s)) {
			fprintf(f, "In %d the largest CINC share was held by ", r->last);
			mp_html_escape(f, rep__state_label(r, lead[0], buf, sizeof buf));
			fprintf(f, " (%.1f%%). ", 100 * s);
		}
	}
	if (isfinite(r->neff_poles[t])) {
		fprintf(f, "The effective number of poles (Laakso &amp; Taagepera 1979) was %.2f", r->neff_poles[t]);
		if (r->pole_cls[t])
			fprintf(f, ", which Thompson's (1986) share rule classes as <strong>%s</strong>",
				r->pole_cls[t]);
		fputs("; ", f);
	}
	if (isfinite(r->con_states[t]))
		fprintf(f, "concentration among all states (CON, Ray &amp; Singer 1973) was %.3f.", r->con_states[t]);
	fputs("</p>\n", f);
}

static int chart_states(rep *r, const int *lead, size_t nlead)
{
	int rc = MP_OK;
	double *ys = malloc((nlead ? nlead : 1) * r->ny * sizeof *ys);
	mp_series *s = calloc(nlead ? nlead : 1, sizeof *s);
	char(*names)[96] = calloc(nlead ? nlead : 1, sizeof *names);
	if (!ys || !s || !names) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t k = 0; k < nlead; k++) {
		for (size_t t = 0; t < r->ny; t++)
			ys[k * r->ny + t] = r->state_cinc[t * REP_MAX_CCODE + (size_t)lead[k]];
		rep__state_label(r, lead[k], names[k], sizeof names[k]);
		s[k] = (mp_series){ names[k], r->ny, r->year, ys + k * r->ny, MP_CHART_SOLID, MP_CHART_BY_NAME };
	}
	char src[200];
	snprintf(src, sizeof src, "%s (%s)", r->nmc_source, NMC_SOURCE_CITE);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "hist-states";
	o.title = "CINC shares of the leading states";
	o.y_label = "share of world capabilities";
	o.x_label = "year";
	o.source = src;
	o.y_percent = 1;
	o.y_min = 0;
	rc = mp_chart_line(r->ctx, r->f, &o, s, nlead);
done:
	free(ys);
	free(s);
	free(names);
	return rc;
}

static int chart_poles(rep *r)
{
	size_t np = (size_t)r->npoles, ny = r->ny;
	int rc = MP_OK;
	double *ys = malloc((np + 1) * ny * sizeof *ys);
	mp_series *s = calloc(np + 1, sizeof *s);
	if (!ys || !s) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t p = 0; p <= np; p++) {
		for (size_t t = 0; t < ny; t++)
			ys[p * ny + t] = r->pole_share[t * (np + 1) + p];
		s[p] = (mp_series){ p < np ? mp_poles_name(r->poles, (int)p) : "no pole",
				    ny,
				    r->year,
				    ys + p * ny,
				    MP_CHART_SOLID,
				    MP_CHART_BY_NAME };
	}
	char src[200];
	snprintf(src, sizeof src, "%s; pole memberships: %s", r->nmc_source,
		 r->o->poles_path ? "user file" : "shipped table data/poles/poles.csv");
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "hist-poles";
	o.title = "Capability shares of the poles";
	o.y_label = "share of world CINC, renormalised to sum to 1";
	o.x_label = "year";
	o.source = src;
	o.note = "A pole's share is the sum of its members' shares in that year; states in no pole form the grey layer.";
	o.y_percent = 1;
	o.y_max = 1;
	rc = mp_chart_area(r->ctx, r->f, &o, s, np + 1);
done:
	free(ys);
	free(s);
	return rc;
}

static int chart_polarity(rep *r)
{
	char src[200];
	snprintf(src, sizeof src, "%s; CON: Ray & Singer (1973); N: Laakso & Taagepera (1979)", r->nmc_source);
	mp_series con[2] = {
		{ "all states", r->ny, r->year, r->con_states, MP_CHART_SOLID, 1 },
		{ "poles", r->ny, r->year, r->con_poles, MP_CHART_SOLID, 2 },
	};
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "hist-con";
	o.title = "Concentration of capabilities (CON)";
	o.y_label = "0 = equal shares, 1 = one holds all";
	o.x_label = "year";
	o.source = src;
	o.y_min = 0;
	o.y_digits = 4;
	int rc = mp_chart_line(r->ctx, r->f, &o, con, 2);
	if (rc != MP_OK)
		return rc;
	mp_series neff[2] = {
		{ "of states", r->ny, r->year, r->neff_states, MP_CHART_DASHED, 1 },
		{ "of poles", r->ny, r->year, r->neff_poles, MP_CHART_SOLID, 2 },
	};
	o.id = "hist-neff";
	o.title = "Effective number of poles and of states";
	o.y_label = "1 / sum of squared shares";
	o.note = "Pole figures treat each pole as one unit; states in no pole are left out of them.";
	o.y_digits = 3;
	return mp_chart_line(r->ctx, r->f, &o, neff, 2);
}

int rep__history(rep *r)
{
	rep__section_open(r, "history", "History: capabilities and polarity");
	if (r->ny == 0) {
		int rc = rep__history_shipped(r);
		rep__section_close(r);
		return rc;
	}
	int want = r->o->top_states > 0 ? r->o->top_states : 8;
	int *lead = calloc((size_t)want, sizeof *lead);
	if (!lead)
		return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
	size_t nlead = pick_leaders(r, want, lead);
	summary(r, lead, nlead);
	int rc = chart_states(r, lead, nlead);
	if (rc == MP_OK)
		rc = chart_poles(r);
	if (rc == MP_OK)
		rc = chart_polarity(r);
	free(lead);
	rep__section_close(r);
	return rc;
}
