/*
 * igraph, loaded on first use (dlopen). Linking igraph made every command pay for its
 * dependency chain at start-up (BLAS, LAPACK, GLPK, ICU, libstdc++...: 1.9 ms of a
 * 4.3 ms `multipolar version`), though only `blocs` and the report's camps use it.
 * Include after <igraph.h>: the igraph names used below become calls through the table.
 */
#ifndef MP_RELATIONS_IG_H
#define MP_RELATIONS_IG_H

#include <igraph.h>

#include "multipolar/common.h"

/* X(return type, name, parameter types) for every igraph function multipolar calls. */
#define MP_IG_FUNCS(X)                                                                                                 \
	X(igraph_error_handler_t *, igraph_set_error_handler, (igraph_error_handler_t *))                              \
	X(igraph_error_t, igraph_vector_int_init, (igraph_vector_int_t *, igraph_integer_t))                           \
	X(igraph_error_t, igraph_vector_init, (igraph_vector_t *, igraph_integer_t))                                   \
	X(igraph_error_t, igraph_vector_int_push_back, (igraph_vector_int_t *, igraph_integer_t))                      \
	X(igraph_error_t, igraph_vector_push_back, (igraph_vector_t *, igraph_real_t))                                 \
	X(void, igraph_vector_int_destroy, (igraph_vector_int_t *))                                                    \
	X(void, igraph_vector_destroy, (igraph_vector_t *))                                                            \
	X(igraph_integer_t, igraph_vector_size, (const igraph_vector_t *))                                             \
	X(igraph_integer_t, igraph_vector_int_size, (const igraph_vector_int_t *))                                     \
	X(igraph_error_t, igraph_create, (igraph_t *, const igraph_vector_int_t *, igraph_integer_t, igraph_bool_t))   \
	X(void, igraph_destroy, (igraph_t *))                                                                          \
	X(igraph_integer_t, igraph_ecount, (const igraph_t *))                                                         \
	X(igraph_rng_t *, igraph_rng_default, (void))                                                                  \
	X(igraph_error_t, igraph_rng_seed, (igraph_rng_t *, igraph_uint_t))                                            \
	X(igraph_vs_t, igraph_vss_all, (void))                                                                         \
	X(igraph_error_t, igraph_strength,                                                                             \
	  (const igraph_t *, igraph_vector_t *, igraph_vs_t, igraph_neimode_t, igraph_bool_t,                          \
	   const igraph_vector_t *))                                                                                   \
	X(igraph_error_t, igraph_community_leiden,                                                                     \
	  (const igraph_t *, const igraph_vector_t *, const igraph_vector_t *, const igraph_real_t,                    \
	   const igraph_real_t, const igraph_bool_t, const igraph_integer_t, igraph_vector_int_t *,                    \
	   igraph_integer_t *, igraph_real_t *))                                                                       \
	X(igraph_error_t, igraph_community_multilevel,                                                                 \
	  (const igraph_t *, const igraph_vector_t *, const igraph_real_t, igraph_vector_int_t *,                      \
	   igraph_matrix_int_t *, igraph_vector_t *))                                                                  \
	X(igraph_error_t, igraph_modularity,                                                                           \
	  (const igraph_t *, const igraph_vector_int_t *, const igraph_vector_t *, const igraph_real_t,                \
	   const igraph_bool_t, igraph_real_t *))                                                                      \
	X(const char *, igraph_strerror, (const igraph_error_t))                                                       \
	X(igraph_error_t, igraph_compare_communities,                                                                  \
	  (const igraph_vector_int_t *, const igraph_vector_int_t *, igraph_real_t *, igraph_community_comparison_t))

typedef struct mp_ig {
#define MP_IG_FIELD(ret, name, args) ret(*name) args;
	MP_IG_FUNCS(MP_IG_FIELD)
#undef MP_IG_FIELD
	igraph_error_handler_t *error_handler_ignore;
} mp_ig;

/* The loaded table (libigraph.so.3, resolved once, thread-safely); NULL with MP_EUNSUPPORTED
 * in ctx if igraph cannot be loaded. */
const mp_ig *mp_ig__load(mp_ctx *ctx);

#ifndef MP_IG_IMPL
/* In the callers, igraph's names go through the table `ig` (a local const mp_ig *). */
#define igraph_set_error_handler ig->igraph_set_error_handler
#define igraph_vector_int_init ig->igraph_vector_int_init
#define igraph_vector_init ig->igraph_vector_init
#define igraph_vector_int_push_back ig->igraph_vector_int_push_back
#define igraph_vector_push_back ig->igraph_vector_push_back
#define igraph_vector_int_destroy ig->igraph_vector_int_destroy
#define igraph_vector_destroy ig->igraph_vector_destroy
#define igraph_vector_size ig->igraph_vector_size
#define igraph_vector_int_size ig->igraph_vector_int_size
#define igraph_create ig->igraph_create
#define igraph_destroy ig->igraph_destroy
#define igraph_ecount ig->igraph_ecount
#define igraph_rng_default ig->igraph_rng_default
#define igraph_rng_seed ig->igraph_rng_seed
#define igraph_vss_all ig->igraph_vss_all
#define igraph_strength ig->igraph_strength
#define igraph_community_leiden ig->igraph_community_leiden
#define igraph_community_multilevel ig->igraph_community_multilevel
#define igraph_modularity ig->igraph_modularity
#define igraph_strerror ig->igraph_strerror
#define igraph_compare_communities ig->igraph_compare_communities
#define igraph_error_handler_ignore ig->error_handler_ignore
#endif

#endif
