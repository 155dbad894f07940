/* multipolar blocs: camps as communities of a voting and/or alliance similarity network. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "multipolar/relations.h"

typedef struct {
	cli_common common;
	int year, from, to;
	const char *basis, *method, *issue;
	int knn;
	double resolution;
	long long seed;
	int summary;
	const char *poles;
} blocs_opts;

static const cli_option options[] = {
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_QUIET,
	{ "year", CLI_INT, offsetof(blocs_opts, year), "Y", "the year (or use --from/--to)" },
	{ "from", CLI_INT, offsetof(blocs_opts, from), "Y", "first year of a tracked span (stable bloc labels)" },
	{ "to", CLI_INT, offsetof(blocs_opts, to), "Y", "last year of the span" },
	{ "basis", CLI_STRING, offsetof(blocs_opts, basis), "B",
	  "rollcall (roll-call agreement; the default when the votes are imported), votes (UN ideal "
	  "points; the default otherwise), alliances (ATOP portfolios, kappa) or both" },
	{ "issue", CLI_STRING, offsetof(blocs_opts, issue), "I",
	  "rollcall: only the roll calls of one issue family (me, nu, di, hr, co, ec; default all)" },
	{ "method", CLI_STRING, offsetof(blocs_opts, method), "M", "louvain (default) or leiden" },
	{ "knn", CLI_INT, offsetof(blocs_opts, knn), "K", "votes: nearest neighbours kept per state (default 10)" },
	{ "resolution", CLI_REAL, offsetof(blocs_opts, resolution), "G", "modularity resolution (default 1)" },
	{ "seed", CLI_LONG, offsetof(blocs_opts, seed), "S", "igraph RNG seed (default 42)" },
	{ "summary", CLI_FLAG, offsetof(blocs_opts, summary), NULL,
	  "one row per year: states, blocs, modularity, NMI and adjusted Rand index against the pole table" },
	{ "poles", CLI_STRING, offsetof(blocs_opts, poles), "FILE", "pole membership file (default: shipped)" },
	CLI_END
};

static void defaults(void *vo)
{
	blocs_opts *o = vo;
	o->basis = NULL;
	o->issue = "all";
	o->method = "louvain";
	o->knn = 10;
	o->resolution = 1.0;
	o->seed = 42;
}

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	blocs_opts *o = vo;
	mp_store *s = NULL;
	mp_poles *poles = NULL;
	mp_table *t = NULL;
	mp_rel_year *y = NULL;
	int *bloc = NULL, *pole = NULL, *cc = NULL, *prev = NULL, *prevcc = NULL;
	size_t nprev = 0;
	int next_label = 1, rc;
	mp_rel_coverage cov[MP_REL_NSOURCES];
	mp_bloc_opts bo = MP_BLOC_OPTS_INIT;
	(void)pos;
	if (npos)
		return mp_error_set(ctx, MP_EUSAGE, "blocs takes no arguments (see --year)");
	int from = o->year ? o->year : o->from, to = o->to ? o->to : from;
	if (!from)
		return mp_error_set(ctx, MP_EUSAGE, "blocs: --year Y (or --from Y --to Y) is required");
	if (from > to)
		return mp_error_set(ctx, MP_EUSAGE, "blocs: --from %d is after --to %d", from, to);
	int issue = mp_world_vote_issue(o->issue);
	if (issue < 0)
		return mp_error_set(ctx, MP_EUSAGE, "blocs: --issue '%s': expected all, me, nu, di, hr, co or ec",
				    o->issue);
	if ((rc = mp_store_open(ctx, cli_db_path(&o->common), MP_STORE_READONLY, &s)))
		goto done;
	const char *basis = o->basis ? o->basis : mp_store_has(s, "un_votes") ? "rollcall" : "votes";
	if (!strcmp(basis, "rollcall"))
		bo.basis = MP_BLOC_ROLLCALL;
	else if (!strcmp(basis, "votes"))
		bo.basis = MP_BLOC_VOTES;
	else if (!strcmp(basis, "alliances"))
		bo.basis = MP_BLOC_ALLIANCES;
	else if (!strcmp(basis, "both"))
		bo.basis = MP_BLOC_BOTH;
	else {
		rc = mp_error_set(ctx, MP_EUSAGE, "blocs: --basis '%s': expected rollcall, votes, alliances or both",
				  basis);
		goto done;
	}
	if (!strcmp(o->method, "louvain"))
		bo.method = MP_BLOC_LOUVAIN;
	else if (!strcmp(o->method, "leiden"))
		bo.method = MP_BLOC_LEIDEN;
	else {
		rc = mp_error_set(ctx, MP_EUSAGE, "blocs: --method '%s': expected louvain or leiden", o->method);
		goto done;
	}
	if (o->knn < 1 || !(o->resolution > 0)) {
		rc = mp_error_set(ctx, MP_EUSAGE, "blocs: --knn must be >= 1 and --resolution > 0");
		goto done;
	}
	bo.knn = o->knn;
	bo.resolution = o->resolution;
	bo.seed = (unsigned long)o->seed;
	if ((rc = mp_rel_coverage_get(ctx, s, cov)) || (rc = mp_poles_load(ctx, o->poles, &poles)))
		goto done;
	int rollcall = bo.basis == MP_BLOC_ROLLCALL;
	if (rollcall) {
		int vf, vl;
		if ((rc = mp_world_votes_years(ctx, s, &vf, &vl)) ||
		    (rc = cli_cut_years(ctx, &o->common, "the roll calls (un_rollcalls)", vf, vl, &from, &to)))
			goto done;
	}
	const mp_rel_coverage *need[2] = {
		bo.basis == MP_BLOC_VOTES || bo.basis == MP_BLOC_BOTH ? &cov[MP_REL_UNGA] : NULL,
		bo.basis == MP_BLOC_ALLIANCES || bo.basis == MP_BLOC_BOTH ? &cov[MP_REL_ATOP] : NULL
	};
	for (int k = 0; k < 2; k++) {
		if (need[k] && !need[k]->present) {
			rc = mp_error_set(ctx, MP_ENOTFOUND, "dataset '%s' is not imported (multipolar import FILE)",
					  need[k]->family);
			goto done;
		}
		if (need[k] &&
		    (rc = cli_cut_years(ctx, &o->common, need[k]->family, need[k]->first, need[k]->last, &from, &to)))
			goto done;
	}
	static const mp_column cols[] = { { "year", MP_COL_INT, 0 },
					  { "ccode", MP_COL_INT, 0 },
					  { "stateabb", MP_COL_TEXT, 0 },
					  { "bloc", MP_COL_INT, 0 },
					  { "pole", MP_COL_TEXT, 0 } };
	static const mp_column scols[] = { { "year", MP_COL_INT, 0 },        { "states", MP_COL_INT, 0 },
					   { "blocs", MP_COL_INT, 0 },       { "nonaligned", MP_COL_INT, 0 },
					   { "modularity", MP_COL_REAL, 4 }, { "nmi", MP_COL_REAL, 4 },
					   { "ari", MP_COL_REAL, 4 } };
	if ((rc = o->summary ? mp_table_new(&t, scols, 7) : mp_table_new(&t, cols, 5)))
		goto done;
	for (int yr = from; yr <= to; yr++) {
		mp_rel_year_free(y);
		y = NULL;
		if ((rc = mp_rel_year_load_parts(ctx, s, cov, yr, MP_REL_LOAD_IDEAL | MP_REL_LOAD_ATOP, &y)))
			goto done;
		size_t n = mp_rel_year_n(y);
		free(bloc);
		free(pole);
		free(cc);
		bloc = malloc((n + 1) * sizeof *bloc);
		pole = malloc((n + 1) * sizeof *pole);
		cc = malloc((n + 1) * sizeof *cc);
		if (!bloc || !pole || !cc) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		double q;
		if (rollcall) {
			mp_world_votes *v = NULL;
			double *w = malloc((n * n + 1) * sizeof *w);
			if (!w) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
			if (!(rc = mp_world_votes_load(ctx, s, yr, &v)) && mp_rel_rollcall_weights(y, v, issue, w))
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			if (!rc)
				rc = mp_rel_blocs_weights(ctx, y, w, &bo, bloc, &q);
			free(w);
			mp_world_votes_free(v);
		} else
			rc = mp_rel_blocs(ctx, y, &bo, bloc, &q);
		if (rc)
			goto done;
		for (size_t i = 0; i < n; i++) {
			cc[i] = mp_rel_year_ccode(y, i);
			pole[i] = mp_poles_of(poles, cc[i], yr);
		}
		if (prev && (rc = mp_rel_relabel(prevcc, prev, nprev, cc, bloc, n, &next_label))) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		int nb = 0, nonal = 0, states = 0;
		for (size_t i = 0; i < n; i++) {
			if (bloc[i] < 0)
				continue;
			states++;
			nonal += bloc[i] == 0;
			if (!prev && bloc[i] >= next_label)
				next_label = bloc[i] + 1;
		}
		/* distinct bloc labels */
		for (size_t i = 0; i < n; i++) {
			if (bloc[i] <= 0)
				continue;
			size_t k = 0;
			while (k < i && bloc[k] != bloc[i])
				k++;
			nb += k == i;
		}
		double nmi, ari;
		if ((rc = mp_rel_compare(ctx, bloc, pole, n, &nmi, &ari)))
			goto done;
		size_t row;
		if (o->summary) {
			if ((rc = mp_table_add_row(t, &row)))
				goto done;
			mp_table_set_int(t, row, 0, yr);
			mp_table_set_int(t, row, 1, states);
			mp_table_set_int(t, row, 2, nb);
			mp_table_set_int(t, row, 3, nonal);
			mp_table_set_real(t, row, 4, q);
			mp_table_set_real(t, row, 5, nmi);
			mp_table_set_real(t, row, 6, ari);
		} else {
			if (!o->common.quiet)
				fprintf(stderr,
					"blocs %d: %d states, %d blocs, %d non-aligned, modularity %.4f, "
					"against poles NMI %.4f ARI %.4f\n",
					yr, states, nb, nonal, q, nmi, ari);
			for (size_t i = 0; i < n; i++) {
				if (bloc[i] < 0)
					continue;
				if ((rc = mp_table_add_row(t, &row)))
					goto done;
				mp_table_set_int(t, row, 0, yr);
				mp_table_set_int(t, row, 1, cc[i]);
				mp_table_set_text(t, row, 2, mp_rel_year_abb(y, i));
				mp_table_set_int(t, row, 3, bloc[i]);
				mp_table_set_text(t, row, 4, pole[i] >= 0 ? mp_poles_name(poles, pole[i]) : NULL);
			}
		}
		free(prev);
		free(prevcc);
		prev = bloc;
		prevcc = cc;
		nprev = n;
		bloc = cc = NULL;
	}
	rc = cli_write_table(ctx, &o->common, t);
