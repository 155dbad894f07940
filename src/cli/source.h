/* Where the commands that measure the world get it: the database when it holds NMC data,
 * else the shipped default world (so the tool works before any import). */
#ifndef MP_CLI_SOURCE_H
#define MP_CLI_SOURCE_H

#include "cli.h"
#include "multipolar/poles.h"
#include "multipolar/store.h"
#include "multipolar/world.h"

typedef struct cli_source {
	mp_store *store;      /* NULL: the default world */
	mp_world *deflt;      /* the default world, when used */
	mp_poles *poles;
	const char *version;  /* NMC version, NULL = newest */
	int first, last;      /* years available */
} cli_source;

/* Options shared by the measuring commands (place after cli_common in the struct). */
typedef struct cli_source_opts {
	const char *world;    /* "default" forces the shipped default world */
	const char *poles;    /* a pole membership file replacing the shipped one */
	const char *version;  /* NMC version */
} cli_source_opts;

#define CLI_OPT_SOURCE(type, field)                                                                     \
	{ "world", CLI_STRING, offsetof(type, field.world), "default|FILE",                             \
	  "use the shipped default world (or a file in its format) instead of the database" },           \
	{ "poles", CLI_STRING, offsetof(type, field.poles), "FILE",                                     \
	  "pole membership file (ccode,stateabb,pole,from_year,to_year,rule) replacing the shipped one" }, \
	{ "version", CLI_STRING, offsetof(type, field.version), "V",                                    \
	  "NMC version to use (default: the newest imported)" }

int cli_source_open(mp_ctx *ctx, const cli_common *c, const cli_source_opts *o, cli_source *src);
/* The world of `year` (attrs: MP_WORLD_* joined from the database); ERANGE naming the source's coverage when outside it. */
int cli_source_world(mp_ctx *ctx, cli_source *src, int year, unsigned attrs, mp_world **out);
/* Checks a year range against the source: MP_EUSAGE when from > to, MP_ERANGE naming the
 * source's coverage when outside it. */
int cli_source_check_years(mp_ctx *ctx, const cli_source *src, int from, int to);
void cli_source_close(cli_source *src);

#endif
