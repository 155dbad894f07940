/* Agreement in UN General Assembly roll calls (docs/panels.md "Roll-call votes"):
 * Voeten's agreement index, Signorino-Ritter S over votes and Haege's chance-corrected
 * kappa, for states and for poles (the mean position of their members), and the full
 * agreement matrix that the roll-call camps are detected on. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "multipolar/relations.h"

/* Position of a vote on [0, 1]: yes 1, abstain 0.5, no 0 (absent: NaN). Agreement of two
 * positions is then 1 - |x - y|: 1 for the same vote, 0.5 when one abstains, 0 for yes
 * against no, as in Voeten's agreement index (Voeten 2000, "Clashes in the Assembly",
 * International Organization 54(2): 185-215; Bailey, Strezhnev & Voeten 2017). */
static double position(unsigned char v)
{
	return v == 1 ? 1.0 : v == 2 ? 0.5 : v == 3 ? 0.0 : MP_NA;
}

void mp_rel_vote_agree(const double *x, const double *y, size_t n, mp_rel_agree *out)
{
	double d = 0;
	int k = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i]) && isfinite(y[i])) {
			d += fabs(x[i] - y[i]);
			k++;
		}
	out->n = k;
	out->agree = k ? 1.0 - d / k : MP_NA;
	/* Signorino & Ritter (1999) S with the maximum distance 1 per roll call:
	 * S = 1 - 2 sum|x - y| / (n * 1) = 2 * agree - 1 */
	out->s = k ? 1.0 - 2.0 * d / k : MP_NA;
	out->kappa = MP_NA;
}

/* Haege (2011) kappa of two states' votes on levels 0 no, 1 abstain, 2 yes (the calls
 * both voted on), absolute distances: 1 - observed / chance disagreement. */
static double kappa(const unsigned char *a, const unsigned char *b, size_t n, double *x, double *z)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (a[i] && b[i]) {
			x[k] = a[i] == 1 ? 2 : a[i] == 2 ? 1 : 0;
			z[k] = b[i] == 1 ? 2 : b[i] == 2 ? 1 : 0;
			k++;
		}
	return k ? mp_rel_kappa_levels(x, z, k, 3, 1.0) : MP_NA;
}

/* Mean position of the states rows[0..nr) on each roll call of `issue` (0: all). */
static size_t positions(const mp_world_votes *v, const int *rows, size_t nr, int issue, double *pos)
{
	size_t k = 0;
	for (size_t j = 0; j < v->ncalls; j++) {
		if (issue && !(v->issues[j] & issue))
			continue;
		double sum = 0;
		int cnt = 0;
		for (size_t r = 0; r < nr; r++) {
			double p = position(v->vote[(size_t)rows[r] * v->ncalls + j]);
			if (isfinite(p)) {
				sum += p;
				cnt++;
			}
		}
		pos[k++] = cnt ? sum / cnt : MP_NA;
	}
	return k;
}

int mp_rel_rollcall_dyad(const mp_world_votes *v, const int *a, size_t na, const int *b, size_t nb, int issue,
			 mp_rel_agree *out)
{
	memset(out, 0, sizeof *out);
	out->agree = out->s = out->kappa = MP_NA;
	if (!v || !v->ncalls)
		return MP_OK;
	int *ra = malloc((na + nb + 1) * sizeof *ra);
	double *x = malloc(4 * (v->ncalls + 1) * sizeof *x);
	if (!ra || !x) {
		free(ra);
		free(x);
		return MP_ENOMEM;
	}
	int *rb = ra + na;
	size_t ka = 0, kb = 0;
	for (size_t i = 0; i < na; i++)
		if ((ra[ka] = mp_world_votes_find(v, a[i])) >= 0)
			ka++;
	for (size_t i = 0; i < nb; i++)
		if ((rb[kb] = mp_world_votes_find(v, b[i])) >= 0)
			kb++;
	if (ka && kb) {
		double *y = x + v->ncalls + 1;
		size_t m = positions(v, ra, ka, issue, x);
		positions(v, rb, kb, issue, y);
		mp_rel_vote_agree(x, y, m, out);
		if (na == 1 && nb == 1 && !issue && out->n > 1)
			out->kappa = kappa(v->vote + (size_t)ra[0] * v->ncalls, v->vote + (size_t)rb[0] * v->ncalls,
					   v->ncalls, x + 2 * (v->ncalls + 1), x + 3 * (v->ncalls + 1));
	}
	free(ra);
	free(x);
	return MP_OK;
}

int mp_rel_rollcall_weights(const mp_rel_year *y, const mp_world_votes *v, int issue, double *w)
{
	size_t m = mp_rel_year_n(y);
	for (size_t q = 0; q < m * m; q++)
		w[q] = MP_NA;
	int *row = malloc((m + 1) * sizeof *row);
	double *pos = malloc((m + 1) * (v->ncalls + 1) * sizeof *pos);
	if (!row || !pos) {
		free(row);
		free(pos);
		return MP_ENOMEM;
	}
	size_t nc = 0;
	for (size_t i = 0; i < m; i++) {
		row[i] = mp_world_votes_find(v, mp_rel_year_ccode(y, i));
		if (row[i] >= 0)
			nc = positions(v, &row[i], 1, issue, pos + i * (v->ncalls + 1));
	}
	for (size_t i = 0; i < m; i++) {
		if (row[i] < 0)
			continue;
		for (size_t j = i; j < m; j++) {
			if (row[j] < 0)
				continue;
			mp_rel_agree g;
			mp_rel_vote_agree(pos + i * (v->ncalls + 1), pos + j * (v->ncalls + 1), nc, &g);
			/* states that shared fewer than 10 roll calls get no edge (and no node
			 * when they voted on none) */
			w[i * m + j] = w[j * m + i] = i == j ? (g.n > 0 ? 1.0 : MP_NA) : g.n >= 10 ? g.agree : 0;
		}
	}
	free(row);
	free(pos);
	return MP_OK;
}
