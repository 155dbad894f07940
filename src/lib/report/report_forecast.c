/* Forecast section: simulation summaries (sim_summary, written by `multipolar run`) as fan
 * charts per scenario, and a comparison of the scenarios. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_report.h"
#include "report_internal.h"

#define MAX_UNITS 8 /* bands per chart: more would not be readable (and the palette has 8) */

/* Human titles of the quantities the simulation is known to store; others show their
 * own name. */
static const struct {
	const char *var, *title, *unit;
	int percent;
} known[] = {
	{ "cinc_share", "CINC share", "share of world capabilities", 1 },
	{ "cinc", "CINC share", "share of world capabilities", 1 },
	{ "share", "Capability share", "share of world capabilities", 1 },
	{ "gdp_share", "GDP share", "share of world GDP", 1 },
	{ "milex_share", "Military spending share", "share of world military spending", 1 },
	{ "n_eff", "Effective number of poles", "1 / sum of squared shares (Laakso & Taagepera 1979)", 0 },
	{ "neff", "Effective number of poles", "1 / sum of squared shares (Laakso & Taagepera 1979)", 0 },
	{ "con", "Concentration (CON)", "Ray & Singer (1973)", 0 },
	{ "hhi", "Herfindahl index", "sum of squared shares", 0 },
};

static void describe(const char *var, const char **title, const char **unit, int *percent)
{
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (!strcmp(known[i].var, var)) {
			*title = known[i].title;
			*unit = known[i].unit;
			*percent = known[i].percent;
			return;
		}
	*title = var;
	*unit = NULL;
	*percent = strstr(var, "share") != NULL;
}

/* The quantiles of one unit of one variable: a slice of the sorted rows. */
typedef struct fan_data {
	mp_band_series *b;
	double *buf;
	size_t nb;
	char (*names)[64];
} fan_data;

static void fan_free(fan_data *d)
{
	free(d->b);
	free(d->buf);
	free(d->names);
	memset(d, 0, sizeof *d);
}

/* Band series for rows[a..z) (one variable, sorted by unit then year), at most MAX_UNITS
 * of them: the units with the largest median in the last year. */
static int fan_build(rep *r, const mp_q_report_sim_row *rows, size_t a, size_t z, fan_data *d)
{
	memset(d, 0, sizeof *d);
	size_t nu = 0;
	for (size_t i = a; i < z; i++)
		if (i == a || strcmp(rows[i].unit, rows[i - 1].unit))
			nu++;
	size_t *start = calloc(nu + 1, sizeof *start);
	double *lastq = calloc(nu ? nu : 1, sizeof *lastq);
	unsigned char *keep = calloc(nu ? nu : 1, 1);
	d->b = calloc(nu ? nu : 1, sizeof *d->b);
	d->names = calloc(nu ? nu : 1, sizeof *d->names);
	d->buf = malloc(((z - a) ? (z - a) : 1) * 6 * sizeof *d->buf);
	int rc = MP_OK;
	if (!start || !lastq || !keep || !d->b || !d->names || !d->buf) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	size_t u = 0;
	for (size_t i = a; i < z; i++)
		if (i == a || strcmp(rows[i].unit, rows[i - 1].unit))
			start[u++] = i;
	start[nu] = z;
	for (u = 0; u < nu; u++)
		lastq[u] = isfinite(rows[start[u + 1] - 1].q50) ? rows[start[u + 1] - 1].q50 : -INFINITY;
	for (size_t k = 0; k < nu && k < MAX_UNITS; k++) {
		size_t best = nu;
		for (u = 0; u < nu; u++)
			if (!keep[u] && (best == nu || lastq[u] > lastq[best]))
				best = u;
		keep[best] = 1;
	}
	/* order: poles in the membership file's order (as in the history charts), then the
	 * other units by name (the rows come sorted by name) */
	size_t *order = calloc(nu ? nu : 1, sizeof *order);
	if (!order) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	size_t no = 0;
	for (int pole = 0; pole < r->npoles; pole++)
		for (u = 0; u < nu; u++)
			if (keep[u] && mp_poles_find(r->poles, rows[start[u]].unit) == pole)
				order[no++] = u;
	for (u = 0; u < nu; u++)
		if (keep[u] && mp_poles_find(r->poles, rows[start[u]].unit) < 0)
			order[no++] = u;
	double *p = d->buf;
	for (size_t oi = 0; oi < no; oi++) {
		u = order[oi];
		size_t n = start[u + 1] - start[u];
		mp_band_series *b = &d->b[d->nb];
		snprintf(d->names[d->nb], sizeof d->names[0], "%s", rows[start[u]].unit);
		int pole = mp_poles_find(r->poles, rows[start[u]].unit);
		*b = (mp_band_series){ d->names[d->nb], n, p, p + n, p + 2 * n, p + 3 * n, p + 4 * n, p + 5 * n,
				       pole >= 0 ? pole + 1 : 0 };
		for (size_t i = 0; i < n; i++) {
			const mp_q_report_sim_row *row = &rows[start[u] + i];
			p[i] = row->year;
			p[n + i] = row->q05;
			p[2 * n + i] = row->q25;
			p[3 * n + i] = row->q50;
			p[4 * n + i] = row->q75;
			p[5 * n + i] = row->q95;
		}
		p += 6 * n;
		d->nb++;
	}
	free(order);
done:
	free(start);
	free(lastq);
	free(keep);
	if (rc != MP_OK)
		fan_free(d);
	return rc;
}

