/* Axis ticks by "nice numbers" (Heckbert 1990). */
#include <math.h>

#include "svg_internal.h"

/* Heckbert, P. S. (1990). Nice numbers for graph labels. In A. Glassner (Ed.), Graphics
 * Gems (pp. 61-63, 657-659). Academic Press. nicenum(x, round): with x = f * 10^e,
 * 1 <= f < 10, the nice fraction is, when rounding, 1 (f < 1.5), 2 (f < 3), 5 (f < 7)
 * else 10; otherwise the ceiling: 1 (f <= 1), 2 (f <= 2), 5 (f <= 5) else 10. */
double mp_chart_nicenum(double x, int round)
{
	if (!(x > 0) || !isfinite(x))
		return 1.0;
	double e = floor(log10(x));
	double p = pow(10.0, e);
	double fr = x / p;
	double nf;
	if (round)
		nf = fr < 1.5 ? 1 : fr < 3 ? 2 : fr < 7 ? 5 : 10;
	else
		nf = fr <= 1 ? 1 : fr <= 2 ? 2 : fr <= 5 ? 5 : 10;
	return nf * p;
}

/* Heckbert's loose labelling: range = nicenum(max - min, 0); step = nicenum(range /
 * (target - 1), 1); axis from floor(min/step)*step to ceil(max/step)*step. Tick values
 * are computed as k*step for whole k, so they carry no accumulated rounding error. */
int mp_chart_ticks(double min, double max, int target, mp_ticks *out)
{
	if (!isfinite(min) || !isfinite(max) || !out)
		return MP_EINPUT;
	if (min > max) {
		double t = min;
		min = max;
		max = t;
	}
	if (target < 2)
		target = 2;
	if (max - min < 1e-12 * (fabs(min) + fabs(max)) || max == min) {
		/* a single value: widen by 10% of its size (or by 1 around 0) */
		double d = fabs(min) > 0 ? fabs(min) * 0.1 : 1.0;
		min -= d;
		max += d;
	}
	double range = mp_chart_nicenum(max - min, 0);
	double step = mp_chart_nicenum(range / (target - 1), 1);
	/* a tiny tolerance so that 0.3/0.1 = 2.9999999 still lands on 3 */
	double k0 = floor(min / step + 1e-9);
	double k1 = ceil(max / step - 1e-9);
	/* a range too wide for the double's step (|min|, |max| near 1e300): no ticks, and no
	 * out-of-range conversion to int below (undefined behaviour, C17 6.3.1.4) */
	if (!(k1 - k0 >= 0 && k1 - k0 <= 1000))
		return MP_EINPUT;
	out->step = step;
	out->lo = k0 * step;
	out->hi = k1 * step;
	out->n = (int)(k1 - k0) + 1;
	int digits = (int)-floor(log10(step) + 1e-9);
	out->digits = digits > 0 ? digits : 0;
	return MP_OK;
}
