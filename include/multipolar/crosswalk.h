/*
 * multipolar: the one country-code crosswalk. COW state numbers and letters <-> ISO 3166-1
 * alpha-3, alpha-2 and numeric <-> UN M49 <-> English names, compiled into the library
 * from the countrycode crosswalk (Arel-Bundock, Enevoldsen & Yetman 2018, JOSS 3(28):848),
 * and the rules that map a dataset's country code to the COW state it stands for in a
 * year (docs/crosswalk.md). Every importer and loader goes through these functions; none
 * keeps its own exceptions.
 *
 * Returned pointers are to static, immutable data: never freed. The functions are
 * thread-safe.
 */
#ifndef MULTIPOLAR_CROSSWALK_H
#define MULTIPOLAR_CROSSWALK_H

#include "multipolar/export.h"

#include <stddef.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_country {
	int ccode;        /* COW state number; 0 when COW has none */
	const char *cowc; /* COW letters ("UKG"); "" when none */
	const char *iso3; /* ISO 3166-1 alpha-3 ("GBR"); "" when none */
	const char *iso2; /* ISO 3166-1 alpha-2 ("GB"); "" when none */
	int iso_num;      /* ISO 3166-1 numeric (826); 0 when none */
	int m49;          /* UN M49 (826; = ISO numeric for countries); 0 when none */
	const char *name; /* English name ("United Kingdom") */
} mp_country;

/* The table: mp_country_count() entries, mp_country_at(i) for i below it (NULL beyond). */
MP_EXTERN size_t mp_country_count(void);
MP_EXTERN const mp_country *mp_country_at(size_t i);

/* Exact lookups (letters case-insensitive); NULL when no entry has the code.
 * By COW number: 260 (German Federal Republic) and 730 (Korea before 1910), which the
 * countrycode list lacks, are in the table too. */
MP_EXTERN const mp_country *mp_country_by_ccode(int ccode);
MP_EXTERN const mp_country *mp_country_by_cowc(const char *cowc);
MP_EXTERN const mp_country *mp_country_by_iso3(const char *iso3);
MP_EXTERN const mp_country *mp_country_by_iso2(const char *iso2);
/* By UN M49 code (also the ISO numeric code of countries). */
MP_EXTERN const mp_country *mp_country_by_m49(int m49);

/* The COW state(s) that the ISO3 code of a country-year of a dataset (Maddison, PWT, WPP
 * via mp_country_by_m49 ...) stands for in `year`, the state as it existed then: the
 * table's COW number, except SUN -> 365 up to 1991 (RUS only from 1992), CSK -> 315 up to
 * 1992 (CZE -> 316 from 1993), YUG -> 345 up to 1991 and SRB -> 345 from 1992, and DEU ->
 * 260 in 1955-1990 (West Germany, with the GDR's share included) and 255 otherwise.
 * Writes up to 2 codes to ccode[] and returns how many (0: no COW state that year). */
MP_EXTERN int mp_country_state_of_iso3(const char *iso3, int year, int ccode[2]);
/* The COW state whose territory a country's whole series follows (for growth panels,
 * where a series must not change territory): the table's COW number, SRB -> 345; 0 when
 * the country has no COW number (Hong Kong); -1 for the aggregates of dissolved states
 * (SUN, CSK, YUG), which a panel leaves out: their successors are in the data on their own. */
MP_EXTERN int mp_country_series_of_iso3(const char *iso3);

/* The COW state of a record keyed by ISO 3166-1 alpha-2 (UN roll calls): the table's COW
 * number, the withdrawn ISO 3166-3 codes of dissolved states (CS 315, DD 265, SU 365,
 * YD 680, YU 345), or, when the code is blank or unknown, the English name (with the
 * records' spellings of former states: "Federal Republic of Germany" 260). 0 when none. */
MP_EXTERN int mp_country_state_of_iso2(const char *iso2, const char *name);

/* A country named on a command line: a COW number ("710"), COW letters ("CHN", tried
 * before ISO3, as COW's own keys come first: "CZE" is Czechoslovakia), an ISO3 code
 * ("DEU") or an English name ("germany"), case-insensitive. MP_ENOTFOUND with up to three
 * near matches in the message ("'Grmany': no such country; did you mean Germany (GMY,
 * 255)?"). */
MP_EXTERN int mp_country_find(mp_ctx *ctx, const char *text, const mp_country **out);

#ifdef __cplusplus
}
#endif
#endif
