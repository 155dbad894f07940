/*
 * mp_world: the states of one year with their material capabilities and attributes,
 * from the store (any year of imported COW NMC data, joined with what else is imported)
 * or from the shipped default world (data/world/world.csv: a recent year, ~60 largest
 * states plus one remainder row per pole).
 *
 * An open struct of plain data: read it directly. Missing values are NaN.
 */
#ifndef MULTIPOLAR_WORLD_H
#define MULTIPOLAR_WORLD_H

#include "multipolar/export.h"

#include "multipolar/common.h"
#include "multipolar/demog.h"
#include "multipolar/poles.h"
#include "multipolar/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The six CINC components in COW NMC units (Singer, Bremer & Stuckey 1972). */
enum mp_component {
	MP_MILEX,  /* military expenditure, thousands (GBP 1816-1913, current USD from 1914) */
	MP_MILPER, /* military personnel, thousands */
	MP_IRST,   /* iron and steel production, thousand tons */
	MP_PEC,    /* primary energy consumption, thousand coal-ton equivalents */
	MP_TPOP,   /* total population, thousands */
	MP_UPOP,   /* urban population, thousands */
	MP_NCOMP
};

/* Column names of the components, in enum order ("milex", ...). */
MP_EXTERN extern const char *const mp_component_names[MP_NCOMP];

/* Economy start data of an actor (world/economy.c; NaN = unknown): PWT 11.0's latest
 * values up to the world's year, or data/world/economy.csv for the default world, which
 * also carries each state's fitted levels (calibration up to 2016; docs/economy.md). */
typedef struct mp_actor_econ {
	double capital_output;           /* capital stock / GDP, both at current PPPs (cn / cgdpo) */
	double invest_share;             /* investment rate that grows capital at current PPPs as PWT's
				   capital at constant national prices grows (mp_world_invest_rate) */
	double price_level;              /* price level of GDP relative to the US (MER / PPP) */
	double tfp_gap;                  /* distance to the steady-state TFP gap (economy.tfp_gap minus the
				   state's gap in the calibration year; the sim adds the start gap) */
	double tfp_gap_sd, tfp_shock_sd; /* economy.tfp_gap_sd, economy.tfp_shock_sd */
	double burden_level, burden_shock_sd, personnel_rate; /* military.burden_level,
							   military.shock_sd, military.personnel_rate */
} mp_actor_econ;
#define MP_ACTOR_ECON_UNKNOWN                                                                                          \
	{                                                                                                              \
		NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN                                                            \
	}

typedef struct mp_actor {
	int ccode;        /* COW code; 0 for an aggregate (remainder) row */
	char stateabb[8]; /* COW abbreviation ("USA"); remainder rows "XWST"... */
	char name[64];
	double comp[MP_NCOMP]; /* NaN = missing */
	double cinc_published; /* NMC's own cinc column; NaN if none */
	int major;             /* COW major power in this year (majors2016), 0/1 */
	int pole;              /* index into the mp_poles used, or MP_POLE_NONE */
	double gdp;            /* GDP, millions: PPP (default world: current int$; history:
				   Maddison gdppc*pop, 2011 int$); NaN if unknown */
	double gdp_mer;        /* GDP at market exchange rates, millions of current US$ */
	double ideal_point;    /* UNGA ideal point (idealpointfp) */
	double lat, lng;       /* capital */
	mp_actor_econ econ;    /* economy start data (world/economy.c) */
} mp_actor;

