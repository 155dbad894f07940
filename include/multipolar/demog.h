/*
 * Demography by age and sex (docs/demography.md): life tables, interpolation of
 * five-year groups to single years of age, and the cohort-component projection step.
 *
 * The cohort-component method (Preston, Heuveline & Guillot 2001, ch. 6; United Nations
 * 2017, WPP 2017 Methodology, ESA/P/WP.250) advances a population by sex and age group
 * one step of `width` years, with age groups of the same width (width 5: 0-4 ... 95-99,
 * 100+, the United Nations' own projection; width 1: single years 0 ... 99, 100+, the
 * simulation's yearly step). The last group is open-ended.
 *
 * Everything here works on caller-owned arrays and allocates nothing.
 */
#ifndef MULTIPOLAR_DEMOG_H
#define MULTIPOLAR_DEMOG_H

#include <stddef.h>

#include "multipolar/common.h"
#include "multipolar/store.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MP_DEMOG_AGES 101  /* single years 0 ... 99 and the open group 100+ */
#define MP_DEMOG_GROUPS 21 /* five-year groups 0-4 ... 95-99 and 100+ */
#define MP_DEMOG_NMX 22    /* abridged death rates at ages 0, 1, 5, 10, ..., 95, 100+ */
#define MP_DEMOG_NFERT5 7  /* fertile five-year groups 15-19 ... 45-49 */
#define MP_DEMOG_FERT_FIRST 15
#define MP_DEMOG_FERT_AGES 35 /* fertile single years 15 ... 49 */

enum { MP_DEMOG_F = 0, MP_DEMOG_M = 1 }; /* sex index */

/* ---- life tables (Preston, Heuveline & Guillot 2001, ch. 3) ---------------------- */

/* Abridged life table from central death rates mx at ages 0, 1-4, 5-9, ..., 95-99,
 * 100+ (MP_DEMOG_NMX values, the WPP layout), radix l0 = 1:
 *  - 1a0 and 4a1 from Coale & Demeny (1983) as tabulated by Preston et al. (2001, table
 *    3.3); nax of the five-year groups by Greville's (1943) formula, as in the UN's
 *    MortPak and Model Life Tables (1982): nax = 2.5 - 25/12 (nmx - k),
 *    k = 0.1 ln(nmx+5 / nmx-5);
 *  - nqx = n nmx / (1 + (n - nax) nmx) (Preston et al. 2001, eq. 3.5), capped at 1;
 *  - nLx = n l(x+n) + nax (l(x) - l(x+n)); open group L = l(100) / m(100).
 * Out: L[MP_DEMOG_GROUPS] (L[0] = 1L0 + 4L1, L[20] = T100), lx[MP_DEMOG_NMX] (ages 0, 1,
 * 5, ..., 100) when not NULL; returns e0 = sum of L. */
MP_EXTERN double mp_demog_lt5(int sex, const double *mx, double *L, double *lx);

/* Single-year life table from the same abridged rates: l(x) at 0, 1, 5, ..., 100 as in
 * mp_demog_lt5; between them the cumulative hazard -ln l(x) is interpolated by a
 * monotone cubic (Fritsch & Carlson 1980), so l(x) falls at every age and meets the
 * abridged table at its ages; L(x) = (l(x) - l(x+1)) / ln(l(x)/l(x+1)) (constant force
 * within the year), L(0) = l(1) + 1a0 (1 - l(1)), open L(100) = l(100)/m(100).
 * Out: L[MP_DEMOG_AGES]; returns e0. */
MP_EXTERN double mp_demog_lt1(int sex, const double *mx, double *L);

/* Survival ratios of a projection step of `width` years from nage person-years L
 * (radix 1): sx[0] = L[0] / width (births to the first group), sx[a] = L[a] / L[a-1],
 * and for the open group sx[nage-1] = L[nage-1] / (L[nage-2] + L[nage-1])
 * (Preston et al. 2001, eqs. 6.1-6.3). */
MP_EXTERN void mp_demog_survival(const double *L, int nage, int width, double *sx);

