/* Alignment (MODELS.md A7; docs/sim.md "alignment").
 *
 * UNGA ideal points (Bailey, Strezhnev & Voeten 2017 scale) drift toward the
 * trade-weighted mean of a state's partners, toward its camp's mean and toward great
 * powers that spend on cultural exchange, plus noise:
 *   ip_i <- ip_i + d (sum_j X_ij ip_j / sum_j X_ij - ip_i) + c (ip_camp - ip_i)
 *           + sum_g r_c culture_g (ip_g - ip_i) + sd N(0,1)
 * Camp choice (lesser states; leaders stay with their camp): multinomial logit
 * (McFadden 1974) with scale `temperature`, P(c) = exp(U_c/T) / sum exp(U/T):
 *   U_ic = w_s CAP_c + w_t X_ic / X_i - w_v |ip_i - ip_c| / dissat_scale + inertia [c = current]
 *   U_i0 = nonaligned + inertia [non-aligned now]
 * CAP_c is the camp's CINC share (security), X_ic / X_i the share of i's trade with the
 * camp, ip_c the camp's mean ideal point (value distance). A `join` lever fixes the camp.
 * Blackboard outputs: ip, camp. */
#include "sim/sim_internal.h"

typedef struct align_state {
	double *camp_ip; /* ncamps: mean ideal point of each camp (scratch) */
	double *nip;     /* n: next year's ideal points (scratch) */
} align_state;

static size_t layout(const mp_sim *s, void *vst, double *b, size_t *ndyn)
{
	align_state *st = vst;
	size_t o = 0;
	*ndyn = 0;
	MP_SIM_TAKE(st, b, o, camp_ip, s->ncamps ? s->ncamps : 1);
	MP_SIM_TAKE(st, b, o, nip, s->n);
	return o;
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	align_state *st = vst;
	double *camp_ip = st->camp_ip;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	double cnt[MP_SIM_MAX_CAMPS] = { 0 };
	for (size_t c = 0; c < k; c++)
		camp_ip[c] = 0;
	for (size_t i = 0; i < n; i++)
		if (s->camp[i] >= 0) {
			camp_ip[s->camp[i]] += s->ip[i];
			cnt[s->camp[i]] += 1;
		}
	for (size_t c = 0; c < k; c++)
		camp_ip[c] = cnt[c] > 0 ? camp_ip[c] / cnt[c] : 0;

	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_ALIGN);
	/* New ideal points computed from the old ones (Jacobi update: order-free). */
	double *nip = st->nip;
	double cult_ip[8], cult_w[8];
	size_t ncult = 0;
	for (size_t i = 0; i < n && ncult < 8; i++)
		if (s->gp[i] && s->policy[i * MP_NPOL + MP_POL_CULTURE] > 0) {
			cult_ip[ncult] = s->ip[i];
			cult_w[ncult++] = p->strategy_return_culture * p->strategy_budget *
					  s->policy[i * MP_NPOL + MP_POL_CULTURE];
		}
	for (size_t i = 0; i < n; i++) {
		double eps = mp_rng_normal(&r);
		double x = s->ip[i];
		if (s->tsum[i] > 0 && p->alignment_drift != 0) {
			const double *t = s->trade + i * n;
			double m = 0;
			for (size_t j = 0; j < n; j++)
				m += t[j] * s->ip[j];
			x += p->alignment_drift * (m / s->tsum[i] - s->ip[i]);
		}
		if (s->camp[i] >= 0)
			x += p->alignment_camp_pull * (camp_ip[s->camp[i]] - s->ip[i]);
		if (!s->gp[i])
			for (size_t g = 0; g < ncult; g++)
				x += cult_w[g] * (cult_ip[g] - s->ip[i]);
		nip[i] = x + p->alignment_noise_sd * eps;
	}
	/* Aid pulls the partner toward the donor like cultural spending of the same size. */
	for (size_t g = 0; g < n; g++)
		if (s->gp[g] && s->partner[g] >= 0 && s->policy[g * MP_NPOL + MP_POL_AID] > 0) {
			size_t j = (size_t)s->partner[g];
			nip[j] += p->strategy_return_culture * p->strategy_budget * s->policy[g * MP_NPOL + MP_POL_AID] *
				  (s->ip[g] - s->ip[j]);
		}
	for (size_t i = 0; i < n; i++)
		s->ip[i] = nip[i];

	/* Camp choice: multinomial logit (McFadden 1974), the closed form of the Gumbel
	 * random-utility model: P(c) = exp(U_c / T) / sum_c' exp(U_c' / T), one uniform draw
	 * per state. */
	mp_rng rc;
	mp_sim__rng(s, &rc, MP_SIM_S_CAMP);
	const double T = p->alignment_temperature > 1e-9 ? p->alignment_temperature : 1e-9;
	double U[MP_SIM_MAX_CAMPS + 1];
	for (size_t i = 0; i < n; i++) {
		double u01 = mp_rng_uniform(&rc); /* drawn for every actor: fixed stream layout */
		if (s->forced[i] != -2) {
			s->camp[i] = s->forced[i];
			continue;
		}
		if (s->agg[i] || s->gp[i] || k == 0)
			continue;
		int cur = s->camp[i];
		double umax = U[0] = p->alignment_nonaligned + (cur < 0 ? p->alignment_inertia : 0);
		for (size_t c = 0; c < k; c++) {
			if (cnt[c] == 0 && (int)c != cur) {
				U[c + 1] = -INFINITY; /* an empty camp is not on offer until someone joins */
				continue;
			}
			U[c + 1] = p->alignment_w_security * s->camp_cap[c] +
				   (s->tsum[i] > 0 ? p->alignment_w_trade * s->camp_trade[i * k + c] / s->tsum[i] : 0) -
				   p->alignment_w_values * fabs(s->ip[i] - camp_ip[c]) / p->conflict_dissat_scale +
				   ((int)c == cur ? p->alignment_inertia : 0);
			if (U[c + 1] > umax)
				umax = U[c + 1];
		}
		double tot = 0;
		for (size_t c = 0; c <= k; c++)
			tot += (U[c] = exp((U[c] - umax) / T));
		double x = u01 * tot, acc = 0;
		int pick = -1;
		for (size_t c = 0; c <= k; c++) {
			acc += U[c];
			if (x < acc) {
				pick = (int)c - 1;
				break;
			}
		}
		if (x >= acc) /* rounding: the last option with positive weight */
			for (size_t c = k + 1; c-- > 0;)
				if (U[c] > 0) {
					pick = (int)c - 1;
					break;
				}
		s->camp[i] = pick;
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_alignment = { "alignment", sizeof(align_state), layout, NULL, NULL, NULL, step };
