/* multipolar dyad: one dyad (two states or poles) year by year. docs/relations.md. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"

typedef struct {
	cli_common common;
	int from, to;
	int components;
	const char *poles;
} dyad_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	{ "from", CLI_INT, offsetof(dyad_opts, from), "Y", "first year (default: first year with data)" },
	{ "to", CLI_INT, offsetof(dyad_opts, to), "Y", "last year (default: last year with data)" },
	{ "components", CLI_FLAG, offsetof(dyad_opts, components), NULL,
	  "add the parts of the junior index: cap_a, cap_b, share_a, share_b, cap_asym, dep_asym, alignment" },
	{ "poles", CLI_STRING, offsetof(dyad_opts, poles), "FILE",
	  "pole membership file (default: the shipped data/poles/poles.csv)" },
	CLI_END
};

static void defaults(void *vo)
{
	dyad_opts *o = vo;
	o->from = o->to = 0;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	dyad_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_table *t = NULL;
	mp_rel_year *y = NULL;
	int *ia = NULL, *ib = NULL;
	double *work = NULL;
	mp_rel_coverage cov[MP_REL_NSOURCES];
	mp_rel_actor a, b;
	char note[512];
	int rc, first, last;
	if (npos != 2)
		return mp_error_set(ctx, MP_EUSAGE, "dyad: expected two actors, e.g. 'multipolar dyad USA CHN'");
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)))
		goto done;
	if ((rc = mp_rel_coverage_get(ctx, s, cov)))
		goto done;
	if ((rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	if ((rc = mp_rel_resolve(ctx, s, poles, pos[0], &a)) || (rc = mp_rel_resolve(ctx, s, poles, pos[1], &b)))
		goto done;
	if (a.is_pole == b.is_pole && (a.is_pole ? a.pole == b.pole : a.ccode == b.ccode)) {
		rc = mp_error_set(ctx, MP_EINPUT, "dyad: '%s' and '%s' are the same actor", pos[0], pos[1]);
		goto done;
	}
	if ((rc = mp_rel_years(cov, &first, &last))) {
		rc = mp_error_set(ctx, MP_ENOTFOUND, "dyad: no dyadic data imported (run 'multipolar import')");
		goto done;
	}
	int explicit_years = o->from || o->to;
	int from = o->from ? o->from : first, to = o->to ? o->to : last;
	if (o->from && !o->to)
		to = last;
	if (o->to && !o->from)
		from = first;
	if (o->from && !o->to && from > last) {
		rc = mp_error_set(ctx, MP_ERANGE, "--from %d is after the data (%d-%d)", from, first, last);
		goto done;
	}
	if (o->to && !o->from && to < first) {
		rc = mp_error_set(ctx, MP_ERANGE, "--to %d is before the data (%d-%d)", to, first, last);
		goto done;
	}
	if (from > to) {
		rc = mp_error_set(ctx, MP_EUSAGE, "--from %d is after --to %d", from, to);
		goto done;
	}
	/* years past every dataset are cut, as polarity and capabilities do; inside, a cell
	 * whose dataset does not cover the year is empty */
	if ((rc = mp_rel_check_years(ctx, cov, from, to, note, sizeof note)) ||
	    (rc = cli_cut_years(ctx, &o->common, "the dyadic data", first, last, &from, &to)))
		goto done;
	if (note[0] && explicit_years)
		cli_note(&o->common, "%s; cells outside are empty", note);
	int votes_first = 0, votes_last = 0;
	if (mp_store_has(s, "un_votes") && (rc = mp_world_votes_years(ctx, s, &votes_first, &votes_last)))
		goto done;
	if ((rc = mp_rel_table_new(&t, o->components)))
		goto done;
	for (int yr = from; yr <= to; yr++) {
		mp_rel_year_free(y);
		y = NULL;
		/* two states: read their trade only, not the year's whole trade matrix */
		int pair = !a.is_pole && !b.is_pole;
		if ((rc = mp_rel_year_load_parts(ctx, s, cov, yr,
						 pair ? MP_REL_LOAD_ALL & ~MP_REL_LOAD_TRADE : MP_REL_LOAD_ALL, &y)) ||
		    (pair && (rc = mp_rel_year_load_trade_pair(ctx, s, cov, y, a.ccode, b.ccode))))
			goto done;
		size_t n = mp_rel_year_n(y);
		free(ia);
		free(ib);
		free(work);
		ia = malloc((n + 1) * sizeof *ia);
		ib = malloc((n + 1) * sizeof *ib);
		work = malloc(mp_rel_year_work_size(y) * sizeof *work);
		if (!ia || !ib || !work) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		size_t na = mp_rel_actor_members(y, poles, &a, ia);
		size_t nb = mp_rel_actor_members(y, poles, &b, ib);
		const mp_rel_actor *empty = !na ? &a : !nb ? &b : NULL;
		if (empty) {
			/* a pole must have members in every year asked for; a state that is not a
			 * system member that year has no row (like a dyad-year panel) */
			if (empty->is_pole && explicit_years) {
				rc = mp_error_set(ctx, MP_EINPUT, "dyad: pole '%s' has no members in %d", empty->label,
						  yr);
				goto done;
			}
			continue;
		}
		for (size_t i = 0; i < na; i++)
			for (size_t j = 0; j < nb; j++)
				if (ia[i] == ib[j]) {
					rc = mp_error_set(ctx, MP_EINPUT, "dyad: %s is in both '%s' and '%s' in %d",
							  mp_rel_year_abb(y, (size_t)ia[i]), a.label, b.label, yr);
					goto done;
				}
		mp_rel_dyad d;
		if ((rc = mp_rel_dyad_compute(ctx, y, ia, na, ib, nb, work, &d)))
			goto done;
		/* roll-call agreement: all roll calls, then each issue family */
		mp_rel_agree ag[7];
		int have_votes = votes_first && yr >= votes_first && yr <= votes_last;
		if (have_votes) {
			mp_world_votes *v = NULL;
			for (size_t i = 0; i < na; i++)
				ia[i] = mp_rel_year_ccode(y, (size_t)ia[i]);
			for (size_t i = 0; i < nb; i++)
				ib[i] = mp_rel_year_ccode(y, (size_t)ib[i]);
			if ((rc = mp_world_votes_load(ctx, s, yr, &v)))
				goto done;
			for (int k = 0; k < 7 && !rc; k++)
				if (mp_rel_rollcall_dyad(v, ia, na, ib, nb, k ? 1 << (k - 1) : 0, &ag[k]))
					rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			mp_world_votes_free(v);
			if (rc)
				goto done;
		}
		if ((rc = mp_rel_table_add(t, yr, &a, &b, &d, have_votes ? ag : NULL, o->components)))
			goto done;
	}
	if (mp_table_rows(t) == 0) {
		rc = mp_error_set(ctx, MP_ERANGE, "dyad: %s and %s are never both present (system members) in %d-%d",
				  a.label, b.label, from, to);
		goto done;
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	free(ia);
	free(ib);
	free(work);
	mp_rel_year_free(y);
	mp_table_free(t);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_dyad = {
	.name = "dyad",
	.summary = "relations of two states or poles, year by year (capabilities, alliances, votes, trade)",
	.usage = "A B [--from Y] [--to Y] [--components] [--format FMT]",
	.description =
		"One row per year in which both A and B exist: CINC share and ratio with the 0.8-1.2 power-"
		"transition band, ATOP and COW alliance ties (0-3), Signorino-Ritter S (absolute, CINC-weighted, "
		"squared), Kendall tau-b and Haege's kappa of ATOP portfolios over all system members, UN ideal-"
		"point distance, COW trade, dependence T/GDP (Maddison), Barbieri interdependence and the junior-"
		"partner index; UN roll-call agreement (Voeten's index, S over votes, Haege's kappa, and the "
		"index per issue family) when the votes are imported. A and B are COW codes, COW "
		"abbreviations, ISO3 codes or English names (through the country-code crosswalk), or pole "
		"names (pole:NAME forces a pole; a pole aggregates its members). Every row carries ccode1, "
		"ccode2, stateabb1, stateabb2. Cells without data are empty. Formulas and sources: "
		"docs/relations.md, docs/panels.md.",
	.example = "multipolar dyad RUS CHN --from 1990 --to 2016 --format csv",
	.options = options,
	.opts_size = sizeof(dyad_opts),
	.defaults = defaults,
	.run = run,
};
