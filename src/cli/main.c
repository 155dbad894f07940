/* multipolar: the command-line tool, a thin client of libmultipolar.
 * The command table is generated from the cmd_*.c file names (cli_commands.def). */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/output.h"
#include "multipolar/store.h"

#define MP_CLI_COMMAND(n) extern const cli_command cli_cmd_##n;
#include "cli_commands.def"
#undef MP_CLI_COMMAND

/* All commands, sorted by name, NULL-terminated. */
static const cli_command *const cli_commands[] = {
#define MP_CLI_COMMAND(n) &cli_cmd_##n,
#include "cli_commands.def"
#undef MP_CLI_COMMAND
	NULL
};

static void usage(FILE *f)
{
	fprintf(f, "usage: multipolar COMMAND [OPTIONS] [ARGS]\n\n"
		   "Measure, forecast and simulate a multipolar world order.\n\ncommands:\n");
	for (size_t i = 0; cli_commands[i]; i++)
		fprintf(f, "  %-14s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	fprintf(f, "\n'multipolar COMMAND --help' describes a command; 'multipolar help --man' prints the manual.\n");
}

static const cli_command *find(const char *name)
{
	for (size_t i = 0; cli_commands[i]; i++)
		if (!strcmp(cli_commands[i]->name, name))
			return cli_commands[i];
	return NULL;
}

/* Stores the value `val` of option o (named `shown` in messages) into opts. */
static int set_value(mp_ctx *ctx, const cli_option *o, const char *shown, const char *val, int from_eq, int *i,
		     int argc, char **argv, void *opts)
{
	char *dest = (char *)opts + o->offset;
	char *end = NULL;
	switch (o->type) {
	case CLI_INT:
	case CLI_LONG: {
		errno = 0;
		long long v = strtoll(val, &end, 10);
		if (!*val || *end)
			return mp_error_set(ctx, MP_EUSAGE, "%s expects a whole number, got '%s'", shown, val);
		if (errno == ERANGE || (o->type == CLI_INT && (v < -2147483647LL || v > 2147483647LL)))
			return mp_error_set(ctx, MP_EUSAGE, "%s value '%s' is out of range", shown, val);
		if (o->type == CLI_INT)
			*(int *)dest = (int)v;
		else
			*(long long *)dest = v;
		break;
	}
	case CLI_REAL: {
		double v = strtod(val, &end);
		if (!*val || *end || v != v)
			return mp_error_set(ctx, MP_EUSAGE, "%s expects a number, got '%s'", shown, val);
		*(double *)dest = v;
		break;
	}
	case CLI_STRING: *(const char **)dest = val; break;
	case CLI_STRINGS: {
		cli_strv *sv = (cli_strv *)dest;
		const char **nv = realloc(sv->v, (sv->n + (size_t)argc + 1) * sizeof *nv);
		if (!nv)
			return mp_error_set(ctx, MP_ENOMEM, "out of memory");
		sv->v = nv;
		sv->v[sv->n++] = val;
		/* following words that are not options belong to this option too */
		while (!from_eq && *i + 1 < argc && argv[*i + 1][0] != '-')
			sv->v[sv->n++] = argv[++*i];
		break;
	}
	case CLI_FLAG: break;
	}
	return MP_OK;
}

/* Parses argv against the command's option table into opts: long options (--name VALUE,
 * --name=VALUE) and the one-letter forms of the table (-o FILE, -oFILE, -q; flags may be
 * grouped: -qh). Positional words are compacted to the front of argv; "-" alone and
 * everything after "--" are positional. Returns MP_OK, MP_EUSAGE, or 1 for --help. */
static int parse(mp_ctx *ctx, const cli_command *cmd, void *opts, int argc, char **argv, int *npos)
{
	int np = 0;
	int only_pos = 0;
	for (int i = 0; i < argc; i++) {
		char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			argv[np++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (a[1] != '-') {
			/* one-letter options, possibly grouped; a value option ends the group */
			for (const char *p = a + 1; *p; p++) {
				if (*p == 'h')
					return 1;
				const cli_option *o = cmd->options;
				while (o && o->name && cli_short_name(o->name) != *p)
					o++;
				if (!o || !o->name) {
					if (p == a + 1 && isdigit((unsigned char)*p))
						return mp_error_set(ctx, MP_EUSAGE,
								    "unexpected '%s' (a negative number must follow "
								    "the option it belongs to)",
								    a);
					return mp_error_set(ctx, MP_EUSAGE,
							    "unknown option '-%c' in '%s' (see 'multipolar %s --help')",
							    *p, a, cmd->name);
				}
				char shown[80];
				snprintf(shown, sizeof shown, "-%c (--%s)", *p, o->name);
				if (o->type == CLI_FLAG) {
					*(int *)((char *)opts + o->offset) = 1;
					continue;
				}
				const char *val = p[1] ? p + 1 : NULL;
				if (!val) {
					if (i + 1 >= argc)
						return mp_error_set(ctx, MP_EUSAGE, "option %s needs a value (%s)",
								    shown, o->arg);
					val = argv[++i];
				}
				int rc = set_value(ctx, o, shown, val, p[1] != '\0', &i, argc, argv, opts);
				if (rc != MP_OK)
					return rc;
				break;
			}
			continue;
		}
		if (!strcmp(a, "--help"))
			return 1;
		char name[64];
		const char *val = NULL;
		const char *eq = strchr(a + 2, '=');
		size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if (len >= sizeof name)
			return mp_error_set(ctx, MP_EUSAGE, "unknown option '%s'", a);
		memcpy(name, a + 2, len);
		name[len] = '\0';
		if (eq)
			val = eq + 1;
		const cli_option *o = cmd->options;
		while (o && o->name && strcmp(o->name, name))
			o++;
		if ((!o || !o->name) && !strcmp(name, "version"))
			return mp_error_set(ctx, MP_EUSAGE,
					    "unknown option '--version': the NMC dataset's version is "
					    "--nmc-version V; the program's version is 'multipolar version'");
		if (!o || !o->name)
			return mp_error_set(ctx, MP_EUSAGE, "unknown option '--%s' (see 'multipolar %s --help')", name,
					    cmd->name);
		char shown[80];
		snprintf(shown, sizeof shown, "--%s", name);
		if (o->type == CLI_FLAG) {
			if (val)
				return mp_error_set(ctx, MP_EUSAGE, "option --%s takes no value", name);
			*(int *)((char *)opts + o->offset) = 1;
			continue;
		}
		if (!val) {
			if (i + 1 >= argc)
				return mp_error_set(ctx, MP_EUSAGE, "option --%s needs a value (%s)", name, o->arg);
			val = argv[++i];
		}
		int rc = set_value(ctx, o, shown, val, eq != NULL, &i, argc, argv, opts);
		if (rc != MP_OK)
			return rc;
	}
	*npos = np;
	return MP_OK;
}

/* --format in any case ("CSV", "Json"). */
static int parse_format(const char *s, mp_format *out)
{
	char low[16];
	size_t n = strlen(s);
	if (n >= sizeof low)
		return MP_EUSAGE;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return mp_format_parse(low, out);
}

static volatile sig_atomic_t interrupted;
static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
	/* no temporary output file outlives the process (multipolar/output.h) */
	mp_output_cleanup();
	/* Default action on a second signal; SQLite rolls back an open transaction when the
	 * process dies (journal), so no half-written database is left behind. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	raise(sig);
}

int main(int argc, char **argv)
{
	mp_set_command_line(argc, argv); /* recorded with every stored run */
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("multipolar %s\n", mp_version());
		return 0;
	}
	const cli_command *cmd = find(argv[1]);
	if (!cmd) {
		fprintf(stderr, "multipolar: unknown command '%s'\n\n", argv[1]);
		usage(stderr);
		return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);

	mp_ctx *ctx = NULL;
	if (mp_ctx_new(&ctx) != MP_OK) {
		fprintf(stderr, "multipolar: out of memory\n");
		return 1;
	}
	void *opts = calloc(1, cmd->opts_size ? cmd->opts_size : 1);
	int rc = opts ? MP_OK : MP_ENOMEM;
	int npos = 0;
	cli_progress progress = { { 0 }, 0, 0 };
	if (rc == MP_OK && cmd->defaults)
		cmd->defaults(opts);
	if (rc == MP_OK)
		rc = parse(ctx, cmd, opts, argc - 2, argv + 2, &npos);
	if (rc == 1) {
		cli_print_help(stdout, cmd);
		rc = MP_OK;
		goto done;
	}
	if (rc == MP_OK && cmd->opts_size >= sizeof(cli_common)) {
		cli_common *c = opts;
		if (c->format && parse_format(c->format, &c->fmt) != MP_OK)
			rc = mp_error_set(ctx, MP_EUSAGE, "--format must be text, csv or json, not '%s'", c->format);
		if (rc == MP_OK && cli_show_progress(c))
			mp_ctx_set_progress(ctx, cli_progress_bar, &progress);
		c->commands = cli_commands;
	}
	if (rc == MP_OK)
		rc = cmd->run(ctx, opts, npos, argv + 2);
done:
	if (rc != MP_OK) {
		/* the command is named once: messages that begin with it ("run: ...") lose that */
		const char *msg = mp_error_message(ctx);
		size_t cl = strlen(cmd->name);
		while (!strncmp(msg, cmd->name, cl) && msg[cl] == ':' && msg[cl + 1] == ' ')
			msg += cl + 2;
		/* control characters of names and paths escaped: a message cannot drive the terminal */
		fprintf(stderr, "multipolar %s: ", cmd->name);
		mp_text_fputs(*msg ? msg : mp_strerror(rc), stderr);
		fputc('\n', stderr);
		if (rc == MP_EUSAGE)
			fprintf(stderr, "usage: multipolar %s %s\n", cmd->name, cmd->usage);
	}
	int code = mp_exit_code(rc);
	/* free repeatable-option arrays */
	if (opts)
		for (const cli_option *o = cmd->options; o && o->name; o++)
			if (o->type == CLI_STRINGS)
				free(((cli_strv *)((char *)opts + o->offset))->v);
	free(opts);
	mp_ctx_free(ctx);
	return code;
}
