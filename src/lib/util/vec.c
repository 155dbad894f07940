/* Growable arrays and a byte buffer (vec.h). */
#include "util/vec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mp_vec__reserve(void *pp, size_t *cap, size_t need, size_t size, size_t first)
{
	if (need <= *cap)
		return MP_OK;
	size_t nc = *cap ? *cap : (first ? first : 1);
	while (nc < need) {
		if (nc > SIZE_MAX / 2)
			return MP_ENOMEM;
		nc *= 2;
	}
	if (size && nc > SIZE_MAX / size)
		return MP_ENOMEM;
	/* the array pointer is read and written through memcpy: any object pointer type */
	void *p;
	memcpy(&p, pp, sizeof p);
	void *np = realloc(p, nc * size);
	if (!np)
		return MP_ENOMEM;
	memcpy(pp, &np, sizeof np);
	*cap = nc;
	return MP_OK;
}

int mp_buf_append(mp_buf *b, const char *data, size_t n)
{
	if (n > SIZE_MAX - b->len - 1)
		return MP_ENOMEM;
	if (mp_vec_reserve(&b->s, &b->cap, b->len + n + 1, 64))
		return MP_ENOMEM;
	if (n)
		memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = '\0';
	return MP_OK;
}

int mp_buf_puts(mp_buf *b, const char *s)
{
	return mp_buf_append(b, s, strlen(s));
}

int mp_buf_printf(mp_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (k < 0)
		return MP_ERROR;
	if ((size_t)k < sizeof tmp)
		return mp_buf_append(b, tmp, (size_t)k);
	if (mp_vec_reserve(&b->s, &b->cap, b->len + (size_t)k + 1, 64))
		return MP_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)k;
	return MP_OK;
}

void mp_buf_reset(mp_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void mp_buf_free(mp_buf *b)
{
	if (!b)
		return;
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
