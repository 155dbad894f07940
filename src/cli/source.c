/* Where the world comes from (source.h, docs/cli.md). */
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_start_parse(mp_ctx *ctx, const char *s, int *year)
{
	*year = 0;
	if (!s || !strcmp(s, "latest"))
		return MP_OK;
	if (!strcmp(s, "default")) {
		*year = -1;
		return MP_OK;
	}
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end)
		return mp_error_set(ctx, MP_EUSAGE,
				    "--start expects a year, 'default' (the shipped world) or 'latest', not '%s'", s);
	if (v < CLI_YEAR_MIN || v > CLI_YEAR_MAX)
		return mp_error_set(ctx, MP_EUSAGE, "--start %ld is outside %d-%d", v, CLI_YEAR_MIN, CLI_YEAR_MAX);
	*year = (int)v;
	return MP_OK;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The message of a year no source has. */
static int no_world(mp_ctx *ctx, const cli_source *src, int year)
{
	if (src->db_last && !src->only_shipped)
		return mp_error_set(ctx, MP_ERANGE, "no world for %d: %s covers %d-%d and %s is %d", year,
				    src->db_label, src->db_first, src->db_last, src->shipped_label, src->shipped->year);
	if (src->only_shipped)
		return mp_error_set(ctx, MP_ERANGE,
				    "no world for %d: %s covers only %d (drop --start default or --world "
				    "to use the database)",
				    year, src->shipped_label, src->shipped->year);
	return mp_error_set(ctx, MP_ERANGE,
			    "no world for %d: %s covers only %d; import COW NMC data for other years "
			    "(multipolar import NMC-60-abridged.csv)",
			    year, src->shipped_label, src->shipped->year);
}

int cli_source_open(mp_ctx *ctx, const cli_common *c, const cli_source_opts *o, cli_source *src)
{
	int rc, want;
	memset(src, 0, sizeof *src);
	src->version = o->version;
	if ((rc = cli_start_parse(ctx, o->start, &want)) != MP_OK)
		return rc;
	const char *file = o->world && strcmp(o->world, "default") ? o->world : NULL;
	src->only_shipped = want < 0 || o->world;
	if (src->only_shipped && o->version)
		return mp_error_set(ctx, MP_EUSAGE, "--nmc-version picks the database's NMC data; it cannot go with %s",
				    o->world ? "--world" : "--start default");
	if ((rc = mp_poles_load(ctx, o->poles, &src->poles)) != MP_OK)
		return rc;
	if ((rc = mp_world_load_default(ctx, file, src->poles, &src->shipped)) != MP_OK)
		goto fail;
	if (file)
		snprintf(src->shipped_label, sizeof src->shipped_label, "the world file %s", file);
	else
		snprintf(src->shipped_label, sizeof src->shipped_label,
			 "the shipped default world (data/world/world.csv)");
	/* the database: when named, or present; its NMC data when it holds them */
	const char *db = cli_db_path(c);
	struct stat st;
	if (!src->only_shipped && stat(db, &st) == 0) {
		if ((rc = mp_store_open(ctx, db, MP_STORE_READONLY, &src->store)) != MP_OK)
			goto fail;
		if (mp_store_has(src->store, "nmc")) {
			rc = mp_world_store_years(ctx, src->store, o->version, &src->db_first, &src->db_last);
			if (rc != MP_OK)
				goto fail;
			mp_dataset_info d;
			if ((rc = mp_store_dataset_pick(ctx, src->store, "nmc", o->version, &d)) != MP_OK)
				goto fail;
			snprintf(src->db_label, sizeof src->db_label, "NMC %s in %s", d.version, base(db));
		}
	}
	if (o->version && !src->db_last) {
		rc = mp_error_set(ctx, MP_ENOTFOUND,
				  "--nmc-version %s: %s holds no NMC data (import it with "
				  "'multipolar import NMC-60-abridged.csv')",
				  o->version, db);
		goto fail;
	}
	if ((c->db && *c->db) && stat(db, &st) != 0 && !src->only_shipped) {
		rc = mp_error_set(ctx, MP_ENOTFOUND,
				  "--db %s: no such database (import data first: 'multipolar import FILE', "
				  "or leave out --db for the shipped default world)",
				  db);
		goto fail;
	}
	/* --start */
	if (want < 0) {
		src->start = src->shipped->year;
	} else if (want > 0) {
		src->start = want;
		src->start_db = src->db_last && want >= src->db_first && want <= src->db_last;
		if (!src->start_db && want != src->shipped->year) {
			rc = no_world(ctx, src, want);
			goto fail;
		}
	} else if (src->db_last && src->db_last >= src->shipped->year) {
		src->start = src->db_last;
		src->start_db = 1;
	} else
		src->start = src->shipped->year;
	return MP_OK;
fail:
	cli_source_close(src);
	return rc;
}

