/*
 * The command-line framework: every command is a file src/cli/cmd_<name>.c that defines
 * `const cli_command cli_cmd_<name>` with a declarative option table. The same table
 * parses the arguments, prints --help and generates the man page (single source).
 */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "multipolar/common.h"
#include "multipolar/table.h"

typedef enum {
	CLI_FLAG,    /* int, set to 1 */
	CLI_INT,     /* int */
	CLI_LONG,    /* long long (seeds, counts) */
	CLI_REAL,    /* double */
	CLI_STRING,  /* const char * (borrowed from argv) */
	CLI_STRINGS  /* cli_strv: repeatable, and takes following non-option words */
} cli_opt_type;

typedef struct cli_option {
	const char *name;   /* long name, without "--" */
	cli_opt_type type;
	size_t offset;      /* offsetof(the command's options struct, field) */
	const char *arg;    /* placeholder in help ("Y"), NULL for flags */
	const char *help;
} cli_option;

#define CLI_END { NULL, CLI_FLAG, 0, NULL, NULL }

typedef struct cli_strv {
	const char **v;
	size_t n;
} cli_strv;

/* Options every command shares; a command's options struct starts with this member. */
typedef struct cli_common {
	const char *db;
	const char *format;
	const char *output;
	int quiet;
	mp_format fmt; /* parsed from format */
	/* the command table, NULL-terminated (set by main.c before run: so a command that
	 * lists the others, help, needs no symbol of main.c and calls run one way) */
	const struct cli_command *const *commands;
} cli_common;

#define CLI_OPT_DB { "db", CLI_STRING, offsetof(cli_common, db), "PATH", \
	"SQLite database (default $MULTIPOLAR_DB, else ./multipolar.db)" }
#define CLI_OPT_FORMAT { "format", CLI_STRING, offsetof(cli_common, format), "FMT", \
	"output format: text (default), csv or json" }
#define CLI_OPT_OUTPUT { "output", CLI_STRING, offsetof(cli_common, output), "FILE", \
	"write the result to FILE (atomically) instead of standard output" }
#define CLI_OPT_QUIET { "quiet", CLI_FLAG, offsetof(cli_common, quiet), NULL, \
	"no progress bar or notes on standard error" }

typedef struct cli_command {
	const char *name;
	const char *summary;      /* one line */
	const char *usage;        /* after "multipolar NAME " */
	const char *description;  /* paragraph(s) for --help and the man page */
	const char *example;      /* an example command line */
	const cli_option *options;
	size_t opts_size;         /* sizeof the command's options struct */
	void (*defaults)(void *opts);
	/* Runs the command; positional arguments in pos[0..npos). Returns an MP_* code. */
	int (*run)(mp_ctx *ctx, void *opts, int npos, char **pos);
} cli_command;

/* Prints the help of one command. */
void cli_print_help(FILE *f, const cli_command *cmd);

/* Opens the store named by --db / $MULTIPOLAR_DB / ./multipolar.db. */
const char *cli_db_path(const cli_common *c);

/* Output: standard output, or a temporary file beside --output renamed on success. */
typedef struct cli_out {
	FILE *f;
	char *tmp;
	const char *path;
} cli_out;
int cli_out_open(mp_ctx *ctx, const cli_common *c, cli_out *o);
/* Closes; on rc == MP_OK renames the temporary file into place, else removes it. */
int cli_out_close(mp_ctx *ctx, cli_out *o, int rc);
/* Writes a table in the requested format to the requested output. */
int cli_write_table(mp_ctx *ctx, const cli_common *c, const mp_table *t);

/* Whether to show progress: stderr is a terminal and --quiet was not given. */
int cli_show_progress(const cli_common *c);
/* The terminal progress bar (an mp_progress_fn); userdata is a cli_progress. */
typedef struct cli_progress {
	char task[64];
	double start, last;
} cli_progress;
void cli_progress_bar(void *userdata, const char *task, double done, double total);

#endif
