/*
 * multipolar: negotiation forecasts (issue 4).
 *
 * Two model families, specified in docs/bargaining.md:
 *  - the Bueno de Mesquita expected-utility model in the form reconstructed by Scholz,
 *    Calbert & Smith (2011) ("EU", mp_bargain_eu_*), one issue dimension;
 *  - KTAB's Spatial Model of Politics (KAPSARC, "SMP", mp_bargain_smp_*), any number of
 *    dimensions.
 *
 * Both are stateful iterations behind opaque handles: _new builds round 0 from an input,
 * _step plays one round, accessors borrow the current state, _free releases (NULL is fine).
 * The input is a plain struct (mp_bargain_input) read from a BDM CSV, a KTAB CSV or a YAML
 * scenario.
 *
 * Ownership: `T **out` means the caller owns *out and frees it with the matching _free.
 * Pointers returned by accessors are borrowed from the handle and stay valid until the next
 * _step or _free.
 */
#ifndef MULTIPOLAR_BARGAIN_H
#define MULTIPOLAR_BARGAIN_H

#include "multipolar/export.h"

#include <stddef.h>
#include <stdint.h>

#include "multipolar/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------ */
/* Inputs                                                                                 */

/* Where an input came from (decides scales and defaults). */
typedef enum {
	MP_BARGAIN_SRC_BDM = 0,  /* Actor,Capability,Position,Salience (one dimension) */
	MP_BARGAIN_SRC_KTAB = 1, /* KTAB SMP CSV: positions and saliences on 0..100 */
	MP_BARGAIN_SRC_YAML = 2  /* our scenario format */
} mp_bargain_source;

/* An actor table: n actors, m dimensions. Arrays are row-major by actor
 * (pos[i*m + k] is actor i's position on dimension k). Saliences are fractions in [0,1]
 * (KTAB inputs are divided by 100 when read); positions keep the file's scale. */
typedef struct mp_bargain_input {
	mp_bargain_source source;
	char *name;          /* scenario name (may be "") */
	char *description;   /* may be "" */
	size_t n, m;
	char **actor;        /* n names, unique */
	char **actor_desc;   /* n descriptions (may be "") */
	char **dim;          /* m dimension names ("1" for a BDM file) */
	char **dim_lo;       /* m meanings of the low end of the scale (may be NULL) */
	char **dim_hi;       /* m meanings of the high end (may be NULL) */
	double *scale_lo;    /* m lower ends of the scale (KTAB: 0) */
	double *scale_hi;    /* m upper ends (KTAB: 100) */
	double *cap;         /* n capabilities, >= 0 */
	double *pos;         /* n*m positions */
	double *sal;         /* n*m saliences in [0,1] */
	/* Model options given by a YAML scenario ("model: eu", "rounds: 10", free
	 * "key: value" pairs applied like the command-line options); may be NULL/0. */
	char *model;
	size_t nopt;
	char **opt_key;
	char **opt_val;
} mp_bargain_input;

/* Reading flags. */
enum {
	MP_BARGAIN_READ_SALIENCE_PERCENT = 1 /* BDM CSV: saliences are percentages (0..100) */
};

/* Reads a BDM CSV (header "Actor,Capability,Position,Salience", any column order, extra
 * columns ignored) or a KTAB SMP CSV (first line name,description,actors,dimensions),
 * detected from the first line. Errors (MP_EINPUT) name file, line and column. At least 3
 * actors; names unique; numbers finite; saliences in [0,1] (or [0,100] with the percent
 * flag; KTAB: 0..100 with per-actor sums <= 100 + 1e-6). */
MP_EXTERN int mp_bargain_input_read_csv(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out);
/* Same from a buffer; `name` is used in error messages. */
MP_EXTERN int mp_bargain_input_parse_csv(mp_ctx *ctx, const char *name, const char *buf, size_t len,
			       int flags, mp_bargain_input **out);
/* Reads a YAML scenario (see docs/bargaining.md, data/scenarios/negotiation/). */
MP_EXTERN int mp_bargain_input_read_yaml(mp_ctx *ctx, const char *path, mp_bargain_input **out);
MP_EXTERN int mp_bargain_input_parse_yaml(mp_ctx *ctx, const char *name, const char *buf, size_t len,
				mp_bargain_input **out);
