/*
 * Relations between states and poles (docs/references.md A5-A10): capability ratios and the
 * power-transition parity band, alliance ties and alliance-portfolio similarity
 * (Signorino-Ritter S, Kendall tau-b, Haege's kappa), UN ideal-point distance, trade
 * dependence and Barbieri interdependence, a documented "junior partner" composite,
 * parity spells and overtaking years, and voting/alliance blocs detected with igraph.
 * Formulas, sources and data caveats: docs/relations.md.
 *
 * Two layers:
 *  - kernels on plain vectors (no allocation, no store): mp_rel_s, mp_rel_taub, ...
 *  - mp_rel_year: everything needed for the dyads of one year, loaded from the store;
 *    mp_rel_dyad_compute() fills one dyad row for two groups of states (a state is a
 *    group of one; a pole is the group of its members that year).
 */
#ifndef MULTIPOLAR_RELATIONS_H
#define MULTIPOLAR_RELATIONS_H

#include "multipolar/export.h"

#include <stddef.h>

#include "multipolar/common.h"
#include "multipolar/poles.h"
#include "multipolar/store.h"
#include "multipolar/table.h"
#include "multipolar/world.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_rel_agree mp_rel_agree; /* roll-call agreement, below */

/* ---- kernels ------------------------------------------------------------------- */

/* Signorino & Ritter (1999) S of portfolios x, y over n dimensions with weights w
 * (NULL = unweighted; NaN weights drop the dimension) and maximum distance delta per
 * dimension: absolute 1 - 2 sum w|x-y|/delta / sum w; squared uses (x-y)^2/delta^2.
 * NaN when no dimension has a weight > 0. */
MP_EXTERN double mp_rel_s(const double *x, const double *y, const double *w, size_t n, double delta, int squared);
/* Kendall tau-b (Kendall 1945), O(n^2) over all pairs: (nc - nd) / sqrt((n0-n1)(n0-n2)).
 * NaN when either vector is constant. */
MP_EXTERN double mp_rel_taub(const double *x, const double *y, size_t n);
/* The same for integer levels 0..nlev-1 (nlev <= 8) in O(n + nlev^2) through the
 * contingency table; values outside the levels make the result NaN. */
MP_EXTERN double mp_rel_taub_levels(const double *x, const double *y, size_t n, int nlev);
/* Cohen's weighted kappa as used by Haege (2011) and fpsim's cohenk(): 1 - D_o/D_e with
 * disagreement weights (|a-b|/(nlev-1))^w_exp on levels 0..nlev-1 (nlev <= 8), D_e from
 * each vector's own marginal distribution. w_exp 2 (squared) is fpsim's default. */
MP_EXTERN double mp_rel_kappa_levels(const double *x, const double *y, size_t n, int nlev, double w_exp);

/* Barbieri (1996) interdependence of a dyad with bilateral trade t and total trade
 * (exports + imports) of each side. */
typedef struct mp_barbieri {
	double share_a, share_b; /* t / total */
	double salience;         /* sqrt(share_a * share_b) */
	double symmetry;         /* 1 - |share_a - share_b| */
	double interdependence;  /* salience * symmetry */
} mp_barbieri;
/* All fields NaN when an input is missing or a total is not positive. */
MP_EXTERN void mp_rel_barbieri(double t, double total_a, double total_b, mp_barbieri *out);

/* Power-transition band (Organski & Kugler 1980): r = cap_a/cap_b; r > hi: a
 * preponderant, r < lo: b preponderant, else parity. Default band 0.8-1.2. */
typedef enum { MP_PARITY_NA = -2, MP_PARITY_B = -1, MP_PARITY_EVEN = 0, MP_PARITY_A = 1 } mp_parity;
#define MP_PARITY_LO 0.8
#define MP_PARITY_HI 1.2
MP_EXTERN mp_parity mp_rel_parity(double cap_a, double cap_b, double lo, double hi);
/* "a_preponderant", "parity", "b_preponderant", or NULL for MP_PARITY_NA. Static. */
MP_EXTERN const char *mp_rel_parity_name(mp_parity p);

