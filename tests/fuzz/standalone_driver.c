/* Runs a libFuzzer target (LLVMFuzzerTestOneInput) over every file of a corpus directory,
 * so the corpus is replayed in ordinary CI (libgit2 fuzzers/standalone_driver.c habit).
 * Build the same target with clang -fsanitize=fuzzer to fuzz for real (docs/fuzzing.md). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
		return 2;
	}
	DIR *d = opendir(argv[1]);
	if (!d) {
		fprintf(stderr, "%s: cannot open corpus directory\n", argv[1]);
		return 1;
	}
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		uint8_t *buf = malloc(1 << 20);
		size_t len = buf ? fread(buf, 1, 1 << 20, f) : 0;
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		n++;
	}
	closedir(d);
	printf("replayed %d corpus files\n", n);
	return n > 0 ? 0 : 1;
}