/* Reads by extension: .yaml/.yml as YAML, anything else as CSV. */
MP_EXTERN int mp_bargain_input_read(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out);
/* Deep copy (for perturbed replicates). */
MP_EXTERN int mp_bargain_input_copy(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_input **out);
MP_EXTERN void mp_bargain_input_free(mp_bargain_input *in);

/* Forecast summaries of one dimension of a position vector (weights w_i = c_i * s_i):
 * weighted mean sum w x / sum w (Scholz et al. 2011, jmckib mean_position), and the
 * weighted median: the smallest position at which the cumulative weight of the sorted
 * positions reaches half the total (BDM's median voter on one dimension).
 * `idx` is a workspace of n size_t. */
MP_EXTERN void mp_bargain_forecast(size_t n, const double *x, size_t stride, const double *w,
			 size_t *idx, double *mean, double *median);

/* Why a run ended. */
typedef enum {
	MP_BARGAIN_RUNNING = 0,
	MP_BARGAIN_STOP_ROUNDS,   /* the round limit */
	MP_BARGAIN_STOP_FIXED,    /* a round moved nobody (fixed point) */
	MP_BARGAIN_STOP_CYCLE,    /* positions repeat an earlier round exactly */
	MP_BARGAIN_STOP_KTAB      /* KTAB's relative-movement rule (SMP) */
} mp_bargain_stop;
MP_EXTERN const char *mp_bargain_stop_name(mp_bargain_stop s);

/* ------------------------------------------------------------------------------------ */
/* EU model (Bueno de Mesquita; Scholz, Calbert & Smith 2011)                               */

typedef enum { MP_EU_VOTE_NORMALISED = 0, MP_EU_VOTE_RAW } mp_eu_vote;
typedef enum { MP_EU_PROB_GLOBAL = 0, MP_EU_PROB_PAIRWISE, MP_EU_PROB_NET } mp_eu_prob;
typedef enum { MP_EU_CAPITULATION_COMPAT = 0, MP_EU_CAPITULATION_FIXED } mp_eu_capitulation;
typedef enum { MP_EU_COMPROMISE_SCHOLZ = 0, MP_EU_COMPROMISE_LEASTMOVE } mp_eu_compromise;
typedef enum { MP_EU_RISK_SIMULTANEOUS = 0, MP_EU_RISK_SEQUENTIAL } mp_eu_risk;
typedef enum { MP_EU_DELTA_INITIAL = 0, MP_EU_DELTA_CURRENT } mp_eu_delta;

/* Stop-rule bits (any set bit may end the run; the round limit always does). */
enum { MP_BARGAIN_STOPRULE_FIXED = 1, MP_BARGAIN_STOPRULE_CYCLE = 2, MP_BARGAIN_STOPRULE_KTAB = 4 };

/* EU model switches (BARGAINING.md A.12). Defaults reproduce the Scholz-code results of
 * jmckib/bdm-scholz-expected-utility-model. */
typedef struct mp_bargain_eu_options {
	int version;                    /* MP_BARGAIN_EU_OPTIONS_VERSION */
	mp_eu_vote vote;                /* vote distance form */
	mp_eu_prob prob;                /* probability denominator */
	mp_eu_capitulation capitulation;
	mp_eu_compromise compromise;
	mp_eu_risk risk;
	double q, t;                    /* Q and T in [0,1] */
	mp_eu_delta delta;
	size_t dim;                     /* which input dimension (0-based) */
	int record_pairs;               /* keep the pair table of each round (O(n^2) memory) */
} mp_bargain_eu_options;

#define MP_BARGAIN_EU_OPTIONS_VERSION 1
#define MP_BARGAIN_EU_OPTIONS_INIT                                                     \
	{ MP_BARGAIN_EU_OPTIONS_VERSION, MP_EU_VOTE_NORMALISED, MP_EU_PROB_GLOBAL,     \
	  MP_EU_CAPITULATION_COMPAT, MP_EU_COMPROMISE_SCHOLZ, MP_EU_RISK_SIMULTANEOUS, \
	  1.0, 1.0, MP_EU_DELTA_INITIAL, 0, 0 }

typedef struct mp_bargain_eu mp_bargain_eu;

