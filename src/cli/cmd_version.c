/* multipolar version: the version and how this binary was built. */
#include "cli.h"

typedef struct {
	cli_common common;
	int build_options;
} version_opts;

static const cli_option options[] = { { "build-options", CLI_FLAG, offsetof(version_opts, build_options), NULL,
					"also list the features compiled in (threads, MPI, sanitizers, libraries)" },
				      CLI_END };

static int run(mp_ctx *ctx, void *vo, int npos, char **pos)
{
	version_opts *o = vo;
	(void)pos;
	if (npos > 0)
		return mp_error_set(ctx, MP_EUSAGE, "version takes no arguments");
	printf("multipolar %s\n", mp_version());
	if (o->build_options)
		printf("build options: %s\n", mp_build_options());
	return MP_OK;
}

const cli_command cli_cmd_version = {
	.name = "version",
	.summary = "print the version and the build options",
	.usage = "[--build-options]",
	.description = "Prints the library version; with --build-options, the features compiled in.",
	.example = "multipolar version --build-options",
	.options = options,
	.opts_size = sizeof(version_opts),
	.run = run,
};
