/* The first-run report: a database without COW NMC data (e.g. the one `multipolar run`
 * creates on a fresh machine) has no history, so the History and Relations sections show
 * what the shipped default world (data/world/world.csv, 2023) supports, and say what to
 * import for the rest (docs/report.md, "Before any import"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/metrics.h"
#include "report_internal.h"

#define TOP 10 /* leading states in the snapshot */

/* The shipped world with its CINC (COW mode) and renormalised shares: loaded once. */
typedef struct shipped {
	mp_world *w;
	double *cinc, *share;
} shipped;

static void shipped_free(shipped *sh)
{
	mp_world_free(sh->w);
	free(sh->cinc);
	free(sh->share);
	memset(sh, 0, sizeof *sh);
}

static int shipped_load(rep *r, shipped *sh)
{
	memset(sh, 0, sizeof *sh);
	int rc = mp_world_load_default(r->ctx, NULL, r->poles, &sh->w);
	if (rc != MP_OK)
		return rc;
	size_t n = sh->w->n;
	sh->cinc = malloc((n ? n : 1) * sizeof *sh->cinc);
	sh->share = malloc((n ? n : 1) * sizeof *sh->share);
	if (!sh->cinc || !sh->share) {
		shipped_free(sh);
		return mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
	}
	if ((rc = mp_capabilities(sh->w, NULL, MP_CINC_COW, NULL, sh->cinc)) == MP_OK)
		rc = mp_capabilities(sh->w, NULL, MP_CINC_RENORM, NULL, sh->share);
	if (rc != MP_OK)
		shipped_free(sh);
	return rc;
}

static void source(char *buf, size_t size, const shipped *sh)
{
	snprintf(buf, size,
		 "the shipped default world of %d (data/world/world.csv: the 60 largest economies and one "
		 "remainder row per pole; sources in data/world/SOURCES.md); %s",
		 sh->w->year, NMC_SOURCE_CITE);
}