/* Offer kinds (BARGAINING.md A.6). */
typedef enum {
	MP_EU_OFFER_NONE = 0,
	MP_EU_OFFER_CONFLICT,     /* "confrontation": receiver adopts the proposer's position */
	MP_EU_OFFER_COMPROMISE,
	MP_EU_OFFER_CAPITULATION,
	MP_EU_OFFER_SAME          /* same position: no interaction */
} mp_eu_offer_kind;
MP_EXTERN const char *mp_eu_offer_name(mp_eu_offer_kind k);

/* One receiver's chosen move in a round. */
typedef struct mp_bargain_eu_move {
	size_t actor;            /* receiver */
	size_t counterpart;      /* proposer */
	mp_eu_offer_kind kind;
	double eu_ij, eu_ji;     /* receiver's view: it challenges / it is challenged */
	double new_x;
} mp_bargain_eu_move;

/* One entry of the pair table (receiver i, other j), from i's perspective. */
typedef struct mp_bargain_eu_pair {
	double p_ij, p_ji, eu_ij, eu_ji;
	mp_eu_offer_kind kind;
} mp_bargain_eu_pair;

/* Builds round 0 from dimension opt->dim of `in` (opt may be NULL for the defaults).
 * MP_EINPUT if fewer than 3 actors or all positions are equal. */
MP_EXTERN int mp_bargain_eu_new(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_eu_options *opt,
		      mp_bargain_eu **out);
/* Plays one round: risk exponents, offers, simultaneous moves (A.8). *moved (may be NULL)
 * receives the number of actors that moved. */
MP_EXTERN int mp_bargain_eu_step(mp_bargain_eu *m, size_t *moved);
/* The stop status after the last step given the enabled rule bits and the round limit
 * (MP_BARGAIN_RUNNING if the run should go on). */
MP_EXTERN mp_bargain_stop mp_bargain_eu_status(const mp_bargain_eu *m, int rules, int max_rounds);
MP_EXTERN void mp_bargain_eu_free(mp_bargain_eu *m);

MP_EXTERN size_t mp_bargain_eu_n(const mp_bargain_eu *m);
MP_EXTERN int mp_bargain_eu_round(const mp_bargain_eu *m);
MP_EXTERN const double *mp_bargain_eu_positions(const mp_bargain_eu *m); /* n */
MP_EXTERN const double *mp_bargain_eu_risk(const mp_bargain_eu *m);      /* n, exponents of the last round */
MP_EXTERN const double *mp_bargain_eu_weights(const mp_bargain_eu *m);   /* n, c_i * s_i */
/* Moves of the last round (count through *n). */
MP_EXTERN const mp_bargain_eu_move *mp_bargain_eu_moves(const mp_bargain_eu *m, size_t *n);
/* Pair table of the last round (n*n, [i*n+j]); NULL unless record_pairs. */
MP_EXTERN const mp_bargain_eu_pair *mp_bargain_eu_pairs(const mp_bargain_eu *m);
/* Weighted mean and median of the current positions. */
MP_EXTERN void mp_bargain_eu_forecast(const mp_bargain_eu *m, double *mean, double *median);

/* Probability denominator of A.3 (global form) computed directly in O(n^3) and with the
 * O(n^2 log n) sorted-sum method used by the model; exposed for tests and benchmarks.
 * x: n positions, w: n weights c*s, r: n exponents (NULL = all 1), delta: range,
 * raw != 0: raw distances without exponents. ws: 2n doubles, iws: 2n size_t. */
MP_EXTERN double mp_bargain_eu_global_denominator_direct(size_t n, const double *x, const double *w,
					       const double *r, double delta, int raw);
MP_EXTERN double mp_bargain_eu_global_denominator(size_t n, const double *x, const double *w,
					const double *r, double delta, int raw, double *ws, size_t *iws);

/* ------------------------------------------------------------------------------------ */
/* SMP: KTAB's Spatial Model of Politics (KAPSARC; lsyaseen/KTAB commit 3b5b063)            */

/* Model switches, named and ordered as in KTAB (BARGAINING.md B.4-B.9). */
typedef enum { MP_SMP_VPM_LINEAR = 0, MP_SMP_VPM_SQUARE, MP_SMP_VPM_QUARTIC, MP_SMP_VPM_OCTIC,
	       MP_SMP_VPM_BINARY } mp_smp_vpm;
