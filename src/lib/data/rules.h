/* Import rules per dataset family beyond the column list of datasets.c: the key that is
 * unique in every release (one row per key), the years the family documents, and the
 * longest text multipolar keeps whole (docs/data.md, "What an import checks"). */
#ifndef MP_DATA_RULES_H
#define MP_DATA_RULES_H

#include <stddef.h>
#include <stdint.h>

typedef struct mp_dataset_rule {
	const char *family;
	const char *key; /* space-separated key columns, NULL: rows need not be unique */
	int year_lo;     /* first year the family documents */
	int year_hi;     /* last year; 0 = the current year (observations, not projections) */
} mp_dataset_rule;

/* The family's rule, or the default (no key, years 1 to the current year). */
const mp_dataset_rule *mp_data__rule(const char *family);
/* The rule's last year (the current UTC year when year_hi is 0). */
int mp_data__rule_year_hi(const mp_dataset_rule *r);
/* Longest text kept whole for a column name (stateabb 7, statenme 63), 0 = no limit. */
size_t mp_data__text_limit(const char *column);

/* A set of row keys (typed values serialised to bytes) with the line that first had each. */
typedef struct mp_keyset mp_keyset;
/* expect: about how many keys will come (sizes the table once); 0 if unknown. */
int mp_data__keyset_new(mp_keyset **out, size_t expect);
void mp_data__keyset_free(mp_keyset *k);
/* Adds key bytes [p, p+len) first seen on `line`. Returns 0 when new, 1 when the key was
 * there already (*first = its line), -1 when out of memory. */
int mp_data__keyset_add(mp_keyset *k, const void *p, size_t len, size_t line, size_t *first);

#endif