/* The junior-partner composite (docs/relations.md): how far a is the junior partner of b.
 *   cap_asym  = (cap_b - cap_a)/(cap_a + cap_b)                      in [-1, 1]
 *   dep_asym  = (share_a - share_b)/(share_a + share_b), Barbieri shares
 *               (Hirschman 1945: the side whose trade depends more on the
 *               relation is the dependent one)                        in [-1, 1]
 *   alignment = mean of the available (atop_tie/3, ideal closeness
 *               1 - |theta_a - theta_b| / yearly range)               in [0, 1]
 *   junior    = alignment * (cap_asym + dep_asym)/2                   in [-1, 1]
 * (FBIC, Moyer et al. 2021: influence = bandwidth x dependence; here alignment is the
 * bandwidth and the mean asymmetry the dependence.) NaN when a part is missing. */
typedef struct mp_junior {
	double cap_asym, dep_asym, alignment, junior;
} mp_junior;
MP_EXTERN void mp_rel_junior(double cap_a, double cap_b, double share_a, double share_b, int atop_tie,
			     double ideal_closeness, mp_junior *out);

/* ---- one year of dyadic data ----------------------------------------------------- */

typedef struct mp_rel_year mp_rel_year;

/* Coverage of one dataset family (for messages and for empty cells). */
typedef struct mp_rel_coverage {
	const char *family; /* "nmc", "atop_dyad", ... (static) */
	int present;        /* imported */
	int first, last;    /* years */
} mp_rel_coverage;

enum {
	MP_REL_NMC,
	MP_REL_STATES,
	MP_REL_MAJORS,
	MP_REL_ATOP,
	MP_REL_COW_ALLIANCE,
	MP_REL_UNGA,
	MP_REL_MADDISON,
	MP_REL_TRADE_DYADIC,
	MP_REL_TRADE_NATIONAL,
	MP_REL_NSOURCES
};

/* Coverage of every source in the store: cov[MP_REL_NSOURCES]. */
MP_EXTERN int mp_rel_coverage_get(mp_ctx *ctx, mp_store *s, mp_rel_coverage *cov);
/* The union of years any source covers, and whether `year` is in it. */
MP_EXTERN int mp_rel_years(const mp_rel_coverage *cov, int *first, int *last);

/* Checks the year span [from, to]: MP_ERANGE (exit 2), naming each dataset and its years,
 * when no dataset covers any year of it. note (may be NULL) receives "; "-separated remarks
 * on datasets that cover only part of it (their cells are empty outside). */
MP_EXTERN int mp_rel_check_years(mp_ctx *ctx, const mp_rel_coverage *cov, int from, int to, char *note, size_t notesz);

/* Loads the system members of `year` (COW states; spells open at the end of the
 * membership data continue) with their CINC, GDP, ideal point and trade totals, and the
 * ATOP, COW alliance and trade matrices among them. `cov` from mp_rel_coverage_get. */
MP_EXTERN int mp_rel_year_load(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, int year, mp_rel_year **out);
/* The same, loading only the parts in `parts` (MP_REL_LOAD_* bits; members and majors are
 * always loaded); the cells of parts not loaded are missing. */
enum {
	MP_REL_LOAD_CINC = 1,
	MP_REL_LOAD_IDEAL = 2,
	MP_REL_LOAD_GDP = 4,
	MP_REL_LOAD_TRADE_TOTALS = 8,
	MP_REL_LOAD_ATOP = 16,
	MP_REL_LOAD_COW = 32,
	MP_REL_LOAD_TRADE = 64,
	MP_REL_LOAD_ALL = 127
};
MP_EXTERN int mp_rel_year_load_parts(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, int year, unsigned parts,
				     mp_rel_year **out);
/* Loads the bilateral trade of one pair of states into a year loaded without
 * MP_REL_LOAD_TRADE (the other pairs stay missing): far less to read for one dyad. */
MP_EXTERN int mp_rel_year_load_trade_pair(mp_ctx *ctx, mp_store *s, const mp_rel_coverage *cov, mp_rel_year *y,
					  int ccode_a, int ccode_b);
