/* Internal: MPI helpers of the ensemble module (mpi.c). */
#ifndef MP_ENS_INTERNAL_H
#define MP_ENS_INTERNAL_H

#include <stddef.h>

#include "multipolar/ensemble.h"

/* Rank and size of MPI_COMM_WORLD when MPI is initialised, else 0 and 1. */
void mp_ens__mpi_world(int *rank, int *size);
/* Element-wise sum of every rank's send[0..sum(counts)) scattered in rank order: rank r
 * receives counts[r] values into recv. */
int mp_ens__mpi_reduce_scatter(const double *send, double *recv, const int *counts, int size);
/* Gathers counts[r] values of every rank r into all (rank 0 only), in rank order. */
int mp_ens__mpi_gather(const double *mine, double *all, const int *counts, int size);
/* In-place element-wise sum over the ranks of buf[0..n), result on every rank. */
int mp_ens__mpi_allreduce_sum(double *buf, size_t n);
/* Broadcasts an int from rank 0 (e.g. an error status). */
int mp_ens__mpi_bcast_int(int *v);

#endif
