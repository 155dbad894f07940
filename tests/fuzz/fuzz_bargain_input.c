/* Fuzz target: the negotiation input readers (BDM CSV, KTAB CSV, KTAB XML, YAML
 * scenarios), the settings a file gives, and a short run of each model on whatever
 * parses. */
#include <stdint.h>
#include <stdlib.h>

#include "multipolar/bargain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run_models(mp_ctx *ctx, const mp_bargain_input *in)
{
	if (in->n > 40)
		return;
	mp_bargain_settings st = MP_BARGAIN_SETTINGS_INIT;
	if (!mp_bargain_settings_from_input(ctx, in, &st)) {
		char buf[256];
		mp_bargain_settings_describe(&st, in, buf, sizeof buf);
	}
	mp_bargain_eu *m = NULL;
	if (!mp_bargain_eu_new(ctx, in, NULL, &m))
		mp_bargain_eu_step(m, NULL);
	mp_bargain_eu_free(m);
	mp_bargain_smp *s = NULL;
	if (!mp_bargain_smp_new(ctx, in, NULL, &s))
		mp_bargain_smp_step(s);
	mp_bargain_smp_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mp_ctx *ctx = NULL;
	if (mp_ctx_new(&ctx))
		return 0;
	for (int flags = 0; flags < 2; flags++) {
		mp_bargain_input *in = NULL;
		if (!mp_bargain_input_parse_csv(ctx, "fuzz.csv", (const char *)data, size, flags, &in))
			run_models(ctx, in);
		mp_bargain_input_free(in);
	}
	static const char *const names[] = { "fuzz.yaml", "fuzz.xml" };
	for (int k = 0; k < 2; k++) {
		mp_bargain_input *in = NULL;
		if (!mp_bargain_input_parse(ctx, names[k], (const char *)data, size, 0, &in))
			run_models(ctx, in);
		mp_bargain_input_free(in);
	}
	mp_ctx_free(ctx);
	return 0;
}