/* What to import, as a list: the shared files and what each adds to the report. */
static void to_import(rep *r, const char *intro, const char *const *items, size_t n)
{
	FILE *f = r->f;
	fputs("<p class=\"nodata\">", f);
	mp_html_escape(f, intro);
	fputs("</p>\n<ul class=\"sources\">\n", f);
	for (size_t i = 0; i < n; i++) {
		fputs("<li>", f);
		mp_html_escape(f, items[i]);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

/* Leading states by CINC (remainder rows are aggregates, not states). */
static int leaders(const shipped *sh, size_t *idx, size_t max)
{
	size_t k = 0;
	for (size_t pass = 0; pass < max; pass++) {
		size_t best = sh->w->n;
		for (size_t i = 0; i < sh->w->n; i++) {
			if (!sh->w->actors[i].ccode || !isfinite(sh->cinc[i]))
				continue;
			int taken = 0;
			for (size_t j = 0; j < k; j++)
				taken |= idx[j] == i;
			if (!taken && (best == sh->w->n || sh->cinc[i] > sh->cinc[best]))
				best = i;
		}
		if (best == sh->w->n)
			break;
		idx[k++] = best;
	}
	return (int)k;
}

int rep__history_shipped(rep *r)
{
	shipped sh;
	int rc = shipped_load(r, &sh);
	if (rc != MP_OK)
		return rc;
	size_t idx[TOP], np = (size_t)r->npoles;
	int nl = leaders(&sh, idx, TOP);
	const char **labels = calloc(np + 1 > TOP ? np + 1 : TOP, sizeof *labels);
	double *v = calloc(np + 1 > TOP ? np + 1 : TOP, sizeof *v);
	char(*names)[96] = calloc(TOP, sizeof *names);
	double *pcap = calloc(np + 1, sizeof *pcap);
	if (!labels || !v || !names || !pcap) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	char src[400], ttl[160];
	source(src, sizeof src, &sh);
	/* the sentence: leader, N and CON of the states and of the poles, Thompson's class */
	for (size_t i = 0; i < sh.w->n; i++) {
		int p = sh.w->actors[i].pole;
		if (isfinite(sh.share[i]))
			pcap[p >= 0 && (size_t)p < np ? (size_t)p : np] += sh.share[i];
	}
	mp_polarity_opts popts = MP_POLARITY_OPTS_INIT;
	mp_polarity st, po;
	if ((rc = mp_polarity_compute(r->ctx, sh.share, sh.w->n, &popts, &st)) != MP_OK ||
	    (rc = mp_polarity_compute(r->ctx, pcap, np, &popts, &po)) != MP_OK)
		goto done;
	fprintf(r->f,
		"<p>No COW National Material Capabilities data is imported, so there is no history yet. What "
		"the shipped default world of %d supports is shown instead: ",
		sh.w->year);
	if (nl > 0) {
		fputs("the largest CINC share is held by ", r->f);
		mp_html_escape(r->f, sh.w->actors[idx[0]].name);
		fprintf(r->f, " (%.1f%%); ", 100 * sh.cinc[idx[0]]);
	}
	fprintf(r->f,
		"the effective number of poles (Laakso &amp; Taagepera 1979) is %.2f, which Thompson's (1986) "
		"share rule classes as <strong>",
		po.n_eff);
	mp_html_escape(r->f, po.cls);
	fprintf(r->f, "</strong>; concentration among all its units (CON, Ray &amp; Singer 1973) is %.3f.</p>\n",
		st.con);
	for (int k = 0; k < nl; k++) {
		const mp_actor *a = &sh.w->actors[idx[k]];
		snprintf(names[k], sizeof names[k], "%s (%s)", a->name, a->stateabb);
		labels[k] = names[k];
		v[k] = sh.cinc[idx[k]];
	}
	mp_series s = { "CINC share", (size_t)nl, NULL, v, MP_CHART_SOLID, 1 };
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	snprintf(ttl, sizeof ttl, "CINC shares of the leading states in %d (shipped default world)", sh.w->year);
	o.id = "hist-shipped-states";
	o.title = ttl;
	o.y_label = "share of world capabilities";
	o.x_label = "state";
	o.source = src;
	o.y_percent = 1;
	if ((rc = mp_chart_bar(r->ctx, r->f, &o, labels, (size_t)nl, &s, 1)) != MP_OK)
		goto done;
	size_t nb = 0;
	for (size_t p = 0; p <= np; p++)
		if (pcap[p] > 0) {
			labels[nb] = p < np ? mp_poles_name(r->poles, (int)p) : "no pole";
			v[nb++] = pcap[p];
		}
	mp_series ps = { "share", nb, NULL, v, MP_CHART_SOLID, 1 };
	snprintf(ttl, sizeof ttl, "Capability shares of the poles in %d (shipped default world)", sh.w->year);
	o.id = "hist-shipped-poles";
	o.title = ttl;
	o.y_label = "share of world CINC, renormalised to sum to 1";
	o.x_label = "pole";
	o.note = "A pole's share is the sum of its members' shares; each pole's smaller members are one remainder row "
		 "of the shipped world.";
	if ((rc = mp_chart_bar(r->ctx, r->f, &o, labels, nb, &ps, 1)) != MP_OK)
		goto done;
	static const char *const items[] = {
		"NMC-60-abridged.csv (COW National Material Capabilities 6.0): CINC shares, concentration and the "
		"effective number of poles of every year since 1816, and the observed history under each forecast",
		"states2016.csv and majors2016.csv (COW state system and major powers): names, system members, the "
		"major-power set",
		"Or a whole folder at once: multipolar import ../shared/data/ (files that are not datasets are skipped)",
	};
	to_import(r, "For the history, import the COW data (then write the report again):", items,
		  sizeof items / sizeof items[0]);
done:
	free(labels);
	free(v);
	free(names);
	free(pcap);
	shipped_free(&sh);
	return rc;
}

int rep__relations_shipped(rep *r)
{
	shipped sh;
	int rc = shipped_load(r, &sh);
	if (rc != MP_OK)
		return rc;
	size_t np = (size_t)r->npoles;
	double *sum = calloc(np + 1, sizeof *sum), *v = calloc((np + 1) * (np + 1), sizeof *v);
	size_t *cnt = calloc(np + 1, sizeof *cnt), *idx = calloc(np + 1, sizeof *idx);
	const char **names = calloc(np + 1, sizeof *names);
	if (!sum || !v || !cnt || !idx || !names) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	/* capability ratios of the default dyads (Organski & Kugler 1980 parity band) */
	static const struct {
		const char *a, *b;
	} dy[] = { { "CHN", "RUS" }, { "USA", "CHN" } };
	fprintf(r->f, "<p>In the shipped default world of %d:", sh.w->year);
	for (size_t k = 0; k < sizeof dy / sizeof dy[0]; k++) {
		int ia = mp_world_find_name(sh.w, dy[k].a), ib = mp_world_find_name(sh.w, dy[k].b);
		if (ia < 0 || ib < 0 || !(sh.cinc[ib] > 0))
			continue;
		double ratio = sh.cinc[ia] / sh.cinc[ib];
		fprintf(r->f,
			" the CINC of %s is %.2f times that of %s (%s the 0.8&#8211;1.2 parity band of "
			"power-transition theory);",
			dy[k].a, ratio, dy[k].b, ratio >= 0.8 && ratio <= 1.2 ? "inside" : "outside");
	}
	fputs(" the camps below are from its UN ideal points.</p>\n", r->f);
	for (size_t i = 0; i < sh.w->n; i++) {
		int p = sh.w->actors[i].pole;
		if (p >= 0 && (size_t)p < np && isfinite(sh.w->actors[i].ideal_point)) {
			sum[p] += sh.w->actors[i].ideal_point;
			cnt[p]++;
		}
	}
	size_t n = 0;
	for (size_t p = 0; p < np; p++)
		if (cnt[p]) {
			idx[n] = p;
			names[n++] = mp_poles_name(r->poles, (int)p);
		}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			v[i * n + j] = fabs(sum[idx[i]] / (double)cnt[idx[i]] - sum[idx[j]] / (double)cnt[idx[j]]);
	char ttl[160];
	snprintf(ttl, sizeof ttl, "Camps in %d: distance between the poles' mean ideal points (shipped default world)",
		 sh.w->year);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "rel-shipped-camps";
	o.title = ttl;
	o.y_label = "absolute difference of mean UN ideal points";
	o.x_label = "pole";
	o.source =
		"UNGA ideal points (Bailey, Strezhnev & Voeten 2017) in the shipped default world (data/world/SOURCES.md)";
	o.note = "Light cells: poles that vote alike; dark cells: poles far apart. A pole's point is the unweighted mean "
		 "of its rows in the shipped world (the 60 largest economies and a remainder row per pole).";
	o.y_digits = 3;
	if (n >= 2 && (rc = mp_chart_heatmap(r->ctx, r->f, &o, names, n, names, n, v, 0, MP_NA)) != MP_OK)
		goto done;
	static const char *const items[] = {
		"NMC-60-abridged.csv: capability ratios of any dyad in every year (the chart of the dyads over time)",
		"unga_idealpoints_july2025.csv: ideal-point distances since 1946 and the camps of any year",
		"cow_trade_dyadic_4.0_ndy.csv and National_COW_4.0.csv: trade dependence, both ways",
		"atop5.1_dyad_year.csv: alliance ties for the voting and alliance blocs",
	};
	to_import(r, "For the relations over time, import:", items, sizeof items / sizeof items[0]);
done:
	free(sum);
	free(v);
	free(cnt);
	free(idx);
	free(names);
	shipped_free(&sh);
	return rc;
}
