/* Population section: the simulated demography of the poles (docs/demography.md,
 * "Outputs"), from the stored ensemble summaries (sim_summary): fan charts of population,
 * working-age population, the old-age dependency ratio and the median age, and the
 * population pyramids of the largest poles at the start and at the horizon (medians). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_report.h"
#include "report_internal.h"

#define MAX_POLES_SHOWN 8
#define PYR_POLES 3

/* The rows of (var, pole) as a band series; values times `scale`. Returns 0 if none. */
static int pole_band(const rep *r, const mp_store_report_sim_row *rows, size_t n, const char *var, int pole,
		     double scale, double *buf, mp_band_series *b)
{
	const char *name = mp_poles_name(r->poles, pole);
	size_t k = 0, cap = 0;
	for (size_t i = 0; i < n; i++)
		cap += !strcmp(rows[i].variable, var) && !strcmp(rows[i].unit, name);
	if (!cap)
		return 0;
	double *x = buf, *q = buf + cap;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].variable, var) || strcmp(rows[i].unit, name))
			continue;
		x[k] = rows[i].year;
		q[k] = rows[i].q05 * scale;
		q[cap + k] = rows[i].q25 * scale;
		q[2 * cap + k] = rows[i].q50 * scale;
		q[3 * cap + k] = rows[i].q75 * scale;
		q[4 * cap + k] = rows[i].q95 * scale;
		k++;
	}
	*b = (mp_band_series){ name, k, x, q, q + cap, q + 2 * cap, q + 3 * cap, q + 4 * cap, MP_CHART_BY_NAME };
	return 1;
}

static const struct fan_panel {
	const char *var, *id, *title, *unit;
	double scale;
} fans[] = {
	{ "pop", "pop-poles", "Population of the poles", "millions", 1e-3 },
	{ "working_age", "working-poles", "Working-age population (15-64) of the poles", "millions", 1e-3 },
	{ "old_age_dependency", "dependency-poles", "Old-age dependency ratio of the poles",
	  "people 65+ per person aged 15-64", 1 },
	{ "median_age", "median-age-poles", "Median age of the poles", "years", 1 },
};

static int fan(rep *r, const mp_store_report_sim_row *rows, size_t n, const struct fan_panel *fp, const char *scen)
{
	mp_band_series b[MAX_POLES_SHOWN];
	size_t nb = 0, per = 0;
	for (size_t i = 0; i < n; i++)
		per += !strcmp(rows[i].variable, fp->var);
	double *buf = malloc((6 * per + 1) * sizeof *buf);
	if (!buf)
		return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
	double *p = buf;
	for (int pole = 0; pole < mp_poles_count(r->poles) && nb < MAX_POLES_SHOWN; pole++)
		if (pole_band(r, rows, n, fp->var, pole, fp->scale, p, &b[nb])) {
			p += 6 * b[nb].n;
			nb++;
		}
	char title[160], id[64];
	snprintf(title, sizeof title, "%s, %s", fp->title, scen);
	snprintf(id, sizeof id, "%s-%s", fp->id, scen);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = fp->unit;
	o.x_label = "year";
	o.y_digits = 3;
	o.source = "multipolar simulation ensemble (table sim_summary): cohort-component model by age and sex "
		   "(docs/demography.md); bands 50% and 90% of runs";
	int rc = nb ? mp_chart_fan(r->ctx, r->f, &o, b, nb, NULL, 0) : MP_OK;
	free(buf);
	return rc;
}

/* The median of a pyramid variable of a pole in a year (thousands), NaN if absent. */
static double pyr_value(const mp_store_report_sim_row *rows, size_t n, const char *pole, int male, int age, int year)
{
	char var[32];
	snprintf(var, sizeof var, "pyramid_%c_%d", male ? 'M' : 'F', age);
	for (size_t i = 0; i < n; i++)
		if (rows[i].year == year && !strcmp(rows[i].unit, pole) && !strcmp(rows[i].variable, var))
			return rows[i].q50;
	return MP_NA;
}

/* A pyramid: age groups down the side (oldest on top), men to the left as negative
 * millions, women to the right; the start and the horizon side by side. */
