/*
 * Calibration of the world model (sim) on history.
 *
 * Three layers:
 *  1. statistical kernels on plain arrays (OLS, logit, Spearman, linear trend);
 *  2. model estimators on plain arrays, one per sim mechanism (convergence growth,
 *     population dynamics, gravity, arms dynamics, conflict hazard), each citing its
 *     source (docs/calibration.md);
 *  3. mp_calibrate(): reads the store up to a year (every query has `year <= until`),
 *     runs the estimators and returns the fitted parameters under the sim's keys.
 * mp_backtest() and mp_evaluate() (eval.h) start the sim from past years with parameters
 * calibrated only on data up to each year and score its forecasts.
 *
 * Matrices are row-major: X[i*p + j] is observation i, regressor j.
 */
#ifndef MULTIPOLAR_CALIB_H
#define MULTIPOLAR_CALIB_H

#include "multipolar/export.h"

#include <stddef.h>
#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/demog.h"
#include "multipolar/sim.h"
#include "multipolar/store.h"
#include "multipolar/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MP_CALIB_MAXP 48 /* largest number of regressors of one fit */

/* ---- 1. statistical kernels ------------------------------------------------------ */

/* Ordinary least squares fit. */
typedef struct mp_ols_fit {
	size_t n, p;
	double coef[MP_CALIB_MAXP];
	double se[MP_CALIB_MAXP]; /* classical (homoskedastic) standard errors */
	double r2;                /* centred R^2 (uncentred if no column is constant) */
	double sigma;             /* residual standard deviation, sqrt(RSS / (n - p)) */
} mp_ols_fit;

/* OLS of y (n) on X (n x p) with GSL's SVD solver (gsl_multifit_linear). Needs n > p.
 * Allocates its GSL workspace (not for inner loops). MP_EINPUT on n <= p or p too large. */
MP_EXTERN int mp_calib_ols(mp_ctx *ctx, const double *X, const double *y, size_t n, size_t p, mp_ols_fit *out);

/* Binary logit fitted by Newton-Raphson / IRLS (McCullagh & Nelder 1989, sec. 4.4). */
typedef struct mp_logit_fit {
	size_t n, p;
	double coef[MP_CALIB_MAXP];
	double se[MP_CALIB_MAXP]; /* from the inverse observed information at the optimum */
	double loglik;            /* log-likelihood at the estimate */
	double loglik0;           /* log-likelihood of the intercept-only model */
	int iterations;
	int converged; /* 1 when the max |step| fell below 1e-10 */
} mp_logit_fit;

/* Logit of y (0/1) on X (first column normally the constant 1). MP_EINPUT on bad y,
 * MP_ERANGE on a singular information matrix (separation or collinearity). */
MP_EXTERN int mp_calib_logit(mp_ctx *ctx, const double *X, const double *y, size_t n, size_t p, mp_logit_fit *out);

/* Spearman rank correlation with mid-ranks for ties (Spearman 1904): the Pearson
 * correlation of the ranks. *rho is NaN when n < 2 or a rank vector is constant.
 * Allocates its rank buffers (not for inner loops). */
MP_EXTERN int mp_calib_spearman(mp_ctx *ctx, const double *a, const double *b, size_t n, double *rho);

/* OLS line through (x, y) (gsl_fit_linear) evaluated at x0; NaN pairs are skipped.
 * MP_EINPUT with fewer than 2 points. */
MP_EXTERN int mp_calib_trend_at(mp_ctx *ctx, const double *x, const double *y, size_t n, double x0, double *pred);

/* Great-circle distance in km between two points given in degrees (haversine formula,
 * Sinnott 1984; mean Earth radius 6371.0088 km, IUGG). */
MP_EXTERN double mp_calib_distance_km(double lat1, double lng1, double lat2, double lng2);

/* Annual convergence speed from the slope b of T-year average growth on log initial
 * income: beta = -ln(1 + b T) / T (Barro & Sala-i-Martin 1992, eq. 12). NaN if 1+bT <= 0. */
MP_EXTERN double mp_calib_beta_from_slope(double b, double T);

/* ---- 2. model estimators ----------------------------------------------------------- */

/* One observation of a country panel (income or population). */
typedef struct mp_panel_obs {
	int unit;  /* country id (any integer key) */
	int group; /* conditioning group (region index, 0..ngroups-1) */
	int year;
	double value; /* GDP per capita or population; NaN or <= 0 = missing */
} mp_panel_obs;