/*
 * Dyads of a year, built once by one set of rules (docs/world.md "Dyads"): n*n row-major
 * symmetric matrices over a list of states (the world's actors, in their order), NaN where
 * unknown. A matrix is NULL when it was not asked for (MP_WORLD_DYAD_* parts).
 *  - distance: great-circle km between the capitals of the year (mp_world_distance_km);
 *  - contig: COW direct contiguity type of the spell in force in the year (Stinnett et al.
 *    2002): 1 land or river, 2-5 water up to 12/24/150/400 miles, 0 none; NaN when the
 *    contiguity data are not imported;
 *  - tie, defence: alliances by the one rule: ATOP 5.1 where it has the year, else COW 4.1,
 *    each carried forward at most MP_WORLD_CARRY_YEARS (the newest year Y' with
 *    Y - 5 <= Y' <= Y that has rows; alliance_year, alliance_source say which); tie is the
 *    valued coding (mp_world_tie_atop/cow: 3 defence, 2 ..., 0 none), defence 1 for a
 *    defence pact; both NaN when no alliance data are within 5 years;
 *  - atop, cow: each source's valued tie of exactly the year (the relations' columns;
 *    NULL when the source has no rows that year), 3 on the diagonal (A6);
 *  - trade: COW dyadic trade flow1 + flow2 (millions of current US$; missing if either
 *    is, Barbieri, Keshk & Pollins 2009) of the newest year within MP_WORLD_CARRY_YEARS
 *    (trade_year; 0 when none);
 *  - rival: 1 for a Thompson-Dreyer (2012) strategic rivalry in force, else 0; NaN when the
 *    rivalry data are not imported.
 */
#define MP_WORLD_CARRY_YEARS 5
enum {
	MP_WORLD_DYAD_DISTANCE = 1,
	MP_WORLD_DYAD_CONTIG = 2,
	MP_WORLD_DYAD_ALLIANCE = 4, /* tie, defence */
	MP_WORLD_DYAD_SOURCES = 8,  /* atop, cow */
	MP_WORLD_DYAD_TRADE = 16,
	MP_WORLD_DYAD_RIVAL = 32,
	MP_WORLD_DYAD_ALL = 63
};

typedef struct mp_world_dyads {
	size_t n;
	int year;
	double *distance, *contig, *tie, *defence, *atop, *cow, *trade, *rival;
	int alliance_year;        /* the year the ties come from (0: none) */
	char alliance_source[16]; /* "atop_dyad", "alliance_dyad" or "" */
	int trade_year;           /* the year the trade flows come from (0: none) */
} mp_world_dyads;

/* Demography of one actor at the world's year (world/ages.c; docs/demography.md, "Start
 * world by age"): what the cohort-component mechanism starts from. Counts are UN WPP's for
 * the actor's territory (thousands); the simulation scales them to the actor's tpop. */
typedef struct mp_actor_demog {
	int source;                      /* MP_AGES_*: how the record was obtained */
	int year;                        /* of the age structure (<= the world's year) */
	double pop[2][MP_DEMOG_AGES];    /* by sex (F, M) and single year 0..99, 100+ */
	double mx[2][MP_DEMOG_NMX];      /* death rates of the latest period known (ages 0,
					      1, 5, ..., 100+) */
	double lc_b[2][MP_DEMOG_NMX];    /* Lee-Carter age pattern of mortality change
					      (sums to 1; Lee & Carter 1992) */
	double e0[2];                    /* life expectancy at birth at the year */
	double tfr, srb;                 /* total fertility, sex ratio at birth */
	double fert[MP_DEMOG_FERT_AGES]; /* shares of total fertility by age 15..49 (sum 1) */
	double mig_rate;                 /* net migrants a year per person (mean of the
					      last five years known) */
	double mig[2][MP_DEMOG_AGES];    /* age-sex distribution of yearly net migrants
					      (sum 1 over both sexes) */
} mp_actor_demog;

enum {
	MP_AGES_NONE = 0,   /* no demographic data: the mechanism falls back */
	MP_AGES_WPP = 1,    /* the actor's own WPP location(s) */
	MP_AGES_REGION = 2, /* no WPP age data for it: its UN region's structure and rates */
	MP_AGES_SUM = 3     /* a remainder row: the sum of the states it stands for */
};

typedef struct mp_world {
	int year;
	size_t n;
	mp_actor *actors;      /* sorted by ccode (aggregates last) */
	char source[96];       /* e.g. "NMC 6.0" or "default world 2023" */
	int has_majors;        /* majors known (states/majors data imported or shipped) */
	mp_world_dyads *dyads; /* over the actors (MP_WORLD_DYADS); NULL when not loaded */
	mp_actor_demog *demog; /* n, parallel to actors; NULL when no demographic data
				   (WPP not imported, or no data/world/ages.csv) */
} mp_world;

