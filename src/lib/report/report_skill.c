/* Forecast skill section: the newest stored evaluation (`multipolar evaluate`, tables
 * eval_run, eval_score, eval_reliability; docs/evaluate.md), pooled over its pool of
 * origins and over states: the model's skill against each baseline by horizon, the
 * coverage of its 50% and 90% bands against nominal, its PIT histograms, and reliability
 * diagrams of the war probabilities. Self-contained: reads the store through q_eval.h
 * and draws with the chart functions (chart.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../store/q_eval.h"
#include "report_internal.h"

#define MAXH 8
#define MAXV 8
#define MAXM 16
#define SKILL_FLOOR (-1.0) /* bars of a skill below -100% stop there (the table has the value) */

typedef struct {
	rep *r;
	const mp_q_eval_run *run;
	const mp_q_eval_score *s;
	size_t n;
	int h[MAXH];
	size_t nh;
	char vars[MAXV][24];
	size_t nv;
} skill;

static double get(const skill *k, const char *var, int h, const char *method, const char *metric)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->s[i].horizon == h && !strcmp(k->s[i].variable, var) && !strcmp(k->s[i].method, method) &&
		    !strcmp(k->s[i].metric, metric))
			return k->s[i].value;
	return MP_NA;
}

static int is_war(const char *v)
{
	return !strcmp(v, "war") || !strcmp(v, "war_onset");
}

/* The score the skill of a method is measured on: Brier for war probabilities, CRPS for
 * distributions (persistence_spread; the war_freq baselines), MAE for point forecasts. */
static const char *main_metric(const char *var, const char *method)
{
	if (is_war(var))
		return "brier";
	if (!strcmp(var, "war_freq") || !strcmp(method, "persistence_spread") || !strncmp(method, "model_without_", 14))
		return "crps";
	return "mae";
}

/* Methods with scores of variable `var` other than the model, in the order of the rows
 * (sorted by name). */
static size_t others(const skill *k, const char *var, const char **m)
{
	size_t n = 0;
	for (size_t i = 0; i < k->n && n < MAXM; i++) {
		if (strcmp(k->s[i].variable, var) || !strcmp(k->s[i].method, "model"))
			continue;
		size_t j = 0;
		while (j < n && strcmp(m[j], k->s[i].method))
			j++;
		if (j == n)
			m[n++] = k->s[i].method;
	}
	return n;
}

static void parse_list(const char *s, char out[][24], size_t max, size_t *n)
{
	*n = 0;
	while (*s && *n < max) {
		size_t len = strcspn(s, ",");
		snprintf(out[*n], 24, "%.*s", (int)(len < 23 ? len : 23), s);
		(*n)++;
		s += len;
		if (*s == ',')
			s++;
	}
}