/* Observed history of the poles that appear among the bands (share variables only): the
 * last 40 years of the renormalised pole shares, dashed; y is filled in by the caller. */
static size_t history_lines(rep *r, const fan_data *d, mp_series *lines, char (*names)[80])
{
	size_t nl = 0;
	if (r->ny == 0)
		return 0;
	size_t t0 = r->ny > 40 ? r->ny - 40 : 0;
	for (size_t k = 0; k < d->nb; k++) {
		int pole = mp_poles_find(r->poles, d->b[k].name);
		if (pole < 0)
			continue;
		snprintf(names[nl], sizeof names[0], "%s (observed)", d->b[k].name);
		lines[nl] = (mp_series){ names[nl], r->ny - t0, r->year + t0, NULL, MP_CHART_DASHED, pole + 1 };
		nl++;
	}
	return nl;
}

static int fan_chart(rep *r, const char *id, const char *scenario, const char *var, const fan_data *d,
		     int observed)
{
	const char *title, *unit;
	int percent;
	describe(var, &title, &unit, &percent);
	char ttl[200], src[200];
	snprintf(ttl, sizeof ttl, "%s%s%s", title, scenario ? " \xE2\x80\x94 " : "", scenario ? scenario : "");
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = ttl;
	o.y_label = unit;
	o.x_label = "year";
	o.y_percent = percent;
	if (percent)
		o.y_min = 0;
	mp_series lines[MAX_UNITS];
	char names[MAX_UNITS][80];
	double *obs = NULL;
	size_t nl = 0;
	int rc = MP_OK;
	if (observed && percent) {
		nl = history_lines(r, d, lines, names);
		size_t np = (size_t)r->npoles;
		obs = malloc((nl ? nl : 1) * r->ny * sizeof *obs);
		if (!obs)
			return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		for (size_t k = 0; k < nl; k++) {
			int pole = lines[k].color - 1;
			size_t t0 = r->ny - lines[k].n;
			for (size_t t = t0; t < r->ny; t++)
				obs[k * r->ny + (t - t0)] = r->pole_share[t * (np + 1) + (size_t)pole];
			lines[k].y = obs + k * r->ny;
		}
	}
	snprintf(src, sizeof src, "multipolar simulation ensemble (sim_summary)%s%s",
		 nl ? "; observed: " : "", nl ? r->nmc_source : "");
	o.source = src;
	rc = mp_chart_fan(r->ctx, r->f, &o, d->b, d->nb, nl ? lines : NULL, nl);
	free(obs);
	return rc;
}

/* Variables of a run: [vstart[k], vstart[k+1]) are the rows of the k-th variable. */
static size_t split_vars(const mp_q_report_sim_row *rows, size_t n, size_t *vstart)
{
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(rows[i].variable, rows[i - 1].variable))
			vstart[nv++] = i;
	vstart[nv] = n;
	return nv;
}

/* Loaded results of one scenario. */
typedef struct scen {
	const mp_q_report_run *run;
	mp_q_report_sim_row *rows;
	size_t n, nv;
	size_t *vstart;
} scen;

static int scenario_panel(rep *r, scen *sc, size_t idx)
{
	FILE *f = r->f;
	fputs("<h3>Scenario: ", f);
	mp_html_escape(f, sc->run->scenario);
	fputs("</h3>\n<p class=\"meta\">", f);
	fprintf(f, "Run %lld, years %d&#8211;%d.</p>\n", (long long)sc->run->run_id, sc->run->first_year,
		sc->run->last_year);
	if (sc->nv == 0) {
		rep__nodata(r, "This run stored no summaries.");
		return MP_OK;
	}
	for (size_t k = 0; k < sc->nv; k++) {
		fan_data d;
		int rc = fan_build(r, sc->rows, sc->vstart[k], sc->vstart[k + 1], &d);
		if (rc != MP_OK)
			return rc;
		char id[64];
		snprintf(id, sizeof id, "fc-%zu-%zu", idx, k);
		rc = fan_chart(r, id, sc->run->scenario, sc->rows[sc->vstart[k]].variable, &d, 1);
		fan_free(&d);
		if (rc != MP_OK)
			return rc;
	}
	return MP_OK;
}