/* Attributes joined to the NMC rows when their dataset is imported. */
enum {
	MP_WORLD_NAMES = 1,  /* statenme from states2016 */
	MP_WORLD_MAJORS = 2, /* COW major powers (majors2016) */
	MP_WORLD_GDP = 4,    /* Maddison GDP via the countrycode crosswalk */
	MP_WORLD_IDEAL = 8,  /* UNGA ideal points */
	MP_WORLD_CAPITALS = 16,
	MP_WORLD_ALL = 31,
	/* not in MP_WORLD_ALL: the dyads (all parts) over the actors, with capitals */
	MP_WORLD_DYADS = 32,
	MP_WORLD_AGES = 64 /* demography by age and sex (UN WPP; world/ages.c) */
};

/* The depreciation rate of the perpetual inventory behind invest_share; the default of
 * the sim's economy.depreciation (tests/unit/test_fit_economy.c checks they agree). */
#define MP_ECON_PIM_DEPRECIATION 0.05
/* Investment rate of a year from PWT's capital at constant national prices (Inklaar &
 * Timmer 2013; Feenstra, Inklaar & Timmer 2015 recommend the national-accounts series for
 * growth): (rnna_t+1 - (1 - d) rnna_t) / rgdpna_t = ky_next - (1 - d) ky, with ky =
 * rnna_t / rgdpna_t and ky_next = rnna_t+1 / rgdpna_t, times `scale` (the state's ratio of
 * cn / cgdpo to rnna / rgdpna, so that capital at current PPPs grows at the constant-price
 * rate: K_t+1 = (1 - d) K_t + s Y_t with K, Y at current PPPs). NaN if an input is not
 * positive. */
double mp_world_invest_rate(double ky, double ky_next, double scale);

/* Economy start data (world/economy.c): fills econ.capital_output, invest_share and
 * price_level of w's actors from the store's PWT rows of years <= w->year (latest value
 * of the last 10 years; the price level relative to the US of the same year), and gdp_mer
 * where it is missing: gdp (PPP) x price level x the US's current-dollar GDP (SIPRI) over
 * its PPP GDP in that year. No PWT imported: the fields stay NaN (MP_OK). */
MP_EXTERN int mp_world_economy_from_store(mp_ctx *ctx, mp_store *s, mp_world *w);
/* The same from a CSV with header `ccode,capital_output,invest_share,tfp_gap,tfp_gap_sd,
 * tfp_shock_sd,burden_level,burden_shock_sd,personnel_rate` (path NULL: the shipped data/world/economy.csv;
 * empty field = unknown); the default world's price level is its gdp_mer / gdp_ppp. */
MP_EXTERN int mp_world_economy_from_file(mp_ctx *ctx, const char *path, mp_world *w);

/* Loads `year` from the store's NMC data (`nmc_version` NULL = newest), joining majors,
 * names (states), Maddison GDP and UNGA ideal points when imported, demography by age
 * (MP_WORLD_AGES) when WPP is imported, and poles if given. */
MP_EXTERN int mp_world_from_store(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version, const mp_poles *poles,
				  mp_world **out);
/* The same with only the attributes in `attrs` (MP_WORLD_*) joined: faster for series. */
MP_EXTERN int mp_world_from_store_ex(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version, const mp_poles *poles,
				     unsigned attrs, mp_world **out);
/* Loads the shipped default world (path NULL) or a file in the same format. Poles come
 * from `poles` when given, else from the file's own pole column. */
MP_EXTERN int mp_world_load_default(mp_ctx *ctx, const char *path, const mp_poles *poles, mp_world **out);
/* Demography by age and sex (world/ages.c, docs/demography.md): fills w->demog from the
 * store's UN WPP data using rows up to w->year only; leaves it NULL when WPP is not
 * imported. The default world's come from data/world/ages.csv (path NULL = shipped). */
