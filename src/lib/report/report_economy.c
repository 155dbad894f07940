/* Economy and military section (docs/economy.md, "Outputs"): for each stored scenario,
 * fan charts of the poles' GDP shares at PPP and at market exchange rates, the military
 * burden of the largest economies and the poles' military spending, from the economy block
 * of the simulation's outputs (sim_summary: gdp_share, gdp_mer_share, burden, milex).
 * Runs stored before the block existed show a note instead. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_report.h"
#include "report_internal.h"

#define MAX_BANDS 8 /* the palette's size: more would not be readable */

typedef struct econ_panel {
	const char *var;
	int poles; /* 1: the poles; 0: the states with the largest gdp_ppp at the horizon */
	const char *title, *unit;
	int percent;
} econ_panel;

static const econ_panel panels[] = {
	{ "gdp_share", 1, "GDP shares of the poles at PPP", "share of world GDP at purchasing power parity", 1 },
	{ "gdp_mer_share", 1, "GDP shares of the poles at market exchange rates",
	  "share of world GDP at market exchange rates", 1 },
	{ "burden", 0, "Military burden of the largest economies", "military spending / GDP at market exchange rates",
	  1 },
	{ "milex", 1, "Military spending of the poles", "thousands of US$ at the start year's prices", 0 },
};
#define NPANELS (sizeof panels / sizeof panels[0])

/* The units [*a, *z) rows of one (variable, unit) run: rows are sorted by variable, unit, year. */
static size_t unit_end(const mp_store_report_sim_row *v, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && !strcmp(v[j].variable, v[i].variable) && !strcmp(v[j].unit, v[i].unit))
		j++;
	return j;
}

/* Median of `var` of `unit` in the last year, or NaN. */
static double last_median(const mp_store_report_sim_row *v, size_t n, const char *var, const char *unit)
{
	double x = MP_NA;
	int year = -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].variable, var) && !strcmp(v[i].unit, unit) && v[i].year > year) {
			year = v[i].year;
			x = v[i].q50;
		}
	return x;
}

typedef struct band_buf {
	mp_band_series b[MAX_BANDS];
	double *mem; /* x, q05..q95 of every band */
	size_t nb;
} band_buf;

static int add_band(rep *r, band_buf *bb, const mp_store_report_sim_row *v, size_t a, size_t z, int color)
{
	size_t m = z - a;
	double *p = malloc(6 * (m ? m : 1) * sizeof *p);
	if (!p)
		return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
	mp_band_series *s = &bb->b[bb->nb];
	memset(s, 0, sizeof *s);
	s->name = v[a].unit;
	s->n = m;
	double *x = p, *q05 = p + m, *q25 = p + 2 * m, *q50 = p + 3 * m, *q75 = p + 4 * m, *q95 = p + 5 * m;
	for (size_t k = 0; k < m; k++) {
		x[k] = v[a + k].year;
		q05[k] = v[a + k].q05;
		q25[k] = v[a + k].q25;
		q50[k] = v[a + k].q50;
		q75[k] = v[a + k].q75;
		q95[k] = v[a + k].q95;
	}
	s->x = x;
	s->q05 = q05;
	s->q25 = q25;
	s->q50 = q50;
	s->q75 = q75;
	s->q95 = q95;
	s->color = color;
	/* the buffer keeps each band's block: free them through the series' x pointers */
	bb->nb++;
	return MP_OK;
}

static void band_free(band_buf *bb)
{
	for (size_t i = 0; i < bb->nb; i++)
		free((double *)bb->b[i].x);
	bb->nb = 0;
}

/* The states to draw: the MAX_BANDS - 2 with the largest gdp_ppp median at the horizon. */
static int top_states(const rep *r, const mp_store_report_sim_row *v, size_t n, const char **out, size_t max)
{
	size_t k = 0;
	double best[MAX_BANDS];
	for (size_t i = 0; i < n; i = unit_end(v, n, i)) {
		if (strcmp(v[i].variable, "gdp_ppp") || mp_poles_find(r->poles, v[i].unit) >= 0 ||
		    !strcmp(v[i].unit, "system") || !strcmp(v[i].unit, "world"))
			continue;
		double g = last_median(v, n, "gdp_ppp", v[i].unit);
		if (!isfinite(g))
			continue;
		size_t pos = k < max ? k++ : max;
		while (pos > 0 && best[pos - 1] < g) {
			if (pos < max) {
				best[pos] = best[pos - 1];
				out[pos] = out[pos - 1];
			}
			pos--;
		}
		if (pos < max) {
			best[pos] = g;
			out[pos] = v[i].unit;
		}
	}
	return (int)k;
}

