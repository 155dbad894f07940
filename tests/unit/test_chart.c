/* Unit tests of the chart module: nice ticks against hand-computed values (Heckbert 1990),
 * escaping, exact path coordinates, deterministic bytes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "multipolar/chart.h"

/* Reads a temporary file back into a malloc'd string and closes it. */
static char *slurp(FILE *f)
{
	long len = ftell(f);
	assert_true(len >= 0);
	char *buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/* Renders with fn into a malloc'd string. */
typedef int (*render_fn)(mp_ctx *ctx, FILE *f, void *arg);
static char *render(render_fn fn, void *arg, int *rc)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	mp_ctx *ctx = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	*rc = fn(ctx, f, arg);
	mp_ctx_free(ctx);
	return slurp(f);
}

static char *escape(const char *s)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	mp_html_escape(f, s);
	return slurp(f);
}

static void check_ticks(double min, double max, int target, double lo, double hi, double step, int n, int digits)
{
	mp_ticks t;
	assert_int_equal(mp_chart_ticks(min, max, target, &t), MP_OK);
	assert_float_equal(t.lo, lo, 1e-12);
	assert_float_equal(t.hi, hi, 1e-12);
	assert_float_equal(t.step, step, 1e-12);
	assert_int_equal(t.n, n);
	assert_int_equal(t.digits, digits);
}

/* Hand computation with Heckbert's rules (nicenum ceiling of the range, rounded nicenum of
 * range/(target-1) for the step):
 *   [0,1], 6:        range 1, step nicenum(0.2)=0.2          -> 0..1, 6 ticks, 1 digit
 *   [1816,2016], 8:  range nicenum(200)=200, 200/7=28.6 -> 20 -> 1800..2020, 12 ticks
 *   [0.0123,0.2874],6: range nicenum(0.2751)=0.5, 0.1 -> 0.1  -> 0..0.3, 4 ticks, 1 digit
 *   [105,543], 5:    range nicenum(438)=500, 125 -> 100        -> 100..600, 6 ticks
 *   [-3.7,12.2], 6:  range nicenum(15.9)=20, 4 -> 5            -> -5..15, 5 ticks
 *   [5,5], 6:        widened to [4.5,5.5]; range 1, step 0.2    -> 4.4..5.6, 7 ticks
 *   [0,0.0042], 5:   range nicenum(0.0042)=0.005, 0.00125 -> 0.001 -> 0..0.005, 6 ticks, 3 digits */
static void test_ticks(void **state)
{
	(void)state;
	check_ticks(0, 1, 6, 0, 1, 0.2, 6, 1);
	check_ticks(1816, 2016, 8, 1800, 2020, 20, 12, 0);
	check_ticks(0.0123, 0.2874, 6, 0, 0.3, 0.1, 4, 1);
	check_ticks(105, 543, 5, 100, 600, 100, 6, 0);
	check_ticks(-3.7, 12.2, 6, -5, 15, 5, 5, 0);
	check_ticks(5, 5, 6, 4.4, 5.6, 0.2, 7, 1);
	check_ticks(0, 0.0042, 5, 0, 0.005, 0.001, 6, 3);
	mp_ticks t;
	assert_int_equal(mp_chart_ticks(NAN, 1, 5, &t), MP_EINPUT);
	assert_int_equal(mp_chart_ticks(0, INFINITY, 5, &t), MP_EINPUT);
	/* a range wider than any axis: an error, not an out-of-range (int) conversion */
	assert_int_equal(mp_chart_ticks(-1.7e308, 1.7e308, 5, &t), MP_EINPUT);
	assert_int_equal(mp_chart_ticks(-1e300, 1e300, 5, &t), MP_OK);
}

static void test_nicenum(void **state)
{
	(void)state;
	/* rounded: 1 (f<1.5), 2 (f<3), 5 (f<7), 10 */
	assert_float_equal(mp_chart_nicenum(1.4, 1), 1, 1e-12);
	assert_float_equal(mp_chart_nicenum(1.5, 1), 2, 1e-12);
	assert_float_equal(mp_chart_nicenum(2.9, 1), 2, 1e-12);
	assert_float_equal(mp_chart_nicenum(3.0, 1), 5, 1e-12);
	assert_float_equal(mp_chart_nicenum(69.9, 1), 50, 1e-12);
	assert_float_equal(mp_chart_nicenum(70, 1), 100, 1e-12);
	/* ceiling: 1 (f<=1), 2 (f<=2), 5 (f<=5), 10 */
	assert_float_equal(mp_chart_nicenum(1.0, 0), 1, 1e-12);
	assert_float_equal(mp_chart_nicenum(1.01, 0), 2, 1e-12);
	assert_float_equal(mp_chart_nicenum(2.01, 0), 5, 1e-12);
	assert_float_equal(mp_chart_nicenum(5.01, 0), 10, 1e-12);
	assert_float_equal(mp_chart_nicenum(0.031, 0), 0.05, 1e-15);
}

