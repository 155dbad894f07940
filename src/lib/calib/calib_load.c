/* A stored calibration read back for the sim (calib.h: mp_calib_load). */
#include "multipolar/calib.h"
#include "store/q_calib.h"

int mp_calib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_calib_stored *info, mp_calib_result **out)
{
	mp_calib_stored dummy;
	return mp_qcalib_load(ctx, s, max_until, info ? info : &dummy, out);
}
