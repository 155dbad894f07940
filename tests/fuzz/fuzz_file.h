/* Fuzz targets whose parser reads a file: the input bytes in a temporary file. */
#ifndef MP_FUZZ_FILE_H
#define MP_FUZZ_FILE_H

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

/* Writes data to a new temporary file; its path goes to path[32]. 0 on success. */
static inline int mp_fuzz_tmpfile(const uint8_t *data, size_t size, char path[32])
{
	static const char tmpl[] = "/tmp/mp_fuzz_XXXXXX";
	for (size_t i = 0; i < sizeof tmpl; i++)
		path[i] = tmpl[i];
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	int ok = write(fd, data, size) == (ssize_t)size;
	close(fd);
	if (!ok) {
		unlink(path);
		return -1;
	}
	return 0;
}

#endif
