/* multipolar help: help on a command, or the whole manual as a man page (generated from
 * the same option tables that parse the arguments). */
#include <string.h>

#include "cli.h"

typedef struct {
	cli_common common;
	int man;
} help_opts;

static const cli_option options[] = {
	{ "man", CLI_FLAG, offsetof(help_opts, man), NULL, "print the manual page (roff) for all commands" },
	CLI_END
};

/* roff-escape: backslashes and leading dots/quotes. */
static void roff(FILE *f, const char *s)
{
	int bol = 1;
	for (; s && *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", f);
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
		bol = *s == '\n';
	}
}

static void man_page(FILE *f, const cli_command *const *cli_commands)
{
	fprintf(f, ".TH MULTIPOLAR 1 \"\" \"multipolar %s\" \"User Commands\"\n", mp_version());
	fprintf(f, ".SH NAME\nmultipolar \\- measure, forecast and simulate a multipolar world order\n");
	fprintf(f, ".SH SYNOPSIS\n.B multipolar\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n");
	fprintf(f, ".SH DESCRIPTION\nmultipolar imports the standard datasets of the field (Correlates of War, ATOP, "
		   "UN General Assembly ideal points, Maddison, SIPRI) into SQLite, measures capabilities, "
		   "polarity and dyadic relations, forecasts negotiations and simulates the world system.\n");
	fprintf(f, ".SH COMMANDS\n");
	for (size_t i = 0; cli_commands[i]; i++) {
		const cli_command *c = cli_commands[i];
		fprintf(f, ".SS \"%s\"\n.B multipolar %s\n", c->name, c->name);
		roff(f, c->usage);
		fprintf(f, "\n.PP\n");
		roff(f, c->summary);
		fprintf(f, ".\n");
		if (c->description && *c->description) {
			fprintf(f, ".PP\n");
			roff(f, c->description);
			fputc('\n', f);
		}
		for (const cli_option *o = c->options; o && o->name; o++) {
			fprintf(f, ".TP\n.B \\-\\-");
			roff(f, o->name);
			if (o->arg) {
				fprintf(f, " \\fI");
				roff(f, o->arg);
				fprintf(f, "\\fR");
			}
			fputc('\n', f);
			roff(f, o->help);
			fputc('\n', f);
		}
		if (c->example && *c->example) {
			fprintf(f, ".PP\nExample:\n.RS\n.nf\n");
			roff(f, c->example);
			fprintf(f, "\n.fi\n.RE\n");
		}
	}
	fprintf(f, ".SH EXIT STATUS\n0 success; 1 runtime failure; 2 usage or input error.\n");
	fprintf(f, ".SH ENVIRONMENT\n.TP\n.B MULTIPOLAR_DB\ndefault database path.\n.TP\n.B MULTIPOLAR_DATA\n"
		   "directory of the shipped data (poles, default world, scenarios).\n");
	fprintf(f, ".SH SEE ALSO\nThe README and docs/ of the multipolar source tree.\n");
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	help_opts *o = vo;
	const cli_command *const *cli_commands = o->common.commands;
	if (o->man) {
		man_page(stdout, o->common.commands);
		return MP_OK;
	}
	if (npos == 0) {
		printf("commands:\n");
		for (size_t i = 0; cli_commands[i]; i++)
			printf("  %-14s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
		return MP_OK;
	}
	for (size_t i = 0; cli_commands[i]; i++)
		if (!strcmp(cli_commands[i]->name, pos[0])) {
			cli_print_help(stdout, cli_commands[i]);
			return MP_OK;
		}
	return mp_error_set(ctx, MP_EUSAGE, "no command named '%s'", pos[0]);
}

const cli_command cli_cmd_help = {
	.name = "help",
	.summary = "help on a command, or the manual page",
	.usage = "[COMMAND] [--man]",
	.description = "Without arguments lists the commands; with a command prints its help.",
	.example = "multipolar help polarity",
	.options = options,
	.opts_size = sizeof(help_opts),
	.run = run,
};
