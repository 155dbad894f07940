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
 * The input is a plain struct (mp_bargain_input) read from a BDM CSV, a KTAB CSV, a KTAB
 * XML scenario or a YAML scenario. The settings of a run (model, switches, round limit,
 * sensitivity analysis) are an mp_bargain_settings with their defaults, names and bounds
 * defined here once (MP_BARGAIN_SETTINGS), for the library, the command line and the docs.
 *
 * Ownership: `T **out` means the caller owns *out and frees it with the matching _free.
 * Pointers returned by accessors are borrowed from the handle and stay valid until the next
 * _step or _free.
 */
#ifndef MULTIPOLAR_BARGAIN_H
#define MULTIPOLAR_BARGAIN_H

#include <stddef.h>
#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/export.h"
#include "multipolar/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------ */
/* Limits (docs/bargaining.md "Limits"). Inputs and settings beyond them are refused with   */
/* MP_EINPUT or MP_ERANGE (exit 2), never truncated or wrapped.                             */

#define MP_BARGAIN_INPUT_MAX_BYTES (64 * 1024 * 1024) /* size of an input file or device */
#define MP_BARGAIN_ACTORS_MAX 100000                  /* actors in an input */
#define MP_BARGAIN_DIMS_MAX 1000                      /* dimensions in an input */
#define MP_BARGAIN_NAME_MAX 256                       /* bytes of an actor or dimension name (UTF-8) */
#define MP_BARGAIN_TEXT_MAX 65536                     /* bytes of a description or a scale meaning */
#define MP_BARGAIN_EU_ACTORS_MAX 20000                /* EU model: O(n^2) memory, 6 GB at the limit */
#define MP_BARGAIN_SMP_ACTORS_MAX 2000                /* SMP: O(n^3) per turn, O(n^2) memory */
#define MP_BARGAIN_ROUNDS_MAX 1000
#define MP_BARGAIN_REPLICATES_MAX 100000
#define MP_BARGAIN_THREADS_MAX 256

/* ------------------------------------------------------------------------------------ */
/* Inputs                                                                                 */

/* Where an input came from (decides scales and defaults). */
typedef enum {
	MP_BARGAIN_SRC_BDM = 0,     /* Actor,Capability,Position,Salience (one dimension) */
	MP_BARGAIN_SRC_KTAB = 1,    /* KTAB SMP CSV: positions and saliences on 0..100 */
	MP_BARGAIN_SRC_YAML = 2,    /* our scenario format */
	MP_BARGAIN_SRC_KTAB_XML = 3 /* KTAB's XML scenario (smpSchema.xsd) */
} mp_bargain_source;

/* A labelled point of a dimension's scale (YAML `marks: {40: "status quo"}`). */
typedef struct mp_bargain_mark {
	double at;
	char *means;
} mp_bargain_mark;

/* An actor table: n actors, m dimensions. Arrays are row-major by actor
 * (pos[i*m + k] is actor i's position on dimension k). Saliences are fractions in [0,1]
 * (KTAB inputs are divided by 100 when read); positions keep the file's scale. */
typedef struct mp_bargain_input {
	mp_bargain_source source;
	char *name;        /* scenario name (may be "") */
	char *description; /* may be "" */
	size_t n, m;
	char **actor;      /* n names, unique */
	char **actor_desc; /* n descriptions (may be "") */
	char **dim;        /* m dimension names ("1" for a BDM file) */
	char **dim_lo;     /* m meanings of the low end of the scale (may be NULL) */
	char **dim_hi;     /* m meanings of the high end (may be NULL) */
	double *scale_lo;  /* m lower ends of the scale (KTAB: 0) */
	double *scale_hi;  /* m upper ends (KTAB: 100) */
	double *cap;       /* n capabilities, >= 0 */
	double *pos;       /* n*m positions */
	double *sal;       /* n*m saliences in [0,1] */
	/* Settings given by the file (a YAML `model:` and `options:` block, KTAB XML's
	 * <ModelParameters>): "key", "value" pairs of MP_BARGAIN_SETTINGS names, checked
	 * when read, applied by mp_bargain_settings_from_input; may be NULL/0. */
	char *model;
	size_t nopt;
	char **opt_key;
	char **opt_val;
	/* Provenance, for messages: the file name and each actor's line and column (0 when
	 * unknown, e.g. for a perturbed copy made in memory). */
	char *path;
	int *actor_line;
	int *actor_col;
	/* YAML `illustrative: true`: the numbers are judgements written to show the format,
	 * not data; outputs and the report say so. */
	int illustrative;
	/* Scale marks per dimension (nmarks[k] marks in marks[k], sorted by position). */
	size_t *nmarks;
	mp_bargain_mark **marks;
} mp_bargain_input;