typedef enum { MP_SMP_PCE_CONDITIONAL = 0, MP_SMP_PCE_MARKOV_INCENTIVE, MP_SMP_PCE_MARKOV_UNIFORM } mp_smp_pce;
typedef enum { MP_SMP_STM_DETERMINISTIC = 0, MP_SMP_STM_STOCHASTIC } mp_smp_stm;
typedef enum { MP_SMP_VR_BINARY = 0, MP_SMP_VR_PROPBIN, MP_SMP_VR_PROP, MP_SMP_VR_PROPCBC,
	       MP_SMP_VR_CUBIC, MP_SMP_VR_ASYMPROSP } mp_smp_vr;
typedef enum { MP_SMP_RADJ_FULL = 0, MP_SMP_RADJ_TWOTHIRDS, MP_SMP_RADJ_HALF, MP_SMP_RADJ_ONETHIRD,
	       MP_SMP_RADJ_NONE } mp_smp_radj;
typedef enum { MP_SMP_RRANGE_MIN = 0, MP_SMP_RRANGE_MID, MP_SMP_RRANGE_MAX } mp_smp_rrange;
typedef enum { MP_SMP_TPC_NOCOMMIT = 0, MP_SMP_TPC_SEMICOMMIT, MP_SMP_TPC_FULLCOMMIT } mp_smp_tpc;
typedef enum { MP_SMP_IVB_S1P1 = 0, MP_SMP_IVB_S2P2, MP_SMP_IVB_S2PMAX } mp_smp_ivb;
typedef enum { MP_SMP_BM_INITONLY = 0, MP_SMP_BM_INITRCVR, MP_SMP_BM_PWCOMP } mp_smp_bm;

typedef struct mp_bargain_smp_options {
	int version;             /* MP_BARGAIN_SMP_OPTIONS_VERSION */
	mp_smp_vpm vpm;
	mp_smp_pce pce;
	mp_smp_stm stm;
	mp_smp_vr vr;
	mp_smp_radj radj;
	mp_smp_rrange rrange;
	mp_smp_tpc tpc;
	mp_smp_ivb ivb;
	mp_smp_bm bm;
	double pos_tol;          /* positions closer than this (on [0,1]) are one position */
	uint64_t seed;           /* stochastic transitions: mp_rng keyed (seed, turn, actor) */
} mp_bargain_smp_options;

#define MP_BARGAIN_SMP_OPTIONS_VERSION 1
/* KTAB's CSV defaults (B.9). */
#define MP_BARGAIN_SMP_OPTIONS_INIT                                                        \
	{ MP_BARGAIN_SMP_OPTIONS_VERSION, MP_SMP_VPM_LINEAR, MP_SMP_PCE_CONDITIONAL,       \
	  MP_SMP_STM_DETERMINISTIC, MP_SMP_VR_PROP, MP_SMP_RADJ_ONETHIRD, MP_SMP_RRANGE_MID, \
	  MP_SMP_TPC_SEMICOMMIT, MP_SMP_IVB_S2P2, MP_SMP_BM_INITONLY, 1e-3, 0 }

typedef struct mp_bargain_smp mp_bargain_smp;

/* One challenge of a turn: initiator i chose target j with expected gain `gain` and its
 * estimate p that i prevails; the bargain proposes bi (for i) and bj (for j). */
typedef struct mp_bargain_smp_challenge {
	size_t init, rcvr;
	double gain, prob;
} mp_bargain_smp_challenge;

/* Builds turn 0. Positions are mapped to [0,1] with each dimension's scale
 * (KTAB: /100); every actor needs a positive total salience. */
MP_EXTERN int mp_bargain_smp_new(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_smp_options *opt,
		       mp_bargain_smp **out);
/* Plays one turn (B.5-B.8) and prepares the risk attitudes and position probabilities of
 * the new state. */
MP_EXTERN int mp_bargain_smp_step(mp_bargain_smp *s);
/* KTAB's stop rule (B.10) with `max_turns` instead of 100 when rules has
 * MP_BARGAIN_STOPRULE_KTAB; the fixed-point and cycle rules as for the EU model. */
MP_EXTERN mp_bargain_stop mp_bargain_smp_status(const mp_bargain_smp *s, int rules, int max_turns);
MP_EXTERN void mp_bargain_smp_free(mp_bargain_smp *s);

