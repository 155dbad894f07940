/*
 * Queries of the panels (world/events.c, world/votes.c, relations/panel.c): conflict
 * events, roll-call votes and state-year attributes that the one-year world queries
 * (q_world.h) do not give. Plain rows owned by the caller; country codes are mapped by
 * the world layer (crosswalk.c), never here.
 */
#ifndef MP_STORE_Q_PANELS_H
#define MP_STORE_Q_PANELS_H

#include <stddef.h>

#include "multipolar/store.h"

/* One dyad-year of a dyad-level conflict table (mid_dyad, war_inter): the pair as stored,
 * the year and whether any row of the pair-year is an onset (gmlmidonset, cowinteronset). */
typedef struct mp_store_event_row {
	int ccode1, ccode2, year, onset;
} mp_store_event_row;
/* All rows of `family` ("mid_dyad" or "war_inter") grouped by pair and year; *out is
 * malloc'd. MP_OK with *n = 0 when the family is not imported. */
int mp_store__panel_events(mp_ctx *ctx, mp_store *s, const char *family, mp_store_event_row **out, size_t *n);

/* One participant period of a participant-level file (mid_part: GML/COW MIDB, war_part:
 * COW Inter-State War): the dispute or war, the state, its side and its years (-8/-9 and
 * missing read as 0). */
typedef struct mp_store_participant_row {
	int event, ccode, side, styear, endyear;
} mp_store_participant_row;
int mp_store__panel_participants(mp_ctx *ctx, mp_store *s, const char *family, mp_store_participant_row **out,
				 size_t *n);

/* SIPRI military expenditure of every state in [from, to]: v = {constant 2022 US$ m,
 * share of GDP, current US$ m, NaN}; NaN missing. Sorted by ccode, year. */
typedef struct mp_store_sy_row {
	int ccode, year;
	double v[4];
} mp_store_sy_row;
int mp_store__panel_sipri(mp_ctx *ctx, mp_store *s, int from, int to, mp_store_sy_row **out, size_t *n);

/* Penn World Table real GDP of every country in [from, to]: ISO3 code, year, v[0] = rgdpe
 * (expenditure side, chained PPPs, millions of 2021 US$); sorted by code, year. */
typedef struct mp_store_iso_row {
	char iso3[8];
	int year;
	double v;
} mp_store_iso_row;
int mp_store__panel_pwt(mp_ctx *ctx, mp_store *s, int from, int to, mp_store_iso_row **out, size_t *n);

/* Roll-call votes of the roll calls dated in `year`: the roll call, the voter's ISO2 code
 * and name as stored, and its vote coded 1 yes, 2 abstain, 3 no (absences have no row);
 * sorted by rcid. Needs the un_votes and un_rollcalls families (MP_ENOTFOUND otherwise). */
typedef struct mp_store_vote_row {
	int rcid;
	char iso2[8];
	char name[48];
	int vote;
} mp_store_vote_row;
int mp_store__panel_votes(mp_ctx *ctx, mp_store *s, int year, mp_store_vote_row **out, size_t *n);
/* The roll calls of `year` with their issue families as bits (me, nu, di, hr, co, ec:
 * 1 << 0 .. 1 << 5) and the importantvote flag. */
typedef struct mp_store_rollcall_row {
	int rcid, issues, important;
} mp_store_rollcall_row;
int mp_store__panel_rollcalls(mp_ctx *ctx, mp_store *s, int year, mp_store_rollcall_row **out, size_t *n);
/* First and last year with roll calls (0, 0 when not imported). */
int mp_store__panel_vote_years(mp_ctx *ctx, mp_store *s, int *first, int *last);

/* Membership spells of the COW state system (states): ccode, first and last year, and
 * whether the spell is open at the end of the data (its last year is the data's last). */
typedef struct mp_store_spell_row {
	int ccode, styear, endyear, open;
} mp_store_spell_row;
int mp_store__panel_spells(mp_ctx *ctx, mp_store *s, mp_store_spell_row **out, size_t *n);

#endif