done:
	free(bloc);
	free(pole);
	free(cc);
	free(prev);
	free(prevcc);
	mp_rel_year_free(y);
	mp_table_free(t);
	mp_poles_free(poles);
	mp_store_free(s);
	return rc;
}

const cli_command cli_cmd_blocs = {
	.name = "blocs",
	.summary = "detect camps: communities of a UN-voting and/or alliance similarity network (igraph)",
	.usage = "--year Y | --from Y --to Y [--basis rollcall|votes|alliances|both] [--issue I] [--method louvain|leiden] "
		 "[--summary]",
	.description = "Builds a weighted network of the year's system members: rollcall (the default when the UN "
		       "roll-call votes are imported) = Voeten's agreement index of every pair over the year's roll "
		       "calls, the full matrix (Macon, Mucha & Porter 2012); votes = closeness of UN ideal points "
		       "1 - |d|/range on the k-nearest-neighbour graph; alliances = Haege's kappa of ATOP portfolios "
		       "where positive; both = the mean of the two. Communities by Louvain or Leiden modularity "
		       "(igraph, RNG seeded by --seed: reproducible). bloc 1.. by size, 0 = a community of one "
		       "(non-aligned). Over --from/--to each bloc keeps the label of last year's bloc it overlaps "
		       "most. The fit (modularity) and the agreement with the shipped pole table (NMI, adjusted "
		       "Rand index; states without a pole left out) go to standard error, or as a table with "
		       "--summary.",
	.example = "multipolar blocs --year 2016 --basis both --method leiden --format csv",
	.options = options,
	.opts_size = sizeof(blocs_opts),
	.defaults = defaults,
	.run = run,
};
