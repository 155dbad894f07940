/* Checked double -> integer conversions (num.h). */
#include "num.h"

#include <math.h>

int mp_num__to_int64(double v, int64_t lo, int64_t hi, int64_t *out)
{
	/* the comparisons are false for NaN, so NaN is refused with the out-of-range values */
	if (!(v >= (double)lo && v <= (double)hi) || v != floor(v))
		return 0;
	*out = (int64_t)v;
	return 1;
}

int mp_num__to_int(double v, int lo, int hi, int *out)
{
	int64_t x;
	if (!mp_num__to_int64(v, lo, hi, &x))
		return 0;
	*out = (int)x;
	return 1;
}
