/* Where the world comes from (docs/cli.md, "Where the world comes from"): the one rule
 * every command that measures or simulates the world follows.
 *
 *  - `--start default`: the shipped default world (data/world/world.csv, 2023), or a file
 *    in its format given with --world FILE;
 *  - `--start Y`: the world of year Y from the database's COW NMC data (the shipped world
 *    when Y is its year and the database has no NMC data for Y);
 *  - `--start latest`, the default everywhere: the newest world available: the shipped
 *    world, unless the database's NMC data reach its year or later (then their last year).
 *
 * Years asked for explicitly (--year, --from, --to) are read from the database's NMC data
 * (the shipped world serves its own year); a range reaching past the data is cut to them
 * with a note. A database that exists but holds no NMC data (e.g. one `multipolar run`
 * created) leaves the shipped world in use. Every command states the world it used. */
#ifndef MP_CLI_SOURCE_H
#define MP_CLI_SOURCE_H

#include "cli.h"
#include "multipolar/poles.h"
#include "multipolar/store.h"
#include "multipolar/world.h"

/* Options shared by the measuring commands (place after cli_common in the struct). */
typedef struct cli_source_opts {
	const char *start;   /* a year, "default" or "latest" (NULL = latest) */
	const char *world;   /* a world file in the shipped format; "default" = --start default */
	const char *poles;   /* a pole membership file replacing the shipped one */
	const char *version; /* NMC version (--nmc-version) */
} cli_source_opts;

#define CLI_OPT_START(type, field)                                                                                     \
	{ "start", CLI_STRING, offsetof(type, field.start), "Y|default|latest",                                        \
	  "the world: a year of the database's NMC data, the shipped default world, or the newest "                    \
	  "available (default: latest; docs/cli.md)" },                                                                \
	{                                                                                                              \
		"world", CLI_STRING, offsetof(type, field.world), "FILE",                                              \
			"a world file in the format of the shipped data/world/world.csv (implies --start default)"     \
	}

#define CLI_OPT_SOURCE(type, field)                                                                                    \
	CLI_OPT_START(type, field),                                                                                    \
		{ "poles", CLI_STRING, offsetof(type, field.poles), "FILE",                                            \
		  "pole membership file (ccode,stateabb,pole,from_year,to_year,rule) replacing the shipped one" },     \
	{                                                                                                              \
		"nmc-version", CLI_STRING, offsetof(type, field.version), "V",                                         \
			"NMC dataset version to use, e.g. 6.0 (default: the newest imported)"                          \
	}

typedef struct cli_source {
	mp_store *store;       /* the database when it exists (read-only), else NULL */
	int db_first, db_last; /* its NMC years; 0 when it holds none */
	char db_label[160];    /* "NMC 6.0 in multipolar.db" */
	mp_world *shipped;     /* the shipped default world (or --world FILE) */
	char shipped_label[160];
	mp_poles *poles;
	const char *version;
	int only_shipped; /* --start default or --world FILE */
	int start;        /* the start year: --start resolved */
	int start_db;     /* the start world comes from the database */
} cli_source;

/* Opens the sources and resolves --start. MP_EUSAGE for a malformed --start, MP_ERANGE
 * (naming what the sources cover) for a year no source has. */
int cli_source_open(mp_ctx *ctx, const cli_common *c, const cli_source_opts *o, cli_source *src);
/* The world of `year`: the database's when it covers the year (and --start default was not
 * given), else the shipped world of its year; MP_ERANGE naming both otherwise. */
int cli_source_world(mp_ctx *ctx, cli_source *src, int year, unsigned attrs, mp_world **out);
/* Resolves an explicit range [*from, *to] (0 = open end) against the data: the database's
 * NMC years (or the shipped world's one year). A range reaching past them is cut to them
 * with a note on standard error; MP_EUSAGE when from > to, MP_ERANGE when nothing is left. */
int cli_source_range(mp_ctx *ctx, const cli_common *c, const cli_source *src, int *from, int *to);
/* One sentence naming the world used for years from..to: "World: ...". */
const char *cli_source_about(const cli_source *src, int from, int to, char *buf, size_t size);
/* Parses a --start value: a year in CLI_YEAR_MIN..CLI_YEAR_MAX (*year), "default" (*year = -1)
 * or "latest"/NULL (*year = 0). */
int cli_start_parse(mp_ctx *ctx, const char *s, int *year);
void cli_source_close(cli_source *src);

#endif
