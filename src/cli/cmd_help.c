/* multipolar help: help on a command, or the whole manual as a man page (generated from
 * the same option tables that parse the arguments). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
	cli_common common;
	int man;
} help_opts;

static const cli_option options[] = {
	{ "man", CLI_FLAG, offsetof(help_opts, man), NULL, "print the manual page (roff) for all commands" }, CLI_END
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

/* roff text with "docs/" shown as the installed documentation's path. */
static void roff_doc(FILE *f, const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m) {
		roff(f, s);
		return;
	}
	for (const char *p = s; *p;) {
		const char *d = strstr(p, "docs/");
		if (!d) {
			fputs(p, m);
			break;
		}
		fwrite(p, 1, (size_t)(d - p), m);
		fputs(MP_INSTALL_DOCDIR "/", m);
		p = d + 5;
	}
	fclose(m);
	roff(f, buf);
	free(buf);
}

static void man_page(FILE *f, const cli_command *const *cli_commands)
{
	fprintf(f, ".TH MULTIPOLAR 1 \"\" \"multipolar %s\" \"User Commands\"\n", mp_version());
	fprintf(f, ".SH NAME\nmultipolar \\- measure, forecast and simulate a multipolar world order\n");
	fprintf(f, ".SH SYNOPSIS\n.B multipolar\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n");
	fprintf(f, ".SH DESCRIPTION\nmultipolar imports the standard datasets of the field (Correlates of War, ATOP, "
		   "UN General Assembly ideal points, Maddison, SIPRI) into SQLite, measures capabilities, "
		   "polarity and dyadic relations, forecasts negotiations and simulates the world system.\n");
	fprintf(f, ".PP\nThe world the measuring and simulating commands use is chosen by \\fB\\-\\-start\\fR: a "
		   "year of the database's COW NMC data, \\fBdefault\\fR (the shipped default world of 2023), or "
		   "\\fBlatest\\fR, the default everywhere: the newest world available, which is the shipped "
		   "world unless the database's NMC data reach its year. Each command states the world it used.\n");
	fprintf(f, ".PP\nThe common options have one-letter forms, the same in every command: "
		   "\\fB\\-d\\fR \\-\\-db, \\fB\\-f\\fR \\-\\-format, \\fB\\-o\\fR \\-\\-output, "
		   "\\fB\\-q\\fR \\-\\-quiet, \\fB\\-n\\fR \\-\\-runs, \\fB\\-s\\fR \\-\\-seed, "
		   "\\fB\\-j\\fR \\-\\-threads, \\fB\\-y\\fR \\-\\-year, \\fB\\-h\\fR \\-\\-help. "
		   "\\fB\\-\\-output\\fR always names the file for the printed table.\n");
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
			roff_doc(f, c->description);
			fputc('\n', f);
		}
		for (const cli_option *o = c->options; o && o->name; o++) {
			fprintf(f, ".TP\n.B ");
			if (cli_short_name(o->name))
				fprintf(f, "\\-%c, ", cli_short_name(o->name));
			fprintf(f, "\\-\\-");
			roff(f, o->name);
			if (o->arg) {
				fprintf(f, " \\fI");
				roff(f, o->arg);
				fprintf(f, "\\fR");
			}
			fputc('\n', f);
			roff_doc(f, o->help);
			fputc('\n', f);
		}
	}
	fprintf(f, ".SH EXAMPLES\n");
	fprintf(f, "A first session: the shipped world, then the shared datasets, then the main job.\n.PP\n.nf\n.RS\n");
	static const char *const session[] = {
		"multipolar capabilities --top 10            # the shipped default world (2023)",
		"multipolar import ../shared/data/           # the datasets of a folder, into ./multipolar.db",
		"multipolar polarity --set majors --from 1946",
		"multipolar run                              # baseline and four scenarios to 2050, and the report",
		"multipolar report -o report.html",
	};
	for (size_t i = 0; i < sizeof session / sizeof session[0]; i++) {
		roff(f, session[i]);
		fputc('\n', f);
	}
	fprintf(f, ".RE\n.fi\n.PP\nOne example per command:\n.PP\n.nf\n.RS\n");
	for (size_t i = 0; cli_commands[i]; i++)
		if (cli_commands[i]->example && *cli_commands[i]->example) {
			roff(f, cli_commands[i]->example);
			fputc('\n', f);
		}
	fprintf(f, ".RE\n.fi\n");
	fprintf(f, ".SH EXIT STATUS\n0 success; 1 runtime failure; 2 usage or input error.\n");
	fprintf(f,
		".SH ENVIRONMENT\n"
		".TP\n.B MULTIPOLAR_DB\nthe database used without \\fB\\-\\-db\\fR (default ./multipolar.db).\n"
		".TP\n.B MULTIPOLAR_DATA\ndirectory of the shipped data (poles, default world, scenarios, the shipped "
		"calibration), instead of the installed copy.\n"
		".TP\n.B OMP_NUM_THREADS\nthreads of an ensemble when \\fB\\-\\-threads\\fR is not given (OpenMP).\n");
	/* the installed layout: this page is installed with the program */
	fprintf(f, ".SH FILES\n"
		   ".TP\n.I ./multipolar.db\nthe default database (SQLite): imported datasets with their provenance, "
		   "stored simulations, negotiations and calibrations.\n"
		   ".TP\n.I ./multipolar\\-report.html\nthe report that \\fBmultipolar run\\fR and "
		   "\\fBmultipolar report\\fR write by default.\n");
	fprintf(f, ".TP\n.I ");
	roff(f, MP_INSTALL_DATADIR);
	fprintf(f, "\nthe shipped data, only ever read: \\fIpoles/poles.csv\\fR (pole memberships), "
		   "\\fIworld/world.csv\\fR (the default world), \\fIscenarios/*.yaml\\fR, "
		   "\\fIparams/calibrated.yaml\\fR (the shipped calibration; \\fBmultipolar calibrate\\fR stores its "
		   "results in the database, or in \\fB\\-\\-params\\fR \\fIFILE\\fR).\n");
	fprintf(f, ".TP\n.I ");
	roff(f, MP_INSTALL_DOCDIR);
	fprintf(f, "\nthe documentation: every formula with its source (models.md), the data formats (data.md), the "
		   "commands (cli.md), one file per module.\n");
	fprintf(f, ".SH SEE ALSO\nThe README and the documentation in ");
	roff(f, MP_INSTALL_DOCDIR);
	fprintf(f, ".\n");
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
