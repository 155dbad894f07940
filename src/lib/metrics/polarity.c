/* Polarity of a set of units: concentration, effective number, leader, and a named,
 * parameterised classifier (docs/references.md A4; no single rule is standard, so none is
 * hard-coded and every threshold is an option). */
#include <string.h>

#include "multipolar/metrics.h"

static const char *const classifier_names[] = { "thompson", "threshold", "wayman" };

int mp_classifier_parse(const char *s, mp_classifier *out)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, classifier_names[i])) {
			*out = (mp_classifier)i;
			return MP_OK;
		}
	return MP_EUSAGE;
}

const char *mp_classifier_name(mp_classifier c)
{
	return (unsigned)c < 3 ? classifier_names[c] : "unknown";
}

int mp_polarity_compute(mp_ctx *ctx, const double *cap, size_t n, const mp_polarity_opts *opts, mp_polarity *out)
{
	mp_polarity_opts def = MP_POLARITY_OPTS_INIT;
	if (!opts)
		opts = &def;
	if (opts->version != MP_POLARITY_OPTS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "mp_polarity_opts version %u is not %d", opts->version,
				    MP_POLARITY_OPTS_VERSION);
	memset(out, 0, sizeof *out);
	out->leader = out->runner_up = -1;
	double t = 0.0;
	for (size_t i = 0; i < n; i++)
		if (!mp_is_na(cap[i])) {
			t += cap[i];
			out->n++;
			if (out->leader < 0 || cap[i] > cap[out->leader]) {
				out->runner_up = out->leader;
				out->leader = (int)i;
			} else if (out->runner_up < 0 || cap[i] > cap[out->runner_up])
				out->runner_up = (int)i;
		}
	out->con = mp_con(cap, n);
	out->hhi = mp_hhi(cap, n);
	out->n_eff = mp_n_eff(cap, n);
	out->n_golosov = mp_n_golosov(cap, n);
	double s1 = out->leader >= 0 && t > 0 ? cap[out->leader] / t : MP_NA;
	double s2 = out->runner_up >= 0 && t > 0 ? cap[out->runner_up] / t : MP_NA;
	out->leader_share = s1;
	out->runner_up_share = s2;
	out->lead_ratio = !mp_is_na(s2) && s2 > 0 ? s1 / s2 : MP_NA;
	if (out->n == 0) {
		out->cls = "none";
		return MP_OK;
	}
	if (mp_is_na(s2))
		s2 = 0.0;
	switch (opts->classifier) {
	case MP_CLASSIFY_THOMPSON:
		/* Thompson (1986): unipolar if one unit holds >= uni (50%); bipolar if two each
		 * hold >= bi (25%) and together >= uni; multipolar otherwise. */
		out->poles = s1 >= opts->uni ? 1 : (s1 >= opts->bi && s2 >= opts->bi && s1 + s2 >= opts->uni) ? 2 : 3;
		break;
	case MP_CLASSIFY_THRESHOLD: {
		/* Count of units holding >= tau of the set (Mansfield 1993 on keeping the count
		 * of poles apart from concentration). */
		int k = 0;
		for (size_t i = 0; i < n; i++)
			if (!mp_is_na(cap[i]) && cap[i] / t >= opts->tau)
				k++;
		out->poles = k;
		break;
	}
	case MP_CLASSIFY_WAYMAN:
		/* Wayman (1984) "power bipolarity": the two largest hold >= uni (50%) together. */
		out->poles = s1 >= opts->uni ? 1 : s1 + s2 >= opts->uni ? 2 : 3;
		break;
	default: return mp_error_set(ctx, MP_EUSAGE, "unknown polarity classifier %d", (int)opts->classifier);
	}
	out->cls = out->poles == 1 ? "unipolar" : out->poles == 2 ? "bipolar" : "multipolar";
	return MP_OK;
}