static void test_escape(void **state)
{
	(void)state;
	char *s = escape("<script>alert(1)</script>");
	assert_string_equal(s, "&lt;script&gt;alert(1)&lt;/script&gt;");
	free(s);
	s = escape("a&b\"c'd");
	assert_string_equal(s, "a&amp;b&quot;c&#39;d");
	free(s);
	s = escape("C\xC3\xB4te d\xE2\x80\x99Ivoire"); /* valid UTF-8 kept */
	assert_string_equal(s, "C\xC3\xB4te d\xE2\x80\x99Ivoire");
	free(s);
	s = escape("x\xFFy\x01z\xC0\xAF"); /* invalid bytes, a control char, an overlong '/' */
	assert_string_equal(s, "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = escape("\xE2\x82"); /* truncated sequence */
	assert_string_equal(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = escape("\xED\xA0\x80"); /* a UTF-16 surrogate encoded in UTF-8 */
	assert_string_equal(s, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
}

/* A two-point line: by hand, with the default 640x300 viewBox, y ticks 0.0..1.0 (3
 * characters: left margin 16 + 14*3 = 58), right 24, top 14, bottom 34:
 * (2000,0) -> (58, 300-34=266), (2010,1) -> (640-24=616, 14). */
static double lx[2] = { 2000, 2010 }, ly[2] = { 0, 1 };
static int draw_line(mp_ctx *ctx, FILE *f, void *arg)
{
	const char *name = arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "t1";
	o.title = "Title & <b>";
	o.source = "test";
	o.x_label = "year";
	mp_series s = { name, 2, lx, ly, MP_CHART_SOLID, 0 };
	return mp_chart_line(ctx, f, &o, &s, 1);
}

static void test_line_exact(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_line, "A", &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "d=\"M58.0 266.0L616.0 14.0\""));
	assert_non_null(strstr(a, "stroke=\"#0072B2\""));
	assert_non_null(strstr(a, "Title &amp; &lt;b&gt;"));
	assert_null(strstr(a, "<b>"));
	assert_non_null(strstr(a, "<details><summary>Data table</summary>"));
	assert_non_null(strstr(a, "<tr><th scope=\"row\">2000</th><td>0.0000</td></tr>"));
	assert_non_null(strstr(a, "viewBox=\"0 0 640 300\""));
	/* deterministic: the same data give the same bytes */
	char *b = render(draw_line, "A", &rc);
	assert_string_equal(a, b);
	free(b);
	free(a);
	/* a hostile series name appears only as text */
	a = render(draw_line, "<script>alert(1)</script>", &rc);
	assert_int_equal(rc, MP_OK);
	assert_null(strstr(a, "<script"));
	assert_non_null(strstr(a, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	free(a);
}

/* Gaps: x 1..4, y {1, NaN, 3, 4}: the first point is isolated and drawn as a zero-length
 * segment "h0", then a new subpath starts. */
static double gx[4] = { 1, 2, 3, 4 }, gy[4] = { 1, NAN, 3, 4 };
static int draw_gap(mp_ctx *ctx, FILE *f, void *arg)
{
	(void)arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "gap";
	o.title = "gap";
	mp_series s = { "g", 4, gx, gy, MP_CHART_DASHED, 3 };
	return mp_chart_line(ctx, f, &o, &s, 1);
}

static void test_line_gap(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_gap, NULL, &rc);
	assert_int_equal(rc, MP_OK);
	/* y ticks: range nicenum(3)=5, step nicenum(5/5)=1, axis 1..4; labels of one character,
	 * left margin 16 + 14 = 30, plot width 640-30-24 = 586; x=1 -> 30.0, y=1 -> 266.0;
	 * x=3 -> 30 + 586*2/3 = 420.67 -> 420.7, y=3 -> 266 - 252*2/3 = 98.0 */
	assert_non_null(strstr(a, "d=\"M30.0 266.0h0M420.7 98.0L"));
	size_t off = (size_t)(strstr(a, "class=\"line\"") - a);
	assert_true(off < strlen(a));
	assert_non_null(strstr(a + off, "h0M"));
	assert_non_null(strstr(a + off, "stroke=\"#009E73\"")); /* colour 3 = bluish green */
	assert_non_null(strstr(a + off, "stroke-dasharray"));
	assert_non_null(strstr(a, "<td></td>")); /* the NaN cell is empty */
	free(a);
}

/* Mismatched x in a stacked area chart is an input error. */
static double ax2[2] = { 1, 3 };
static int draw_area_bad(mp_ctx *ctx, FILE *f, void *arg)
{
	(void)arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "a";
	mp_series s[2] = { { "a", 2, lx, ly, 0, 0 }, { "b", 2, ax2, ly, 0, 0 } };
	return mp_chart_area(ctx, f, &o, s, 2);
}

static int draw_area(mp_ctx *ctx, FILE *f, void *arg)
{
	(void)arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "a";
	o.title = "area";
	mp_series s[2] = { { "a", 2, lx, ly, 0, 0 }, { "b", 2, lx, ly, 0, 0 } };
	return mp_chart_area(ctx, f, &o, s, 2);
}

static void test_area(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_area_bad, NULL, &rc);
	assert_int_equal(rc, MP_EINPUT);
	free(a);
	/* stack of two equal layers: top = 2y; y axis 0..2 step 0.5 ("0.0".."2.0", left 58);
	 * second layer top at x=2010 is y=2 -> 14.0, its bottom y=1 -> 140.0 */
	a = render(draw_area, NULL, &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "L616.0 14.0L616.0 140.0"));
	free(a);
}