static int chart_skill(skill *k, const char *var)
{
	const char *m[MAXM];
	size_t nm = others(k, var, m);
	if (!nm)
		return MP_OK;
	char labels_buf[MAXM][64], names_buf[MAXH][32];
	const char *labels[MAXM];
	double y[MAXH][MAXM];
	mp_series s[MAXH];
	int clipped = 0;
	for (size_t j = 0; j < nm; j++) {
		if (!strncmp(m[j], "model_without_", 14))
			snprintf(labels_buf[j], sizeof labels_buf[j], "without %s", m[j] + 14);
		else
			snprintf(labels_buf[j], sizeof labels_buf[j], "%s", m[j]);
		labels[j] = labels_buf[j];
	}
	for (size_t h = 0; h < k->nh; h++) {
		for (size_t j = 0; j < nm; j++) {
			const char *mt = main_metric(var, m[j]);
			double a = get(k, var, k->h[h], "model", mt), b = get(k, var, k->h[h], m[j], mt);
			double v = isfinite(a) && isfinite(b) && b > 0 ? 1.0 - a / b : MP_NA;
			if (v < SKILL_FLOOR) {
				v = SKILL_FLOOR;
				clipped = 1;
			}
			y[h][j] = v;
		}
		snprintf(names_buf[h], sizeof names_buf[h], "%d years", k->h[h]);
		s[h] = (mp_series){ names_buf[h], nm, NULL, y[h], MP_CHART_SOLID, (int)h + 1 };
	}
	char id[64], title[128];
	snprintf(id, sizeof id, "skill-%s", var);
	snprintf(title, sizeof title, "Skill of the model against each baseline: %s", var);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "1 - model score / baseline score (positive: the model is better)";
	o.x_label = "baseline (score)";
	o.source = "multipolar evaluate (table eval_score), pooled over origins and states";
	char note[256];
	snprintf(note, sizeof note, "Scores: %s%s",
		 is_war(var) ? "Brier score"
		 : !strcmp(var, "war_freq")
			 ? "CRPS"
			 : "MAE of the median against point baselines, CRPS against persistence_spread",
		 nm && !strncmp(m[0], "model_without_", 14) ? " (CRPS against an ablation, the model without a "
							      "mechanism: positive when the mechanism adds skill)"
							    : "");
	if (clipped)
		snprintf(note + strlen(note), sizeof note - strlen(note),
			 ". Bars stop at -100%%; the table of scores "
			 "below has every value.");
	o.note = note;
	o.y_percent = 1;
	return mp_chart_bar(k->r->ctx, k->r->f, &o, labels, nm, s, k->nh);
}

static int chart_coverage(skill *k, double level, const char *metric)
{
	const char *labels[MAXV];
	double y[MAXH + 1][MAXV];
	char names[MAXH + 1][32];
	mp_series s[MAXH + 1];
	size_t nc = 0;
	for (size_t v = 0; v < k->nv; v++) {
		if (is_war(k->vars[v]) || !isfinite(get(k, k->vars[v], k->h[k->nh - 1], "model", metric)))
			continue;
		labels[nc] = k->vars[v];
		for (size_t h = 0; h < k->nh; h++)
			y[h][nc] = get(k, k->vars[v], k->h[h], "model", metric);
		y[k->nh][nc] = level;
		nc++;
	}
	if (!nc)
		return MP_OK;
	for (size_t h = 0; h < k->nh; h++) {
		snprintf(names[h], sizeof names[h], "%d years", k->h[h]);
		s[h] = (mp_series){ names[h], nc, NULL, y[h], MP_CHART_SOLID, (int)h + 1 };
	}
	snprintf(names[k->nh], sizeof names[k->nh], "nominal %.0f%%", 100 * level);
	s[k->nh] = (mp_series){ names[k->nh], nc, NULL, y[k->nh], MP_CHART_SOLID, -1 };
	char id[32], title[96];
	snprintf(id, sizeof id, "coverage%.0f", 100 * level);
	snprintf(title, sizeof title, "Coverage of the model's central %.0f%% band", 100 * level);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "share of outcomes inside the band (calibrated: the nominal level)";
	o.x_label = "variable";
	o.source = "multipolar evaluate (table eval_score), pooled over origins and states";
	o.y_percent = 1;
	o.y_min = 0;
	o.y_max = 1;
	return mp_chart_bar(k->r->ctx, k->r->f, &o, labels, nc, s, k->nh + 1);
}

