/* util/: growable arrays, the byte buffer, the file reader, sort and quantile helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mp_test.h"
#include "multipolar/stats.h"
#include "util/file.h"
#include "util/vec.h"

static void test_vec(void **state)
{
	(void)state;
	int *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(mp_vec_reserve(&v, &cap, n + 1, 4), MP_OK);
		v[n++] = i;
	}
	assert_true(cap >= 1000 && cap < 2048);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], i);
	/* an impossible size fails and leaves the array as it was */
	size_t before = cap;
	assert_int_equal(mp_vec_reserve(&v, &cap, SIZE_MAX / 2, 4), MP_ENOMEM);
	assert_int_equal(cap, before);
	assert_int_equal(v[999], 999);
	free(v);
}

static void test_buf(void **state)
{
	(void)state;
	mp_buf b = MP_BUF_INIT;
	assert_int_equal(mp_buf_puts(&b, "INSERT INTO t"), MP_OK);
	for (int i = 0; i < 100; i++)
		assert_int_equal(mp_buf_printf(&b, ",%d", i), MP_OK);
	assert_int_equal(strncmp(b.s, "INSERT INTO t,0,1,2,", 20), 0);
	assert_int_equal(b.len, strlen(b.s));
	char big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	size_t l = b.len;
	assert_int_equal(mp_buf_printf(&b, "[%s]", big), MP_OK);
	assert_int_equal(b.len, l + 601);
	assert_int_equal(b.s[b.len - 1], ']');
	mp_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	mp_buf_free(&b);
	mp_buf_free(&b); /* twice is fine */
	mp_buf_free(NULL);
}

static void test_file(void **state)
{
	(void)state;
	mp_ctx *ctx;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	char path[] = "/tmp/mp_test_util_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	fputs("a,b\n1,2\n", f);
	fclose(f);
	char *buf;
	size_t len;
	assert_int_equal(mp_file__read(ctx, path, 100, &buf, &len), MP_OK);
	assert_int_equal(len, 8);
	assert_string_equal(buf, "a,b\n1,2\n");
	free(buf);
	/* over the limit: refused, naming the file and the limit */
	assert_int_equal(mp_file__read(ctx, path, 7, &buf, &len), MP_EINPUT);
	assert_non_null(strstr(mp_error_message(ctx), "more than the limit of 7"));
	assert_null(buf);
	remove(path);
	assert_int_equal(mp_file__read(ctx, path, 100, &buf, &len), MP_ENOTFOUND);
	/* a directory and a device are refused before anything is allocated */
	assert_int_equal(mp_file__read(ctx, "/tmp", MP_FILE_MAX, &buf, &len), MP_EINPUT);
	assert_string_equal(mp_error_message(ctx), "/tmp: is a directory (expected a regular file)");
	assert_int_equal(mp_file__read(ctx, "/dev/zero", MP_FILE_MAX, &buf, &len), MP_EINPUT);
	assert_string_equal(mp_error_message(ctx), "/dev/zero: is a device (expected a regular file)");
	mp_ctx_free(ctx);
}

static void test_quantiles(void **state)
{
	(void)state;
	double x[] = { 7, 3, 10, 1, 5, 9, 2, 8, 6, 4 };
	mp_sort_doubles(x, 10);
	for (int i = 0; i < 10; i++)
		assert_near(x[i], i + 1, 0);
	/* R: quantile(1:10, c(.05, .25, .5, .75, .95)) = 1.45 3.25 5.50 7.75 9.55 (type 7) */
	assert_near(mp_quantile_sorted(x, 10, 0.05), 1.45, 1e-12);
	assert_near(mp_quantile_sorted(x, 10, 0.25), 3.25, 1e-12);
	assert_near(mp_quantile_sorted(x, 10, 0.5), 5.5, 1e-12);
	assert_near(mp_quantile_sorted(x, 10, 0.95), 9.55, 1e-12);
	assert_near(mp_quantile_sorted(x, 10, 0.0), 1, 0);
	assert_near(mp_quantile_sorted(x, 10, 1.0), 10, 0);
	assert_near(mp_quantile_sorted(x, 1, 0.3), 1, 0);
	assert_near(mp_median_sorted(x, 10), 5.5, 0);
	assert_near(mp_median_sorted(x, 9), 5, 0);
	double y[] = { 2, 1 };
	assert_int_equal(mp_cmp_double(&y[0], &y[1]), 1);
	assert_int_equal(mp_cmp_double(&y[1], &y[0]), -1);
	assert_int_equal(mp_cmp_double(&y[0], &y[0]), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vec),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_quantiles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