MP_EXTERN int mp_world_ages_from_store(mp_ctx *ctx, mp_store *s, mp_world *w);
MP_EXTERN int mp_world_ages_load(mp_ctx *ctx, const char *path, mp_world *w);
/* Writes w->demog as the long CSV that mp_world_ages_load reads (ccode, stateabb, key,
 * sex, age, value), atomically. */
MP_EXTERN int mp_world_ages_write(mp_ctx *ctx, const mp_world *w, const char *path);
/* For remainder rows (ccode 0) of a default world: fills their demography as the sum of
 * the store's states of their pole (poles for w->year) that are not listed in w. */
MP_EXTERN int mp_world_ages_remainders(mp_ctx *ctx, mp_store *s, const mp_poles *poles, mp_world *w);

/* Adds record b into a: counts summed; death rates weighted by each age's people,
 * fertility by women 15-49, life expectancy by population, migrants' patterns by their
 * numbers (world/ages.c). */
MP_EXTERN void mp_world_ages_merge(mp_actor_demog *a, const mp_actor_demog *b);

/* A deep copy. */
MP_EXTERN int mp_world_clone(const mp_world *w, mp_world **out);
MP_EXTERN void mp_world_free(mp_world *w);
/* Index of the actor with `ccode`, or -1. */
MP_EXTERN int mp_world_find(const mp_world *w, int ccode);
/* Index of the actor by stateabb (case-insensitive), name, COW code, or else any name
 * mp_country_find (crosswalk.h) knows (ISO3, English names), or -1. */
MP_EXTERN int mp_world_find_name(const mp_world *w, const char *abb_or_name);
/* Dyads of `year` over the states ccodes[0..n) (aggregates, ccode 0, have none), the
 * parts in `parts` (MP_WORLD_DYAD_*); capitals lat/lng (n each, NaN unknown) are needed
 * for the distance and may be NULL otherwise. *out is freed with mp_world_dyads_free. */
MP_EXTERN int mp_world_dyads_build(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, const double *lat,
				   const double *lng, unsigned parts, mp_world_dyads **out);
MP_EXTERN void mp_world_dyads_free(mp_world_dyads *d);
/* Valued alliance ties (docs/relations.md section 2; Signorino & Ritter 1999): ATOP v = {defense,
 * offense, neutral, nonagg, consul}: 3 defence or offence, 2 neutrality or consultation, 1
 * non-aggression only, 0 none; COW v = {defense, neutral, nonagg, entente}: 3 defence
 * pact, 2 neutrality or non-aggression, 1 entente. */
MP_EXTERN int mp_world_tie_atop(const double v[5]);
MP_EXTERN int mp_world_tie_cow(const double v[4]);
/* Every allied dyad-year in [from, until] by the one alliance rule (ATOP where it has the
 * year, else COW, carried at most MP_WORLD_CARRY_YEARS): fn(u, year, ccode1, ccode2, tie,
 * defence) for each pair with tie > 0, in the sources' stored order (both directions).
 * MP_ENOTFOUND when neither alliance dataset is imported. */
typedef void (*mp_world_tie_fn)(void *u, int year, int ccode1, int ccode2, int tie, int defence);
MP_EXTERN int mp_world_alliances(mp_ctx *ctx, mp_store *s, int from, int until, mp_world_tie_fn fn, void *u);
/* Great-circle distance in km, haversine (Sinnott 1984, Sky & Telescope 68(2):159) with
 * the IUGG mean Earth radius 6371.0088 km (Moritz 2000). */
MP_EXTERN double mp_world_distance_km(double lat1, double lng1, double lat2, double lng2);
/* The year range of NMC data in the store (newest or given version). */
MP_EXTERN int mp_world_store_years(mp_ctx *ctx, mp_store *s, const char *nmc_version, int *first, int *last);

/* ---- panels (issue 14): conflict events, peace years, roll-call votes, capitals ------ */

/* Dyadic conflict events by dyad-year (docs/panels.md "Conflict"): MIDs from the GML
 * directed dispute dyad-years (mid_dyad; Gibler, Miller & Little 2016) or, when only a
 * participant-level file is imported (mid_part: GML/COW MIDB), from the pairs of
 * participants on opposite sides in the years both took part; wars likewise from war_inter
 * or the COW Inter-State War participants (war_part; Sarkees & Wayman 2010). Pairs are
 * undirected (ccode1 < ccode2), one row per pair-year, sorted by (ccode1, ccode2, year). */
