/* See panel_out.h. */
#include "panel_out.h"

#include <stdlib.h>

int panel_out_chunk(void *u, const mp_table *chunk, int year)
{
	panel_out *p = u;
	(void)year;
	int rc;
	if (!p->open) {
		if ((rc = cli_out_open(p->ctx, p->common, &p->out)) != MP_OK)
			return rc;
		p->open = 1;
	}
	p->rows += mp_table_rows(chunk);
	if (p->common->fmt == MP_FORMAT_CSV)
		return mp_table_write_csv(chunk, p->out.f, p->rows == mp_table_rows(chunk));
	if (!p->all) {
		size_t nc = mp_table_cols(chunk);
		mp_column *c = calloc(nc + 1, sizeof *c);
		if (!c)
			return mp_error_set(p->ctx, MP_ENOMEM, "out of memory");
		for (size_t k = 0; k < nc; k++)
			c[k] = *mp_table_column(chunk, k);
		rc = mp_table_new(&p->all, c, nc);
		free(c);
		if (rc != MP_OK)
			return mp_error_set(p->ctx, MP_ENOMEM, "out of memory");
	}
	if (mp_table_append(p->all, chunk) != MP_OK)
		return mp_error_set(p->ctx, MP_ENOMEM, "out of memory");
	return MP_OK;
}

int panel_out_close(panel_out *p, int rc)
{
	if (rc == MP_OK && p->all)
		rc = mp_table_write(p->ctx, p->all, p->out.f, p->common->fmt);
	if (p->open)
		rc = cli_out_close(p->ctx, &p->out, rc);
	mp_table_free(p->all);
	p->all = NULL;
	return rc;
}
