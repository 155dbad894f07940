/* The default world's demography: the derived file data/world/ages.csv (read and
 * written here; built by data/world/build_ages.sh), and the remainder rows' records as
 * the sums of the states they stand for (docs/demography.md, data/world/README.md).
 *
 * Format: UTF-8 CSV, header `ccode,stateabb,key,sex,age,value`, one value a row:
 *   year, source           (sex and age empty)
 *   pop, mig               sex F or M, age 0..100 (100 = 100+)
 *   mx, lc_b               sex F or M, age 0, 1, 5, ..., 100 (abridged)
 *   e0                     sex F or M
 *   tfr, srb, mig_rate     (sex and age empty)
 *   fert                   age 15..49
 * Remainder rows have an empty ccode and are matched by stateabb. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/csv.h"
#include "world/ages_internal.h"

static int abridged_index(int age)
{
	return age == 0 ? 0 : age == 1 ? 1 : age % 5 == 0 && age <= 100 ? age / 5 + 1 : -1;
}

static int abridged_age(int i)
{
	return i == 0 ? 0 : i == 1 ? 1 : 5 * (i - 1);
}

static int find_actor(const mp_world *w, const char *ccode, const char *abb)
{
	if (*ccode)
		return mp_world_find(w, atoi(ccode));
	for (size_t i = 0; i < w->n; i++)
		if (!w->actors[i].ccode && !strcasecmp(w->actors[i].stateabb, abb))
			return (int)i;
	return -1;
}

int mp_world_ages_load(mp_ctx *ctx, const char *path, mp_world *w)
{
	char *shipped = NULL;
	int rc;
	if (!path) {
		if ((rc = mp_data_path(ctx, "world/ages.csv", &shipped)) != MP_OK)
			return rc;
		path = shipped;
		if (access(path, R_OK) != 0) {
			free(shipped);
			return MP_ENOTFOUND; /* no derived file: no demography (not an error) */
		}
	}
	mp_csv csv;
	if ((rc = mp_csv_open(ctx, path, &csv)) != MP_OK) {
		free(shipped);
		return rc;
	}
	mp_actor_demog *d = calloc(w->n ? w->n : 1, sizeof *d);
	static const char *cols[6] = { "ccode", "stateabb", "key", "sex", "age", "value" };
	if (!d) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = mp_csv_next(ctx, &csv)) <= 0) {
		if (rc == 0)
			rc = mp_error_set(ctx, MP_EINPUT, "%s: empty file", path);
		goto done;
	}
	for (int f = 0; f < 6; f++)
		if ((size_t)f >= csv.nfields || strcasecmp(csv.fields[f], cols[f])) {
			rc = mp_error_set(ctx, MP_EINPUT,
					  "%s:1:%d: expected column '%s' (header: ccode,stateabb,key,sex,age,value)",
					  path, f + 1, cols[f]);
			goto done;
		}
	while ((rc = mp_csv_next(ctx, &csv)) == 1) {
		if (csv.nfields != 6) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu: expected 6 fields, got %zu", path, csv.record_line,
					  csv.nfields);
			goto done;
		}
		int i = find_actor(w, csv.fields[0], csv.fields[1]);
		if (i < 0)
			continue; /* an actor this world does not have */
		mp_actor_demog *a = &d[i];
		const char *key = csv.fields[2], *sx = csv.fields[3];
		char *end;
		errno = 0;
		double v = strtod(csv.fields[5], &end);
		if (end == csv.fields[5] || *end || errno == ERANGE || v != v) {
			rc = mp_error_set(ctx, MP_EINPUT, "%s:%zu:%zu: column 'value': expected a number, got \"%s\"",
					  path, csv.record_line, csv.cols[5], csv.fields[5]);
			goto done;
		}
		int x = !strcmp(sx, "M") ? 1 : !strcmp(sx, "F") ? 0 : -1;
		int age = *csv.fields[4] ? atoi(csv.fields[4]) : -1;
		int ok = 1;
		if (!strcmp(key, "year"))
			a->year = (int)v;
		else if (!strcmp(key, "source"))
			a->source = (int)v;
		else if (!strcmp(key, "tfr"))
			a->tfr = v;
		else if (!strcmp(key, "srb"))
			a->srb = v;
		else if (!strcmp(key, "mig_rate"))
			a->mig_rate = v;
		else if (!strcmp(key, "e0") && x >= 0)
			a->e0[x] = v;
		else if ((!strcmp(key, "pop") || !strcmp(key, "mig")) && x >= 0 && age >= 0 && age < MP_DEMOG_AGES)
			(!strcmp(key, "pop") ? a->pop : a->mig)[x][age] = v;
		else if ((!strcmp(key, "mx") || !strcmp(key, "lc_b")) && x >= 0 && abridged_index(age) >= 0)
			(!strcmp(key, "mx") ? a->mx : a->lc_b)[x][abridged_index(age)] = v;
		else if (!strcmp(key, "fert") && age >= MP_DEMOG_FERT_FIRST &&
			 age < MP_DEMOG_FERT_FIRST + MP_DEMOG_FERT_AGES)
			a->fert[age - MP_DEMOG_FERT_FIRST] = v;
		else
			ok = 0;
		if (!ok) {
			rc = mp_error_set(
				ctx, MP_EINPUT,
				"%s:%zu:%zu: expected a key year, source, pop, mig, mx, lc_b, e0, tfr, srb, "
				"mig_rate or fert with its sex (F/M) and age, got \"%s\" sex \"%s\" age \"%s\"",
				path, csv.record_line, csv.cols[2], key, sx, csv.fields[4]);
			goto done;
		}
	}
	if (rc < 0)
		goto done;
	rc = MP_OK;
	free(w->demog);
	w->demog = d;
	d = NULL;
