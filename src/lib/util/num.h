/* Internal: checked conversions of parsed numbers. A double becomes an integer only when
 * it is finite, whole and inside the target range, tested before the cast: converting an
 * out-of-range double to an integer type is undefined behaviour (C17 6.3.1.4p1), which
 * clang's -fsanitize=float-cast-overflow reports and GCC's UBSan does not see. */
#ifndef MP_UTIL_NUM_H
#define MP_UTIL_NUM_H

#include <stdint.h>

/* Bounds must lie within +-2^53 (every such integer is exact as a double). 1 on success. */
int mp_num__to_int64(double v, int64_t lo, int64_t hi, int64_t *out);
int mp_num__to_int(double v, int lo, int hi, int *out);

#endif
