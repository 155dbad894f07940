/* Writing a panel that the library hands over one year at a time: CSV is streamed (the
 * header once, then each year's rows), text and JSON are gathered into one table first. */
#ifndef MP_CLI_PANEL_OUT_H
#define MP_CLI_PANEL_OUT_H

#include "cli.h"

typedef struct panel_out {
	mp_ctx *ctx;
	const cli_common *common;
	cli_out out;
	int open;
	size_t rows;
	mp_table *all; /* text and JSON */
} panel_out;

int panel_out_chunk(void *u, const mp_table *chunk, int year);
/* Closes the output (writes the gathered table); returns rc or the first write error. */
int panel_out_close(panel_out *p, int rc);

#endif