static int chart_pit(skill *k, const char *var, int h)
{
	static const char *const bins[10] = { "0.0-0.1", "0.1-0.2", "0.2-0.3", "0.3-0.4", "0.4-0.5",
					      "0.5-0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0" };
	const char *m[2] = { "model", !strcmp(var, "war_freq") ? "size_logit" : "persistence_spread" };
	double y[3][10];
	mp_series s[3];
	size_t ns = 0;
	for (int j = 0; j < 2; j++) {
		int any = 0;
		for (int b = 0; b < 10; b++) {
			char metric[8];
			snprintf(metric, sizeof metric, "pit%02d", b + 1);
			y[ns][b] = get(k, var, h, m[j], metric);
			any |= isfinite(y[ns][b]);
		}
		if (any) {
			s[ns] = (mp_series){ m[j], 10, NULL, y[ns], MP_CHART_SOLID, j ? 3 : 1 };
			ns++;
		}
	}
	if (!ns)
		return MP_OK;
	for (int b = 0; b < 10; b++)
		y[ns][b] = 0.1;
	s[ns] = (mp_series){ "uniform (calibrated)", 10, NULL, y[ns], MP_CHART_SOLID, -1 };
	char id[64], title[128];
	snprintf(id, sizeof id, "pit-%s-%d", var, h);
	snprintf(title, sizeof title, "PIT histogram: %s at %d years", var, h);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "share of outcomes per PIT bin (U shape: bands too narrow; slope: bias)";
	o.x_label = "PIT bin";
	o.source = "multipolar evaluate (table eval_score, pit01..pit10)";
	o.y_percent = 1;
	return mp_chart_bar(k->r->ctx, k->r->f, &o, bins, 10, s, ns + 1);
}

static int chart_reliability(skill *k, const mp_q_eval_bin *b, size_t nb, const char *var, int h)
{
	static const char *const methods[3] = { "model", "own_rate", "size_logit" };
	double x[4][10], y[4][10], diag[2] = { 0, 1 };
	mp_series s[4];
	size_t ns = 0;
	double pmax = 0;
	for (int j = 0; j < 3; j++) {
		size_t n = 0;
		for (size_t i = 0; i < nb && n < 10; i++)
			if (b[i].horizon == h && !strcmp(b[i].variable, var) && !strcmp(b[i].method, methods[j])) {
				x[ns][n] = b[i].mean_p;
				y[ns][n] = b[i].freq;
				pmax = fmax(pmax, fmax(b[i].mean_p, b[i].freq));
				n++;
			}
		if (n) {
			s[ns] = (mp_series){ methods[j], n, x[ns], y[ns], MP_CHART_SOLID, j + 1 };
			ns++;
		}
	}
	if (!ns)
		return MP_OK;
	double top = pmax > 0 ? fmin(1.0, pmax * 1.05) : 1;
	diag[1] = top;
	s[ns] = (mp_series){ "perfect reliability", 2, diag, diag, MP_CHART_DASHED, -1 };
	char id[64], title[128];
	snprintf(id, sizeof id, "reliability-%s-%d", var, h);
	snprintf(title, sizeof title, "Reliability diagram: %s, yearly forecasts up to %d years ahead", var, h);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = id;
	o.title = title;
	o.y_label = "observed frequency in each bin of forecast probability (on the diagonal: reliable)";
	o.x_label = "mean forecast probability of the bin";
	o.source = "multipolar evaluate (table eval_reliability); COW inter-state wars";
	o.y_min = 0;
	o.y_max = top;
	o.y_percent = 1;
	o.x_digits = 3;
	return mp_chart_line(k->r->ctx, k->r->f, &o, s, ns + 1);
}

/* The pooled scores as a table: variable, horizon, method and every metric. */
static void table(skill *k)
{
	static const char *const metrics[] = { "mae",        "rmse",  "crps",      "coverage50",
					       "coverage90", "brier", "log_score", "auc" };
	FILE *f = k->r->f;
	fputs("<details><summary>Table of pooled scores</summary><div class=\"tw\"><table>\n<thead><tr>"
	      "<th>variable</th><th>horizon</th><th>method</th>",
	      f);
	for (size_t j = 0; j < sizeof metrics / sizeof metrics[0]; j++)
		fprintf(f, "<th>%s</th>", metrics[j]);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t v = 0; v < k->nv; v++)
		for (size_t h = 0; h < k->nh; h++) {
			const char *m[MAXM + 1];
			size_t nm = 1 + others(k, k->vars[v], m + 1);
			m[0] = "model";
			for (size_t j = 0; j < nm; j++) {
				fputs("<tr><th>", f);
				mp_html_escape(f, k->vars[v]);
				fprintf(f, "</th><td>%d</td><td>", k->h[h]);
				mp_html_escape(f, m[j]);
				fputs("</td>", f);
				for (size_t c = 0; c < sizeof metrics / sizeof metrics[0]; c++) {
					double x = get(k, k->vars[v], k->h[h], m[j], metrics[c]);
					if (isfinite(x))
						fprintf(f, "<td>%.5g</td>", x);
					else
						fputs("<td></td>", f);
				}
				fputs("</tr>\n", f);
			}
		}
	fputs("</tbody></table></div></details>\n", f);
}

