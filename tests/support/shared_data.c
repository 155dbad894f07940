#include "shared_data.h"

#include "multipolar/data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char dir_buf[4096];
static char path_buf[8192];

const char *mp_test_shared_data(const char *file)
{
	const char *dir = getenv("MULTIPOLAR_SHARED_DATA");
	if (!dir || !*dir)
		dir = getenv("MP_SHARED_DATA_DEFAULT");
	if (!dir || !*dir)
		dir = "../shared/data";
	snprintf(dir_buf, sizeof dir_buf, "%s", dir);
	snprintf(path_buf, sizeof path_buf, "%s/%s", dir_buf, file ? file : "");
	struct stat st;
	if (stat(path_buf, &st) != 0) {
		const char *ci = getenv("CI");
		if (ci && strcmp(ci, "true") == 0) {
			fprintf(stderr, "FAIL: shared data %s is missing (CI=true: required)\n", path_buf);
			exit(1);
		}
		fprintf(stderr, "SKIP: shared data %s is missing; set MULTIPOLAR_SHARED_DATA\n", path_buf);
		exit(MP_TEST_SKIP);
	}
	return dir_buf;
}

const char *mp_test_shared_path(const char *file)
{
	mp_test_shared_data(file);
	return path_buf;
}

int mp_test_db_open(const char *tag, const char *const *files, size_t n, char dir[256], mp_ctx **ctx, mp_store **st)
{
	for (size_t i = 0; i < n; i++)
		mp_test_shared_path(files[i]); /* skips (77) when a file is missing */
	snprintf(dir, 256, "/tmp/mp_%s_XXXXXX", tag);
	if (!mkdtemp(dir))
		return -1;
	char db[300];
	snprintf(db, sizeof db, "%s/t.db", dir);
	if (mp_ctx_new(ctx) != MP_OK || mp_store_open(*ctx, db, MP_STORE_CREATE, st) != MP_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		mp_import_result ir;
		if (mp_import_file(*ctx, *st, mp_test_shared_path(files[i]), &ir) != MP_OK) {
			fprintf(stderr, "import: %s\n", mp_error_message(*ctx));
			return -1;
		}
	}
	return 0;
}

int mp_test_db_close(const char *dir, mp_ctx *ctx, mp_store *st)
{
	mp_store_free(st);
	mp_ctx_free(ctx);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}
