/* The report's roll-call agreement chart (docs/panels.md section 4): Voeten's agreement index
 * of China with Russia, with the West (the pole's mean position) and with the US, year by
 * year over the imported UN roll calls. */
#include <stdlib.h>
#include <string.h>

#include "multipolar/relations.h"
#include "report_internal.h"

#define CHN 710

/* The members of pole p among the year's voters into out (capacity v->nstates). */
static size_t pole_members(const rep *r, const mp_world_votes *v, int p, int *out)
{
	size_t k = 0;
	for (size_t i = 0; i < v->nstates; i++)
		if (mp_poles_of(r->poles, v->ccode[i], v->year) == p)
			out[k++] = v->ccode[i];
	return k;
}

int rep__rel_votes(rep *r)
{
	int first, last;
	if (!mp_store_has(r->s, "un_votes") || mp_world_votes_years(NULL, r->s, &first, &last) != MP_OK)
		return MP_OK; /* no roll calls imported: the ideal-point chart stands alone */
	size_t ny = (size_t)(last - first + 1);
	double *x = malloc(ny * sizeof *x), *y = malloc(3 * ny * sizeof *y);
	int *members = NULL;
	int rc = x && y ? MP_OK : mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
	int west = r->poles ? mp_poles_find(r->poles, "West") : MP_POLE_NONE;
	for (size_t t = 0; rc == MP_OK && t < ny; t++) {
		x[t] = first + (double)t;
		y[t] = y[ny + t] = y[2 * ny + t] = MP_NA;
		mp_world_votes *v = NULL;
		if ((rc = mp_world_votes_load(r->ctx, r->s, first + (int)t, &v)) != MP_OK)
			break;
		free(members);
		members = malloc((v->nstates + 1) * sizeof *members);
		if (!members) {
			mp_world_votes_free(v);
			rc = mp_error_set(r->ctx, MP_ENOMEM, "out of memory");
			break;
		}
		if (v->ncalls < 10) { /* a year of a few roll calls (the data end in January 2020) */
			mp_world_votes_free(v);
			continue;
		}
		const int chn = CHN, rus = 365, usa = 2;
		mp_rel_agree a;
		size_t nw = west != MP_POLE_NONE ? pole_members(r, v, west, members) : 0;
		if (mp_rel_rollcall_dyad(v, &chn, 1, &rus, 1, 0, &a) == MP_OK && a.n > 0)
			y[t] = a.agree;
		if (nw && mp_rel_rollcall_dyad(v, &chn, 1, members, nw, 0, &a) == MP_OK && a.n > 0)
			y[ny + t] = a.agree;
		if (mp_rel_rollcall_dyad(v, &chn, 1, &usa, 1, 0, &a) == MP_OK && a.n > 0)
			y[2 * ny + t] = a.agree;
		mp_world_votes_free(v);
	}
	if (rc == MP_OK) {
		mp_series s[3] = { { "China / Russia", ny, x, y, MP_CHART_SOLID, 0 },
				   { "China / West (mean of the pole's members)", ny, x, y + ny, MP_CHART_SOLID, 0 },
				   { "China / United States", ny, x, y + 2 * ny, MP_CHART_DASHED, 0 } };
		mp_chart_opts o = MP_CHART_OPTS_INIT;
		o.id = "rel-agree";
		o.title = "Agreement in UN General Assembly roll calls";
		o.y_label = "Voeten's agreement index (1 same vote, 0.5 one abstains, 0 opposite)";
		o.x_label = "year";
		o.source = "UN roll-call votes (Voeten, Strezhnev & Bailey 2009; R package unvotes), as imported";
		o.note = "China's seat is held by the People's Republic from 1971; earlier years, and years with fewer "
			 "than 10 roll calls, are blank. The West is the shipped pole table's; its position on a roll "
			 "call is its members' mean vote.";
		o.y_min = 0;
		o.y_max = 1;
		o.y_digits = 3;
		rc = mp_chart_line(r->ctx, r->f, &o, s, 3);
	}
	free(members);
	free(x);
	free(y);
	return rc;
}
