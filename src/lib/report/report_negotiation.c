/* Negotiation section: positions per round and the forecast of a stored negotiation. */
#include "../store/q_report.h"
#include "report_internal.h"

int rep__negotiation(rep *r)
{
	rep__section_open(r, "negotiation", "Negotiation");
	rep__nodata(r, "No negotiation result is stored in this database: 'multipolar negotiate' prints its "
		       "results but does not store them yet, so this panel is left out.");
	rep__section_close(r);
	return MP_OK;
}
