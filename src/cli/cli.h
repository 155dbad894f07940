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
#include "multipolar/output.h"
#include "multipolar/table.h"

typedef enum {
	CLI_FLAG,   /* int, set to 1 */
	CLI_INT,    /* int */
	CLI_LONG,   /* long long (seeds, counts) */
	CLI_REAL,   /* double */
	CLI_STRING, /* const char * (borrowed from argv) */
	CLI_STRINGS /* cli_strv: repeatable, and takes following non-option words */
} cli_opt_type;

typedef struct cli_option {
	const char *name; /* long name, without "--" */
	cli_opt_type type;
	size_t offset;   /* offsetof(the command's options struct, field) */
	const char *arg; /* placeholder in help ("Y"), NULL for flags */
	const char *help;
} cli_option;

#define CLI_END                                                                                                        \
	{                                                                                                              \
		NULL, CLI_FLAG, 0, NULL, NULL                                                                          \
	}

/* One-letter forms of the common options, the same in every command that has the long
 * option: -d --db, -f --format, -o --output, -q --quiet, -n --runs, -s --seed,
 * -j --threads, -y --year (and -h --help everywhere). 0 when `long_name` has none. */
char cli_short_name(const char *long_name);

/* Years the commands accept (--from, --to, --until, --start): the span scenario files
 * accept for their start and horizon. */
#define CLI_YEAR_MIN 1816
#define CLI_YEAR_MAX 2300

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
	int raw;       /* --raw: CSV cells as stored, no formula guard */
	/* the command table, NULL-terminated (set by main.c before run: so a command that
	 * lists the others, help, needs no symbol of main.c and calls run one way) */
	const struct cli_command *const *commands;
} cli_common;

#define CLI_OPT_DB                                                                                                     \
	{                                                                                                              \
		"db", CLI_STRING, offsetof(cli_common, db), "PATH",                                                    \
			"SQLite database (default $MULTIPOLAR_DB, else ./multipolar.db)"                               \
	}
#define CLI_OPT_FORMAT                                                                                                 \
	{ "format", CLI_STRING, offsetof(cli_common, format), "FMT",                                                   \
	  "output format: text (default), csv or json (any case)" },                                                   \
	{                                                                                                              \
		"raw", CLI_FLAG, offsetof(cli_common, raw), NULL,                                                      \
			"CSV: write cells as stored (no ' before text starting with = + - @; docs/output.md)"          \
	}
#define CLI_OPT_OUTPUT                                                                                                 \
	{                                                                                                              \
		"output", CLI_STRING, offsetof(cli_common, output), "FILE",                                            \
			"write the printed table to FILE (atomically) instead of standard output"                      \
	}
#define CLI_OPT_QUIET                                                                                                  \
	{                                                                                                              \
		"quiet", CLI_FLAG, offsetof(cli_common, quiet), NULL, "no progress bar or notes on standard error"     \
	}

typedef struct cli_command {
	const char *name;
	const char *summary;     /* one line */
	const char *usage;       /* after "multipolar NAME " */
	const char *description; /* paragraph(s) for --help and the man page */
	const char *example;     /* an example command line */
	const cli_option *options;
	size_t opts_size; /* sizeof the command's options struct */
	void (*defaults)(void *opts);
	/* Runs the command; positional arguments in pos[0..npos). Returns an MP_* code. */
	int (*run)(mp_ctx *ctx, void *opts, int npos, char **pos);
} cli_command;

/* Prints the help of one command ("docs/NAME.md" shown as the installed path). */
void cli_print_help(FILE *f, const cli_command *cmd);
/* Where the documentation is, written to buf: the copy installed beside the program
 * (PREFIX/share/doc/multipolar for PREFIX/bin/multipolar), else the configured install
 * path, else the source tree's docs/ (a build tree). Returns buf. */
const char *cli_doc_dir(char *buf, size_t size);
/* Writes text with every "docs/" replaced by cli_doc_dir() and a slash. */
void cli_put_doc_text(FILE *f, const char *text);

/* Opens the store named by --db / $MULTIPOLAR_DB / ./multipolar.db. */
const char *cli_db_path(const cli_common *c);
/* MP_EUSAGE when `path` (an output file) is the database file itself, which writing
 * would destroy; `what` names the option ("--output"). */
int cli_check_not_db(mp_ctx *ctx, const cli_common *c, const char *path, const char *what);

/* Output: standard output, or (--output FILE) a temporary file beside FILE renamed on
 * success, with mode 0666 less the umask (multipolar/output.h). */
typedef struct cli_out {
	FILE *f;
	mp_output file; /* when writing to a file */
	int to_file;
} cli_out;
int cli_out_open(mp_ctx *ctx, const cli_common *c, cli_out *o);
/* Closes; on rc == MP_OK renames the temporary file into place, else removes it. */
int cli_out_close(mp_ctx *ctx, cli_out *o, int rc);
/* Writes a table in the requested format to the requested output. */
int cli_write_table(mp_ctx *ctx, const cli_common *c, const mp_table *t);
/* The same, stating what the table was computed from (`about`, one sentence): in text
 * format as a line above the table, in CSV and JSON on standard error as a note (not with
 * --quiet), so the data stay machine-readable. */
int cli_write_table_about(mp_ctx *ctx, const cli_common *c, const mp_table *t, const char *about);
/* Cuts the years [*from, *to] to a dataset's [first, last] (named `what`), with a note for
 * the years left out, as every command does at the edge of its data; MP_EUSAGE when
 * from > to, MP_ERANGE when no year is left. */
int cli_cut_years(mp_ctx *ctx, const cli_common *c, const char *what, int first, int last, int *from, int *to);
/* "note: ..." on standard error unless --quiet. */
void cli_note(const cli_common *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* s with control characters and invalid UTF-8 escaped as \xHH (mp_text_escape), for names
 * and paths printed on the terminal; buf holds the result. */
const char *cli_esc(const char *s, char *buf, size_t size);

/* Whether to show progress: stderr is a terminal and --quiet was not given. */
int cli_show_progress(const cli_common *c);
/* The terminal progress bar (an mp_progress_fn); userdata is a cli_progress. */
typedef struct cli_progress {
	char task[64];
	double start, last;
} cli_progress;
void cli_progress_bar(void *userdata, const char *task, double done, double total);

#endif