typedef struct mp_convergence_fit {
	double beta, beta_se; /* annual convergence speed and its delta-method s.e. */
	double slope;         /* raw slope on log initial income */
	double r2;
	size_t n; /* country-windows */
	double frontier_growth, frontier_growth_se;
	size_t frontier_n;
	double momentum, momentum_se, momentum_r2;
	size_t momentum_n;
	double shock_sd;                    /* median over units (>= 10 residuals) of the s.d. of the AR(1)
				   innovations of growth deviations */
	double shock_sd_pooled;             /* the pooled s.d. of the same innovations */
	double beta_uncond, beta_uncond_se; /* beta without the group effects (absolute
					       convergence; Barro & Sala-i-Martin 1992) */
} mp_convergence_fit;

/* Conditional convergence (Barro 1991; Barro & Sala-i-Martin 1992): over the most recent
 * non-overlapping windows [w, w+T] (T = `window`) inside [first, until], regress average
 * annual log growth on log initial value with window and group (region) fixed effects;
 * beta from the slope. Frontier growth: mean annual log growth of `frontier_unit` over
 * [first, until]. Momentum: AR(1) coefficient (no constant) of annual growth deviations
 * from the fitted path, d_it = g_it - (a_w + c_g + b ln y_i,t-1); shock s.d.: the s.d. of
 * its residuals. Observations must be sorted by unit then year. */
MP_EXTERN int mp_calib_convergence(mp_ctx *ctx, const mp_panel_obs *obs, size_t n, int ngroups, int first, int until,
				   int window, int frontier_unit, mp_convergence_fit *out);

typedef struct mp_population_fit {
	double n_a, n_a_se; /* intercept of window-mean growth on ln GDP pc at its start */
	double n_b, n_b_se; /* slope on ln GDP pc */
	double r2;
	size_t n;                         /* countries in the last window */
	double transition, transition_se; /* lambda of n_t+1 = n_t + lambda (n_LR - n_t) */
	double transition_r2;
	size_t transition_n; /* country pairs of consecutive windows */
} mp_population_fit;

/* Population growth dynamics for the sim's demography (docs/sim.md; docs/references.md C2):
 * growth starts at n_0 = n_a + n_b ln y (demographic transition: growth falls with
 * income; Notestein 1945, Lee 2003) and approaches the long-run rate n_LR at speed lambda.
 * Over the most recent non-overlapping windows of length T inside [first, until], with
 * n-bar the mean annual log growth of population in a window:
 *  - n_a, n_b: OLS of n-bar over the last window on ln y at its start (cross-section);
 *  - lambda: (n-bar_{w+1} - n_LR) = (1 - lambda)^T (n-bar_w - n_LR), OLS without constant
 *    on consecutive windows of each country, lambda = 1 - slope^(1/T) (window means
 *    average out the yearly noise of interpolated population series).
 * `pop` and `income` have the same rows (income NaN = missing); sorted by unit, year. */
MP_EXTERN int mp_calib_population(mp_ctx *ctx, const mp_panel_obs *pop, const double *income, size_t n, int first,
				  int until, int window, double n_longrun, mp_population_fit *out);

/* One directed trade observation for gravity. */
typedef struct mp_gravity_obs {
	int year;
	double flow; /* imports, > 0 (zero or NaN flows are skipped: log-linear OLS) */
	double gdp_o, gdp_d;
	double dist_km;
	int contig; /* 0/1 */
} mp_gravity_obs;

typedef struct mp_gravity_fit {
	double elasticity_gdp, elasticity_gdp_se;           /* common GDP elasticity on ln(Y_o Y_d) */
	double elasticity_distance, elasticity_distance_se; /* negative */
	double contiguity, contiguity_se;
	double r2;
	size_t n;
} mp_gravity_fit;

/* Log-linear gravity (Tinbergen 1962; Head & Mayer 2014, eq. 3 with the naive GDP
 * masses) with year fixed effects: ln X = a_t + g ln(Y_o Y_d) + d ln D + c contig + e. */
MP_EXTERN int mp_calib_gravity(mp_ctx *ctx, const mp_gravity_obs *obs, size_t n, mp_gravity_fit *out);