MP_EXTERN void mp_rel_year_free(mp_rel_year *y);
MP_EXTERN int mp_rel_year_year(const mp_rel_year *y);
MP_EXTERN size_t mp_rel_year_n(const mp_rel_year *y);
/* Member i: ccode, stateabb, whether a COW major power. */
MP_EXTERN int mp_rel_year_ccode(const mp_rel_year *y, size_t i);
MP_EXTERN const char *mp_rel_year_abb(const mp_rel_year *y, size_t i);
MP_EXTERN int mp_rel_year_major(const mp_rel_year *y, size_t i);
/* CINC (NMC's published cinc column) and ideal point of member i; NaN if none. */
MP_EXTERN double mp_rel_year_cinc(const mp_rel_year *y, size_t i);
MP_EXTERN double mp_rel_year_ideal(const mp_rel_year *y, size_t i);
/* ATOP valued tie of members i and j (0-3), -1 when ATOP does not cover the year. */
MP_EXTERN int mp_rel_year_atop(const mp_rel_year *y, size_t i, size_t j);
/* Index of a member by ccode, or -1. */
MP_EXTERN int mp_rel_year_find(const mp_rel_year *y, int ccode);
/* Doubles of workspace mp_rel_dyad_compute needs. */
MP_EXTERN size_t mp_rel_year_work_size(const mp_rel_year *y);

/* One dyad-year; NaN / -1 / MP_PARITY_NA where there is no data. */
typedef struct mp_rel_dyad {
	double cap_a, cap_b; /* summed CINC of each group */
	double cap_share_a, cap_ratio;
	mp_parity parity;
	int atop_tie, cow_tie; /* highest tie between the groups, -1 = no coverage */
	double s_unweighted, s_weighted, s_squared, tau_b, kappa;
	double ideal_distance, ideal_closeness;
	double trade, dep_ab, dep_ba;
	mp_barbieri barbieri;
	mp_junior junior;
} mp_rel_dyad;

/* Computes the dyad of groups a[0..na) and b[0..nb) (member indices; disjoint, non
 * empty). A group's CINC, GDP and trade totals are sums over its members, its ideal point
 * the mean; its alliance portfolio is 3 for its own members and otherwise the highest tie
 * of any member (docs/relations.md). work: mp_rel_year_work_size() doubles. */
MP_EXTERN int mp_rel_dyad_compute(mp_ctx *ctx, const mp_rel_year *y, const int *a, size_t na, const int *b, size_t nb,
				  double *work, mp_rel_dyad *out);

/* ---- actors (a state or a pole) and the dyad table ------------------------------- */

typedef struct mp_rel_actor {
	int is_pole;
	int ccode;      /* state: COW code */
	int pole;       /* pole: index in the mp_poles */
	char label[64]; /* stateabb or pole name */
} mp_rel_actor;

/* Resolves `text`: a ccode, stateabb or state name (case-insensitive) from the COW
 * membership data, else a pole name of `poles` (may be NULL); "pole:NAME" forces a pole.
 * MP_ENOTFOUND (exit 2) with the text when it is neither. */
MP_EXTERN int mp_rel_resolve(mp_ctx *ctx, mp_store *s, const mp_poles *poles, const char *text, mp_rel_actor *out);
/* Member indices of the actor in year y into idx (capacity mp_rel_year_n); returns the
 * count (0: not a member / a pole with no members that year). */
MP_EXTERN size_t mp_rel_actor_members(const mp_rel_year *y, const mp_poles *poles, const mp_rel_actor *a, int *idx);

/* The tidy dyad-year table of 'multipolar dyad': ccode1,ccode2,stateabb1,stateabb2,year,
 * cap_share_a,cap_ratio,parity,atop_tie,cow_tie,s_unweighted,s_weighted,s_squared,tau_b,
 * kappa,ideal_distance,trade,dep_ab,dep_ba,barbieri,junior_index, then the roll-call
 * agreement agree,s_votes,kappa_votes,nvotes,agree_me,..,agree_ec; with `components` also
 * cap_a,cap_b,share_a,share_b,cap_asym,dep_asym,alignment. A pole's ccode is empty and its
 * stateabb is its name. votes: 7 entries (all roll calls, then the issue families me, nu,
 * di, hr, co, ec) or NULL. Missing values are empty cells. */
