/* Unit tests of the report's library entry points: progress through the context hook,
 * atomic file writing (mode 0644, nothing left behind on failure), option checks, and
 * deterministic bytes from mp_report_write. Uses the real NMC data (skips without it). */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "multipolar/data.h"
#include "multipolar/report.h"
#include "multipolar/store.h"
#include "shared_data.h"

static char dir[256];
static char dbpath[300];

typedef struct {
	int calls, bad_task, backwards, ended;
	double last_done, last_total;
} prog;

static void on_progress(void *ud, const char *task, double done, double total)
{
	prog *p = ud;
	p->calls++;
	if (strcmp(task, "report"))
		p->bad_task++;
	if (done < p->last_done)
		p->backwards++;
	p->last_done = done;
	p->last_total = total;
	if (total > 0 && done >= total)
		p->ended++;
}

static int setup(void **state)
{
	(void)state;
	const char *nmc = mp_test_shared_path("NMC-60-abridged.csv");
	char nmc_copy[4096];
	snprintf(nmc_copy, sizeof nmc_copy, "%s", nmc);
	snprintf(dir, sizeof dir, "/tmp/mp-test-report-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/r.db", dir);
	mp_ctx *ctx = NULL;
	mp_store *s = NULL;
	mp_import_result res;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_store_open(ctx, dbpath, MP_STORE_CREATE, &s), MP_OK);
	assert_int_equal(mp_import_file(ctx, s, nmc_copy, &res), MP_OK);
	mp_store_free(s);
	mp_ctx_free(ctx);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static size_t files_in(const char *d)
{
	size_t n = 0;
	DIR *dp = opendir(d);
	struct dirent *e;
	while (dp && (e = readdir(dp)))
		n += e->d_name[0] != '.';
	if (dp)
		closedir(dp);
	return n;
}

/* Progress: task "report", never backwards, ends with done == total; the history years
 * 1816-2016 are 201 of the units, so there are more than 200 calls. */
static void test_progress_and_file(void **state)
{
	(void)state;
	mp_ctx *ctx = NULL;
	mp_store *s = NULL;
	prog p = { 0 };
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	mp_ctx_set_progress(ctx, on_progress, &p);
	assert_int_equal(mp_store_open(ctx, dbpath, MP_STORE_READONLY, &s), MP_OK);
	char out[400];
	snprintf(out, sizeof out, "%s/report.html", dir);
	mp_report_opts o = MP_REPORT_OPTS_INIT;
	int rc = mp_report_write_file(ctx, s, &o, out);
	if (rc != MP_OK)
		fprintf(stderr, "%s\n", mp_error_message(ctx));
	assert_int_equal(rc, MP_OK);
	assert_true(p.calls > 200);
	assert_int_equal(p.bad_task, 0);
	assert_int_equal(p.backwards, 0);
	assert_true(p.ended >= 1);
	assert_true(p.last_total > 0 && p.last_done == p.last_total);
	struct stat st;
	assert_int_equal(stat(out, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_true(st.st_size > 10000);
	size_t before = files_in(dir);

	/* a directory that does not exist: MP_EIO, nothing created */
	char bad[400];
	snprintf(bad, sizeof bad, "%s/no/such/dir/r.html", dir);
	assert_int_equal(mp_report_write_file(ctx, s, &o, bad), MP_EIO);
	/* an unknown scenario: MP_ENOTFOUND, the existing report untouched, no temp file */
	const char *scen[1] = { "nope" };
	o.scenarios = scen;
	o.nscenarios = 1;
	assert_int_equal(mp_report_write_file(ctx, s, &o, out), MP_ENOTFOUND);
	assert_non_null(strstr(mp_error_message(ctx), "'nope'"));
	struct stat st2;
	assert_int_equal(stat(out, &st2), 0);
	assert_int_equal(st2.st_size, st.st_size);
	assert_int_equal(files_in(dir), before);
	/* options of another version are refused */
	mp_report_opts old = MP_REPORT_OPTS_INIT;
	old.version = 99;
	assert_int_equal(mp_report_write_file(ctx, s, &old, out), MP_EUSAGE);
	mp_store_free(s);
	mp_ctx_free(ctx);
}

/* Two writes of the same store and options give the same bytes. */
static char *write_mem(mp_store *s, mp_ctx *ctx, const mp_report_opts *o, long *len)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(mp_report_write(ctx, s, o, f), MP_OK);
	*len = ftell(f);
	char *buf = malloc((size_t)*len + 1);
	assert_non_null(buf);
	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)*len, f), (size_t)*len);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void test_deterministic(void **state)
{
	(void)state;
	mp_ctx *ctx = NULL;
	mp_store *s = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	assert_int_equal(mp_store_open(ctx, dbpath, MP_STORE_READONLY, &s), MP_OK);
	mp_report_opts o = MP_REPORT_OPTS_INIT;
	o.first_year = 1900;
	o.last_year = 1950;
	o.title = "T <&> \"q\"";
	long la, lb;
	char *a = write_mem(s, ctx, &o, &la);
	char *b = write_mem(s, ctx, &o, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, (size_t)la);
	assert_non_null(strstr(a, "<title>T &lt;&amp;&gt; &quot;q&quot;</title>"));
	assert_non_null(strstr(a, "<tr><th scope=\"row\">1950</th>"));
	assert_null(strstr(a, "<tr><th scope=\"row\">1951</th>"));
	assert_null(strstr(a, "<tr><th scope=\"row\">1899</th>"));
	free(a);
	free(b);
	/* years outside the data: a range error */
	o.first_year = 2100;
	o.last_year = 2200;
	FILE *f = tmpfile();
	assert_int_equal(mp_report_write(ctx, s, &o, f), MP_ERANGE);
	fclose(f);
	mp_store_free(s);
	mp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_progress_and_file),
		cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
