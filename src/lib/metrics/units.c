/* The units a polarity measure compares: states, major powers, or poles (see metrics.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/metrics.h"

static const char *const set_names[] = { "all", "majors", "poles" };

int mp_unit_set_parse(const char *s, mp_unit_set *out)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, set_names[i])) {
			*out = (mp_unit_set)i;
			return MP_OK;
		}
	return MP_EUSAGE;
}

const char *mp_unit_set_name(mp_unit_set set)
{
	return (unsigned)set < 3 ? set_names[set] : "unknown";
}

void mp_units_clear(mp_units *u)
{
	if (!u)
		return;
	free(u->cap);
	free(u->name);
	free(u->ccode);
	free(u->members);
	memset(u, 0, sizeof *u);
}

static int alloc_units(mp_units *u, size_t n)
{
	u->cap = calloc(n ? n : 1, sizeof *u->cap);
	u->name = calloc(n ? n : 1, sizeof *u->name);
	u->ccode = calloc(n ? n : 1, sizeof *u->ccode);
	u->members = calloc(n ? n : 1, sizeof *u->members);
	return u->cap && u->name && u->ccode && u->members ? MP_OK : MP_ENOMEM;
}

int mp_units_build(mp_ctx *ctx, const mp_world *w, mp_unit_set set, const mp_poles *poles, mp_units *out)
{
	double *cinc = NULL;
	int rc = MP_OK;
	memset(out, 0, sizeof *out);
	if (set == MP_SET_MAJORS && !w->has_majors)
		return mp_error_set(ctx, MP_EINPUT, "major powers are unknown for %s %d (import majors2016.csv)",
				    w->source, w->year);
	if (set == MP_SET_POLES && !poles)
		return mp_error_set(ctx, MP_EUSAGE, "the poles set needs a pole membership table");
	if (!(cinc = malloc((w->n ? w->n : 1) * sizeof *cinc)))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	mp_capabilities(w, NULL, MP_CINC_COW, NULL, cinc);
	if (set == MP_SET_POLES) {
		int np = mp_poles_count(poles);
		if ((rc = alloc_units(out, (size_t)np)) != MP_OK)
			goto done;
		out->n = (size_t)np;
		for (int p = 0; p < np; p++) {
			snprintf(out->name[p], sizeof out->name[p], "%s", mp_poles_name(poles, p));
			out->ccode[p] = -1 - p;
			out->cap[p] = MP_NA;
		}
		for (size_t i = 0; i < w->n; i++) {
			int p = w->actors[i].pole;
			if (p < 0 || p >= np || mp_is_na(cinc[i]))
				continue;
			out->cap[p] = (mp_is_na(out->cap[p]) ? 0.0 : out->cap[p]) + cinc[i];
			out->members[p]++;
		}
		goto done;
	}
	if ((rc = alloc_units(out, w->n)) != MP_OK)
		goto done;
	for (size_t i = 0; i < w->n; i++) {
		if (mp_is_na(cinc[i]) || (set == MP_SET_MAJORS && !w->actors[i].major))
			continue;
		size_t k = out->n++;
		out->cap[k] = cinc[i];
		snprintf(out->name[k], sizeof out->name[k], "%s", w->actors[i].stateabb);
		out->ccode[k] = w->actors[i].ccode;
		out->members[k] = 1;
	}
done:
	free(cinc);
	if (rc != MP_OK) {
		mp_units_clear(out);
		rc = mp_error_set(ctx, rc, "out of memory");
	}
	return rc;
}