static int pyramid(rep *r, const mp_store_report_sim_row *rows, size_t n, int pole, int y0, int y1, const char *scen)
{
	const char *name = mp_poles_name(r->poles, pole);
	static char labels[MP_DEMOG_GROUPS][12];
	const char *lab[MP_DEMOG_GROUPS];
	double v[4][MP_DEMOG_GROUPS];
	int any = 0;
	for (int k = 0; k < MP_DEMOG_GROUPS; k++) {
		int g = MP_DEMOG_GROUPS - 1 - k, age = 5 * g;
		if (age < 100)
			snprintf(labels[k], sizeof labels[k], "%d-%d", age, age + 4);
		else
			snprintf(labels[k], sizeof labels[k], "100+");
		lab[k] = labels[k];
		v[0][k] = -pyr_value(rows, n, name, 1, age, y0) / 1000;
		v[1][k] = pyr_value(rows, n, name, 0, age, y0) / 1000;
		v[2][k] = -pyr_value(rows, n, name, 1, age, y1) / 1000;
		v[3][k] = pyr_value(rows, n, name, 0, age, y1) / 1000;
		any |= isfinite(v[1][k]);
	}
	if (!any)
		return MP_OK;
	char s0[32], s1[32], s2[32], s3[32], title[160], id[64];
	snprintf(s0, sizeof s0, "men %d", y0);
	snprintf(s1, sizeof s1, "women %d", y0);
	snprintf(s2, sizeof s2, "men %d (median)", y1);
	snprintf(s3, sizeof s3, "women %d (median)", y1);
	mp_series s[4] = {
		{ s0, MP_DEMOG_GROUPS, NULL, v[0], MP_CHART_SOLID, 1 },
		{ s1, MP_DEMOG_GROUPS, NULL, v[1], MP_CHART_SOLID, 2 },
		{ s2, MP_DEMOG_GROUPS, NULL, v[2], MP_CHART_SOLID, 3 },
		{ s3, MP_DEMOG_GROUPS, NULL, v[3], MP_CHART_SOLID, 4 },
	};
	snprintf(title, sizeof title, "Population pyramid of %s, %d and %d, %s", name, y0, y1, scen);
	snprintf(id, sizeof id, "pyramid-%s-%s", name, scen);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "millions by five-year age group; men to the left (negative), women to the right";
	o.height = 760;
	o.y_digits = 3;
	o.source = "multipolar simulation ensemble (table sim_summary): the start year's age structure (UN WPP, "
		   "data/world/ages.csv or the database) and the runs' median at the horizon";
	return mp_chart_bar(r->ctx, r->f, &o, lab, MP_DEMOG_GROUPS, s, 4);
}

int rep__population(rep *r)
{
	mp_store_report_run *runs = NULL;
	size_t nruns = 0;
	int rc = mp_store__report_runs(r->ctx, r->s, &runs, &nruns);
	if (rc != MP_OK || nruns == 0) {
		free(runs);
		return rc;
	}
	/* the baseline if stored, else the first scenario */
	size_t pick = 0;
	for (size_t i = 0; i < nruns; i++)
		if (!strcmp(runs[i].scenario, "baseline"))
			pick = i;
	mp_store_report_sim_row *rows = NULL;
	size_t n = 0;
	if ((rc = mp_store__report_sim_rows(r->ctx, r->s, runs[pick].run_id, runs[pick].scenario, &rows, &n)) != MP_OK)
		goto done;
	int has = 0;
	for (size_t i = 0; i < n && !has; i++)
		has = !strcmp(rows[i].variable, "working_age");
	rep__section_open(r, "population", "Population by age and sex");
	if (!has) {
		rep__nodata(r, "The stored simulation has no age structure (its start world had no UN WPP data): "
			       "import the WPP files, or use the shipped default world with data/world/ages.csv.");
		rep__section_close(r);
		goto done;
	}
	for (size_t k = 0; k < sizeof fans / sizeof fans[0] && rc == MP_OK; k++)
		rc = fan(r, rows, n, &fans[k], runs[pick].scenario);
	/* pyramids of the largest poles (women at the start) */
	int np = mp_poles_count(r->poles);
	double *size = calloc((size_t)np + 1, sizeof *size);
	if (!size) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (int pole = 0; pole < np; pole++)
		for (int a = 0; a < MP_DEMOG_GROUPS; a++) {
			double f = pyr_value(rows, n, mp_poles_name(r->poles, pole), 0, 5 * a, runs[pick].first_year);
			size[pole] += isfinite(f) ? f : 0;
		}
	for (int j = 0; j < PYR_POLES && rc == MP_OK; j++) {
		int top = -1;
		for (int pole = 0; pole < np; pole++)
			if (size[pole] > 0 && (top < 0 || size[pole] > size[top]))
				top = pole;
		if (top < 0)
			break;
		size[top] = 0;
		rc = pyramid(r, rows, n, top, runs[pick].first_year, runs[pick].last_year, runs[pick].scenario);
	}
	free(size);
	rep__section_close(r);
done:
	free(rows);
	free(runs);
	return rc;
}
