/* Text in charts: escaping and fixed number formatting. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg_internal.h"

/* Length of a valid UTF-8 sequence starting at s (1-4), or 0 if invalid (overlong,
 * surrogate, beyond U+10FFFF or truncated). RFC 3629, section 4 (the byte ranges). */
static int utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
	}
	return 0;
}

void mp_html_escape(FILE *f, const char *str)
{
	if (!str)
		return;
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		unsigned c = *s;
		switch (c) {
		case '&':
			fputs("&amp;", f);
			s++;
			continue;
		case '<':
			fputs("&lt;", f);
			s++;
			continue;
		case '>':
			fputs("&gt;", f);
			s++;
			continue;
		case '"':
			fputs("&quot;", f);
			s++;
			continue;
		case '\'':
			fputs("&#39;", f);
			s++;
			continue;
		default: break;
		}
		if (c < 0x20 && c != '\t' && c != '\n') {
			fputs("\xEF\xBF\xBD", f); /* XML 1.0 forbids other C0 controls */
			s++;
			continue;
		}
		if (c == 0x7F) {
			fputs("\xEF\xBF\xBD", f);
			s++;
			continue;
		}
		int len = utf8_len(s);
		if (len == 0) {
			fputs("\xEF\xBF\xBD", f);
			s++;
			continue;
		}
		fwrite(s, 1, (size_t)len, f);
		s += len;
	}
}

void svg__id(FILE *f, const char *id)
{
	for (const char *p = id; p && *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '_')
			fputc(*p, f);
}

void svg__num(FILE *f, double v, int digits)
{
	char buf[64];
	if (!isfinite(v))
		return;
	snprintf(buf, sizeof buf, "%.*f", digits, v);
	/* "-0.00" -> "0.00": the sign of a value that rounds to zero carries no information
	 * and would make output depend on rounding noise */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		fputs(buf + 1, f);
	else
		fputs(buf, f);
}

void svg__coord(FILE *f, double v)
{
	svg__num(f, v, 1);
}

void svg__tick_label(FILE *f, double v, int digits, int percent)
{
	if (percent) {
		int d = digits - 2;
		svg__num(f, v * 100.0, d > 0 ? d : 0);
		fputc('%', f);
	} else
		svg__num(f, v, digits);
}

int svg__tick_label_len(double v, int digits, int percent)
{
	char buf[64];
	if (percent) {
		int d = digits - 2;
		return snprintf(buf, sizeof buf, "%.*f", d > 0 ? d : 0, v * 100.0) + 1;
	}
	return snprintf(buf, sizeof buf, "%.*f", digits, v);
}