/* Reading flags. */
enum {
	MP_BARGAIN_READ_SALIENCE_PERCENT = 1 /* BDM CSV: saliences are percentages (0..100) */
};

/* Reads a BDM CSV (header "Actor,Capability,Position,Salience", any column order, extra
 * columns ignored) or a KTAB SMP CSV (first line name,description,actors,dimensions),
 * detected from the first line. Errors (MP_EINPUT) name file, line and column. At least 3
 * actors; names unique, valid UTF-8 without control characters, at most
 * MP_BARGAIN_NAME_MAX bytes; numbers decimal and finite (no hex, inf or nan); saliences
 * in [0,1] (or [0,100] with the percent flag; KTAB: 0..100 with per-actor sums <= 100 +
 * 1e-6); a KTAB file has exactly the declared number of actor rows. */
MP_EXTERN int mp_bargain_input_read_csv(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out);
/* Same from a buffer; `name` is used in error messages. */
MP_EXTERN int mp_bargain_input_parse_csv(mp_ctx *ctx, const char *name, const char *buf, size_t len, int flags,
					 mp_bargain_input **out);
/* Reads a YAML scenario (see docs/bargaining.md, data/scenarios/negotiation/). Strict:
 * unknown keys (with the nearest known key suggested), duplicate keys, a second document,
 * and option values outside their bounds are errors with file:line:column. */
MP_EXTERN int mp_bargain_input_read_yaml(mp_ctx *ctx, const char *path, mp_bargain_input **out);
MP_EXTERN int mp_bargain_input_parse_yaml(mp_ctx *ctx, const char *name, const char *buf, size_t len,
					  mp_bargain_input **out);
/* Reads a KTAB XML scenario (KTAB examples/smp/doc/smpSchema.xsd: name, desc, prngSeed,
 * ModelParameters, Dimensions, Actors). Its model parameters become settings; an
 * <IdealAdjustment> other than the identity is refused (the SMP here keeps ideals equal to
 * positions, as KTAB's CSV path does). */
MP_EXTERN int mp_bargain_input_parse_xml(mp_ctx *ctx, const char *name, const char *buf, size_t len,
					 mp_bargain_input **out);
/* Reads any input file (at most MP_BARGAIN_INPUT_MAX_BYTES, also from a device or pipe):
 * .yaml/.yml as YAML, .xml (or a file starting with '<') as KTAB XML, anything else as
 * CSV. The one entry point for files. */
MP_EXTERN int mp_bargain_input_read(mp_ctx *ctx, const char *path, int flags, mp_bargain_input **out);
/* Same from a buffer; `name` decides the format as the path does and names the input in
 * messages. */
MP_EXTERN int mp_bargain_input_parse(mp_ctx *ctx, const char *name, const char *buf, size_t len, int flags,
				     mp_bargain_input **out);
/* Deep copy (for perturbed replicates). */
MP_EXTERN int mp_bargain_input_copy(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_input **out);
MP_EXTERN void mp_bargain_input_free(mp_bargain_input *in);

/* Forecast summaries of one dimension of a position vector (weights w_i = c_i * s_i):
 * weighted mean sum w x / sum w (Scholz et al. 2011, jmckib mean_position), and the
 * weighted median: the smallest position at which the cumulative weight of the sorted
 * positions reaches half the total (BDM's median voter on one dimension).
 * `idx` is a workspace of n size_t. */
