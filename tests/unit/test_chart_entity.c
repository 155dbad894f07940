/* Unit tests of the entity colours (one colour per entity, docs/report.md "Colours"), the
 * download links under each chart (standalone SVG and CSV as base64 data: URIs), the
 * shaded band of line charts and the direct labels beyond eight series. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "multipolar/chart.h"

static char *render_line(const mp_chart_opts *o, const mp_series *s, size_t ns, int *rc)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	mp_ctx *ctx = NULL;
	assert_int_equal(mp_ctx_new(&ctx), MP_OK);
	*rc = mp_chart_line(ctx, f, o, s, ns);
	mp_ctx_free(ctx);
	long len = ftell(f);
	assert_true(len >= 0);
	char *out = malloc((size_t)len + 1);
	assert_non_null(out);
	rewind(f);
	assert_int_equal(fread(out, 1, (size_t)len, f), (size_t)len);
	out[len] = '\0';
	fclose(f);
	return out;
}

/* RFC 4648 base64 decoding, written here independently of the library's encoder. */
static char *unbase64(const char *s, size_t n)
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = malloc(n / 4 * 3 + 4);
	assert_non_null(out);
	size_t o = 0;
	uint32_t acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n && s[i] != '='; i++) {
		const char *p = strchr(alpha, s[i]);
		assert_non_null(p);
		acc = (acc << 6) | (uint32_t)(p - alpha);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xFF);
		}
	}
	out[o] = '\0';
	return out;
}

/* The decoded payload of the data: URI after `prefix` in html. */
static char *payload(const char *html, const char *prefix)
{
	const char *a = strstr(html, prefix);
	assert_non_null(a);
	a += strlen(prefix);
	const char *z = strchr(a, '"');
	assert_non_null(z);
	return unbase64(a, (size_t)(z - a));
}

static void test_entity_colors(void **state)
{
	(void)state;
	/* one entity, many names */
	int china = mp_chart_entity_color("China");
	assert_true(china >= 1 && china <= MP_PALETTE_EXT);
	assert_int_equal(mp_chart_entity_color("CHN"), china);
	assert_int_equal(mp_chart_entity_color("china"), china);
	assert_int_equal(mp_chart_entity_color("China (CHN)"), china);
	assert_int_equal(mp_chart_entity_color("CHN (observed)"), china);
	assert_int_equal(mp_chart_entity_color("People's Republic of China"), china);
	assert_int_equal(mp_chart_entity_color("United States of America (USA)"), mp_chart_entity_color("USA"));
	assert_int_equal(mp_chart_entity_color("United States"), mp_chart_entity_color("USA"));
	/* a pole takes its leading state's colour */
	assert_int_equal(mp_chart_entity_color("West"), mp_chart_entity_color("USA"));
	char key[64];
	assert_string_equal(mp_chart_entity_key("People's Republic of China (CHN)", key, sizeof key), "China");
	assert_string_equal(mp_chart_entity_key("Atlantis (observed)", key, sizeof key), "Atlantis");
	/* neutral grey */
	assert_int_equal(mp_chart_entity_color("no pole"), -1);
	assert_int_equal(mp_chart_entity_color("Other"), -1);
	/* distinct within each group that shares charts */
	const char *poles[] = { "West", "China", "Russia", "India", "Islamic", "Africa", "LatinAmerica" };
	const char *states[] = { "USA", "CHN", "RUS", "IND", "JPN", "GMY", "UKG", "FRN", "ITA", "BRA", "ROK", "TUR" };
	const char *scen[] = { "baseline", "decoupling", "sino-russian-axis", "russian-breakthrough",
			       "multipolar-club" };
	const char *const *groups[] = { poles, states, scen };
	size_t sizes[] = { 7, 12, 5 };
	for (size_t g = 0; g < 3; g++)
		for (size_t i = 0; i < sizes[g]; i++)
			for (size_t j = i + 1; j < sizes[g]; j++)
				if (mp_chart_entity_color(groups[g][i]) == mp_chart_entity_color(groups[g][j]))
					fail_msg("%s and %s share a colour", groups[g][i], groups[g][j]);
	/* any other name: stable, one of the 14 line colours (never yellow, 8) */
	for (int k = 0; k < 200; k++) {
		char name[32];
		snprintf(name, sizeof name, "actor %d", k);
		int c = mp_chart_entity_color(name);
		assert_true(c >= 1 && c <= MP_PALETTE_EXT && c != 8);
		assert_int_equal(mp_chart_entity_color(name), c);
	}
}

static double x3[3] = { 2000, 2001, 2002 }, y3[3] = { 0.5, 1.0, 1.5 };

static void test_by_name(void **state)
{
	(void)state;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "n";
	o.title = "n";
	mp_series s[2] = { { "China (CHN)", 3, x3, y3, MP_CHART_SOLID, MP_CHART_BY_NAME },
			   { "no pole", 3, x3, y3, MP_CHART_SOLID, MP_CHART_BY_NAME } };
	int rc;
	char *a = render_line(&o, s, 2, &rc);
	assert_int_equal(rc, MP_OK);
	char want[96];
	snprintf(want, sizeof want, "data-entity=\"China\" style=\"--c:%s\"",
		 mp_chart_color((size_t)mp_chart_entity_color("China") - 1));
	assert_non_null(strstr(a, want));
	snprintf(want, sizeof want, "stroke=\"%s\" data-entity=\"China\"",
		 mp_chart_color((size_t)mp_chart_entity_color("China") - 1));
	assert_non_null(strstr(a, want));
	assert_non_null(strstr(a, "stroke=\"#BBBBBB\" data-entity=\"no pole\""));
	free(a);
}

