/* A stored calibration read back for the sim (calib.h: mp_calib_load): the store's rows
 * (q_calib_load.c) made into an mp_calib_result. */
#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"
#include "store/q_calib.h"

int mp_calib_load(mp_ctx *ctx, mp_store *s, int max_until, mp_calib_stored *info, mp_calib_result **out)
{
	*out = NULL;
	if (info)
		memset(info, 0, sizeof *info);
	mp_store_calib_run run;
	int rc = mp_store__calib_load(ctx, s, max_until, &run);
	if (rc != MP_OK)
		return rc;
	mp_calib_result *r = calloc(1, sizeof *r);
	if (r && run.n && !(r->params = calloc(run.n, sizeof *r->params))) {
		free(r);
		r = NULL;
	}
	if (!r) {
		mp_store__calib_run_free(&run);
		return mp_error_set(ctx, MP_ENOMEM, "out of memory reading a calibration");
	}
	r->until = run.until;
	snprintf(r->notes, sizeof r->notes, "%s", run.notes);
	for (size_t k = 0; k < run.n; k++) {
		const mp_store_calib_param *q = &run.v[k];
		mp_calib_param *p = &r->params[k];
		snprintf(p->key, sizeof p->key, "%s", q->param);
		p->ccode = q->ccode;
		p->estimate = q->estimate;
		p->se = q->se;
		p->n = q->n;
		snprintf(p->stat_name, sizeof p->stat_name, "%s", q->stat_name);
		p->stat = q->stat;
		snprintf(p->method, sizeof p->method, "%s", q->method);
	}
	r->n = run.n;
	if (info) {
		info->run_id = run.run_id;
		snprintf(info->created, sizeof info->created, "%s", run.created);
	}
	mp_store__calib_run_free(&run);
	*out = r;
	return MP_OK;
}
