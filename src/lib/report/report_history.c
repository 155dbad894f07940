/* History section: CINC shares of the leading states and of the poles, concentration and
 * the effective number of poles, year by year from the imported NMC data. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/metrics.h"
#include "report_internal.h"

void rep__history_free(rep *r)
{
	free(r->year);
	free(r->state_cinc);
	free(r->state_ideal);
	free(r->abb);
	free(r->name);
	free(r->pole_share);
	free(r->pole_ideal);
	free(r->con_states);
	free(r->neff_states);
	free(r->con_poles);
	free(r->neff_poles);
	free(r->pole_cls);
}

static double *nans(size_t n)
{
	double *v = malloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; v && i < n; i++)
		v[i] = MP_NA;
	return v;
}

/* One year: capabilities of every member (COW mode for the state series, renormalised
 * shares for poles and concentration, docs/references.md A1-A3). */
static int load_year(rep *r, size_t t, const mp_polarity_opts *popts, double *pcap, double *psum, size_t *pn)
{
	mp_world *w = NULL;
	double *cinc = NULL, *ren = NULL;
	int y = (int)r->year[t];
	int rc = mp_world_from_store_ex(r->ctx, r->s, y, r->o->nmc_version, r->poles, MP_WORLD_NAMES | MP_WORLD_IDEAL,
					&w);
	if (rc != MP_OK)
		return rc;
	size_t np = (size_t)r->npoles;
	if (!r->nmc_source[0])
		snprintf(r->nmc_source, sizeof r->nmc_source, "%s", w->source);
	cinc = malloc((w->n ? w->n : 1) * sizeof *cinc);
	ren = malloc((w->n ? w->n : 1) * sizeof *ren);
	if (!cinc || !ren) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	rc = mp_capabilities(w, NULL, MP_CINC_COW, NULL, cinc);
	if (rc == MP_OK)
		rc = mp_capabilities(w, NULL, MP_CINC_RENORM, NULL, ren);
	if (rc != MP_OK)
		goto done;
	for (size_t p = 0; p <= np; p++)
		pcap[p] = 0;
	for (size_t p = 0; p < np; p++)
		psum[p] = 0, pn[p] = 0;
	int any = 0;
	for (size_t i = 0; i < w->n; i++) {
		const mp_actor *a = &w->actors[i];
		if (a->ccode > 0 && a->ccode < REP_MAX_CCODE) {
			r->state_cinc[t * REP_MAX_CCODE + (size_t)a->ccode] = cinc[i];
			r->state_ideal[t * REP_MAX_CCODE + (size_t)a->ccode] = a->ideal_point;
			memcpy(r->abb[a->ccode], a->stateabb, sizeof r->abb[0]);
			r->abb[a->ccode][sizeof r->abb[0] - 1] = '\0';
			snprintf(r->name[a->ccode], sizeof r->name[0], "%s", a->name);
		}
		if (!isfinite(ren[i]))
			continue;
		any = 1;
		if (a->pole >= 0 && (size_t)a->pole < np) {
			pcap[a->pole] += ren[i];
			if (isfinite(a->ideal_point)) {
				psum[a->pole] += a->ideal_point;
				pn[a->pole]++;
			}
		} else
			pcap[np] += ren[i];
	}
	for (size_t p = 0; p <= np; p++)
		r->pole_share[t * (np + 1) + p] = any ? pcap[p] : MP_NA;
	for (size_t p = 0; p < np; p++)
		r->pole_ideal[t * np + p] = pn[p] ? psum[p] / (double)pn[p] : MP_NA;
	if (!any)
		goto done;
	/* concentration over all member states, and over the poles (states without a pole are
	 * left out of the pole figures: a pole is a group, docs/references.md A3) */
	mp_polarity pol;
	if ((rc = mp_polarity_compute(r->ctx, ren, w->n, popts, &pol)) != MP_OK)
		goto done;
	r->con_states[t] = pol.con;
	r->neff_states[t] = pol.n_eff;
	int pany = 0;
	for (size_t p = 0; p < np; p++) {
		if (!(pcap[p] > 0))
			pcap[p] = MP_NA; /* a pole without members that year is not a unit */
		else
			pany = 1;
	}
	if (pany) {
		if ((rc = mp_polarity_compute(r->ctx, pcap, np, popts, &pol)) != MP_OK)
			goto done;
		r->con_poles[t] = pol.con;
		r->neff_poles[t] = pol.n_eff;
		r->pole_cls[t] = pol.cls;
	}
done:
	free(cinc);
	free(ren);
	mp_world_free(w);
	return rc;
}

int rep__history_load(rep *r)
{
	r->total = 4;
	r->npoles = mp_poles_count(r->poles);
	if (!mp_store_has(r->s, "nmc"))
		return MP_OK;
	int first = 0, last = 0;
	int rc = mp_world_store_years(r->ctx, r->s, r->o->nmc_version, &first, &last);
	if (rc != MP_OK)
		return rc;
	if (r->o->first_year > first)
		first = r->o->first_year;
	if (r->o->last_year > 0 && r->o->last_year < last)
		last = r->o->last_year;
	if (first > last)
		return mp_error_set(r->ctx, MP_ERANGE, "report: no NMC data in the years asked for (%d-%d)",
				    r->o->first_year, r->o->last_year);
	size_t ny = (size_t)(last - first + 1), np = (size_t)r->npoles;
	r->first = first;
	r->last = last;
	r->ny = ny;
	r->total += (double)ny;
	r->year = malloc(ny * sizeof *r->year);
	r->state_cinc = nans(ny * REP_MAX_CCODE);
	r->state_ideal = nans(ny * REP_MAX_CCODE);
	r->abb = calloc(REP_MAX_CCODE, sizeof *r->abb);
	r->name = calloc(REP_MAX_CCODE, sizeof *r->name);
	r->pole_share = nans(ny * (np + 1));
	r->pole_ideal = nans(ny * (np ? np : 1));
	r->con_states = nans(ny);
	r->neff_states = nans(ny);
	r->con_poles = nans(ny);
	r->neff_poles = nans(ny);
	r->pole_cls = calloc(ny, sizeof *r->pole_cls);
	double *pcap = malloc((np + 1) * sizeof *pcap);
	double *psum = malloc((np + 1) * sizeof *psum);
	size_t *pn = malloc((np + 1) * sizeof *pn);
	if (!r->year || !r->state_cinc || !r->state_ideal || !r->abb || !r->name || !r->pole_share || !r->pole_ideal ||
	    !r->con_states || !r->neff_states || !r->con_poles || !r->neff_poles || !r->pole_cls || !pcap || !psum ||
	    !pn) {
		rc = mp_error_set(r->ctx, MP_ENOMEM, "report: out of memory");
		goto done;
	}
	mp_polarity_opts popts = MP_POLARITY_OPTS_INIT;
	for (size_t t = 0; t < ny; t++) {
		r->year[t] = first + (int)t;
		if ((rc = load_year(r, t, &popts, pcap, psum, pn)) != MP_OK)
			goto done;
		rep__tick(r);
	}
done:
	free(pcap);
	free(psum);
	free(pn);
	return rc;
}
