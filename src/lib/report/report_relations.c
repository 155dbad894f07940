/* Relations section: chosen dyads over time (capability ratio, ideal-point distance) and
 * the camps of the latest year (distances between the poles' mean UN ideal points). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static const mp_report_dyad default_dyads[] = { { 710, 365 }, { 2, 710 } };

static const char *abb(const rep *r, int c, char *buf, size_t size)
{
	if (c > 0 && c < REP_MAX_CCODE && r->abb[c][0])
		snprintf(buf, size, "%s", r->abb[c]);
	else
		snprintf(buf, size, "ccode %d", c);
	return buf;
}

static int dyad_charts(rep *r, const mp_report_dyad *dy, size_t nd)
{
	size_t ny = r->ny;
	int rc = MP_OK;
	double *ratio = malloc(nd * ny * sizeof *ratio), *dist = malloc(nd * ny * sizeof *dist);
	mp_series *s1 = calloc(nd, sizeof *s1), *s2 = calloc(nd, sizeof *s2);
	char(*names)[64] = calloc(nd, sizeof *names);
	if (!ratio || !dist || !s1 || !s2 || !names) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t k = 0; k < nd; k++) {
		int a = dy[k].a, b = dy[k].b;
		if (a <= 0 || a >= REP_MAX_CCODE || b <= 0 || b >= REP_MAX_CCODE || a == b) {
			rc = mp_error_set(r->ctx, MP_EINPUT,
					  "report: dyad %d-%d: expected two different COW codes 1-999", a, b);
			goto done;
		}
		char ba[16], bb[16];
		snprintf(names[k], sizeof names[k], "%s / %s", abb(r, a, ba, sizeof ba), abb(r, b, bb, sizeof bb));
		for (size_t t = 0; t < ny; t++) {
			double ca = r->state_cinc[t * REP_MAX_CCODE + (size_t)a];
			double cb = r->state_cinc[t * REP_MAX_CCODE + (size_t)b];
			/* raw capability ratio cap_a / cap_b (docs/references.md A5; Organski & Kugler 1980
			 * parity band 0.8-1.2) */
			ratio[k * ny + t] = cb > 0 ? ca / cb : MP_NA;
			/* distance of UN ideal points (Bailey, Strezhnev & Voeten 2017), docs/references.md A7 */
			double ia = r->state_ideal[t * REP_MAX_CCODE + (size_t)a];
			double ib = r->state_ideal[t * REP_MAX_CCODE + (size_t)b];
			dist[k * ny + t] = fabs(ia - ib);
		}
		s1[k] = (mp_series){ names[k], ny, r->year, ratio + k * ny, MP_CHART_SOLID, MP_CHART_BY_NAME };
		s2[k] = (mp_series){ names[k], ny, r->year, dist + k * ny, MP_CHART_SOLID, MP_CHART_BY_NAME };
	}
	char src[200];
	snprintf(src, sizeof src, "%s (%s)", r->nmc_source, NMC_SOURCE_CITE);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "rel-ratio";
	o.title = "Capability ratio of the dyads";
	o.y_label = "CINC of the first state / CINC of the second";
	o.x_label = "year";
	o.source = src;
	o.note = "Above 1 the first state is stronger; the grey band, 0.8-1.2, is the parity band of "
		 "power-transition theory (Organski & Kugler 1980).";
	o.band_lo = 0.8;
	o.band_hi = 1.2;
	o.band_label = "parity band 0.8-1.2 (Organski & Kugler 1980)";
	o.y_min = 0;
	o.y_digits = 3;
	if ((rc = mp_chart_line(r->ctx, r->f, &o, s1, nd)) != MP_OK)
		goto done;
	o.id = "rel-ideal";
	o.title = "Distance of UN General Assembly ideal points";
	o.y_label = "absolute difference of ideal points";
	o.source = "UNGA ideal points (Bailey, Strezhnev & Voeten 2017), as imported";
	o.note = "Larger means the two states vote further apart; blank years lack voting data.";
	rc = mp_chart_line(r->ctx, r->f, &o, s2, nd);
done:
	free(ratio);
	free(dist);
	free(s1);
	free(s2);
	free(names);
	return rc;
}

/* Camps: pairwise distance of the poles' mean ideal points in the latest year with voting
 * data, as a heat map. */
static int camps(rep *r)
{
	size_t np = (size_t)r->npoles, t = r->ny;
	while (t > 0) {
		int any = 0;
		for (size_t p = 0; p < np && !any; p++)
			any = isfinite(r->pole_ideal[(t - 1) * np + p]);
		if (any)
			break;
		t--;
	}
	if (t == 0 || np == 0) {
		rep__nodata(r, "No UN General Assembly ideal points are imported, so the camps cannot be shown. "
			       "Import unga_idealpoints_july2025.csv.");
		return MP_OK;
	}
	t--;
	const char **names = calloc(np, sizeof *names);
	double *v = malloc(np * np * sizeof *v);
	size_t *idx = calloc(np, sizeof *idx);
	size_t n = 0;
	int rc = MP_OK;
	if (!names || !v || !idx) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	for (size_t p = 0; p < np; p++)
		if (isfinite(r->pole_ideal[t * np + p])) {
			idx[n] = p;
			names[n++] = mp_poles_name(r->poles, (int)p);
		}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			v[i * n + j] = fabs(r->pole_ideal[t * np + idx[i]] - r->pole_ideal[t * np + idx[j]]);
	char ttl[120];
	snprintf(ttl, sizeof ttl, "Camps in %d: distance between the poles' mean ideal points", (int)r->year[t]);
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "rel-camps";
	o.title = ttl;
	o.y_label = "absolute difference of mean UN ideal points";
	o.x_label = "pole";
	o.source = "UNGA ideal points (Bailey, Strezhnev & Voeten 2017); pole memberships as in the history section";
	o.note = "Light cells: poles that vote alike (one camp); dark cells: poles far apart. A pole's ideal point is "
		 "the unweighted mean of its members' points.";
	o.y_digits = 3;
	rc = mp_chart_heatmap(r->ctx, r->f, &o, names, n, names, n, v, 0, MP_NA);
done:
	free(names);
	free(v);
	free(idx);
	return rc;
}

int rep__relations(rep *r)
{
	rep__section_open(r, "relations", "Relations: dyads and camps");
	if (r->ny == 0) {
		int rc = rep__relations_shipped(r);
		rep__section_close(r);
		return rc;
	}
	const mp_report_dyad *dy = r->o->dyads && r->o->ndyads ? r->o->dyads : default_dyads;
	size_t nd = r->o->dyads && r->o->ndyads ? r->o->ndyads : sizeof default_dyads / sizeof default_dyads[0];
	int rc = dyad_charts(r, dy, nd);
	if (rc == MP_OK)
		rc = rep__rel_votes(r); /* report_votes.c */
	if (rc == MP_OK)
		rc = rep__rel_trade(r, dy, nd);
	if (rc == MP_OK) {
		fputs("<h3>Camps</h3>\n", r->f);
		rc = camps(r);
	}
	if (rc == MP_OK)
		rc = rep__rel_blocs(r);
	rep__section_close(r);
	return rc;
}
