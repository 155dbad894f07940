/* multipolar transitions: power-transition parity spells and overtaking years. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"

typedef struct {
	cli_common common;
	const char *set;
	int from, to;
	double lo, hi;
	const char *poles;
} trans_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	{ "set", CLI_STRING, offsetof(trans_opts, set), "SET", "majors (COW major powers, default) or poles" },
	{ "from", CLI_INT, offsetof(trans_opts, from), "Y", "first year (default: first NMC year)" },
	{ "to", CLI_INT, offsetof(trans_opts, to), "Y", "last year (default: last NMC year)" },
	{ "lo", CLI_REAL, offsetof(trans_opts, lo), "R", "lower end of the parity band (default 0.8)" },
	{ "hi", CLI_REAL, offsetof(trans_opts, hi), "R", "upper end of the parity band (default 1.2)" },
	{ "poles", CLI_STRING, offsetof(trans_opts, poles), "FILE", "pole membership file for --set poles" },
	CLI_END
};

static void defaults(void *vo)
{
	trans_opts *o = vo;
	o->set = "majors";
	o->lo = MP_PARITY_LO;
	o->hi = MP_PARITY_HI;
}

#define MAXA 64

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	trans_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_table *t = NULL;
	mp_rel_year *y = NULL;
	double *cap = NULL, *r = NULL;
	int *years = NULL, *idx = NULL;
	mp_rel_event *ev = NULL;
	mp_rel_coverage cov[MP_REL_NSOURCES];
	char label[MAXA][64];
	int key[MAXA], na = 0, rc;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "transitions takes no arguments");
	int by_pole = !strcmp(o->set, "poles");
	if (!by_pole && strcmp(o->set, "majors"))
		return mp_error_set(ctx, MP_EUSAGE, "transitions: --set '%s': expected majors or poles", o->set);
	if (!(o->lo > 0 && o->lo <= 1 && o->hi >= 1))
		return mp_error_set(ctx, MP_EUSAGE, "transitions: the band needs 0 < --lo <= 1 <= --hi");
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)) ||
	    (rc = mp_rel_coverage_get(ctx, s, cov)))
		goto done;
	const mp_rel_coverage *nmc = &cov[MP_REL_NMC];
	if (!nmc->present) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "transitions: dataset 'nmc' (COW NMC) is not imported");
		goto done;
	}
	if (!by_pole && !cov[MP_REL_MAJORS].present) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "transitions: dataset 'majors' is not imported");
		goto done;
	}
	int from = o->from ? o->from : nmc->first, to = o->to ? o->to : nmc->last;
	if ((rc = cli_cut_years(ctx, &o->common, "nmc", nmc->first, nmc->last, &from, &to)))
		goto done;
	if (by_pole && (rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	size_t ny = (size_t)(to - from + 1);
	cap = malloc(MAXA * ny * sizeof *cap);
	r = malloc(ny * sizeof *r);
	years = malloc(ny * sizeof *years);
	ev = malloc(ny * 2 * sizeof *ev);
	if (!cap || !r || !years || !ev) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < MAXA * ny; i++)
		cap[i] = MP_NA;
	/* capability series: a major's CINC while it is a major; a pole's summed CINC */
	for (int yr = from; yr <= to; yr++) {
		mp_rel_year_free(y);
		y = NULL;
		if ((rc = mp_rel_year_load_parts(ctx, s, cov, yr, MP_REL_LOAD_CINC, &y)))
			goto done;
		size_t n = mp_rel_year_n(y), t0 = (size_t)(yr - from);
		free(idx);
		idx = malloc((n + 1) * sizeof *idx);
		if (!idx) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		int nunits = by_pole ? mp_poles_count(poles) : (int)n;
		for (int u = 0; u < nunits; u++) {
			int k = by_pole ? u : mp_rel_year_ccode(y, (size_t)u);
			if (!by_pole && !mp_rel_year_major(y, (size_t)u))
				continue;
			int slot = -1;
			for (int q = 0; q < na; q++)
				if (key[q] == k)
					slot = q;
			double c = MP_NA;
			if (by_pole) {
				mp_rel_actor a = { 1, 0, u, "" };
				size_t m = mp_rel_actor_members(y, poles, &a, idx);
				double sum = 0;
				int any = 0;
				for (size_t q = 0; q < m; q++)
					if (!isnan(mp_rel_year_cinc(y, (size_t)idx[q]))) {
						sum += mp_rel_year_cinc(y, (size_t)idx[q]);
						any = 1;
					}
				c = any ? sum : MP_NA;
			} else {
				c = mp_rel_year_cinc(y, (size_t)u);
			}
			if (isnan(c))
				continue;
			if (slot < 0) {
				if (na == MAXA)
					continue;
				slot = na++;
				key[slot] = k;
				snprintf(label[slot], sizeof label[0], "%s",
					 by_pole ? mp_poles_name(poles, u) : mp_rel_year_abb(y, (size_t)u));
			}
			cap[(size_t)slot * ny + t0] = c;
		}
	}
	static const mp_column cols[] = {
		{ "dominant", MP_COL_TEXT, 0 },
		{ "challenger", MP_COL_TEXT, 0 },
		{ "event", MP_COL_TEXT, 0 },
		{ "from", MP_COL_INT, 0 },
		{ "to", MP_COL_INT, 0 },
		{ "ratio_from", MP_COL_REAL, 4 },
		{ "ratio_to", MP_COL_REAL, 4 },
		{ "leader", MP_COL_TEXT, 0 },
		/* COW codes of the two sides (empty for poles) */
		{ "ccode_dominant", MP_COL_INT, 0 },
		{ "ccode_challenger", MP_COL_INT, 0 },
	};
	if ((rc = mp_table_new(&t, cols, sizeof cols / sizeof cols[0])))
		goto done;
	for (int i = 0; i < na; i++)
		for (int j = i + 1; j < na; j++) {
			/* years both have a value; the dominant side is the stronger one in the
			 * first of them, r = challenger / dominant (Organski & Kugler 1980) */
			size_t m = 0;
			int dom = -1;
			for (size_t q = 0; q < ny; q++) {
				double ci = cap[(size_t)i * ny + q], cj = cap[(size_t)j * ny + q];
				if (isnan(ci) || isnan(cj))
					continue;
				if (dom < 0)
					dom = ci >= cj ? i : j;
				int ch = dom == i ? j : i;
				years[m] = from + (int)q;
				r[m] = cap[(size_t)ch * ny + q] / cap[(size_t)dom * ny + q];
				m++;
			}
			if (m == 0)
				continue;
			int ch = dom == i ? j : i;
			size_t nev = 0;
			mp_rel_transitions(years, r, m, o->lo, o->hi, ev, ny * 2, &nev);
			/* spells before the overtakings inside them: sort by (from, kind) */
			for (size_t p = 1; p < nev; p++)
				for (size_t q = p;
				     q > 0 && (ev[q].from < ev[q - 1].from ||
					       (ev[q].from == ev[q - 1].from && ev[q].kind < ev[q - 1].kind));
				     q--) {
					mp_rel_event tmp = ev[q];
					ev[q] = ev[q - 1];
					ev[q - 1] = tmp;
				}
			for (size_t e = 0; e < nev; e++) {
				size_t row;
				if ((rc = mp_table_add_row(t, &row)))
					goto done;
				mp_table_set_text(t, row, 0, label[dom]);
				mp_table_set_text(t, row, 1, label[ch]);
				mp_table_set_text(t, row, 2, ev[e].kind ? "overtake" : "parity");
				mp_table_set_int(t, row, 3, ev[e].from);
				mp_table_set_int(t, row, 4, ev[e].to);
				mp_table_set_real(t, row, 5, ev[e].r_from);
				mp_table_set_real(t, row, 6, ev[e].r_to);
				mp_table_set_text(t, row, 7, ev[e].leader_after ? label[ch] : label[dom]);
				if (!by_pole) {
					mp_table_set_int(t, row, 8, key[dom]);
					mp_table_set_int(t, row, 9, key[ch]);
				}
			}
		}
	rc = cli_write_table(ctx, &o->common, t);
done:
	free(cap);
	free(r);
	free(years);
	free(idx);
	free(ev);
	mp_rel_year_free(y);
	mp_table_free(t);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_transitions = {
	.name = "transitions",
	.summary = "power-transition parity spells and overtaking years of major powers or poles",
	.usage = "[--set majors|poles] [--from Y] [--to Y] [--lo R] [--hi R] [--format FMT]",
	.description = "For every pair of COW major powers (years in which both are majors) or of poles (summed "
		       "CINC of their members), the ratio r = challenger/dominant of NMC's published CINC, the "
		       "dominant being the stronger side in the pair's first year: spells of consecutive years with "
		       "r in the parity band [0.8, 1.2] (Organski & Kugler 1980) and the years r crosses 1 "
		       "(overtaking; leader = who is ahead after it). ratio_from/ratio_to: r at the event's ends "
		       "(for an overtaking, the years before and of the crossing).",
	.example = "multipolar transitions --set majors --from 1950 --format csv",
	.options = options,
	.opts_size = sizeof(trans_opts),
	.defaults = defaults,
	.run = run,
};
