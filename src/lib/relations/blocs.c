/* Blocs: communities of a similarity network of states (UN ideal points, ATOP alliance
 * portfolios, or both) found with igraph's Louvain or Leiden modularity optimisation;
 * agreement with another labeling (NMI, adjusted Rand); stable labels across years.
 * docs/relations.md section 6. */
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "multipolar/relations.h"

typedef struct {
	size_t n;  /* nodes */
	int *node; /* node -> member index */
	double *w; /* n*n symmetric weights, 0 = no edge */
} simnet;

/* Votes: closeness 1 - |theta_i - theta_j| / (yearly range) (docs/references.md A7), kept on the
 * k-nearest-neighbour graph (von Luxburg 2007, "A tutorial on spectral clustering",
 * section 2.2): an edge when j is among i's k nearest or i among j's. */
static void add_votes(const mp_rel_year *y, simnet *g, int knn, double share)
{
	size_t n = g->n;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		double t = mp_rel_year_ideal(y, (size_t)g->node[i]);
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	double range = hi - lo;
	if (!(range > 0))
		return;
	for (size_t i = 0; i < n; i++) {
		double ti = mp_rel_year_ideal(y, (size_t)g->node[i]);
		/* the k nearest by |d|: count how many are strictly closer (O(n^2) per i is
		 * fine for ~200 states) */
		for (size_t j = 0; j < n; j++) {
			if (j == i)
				continue;
			double dij = fabs(mp_rel_year_ideal(y, (size_t)g->node[j]) - ti);
			int closer = 0;
			for (size_t k = 0; k < n && closer < knn; k++)
				if (k != i && k != j && fabs(mp_rel_year_ideal(y, (size_t)g->node[k]) - ti) < dij)
					closer++;
			if (closer >= knn)
				continue;
			double w = share * (1.0 - dij / range);
			g->w[i * n + j] = g->w[j * n + i] = w; /* symmetric: same w from j */
		}
	}
}

/* Alliances: max(kappa_ij, 0), Haege's chance-corrected similarity of the ATOP
 * portfolios (squared distances, as in the dyad table); states with no more in common
 * than chance get no edge. */
static void add_alliances(const mp_rel_year *y, simnet *g, double share, double *x, double *z)
{
	size_t n = g->n, m = mp_rel_year_n(y);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < m; k++)
			x[k] = mp_rel_year_atop(y, (size_t)g->node[i], k);
		for (size_t j = i + 1; j < n; j++) {
			for (size_t k = 0; k < m; k++)
				z[k] = mp_rel_year_atop(y, (size_t)g->node[j], k);
			double kap = mp_rel_kappa_levels(x, z, m, 4, 2.0);
			if (kap > 0) {
				g->w[i * n + j] += share * kap;
				g->w[j * n + i] = g->w[i * n + j];
			}
		}
	}
}

/* Communities of the weighted network g (n nodes, n*n symmetric weights, 0 = no edge):
 * bloc[g->node[i]] = 1.. by decreasing size, 0 a community of one. */