/* One state-year of a rivalry for the arms equation. */
typedef struct mp_arms_obs {
	double burden;      /* x_t: own military burden (milex / GDP) */
	double burden_prev; /* x_t-1 */
	double rival_prev;  /* y_t-1: rivals' spending relative to own GDP */
	int unit;           /* state (for the per-state shock s.d.) */
} mp_arms_obs;

typedef struct mp_arms_fit {
	double reaction, reaction_se;   /* k: response to rivals' burden */
	double fatigue, fatigue_se;     /* a: restraint on own burden (positive = mean reverting) */
	double grievance, grievance_se; /* g: constant */
	double r2;
	double shock_sd;        /* median over states (>= 10 obs) of the s.d. of
					   residual / x_t-1 (relative burden shocks) */
	double shock_sd_pooled; /* pooled s.d. of the same */
	size_t n;
} mp_arms_fit;

/* Richardson (1960) arms dynamics in discrete time: x_t - x_t-1 = g + k y_t-1 - a x_t-1. */
MP_EXTERN int mp_calib_arms(mp_ctx *ctx, const mp_arms_obs *obs, size_t n, mp_arms_fit *out);

/* One non-directed dyad-year of the conflict sample. */
typedef struct mp_dyad_obs {
	int year;
	int ccode1, ccode2; /* ccode1 < ccode2 */
	double cap_ratio;   /* weaker / stronger CINC, in (0, 1] */
	int contig;         /* direct contiguity by land or up to 150 miles of water */
	int ally;           /* any COW formal alliance in force */
	int mid_onset;      /* a new MID began this year (GML); -1 = not covered by the data */
	int war_onset;      /* a new interstate war began this year (COW); -1 = not covered */
	double ideal_dist;  /* |ideal point 1 - ideal point 2| (UNGA idealpointfp); NaN when
				either is missing (before 1946, non-members) */
} mp_dyad_obs;

typedef struct mp_hazard_fit {
	/* logit coefficients: 0 constant, 1 parity (ratio >= 0.8), 2 ln(stronger/weaker),
	   3 contiguity, 4 alliance */
	mp_logit_fit mid, war;
	/* the sim's form (conflict.*, mech_conflict.c) on the dyad-years with ideal points:
	   war onset on 0 constant, 1 PAR x DIS, 2 DIS, 3 alliance, with the parity kernel
	   PAR = exp(-(ln r)^2 / (2 w^2)) and DIS = min(1, ideal_dist / dissat_scale) */
	mp_logit_fit war_kernel;
	size_t n_kernel, n_kernel_war;       /* its dyad-years and war onsets */
	double crisis_ratio;                 /* MID onsets per war onset (each over its own
						covered years) */
	double mid_parity_or, war_parity_or; /* odds ratios exp(coef[1]) */
	double mid_base, war_base;           /* annual onset probability of a non-contiguous,
						non-allied dyad at the sample's mean ln ratio
						among non-parity dyads */
	size_t n, n_mid;                     /* MID sample: dyad-years, onsets */
	size_t n_war_sample, n_war;          /* war sample: dyad-years, onsets */
} mp_hazard_fit;

#define MP_HAZARD_PARITY 0.8 /* Organski & Kugler (1980): weaker/stronger >= 0.8 */

/* Logits of MID and war onset on parity, capability ratio, contiguity and alliance
 * (Bremer 1992; Lemke & Werner 1996), and of war onset in the sim's form with a parity
 * kernel of width `width` (log ratio) and dissatisfaction scaled by `dissat_scale`
 * (ideal-point units). */
MP_EXTERN int mp_calib_hazard(mp_ctx *ctx, const mp_dyad_obs *obs, size_t n, double width, double dissat_scale,
			      mp_hazard_fit *out);

/* ---- conflict: onset, escalation, course and costs of war (docs/conflict.md) ------- */

/* One politically relevant, non-directed dyad-year (ccode1 < ccode2) of the onset sample:
 * direct contiguity by land or up to 150 miles of water (COW conttype 1-4), or a COW major
 * power in the dyad (Maoz & Russett 1993, operationalised as in Lemke & Reed 2001). */
typedef struct mp_onset_obs {
	int year, ccode1, ccode2;
	int conttype;    /* lowest COW direct-contiguity type active in the year (1-5), 0 none */
	mp_dyad_cov cov; /* the regressors' inputs (sim.h) */
	int mid;         /* 1: a new GML MID; 0: none; -1: left out (a MID already under way,
			     or after the MID data end) */
	int war;         /* when mid == 1: 1 if a COW inter-state war began in the dyad in the
			     year or the next (up to `until`); 0 if not; -1 after the war data */
} mp_onset_obs;

