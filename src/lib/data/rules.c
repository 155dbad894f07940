/* Import rules per family (rules.h): unique keys, documented year spans, text limits, and
 * the hash set that finds a repeated key and the line that had it first. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Keys and spans from each producer's codebook (docs/data.md lists them with sources).
 * war_inter has no key: a state can join the same war twice in one year (war 46, 1864). */
static const mp_dataset_rule rules[] = {
	{ "nmc", "ccode year", 1816, 0 },
	{ "states", "ccode styear", 1816, 0 },
	{ "majors", "ccode styear", 1816, 0 },
	{ "alliance_member", "version4id ccode year", 1816, 0 },
	{ "alliance_dyad", "ccode1 ccode2 year", 1816, 0 },
	{ "atop_dyad", "ccode1 ccode2 year", 1815, 0 },
	{ "unga", "ccode year", 1946, 0 },
	{ "maddison", "countrycode year", 1, 0 },
	{ "sipri", "ccode year", 1949, 0 },
	{ "trade_national", "ccode year", 1870, 0 },
	{ "trade_dyadic", "ccode1 ccode2 year", 1870, 0 },
	{ "crosswalk", "iso3c", 0, 0 },
	{ "codelist", NULL, 0, 0 },
	{ "war_inter", NULL, 1816, 0 },
	{ "mid_dyad", "dispnum ccode1 ccode2 year", 1816, 0 },
	{ "mid_disp", "dispnum", 1816, 0 },
	{ "capitals", "ccode stdate", 1816, 0 },
	{ "contiguity", "ccode1 ccode2 stdate", 1816, 0 },
	{ "rivalries", "rivalryno", 1494, 0 },
	{ "arms_races", "race_id", 1816, 0 },
	{ "pwt", "countrycode year", 1950, 0 },
};

static const mp_dataset_rule fallback = { "", NULL, 1, 0 };

const mp_dataset_rule *mp_data__rule(const char *family)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (!strcmp(rules[i].family, family))
			return &rules[i];
	return &fallback;
}

int mp_data__rule_year_hi(const mp_dataset_rule *r)
{
	if (r->year_hi)
		return r->year_hi;
	time_t now = time(NULL);
	struct tm tm;
	if (now == (time_t)-1 || !gmtime_r(&now, &tm))
		return 9999;
	return tm.tm_year + 1900;
}

size_t mp_data__text_limit(const char *column)
{
	/* mp_actor.stateabb[8] and .name[64] (multipolar/world.h) */
	if (!strcasecmp(column, "stateabb"))
		return 7;
	if (!strcasecmp(column, "statenme"))
		return 63;
	return 0;
}

/* Open addressing over (hash, offset, length, line); key bytes in one growing arena. */
typedef struct slot {
	uint64_t hash;
	size_t off, len, line; /* line 0 = empty */
} slot;

struct mp_keyset {
	slot *slots;
	size_t cap, n;
	unsigned char *arena;
	size_t used, size;
};

/* FNV-1a, 64-bit (Fowler, Noll and Vo; IETF draft-eastlake-fnv). */
static uint64_t fnv1a(const unsigned char *p, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int mp_data__keyset_new(mp_keyset **out)
{
	mp_keyset *k = calloc(1, sizeof *k);
	if (!k)
		return -1;
	k->cap = 1024;
	if (!(k->slots = calloc(k->cap, sizeof *k->slots))) {
		free(k);
		return -1;
	}
	*out = k;
	return 0;
}

void mp_data__keyset_free(mp_keyset *k)
{
	if (!k)
		return;
	free(k->slots);
	free(k->arena);
	free(k);
}

static slot *probe(slot *slots, size_t cap, uint64_t h, const unsigned char *arena, const void *p, size_t len)
{
	for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		slot *s = &slots[i];
		if (!s->line)
			return s;
		if (arena && s->hash == h && s->len == len && !memcmp(arena + s->off, p, len))
			return s;
	}
}

static int grow(mp_keyset *k)
{
	size_t cap = k->cap * 2;
	slot *ns = calloc(cap, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t i = 0; i < k->cap; i++)
		if (k->slots[i].line)
			*probe(ns, cap, k->slots[i].hash, NULL, NULL, 0) = k->slots[i];
	free(k->slots);
	k->slots = ns;
	k->cap = cap;
	return 0;
}

int mp_data__keyset_add(mp_keyset *k, const void *p, size_t len, size_t line, size_t *first)
{
	if (2 * (k->n + 1) > k->cap && grow(k))
		return -1;
	uint64_t h = fnv1a(p, len);
	slot *s = probe(k->slots, k->cap, h, k->arena, p, len);
	if (s->line) {
		*first = s->line;
		return 1;
	}
	if (k->used + len > k->size) {
		size_t size = k->size ? 2 * k->size : 65536;
		while (size < k->used + len)
			size *= 2;
		unsigned char *na = realloc(k->arena, size);
		if (!na)
			return -1;
		k->arena = na;
		k->size = size;
	}
	memcpy(k->arena + k->used, p, len);
	*s = (slot){ h, k->used, len, line ? line : 1 };
	k->used += len;
	k->n++;
	return 0;
}
