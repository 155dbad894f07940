/* Shared pieces of the command-line tool: help text, output files, notes, progress bar. */
#include "cli.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *cli_doc_dir(char *buf, size_t size)
{
	/* the documentation installed beside this program (PREFIX/bin/multipolar ->
	 * PREFIX/share/doc/multipolar, so an installation can move), then where the build was
	 * configured to install it, else the source tree's (running from a build tree) */
	struct stat st;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		slash = strrchr(exe, '/');
		if (slash && !strcmp(slash + 1, MP_INSTALL_REL_BINDIR)) {
			*slash = '\0';
			snprintf(buf, size, "%s/%s", exe, MP_INSTALL_REL_DOCDIR);
			char probe[4200];
			snprintf(probe, sizeof probe, "%s/models.md", buf);
			if (stat(probe, &st) == 0)
				return buf;
		}
	}
	snprintf(buf, size, "%s",
		 stat(MP_INSTALL_DOCDIR "/models.md", &st) == 0 ? MP_INSTALL_DOCDIR : MP_SOURCE_DOCDIR);
	return buf;
}

void cli_put_doc_text(FILE *f, const char *text)
{
	char dir[4096];
	cli_doc_dir(dir, sizeof dir);
	for (const char *p = text; p && *p;) {
		const char *d = strstr(p, "docs/");
		/* "docs/" at a word start: a path into the documentation */
		while (d && d > text && (isalnum((unsigned char)d[-1]) || d[-1] == '/' || d[-1] == '_'))
			d = strstr(d + 5, "docs/");
		if (!d) {
			fputs(p, f);
			break;
		}
		fwrite(p, 1, (size_t)(d - p), f);
		fprintf(f, "%s/", dir);
		p = d + 5;
	}
}

static const struct {
	char c;
	const char *name;
} shorts[] = { { 'd', "db" },   { 'f', "format" }, { 'o', "output" },  { 'q', "quiet" },
	       { 'n', "runs" }, { 's', "seed" },   { 'j', "threads" }, { 'y', "year" } };

char cli_short_name(const char *long_name)
{
	for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++)
		if (!strcmp(shorts[i].name, long_name))
			return shorts[i].c;
	return 0;
}

/* The text (documentation paths resolved) broken into lines of at most `width` columns
 * at spaces; words longer than a line stay whole. */
static void put_wrapped(FILE *f, const char *text, size_t width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m) {
		cli_put_doc_text(f, text);
		fputc('\n', f);
		return;
	}
	cli_put_doc_text(m, text);
	fclose(m);
	size_t col = 0;
	for (char *p = buf; *p;) {
		size_t w = strcspn(p, " \n");
		if (col && col + 1 + w > width) {
			fputc('\n', f);
			col = 0;
		} else if (col) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, w, f);
		col += w;
		p += w;
		if (*p == '\n') {
			fputc('\n', f);
			col = 0;
		}
		while (*p == ' ' || *p == '\n')
			p++;
	}
	fputc('\n', f);
	free(buf);
}

