/*
 * Pole membership: a year-specific table saying which pole (West, China, Russia, India,
 * Islamic, Africa, LatinAmerica, ...) each state belongs to. The shipped table is
 * data/poles/poles.csv (rules in docs/poles.md); a user file in the same format
 * (`ccode,stateabb,pole,from_year,to_year,rule`) replaces it.
 */
#ifndef MULTIPOLAR_POLES_H
#define MULTIPOLAR_POLES_H

#include "multipolar/export.h"

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MP_POLE_NONE (-1) /* unassigned */

typedef struct mp_poles mp_poles;

typedef struct mp_pole_spell {
	int ccode;
	char stateabb[8];
	int pole;               /* index of the pole name */
	int from_year, to_year; /* inclusive */
	char rule[48];
} mp_pole_spell;

/* Loads a membership file; path NULL loads the shipped table. */
MP_EXTERN int mp_poles_load(mp_ctx *ctx, const char *path, mp_poles **out);
MP_EXTERN void mp_poles_free(mp_poles *p);
/* Pole names in order of first appearance in the file. */
MP_EXTERN int mp_poles_count(const mp_poles *p);
MP_EXTERN const char *mp_poles_name(const mp_poles *p, int pole);
/* Index of a pole by name (case-insensitive), or MP_POLE_NONE. */
MP_EXTERN int mp_poles_find(const mp_poles *p, const char *name);
/* The pole of state `ccode` in `year`, or MP_POLE_NONE. */
MP_EXTERN int mp_poles_of(const mp_poles *p, int ccode, int year);
/* The spells, in file order. */
MP_EXTERN size_t mp_poles_spells(const mp_poles *p);
MP_EXTERN const mp_pole_spell *mp_poles_spell(const mp_poles *p, size_t i);

#ifdef __cplusplus
}
#endif
#endif
