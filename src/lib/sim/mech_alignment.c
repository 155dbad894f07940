/* Alignment (docs/conflict.md "Alignment"; the fitted model: src/lib/calib/fit_alignment*.c).
 *
 * Ideal points (UNGA, Bailey, Strezhnev & Voeten 2017 scale) adjust each year toward the
 * states they are tied to, by the partial-adjustment equation fitted on 1947-2016:
 *   ip_i <- ip_i + a + d (T_i - ip_i) + c (L_i - ip_i) + s (A_i - ip_i) + w (W - ip_i)
 *           + sum_g r culture_g (ip_g - ip_i) + sd N(0,1)
 * T_i the trade-weighted mean of i's partners, L_i its camp leader's ideal point (the
 * camp's mean for a camp without a leader), A_i the mean of its defence-pact partners
 * (the start world's pacts and its camp's leader), W the world mean; culture_g the
 * cultural spending of great powers (strategy; not fitted: docs/sim.md). Remainder rows
 * are aggregates: their ideal points stay.
 * Camps are choices with the switching odds fitted on the exits from and entries into
 * defence pacts with the USA, Russia and China (ATOP 1947-2016): a member of camp c leaves
 * it (for non-alignment) with
 *   P = logistic(e0 + e1 |ip_i - L_c| + e2 X_ic / X_i + e3 CAP_c),
 * a non-aligned state joins camp c with P = logistic(j0 + j1 |ip_i - L_c| + j2 X_ic / X_i +
 * j3 CAP_c) (one draw over the camps on offer; an empty camp is not on offer), where
 * X_ic / X_i is the share of i's trade with the camp and CAP_c the camp's share of world
 * CINC. Leaders keep their camp; a `join` lever fixes a state's camp.
 * Blackboard outputs: ip, camp. */
#include "sim/sim_internal.h"

typedef struct align_state {
	double *camp_ip; /* ncamps: the leader's (or the mean) ideal point of each camp (scratch) */
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

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* Is j a defence partner of i: a pact of the start world, or i's camp leader (or a
 * member of the camp i leads). */
static int partner(const mp_sim *s, size_t i, size_t j)
{
	if (s->ally[i * s->n + j] > 0)
		return 1;
	int c = s->camp[i];
	if (c < 0 || c != s->camp[j])
		return 0;
	for (int l = 0; l < s->camp_nleaders[c]; l++)
		if ((size_t)s->camp_leader[c][l] == i || (size_t)s->camp_leader[c][l] == j)
			return 1;
	return 0;
}

static void ideal_points(mp_sim *s, align_state *st, const double *cnt)
{
	const mp_sim_params *p = &s->p;
	const size_t n = s->n;
	double *nip = st->nip, wsum = 0, wn = 0;
	for (size_t i = 0; i < n; i++)
		if (!s->agg[i]) {
			wsum += s->ip[i];
			wn += 1;
		}
	const double world = wn > 0 ? wsum / wn : 0;
	double cult_ip[8], cult_w[8];
	size_t ncult = 0;
	for (size_t i = 0; i < n && ncult < 8; i++)
		if (s->gp[i] && s->policy[i * MP_NPOL + MP_POL_CULTURE] > 0) {
			cult_ip[ncult] = s->ip[i];
			cult_w[ncult++] = p->strategy_return_culture * p->strategy_budget *
					  s->policy[i * MP_NPOL + MP_POL_CULTURE];
		}
	mp_rng r;
	mp_sim__rng(s, &r, MP_SIM_S_ALIGN);
	/* new ideal points from the old ones (a Jacobi update: order-free) */
	for (size_t i = 0; i < n; i++) {
		double eps = mp_rng_normal(&r); /* drawn for every actor: fixed stream layout */
		const double x = s->ip[i];
		if (s->agg[i]) {
			nip[i] = x;
			continue;
		}
		double dx = p->alignment_ip_trend + p->alignment_world_pull * (world - x);
		if (s->tsum[i] > 0) {
			const double *t = s->trade + i * n;
			double m = 0;
			for (size_t j = 0; j < n; j++)
				m += t[j] * s->ip[j];
			dx += p->alignment_drift * (m / s->tsum[i] - x);
		}
		int c = s->camp[i];
		if (c >= 0 && !s->gp[i] && cnt[c] > 0)
			dx += p->alignment_camp_pull * (st->camp_ip[c] - x);
		double as = 0, an = 0;
		for (size_t j = 0; j < n; j++)
			if (j != i && !s->agg[j] && partner(s, i, j)) {
				as += s->ip[j];
				an += 1;
			}
		if (an > 0)
			dx += p->alignment_ally_pull * (as / an - x);
		if (!s->gp[i])
			for (size_t g = 0; g < ncult; g++)
				dx += cult_w[g] * (cult_ip[g] - x);
		nip[i] = x + dx + p->alignment_noise_sd * eps;
	}
	/* Aid pulls the partner toward the donor like cultural spending of the same size. */
	for (size_t g = 0; g < n; g++)
		if (s->gp[g] && s->partner[g] >= 0 && s->policy[g * MP_NPOL + MP_POL_AID] > 0) {
			size_t j = (size_t)s->partner[g];
			nip[j] += p->strategy_return_culture * p->strategy_budget *
				  s->policy[g * MP_NPOL + MP_POL_AID] * (s->ip[g] - s->ip[j]);
		}
	for (size_t i = 0; i < n; i++)
		s->ip[i] = nip[i];
}