static void option_left(char *buf, size_t size, const cli_option *o)
{
	char s[8] = "    ";
	if (cli_short_name(o->name))
		snprintf(s, sizeof s, "-%c, ", cli_short_name(o->name));
	snprintf(buf, size, "%s--%s%s%s", s, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

void cli_print_help(FILE *f, const cli_command *cmd)
{
	fprintf(f, "usage: multipolar %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
	if (cmd->description && *cmd->description) {
		fputc('\n', f);
		put_wrapped(f, cmd->description, 92);
	}
	if (cmd->options && cmd->options->name) {
		fprintf(f, "\noptions:\n");
		for (const cli_option *o = cmd->options; o->name; o++) {
			char left[64];
			option_left(left, sizeof left, o);
			if (strlen(left) > 26)
				fprintf(f, "  %s\n  %-26s ", left, "");
			else
				fprintf(f, "  %-26s ", left);
			cli_put_doc_text(f, o->help);
			fputc('\n', f);
		}
		fprintf(f, "  %-26s %s\n", "-h, --help", "show this help");
	}
	if (cmd->example && *cmd->example)
		fprintf(f, "\nexample:\n  %s\n", cmd->example);
	char dir[4096];
	fprintf(f, "\nmanual: 'man multipolar' or 'multipolar help --man'; documentation: %s/\n",
		cli_doc_dir(dir, sizeof dir));
}

const char *cli_db_path(const cli_common *c)
{
	if (c->db && *c->db)
		return c->db;
	const char *e = getenv("MULTIPOLAR_DB");
	if (e && *e)
		return e;
	return "multipolar.db";
}

int cli_check_not_db(mp_ctx *ctx, const cli_common *c, const char *path, const char *what)
{
	struct stat a, b;
	const char *db = cli_db_path(c);
	if (!path || !*path || !strcmp(path, "-"))
		return MP_OK;
	if (!strcmp(path, db) ||
	    (stat(path, &a) == 0 && stat(db, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino))
		return mp_error_set(ctx, MP_EUSAGE,
				    "%s %s is the database (--db %s): writing it would destroy the data; "
				    "choose another file",
				    what, path, db);
	return MP_OK;
}

int cli_out_open(mp_ctx *ctx, const cli_common *c, cli_out *o)
{
	memset(o, 0, sizeof *o);
	if (!c->output || !strcmp(c->output, "-")) {
		o->f = stdout;
		return MP_OK;
	}
	int rc = cli_check_not_db(ctx, c, c->output, "--output");
	if (rc == MP_OK)
		rc = mp_output_open(ctx, c->output, &o->file);
	if (rc != MP_OK)
		return rc;
	o->to_file = 1;
	o->f = o->file.f;
	return MP_OK;
}

int cli_out_close(mp_ctx *ctx, cli_out *o, int rc)
{
	if (!o->to_file) {
		if (o->f && fflush(o->f) != 0 && rc == MP_OK)
			rc = mp_error_set(ctx, MP_EIO, "cannot write standard output");
		return rc;
	}
	rc = mp_output_close(ctx, &o->file, rc);
	o->to_file = 0;
	o->f = NULL;
	return rc;
}

int cli_write_table_about(mp_ctx *ctx, const cli_common *c, const mp_table *t, const char *about)
{
	cli_out o;
	int rc = cli_out_open(ctx, c, &o);
	if (rc != MP_OK)
		return rc;
	if (about && *about) {
		if (c->fmt == MP_FORMAT_TEXT)
			fprintf(o.f, "%s\n\n", about);
		else
			cli_note(c, "%s", about);
	}
	rc = mp_table_write_flags(ctx, t, o.f, c->fmt, c->raw ? MP_TABLE_RAW : 0);
	return cli_out_close(ctx, &o, rc);
}

int cli_write_table(mp_ctx *ctx, const cli_common *c, const mp_table *t)
{
	return cli_write_table_about(ctx, c, t, NULL);
}

int cli_cut_years(mp_ctx *ctx, const cli_common *c, const char *what, int first, int last, int *from, int *to)
{
	if (*from > *to)
		return mp_error_set(ctx, MP_EUSAGE, "--from %d is after --to %d", *from, *to);
	if ((*from < CLI_YEAR_MIN && *from < first) || (*to > CLI_YEAR_MAX && *to > last))
		return mp_error_set(ctx, MP_EUSAGE, "years %d-%d: years are %d-%d (%s covers %d-%d)", *from, *to,
				    CLI_YEAR_MIN, CLI_YEAR_MAX, what, first, last);
	if (*to < first || *from > last)
		return mp_error_set(ctx, MP_ERANGE, "years %d-%d are outside the data: %s covers %d-%d", *from, *to,
				    what, first, last);
	if (*from < first)
		cli_note(c, "%s covers %d-%d: years %d-%d are left out", what, first, last, *from, first - 1);
	if (*to > last)
		cli_note(c, "%s covers %d-%d: years %d-%d are left out", what, first, last, last + 1, *to);
	*from = *from < first ? first : *from;
	*to = *to > last ? last : *to;
	return MP_OK;
}

void cli_note(const cli_common *c, const char *fmt, ...)
{
	if (c && c->quiet)
		return;
	/* names and paths in a note cannot drive the terminal: control characters escaped */
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fputs("note: ", stderr);
	mp_text_fputs(buf, stderr);
	fputc('\n', stderr);
}

const char *cli_esc(const char *s, char *buf, size_t size)
{
	mp_text_escape(s ? s : "", buf, size);
	return buf;
}

int cli_show_progress(const cli_common *c)
{
	return !c->quiet && isatty(STDERR_FILENO);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void cli_progress_bar(void *userdata, const char *task, double done, double total)
{
	/* One bar at a time on a terminal; redrawn at most ~10 times a second. */
	cli_progress *p = userdata;
	double t = now_s();
	if (strncmp(p->task, task, sizeof p->task - 1) != 0 || done == 0) {
		snprintf(p->task, sizeof p->task, "%s", task);
		p->start = t;
		p->last = 0;
	}
	int end = total > 0 && done >= total;
	if (!end && t - p->last < 0.1)
		return;
	p->last = t;
	double el = t - p->start;
	double rate = el > 0 ? done / el : 0;
	if (total > 0) {
		int w = 30, fill = (int)(w * (done / total));
		if (fill > w)
			fill = w;
		double eta = rate > 0 ? (total - done) / rate : 0;
		char esc[64];
		fprintf(stderr, "\r%-16.16s [", cli_esc(task, esc, sizeof esc));
		for (int i = 0; i < w; i++)
			fputc(i < fill ? '#' : '.', stderr);
		fprintf(stderr, "] %3.0f%%  %.0f/s  ETA %4.0fs ", 100.0 * done / total, rate, eta);
	} else {
		char esc[64];
		fprintf(stderr, "\r%-16.16s %.0f done  %.0f/s ", cli_esc(task, esc, sizeof esc), done, rate);
	}
	if (end) {
		fputc('\n', stderr);
		p->task[0] = '\0';
	}
	fflush(stderr);
}