int rep__skill(rep *r)
{
	mp_q_eval_run run;
	mp_q_eval_score *s = NULL;
	mp_q_eval_bin *b = NULL;
	size_t n = 0, nb = 0;
	int rc = mp_q_eval_latest(r->ctx, r->s, &run);
	rep__section_open(r, "skill", "Forecast skill: the model against baselines");
	if (rc == MP_ENOTFOUND) {
		rep__nodata(r, "No evaluation is stored in this database: run 'multipolar evaluate' (docs/evaluate.md) "
			       "to show the model's forecast skill here.");
		rep__section_close(r);
		return MP_OK;
	}
	if (rc == MP_OK)
		rc = mp_q_eval_pooled(r->ctx, r->s, run.id, &s, &n);
	if (rc == MP_OK)
		rc = mp_q_eval_bins(r->ctx, r->s, run.id, &b, &nb);
	if (rc != MP_OK)
		goto done;
	skill k = { r, &run, s, n, { 0 }, 0, { { 0 } }, 0 };
	char hs[MAXH][24];
	parse_list(run.horizons, hs, MAXH, &k.nh);
	for (size_t h = 0; h < k.nh; h++)
		k.h[h] = atoi(hs[h]);
	parse_list(run.variables, k.vars, MAXV, &k.nv);
	FILE *f = r->f;
	fputs("<p>How well the world model forecasts, started from past years with only the data known then "
	      "(calibrated on data up to each origin), against simple baselines scored on the same cases: the "
	      "newest evaluation stored by 'multipolar evaluate' (run ",
	      f);
	fprintf(f, "%lld, %d ensemble members, seed %lld), pooled over origins %d&#8211;%d and over states. Truth: ",
		(long long)run.id, run.runs, (long long)run.seed, run.pool_from, run.pool_to);
	mp_html_escape(f, run.truth);
	fputs(". Skill is 1 minus the ratio of the model's score to the baseline's (mean absolute error of the "
	      "median for point baselines, CRPS for distributions, Brier score for war probabilities): positive when "
	      "the model is better. Shares are world shares unless named _top; GDP and population are annualised "
	      "log growth rates.</p>\n",
	      f);
	for (size_t v = 0; v < k.nv && rc == MP_OK; v++)
		rc = chart_skill(&k, k.vars[v]);
	if (rc == MP_OK && k.nh)
		rc = chart_coverage(&k, 0.5, "coverage50");
	if (rc == MP_OK && k.nh)
		rc = chart_coverage(&k, 0.9, "coverage90");
	for (size_t v = 0; v < k.nv && rc == MP_OK && k.nh; v++)
		if (!is_war(k.vars[v]))
			rc = chart_pit(&k, k.vars[v], k.h[k.nh - 1]);
	for (size_t v = 0; v < k.nv && rc == MP_OK && k.nh; v++)
		if (is_war(k.vars[v]))
			rc = chart_reliability(&k, b, nb, k.vars[v], k.h[k.nh - 1]);
	if (rc == MP_OK)
		table(&k);
done:
	rep__section_close(r);
	free(s);
	free(b);
	return rc;
}
