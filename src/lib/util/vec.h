/*
 * Internal: growable arrays and a byte buffer, the one implementation of "double the
 * capacity when full" in the library.
 *
 *   mp_actor *v = NULL; size_t n = 0, cap = 0;
 *   if (mp_vec_reserve(&v, &cap, n + 1, 128)) goto oom;
 *   v[n++] = ...;
 *
 * mp_vec_reserve makes room for `need` elements (capacity first `first`, then doubling)
 * and returns MP_OK, or MP_ENOMEM leaving the array and its capacity unchanged (so the
 * caller's one cleanup path frees what was there). It raises no error in a context:
 * callers name what ran out of memory themselves.
 */
#ifndef MP_UTIL_VEC_H
#define MP_UTIL_VEC_H

#include <stdarg.h>
#include <stddef.h>

#include "multipolar/common.h"

/* `pp` points to the array pointer (any object pointer type); `size` is one element. */
int mp_vec__reserve(void *pp, size_t *cap, size_t need, size_t size, size_t first);
#define mp_vec_reserve(pp, capp, need, first) mp_vec__reserve((pp), (capp), (need), sizeof **(pp), (first))

/* A NUL-terminated byte buffer: s[0..len) plus the NUL; s is NULL until the first append. */
typedef struct mp_buf {
	char *s;
	size_t len, cap;
} mp_buf;

#define MP_BUF_INIT                                                                                                    \
	{                                                                                                              \
		NULL, 0, 0                                                                                             \
	}
int mp_buf_append(mp_buf *b, const char *data, size_t n);
int mp_buf_puts(mp_buf *b, const char *s);
int mp_buf_printf(mp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void mp_buf_reset(mp_buf *b);
/* Frees the memory; NULL-safe. */
void mp_buf_free(mp_buf *b);

#endif