int cli_source_world(mp_ctx *ctx, cli_source *src, int year, unsigned attrs, mp_world **out)
{
	if (!src->only_shipped && src->db_last && year >= src->db_first && year <= src->db_last)
		return mp_world_from_store_ex(ctx, src->store, year, src->version, src->poles, attrs, out);
	if (year == src->shipped->year)
		return mp_world_clone(src->shipped, out);
	return no_world(ctx, src, year);
}

int cli_source_range(mp_ctx *ctx, const cli_common *c, const cli_source *src, int *from, int *to)
{
	int use_db = !src->only_shipped && src->db_last;
	int first = use_db ? src->db_first : src->shipped->year, last = use_db ? src->db_last : src->shipped->year;
	int f = *from ? *from : first, t = *to ? *to : last;
	/* --from of the shipped world's year, past the database's years: that year alone */
	if (use_db && *from && !*to && f == src->shipped->year && f > last)
		t = f;
	if (*from && *to && *from > *to)
		return mp_error_set(ctx, MP_EUSAGE, "--from %d is after --to %d", *from, *to);
	if (f < CLI_YEAR_MIN || t > CLI_YEAR_MAX)
		return mp_error_set(ctx, MP_EUSAGE, "years %d-%d: years are %d-%d", f, t, CLI_YEAR_MIN, CLI_YEAR_MAX);
	/* the shipped world's own year is served after the database's years (--year 2023) */
	if (use_db && f == t && f == src->shipped->year && (f < first || f > last)) {
		*from = *to = f;
		return MP_OK;
	}
	if (*from && !*to && f > t)
		return mp_error_set(ctx, MP_ERANGE, "--from %d is after the data: %s covers %d-%d", f,
				    use_db ? src->db_label : src->shipped_label, first, last);
	if (*to && !*from && t < first)
		return mp_error_set(ctx, MP_ERANGE, "--to %d is before the data: %s covers %d-%d", t,
				    use_db ? src->db_label : src->shipped_label, first, last);
	if (t < first || f > last) {
		if (use_db)
			return mp_error_set(ctx, MP_ERANGE,
					    "years %d-%d are outside the data: %s covers %d-%d (and %s is %d)", f, t,
					    src->db_label, first, last, src->shipped_label, src->shipped->year);
		return no_world(ctx, src, f < first || f > last ? f : t);
	}
	if (f < first || t > last) {
		char a[32] = "", b[32] = "";
		if (f < first)
			snprintf(a, sizeof a, "%d-%d", f, first - 1);
		if (t > last)
			snprintf(b, sizeof b, "%d-%d", last + 1, t);
		cli_note(c, "%s covers %d-%d: years %s%s%s are left out", use_db ? src->db_label : src->shipped_label,
			 first, last, a, *a && *b ? " and " : "", b);
		f = f < first ? first : f;
		t = t > last ? last : t;
	}
	*from = f;
	*to = t;
	return MP_OK;
}

const char *cli_source_about(const cli_source *src, int from, int to, char *buf, size_t size)
{
	char years[32];
	if (from == to)
		snprintf(years, sizeof years, "%d", from);
	else
		snprintf(years, sizeof years, "%d-%d", from, to);
	int db = !src->only_shipped && src->db_last && from >= src->db_first && to <= src->db_last;
	if (db)
		snprintf(buf, size, "World: %s, %s.", src->db_label, years);
	else if (src->db_last && !src->only_shipped)
		snprintf(buf, size, "World: %s, %s (the newest; %s covers %d-%d).", src->shipped_label, years,
			 src->db_label, src->db_first, src->db_last);
	else if (src->store && !src->only_shipped)
		snprintf(buf, size, "World: %s, %s (the database holds no NMC data: import them for other years).",
			 src->shipped_label, years);
	else
		snprintf(buf, size, "World: %s, %s.", src->shipped_label, years);
	return buf;
}

void cli_source_close(cli_source *src)
{
	mp_store_free(src->store);
	mp_world_free(src->shipped);
	mp_poles_free(src->poles);
	memset(src, 0, sizeof *src);
}