static int step(mp_ctx *ctx, mp_sim *s, void *vst)
{
	(void)ctx;
	align_state *st = vst;
	const mp_sim_params *p = &s->p;
	const size_t n = s->n, k = s->ncamps;
	/* each camp's reference point: its leader's ideal point, else its members' mean */
	double cnt[MP_SIM_MAX_CAMPS] = { 0 }, sum[MP_SIM_MAX_CAMPS] = { 0 };
	for (size_t i = 0; i < n; i++)
		if (s->camp[i] >= 0 && !s->agg[i]) {
			sum[s->camp[i]] += s->ip[i];
			cnt[s->camp[i]] += 1;
		}
	for (size_t c = 0; c < k; c++)
		st->camp_ip[c] = s->camp_nleaders[c] > 0 ? s->ip[s->camp_leader[c][0]]
							 : (cnt[c] > 0 ? sum[c] / cnt[c] : 0);
	ideal_points(s, st, cnt);
	for (size_t c = 0; c < k; c++)
		if (s->camp_nleaders[c] > 0)
			st->camp_ip[c] = s->ip[s->camp_leader[c][0]];
	double world_cinc = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(s->cinc[i]))
			world_cinc += s->cinc[i];
	/* camp choices: one uniform per actor (fixed stream layout) */
	mp_rng rc;
	mp_sim__rng(s, &rc, MP_SIM_S_CAMP);
	for (size_t i = 0; i < n; i++) {
		double u = mp_rng_uniform(&rc);
		if (s->forced[i] != -2) {
			s->camp[i] = s->forced[i];
			continue;
		}
		if (s->agg[i] || s->gp[i] || k == 0)
			continue;
		int cur = s->camp[i];
		if (cur >= 0) {
			double v = p->alignment_exit_const +
				   p->alignment_exit_values * fabs(s->ip[i] - st->camp_ip[cur]) +
				   p->alignment_exit_trade *
					   (s->tsum[i] > 0 ? s->camp_trade[i * k + (size_t)cur] / s->tsum[i] : 0) +
				   p->alignment_exit_security * (world_cinc > 0 ? s->camp_cap[cur] / world_cinc : 0);
			if (u < logistic(v))
				s->camp[i] = -1;
			continue;
		}
		double pc[MP_SIM_MAX_CAMPS], tot = 0;
		for (size_t c = 0; c < k; c++) {
			pc[c] = 0;
			if (cnt[c] == 0 && s->camp_nleaders[c] == 0)
				continue; /* an empty camp is not on offer until someone joins */
			double v = p->alignment_join_const +
				   p->alignment_join_values * fabs(s->ip[i] - st->camp_ip[c]) +
				   p->alignment_join_trade *
					   (s->tsum[i] > 0 ? s->camp_trade[i * k + c] / s->tsum[i] : 0) +
				   p->alignment_join_security * (world_cinc > 0 ? s->camp_cap[c] / world_cinc : 0);
			tot += pc[c] = logistic(v);
		}
		double scale = tot > 1 ? 1.0 / tot : 1.0, acc = 0;
		for (size_t c = 0; c < k; c++) {
			acc += pc[c] * scale;
			if (u < acc) {
				s->camp[i] = (int)c;
				break;
			}
		}
	}
	return MP_OK;
}

const mp_sim_mech mp_sim__mech_alignment = { "alignment", sizeof(align_state), layout, NULL, NULL, NULL, step };