/* Rows of variable `var` in scenario sc: [*a, *z); 0 if absent. */
static int find_var(const scen *sc, const char *var, size_t *a, size_t *z)
{
	for (size_t k = 0; k < sc->nv; k++)
		if (!strcmp(sc->rows[sc->vstart[k]].variable, var)) {
			*a = sc->vstart[k];
			*z = sc->vstart[k + 1];
			return 1;
		}
	return 0;
}

/* Scenario comparison of one variable: with one unit (a system-wide quantity) a fan per
 * scenario on one chart; with several, the medians of the last common year as bars. */
static int compare_var(rep *r, scen *sc, size_t nsc, const char *var, size_t k)
{
	const char *title, *unit;
	int percent;
	describe(var, &title, &unit, &percent);
	char id[64], ttl[200];
	snprintf(id, sizeof id, "cmp-%zu", k);
	int single = 1, last = 0, have = 0;
	for (size_t j = 0; j < nsc; j++) {
		size_t a, z;
		if (!find_var(&sc[j], var, &a, &z))
			continue;
		for (size_t i = a + 1; i < z; i++)
			single &= !strcmp(sc[j].rows[i].unit, sc[j].rows[a].unit);
		int ly = sc[j].rows[z - 1].year;
		for (size_t i = a; i < z; i++)
			ly = sc[j].rows[i].year > ly ? sc[j].rows[i].year : ly;
		last = have ? (ly < last ? ly : last) : ly;
		have++;
	}
	if (have < 2)
		return MP_OK;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.y_label = unit;
	o.source = "multipolar simulation ensembles (sim_summary), newest run of each scenario";
	o.y_percent = percent;
	int rc = MP_OK;
	if (single) {
		mp_band_series *b = calloc(nsc, sizeof *b);
		fan_data *d = calloc(nsc, sizeof *d);
		size_t nb = 0;
		if (!b || !d) {
			free(b);
			free(d);
			return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		}
		for (size_t j = 0; j < nsc && rc == MP_OK; j++) {
			size_t a, z;
			if (!find_var(&sc[j], var, &a, &z))
				continue;
			if ((rc = fan_build(r, sc[j].rows, a, z, &d[j])) != MP_OK || d[j].nb == 0)
				continue;
			b[nb] = d[j].b[0];
			b[nb].name = sc[j].run->scenario;
			b[nb].color = (int)(j % MP_PALETTE_SIZE) + 1;
			nb++;
		}
		snprintf(ttl, sizeof ttl, "%s by scenario", title);
		o.title = ttl;
		o.x_label = "year";
		if (rc == MP_OK)
			rc = mp_chart_fan(r->ctx, r->f, &o, b, nb, NULL, 0);
		for (size_t j = 0; j < nsc; j++)
			fan_free(&d[j]);
		free(b);
		free(d);
		return rc;
	}
	/* bars: units (categories) as they appear in the first scenario having the variable,
	 * then any others; medians in the last year all scenarios reach */
	size_t cap = 64, nu = 0;
	const char **units = calloc(cap, sizeof *units);
	double *vals = NULL;
	mp_series *s = calloc(nsc, sizeof *s);
	if (!units || !s) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t j = 0; j < nsc; j++) {
		size_t a, z;
		if (!find_var(&sc[j], var, &a, &z))
			continue;
		for (size_t i = a; i < z; i++) {
			size_t u = 0;
			while (u < nu && strcmp(units[u], sc[j].rows[i].unit))
				u++;
			if (u == nu && nu < cap)
				units[nu++] = sc[j].rows[i].unit;
		}
	}
	/* poles first, in the membership file's order (stable insertion sort) */
	for (size_t i = 1; i < nu; i++) {
		const char *key = units[i];
		int kp = mp_poles_find(r->poles, key);
		unsigned kr = kp < 0 ? (unsigned)r->npoles : (unsigned)kp;
		size_t j = i;
		while (j > 0) {
			int pp = mp_poles_find(r->poles, units[j - 1]);
			unsigned pr = pp < 0 ? (unsigned)r->npoles : (unsigned)pp;
			if (pr <= kr)
				break;
			units[j] = units[j - 1];
			j--;
		}
		units[j] = key;
	}
	vals = malloc((nu ? nu : 1) * nsc * sizeof *vals);
	if (!vals) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t j = 0; j < nsc; j++) {
		size_t a = 0, z = 0;
		int present = find_var(&sc[j], var, &a, &z);
		for (size_t u = 0; u < nu; u++) {
			double v = MP_NA;
			for (size_t i = a; present && i < z; i++)
				if (sc[j].rows[i].year == last && !strcmp(sc[j].rows[i].unit, units[u]))
					v = sc[j].rows[i].q50;
			vals[j * nu + u] = v;
		}
		s[j] = (mp_series){ sc[j].run->scenario, nu, NULL, vals + j * nu, MP_CHART_SOLID,
				    (int)(j % MP_PALETTE_SIZE) + 1 };
	}
	snprintf(ttl, sizeof ttl, "%s in %d by scenario (median of runs)", title, last);
	o.title = ttl;
	o.x_label = "unit";
	rc = mp_chart_bar(r->ctx, r->f, &o, units, nu, s, nsc);