/* ---- interpolation of five-year groups (McNeil, Trussell & Turner 1977) ----------- */

/* Splits ng five-year groups g[0..ng) (the group starting at 5k) into 5 ng single years
 * out[0..5 ng) by a cubic Hermite curve through the cumulative sums at 0, 5, ..., 5 ng,
 * differenced: every group's total is kept exactly. monotone = 1: Fritsch & Carlson
 * (1980) slopes, so non-negative groups give non-negative single years (counts, rates);
 * monotone = 0: centred slopes (signed data, e.g. net migrants). */
MP_EXTERN void mp_demog_split5(const double *g, int ng, int monotone, double *out);

/* Net migrants of a five-year period by age group at its end (a forward survival
 * residual, g5[MP_DEMOG_GROUPS]) to the yearly arrivals by single year of age m1
 * [MP_DEMOG_AGES] that give the same five-year total: the groups are split
 * (mp_demog_split5, signed), divided by 5, and made 2 years younger, the mean time an
 * arrival spread evenly over the period ages before its end (arrivals at the end of
 * years 1..5 age 4, 3, 2, 1, 0 years); the two youngest single years go to age 0. */
MP_EXTERN void mp_demog_mig_annual(const double *g5, double *m1);

/* A population in five-year groups 0-4 ... 95-99, 100+ to single years 0 ... 99, 100+. */
MP_EXTERN void mp_demog_pop_to_single(const double *g5, double *p1);
/* Sums single years 0 ... 99, 100+ into the five-year groups. */
MP_EXTERN void mp_demog_pop_to_groups(const double *p1, double *g5);

/* ---- the projection step (Preston et al. 2001, ch. 6; UN 2017) --------------------- */

enum {
	MP_DEMOG_MIG_HALF = 0, /* half of a step's migrants at its start, half at its end (UN:
				  migration evenly distributed over the period) */
	MP_DEMOG_MIG_END = 1   /* all at the end of the step */
};

typedef struct mp_demog_rates {
	int width;           /* years per step and per age group (1 or 5) */
	int nage;            /* age groups; the last is open-ended */
	const double *sx[2]; /* survival ratios by sex (mp_demog_survival) */
	const double *fx;    /* births per woman in the step by age group: width x ASFR
				  (fx[a] for a = fx_first .. fx_first + fx_n - 1) */
	int fx_first, fx_n;
	double srb;           /* sex ratio at birth, males per female */
	const double *mig[2]; /* net migrants in the step by sex and age group, or NULL */
	int mig_timing;       /* MP_DEMOG_MIG_HALF or MP_DEMOG_MIG_END */
} mp_demog_rates;

typedef struct mp_demog_events {
	double births[2];   /* by sex of the child */
	double deaths[2];   /* by sex, of the people present or born in the step */
	double migrants[2]; /* net migrants actually added (a group cannot go below 0) */
} mp_demog_events;

/* Advances pop[sex] (nage groups, females then males) by one step, in place. Births:
 * B = sum_a fx[a] (W_a(t) + W_a(t+width)) / 2 (Preston et al. 2001, eq. 6.5), split by
 * the sex ratio at birth, survived by sx[0]. Migrants by timing (see the enum); a group
 * that migration would make negative is set to 0. ev may be NULL. */
MP_EXTERN void mp_demog_step(const mp_demog_rates *r, double *pf, double *pm, mp_demog_events *ev);

/* ---- indicators ------------------------------------------------------------------ */

typedef struct mp_demog_summary {
	double total; /* both sexes */
	double age0_14, age15_64, age65p;
	double dependency; /* old-age dependency ratio 65+ / 15-64 */
	double median_age; /* by linear interpolation within the median's age group */
} mp_demog_summary;

/* Indicators of a population in single years (width 1) or five-year groups (width 5). */
MP_EXTERN void mp_demog_summarise(const double *pf, const double *pm, int nage, int width, mp_demog_summary *out);

/* ---- probabilistic fertility, mortality and migration (docs/demography.md) -------- */

