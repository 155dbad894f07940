/* Colours: the palette and the one mapping from an entity (a pole, a state, a scenario, a
 * negotiation actor) to its colour, so an entity looks the same in every chart of every
 * report (docs/report.md, "Colours"). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "svg_internal.h"

/* 1-7 and 8: Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures
 * and presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
 * ordered so the first ones contrast best with white and each other; yellow (poor on white)
 * is eighth. 9-15: Tol, P. (2021), "muted" qualitative scheme (SRON/EPS/TN/09-002, fig. 5),
 * without its cyan and sand, which are too close to sky blue and yellow. */
static const char *const palette[MP_PALETTE_EXT] = {
	"#0072B2", /*  1 blue */
	"#D55E00", /*  2 vermillion */
	"#009E73", /*  3 bluish green */
	"#CC79A7", /*  4 reddish purple */
	"#E69F00", /*  5 orange */
	"#56B4E9", /*  6 sky blue */
	"#000000", /*  7 black */
	"#F0E442", /*  8 yellow */
	"#332288", /*  9 indigo */
	"#44AA99", /* 10 teal */
	"#117733", /* 11 green */
	"#999933", /* 12 olive */
	"#CC6677", /* 13 rose */
	"#882255", /* 14 wine */
	"#AA4499", /* 15 purple */
};

const char *mp_chart_color(size_t i)
{
	return palette[i % MP_PALETTE_EXT];
}

/* The fixed entities. Within each kind that shares charts (the poles; the states that lead
 * the history or the forecast; the shipped scenarios; the actors of each shipped negotiation)
 * the colours differ. A pole and its leading state share a colour (West and USA, Latin
 * America and Brazil); a pole named after one state is that state (China, Russia, India).
 * Aliases: '|'-separated, compared without case. */
static const struct entity {
	const char *key;
	int color;
	const char *aliases;
} entities[] = {
	/* poles (data/poles/poles.csv) */
	{ "West", 1, "the West" },
	{ "China", 2, "CHN|People's Republic of China|PRC" },
	{ "Russia", 4, "RUS|Russian Federation|Soviet Union|USSR" },
	{ "India", 5, "IND" },
	{ "Islamic", 3, "Islamic world" },
	{ "Africa", 14, "" },
	{ "LatinAmerica", 6, "Latin America" },
	/* states (COW abbreviations) */
	{ "USA", 1, "United States of America|United States|US|U.S." },
	{ "JPN", 9, "Japan" },
	{ "GMY", 7, "Germany|German Federal Republic|West Germany|Prussia" },
	{ "UKG", 13, "United Kingdom|UK|Britain|Great Britain" },
	{ "FRN", 10, "France" },
	{ "ITA", 11, "Italy" },
	{ "BRA", 6, "Brazil" },
	{ "ROK", 15, "South Korea|Republic of Korea|Korea" },
	{ "TUR", 12, "Turkey|Ottoman Empire|Turkiye" },
	{ "AUH", 14, "Austria-Hungary|Austria" },
	{ "INS", 14, "Indonesia" },
	{ "IRN", 14, "Iran" },
	{ "UKR", 3, "Ukraine" },
	{ "POL", 9, "Poland" },
	{ "HUN", 15, "Hungary" },
	{ "BLR", 11, "Belarus" },
	{ "TAW", 3, "Taiwan" },
	{ "AUL", 6, "Australia" },
	{ "PHI", 11, "Philippines" },
	{ "PAK", 12, "Pakistan" },
	/* the shipped scenarios (data/scenarios/) */
	{ "baseline", 7, "" },
	{ "decoupling", 5, "" },
	{ "sino-russian-axis", 2, "" },
	{ "russian-breakthrough", 4, "" },
	{ "multipolar-club", 3, "" },
};
#define NENT (sizeof entities / sizeof entities[0])

/* Neutral: states in no pole, remainders ("other"). Tol (2021): the grey of his schemes. */
static const char *const neutral[] = { "no pole", "other", "others", "rest of the world" };

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return 0;
	for (size_t i = 0; i < alen; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The entity named s[0..len), or NULL; *grey set for the neutral names. */
static const struct entity *lookup(const char *s, size_t len, int *grey)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return NULL;
	for (size_t k = 0; k < sizeof neutral / sizeof neutral[0]; k++)
		if (same(s, len, neutral[k], strlen(neutral[k]))) {
			*grey = 1;
			return NULL;
		}
	for (size_t k = 0; k < NENT; k++) {
		const struct entity *e = &entities[k];
		if (same(s, len, e->key, strlen(e->key)))
			return e;
		for (const char *a = e->aliases; *a;) {
			size_t n = strcspn(a, "|");
			if (same(s, len, a, n))
				return e;
			a += n + (a[n] == '|');
		}
	}
	return NULL;
}

/* The part of a series name that names the entity: the whole name, else the text in its
 * last parentheses ("United States of America (USA)"), else the text before them
 * ("USA (observed)"). */
static const struct entity *resolve(const char *name, int *grey, const char **rest, size_t *rlen)
{
	size_t len = strlen(name);
	*grey = 0;
	*rest = name;
	*rlen = len;
	const struct entity *e = lookup(name, len, grey);
	if (e || *grey)
		return e;
	const char *open = strrchr(name, '(');
	if (open && len && name[len - 1] == ')') {
		if ((e = lookup(open + 1, (size_t)(name + len - 1 - (open + 1)), grey)) != NULL || *grey)
			return e;
		*rlen = (size_t)(open - name);
		while (*rlen && name[*rlen - 1] == ' ')
			(*rlen)--;
		if ((e = lookup(name, *rlen, grey)) != NULL || *grey)
			return e;
	}
	return NULL;
}

/* FNV-1a, 32 bits (Fowler, Noll & Vo; IETF draft-eastlake-fnv), of the lower-cased name. */
static uint32_t fnv1a(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		h ^= (uint32_t)(unsigned char)tolower((unsigned char)s[i]);
		h *= 16777619u;
	}
	return h;
}

int mp_chart_entity_color(const char *name)
{
	int grey;
	const char *rest;
	size_t rlen;
	if (!name || !*name)
		return -1;
	const struct entity *e = resolve(name, &grey, &rest, &rlen);
	if (grey)
		return -1;
	if (e)
		return e->color;
	/* any other name: one of the 14 line colours (not yellow), from its hash */
	int k = (int)(fnv1a(rest, rlen) % (MP_PALETTE_EXT - 1));
	return k < 7 ? k + 1 : k + 2;
}

const char *mp_chart_entity_key(const char *name, char *buf, size_t size)
{
	int grey;
	const char *rest;
	size_t rlen;
	if (!size)
		return buf;
	buf[0] = '\0';
	if (!name)
		return buf;
	const struct entity *e = resolve(name, &grey, &rest, &rlen);
	if (e)
		snprintf(buf, size, "%s", e->key);
	else
		snprintf(buf, size, "%.*s", (int)rlen, rest);
	return buf;
}
