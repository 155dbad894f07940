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

#include "multipolar/common.h"
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
extern const char *const mp_component_names[MP_NCOMP];

/* Economy start data of an actor (world/economy.c; NaN = unknown): PWT 11.0's latest
 * values up to the world's year, or data/world/economy.csv for the default world, which
 * also carries each state's fitted levels (calibration up to 2016; docs/economy.md). */
typedef struct mp_actor_econ {
	double capital_output;  /* capital stock / GDP, both at current PPPs (cn / cgdpo) */
	double invest_share;    /* investment rate that grows capital at current PPPs as PWT's
				   capital at constant national prices grows (mp_world_invest_rate) */
	double price_level;     /* price level of GDP relative to the US (MER / PPP) */
	double tfp_gap;         /* distance to the steady-state TFP gap (economy.tfp_gap minus the
				   state's gap in the calibration year; the sim adds the start gap) */
	double tfp_gap_sd, tfp_shock_sd; /* economy.tfp_gap_sd, economy.tfp_shock_sd */
	double burden_level, burden_shock_sd, personnel_rate; /* military.burden_level,
							   military.shock_sd, military.personnel_rate */
} mp_actor_econ;
#define MP_ACTOR_ECON_UNKNOWN { NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN }

typedef struct mp_actor {
	int ccode;              /* COW code; 0 for an aggregate (remainder) row */
	char stateabb[8];       /* COW abbreviation ("USA"); remainder rows "XWST"... */
	char name[64];
	double comp[MP_NCOMP];  /* NaN = missing */
	double cinc_published;  /* NMC's own cinc column; NaN if none */
	int major;              /* COW major power in this year (majors2016), 0/1 */
	int pole;               /* index into the mp_poles used, or MP_POLE_NONE */
	double gdp;             /* GDP, millions: PPP (default world: current int$; history:
				   Maddison gdppc*pop, 2011 int$); NaN if unknown */
	double gdp_mer;         /* GDP at market exchange rates, millions of current US$ */
	double ideal_point;     /* UNGA ideal point (idealpointfp) */
	double lat, lng;        /* capital */
	mp_actor_econ econ;     /* economy start data (world/economy.c) */
} mp_actor;

typedef struct mp_world {
	int year;
	size_t n;
	mp_actor *actors;       /* sorted by ccode (aggregates last) */
	char source[96];        /* e.g. "NMC 6.0" or "default world 2023" */
	int has_majors;         /* majors known (states/majors data imported or shipped) */
} mp_world;

/* Attributes joined to the NMC rows when their dataset is imported. */
enum {
	MP_WORLD_NAMES = 1,    /* statenme from states2016 */
	MP_WORLD_MAJORS = 2,   /* COW major powers (majors2016) */
	MP_WORLD_GDP = 4,      /* Maddison GDP via the countrycode crosswalk */
	MP_WORLD_IDEAL = 8,    /* UNGA ideal points */
	MP_WORLD_CAPITALS = 16,
	MP_WORLD_ALL = 31
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
int mp_world_economy_from_store(mp_ctx *ctx, mp_store *s, mp_world *w);
/* The same from a CSV with header `ccode,capital_output,invest_share,tfp_gap,tfp_gap_sd,
 * tfp_shock_sd,burden_level,burden_shock_sd,personnel_rate` (path NULL: the shipped data/world/economy.csv;
 * empty field = unknown); the default world's price level is its gdp_mer / gdp_ppp. */
int mp_world_economy_from_file(mp_ctx *ctx, const char *path, mp_world *w);

/* Loads `year` from the store's NMC data (`nmc_version` NULL = newest), joining majors,
 * names (states), Maddison GDP and UNGA ideal points when imported, and poles if given. */
int mp_world_from_store(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version,
			const mp_poles *poles, mp_world **out);
/* The same with only the attributes in `attrs` (MP_WORLD_*) joined: faster for series. */
int mp_world_from_store_ex(mp_ctx *ctx, mp_store *s, int year, const char *nmc_version,
			   const mp_poles *poles, unsigned attrs, mp_world **out);
/* Loads the shipped default world (path NULL) or a file in the same format. Poles come
 * from `poles` when given, else from the file's own pole column. */
int mp_world_load_default(mp_ctx *ctx, const char *path, const mp_poles *poles, mp_world **out);
/* A deep copy. */
int mp_world_clone(const mp_world *w, mp_world **out);
void mp_world_free(mp_world *w);
/* Index of the actor with `ccode`, or -1. */
int mp_world_find(const mp_world *w, int ccode);
/* Index of the actor by stateabb (case-insensitive) or name, or -1. */
int mp_world_find_name(const mp_world *w, const char *abb_or_name);
/* The year range of NMC data in the store (newest or given version). */
int mp_world_store_years(mp_ctx *ctx, mp_store *s, const char *nmc_version, int *first, int *last);

#ifdef __cplusplus
}
#endif
#endif