done:
	free(units);
	free(vals);
	free(s);
	return rc;
}

static int wanted(const mp_report_opts *o, const char *name)
{
	if (!o->scenarios || o->nscenarios == 0)
		return 1;
	for (size_t i = 0; i < o->nscenarios; i++)
		if (!strcmp(o->scenarios[i], name))
			return 1;
	return 0;
}

int rep__forecast(rep *r)
{
	mp_q_report_run *runs = NULL;
	size_t nruns = 0;
	scen *sc = NULL;
	size_t nsc = 0;
	int rc = mp_q_report_runs(r->ctx, r->s, &runs, &nruns);
	if (rc != MP_OK)
		return rc;
	/* every scenario asked for must have results */
	for (size_t i = 0; r->o->scenarios && i < r->o->nscenarios; i++) {
		size_t k = 0;
		while (k < nruns && strcmp(runs[k].scenario, r->o->scenarios[i]))
			k++;
		if (k == nruns) {
			rc = mp_error_set(r->ctx, MP_ENOTFOUND,
					  "report: scenario '%s' has no stored simulation results (run 'multipolar run' first; %zu scenario%s stored)",
					  r->o->scenarios[i], nruns, nruns == 1 ? "" : "s");
			goto done;
		}
	}
	rep__section_open(r, "forecast", "Forecast: scenarios to the horizon");
	sc = calloc(nruns ? nruns : 1, sizeof *sc);
	if (!sc) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto close;
	}
	for (size_t i = 0; i < nruns; i++) {
		if (!wanted(r->o, runs[i].scenario))
			continue;
		scen *c = &sc[nsc++];
		c->run = &runs[i];
		if ((rc = mp_q_report_sim_rows(r->ctx, r->s, runs[i].run_id, runs[i].scenario, &c->rows, &c->n)) != MP_OK)
			goto close;
		c->vstart = calloc(c->n + 1, sizeof *c->vstart);
		if (!c->vstart) {
			rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
			goto close;
		}
		c->nv = split_vars(c->rows, c->n, c->vstart);
	}
	r->total += (double)nsc;
	if (nsc == 0) {
		rep__nodata(r, "No simulation results are stored in this database, so there is no forecast to show. "
			       "Run a scenario with 'multipolar run SCENARIO.yaml' and write the report again.");
		goto close;
	}
	fputs("<p>Each panel shows one scenario's ensemble: the line is the median of the runs, the dark band "
	      "holds the middle 50% of runs and the light band 90%. Dashed lines are observed history.</p>\n",
	      r->f);
	for (size_t j = 0; j < nsc && rc == MP_OK; j++) {
		rc = scenario_panel(r, &sc[j], j);
		rep__tick(r);
	}
	if (rc != MP_OK)
		goto close;
	fputs("<h3>Scenario comparison</h3>\n", r->f);
	if (nsc < 2) {
		rep__nodata(r, "Only one scenario is stored; run another scenario to compare them here.");
		goto close;
	}
	/* variables in the order of the first scenario, then any others */
	size_t k = 0;
	for (size_t j = 0; j < nsc && rc == MP_OK; j++)
		for (size_t v = 0; v < sc[j].nv && rc == MP_OK; v++) {
			const char *var = sc[j].rows[sc[j].vstart[v]].variable;
			int seen = 0;
			for (size_t jj = 0; jj < j && !seen; jj++) {
				size_t a, z;
				seen = find_var(&sc[jj], var, &a, &z);
			}
			if (!seen)
				rc = compare_var(r, sc, nsc, var, k++);
		}
close:
	rep__section_close(r);
done:
	for (size_t j = 0; j < nsc; j++) {
		free(sc[j].rows);
		free(sc[j].vstart);
	}
	free(sc);
	free(runs);
	return rc;
}