/* The onset sample from the store, years [from, until] (every query bounded by until).
 * Needs nmc, contiguity, capitals, mid_dyad, war_inter, majors; uses atop_dyad,
 * rivalries, unga, trade_dyadic when imported (else those inputs are missing or 0).
 * Peace years count from `history_from` (the first year of MID data, 1816). *out is
 * malloc'd. */
MP_EXTERN int mp_calib_onset_sample(mp_ctx *ctx, mp_store *s, int from, int until, mp_onset_obs **out, size_t *n);

typedef struct mp_onset_fit {
	mp_logit_fit mid;                  /* MID onset on mp_sim_onset_x (MP_ONSET_NX terms) */
	mp_logit_fit esc;                  /* war given MID on mp_sim_escalation_x (MP_ESC_NX terms) */
	double mid_se_dyad[MP_CALIB_MAXP]; /* standard errors clustered by dyad (Huber-White) */
	double esc_se_dyad[MP_CALIB_MAXP];
	size_t n_mid, n_mid_events, n_esc, n_esc_events, n_dyads;
	/* the historical benchmark of war inside alliances: war onsets among dyad-years with a
	   defence pact, per allied dyad-year, and the same among all relevant dyad-years */
	double war_rate_allied, war_rate_all;
	size_t n_allied, n_allied_war;
} mp_onset_fit;

/* The two logits by Newton-Raphson (mp_calib_logit), with dyad-clustered sandwich
 * standard errors (White 1980; Beck, Katz & Tucker 1998 cluster by dyad). A term without
 * variation in the sample (its dataset not imported) is left out: coefficient NaN. */
MP_EXTERN int mp_calib_onset(mp_ctx *ctx, const mp_onset_obs *obs, size_t n, mp_onset_fit *out);

/* One dyad's part in one COW inter-state war (non-directed, ccode1 < ccode2). */
typedef struct mp_war_dyad_obs {
	int warnum, ccode1, ccode2;
	int first, last; /* first and last year of the dyad's war (inclusive) */
	int ended;       /* 1: the dyad's war ended before `until` (its last year is known) */
	int outcome1;    /* COW outcome of state 1: 1 won, 2 lost, 3 compromise, 4 transformed,
			      5 ongoing, 6 stalemate, 7 continues below war level, 8 changed sides;
			      0 unknown */
	double ln_ratio; /* ln(C1 / C2) in the first year */
	double ln_sides; /* ln(S1 / S2): S1 the summed CINC of the states that fought state 2
			      in the war, S2 of those that fought state 1 (the sides' balance) */
} mp_war_dyad_obs;

/* One state's part in one war. */
typedef struct mp_war_state_obs {
	int warnum, ccode, years; /* years of participation */
	double deaths;            /* battle deaths (COW batdeath), NaN unknown */
	double pop;               /* population in the first year, thousands (NMC tpop) */
	double ln_ratio;          /* ln(own CINC / strongest opponent's CINC) in the first year */
} mp_war_state_obs;

/* One state-year of the cost panel. */
typedef struct mp_war_cost_obs {
	int ccode, year;
	int at_war;     /* in a COW inter-state war this year */
	int lost;       /* the state's part in a war ended this year in defeat (COW outcome 2) */
	double dlny;    /* ln GDP per capita (Maddison) minus last year's; NaN missing */
	double dburden; /* military burden (SIPRI share of GDP) minus last year's; NaN missing */
} mp_war_cost_obs;

/* Wars, their states and the cost panel from the store, up to until. */
MP_EXTERN int mp_calib_war_sample(mp_ctx *ctx, mp_store *s, int until, mp_war_dyad_obs **dyads, size_t *nd,
				  mp_war_state_obs **states, size_t *ns, mp_war_cost_obs **costs, size_t *nc);

