/*
 * multipolar: MP_EXTERN, the mark of the public API. The library is built with hidden
 * visibility (-fvisibility=hidden), so only functions and objects declared with MP_EXTERN
 * in a header of include/multipolar/ are exported from libmultipolar.so. Every new public
 * declaration starts with it: `MP_EXTERN int mp_thing_new(mp_ctx *ctx, mp_thing **out);`
 * (docs/api.md, "Exported symbols").
 */
#ifndef MULTIPOLAR_EXPORT_H
#define MULTIPOLAR_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define MP_EXTERN __attribute__((visibility("default")))
#else
#define MP_EXTERN
#endif

#endif