typedef struct mp_world_event {
	int year;
	short ccode1, ccode2;
	unsigned char onset; /* a new dispute (or a new participant in one) began that year */
} mp_world_event;
typedef struct mp_world_events {
	size_t n;
	mp_world_event *v;
	int first, last; /* years the source covers (0: not imported) */
	char source[16]; /* "mid_dyad", "mid_part", "war_inter", "war_part" or "" */
} mp_world_events;
enum { MP_WORLD_EV_MID, MP_WORLD_EV_WAR };
/* Loads every event of `kind`; an empty set (source "") when neither file is imported. */
MP_EXTERN int mp_world_events_load(mp_ctx *ctx, mp_store *s, int kind, mp_world_events **out);
MP_EXTERN void mp_world_events_free(mp_world_events *e);
/* The pair's row of `year`: 0 none, 1 ongoing, 3 onset (and ongoing); -1 when the year is
 * outside the source's coverage. */
MP_EXTERN int mp_world_event_at(const mp_world_events *e, int ccode1, int ccode2, int year);
/* The year of the pair's last onset before `year` (0: none). */
MP_EXTERN int mp_world_event_last_onset(const mp_world_events *e, int ccode1, int ccode2, int year);
/* Peace years, the one rule (docs/panels.md "Peace years"; the BTSCS spell counter of
 * Beck, Katz & Tucker 1998 as peacesciencer's add_spells() counts onsets): the years since
 * the later of `since` (the first year the pair is observed: joint system membership, or
 * the data's first year) and the year after the pair's last onset before `year`:
 *   peace(year) = year - max(since, last_onset + 1).
 * An onset year carries the length of the spell it ends; the year after is 0. */
MP_EXTERN int mp_world_peace_years(int year, int since, int last_onset);

/* Capitals in force in `year` of the states ccodes[0..n): lat[i], lng[i] (NaN unknown or
 * when the capitals are not imported). */
MP_EXTERN int mp_world_capitals(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *lat,
				double *lng);

/* UN General Assembly roll-call votes of one year (Voeten, Strezhnev & Bailey 2009, as
 * distributed in the R package unvotes): the voters (COW states, by the crosswalk from
 * ISO2 or the name), the roll calls, and each vote coded 1 yes, 2 abstain, 3 no, 0 absent
 * or not a member. Issue families as bits (MP_VOTE_*). */
enum { MP_VOTE_ME = 1, MP_VOTE_NU = 2, MP_VOTE_DI = 4, MP_VOTE_HR = 8, MP_VOTE_CO = 16, MP_VOTE_EC = 32 };
typedef struct mp_world_votes {
	int year;
	size_t nstates, ncalls;
	int *ccode;               /* nstates, increasing */
	int *rcid;                /* ncalls */
	unsigned char *issues;    /* ncalls: MP_VOTE_* bits */
	unsigned char *important; /* ncalls: the US State Department's important votes */
	unsigned char *vote;      /* nstates x ncalls, row-major */
	size_t unmatched;         /* votes of voters the crosswalk has no COW state for */
} mp_world_votes;
MP_EXTERN int mp_world_votes_load(mp_ctx *ctx, mp_store *s, int year, mp_world_votes **out);
MP_EXTERN void mp_world_votes_free(mp_world_votes *v);
/* Row of the state with `ccode`, or -1. */
MP_EXTERN int mp_world_votes_find(const mp_world_votes *v, int ccode);
/* First and last year with roll calls (MP_ENOTFOUND when not imported). */
MP_EXTERN int mp_world_votes_years(mp_ctx *ctx, mp_store *s, int *first, int *last);
/* Issue family of a short name ("me", "nu", "di", "hr", "co", "ec"; or "all" = 0), -1 unknown. */
MP_EXTERN int mp_world_vote_issue(const char *name);

#ifdef __cplusplus
}
#endif
#endif