static void test_downloads(void **state)
{
	(void)state;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "dl";
	o.title = "Ratio";
	o.y_label = "a / b";
	o.x_label = "year";
	o.source = "test data";
	o.band_lo = 0.8;
	o.band_hi = 1.2;
	o.band_label = "parity";
	mp_series s[2] = { { "a", 3, x3, y3, MP_CHART_SOLID, 0 },
			   { "=HYPERLINK(\"x\")", 3, x3, y3, MP_CHART_DASHED, 0 } };
	int rc;
	char *a = render_line(&o, s, 2, &rc);
	assert_int_equal(rc, MP_OK);
	/* the links come after the table, inside the figure */
	const char *p = strstr(a, "<p class=\"dl\">Download:");
	assert_non_null(p);
	assert_true(p > strstr(a, "</details>"));
	assert_non_null(strstr(p, "</p>\n</figure>\n"));
	assert_non_null(strstr(a, "download=\"dl.svg\""));
	assert_non_null(strstr(a, "download=\"dl.csv\""));
	/* the CSV: the table's rows, RFC 4180 quoting, a formula-like name defused (OWASP) */
	char *csv = payload(a, "data:text/csv;charset=utf-8;base64,");
	assert_string_equal(csv, "year,a,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
				 "2000,0.5,0.5\r\n2001,1,1\r\n2002,1.5,1.5\r\n");
	free(csv);
	/* the SVG: a standalone document with its style sheet, title, legend and source */
	char *svg = payload(a, "data:image/svg+xml;base64,");
	assert_int_equal(
		strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"",
			78),
		0);
	assert_non_null(strstr(svg, "<style>"));
	assert_non_null(strstr(svg, ".line{fill:none"));
	assert_non_null(strstr(svg, ">Ratio</text>"));
	assert_non_null(strstr(svg, ">Source: test data</text>"));
	assert_non_null(strstr(svg, ">parity</text>"));
	assert_non_null(strstr(svg, "class=\"band\""));
	size_t n = strlen(svg);
	assert_true(n > 7 && !strcmp(svg + n - 7, "</svg>\n"));
	assert_null(strstr(svg, "<details"));
	free(svg);
	/* the band: 0.8-1.2 on the data's 0.5..1.5, whose nice axis (Heckbert: step 0.2) is
	 * 0.4..1.6, in a 300-high frame with top 14 and bottom 34: y(1.2) = 266 - 252*0.8/1.2 =
	 * 98.0, y(0.8) = 266 - 252*0.4/1.2 = 182.0, height 84.0 */
	assert_non_null(strstr(a, "<rect class=\"band\" x=\""));
	assert_non_null(strstr(a, "y=\"98.0\" width="));
	assert_non_null(strstr(a, "height=\"84.0\"><title>parity</title>"));
	free(a);
}

static void test_direct_labels(void **state)
{
	(void)state;
	mp_chart_opts o = MP_CHART_OPTS_INIT;
	o.id = "many";
	o.title = "many";
	mp_series s[10];
	double ys[10][3];
	char names[10][16];
	for (int j = 0; j < 10; j++) {
		for (int i = 0; i < 3; i++)
			ys[j][i] = j + 0.1 * i;
		snprintf(names[j], sizeof names[j], "series %d", j);
		s[j] = (mp_series){ names[j], 3, x3, ys[j], MP_CHART_SOLID, 0 };
	}
	int rc;
	/* eight series with distinct colours: no labels */
	char *a = render_line(&o, s, 8, &rc);
	assert_int_equal(rc, MP_OK);
	assert_null(strstr(a, "class=\"dlabel\""));
	free(a);
	/* ten: each line labelled at its end, in its colour, and the ten colours differ */
	a = render_line(&o, s, 10, &rc);
	assert_int_equal(rc, MP_OK);
	int labels = 0;
	for (const char *p = a; (p = strstr(p, "class=\"dlabel\"")) != NULL; p++)
		labels++;
	assert_int_equal(labels, 10);
	assert_non_null(strstr(a, ">series 9</text>"));
	for (int i = 0; i < 10; i++)
		for (int j = i + 1; j < 10; j++) {
			char ci[32], cj[32];
			const char *pi = strstr(a, "<path class=\"line\" stroke=\"");
			for (int k = 0; k < i; k++)
				pi = strstr(pi + 1, "<path class=\"line\" stroke=\"");
			const char *pj = pi;
			for (int k = i; k < j; k++)
				pj = strstr(pj + 1, "<path class=\"line\" stroke=\"");
			snprintf(ci, 8, "%s", pi + 27);
			snprintf(cj, 8, "%s", pj + 27);
			if (!strcmp(ci, cj))
				fail_msg("series %d and %d share colour %s", i, j, ci);
		}
	free(a);
	/* two series of one colour (one entity twice): labelled too */
	mp_series two[2] = { { "China", 3, x3, ys[0], MP_CHART_SOLID, MP_CHART_BY_NAME },
			     { "CHN", 3, x3, ys[1], MP_CHART_SOLID, MP_CHART_BY_NAME } };
	a = render_line(&o, two, 2, &rc);
	assert_int_equal(rc, MP_OK);
	assert_non_null(strstr(a, "class=\"dlabel\""));
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity_colors),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_downloads),
		cmocka_unit_test(test_direct_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