MP_EXTERN int mp_rel_table_new(mp_table **out, int components);
MP_EXTERN int mp_rel_table_add(mp_table *t, int year, const mp_rel_actor *a, const mp_rel_actor *b,
			       const mp_rel_dyad *d, const mp_rel_agree *votes, int components);

/* ---- power transitions ----------------------------------------------------------- */

/* A spell of the ratio r = cap_challenger/cap_dominant over consecutive years. */
typedef struct mp_rel_event {
	int kind;     /* 0 parity spell, 1 overtaking */
	int from, to; /* years (overtaking: from = to = first year past 1) */
	double r_from, r_to;
	int leader_after; /* 0 dominant ahead at `to`, 1 challenger ahead */
} mp_rel_event;
/* Parity spells (r in [lo, hi]) and overtakings (r crosses 1 between consecutive years)
 * of a series years[0..n) (increasing; a gap of more than one year breaks spells and
 * crossings), r[] NaN = no data. Writes at most cap events; *nev gets the total. */
MP_EXTERN int mp_rel_transitions(const int *years, const double *r, size_t n, double lo, double hi, mp_rel_event *ev,
				 size_t cap, size_t *nev);

/* ---- roll-call votes (docs/panels.md "Roll-call votes") ------------------------------ */

/* Agreement of two vote positions x, y over n roll calls (yes 1, abstain 0.5, no 0; NaN
 * absent or not a member, skipped): agree = 1 - mean|x - y| (Voeten's agreement index),
 * s = 1 - 2 mean|x - y| (Signorino & Ritter 1999 S with distance 1 per roll call),
 * kappa = Haege's (2011) chance-corrected agreement (states only; NaN otherwise), n = the
 * roll calls both voted on. NaN when n = 0. */
struct mp_rel_agree {
	double agree, s, kappa;
	int n;
};
MP_EXTERN void mp_rel_vote_agree(const double *x, const double *y, size_t n, mp_rel_agree *out);
/* Agreement of two groups of states (ccodes a[0..na), b[0..nb); a group's position on a
 * roll call is the mean of its members' who voted) on the roll calls of `issue`
 * (MP_VOTE_* bits, 0 all). MP_ENOMEM only. */
MP_EXTERN int mp_rel_rollcall_dyad(const mp_world_votes *v, const int *a, size_t na, const int *b, size_t nb, int issue,
				   mp_rel_agree *out);
/* The agreement matrix over year y's members (n*n, n = mp_rel_year_n) for
 * mp_rel_blocs_weights: agree of each pair with at least 10 common roll calls, else 0;
 * NaN rows for members that did not vote that year. MP_ENOMEM only. */
MP_EXTERN int mp_rel_rollcall_weights(const mp_rel_year *y, const mp_world_votes *v, int issue, double *w);

/* ---- panels (docs/panels.md): dyad-years and state-years, like peacesciencer ------- */

typedef enum { MP_PANEL_ALL, MP_PANEL_MAJORS, MP_PANEL_POLES, MP_PANEL_PRD } mp_panel_set;
typedef struct mp_panel_opts {
	unsigned int version;
	int from, to;          /* years */
	mp_panel_set set;      /* all system members, COW majors, poles, politically relevant */
	int directed;          /* both orders of each pair */
	int components;        /* add the junior-index parts */
	const mp_poles *poles; /* MP_PANEL_POLES (and the states panel's pole column); may be NULL */
} mp_panel_opts;
#define MP_PANEL_OPTS_VERSION 1
#define MP_PANEL_OPTS_INIT                                                                                             \
	{                                                                                                              \
		MP_PANEL_OPTS_VERSION, 0, 0, MP_PANEL_ALL, 0, 0, NULL                                                  \
	}
