/* Internal state shared by the report sections (report_*.c). */
#ifndef MP_REPORT_INTERNAL_H
#define MP_REPORT_INTERNAL_H

#include <stdio.h>

#include "multipolar/chart.h"
#include "multipolar/poles.h"
#include "multipolar/report.h"
#include "multipolar/world.h"

#define REP_MAX_CCODE 1000 /* COW codes are below 1000 */
#define NMC_SOURCE_CITE "Singer, Bremer & Stuckey (1972); CINC = mean of the available component shares"

typedef struct rep {
	mp_ctx *ctx;
	mp_store *s;
	const mp_report_opts *o;
	FILE *f;
	int in_read; /* inside the store's read transaction (one snapshot) */
	mp_poles *poles;
	char nmc_source[96]; /* "NMC 6.0" */
	/* progress: one unit per history year, per scenario, and the sections */
	double done, total;
	/* history, filled by rep_history_load(): years first..last (ny of them) */
	int first, last;
	size_t ny;
	double *year;        /* ny */
	double *state_cinc;  /* ny * REP_MAX_CCODE, COW CINC (NaN = not a member) */
	double *state_ideal; /* ny * REP_MAX_CCODE, UNGA ideal point */
	char (*abb)[8];      /* REP_MAX_CCODE: stateabb seen */
	char (*name)[64];    /* REP_MAX_CCODE: state name seen */
	int npoles;
	double *pole_share; /* ny * (npoles + 1): renormalised CINC; last = no pole */
	double *pole_ideal; /* ny * npoles: mean ideal point of the members */
	double *con_states, *neff_states, *con_poles, *neff_poles; /* ny */
	const char **pole_cls; /* ny: classifier label of the poles (static strings) */
} rep;

/* Advances the progress bar by one unit. */
void rep__tick(rep *r);
/* <section id=...><h2>title</h2>; and </section>. */
void rep__section_open(rep *r, const char *id, const char *title);
void rep__section_close(rep *r);
/* <p class="nodata">text</p> */
void rep__nodata(rep *r, const char *text);
/* Name of a state for people: "United States of America (USA)", or "ccode N". */
const char *rep__state_label(const rep *r, int ccode, char *buf, size_t size);

/* Loads the history (one world per year). Sets r->ny = 0 when no NMC data is imported. */
int rep__history_load(rep *r);
void rep__history_free(rep *r);
/* The sections. */
int rep__history(rep *r);
int rep__forecast(rep *r);
int rep__economy(rep *r); /* report_economy.c */
int rep__skill(rep *r);   /* report_skill.c: the stored evaluation */
int rep__relations(rep *r);
int rep__negotiation(rep *r);
int rep__provenance(rep *r); /* report_provenance.c: "How this was made" */
int rep__rel_votes(rep *r);  /* report_votes.c: roll-call agreement of China with Russia, the West, the US */
int rep__population(rep *r); /* report_population.c (docs/demography.md) */
/* Without NMC data: what the shipped default world supports, and what to import
 * (report_shipped.c). */
int rep__history_shipped(rep *r);
int rep__relations_shipped(rep *r);
/* From the relations module: trade dependence of the dyads, voting blocs. */
int rep__rel_trade(rep *r, const mp_report_dyad *dy, size_t nd);
int rep__rel_blocs(rep *r);

#endif