typedef struct mp_war_fit {
	mp_logit_fit end; /* P(the dyad's war ends this year) on 1, |ln(C1/C2)| */
	size_t n_end_years, n_end_dyads;
	double mean_years; /* mean duration of ended dyad-wars */
	mp_logit_fit win;  /* P(state 1 wins | decisive) on ln(S1/S2), no constant (symmetry) */
	double decisive;   /* share of ended dyad-wars with a winner */
	size_t n_outcomes, n_decisive;
	mp_ols_fit deaths; /* ln(battle deaths per year / population) on 1, ln(own/opponent) */
	size_t n_deaths;
	double gdp, gdp_se;   /* log GDP per capita growth in a war year (year fixed effects) */
	double lost, lost_se; /* ... and in addition in the year a war is lost */
	size_t gdp_n, gdp_war, gdp_lost;
	double burden, burden_se; /* change of the military burden in a war year (year FE) */
	size_t burden_n, burden_war;
} mp_war_fit;

/* Duration (a discrete-time hazard of ending), outcome (Bueno de Mesquita 1981: the
 * stronger side wins more often) and costs of war: battle deaths relative to population,
 * and the within-year effects of a war year on growth (Glick & Taylor 2010 estimate the
 * trade and output costs of war) and on the military burden, by OLS with year fixed
 * effects. */
MP_EXTERN int mp_calib_war(mp_ctx *ctx, const mp_war_dyad_obs *dyads, size_t nd, const mp_war_state_obs *states,
			   size_t ns, const mp_war_cost_obs *costs, size_t nc, mp_war_fit *out);

/* ---- alignment: ideal points and camps (docs/conflict.md, "Alignment") ------------- */

/* Historical camps: a state is in the camp of a leader (USA 2, Russia/USSR 365, China 710)
 * with which it has an ATOP defence pact in force (Leeds et al. 2002); a leader is in its
 * own camp; a state with pacts with several leaders is in the one whose ideal point is
 * nearest. */
#define MP_ALIGN_NCAMPS 3

/* One state-year of the ideal-point panel (UNGA, Bailey, Strezhnev & Voeten 2017). */
typedef struct mp_ideal_obs {
	int ccode, year;
	double dip;        /* ip_t - ip_t-1 */
	double trade_gap;  /* trade-weighted mean of the partners' ip_t-1 minus own ip_t-1 */
	double leader_gap; /* the camp leader's ip_t-1 minus own (0 outside a camp or for a leader) */
	double ally_gap;   /* mean ip_t-1 of the defence-pact partners minus own (0 without any) */
	double world_gap;  /* mean ip_t-1 of all states minus own */
} mp_ideal_obs;

/* One camp choice: a member deciding whether to stay in its camp (exit = 1), or a
 * non-aligned state deciding whether to join camp `camp` (exit = 0), from year t-1 to t. */
typedef struct mp_camp_obs {
	int ccode, year, camp; /* camp 0 West (USA), 1 Russia, 2 China */
	int exit;              /* 1: an exit row; 0: an entry row */
	int y;                 /* 1: left the camp (exit rows) / joined it (entry rows) */
	double value_dist;     /* |own ip_t-1 - the leader's ip_t-1| */
	double trade_share;    /* share of own trade (t-1) with the camp's members */
	double cap_share;      /* the camp's share of world CINC (t-1) */
} mp_camp_obs;

/* The samples from the store, years [1947, until] (ideal points start in 1946). Needs
 * unga, nmc, atop_dyad; trade_dyadic for the trade terms. *ideal and *camps malloc'd. */
MP_EXTERN int mp_calib_alignment_sample(mp_ctx *ctx, mp_store *s, int until, mp_ideal_obs **ideal, size_t *ni,
					mp_camp_obs **camps, size_t *nc);

typedef struct mp_alignment_fit {
	/* OLS of dip on 1, trade_gap, leader_gap, ally_gap, world_gap */
	mp_ols_fit ideal;
	double ideal_sd_median; /* the median state's s.d. of the residuals (>= 10 years) */
	/* logits of leaving and of joining on 1, value_dist, trade_share, cap_share */
	mp_logit_fit exit, entry;
	size_t n_exit, n_exits, n_entry, n_entries;
} mp_alignment_fit;

/* Partial adjustment of ideal points toward partners, camp leaders, allies and the world
 * mean (Nerlove's 1958 partial-adjustment model, one target per tie), and camp exit and entry as binary choices (McFadden 1974) with the
 * security, trade and value terms of the simulation's camp choice. */
MP_EXTERN int mp_calib_alignment(mp_ctx *ctx, const mp_ideal_obs *ideal, size_t ni, const mp_camp_obs *camps, size_t nc,
				 mp_alignment_fit *out);
