/* Forecast section: simulation summaries (sim_summary, written by `multipolar simulate`
 * and `multipolar run`, docs/sim.md) as fan charts per scenario, and a comparison of the
 * scenarios. The panels are chosen from the variables the simulation stores: cinc_share
 * of the poles and of the leading states, and the system's n_eff and con (over poles), each
 * with the observed history before the forecast. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_report.h"
#include "report_internal.h"

#define MAX_UNITS 8  /* bands per chart: more would not be readable (8 colours) */
#define OBS_YEARS 40 /* observed history drawn before a forecast */

typedef enum { U_POLES, U_STATES, U_SYSTEM } unit_kind;

static const struct panel {
	const char *var;
	unit_kind kind;
	int max;
	const char *title, *unit;
	int percent;
} panels[] = {
	{ "cinc_share", U_POLES, MAX_UNITS, "CINC shares of the poles", "share of world capabilities", 1 },
	{ "cinc_share", U_STATES, 6, "CINC shares of the leading states", "share of world capabilities", 1 },
	{ "n_eff", U_SYSTEM, 1, "Effective number of poles", "1 / sum of squared pole shares (Laakso & Taagepera 1979)",
	  0 },
	{ "con", U_SYSTEM, 1, "Concentration of the poles (CON)",
	  "0 = equal, 1 = one pole holds all (Ray & Singer 1973)", 0 },
};
#define NPANELS (sizeof panels / sizeof panels[0])

static int is_system(const char *unit)
{
	return !strcmp(unit, "system") || !strcmp(unit, "world");
}

static int unit_is(const rep *r, const char *unit, unit_kind k)
{
	int pole = mp_poles_find(r->poles, unit);
	switch (k) {
	case U_POLES: return pole >= 0;
	case U_SYSTEM: return is_system(unit);
	case U_STATES: return pole < 0 && !is_system(unit);
	}
	return 0;
}

/* Loaded results of one scenario: rows sorted by variable, unit, year. */
typedef struct scen {
	const mp_store_report_run *run;
	mp_store_report_sim_row *rows;
	size_t n;
} scen;

/* Rows of variable `var`: [*a, *z); 0 if absent. */
static int find_var(const scen *sc, const char *var, size_t *a, size_t *z)
{
	size_t i = 0;
	while (i < sc->n && strcmp(sc->rows[i].variable, var))
		i++;
	if (i == sc->n)
		return 0;
	*a = i;
	while (i < sc->n && !strcmp(sc->rows[i].variable, var))
		i++;
	*z = i;
	return 1;
}

/* Band series of one variable, one per unit. */
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

/* Band series for the units of kind `k` among rows[a..z) (one variable, sorted by unit then
 * year): at most `max`, those with the largest median in their last year; poles in the
 * membership file's order, other units by name. */