/* Heat map colours: the scale ends and middle are Tol's YlOrBr stops 1, 9 and 5. */
static double hv[3] = { 0, 0.5, 1 };
static int draw_heat(mp_ctx *ctx, FILE *f, void *arg)
{
	(void)arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "h";
	o.title = "heat";
	const char *rows[1] = { "<r>" };
	const char *cols[3] = { "a", "b", "c" };
	return mp_chart_heatmap(ctx, f, &o, rows, 1, cols, 3, hv, NAN, NAN);
}

static void test_heatmap(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_heat, NULL, &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "<rect fill=\"#FFFFE5\""));
	assert_non_null(strstr(a, "<rect fill=\"#FB9A29\""));
	assert_non_null(strstr(a, "<rect fill=\"#662506\""));
	assert_non_null(strstr(a, "&lt;r&gt;"));
	assert_null(strstr(a, "<r>"));
	free(a);
}

/* Fan: bands and median from quantiles; an empty chart says so. */
static double fx[3] = { 2030, 2040, 2050 }, q05[3] = { 0.1, 0.1, 0.1 }, q25[3] = { 0.2, 0.2, 0.2 },
	      q50[3] = { 0.3, 0.3, 0.3 }, q75[3] = { 0.4, 0.4, 0.4 }, q95[3] = { 0.5, 0.5, 0.5 };
static int draw_fan(mp_ctx *ctx, FILE *f, void *arg)
{
	int empty = arg != NULL;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "fan";
	o.title = "fan";
	o.y_percent = 1;
	mp_band_series b = { "West", empty ? 0 : 3, fx, q05, q25, q50, q75, q95, 0 };
	return mp_chart_fan(ctx, f, &o, &b, 1, NULL, 0);
}

static void test_fan(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_fan, NULL, &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "class=\"b90\""));
	assert_non_null(strstr(a, "class=\"b50\""));
	/* y 0.1..0.5: ticks 0.1..0.5 step 0.1, percent labels "10%".."50%" */
	assert_non_null(strstr(a, ">50%</text>"));
	assert_non_null(strstr(a, "<td>0.3000</td>"));
	free(a);
	a = render(draw_fan, "empty", &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "class=\"nodata\""));
	assert_null(strstr(a, "<svg"));
	free(a);
}

/* Bars: a negative and a positive value around zero; long labels are cut. */
static double bv[2] = { -0.5, 1.0 };
static int draw_bar(mp_ctx *ctx, FILE *f, void *arg)
{
	(void)arg;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "bar";
	o.title = "bar";
	const char *labels[2] = { "short", "a category name that is much too long" };
	mp_series s = { "s", 2, NULL, bv, 0, 0 };
	return mp_chart_bar(ctx, f, &o, labels, 2, &s, 1);
}

static void test_bar(void **state)
{
	(void)state;
	int rc;
	char *a = render(draw_bar, NULL, &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "a category name that \xE2\x80\xA6</text>"));
	assert_int_equal(strstr(a, "<rect") != NULL, 1);
	/* the table keeps the full label */
	assert_non_null(strstr(a, "a category name that is much too long</th>"));
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticks),      cmocka_unit_test(test_nicenum),  cmocka_unit_test(test_escape),
		cmocka_unit_test(test_line_exact), cmocka_unit_test(test_line_gap), cmocka_unit_test(test_area),
		cmocka_unit_test(test_heatmap),    cmocka_unit_test(test_fan),      cmocka_unit_test(test_bar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