static int detect(mp_ctx *ctx, const simnet *gp, const mp_bloc_opts *opts, int *bloc, double *modularity)
{
	const simnet g = *gp;
	size_t n = g.n;
	const mp_ig *ig = mp_ig__load(ctx);
	if (!ig)
		return mp_error_code(ctx);
	int rc = MP_OK, graph_ok = 0, vecs = 0;
	igraph_t graph;
	igraph_vector_int_t edges, memb;
	igraph_vector_t weights;
	igraph_set_error_handler(igraph_error_handler_ignore);
	if (igraph_vector_int_init(&edges, 0) || igraph_vector_init(&weights, 0) || igraph_vector_int_init(&memb, 0)) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	vecs = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (g.w[i * n + j] > 0) {
				if (igraph_vector_int_push_back(&edges, (igraph_integer_t)i) ||
				    igraph_vector_int_push_back(&edges, (igraph_integer_t)j) ||
				    igraph_vector_push_back(&weights, g.w[i * n + j])) {
					rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
					goto done;
				}
			}
	if (igraph_create(&graph, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED)) {
		rc = mp_error_set(ctx, MP_ERROR, "blocs: igraph_create failed");
		goto done;
	}
	graph_ok = 1;
	/* reproducible: igraph's default RNG seeded before each run */
	igraph_rng_seed(igraph_rng_default(), opts->seed);
	igraph_error_t ie;
	if (opts->method == MP_BLOC_LEIDEN) {
		/* Traag, Waltman & van Eck (2019): Leiden with the modularity quality, i.e.
		 * node weights = strengths and resolution gamma / (2m) */
		igraph_vector_t strength;
		double total = 0;
		for (igraph_integer_t e = 0; e < igraph_vector_size(&weights); e++)
			total += VECTOR(weights)[e];
		if (igraph_vector_init(&strength, 0)) {
			rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
			goto done;
		}
		ie = igraph_strength(&graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights);
		if (!ie && total > 0)
			ie = igraph_community_leiden(&graph, &weights, &strength, opts->resolution / (2.0 * total),
						     0.01, 0, -1, &memb, NULL, NULL);
		igraph_vector_destroy(&strength);
		if (total <= 0)
			for (size_t i = 0; i < n && !ie; i++)
				ie = igraph_vector_int_push_back(&memb, (igraph_integer_t)i);
	} else {
		/* Blondel et al. (2008): Louvain multilevel modularity optimisation */
		ie = igraph_community_multilevel(&graph, &weights, opts->resolution, &memb, NULL, NULL);
	}
	igraph_real_t q = NAN;
	if (!ie && igraph_ecount(&graph) > 0)
		ie = igraph_modularity(&graph, &memb, &weights, opts->resolution, IGRAPH_UNDIRECTED, &q);
	if (ie) {
		rc = mp_error_set(ctx, MP_ERROR, "blocs: igraph: %s", igraph_strerror(ie));
		goto done;
	}
	*modularity = q;
	/* labels: communities of one -> 0 (non-aligned); others 1.. by decreasing size, ties by
	 * the lowest COW code in them (member order) */
	igraph_integer_t nc = 0;
	for (size_t i = 0; i < n; i++)
		if (VECTOR(memb)[i] + 1 > nc)
			nc = VECTOR(memb)[i] + 1;
	int *size = calloc((size_t)nc + 1, sizeof *size), *first = malloc(((size_t)nc + 1) * sizeof *first),
	    *lab = calloc((size_t)nc + 1, sizeof *lab);
	if (!size || !first || !lab) {
		free(size);
		free(first);
		free(lab);
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t c = 0; c < nc; c++)
		first[c] = (int)n;
	for (size_t i = 0; i < n; i++) {
		igraph_integer_t c = VECTOR(memb)[i];
		size[c]++;
		if ((int)i < first[c])
			first[c] = (int)i;
	}
	int next = 1;
	for (;;) {
		igraph_integer_t best = -1;
		for (igraph_integer_t c = 0; c < nc; c++)
			if (size[c] > 1 && !lab[c] &&
			    (best < 0 || size[c] > size[best] || (size[c] == size[best] && first[c] < first[best])))
				best = c;
		if (best < 0)
			break;
		lab[best] = next++;
	}
	for (size_t i = 0; i < n; i++)
		bloc[g.node[i]] = lab[VECTOR(memb)[i]];
	free(size);
	free(first);
	free(lab);
done:
	if (graph_ok)
		igraph_destroy(&graph);
	if (vecs) {
		igraph_vector_int_destroy(&edges);
		igraph_vector_destroy(&weights);
		igraph_vector_int_destroy(&memb);
	}
	return rc;
}

static int check_opts(mp_ctx *ctx, const mp_bloc_opts *opts)
{
	if (opts->version != MP_BLOC_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_bloc_opts version %u is not %d (use MP_BLOC_OPTS_INIT)",
				    opts->version, MP_BLOC_OPTS_VERSION);
	return mp_ig__load(ctx) ? MP_OK : mp_error_code(ctx);
}