/* Demography (calib/fit_demography*.c; docs/demography.md): the probabilistic models of
 * mech_demography.c fitted on series up to a year.
 * A panel of units (COW states) with values at first + 5k (k < nt): five-year means of
 * total fertility or life expectancy (NaN = missing); for migration, yearly rates. */
typedef struct mp_demog_panel {
	size_t nunits;
	int nt, first, step; /* values at first + step * k */
	int *ccode;          /* nunits */
	double *v;           /* nunits * nt */
} mp_demog_panel;
MP_EXTERN void mp_demog_panel_free(mp_demog_panel *p);

/* Total fertility (Alkema et al. 2011; Raftery, Alkema & Gerland 2014): the pooled
 * double-logistic decrement by nonlinear least squares (GSL trust region) on the
 * five-year decrements of the transition (from the last maximum above 5.5, or the first
 * value, until the first rise below 2), each country's scale of it shrunk toward 1 by its
 * precision (empirical Bayes: s_c = 1 + tau^2 / (tau^2 + v_c) (s_c,LS - 1), Efron & Morris
 * 1975), the innovation sd as a line in TFR (OLS of |e| sqrt(pi/2)), and the phase III
 * AR(1) (OLS) on the values after the transition; with fewer than 20 phase III pairs,
 * Raftery et al.'s (2014) mu 2.07, rho 0.86 are kept. */
typedef struct mp_tfr_fit {
	mp_demog_tfr_model m;
	double tau;               /* sd of the country scales */
	double *scale, *scale_se; /* nunits (1 and tau where a country has no decrements) */
	int *phase3;              /* nunits: in phase III at the last value */
	size_t n2, n3;            /* phase II decrements, phase III pairs */
	size_t nunits2;           /* countries with a fitted scale */
	double rss, r2;           /* of the pooled curve */
	int converged;
} mp_tfr_fit;
MP_EXTERN int mp_calib_tfr(mp_ctx *ctx, const mp_demog_panel *tfr, mp_tfr_fit *out);
MP_EXTERN void mp_tfr_fit_free(mp_tfr_fit *f);

/* Life expectancy (Raftery, Chunn, Gerland & Sevcikova 2013): the pooled double-logistic
 * gain of female e0 by nonlinear least squares on five-year gains (gains beyond +-8 years
 * of crises left out); the persistence of the residuals (pooled OLS of a residual on the
 * one five years before), each country's last residual as the start of its path
 * (`shift`), the innovation sd as a line in e0; the male gap by OLS (Raftery, Lalic &
 * Gerland 2014 form). */
typedef struct mp_e0_fit {
	mp_demog_e0_model m;
	double tau;
	double *shift, *shift_se; /* nunits */
	size_t n, ngap;
	double rss, r2, gap_r2;
	int converged;
} mp_e0_fit;
MP_EXTERN int mp_calib_e0(mp_ctx *ctx, const mp_demog_panel *e0f, const mp_demog_panel *e0m, mp_e0_fit *out);
MP_EXTERN void mp_e0_fit_free(mp_e0_fit *f);

/* Net migration rates (yearly, per person) in the simulation's form: a country's level is
 * the mean of its last `years` values; the deviations of each five-year mean from the
 * mean of the `years` before it (what that forecast would have missed) follow an AR(1)
 * across five-year blocks, rho by pooled OLS through the origin; each country's
 * innovation sd is shrunk (6 pseudo-blocks) toward the countries' mean variance, by their
 * size when `size` (thousands, nunits; NULL = none) is given; and their
 * fat tails (border changes, wars, booms) are a two-component zero-mean normal scale
 * mixture fitted by maximum likelihood (EM) to the innovations, each standardised by its
 * country's sd without it (leave-one-out, so an outlier does not hide in its own
 * standardiser): with probability 1 - p the sd is `core` times the country's, with
 * probability p `core` x k times (Dempster, Laird & Rubin 1977; McLachlan & Peel 2000). */
typedef struct mp_mig_fit {
	double rho;                  /* per five years */
	double sd_pooled;            /* the countries' root mean innovation variance (a five-year
				    mean rate) */
	double sd_a, sd_b;           /* the target sd by size: ln sd = sd_a + sd_b ln size */
	double kurtosis;             /* of the innovations standardised by their country's sd */
	double tail_p, tail_k, core; /* the scale mixture */
	double *level, *dev, *sd;    /* nunits: level, the last five years' mean minus it, sd */
	size_t n;                    /* innovations */
} mp_mig_fit;
/* `ref`: the panel whose levels forecast `rate` (NULL = rate itself): levels, the current
 * deviation and the forecasts of the errors come from it, the errors from `rate`. */
