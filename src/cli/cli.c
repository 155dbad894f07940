/* Shared pieces of the command-line tool: help text, output files, progress bar. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_print_help(FILE *f, const cli_command *cmd)
{
	fprintf(f, "usage: multipolar %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
	if (cmd->description && *cmd->description)
		fprintf(f, "\n%s\n", cmd->description);
	if (cmd->options && cmd->options->name) {
		fprintf(f, "\noptions:\n");
		for (const cli_option *o = cmd->options; o->name; o++) {
			char left[64];
			snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
			fprintf(f, "  %-22s %s\n", left, o->help);
		}
		fprintf(f, "  %-22s %s\n", "--help", "show this help");
	}
	if (cmd->example && *cmd->example)
		fprintf(f, "\nexample:\n  %s\n", cmd->example);
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

int cli_out_open(mp_ctx *ctx, const cli_common *c, cli_out *o)
{
	memset(o, 0, sizeof *o);
	if (!c->output || !strcmp(c->output, "-")) {
		o->f = stdout;
		return MP_OK;
	}
	int rc = mp_output_open(ctx, c->output, &o->file);
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

int cli_write_table(mp_ctx *ctx, const cli_common *c, const mp_table *t)
{
	cli_out o;
	int rc = cli_out_open(ctx, c, &o);
	if (rc != MP_OK)
		return rc;
	rc = mp_table_write_flags(ctx, t, o.f, c->fmt, c->raw ? MP_TABLE_RAW : 0);
	return cli_out_close(ctx, &o, rc);
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