int mp_rel_blocs_weights(mp_ctx *ctx, const mp_rel_year *y, const double *w, const mp_bloc_opts *opts, int *bloc,
			 double *modularity)
{
	mp_bloc_opts def = MP_BLOC_OPTS_INIT;
	if (!opts)
		opts = &def;
	int rc = check_opts(ctx, opts);
	if (rc != MP_OK)
		return rc;
	size_t m = mp_rel_year_n(y);
	*modularity = MP_NA;
	for (size_t i = 0; i < m; i++)
		bloc[i] = -1;
	simnet g = { 0, NULL, NULL };
	g.node = malloc((m + 1) * sizeof *g.node);
	if (!g.node)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < m; i++)
		if (isfinite(w[i * m + i]))
			g.node[g.n++] = (int)i;
	if (g.n < 3) {
		free(g.node);
		return mp_error_set(ctx, MP_ERANGE, "blocs %d: fewer than 3 states with data", mp_rel_year_year(y));
	}
	size_t n = g.n;
	if (!(g.w = calloc(n * n, sizeof *g.w))) {
		free(g.node);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double x = i == j ? 0 : w[(size_t)g.node[i] * m + (size_t)g.node[j]];
			g.w[i * n + j] = isfinite(x) && x > 0 ? x : 0;
		}
	rc = detect(ctx, &g, opts, bloc, modularity);
	free(g.node);
	free(g.w);
	return rc;
}

int mp_rel_blocs(mp_ctx *ctx, const mp_rel_year *y, const mp_bloc_opts *opts, int *bloc, double *modularity)
{
	mp_bloc_opts def = MP_BLOC_OPTS_INIT;
	if (!opts)
		opts = &def;
	int rc0 = check_opts(ctx, opts);
	if (rc0 != MP_OK)
		return rc0;
	size_t m = mp_rel_year_n(y);
	int rc = MP_OK;
	simnet g = { 0, NULL, NULL };
	double *x = NULL, *z = NULL;
	*modularity = MP_NA;
	for (size_t i = 0; i < m; i++)
		bloc[i] = -1;
	if (opts->basis == MP_BLOC_ROLLCALL)
		return mp_error_set(ctx, MP_EUSAGE,
				    "blocs: the roll-call basis takes the agreement matrix "
				    "(mp_rel_rollcall_weights, then mp_rel_blocs_weights)");
	int need_votes = opts->basis != MP_BLOC_ALLIANCES, need_all = opts->basis != MP_BLOC_VOTES;
	if (need_all && (m == 0 || mp_rel_year_atop(y, 0, 0) < 0))
		return mp_error_set(ctx, MP_ERANGE, "blocs %d: ATOP alliance data do not cover this year",
				    mp_rel_year_year(y));
	g.node = malloc((m + 1) * sizeof *g.node);
	if (!g.node)
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	for (size_t i = 0; i < m; i++)
		if (!need_votes || !isnan(mp_rel_year_ideal(y, i)))
			g.node[g.n++] = (int)i;
	if (g.n < 3) {
		rc = mp_error_set(ctx, MP_ERANGE, "blocs %d: fewer than 3 states with %s data", mp_rel_year_year(y),
				  need_votes ? "UN ideal-point" : "alliance");
		goto done;
	}
	size_t n = g.n;
	g.w = calloc(n * n, sizeof *g.w);
	x = malloc((m + 1) * sizeof *x);
	z = malloc((m + 1) * sizeof *z);
	if (!g.w || !x || !z) {
		rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
		goto done;
	}
	double share = opts->basis == MP_BLOC_BOTH ? 0.5 : 1.0;
	if (need_votes)
		add_votes(y, &g, opts->knn > 0 ? opts->knn : 10, share);
	if (need_all)
		add_alliances(y, &g, share, x, z);

	rc = detect(ctx, &g, opts, bloc, modularity);
done:
	free(g.node);
	free(g.w);
	free(x);
	free(z);
	return rc;
}

/* 1 when entry k is the first counted entry with its label in p (which 0) or q (1). */
static int first_of(const int *p, const int *q, size_t k, int which)
{
	const int *v = which ? q : p;
	for (size_t j = 0; j < k; j++)
		if (p[j] >= 0 && q[j] >= 0 && v[j] == v[k])
			return 0;
	return 1;
}

