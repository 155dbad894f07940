/* Output hygiene of util/table.c: control characters and invalid UTF-8 escaped for the
 * terminal, CSV formula cells guarded (OWASP) unless MP_TABLE_RAW, numbers kept as they
 * are, JSON refusing text that is not UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/table.h"

static void esc(const char *in, const char *want)
{
	char out[128];
	mp_text_escape(in, out, sizeof out);
	assert_string_equal(out, want);
}

static void test_escape(void **state)
{
	(void)state;
	esc("USA", "USA");
	esc("E\x1b[2J\a", "E\\x1B[2J\\x07");
	esc("a\tb\r\n\x7f", "a\\x09b\\x0D\\x0A\\x7F");
	esc("C\xc2\x9b"
	    "1m",
	    "C\\xC2\\x9B1m");                                /* C1 CSI */
	esc("C\xc3\xb4te d'Ivoire", "C\xc3\xb4te d'Ivoire"); /* UTF-8 kept */
	esc("\xe4\xb8\xad\xe5\x9b\xbd", "\xe4\xb8\xad\xe5\x9b\xbd");
	esc("bad\xff", "bad\\xFF");
	esc("cut\xe4\xb8", "cut\\xE4\\xB8"); /* a sequence cut short, at the end */
	esc("\xc0\xaf", "\\xC0\\xAF");       /* overlong */
	char small[8];
	mp_text_escape("\x1b\x1b\x1b", small, sizeof small); /* never a half escape */
	assert_string_equal(small, "\\x1B");
}

static char *csv_of(const char *cell, int num, unsigned flags)
{
	static const mp_column cols[] = { { "name", MP_COL_TEXT, 0 }, { "v", MP_COL_REAL, 0 } };
	mp_table *t = NULL;
	assert_int_equal(mp_table_new(&t, cols, 2), MP_OK);
	size_t r;
	assert_int_equal(mp_table_add_row(t, &r), MP_OK);
	assert_int_equal(mp_table_set_text(t, r, 0, cell), MP_OK);
	mp_table_set_real(t, r, 1, num ? -0.25 : 1.5);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(mp_table_write_flags(NULL, t, f, MP_FORMAT_CSV, flags), MP_OK);
	fclose(f);
	mp_table_free(t);
	return buf;
}

static void csv_is(const char *cell, unsigned flags, const char *want)
{
	char *s = csv_of(cell, 1, flags);
	assert_string_equal(s, want);
	free(s);
}

static void test_csv(void **state)
{
	(void)state;
	csv_is("=1+2", 0, "name,v\n\"'=1+2\",-0.25\n");
	csv_is("+cmd", 0, "name,v\n\"'+cmd\",-0.25\n");
	csv_is("-2+3", 0, "name,v\n\"'-2+3\",-0.25\n");
	csv_is("@SUM(A1)", 0, "name,v\n\"'@SUM(A1)\",-0.25\n");
	csv_is("\tx", 0, "name,v\n\"'\tx\",-0.25\n");
	csv_is("=\"a\"", 0, "name,v\n\"'=\"\"a\"\"\",-0.25\n");
	csv_is("-5", 0, "name,v\n-5,-0.25\n"); /* a number is data */
	csv_is("+3.5e2", 0, "name,v\n+3.5e2,-0.25\n");
	csv_is("USA", 0, "name,v\nUSA,-0.25\n");
	csv_is("-.5", 0, "name,v\n-.5,-0.25\n");
	csv_is("-inf", 0, "name,v\n\"'-inf\",-0.25\n"); /* strtod's words are not numbers here */
	csv_is("+0x1A", 0, "name,v\n\"'+0x1A\",-0.25\n");
	csv_is("-1e", 0, "name,v\n\"'-1e\",-0.25\n");
	csv_is("=1+2", MP_TABLE_RAW, "name,v\n=1+2,-0.25\n");
}

static void test_json_utf8(void **state)
{
	(void)state;
	static const mp_column cols[] = { { "name", MP_COL_TEXT, 0 } };
	mp_table *t = NULL;
	assert_int_equal(mp_table_new(&t, cols, 1), MP_OK);
	size_t r;
	assert_int_equal(mp_table_add_row(t, &r), MP_OK);
	assert_int_equal(mp_table_set_text(t, r, 0, "bad\xff"), MP_OK);
	mp_ctx *ctx = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	FILE *f = fopen("/dev/null", "w");
	assert_non_null(f);
	assert_int_equal(mp_table_write(ctx, t, f, MP_FORMAT_JSON), MP_EINPUT);
	assert_non_null(strstr(mp_error_message(ctx), "not valid UTF-8"));
	fclose(f);
	mp_ctx_free(ctx);
	mp_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