MP_EXTERN void mp_bargain_forecast(size_t n, const double *x, size_t stride, const double *w, size_t *idx, double *mean,
				   double *median);

/* Why a run ended. */
typedef enum {
	MP_BARGAIN_RUNNING = 0,
	MP_BARGAIN_STOP_ROUNDS, /* the round limit */
	MP_BARGAIN_STOP_FIXED,  /* a round moved nobody (fixed point) */
	MP_BARGAIN_STOP_CYCLE,  /* positions repeat an earlier round exactly */
	MP_BARGAIN_STOP_KTAB    /* KTAB's relative-movement rule (SMP) */
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

/* EU model switches (docs/bargaining.md A.12). Defaults reproduce the Scholz-code results of
 * jmckib/bdm-scholz-expected-utility-model. */
typedef struct mp_bargain_eu_options {
	int version;     /* MP_BARGAIN_EU_OPTIONS_VERSION */
	mp_eu_vote vote; /* vote distance form */
	mp_eu_prob prob; /* probability denominator */
	mp_eu_capitulation capitulation;
	mp_eu_compromise compromise;
	mp_eu_risk risk;
	double q, t; /* Q and T in [0,1] */
	mp_eu_delta delta;
	size_t dim;       /* which input dimension (0-based) */
	int record_pairs; /* keep the pair table of each round (O(n^2) memory) */
} mp_bargain_eu_options;

#define MP_BARGAIN_EU_OPTIONS_VERSION 1
#define MP_BARGAIN_EU_OPTIONS_INIT                                                                                     \
	{                                                                                                              \
		MP_BARGAIN_EU_OPTIONS_VERSION, MP_EU_VOTE_NORMALISED, MP_EU_PROB_GLOBAL, MP_EU_CAPITULATION_COMPAT,    \
			MP_EU_COMPROMISE_SCHOLZ, MP_EU_RISK_SIMULTANEOUS, 1.0, 1.0, MP_EU_DELTA_INITIAL, 0, 0          \
	}

typedef struct mp_bargain_eu mp_bargain_eu;

/* Offer kinds (Scholz et al. 2011; docs/bargaining.md A.6). */
typedef enum {
	MP_EU_OFFER_NONE = 0,
	MP_EU_OFFER_CONFLICT, /* "confrontation": receiver adopts the proposer's position */
	MP_EU_OFFER_COMPROMISE,
	MP_EU_OFFER_CAPITULATION,
	MP_EU_OFFER_SAME /* same position: no interaction */
} mp_eu_offer_kind;
MP_EXTERN const char *mp_eu_offer_name(mp_eu_offer_kind k);

/* One receiver's chosen move in a round. */
typedef struct mp_bargain_eu_move {
	size_t actor;       /* receiver */
	size_t counterpart; /* proposer */
	mp_eu_offer_kind kind;
	double eu_ij, eu_ji; /* receiver's view: it challenges / it is challenged */
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
MP_EXTERN double mp_bargain_eu_global_denominator_direct(size_t n, const double *x, const double *w, const double *r,
							 double delta, int raw);
MP_EXTERN double mp_bargain_eu_global_denominator(size_t n, const double *x, const double *w, const double *r,
						  double delta, int raw, double *ws, size_t *iws);

/* ------------------------------------------------------------------------------------ */
/* SMP: KTAB's Spatial Model of Politics (KAPSARC; lsyaseen/KTAB commit 3b5b063)            */

/* Model switches, named and ordered as in KTAB (kmodel.h enums; docs/bargaining.md B.4-B.9). */
typedef enum {
	MP_SMP_VPM_LINEAR = 0,
	MP_SMP_VPM_SQUARE,
	MP_SMP_VPM_QUARTIC,
	MP_SMP_VPM_OCTIC,
	MP_SMP_VPM_BINARY
} mp_smp_vpm;
typedef enum { MP_SMP_PCE_CONDITIONAL = 0, MP_SMP_PCE_MARKOV_INCENTIVE, MP_SMP_PCE_MARKOV_UNIFORM } mp_smp_pce;
typedef enum { MP_SMP_STM_DETERMINISTIC = 0, MP_SMP_STM_STOCHASTIC } mp_smp_stm;
typedef enum {
	MP_SMP_VR_BINARY = 0,
	MP_SMP_VR_PROPBIN,
	MP_SMP_VR_PROP,
	MP_SMP_VR_PROPCBC,
	MP_SMP_VR_CUBIC,
	MP_SMP_VR_ASYMPROSP
} mp_smp_vr;
typedef enum {
	MP_SMP_RADJ_FULL = 0,
	MP_SMP_RADJ_TWOTHIRDS,
	MP_SMP_RADJ_HALF,
	MP_SMP_RADJ_ONETHIRD,
	MP_SMP_RADJ_NONE
} mp_smp_radj;
typedef enum { MP_SMP_RRANGE_MIN = 0, MP_SMP_RRANGE_MID, MP_SMP_RRANGE_MAX } mp_smp_rrange;
typedef enum { MP_SMP_TPC_NOCOMMIT = 0, MP_SMP_TPC_SEMICOMMIT, MP_SMP_TPC_FULLCOMMIT } mp_smp_tpc;
typedef enum { MP_SMP_IVB_S1P1 = 0, MP_SMP_IVB_S2P2, MP_SMP_IVB_S2PMAX } mp_smp_ivb;
typedef enum { MP_SMP_BM_INITONLY = 0, MP_SMP_BM_INITRCVR, MP_SMP_BM_PWCOMP } mp_smp_bm;

typedef struct mp_bargain_smp_options {
	int version; /* MP_BARGAIN_SMP_OPTIONS_VERSION */
	mp_smp_vpm vpm;
	mp_smp_pce pce;
	mp_smp_stm stm;
	mp_smp_vr vr;
	mp_smp_radj radj;
	mp_smp_rrange rrange;
	mp_smp_tpc tpc;
	mp_smp_ivb ivb;
	mp_smp_bm bm;
	double pos_tol; /* positions closer than this (on [0,1]) are one position */
	uint64_t seed;  /* stochastic transitions: mp_rng keyed (seed, turn, actor) */
} mp_bargain_smp_options;

#define MP_BARGAIN_SMP_OPTIONS_VERSION 1
/* KTAB's CSV defaults (B.9). */
#define MP_BARGAIN_SMP_OPTIONS_INIT                                                                                    \
	{                                                                                                              \
		MP_BARGAIN_SMP_OPTIONS_VERSION, MP_SMP_VPM_LINEAR, MP_SMP_PCE_CONDITIONAL, MP_SMP_STM_DETERMINISTIC,   \
			MP_SMP_VR_PROP, MP_SMP_RADJ_ONETHIRD, MP_SMP_RRANGE_MID, MP_SMP_TPC_SEMICOMMIT,                \
			MP_SMP_IVB_S2P2, MP_SMP_BM_INITONLY, 1e-3, 0                                                   \
	}

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

/* Round limit and stop rules left to the model: EU 10 rounds and the round limit only (the
 * reference run of Scholz et al. 2011 plays a fixed number of rounds); SMP 100 turns and
 * KTAB's stop rule (KTAB smp.cpp smpStopFn). mp_bargain_run_rounds() and
 * mp_bargain_run_stop_rules() give the values in effect. */
#define MP_BARGAIN_ROUNDS_DEFAULT (-1)
#define MP_BARGAIN_STOPRULE_DEFAULT (-1)
#define MP_BARGAIN_EU_ROUNDS 10
#define MP_BARGAIN_SMP_ROUNDS 100

typedef struct mp_bargain_run_options {
	int version; /* MP_BARGAIN_RUN_OPTIONS_VERSION */
	mp_bargain_model model;
	mp_bargain_eu_options eu;
	mp_bargain_smp_options smp;
	int rounds;     /* round limit, or MP_BARGAIN_ROUNDS_DEFAULT */
	int stop_rules; /* MP_BARGAIN_STOPRULE_* bits, or MP_BARGAIN_STOPRULE_DEFAULT */
} mp_bargain_run_options;

#define MP_BARGAIN_RUN_OPTIONS_VERSION 2
#define MP_BARGAIN_RUN_OPTIONS_INIT                                                                                    \
	{                                                                                                              \
		MP_BARGAIN_RUN_OPTIONS_VERSION, MP_BARGAIN_MODEL_EU, MP_BARGAIN_EU_OPTIONS_INIT,                       \
			MP_BARGAIN_SMP_OPTIONS_INIT, MP_BARGAIN_ROUNDS_DEFAULT, MP_BARGAIN_STOPRULE_DEFAULT            \
	}

/* The round limit and stop rules in effect (the model's defaults where left unset). */
MP_EXTERN int mp_bargain_run_rounds(const mp_bargain_run_options *ro);
MP_EXTERN int mp_bargain_run_stop_rules(const mp_bargain_run_options *ro);

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
#define MP_BARGAIN_NOISE_INIT                                                                                          \
	{                                                                                                              \
		MP_BARGAIN_NOISE_VERSION, 0.1, 0.05, 0.05                                                              \
	}

/* One perturbed copy of `in` (replicate r). For the BDM source the position scale is
 * the input's initial range. */
MP_EXTERN int mp_bargain_perturb(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_noise *noise, uint64_t seed,
				 uint32_t replicate, mp_bargain_input **out);

/* Runs `reps` perturbed replicates on `threads` threads (0: all cores; OpenMP; at most
 * MP_BARGAIN_THREADS_MAX, and never more than the replicates or the cores) and stores each
 * replicate's final mean and median: mean[r*d + k], median[r*d + k] with
 * d = mp_bargain_run_dims(). Results do not depend on the thread count. */
MP_EXTERN int mp_bargain_sensitivity(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_run_options *ro,
				     const mp_bargain_noise *noise, uint64_t seed, size_t reps, int threads,
				     double *mean, double *median);

/* ------------------------------------------------------------------------------------ */
/* Settings: one table of every setting of a negotiation run                              */

/* Kinds of settings and where they may be given. */
typedef enum {
	MP_BARGAIN_SK_ENUM = 0, /* one name of a list */
	MP_BARGAIN_SK_INT,      /* a whole number in [lo, hi] */
	MP_BARGAIN_SK_REAL,     /* a decimal number in [lo, hi] */
	MP_BARGAIN_SK_SEED,     /* a whole number in [0, 2^64 - 1] */
	MP_BARGAIN_SK_STOP,     /* a comma list of stop rules */
	MP_BARGAIN_SK_DIM       /* a dimension's name or 1-based number */
} mp_bargain_setting_kind;
typedef enum {
	MP_BARGAIN_SCOPE_SCENARIO = 0, /* in a scenario file or on the command line */
	MP_BARGAIN_SCOPE_COMMAND       /* on the command line only (machine resources) */
} mp_bargain_setting_scope;

#define MP_BARGAIN_STR_(x) #x
#define MP_BARGAIN_STR(x) MP_BARGAIN_STR_(x)

/* X(ID, "name", KIND, SCOPE, LO, HI, "ARG", "help"): the single source of the setting names
 * (also `multipolar negotiate --NAME` and a scenario's `options:` keys), their kinds, bounds
 * and help. Enumerated values and defaults are listed in docs/bargaining.md "Settings". */
#define MP_BARGAIN_SETTINGS(X)                                                                                         \
	X(MODEL, "model", ENUM, SCENARIO, 0, 0, "eu|smp",                                                              \
	  "model (default: smp for KTAB inputs, a YAML file's 'model', else eu)")                                      \
	X(ROUNDS, "rounds", INT, SCENARIO, 0, MP_BARGAIN_ROUNDS_MAX, "N",                                              \
	  "round limit, 0 to " MP_BARGAIN_STR(MP_BARGAIN_ROUNDS_MAX) " (default: EU " MP_BARGAIN_STR(                  \
		  MP_BARGAIN_EU_ROUNDS) ", SMP " MP_BARGAIN_STR(MP_BARGAIN_SMP_ROUNDS) ")")                            \
	X(STOP, "stop", STOP, SCENARIO, 0, 0, "RULES",                                                                 \
	  "comma list of stop rules: rounds, fixed, cycle, ktab, all (default: EU rounds, SMP ktab)")                  \
	X(SEED, "seed", SEED, SCENARIO, 0, 0, "S",                                                                     \
	  "random seed for --sensitivity and stochastic SMP transitions (default 1)")                                  \
	X(DIM, "dim", DIM, SCENARIO, 0, 0, "NAME",                                                                     \
	  "EU model: the dimension to use (name or 1-based number; default the first)")                                \
	X(VOTE, "vote", ENUM, SCENARIO, 0, 0, "FORM",                                                                  \
	  "EU: vote distances normalised (default, Scholz code) or raw (paper)")                                       \
	X(PROBABILITY, "probability", ENUM, SCENARIO, 0, 0, "DENOM",                                                   \
	  "EU: probability denominator global (default), pairwise (paper) or net")                                     \
	X(CAPITULATION, "capitulation", ENUM, SCENARIO, 0, 0, "TEST",                                                  \
	  "EU: capitulation test compat (default: never, as jmckib) or fixed")                                         \
	X(COMPROMISE, "compromise", ENUM, SCENARIO, 0, 0, "RULE",                                                      \
	  "EU: compromise choice scholz (default) or leastmove (paper text)")                                          \
	X(RISK_UPDATE, "risk-update", ENUM, SCENARIO, 0, 0, "ORDER",                                                   \
	  "EU: risk exponents simultaneous (default) or sequential")                                                   \
	X(Q, "q", REAL, SCENARIO, 0, 1, "Q", "EU: probability Q in [0,1] that the status quo persists (default 1)")    \
	X(T, "t", REAL, SCENARIO, 0, 1, "T",                                                                           \
	  "EU: probability T in [0,1] that the status quo drifts toward the challenger (default 1)")                   \
	X(DELTA, "delta", ENUM, SCENARIO, 0, 0, "RANGE", "EU: position range initial (default, fixed) or current")     \
	X(VPM, "vpm", ENUM, SCENARIO, 0, 0, "LAW",                                                                     \
	  "SMP: victory probability linear (default), square, quartic, octic, binary")                                 \
	X(PCE, "pce", ENUM, SCENARIO, 0, 0, "MODEL",                                                                   \
	  "SMP: PCE conditional (default), markov-incentive, markov-uniform")                                          \
	X(TRANSITIONS, "transitions", ENUM, SCENARIO, 0, 0, "MODE", "SMP: deterministic (default) or stochastic")      \
	X(VOTING, "voting", ENUM, SCENARIO, 0, 0, "RULE",                                                              \
	  "SMP: voting rule prop (default), binary, propbin, propcbc, cubic, asymprosp")                               \
	X(RISK_ADJUST, "risk-adjust", ENUM, SCENARIO, 0, 0, "RULE",                                                    \
	  "SMP: others' risk estimate one-third (default), none, half, two-thirds, full")                              \
	X(RISK_RANGE, "risk-range", ENUM, SCENARIO, 0, 0, "RANGE", "SMP: risk attitude range mid (default), min, max") \
	X(COMMIT, "commit", ENUM, SCENARIO, 0, 0, "MODE", "SMP: third-party commitment semi (default), full, none")    \
	X(INTERPOLATION, "interpolation", ENUM, SCENARIO, 0, 0, "RULE",                                                \
	  "SMP: bargain interpolation s2p2 (default), s1p1, s2pmax")                                                   \
	X(BARGAIN, "bargain", ENUM, SCENARIO, 0, 0, "MODEL", "SMP: bargains init-only (default), init-rcvr, pw-comp")  \
	X(POS_TOL, "pos-tol", REAL, SCENARIO, 0, 1, "D",                                                               \
	  "SMP: positions closer than D in [0,1] count as one (default 0.001)")                                        \
	X(SENSITIVITY, "sensitivity", INT, SCENARIO, 0, MP_BARGAIN_REPLICATES_MAX, "N",                                \
	  "rerun N perturbed replicates (0 to " MP_BARGAIN_STR(                                                        \
		  MP_BARGAIN_REPLICATES_MAX) ") and report forecast quantiles (default 0: one run)")                   \
	X(NOISE_CAP, "noise-cap", REAL, SCENARIO, 0, 2, "SD",                                                          \
	  "sensitivity: log-normal sd of capabilities, 0 to 2 (default 0.1)")                                          \
	X(NOISE_SAL, "noise-sal", REAL, SCENARIO, 0, 1, "SD",                                                          \
	  "sensitivity: sd of saliences on [0,1], 0 to 1 (default 0.05)")                                              \
	X(NOISE_POS, "noise-pos", REAL, SCENARIO, 0, 1, "SD",                                                          \
	  "sensitivity: sd of positions as a share of the scale, 0 to 1 (default 0.05)")                               \
	X(THREADS, "threads", INT, COMMAND, 0, MP_BARGAIN_THREADS_MAX, "T",                                            \
	  "threads for --sensitivity, 0 to " MP_BARGAIN_STR(                                                           \
		  MP_BARGAIN_THREADS_MAX) " (default 0: all cores; never more than the cores or the replicates)")

typedef enum {
#define MP_BARGAIN_X_ID(id, ...) MP_BARGAIN_SET_##id,
	MP_BARGAIN_SETTINGS(MP_BARGAIN_X_ID)
#undef MP_BARGAIN_X_ID
		MP_BARGAIN_SET_N
} mp_bargain_setting;

/* One row of MP_BARGAIN_SETTINGS. */
typedef struct mp_bargain_setting_info {
	const char *name;
	mp_bargain_setting_kind kind;
	mp_bargain_setting_scope scope;
	double lo, hi;   /* bounds of INT and REAL settings */
	const char *arg; /* placeholder in help */
	const char *help;
} mp_bargain_setting_info;

/* The row of a setting (NULL if id is out of range), and the id of a name (-1 if none). */
MP_EXTERN const mp_bargain_setting_info *mp_bargain_setting_get(mp_bargain_setting id);
MP_EXTERN int mp_bargain_setting_find(const char *name);
/* The enumerated values of an ENUM setting, NULL-terminated (NULL for other kinds). */
MP_EXTERN const char *const *mp_bargain_setting_values(mp_bargain_setting id);

/* Everything a negotiation run needs besides the input. */
typedef struct mp_bargain_settings {
	int version;                /* MP_BARGAIN_SETTINGS_VERSION */
	mp_bargain_run_options run; /* model, switches, round limit, stop rules */
	uint64_t seed;              /* sensitivity draws and stochastic SMP transitions */
	size_t replicates;          /* sensitivity replicates; 0: a single run */
	mp_bargain_noise noise;
	int threads; /* sensitivity threads; 0: all cores */
} mp_bargain_settings;

#define MP_BARGAIN_SETTINGS_VERSION 1
#define MP_BARGAIN_SETTINGS_INIT                                                                                       \
	{                                                                                                              \
		MP_BARGAIN_SETTINGS_VERSION, MP_BARGAIN_RUN_OPTIONS_INIT, 1, 0, MP_BARGAIN_NOISE_INIT, 0               \
	}

/* Settings that follow from the input: the model (SMP for KTAB inputs, a YAML `model:`,
 * else EU), then the file's own settings (YAML `options:`, KTAB XML <ModelParameters>).
 * Call before applying command-line settings, which then win. */
MP_EXTERN int mp_bargain_settings_from_input(mp_ctx *ctx, const mp_bargain_input *in, mp_bargain_settings *s);
/* Sets one setting from text: `name` of MP_BARGAIN_SETTINGS, `value` parsed strictly
 * (decimal numbers only) and checked against its bound. `in` resolves dimension names (may
 * be NULL for inputs not read yet). scope = MP_BARGAIN_SCOPE_SCENARIO refuses the
 * command-line-only settings. Errors (MP_EUSAGE for the command line, MP_EINPUT for a
 * file) read "<where><name>: expected ..., got '<value>'"; unknown names suggest the
 * nearest known one. where may be NULL. */
MP_EXTERN int mp_bargain_settings_set(mp_ctx *ctx, mp_bargain_settings *s, const mp_bargain_input *in, const char *name,
				      const char *value, mp_bargain_setting_scope scope, const char *where);
/* Checks every bound of `s` (the one check, also done by the run functions). */
MP_EXTERN int mp_bargain_settings_check(mp_ctx *ctx, const mp_bargain_settings *s, const mp_bargain_input *in);
/* The settings in effect as text, "model=eu rounds=10 stop=rounds vote=normalised ...":
 * the model's own switches only, sensitivity settings when replicates > 0 (for storing
 * and printing). Returns the length it needs (like snprintf). */
MP_EXTERN size_t mp_bargain_settings_describe(const mp_bargain_settings *s, const mp_bargain_input *in, char *buf,
					      size_t size);
/* The settings in effect as a table: setting, value, allowed (kind and bound). */
MP_EXTERN int mp_bargain_settings_table(mp_ctx *ctx, const mp_bargain_settings *s, const mp_bargain_input *in,
					mp_table **out);

/* ------------------------------------------------------------------------------------ */
/* Runs recorded as tables (what `multipolar negotiate --show` prints)                     */

typedef enum {
	MP_BARGAIN_TAB_SUMMARY = 0,   /* per dimension: forecast, scale meanings, nearest mark */
	MP_BARGAIN_TAB_POSITIONS,     /* round, actor, dim, position */
	MP_BARGAIN_TAB_RISK,          /* round, actor, risk */
	MP_BARGAIN_TAB_OFFERS,        /* EU moves or SMP challenges per round */
	MP_BARGAIN_TAB_PAIRS,         /* EU only: the pair table of every round */
	MP_BARGAIN_TAB_FORECAST,      /* round, dim, weighted mean and median */
	MP_BARGAIN_TAB_PROBABILITIES, /* SMP only: each actor's position probability */
	MP_BARGAIN_TAB_N
} mp_bargain_tab;
/* Names as `--show` takes them ("summary", "positions", ...); parse gives -1 if unknown. */
MP_EXTERN const char *mp_bargain_tab_name(mp_bargain_tab t);
MP_EXTERN int mp_bargain_tab_parse(const char *name);

/* Runs the model of `s` on `in` to its stop and fills the tables asked for: for each t with
 * want[t] != 0, tabs[t] receives a new table (caller frees; others set to NULL). MP_EUSAGE
 * for a table the model does not have (pairs for SMP, probabilities for EU). Reports
 * progress (task "negotiate", rounds done of the round limit). */
MP_EXTERN int mp_bargain_run_tables(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_settings *s,
				    const int *want, mp_table **tabs);
/* The sensitivity analysis of `s` (s->replicates > 0) as a table: dim, statistic
 * (weighted_mean, weighted_median), replicates, q05, q25, q50, q75, q95 (Hyndman & Fan
 * 1996 type 7 quantiles of the replicates' final forecasts). */
MP_EXTERN int mp_bargain_sensitivity_table(mp_ctx *ctx, const mp_bargain_input *in, const mp_bargain_settings *s,
					   mp_table **out);
/* The mark of dimension k nearest to x (the lower one on a tie), or -1 if it has none. */
MP_EXTERN long mp_bargain_nearest_mark(const mp_bargain_input *in, size_t k, double x);

#ifdef __cplusplus
}
#endif
#endif
