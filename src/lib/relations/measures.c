/* Dyadic measures on scalars: Barbieri interdependence, the power-transition parity band,
 * the junior-partner composite, and parity spells / overtaking years.
 * docs/references.md A8, A9, A10; docs/relations.md sections 3-5. */
#include <math.h>

#include "multipolar/relations.h"

/* Barbieri (1996, JPR 33(1), pp. 32-33):
 *   share_i = T_ij / (X_i + M_i),  salience = sqrt(share_i * share_j),
 *   symmetry = 1 - |share_i - share_j|,  interdependence = salience * symmetry. */
void mp_rel_barbieri(double t, double total_a, double total_b, mp_barbieri *out)
{
	out->share_a = out->share_b = out->salience = out->symmetry = out->interdependence = MP_NA;
	if (isnan(t) || isnan(total_a) || isnan(total_b) || !(total_a > 0) || !(total_b > 0) || t < 0)
		return;
	out->share_a = t / total_a;
	out->share_b = t / total_b;
	out->salience = sqrt(out->share_a * out->share_b);
	out->symmetry = 1.0 - fabs(out->share_a - out->share_b);
	out->interdependence = out->salience * out->symmetry;
}

/* Organski & Kugler (1980, The War Ledger, ch. 1): parity when the weaker side holds at
 * least 80% of the stronger's power; the band r = P_a/P_b in [0.8, 1.2] is the usual
 * operationalisation (Lemke & Werner 1996). */
mp_parity mp_rel_parity(double cap_a, double cap_b, double lo, double hi)
{
	if (isnan(cap_a) || isnan(cap_b) || !(cap_b > 0) || cap_a < 0)
		return MP_PARITY_NA;
	double r = cap_a / cap_b;
	if (r > hi)
		return MP_PARITY_A;
	if (r < lo)
		return MP_PARITY_B;
	return MP_PARITY_EVEN;
}

const char *mp_rel_parity_name(mp_parity p)
{
	switch (p) {
	case MP_PARITY_A: return "a_preponderant";
	case MP_PARITY_B: return "b_preponderant";
	case MP_PARITY_EVEN: return "parity";
	default: return NULL;
	}
}

/* The junior-partner composite (docs/relations.md section 4). Its parts rest on:
 * capability asymmetry (the dyadic capability share of EUGene / Bremer 1992, rescaled to
 * [-1, 1]); dependence asymmetry of the Barbieri (1996) trade shares, the side for which
 * the relation is the larger share of its trade being the dependent one (Hirschman 1945,
 * ch. 2: asymmetric dependence is the source of leverage); and alignment as the
 * "bandwidth" of the relation, which FBIC multiplies with dependence (Moyer et al. 2021:
 * influence capacity = bandwidth x dependence). */
void mp_rel_junior(double cap_a, double cap_b, double share_a, double share_b, int atop_tie, double ideal_closeness,
		   mp_junior *out)
{
	out->cap_asym = out->dep_asym = out->alignment = out->junior = MP_NA;
	if (!isnan(cap_a) && !isnan(cap_b) && cap_a + cap_b > 0)
		out->cap_asym = (cap_b - cap_a) / (cap_a + cap_b);
	if (!isnan(share_a) && !isnan(share_b) && share_a + share_b > 0)
		out->dep_asym = (share_a - share_b) / (share_a + share_b);
	double sum = 0;
	int k = 0;
	if (atop_tie >= 0) {
		sum += atop_tie / 3.0;
		k++;
	}
	if (!isnan(ideal_closeness)) {
		sum += ideal_closeness;
		k++;
	}
	if (k > 0)
		out->alignment = sum / k;
	if (!isnan(out->cap_asym) && !isnan(out->dep_asym) && !isnan(out->alignment))
		out->junior = out->alignment * (out->cap_asym + out->dep_asym) / 2.0;
}

static int push(mp_rel_event *ev, size_t cap, size_t *n, mp_rel_event e)
{
	if (*n < cap)
		ev[*n] = e;
	(*n)++;
	return 0;
}

/* Parity spells and overtakings (Organski & Kugler 1980; A10): a spell is a maximal run
 * of consecutive years with lo <= r <= hi; an overtaking is a year t with r(t-1) < 1 <=
 * r(t) (challenger passes) or r(t-1) >= 1 > r(t) (dominant passes back). */
int mp_rel_transitions(const int *years, const double *r, size_t n, double lo, double hi, mp_rel_event *ev, size_t cap,
		       size_t *nev)
{
	size_t k = 0;
	int in = 0;
	mp_rel_event cur = { 0 };
	for (size_t i = 0; i < n; i++) {
		int ok = !isnan(r[i]);
		int contiguous = i > 0 && years[i] == years[i - 1] + 1 && !isnan(r[i - 1]);
		if (in && (!ok || !contiguous || r[i] < lo || r[i] > hi)) {
			push(ev, cap, &k, cur);
			in = 0;
		}
		if (!ok)
			continue;
		if (contiguous && ((r[i - 1] < 1.0) != (r[i] < 1.0))) {
			mp_rel_event o = { 1, years[i], years[i], r[i - 1], r[i], r[i] >= 1.0 };
			push(ev, cap, &k, o);
		}
		if (r[i] >= lo && r[i] <= hi) {
			if (!in) {
				cur.kind = 0;
				cur.from = years[i];
				cur.r_from = r[i];
				in = 1;
			}
			cur.to = years[i];
			cur.r_to = r[i];
			cur.leader_after = r[i] >= 1.0;
		}
	}
	if (in)
		push(ev, cap, &k, cur);
	*nev = k;
	return MP_OK;
}