MP_EXTERN int mp_calib_migration(mp_ctx *ctx, const mp_demog_panel *rate, const mp_demog_panel *ref, const double *size,
				 int years, mp_mig_fit *out);
MP_EXTERN void mp_mig_fit_free(mp_mig_fit *f);

/* ---- 3. calibration on the store ----------------------------------------------------- */

/* One fitted parameter. */
typedef struct mp_calib_param {
	char key[48];        /* the sim's parameter key ("economy.beta") */
	int ccode;           /* 0: a global parameter; else the state (COW code) it belongs to */
	double estimate, se; /* se NaN when not applicable */
	int64_t n;           /* observations */
	char stat_name[16];  /* "R2", "loglik", ... */
	double stat;
	char method[192]; /* estimator and source */
} mp_calib_param;

typedef struct mp_calib_result {
	int until;
	size_t n;
	mp_calib_param *params;
	char notes[512]; /* e.g. the Lemke-Werner comparison */
} mp_calib_result;

typedef struct mp_calib_options {
	int version;       /* MP_CALIB_OPTIONS_VERSION */
	int until;         /* last year of data used (required) */
	int window;        /* convergence window, years (default 10) */
	int first_year;    /* first year of the income panel (default 1950) */
	int gravity_years; /* gravity on the last N years of trade up to until (default 10) */
	int hazard_first;  /* first year of the conflict sample (default 1816) */
} mp_calib_options;
#define MP_CALIB_OPTIONS_VERSION 1
#define MP_CALIB_OPTIONS_INIT                                                                                          \
	{                                                                                                              \
		MP_CALIB_OPTIONS_VERSION, 0, 10, 1950, 10, 1816                                                        \
	}

/* Fits every parameter from data with year <= until. *out is the caller's. */
MP_EXTERN int mp_calibrate(mp_ctx *ctx, mp_store *s, const mp_calib_options *opt, mp_calib_result **out);
MP_EXTERN void mp_calib_result_free(mp_calib_result *r);
/* The global parameter (ccode 0) with `key`, or NULL (borrowed). */
MP_EXTERN const mp_calib_param *mp_calib_find(const mp_calib_result *r, const char *key);
/* The one place a calibration becomes sim inputs: every global row whose key is a sim
 * parameter sets it in *p (over the values *p has); every row with ccode != 0 goes into
 * *units (skipped when units is NULL). Rows with a non-finite estimate are skipped.
 * MP_EINPUT (naming the key) when the sim rejects a value. */
MP_EXTERN int mp_calib_apply(mp_ctx *ctx, const mp_calib_result *r, mp_sim_params *p, mp_sim_unit_params *units);
/* The fit table: parameter, estimate, se, n, stat, value, method. */
MP_EXTERN int mp_calib_table(mp_ctx *ctx, const mp_calib_result *r, mp_table **out);
/* Writes the flat `key: value` YAML the sim reads (mp_sim_params_load), atomically
 * (temporary file beside `path`, then rename). */
MP_EXTERN int mp_calib_write_yaml(mp_ctx *ctx, const mp_calib_result *r, const char *path);
/* Stores the fit statistics in the database (tables calib_run, calib_fit), one
 * transaction. *run_id receives the new run's id (may be NULL). */
MP_EXTERN int mp_calib_save(mp_ctx *ctx, mp_store *s, const mp_calib_result *r, int64_t *run_id);
/* A stored calibration: its row in calib_run. */
typedef struct mp_calib_stored {
	int64_t run_id;
	char created[32]; /* "2026-01-05T10:00:00Z" */
} mp_calib_stored;
/* Reads back the newest stored calibration fitted on data up to `max_until` (its until <=
 * max_until, so a run starting in a year never uses a fit that saw later data): global
 * and per-state rows, as mp_calibrate returned them (for mp_calib_apply). MP_ENOTFOUND
 * when there is none. *out is the caller's (mp_calib_result_free). */
MP_EXTERN int mp_calib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_calib_stored *info, mp_calib_result **out);

#ifdef __cplusplus
}
#endif
#endif