done:
	free(d);
	mp_csv_close(&csv);
	free(shipped);
	return rc;
}

int mp_world_ages_write(mp_ctx *ctx, const mp_world *w, const char *path)
{
	if (!w->demog)
		return mp_error_set(ctx, MP_EINPUT, "the world has no demography to write (import the UN WPP files)");
	size_t len = strlen(path) + 16;
	char *tmp = malloc(len);
	if (!tmp)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	snprintf(tmp, len, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0)
		(void)fchmod(fd, 0644); /* a data file like the others, not mkstemp's 0600 */
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return mp_error_set(ctx, MP_EIO, "%s: cannot create a temporary file beside it", path);
	}
	static const char sxn[2] = { 'F', 'M' };
	fprintf(f, "ccode,stateabb,key,sex,age,value\n");
	for (size_t i = 0; i < w->n; i++) {
		const mp_actor_demog *a = &w->demog[i];
		char id[32];
		if (w->actors[i].ccode)
			snprintf(id, sizeof id, "%d,%s", w->actors[i].ccode, w->actors[i].stateabb);
		else
			snprintf(id, sizeof id, ",%s", w->actors[i].stateabb);
		fprintf(f, "%s,year,,,%d\n%s,source,,,%d\n", id, a->year, id, a->source);
		if (a->source == MP_AGES_NONE)
			continue;
		fprintf(f, "%s,tfr,,,%.6g\n%s,srb,,,%.6g\n%s,mig_rate,,,%.6g\n", id, a->tfr, id, a->srb, id,
			a->mig_rate);
		for (int x = 0; x < 2; x++) {
			fprintf(f, "%s,e0,%c,,%.6g\n", id, sxn[x], a->e0[x]);
			for (int k = 0; k < MP_DEMOG_AGES; k++)
				fprintf(f, "%s,pop,%c,%d,%.7g\n", id, sxn[x], k, a->pop[x][k]);
			for (int k = 0; k < MP_DEMOG_NMX; k++)
				fprintf(f, "%s,mx,%c,%d,%.6g\n", id, sxn[x], abridged_age(k), a->mx[x][k]);
			for (int k = 0; k < MP_DEMOG_NMX; k++)
				fprintf(f, "%s,lc_b,%c,%d,%.6g\n", id, sxn[x], abridged_age(k), a->lc_b[x][k]);
			for (int k = 0; k < MP_DEMOG_AGES; k++)
				fprintf(f, "%s,mig,%c,%d,%.6g\n", id, sxn[x], k, a->mig[x][k]);
		}
		for (int k = 0; k < MP_DEMOG_FERT_AGES; k++)
			fprintf(f, "%s,fert,,%d,%.6g\n", id, MP_DEMOG_FERT_FIRST + k, a->fert[k]);
	}
	int rc = MP_OK;
	if (ferror(f) | (fclose(f) != 0))
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot write", path);
	if (rc == MP_OK && rename(tmp, path) != 0)
		rc = mp_error_set(ctx, MP_EIO, "%s: cannot rename the temporary file into place", path);
	if (rc != MP_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

int mp_world_ages_remainders(mp_ctx *ctx, mp_store *s, const mp_poles *poles, mp_world *w)
{
	if (!w->demog)
		return mp_error_set(ctx, MP_EINPUT, "remainder rows: fill the listed states' demography first");
	mp_world_xwalk x;
	int rc = mp_world__xwalk_load(ctx, s, &x);
	if (rc != MP_OK)
		return rc;
	mp_world_wpp_cache cache;
	mp_world__wpp_cache_init(&cache);
	mp_actor_demog one, sum;
	/* every location of the UN list with a COW code, not listed in w, into the remainder of
	   its pole */
	for (size_t l = 0; l < x.nloc && rc == MP_OK; l++) {
		if (x.loc[l].type != 4)
			continue;
		int cc = mp_world__cow_of_m49(&x, x.loc[l].code);
		if (!cc || mp_world_find(w, cc) >= 0)
			continue;
		int pole = poles ? mp_poles_of(poles, cc, w->year) : MP_POLE_NONE;
		int row = -1;
		for (size_t i = 0; i < w->n; i++)
			if (!w->actors[i].ccode && w->actors[i].pole == pole)
				row = (int)i;
		if (row < 0)
			continue;
		rc = mp_world__wpp_location(ctx, s, &cache, x.loc[l].code, w->year, &one);
		if (rc == MP_ENOTFOUND) {
			rc = MP_OK;
			continue;
		}
		if (rc != MP_OK)
			break;
		sum = w->demog[row];
		mp_world_ages_merge(&sum, &one);
		sum.source = MP_AGES_SUM;
		sum.year = one.year;
		w->demog[row] = sum;
	}
	mp_world__wpp_cache_free(&cache);
	mp_world__xwalk_free(&x);
	return rc;
}