static int scenario(rep *r, const mp_store_report_run *run, const mp_store_report_sim_row *v, size_t n, size_t idx)
{
	FILE *f = r->f;
	fputs("<h3>Scenario: ", f);
	mp_html_escape(f, run->scenario);
	fputs("</h3>\n", f);
	const char *states[MAX_BANDS];
	int ns = top_states(r, v, n, states, MAX_BANDS - 2);
	int shown = 0, rc = MP_OK;
	for (size_t k = 0; k < NPANELS && rc == MP_OK; k++) {
		const econ_panel *pn = &panels[k];
		band_buf bb = { .nb = 0 };
		for (size_t i = 0; i < n && bb.nb < MAX_BANDS && rc == MP_OK; i = unit_end(v, n, i)) {
			if (strcmp(v[i].variable, pn->var))
				continue;
			int pole = mp_poles_find(r->poles, v[i].unit), want = 0;
			if (pn->poles)
				want = pole >= 0;
			else
				for (int s = 0; s < ns; s++)
					want |= !strcmp(states[s], v[i].unit);
			if (want)
				rc = add_band(r, &bb, v, i, unit_end(v, n, i), pn->poles ? pole + 1 : 0);
		}
		if (rc == MP_OK && bb.nb > 0) {
			char id[48], ttl[200], src[160];
			snprintf(id, sizeof id, "econ-%zu-%zu", idx, k);
			snprintf(ttl, sizeof ttl, "%s \xE2\x80\x94 %s", pn->title, run->scenario);
			snprintf(src, sizeof src,
				 "multipolar simulation ensemble, run %lld (table sim_summary); "
				 "model: docs/economy.md",
				 (long long)run->run_id);
			mp_chart_opts o = MP_CHART_OPTS_INIT;
			o.id = id;
			o.title = ttl;
			o.y_label = pn->unit;
			o.x_label = "year";
			o.source = src;
			o.y_percent = pn->percent;
			o.y_digits = pn->percent ? 4 : 0;
			rc = mp_chart_fan(r->ctx, f, &o, bb.b, bb.nb, NULL, 0);
			shown++;
		}
		band_free(&bb);
	}
	if (rc == MP_OK && !shown)
		rep__nodata(r, "This run stored no economy outputs (gdp_mer_share, burden, ...): it was made before "
			       "they existed. Run the scenario again with 'multipolar simulate'.");
	return rc;
}

int rep__economy(rep *r)
{
	mp_store_report_run *runs = NULL;
	size_t nruns = 0;
	int rc = mp_store__report_runs(r->ctx, r->s, &runs, &nruns);
	if (rc != MP_OK)
		return rc;
	rep__section_open(r, "economy", "Economy and military power");
	if (nruns == 0) {
		rep__nodata(r, "No simulation results are stored in this database. Run a scenario with "
			       "'multipolar simulate SCENARIO' and write the report again.");
	} else {
		fputs("<p>GDP at purchasing power parity and at market exchange rates (the price level follows "
		      "relative productivity, Balassa 1964 and Samuelson 1964), and military spending as a "
		      "burden that persists around each state's own level (docs/economy.md). The line is the "
		      "median of the runs, the dark band the middle 50% and the light band 90%.</p>\n",
		      r->f);
	}
	for (size_t i = 0; i < nruns && rc == MP_OK; i++) {
		int wanted = !r->o->scenarios || r->o->nscenarios == 0;
		for (size_t k = 0; r->o->scenarios && k < r->o->nscenarios; k++)
			wanted |= !strcmp(r->o->scenarios[k], runs[i].scenario);
		if (!wanted)
			continue;
		mp_store_report_sim_row *v = NULL;
		size_t n = 0;
		if ((rc = mp_store__report_sim_rows(r->ctx, r->s, runs[i].run_id, runs[i].scenario, &v, &n)) == MP_OK)
			rc = scenario(r, &runs[i], v, n, i);
		free(v);
	}
	rep__section_close(r);
	free(runs);
	return rc;
}
