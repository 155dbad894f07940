/* The dyads of the shipped default world (data/world/dyads.csv, built by
 * data/world/build_dyads.py from COW contiguity, ATOP, Thompson-Dreyer rivalries and GML
 * MIDs; docs/conflict.md, "The default world") for a run without a store: defence pacts,
 * rivalries and land contiguity into the blackboard, contiguity types and last MID years
 * into the conflict mechanism's start state. Pairs the file does not list have none. */
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"
#include "util/csv.h"

static int field_num(const char *f, double *v)
{
	char *end;
	if (!*f) {
		*v = MP_NA;
		return 1;
	}
	*v = strtod(f, &end);
	return *end == '\0' && isfinite(*v);
}

int mp_sim__default_dyads(mp_ctx *ctx, mp_sim *s)
{
	const size_t n = s->n, nn = n * n;
	for (size_t k = 0; k < nn; k++) {
		s->init_conttype[k] = s->init_lastmid[k] = s->init_war[k] = MP_NA;
		s->ally[k] = s->rivalry[k] = 0;
	}
	char *path = NULL;
	if (mp_data_path(NULL, "world/dyads.csv", &path) != MP_OK)
		return MP_OK; /* an installation without the file: no dyad data, as before */
	mp_csv csv;
	int rc = mp_csv_open(ctx, path, &csv);
	if (rc != MP_OK) {
		free(path);
		return rc;
	}
	int header = 1, got;
	int used = 0;
	while ((got = mp_csv_next(ctx, &csv)) == 1) {
		if (header) {
			header = 0;
			if (csv.nfields != 6 || strcmp(csv.fields[0], "ccode1") || strcmp(csv.fields[5], "last_mid")) {
				rc = mp_error_set(ctx, MP_EINPUT,
						  "%s:1:1: expected the header "
						  "ccode1,ccode2,conttype,defense,rivalry,last_mid",
						  path);
				break;
			}
			continue;
		}
		double v[6];
		int ok = csv.nfields == 6;
		for (size_t f = 0; ok && f < 6; f++)
			ok = field_num(csv.fields[f], &v[f]);
		if (!ok) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:1: expected 6 numbers (empty = none)", path,
					  csv.record_line);
			break;
		}
		int i = mp_world_find(s->w, (int)v[0]), j = mp_world_find(s->w, (int)v[1]);
		if (i < 0 || j < 0 || i == j)
			continue;
		size_t a = (size_t)i * n + (size_t)j, b = (size_t)j * n + (size_t)i;
		s->init_conttype[a] = s->init_conttype[b] = v[2];
		s->init_lastmid[a] = s->init_lastmid[b] = v[5];
		s->ally[a] = s->ally[b] = v[3] > 0;
		s->rivalry[a] = s->rivalry[b] = v[4] > 0;
		used = 1;
	}
	if (got < 0)
		rc = got;
	/* land contiguity (the gravity term) from the data instead of the capitals proxy */
	if (rc == MP_OK && used)
		for (size_t k = 0; k < nn; k++)
			s->contig[k] = s->init_conttype[k] == 1.0;
	mp_csv_close(&csv);
	free(path);
	return rc;
}
