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
	/* the panels' families (layouts.c): one vote per roll call and voter (by name: a few
	 * voters of the 1960s have no ISO2 code), one row per roll call, one per roll call and
	 * issue; COW's war participants and the MID participants have no key (a state can
	 * take part twice in one war or dispute) */
	{ "un_votes", "rcid country", 0, 0 },
	{ "un_rollcalls", "rcid", 1946, 0 },
	{ "un_issues", "rcid short_name", 0, 0 },
	{ "war_part", NULL, 1816, 0 },
	{ "mid_part", NULL, 1816, 0 },
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

/* The keys, each appended to an arena as a record (line, length, bytes). While the keys
 * come in strictly increasing order (the byte order of the encoding is the values' order,
 * import.c), a key greater than the previous one is new, and nothing else is done: the
 * released files are sorted by their key, so the common case is a sequential append. At the
 * first key out of order the records so far go into a hash table (open addressing, linear
 * probing, grown at 3/4 full), which then answers for every later key. */
typedef struct slot {
	uint64_t hash;
	uint32_t off; /* record offset + 1; 0 = empty */
	uint32_t pad;
} slot;

struct mp_keyset {
	unsigned char *arena;
	size_t used, size, n;
	size_t last;  /* offset of the last record */
	int unsorted; /* a key came out of order: the hash table is in use */
	slot *slots;
	size_t cap;
};

#define REC_HEAD 6 /* uint32 line, uint16 length */

static uint32_t rec_line(const unsigned char *r)
{
	uint32_t l;
	memcpy(&l, r, 4);
	return l;
}

static size_t rec_len(const unsigned char *r)
{
	uint16_t l;
	memcpy(&l, r + 4, 2);
	return l;
}

/* FNV-1a, 64-bit (Fowler, Noll and Vo; IETF draft-eastlake-fnv). */
static uint64_t fnv1a(const unsigned char *p, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	/* MurmurHash3's fmix64 finaliser (Appleby 2011): FNV's low bits, which pick the slot,
	 * cluster for short keys that differ in their last byte */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

int mp_data__keyset_new(mp_keyset **out, size_t expect)
{
	(void)expect;
	mp_keyset *k = calloc(1, sizeof *k);
	if (!k)
		return -1;
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

/* The slot of key p, or the empty slot where it would go. */
static slot *probe(const mp_keyset *k, slot *slots, size_t cap, uint64_t h, const void *p, size_t len)
{
	for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		slot *s = &slots[i];
		if (!s->off)
			return s;
		const unsigned char *r = k->arena + s->off - 1;
		if (s->hash == h && rec_len(r) == len && !memcmp(r + REC_HEAD, p, len))
			return s;
	}
}

static int rehash(mp_keyset *k, size_t cap)
{
	slot *ns = calloc(cap, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t off = 0; off < k->used; off += REC_HEAD + rec_len(k->arena + off)) {
		const unsigned char *r = k->arena + off;
		uint64_t h = fnv1a(r + REC_HEAD, rec_len(r));
		slot *s = probe(k, ns, cap, h, r + REC_HEAD, rec_len(r));
		s->hash = h;
		s->off = (uint32_t)off + 1;
	}
	free(k->slots);
	k->slots = ns;
	k->cap = cap;
	return 0;
}

static int append(mp_keyset *k, const void *p, size_t len, size_t line)
{
	if (k->used + REC_HEAD + len > k->size) {
		size_t size = k->size ? 2 * k->size : 65536;
		while (size < k->used + REC_HEAD + len)
			size *= 2;
		unsigned char *na = size <= UINT32_MAX ? realloc(k->arena, size) : NULL;
		if (!na)
			return -1;
		k->arena = na;
		k->size = size;
	}
	uint32_t l = (uint32_t)line;
	uint16_t n = (uint16_t)len;
	memcpy(k->arena + k->used, &l, 4);
	memcpy(k->arena + k->used + 4, &n, 2);
	memcpy(k->arena + k->used + REC_HEAD, p, len);
	k->last = k->used;
	k->used += REC_HEAD + len;
	k->n++;
	return 0;
}

/* memcmp order of two byte strings, a shorter prefix first. */
static int order(const unsigned char *a, size_t la, const unsigned char *b, size_t lb)
{
	int c = memcmp(a, b, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

int mp_data__keyset_add(mp_keyset *k, const void *p, size_t len, size_t line, size_t *first)
{
	if (len > UINT16_MAX || line > UINT32_MAX)
		return -1;
	if (!k->unsorted) {
		if (!k->n)
			return append(k, p, len, line);
		const unsigned char *prev = k->arena + k->last;
		int c = order(p, len, prev + REC_HEAD, rec_len(prev));
		if (c > 0)
			return append(k, p, len, line); /* greater than every key so far */
		if (c == 0) {
			*first = rec_line(prev);
			return 1;
		}
		/* out of order: from now on the hash table */
		size_t cap = 1024;
		while (4 * (k->n + 1) > 3 * cap)
			cap *= 2;
		if (rehash(k, cap))
			return -1;
		k->unsorted = 1;
	}
	if (4 * (k->n + 1) > 3 * k->cap && rehash(k, 2 * k->cap))
		return -1;
	uint64_t h = fnv1a(p, len);
	slot *s = probe(k, k->slots, k->cap, h, p, len);
	if (s->off) {
		*first = rec_line(k->arena + s->off - 1);
		return 1;
	}
	if (append(k, p, len, line))
		return -1;
	s->hash = h;
	s->off = (uint32_t)k->last + 1;
	return 0;
}
