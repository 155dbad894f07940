/*
 * Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror & Shaw 2011,
 * "Parallel random numbers: as easy as 1, 2, 3", SC'11).
 *
 * A stream is keyed by (seed, run, stream): the same key gives the same numbers on any
 * thread or MPI rank, so results never depend on scheduling. The generator is a plain
 * struct the caller owns (no allocation, no shared state).
 */
#ifndef MULTIPOLAR_RNG_H
#define MULTIPOLAR_RNG_H

#include "multipolar/export.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mp_rng {
	uint32_t key[2]; /* the seed */
	uint32_t ctr[4]; /* ctr[0..1] block counter, ctr[2] run, ctr[3] stream */
	uint32_t out[4]; /* current output block */
	int used;        /* words of out[] consumed */
	int has_spare;   /* a cached second normal deviate */
	double spare;
} mp_rng;

/* Initialises the stream for (seed, run, stream). */
MP_EXTERN void mp_rng_init(mp_rng *r, uint64_t seed, uint32_t run, uint32_t stream);
/* One Philox4x32-10 block for counter `ctr` and key `key` (the raw bijection; tested
 * against the Random123 known-answer vectors). */
MP_EXTERN void mp_rng_philox4x32(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);
MP_EXTERN uint32_t mp_rng_u32(mp_rng *r);
MP_EXTERN uint64_t mp_rng_u64(mp_rng *r);
/* Uniform on [0, 1) with 53 random bits. */
MP_EXTERN double mp_rng_uniform(mp_rng *r);
/* Uniform integer in [0, n) without modulo bias (n > 0). */
MP_EXTERN uint32_t mp_rng_below(mp_rng *r, uint32_t n);
/* Standard normal deviate (Marsaglia polar method). */
MP_EXTERN double mp_rng_normal(mp_rng *r);

#ifdef __cplusplus
}
#endif
#endif