/* Total fertility in three phases (Alkema et al. 2011, Demography 48: 815-839; Raftery,
 * Alkema & Gerland 2014), in five-year steps:
 *  - phase II (the transition), while TFR > phase3_below or the decline goes on:
 *    f(t+5) = f(t) - s_c g(f(t)) + e, e ~ N(0, sd(f)^2), sd(f) = max(sd_min, sd_a + sd_b f),
 *    g the double-logistic decrement (Alkema et al. 2011, eq. 2):
 *    g(f) = d [ -1 / (1 + exp(-2 ln 9 / D1 (f - D4 - D3 - D2 - D1/2)))
 *               + 1 / (1 + exp(-2 ln 9 / D3 (f - D4 - D3/2))) ],
 *    s_c a country scale (1 = the pooled curve);
 *  - phase III (after the transition): f(t+5) = mu + rho (f(t) - mu) + e3, e3 ~ N(0, sd3^2). */
typedef struct mp_demog_tfr_model {
	double D[4];               /* D1, D2, D3 (widths) and D4 (lower asymptote) */
	double d;                  /* maximum decrement scale per five years */
	double sd_a, sd_b, sd_min; /* phase II innovations */
	double mu, rho, sd3;       /* phase III */
	double phase3_below;       /* TFR under which a country in decline enters phase III */
} mp_demog_tfr_model;

MP_EXTERN double mp_demog_tfr_decrement(const mp_demog_tfr_model *m, double f);

/* Female life expectancy gains (Raftery, Chunn, Gerland & Sevcikova 2013, Demography 50:
 * 777-801, eq. 3), five-year steps: e(t+5) = e(t) + g(e(t)) + u_c + e, e ~ N(0, sd(e)^2),
 *    g(e) = k / (1 + exp(-A1/D2 (e - D1 - A2 D2)))
 *         + (z - k) / (1 + exp(-A1/D4 (e - D1 - D2 - D3 - A2 D4))),  A1 = 4.4, A2 = 0.5,
 * sd(e) = max(sd_min, sd_a + sd_b e). The male gap G = eF - eM
 * (after Raftery, Lalic & Gerland 2014): G(t+5) = g0 + g1 G(t) + g2 max(0, eF(t) - 75) + eG. */
typedef struct mp_demog_e0_model {
	double D[4], k, z;
	double rho; /* persistence of the gain residuals per five years */
	double sd_a, sd_b, sd_min;
	double gap0, gap1, gap2, gap_sd;
	double e_max; /* a ceiling on female e0 (none reached in the data: 105) */
} mp_demog_e0_model;

MP_EXTERN double mp_demog_e0_gain(const mp_demog_e0_model *m, double e);

/* Net migration rates (per person a year) mean-reverting to a country level:
 * r(t+1) - m_c = rho (r(t) - m_c) + e, e ~ N(0, sd_c^2), an AR(1) (Azose & Raftery 2015,
 * "Bayesian probabilistic projection of international migration", Demography 52). */

/* The three models' published or fitted defaults (docs/demography.md, "Parameters"). */
MP_EXTERN void mp_demog_tfr_model_default(mp_demog_tfr_model *m);
MP_EXTERN void mp_demog_e0_model_default(mp_demog_e0_model *m);

/* ---- migration age pattern (Rogers & Castro 1981) ------------------------------- */

/* The model migration schedule m(x) = a1 exp(-alpha1 x)
 *   + a2 exp(-alpha2 (x - mu2) - exp(-lambda2 (x - mu2))) + c
 * with the fundamental parameters of Rogers & Castro's (1981, "Model Migration
 * Schedules", IIASA RR-81-30) simplified basic standard schedule: a1 0.02, alpha1 0.1,
 * a2 0.06, mu2 20, alpha2 0.1, lambda2 0.4, c 0.003. */
MP_EXTERN double mp_demog_rogers_castro(double x);

/* ---- the UN's projection from WPP data ----------------------------------------------- */

