/* Philox4x32-10 counter-based generator.
 * Salmon, J. K., Moraes, M. A., Dror, R. O. & Shaw, D. E. (2011). Parallel random
 * numbers: as easy as 1, 2, 3. Proc. SC'11. Constants from section 3 (Philox-4x32):
 * multipliers 0xD2511F53, 0xCD9E8D57; Weyl key increments 0x9E3779B9, 0xBB67AE85. */
#include "multipolar/rng.h"

#include <math.h>

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

static inline void mulhilo(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo)
{
	uint64_t p = (uint64_t)a * b;
	*hi = (uint32_t)(p >> 32);
	*lo = (uint32_t)p;
}

void mp_rng_philox4x32(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4])
{
	uint32_t c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
	uint32_t k0 = key[0], k1 = key[1];
	for (int round = 0; round < 10; round++) {
		uint32_t hi0, lo0, hi1, lo1;
		mulhilo(PHILOX_M0, c0, &hi0, &lo0);
		mulhilo(PHILOX_M1, c2, &hi1, &lo1);
		uint32_t n0 = hi1 ^ c1 ^ k0;
		uint32_t n1 = lo1;
		uint32_t n2 = hi0 ^ c3 ^ k1;
		uint32_t n3 = lo0;
		c0 = n0, c1 = n1, c2 = n2, c3 = n3;
		k0 += PHILOX_W0;
		k1 += PHILOX_W1;
	}
	out[0] = c0, out[1] = c1, out[2] = c2, out[3] = c3;
}

void mp_rng_init(mp_rng *r, uint64_t seed, uint32_t run, uint32_t stream)
{
	r->key[0] = (uint32_t)seed;
	r->key[1] = (uint32_t)(seed >> 32);
	r->ctr[0] = 0;
	r->ctr[1] = 0;
	r->ctr[2] = run;
	r->ctr[3] = stream;
	r->used = 4;
	r->has_spare = 0;
	r->spare = 0.0;
}

uint32_t mp_rng_u32(mp_rng *r)
{
	if (r->used == 4) {
		mp_rng_philox4x32(r->ctr, r->key, r->out);
		if (++r->ctr[0] == 0)
			r->ctr[1]++;
		r->used = 0;
	}
	return r->out[r->used++];
}

uint64_t mp_rng_u64(mp_rng *r)
{
	uint64_t hi = mp_rng_u32(r);
	return (hi << 32) | mp_rng_u32(r);
}

double mp_rng_uniform(mp_rng *r)
{
	return (double)(mp_rng_u64(r) >> 11) * 0x1.0p-53;
}

uint32_t mp_rng_below(mp_rng *r, uint32_t n)
{
	/* Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1). */
	uint64_t m = (uint64_t)mp_rng_u32(r) * n;
	uint32_t l = (uint32_t)m;
	if (l < n) {
		uint32_t t = (uint32_t)(-n) % n;
		while (l < t) {
			m = (uint64_t)mp_rng_u32(r) * n;
			l = (uint32_t)m;
		}
	}
	return (uint32_t)(m >> 32);
}

double mp_rng_normal(mp_rng *r)
{
	/* Marsaglia & Bray (1964) polar method; the second deviate is cached. */
	if (r->has_spare) {
		r->has_spare = 0;
		return r->spare;
	}
	double u, v, s;
	do {
		u = 2.0 * mp_rng_uniform(r) - 1.0;
		v = 2.0 * mp_rng_uniform(r) - 1.0;
		s = u * u + v * v;
	} while (s >= 1.0 || s == 0.0);
	double f = sqrt(-2.0 * log(s) / s);
	r->spare = v * f;
	r->has_spare = 1;
	return u * f;
}
