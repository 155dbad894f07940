#include "shared_data.h"

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