#define MP_DEMOG_MAXPER 20 /* five-year periods 2015-2020 ... 2095-2100 are 17 */

/* The inputs of a WPP projection of one location from `base` in five-year periods: the
 * base population, and per period the death rates, total fertility, its age pattern,
 * the sex ratio at birth and the net migrants (WPP 2017 medium-variant assumptions). */
typedef struct mp_demog_wpp {
	int code;                       /* UN M49 */
	int base;                       /* first year (mid-year), e.g. 2015 */
	int nper;                       /* periods */
	double pop[2][MP_DEMOG_GROUPS]; /* thousands at base */
	double mx[MP_DEMOG_MAXPER][2][MP_DEMOG_NMX];
	double tfr[MP_DEMOG_MAXPER];
	double pasfr[MP_DEMOG_MAXPER][MP_DEMOG_NFERT5]; /* percent of TFR by group 15-19 ... 45-49 */
	double srb[MP_DEMOG_MAXPER];
	double mig[MP_DEMOG_MAXPER];                        /* net migrants of the period, thousands */
	double migage[MP_DEMOG_MAXPER][2][MP_DEMOG_GROUPS]; /* each period's net migrants by
						     sex and age group, thousands (see load) */
	int migpat_model;                                   /* 0: residuals (see load); 1: Rogers-Castro
						     (no usable residual) */
	int migpat_kept;                                    /* MIGPAT_UN: periods with migrants whose
						     residual could not carry their total */
} mp_demog_wpp;

enum {
	MP_DEMOG_MIGPAT_ESTIMATES = 0, /* from the estimates: what is known at `base` */
	MP_DEMOG_MIGPAT_UN_FIRST = 1,  /* the UN's assumption of the first period, kept */
	MP_DEMOG_MIGPAT_UN = 2         /* the UN's assumption of every period */
};

/* Reads the inputs of location `code` from the store's WPP 2017 data (populations,
 * mxF/mxM, tfr and tfrprojMed, percentASFR, sexRatio, migration): `nper` periods from
 * `base`. The age-sex distribution of net migrants is not in these files; it is the
 * forward survival residual (Siegel & Swanson 2004, ch. 18) of one period, the people of
 * each group at its end not explained by the survivors of its start (or of its births):
 * R_a = N_a(t+5) - s_a N_a-1(t):
 *  - MIGPAT_ESTIMATES: the distribution (R / sum R) of the last estimate period with a
 *    usable residual (2010-2015, else 2005-2010) times each period's total;
 *  - MIGPAT_UN_FIRST: the same with the first projection period's residual (2015-2020
 *    of popXprojMed);
 *  - MIGPAT_UN: each projection period's distribution times its total: the UN's assumed
 *    age-sex schedules, recovered from its projection the way the UN's bayesPop package
 *    reconstructs age-specific migration for wpp2017 (Sevcikova et al.,
 *    age.specific.migration); the totals stay the UN's, so births, deaths and ageing are
 *    still the engine's own. A period whose residual cannot carry its total keeps the
 *    last usable distribution (counted in migpat_kept).
 * A residual is usable as a distribution when its period has migrants and
 * |sum R| >= 10% of sum |R|; with none, Rogers & Castro's schedule, half female.
 * MP_ENOTFOUND when the location has no age data. */
MP_EXTERN int mp_demog_wpp_load(mp_ctx *ctx, mp_store *s, int code, int base, int nper, int migpat, mp_demog_wpp *out);

/* Projects the inputs: out[k] = population at base + 5k (k = 0 .. nper) in five-year
 * groups. annual = 0: the UN's method, five-year groups and steps; annual = 1: single
 * years of age and yearly steps with the same rates (constant within each period; the
 * groups split by mp_demog_split5). mig_timing: MP_DEMOG_MIG_HALF or _END. */
MP_EXTERN void mp_demog_wpp_project(const mp_demog_wpp *in, int annual, int mig_timing,
				    double (*out)[2][MP_DEMOG_GROUPS]);

#ifdef __cplusplus
}
#endif
#endif