int mp_rel_compare(mp_ctx *ctx, const int *p, const int *q, size_t n, double *nmi, double *ari)
{
	igraph_vector_int_t a, b;
	*nmi = *ari = MP_NA;
	const mp_ig *ig = mp_ig__load(ctx);
	if (!ig)
		return mp_error_code(ctx);
	if (igraph_vector_int_init(&a, 0))
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	if (igraph_vector_int_init(&b, 0)) {
		igraph_vector_int_destroy(&a);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory");
	}
	int rc = MP_OK;
	/* igraph wants labels 0..k-1: number each label by its first appearance */
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 0 && q[i] >= 0) {
			igraph_integer_t lp = 0, lq = 0;
			for (size_t k = 0; k < i; k++)
				if (p[k] >= 0 && q[k] >= 0) {
					if (p[k] == p[i])
						break;
					lp += first_of(p, q, k, 0);
				}
			for (size_t k = 0; k < i; k++)
				if (p[k] >= 0 && q[k] >= 0) {
					if (q[k] == q[i])
						break;
					lq += first_of(p, q, k, 1);
				}
			if (igraph_vector_int_push_back(&a, lp) || igraph_vector_int_push_back(&b, lq)) {
				rc = mp_error_set(ctx, MP_ENOMEM, "out of memory");
				goto done;
			}
		}
	if (igraph_vector_int_size(&a) < 2)
		goto done;
	igraph_set_error_handler(igraph_error_handler_ignore);
	/* Danon et al. (2005) NMI; Hubert & Arabie (1985) adjusted Rand index */
	igraph_real_t v1 = NAN, v2 = NAN;
	if (igraph_compare_communities(&a, &b, &v1, IGRAPH_COMMCMP_NMI) ||
	    igraph_compare_communities(&a, &b, &v2, IGRAPH_COMMCMP_ADJUSTED_RAND)) {
		rc = mp_error_set(ctx, MP_ERROR, "blocs: igraph_compare_communities failed");
		goto done;
	}
	*nmi = v1;
	*ari = v2;
done:
	igraph_vector_int_destroy(&a);
	igraph_vector_int_destroy(&b);
	return rc;
}

int mp_rel_relabel(const int *prev_ccode, const int *prev, size_t nprev, const int *ccode, int *cur, size_t n,
		   int *next_label)
{
	int maxc = 0, maxp = 0;
	for (size_t i = 0; i < n; i++)
		maxc = cur[i] > maxc ? cur[i] : maxc;
	for (size_t i = 0; i < nprev; i++)
		maxp = prev[i] > maxp ? prev[i] : maxp;
	size_t w = (size_t)maxp + 1;
	int *ov = calloc(((size_t)maxc + 1) * w, sizeof *ov);
	int *map = calloc((size_t)maxc + 1, sizeof *map);
	unsigned char *used = calloc(w, 1);
	if (!ov || !map || !used) {
		free(ov);
		free(map);
		free(used);
		return MP_ENOMEM;
	}
	/* overlap counts of current community c and previous community p (same ccode) */
	for (size_t i = 0; i < n; i++) {
		if (cur[i] <= 0)
			continue;
		for (size_t k = 0; k < nprev; k++)
			if (prev_ccode[k] == ccode[i] && prev[k] > 0)
				ov[(size_t)cur[i] * w + (size_t)prev[k]]++;
	}
	for (;;) {
		int bc = 0, bp = 0, best = 0;
		for (int c = 1; c <= maxc; c++)
			if (!map[c])
				for (int p = 1; p <= maxp; p++)
					if (!used[p] && ov[(size_t)c * w + (size_t)p] > best) {
						best = ov[(size_t)c * w + (size_t)p];
						bc = c;
						bp = p;
					}
		if (!best)
			break;
		map[bc] = bp;
		used[bp] = 1;
	}
	for (int c = 1; c <= maxc; c++)
		if (!map[c])
			map[c] = (*next_label)++;
	for (size_t i = 0; i < n; i++)
		if (cur[i] > 0)
			cur[i] = map[cur[i]];
	for (int c = 1; c <= maxc; c++)
		if (map[c] >= *next_label)
			*next_label = map[c] + 1;
	free(ov);
	free(map);
	free(used);
	return MP_OK;
}