static int fan_build(rep *r, const mp_store_report_sim_row *rows, size_t a, size_t z, unit_kind k, int max, fan_data *d)
{
	memset(d, 0, sizeof *d);
	size_t nu = 0;
	for (size_t i = a; i < z; i++)
		if (i == a || strcmp(rows[i].unit, rows[i - 1].unit))
			nu++;
	size_t *start = calloc(nu + 1, sizeof *start), *order = calloc(nu + 1, sizeof *order);
	double *lastq = calloc(nu + 1, sizeof *lastq);
	unsigned char *keep = calloc(nu + 1, 1);
	d->b = calloc(nu + 1, sizeof *d->b);
	d->names = calloc(nu + 1, sizeof *d->names);
	d->buf = malloc(((z - a) + 1) * 6 * sizeof *d->buf);
	int rc = MP_OK;
	if (!start || !order || !lastq || !keep || !d->b || !d->names || !d->buf) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	size_t u = 0;
	for (size_t i = a; i < z; i++)
		if (i == a || strcmp(rows[i].unit, rows[i - 1].unit))
			start[u++] = i;
	start[nu] = z;
	for (u = 0; u < nu; u++) {
		double q = rows[start[u + 1] - 1].q50;
		lastq[u] = isfinite(q) && unit_is(r, rows[start[u]].unit, k) ? q : -INFINITY;
	}
	for (int n = 0; n < max; n++) {
		size_t best = nu;
		for (u = 0; u < nu; u++)
			if (!keep[u] && lastq[u] > -INFINITY && (best == nu || lastq[u] > lastq[best]))
				best = u;
		if (best == nu)
			break;
		keep[best] = 1;
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
		snprintf(d->names[d->nb], sizeof d->names[0], "%s", rows[start[u]].unit);
		d->b[d->nb] = (mp_band_series){ d->names[d->nb], n,         p,         p + n,           p + 2 * n,
						p + 3 * n,       p + 4 * n, p + 5 * n, MP_CHART_BY_NAME };
		for (size_t i = 0; i < n; i++) {
			const mp_store_report_sim_row *row = &rows[start[u] + i];
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
done:
	free(start);
	free(order);
	free(lastq);
	free(keep);
	if (rc != MP_OK)
		fan_free(d);
	return rc;
}

/* The observed value of a forecast unit in history year t, or NaN: pole shares
 * (renormalised CINC), state CINC (by stateabb), the poles' n_eff and CON. */
static double observed(const rep *r, const struct panel *pn, const char *unit, size_t t)
{
	size_t np = (size_t)r->npoles;
	if (pn->kind == U_POLES) {
		int pole = mp_poles_find(r->poles, unit);
		return pole >= 0 ? r->pole_share[t * (np + 1) + (size_t)pole] : MP_NA;
	}
	if (pn->kind == U_SYSTEM)
		return !strcmp(pn->var, "n_eff") ? r->neff_poles[t] : !strcmp(pn->var, "con") ? r->con_poles[t] : MP_NA;
	for (int c = 1; c < REP_MAX_CCODE; c++)
		if (!strcmp(r->abb[c], unit))
			return r->state_cinc[t * REP_MAX_CCODE + (size_t)c];
	return MP_NA;
}

/* One fan chart: the bands of d, and (when `pn` is given and history is loaded) the
 * observed values of the same units over the last OBS_YEARS years, dashed. */
static int fan_chart(rep *r, const char *id, const char *title, const char *unit, int percent, const fan_data *d,
		     const struct panel *pn)
{
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = unit;
	o.x_label = "year";
	o.y_percent = percent;
	if (percent)
		o.y_min = 0;
	mp_series lines[MAX_UNITS];
	char names[MAX_UNITS][80];
	size_t nl = 0, t0 = r->ny > OBS_YEARS ? r->ny - OBS_YEARS : 0, len = r->ny - t0;
	double *obs = malloc((d->nb + 1) * (len + 1) * sizeof *obs);
	if (!obs)
		return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
	for (size_t k = 0; pn && k < d->nb && nl < MAX_UNITS && r->ny > 0; k++) {
		int any = 0;
		for (size_t t = t0; t < r->ny; t++) {
			obs[nl * len + (t - t0)] = observed(r, pn, d->b[k].name, t);
			any |= isfinite(obs[nl * len + (t - t0)]);
		}
		if (!any)
			continue;
		snprintf(names[nl], sizeof names[0], "%s (observed)", d->b[k].name);
		lines[nl] = (mp_series){
			names[nl], len, r->year + t0, obs + nl * len, MP_CHART_DASHED, MP_CHART_BY_NAME
		};
		nl++;
	}
	char src[200];
	snprintf(src, sizeof src, "multipolar simulation ensemble (table sim_summary)%s%s", nl ? "; observed: " : "",
		 nl ? r->nmc_source : "");
	o.source = src;
	int rc = mp_chart_fan(r->ctx, r->f, &o, d->b, d->nb, nl ? lines : NULL, nl);
	free(obs);
	return rc;
}

/* The last row of (var, unit), or NULL. */
static const mp_store_report_sim_row *last_row(const scen *sc, const char *var, const char *unit)
{
	size_t a, z;
	const mp_store_report_sim_row *best = NULL;
	if (!find_var(sc, var, &a, &z))
		return NULL;
	for (size_t i = a; i < z; i++)
		if (!strcmp(sc->rows[i].unit, unit) && (!best || sc->rows[i].year > best->year))
			best = &sc->rows[i];
	return best;
}

static const char *system_unit(const scen *sc, const char *var)
{
	return last_row(sc, var, "system") ? "system" : last_row(sc, var, "world") ? "world" : NULL;
}

static int scenario_panel(rep *r, const scen *sc, size_t idx)
{
	FILE *f = r->f;
	fputs("<h3>Scenario: ", f);
	mp_html_escape(f, sc->run->scenario);
	fputs("</h3>\n<p>", f);
	fprintf(f, "Run %lld, from the world of %d to %d.", (long long)sc->run->run_id, sc->run->first_year,
		sc->run->last_year);
	const char *su = system_unit(sc, "n_eff");
	const mp_store_report_sim_row *ne = su ? last_row(sc, "n_eff", su) : NULL;
	if (ne && isfinite(ne->q50))
		fprintf(f, " In %d the median effective number of poles is %.2f (90%% of runs: %.2f&#8211;%.2f).",
			ne->year, ne->q50, ne->q05, ne->q95);
	su = system_unit(sc, "multipolar");
	const mp_store_report_sim_row *mu = su ? last_row(sc, "multipolar", su) : NULL;
	if (mu && isfinite(mu->mean))
		fprintf(f, " %.0f%% of runs end with a multipolar system.", 100 * mu->mean);
	fputs("</p>\n", f);
	int shown = 0;
	for (size_t k = 0; k < NPANELS; k++) {
		const struct panel *pn = &panels[k];
		size_t a, z;
		if (!find_var(sc, pn->var, &a, &z))
			continue;
		fan_data d;
		int rc = fan_build(r, sc->rows, a, z, pn->kind, pn->max, &d);
		if (rc != MP_OK)
			return rc;
		if (d.nb > 0) {
			char id[48], ttl[200];
			snprintf(id, sizeof id, "fc-%zu-%zu", idx, k);
			snprintf(ttl, sizeof ttl, "%s \xE2\x80\x94 %s from %d", pn->title, sc->run->scenario,
				 sc->run->first_year);
			rc = fan_chart(r, id, ttl, pn->unit, pn->percent, &d, pn);
			shown++;
		}
		fan_free(&d);
		if (rc != MP_OK)
			return rc;
	}
	if (!shown) {
		fputs("<p class=\"nodata\">This run stored none of the quantities the report draws (cinc_share of "
		      "poles or states, n_eff, con of the system). Stored variables:",
		      f);
		for (size_t i = 0; i < sc->n; i++)
			if (i == 0 || strcmp(sc->rows[i].variable, sc->rows[i - 1].variable)) {
				fputc(' ', f);
				mp_html_escape(f, sc->rows[i].variable);
			}
		fputs(".</p>\n", f);
	}
	return MP_OK;
}

/* Element id and title of a comparison chart: with several start years, each start
 * year's comparison has its own ("cmp-neff-2016", "... , start 2016"). */
typedef struct cmp_label {
	int start; /* 0: one start year for all */
	char id[48];
	char title[200];
} cmp_label;

static const char *cmp_id(cmp_label *l, const char *base)
{
	if (l->start)
		snprintf(l->id, sizeof l->id, "%s-%d", base, l->start);
	else
		snprintf(l->id, sizeof l->id, "%s", base);
	return l->id;
}

static const char *cmp_title(cmp_label *l, const char *title)
{
	if (l->start)
		snprintf(l->title, sizeof l->title, "%s, scenarios starting in %d", title, l->start);
	else
		snprintf(l->title, sizeof l->title, "%s", title);
	return l->title;
}

/* Comparison of n_eff (system): a fan per scenario on one chart. */
static int compare_neff(rep *r, const scen *sc, size_t nsc, cmp_label *lab)
{
	mp_band_series *b = calloc(nsc, sizeof *b);
	fan_data *d = calloc(nsc, sizeof *d);
	size_t nb = 0;
	int rc = MP_OK;
	if (!b || !d) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t j = 0; j < nsc && rc == MP_OK; j++) {
		size_t a, z;
		if (!find_var(&sc[j], "n_eff", &a, &z))
			continue;
		if ((rc = fan_build(r, sc[j].rows, a, z, U_SYSTEM, 1, &d[j])) != MP_OK || d[j].nb == 0)
			continue;
		b[nb] = d[j].b[0];
		b[nb].name = sc[j].run->scenario;
		b[nb].color = MP_CHART_BY_NAME;
		nb++;
	}
	if (rc == MP_OK && nb == 2) {
		const char *id = cmp_id(lab, "cmp-neff");
		rc = fan_chart(r, id, cmp_title(lab, "Effective number of poles by scenario"), panels[2].unit, 0,
			       &(fan_data){ b, NULL, nb, NULL }, NULL);
	} else if (rc == MP_OK && nb > 2) {
		/* more than two sets of bands overlap into mud: medians only (the bands are in each
		 * scenario's own panel) */
		mp_series *s = calloc(nb, sizeof *s);
		if (!s) {
			rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
			goto done;
		}
		for (size_t k = 0; k < nb; k++)
			s[k] = (mp_series){ b[k].name, b[k].n, b[k].x, b[k].q50, MP_CHART_SOLID, b[k].color };
		mp_chart_opts o = MP_CHART_OPTS_INIT;
		o.id = cmp_id(lab, "cmp-neff");
		o.title = cmp_title(lab, "Effective number of poles by scenario (median of runs)");
		o.y_label = panels[2].unit;
		o.x_label = "year";
		o.source = "multipolar simulation ensembles (table sim_summary), newest run of each scenario";
		o.note = "Medians only; each scenario's panel above shows its 50% and 90% bands.";
		rc = mp_chart_line(r->ctx, r->f, &o, s, nb);
		free(s);
	}
done:
	for (size_t j = 0; d && j < nsc; j++)
		fan_free(&d[j]);
	free(b);
	free(d);
	return rc;
}

/* Comparison of the poles' CINC shares: medians in the last year every scenario reaches,
 * as grouped bars (poles in the membership file's order). */
static int compare_poles(rep *r, const scen *sc, size_t nsc, cmp_label *lab)
{
	size_t np = (size_t)r->npoles;
	int last = 0, have = 0;
	for (size_t j = 0; j < nsc; j++) {
		int ly = 0;
		for (size_t p = 0; p < np; p++) {
			const mp_store_report_sim_row *row = last_row(&sc[j], "cinc_share",
								      mp_poles_name(r->poles, (int)p));
			if (row && row->year > ly)
				ly = row->year;
		}
		if (ly) {
			last = have ? (ly < last ? ly : last) : ly;
			have++;
		}
	}
	if (have < 2)
		return MP_OK;
	const char **units = calloc(np + 1, sizeof *units);
	double *vals = malloc((np + 1) * nsc * sizeof *vals);
	mp_series *s = calloc(nsc, sizeof *s);
	int rc = MP_OK;
	if (!units || !vals || !s) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	size_t nu = 0;
	for (size_t p = 0; p < np; p++) {
		const char *name = mp_poles_name(r->poles, (int)p);
		int any = 0;
		for (size_t j = 0; j < nsc && !any; j++)
			any = last_row(&sc[j], "cinc_share", name) != NULL;
		if (any)
			units[nu++] = name;
	}
	for (size_t j = 0; j < nsc; j++) {
		size_t a = 0, z = 0;
		int present = find_var(&sc[j], "cinc_share", &a, &z);
		for (size_t u = 0; u < nu; u++) {
			double v = MP_NA;
			for (size_t i = a; present && i < z; i++)
				if (sc[j].rows[i].year == last && !strcmp(sc[j].rows[i].unit, units[u]))
					v = sc[j].rows[i].q50;
			vals[j * nu + u] = v;
		}
		s[j] = (mp_series){ sc[j].run->scenario, nu, NULL, vals + j * nu, MP_CHART_SOLID, MP_CHART_BY_NAME };
	}
	char ttl[160];
	snprintf(ttl, sizeof ttl, "CINC shares of the poles in %d by scenario (median of runs)", last);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = cmp_id(lab, "cmp-poles");
	o.title = cmp_title(lab, ttl);
	o.y_label = "share of world capabilities";
	o.x_label = "pole";
	o.source = "multipolar simulation ensembles (table sim_summary), newest run of each scenario";
	o.y_percent = 1;
	rc = mp_chart_bar(r->ctx, r->f, &o, units, nu, s, nsc);
done:
	free(units);
	free(vals);
	free(s);
	return rc;
}

/* Probability of a multipolar system at each scenario's horizon (mean of the 0/1
 * variable "multipolar" over runs), as bars. */
static int compare_multipolar(rep *r, const scen *sc, size_t nsc, cmp_label *lab)
{
	const char **names = calloc(nsc, sizeof *names);
	double *v = malloc(nsc * sizeof *v);
	size_t n = 0;
	int rc = MP_OK;
	if (!names || !v) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t j = 0; j < nsc; j++) {
		const char *su = system_unit(&sc[j], "multipolar");
		const mp_store_report_sim_row *row = su ? last_row(&sc[j], "multipolar", su) : NULL;
		if (!row || !isfinite(row->mean))
			continue;
		names[n] = sc[j].run->scenario;
		v[n++] = row->mean;
	}
	if (n >= 2) {
		mp_series s = { "share of runs", n, NULL, v, MP_CHART_SOLID, 1 };
		mp_chart_opts o = MP_CHART_OPTS_INIT;
		o.id = cmp_id(lab, "cmp-multipolar");
		o.title = cmp_title(lab, "Runs ending with a multipolar system, by scenario");
		o.y_label = "share of runs at the horizon (Thompson's rule on pole shares)";
		o.x_label = "scenario";
		o.source = "multipolar simulation ensembles (table sim_summary, variable multipolar)";
		o.y_percent = 1;
		o.y_min = 0;
		o.y_max = 1;
		rc = mp_chart_bar(r->ctx, r->f, &o, names, n, &s, 1);
	}
done:
	free(names);
	free(v);
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
	mp_store_report_run *runs = NULL;
	size_t nruns = 0;
	scen *sc = NULL;
	size_t nsc = 0;
	int rc = mp_store__report_runs(r->ctx, r->s, &runs, &nruns);
	if (rc != MP_OK)
		return rc;
	/* every scenario asked for must have results */
	for (size_t i = 0; r->o->scenarios && i < r->o->nscenarios; i++) {
		size_t k = 0;
		while (k < nruns && strcmp(runs[k].scenario, r->o->scenarios[i]))
			k++;
		if (k == nruns) {
			rc = mp_error_set(
				r->ctx, MP_ENOTFOUND,
				"report: scenario '%s' has no stored simulation results (run 'multipolar simulate' "
				"first; %zu scenario%s stored)",
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
		if ((rc = mp_store__report_sim_rows(r->ctx, r->s, runs[i].run_id, runs[i].scenario, &c->rows, &c->n)) !=
		    MP_OK)
			goto close;
	}
	r->total += (double)nsc;
	if (nsc == 0) {
		rep__nodata(r, "No simulation results are stored in this database, so there is no forecast to show. "
			       "Run a scenario with 'multipolar simulate SCENARIO' and write the report again.");
		goto close;
	}
	/* runs of several jobs (`run`, then `simulate --store` of one scenario) may differ in
	 * seed, horizon or start world: said, not hidden */
	size_t njobs = 0;
	for (size_t j = 0; j < nsc; j++) {
		size_t k = 0;
		while (k < j && sc[k].run->job != sc[j].run->job)
			k++;
		njobs += k == j;
	}
	if (njobs > 1)
		fprintf(r->f,
			"<p class=\"note\">These scenarios come from %zu separate jobs (see each panel's run number and "
			"the table sim_runs): their seeds, horizons or start worlds may differ.</p>\n",
			njobs);
	fputs("<p>Each panel shows one scenario's ensemble: the line is the median of the runs, the dark band "
	      "holds the middle 50% of runs and the light band 90%. Dashed lines are the observed history "
	      "of the same quantity.</p>\n",
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
	/* scenarios are compared only with scenarios that start from the same year's world */
	int *starts = calloc(nsc, sizeof *starts);
	scen *grp = calloc(nsc, sizeof *grp);
	size_t nstarts = 0;
	if (!starts || !grp) {
		free(starts);
		free(grp);
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto close;
	}
	for (size_t j = 0; j < nsc; j++) {
		size_t k = 0;
		while (k < nstarts && starts[k] != sc[j].run->first_year)
			k++;
		if (k == nstarts)
			starts[nstarts++] = sc[j].run->first_year;
	}
	for (size_t a = 1; a < nstarts; a++)
		for (size_t b = a; b > 0 && starts[b - 1] > starts[b]; b--) {
			int t = starts[b];
			starts[b] = starts[b - 1];
			starts[b - 1] = t;
		}
	if (nstarts == 1)
		fprintf(r->f, "<p>All %zu scenarios start from the world of %d.</p>\n", nsc, starts[0]);
	else {
		fputs("<p class=\"note\">The stored scenarios start from different years, so each is compared only with "
		      "those of its start year:",
		      r->f);
		for (size_t k = 0; k < nstarts; k++) {
			fprintf(r->f, "%s %d:", k ? ";" : "", starts[k]);
			const char *sep = " ";
			for (size_t j = 0; j < nsc; j++)
				if (sc[j].run->first_year == starts[k]) {
					fputs(sep, r->f);
					mp_html_escape(r->f, sc[j].run->scenario);
					sep = ", ";
				}
		}
		fputs(".</p>\n", r->f);
	}
	for (size_t k = 0; k < nstarts && rc == MP_OK; k++) {
		size_t ng = 0;
		for (size_t j = 0; j < nsc; j++)
			if (sc[j].run->first_year == starts[k])
				grp[ng++] = sc[j];
		cmp_label lab = { nstarts > 1 ? starts[k] : 0, "", "" };
		if (nstarts > 1)
			fprintf(r->f, "<h4>Scenarios starting in %d</h4>\n", starts[k]);
		if (ng < 2) {
			if (nstarts > 1)
				rep__nodata(r, "Only one scenario starts in this year: nothing to compare it with.");
			continue;
		}
		if ((rc = compare_neff(r, grp, ng, &lab)) == MP_OK && (rc = compare_poles(r, grp, ng, &lab)) == MP_OK)
			rc = compare_multipolar(r, grp, ng, &lab);
	}
	free(starts);
	free(grp);
close:
	rep__section_close(r);
done:
	for (size_t j = 0; j < nsc; j++)
		free(sc[j].rows);
	free(sc);
	free(runs);
	return rc;
}
