/* Choosing the data source of the measuring commands (see source.h). */
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

int cli_source_open(mp_ctx *ctx, const cli_common *c, const cli_source_opts *o, cli_source *src)
{
	int rc;
	memset(src, 0, sizeof *src);
	src->version = o->version;
	if ((rc = mp_poles_load(ctx, o->poles, &src->poles)) != MP_OK)
		return rc;
	/* the database when named or present; the default world otherwise */
	int use_db = !o->world && ((c->db && *c->db) || (getenv("MULTIPOLAR_DB") && *getenv("MULTIPOLAR_DB")) ||
				   exists(cli_db_path(c)));
	if (use_db) {
		if ((rc = mp_store_open(ctx, cli_db_path(c), MP_STORE_READONLY, &src->store)) != MP_OK)
			goto fail;
		if ((rc = mp_world_store_years(ctx, src->store, o->version, &src->first, &src->last)) != MP_OK) {
			if (rc == MP_ENOTFOUND) {
				char msg[512];
				snprintf(msg, sizeof msg, "%s", mp_error_message(ctx));
				mp_error_set(ctx, rc, "%s; or use --world default for the shipped default world", msg);
			}
			goto fail;
		}
		return MP_OK;
	}
	const char *path = o->world && strcmp(o->world, "default") ? o->world : NULL;
	if ((rc = mp_world_load_default(ctx, path, src->poles, &src->deflt)) != MP_OK)
		goto fail;
	src->first = src->last = src->deflt->year;
	return MP_OK;
fail:
	cli_source_close(src);
	return rc;
}

int cli_source_world(mp_ctx *ctx, cli_source *src, int year, unsigned attrs, mp_world **out)
{
	if (src->store)
		return mp_world_from_store_ex(ctx, src->store, year, src->version, src->poles, attrs, out);
	if (year != src->deflt->year)
		return mp_error_set(ctx, MP_ERANGE,
				    "the %s covers only %d (import COW NMC data for other years: multipolar import FILE)",
				    src->deflt->source, src->deflt->year);
	return mp_world_clone(src->deflt, out);
}

int cli_source_check_years(mp_ctx *ctx, const cli_source *src, int from, int to)
{
	if (from > to)
		return mp_error_set(ctx, MP_EUSAGE, "--from %d is after --to %d", from, to);
	if (from < src->first || to > src->last)
		return mp_error_set(ctx, MP_ERANGE, "years %d-%d are outside the data (%s: %d-%d)", from, to,
				    src->store ? "NMC in the database" : "default world", src->first, src->last);
	return MP_OK;
}

void cli_source_close(cli_source *src)
{
	mp_store_free(src->store);
	mp_world_free(src->deflt);
	mp_poles_free(src->poles);
	memset(src, 0, sizeof *src);
}