MP_EXTERN size_t mp_bargain_smp_n(const mp_bargain_smp *s);
MP_EXTERN size_t mp_bargain_smp_dims(const mp_bargain_smp *s);
MP_EXTERN int mp_bargain_smp_turn(const mp_bargain_smp *s);
/* Positions of the current turn on [0,1] (n*m, row-major by actor). */
MP_EXTERN const double *mp_bargain_smp_positions(const mp_bargain_smp *s);
/* Risk attitudes R_i of the current turn (n). */
MP_EXTERN const double *mp_bargain_smp_risk(const mp_bargain_smp *s);
/* Probability that each actor's position is the outcome, current turn (n; B.11). */
MP_EXTERN const double *mp_bargain_smp_position_prob(const mp_bargain_smp *s);
/* D(t)/(D(1) + 1e-4) of the last turn (B.10); NaN before turn 1. */
MP_EXTERN double mp_bargain_smp_change_ratio(const mp_bargain_smp *s);
/* Challenges of the last turn. */
MP_EXTERN const mp_bargain_smp_challenge *mp_bargain_smp_challenges(const mp_bargain_smp *s, size_t *n);

/* ------------------------------------------------------------------------------------ */
/* Whole runs and sensitivity ensembles                                                    */

typedef enum { MP_BARGAIN_MODEL_EU = 0, MP_BARGAIN_MODEL_SMP } mp_bargain_model;

typedef struct mp_bargain_run_options {
	int version;                  /* MP_BARGAIN_RUN_OPTIONS_VERSION */
	mp_bargain_model model;
	mp_bargain_eu_options eu;
	mp_bargain_smp_options smp;
	int rounds;                   /* round limit */
	int stop_rules;               /* MP_BARGAIN_STOPRULE_* bits */
} mp_bargain_run_options;

#define MP_BARGAIN_RUN_OPTIONS_VERSION 1
#define MP_BARGAIN_RUN_OPTIONS_INIT                                                   \
	{ MP_BARGAIN_RUN_OPTIONS_VERSION, MP_BARGAIN_MODEL_EU, MP_BARGAIN_EU_OPTIONS_INIT, \
	  MP_BARGAIN_SMP_OPTIONS_INIT, 10, 0 }

/* Number of forecast dimensions of a run: 1 for the EU model, the input's m for SMP. */
MP_EXTERN size_t mp_bargain_run_dims(const mp_bargain_input *in, const mp_bargain_run_options *ro);

/* Runs a model to its stop and gives the final weighted mean and median per forecast
 * dimension (on the input's scale; weights c_i s_ik), the rounds played and the reason. */
MP_EXTERN int mp_bargain_run_final(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro,
			 double *mean, double *median, int *rounds, mp_bargain_stop *why);

/* Noise model of the sensitivity analysis (docs/bargaining.md "Sensitivity"):
 *   capability  c' = c * exp(cap_logsd * z)                        (log-normal)
 *   salience    s' = clamp(s + sal_sd * z, 0, 1), then an actor's saliences are scaled
 *                    down to sum 1 if they exceed it (and kept > 0 for SMP)
 *   position    x' = clamp(x + pos_sd * (hi - lo) * z, lo, hi)   (share of the scale)
 * with z independent standard normal deviates drawn from mp_rng keyed by
 * (seed, replicate, 0) in the order: per actor, capability, then per dimension position
 * and salience. */
typedef struct mp_bargain_noise {
	int version;
	double cap_logsd, sal_sd, pos_sd;
} mp_bargain_noise;
#define MP_BARGAIN_NOISE_VERSION 1
#define MP_BARGAIN_NOISE_INIT { MP_BARGAIN_NOISE_VERSION, 0.1, 0.05, 0.05 }

/* One perturbed copy of `in` (replicate r). For the BDM source the position scale is
 * the input's initial range. */
MP_EXTERN int mp_bargain_perturb(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_noise *noise, uint64_t seed,
		       uint32_t replicate, mp_bargain_input **out);

/* Runs `reps` perturbed replicates on `threads` threads (<= 0: all available; OpenMP)
 * and stores each replicate's final mean and median: mean[r*d + k], median[r*d + k]
 * with d = mp_bargain_run_dims(). Results do not depend on the thread count. */
MP_EXTERN int mp_bargain_sensitivity(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro,
			   const mp_bargain_noise *noise, uint64_t seed, size_t reps, int threads,
			   double *mean, double *median);

#ifdef __cplusplus
}
#endif
#endif