/* Receives the panel one year at a time (a table of that year's rows; the same columns
 * every year). Return MP_OK to go on. */
typedef int (*mp_panel_fn)(void *u, const mp_table *chunk, int year);
/* The dyad-year panel: ccode1, ccode2, stateabb1, stateabb2, year, then contiguity,
 * capital distance, MID and war onset/ongoing and peace years, rivalry, major-power flags,
 * capabilities and their ratio, alliance ties, S-scores, vote agreement, ideal-point
 * distance, trade and dependence (every column: docs/panels.md). Poles: ccode empty,
 * stateabb the pole's name, the state-pair columns (contiguity .. rivalry) empty. */
MP_EXTERN int mp_rel_dyads_panel(mp_ctx *ctx, mp_store *s, const mp_panel_opts *opts, mp_panel_fn fn, void *u);
/* The state-year panel: ccode, stateabb, year, the six NMC components, CINC, major power,
 * GDP (Maddison), SIPRI spending, UN ideal point, pole (docs/panels.md). */
MP_EXTERN int mp_rel_states_panel(mp_ctx *ctx, mp_store *s, const mp_panel_opts *opts, mp_panel_fn fn, void *u);

/* ---- blocs ------------------------------------------------------------------------ */

/* MP_BLOC_ROLLCALL: the full roll-call agreement matrix (mp_rel_rollcall_weights, then
 * mp_rel_blocs_weights); mp_rel_blocs itself takes the other three. */
typedef enum { MP_BLOC_VOTES, MP_BLOC_ALLIANCES, MP_BLOC_BOTH, MP_BLOC_ROLLCALL } mp_bloc_basis;
typedef enum { MP_BLOC_LOUVAIN, MP_BLOC_LEIDEN } mp_bloc_method;

typedef struct mp_bloc_opts {
	unsigned int version;
	mp_bloc_basis basis;
	mp_bloc_method method;
	int knn;            /* votes: neighbours kept per state (default 10) */
	double resolution;  /* modularity resolution (default 1) */
	unsigned long seed; /* igraph RNG seed (default 42) */
} mp_bloc_opts;
#define MP_BLOC_OPTS_VERSION 1
#define MP_BLOC_OPTS_INIT                                                                                              \
	{                                                                                                              \
		MP_BLOC_OPTS_VERSION, MP_BLOC_VOTES, MP_BLOC_LOUVAIN, 10, 1.0, 42                                      \
	}

/* Communities of the similarity network of year y's members (those with data for the
 * basis). bloc[i] (n = mp_rel_year_n): 1.. by decreasing size, 0 = in a community of one
 * (non-aligned), -1 = no data. *modularity: of the partition found. */
MP_EXTERN int mp_rel_blocs(mp_ctx *ctx, const mp_rel_year *y, const mp_bloc_opts *opts, int *bloc, double *modularity);
/* The same on a given similarity matrix w (n*n over year y's members, n = mp_rel_year_n;
 * symmetric, weights > 0 are edges): a member is a node when w[i*n+i] is finite (NaN on
 * the diagonal: no data). opts->basis is ignored. */
MP_EXTERN int mp_rel_blocs_weights(mp_ctx *ctx, const mp_rel_year *y, const double *w, const mp_bloc_opts *opts,
				   int *bloc, double *modularity);
/* Agreement of two labelings (entries < 0 in either are skipped): NMI and the adjusted
 * Rand index (igraph_compare_communities). */
MP_EXTERN int mp_rel_compare(mp_ctx *ctx, const int *p, const int *q, size_t n, double *nmi, double *ari);
/* Relabels cur[0..n) (labels >= 1; 0 and -1 kept) so that each community keeps the label
 * of the previous year's community it overlaps most (greedy, largest overlap first);
 * new communities get labels above every label used so far (*next_label, updated). */
MP_EXTERN int mp_rel_relabel(const int *prev_ccode, const int *prev, size_t nprev, const int *ccode, int *cur, size_t n,
			     int *next_label);

#ifdef __cplusplus
}
#endif
#endif
